// Shared generators, reference solutions and flow drivers for the Woodworth et al. 2020 claims.
import fc from 'fast-check';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { Rng } from '../../src/random/rng.js';
import { fail, inconclusive, pass, type Outcome, type Tier } from '../../src/core/claim.js';
import { minSeparable, type SeparableResult } from '../../src/bias/separableMin.js';
import { psiQ } from '../../src/bias/qFunctions.js';
import { minL1 } from '../../src/bias/minL1.js';
import { psiQD } from '../../src/bias/qD.js';
import { diagonalShared, logInit } from '../../src/models/diagonalShared.js';
import { componentwiseInvariantDrift, integrateFlow } from '../../src/flow/index.js';
import { wallScale } from '../../src/flow/wallBudget.js';
import { matTVec, matVec, nrm2, nrmInf, weightedGram } from '../../src/bias/wooDense.js';
import type { FlowSolution } from '../../src/flow/types.js';

export const PAPER = 'woodworth2020';
export const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

export interface RegData {
  X: number[][];
  y: number[];
  N: number;
  d: number;
}

/** Condition number of XXᵀ. */
export function gramCond(X: number[][]): number {
  const G = weightedGram(X, new Float64Array(X[0].length).fill(1));
  const e = new EigenvalueDecomposition(new Matrix(G), { assumeSymmetric: true });
  const ev = e.realEigenvalues;
  const mx = Math.max(...ev);
  const mn = Math.min(...ev);
  return mn > 0 ? mx / mn : Infinity;
}

/** GEN-REG: Gaussian X (optional column scales 10^U(−½,½)), generic y ~ N(0, I); rejects cond(XXᵀ) > 1e6. */
export function genReg(seed: number, d: number, N: number, colScales = false, ySd = 1): RegData {
  const rng = new Rng(seed);
  for (let attempt = 0; attempt < 50; attempt++) {
    const sc = Array.from({ length: d }, () => (colScales ? 10 ** rng.range(-0.5, 0.5) : 1));
    const X = Array.from({ length: N }, () => Array.from({ length: d }, (_, j) => sc[j] * rng.normal()));
    if (gramCond(X) > 1e6) continue;
    const y = Array.from(rng.normals(N, ySd));
    return { X, y, N, d };
  }
  throw new Error('genReg: could not draw a well-conditioned X');
}

/** GEN-W0: w0_i = ±10^U(−0.7, 0.7). */
export function genW0(rng: Rng, d: number, spread = 0.7): number[] {
  return Array.from({ length: d }, () => rng.sign() * 10 ** rng.range(-spread, spread));
}

/** SOLVE-Q(α, w0): argmin Q_{α,w0} s.t. Xβ = y (dual Newton in the log domain; ln α given). */
export function solveQ(data: RegData, logAlpha: number, w0?: ArrayLike<number>, crossCheck = false): SeparableResult {
  let nu0: Float64Array | undefined;
  if (logAlpha < -10) {
    // Rich regime: warm start from the LP dual, s = Xᵀν ≈ ln(1/α²)·Xᵀν_ℓ1 (+ O(1)); saves ~L/2 clipped steps.
    const lp = minL1(data.X, data.y);
    if (lp.ok) nu0 = lp.nu.map((v) => v * -2 * logAlpha);
  }
  const r = minSeparable(data.X, data.y, psiQ(logAlpha, data.d, w0), { maxDualStep: 2, maxIter: 5000, crossCheck, nu0 });
  if (!r.converged && nu0) return minSeparable(data.X, data.y, psiQ(logAlpha, data.d, w0), { maxDualStep: 2, maxIter: 5000, crossCheck });
  return r;
}
/** SOLVE-QD(α, D, w0): argmin Q^D_{α,w0} s.t. Xβ = y. */
export function solveQD(data: RegData, alpha: number, D: number, w0?: ArrayLike<number>, crossCheck = false): SeparableResult {
  return minSeparable(data.X, data.y, psiQD(alpha, D, data.d, w0), { maxIter: 5000, crossCheck });
}

/** Budget per tier for one flow (wall seconds). */
export const flowWall = (tier: Tier): number => (tier === 'ci' ? 4 : tier === 'default' ? 10 : 60);

export interface FlowRun {
  sol: FlowSolution;
  beta: Float64Array;
  resNorm: number;
  converged: boolean;
  reason: string;
  /** Drift of the model's invariants, relative per component, over the recorded trajectory. */
  invariantDrift: number;
}

/**
 * Gradient flow of M1 (D = 2, log coordinates) or M2 (D ≥ 3) from w±(0) = α|w0|, to the S8 horizon:
 * T_max = 3(t_esc + t_conv), t_esc from the catalog's escape-time formulas, t_conv = ln(‖y‖/tol)/λ_min(K_∞)
 * with K_∞ computed from the predicted limit βref. Converged iff ‖res‖ ≤ 1e-9(1 + ‖y‖) (S8 policy 1).
 */
export function flowToLimit(data: RegData, alpha: number, D: number, tier: Tier, opts: { w0?: ArrayLike<number>; betaRef?: ArrayLike<number>; cL?: number; logAlpha?: number } = {}): FlowRun {
  const cL = opts.cL ?? 0.5;
  const w0 = opts.w0;
  const logA = opts.logAlpha ?? Math.log(alpha);
  const model = diagonalShared({ X: data.X, y: data.y, D, cL, logCoords: D === 2 });
  const th0 = D === 2 ? logInit(model, logA, w0) : model.init(alpha, w0);
  const g0 = nrmInf(matTVec(data.X, data.y));
  const minw = w0 ? Math.min(...Array.from(w0, Math.abs)) : 1;
  const tEsc = D === 2 ? Math.max(0, -2 * (logA + Math.log(minw))) / (8 * cL * g0) : Math.pow(alpha * minw, 2 - D) / (2 * cL * D * (D - 2) * g0);
  let lamMin = 1;
  if (opts.betaRef) {
    const b = opts.betaRef;
    const wts = new Float64Array(data.d);
    for (let i = 0; i < data.d; i++) {
      const a = alpha * (w0 ? Math.abs(w0[i]) : 1);
      // K_∞ weight: for D = 2, 4√(β²+4α⁴w0⁴)·2c_L; for D ≥ 3 (dβ/dt = −2Dc_L(w₊^{2D−2}+w₋^{2D−2})Xᵀres), use |β|-scale bound.
      wts[i] = D === 2 ? 8 * cL * Math.hypot(b[i], 2 * a * a) : 2 * D * cL * D * Math.pow(Math.abs(b[i]) + Math.pow(a, D), (2 * D - 2) / D);
    }
    const G = weightedGram(data.X, wts);
    const e = new EigenvalueDecomposition(new Matrix(G), { assumeSymmetric: true });
    lamMin = Math.max(1e-300, Math.min(...e.realEigenvalues));
  } else lamMin = 8 * cL * Math.min(alpha * alpha * minw * minw, 1);
  const ynorm = nrm2(data.y);
  const resTol = 1e-9 * (1 + ynorm);
  const tConv = Math.log(Math.max(10, ynorm / resTol)) / lamMin;
  // The horizon is only a cap (the run stops at convergence): 10× the estimate ended runs at ‖res‖ ≈ 4·resTol on
  // D = 4 instances (the D ≥ 3 K_∞ weight is a bound, not the value), so cap at 100×; wall time still bounds the cost.
  let tMax = 100 * (tEsc + tConv);
  const wall0 = performance.now();
  const run = (th: Float64Array, T: number, wall: number, rtol: number) =>
    integrateFlow(model, th, {
      rtol,
      atol: D === 2 ? 1e-13 / Math.max(1, alpha * alpha) : 1e-14 * Math.pow(alpha, D),
      tMax: T,
      lossTol: cL * (0.3 * resTol) ** 2,
      wallSeconds: wall,
      maxSteps: 2e6,
    });
  let sol = run(th0, tMax, flowWall(tier), 1e-11);
  let thetas = sol.thetas;
  let resNorm = nrm2(model.residual(sol.theta));
  // A run that reaches T_max with the residual still above resTol has hit the integrator's accuracy floor, not the
  // horizon: each accepted step perturbs w by ~rtol·|w|, so β by ~D·rtol·|β| and the residual by ~‖X‖·D·rtol·‖β‖,
  // which at rtol 1e-11 and ‖β‖ ~ 10²–10³ (α = 3, D = 3–4) is ~1e-8 > resTol (fresh seed 27227742 of WOO-T3: ‖res‖
  // stayed at 1.4e-8, 4.2e-8 after a 10× longer horizon). It continues from where it stopped (the flow is autonomous)
  // at rtol 1e-13, where that floor is ~1e-10 < resTol; on that seed it then converged within Δt ≈ 1e-5. One wall budget.
  for (let ext = 0; ext < 2 && sol.status === 'max-time' && !(resNorm <= resTol); ext++) {
    // remaining wall budget (integrateFlow stretches it by the load factor, so the elapsed time is unstretched here)
    const left = flowWall(tier) - (performance.now() - wall0) / 1000 / wallScale();
    if (left <= 0.1) break;
    sol = run(sol.theta, 9 * tMax, left, 1e-13);
    tMax *= 10;
    thetas = thetas.concat(sol.thetas);
    resNorm = nrm2(model.residual(sol.theta));
  }
  const beta = model.predictor(sol.theta);
  const converged = resNorm <= resTol && Number.isFinite(resNorm);
  const reason = converged ? '' : `flow not converged in budget (${sol.status}, ‖res‖=${resNorm.toExponential(2)}, T_max=${tMax.toExponential(2)})`;
  return { sol, beta, resNorm, converged, reason, invariantDrift: componentwiseInvariantDrift(model, thetas) };
}

export function l1(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]);
  return s;
}
export function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}
export { matVec, matTVec, nrm2, nrmInf };

/** Least-squares slope of log y against log x. */
export function logLogSlope(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const n = lx.length;
  const mx = lx.reduce((a, b) => a + b, 0) / n;
  const my = ly.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return num / den;
}

/**
 * Verdict for a limit asserted along a sequence `as` (decreasing towards the limit point 0; pass 1/α for α → ∞)
 * with distances errs to the claimed limit, whose derived asymptotic rate is errs ~ as^rate. Pass when the last
 * distance is ≤ tol. Otherwise the local log-log slopes of the tail decide: a last slope below rate/2 that is not
 * larger than the one before (decelerating: the distance levels off at a positive value) means the claimed limit
 * is wrong → fail; a slope that is still growing (or already ≥ rate/2) means the sequence has not reached its
 * asymptotic regime within the budget → inconclusive, never pass.
 */
export function tailLimitVerdict(as: number[], errs: number[], rate: number, tol: number, what: string): Outcome {
  const n = errs.length;
  const last = errs[n - 1];
  const seq = errs.map((e) => e.toPrecision(3)).join(', ');
  // Below the level: pass. The level is an evidence threshold for a limit, not a tolerance that can fail the claim
  // by a hair — above it the tail slope against the derived rate decides (fail on a stagnating distance, else
  // inconclusive) — so a margin near 1 here (0.97 at calibration seed 21 of WOO-T3) is no lack of headroom.
  if (last <= tol) return pass(last / tol, `${what}: ${last.toPrecision(3)} ≤ ${tol} (sequence ${seq})`);
  const slope = (k: number) => Math.log(errs[k - 1] / Math.max(errs[k], 1e-300)) / Math.log(as[k - 1] / as[k]);
  const s = slope(n - 1);
  const sPrev = n >= 3 ? slope(n - 2) : -Infinity;
  if (!(s >= rate / 2) && !(s > sPrev + 0.05)) return fail(last / tol, `${what}: ${last.toPrecision(4)} vs allowed ${tol}, tail slope ${s.toFixed(2)} < ${rate / 2} and not increasing (sequence ${seq})`);
  return inconclusive(`${what}: asymptotic regime not reached (tail slopes ${sPrev.toFixed(2)} → ${s.toFixed(2)}, derived rate ${rate}; sequence ${seq})`, undefined, last / tol);
}
