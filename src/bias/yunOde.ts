// A small adaptive Dormand–Prince 5(4) integrator for general ODEs y' = F(t, y) (not only gradient
// systems): the Yun et al. checks integrate augmented states (Θ together with ∫r dt) and the
// normalised flow of the exponential loss, which the FlowModel contract does not express.
// Steps are clipped to land exactly on the requested checkpoints.

export type Rhs = (t: number, y: Float64Array, out: Float64Array) => void;

export interface OdeOptions {
  rtol?: number;
  atol?: number;
  tMax: number;
  /** Times at which the state is recorded (sorted ascending, ≤ tMax). */
  tEval?: number[];
  /** Stop early (status 'stopped') when this returns true after an accepted step. */
  stop?: (t: number, y: Float64Array) => boolean;
  maxSteps?: number;
  wallSeconds?: number;
  h0?: number;
  /** Abort as 'diverged' when ‖y‖∞ exceeds this. */
  divergeNorm?: number;
}

export interface OdeResult {
  status: 'done' | 'stopped' | 'max-steps' | 'wall-time' | 'diverged' | 'step-underflow';
  t: number;
  y: Float64Array;
  ts: number[];
  ys: Float64Array[];
  steps: number;
  rejected: number;
}

const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

export function dopri5(f: Rhs, y0: Float64Array, opts: OdeOptions): OdeResult {
  const n = y0.length;
  const rtol = opts.rtol ?? 1e-10;
  const atol = opts.atol ?? 1e-12;
  const maxSteps = opts.maxSteps ?? 2_000_000;
  const wallMs = (opts.wallSeconds ?? 60) * 1000;
  const divergeNorm = opts.divergeNorm ?? 1e12;
  const tEval = (opts.tEval ?? []).filter((t) => t >= 0 && t <= opts.tMax);
  const start = performance.now();
  let t = 0;
  let y = Float64Array.from(y0);
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const k5 = new Float64Array(n), k6 = new Float64Array(n), k7 = new Float64Array(n);
  const yt = new Float64Array(n), ynew = new Float64Array(n);
  const ts: number[] = [];
  const ys: Float64Array[] = [];
  let ei = 0;
  while (ei < tEval.length && tEval[ei] <= 0) {
    ts.push(tEval[ei]);
    ys.push(Float64Array.from(y));
    ei++;
  }
  f(t, y, k1);
  let h = opts.h0 ?? initialStep(y, k1, rtol, atol, opts.tMax);
  let steps = 0;
  let rejected = 0;
  const finish = (status: OdeResult['status']): OdeResult => ({ status, t, y, ts, ys, steps, rejected });
  while (t < opts.tMax) {
    if (steps >= maxSteps) return finish('max-steps');
    if ((steps & 255) === 0 && performance.now() - start > wallMs) return finish('wall-time');
    const target = ei < tEval.length ? tEval[ei] : opts.tMax;
    let hit = false;
    const hNat = h;
    if (t + h >= target) {
      h = target - t;
      hit = true;
    }
    if (h <= Math.abs(t) * 1e-15 || h < 1e-300) return finish('step-underflow');
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * A21 * k1[i];
    f(t + C2 * h, yt, k2);
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
    f(t + C3 * h, yt, k3);
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
    f(t + C4 * h, yt, k4);
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
    f(t + C5 * h, yt, k5);
    for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
    f(t + h, yt, k6);
    for (let i = 0; i < n; i++) ynew[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
    f(t + h, ynew, k7);
    let err = 0;
    for (let i = 0; i < n; i++) {
      const e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
      const sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(ynew[i]));
      err = Math.max(err, Math.abs(e) / sc);
    }
    if (!Number.isFinite(err)) {
      h *= 0.1;
      rejected++;
      steps++;
      continue;
    }
    if (err <= 1) {
      t = hit ? target : t + h;
      y = Float64Array.from(ynew);
      k1.set(k7);
      steps++;
      let big = 0;
      for (let i = 0; i < n; i++) big = Math.max(big, Math.abs(y[i]));
      if (!Number.isFinite(big) || big > divergeNorm) return finish('diverged');
      while (ei < tEval.length && tEval[ei] <= t) {
        ts.push(tEval[ei]);
        ys.push(Float64Array.from(y));
        ei++;
      }
      if (opts.stop && opts.stop(t, y)) return finish('stopped');
      const fac = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
      h = hit ? Math.max(Math.min(hNat, h * 5), h * fac) : h * fac;
    } else {
      rejected++;
      steps++;
      h *= Math.max(0.1, 0.9 * Math.pow(err, -0.2));
    }
  }
  return finish('done');
}

function initialStep(y: Float64Array, f0: Float64Array, rtol: number, atol: number, tMax: number): number {
  let d0 = 0, d1 = 0;
  for (let i = 0; i < y.length; i++) {
    const sc = atol + rtol * Math.abs(y[i]);
    d0 = Math.max(d0, Math.abs(y[i]) / sc);
    d1 = Math.max(d1, Math.abs(f0[i]) / sc);
  }
  const h = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
  return Math.min(h, tMax > 0 && Number.isFinite(tMax) ? tMax : h);
}
