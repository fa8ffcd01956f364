// Claims about matrix factorization (Sec. 6, App. F–G): the lifted dynamics, the initial scales,
// the wide parallel network (Theorem 4, eq. (67)), and the kernel regime of wide factorization
// (Theorem 5, Lemmas 5–7, Corollary G).
import fc from 'fast-check';
import { EigenvalueDecomposition, Matrix, inverse } from 'ml-matrix';
import { defineClaim, fail, pass, inconclusive, within, all, fmt, type Claim, type Outcome, type Tier } from '../../src/core/claim.js';
import { Rng } from '../../src/random/rng.js';
import { psiQ } from '../../src/bias/qFunctions.js';
import { minSeparable } from '../../src/bias/separableMin.js';
import { asymmetricFactorization, gramOf, liftMeasurement, liftedReduced, symmetricFactorization, wideDiagonal, type Meas } from '../../src/models/factorizationLifted.js';
import { integrateFlow } from '../../src/flow/index.js';
import type { FlowModel } from '../../src/flow/types.js';
import { PAPER, seedArb, flowWall, logLogSlope, nrm2 } from './common.js';

const symOpNorm = (M: Float64Array, n: number): number => {
  const rows = Array.from({ length: n }, (_, a) => Array.from(M.subarray(a * n, (a + 1) * n)));
  const e = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
  return Math.max(...e.realEigenvalues.map(Math.abs));
};
const randOrth = (rng: Rng, n: number): number[][] => {
  const A = new Matrix(Array.from({ length: n }, () => Array.from(rng.normals(n))));
  const e = new EigenvalueDecomposition(A.transpose().mmul(A), { assumeSymmetric: true });
  // Q = A (AᵀA)^{-1/2}
  const V = e.eigenvectorMatrix;
  const ev = e.realEigenvalues;
  const S = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) S.set(i, i, 1 / Math.sqrt(ev[i]));
  return A.mmul(V.mmul(S).mmul(V.transpose())).to2DArray();
};
const frobDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
};

// ───────────────────────────── WOO-LIFT (+ literal) ─────────────────────────────
interface LiftInst { seed: number; d: number; k: number; N: number }
const liftArb = fc.record({ seed: seedArb, d: fc.integer({ min: 2, max: 6 }), k: fc.integer({ min: 1, max: 20 }), N: fc.integer({ min: 1, max: 6 }) });
function symMeas(rng: Rng, n: number): Meas {
  const A = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b <= a; b++) {
      const v = rng.normal();
      A[a * n + b] = v;
      A[b * n + a] = v;
    }
  return A;
}
/** Ṁ from the W-flow: ẆWᵀ + WẆᵀ. */
function mDot(model: FlowModel, W: Float64Array, rows: number, k: number): Float64Array {
  const g = new Float64Array(W.length);
  model.grad(W, g);
  const M = new Float64Array(rows * rows);
  for (let a = 0; a < rows; a++)
    for (let b = 0; b < rows; b++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += -g[a * k + j] * W[b * k + j] - W[a * k + j] * g[b * k + j];
      M[a * rows + b] = s;
    }
  return M;
}
/** ∇L̃(M) = 2c_L Σ res_n A_n (symmetric). */
function gradLtilde(A: Meas[], y: number[], M: Float64Array, n: number, cL: number): Float64Array {
  const G = new Float64Array(n * n);
  for (let m = 0; m < A.length; m++) {
    let f = 0;
    for (let e = 0; e < n * n; e++) f += A[m][e] * M[e];
    const r = f - y[m];
    for (let e = 0; e < n * n; e++) G[e] += 2 * cL * r * A[m][e];
  }
  return G;
}
const matMul = (A: Float64Array, B: Float64Array, n: number) => {
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let l = 0; l < n; l++) { let s = 0; for (let j = 0; j < n; j++) s += A[i * n + j] * B[j * n + l]; C[i * n + l] = s; }
  return C;
};
function liftCheck(i: LiftInst, tier: Tier, sign: number, factor: number): Outcome {
  const rng = new Rng(i.seed);
  const n = i.d;
  const k = i.k;
  const cL = 0.5;
  const A = Array.from({ length: i.N }, () => symMeas(rng, n));
  const y = Array.from(rng.normals(i.N));
  const model = symmetricFactorization(A, y, n, k, cL);
  const W = rng.normals(n * k, 0.7);
  const O = randOrth(rng, k);
  const WO = new Float64Array(n * k);
  for (let a = 0; a < n; a++) for (let j = 0; j < k; j++) { let s = 0; for (let l = 0; l < k; l++) s += W[a * k + l] * O[l][j]; WO[a * k + j] = s; }
  const outs: Outcome[] = [];
  // (i) Ṁ depends on W only through M, and equals sign·factor·(∇L̃M + M∇L̃).
  const M = gramOf(W, n, k);
  const d1 = mDot(model, W, n, k);
  const d2 = mDot(model, WO, n, k);
  const sc = Math.max(1, nrm2(d1));
  // Rounding (running-error analysis): every quantity is a chain of dot products — WO (length k), M = WWᵀ (k),
  // res_n = ⟨A_n, M⟩ − y_n (n² + 1), ∇L̃ = 2c_LΣres_nA_n (N), ∇_W L = 4∇L̃W (n), Ṁ = −(gWᵀ + Wgᵀ) (k), and the
  // formula's ∇L̃M (n). A length-m dot product has |fl − exact| ≤ mε·Σ|a||b| (Higham, Thm 3.4), so each error is
  // bounded by ε·(total depth)·(the same computation on absolute values). The absolute-value Ṁ of W and of |W||O|
  // (which bounds |WO|) are computed below; a catastrophic cancellation in res_n (‖M‖ ≫ |res|) is what made the
  // former ‖·‖-based tolerance too tight. The W→WO formation error (kε relative) enters Ṁ, cubic in W, ×3.
  const depth = 3 * k + n * n + 1 + i.N + 2 * n + 2;
  const absMdot = (Wa: Float64Array): number => {
    const Ma = gramOf(Wa, n, k);
    const Ga = new Float64Array(n * n);
    for (let m = 0; m < i.N; m++) {
      let f = Math.abs(y[m]);
      for (let e = 0; e < n * n; e++) f += Math.abs(A[m][e]) * Ma[e];
      for (let e = 0; e < n * n; e++) Ga[e] += 2 * cL * f * Math.abs(A[m][e]);
    }
    const P = matMul(Ga, Ma, n);
    let sq = 0;
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) sq += (2 * (P[a * n + b] + P[b * n + a])) ** 2;
    return Math.sqrt(sq);
  };
  const Wabs = W.map(Math.abs);
  const WOabs = new Float64Array(n * k);
  for (let a = 0; a < n; a++) for (let j = 0; j < k; j++) { let s = 0; for (let l = 0; l < k; l++) s += Wabs[a * k + l] * Math.abs(O[l][j]); WOabs[a * k + j] = s; }
  const eps = 2.2e-16;
  // O = A(AᵀA)^{−½} is orthogonal only to δ_O = max|OOᵀ − I| ~ κ(A)²ε (measured here), so WO(WO)ᵀ − M = W(OOᵀ − I)Wᵀ
  // with |ΔM| ≤ δ_O·ssᵀ, s = |W|𝟙; its first-order effect on Ṁ = −2(∇L̃M + M∇L̃) is bounded on absolute values.
  let dO = 0;
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let t = 0;
      for (let l = 0; l < k; l++) t += O[a][l] * O[b][l];
      dO = Math.max(dO, Math.abs(t - (a === b ? 1 : 0)));
    }
  const srow = Array.from({ length: n }, (_, a) => { let t = 0; for (let j = 0; j < k; j++) t += Wabs[a * k + j]; return t; });
  const dM = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) dM[a * n + b] = dO * srow[a] * srow[b];
  const MaW = gramOf(Wabs, n, k);
  const Ga0 = new Float64Array(n * n);
  const dG = new Float64Array(n * n);
  for (let m = 0; m < i.N; m++) {
    let f = Math.abs(y[m]);
    let df = 0;
    for (let e = 0; e < n * n; e++) { f += Math.abs(A[m][e]) * MaW[e]; df += Math.abs(A[m][e]) * dM[e]; }
    for (let e = 0; e < n * n; e++) { Ga0[e] += 2 * cL * f * Math.abs(A[m][e]); dG[e] += 2 * cL * df * Math.abs(A[m][e]); }
  }
  const P1 = matMul(dG, MaW, n);
  const P2 = matMul(Ga0, dM, n);
  let orthSq = 0;
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) orthSq += (2 * (P1[a * n + b] + P1[b * n + a] + P2[a * n + b] + P2[b * n + a])) ** 2;
  // W→WO formation error (kε relative per entry) enters the cubic Ṁ at most ×4 (twice via M, twice via res in ∇L̃).
  const rt = (eps * depth * (absMdot(Wabs) + absMdot(WOabs)) + 4 * k * eps * absMdot(WOabs) + Math.sqrt(orthSq)) / sc;
  outs.push(within(frobDiff(d1, d2) / sc, rt, 'Ṁ(W) = Ṁ(WO)'));
  const G = gradLtilde(A, y, M, n, cL);
  const GM = matMul(G, M, n);
  const MG = matMul(M, G, n);
  const formula = GM.map((v, e) => sign * factor * (v + MG[e]));
  outs.push(within(frobDiff(d1, formula) / sc, rt, `Ṁ vs ${sign < 0 ? '−' : ''}${factor}(∇L̃M + M∇L̃)`));
  // Integrate W and WO on [0, 2]: the M-paths agree.
  const s1 = integrateFlow(model, W, { tMax: 2, rtol: 1e-12, atol: 1e-14, wallSeconds: flowWall(tier), lossTol: 0 });
  const s2 = integrateFlow(model, WO, { tMax: 2, rtol: 1e-12, atol: 1e-14, wallSeconds: flowWall(tier), lossTol: 0 });
  if (s1.status === 'max-time' && s2.status === 'max-time') outs.push(within(frobDiff(gramOf(s1.theta, n, k), gramOf(s2.theta, n, k)) / Math.max(1, nrm2(gramOf(s1.theta, n, k))), 1e-8, 'M(t) = M′(t) at t = 2'));
  // (ii) asymmetric: (U, V) and (UB, VB^{−ᵀ}) have the same UVᵀ but different Ṁ.
  const dd = i.d;
  const Xs = Array.from({ length: i.N }, () => rng.normals(dd * dd));
  const asym = asymmetricFactorization(Xs, y, dd, k, cL);
  const th = rng.normals(2 * dd * k, 0.7);
  if (k >= 1) {
    const Bm = new Matrix(Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => (a === b ? 1 : 0) + 0.5 * rng.normal())));
    const Binv = inverse(Bm);
    const th2 = new Float64Array(th.length);
    for (let a = 0; a < dd; a++)
      for (let j = 0; j < k; j++) {
        let su = 0;
        let sv = 0;
        for (let l = 0; l < k; l++) {
          su += th[a * k + l] * Bm.get(l, j);
          sv += th[(dd + a) * k + l] * Binv.get(j, l); // V B^{−ᵀ}: (VB^{−ᵀ})_{aj} = Σ_l V_al (B⁻¹)_{jl}
        }
        th2[a * k + j] = su;
        th2[(dd + a) * k + j] = sv;
      }
    const P1 = asym.product(th);
    const P2 = asym.product(th2);
    // tol: (UB)(VB^{−ᵀ})ᵀ = UVᵀ up to the rounding of B⁻¹: ≲ k·ε·cond(B)·‖U‖‖V‖ relative, k ≤ 20; B = I + ½G has
    // cond(B) ≲ 1e2 typically (≲ 1e-12), and 1e-9 leaves room up to cond(B) ~ 1e5. Empirical in cond(B), which a random B
    // does not bound; calibration row WOO-LIFT.
    outs.push(within(frobDiff(P1, P2) / Math.max(1, nrm2(P1)), 1e-9, 'same UVᵀ'));
    const mdotAsym = (t: Float64Array) => {
      const g = new Float64Array(t.length);
      asym.grad(t, g);
      const Md = new Float64Array(dd * dd);
      for (let a = 0; a < dd; a++) for (let b = 0; b < dd; b++) { let s = 0; for (let j = 0; j < k; j++) s += -g[a * k + j] * t[(dd + b) * k + j] - t[a * k + j] * g[(dd + b) * k + j]; Md[a * dd + b] = s; }
      return Md;
    };
    const diffRel = frobDiff(mdotAsym(th), mdotAsym(th2)) / Math.max(1e-12, nrm2(mdotAsym(th)));
    if (k > 1) outs.push(diffRel > 1e-3 ? pass() : inconclusive(`Ṁ nearly equal for this factorization pair (${fmt(diffRel)})`));
    // (iii) lifting: ⟨M̄, X̄_n⟩ = ⟨UVᵀ, X_n⟩ and the stacked gradient equals the (U,V) gradient.
    const lifted = symmetricFactorization(Xs.map((X) => liftMeasurement(X, dd)), y, 2 * dd, k, cL);
    // tol (this and the gradient identity below): the same bilinear sums over d²k ≤ 720 terms of O(1) size in a different
    // order (the ½ of X̄_n is exact in binary): rounding ≲ √(d²k)·ε ≈ 6e-15 relative to max(1, ‖·‖); the catalog's 1e-13.
    outs.push(within(frobDiff(lifted.predict(th), asym.predict(th)) / Math.max(1, nrm2(asym.predict(th))), 1e-13, '⟨M̄, X̄_n⟩ = ⟨UVᵀ, X_n⟩'));
    const g1 = new Float64Array(th.length);
    const g2 = new Float64Array(th.length);
    lifted.grad(th, g1);
    asym.grad(th, g2);
    outs.push(within(frobDiff(g1, g2) / Math.max(1, nrm2(g2)), 1e-13, 'lifted gradient = (U,V) gradient'));
  }
  return all(outs);
}
export const wooLIFTLiteral = defineClaim<LiftInst>({
  id: 'WOO-LIFT-LITERAL',
  paper: PAPER,
  title: 'as printed (L214): Ṁ = ∇L̃(M)M + M∇L̃(M) for M = WWᵀ',
  statement: 'Literal L214: along gradient flow on W with L(W) = L̃(WWᵀ), Ṁ = ∇L̃(M)M + M∇L̃(M).',
  where: 'Sec 6 L214',
  kind: 'identity',
  expected: 'refuted',
  erratum: 'The sign and the factor are wrong (E-S6a): Ṁ = −2(∇L̃(M)M + M∇L̃(M)); with the printed sign M moves uphill. The structural point (Ṁ depends on M only) is right.',
  counterpart: 'WOO-LIFT',
  arbitrary: liftArb,
  check: (i, ctx) => liftCheck(i, ctx.tier, 1, 1),
  falsifiers: [{ name: '−(∇L̃M + M∇L̃)', description: 'right sign, factor 1', check: (i, ctx) => liftCheck(i, ctx.tier, -1, 1) }],
  runs: { ci: 3, default: 10, deep: 30 },
});
export const wooLIFT = defineClaim<LiftInst>({
  id: 'WOO-LIFT',
  paper: PAPER,
  title: 'lifted dynamics: Ṁ = −2(∇L̃M + M∇L̃) depends only on M = WWᵀ; UVᵀ alone does not determine Ṁ; lifting is exact',
  statement: '(i) M = WWᵀ, L(W) = L̃(WWᵀ), symmetric measurements: Ṁ = −2(∇L̃(M)M + M∇L̃(M)), so W and WO (O orthogonal) have the same M-path; (ii) for M = UVᵀ, (U,V) and (UB, VB^{−ᵀ}) give different Ṁ; (iii) with W = [U;V] and X̄_n = ½[[0,X_n],[X_nᵀ,0]], ⟨M̄, X̄_n⟩ = ⟨UVᵀ, X_n⟩ and the gradients coincide.',
  where: 'Sec 6 L214–L216; App F L690–L692',
  kind: 'identity',
  expected: 'holds',
  erratum: 'Printed without the minus sign and the factor 2.',
  counterpart: 'WOO-LIFT-LITERAL',
  arbitrary: liftArb,
  check: (i, ctx) => liftCheck(i, ctx.tier, -1, 2),
  falsifiers: [{ name: 'printed +(∇L̃M + M∇L̃)', description: 'no minus sign, no factor 2: moves uphill', check: (i, ctx) => liftCheck(i, ctx.tier, 1, 1) }],
  runs: { ci: 3, default: 10, deep: 30 },
});

// ───────────────────────────── WOO-SCALE ─────────────────────────────
interface ScaleInst { seed: number; d: number; k: number }
const scaleArb = fc.record({ seed: seedArb, d: fc.constantFrom(3, 8), k: fc.constantFrom(16, 256, 1024) });
function scaleCheck(i: ScaleInst, offScale: (a: number, k: number) => number, diagMean: (a: number, k: number) => number): Outcome {
  const rng = new Rng(i.seed);
  const { d, k } = i;
  const alpha = 10 ** rng.range(-1, 0.5);
  const draws = 100;
  const off: number[] = [];
  const diag: number[] = [];
  let opOk = 0;
  for (let t = 0; t < draws; t++) {
    const W = rng.normals(2 * d * k, alpha);
    const Mb = gramOf(W, 2 * d, k);
    for (let a = 0; a < 2 * d; a++)
      for (let b = 0; b < 2 * d; b++) {
        if (a === b) diag.push(Mb[a * 2 * d + b]);
        else if (a < b) off.push(Mb[a * 2 * d + b]);
      }
    const E = Mb.map((v, e) => v / (alpha * alpha * k) - (e % (2 * d + 1) === 0 ? 1 : 0));
    if (symOpNorm(E, 2 * d) <= 4 * Math.sqrt((2 * d) / k) + (2 * d) / k) opOk++;
  }
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const sd = (a: number[]) => Math.sqrt(mean(a.map((v) => (v - mean(a)) ** 2)));
  // 10% tolerance: with ≥ 100·d(2d−1) samples the relative standard error of an SD estimate is ≤ 1/√(2·1500) ≈ 2%.
  return all([
    within(Math.abs(sd(off) / offScale(alpha, k) - 1), 0.1, `SD of off-diagonal entries / α²√k (k=${k})`),
    within(Math.abs(mean(diag) / diagMean(alpha, k) - 1), 0.1, 'mean of diagonal / α²k'),
    within(Math.abs(sd(diag) / (alpha * alpha * Math.sqrt(2 * k)) - 1), 0.15, 'SD of diagonal / α²√(2k)'),
    within(Math.abs(mean(off)) / offScale(alpha, k), 4 / Math.sqrt(off.length), 'mean of off-diagonal entries (4 standard errors)'),
    // Counted in whole draws: as a fraction, 1 − 99/100 = 0.010000000000000009 > 0.01 refuted a draw set meeting "≥ 99 %"
    // exactly (fresh seed 2028195785). Per-draw exceedance measured at 1/3000 (d = 3, k = 16; 0/3000 elsewhere), so
    // ≥ 2 of 100 has probability ≤ 5e-4 per instance.
    within(draws - opOk, Math.floor(0.01 * draws), `‖M̄(0)/(α²k) − I‖_op ≤ 4√(2d/k) + 2d/k in ≥ 99% of draws (draws exceeding, of ${draws})`),
  ]);
}
export const wooSCALE = defineClaim<ScaleInst>({
  id: 'WOO-SCALE',
  paper: PAPER,
  title: 'initial scales: entries of UVᵀ (and off-diagonal of UUᵀ, VVᵀ) ~ α²√k; diagonal ≈ α²k; M̄(0) ≈ α²kI',
  statement: 'For U(0), V(0) with i.i.d. N(0, α²) entries: off-diagonal entries of M̄ = [U;V][U;V]ᵀ have mean 0 and SD α²√k; diagonal entries mean α²k, SD α²√(2k); ‖M̄(0) − α²kI‖_op/(α²k) = O(√(d/k)). Hence σ ≈ α²√k and "diagonal ≈ α²k = σ√k" (L216, L220).',
  where: 'L212, L216, L220; Fig. 5 caption L252',
  kind: 'statistical',
  expected: 'holds',
  arbitrary: scaleArb,
  check: (i) => scaleCheck(i, (a, k) => a * a * Math.sqrt(k), (a, k) => a * a * k),
  falsifiers: [
    { name: 'off-diagonal entries scale as α²k', description: 'same scale as the diagonal', check: (i) => scaleCheck(i, (a, k) => a * a * k, (a, k) => a * a * k) },
    { name: 'diagonal ≈ α²√k (σ = α²k confusion)', description: 'diagonal at the off-diagonal scale', check: (i) => scaleCheck(i, (a, k) => a * a * Math.sqrt(k), (a, k) => a * a * Math.sqrt(k)) },
  ],
  runs: { ci: 3, default: 6, deep: 6 },
});

// ───────────────────────────── WOO-DD67 ─────────────────────────────
interface WideInst { seed: number; kIdx: number }
const WIDE_K = [4, 16, 64, 256];
const wideArb = fc.record({ seed: seedArb, kIdx: fc.integer({ min: 0, max: 3 }) });
function wideData(seed: number) {
  const rng = new Rng(seed);
  const d = 6;
  const N = 3;
  const Xd = Array.from({ length: N }, () => Array.from(rng.normals(d)));
  const y = Array.from(rng.normals(N));
  return { Xd, y, d, N, rng };
}
/** Finite-k prediction (derived): δ∞ = argmin Σ m_i q(δ_i/m_i) − φ_iδ_i, m_i = √(Δ_i(0)² − δ_i(0)²)/2, φ_i = artanh(δ_i(0)/Δ_i(0)). */
function tiltedPrediction(Xd: number[][], y: number[], d0: Float64array, D0: Float64array, useTilt: boolean) {
  const d = d0.length;
  const w0 = new Float64Array(d);
  const tilt = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    w0[i] = Math.sqrt(Math.sqrt(D0[i] ** 2 - d0[i] ** 2) / 2);
    tilt[i] = useTilt ? Math.atanh(d0[i] / D0[i]) : 0;
  }
  return minSeparable(Xd, y, psiQ(0, d, w0, tilt), { maxDualStep: 2, maxIter: 3000 });
}
type Float64array = Float64Array;
function dd67Check(i: WideInst, tier: Tier, coef: number, bigDeltaVariant: 'full' | 'Uonly', useTilt: boolean): Outcome {
  const { Xd, y, d, rng } = wideData(i.seed);
  const k = WIDE_K[i.kIdx];
  const mu2 = 0.5;
  const alpha = Math.sqrt((2 * mu2) / k);
  const model = wideDiagonal(Xd, y, k, 1);
  const th0 = rng.normals(2 * d * k, alpha);
  const tEval = Array.from({ length: 10 }, (_, m) => (m + 1) * 20);
  const sol = integrateFlow(model, th0, { tMax: 200, tEval, rtol: 1e-11, atol: 1e-14, wallSeconds: flowWall(tier), lossTol: 1e-24 });
  if (sol.status !== 'max-time' && sol.status !== 'converged') return inconclusive(sol.message);
  const outs: Outcome[] = [];
  let e67 = 0;
  let inv = 0;
  const bd = (th: Float64Array) => {
    if (bigDeltaVariant === 'full') return model.bigDelta(th);
    const o = new Float64Array(d);
    for (let a = 0; a < d; a++) { let s = 0; for (let j = 0; j < k; j++) s += th[a * k + j] ** 2; o[a] = 0.5 * s; }
    return o;
  };
  const D0 = model.bigDelta(th0);
  const d0 = model.delta(th0);
  for (const th of sol.thetas) {
    // (67): δ̇ = −4g∘Δ, Δ̇ = −4g∘δ (c_L = 1), δ̇ from the parameter velocity θ̇ = −∇L.
    const g = new Float64Array(th.length);
    model.grad(th, g);
    const r = model.residual(th);
    const D = bd(th);
    const dl = model.delta(th);
    for (let a = 0; a < d; a++) {
      let gg = 0;
      for (let n = 0; n < y.length; n++) gg += Xd[n][a] * r[n];
      let dDot = 0;
      for (let j = 0; j < k; j++) dDot += -g[a * k + j] * th[(d + a) * k + j] - th[a * k + j] * g[(d + a) * k + j];
      e67 = Math.max(e67, Math.abs(dDot - coef * gg * D[a]) / (1 + Math.abs(dDot)));
      const DD = model.bigDelta(th)[a];
      inv = Math.max(inv, Math.abs(DD * DD - dl[a] * dl[a] - (D0[a] ** 2 - d0[a] ** 2)) / (D0[a] ** 2));
    }
  }
  // tol: (67) is an algebraic identity at each recorded state: rounding of sums over k ≤ 256 units and N measurements,
  // ≲ kε relative to 1 + |δ̇| ≈ 6e-14; catalog 1e-9. Invariant: DOPRI5 (rtol 1e-11) keeps Δ² − δ² only to its global
  // error, ≲ rtol·steps ≲ 1e-8 (the derived worst case; catalog 1e-10, pre-check 1.1e-11). Final δ: the flow stops at loss
  // ≤ 1e-24 (‖res‖ ≤ 1e-12) and the tilted dual Newton at 1e-13, so ≲ 1e-12·√cond/σ_min ≲ 1e-9; 1e-7 (catalog 1e-8).
  // All three are loose: calibration WOO-DD67 worst margin 9e-6 (headroom 1e5).
  outs.push(within(e67, 1e-9, 'δ̇ = −4g∘Δ (67)'));
  outs.push(within(inv, 1e-8, 'Δ² − δ² conserved'));
  if (sol.loss > 1e-18) outs.push(inconclusive(`not converged at T = 200 (loss ${fmt(sol.loss)})`));
  else {
    const pred = tiltedPrediction(Xd, y, d0, D0, useTilt);
    if (!pred.converged) outs.push(inconclusive('tilted solver failed'));
    else outs.push(within(frobDiff(model.delta(sol.theta), pred.beta), 1e-7, `δ∞ vs finite-k tilted Q prediction (k=${k})`));
  }
  return all(outs);
}
export const wooDD67 = defineClaim<WideInst>({
  id: 'WOO-DD67',
  paper: PAPER,
  title: '(67): δ̇ = −4𝒳ᵀres∘Δ for any init; Δ² − δ² conserved; exact finite-k bias (derived)',
  statement: '(i) M6 with c_L = 1 (any U, V): δ = diag(UVᵀ), Δ = ½diag(UUᵀ + VVᵀ): δ̇ = −4g∘Δ, Δ̇ = −4g∘δ; (ii) closed form for δ(0) = 0 (in WOO-T4(c)); (iii, derived) Δ² − δ² is conserved and δ∞ = argmin Σ[m_iq(δ_i/m_i) − φ_iδ_i] s.t. 𝒳δ = y with m_i = √(Δ_i(0)² − δ_i(0)²)/2, φ_i = artanh(δ_i(0)/Δ_i(0)).',
  where: 'App F L690–L696',
  kind: 'property',
  expected: 'holds',
  arbitrary: wideArb,
  check: (i, ctx) => dd67Check(i, ctx.tier, -4, 'full', true),
  falsifiers: [
    { name: 'factor −2 in (67)', description: 'δ̇ = −2g∘Δ with c_L = 1', check: (i, ctx) => dd67Check(i, ctx.tier, -2, 'full', true) },
    { name: 'Δ = ½diag(UUᵀ) only', description: 'drops the V half', check: (i, ctx) => dd67Check(i, ctx.tier, -4, 'Uonly', true) },
    { name: 'omit the tilt φ', description: 'the error is O(1/√k), not 1e-8', arbitrary: wideArb.map((i) => ({ ...i, kIdx: 0 })), check: (i, ctx) => dd67Check(i, ctx.tier, -4, 'full', false) },
  ],
  runs: { ci: 2, default: 6, deep: 20 },
});

// ───────────────────────────── WOO-T4 ─────────────────────────────
/**
 * M6 flow at width k, reduced exactly: each pair of rows obeys d/dt[U_i; V_i] = −2c_L g_i [V_i; U_i], so with
 * G_i(t) = ∫₀ᵗ g_i and x_i = 2c_L G_i:  U_i(t) = cosh(x_i)U_i(0) − sinh(x_i)V_i(0),  V_i(t) = cosh(x_i)V_i(0) − sinh(x_i)U_i(0).
 * Hence δ_i = δ_i(0)cosh 2x_i − Δ_i(0)sinh 2x_i and every entry of UVᵀ follows from the initial Gram of
 * [U(0); V(0)]. The ODE is Ġ = 𝒳ᵀ(𝒳δ(G) − y) (d-dimensional, for any k). Validated against the full
 * U, V flow by WOO-DD67 (which integrates the full model) and the unit tests.
 */
function t4Run(seed: number, k: number, tier: Tier, mu2: number) {
  const { Xd, y, d } = wideData(seed);
  const rng = new Rng(seed * 31 + k);
  const alpha = Math.sqrt((2 * mu2) / k);
  const cL = 1;
  const W0 = rng.normals(2 * d * k, alpha); // rows 0..d−1 = U, d..2d−1 = V
  const Gm = gramOf(W0, 2 * d, k);
  const ip = (a: number, b: number) => Gm[a * 2 * d + b];
  const d0 = Float64Array.from({ length: d }, (_, i) => ip(i, d + i));
  const D0 = Float64Array.from({ length: d }, (_, i) => 0.5 * (ip(i, i) + ip(d + i, d + i)));
  const deltaOf = (G: Float64Array) => Float64Array.from({ length: d }, (_, i) => d0[i] * Math.cosh(4 * cL * G[i]) - D0[i] * Math.sinh(4 * cL * G[i]));
  const model: FlowModel = {
    dim: d,
    lossFloor: 0,
    loss: (G) => {
      const dl = deltaOf(G);
      return cL * y.reduce((s2, yn, n) => s2 + (Xd[n].reduce((a2, x, i) => a2 + x * dl[i], 0) - yn) ** 2, 0);
    },
    grad: (G, out) => {
      const dl = deltaOf(G);
      const r = y.map((yn, n) => Xd[n].reduce((a2, x, i) => a2 + x * dl[i], 0) - yn);
      for (let i = 0; i < d; i++) out[i] = -r.reduce((a2, rn, n) => a2 + rn * Xd[n][i], 0);
    },
  };
  const sol = integrateFlow(model, new Float64Array(d), { tMax: 200, rtol: 1e-11, atol: 1e-14, wallSeconds: flowWall(tier), lossTol: 1e-26 });
  const x = sol.theta.map((G) => 2 * cL * G);
  let off = 0;
  for (let i = 0; i < d; i++)
    for (let l = 0; l < d; l++) {
      if (i === l) continue;
      const [ci, si, cl, sl] = [Math.cosh(x[i]), Math.sinh(x[i]), Math.cosh(x[l]), Math.sinh(x[l])];
      // (c_iU_i − s_iV_i)·(c_lV_l − s_lU_l)
      const v = ci * cl * ip(i, d + l) - ci * sl * ip(i, l) - si * cl * ip(d + i, d + l) + si * sl * ip(d + i, l);
      off += v * v;
    }
  return { sol, delta: deltaOf(sol.theta), off: Math.sqrt(off) };
}
function t4Check(seed: number, tier: Tier, muRef2: number): Outcome {
  const ks = [16, 64, 256, 1024, 4096];
  const mu2 = 0.5;
  const nSeeds = tier === 'ci' ? 8 : 20;
  const seeds = Array.from({ length: nSeeds }, (_, m) => seed + m);
  const dist: number[] = [];
  const offs: number[] = [];
  const { Xd, y, d } = wideData(seed);
  void d;
  for (const k of ks) {
    let sD = 0;
    let sO = 0;
    for (const s of seeds) {
      const r = t4Run(s, k, tier, mu2);
      if (r.sol.loss > 1e-16) return inconclusive(`flow not converged (k=${k}): ${r.sol.message}`);
      const data = wideData(s);
      const pred = minSeparable(data.Xd, data.y, psiQ(0.5 * Math.log(muRef2), 6), { maxDualStep: 2 });
      sD += frobDiff(r.delta, pred.beta);
      sO += r.off;
    }
    dist.push(sD / seeds.length);
    offs.push(sO / seeds.length);
  }
  void Xd;
  void y;
  // Q_μ(δ) = μ²Σq(δ/μ²) is Q_{α′} with α′² = μ² (psiQ's scale m = α′²w0² = μ²).
  const outs: Outcome[] = [];
  const slope = logLogSlope(ks, dist);
  // tol: empirical levels (finite-k proxies for the k → ∞ limit): the catalog's 0.1 at k = 1024 (pre-check mean 0.063)
  // and at 4096. The exponent −½ is derived (CLT fluctuation of M̄(0) around 2μ²I); ±0.25 is an allowance for the fit noise
  // of 8-seed means over 5 widths. The off-diagonal check is one-sided (any decay at least k^{−0.3} passes).
  // Calibration row WOO-T4 (headroom 1.9 ⚠).
  outs.push(within(dist[3], 0.1, `mean ‖diag(M∞) − argmin Q_μ‖ at k=1024 (sequence ${dist.map(fmt).join(', ')})`));
  outs.push(dist[1] / dist[3] >= 2 ? pass() : fail(2 / (dist[1] / dist[3]), `ratio k=64 → 1024 only ${fmt(dist[1] / dist[3])}`));
  outs.push(within(dist[4], 0.1, 'mean distance at k = 4096'));
  outs.push(within(Math.abs(slope + 0.5), 0.25, `fitted exponent of the distance in k (≈ −½): ${fmt(slope)}`));
  outs.push(within(logLogSlope(ks, offs) + 0.5, 0.2, `off-diagonal ‖·‖_F decays to 0: fitted exponent ≤ −0.3 (the CLT rate is −½; the paper claims only the limit) (${offs.map(fmt).join(', ')})`));
  return all(outs);
}
function t4Deterministic(seed: number, tier: Tier, muRef2: number): Outcome {
  // (c) the proof's deterministic init U = [√2μI, 0], V = [0, √2μI], k = 2d: δ(0) = 0, Δ(0) = 2μ²·… exactly.
  const { Xd, y, d } = wideData(seed);
  const mu2 = 0.5;
  const k = 2 * d;
  const model = wideDiagonal(Xd, y, k, 1);
  const th0 = new Float64Array(2 * d * k);
  const c = Math.sqrt(2 * mu2);
  for (let a = 0; a < d; a++) {
    th0[a * k + a] = c; // U = [√2μ I, 0]
    th0[(d + a) * k + d + a] = c; // V = [0, √2μ I]
  }
  const sol = integrateFlow(model, th0, { tMax: 400, rtol: 1e-12, atol: 1e-15, wallSeconds: flowWall(tier), lossTol: 1e-26 });
  if (sol.loss > 1e-20) return inconclusive(`deterministic-init flow not converged: ${sol.message}`);
  const pred = minSeparable(Xd, y, psiQ(0.5 * Math.log(muRef2), d), { maxDualStep: 2 });
  // Here Δ(0) = μ² per coordinate (½(2μ²)): the bias is Q with m = Δ(0)/… — the proof's normalization gives Q_μ.
  // tol: exact finite-k claim; the flow is accepted at loss ≤ 1e-20 (‖res‖ ≤ 1e-10), remaining motion ≲ ‖res‖/σ_min(𝒳)
  // ≈ 1e-9, dual Newton 1e-13: the catalog's 1e-8.
  return within(frobDiff(model.delta(sol.theta), pred.beta), 1e-8, 'deterministic init: diag(M∞) = argmin Q_μ');
}
export const wooT4 = defineClaim<{ seed: number }>({
  id: 'WOO-T4',
  paper: PAPER,
  title: 'Theorem 4: wide factorization with diagonal (commuting) measurements → argmin Q_μ, μ² = ½ lim α²k',
  statement: 'With U(0), V(0) i.i.d. N(0, α²), k → ∞, α²k → 2μ²: the limit M* satisfies diag(M*) = argmin{Q_μ(δ) : 𝒳δ = y}, Q_μ(δ) = μ²Σq(δ_i/μ²), and the off-diagonal part → 0; checked as a sequence in k (distance ~ k^{−½}); plus the proof’s deterministic init at finite k = 2d.',
  where: 'L231–L233; App F L686–L696',
  kind: 'property',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i, ctx) => all([t4Check(i.seed, ctx.tier, 0.5), t4Deterministic(i.seed, ctx.tier, 0.5)]),
  falsifiers: [
    { name: 'μ² = lim σ√k (missing ½)', description: 'factor-2 scale error, caught in the transition regime', check: (i, ctx) => t4Deterministic(i.seed, ctx.tier, 1) },
    { name: 'μ² = ½ lim σ', description: 'σ instead of σ√k: μ² → 0 (rich/ℓ1 limit) at k = 2d', check: (i, ctx) => t4Deterministic(i.seed, ctx.tier, 0.5 / Math.sqrt(12)) },
  ],
  runs: { ci: 1, default: 2, deep: 5 },
});

// ───────────────────────────── WOO-T5, WOO-L5, WOO-L6 (lifted recipe) ─────────────────────────────
interface T5Inst { seed: number; recipe: number; cLIdx: number }
const T5RECIPES: [number, number][] = [[5000, 0.04], [20000, 0.02], [2000, 0.07]];
function completionMeas(d: number, entries: [number, number][], scale: number): Meas[] {
  return entries.map(([a, b]) => {
    const X = new Float64Array(d * d);
    X[a * d + b] = scale;
    return liftMeasurement(X, d);
  });
}
interface T5Run { ok: boolean; why: string; e0: number; gamma: number; mu: number; lam: number; Lam: number; ts: number[]; dW: number[]; dTK: number[]; resid: number[]; residTK: number[]; R: number[] }
const t5Memo = new Map<string, T5Run>();
function t5Run(i: T5Inst, tier: Tier, cL: number): T5Run {
  const key = `${i.seed}/${i.recipe}/${cL}/${tier}`;
  const hit = t5Memo.get(key);
  if (hit) return hit;
  const [k, alpha] = T5RECIPES[i.recipe];
  const d = 3;
  const A = completionMeas(d, [[0, 1], [1, 2], [2, 0], [1, 1]], Math.SQRT2);
  const mu = alpha * alpha * k;
  const lam = 1;
  const Lam = 1;
  // Theorem 5's hypotheses (μ > 4Λγ/λ, e0 ≤ threshold) depend on the draw of (y*, W0). A draw that misses them is
  // outside the theorem; drawing such ones and reporting them inconclusive made a fresh seed (1879804207) inconclusive
  // with 2 of 2 misses. So the data are redrawn from derived seeds until the hypotheses hold (they are the theorem's own
  // preconditions, checked before any flow is integrated; 16 draws), which keeps every draw the theorem allows possible.
  const draw = (seed: number) => {
    const rng = new Rng(seed);
    const ystar = Array.from(rng.normals(4, 0.15));
    const W0 = rng.normals(2 * d * k, alpha);
    const M0 = gramOf(W0, 2 * d, k);
    const E = M0.map((v, e) => v - (e % (2 * d + 1) === 0 ? mu : 0));
    const gamma = symOpNorm(E, 2 * d);
    // Exact width-free reduction W(t) = Φ(t)W0, W_TK(t) = (I + Ψ(t))W0 (src/models/factorizationLifted.ts).
    const model = liftedReduced(A, ystar, 2 * d, M0, cL);
    const th0 = model.init();
    const e0 = frobDiff(model.predict(th0), ystar);
    return { ystar, gamma, model, th0, e0 };
  };
  let dr = draw(i.seed);
  for (let a = 1; a < 16 && t5Hyp({ mu, gamma: dr.gamma, lam, Lam, e0: dr.e0 } as T5Run) !== null; a++) dr = draw(i.seed + 7919 * a);
  const { ystar, gamma, model, th0, e0 } = dr;
  const T = 20 / mu;
  const tEval = Array.from({ length: 80 }, (_, m) => ((m + 1) * T) / 80);
  const s1 = integrateFlow(model, th0, { tMax: T, tEval, rtol: 1e-12, atol: 1e-15, wallSeconds: 3 * flowWall(tier), lossTol: 0 }); // 72-dim reduced system
  const out: T5Run = { ok: true, why: '', e0, gamma, mu, lam, Lam, ts: [], dW: [], dTK: [], resid: [], residTK: [], R: [] };
  if (s1.status !== 'max-time' && s1.status !== 'converged') {
    out.ok = false;
    out.why = `integration incomplete (${s1.message})`;
  } else {
    let R = 0;
    for (let m = 0; m < s1.ts.length; m++) {
      const dd = model.distances(s1.thetas[m]);
      R = Math.max(R, dd.dW);
      out.ts.push(s1.ts[m]);
      out.dW.push(dd.dW);
      out.R.push(R);
      out.dTK.push(dd.dWTK);
      out.resid.push(frobDiff(model.predict(s1.thetas[m]), ystar));
      out.residTK.push(frobDiff(model.predictTK(s1.thetas[m]), ystar));
    }
  }
  t5Memo.set(key, out);
  return out;
}
function t5Hyp(r: T5Run): string | null {
  const { mu, gamma, lam, Lam, e0 } = r;
  if (!(mu > (4 * Lam * gamma) / lam)) return `hypothesis μ > 4Λγ/λ not met (γ=${fmt(gamma)})`;
  const thr = ((mu * lam) / Math.sqrt(Lam)) * (1 - Math.sqrt((1 + gamma / mu) / (1 + lam / (4 * Lam))));
  if (!(e0 <= thr)) return `hypothesis e0 ≤ ${fmt(thr)} not met (e0 = ${fmt(e0)})`;
  return null;
}
function t5Check(i: T5Inst, tier: Tier, b1: (r: T5Run) => number, b2: (r: T5Run) => number): Outcome {
  const r = t5Run(i, tier, 0.5);
  if (!r.ok) return inconclusive(r.why);
  const h = t5Hyp(r);
  if (h) return inconclusive(h);
  const sup1 = Math.max(...r.dW);
  const sup2 = Math.max(...r.dTK);
  // tol: the claim's own slack is exact (0): Theorem 5's bounds as printed; DOPRI5 (rtol 1e-12) error is negligible
  // against the bounds' gap (pre-check 0.059 vs 0.133 and 2.8e-4 vs 0.246). Calibration WOO-T5 headroom 2.2.
  return all([within(sup1, b1(r), 'sup‖W − W0‖_F vs (Thm 5, first bound)'), within(sup2, b2(r), 'sup‖W − W_TK‖_F vs (Thm 5, second bound)')]);
}
const t5b1 = (r: T5Run) => (Math.sqrt(r.Lam + r.lam / 4) * r.e0) / (r.lam * Math.sqrt(r.mu));
const t5b2 = (r: T5Run) => (r.Lam * Math.sqrt(1 + r.lam / (4 * r.Lam)) * r.e0 ** 2) / (r.lam ** 2 * r.mu ** 1.5) + (2 * Math.sqrt(r.Lam) * Math.sqrt(1 + r.gamma / r.mu) * r.e0) / (r.lam * Math.sqrt(r.mu));
const t5Arb = fc.record({ seed: seedArb, recipe: fc.integer({ min: 0, max: 1 }), cLIdx: fc.constant(0) });
export const wooT5 = defineClaim<T5Inst>({
  id: 'WOO-T5',
  paper: PAPER,
  title: 'Theorem 5: the lifted factorization stays within O(e0/√μ) of W(0) and of its tangent-kernel path',
  statement: 'Lifted M5 with λI ⪯ 𝒳𝒳ᵀ ⪯ ΛI (rows vec(X̄_n)), μ > 4Λγ/λ, ‖W0W0ᵀ − μI‖ ≤ γ and e0 ≤ (μλ/√Λ)(1 − √((1+γ/μ)/(1+λ/(4Λ)))): sup‖W − W0‖_F ≤ √(Λ+λ/4)e0/(λ√μ) and sup‖W − W_TK‖_F ≤ Λ√(1+λ/(4Λ))e0²/(λ²μ^{3/2}) + 2√Λ√(1+γ/μ)e0/(λ√μ). Recipe: d = 3 completion with 4 entries (√2e_ie_jᵀ; λ = Λ = 1), μ = α²k = 8; (y*, W0) are redrawn (16 derived seeds) until the hypotheses hold, and a violated hypothesis after that is inconclusive.',
  where: 'App G L708–L712, L796–L828',
  kind: 'property',
  expected: 'holds',
  arbitrary: t5Arb,
  check: (i, ctx) => t5Check(i, ctx.tier, t5b1, t5b2),
  falsifiers: [
    { name: 'first bound with 1/μ instead of 1/√μ', description: 'too fast a shrinkage in μ', check: (i, ctx) => t5Check(i, ctx.tier, (r) => t5b1(r) / Math.sqrt(r.mu), t5b2) },
    { name: 'the lifted model equals its tangent-kernel model', description: 'second bound replaced by 0 (+1e-9)', check: (i, ctx) => t5Check(i, ctx.tier, t5b1, () => 1e-9) },
  ],
  runs: { ci: 2, default: 4, deep: 8 },
});
function l5Check(i: T5Inst, tier: Tier, cL: number, rate: (r: T5Run, R: number) => number, rateTK: (r: T5Run) => number): Outcome {
  const r = t5Run(i, tier, cL);
  if (!r.ok) return inconclusive(r.why);
  const h = t5Hyp(r);
  if (h) return inconclusive(h);
  let worst = 0;
  let worstTK = 0;
  for (let m = 0; m < r.ts.length; m++) {
    const t = r.ts[m];
    const b = r.e0 * Math.exp(rate(r, r.R[m]) * t);
    const bTK = r.e0 * Math.exp(rateTK(r) * t);
    // Floating-point floor of ‖y − y*‖: ~1e-13 (predictions are sums of k products of size α²).
    if (b > 1e-10) worst = Math.max(worst, r.resid[m] / (b + 1e-13));
    if (bTK > 1e-10) worstTK = Math.max(worstTK, r.residTK[m] / (bTK + 1e-13));
  }
  return all([within(worst, 1, `max_t ‖y(t) − y*‖/bound (c_L=${cL})`), within(worstTK, 1, `max_t ‖y_TK(t) − y*‖/bound (c_L=${cL})`)]);
}
const l5Rate = (r: T5Run, R: number) => -2 * r.mu * r.lam + 4 * r.Lam * (r.gamma + R * R + 2 * R * Math.sqrt(r.mu + r.gamma));
const l5RateTK = (r: T5Run) => -2 * r.mu * r.lam + 4 * r.Lam * r.gamma;
export const wooL5 = defineClaim<T5Inst>({
  id: 'WOO-L5',
  paper: PAPER,
  title: 'Lemma 5: ‖y(t) − y*‖ ≤ e0·exp(−2μλt + 4Λ(γ + R² + 2R√(μ+γ))t); TK: e0·exp(−2μλt + 4Λγt)',
  statement: 'Under ‖W0W0ᵀ − μI‖ ≤ γ, λI ⪯ 𝒳𝒳ᵀ ⪯ ΛI and sup_{s≤t}‖W(s) − W0‖ ≤ R: the residual bounds (as derived in (74)–(75); the printed exponent duplicates γ and has √μ). Checked with c_L = ½ and c_L = 1 (faster decay; must still hold).',
  where: 'App G L728–L762, (71)–(77)',
  kind: 'lemma',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb, recipe: fc.integer({ min: 0, max: 1 }), cLIdx: fc.integer({ min: 0, max: 1 }) }),
  check: (i, ctx) => l5Check(i, ctx.tier, [0.5, 1][i.cLIdx], l5Rate, l5RateTK),
  falsifiers: [{ name: 'rate −8μλt (the c_L = 1 rate used for c_L = ½)', description: 'doubling the rate in the convention slip of (74)/(75)', arbitrary: fc.record({ seed: seedArb, recipe: fc.integer({ min: 0, max: 1 }), cLIdx: fc.constant(0) }), check: (i, ctx) => l5Check(i, ctx.tier, 0.5, (r) => -8 * r.mu * r.lam, (r) => -8 * r.mu * r.lam) }],
  runs: { ci: 2, default: 4, deep: 8 },
});
function l6Check(i: T5Inst, tier: Tier, b1: (r: T5Run) => number): Outcome {
  const r = t5Run(i, tier, 0.5);
  if (!r.ok) return inconclusive(r.why);
  const h = t5Hyp(r);
  if (h) return inconclusive(h);
  const sup = Math.max(...r.dW);
  const Rr = Math.sqrt(r.mu + (r.mu * r.lam) / (4 * r.Lam)) - Math.sqrt(r.mu + r.gamma);
  // tol: the claim's own slack is exact (0): Lemma 6's bound and R of (78) as printed; integrator error (rtol 1e-12)
  // negligible. Calibration WOO-L6 headroom 2.2.
  return all([within(sup, b1(r), 'sup‖W − W0‖_F vs Lemma 6'), within(sup, Rr, 'sup‖W − W0‖_F < R of (78)')]);
}
export const wooL6 = defineClaim<T5Inst>({
  id: 'WOO-L6',
  paper: PAPER,
  title: 'Lemma 6: sup‖W(t) − W(0)‖_F ≤ √(Λ + λ/4)·e0/(λ√μ) (and < R of (78))',
  statement: 'Under the hypotheses of Theorem 5: sup_t ‖W(t) − W(0)‖_F ≤ √(Λ+λ/4)‖y(0) − y*‖/(λ√μ); the proof’s radius R = √(μ + μλ/(4Λ)) − √(μ+γ) is also never exceeded.',
  where: 'App G L764–L794, (78)–(81)',
  kind: 'lemma',
  expected: 'holds',
  arbitrary: t5Arb,
  check: (i, ctx) => l6Check(i, ctx.tier, t5b1),
  falsifiers: [{ name: '1/μ instead of 1/√μ', description: 'a bound too tight in μ', check: (i, ctx) => l6Check(i, ctx.tier, (r) => t5b1(r) / Math.sqrt(r.mu)) }],
  runs: { ci: 2, default: 4, deep: 8 },
});

// ───────────────────────────── WOO-L7 ─────────────────────────────
interface L7Inst { seed: number; d: number; kMul: number }
function l7Check(i: L7Inst, tier: Tier, constant: number, expo: (d: number) => number): Outcome {
  const rng = new Rng(i.seed);
  const { d } = i;
  const k = d * i.kMul;
  const n = tier === 'ci' ? 200 : 1000;
  const sigma = 10 ** rng.range(-1, 1);
  let exceed = 0;
  for (let t = 0; t < n; t++) {
    const W = rng.normals(d * k, sigma);
    const M = gramOf(W, d, k);
    for (let a = 0; a < d; a++) M[a * d + a] -= sigma * sigma * k;
    if (symOpNorm(M, d) >= constant * sigma * sigma * Math.sqrt(k * d)) exceed++;
  }
  const p = 2 * Math.exp(-expo(d));
  // Binomial slack: 3 standard errors of the empirical frequency at the bound p (+1/n granularity).
  const allowed = Math.min(1, p) + 3 * Math.sqrt((Math.min(p, 0.25) * (1 - Math.min(p, 0.25))) / n) + 1 / n;
  return within(exceed / n, allowed, `P[‖WWᵀ − σ²kI‖ ≥ ${constant}σ²√(kd)] (d=${d}, k=${k})`);
}
export const wooL7 = defineClaim<L7Inst>({
  id: 'WOO-L7',
  paper: PAPER,
  title: 'Lemma 7: P[‖WWᵀ − σ²kI‖_op ≥ 8σ²√(kd)] ≤ 2exp(−d/2) for W ∈ R^{d×k}, d ≤ k',
  statement: 'For W with i.i.d. N(0, σ²) entries, d ≤ k: P[‖WWᵀ − σ²kI‖_op ≥ 8σ²√(kd)] ≤ 2e^{−d/2} (Monte Carlo with a binomial confidence slack).',
  where: 'App G L834–L846',
  kind: 'statistical',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb, d: fc.constantFrom(2, 4, 8), kMul: fc.constantFrom(1, 4, 64) }),
  check: (i, ctx) => l7Check(i, ctx.tier, 8, (d) => d / 2),
  falsifiers: [{ name: 'constant 1 instead of 8', description: 'typical deviation ≈ σ²(2√(kd) + d) exceeds √(kd)', arbitrary: fc.record({ seed: seedArb, d: fc.constantFrom(4, 8), kMul: fc.constantFrom(4, 64) }), check: (i, ctx) => l7Check(i, ctx.tier, 1, (d) => d / 2) }],
  runs: { ci: 3, default: 9, deep: 30 },
});

// ───────────────────────────── WOO-CG (+ literal) ─────────────────────────────
function cgRun(seed: number, k: number, alpha: number, tier: Tier) {
  const d = 3;
  const rng = new Rng(seed);
  const entries: [number, number][] = [[0, 1], [1, 2], [2, 0], [0, 0], [2, 1]];
  const A = completionMeas(d, entries, 1);
  const ystar = Array.from(rng.normals(5));
  const W0 = new Rng(seed * 7 + k).normals(2 * d * k, alpha);
  const M0 = gramOf(W0, 2 * d, k);
  const mu = alpha * alpha * k;
  const T = 40 / mu;
  // Exact width-free reduction of the lifted flow and of its tangent-kernel path.
  const model = liftedReduced(A, ystar, 2 * d, M0, 0.5);
  const tEval = Array.from({ length: 40 }, (_, m) => ((m + 1) * T) / 40);
  const s1 = integrateFlow(model, model.init(), { tMax: T, tEval, rtol: 1e-10, atol: 1e-14, wallSeconds: 3 * flowWall(tier), lossTol: 0 }); // 72-dim reduced system
  let supW = 0;
  let supTK = 0;
  for (const th of s1.thetas) {
    const dd = model.distances(th);
    supW = Math.max(supW, dd.dW);
    supTK = Math.max(supTK, dd.dWTK);
  }
  const resid = frobDiff(model.predict(s1.theta), ystar);
  return { supW, supTK, resid, complete: s1.status === 'max-time' || s1.status === 'converged' };
}
/**
 * Standard error of the log–log slope fitted to per-k means over seeds: values[s][m] is seed s at ks[m]. The mean's
 * log has SE ≈ sd/(mean·√S) at each k (delta method), and the least-squares slope is Σ w_m·log(mean_m) with
 * w_m = (log k_m − mean log k)/Σ(log k − mean)², so its SE is √(Σ w_m²·SE_m²).
 */
function slopeSE(ks: number[], values: number[][]): number {
  const S = values.length;
  const lx = ks.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const sxx = lx.reduce((a, x) => a + (x - mx) ** 2, 0);
  let v = 0;
  ks.forEach((_, m) => {
    const xs = values.map((row) => row[m]);
    const mean = xs.reduce((a, b) => a + b, 0) / S;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, S - 1));
    const seLog = sd / (Math.abs(mean) * Math.sqrt(S));
    v += ((lx[m] - mx) / sxx) ** 2 * seLog ** 2;
  });
  return Math.sqrt(v);
}
function cgCheck(seed: number, tier: Tier, alphaOf: (k: number) => number, kernelRegime: boolean): Outcome {
  const ks = [64, 256, 1024, 4096];
  // Means over 3 seeds (catalog recipe); the reduced system makes each run width-independent in cost.
  const per = [0, 1, 2].map((s2) => ks.map((k) => cgRun(seed + 1000 * s2, k, alphaOf(k), tier)));
  if (per.some((rs) => rs.some((r) => !r.complete))) return inconclusive('integration incomplete in budget');
  const runs = ks.map((_, m) => ({
    supW: per.reduce((a, rs) => a + rs[m].supW, 0) / 3,
    supTK: per.reduce((a, rs) => a + rs[m].supTK, 0) / 3,
    resid: Math.max(...per.map((rs) => rs[m].resid)),
  }));
  const outs: Outcome[] = [];
  if (kernelRegime) {
    // (69) is an O(·) upper bound: the ratio to 1/(α√k) + α must stay bounded along k (≤ 3, catalog
    // pre-check ≈ 1–1.5) and must not grow (fitted exponent in k ≤ 0.1).
    const ratios = runs.map((r, m) => r.supW / (1 / (alphaOf(ks[m]) * Math.sqrt(ks[m])) + alphaOf(ks[m])));
    outs.push(within(Math.max(...ratios), 3, `sup‖W − W0‖/(1/(α√k) + α) along k (${ratios.map(fmt).join(', ')})`));
    // tol: 0.1 (the catalog's allowance for "not growing") + 3 standard errors of the fitted exponent, propagated from
    // the spread of the 3 seeds at each k (slope = Σ w_m·log r_m, so SE² = Σ w_m²·SE(log r_m)²): 3-seed means move the
    // exponent by ±0.05 (seen 0.115 at calibration seed 22 with per-k relative spreads of ~10%), not a growth.
    outs.push(within(logLogSlope(ks, ratios), 0.1 + 3 * slopeSE(ks, per.map((rs) => rs.map((r) => r.supW))), 'growth exponent of that ratio in k (allowed 0.1 + 3 SE)'));
    runs.forEach((r, m) => {
      if (r.resid > 1e-8) outs.push(inconclusive(`final residual ${fmt(r.resid)} > 1e-8 at k=${ks[m]}`));
    });
  }
  const tkSeq = runs.map((r) => r.supTK);
  // (70) says sup‖W − W_TK‖ ≤ O(1/(α³k^{3/2}) + 1/(α√k) + α) → 0. Checked as a trend along k on 3-seed means: the
  // fitted log–log exponent in k is negative and the value at k = 4096 is below that at k = 64 (the limit), and, in
  // the kernel regime, the ratio to the bound's shape does not grow (exponent ≤ 0.1, as for (69): an O(·) bound with
  // an unknown constant can only be judged by its growth). Not asserted: step-by-step monotonicity and the catalog's
  // "≥ 10× drop from 64 to 4096" — (70) predicts a drop of only 64^{1/4}·… ≈ 3–24× (the bound's shape falls from
  // k^{−3/4} to k^{−1/4}), and 3-seed means fluctuate by more than the k = 64 → 256 step (seen 0.0333 → 0.0389).
  const tkSlope = logLogSlope(ks, tkSeq);
  const seqText = tkSeq.map(fmt).join(', ');
  outs.push(tkSlope < 0 && tkSeq[tkSeq.length - 1] < tkSeq[0] ? pass(0, `sup‖W − W_TK‖ → 0 along k: ${seqText} (exponent ${fmt(tkSlope)})`) : fail(Math.max(1, tkSeq[tkSeq.length - 1] / tkSeq[0]), `sup‖W − W_TK‖ does not decrease along k: ${seqText} (fitted exponent ${fmt(tkSlope)})`));
  if (kernelRegime) {
    const shape70 = ks.map((k) => {
      const a = alphaOf(k);
      return 1 / (a ** 3 * k ** 1.5) + 1 / (a * Math.sqrt(k)) + a;
    });
    const r70 = tkSeq.map((v, m) => v / shape70[m]);
    // tol: 0.1 + 3 SE on the growth exponent of an O(·) ratio, as for (69) above.
    outs.push(within(logLogSlope(ks, r70), 0.1 + 3 * slopeSE(ks, per.map((rs) => rs.map((r) => r.supTK))), `growth exponent in k of sup‖W − W_TK‖/(1/(α³k^{3/2}) + 1/(α√k) + α) (${r70.map(fmt).join(', ')}; allowed 0.1 + 3 SE)`));
  }
  return all(outs);
}
export const wooCG = defineClaim<{ seed: number }>({
  id: 'WOO-CG',
  paper: PAPER,
  title: 'Corollary G: with α² = ω(1/k), sup‖W − W0‖ = O(1/(α√k) + α) and the path approaches its tangent-kernel path',
  statement: 'For U(0), V(0) i.i.d. N(0, α²) with α²k → ∞ (here α = k^{−1/4}): sup_T‖W(T) − W(0)‖_F = O(1/(α√k) + α) (69) and sup_T‖W(T) − W_TK(T)‖_F → 0 (70); checked as a sequence in k on d = 3 completion (5 entries, lifted).',
  where: 'App G L714–L722; G.2 L830–L910',
  kind: 'property',
  expected: 'holds',
  erratum: 'L722 says "α goes to zero slower than 1/k"; the condition is α² slower than 1/k (E-G4); see WOO-CG-LITERAL.',
  counterpart: 'WOO-CG-LITERAL',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i, ctx) => cgCheck(i.seed, ctx.tier, (k) => k ** -0.25, true),
  falsifiers: [{ name: 'kernel regime whenever α → 0 at any rate (α = k^{−0.6})', description: 'α²k → 0: sup‖W − W_TK‖ grows', check: (i, ctx) => cgCheck(i.seed, ctx.tier, (k) => k ** -0.6, false) }],
  runs: { ci: 1, default: 2, deep: 5 },
});
export const wooCGLiteral = defineClaim<{ seed: number }>({
  id: 'WOO-CG-LITERAL',
  paper: PAPER,
  title: 'as printed (L722): kernel regime whenever α → 0 slower than 1/k',
  statement: 'Literal L722: if α → 0 slower than 1/k (e.g. α = k^{−0.6}), the factorization stays in the kernel regime: sup‖W − W_TK‖ → 0 along k.',
  where: 'App G L722',
  kind: 'property',
  expected: 'refuted',
  erratum: 'The kernel regime needs σ = α²√k = ω(1/√k), i.e. α²k → ∞ (α slower than 1/√k). With α = k^{−0.6} (slower than 1/k) α²k → 0 and the path leaves its tangent-kernel path (E-G4).',
  counterpart: 'WOO-CG',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i, ctx) => cgCheck(i.seed, ctx.tier, (k) => k ** -0.6, false),
  falsifiers: [{ name: 'α = k^{−0.55}', description: 'α²k = k^{−0.1} → 0 as well (just past the true threshold α ~ 1/√k)', check: (i, ctx) => cgCheck(i.seed, ctx.tier, (k) => k ** -0.55, false) }],
  runs: { ci: 1, default: 1, deep: 3 },
});

export const matrixClaims: Claim[] = [wooLIFTLiteral, wooLIFT, wooSCALE, wooDD67, wooT4, wooT5, wooL5, wooL6, wooL7, wooCGLiteral, wooCG];
