// Mutation-killing unit tests for src/flow (see docs/mutation.md): the integrator contract pinned
// exactly where it is exact (one step of each method on a linear flow equals its stability
// function; argument validation; stopping rules; recording; statistics), and the order of each
// method measured on a NONLINEAR flow (a wrong tableau coefficient lowers the order there even when
// it survives on linear problems). Everything runs in well under a second per test.
import { describe, expect, it } from 'vitest';
import { checkGradientFD, checkGradientFDDetail, gradientDescent, integrateFlow, makeRhs } from '../src/flow/index.js';
import type { FlowModel } from '../src/flow/index.js';
import { norm2 } from '../src/linalg/index.js';

/** L = ½ Σ λ_i θ_i² (diagonal): θ_i(t) = θ_i(0) e^{−λ_i t}. */
function diag(lams: number[]): FlowModel {
  return {
    dim: lams.length,
    loss: (t) => 0.5 * lams.reduce((s, l, i) => s + l * t[i] * t[i], 0),
    grad: (t, o) => {
      for (let i = 0; i < lams.length; i++) o[i] = lams[i] * t[i];
    },
  };
}
/** L = ¼θ⁴: θ' = −θ³, θ(t) = θ₀/√(1 + 2θ₀²t) (nonlinear). */
const quartic: FlowModel = { dim: 1, loss: (t) => 0.25 * t[0] ** 4, grad: (t, o) => void (o[0] = t[0] ** 3) };
const quarticExact = (th0: number, t: number) => th0 / Math.sqrt(1 + 2 * th0 * th0 * t);

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe('one step of each method on y′ = −λy equals its stability function R(z), z = −λh', () => {
  const lam = 1.3;
  const h = 0.4;
  const z = -lam * h;
  const model = diag([lam]);
  const y0 = Float64Array.of(0.8);
  it('euler: R = 1 + z', () => {
    const s = integrateFlow(model, y0, { method: 'euler', h, tMax: h });
    expect(s.stats.steps).toBe(1);
    expect(rel(s.theta[0], 0.8 * (1 + z))).toBeLessThan(1e-15);
    expect(s.method).toBe('euler');
  });
  it('rk4: R = 1 + z + z²/2 + z³/6 + z⁴/24', () => {
    const s = integrateFlow(model, y0, { method: 'rk4', h, tMax: h });
    expect(s.stats.steps).toBe(1);
    expect(rel(s.theta[0], 0.8 * (1 + z + z ** 2 / 2 + z ** 3 / 6 + z ** 4 / 24))).toBeLessThan(1e-15);
  });
  it('gauss2 (fixed): R = (1 + z/2 + z²/12)/(1 − z/2 + z²/12) (the (2,2) Padé approximant)', () => {
    const s = integrateFlow(model, y0, { method: 'gauss2', h, tMax: h, adaptive: false });
    expect(s.stats.steps).toBe(1);
    expect(rel(s.theta[0], (0.8 * (1 + z / 2 + z * z / 12)) / (1 - z / 2 + z * z / 12))).toBeLessThan(1e-14);
  });
  it('dopri5 (5th-order solution): R = 1 + z + z²/2 + z³/6 + z⁴/24 + z⁵/120 + z⁶/600', () => {
    const s = integrateFlow(model, y0, { h, tMax: h, rtol: 1, atol: 1 });
    expect(s.stats.steps).toBe(1);
    expect(s.stats.rejected).toBe(0);
    const R = 1 + z + z ** 2 / 2 + z ** 3 / 6 + z ** 4 / 24 + z ** 5 / 120 + z ** 6 / 600;
    expect(rel(s.theta[0], 0.8 * R)).toBeLessThan(1e-15);
  });
});

describe('order of the local error on a nonlinear flow (θ′ = −θ³)', () => {
  // One step of size h from θ₀: local error C·h^{p+1}. Halving h divides it by 2^{p+1}.
  const th0 = 1.1;
  const localErr = (opts: Parameters<typeof integrateFlow>[2], h: number) => {
    const s = integrateFlow(quartic, Float64Array.of(th0), { ...opts, h, tMax: h });
    expect(s.stats.steps).toBe(1);
    return Math.abs(s.theta[0] - quarticExact(th0, h));
  };
  /** Fitted local order p + 1 from steps h and h/4: log₄(err(h)/err(h/4)). */
  const order = (opts: Parameters<typeof integrateFlow>[2], h: number) => Math.log2(localErr(opts, h) / localErr(opts, h / 4)) / 2;
  it('euler p = 1, rk4 p = 4, gauss2 p = 4, dopri5 p = 5 (measured local orders p + 1, pre-asymptotic ±0.5)', () => {
    const e = order({ method: 'euler' }, 0.02);
    expect(e).toBeGreaterThan(1.8);
    expect(e).toBeLessThan(2.2);
    const r4 = order({ method: 'rk4' }, 0.02); // 4.75 measured
    expect(r4).toBeGreaterThan(4.5);
    expect(r4).toBeLessThan(5.5);
    const g2 = order({ method: 'gauss2', adaptive: false }, 0.02); // 4.91 measured
    expect(g2).toBeGreaterThan(4.6);
    expect(g2).toBeLessThan(5.4);
    const d5 = order({ rtol: 1, atol: 1 }, 0.04); // 6.6 measured
    expect(d5).toBeGreaterThan(5.6);
    expect(d5).toBeLessThan(7.2);
  });
  it('dopri5 dense output has order ≥ 4 inside a single step', () => {
    const errAt = (h: number) => {
      const s = integrateFlow(quartic, Float64Array.of(th0), { h, tMax: h, rtol: 1, atol: 1, tEval: [0.37 * h] });
      const k = s.evalIndex![0];
      return Math.abs(s.thetas[k][0] - quarticExact(th0, 0.37 * h));
    };
    expect(errAt(0.1) / errAt(0.05)).toBeGreaterThan(24); // ≥ 2⁵ − slack (interpolant local order 5)
  });
  it('adaptive gauss2 and dopri5 reach a global error near the tolerance on the nonlinear flow', () => {
    for (const method of ['gauss2', 'dopri5'] as const) {
      const s = integrateFlow(quartic, Float64Array.of(th0), { method, tMax: 5, rtol: 1e-9, atol: 1e-12 });
      expect(s.status).toBe('max-time');
      expect(Math.abs(s.theta[0] - quarticExact(th0, 5))).toBeLessThan(1e-7);
      expect(Math.abs(s.theta[0] - quarticExact(th0, 5))).toBeGreaterThan(1e-16);
      const loose = integrateFlow(quartic, Float64Array.of(th0), { method, tMax: 5, rtol: 1e-5, atol: 1e-8 });
      expect(loose.stats.steps).toBeLessThan(s.stats.steps);
    }
  });
});

describe('argument validation', () => {
  const m = diag([1, 2]);
  const th = Float64Array.of(1, 1);
  it('throws on a wrong state length, a negative tMax, missing fixed steps, an unknown method, unsorted tEval', () => {
    expect(() => integrateFlow(m, Float64Array.of(1), {})).toThrow(/length/);
    expect(() => integrateFlow(m, th, { tMax: -1 })).toThrow(/tMax/);
    expect(() => integrateFlow(m, th, { method: 'rk4' })).toThrow(/h > 0/);
    expect(() => integrateFlow(m, th, { method: 'euler', h: 0 })).toThrow(/h > 0/);
    expect(() => integrateFlow(m, th, { method: 'gauss2', adaptive: false })).toThrow(/h > 0/);
    expect(() => integrateFlow(m, th, { method: 'nope' as never, h: 1 })).toThrow(/unknown method/);
    expect(() => integrateFlow(m, th, { tMax: 2, tEval: [1, 0.5] })).toThrow(/non-decreasing/);
    expect(() => integrateFlow(m, th, { tMax: 2, tEval: [0.5, 0.5, 1] })).not.toThrow();
    expect(() => gradientDescent(m, th, { eta: 0, steps: 3 })).toThrow(/eta/);
    expect(() => gradientDescent(m, th, { eta: -1, steps: 3 })).toThrow(/eta/);
  });
  it('tMax = 0 returns the initial state with max-time', () => {
    const s = integrateFlow(m, th, { tMax: 0 });
    expect(s.status).toBe('max-time');
    expect(s.t).toBe(0);
    expect(Array.from(s.theta)).toEqual([1, 1]);
    expect(s.stats.steps).toBe(0);
  });
});

describe('defaults, limits and statuses', () => {
  const m = diag([1, 0.5]);
  const th = Float64Array.of(1, -1);
  it('default method is dopri5 and the default lossTol is 1e-20 (it stops once L ≤ 1e-20)', () => {
    const s = integrateFlow(m, th, {});
    expect(s.method).toBe('dopri5');
    expect(s.status).toBe('converged');
    expect(s.loss).toBeLessThanOrEqual(1e-20);
    expect(s.loss).toBeGreaterThan(1e-24);
  });
  it('lossFloor is subtracted; gradNorm is ‖∇L‖ at the final state', () => {
    const floored: FlowModel = { ...m, loss: (t) => m.loss(t) + 3, lossFloor: 3 };
    const s = integrateFlow(floored, th, { lossTol: 1e-6 });
    expect(s.status).toBe('converged');
    expect(s.loss - 3).toBeLessThanOrEqual(1e-6);
    expect(s.loss - 3).toBeGreaterThan(1e-8);
    const g = new Float64Array(2);
    m.grad(s.theta, g);
    expect(s.gradNorm).toBeCloseTo(norm2(g), 14);
    expect(s.message).toMatch(/converged/);
  });
  it('gradTol: converged on ‖∇L‖ ≤ gradTol for every method, not before tMin', () => {
    for (const method of ['dopri5', 'rk4', 'euler', 'gauss2'] as const) {
      const s = integrateFlow(m, th, { method, h: method === 'dopri5' || method === 'gauss2' ? undefined : 0.05, gradTol: 1e-3, lossTol: -1 });
      expect(s.status).toBe('converged');
      const g = new Float64Array(2);
      m.grad(s.theta, g);
      expect(norm2(g)).toBeLessThanOrEqual(1e-3);
      expect(norm2(g)).toBeGreaterThan(1e-5);
      if (method !== 'dopri5') expect(s.gradNorm).toBeCloseTo(norm2(g), 12);
    }
    const late = integrateFlow(m, th, { gradTol: 1e-3, lossTol: -1, tMin: 30 });
    expect(late.t).toBeGreaterThanOrEqual(30);
  });
  it('maxSteps: exactly that many accepted steps', () => {
    for (const method of ['dopri5', 'rk4'] as const) {
      const s = integrateFlow(m, th, { method, h: 0.01, maxSteps: 7, lossTol: -1 });
      expect(s.status).toBe('max-steps');
      expect(s.stats.steps).toBe(7);
    }
  });
  it('wall-time: wallSeconds = 0 stops after the first 16 attempts', () => {
    const s = integrateFlow(m, th, { method: 'euler', h: 1e-3, wallSeconds: 0, lossTol: -1 });
    expect(s.status).toBe('wall-time');
    expect(s.stats.steps).toBe(15);
  });
  it('divergeNorm: stops as soon as ‖θ‖∞ exceeds it (default 1e12)', () => {
    const grow: FlowModel = { dim: 1, loss: (t) => -0.5 * t[0] * t[0], grad: (t, o) => void (o[0] = -t[0]) };
    const s = integrateFlow(grow, Float64Array.of(1), { method: 'rk4', h: 0.1, divergeNorm: 100, lossTol: -Infinity });
    expect(s.status).toBe('diverged');
    expect(s.theta[0]).toBeGreaterThan(100);
    expect(s.theta[0]).toBeLessThan(100 * Math.exp(0.11));
    const d = integrateFlow(grow, Float64Array.of(1), { method: 'rk4', h: 1, lossTol: -Infinity });
    expect(d.status).toBe('diverged');
    expect(d.theta[0]).toBeGreaterThan(1e12);
    expect(d.theta[0]).toBeLessThan(1e12 * 3);
    expect(integrateFlow(grow, Float64Array.of(2e12), { lossTol: -Infinity }).status).toBe('diverged');
    expect(integrateFlow(grow, Float64Array.of(1e11), { lossTol: -Infinity, divergeNorm: 1e10 }).status).toBe('diverged');
  });
  it('hMax bounds every step of dopri5 and adaptive gauss2; dopri5 honours the initial h', () => {
    for (const method of ['dopri5', 'gauss2'] as const) {
      const s = integrateFlow(m, th, { method, tMax: 3, hMax: 0.25, recordEvery: 1, rtol: 1e-4, atol: 1e-6 });
      for (let i = 1; i < s.ts.length; i++) expect(s.ts[i] - s.ts[i - 1]).toBeLessThanOrEqual(0.25 + 1e-15);
      expect(s.stats.steps).toBeGreaterThanOrEqual(12);
      const free = integrateFlow(m, th, { method, tMax: 3, recordEvery: 1, rtol: 1e-4, atol: 1e-6 });
      expect(free.stats.steps).toBeLessThan(s.stats.steps);
    }
    const first = integrateFlow(m, th, { h: 1e-3, tMax: 1, recordEvery: 1 });
    expect(first.ts[1]).toBeCloseTo(1e-3, 15);
  });
  it('a landing step on tMax does not shrink the next proposal (fixed steps stay on the grid)', () => {
    const s = integrateFlow(m, th, { method: 'rk4', h: 0.3, tMax: 1.2, tEval: [0.45, 0.9] });
    expect(s.ts).toEqual([0, 0.45, 0.9, 1.2]);
    // steps: 0.3, 0.15 (to 0.45), 0.3 (0.75), 0.15 (0.9), 0.3 (1.2)
    expect(s.stats.steps).toBe(5);
    expect(s.evalIndex).toEqual([1, 2]);
  });
});

describe('recording', () => {
  const m = diag([0.3]);
  const th = Float64Array.of(1);
  it('recordEvery k records every k-th accepted step plus t = 0 and the end', () => {
    const s = integrateFlow(m, th, { method: 'euler', h: 0.1, tMax: 1, recordEvery: 3 });
    expect(s.stats.steps).toBe(10);
    expect(s.ts.map((t) => Number(t.toFixed(10)))).toEqual([0, 0.3, 0.6, 0.9, 1]);
    expect(s.thetas.length).toBe(5);
    expect(s.losses.length).toBe(5);
    expect(s.losses[4]).toBe(m.loss(s.thetas[4]));
    const every = integrateFlow(m, th, { method: 'euler', h: 0.1, tMax: 1 });
    expect(every.ts.length).toBe(11);
    expect(every.thetas[3][0]).toBeCloseTo(0.97 ** 3, 15);
  });
  it('auto-thinning keeps t = 0, the end, and at most 2000 + 1 records; the stride doubles', () => {
    const s = integrateFlow(m, th, { method: 'euler', h: 1e-3, tMax: 5 });
    expect(s.stats.steps).toBe(5000);
    expect(s.ts[0]).toBe(0);
    expect(s.ts[s.ts.length - 1]).toBe(5);
    expect(s.ts.length).toBeLessThanOrEqual(2001);
    expect(s.ts.length).toBeGreaterThan(1000);
    // every kept record is a state of the run at its time
    for (const k of [1, 500, 1200]) expect(s.thetas[k][0]).toBeCloseTo((1 - 3e-4) ** Math.round(s.ts[k] / 1e-3), 12);
    const gaps = new Set(s.ts.slice(1, -1).map((t, i) => Math.round((t - s.ts[i]) / 1e-3)));
    expect([...gaps].every((g) => g === 2 || g === 4 || g === 1)).toBe(true);
  });
  it('tEval: evalIndex points at the records; times ≤ 0 map to 0; unreached times are −1', () => {
    const s = integrateFlow(m, th, { tMax: 2, tEval: [-1, 0, 0.5, 2, 3] });
    expect(s.evalIndex).toEqual([0, 0, 1, 2, -1]);
    expect(s.ts).toEqual([0, 0.5, 2]);
    expect(s.thetas[1][0]).toBeCloseTo(Math.exp(-0.15), 9);
    expect(s.losses[1]).toBe(m.loss(s.thetas[1]));
  });
  it('invariant drift: max over records of ‖I − I₀‖∞ / max(1, ‖I₀‖∞)', () => {
    const inv: FlowModel = { ...m, invariants: (t) => Float64Array.of(4 * t[0], 0.5) };
    const s = integrateFlow(inv, th, { method: 'euler', h: 0.1, tMax: 1 });
    expect(s.invariantDrift).toBeCloseTo((4 * (1 - 0.97 ** 10)) / 4, 12);
    const small: FlowModel = { ...m, invariants: (t) => Float64Array.of(0.5 * t[0]) };
    expect(integrateFlow(small, th, { method: 'euler', h: 0.1, tMax: 1 }).invariantDrift).toBeCloseTo(0.5 * (1 - 0.97 ** 10), 12);
    expect(integrateFlow(m, th, { tMax: 1 }).invariantDrift).toBe(0);
    const nan: FlowModel = { ...m, invariants: (t) => Float64Array.of(t[0] < 0.99 ? NaN : 1) };
    expect(integrateFlow(nan, th, { method: 'euler', h: 0.1, tMax: 1 }).invariantDrift).toBeNaN();
  });
});

describe('statistics and the fused evaluation', () => {
  it('makeRhs negates the gradient and counts; the fused path records the loss of the last point', () => {
    const m = diag([2, 3]);
    const rhs = makeRhs(m);
    const out = new Float64Array(2);
    const y = Float64Array.of(1, -1);
    rhs.f(y, out);
    expect(Array.from(out)).toEqual([-2, 3]);
    expect(rhs.evals).toBe(1);
    expect(rhs.lastY).toBe(null);
    const fused: FlowModel = { ...m, lossAndGrad: (t, o) => (m.grad(t, o), m.loss(t)) };
    const r2 = makeRhs(fused);
    r2.f(y, out);
    expect(Array.from(out)).toEqual([-2, 3]);
    expect(r2.lastLoss).toBe(2.5);
    expect(r2.lastY).toBe(y);
    expect(r2.evals).toBe(1);
  });
  it('dopri5 with lossAndGrad calls loss() only for the initial state', () => {
    const m = diag([1, 0.2]);
    let lossCalls = 0;
    const fused: FlowModel = { ...m, loss: (t) => (lossCalls++, m.loss(t)), lossAndGrad: (t, o) => (m.grad(t, o), m.loss(t)) };
    const s = integrateFlow(fused, Float64Array.of(1, 1), { tMax: 3 });
    expect(lossCalls).toBe(1);
    const plain = integrateFlow(m, Float64Array.of(1, 1), { tMax: 3 });
    expect(s.loss).toBe(plain.loss);
    expect(Array.from(s.theta)).toEqual(Array.from(plain.theta));
  });
  it('rejections are counted and each costs 6 evaluations; euler costs one evaluation per step', () => {
    const s = integrateFlow(diag([50, 1]), Float64Array.of(1, 1), { h: 1, tMax: 2, rtol: 1e-8, atol: 1e-10 });
    expect(s.stats.rejected).toBeGreaterThan(0);
    expect(s.stats.rhsEvals).toBe(1 + 6 * (s.stats.steps + s.stats.rejected));
    const e = integrateFlow(diag([1]), Float64Array.of(1), { method: 'euler', h: 0.1, tMax: 1 });
    expect(e.stats.rhsEvals).toBe(10);
    expect(e.stats.rejected).toBe(0);
  });
});

describe('gradientDescent', () => {
  const m = diag([1, 0.5]);
  const th = Float64Array.of(1, 2);
  it('iterates θ ← θ − η∇L, records every iterate by default, t = kη', () => {
    const s = gradientDescent(m, th, { eta: 0.1, steps: 5 });
    expect(s.status).toBe('max-steps');
    expect(s.stats.steps).toBe(5);
    expect(s.stats.rhsEvals).toBe(5);
    expect(s.t).toBeCloseTo(0.5, 15);
    expect(s.ts.length).toBe(6);
    expect(s.theta[0]).toBeCloseTo(0.9 ** 5, 15);
    expect(s.theta[1]).toBeCloseTo(2 * 0.95 ** 5, 15);
    expect(s.losses[5]).toBe(m.loss(s.theta));
    expect(s.method).toBe('gd');
    expect(Array.from(th)).toEqual([1, 2]); // input untouched
  });
  it('recordEvery, thinning beyond 2000 records, lossTol, divergence', () => {
    const r = gradientDescent(m, th, { eta: 0.01, steps: 10, recordEvery: 4 });
    expect(r.ts.map((t) => Number(t.toFixed(10)))).toEqual([0, 0.04, 0.08, 0.1]);
    const long = gradientDescent(m, th, { eta: 1e-4, steps: 5000 });
    expect(long.ts.length).toBeLessThanOrEqual(2001);
    expect(long.ts.length).toBeGreaterThan(1000);
    expect(long.ts[long.ts.length - 1]).toBeCloseTo(0.5, 12);
    expect(long.thetas[1][0]).toBeCloseTo((1 - 1e-4) ** Math.round(long.ts[1] / 1e-4), 13);
    const c = gradientDescent(m, th, { eta: 0.5, steps: 1000, lossTol: 1e-6 });
    expect(c.status).toBe('converged');
    expect(c.loss).toBeLessThanOrEqual(1e-6);
    expect(c.loss).toBeGreaterThan(1e-8);
    expect(gradientDescent(m, new Float64Array(2), { eta: 0.5, steps: 10, lossTol: 0 }).stats.steps).toBe(0);
    const d = gradientDescent(m, th, { eta: 3, steps: 1000 });
    expect(d.status).toBe('diverged');
    expect(Math.max(...d.theta.map(Math.abs))).toBeGreaterThan(1e12);
    expect(gradientDescent(m, th, { eta: 3, steps: 1000, divergeNorm: 10 }).stats.steps).toBeLessThan(5);
    expect(gradientDescent(m, Float64Array.of(NaN, 0), { eta: 0.1, steps: 3 }).status).toBe('diverged');
  });
  it('invariant drift of GD is measured on the records', () => {
    const inv: FlowModel = { ...m, invariants: (t) => Float64Array.of(t[0] * t[0] - t[1] * t[1]) };
    const s = gradientDescent(inv, th, { eta: 0.1, steps: 3 });
    const I0 = 1 - 4;
    const I3 = 0.9 ** 6 - 4 * 0.95 ** 6;
    expect(s.invariantDrift).toBeCloseTo(Math.abs(I3 - I0) / 3, 12);
  });
});

describe('checkGradientFD', () => {
  it('central differences with a relative step; worst index; floor for zero gradients', () => {
    const m = diag([1, 2, 3]);
    const th = Float64Array.of(100, -0.5, 0);
    const d = checkGradientFDDetail(m, th);
    expect(d.maxRelError).toBeLessThan(1e-6);
    for (let i = 0; i < 3; i++) expect(d.fd[i]).toBeCloseTo([100, -1, 0][i], 6);
    expect(Array.from(d.grad)).toEqual([100, -1, 0]);
    const wrong: FlowModel = { ...m, grad: (t, o) => (m.grad(t, o), (o[1] *= 1.01)) };
    const w = checkGradientFDDetail(wrong, th);
    expect(w.worstIndex).toBe(1);
    expect(w.maxRelError).toBeCloseTo(0.01 / 1.01, 6);
    expect(checkGradientFD(wrong, th)).toBe(w.maxRelError);
    // an error in a tiny component below the 1e-6·scale floor does not count as relative error
    const tinyErr: FlowModel = { ...m, grad: (t, o) => (m.grad(t, o), (o[2] += 1e-9)) };
    // floor = max(1e-6·‖g‖∞, 1e-12) = 1e-4 here, so the 1e-9 error counts as 1e-9/1e-4
    expect(checkGradientFD(tinyErr, th)).toBeCloseTo(1e-5, 9);
    const zero = diag([0, 0]);
    expect(checkGradientFD({ ...zero, grad: (t, o) => (zero.grad(t, o), (o[0] = 1e-13)) }, Float64Array.of(1, 1))).toBeCloseTo(0.1, 6);
    const bigStep = checkGradientFD(quartic, Float64Array.of(1), 1e-2);
    expect(bigStep).toBeGreaterThan(1e-5); // O(h²) truncation visible with a coarse step
  });
});
