// Azulay et al. 2021, Sec. 9 and Figures 7.1, 7.2: the simulation protocol, the population-error
// grid of the diagonal network (scaled down) and the contours of q_{δ,w̃(0)} for d = 2.
// Claims AZU-SIM9, AZU-FIG71, AZU-FIG72; figures 'azu-fig71', 'azu-fig72'.
import fc from 'fast-check';
import { all, defineClaim, fmt, inconclusive, within, type Claim, type Figure, type FigureSpec, type Outcome, type Tier } from '../../src/core/claim.js';
import { diagonalUntied, initFromScaleShape, unbiasedInit } from '../../src/models/diagonalUntied.js';
import { neuronFromScaleShape } from '../../src/models/fullyConnected.js';
import { minQk } from '../../src/bias/qk.js';
import { qDeltaObjective, zOf } from '../../src/bias/azuQhat.js';
import { minNorm, normv, relDist, scalev, subv, dotv, matvec } from '../../src/bias/azuCommon.js';
import { pinv, singularValues } from '../../src/linalg/index.js';
import { Matrix } from 'ml-matrix';
import { C4_FAIL, C4_PASS, graded, notConverged, PAPER, Rng, runFlow, seedArb, type Data } from './common.js';

// ---------------------------------------------------------------------------------------------
// Sec. 9 data: x ~ N(0, I_d), y = ⟨β*, x⟩ + noise, noise variance 0.01 (std 0.1), β* r*-sparse with entries 1/√r*.

export interface SparseData extends Data {
  beta: Float64Array;
  noiseSd: number;
}
export function sim9Data(rng: Rng, d: number, N: number, rStar: number, noiseSd = 0.1): SparseData {
  const beta = new Float64Array(d);
  for (const j of rng.permutation(d).slice(0, rStar)) beta[j] = 1 / Math.sqrt(rStar);
  const X = Array.from({ length: N }, () => Array.from(rng.normals(d)));
  const y = X.map((row) => row.reduce((a, x, i) => a + x * beta[i], 0) + noiseSd * rng.normal());
  return { X, y, d, N, beta, noiseSd };
}
/** Population error of w under isotropic x: E = ‖w − β*‖² (the noise variance is added separately). */
export const popError = (w: ArrayLike<number>, beta: ArrayLike<number>) => normv(subv(w, beta)) ** 2;

function mcPopulation(rng: Rng, w: Float64Array, beta: Float64Array, sd: number, n: number): { mean: number; se: number } {
  let s = 0, s2 = 0;
  for (let k = 0; k < n; k++) {
    const x = rng.normals(w.length);
    const y = dotv(x, beta) + sd * rng.normal();
    const e = (y - dotv(x, w)) ** 2;
    s += e;
    s2 += e * e;
  }
  const mean = s / n;
  return { mean, se: Math.sqrt((s2 / n - mean * mean) / n) };
}

/**
 * Least-squares floor of the training residual, computed independently of any flow: w_LS = X⁺y (SVD pseudo-inverse,
 * src/linalg, singular values below 1e-12·σ₁ dropped), floor = ‖X w_LS − y‖/‖y‖ by a plain matvec on the data.
 * Zero training error is attainable iff the floor is 0. κ is σ₁/σ_r over the r singular values the pseudo-inverse keeps.
 */
export function lsFloor(X: number[][], y: number[]): { floor: number; kappa: number; rank: number } {
  const M = new Matrix(X);
  const P = pinv(M, 1e-12);
  const w = Array.from({ length: P.rows }, (_, i) => y.reduce((a, yn, n) => a + P.get(i, n) * yn, 0));
  const r = X.map((row, n) => row.reduce((a, x, i) => a + x * w[i], 0) - y[n]);
  const s = singularValues(M);
  let rank = 0;
  for (const v of s) if (v > 1e-12 * s[0]) rank++;
  return { floor: normv(r) / normv(y), kappa: s[0] / s[rank - 1], rank };
}

export type Sim9Variant = 'ok' | 'noNoise' | 'overdetermined' | 'rankDeficient' | 'minNormLimit';

/** Part (i): attainability certificate (LS floor) + the flow limit against Theorem 1's dual-Newton interpolant. */
function sim9Interpolation(data: SparseData, tier: Tier, runFlowPart: boolean, minNormMutant = false): Outcome[] {
  const { floor, kappa, rank } = lsFloor(data.X, data.y);
  // tol: the pseudo-inverse solution of a consistent system has residual ≲ c·ε·(‖X‖‖w_LS‖ + ‖y‖) ≤ c·ε·(κ + 1)‖y‖
  // (backward stability of the SVD, ‖w_LS‖ ≤ ‖y‖/σ_r), with c ≈ d for the length-d dot products of the matvecs:
  // allowed 4·d·ε·(κ + 1). With N ≤ d and full row rank (κ ≈ 3 for 10×40 Gaussian X) that is ≈ 4e-14, while any
  // y outside range(X) (N > d, or a repeated row with its own noise draw) leaves a floor of the noise size, ~1e-2.
  // Measured (seeds of the ci runs): 7e-16–1.1e-15 against 1.3e-13; falsifiers 0.051 (N = 50) and 0.0064 (repeated row).
  const floorTol = 4 * data.d * 2.220446049250313e-16 * (kappa + 1);
  const outs: Outcome[] = [within(floor, floorTol, `(i) least-squares floor min_w ‖Xw − y‖/‖y‖ (N = ${data.N}, d = ${data.d}, rank ${rank}, κ = ${fmt(kappa)})`)];
  if (!runFlowPart || outs[0].status === 'fail') return outs;
  // The flow: diagonal network, uniform α = 1e-2, s = 0, unbiased init. runFlow stops at relative residual ≤ 1e-9, so
  // "converged" by itself restates the stopping rule and is not counted as evidence; a flow that does not converge is
  // inconclusive. What is checked is WHICH point it stopped at: Theorem 1's interpolant argmin_{Xw=y} Q_k with
  // √k = 4α(1+s²)/(1−s²) = 0.04, computed by dual Newton (no flow involved), whose residual is taken from the data.
  const alpha = 1e-2, s = 0;
  const { u0, v0 } = initFromScaleShape(new Array(data.d).fill(alpha), new Array(data.d).fill(s));
  const model = diagonalUntied({ X: data.X, y: data.y, scaling: 'mean' });
  const sol = runFlow(model, unbiasedInit(u0, v0), { c: model.c, yNorm: normv(data.y), tier });
  const bad = notConverged(sol, '(i) diagonal flow');
  if (bad) return [...outs, bad];
  // The falsifier 'minNormLimit' puts the min-ℓ2 interpolant X⁺y (the kernel-regime answer) in place of Theorem 1's.
  const q = minNormMutant
    ? { beta: minNorm(data.X, data.y), converged: true, message: '' }
    : minQk(data.X, data.y, new Array(data.d).fill((4 * alpha * (1 + s * s)) / (1 - s * s)), undefined, false);
  if (!q.converged) return [...outs, inconclusive(`(i) dual Newton did not converge (${q.message})`)];
  // tol: the dual Newton's interpolant must itself satisfy Xw = y; C3's feasibility level 1e-7 (as in AZU-FIG71;
  // the Newton stops at ≲ 1e-12).
  outs.push(within(normv(subv(matvec(data.X, q.beta), data.y)) / normv(data.y), 1e-7, '(i) dual-Newton interpolant ‖Xw_Q − y‖/‖y‖'));
  // tol: C4 thresholds (common.ts): pass ≤ 1e-6 (flow limit error ≲ 1e-9·cond ≲ 1e-6), fail > 1e-3, graded between.
  outs.push(graded(relDist(model.predictor(sol.theta), q.beta), C4_PASS, C4_FAIL, `(i) flow limit vs ${minNormMutant ? 'min-ℓ2' : 'Theorem-1'} interpolant`));
  return outs;
}

function sim9Check(seed: number, tier: Tier, variant: Sim9Variant): Outcome {
  const rng = new Rng(seed);
  // The falsifiers of part (i) drop one hypothesis of "N ≤ d with full-rank X interpolates": N = 50 > d = 40, or
  // N ≤ d with a repeated sample x⁽¹⁰⁾ = x⁽¹⁾ whose label carries its own noise draw (rank N − 1).
  const data = sim9Data(rng, 40, variant === 'overdetermined' ? 50 : 10, 3);
  if (variant === 'rankDeficient') {
    data.X[data.N - 1] = data.X[0].slice();
    data.y[data.N - 1] = dotv(data.X[0], data.beta) + data.noiseSd * rng.normal();
  }
  if (variant === 'overdetermined' || variant === 'rankDeficient') return all(sim9Interpolation(data, tier, false));
  if (variant === 'minNormLimit') return all(sim9Interpolation(data, tier, true, true));
  const dropNoise = variant === 'noNoise';
  const outs: Outcome[] = dropNoise ? [] : sim9Interpolation(data, tier, true);
  // (ii) population error: E_x,ε(y − wᵀx)² = ‖w − β*‖² + σ² for isotropic x (MC with fresh samples).
  const w = Float64Array.from(data.beta, (b) => b + 0.02 * rng.normal());
  const mc = mcPopulation(rng, w, data.beta, data.noiseSd, 20000);
  const formula = popError(w, data.beta) + (dropNoise ? 0 : data.noiseSd ** 2);
  // CLT: |mean − E| ≤ 4·SE with probability 1 − 6e-5.
  outs.push(within(Math.abs(mc.mean - formula), 4 * mc.se, `(ii) MC population error ${fmt(mc.mean)} vs ${dropNoise ? '‖w−β*‖²' : '‖w−β*‖² + 0.01'} = ${fmt(formula)}`));
  if (!dropNoise) {
    // (iii) noise variance 0.01: the sample variance of 2000 noise draws lies within ±4·sqrt(2/n)·σ² of 0.01.
    const n = 2000;
    let s2 = 0;
    for (let k = 0; k < n; k++) s2 += (data.noiseSd * rng.normal()) ** 2;
    outs.push(within(Math.abs(s2 / n - 0.01), 4 * Math.sqrt(2 / n) * 0.01, '(iii) noise variance vs 0.01'));
  }
  return all(outs);
}

export const azuSim9 = defineClaim<{ seed: number }>({
  id: 'AZU-SIM9',
  paper: PAPER,
  title: 'Sec. 9 protocol: sparse regression data; N ≤ d interpolates; population error = ‖w − β*‖² + σ²',
  statement:
    'Data x⁽ⁿ⁾ ~ N(0, I_d), y⁽ⁿ⁾ ~ N(⟨β*, x⁽ⁿ⁾⟩, 0.01) (read as noise variance 0.01), β* r*-sparse with entries 1/√r*. (i) With N ≤ d and full-rank X, gradient flow on the diagonal network reaches zero training error: checked as (a) the least-squares floor min_w ‖Xw − y‖ (SVD pseudo-inverse, no flow) is 0 up to rounding, and (b) the converged flow (α = 1e-2, s = 0) stops at the interpolant Theorem 1 predicts, computed by dual Newton. (ii) Population error, undefined in the paper, is read as E(y − wᵀx)² = ‖w − β*‖² + 0.01 for isotropic x (Monte Carlo check). Scaled down to d = 40, N = 10, r* = 3.',
  where: 'Sec. 9 lines 403–409',
  kind: 'statistical',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: ({ seed }, ctx) => sim9Check(seed, ctx.tier, 'ok'),
  falsifiers: [
    {
      name: 'population error without the noise term',
      description: 'E = ‖w − β*‖² for noisy labels.',
      check: ({ seed }, ctx) => sim9Check(seed, ctx.tier, 'noNoise'),
    },
    {
      name: 'N > d also interpolates',
      description: '(i) without the hypothesis N ≤ d: Sec. 9 data with N = 50 > d = 40; the least-squares floor is the noise level, so no w (and no flow) reaches zero training error.',
      check: ({ seed }, ctx) => sim9Check(seed, ctx.tier, 'overdetermined'),
    },
    {
      name: 'N ≤ d suffices without full rank',
      description: '(i) without full row rank: N = 10 ≤ d = 40 but a sample repeated with a fresh noise draw; y ∉ range(X), the floor is > 0.',
      check: ({ seed }, ctx) => sim9Check(seed, ctx.tier, 'rankDeficient'),
    },
    {
      name: 'the flow stops at the min-ℓ2 interpolant',
      description: '(i)(b) with the kernel-regime interpolant X⁺y in place of Theorem 1\'s: at α = 1e-2, s = 0 the flow limit is O(1) away from it.',
      check: ({ seed }, ctx) => sim9Check(seed, ctx.tier, 'minNormLimit'),
    },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ---------------------------------------------------------------------------------------------
// Figure 7.1 (scaled down): population error over (α, s), dual Newton for Theorem 1.

export const FIG71_ALPHAS = [1e-6, 1e-4, 1e-2, 1, 100];
export const FIG71_S = [0, 0.5, 0.9, 0.99, 0.999, 0.9999];
const sqrtK = (a: number, s: number) => (4 * a * (1 + s * s)) / (1 - s * s);

export interface Fig71Table {
  data: SparseData;
  /** E[si][ai] */
  E: number[][];
  Emn: number;
  maxResidual: number;
  w: (a: number, s: number) => Float64Array;
}
const fig71Cache = new Map<string, Fig71Table>();
export function fig71Table(seed: number, d = 200, N = 40, rStar = 3): Fig71Table {
  const key = `${seed}:${d}:${N}:${rStar}`;
  const hit = fig71Cache.get(key);
  if (hit) return hit;
  const rng = new Rng(seed);
  const data = sim9Data(rng, d, N, rStar);
  const wmn = minNorm(data.X, data.y);
  let maxResidual = 0;
  const solve = (a: number, s: number) => {
    const sol = minQk(data.X, data.y, new Array(d).fill(sqrtK(a, s)), undefined, false);
    maxResidual = Math.max(maxResidual, normv(subv(matvec(data.X, sol.beta), data.y)));
    return sol.beta;
  };
  const E = FIG71_S.map((s) => FIG71_ALPHAS.map((a) => popError(solve(a, s), data.beta)));
  const t = { data, E, Emn: popError(wmn, data.beta), maxResidual, w: solve };
  fig71Cache.set(key, t);
  return t;
}

/**
 * Grid size: the catalog's d = 200, N = 40 at every tier. (A smaller CI grid, d = 100, N = 30, was tried:
 * assertion (4) then sits at the threshold for some seeds, so the size is not reduced.)
 */
const fig71Size = (_tier: Tier) => ({ d: 200, N: 40 });
function fig71Check(seed: number, tier: Tier, mutant: boolean): Outcome {
  const sz = fig71Size(tier);
  const T = fig71Table(seed, sz.d, sz.N);
  const { E, Emn } = T;
  const ai = (a: number) => FIG71_ALPHAS.indexOf(a);
  const si = (s: number) => FIG71_S.indexOf(s);
  if (mutant) {
    // "Balanced init is not special: the error does not depend on s at small α" (s-insensitive).
    // tol: 1% of E_mn, the same relative level as assertion (5); the catalog's and the measured gaps are 0.31–0.71·E_mn
    // (seeds 0–4), ≥ 30× the tolerance, so the mutant is rejected on every seed.
    return within(Math.abs(E[si(0.9999)][ai(1e-6)] - E[0][ai(1e-6)]) / Emn, 0.01, 'E(1e-6, 0.9999) − E(1e-6, 0) relative to E_mn');
  }
  let monoS = 0, monoA = 0;
  // (1)/(2) slack 1e-3 (the catalog's; differences below it are solver noise in flat corners).
  for (let a = 0; a < FIG71_ALPHAS.length; a++) for (let s = 1; s < FIG71_S.length; s++) if (E[s][a] < E[s - 1][a] - 1e-3) monoS++;
  for (let s = 0; s < FIG71_S.length; s++) for (let a = 1; a < FIG71_ALPHAS.length; a++) if (E[s][a] < E[s][a - 1] - 1e-3) monoA++;
  let ntk = 0;
  for (let s = 0; s < FIG71_S.length; s++) ntk = Math.max(ntk, Math.abs(E[s][ai(100)] - Emn) / Emn);
  // (6) k-collapse: (1e-4, 0.99) and (α′, 0) with α′ = 1e-4·(1+0.99²)/(1−0.99²) have the same √k.
  const wa = T.w(1e-4, 0.99), wb = T.w((1e-4 * (1 + 0.99 ** 2)) / (1 - 0.99 ** 2), 0);
  const outs: Outcome[] = [
    // tol: C3's feasibility check (‖Xᵀw − y‖ < 1e-7); dual Newton stops at ≲ 1e-12 (measured 3e-14–3e-13, seeds 0–4).
    within(T.maxResidual, 1e-7, 'max training residual of the dual-Newton solutions'),
    // exact counts; the 1e-3 slack inside the loops is the catalog's (measured: no decrease at all, min step ≥ −1e-14 … > 0)
    within(monoS, 0, '(1) cells where E decreases in s'),
    within(monoA, 0, '(2) cells where E decreases in α'),
    // tol: EMPIRICAL threshold (the catalog's 0.1; not derivable: a finite-size proxy of the rich-regime sparse recovery).
    // Measured 0.013–0.025 at seeds 0–4 (headroom 4–8); calibration row AZU-FIG71.
    within(E[0][ai(1e-6)] / Emn, 0.1, '(3) E(1e-6, 0)/E_mn (rich, low error)'),
    // tol: EMPIRICAL threshold (the catalog's 0.3, written as 0.3/ratio ≤ 1). Measured ratio 0.33–0.74 at seeds 0–4: seed 2
    // gives 0.333, headroom only 1.11 (the catalog's numpy runs saw 0.47–0.76); calibration row AZU-FIG71.
    within(0.3 / (E[si(0.9999)][ai(1e-6)] / Emn), 1, `(4) E(1e-6, 0.9999)/E_mn = ${fmt(E[si(0.9999)][ai(1e-6)] / Emn)} ≥ 0.3 (NTK/intermediate despite tiny α)`),
    // tol: the catalog's 1%. Derived size: at α = 100, √k ≥ 400 and q_k′(x) = x/√k·(1 − (2/3)x²/k + …) with uniform
    // weights, so w deviates from w_mn by ≲ (2/3)‖w‖∞²/k ≈ 1e-5·‖w‖∞²; measured ≤ 5.3e-8 (seeds 0–4): very loose (~2e5×).
    within(ntk, 0.01, '(5) max |E(100, s) − E_mn|/E_mn'),
    // tol: the two cells' √k agree to ≤ 2 ulps (same formula, different association; measured identical), and the dual
    // Newton maps a relative change η of √k to ≲ η·cond(∇²Q) ≲ 1e-13 in w; 1e-10 leaves ≥ 1e3× headroom.
    within(relDist(wa, wb), 1e-10, '(6) equal-√k cells give the same w'),
  ];
  // GF cross-check on a smaller instance (d = 100, N = 30): the flow limit equals the dual-Newton w.
  const cells: [number, number][] = tier === 'ci' ? [[1e-2, 0]] : [[1e-4, 0], [1e-4, 0.99], [1e-2, 0]];
  const rng = new Rng(seed ^ 0x1234);
  const small = sim9Data(rng, 100, 30, 3);
  for (const [a, s] of cells) {
    const { u0, v0 } = initFromScaleShape(new Array(100).fill(a), new Array(100).fill(s));
    const model = diagonalUntied({ X: small.X, y: small.y, scaling: 'mean' });
    const sol = runFlow(model, unbiasedInit(u0, v0), { c: model.c, yNorm: normv(small.y), tier, wallSeconds: tier === 'ci' ? 8 : 20 });
    const bad = notConverged(sol, `GF at (α, s) = (${a}, ${s})`);
    if (bad) {
      outs.push(bad);
      continue;
    }
    const q = minQk(small.X, small.y, new Array(100).fill(sqrtK(a, s)), undefined, false);
    outs.push(graded(relDist(model.predictor(sol.theta), q.beta), 1e-6, C4_FAIL, `GF vs dual Newton at (${a}, ${s})`));
  }
  return all(outs);
}

export const azuFig71 = defineClaim<{ seed: number }>({
  id: 'AZU-FIG71',
  paper: PAPER,
  title: 'Figure 7.1 (scaled down): population error over (α, s) for the diagonal network',
  statement:
    'For Sec. 9 data (scaled to d = 200, N = 40, r* = 3) and uniform unbiased inits, the Theorem-1 predictor has population error E = ‖w − β*‖² that (1) does not decrease in s and (2) in α (slack 1e-3), (3) is ≤ 0.1·E_mn at (α, s) = (1e-6, 0) (rich regime, low error), (4) is ≥ 0.3·E_mn at (1e-6, 0.9999) (NTK/intermediate despite tiny α), (5) is within 1% of E_mn at α = 100 (kernel regime), and (6) depends on (α, s) only through √k; the gradient flow limit equals the dual-Newton solution (checked on d = 100, N = 30).',
  where: 'Fig. 7.1, caption line 308; discussion line 350; Sec. 9',
  kind: 'experiment',
  expected: 'holds',
  arbitrary: fc.record({ seed: fc.integer({ min: 0, max: 4 }) }),
  check: ({ seed }, ctx) => fig71Check(seed, ctx.tier, false),
  falsifiers: [
    {
      name: 'shape does not matter at small α',
      description: 'E(1e-6, 0.9999) = E(1e-6, 0) within 1% of E_mn (the bias depends on α alone).',
      check: ({ seed }, ctx) => fig71Check(seed, ctx.tier, true),
    },
  ],
  runs: { ci: 1, default: 2, deep: 5 },
});

// ---------------------------------------------------------------------------------------------
// Figure 7.2: contours of q_{δ,w̃(0)} for d = 2, w̃(0) = α(0.6, 0.8).

export const FIG72_PANELS: { alpha: number; s: number; row: 'top' | 'bottom' }[] = [
  { alpha: 2, s: 0, row: 'top' },
  { alpha: 2, s: 0.2, row: 'top' },
  { alpha: 2, s: 0.8, row: 'top' },
  { alpha: 0.01, s: 0.1, row: 'bottom' },
  { alpha: 1, s: 0.1, row: 'bottom' },
  { alpha: 2.5, s: 0.1, row: 'bottom' },
];
const U72 = Float64Array.from([0.6, 0.8]);
function panelObjective(alpha: number, s: number) {
  const th = neuronFromScaleShape(alpha, s, U72, 1);
  const w0 = scalev(th.subarray(1), th[0]);
  const delta = th[0] ** 2 - normv(th.subarray(1)) ** 2;
  return { obj: qDeltaObjective(w0, delta), w0, delta };
}
/** Radius of the level set {q = level} from w̃(0) in direction e (q is convex with its minimum at w̃(0)). */
function radius(f: (w: Float64Array) => number, w0: Float64Array, e: number[], level: number): number {
  const at = (r: number) => f(Float64Array.from([w0[0] + r * e[0], w0[1] + r * e[1]]));
  let hi = 1;
  while (at(hi) < level && hi < 1e6) hi *= 2;
  let lo = 0;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    if (at(mid) < level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
function anisotropy(alpha: number, s: number, dirs = 360): number {
  const { obj, w0 } = panelObjective(alpha, s);
  const level = obj.f(Float64Array.from([w0[0] + 0.8, w0[1] - 0.6]));
  let mn = Infinity, mx = 0;
  for (let k = 0; k < dirs; k++) {
    const t = (2 * Math.PI * k) / dirs;
    const r = radius(obj.f, w0, [Math.cos(t), Math.sin(t)], level);
    mn = Math.min(mn, r);
    mx = Math.max(mx, r);
  }
  return mx / mn;
}
/** Plain damped Newton in R² for the unconstrained argmin. */
function newton2(obj: ReturnType<typeof panelObjective>['obj'], start: Float64Array): Float64Array {
  let w = Float64Array.from(start);
  for (let it = 0; it < 200; it++) {
    const g = obj.grad(w);
    if (normv(g) < 1e-14) break;
    const H = obj.hess(w);
    const det = H[0][0] * H[1][1] - H[0][1] * H[1][0];
    const dir = [-(H[1][1] * g[0] - H[0][1] * g[1]) / det, -(-H[1][0] * g[0] + H[0][0] * g[1]) / det];
    let t = 1;
    const f0 = obj.f(w);
    while (t > 1e-12) {
      const wn = Float64Array.from([w[0] + t * dir[0], w[1] + t * dir[1]]);
      if (obj.f(wn) <= f0 + 1e-4 * t * (g[0] * dir[0] + g[1] * dir[1]) || normv(obj.grad(wn)) < normv(g)) {
        w = wn;
        break;
      }
      t /= 2;
    }
    if (t <= 1e-12) break;
  }
  return w;
}

function fig72Check(variant: 'ok' | 'monoBottom'): Outcome {
  const outs: Outcome[] = [];
  let argminErr = 0, eigErr = 0, vecErr = 0;
  for (const p of FIG72_PANELS) {
    const { obj, w0 } = panelObjective(p.alpha, p.s);
    const wmin = newton2(obj, Float64Array.from([-0.5, 1.5]));
    argminErr = Math.max(argminErr, normv(subv(wmin, w0)) / normv(w0));
    const H = obj.hess(w0);
    const tr = H[0][0] + H[1][1], det = H[0][0] * H[1][1] - H[0][1] * H[1][0];
    const l1 = tr / 2 - Math.sqrt((tr * tr) / 4 - det), l2 = tr / 2 + Math.sqrt((tr * tr) / 4 - det);
    eigErr = Math.max(eigErr, Math.abs(l1 / l2 - (1 - (1 - p.s) ** 2 / (2 * (1 + p.s * p.s)))));
    // eigenvector of the smaller eigenvalue ∥ u: H u = λ_min u
    const Hu = [H[0][0] * 0.6 + H[0][1] * 0.8, H[1][0] * 0.6 + H[1][1] * 0.8];
    vecErr = Math.max(vecErr, Math.hypot(Hu[0] - l1 * 0.6, Hu[1] - l1 * 0.8) / l2);
  }
  // (a) tol: Newton converges to ‖∇q‖ < 1e-14: the argmin is located to ≲ 1e-12 relative (times cond(∇²q) ≤ 2); the
  // catalog's 1e-6 is loose (≥ 1e5× headroom) but any wrong minimum (z off by a constant) is O(1) away.
  outs.push(within(argminErr, 1e-6, '(a) unconstrained argmin vs w̃(0), all panels'));
  // (b) tol: 2×2 eigenvalues of the analytic Hessian in closed form; the discriminant tr²/4 − det loses digits when the
  // ratio → 1 (s = 0.8: 1 − ratio = 0.012): error ≲ ε·tr/(λ₂ − λ₁) ≈ 330ε ≈ 7e-14. Measured 8.7e-15 (eig), 4.4e-15 (vector):
  // 1e-12 leaves ≥ 14× over the bound and ~100× over the measurement.
  outs.push(within(eigErr, 1e-12, '(b) eigenvalue ratio vs 1 − (1−s)²/(2(1+s²))'));
  outs.push(within(vecErr, 1e-12, '(b) u is the eigenvector of the smaller eigenvalue'));
  const top = FIG72_PANELS.filter((p) => p.row === 'top').map((p) => anisotropy(p.alpha, p.s));
  const ref = [1.489, 1.263, 1.01];
  // (c) catalog values with its ±0.01 tolerance; strict decrease toward 1.
  outs.push(within(Math.max(...top.map((x, i) => Math.abs(x - ref[i]))), 0.01, `(c) top-row anisotropy ${top.map(fmt).join(', ')} vs 1.489, 1.263, 1.010`));
  outs.push(within(top[0] > top[1] && top[1] > top[2] && top[2] >= 1 ? 0 : 1, 0, '(c) top-row anisotropy strictly decreasing toward 1'));
  const bottom = FIG72_PANELS.filter((p) => p.row === 'bottom');
  const zs = bottom.map((p) => normv(zOf(panelObjective(p.alpha, p.s).w0, panelObjective(p.alpha, p.s).delta)));
  const zRef = bottom.map((p) => 1.5 * Math.sqrt((p.alpha * (1 - p.s)) / (1 + p.s)));
  outs.push(within(Math.max(...zs.map((z, i) => Math.abs(z - zRef[i]) / zRef[i])), 1e-12, `(d) ‖z‖ = ${zs.map(fmt).join(', ')} vs 1.5 sqrt(α(1−s)/(1+s))`));
  outs.push(within(zs[0] < zs[1] && zs[1] < zs[2] ? 0 : 1, 0, '(d) ‖z‖ increasing in α'));
  if (variant === 'monoBottom') {
    const an = bottom.map((p) => anisotropy(p.alpha, p.s, 120));
    // exact boolean, no slack (the mutant asserts strict monotonicity; the values 1.175, 1.419, 1.349 differ by ≥ 0.07,
    // far above the bisection error of the radii, 2⁻⁸⁰·r)
    return within(an[0] > an[1] && an[1] > an[2] ? 0 : 1, 0, `bottom-row anisotropy ${an.map(fmt).join(', ')} monotone in α`);
  }
  return all(outs);
}

export const azuFig72 = defineClaim<{ k: number }>({
  id: 'AZU-FIG72',
  paper: PAPER,
  title: 'Figure 7.2: contours of q_{δ,w̃(0)} for d = 2 (minimum at w̃(0); circles as s grows)',
  statement:
    'For w̃(0) = α(0.6, 0.8) (a₀ > 0) and the six panels (α, s) = (2, 0), (2, 0.2), (2, 0.8), (0.01, 0.1), (1, 0.1), (2.5, 0.1): (a) the unconstrained argmin of q is w̃(0); (b) the Hessian at w̃(0) has u as eigenvector of the smaller eigenvalue, ratio 1 − (1−s)²/(2(1+s²)); (c) the top-row level set through w̃(0) + (0.8, −0.6) has anisotropy r_max/r_min = 1.489, 1.263, 1.010 (±0.01), decreasing toward circles; (d) the bottom-row tilt ‖z‖ = 1.5sqrt(α(1−s)/(1+s)) increases with α.',
  where: 'Fig. 7.2, caption line 377; Sec. 7.2',
  kind: 'experiment',
  expected: 'holds',
  arbitrary: fc.constant({ k: 0 }),
  check: () => fig72Check('ok'),
  falsifiers: [
    {
      name: 'bottom-row anisotropy monotone in α',
      description: 'Reading the bottom row as a monotone interpolation (it is 1.175, 1.419, 1.349 at radius 1: not monotone).',
      check: () => fig72Check('monoBottom'),
    },
  ],
  runs: { ci: 1, default: 1, deep: 1 },
});

// ---------------------------------------------------------------------------------------------
// Figures

export const fig71Spec: FigureSpec = {
  id: 'azu-fig71',
  paper: PAPER,
  title: 'Azulay et al. Fig. 7.1 (scaled down): population error vs α for several shapes s',
  build: (seed: number, tier: Tier): Figure => {
    const sz = fig71Size(tier);
    const T = fig71Table(seed % 5, sz.d, sz.N);
    return {
      id: 'azu-fig71',
      paper: PAPER,
      title: 'Diagonal network: population error ‖w − β*‖² of the Theorem-1 predictor',
      caption: `Sec. 9 data scaled down (d = ${T.data.d}, N = ${T.data.N}, r* = 3, noise sd 0.1); uniform unbiased init of scale α and shape s; one curve per s. Low error toward small α with s = 0 (rich regime); as s → 1 the error rises toward the min-norm error (dashed) even at tiny α.`,
      xLabel: 'α (initialization scale)',
      yLabel: 'population error',
      logX: true,
      series: [
        ...FIG71_S.map((s, i) => ({ name: `s = ${s}`, x: FIG71_ALPHAS.slice(), y: T.E[i].slice() })),
        { name: 'min-ℓ2 error', x: [FIG71_ALPHAS[0], FIG71_ALPHAS[FIG71_ALPHAS.length - 1]], y: [T.Emn, T.Emn], dashed: true },
      ],
    };
  },
};

export const fig72Spec: FigureSpec = {
  id: 'azu-fig72',
  paper: PAPER,
  title: 'Azulay et al. Fig. 7.2: contours of q_{δ,w̃(0)} for d = 2',
  build: (_seed: number, tier: Tier): Figure[] => {
    const dirs = tier === 'ci' ? 90 : 180;
    return FIG72_PANELS.map((p) => {
      const { obj, w0, delta } = panelObjective(p.alpha, p.s);
      const q0 = obj.f(w0);
      const ref = obj.f(Float64Array.from([w0[0] + 0.8, w0[1] - 0.6])) - q0;
      const series = [0.1, 0.3, 0.6, 1, 1.6, 2.5].map((c) => {
        const x: number[] = [], y: number[] = [];
        for (let k = 0; k <= dirs; k++) {
          const t = (2 * Math.PI * k) / dirs;
          const e = [Math.cos(t), Math.sin(t)];
          const r = radius(obj.f, w0, e, q0 + c * ref);
          x.push(w0[0] + r * e[0]);
          y.push(w0[1] + r * e[1]);
        }
        return { name: `q = q(w̃(0)) + ${c}Δ`, x, y };
      });
      series.push({ name: 'w̃(0) (minimum)', x: [w0[0]], y: [w0[1]], points: true } as (typeof series)[number] & { points: boolean });
      return {
        id: `azu-fig72-${p.row}-a${p.alpha}-s${p.s}`,
        paper: PAPER,
        title: `q_{δ,w̃(0)} contours, α = ${p.alpha}, s = ${p.s} (δ = ${fmt(delta)})`,
        caption: `${p.row === 'top' ? 'Top row (α = 2): contours become circles about w̃(0) as s grows (ℓ2 about init).' : 'Bottom row (s = 0.1): small α is norm-like about the origin, larger α approaches ellipses about the init.'} Levels are multiples of Δ = q(w̃(0) + (0.8, −0.6)) − q(w̃(0)); each contour is traced radially from the minimum w̃(0) = α(0.6, 0.8).`,
        xLabel: 'w₁',
        yLabel: 'w₂',
        series,
      };
    });
  },
};

export const experimentClaims: Claim[] = [azuSim9, azuFig71, azuFig72];
export const experimentFigures: FigureSpec[] = [fig71Spec, fig72Spec];
void inconclusive;
