// ROS2 (src/flow/rosenbrock.ts) through integrateOde, and the exact Jacobian of the normalised tensor-net flow
// (src/models/tensorNetsJacobian.ts) that makes it usable at large ‖Θ‖.
import { describe, expect, it } from 'vitest';
import { integrateOde } from '../src/flow/index.js';
import { makeRos2Core, ROS2_GAMMA } from '../src/flow/rosenbrock.js';
import { normalizedJacobian } from '../src/models/tensorNetsJacobian.js';
import { flowRhs, lossOf, makeNet, normalizedRhs } from '../src/models/tensorNets.js';
import { Rng, gaussMat, separableLabels } from '../properties/yun2021/common.js';

function t1Net(seed: number, n = 3) {
  const rng = new Rng(seed);
  const X = gaussMat(rng, n, 5);
  const y = separableLabels(rng, X);
  const net = makeNet({ kind: 'conv', d: 5, ks: [2, 5] }, X, y, 'exp');
  return { net, theta0: rng.normals(net.dim, 0.5) };
}
const unit = (v: Float64Array) => {
  const n = Math.hypot(...v);
  return Array.from(v, (x) => x / n);
};
const dist = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]));

describe('ROS2 stepper', () => {
  it('has the stability function 1 + z + z²/2 + O(z³) and R(∞) = 0 (order 2, L-stable)', () => {
    // One step of y' = λy with the exact Jacobian, y0 = 1: y1 = R(hλ).
    const R = (z: number) => {
      const core = makeRos2Core((_t, y, o) => (o[0] = z * y[0]), 1, { rtol: 1, atol: 1, autonomous: true, jacobian: (_t, _y, J) => (J[0] = z) });
      const y1 = new Float64Array(1);
      core.attempt(0, Float64Array.of(1), 1, y1);
      return y1[0];
    };
    for (const z of [1e-2, -1e-2, 3e-3]) expect(Math.abs(R(z) - (1 + z + (z * z) / 2))).toBeLessThan(2 * Math.abs(z) ** 3); // local error O(z³)
    // closed form R(z) = 1 + (3/2)z/(1−γz) + (1/2)z(−1 + (1−γ)z)/(1−γz)², which → 0 as z → −∞
    const g = ROS2_GAMMA;
    for (const z of [-0.5, -3, -40]) expect(R(z)).toBeCloseTo(1 + (1.5 * z) / (1 - g * z) + (0.5 * z * (-1 + (1 - g) * z)) / (1 - g * z) ** 2, 12);
    expect(Math.abs(R(-1e8))).toBeLessThan(1e-7);
    // and an explicit method's hallmark is absent: |R| ≤ 1 on the whole negative axis
    for (let k = 0; k < 40; k++) expect(Math.abs(R(-(10 ** (k / 5 - 2))))).toBeLessThanOrEqual(1);
  });

  it('is second order: the error of a fixed step halves by ≈ 4 (y′ = −y + sin t, non-autonomous)', () => {
    // exact: y = (sin t − cos t)/2 + 1.5 e^{−t} for y(0) = 1
    const exact = (t: number) => (Math.sin(t) - Math.cos(t)) / 2 + 1.5 * Math.exp(-t);
    const errAt = (h: number) => {
      const core = makeRos2Core((t, y, o) => (o[0] = -y[0] + Math.sin(t)), 1, { rtol: 1, atol: 1 });
      let y = Float64Array.of(1);
      const yn = new Float64Array(1);
      let t = 0;
      while (t < 1 - 1e-12) {
        core.f0Valid = false;
        core.attempt(t, y, h, yn);
        y = Float64Array.from(yn);
        t += h;
      }
      return Math.abs(y[0] - exact(1));
    };
    const e1 = errAt(0.1), e2 = errAt(0.05), e3 = errAt(0.025);
    // order p ⇒ ratio 2^p = 4; the forward-difference ∂F/∂t and J add O(√ε) per step, far below these errors
    expect(e1 / e2).toBeGreaterThan(3.5);
    expect(e1 / e2).toBeLessThan(4.5);
    expect(e2 / e3).toBeGreaterThan(3.5);
  });

  it('integrates a stiff Prothero–Robinson problem accurately in few steps, where dopri5 is stability-bound', () => {
    // y' = λ(y − cos t) − sin t, exact y = cos t; λ = −1e5.
    const lam = -1e5;
    const rhs = (t: number, y: Float64Array, o: Float64Array) => void (o[0] = lam * (y[0] - Math.cos(t)) - Math.sin(t));
    const r = integrateOde(rhs, Float64Array.of(1), { tMax: 10, tEval: [2.5, 5, 10], rtol: 1e-6, atol: 1e-9, method: 'ros2' });
    expect(r.status).toBe('done');
    expect(r.ts).toEqual([2.5, 5, 10]); // landed exactly on each checkpoint
    r.ys.forEach((y, k) => expect(Math.abs(y[0] - Math.cos(r.ts[k]))).toBeLessThan(1e-5)); // ~10·rtol·|y|: local errors on an attracting solution do not accumulate
    // accuracy-bound: an order-(1) estimate gives h ≈ √(rtol/|y''|) ≈ 1e-3, i.e. ≈ 10⁴ steps on [0, 10] whatever λ
    expect(r.steps).toBeLessThan(20000);
    // dopri5's stability interval on the negative axis is ≈ 3.3/|λ|: ≈ 3·10⁴ steps already on [0, 1]
    const e = integrateOde(rhs, Float64Array.of(1), { tMax: 1, rtol: 1e-6, atol: 1e-9 });
    expect(e.steps).toBeGreaterThan(20000);
  });

  it('uses the supplied Jacobian instead of differences (same answer on a smooth problem)', () => {
    // y1' = −2 y1 + y2², y2' = −y2 (exact: y2 = e^{−t}, y1 = (1 + t) e^{−2t} for y(0) = (1, 1))
    const rhs = (_t: number, y: Float64Array, o: Float64Array) => {
      o[0] = -2 * y[0] + y[1] * y[1];
      o[1] = -y[1];
    };
    let calls = 0;
    const jac = (_t: number, y: Float64Array, J: Float64Array) => {
      calls++;
      J.set([-2, 2 * y[1], 0, -1]);
    };
    const a = integrateOde(rhs, Float64Array.of(1, 1), { tMax: 2, rtol: 1e-9, atol: 1e-12, method: 'ros2', autonomous: true, jacobian: jac });
    const b = integrateOde(rhs, Float64Array.of(1, 1), { tMax: 2, rtol: 1e-9, atol: 1e-12, method: 'ros2', autonomous: true });
    expect(calls).toBeGreaterThan(0);
    expect(Math.abs(a.y[0] - 3 * Math.exp(-4))).toBeLessThan(1e-7);
    expect(Math.abs(a.y[1] - Math.exp(-2))).toBeLessThan(1e-7);
    expect(Math.abs(a.y[0] - b.y[0])).toBeLessThan(1e-7);
    expect(b.rhsEvals).toBeGreaterThan(a.rhsEvals); // differences cost n extra evaluations per step
  });

  it('reports divergence, wall time and the step limit like dopri5', () => {
    const blow = integrateOde((_t, y, o) => void (o[0] = y[0] * y[0]), Float64Array.of(1), { tMax: 2, method: 'ros2', divergeNorm: 1e6 });
    // y = 1/(1 − t) has a pole at t = 1: whatever stops it, the solver must not report having integrated past it
    expect(blow.status).not.toBe('done');
    expect(blow.t).toBeLessThan(1.0001);
    const slow = integrateOde((t, y, o) => void (o[0] = Math.cos(1e3 * t)), Float64Array.of(0), { tMax: 1e6, method: 'ros2', maxSteps: 50 });
    expect(slow.status).toBe('max-steps');
  });
});

describe('exact Jacobian of the normalised tensor-net flow', () => {
  it('matches central differences where they are accurate (small ‖Θ‖)', () => {
    for (const seed of [1, 2, 3]) {
      const { net, theta0 } = t1Net(seed);
      const n = net.dim;
      const J = new Float64Array(n * n);
      normalizedJacobian(net, theta0, J);
      const fp = new Float64Array(n), fm = new Float64Array(n);
      let maxErr = 0, maxJ = 0;
      for (let j = 0; j < n; j++) {
        const h = 1e-5;
        const tp = Float64Array.from(theta0), tm = Float64Array.from(theta0);
        tp[j] += h;
        tm[j] -= h;
        normalizedRhs(net, tp, fp);
        normalizedRhs(net, tm, fm);
        for (let i = 0; i < n; i++) {
          maxErr = Math.max(maxErr, Math.abs((fp[i] - fm[i]) / (2 * h) - J[i * n + j]));
          maxJ = Math.max(maxJ, Math.abs(J[i * n + j]));
        }
      }
      // central differences: truncation h²·|F'''|/6 ≈ 1e-10·O(10), rounding ε·|F|/h ≈ 1e-11: 1e-7 relative is ample
      expect(maxErr / maxJ).toBeLessThan(1e-7);
    }
  });

  it('lets ROS2 follow the dopri5 orbit of the normalised flow (τ ≤ 1000) to 1e-5 in direction', () => {
    const { net, theta0 } = t1Net(5);
    const pre = integrateOde((_t, y, o) => flowRhs(net, y, o), theta0, { tMax: 1e5, rtol: 1e-10, atol: 1e-12, stop: (_t, y) => lossOf(net, y) < 0.5 });
    const g = (_t: number, y: Float64Array, o: Float64Array) => void normalizedRhs(net, y, o);
    const ref = integrateOde(g, pre.y, { tMax: 300, tEval: [100, 300], rtol: 1e-10, atol: 1e-12 });
    const ros = integrateOde(g, pre.y, { tMax: 300, tEval: [100, 300], rtol: 1e-8, atol: 1e-10, method: 'ros2', autonomous: true, jacobian: (_t, y, J) => normalizedJacobian(net, y, J) });
    expect(ros.status).toBe('done');
    for (let k = 0; k < 2; k++) {
      // both solvers' global errors are ≲ 100·rtol on this attracting orbit; 1e-5 leaves a factor 10 over ROS2's
      expect(dist(unit(ros.ys[k]), unit(ref.ys[k]))).toBeLessThan(1e-5);
    }
  });
});
