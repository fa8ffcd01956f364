// Figures 1, 2, 3, 5, 6(a, b) of Woodworth et al. 2020, scaled down, and the claims that assert their
// qualitative conclusions (WOO-F1 … WOO-F8, WOO-APPA). MNIST / CIFAR-10 (Fig. 6(c, d), Fig. 8) and the
// width-10000 univariate ReLU net (Fig. 7) are out of scope; their claims test in-scope analogues and say so.
import fc from 'fast-check';
import { defineClaim, fail, pass, inconclusive, within, all, fmt, type Claim, type Figure, type FigureSpec, type Outcome, type Tier } from '../../src/core/claim.js';
import { Rng } from '../../src/random/rng.js';
import { q, qScaled } from '../../src/bias/qFunctions.js';
import { qD } from '../../src/bias/qD.js';
import { rParam } from '../../src/bias/qR.js';
import { minL1 } from '../../src/bias/minL1.js';
import { minL2 } from '../../src/bias/minL2.js';
import { SingularValueDecomposition, Matrix, EigenvalueDecomposition, inverse } from 'ml-matrix';
import { gramOf, liftMeasurement, liftedReduced } from '../../src/models/factorizationLifted.js';
import { diagonalShared } from '../../src/models/diagonalShared.js';
import { integrateFlow } from '../../src/flow/index.js';
import { heUniform, kernelCosineDistance, ntkGram, reluNet, trainRelu } from '../../src/models/wooRelu.js';
import { PAPER, seedArb, genReg, genW0, solveQ, solveQD, flowToLimit, flowWall, l1, nrm2, tailLimitVerdict, type RegData } from './common.js';
import { dist2 } from '../../src/bias/wooDense.js';
import { binomialCdf, fitLine, mean, sd, studentTQuantile } from '../../src/stats/index.js';

// ───────────────────────────── Figure 1 ─────────────────────────────
const F1_ALPHAS = [1e-6, 1e-4, 1e-3, 1e-2, 0.03, 0.1, 0.3, 1, 3, 10, 100];
interface F1Data { alphas: number[]; E: number[][]; gap1: number[][]; gap2: number[][]; El1: number[]; El2: number[]; b1norm: number[]; ok: boolean;
  /** per seed, per α: a-posteriori bound on ‖β̂_α − β_α‖₂ (see f1SolveErr) plus rounding of the norms. */
  err: number[][];
  /** per seed: ‖β_ℓ2*‖₂, ‖β_ℓ2*‖₆, and the rounding bound of the computed β_ℓ2* (κ(X)·d·ε·‖β_ℓ2*‖). */
  b2norm: number[]; b2six: number[]; b2err: number[] }
/**
 * A-posteriori error of a dual-Newton Q-solve. The dual route returns β̂ = b(Xᵀν̂) exactly (ψ′(β̂) ∈ range Xᵀ up to
 * the link's rounding), so β̂ is the exact Q_α-minimizer for the perturbed data y + r, r = Xβ̂ − y. To first order
 * β̂ − β_α = A r with A = W Xᵀ(XWXᵀ)⁻¹, W = diag(b′(s)) = diag(hypot(2α², β̂_i)) (ψ″ = 1/hypot(2α², β)); the weights
 * change along y → y + r by a factor ≤ exp(‖XᵀΔν‖∞), Δν = (XWXᵀ)⁻¹r (≈ 1e-13 here), applied twice. Plus rounding of
 * the link and of the norms: 4dε‖β̂‖₂ (γ_d for a d-term sum, with the link's few-ulp error).
 */
function f1SolveErr(X: number[][], beta: ArrayLike<number>, resid: ArrayLike<number>, alpha: number): number {
  const d = beta.length;
  const w = Array.from(beta, (b) => Math.hypot(2 * alpha * alpha, b));
  const Xm = new Matrix(X);
  const XW = Xm.clone();
  for (let n = 0; n < XW.rows; n++) for (let i = 0; i < d; i++) XW.set(n, i, XW.get(n, i) * w[i]);
  const G = XW.mmul(Xm.transpose());
  const Ginv = inverse(G);
  const H = XW.mmul(XW.transpose());
  const M = Ginv.mmul(H).mmul(Ginv);
  const lam = Math.max(...new EigenvalueDecomposition(M, { assumeSymmetric: true }).realEigenvalues);
  const rv = Matrix.columnVector(Array.from(resid));
  const dnu = Ginv.mmul(rv);
  const ds = Xm.transpose().mmul(dnu).abs().max();
  return Math.sqrt(Math.max(0, lam)) * nrm2(resid) * Math.exp(2 * ds) + 4 * d * Number.EPSILON * nrm2(beta);
}
function sparseData(seed: number, d: number, N: number, rs: number, noiseSd: number) {
  // β* first, then the rows with their noise: for a fixed seed the N-sample data set is a prefix of the N'-sample
  // one (N < N'), so Fig. 1(c)'s comparison across N is paired (more samples of the same problem).
  const rng = new Rng(seed);
  const bstar = new Float64Array(d);
  for (const j of rng.permutation(d).slice(0, rs)) bstar[j] = 1 / Math.sqrt(rs);
  const X: number[][] = [];
  const y: number[] = [];
  for (let n = 0; n < N; n++) {
    const r = Array.from(rng.normals(d));
    X.push(r);
    y.push(r.reduce((s, v, j) => s + v * bstar[j], 0) + noiseSd * rng.normal());
  }
  return { data: { X, y, N, d } as RegData, bstar };
}
const f1Memo = new Map<string, F1Data>();
function f1Data(seed: number, tier: Tier): F1Data {
  const key = `${seed}/${tier}`;
  const hit = f1Memo.get(key);
  if (hit) return hit;
  const seeds = tier === 'ci' ? [seed] : [seed, seed + 1];
  const out: F1Data = { alphas: F1_ALPHAS, E: [], gap1: [], gap2: [], El1: [], El2: [], b1norm: [], ok: true, err: [], b2norm: [], b2six: [], b2err: [] };
  for (const s of seeds) {
    const { data, bstar } = sparseData(s, 100, 30, 3, 0.1);
    const L1 = minL1(data.X, data.y);
    const b2 = minL2(data.X, data.y);
    if (!L1.ok) out.ok = false;
    const E: number[] = [];
    const g1: number[] = [];
    const g2: number[] = [];
    const er: number[] = [];
    for (const a of F1_ALPHAS) {
      const r = solveQ(data, Math.log(a));
      if (!r.converged) out.ok = false;
      E.push(dist2(r.beta, bstar) ** 2);
      g1.push(l1(r.beta) - L1.objective);
      g2.push(nrm2(r.beta) - nrm2(b2));
      const res = data.X.map((row, n) => row.reduce((t, v, i) => t + v * r.beta[i], 0) - data.y[n]);
      er.push(f1SolveErr(data.X, r.beta, res, a));
    }
    out.err.push(er);
    const ev = new EigenvalueDecomposition(new Matrix(data.X).mmul(new Matrix(data.X).transpose()), { assumeSymmetric: true }).realEigenvalues;
    const kappa = Math.sqrt(Math.max(...ev) / Math.min(...ev));
    out.b2norm.push(nrm2(b2));
    out.b2six.push(Math.pow(Array.from(b2).reduce((t, v) => t + v ** 6, 0), 1 / 6));
    out.b2err.push(kappa * data.d * Number.EPSILON * nrm2(b2));
    out.E.push(E);
    out.gap1.push(g1);
    out.gap2.push(g2);
    out.El1.push(dist2(L1.beta, bstar) ** 2);
    out.El2.push(dist2(b2, bstar) ** 2);
    out.b1norm.push(L1.objective);
  }
  f1Memo.set(key, out);
  return out;
}
/**
 * (c): largest α (log10, resolution 0.5 decade on [−8, 1]) whose Q-minimizer recovers the plant, ‖β_α − β*‖² ≤ 0.025,
 * noiseless (the paper's definition: the largest α with population error ≤ 0.025). Budget: instead of scanning the
 * grid (rich-end dual Newton solves cost seconds), bisect on log10 α assuming the error is nondecreasing in α
 * (the trend of Fig. 1(a)); β_α → β_ℓ1* as α → 0, so when β_ℓ1* itself misses the plant the value is "none" (−8.5).
 */
const F1C_LO = -8;
const F1C_NONE = -8.5;
/**
 * Bisection resolution (decades). Was 0.5: above the ℓ1 threshold the N = 15 → 20 increase of α_max is ~0.25–0.3
 * decades (instance seed 437309491, i.e. calibration seed 23: crossings −2.86 → −2.59 and −1.78 → −1.50 by a
 * 0.25-decade scan), inside one 0.5 cell, so the paired difference read 0 and the claim was inconclusive. 1/8 is
 * exact in binary (the grid points are exact) and costs 2 more solves per α_max than 0.5 (7 instead of 5 bisections).
 */
const F1C_RES = 0.125;
function alphaMax(seed: number, N: number): number {
  const { data, bstar } = sparseData(seed, 100, N, 3, 0);
  const ok = (e: number) => {
    const r = solveQ(data, e * Math.LN10);
    return r.converged && dist2(r.beta, bstar) ** 2 <= 0.025;
  };
  const L1 = minL1(data.X, data.y);
  if (!L1.ok || dist2(L1.beta, bstar) ** 2 > 0.025) return F1C_NONE;
  if (ok(1)) return 1;
  if (!ok(F1C_LO)) return F1C_NONE;
  let lo = F1C_LO;
  let hi = 1;
  while (hi - lo > F1C_RES) {
    const mid = Math.round((lo + hi) / 2 / F1C_RES) * F1C_RES; // stays on the F1C_RES-decade grid
    if (mid <= lo || mid >= hi) break;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
export const fig1: FigureSpec = {
  id: 'WOO-F1',
  paper: PAPER,
  title: 'Figure 1: sparse regression vs initialization scale α (scaled down: d = 100, N = 30, r* = 3)',
  build: (seed, tier) => {
    const f = f1Data(seed, tier);
    const mean = (rows: number[][], k: number) => rows.reduce((s, r) => s + r[k], 0) / rows.length;
    const a = F1_ALPHAS;
    const Ns = tier === 'ci' ? [15, 20] : [15, 20, 25];
    const nSeeds = tier === 'ci' ? 2 : 3;
    const amax = Ns.map((N) => {
      const v = Array.from({ length: nSeeds }, (_, s) => alphaMax(seed + 100 * s, N));
      return v.sort((x, y) => x - y)[Math.floor(v.length / 2)];
    });
    const figs: Figure[] = [
      {
        id: 'WOO-F1a', paper: PAPER, title: 'Fig. 1(a): population error ‖β_α − β*‖² vs α', caption: 'SOLVE-Q (Theorem 1 characterization), mean over seeds; dashed: β_ℓ1* and β_ℓ2*.', xLabel: 'α', yLabel: 'population error', logX: true, logY: true,
        series: [
          { name: 'β_α', x: a, y: a.map((_, k) => mean(f.E, k)) },
          { name: 'β_ℓ1*', x: [a[0], a[a.length - 1]], y: [f.El1.reduce((s, v) => s + v, 0) / f.El1.length, f.El1.reduce((s, v) => s + v, 0) / f.El1.length], dashed: true },
          { name: 'β_ℓ2*', x: [a[0], a[a.length - 1]], y: [f.El2.reduce((s, v) => s + v, 0) / f.El2.length, f.El2.reduce((s, v) => s + v, 0) / f.El2.length], dashed: true },
        ],
      },
      {
        id: 'WOO-F1b', paper: PAPER, title: 'Fig. 1(b): ‖β_α‖₁ − ‖β_ℓ1*‖₁ and ‖β_α‖₂ − ‖β_ℓ2*‖₂ vs α', caption: 'Both gaps are ≥ 0 (optimality); the ℓ1 gap grows and the ℓ2 gap shrinks with α.', xLabel: 'α', yLabel: 'norm gap', logX: true, logY: true,
        series: [
          { name: 'ℓ1 gap', x: a, y: a.map((_, k) => Math.max(1e-16, mean(f.gap1, k))) },
          { name: 'ℓ2 gap', x: a, y: a.map((_, k) => Math.max(1e-16, mean(f.gap2, k))) },
        ],
      },
      {
        id: 'WOO-F1c', paper: PAPER, title: 'Fig. 1(c): largest α recovering the plant (error ≤ 0.025) vs N (noiseless)', caption: 'Median over seeds of log10 α_max (−8.5 = none ≥ 1e-8).', xLabel: 'N', yLabel: 'log10 α_max',
        series: [{ name: 'log10 α_max', x: Ns, y: amax, points: true }],
      },
    ];
    return figs;
  },
};
function f1Check(seed: number, tier: Tier, variant: 'true' | 'l2early' | 'reversed'): Outcome {
  const f = f1Data(seed, tier);
  if (!f.ok) return inconclusive('reference solver (LP or dual Newton) did not converge');
  const outs: Outcome[] = [];
  const iA = (a: number) => F1_ALPHAS.indexOf(a);
  for (let s = 0; s < f.E.length; s++) {
    const g1 = f.gap1[s];
    const g2 = f.gap2[s];
    const er = f.err[s];
    const d = 100;
    // Optimality: gaps ≥ −1e-9 (the polished LP vertex and β̂_α agree with their exact values to ≲ 1e-13, er below).
    outs.push(within(-Math.min(...g1, ...g2), 1e-9, 'gaps ≥ 0'));
    // Monotone along the grid, each step allowed the two solves' error bound er (f1SolveErr; |Δ‖·‖₂| ≤ ‖Δβ‖₂,
    // |Δ‖·‖₁| ≤ √d‖Δβ‖₂; the reference norms cancel in the step). Was a flat 1e-7: the bounds are ~1e-13.
    // The ℓ2 gap is NOT asserted monotone inside the rich region (ℓ1 gap ≤ 1% of ‖β_ℓ1*‖₁ at both ends of the step,
    // the claim's own rich-end level): there β_α − β_ℓ1* is a sum of off-support corrections ∝ α^{2(1−|x_iᵀν̂|)}
    // whose ℓ1 change is ≥ 0 (LP duality) but whose ℓ2 change ⟨β_ℓ1*, Δβ⟩ has no sign, so ‖β_α‖₂ can overshoot
    // ‖β_ℓ1*‖₂ and come back. Seen at instance seed 539148257 (calibration seed 17): gap2 = 0.23092, 0.23314,
    // 0.23273, 0.23247 at α = 1e-2, 1e-3, 1e-4, 1e-6 → limit 0.23180; the gradient flow itself reproduces it to 2e-9,
    // rises 2.6e-4 and 4.1e-4 vs error bounds ~1e-13. The catalog's "gap2 nonincreasing on the whole grid" is false there.
    let bad = 0;
    const badAt: string[] = [];
    const overshoot: string[] = [];
    const rich = (k: number) => g1[k] <= 0.01 * f.b1norm[s];
    for (let k = 1; k < g1.length; k++) {
      const slack = er[k] + er[k - 1];
      const v1 = g1[k] < g1[k - 1] - Math.sqrt(d) * slack;
      const rise2 = g2[k] > g2[k - 1] + slack;
      const v2 = rise2 && !(rich(k) && rich(k - 1));
      if (rise2 && !v2) overshoot.push(`${F1_ALPHAS[k - 1]}→${F1_ALPHAS[k]}: +${fmt(g2[k] - g2[k - 1])} (error bound ${fmt(slack)})`);
      if (v1 || v2) {
        bad++;
        badAt.push(`${v1 ? 'ℓ1' : 'ℓ2'} ${F1_ALPHAS[k - 1]}→${F1_ALPHAS[k]}`);
      }
    }
    outs.push(bad === 0 ? pass() : fail(bad, `${bad} monotonicity violations of the gaps (${badAt.join(', ')})`));
    // reported, not asserted (see above): rises of the ℓ2 gap inside the rich region
    if (overshoot.length) outs.push(pass(NaN, `ℓ2 gap rises inside the rich region (not asserted): ${overshoot.join(', ')}`));
    // the claim's own slack (catalog: gap1(1e-6) ≤ 0.01‖β_ℓ1*‖₁, the rich-end level)
    outs.push(within(g1[iA(1e-6)], 0.01 * f.b1norm[s], 'ℓ1 gap at α = 1e-6 ≤ 1% of ‖β_ℓ1*‖₁'));
    // Kernel end, bound derived from Theorem 1 (was an absolute 1e-6, one draw's number; seed 539148257 has 1.35e-6
    // at α = 1, the solve exact to 1e-13). KKT: arcsinh(β_α/2α²) ∈ range Xᵀ and β_ℓ2* ∈ range Xᵀ, so with φ(u) =
    // arcsinh u − u, δ = β_α − β_ℓ2* = P_ker β_α = −2α²P_ker φ(β_α/2α²); |φ(u)| ≤ |u|³/6 gives t = ‖δ‖₂ ≤
    // ‖β_α‖₆³/(24α⁴) ≤ (‖β_ℓ2*‖₆ + t)³/(24α⁴). t is continuous in α and → 0 as α → ∞, so it stays below the
    // smallest root t* of that cubic (exists iff 24α⁴ > 6.75‖β_ℓ2*‖₆²). δ ⊥ β_ℓ2*: gap2 = √(‖β_ℓ2*‖² + t²) − ‖β_ℓ2*‖
    // ≤ t*²/(2‖β_ℓ2*‖₂). Allowed: that bound + the solve's error bound er + β_ℓ2*'s rounding κ·d·ε·‖β_ℓ2*‖.
    const kb = (a: number) => {
      const A = f.b2six[s];
      const c = 24 * a ** 4;
      if (!(c > 6.75 * A * A)) return Infinity;
      let t = 0;
      for (let it = 0; it < 200; it++) {
        const tn = (A + t) ** 3 / c;
        if (Math.abs(tn - t) <= 1e-15 * tn) { t = tn; break; }
        t = tn;
      }
      return (t * t) / (2 * f.b2norm[s]);
    };
    const allowedK = (a: number) => kb(a) + er[iA(a)] + f.b2err[s];
    if (variant === 'l2early') {
      // mutant: the kernel regime one decade earlier — the gap at α = 0.1 within the bound the claim uses at α = 1
      outs.push(within(g2[iA(0.1)], allowedK(1), 'ℓ2 gap at α = 0.1 (mutant: already ℓ2) vs the α = 1 kernel bound'));
    } else {
      // worst ratio gap2/allowed over α ∈ {1, 3, 10, 100}; allowed derived above (Theorem-1 bound + error bounds)
      const ks = [1, 3, 10, 100];
      const ratios = ks.map((a) => g2[iA(a)] / allowedK(a));
      const w = ratios.indexOf(Math.max(...ratios));
      outs.push(within(g2[iA(ks[w])], allowedK(ks[w]), `ℓ2 gap at α = ${ks[w]} (worst of α ≥ 1) vs the Theorem-1 kernel bound`));
    }
    const E = f.E[s];
    if (variant === 'reversed') outs.push(within(E[iA(10)], E[iA(1e-4)], 'mutant: E(10) ≤ E(1e-4) (large α generalizes better)'));
    else {
      // Rich end (Fig. 1: as α → 0 the test error goes to that of β_ℓ1*). Exact link: E = ‖β − β*‖², so
      // |√E(α) − √E_ℓ1| ≤ ‖β_α − β_ℓ1*‖₂ and E → E_ℓ1 follows from the limit β_α → β_ℓ1* (WOO-T1). At finite α the
      // approach is data-dependent (calibration seed 25: E = 0.069, 0.048 at α = 1e-4, 1e-6 vs E_ℓ1 = 0.029, with the
      // ℓ1 objective gap already 0.2%), so the catalog's level "E(1e-4) ≤ 1.5E_ℓ1 + 0.01" is not asserted. Asserted, no
      // tuned number: at α = 1e-6 the error is nearer E_ℓ1 than E_ℓ2 (the figure's regime statement). |E − E_ℓ1| itself
      // need not shrink monotonically along the grid (E can cross E_ℓ1: seen 5.4e-5 at 1e-3, 1.0e-4 at 1e-6).
      const dRich = (a: number) => Math.abs(E[iA(a)] - f.El1[s]);
      // exact comparison (no slack): nearer the ℓ1 level than the ℓ2 level
      outs.push(within(dRich(1e-6), Math.abs(E[iA(1e-6)] - f.El2[s]), `|E(1e-6) − E_ℓ1| vs |E(1e-6) − E_ℓ2| (E_ℓ1 = ${fmt(f.El1[s])}, E_ℓ2 = ${fmt(f.El2[s])}, E(1e-4) = ${fmt(E[iA(1e-4)])})`));
      outs.push(E[iA(10)] >= 0.9 * f.El2[s] ? pass() : fail(0.9 * f.El2[s] / E[iA(10)], 'E(10) < 0.9E_ℓ2'));
      // ℓ1 generalizes better than ℓ2 (N = 30 ≳ r* log d but ≪ d). The catalog's "≥ 10×" is one draw's number
      // (E_ℓ1 depends on how well the noisy ℓ1 solution recovers the support); the paper claims the order.
      outs.push(f.El2[s] > f.El1[s] ? pass() : fail(f.El1[s] / f.El2[s], `E_ℓ2 = ${fmt(f.El2[s])} ≤ E_ℓ1 = ${fmt(f.El1[s])}`));
    }
  }
  if (variant === 'true') {
    // (c): more samples allow larger α. The catalog's "≥ 2 decades" is a one-draw number (1.25 was seen); the
    // paper claims the direction. Paired over seeds (nested data sets), the median of log10 α_max(20) − log10
    // α_max(15) must be ≥ the bisection resolution F1C_RES (pass: each α_max is exact to within one grid cell, so a
    // measured difference ≥ one cell means a positive true difference) — ≤ −F1C_RES is the reversed trend (fail);
    // in between, or when no seed admits any α at either N, the budget cannot resolve the trend (inconclusive).
    const nS = tier === 'ci' ? 3 : 5;
    const diffs: number[] = [];
    const pairs: string[] = [];
    for (let s = 0; s < nS; s++) {
      const a15 = alphaMax(seed + 100 * s, 15);
      const a20 = alphaMax(seed + 100 * s, 20);
      pairs.push(`${a15}→${a20}`);
      if (a15 === F1C_NONE && a20 === F1C_NONE) continue;
      diffs.push(a20 - a15);
    }
    diffs.sort((x, y) => x - y);
    const medD = diffs.length ? diffs[Math.floor(diffs.length / 2)] : NaN;
    const why = `log10 α_max N=15→20 per seed: ${pairs.join(', ')}`;
    if (!Number.isFinite(medD) || Math.abs(medD) < F1C_RES) outs.push(inconclusive(`trend in N not resolved: ${why}`));
    else outs.push(medD >= F1C_RES ? pass(NaN, why) : fail(2, `α_max decreases with N: ${why}`));
    // Flow cross-check of the Q-characterization at α = 0.1 on seed 0's data.
    const { data } = sparseData(seed, 100, 30, 3, 0.1);
    const ref = solveQ(data, Math.log(0.1));
    const fr = flowToLimit(data, 0.1, 2, tier, { betaRef: ref.beta });
    // tol: tolFlow's S8 level (1e-6 relative, derived in diagonal.ts) in the 2-norm; catalog pre-check at d = 100: ≤ 7e-9.
    outs.push(fr.converged ? within(dist2(fr.beta, ref.beta), 1e-6 * (1 + nrm2(ref.beta)), 'flow vs SOLVE-Q at α = 0.1') : inconclusive(fr.reason));
  }
  return all(outs);
}
export const wooF1 = defineClaim<{ seed: number }>({
  id: 'WOO-F1',
  paper: PAPER,
  title: 'Figure 1: generalization improves as α decreases; ℓ1 gap ↑ and ℓ2 gap ↓ in α; near the ℓ1 sample threshold α must be tiny',
  statement: 'Scaled-down Fig. 1 (d = 100, N = 30, r* = 3, noise sd 0.1): (b) ‖β_α‖₁ − ‖β_ℓ1*‖₁ ≥ 0 nondecreasing in α; ‖β_α‖₂ − ‖β_ℓ2*‖₂ ≥ 0 nonincreasing in α outside the rich region (where the ℓ1 gap is ≤ 1%, ‖β_α‖₂ may overshoot ‖β_ℓ1*‖₂: not asserted); ℓ1 gap ≤ 1% at α = 1e-6; for α ≥ 1 the ℓ2 gap is within the Theorem-1 kernel bound t*²/(2‖β_ℓ2*‖₂), t* the smallest root of t = (‖β_ℓ2*‖₆ + t)³/(24α⁴); (a) E(1e-4) ≈ E_ℓ1, E(10) ≈ E_ℓ2 > E_ℓ1; (c) noiseless, nested data: the median over seeds of log10 α_max(N = 20) − log10 α_max(N = 15) is ≥ 1/8 (bisection resolution).',
  where: 'L106, L134–L138',
  kind: 'experiment',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i, ctx) => f1Check(i.seed, ctx.tier, 'true'),
  falsifiers: [
    { name: 'already ℓ2 at α = 0.1', description: 'the transition happens at smaller α than observed', check: (i, ctx) => f1Check(i.seed, ctx.tier, 'l2early') },
    { name: 'large α generalizes better', description: 'reversed direction of Fig. 1(a)', check: (i, ctx) => f1Check(i.seed, ctx.tier, 'reversed') },
  ],
  runs: { ci: 1, default: 2, deep: 5 },
});

// ───────────────────────────── Figure 2 ─────────────────────────────
export const fig2: FigureSpec = {
  id: 'WOO-F2',
  paper: PAPER,
  title: 'Figure 2: q(z) and r(z)',
  build: () => {
    const z = Array.from({ length: 201 }, (_, k) => -10 + k / 10);
    return {
      id: 'WOO-F2', paper: PAPER, title: 'Fig. 2: the regularizers q (gradient flow) and r (parameter distance)', caption: 'q(z) = 2 − √(4+z²) + z·arcsinh(z/2); r(z) the smaller root of p_z (= q_4).', xLabel: 'z', yLabel: 'value',
      series: [
        { name: 'q(z)', x: z, y: z.map(q) },
        { name: 'r(z)', x: z, y: z.map(rParam) },
        { name: '|z|', x: z, y: z.map(Math.abs), dashed: true },
      ],
    };
  },
};
function f2Check(rOf: (z: number) => number): Outcome {
  const zs = Array.from({ length: 801 }, (_, k) => -20 + k / 20).filter((z) => z !== 0);
  let bad = 0;
  for (const z of zs) if (!(q(z) > rOf(z) && rOf(z) > 0 && rOf(z) <= Math.abs(z) + 1e-15 && Math.abs(rOf(-z) - rOf(z)) <= 1e-13 * rOf(z))) bad++;
  let nonconv = 0;
  for (let k = 1; k < zs.length - 1; k++) if (rOf(zs[k - 1]) + rOf(zs[k + 1]) - 2 * rOf(zs[k]) < -1e-12) nonconv++;
  const r0 = rOf(1e-3) / 1e-6;
  // tol: r(1e-3)/1e-6 = 1/8 − z²/128 + … = 0.12499999218750; the printed pre-check 0.1249999922 has 10 digits (±4e-10
  // relative), r itself is accurate to ~1e-15: 1e-9 relative (was 1e-7, which could not tell the value from the leading 1/8:
  // they differ by 6.3e-8 relative). q(1e-3)/1e-6 = 1/4 − z²/192 = 0.25(1 − 2.1e-8): the → 1/4 limit with 50× headroom at 1e-6.
  // r(z) − (z − 2√z + 3/2) = −¼z^{−½} + … = −2.5e-4 at z = 1e6: 1e-9 relative (absolute 1e-3, 4× headroom); was 1e-6
  // (absolute 1), which could not test the 3/2 it names.
  return all([
    bad === 0 ? pass() : fail(bad, `q > r > 0, r ≤ |z|, r even violated at ${bad} points`),
    nonconv === 0 ? pass() : fail(nonconv, `r not convex at ${nonconv} points`),
    within(Math.abs(r0 - 0.1249999922) / 0.125, 1e-9, `r(1e-3)/1e-6 = ${r0}`),
    within(Math.abs(q(1e-3) / 1e-6 - 0.25) / 0.25, 1e-6, 'q(1e-3)/1e-6 → 1/4'),
    within(Math.abs(rOf(1e6) - (1e6 - 2e3 + 1.5)) / 1e6, 1e-9, 'r(z) ≈ z − 2√z + 3/2 at 1e6'),
  ]);
}
export const wooF2 = defineClaim<null>({
  id: 'WOO-F2',
  paper: PAPER,
  title: 'Figure 2: q and r are similar but not the same (q > r > 0, r ≤ |z|; z²/4 vs z²/8 at 0; z log z vs z − 2√z at ∞)',
  statement: 'For z ≠ 0: q(z) > r(z) > 0, r(z) ≤ |z|, both even and convex; r ≈ z²/8 near 0 (r(1e-3)/1e-6 = 0.1249999922) and r ≈ z − 2√z + 3/2 for large z, while q ≈ z²/4 and q ~ z log z.',
  where: 'L175',
  kind: 'identity',
  expected: 'holds',
  arbitrary: fc.constant(null),
  check: () => f2Check(rParam),
  falsifiers: [{ name: 'r = q/2', description: 'a rescaling of q', check: () => f2Check((z) => q(z) / 2) }],
  runs: { ci: 1, default: 1, deep: 1 },
});

// ───────────────────────────── Figure 3 ─────────────────────────────
/** √d·Q^D_α(e₁)/Q^D_α(𝟏/√d) (D = 2: Q_α). */
function sqrtdRatioD(alpha: number, d: number, D: number): number {
  if (D === 2) {
    const lm = 2 * Math.log(alpha);
    return (Math.sqrt(d) * qScaled(1, lm)) / (d * qScaled(1 / Math.sqrt(d), lm));
  }
  const aD = alpha ** D;
  return (Math.sqrt(d) * aD * qD(1 / aD, D)) / (d * aD * qD(1 / (aD * Math.sqrt(d)), D));
}
const F3_LOGA = Array.from({ length: 41 }, (_, k) => -8 + k * 0.25);
export const fig3: FigureSpec = {
  id: 'WOO-F3',
  paper: PAPER,
  title: 'Figure 3: order-D models (q_D, the ℓ1/ℓ2 ratio vs α, recovery vs N)',
  build: (seed, tier) => {
    const z = Array.from({ length: 101 }, (_, k) => -5 + k / 10);
    const Ds = [2, 3, 4, 5];
    const Ns = tier === 'ci' ? [18] : [15, 18, 20];
    const nS = f3Seeds(tier);
    return [
      {
        id: 'WOO-F3a', paper: PAPER, title: 'Fig. 3(a): q_D(z) for several D (D = 2: q)', caption: 'Normalizations differ from the paper’s plot (unstated); curves are q_D = ∫h_D⁻¹ with q_D(0) = 0.', xLabel: 'z', yLabel: 'q_D(z)',
        series: Ds.map((D) => ({ name: `D=${D}`, x: z, y: z.map((v) => (D === 2 ? q(v) : qD(v, D))) })),
      },
      {
        id: 'WOO-F3b', paper: PAPER, title: 'Fig. 3(b): √d·Q^D_α(e₁)/Q^D_α(𝟏/√d) vs α (d = 100)', caption: '√d·ratio = 1: ℓ1-like; √d: ℓ2-like.', xLabel: 'α', yLabel: '√d·ratio', logX: true,
        series: Ds.map((D) => ({ name: `D=${D}`, x: F3_LOGA.map((e) => 10 ** e), y: F3_LOGA.map((e) => sqrtdRatioD(10 ** e, 100, D)) })),
      },
      {
        id: 'WOO-F3c', paper: PAPER, title: 'Fig. 3(c): largest α^D recovering the plant vs N', caption: 'Noiseless, d = 100, r* = 3; median log10 α^D_max over seeds.', xLabel: 'N', yLabel: 'log10 α^D_max',
        series: [2, 3, 4].map((D) => ({ name: `D=${D}`, x: Ns, y: Ns.map((N) => { const v = Array.from({ length: nS }, (_, s) => alphaMaxD(seed + 100 * s, N, D)).map((x) => (Number.isFinite(x) ? x : -15)); return v.sort((a, b) => a - b)[Math.floor(v.length / 2)]; }), points: true })),
      },
    ];
  },
};
/** Number of data draws of Fig. 3(c) per tier (each costs ≈ 5 s at N = 18 for D = 2 and 3). */
const f3Seeds = (tier: Tier): number => (tier === 'ci' ? 2 : tier === 'default' ? 5 : 9);
function alphaMaxD(seed: number, N: number, D: number): number {
  // scan log10 α^D from −14 (D = 2) / −12 (D ≥ 3, double-precision limit α^D ≥ 1e-12) to 1 in steps of 0.5
  const { data, bstar } = sparseData(seed, 100, N, 3, 0);
  let best = -Infinity;
  for (let e = D === 2 ? -14 : -12; e <= 1 + 1e-9; e += 0.5) {
    const r = D === 2 ? solveQ(data, ((e * Math.LN10) / 2)) : solveQD(data, 10 ** (e / D), D);
    if (!r.converged) break;
    if (dist2(r.beta, bstar) ** 2 <= 0.025) best = e;
    else break;
  }
  return best;
}
function f3Check(seed: number, tier: Tier, thrGap: number): Outcome {
  const outs: Outcome[] = [];
  const d = 100;
  const thr: Record<number, number> = {};
  for (const D of [2, 3, 4, 5]) {
    const las = Array.from({ length: 81 }, (_, k) => -12 + k * 0.15 + (D === 2 ? 0 : 0));
    const vals = las.map((e) => sqrtdRatioD(10 ** e, d, D));
    let bad = 0;
    for (let k = 1; k < vals.length; k++) if (vals[k] < vals[k - 1] - 1e-12 * vals[k]) bad++;
    outs.push(bad === 0 ? pass() : fail(bad, `ratio not monotone in α (D=${D})`));
    // ℓ2 end: at α = 10 the D = 2 deviation is (1/48)α⁻⁴(1 − 1/d) ≈ 2.06e-6 (first Taylor correction), so the
    // catalog's 1e-6 is too strict there; at α = 100 the deviation is ≤ 2.1e-10 for every D.
    outs.push(within(1 - sqrtdRatioD(100, d, D) / Math.sqrt(d), 1e-6, `ratio(α=100) ≥ 1 − 1e-6 (D=${D})`));
    const first = las.find((e) => sqrtdRatioD(10 ** e, d, D) > 1.1);
    // threshold on the β-scale α^D: last α with √d·ratio ≤ 1.1
    const idx = las.findIndex((e) => sqrtdRatioD(10 ** e, d, D) > 1.1);
    thr[D] = idx > 0 ? D * las[idx - 1] : -Infinity;
    void first;
  }
  outs.push(thr[3] - thr[2] >= thrGap ? pass() : fail(thrGap / Math.max(1e-9, thr[3] - thr[2]), `threshold α^D: D=3 ${fmt(thr[3])} vs D=2 ${fmt(thr[2])} (log10)`));
  const at01 = [2, 3, 4, 5].map((D) => sqrtdRatioD(0.1, d, D));
  outs.push(at01.every((v, k) => k === 0 || v < at01[k - 1]) ? pass() : fail(2, `√d·ratio at α = 0.1 not decreasing in D: ${at01.map(fmt).join(', ')}`));
  // (c): for every seed, α^D_max(D = 3) ≥ α^D_max(D = 2) (ties allowed when both are none) at N = 18.
  const nS = f3Seeds(tier);
  const adv: number[] = [];
  for (let s = 0; s < nS; s++) {
    const a2 = alphaMaxD(seed + 100 * s, 18, 2);
    const a3 = alphaMaxD(seed + 100 * s, 18, 3);
    if (!Number.isFinite(a2) && !Number.isFinite(a3)) continue;
    if (!(a3 >= a2)) outs.push(fail(2, `seed ${s}: α^D_max(D=3) = ${a3} < α^D_max(D=2) = ${a2}`));
    adv.push((Number.isFinite(a3) ? a3 : -12) - (Number.isFinite(a2) ? a2 : -14));
  }
  // "Median advantage ≥ 1 decade" is a statement about the distribution of the advantage over data draws (the
  // catalog's 5 pre-check seeds: 0.5, 7.25, 4.75, 2.0, 2.0 decades — one in five draws is below 1 decade). The old
  // check took the sample median of nS = 2 draws (the larger one at ci), which is below 1 whenever both draws are:
  // ≈ (1/5)² = 4% of fresh seeds at the catalog's rate (seen: global seed 619672897, instance 618155205: both draws
  // 0.5 decades, all solves converged — D = 2 recovers up to α^D = 10^−3.5, D = 3 up to 10^−3: draws far above the ℓ1
  // threshold, where both limits are set by the kernel end; a real property of such draws, not a numerical failure).
  // Measured on 24 other draws (seeds 1000003·s, s = 1…24): all ≥ 1 decade (min 1.0, median 3.5). Exact one-sided sign test of
  // H0: P(adv ≥ 1 decade) ≥ ½ (population median ≥ 1): with k of n draws at ≥ 1 decade, fail iff
  // P(Bin(n, ½) ≤ k) ≤ 0.05, so the false-alarm rate is ≤ 5% when the median is exactly 1 decade and far smaller
  // at the pre-check's P ≈ 0.8 (n = 5, k = 0: 0.2⁵ = 3e-4). With n ≤ 4 draws (ci: 2) the test cannot reject at 5%
  // (P(k = 0) = 2^−n ≥ 1/16), so at ci only the per-seed D = 3 ≥ D = 2 assertion has power; the median statement is
  // decided at default (5 draws) and deep (9 draws: fail iff k ≤ 1, P = 10/512).
  if (adv.length) {
    const k = adv.filter((a) => a >= 1).length;
    const pLow = binomialCdf(k, adv.length, 0.5);
    const what = `advantage log10 α^D_max(D=3) − log10 α^D_max(D=2) at N = 18: ${adv.map(fmt).join(', ')} decades; ${k}/${adv.length} ≥ 1 (sign test P(Bin(${adv.length}, ½) ≤ ${k}) = ${fmt(pLow)})`;
    outs.push(pLow <= 0.05 ? fail(0.05 / Math.max(pLow, 1e-300), `median advantage < 1 decade: ${what}`) : pass(NaN, what));
  }
  return all(outs);
}
export const wooF3 = defineClaim<{ seed: number }>({
  id: 'WOO-F3',
  paper: PAPER,
  title: 'Figure 3: larger D gives a sharper ℓ2→ℓ1 transition at larger α; D = 3 recovers the plant at much larger α^D than D = 2',
  statement: '(b) √d·Q^D_α(e₁)/Q^D_α(𝟏/√d) is monotone in α for D = 2…5, → √d at α = 10; the α^D-threshold (√d·ratio ≤ 1.1) for D = 3 exceeds that of D = 2 by ≥ 5 decades; at α = 0.1 the ratio decreases in D. (c) noiseless d = 100, r* = 3, N = 18: α^D_max(D = 3) ≥ α^D_max(D = 2) for every seed, and the median advantage over data draws is ≥ 1 decade (exact one-sided sign test at level 5%; no power with the 2 draws of tier ci, decided at default/deep).',
  where: 'L188, L196–L200',
  kind: 'experiment',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i, ctx) => f3Check(i.seed, ctx.tier, 5),
  falsifiers: [{ name: 'threshold gap ≥ 10 decades', description: 'claims a much larger D = 3 vs D = 2 threshold gap than holds (≈ 7 decades)', check: (i, ctx) => f3Check(i.seed, ctx.tier, 10) }],
  runs: { ci: 1, default: 2, deep: 5 },
});

// ───────────────────────────── Figure 5 ─────────────────────────────
interface F5Point { a2k: number; k: number; relErr: number; nuc: number; move: number; resid: number; nucSlack: number; M?: Float64Array }
const F5_A2K = [1e-3, 1e-2, 1e-1, 1, 10];
const F5_K = [8, 32, 128];
const f5Memo = new Map<string, F5Point[]>();
function nuclear(M: Float64Array, d: number): number {
  const rows = Array.from({ length: d }, (_, a) => Array.from(M.subarray(a * d, (a + 1) * d)));
  return new SingularValueDecomposition(new Matrix(rows)).diagonal.reduce((s: number, v: number) => s + v, 0);
}
export interface F5Setup { d: number; N: number; A: ReturnType<typeof liftMeasurement>[]; y: number[]; obs: number[]; obsSet: Set<number>; Y: Float64Array; nucY: number }
/**
 * The instance of Fig. 5: a rank-1 Y* and a mask, redrawn (seeded) until Y* is the minimum-nuclear-norm interpolant of
 * its observed entries, i.e. until the ADMM bracket finds no exact interpolant of smaller nuclear norm
 * (ub ≥ ‖Y*‖_*(1 − 1e-9), see minNuclearBracket). Why: the figure's metric ‖M‖_* − ‖Y*‖_* is the excess over the minimum
 * only then, and the paper's reading of Fig. 5 (L239: "the nuclear norm is nearly minimized and M converges to Y*")
 * is premised on nuclear-norm minimization recovering Y* (N = Ω̃(d^{1.2}r), L239); at the scaled-down d = 8, N = 40
 * that premise fails for about half of the draws (11 of instance seeds 1–20), where the two halves of the statement
 * disagree. Outside it the rich limit is NOT the minimum nuclear norm — instance seed 3 (global seed 93625699): the
 * minimum is 8.8% below ‖Y*‖_*, and as α²k → 0 (k = 128; 1e-1 … 1e-5) the flow's excess over the minimum grows,
 * 0.012, 0.017, 0.049, 0.076, 0.090, while its distance to Y* shrinks, 0.39 … 0.017: the rich limit is the rank-1 Y*
 * (greedy low-rank learning), 9.6% above the minimum nuclear norm — a counterexample to the caption's conjecture,
 * reported, not tested here. Redraws: P(accept) ≈ 0.45 per draw; 20 draws all rejected has probability ≈ 6e-6
 * (then the last draw is used and f5Check's bracket guard applies). The first draw is f5Candidate(seed).
 */
const f5SetupMemo = new Map<number, F5Setup>();
export function f5Setup(seed: number): F5Setup {
  const hit = f5SetupMemo.get(seed);
  if (hit) return hit;
  const rng = new Rng(seed);
  let S = f5Draw(rng);
  for (let attempt = 1; attempt < 20 && minNuclearBracket(S).ub < S.nucY * (1 - 1e-9); attempt++) S = f5Draw(rng);
  f5SetupMemo.set(seed, S);
  return S;
}
/** The first (unfiltered) draw of f5Setup's stream. */
export const f5Candidate = (seed: number): F5Setup => f5Draw(new Rng(seed));
function f5Draw(rng: Rng): F5Setup {
  const d = 8;
  const N = 40;
  const u = rng.normals(d);
  const v = rng.normals(d);
  const Y = Float64Array.from({ length: d * d }, (_, e) => u[Math.floor(e / d)] * v[e % d]);
  // The excess nuclear norm uses ‖Y*‖_* as the minimum (valid when nuclear-norm minimization recovers Y*):
  // draw the mask until every row and column has ≥ 3 observed entries (redraws are seeded).
  let obs = rng.permutation(d * d).slice(0, N);
  for (let t = 0; t < 100; t++) {
    const rc = new Array(d).fill(0);
    const cc = new Array(d).fill(0);
    for (const e of obs) {
      rc[Math.floor(e / d)]++;
      cc[e % d]++;
    }
    if (Math.min(...rc, ...cc) >= 3) break;
    obs = rng.permutation(d * d).slice(0, N);
  }
  const A = obs.map((e) => {
    const X = new Float64Array(d * d);
    X[e] = 1;
    return liftMeasurement(X, d);
  });
  return { d, N, A, y: obs.map((e) => Y[e]), obs, obsSet: new Set(obs), Y, nucY: nuclear(Y, d) };
}
/**
 * Certified bracket on the minimum nuclear norm over the interpolants {M : M_Ω = y} (the rich-limit target of Fig. 5).
 * ADMM on min ‖X‖_* s.t. X = Z, Z_Ω = y (ρ = 1): X ← SVT_{1/ρ}(Z − U), Z ← X + U with Z_Ω reset to y, U ← U + X − Z.
 * Upper bound: Z is an exact interpolant, so ‖Z‖_* ≥ min. Lower bound (weak duality): for any Λ supported on Ω,
 * min ≥ ⟨y, Λ⟩ / max(1, ‖Λ‖_op); ADMM's dual iterate ρU (restricted to Ω) is such a Λ. Stops as soon as the bracket
 * decides the question the check asks: ‖Y*‖_* is the minimum to within 1e-6 (lb ≥ ‖Y*‖_*(1 − 1e-6); 1e-6 is far below
 * the 0.02 resolution of the excess the check uses), or the minimum is located to 1e-4 relative (ub − lb ≤ 1e-4·lb, so
 * an ub < ‖Y*‖_*(1 − 1e-9) then certifies an exact interpolant of smaller nuclear norm than Y*; 1e-9 ≫ the SVD's
 * rounding ≈ d·ε), or after 20000 iterations (≈ 3 s at d = 8; then undecided).
 */
export function minNuclearBracket(S: F5Setup): { ub: number; lb: number; Z: Float64Array } {
  const { d, N, obs, y, nucY } = S;
  const fill = (M: Matrix) => {
    for (let n = 0; n < N; n++) M.set(Math.floor(obs[n] / d), obs[n] % d, y[n]);
    return M;
  };
  let Z = fill(Matrix.zeros(d, d));
  let U = Matrix.zeros(d, d);
  let ub = Infinity;
  let lb = -Infinity;
  let best = Z;
  for (let it = 0; it < 20000; it++) {
    const svd = new SingularValueDecomposition(Matrix.sub(Z, U));
    const sv = svd.diagonal.map((v: number) => Math.max(0, v - 1));
    const X = svd.leftSingularVectors.mmul(Matrix.diag(sv)).mmul(svd.rightSingularVectors.transpose());
    Z = fill(Matrix.add(X, U));
    U = Matrix.add(U, Matrix.sub(X, Z));
    if (it % 50 === 49) {
      const nz = new SingularValueDecomposition(Z).diagonal.reduce((a: number, v: number) => a + v, 0);
      if (nz < ub) { ub = nz; best = Z.clone(); }
      const lam = Matrix.zeros(d, d);
      let dual = 0;
      for (let n = 0; n < N; n++) {
        const [a, b] = [Math.floor(obs[n] / d), obs[n] % d];
        lam.set(a, b, -U.get(a, b)); // the multiplier of Z_Ω = y is −ρU (scaled-form ADMM sign)
        dual -= y[n] * U.get(a, b);
      }
      const op = new SingularValueDecomposition(lam, { computeLeftSingularVectors: false, computeRightSingularVectors: false }).diagonal[0];
      lb = Math.max(lb, dual / Math.max(1, op));
      if (lb >= nucY * (1 - 1e-6) || ub - lb <= 1e-4 * lb) break;
    }
  }
  return { ub, lb, Z: Float64Array.from(best.to1DArray()) };
}
const f5BracketMemo = new Map<number, ReturnType<typeof minNuclearBracket>>();
const f5Bracket = (seed: number, S: F5Setup) => {
  let b = f5BracketMemo.get(seed);
  if (!b) f5BracketMemo.set(seed, (b = minNuclearBracket(S)));
  return b;
};
/** One gradient flow of Fig. 5 at width k and α²k, from the init drawn with replicate index r (r = 0: the grid's draw). */
function f5Run(S: F5Setup, seed: number, k: number, a2k: number, r: number, tier: Tier): F5Point {
  const { d, N, A, y, obs, obsSet, Y, nucY } = S;
  const rmsUnobs = (M: ArrayLike<number>) => {
    let s = 0;
    let c = 0;
    for (let e = 0; e < d * d; e++) if (!obsSet.has(e)) { s += M[e] ** 2; c++; }
    return Math.sqrt(s / c);
  };
  const alpha = Math.sqrt(a2k / k);
  const W0 = new Rng(seed * 13 + k * 7 + Math.round(1e4 * a2k) + 104729 * r).normals(2 * d * k, alpha);
  const M0full = gramOf(W0, 2 * d, k);
  // Lifted flow with c_L = 1 (gradient flow of Σ(⟨UVᵀ, X_n⟩ − y_n)²), exact width-free reduction.
  const model = liftedReduced(A, y, 2 * d, M0full, 1, false);
  // T = 100: the catalog's pre-check saw the metrics change by < 1e-3 between T = 85 and T = 1000.
  const sol = integrateFlow(model, model.init(), { tMax: 100, rtol: 1e-7, atol: 1e-12, wallSeconds: 2 * flowWall(tier), lossTol: 0 });
  const Mfull = model.gramAt(sol.theta);
  const M = new Float64Array(d * d);
  const M0 = new Float64Array(d * d);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) { M[a * d + b] = Mfull[a * 2 * d + d + b]; M0[a * d + b] = M0full[a * 2 * d + d + b]; }
  const resid = Math.sqrt(obs.reduce((s, e, n) => s + (M[e] - y[n]) ** 2, 0) / N);
  const diff = M.map((x, e) => x - Y[e]);
  // nucSlack: M misses the observations by E (supported on the mask, ‖E‖_F = √N·resid); M + E interpolates exactly and
  // ‖M + E‖_* ≤ ‖M‖_* + ‖E‖_* ≤ ‖M‖_* + √d‖E‖_F, so nuc < −nucSlack certifies an interpolant with smaller nuclear norm than Y*.
  return { a2k, k, relErr: nrm2(diff) / nrm2(Y), nuc: (nuclear(M, d) - nucY) / nucY, move: rmsUnobs(M.map((x, e) => x - M0[e])) / rmsUnobs(Y), resid, nucSlack: (Math.sqrt(d * N) * resid) / nucY, M };
}
function f5Data(seed: number, tier: Tier): F5Point[] {
  const key = `${seed}/${tier}`;
  const hit = f5Memo.get(key);
  if (hit) return hit;
  const S = f5Setup(seed);
  const out: F5Point[] = [];
  // Budget: tier ci keeps the two extreme widths (16× apart); default adds k = 32.
  for (const k of tier === 'ci' ? [F5_K[0], F5_K[F5_K.length - 1]] : F5_K) for (const a2k of F5_A2K) out.push(f5Run(S, seed, k, a2k, 0, tier));
  f5Memo.set(key, out);
  return out;
}
/**
 * Replicated init draws for the collapse test (same Y*, same mask; independent U(0), V(0)): per replicate r the
 * excess at (k_min, α²k = 1), (k_max, 1) and (k_max, 10). Replicate 0 is the grid's draw. Replicates: 4 (ci),
 * 6 (default), 10 (deep); the extra flows cost ≈ 2–3 s per replicate (the α²k = 10 flow dominates).
 */
const f5Reps = (tier: Tier) => (tier === 'ci' ? 4 : tier === 'default' ? 6 : 10);
const f5RepMemo = new Map<string, { lo1: F5Point; hi1: F5Point; hi10: F5Point }[]>();
function f5Replicates(seed: number, tier: Tier) {
  const key = `${seed}/${tier}`;
  const hit = f5RepMemo.get(key);
  if (hit) return hit;
  const pts = f5Data(seed, tier);
  const kLo = F5_K[0];
  const kHi = F5_K[F5_K.length - 1];
  const at = (k: number, a: number) => pts.find((p) => p.k === k && p.a2k === a)!;
  const S = f5Setup(seed);
  const out = [{ lo1: at(kLo, 1), hi1: at(kHi, 1), hi10: at(kHi, 10) }];
  for (let r = 1; r < f5Reps(tier); r++) out.push({ lo1: f5Run(S, seed, kLo, 1, r, tier), hi1: f5Run(S, seed, kHi, 1, r, tier), hi10: f5Run(S, seed, kHi, 10, r, tier) });
  f5RepMemo.set(key, out);
  return out;
}
export const fig5: FigureSpec = {
  id: 'WOO-F5',
  paper: PAPER,
  title: 'Figure 5: matrix completion, transition in α²k (d = 8, N = 40, rank 1)',
  build: (seed, tier) => {
    const pts = f5Data(seed, tier);
    return [
      { id: 'WOO-F5a', paper: PAPER, title: 'Fig. 5 (left): excess nuclear norm vs α²k', caption: '(‖M_{α,k}‖_* − ‖Y*‖_*)/‖Y*‖_*; curves collapse in α²k across widths.', xLabel: 'α²k', yLabel: 'relative excess nuclear norm', logX: true, series: [...new Set(pts.map((p) => p.k))].map((k) => ({ name: `k=${k}`, x: F5_A2K, y: pts.filter((p) => p.k === k).map((p) => p.nuc) })) },
      { id: 'WOO-F5b', paper: PAPER, title: 'Fig. 5 (right): movement of unobserved entries vs α²k', caption: 'RMS over unobserved entries of M − M(0), relative to RMS of Y*; kernel regime: frozen.', xLabel: 'α²k', yLabel: 'relative movement', logX: true, series: [...new Set(pts.map((p) => p.k))].map((k) => ({ name: `k=${k}`, x: F5_A2K, y: pts.filter((p) => p.k === k).map((p) => p.move) })) },
    ];
  },
};
/**
 * Collapse in α²k (the paper's claim: the transition sits at α²k ≍ 1 for every width, "α²k = σ√k ≍ 1").
 * Derived comparison: if the transition were governed by α² rather than α²k, at equal α²k = 1 the widest curve
 * (k_max = 128, α² = 1/128) would sit where the narrowest (k_min = 8) sits at α²k = 16, i.e. the gap
 * Δ = ln nuc_{k_min}(1) − ln nuc_{k_max}(1) would be ≥ the rise S = ln nuc_{k_max}(10) − ln nuc_{k_max}(1) of one
 * curve over a decade of α²k (nuc increasing; S taken on the wide curve, whose finite-width fluctuation is the
 * smallest). Collapse at the figure's one-decade resolution ⇔ |Δ| < S. Both are finite-width random quantities
 * (the init U(0), V(0) is random; at k = 8 the excess at α²k = 1 ranged 0.86–1.62 over five draws of one instance,
 * at k = 128 0.48–0.58), so one draw cannot decide (instance seed 10: Δ = ln 3.36 on a high k = 8 draw, while
 * S from the same draws of k = 8 was ln 3.19 — the former single-draw comparison). Test: per replicate init r,
 * Z_r = S_r − σ·Δ_r with σ = sign(mean Δ) (so σ·Δ̄ = |Δ̄|); one-sided Student-t at 95% on the mean of Z over the
 * replicates: Z̄ − t·SE > 0 → collapse (pass); Z̄ + t·SE < 0 → the widths are a decade or more apart (fail);
 * otherwise unresolved (inconclusive). `noCollapse` is the mutant "the widths are a decade apart at α²k = 1":
 * the same test with the sign reversed.
 */
function f5Collapse(seed: number, tier: Tier, noCollapse: boolean): Outcome {
  const reps = f5Replicates(seed, tier);
  if (reps.some((q) => Math.max(q.lo1.resid, q.hi1.resid, q.hi10.resid) > 2e-3)) return inconclusive('observed-entry residual above 2e-3 at T = 100 in a replicate init');
  if (reps.some((q) => Math.min(q.lo1.nuc, q.hi1.nuc, q.hi10.nuc) <= 0)) return inconclusive('excess nuclear norm ≤ 0 at α²k ∈ {1, 10} in a replicate init');
  const delta = reps.map((q) => Math.log(q.lo1.nuc / q.hi1.nuc));
  const step = reps.map((q) => Math.log(q.hi10.nuc / q.hi1.nuc));
  const sg = mean(delta) >= 0 ? 1 : -1;
  const Z = reps.map((_, r) => step[r] - sg * delta[r]);
  const n = Z.length;
  const z = mean(Z);
  const se = sd(Z) / Math.sqrt(n);
  const t = studentTQuantile(0.95, n - 1);
  const what = `α²k = 1: ln(nuc_k=${F5_K[0]}/nuc_k=${F5_K[F5_K.length - 1]}) = ${fmt(mean(delta))} vs the decade rise ln(nuc(10)/nuc(1)) at k = ${F5_K[F5_K.length - 1]} = ${fmt(mean(step))}; margin Z̄ = ${fmt(z)} ± ${fmt(se)} (n = ${n} inits, t = ${fmt(t)}; excess at k=${F5_K[0]}: ${reps.map((q) => fmt(q.lo1.nuc)).join(', ')}; k=${F5_K[F5_K.length - 1]}: ${reps.map((q) => fmt(q.hi1.nuc)).join(', ')})`;
  const sgn = noCollapse ? -1 : 1;
  if (sgn * z - t * se > 0) return pass(NaN, `${noCollapse ? 'mutant: widths a decade apart: ' : 'collapse in α²k: '}${what}`);
  if (sgn * z + t * se < 0) return fail(Math.abs(z) / Math.max(t * se, 1e-300), `${noCollapse ? 'mutant: widths a decade apart at α²k = 1: ' : 'no collapse in α²k at the one-decade resolution: '}${what}`);
  return inconclusive(`collapse not resolved: ${what}`);
}
function f5Check(seed: number, tier: Tier, variant: 'true' | 'frozenRich' | 'noCollapse'): Outcome {
  const pts = f5Data(seed, tier).map((p) => ({ ...p }));
  const outs: Outcome[] = [];
  // ‖Y*‖_* is only a proxy for the minimum nuclear norm; when a run finds a smaller one, the baseline becomes
  // that smaller value (excess re-measured from it) and the recovery (relative-error) sub-check is skipped.
  // Certified test of the proxy: a run with nuc < −nucSlack (see f5Run) exhibits an exact interpolant of smaller
  // nuclear norm than Y*, so nuclear-norm minimization does not recover Y* and the rich end is not expected to
  // (instance seed 878307555 at global seed 28: nuc = −0.0043 at the rich end, slack ≈ 3e-4, rich-end error 0.16).
  // (Formerly a fixed −0.01 band, which let that instance's recovery sub-check run and fail.)
  // Second certificate (the catalog's "SVT on the side"): the ADMM bracket of the minimum nuclear norm (minNuclearBracket).
  // Global seed 709854405 (instance seed 503605753; Y* very coherent, column norms 0.03–3.7): ADMM finds an exact
  // interpolant with ‖·‖_* 0.05% below ‖Y*‖_* (3% from Y*), while the rich-end flows (α²k = 1e-3 and 1e-2, k = 8 and 128,
  // unchanged from T = 100 to T = 3000) converge to an interpolant 41% from Y* with excess 4% — the flows do not find
  // a smaller one, so the flow certificate alone let the recovery sub-check run on an instance where nuclear-norm
  // minimization does not recover Y* (the paper's premise for recovery, L239) and it failed (0.41 vs 0.19).
  // With the bracket, the excess is measured from the bracket's lower bound lb ≤ min (conservative: a larger excess).
  // f5Setup now redraws such instances (Y* not the minimum: outside the premise), so this guard only acts in the
  // ≈ 6e-6 case where all of its 20 draws were rejected.
  const S = f5Setup(seed);
  const br = f5Bracket(seed, S);
  const yStarNotMin = br.ub < S.nucY * (1 - 1e-9);
  const minNuc = Math.min(0, ...pts.map((p) => p.nuc), yStarNotMin ? br.lb / S.nucY - 1 : 0);
  const proxyOk = !yStarNotMin && pts.every((p) => p.nuc >= -p.nucSlack);
  if (!proxyOk) for (const p of pts) p.nuc = (p.nuc - minNuc) / (1 + minNuc);
  if (pts.some((p) => p.resid > 2e-3)) return inconclusive(`observed-entry residual above 2e-3 at T = 100 (max ${fmt(Math.max(...pts.map((p) => p.resid)))})`);
  const res = Math.max(0.02, ...pts.filter((p) => p.a2k === F5_A2K[0]).map((p) => Math.abs(p.nuc)));
  for (const k of [...new Set(pts.map((p) => p.k))]) {
    const row = pts.filter((p) => p.k === k);
    // Rich end (α²k = 1e-3): near-minimum nuclear norm and recovery of Y* (the catalog's 1e-2 point is
    // still in the transition for some draws: rel. error 0.068 seen at k = 128).
    for (const p of row.filter((p) => p.a2k <= 1e-3)) {
      // Rich end near the minimum nuclear norm: ≤ 1/20 of the kernel-end excess (catalog pre-check: 0.001 vs 0.3–3).
      outs.push(within(p.nuc, row[row.length - 1].nuc / 20, `excess nuclear norm at α²k=${p.a2k} vs α²k=10, k=${k}`));
      // Recovery: the rich end is ≥ 5× closer to Y* than the kernel end (α²k = 10) of the same width.
      const kern = row[row.length - 1].relErr;
      if (proxyOk) outs.push(within(p.relErr, kern / 5, `relative error at α²k=${p.a2k} vs α²k=10 (k=${k})`));
    }
    // Nondecreasing up to the measurement resolution: the rich end (α²k = 1e-3) should have zero excess, so its
    // observed excess (finite α, finite T, proxy baseline) over all widths measures the error of a point; 0.02 is the
    // floor of that resolution (catalog: nuc ≈ 0.001 at the rich end, proxy valid to 0.01 either side).
    const inc = row.every((p, m) => m === 0 || p.nuc >= row[m - 1].nuc - res);
    outs.push(inc ? pass() : fail(2, `excess nuclear norm not increasing in α²k (k=${k}): ${row.map((p) => fmt(p.nuc)).join(', ')}`));
  }
  const k128 = pts.filter((p) => p.k === 128);
  if (variant === 'frozenRich') outs.push(within(k128[0].move, 0.3, 'mutant: unobserved entries frozen at α²k = 1e-3'));
  else if (variant === 'noCollapse') outs.push(f5Collapse(seed, tier, true));
  else {
    // Kernel side: unobserved entries move less at α²k = 10 than at the rich end. The catalog's "≤ 0.3" and "3×"
    // are one draw's numbers (0.40 and 2.5× were seen): at finite width the tangent kernel at init has off-diagonal
    // entries ~ α²√k next to a diagonal ~ α²k, so unobserved entries still move by O(1/√k)·(|Y*| + |M0|) with a
    // draw-dependent constant, and no fixed threshold follows. The paper's claim is the order, asserted strictly.
    outs.push(k128[4].move < k128[0].move ? pass(k128[4].move / k128[0].move) : fail(k128[4].move / k128[0].move, `move(α²k = 10) = ${fmt(k128[4].move)} ≥ move(α²k = 1e-3) = ${fmt(k128[0].move)} at k = 128`));
    outs.push(f5Collapse(seed, tier, false));
    const k128nuc = k128.map((p) => p.nuc);
    outs.push(k128nuc[4] >= 10 * Math.max(k128nuc[0], 1e-6) ? pass() : fail(2, 'excess nuclear norm varies < 10× along α²k'));
  }
  return all(outs);
}
export const wooF5 = defineClaim<{ seed: number }>({
  id: 'WOO-F5',
  paper: PAPER,
  title: 'Figure 5: matrix completion has a rich/kernel transition at α²k ≍ 1 that collapses across widths',
  statement: 'Scaled Fig. 5 (d = 8, N = 40 observed entries of a rank-1 Y*, drawn so that Y* is the minimum-nuclear-norm interpolant of its observed entries — the premise of L239, certified by an ADMM bracket; k ∈ {8, 128} (ci) / {8, 32, 128}, α²k ∈ {1e-3 … 10}, gradient flow T = 100, c_L = 1): excess nuclear norm at α²k = 1e-3 ≤ 1/20 of that at α²k = 10, and a ≥ 5× smaller error to Y*; excess nondecreasing in α²k (to the rich-end resolution); at k = 128 unobserved entries move less at α²k = 10 than at α²k = 1e-3; at α²k = 1 the log-gap of the excess between k = 8 and k = 128 is below the rise of the k = 128 excess over a decade of α²k (collapse in α²k rather than α²), by a one-sided 95% Student-t test over replicate inits (4 at ci, 6 default, 10 deep; reversed at 95%: fail).',
  where: 'L252, L239',
  kind: 'experiment',
  expected: 'holds',
  erratum: 'The caption\'s conjecture (excess nuclear norm zero in the rich limit) and L239\'s "nuclear norm nearly minimized" hold only under L239\'s premise that nuclear-norm minimization recovers Y*; at d = 8, N = 40 about half of the draws violate it, and there the rich limit is the low-rank Y*, not the minimum nuclear norm (WOO-F5-LITERAL). This claim redraws until Y* is the minimum (ADMM bracket).',
  counterpart: 'WOO-F5-LITERAL',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i, ctx) => f5Check(i.seed, ctx.tier, 'true'),
  falsifiers: [
    { name: 'unobserved entries frozen in the rich regime', description: 'kernel-like behaviour at α²k = 1e-3', check: (i, ctx) => f5Check(i.seed, ctx.tier, 'frozenRich') },
    { name: 'no collapse: widths a decade apart at α²k = 1', description: 'the transition is governed by α² (or the widths differ by ≥ one decade of α²k), denying the α²k scaling', check: (i, ctx) => f5Check(i.seed, ctx.tier, 'noCollapse') },
  ],
  runs: { ci: 1, default: 2, deep: 5 },
});

// ───────────────────────────── Figure 5, literal: the rich limit minimises the nuclear norm ─────────────────────────────
/**
 * WOO-F5-LITERAL: the unconditional reading of L239 / the Fig. 5 caption — "for σ√k ≪ 1 the nuclear norm is nearly
 * minimized", the excess "conjectured to be zero in the rich limit" — on draws WITHOUT the L239 premise (Y* is not the
 * minimum-nuclear-norm interpolant of its observed entries). Draws: f5Draw on the stream Rng(seed), redrawn until the
 * ADMM bracket's upper bound satisfies ub < ‖Y*‖_*(1 − F5L_MARGIN); F5L_MARGIN = 1e-4 is the bracket's location
 * precision (it stops at ub − lb ≤ 1e-4·lb), so an accepted Y* sits above the minimum by more than the bracket resolves.
 * P(accept) ≈ 0.55 per draw (11 of instance seeds 1–20 violate the premise), so 20 rejected draws (then inconclusive)
 * has probability ≈ 1e-7. The first draw of instance seed 3 is accepted (ub 8.8% below ‖Y*‖_*).
 */
const F5L_A2K = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5];
const F5L_K = 128;
const F5L_MARGIN = 1e-4;
interface F5LPoint { a2k: number; lo: number; hi: number; distY: number; distZ: number; distErr: number; resid: number }
const f5LMemo = new Map<string, { S: F5Setup; ub: number; lb: number; draws: number; pts: F5LPoint[] } | null>();
function f5LiteralData(seed: number, tier: Tier) {
  const key = `${seed}/${tier}`;
  if (f5LMemo.has(key)) return f5LMemo.get(key)!;
  const rng = new Rng(seed);
  let found: { S: F5Setup; br: ReturnType<typeof minNuclearBracket>; draws: number } | null = null;
  for (let draws = 1; draws <= 20 && !found; draws++) {
    const S = f5Draw(rng);
    const br = minNuclearBracket(S);
    if (br.ub < S.nucY * (1 - F5L_MARGIN)) found = { S, br, draws };
  }
  if (!found) {
    f5LMemo.set(key, null);
    return null;
  }
  const { S, br, draws } = found;
  const { d, N, Y } = S;
  const { ub, lb, Z } = br;
  const nZ = nrm2(Z);
  const nY = nrm2(Y);
  const pts = F5L_A2K.map((a2k): F5LPoint => {
    const p = f5Run(S, seed, F5L_K, a2k, 0, tier);
    const M = p.M!;
    const nucM = S.nucY * (1 + p.nuc);
    // Residual slack (as in f5Run): the exact interpolant M + E (E on the mask, ‖E‖_F = √N·resid) has
    // |‖M + E‖_* − ‖M‖_*| ≤ √d‖E‖_F. Horizon error: the catalog's pre-check saw the metrics change by < 1e-3 between
    // T = 85 and T = 1000, so T = 100 stands for the limit to ±1e-3. Reference: min ∈ [lb, ub] (the bracket).
    // lo ≤ true excess (larger reference ub, smaller norm); hi ≥ true excess (smaller reference lb, larger norm).
    const slack = Math.sqrt(d * N) * p.resid;
    return {
      a2k,
      lo: (nucM - slack - ub) / ub - 1e-3,
      hi: (nucM + slack - lb) / lb + 1e-3,
      distY: nrm2(M.map((x, e) => x - Y[e])) / nY,
      distZ: nrm2(M.map((x, e) => x - Z[e])) / nZ,
      // distance error: ‖E‖_F/‖Z‖_F plus the same 1e-3 horizon allowance.
      distErr: (Math.sqrt(N) * p.resid) / nZ + 1e-3,
      resid: p.resid,
    };
  });
  const out = { S, ub, lb, draws, pts };
  f5LMemo.set(key, out);
  return out;
}
/**
 * The literal conjecture along α²k = 1e-1 … 1e-5 at k = 128: the excess over the minimum nuclear norm at the smallest α²k
 * is ≤ 0.02 (the catalog's rich-end threshold, L844), and it does not increase as α²k decreases (it vanishes in the
 * limit). Conservative for refuting: the endpoint is tested on its lower bound lo, and an increase counts only when
 * the next (smaller α²k) lower bound exceeds the previous upper bound hi. `toMinimiser` (falsifier): the even stronger
 * "M converges to the minimum-nuclear-norm interpolant Z" (the ADMM one), the same test on ‖M − Z‖_F/‖Z‖_F with the
 * catalog's recovery threshold 0.05 (L844).
 */
function f5LiteralCheck(seed: number, tier: Tier, variant: 'literal' | 'toMinimiser'): Outcome {
  const D = f5LiteralData(seed, tier);
  if (!D) return inconclusive('20 draws, none with Y* above the minimum nuclear norm by more than the bracket precision');
  const { S, ub, lb, draws, pts } = D;
  if (pts.some((p) => p.resid > 2e-3)) return inconclusive(`observed-entry residual above 2e-3 at T = 100 (max ${fmt(Math.max(...pts.map((p) => p.resid)))})`);
  const gap = `draw ${draws}: min ‖·‖_* ∈ [${fmt(lb)}, ${fmt(ub)}], ‖Y*‖_* = ${fmt(S.nucY)} (${fmt(S.nucY / ub - 1)} above); α²k = ${F5L_A2K.join(', ')} at k = ${F5L_K}`;
  const last = pts[pts.length - 1];
  const outs: Outcome[] = [];
  if (variant === 'literal') {
    // Threshold 0.02: the catalog's rich-end bound on the excess (nuc ≤ 0.02 at α²k ≤ 1e-2), tested on the lower bound lo.
    outs.push(within(last.lo, 0.02, `excess over the minimum nuclear norm at α²k = ${last.a2k} (lower bound; ${gap}; excess ∈ [lo, hi]: ${pts.map((p) => `[${fmt(p.lo)}, ${fmt(p.hi)}]`).join(', ')}; ‖M − Y*‖/‖Y*‖ = ${pts.map((p) => fmt(p.distY)).join(', ')})`));
    const up = pts.findIndex((p, m) => m > 0 && p.lo > pts[m - 1].hi);
    outs.push(up < 0 ? pass() : fail(pts[up].lo / Math.max(pts[up - 1].hi, 1e-12), `excess over the minimum nuclear norm increases as α²k → 0: ≥ ${fmt(pts[up].lo)} at α²k = ${pts[up].a2k} vs ≤ ${fmt(pts[up - 1].hi)} at ${pts[up - 1].a2k} (${gap})`));
  } else {
    // Threshold 0.05: the catalog's recovery bound (rel_err ≤ 0.05 at α²k ≤ 1e-2), tested on distZ − distErr (a lower bound).
    outs.push(within(last.distZ - last.distErr, 0.05, `mutant: ‖M − Z‖_F/‖Z‖_F to the ADMM minimiser Z at α²k = ${last.a2k} (lower bound; ${gap}; ${pts.map((p) => fmt(p.distZ)).join(', ')})`));
    const up = pts.findIndex((p, m) => m > 0 && p.distZ - p.distErr > pts[m - 1].distZ + pts[m - 1].distErr);
    outs.push(up < 0 ? pass() : fail(2, `mutant: distance to the minimiser Z increases as α²k → 0: ${pts.map((p) => fmt(p.distZ)).join(', ')} (${gap})`));
  }
  return all(outs);
}
export const wooF5Literal = defineClaim<{ seed: number }>({
  id: 'WOO-F5-LITERAL',
  paper: PAPER,
  title: 'as printed (L239, Fig. 5 caption): in the rich limit the nuclear norm is (nearly) minimised, for any draw',
  statement: 'Unconditional reading of L239 ("when σ = o(1/√k), the nuclear norm is nearly minimized") and of the Fig. 5 caption (excess nuclear norm "conjectured to be zero in the rich limit"), taken with the minimum nuclear norm over the interpolants of the observed entries as the reference: on a scaled Fig. 5 draw (d = 8, N = 40, rank-1 Y*) on which Y* is NOT that minimum (ADMM bracket: ub < ‖Y*‖_*(1 − 1e-4)), gradient flow at k = 128 along α²k = 1e-1, 1e-2, … 1e-5 (T = 100, c_L = 1) has excess (‖M‖_* − min)/min ≤ 0.02 at α²k = 1e-5 (measured against ub: a lower bound) and non-increasing as α²k decreases (beyond the bracket, residual and horizon error bars). Instance: instance seed 3 (the draw behind global seed 93625699 of WOO-F5).',
  where: 'L239, L252 (Fig. 5 caption)',
  kind: 'experiment',
  expected: 'refuted',
  erratum: 'The rich limit need not minimise the nuclear norm. At the scaled-down size about half of the draws have an interpolant of smaller nuclear norm than the rank-1 Y* (nuclear-norm minimisation does not recover Y*: L239\'s premise N = Ω̃(d^{1.2}r) fails), and on such a draw the small-initialisation flow still goes to the low-rank Y* — its excess over the true minimum grows toward ‖Y*‖_*/min − 1 (≈ 9.6% on instance seed 3) as α²k → 0 — consistent with the known greedy low-rank behaviour of small-initialisation factorization (rank minimisation rather than nuclear-norm minimisation). The caption\'s metric ‖M‖_* − ‖Y*‖_* hides this, since it takes ‖Y*‖_* as the minimum. The corrected claim WOO-F5 adds the L239 premise (draws where Y* is the minimum-nuclear-norm interpolant).',
  counterpart: 'WOO-F5',
  arbitrary: fc.constant({ seed: 3 }),
  check: (i, ctx) => f5LiteralCheck(i.seed, ctx.tier, 'literal'),
  falsifiers: [
    {
      name: 'the flow converges to the minimum-nuclear-norm interpolant',
      description: 'the even stronger "M_{α,k} → argmin ‖·‖_* as α²k → 0": distance to the ADMM minimiser Z ≤ 0.05 at α²k = 1e-5 and non-increasing (same draws and flows)',
      check: (i, ctx) => f5LiteralCheck(i.seed, ctx.tier, 'toMinimiser'),
    },
  ],
  runs: { ci: 1, default: 1, deep: 1 },
});

// ───────────────────────────── Figure 6(a, b): tiny ReLU nets ─────────────────────────────
/**
 * Gradient descent for Fig. 6: trainRelu (step 0.5/λ_max(NTK), refreshed every 25 steps) with `plainOnStall` — after a
 * 100-step window without progress it continues as plain gradient descent, since its monotone acceptance rule can lock
 * up at a ReLU kink (global seed 2082319072, instance seed 1907444987, D = 2, α = 0.3: all 6 inits stalled at a loss of
 * 1.540e-3 against a target of 1.6e-4; see src/models/wooRelu.ts). A run that never stalls is unchanged, so the
 * step-cap calibration (median 111, max 1964 steps) stands; a run that still misses the target is a genuine plateau and
 * is left out, as before.
 */
export function trainF6(net: ReturnType<typeof reluNet>, w0: Float64Array, xs: number[][], ys: number[], tol: number, maxSteps: number): { w: Float64Array; converged: boolean } {
  const tr = trainRelu(net, w0, xs, ys, tol, maxSteps, true);
  return { w: tr.w, converged: tr.converged };
}
/** One student init j: kernel distance and test error at each α, and whether training reached the target. */
interface F6Init { kdist: number[]; testErr: number[]; ok: boolean[] }
interface F6Row { D: number; alphas: number[]; inits: F6Init[] }
// Fig. 6(a, b) x-axis: α^D over 1.5 decades of α (the paper spans small to large α^D). The test uses the end points;
// budget: tier ci trains only those (more student inits instead), default/deep add α = 1, 3 for the figure.
// Budget (default verify must stay within minutes): the end points at ci, one mid point at default, the figure's grid at deep.
const f6Alphas = (tier: Tier) => (tier === 'ci' ? [0.3, 10] : tier === 'default' ? [0.3, 1, 10] : [0.3, 1, 3, 10]);
/** Student inits per depth (independent He-uniform draws): the unit of replication of the trend test. */
const f6Inits = (tier: Tier) => (tier === 'ci' || tier === 'default' ? 6 : 12);
/** Fig. 6(a, b) data: 10 training points on the unit circle labelled by a 3-unit ReLU teacher, 100 test points. */
export function f6Problem(seed: number): { xs: number[][]; ys: number[]; xt: number[][]; yt: number[] } {
  const rng = new Rng(seed);
  const circle = (t: number) => [Math.cos(t), Math.sin(t)];
  const xs = Array.from({ length: 10 }, () => circle(rng.range(0, 2 * Math.PI)));
  const teacher = reluNet(2, 3);
  const wt = heUniform(teacher, rng, 1);
  const ys = xs.map((x) => teacher.forward(wt, x));
  const xt = Array.from({ length: 100 }, (_, k) => circle((2 * Math.PI * k) / 100));
  const yt = xt.map((x) => teacher.forward(wt, x));
  return { xs, ys, xt, yt };
}
const f6Memo = new Map<string, F6Row[]>();
function f6Data(seed: number, tier: Tier): F6Row[] {
  const key = `${seed}/${tier}`;
  const hit = f6Memo.get(key);
  if (hit) return hit;
  const { xs, ys, xt, yt } = f6Problem(seed);
  const m = tier === 'deep' ? 30 : 20;
  const Ds = tier === 'deep' ? [2, 3, 5] : [2, 3];
  const rows: F6Row[] = [];
  for (const D of Ds) {
    const net = reluNet(D, m);
    const row: F6Row = { D, alphas: f6Alphas(tier), inits: [] };
    for (let j = 0; j < f6Inits(tier); j++) {
      // init j = 0 is the draw the single-init check used (seed + D); further inits are independent draws
      const w0base = heUniform(net, new Rng(seed + D + 7919 * j), 1);
      const it: F6Init = { kdist: [], testErr: [], ok: [] };
      for (const a of row.alphas) {
        // an init that stalled at one α is left out of the test anyway: do not train it at the others (budget)
        if (it.ok.length && !it.ok[it.ok.length - 1]) {
          it.kdist.push(NaN);
          it.testErr.push(NaN);
          it.ok.push(false);
          continue;
        }
        const w0 = w0base.map((v) => v * a);
        // trained until the loss drops by 1e3 relative to max(L(w0), ½‖y‖²) (large α starts far from 0)
        // Step cap: converged runs took a median 111 and at most 1964 GD steps (600 runs: 25 data seeds × D = 2, 3 ×
        // 6 inits × α = 0.3, 10, width 20; 5 did not converge by 6000); a run still above the target after 3× the
        // largest converged count is a plateau (dead units): that init is left out of the trend test. (A cap of
        // 4000 was tried: at global seed 22 some D = 3 inits converge only between 4000 and 6000 steps.)
        const tr = trainF6(net, w0, xs, ys, 1e-3, 6000);
        it.kdist.push(kernelCosineDistance(ntkGram(net, w0, xs), ntkGram(net, tr.w, xs)));
        it.testErr.push(xt.reduce((s, x, k) => s + (net.forward(tr.w, x) - yt[k]) ** 2, 0) / xt.length);
        it.ok.push(tr.converged);
      }
      row.inits.push(it);
    }
    rows.push(row);
  }
  f6Memo.set(key, rows);
  return rows;
}
/** Mean over the student inits that converged at that α (NaN-free: falls back to all inits). */
function f6Mean(r: F6Row, pick: (it: F6Init) => number[], k: number): number {
  const good = r.inits.filter((it) => it.ok[k]);
  const use = (good.length ? good : r.inits).filter((it) => Number.isFinite(pick(it)[k]));
  return use.length ? use.reduce((s, it) => s + pick(it)[k], 0) / use.length : 0;
}
export const fig6: FigureSpec = {
  id: 'WOO-F6',
  paper: PAPER,
  title: 'Figure 6(a, b): 2-D synthetic data, small ReLU nets — test error and tangent-kernel distance vs α^D',
  build: (seed, tier) => {
    const rows = f6Data(seed, tier);
    return [
      { id: 'WOO-F6a', paper: PAPER, title: 'Fig. 6(a): test error vs α^D', caption: '10 training points on the unit circle, teacher with 3 hidden units; bias-free students of depth D (small width), mean over student inits. MNIST/CIFAR-10 panels (c, d) are out of scope.', xLabel: 'α^D', yLabel: 'test MSE', logX: true, logY: true, series: rows.map((r) => ({ name: `D=${r.D}`, x: r.alphas.map((a) => a ** r.D), y: r.alphas.map((_, k) => Math.max(f6Mean(r, (it) => it.testErr, k), 1e-16)) })) },
      { id: 'WOO-F6b', paper: PAPER, title: 'Fig. 6(b): tangent-kernel (cosine) distance init → end vs α^D', caption: 'Cosine distance between the tangent-kernel Gram matrices at initialization and after training, mean over student inits.', xLabel: 'α^D', yLabel: 'kernel distance', logX: true, logY: true, series: rows.map((r) => ({ name: `D=${r.D}`, x: r.alphas.map((a) => a ** r.D), y: r.alphas.map((_, k) => Math.max(f6Mean(r, (it) => it.kdist, k), 1e-16)) })) },
    ];
  },
};
/**
 * Fig. 6(b)'s claim is a trend: the net leaves the kernel regime (the tangent kernel moves) as α^D gets small and
 * stays in it as α^D gets large. Not a level: at finite width and without output centering the kernel distance
 * does not go to 0 as α grows but levels off at a draw-dependent O(1/√m) value (seen at m = 20, D = 3: 0.093,
 * 0.023, 0.064, 0.057 at α = 0.3, 1, 3, 10 for one init, 0.21 → 0.003 for another), so a factor between two α
 * of one draw (the former ½) is not a property of the claim. Test: per student init j (converged at every α), the
 * paired contrast c_j = ln dist_j(α = 10) − ln dist_j(α = 0.3) (the largest vs the smallest α^D; the middle
 * α (default/deep) feed the figure — a least-squares slope over all four α was tried and is diluted by the plateau past α ≈ 1:
 * −0.24 ± 0.12 at instance seed 28, D = 3, while the end-point contrasts are −0.5 … −4.4); across inits, the
 * one-sided Student-t bound at 95% on the mean contrast decides: c̄ + t·SE < 0 → pass (decreasing), c̄ − t·SE > 0 →
 * fail (increasing: the reversed regime order), otherwise the budget does not resolve the sign (inconclusive).
 * The fitted slope b̄ over all α is reported alongside. `growing` is the mutant (kernel moves more at large α):
 * the same test with the sign reversed.
 */
function f6Check(seed: number, tier: Tier, growing: boolean): Outcome {
  const rows = f6Data(seed, tier);
  const outs: Outcome[] = [];
  for (const r of rows) {
    const good = r.inits.filter((it) => it.ok.every(Boolean));
    // ≥ 3 inits so the t bound has ≥ 2 degrees of freedom
    if (good.length < 3) {
      outs.push(inconclusive(`training did not reach the loss target for ${r.inits.length - good.length} of ${r.inits.length} student inits (D=${r.D})`));
      continue;
    }
    const lx = r.alphas.map((a) => r.D * Math.log(a));
    // 1e-15 floor: the cosine distance 1 − ⟨K0,K1⟩/(‖K0‖‖K1‖) is computed to ~1e-16 absolute (rounding).
    const lnd = (it: F6Init) => it.kdist.map((v) => Math.log(Math.max(v, 1e-15)));
    const slopes = good.map((it) => fitLine(lx, lnd(it)).slope);
    const contrasts = good.map((it) => lnd(it)[lx.length - 1] - lnd(it)[0]);
    const n = contrasts.length;
    const b = mean(contrasts);
    const se = sd(contrasts) / Math.sqrt(n);
    const t = studentTQuantile(0.95, n - 1);
    const sgn = growing ? -1 : 1;
    const what = `${growing ? 'mutant: kernel distance grows with α^D' : 'kernel distance decreases with α^D'} (D=${r.D}): ln dist(α=${r.alphas[r.alphas.length - 1]}) − ln dist(α=${r.alphas[0]}) = ${fmt(b)} ± ${fmt(se)} (n=${n} inits, t=${fmt(t)}; fitted slope on ln α^D ${fmt(mean(slopes))}; mean dist ${r.alphas.map((_, k) => fmt(f6Mean(r, (it) => it.kdist, k))).join(', ')} at α = ${r.alphas.join(', ')})`;
    if (sgn * (b + sgn * t * se) < 0) outs.push(pass(NaN, what));
    else if (sgn * (b - sgn * t * se) > 0) outs.push(fail(Math.abs(b) / Math.max(t * se, 1e-300), what));
    else outs.push(inconclusive(`sign not resolved: ${what}`));
  }
  return all(outs);
}
export const wooF6 = defineClaim<{ seed: number }>({
  id: 'WOO-F6',
  paper: PAPER,
  title: 'Figure 6(a, b): for small ReLU nets the tangent kernel stops moving as α grows (kernel regime); MNIST/CIFAR-10 out of scope',
  statement: 'On the 2-D synthetic data of App. A (10 points on the unit circle, 3-unit teacher), bias-free ReLU students of depth D (width 20 at ci, 30 otherwise) trained to small loss from He-uniform × α: the cosine distance between the tangent kernels at init and at the end decreases with α^D — over student inits (6 at ci with α = 0.3, 10; 8 default, 12 deep with α = 0.3, 1, 3, 10) the mean of ln dist(α = 10) − ln dist(α = 0.3) is negative at 95% one-sided Student-t confidence (positive at 95%: fail; neither: inconclusive). Panels (c, d) (MNIST, CIFAR-10, SGD, cross-entropy) are out of scope for this suite.',
  where: 'L247–L256, L263; App A L314–L326',
  kind: 'experiment',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i, ctx) => f6Check(i.seed, ctx.tier, false),
  falsifiers: [{ name: 'the kernel moves more at large α', description: 'reversed regime order', check: (i, ctx) => f6Check(i.seed, ctx.tier, true) }],
  runs: { ci: 1, default: 2, deep: 4 },
});

// ───────────────────────────── WOO-F7, WOO-F8, WOO-APPA (in-scope analogues) ─────────────────────────────
/**
 * Rich-limit sequence for WOO-F7, placed by the certified LP dual margin δ = 1 − max_{i∉S}|Xᵀν|_i of the
 * min-ℓ1 problem. Derivation: for large L = ln(1/α²), Q_{α,w0}(β) = L‖β‖₁ + Σ|β_i|(ln|β_i| − 1 + ln(1/w0_i²)) + o(1),
 * so the dual of argmin Q is Lν_ℓ1 + O(1) and an off-support coordinate is ≈ w0_i²·exp(−L(1 − |Xᵀν_ℓ1|_i) + O(1)):
 * both shapes approach the (unique) ℓ1 vertex like exp(−δL), and their distance does too. A fixed α grid is
 * therefore blind to small δ (instance seed 29 at global seed 9: δ = 1.0e-3, so α = 1e-300 (L = 1381) is only
 * δL = 1.4 — the distance 0.17 had not started to decay; at δL = 10, 20 it is 3.6e-4, 1.7e-8). SOLVE-Q works with
 * ln α, so α far below the double range (α = e^{−L/2}) is no obstacle. Grid: δL ∈ {5, 10, 20, 40}; for δ > 0.1 the
 * grid is L = 10·{5, 10, 20, 40} (α ≤ e^{−25}), so the sequence always reaches at least the old α = 1e-40 … 1e-87.
 */
const F7_DL = [5, 10, 20, 40];
function f7Rich(data: RegData, w0b: number[], fixedAlpha: boolean): Outcome {
  const lp = minL1(data.X, data.y);
  // Precondition of the shape-free rich limit (WOO-T1 / WOO-E7: the limit is β_ℓ1*, "if unique"): a non-unique ℓ1
  // optimum lets different shapes select different points of the optimal face, and no limit statement applies.
  if (!lp.ok || !lp.unique) return inconclusive(`ℓ1 minimizer not certified unique (LP ${lp.status}, max off-support |Xᵀν| = ${fmt(lp.offSupportDual)})`);
  const delta = 1 - lp.offSupportDual;
  // The falsifier (fixedAlpha) replaces the δ-scaled sequence by the old fixed grid α = 1e-40 … 1e-300.
  const Ls = fixedAlpha ? [40, 80, 160, 300].map((e) => 2 * e * Math.LN10) : F7_DL.map((c) => c * Math.max(1 / delta, 10));
  const sols = Ls.map((L) => [solveQ(data, -L / 2), solveQ(data, -L / 2, w0b)]);
  if (sols.some(([a, b]) => !a.converged || !b.converged)) return inconclusive('SOLVE-Q did not converge in the rich regime');
  const dists = sols.map(([a, b]) => dist2(a.beta, b.beta));
  const where = `δ = ${fmt(delta)}, L = ln(1/α²) = ${Ls.map(fmt).join(', ')}`;
  // tol: the claim's rich-limit level 1e-4 (below), applied by the mutant to the fixed grid.
  if (fixedAlpha) return within(Math.min(...dists), 1e-4, `mutant: rich limit reached on the fixed grid α = 1e-40 … 1e-300 (${where}): ‖Δβ‖ = ${dists.map(fmt).join(', ')}`);
  // tol 1e-4: the claim's rich-limit level (as before). In the variable u = exp(−δL) the derived rate is
  // ‖Δβ‖ ~ u¹; at the last point u = e^{−40} ≈ 4e-18, so 1e-4 leaves e^{31} for the O(1) prefactor (seen: ≤ 1e-12 at
  // instance seeds 0–3, 29). tailLimitVerdict: pass at ≤ 1e-4, fail when the tail slope in u is < ½ and not
  // increasing (the distance levels off: the limit is shape-dependent despite the unique ℓ1 vertex — a finding),
  // else inconclusive (asymptotic regime not reached).
  return tailLimitVerdict(Ls.map((L) => Math.exp(-delta * L)), dists, 1, 1e-4, `rich limit ‖β_α(𝟏) − β_α(w0)‖ (${where})`);
}
function f7Check(seed: number, variant: 'true' | 'kernelShapeFree' | 'fixedAlpha'): Outcome {
  const data = genReg(seed, 15, 5);
  const w0b = genW0(new Rng(seed + 1), 15, 0.65);
  const kern = dist2(solveQ(data, Math.log(1000)).beta, solveQ(data, Math.log(1000), w0b).beta);
  return all([
    f7Rich(data, w0b, variant === 'fixedAlpha'),
    // tol: the mutant uses the claim's rich-limit level (1e-4) for the kernel limit.
    variant === 'kernelShapeFree' ? within(kern, 1e-4, 'mutant: kernel limit shape-independent too') : kern > 0.05 ? pass() : inconclusive(`kernel-limit shape effect small for this instance (${fmt(kern)})`),
  ]);
}
export const wooF7 = defineClaim<{ seed: number }>({
  id: 'WOO-F7',
  paper: PAPER,
  title: 'Figure 7 (linear analogue): the rich limit is independent of the init shape, the kernel limit depends on it',
  statement: 'The width-10000 univariate ReLU experiment is out of scope (non-linear). In-scope analogue of its claim (α → 0: shape-free; large α: shape-dependent): for M1 with a certified unique min-ℓ1 interpolant (LP dual margin δ > 0; otherwise inconclusive), along ln(1/α²) = {5, 10, 20, 40}·max(1/δ, 10) (the derived approach rate is exp(−δ·ln(1/α²))) the distance between argmin Q_{α,w0} for w0 = 𝟏 and a non-uniform w0 reaches ≤ 1e-4 (still decaying at the derived rate: inconclusive; levelling off: fail), while at α = 1000 the two differ.',
  where: 'L258–L274 (analogue: WOO-E7 vs WOO-KLIM)',
  kind: 'experiment',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i) => f7Check(i.seed, 'true'),
  falsifiers: [
    { name: 'kernel limit also shape-independent', description: 'denies the shape dependence at large α', check: (i) => f7Check(i.seed, 'kernelShapeFree') },
    {
      name: 'rich limit reached on a fixed α grid',
      description: 'ignores the LP dual margin: claims ‖β_α(𝟏) − β_α(w0)‖ ≤ 1e-4 somewhere on α = 1e-40 … 1e-300 for every instance (false for near-degenerate ℓ1 problems)',
      // a near-degenerate instance (δ = 1.0e-3), the one that exposed the fixed grid, plus the claim's generator
      arbitrary: fc.oneof(fc.constant({ seed: 29 }), fc.record({ seed: seedArb })),
      check: (i) => f7Check(i.seed, 'fixedAlpha'),
    },
  ],
  runs: { ci: 2, default: 4, deep: 10 },
});
function trainTime(data: RegData, alpha: number, tier: Tier, frac: number): number {
  const m = diagonalShared({ X: data.X, y: data.y, D: 2, cL: 0.5, logCoords: true });
  const th0 = m.init(alpha);
  const sol = integrateFlow(m, th0, { rtol: 1e-9, atol: 1e-13, lossTol: frac * m.loss(th0), wallSeconds: flowWall(tier), tMax: 1e7 });
  return sol.status === 'converged' ? sol.t : NaN;
}
/**
 * Two parts, because the full training time is not monotone in α on every draw while the saddle delay is:
 * (i) escape from the saddle at 0 (the mechanism the paper names, L134–L136 "a smaller α … makes optimization
 *     trickier"): t_½ (first time L ≤ L(0)/2) strictly increases as α decreases, on every draw (plateau length
 *     ≈ ln(1/α²)/(4‖Xᵀy‖∞), WOO-ESC; the α grid is 2 decades apart, i.e. ln(1e4)/(4‖Xᵀy‖∞) of extra delay).
 *     Measured: 0 of 300 draws non-monotone.
 * (ii) the time to 1e-6·L(0), as a typical-case statement over F8_DRAWS draws: most draws (a majority) have it
 *     increasing. A single draw can break it genuinely: after the escape the flow passes further saddles
 *     (incremental learning) whose plateaus depend on α non-monotonically, and the loss curves cross. Found at
 *     global seed 80102976 (instance 2147483620): 14.39, 84.61, 14.03 for α = 1e-1, 1e-3, 1e-5 — the same to 3
 *     digits at rtol 1e-12 and in plain (w±) coordinates (14.40, 84.55, 13.86), so not an integration artefact;
 *     2 of 300 draws (seeds 7919·s, s = 1…300) are non-monotone, p̂ = 0.7% (95% upper bound 2.1%). False alarm of
 *     (ii) (≥ 3 of 5 draws non-monotone) at p = 2.1%: C(5,3)·0.021³ ≈ 1e-4.
 */
const F8_DRAWS = 5;
const F8_ALPHAS = [1e-1, 1e-3, 1e-5];
function f8Check(seed: number, tier: Tier, faster: boolean): Outcome {
  const ordered = (ts: number[]) => ts.every((t, k) => k === 0 || (faster ? t < ts[k - 1] : t > ts[k - 1]));
  const outs: Outcome[] = [];
  const full: string[] = [];
  let good = 0;
  for (let k = 0; k < F8_DRAWS; k++) {
    const data = genReg(k === 0 ? seed : seed + 7907 * k, 10, 4);
    const th = F8_ALPHAS.map((a) => trainTime(data, a, tier, 0.5));
    const t6 = F8_ALPHAS.map((a) => trainTime(data, a, tier, 1e-6));
    if ([...th, ...t6].some((t) => !Number.isFinite(t))) return inconclusive(`training did not finish in budget (draw ${k})`);
    if (!ordered(th)) outs.push(fail(2, `${faster ? 'mutant: ' : ''}draw ${k}: escape time t_½ vs α = ${F8_ALPHAS.join(', ')}: ${th.map(fmt).join(', ')}`));
    if (ordered(t6)) good++;
    full.push(t6.map(fmt).join('/'));
  }
  const what = `time to 1e-6·L(0) vs α = ${F8_ALPHAS.join(', ')} per draw: ${full.join('; ')} (${good}/${F8_DRAWS} ${faster ? 'decreasing' : 'increasing'})`;
  outs.push(2 * good > F8_DRAWS ? pass(NaN, what) : fail((F8_DRAWS + 1) / 2 / Math.max(good, 0.5), `${faster ? 'mutant: ' : ''}no majority: ${what}`));
  return all(outs);
}
export const wooF8 = defineClaim<{ seed: number }>({
  id: 'WOO-F8',
  paper: PAPER,
  title: 'Figure 8 (linear analogue): smaller α slows training',
  statement: 'The CIFAR-10 training curves are out of scope. In-scope analogue for M1 (gradient flow, generic y, α = 1e-1, 1e-3, 1e-5): (i) on every draw the time t_½ to halve the loss — the escape from the saddle at 0 (L134–L136; WOO-ESC gives the rate) — increases as α decreases; (ii) on most draws (a majority of 5) the time to reduce the loss to 1e-6·L(0) increases too. Not on every draw: later saddles can make a smaller α train faster overall (≈ 0.7% of draws; loss curves cross) — a finding about the figure\'s reading, reported.',
  where: 'L312, L328 (analogue: WOO-ESC)',
  kind: 'experiment',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i, ctx) => f8Check(i.seed, ctx.tier, false),
  falsifiers: [{ name: 'smaller α trains faster', description: 'reversed', check: (i, ctx) => f8Check(i.seed, ctx.tier, true) }],
  runs: { ci: 1, default: 3, deep: 10 },
});
function appaCheck(seed: number, power: (D: number) => number): Outcome {
  const rng = new Rng(seed);
  const outs: Outcome[] = [];
  for (const D of [2, 3, 5]) {
    const net = reluNet(D, 30);
    const w = heUniform(net, rng, 1);
    const a = 10 ** rng.range(-1, 1);
    const x = [rng.normal(), rng.normal()];
    const f1 = net.forward(w, x);
    const fa = net.forward(w.map((v) => v * a), x);
    // Positive homogeneity of bias-free ReLU nets; rounding ~ D·ε relative.
    outs.push(within(Math.abs(fa - a ** power(D) * f1), 1e-12 * Math.abs(fa) + 1e-300, `f(αw) = α^${power(D)}f(w) (D=${D})`));
  }
  return all(outs);
}
export const wooAPPA = defineClaim<{ seed: number }>({
  id: 'WOO-APPA',
  paper: PAPER,
  title: 'Appendix A: scaling all weights of a depth-D bias-free ReLU net by α scales the output by α^D (the x-axis α^D of Fig. 6)',
  statement: 'App. A multiplies every (He-initialized) weight by α while Fig. 6 is plotted against α^D: for bias-free ReLU networks of depth D, f(αw; x) = α^D f(w; x), so α^D is the output scale. The remaining App. A details (MNIST/CIFAR-10 training, SGD, learning rates) are provenance only, out of scope.',
  where: 'App A L308–L328',
  kind: 'identity',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i) => appaCheck(i.seed, (D) => D),
  falsifiers: [{ name: 'output scale α^{D−1}', description: 'off by one layer', check: (i) => appaCheck(i.seed, (D) => D - 1) }],
  runs: { ci: 4, default: 10, deep: 30 },
});

export const figureClaims: Claim[] = [wooF1, wooF2, wooF3, wooF5, wooF5Literal, wooF6, wooF7, wooF8, wooAPPA];
export const figureSpecs: FigureSpec[] = [fig1, fig2, fig3, fig5, fig6];
