// A compact adaptive Dormand–Prince 5(4) integrator for the Woodworth claims, with the project's
// FlowModel/FlowOptions/FlowSolution contract (src/flow/types.ts). It exists so that these claims do
// not depend on the order in which the shared integrator lands; it is used for θ' = −∇L(θ) and for
// augmented states (e.g. Ṡ = res). Dense output: DOPRI5's 4th-order continuous extension.
// Step control: standard PI-free controller, err = ‖e/(atol + rtol·max(|y|,|y_new|))‖_RMS.
import type { FlowModel, FlowOptions, FlowSolution, FlowStatus } from '../flow/types.js';

const c2 = 1 / 5, c3 = 3 / 10, c4 = 4 / 5, c5 = 8 / 9;
const a21 = 1 / 5;
const a31 = 3 / 40, a32 = 9 / 40;
const a41 = 44 / 45, a42 = -56 / 15, a43 = 32 / 9;
const a51 = 19372 / 6561, a52 = -25360 / 2187, a53 = 64448 / 6561, a54 = -212 / 729;
const a61 = 9017 / 3168, a62 = -355 / 33, a63 = 46732 / 5247, a64 = 49 / 176, a65 = -5103 / 18656;
const b1 = 35 / 384, b3 = 500 / 1113, b4 = 125 / 192, b5 = -2187 / 6784, b6 = 11 / 84;
const e1 = 71 / 57600, e3 = -71 / 16695, e4 = 71 / 1920, e5 = -17253 / 339200, e6 = 22 / 525, e7 = -1 / 40;
// Dense output coefficients (Hairer–Wanner, DOPRI5 continuous extension)
const d1 = -12715105075 / 11282082432, d3 = 87487479700 / 32700410799, d4 = -10690763975 / 1880347072;
const d5 = 701980252875 / 199316789632, d6 = -1453857185 / 822651844, d7 = 69997945 / 29380423;

export function integrateWoo(model: FlowModel, theta0: Float64Array, opts: FlowOptions = {}): FlowSolution {
  const n = model.dim;
  const rtol = opts.rtol ?? 1e-10;
  const atol = opts.atol ?? 1e-12;
  const tMax = opts.tMax ?? Infinity;
  const tMin = opts.tMin ?? 0;
  const maxSteps = opts.maxSteps ?? 2e6;
  const wall = (opts.wallSeconds ?? 60) * 1000;
  const lossTol = opts.lossTol ?? 0;
  const floor = model.lossFloor ?? 0;
  const divergeNorm = opts.divergeNorm ?? 1e12;
  const tEval = opts.tEval ? [...opts.tEval].sort((a, b) => a - b) : null;
  const t0w = performance.now();
  const f = (y: Float64Array, out: Float64Array) => {
    model.grad(y, out);
    for (let i = 0; i < n; i++) out[i] = -out[i];
  };
  let y = Float64Array.from(theta0);
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const k5 = new Float64Array(n), k6 = new Float64Array(n), k7 = new Float64Array(n);
  const yt = new Float64Array(n);
  let ynew = new Float64Array(n);
  f(y, k1);
  let rhs = 1;
  const inv0 = model.invariants ? model.invariants(y) : null;
  let drift = 0;
  const checkInv = (th: Float64Array) => {
    if (!inv0 || !model.invariants) return;
    const I = model.invariants(th);
    let m = 0;
    let sc = 1;
    for (let i = 0; i < I.length; i++) {
      m = Math.max(m, Math.abs(I[i] - inv0[i]) / Math.max(Number.MIN_VALUE, Math.abs(inv0[i])));
      sc = Math.max(sc, Math.abs(inv0[i]));
    }
    // Relative per component (stricter than the contract's max(1, ‖I0‖) normalization).
    drift = Math.max(drift, m);
  };
  const ts: number[] = [0];
  const thetas: Float64Array[] = [Float64Array.from(y)];
  const losses: number[] = [model.loss(y)];
  let evalIdx = 0;
  if (tEval) while (evalIdx < tEval.length && tEval[evalIdx] <= 0) evalIdx++;
  let t = 0;
  // Initial step (Hairer's heuristic, simplified)
  let sc0 = 0, sc1 = 0;
  for (let i = 0; i < n; i++) {
    const s = atol + rtol * Math.abs(y[i]);
    sc0 += (y[i] / s) ** 2;
    sc1 += (k1[i] / s) ** 2;
  }
  const d0 = Math.sqrt(sc0 / n);
  const d1n = Math.sqrt(sc1 / n);
  let h = opts.h ?? (d0 < 1e-5 || d1n < 1e-5 ? 1e-6 : 0.01 * (d0 / d1n));
  if (!(h > 0) || !Number.isFinite(h)) h = 1e-6;
  let steps = 0;
  let rejected = 0;
  let status: FlowStatus = 'max-time';
  let loss = losses[0];
  const recordEvery = opts.recordEvery ?? 0;
  if (loss - floor <= lossTol && tMin <= 0) status = 'converged';
  else
    for (;;) {
      if (t >= tMax) {
        status = 'max-time';
        break;
      }
      if (steps >= maxSteps) {
        status = 'max-steps';
        break;
      }
      if (performance.now() - t0w > wall) {
        status = 'wall-time';
        break;
      }
      if (t + h > tMax) h = tMax - t;
      const stage = (out: Float64Array, coeffs: [Float64Array, number][]) => {
        for (let i = 0; i < n; i++) {
          let s = y[i];
          for (const [k, a] of coeffs) s += h * a * k[i];
          yt[i] = s;
        }
        f(yt, out);
      };
      stage(k2, [[k1, a21]]);
      stage(k3, [[k1, a31], [k2, a32]]);
      stage(k4, [[k1, a41], [k2, a42], [k3, a43]]);
      stage(k5, [[k1, a51], [k2, a52], [k3, a53], [k4, a54]]);
      stage(k6, [[k1, a61], [k2, a62], [k3, a63], [k4, a64], [k5, a65]]);
      for (let i = 0; i < n; i++) ynew[i] = y[i] + h * (b1 * k1[i] + b3 * k3[i] + b4 * k4[i] + b5 * k5[i] + b6 * k6[i]);
      f(ynew, k7);
      rhs += 6;
      let err = 0;
      let finite = true;
      for (let i = 0; i < n; i++) {
        const ei = h * (e1 * k1[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i] + e7 * k7[i]);
        const sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(ynew[i]));
        err += (ei / sc) ** 2;
        if (!Number.isFinite(ynew[i])) finite = false;
      }
      err = Math.sqrt(err / n);
      if (!finite || !Number.isFinite(err)) {
        h *= 0.25;
        rejected++;
        if (h < 1e-300) {
          status = 'diverged';
          break;
        }
        continue;
      }
      if (err <= 1) {
        // dense output for tEval in (t, t+h]
        if (tEval) {
          while (evalIdx < tEval.length && tEval[evalIdx] <= t + h) {
            const th = (tEval[evalIdx] - t) / h;
            const th1 = 1 - th;
            const out = new Float64Array(n);
            for (let i = 0; i < n; i++) {
              const dy = ynew[i] - y[i];
              const bspl = h * k1[i] - dy;
              const r4 = h * (d1 * k1[i] + d3 * k3[i] + d4 * k4[i] + d5 * k5[i] + d6 * k6[i] + d7 * k7[i]);
              out[i] = y[i] + th * (dy + th1 * (bspl + th * (dy - h * k7[i] - bspl + th1 * r4)));
            }
            ts.push(tEval[evalIdx]);
            thetas.push(out);
            losses.push(model.loss(out));
            checkInv(out);
            evalIdx++;
          }
        }
        t += h;
        const tmp = y;
        y = ynew;
        ynew = tmp;
        k1.set(k7);
        steps++;
        loss = model.loss(y);
        if (!tEval && recordEvery > 0 && steps % recordEvery === 0) {
          ts.push(t);
          thetas.push(Float64Array.from(y));
          losses.push(loss);
        }
        if (steps % 50 === 0) checkInv(y);
        let big = 0;
        for (let i = 0; i < n; i++) big = Math.max(big, Math.abs(y[i]));
        if (!(big <= divergeNorm)) {
          status = 'diverged';
          break;
        }
        if (loss - floor <= lossTol && t >= tMin) {
          status = 'converged';
          break;
        }
        if (opts.gradTol) {
          let gn = 0;
          for (let i = 0; i < n; i++) gn += k1[i] * k1[i];
          if (Math.sqrt(gn) <= opts.gradTol && t >= tMin) {
            status = 'converged';
            break;
          }
        }
      } else rejected++;
      const fac = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
      h *= fac;
      if (h < 1e-14 * Math.max(1e-8, t) && rejected > 0) {
        status = 'step-underflow';
        break;
      }
    }
  checkInv(y);
  if (ts[ts.length - 1] !== t) {
    ts.push(t);
    thetas.push(Float64Array.from(y));
    losses.push(loss);
  }
  const stats = { steps, rejected, rhsEvals: rhs, wallSeconds: (performance.now() - t0w) / 1000 };
  return {
    status,
    t,
    theta: Float64Array.from(y),
    loss,
    ts,
    thetas,
    losses,
    stats,
    invariantDrift: drift,
    message: `${status} at t=${t.toExponential(3)} after ${steps} steps (${rejected} rejected), loss ${loss.toExponential(3)}`,
  };
}
