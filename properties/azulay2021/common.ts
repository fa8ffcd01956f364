// Shared instance generation, flow running and verdict helpers for the Azulay et al. 2021 claims.
// Data convention: X is N×d with ROWS AS SAMPLES (Azulay's X is d×N; we store its transpose), so the
// interpolation constraint Xᵀw = y of the paper reads X w = y here, and "range(X)" of the paper is the
// span of our rows. The loss is the paper's (1/(2N))Σr² (line 79) unless a claim says otherwise.
import fc from 'fast-check';
import { Rng } from '../../src/random/rng.js';
import { fail, inconclusive, pass, fmt, type Outcome, type Tier } from '../../src/core/claim.js';
import type { FlowModel, FlowSolution, FlowOptions } from '../../src/flow/types.js';
import { integrateFlow } from '../../src/flow/index.js';
import { gramCond, normv } from '../../src/bias/azuCommon.js';

export const PAPER = 'azulay2021';

export interface Data {
  X: number[][];
  y: number[];
  d: number;
  N: number;
}

/**
 * Convention C1: X iid N(0,1) (N×d), y iid N(0,1); redraw while cond(XXᵀ) > 1e4 or ‖y‖ < 0.3.
 */
export function drawData(rng: Rng, d: number, N: number): Data {
  for (let attempt = 0; attempt < 100; attempt++) {
    const X = Array.from({ length: N }, () => Array.from(rng.normals(d)));
    const y = Array.from(rng.normals(N));
    if (gramCond(X) <= 1e4 && normv(y) >= 0.3) return { X, y, d, N };
  }
  throw new Error('drawData: no well-conditioned draw in 100 attempts');
}

/** Sizes per C1: d ∈ {3..8}, N ∈ {1..min(4, d−2)}. */
export const sizeArb = fc
  .integer({ min: 3, max: 8 })
  .chain((d) => fc.record({ d: fc.constant(d), N: fc.integer({ min: 1, max: Math.min(4, d - 2) }) }));

export const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Wall-clock budget per flow by tier (a smaller budget gives more inconclusives, never looser tolerances). */
export function wallFor(tier: Tier): number {
  return tier === 'ci' ? 4 : tier === 'default' ? 10 : 60;
}

/**
 * Integrate to convergence per C2: dopri5, rtol 1e-10, stop when the relative training residual
 * ‖Xw̃ − y‖/‖y‖ ≤ resTol (loss-based: L = (c/2)‖r‖², so lossTol = (c/2)(resTol‖y‖)²).
 * Default resTol 1e-9 (C2 says 1e-11; the last two decades of an exponential tail cost as much as the
 * whole run). What is left of the path after the stop is ∫‖w̃'‖ ≲ ‖H⁻¹‖·‖r‖/λ_min(XXᵀ/N), so with
 * cond(XXᵀ) ≤ 1e4 and metrics of condition ≲ 1e3 the limit is fixed to ≲ 1e-9·1e3 ≪ the 1e-6 pass tolerance.
 */
export function runFlow(model: FlowModel, theta0: Float64Array, opts: { c: number; yNorm: number; tier: Tier; resTol?: number; scale?: number } & FlowOptions): FlowSolution {
  const resTol = opts.resTol ?? 1e-9;
  const { c, yNorm, tier, resTol: _r, scale, ...rest } = opts;
  void _r;
  return integrateFlow(model, theta0, {
    method: 'dopri5',
    rtol: 1e-10,
    atol: 1e-13 * Math.max(1, scale ?? 1),
    tMax: 2e5,
    maxSteps: 2e6,
    wallSeconds: wallFor(tier),
    // At initialization scale > 1 the integrator's own error (rtol × ‖w̃‖ ∝ rtol·scale) sets a residual
    // noise floor, so the relative residual target is resTol·max(1, scale).
    lossTol: 0.5 * c * (resTol * Math.max(1, scale ?? 1) * yNorm) ** 2,
    ...rest,
  });
}

/** Inconclusive outcome for a flow that did not certify convergence (or null if it converged). */
export function notConverged(sol: FlowSolution, what = 'flow'): Outcome | null {
  if (sol.status === 'converged') return null;
  return inconclusive(`${what} not converged (${sol.status} at t=${fmt(sol.t)}, loss ${fmt(sol.loss)}; small scales mean long plateaus near the saddle)`);
}

/**
 * Verdict of a KKT / distance metric per C4: pass if ≤ passTol, fail if > failTol (with certified
 * convergence), inconclusive in between.
 */
export function graded(metric: number, passTol: number, failTol: number, what: string): Outcome {
  if (!Number.isFinite(metric)) return fail(Infinity, `${what} is ${metric}`);
  if (metric <= passTol) return pass(metric / passTol, `${what} ${fmt(metric)} ≤ ${fmt(passTol)}`);
  if (metric > failTol) return fail(metric / passTol, `${what} ${fmt(metric)} > ${fmt(failTol)}`);
  return inconclusive(`${what} ${fmt(metric)} between pass ${fmt(passTol)} and fail ${fmt(failTol)} thresholds`, undefined, metric / passTol);
}

/** C4 thresholds: PASS ≤ 1e-6 (RK45 limit error 1e-12..1e-10 × cond(∇²Q) ≲ 1e3, plus margin), FAIL > 1e-3. */
export const C4_PASS = 1e-6;
export const C4_FAIL = 1e-3;

/**
 * Augment a FlowModel with extra states e (length k) whose time derivative is `rate(θ, out)`:
 * the augmented "gradient" is [∇L; −rate], so that θ' = −∇L and e' = rate. Loss/invariants pass through.
 */
export function augment(model: FlowModel, k: number, rate: (theta: Float64Array, out: Float64Array) => void): FlowModel {
  const n = model.dim;
  const th = new Float64Array(n);
  const g = new Float64Array(n);
  const e = new Float64Array(k);
  return {
    dim: n + k,
    lossFloor: model.lossFloor,
    loss: (z) => model.loss(z.subarray(0, n)),
    grad(z, out) {
      th.set(z.subarray(0, n));
      model.grad(th, g);
      out.set(g, 0);
      rate(th, e);
      for (let i = 0; i < k; i++) out[n + i] = -e[i];
    },
    invariants: model.invariants ? (z) => model.invariants!(z.subarray(0, n)) : undefined,
  };
}

export function concat(a: ArrayLike<number>, k: number): Float64Array {
  const out = new Float64Array(a.length + k);
  out.set(Array.from(a));
  return out;
}

/** A unit vector uniformly on the sphere in R^d. */
export function unitVector(rng: Rng, d: number): Float64Array {
  const v = rng.normals(d);
  const n = normv(v);
  for (let i = 0; i < d; i++) v[i] /= n;
  return v;
}

export { Rng };
