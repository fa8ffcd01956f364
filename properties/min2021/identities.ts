// Pointwise identities and inequalities of Min et al. (2021): gradients (5), the loss decomposition (8),
// L*, the min-norm solution (11)/(13), the spectrum of Λ, the error dynamics (22)–(25), A_Z, (12)/(14), (16),
// the output scale of App. D and the balanced initialization of §4.
import fc from 'fast-check';
import { Matrix, SVD as MLSVD, LuDecomposition } from 'ml-matrix';
import { defineClaim, within, all, fail, pass, inconclusive, type Outcome, type Claim } from '../../src/core/claim.js';
import { Rng } from '../../src/random/rng.js';
import { gaussianMatrix, randomOrthonormalColumns, singularValues, symEig, symPow, spectralNorm, symSqrt, projectorOnto } from '../../src/linalg/index.js';
import { FactorizationModel, packVU, unpackVU, imbalance, fullImbalance, frob2, lossFactor } from '../../src/models/factorization.js';
import { minNormGram, minNormPinv, minNormFromDecomposition, lsResidual } from '../../src/bias/minNorm.js';
import { eigDesc, imbalanceLevel, blockAZ, balancedInit, balancedVLiteral } from '../../src/bias/min2021-predictions.js';
import { instArb, buildProblem, fullModel, reparamModel, errorOf, relDiff, frob, EPS, type Inst, type Problem } from './common.js';

const P = 'min2021';

/** diag(s^p)·M (row scaling by the singular values of X raised to p). */
function sLeft(s: ArrayLike<number>, p: number, M: Matrix): Matrix {
  const out = M.clone();
  for (let i = 0; i < M.rows; i++) {
    const f = Math.pow(s[i], p);
    for (let j = 0; j < M.columns; j++) out.set(i, j, f * M.get(i, j));
  }
  return out;
}

/** Max relative error of model.grad vs central differences. */
function fdGradError(loss: (th: Float64Array) => number, grad: Float64Array, theta: Float64Array, h = 1e-6): number {
  let worst = 0;
  const scale = Math.max(1e-300, ...Array.from(grad, Math.abs));
  for (let i = 0; i < theta.length; i++) {
    const step = h * Math.max(1, Math.abs(theta[i]));
    const tp = Float64Array.from(theta);
    const tm = Float64Array.from(theta);
    tp[i] += step;
    tm[i] -= step;
    const fd = (loss(tp) - loss(tm)) / (2 * step);
    worst = Math.max(worst, Math.abs(fd - grad[i]) / scale);
  }
  return worst;
}

/** Scale of products in L: ‖X‖(‖Y‖ + ‖X‖‖U‖‖V‖)·max(‖U‖,‖V‖) (for absolute round-off tolerances). */
function gradScale(p: Problem, V: Matrix, U: Matrix): number {
  const x = frob(p.X);
  return x * (frob(p.Y) + x * frob(U) * frob(V)) * Math.max(frob(U), frob(V), 1e-300);
}

// ------------------------------------------------------------------ MIN-GRAD

function gradCheck(inst: Inst, variant: 'true' | 'no-half' | 'sigma-power' | 'no-transpose'): Outcome {
  const p = buildProblem(inst);
  const model = variant === 'no-half' ? new FactorizationModel(p.X, p.Y, inst.h, { decomposition: p.dec, lossScaling: 'sum' }) : fullModel(p);
  const ref = fullModel(p);
  const th = packVU(p.V0, p.U0);
  const g = new Float64Array(model.dim);
  model.grad(th, g);
  // FD step 1e-6: truncation ~1e-12·|L'''| and round-off ~ε·L/1e-6 ≈ 1e-10 relative, below 1e-6.
  const fdErr = fdGradError((t) => ref.loss(t), g, th);
  const out: Outcome[] = [within(fdErr, 1e-6, 'FD vs (5a)/(5b) gradient (max rel.)')];
  const { V: gV, U: gU } = unpackVU(g, inst.m, inst.D, inst.h);
  const E = errorOf(p, p.V0, p.U10);
  const sp = variant === 'sigma-power' ? 1 : 0.5;
  // closed forms −∂L/∂V = EᵀΣ^{1/2}Φ1ᵀU, −∂L/∂U = Φ1Σ^{1/2}EV
  const cfV = sLeft(p.dec.sqrtSigma, 2 * sp, E).transpose().mmul(p.U10);
  const cfU = p.dec.Phi1.mmul(sLeft(p.dec.sqrtSigma, 2 * sp, E)).mmul(p.V0);
  // round-off of the two routes: a few ε per product times the size of the products (rel. 1e-11 in the catalog)
  const tol = 1e-11 * gradScale(p, p.V0, p.U0);
  out.push(within(frob(gV.clone().add(cfV)), tol, '‖∂L/∂V + EᵀΣ^{1/2}Φ1ᵀU‖'));
  out.push(within(frob(gU.clone().add(cfU)), tol, '‖∂L/∂U + Φ1Σ^{1/2}EV‖'));
  if (variant === 'no-transpose') {
    try {
      const R = p.Y.clone().sub(p.X.mmul(p.U0).mmul(p.V0.transpose()));
      const bad = R.mmul(p.X).mmul(p.U0); // −(Y − XUVᵀ) X U : invalid unless m = n
      if (bad.rows !== inst.m || bad.columns !== inst.h) return fail(Infinity, `−(Y−XUVᵀ)XU has shape ${bad.rows}×${bad.columns}, not m×h`);
      // tol: the claim's round-off tolerance (1e-11·gradScale, derived above); the mutant exists only for m = n and then
      // differs from −∂L/∂V by O(‖X‖‖R‖‖U‖) (R vs Rᵀ), orders of magnitude above it
      return within(frob(bad.clone().add(gV)), tol, 'missing-transpose gradient');
    } catch (e) {
      return fail(Infinity, `missing-transpose gradient is dimensionally invalid: ${(e as Error).message}`);
    }
  }
  return all(out);
}

export const minGrad = defineClaim<Inst>({
  id: 'MIN-GRAD',
  paper: P,
  title: 'gradient formulas (5a)/(5b) and their SVD closed forms',
  statement:
    'For L(V,U) = ½‖Y − XUVᵀ‖_F²: ∂L/∂V = −(Y − XUVᵀ)ᵀXU and ∂L/∂U = −Xᵀ(Y − XUVᵀ)V; with (4) and (6) these equal −EᵀΣ_x^{1/2}Φ1ᵀU and −Φ1Σ_x^{1/2}EV, for every (V, U).',
  where: '§2.1, eqs. (3), (5a), (5b), L:64, L:80–84',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb(),
  check: (i) => gradCheck(i, 'true'),
  falsifiers: [
    { name: 'loss without ½', description: 'gradient of ‖Y − XUVᵀ‖² (½ dropped) compared with finite differences of L: off by 2', check: (i) => gradCheck(i, 'no-half') },
    {
      name: 'Σ_x instead of Σ_x^{1/2} in the closed form',
      description: 'the closed forms with Σ_x in place of Σ_x^{1/2}; caught when Σ_x ≠ I (κ ≥ 3)',
      arbitrary: instArb({ kMin: 3 }),
      check: (i) => gradCheck(i, 'sigma-power'),
    },
    { name: 'missing transpose', description: '−(Y − XUVᵀ)XU: dimensionally invalid (or wrong) ', check: (i) => gradCheck(i, 'no-transpose') },
  ],
  runs: { ci: 6, default: 20, deep: 100 },
});

// ------------------------------------------------------------------ MIN-E8

function e8Check(inst: Inst, variant: 'true' | 'lstar-Y' | 'mean'): Outcome {
  const p = buildProblem(inst);
  const model = variant === 'mean' ? new FactorizationModel(p.X, p.Y, inst.h, { decomposition: p.dec, lossScaling: 'mean' }) : fullModel(p);
  const th = packVU(p.V0, p.U0);
  const L = model.loss(th);
  const E = errorOf(p, p.V0, p.U10);
  const Ls = variant === 'lstar-Y' ? 0.5 * frob2(Float64Array.from(p.Y.to1DArray())) : p.Lstar;
  const rhs = 0.5 * frob(E) ** 2 + Ls;
  // both sides are sums of squares of size ≤ ½(‖Y‖ + ‖X‖‖U‖‖V‖)²: rel. round-off ≤ 1e-12 of that
  const scale = 0.5 * (frob(p.Y) + frob(p.X) * frob(p.U0) * frob(p.V0)) ** 2;
  // orthogonality of (I − WWᵀ)Y and W·E
  const resid = p.Y.clone().sub(p.dec.W.mmul(p.WtY));
  const cross = resid.transpose().mmul(p.dec.W.mmul(E)).trace();
  return all([within(Math.abs(L - rhs), 1e-12 * scale, '|L − (½‖E‖² + L*)|', { L, rhs, r: inst.r, n: inst.n }), within(Math.abs(cross), 1e-12 * scale, 'cross term ⟨(I−WWᵀ)Y, WE⟩')]);
}

export const minE8 = defineClaim<Inst>({
  id: 'MIN-E8',
  paper: P,
  title: 'loss decomposition L = ½‖E‖² + L*',
  statement: 'For all (V, U): Y − XUVᵀ = (I − WWᵀ)Y + W·E with orthogonal terms, hence L(V, U) = ½‖E‖_F² + L* with L* = ½‖(I − WWᵀ)Y‖_F² (8).',
  where: 'Eq. (8), L:92–100',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb(),
  check: (i) => e8Check(i, 'true'),
  falsifiers: [
    { name: 'L* = ½‖Y‖²', description: 'defining L* as ½‖Y‖²: fails when WᵀY ≠ 0', check: (i) => e8Check(i, 'lstar-Y') },
    { name: 'experiments loss L̄ = (1/n)‖·‖²', description: 'using L̄ = (2/n)L in place of L breaks the identity by the factor 2/n', check: (i) => e8Check(i, 'mean') },
  ],
  runs: { ci: 8, default: 30, deep: 200 },
});

// ------------------------------------------------------------------ MIN-LSTAR

function lstarCheck(inst: Inst, variant: 'true' | 'zero'): Outcome {
  const p = buildProblem(inst);
  const Ls = variant === 'zero' ? 0 : p.Lstar;
  const Th = minNormPinv(p.X, p.Y);
  const scale = 0.5 * frob(p.Y) ** 2;
  const out: Outcome[] = [];
  // (i) the least-squares optimum (pseudo-inverse route) has residual L*; also every Θ̂ + Φ2K
  // tolerance: the residual is computed to ~1e-12 relative of ½‖Y‖² (κ(X) ≤ 1e2 in these generators)
  out.push(within(Math.abs(lsResidual(p.X, p.Y, Th) - Ls), 1e-10 * scale, '|min_Θ ½‖Y − XΘ‖² − L*|'));
  const K = gaussianMatrix(p.rng, inst.D - inst.r, inst.m);
  out.push(within(Math.abs(lsResidual(p.X, p.Y, Th.clone().add(p.dec.Phi2.mmul(K))) - Ls), 1e-10 * scale, '|residual(Θ̂ + Φ2K) − L*|'));
  // any other Θ is no better
  const Th2 = Th.clone().add(gaussianMatrix(p.rng, inst.D, inst.m, 0.1));
  out.push(within(Ls - lsResidual(p.X, p.Y, Th2), 1e-10 * scale, 'L* − residual(random Θ) (must be ≤ 0)'));
  // (ii) network: with h ≥ rank(WᵀY), a rank factorization U1Vᵀ = Σ^{−1/2}WᵀY attains L*
  const B = sLeft(p.dec.sqrtSigma, -1, p.WtY); // r×m
  const sv = singularValues(B);
  const k = sv.filter((x) => x > 1e-12 * sv[0]).length;
  if (inst.h >= k) {
    const svd = new MLSVD(B, { autoTranspose: true });
    const Ul: Matrix = svd.leftSingularVectors;
    const Vr: Matrix = svd.rightSingularVectors;
    const d: number[] = svd.diagonal;
    const U1 = Matrix.zeros(inst.r, inst.h);
    const V = Matrix.zeros(inst.m, inst.h);
    for (let j = 0; j < k; j++) {
      const sq = Math.sqrt(d[j]);
      for (let i = 0; i < inst.r; i++) U1.set(i, j, Ul.get(i, j) * sq);
      for (let i = 0; i < inst.m; i++) V.set(i, j, Vr.get(i, j) * sq);
    }
    const U = p.dec.Phi1.mmul(U1).add(p.dec.Phi2.mmul(p.U20));
    const L = fullModel(p).loss(packVU(V, U));
    // tol: same 1e-10·½‖Y‖² as (i): L at the factorization is ½‖(I − WWᵀ)Y + ρ‖² with round-off ρ ≲ D·ε·(‖Y‖ + ‖X‖‖U‖‖V‖)
    // (XΦ2 ≈ ε‖X‖ on the Gaussian-X path, ‖U1Vᵀ‖ ≤ ‖Y‖/s_r with s_r ≥ 0.3), i.e. ≲ 1e-13 of ½‖Y‖²: ≥ 10³× headroom
    out.push(within(Math.abs(L - Ls), 1e-10 * scale, `|L(V,U) − L*| at a rank-${k} factorization (h = ${inst.h})`));
  }
  return all(out);
}

export const minLstar = defineClaim<Inst>({
  id: 'MIN-LSTAR',
  paper: P,
  title: 'L* is the optimal value of (1) and of the network loss',
  statement:
    'L* = ½‖(I − WWᵀ)Y‖_F² = min_Θ ½‖Y − XΘ‖_F², attained at every Θ̂ + Φ2K; for the network, when h ≥ rank(WᵀY) a rank factorization U1Vᵀ = Σ_x^{−1/2}WᵀY attains L(V, U) = L*. (The Eckart–Young gap for h < rank(WᵀY) is not claimed by the paper and not checked.)',
  where: 'L:100–102, L:62',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb(),
  check: (i) => lstarCheck(i, 'true'),
  falsifiers: [{ name: 'L* = 0 always', description: '"assuming X has full rank" read as L* = 0: fails when r < n', arbitrary: instArb({ rankDeficient: true }), check: (i) => lstarCheck(i, 'zero') }],
  runs: { ci: 8, default: 30, deep: 200 },
});

// ------------------------------------------------------------------ MIN-MINNORM

function minnormCheck(inst: Inst, variant: 'true' | 'normal-eq' | 'sigma-1' | 'sigma+half'): Outcome {
  const p = buildProblem(inst);
  const ref = minNormPinv(p.X, p.Y);
  const kappa = p.dec.sqrtSigma[0] / p.dec.sqrtSigma[inst.r - 1];
  // the Gram route squares the condition number: error ≲ 1e3·ε·κ(XXᵀ); floor 1e-10 (catalog)
  const tol = Math.max(1e-10, 1e3 * EPS * kappa * kappa);
  let cand: Matrix;
  try {
    if (variant === 'normal-eq') {
      const G = p.X.transpose().mmul(p.X);
      cand = new LuDecomposition(G).solve(p.X.transpose().mmul(p.Y));
    } else if (variant === 'sigma-1' || variant === 'sigma+half') {
      const pw = variant === 'sigma-1' ? -2 : 1;
      cand = p.dec.Phi1.mmul(sLeft(p.dec.sqrtSigma, pw, p.WtY));
    } else cand = minNormFromDecomposition(p.dec, p.Y);
  } catch (e) {
    return fail(Infinity, `formula cannot be evaluated: ${(e as Error).message}`);
  }
  const out: Outcome[] = [
    // tol = max(1e-10, 1e3·ε·κ(X)²), derived above: the SVD routes agree to ~κ(X)·ε relative, the Gram route Xᵀ(XXᵀ)^†
    // to ~κ(X)²·ε; ‖Φ2ᵀΘ̂‖ is only the orthogonality error of [Φ1 Φ2] (≈ D·ε·‖Θ̂‖). With κ(X) ≤ 10 (G-DATA) the floor
    // 1e-10 dominates, ≥ 10²× above 1e3·ε·κ². The falsifier variants use the same tol and miss by O(1) relative
    within(relDiff(cand, ref), tol, 'Φ1Σ^{−1/2}WᵀY vs X^†Y (rel.)'),
    within(relDiff(minNormGram(p.X, p.Y), ref), tol, 'Xᵀ(XXᵀ)^†Y vs X^†Y (rel.)'),
    within(frob(p.dec.Phi2.transpose().mmul(cand)), tol * frob(ref), '‖Φ2ᵀΘ̂‖'),
  ];
  if (variant === 'true') {
    const K = gaussianMatrix(p.rng, inst.D - inst.r, inst.m);
    const T2 = cand.clone().add(p.dec.Phi2.mmul(K));
    const lhs = frob(T2) ** 2;
    const rhs = frob(cand) ** 2 + frob(K) ** 2;
    // tol: the cross term 2⟨Θ̂, Φ2K⟩ is 0 up to Φ1ᵀΦ2 ≈ D·ε, plus the rounding of three sums of squares (≈ Dm·ε·rhs):
    // ≲ 1e-14·rhs, so 1e-10·rhs is ~10⁴× headroom, while a true cross term would be O(‖Θ̂‖‖K‖)
    out.push(within(Math.abs(lhs - rhs), 1e-10 * rhs, '‖Θ̂ + Φ2K‖² − ‖Θ̂‖² − ‖K‖²'));
    const nuc = (M: Matrix) => singularValues(M).reduce((a, b) => a + b, 0);
    // tol: one-sided inequalities; slack 1e-10 relative covers the SVD rounding (≈ m·ε relative on each singular value),
    // ≥ 10⁴× above it. Exact theory gives ≤ 0 (Θ̂ ⟂ Φ2K and both norms are unitarily invariant and monotone)
    out.push(within(nuc(cand) - nuc(T2), 1e-10 * nuc(cand), 'nuclear norm ‖Θ̂‖_* − ‖Θ̂ + Φ2K‖_* (≤ 0)'));
    out.push(within(spectralNorm(cand) - spectralNorm(T2), 1e-10 * spectralNorm(cand), 'spectral norm ‖Θ̂‖_2 − ‖Θ̂ + Φ2K‖_2 (≤ 0)'));
  }
  return all(out);
}

export const minMinnorm = defineClaim<Inst>({
  id: 'MIN-MINNORM',
  paper: P,
  title: 'closed form of the min-norm solution Θ̂ (11), (13)',
  statement:
    'Θ̂ = Xᵀ(XXᵀ)^†Y = X^†Y = Φ1Σ_x^{−1/2}WᵀY, Φ2ᵀΘ̂ = 0, and ‖Θ̂ + Φ2K‖_F² = ‖Θ̂‖_F² + ‖K‖_F² for every K (unique min-norm least-squares solution); derived: Θ̂ also minimizes the nuclear and spectral norms over Θ̂ + Φ2K.',
  where: 'Eq. (11) L:138; eq. (13) L:154',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb(),
  check: (i) => minnormCheck(i, 'true'),
  falsifiers: [
    { name: '(XᵀX)^{−1}XᵀY', description: 'normal equations with XᵀX singular (D > r): throws or gives garbage', check: (i) => minnormCheck(i, 'normal-eq') },
    { name: 'Σ_x^{−1} power', description: 'Φ1Σ_x^{−1}WᵀY: wrong unless Σ_x = I', arbitrary: instArb({ kMin: 3 }), check: (i) => minnormCheck(i, 'sigma-1') },
    { name: 'Σ_x^{1/2} power', description: 'Φ1Σ_x^{1/2}WᵀY', arbitrary: instArb({ kMin: 3 }), check: (i) => minnormCheck(i, 'sigma+half') },
  ],
  runs: { ci: 8, default: 30, deep: 200 },
});

// ------------------------------------------------------------------ spectrum of Λ

function lambdaOf(p: Problem): { Lam: Matrix; vals: Float64Array; tau: number } {
  const Lam = imbalance(p.V0, p.U10);
  const vals = eigDesc(Lam);
  const norm = Math.max(Math.abs(vals[0]), Math.abs(vals[vals.length - 1]));
  // eigenvalue round-off of a symmetric h×h matrix: ≲ h·ε·‖Λ‖; the catalog's slack 1e-10·max(1, ‖Λ‖) dominates
  return { Lam, vals, tau: 1e-10 * Math.max(1, norm) };
}
const count = (v: Float64Array, f: (x: number) => boolean) => Array.from(v).filter(f).length;

const wideTimes3 = instArb({ regimes: ['wide'] }).map((i) => ({ ...i, h: 3 * (i.m + i.r) }));

export const minRank = defineClaim<Inst>({
  id: 'MIN-RANK',
  paper: P,
  title: 'rank(Λ) ≤ m + r',
  statement: 'rank(Λ) ≤ rank(U1ᵀU1) + rank(VᵀV) ≤ r + m (and ≤ h); tested with h = 3(m + r) so that the bound is not implied by h.',
  where: 'L:120',
  kind: 'identity',
  expected: 'holds',
  arbitrary: wideTimes3,
  check: (i) => {
    const { vals, tau } = lambdaOf(buildProblem(i));
    const rk = count(vals, (x) => Math.abs(x) > tau);
    // exact integer comparison (rank = #|λ| > τ, τ = lambdaOf's threshold, ≫ the h·ε·‖Λ‖ eigenvalue round-off), no slack;
    // generically rank(Λ) = m + r, so the margin is 1 by construction (the bound is attained), not a consumed slack
    return within(rk, Math.min(i.h, i.m + i.r), 'rank(Λ)');
  },
  falsifiers: [
    {
      name: 'rank(Λ) ≤ max(m, r)',
      description: 'the generic rank is exactly m + r > max(m, r)',
      check: (i) => {
        const { vals, tau } = lambdaOf(buildProblem(i));
        // falsifier: the same exact integer count and threshold τ as the claim, against the wrong bound max(m, r)
        return within(count(vals, (x) => Math.abs(x) > tau), Math.max(i.m, i.r), 'rank(Λ) vs max(m, r)');
      },
    },
  ],
  runs: { ci: 6, default: 20, deep: 100 },
});

function signCheck(i: Inst, swapped: boolean): Outcome {
  const { vals, tau } = lambdaOf(buildProblem(i));
  const pos = count(vals, (x) => x > tau);
  const neg = count(vals, (x) => x < -tau);
  const [maxPos, maxNeg] = swapped ? [i.m, i.r] : [i.r, i.m];
  // exact integer comparisons of sign counts (threshold τ = 1e-10·max(1, ‖Λ‖) ≫ h·ε·‖Λ‖ round-off), no slack; the
  // swapped falsifier uses the same counts and τ
  const out = [within(pos, maxPos, '#positive eigenvalues of Λ'), within(neg, maxNeg, '#negative eigenvalues of Λ')];
  if (!swapped && i.h >= i.m + i.r) {
    // λ_{r+1} … λ_{h−m} vanish
    let mid = 0;
    for (let k = i.r; k < i.h - i.m; k++) mid = Math.max(mid, Math.abs(vals[k]));
    // tol τ: these eigenvalues are exactly 0 (rank(Λ) ≤ m + r); a symmetric eigensolver returns them to ≲ h·ε·‖Λ‖
    // ≤ 18·2.2e-16·‖Λ‖ ≈ 4e-15‖Λ‖ (h ≤ m + r + 7 ≤ 18), so τ = 1e-10·max(1, ‖Λ‖) leaves ≥ 2·10⁴× headroom
    out.push(within(mid, tau, 'max |λ_k(Λ)|, r < k ≤ h − m'));
  }
  return all(out);
}

export const minSign = defineClaim<Inst>({
  id: 'MIN-SIGN',
  paper: P,
  title: 'Λ has at most r positive and at most m negative eigenvalues',
  statement: 'For any V, U1: λ_{r+1}(Λ) ≤ 0 if h ≥ r + 1 and λ_{m+1}(−Λ) ≤ 0 if h ≥ m + 1; for h > m + r, λ_{r+1} = … = λ_{h−m} = 0.',
  where: 'App. E, proof of Lemma 1, L:646–654',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb(),
  check: (i) => signCheck(i, false),
  falsifiers: [
    {
      name: 'roles swapped (≤ m positive, ≤ r negative)',
      description: 'fails when r ≠ m; r = 3, m = 1, h = 6 generically has 3 positive eigenvalues',
      arbitrary: fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }).map(({ seed }) => ({ n: 4, D: 7, r: 3, m: 1, h: 6, regime: 'wide' as const, kMin: 1, kMax: 10, gaussian: false, s0Min: 0.2, s0Max: 1.5, seed })),
      check: (i) => signCheck(i, true),
    },
  ],
  runs: { ci: 8, default: 30, deep: 200 },
});

function ceqCheck(i: Inst): Outcome {
  const p = buildProblem(i);
  const { vals, tau } = lambdaOf(p);
  const lr = vals[i.r - 1];
  const lmNeg = -vals[i.h - i.m];
  const lev = imbalanceLevel(imbalance(p.V0, p.U10), i.r, i.m);
  return all([
    // tol τ (lambdaOf): eigenvalue round-off ≲ h·ε·‖Λ‖ ≪ τ = 1e-10·max(1, ‖Λ‖). The first two are sign tests (exactly ≥ 0 when
    // h ≥ m + r, MIN-SIGN); the third compares two evaluations of the same eigenvalues, equal up to that round-off (2τ ≫ 2hε‖Λ‖).
    // The falsifier (mid regime) applies the same τ and fails by a negative eigenvalue of size O(‖Λ‖)
    within(-lr, tau, '−λ_r(Λ) (must be ≤ 0)'),
    within(-lmNeg, tau, '−λ_m(−Λ) (must be ≤ 0)'),
    within(Math.abs(lev.c - (lr + lmNeg)), 2 * tau, '|c − (λ_r(Λ) + λ_m(−Λ))|'),
  ]);
}

export const minCeq = defineClaim<Inst>({
  id: 'MIN-CEQ',
  paper: P,
  title: 'if h ≥ m + r then c = λ_r(Λ(0)) + λ_m(−Λ(0))',
  statement: 'If h ≥ m + r then λ_r(Λ) ≥ 0 and λ_m(−Λ) ≥ 0, so the positive parts in c are inactive (boundary h = m + r included).',
  where: 'Theorem 1, L:126, L:441; proof L:524–528',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb({ regimes: ['wide'], wideExtra: 3 }),
  check: ceqCheck,
  falsifiers: [
    {
      name: 'hypothesis h ≥ m + r dropped',
      description: 'for max(m, r) ≤ h < m + r, λ_r(Λ) < 0 or λ_m(−Λ) < 0 occurs (so "c = λ_r + λ_m(−Λ)" is false there)',
      arbitrary: instArb({ regimes: ['mid'] }),
      check: ceqCheck,
      runs: 40,
    },
  ],
  runs: { ci: 10, default: 40, deep: 200 },
});

// ------------------------------------------------------------------ MIN-INERTIA

function inertiaCheck(i: Inst, repeatRow: boolean): Outcome {
  const p = buildProblem(i);
  let U1 = p.U10;
  if (repeatRow) {
    U1 = U1.clone();
    U1.setRow(1, U1.getRow(0));
  }
  const Lam = imbalance(p.V0, U1);
  const vals = eigDesc(Lam);
  const nrm = Math.max(Math.abs(vals[0]), Math.abs(vals[vals.length - 1]));
  const tau = 1e-10 * Math.max(1, nrm);
  const out: Outcome[] = [];
  const pos = count(vals, (x) => x > tau);
  const neg = count(vals, (x) => x < -tau);
  // exact integer equalities (no slack). τ = 1e-10·max(1, ‖Λ‖) separates zero from nonzero eigenvalues: the h − m − r zero
  // ones come out at ≲ h·ε·‖Λ‖ ≈ 4e-15‖Λ‖ (h ≤ 18), the nonzero ones are ≥ σ_min(Z)² (Sylvester), far above τ for Gaussian Z.
  // The falsifier's repeated row makes one eigenvalue exactly 0 (same τ), so the count drops to r − 1
  out.push(within(Math.abs(pos - i.r), 0, `#positive eigenvalues = r (${pos} vs ${i.r})`));
  out.push(within(Math.abs(neg - i.m), 0, `#negative eigenvalues = m (${neg} vs ${i.m})`));
  if (repeatRow) return all(out);
  // nonzero eigenvalues of Λ = eigenvalues of J·ZZᵀ, similar to (ZZᵀ)^{1/2} J (ZZᵀ)^{1/2}
  const Z = new Matrix(i.m + i.r, i.h);
  for (let a = 0; a < i.m; a++) Z.setRow(a, p.V0.getRow(a));
  for (let a = 0; a < i.r; a++) Z.setRow(i.m + a, U1.getRow(a));
  const S = symSqrt(Z.mmul(Z.transpose()));
  const J = Matrix.zeros(i.m + i.r, i.m + i.r);
  for (let a = 0; a < i.m + i.r; a++) J.set(a, a, a < i.m ? -1 : 1);
  const small = eigDesc(S.mmul(J).mmul(S));
  const big = [...Array.from(vals.subarray(0, i.r)), ...Array.from(vals.subarray(i.h - i.m))];
  let d = 0;
  for (let k = 0; k < big.length; k++) d = Math.max(d, Math.abs(big[k] - small[k]));
  // relative tolerance 1e-9·‖Λ‖ (catalog); the square-root route loses ~√ε·… only for near-singular ZZᵀ
  out.push(within(d, 1e-9 * nrm, 'max |eig(Λ) − eig(J ZZᵀ)| over the m + r nonzero ones'));
  const lev = imbalanceLevel(Lam, i.r, i.m);
  out.push(lev.c > 0 ? pass(NaN, `c = ${lev.c.toExponential(3)} > 0`) : fail(Infinity, 'c = 0 for a full-rank stack'));
  return all(out);
}

export const minInertia = defineClaim<Inst>({
  id: 'MIN-INERTIA',
  paper: P,
  title: '(derived) exact inertia of Λ and c > 0 for full-row-rank Z = [V; U1]',
  statement:
    'Derived (not in the paper): if Z = [V; U1] has full row rank m + r (h ≥ m + r), Λ = ZᵀJZ with J = diag(−I_m, I_r) has exactly r positive, m negative and h − m − r zero eigenvalues (Sylvester), its nonzero eigenvalues are those of J·ZZᵀ, and c > 0.',
  where: 'not in the paper; strengthens L:120–128 and L:646–654',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb({ regimes: ['wide'] }),
  check: (i) => inertiaCheck(i, false),
  falsifiers: [
    {
      name: 'rank condition dropped',
      description: '"h ≥ m + r alone gives exactly r positive eigenvalues": U1 with a repeated row (rank r − 1) has only r − 1',
      arbitrary: instArb({ regimes: ['wide'] }).map((i) => ({ ...i, r: Math.max(i.r, 2), n: Math.max(i.n, 3), h: Math.max(i.h, i.m + Math.max(i.r, 2)) })),
      check: (i) => inertiaCheck(i, true),
    },
  ],
  runs: { ci: 6, default: 20, deep: 100 },
});

// ------------------------------------------------------------------ MIN-ORTHC

function orthcCheck(i: Inst, orthogonal: boolean): Outcome {
  const p = buildProblem(i);
  let U1 = p.U10;
  if (orthogonal) {
    // project the rows of U1 off the row space of V: U1 ← U1(I − V^†V)
    const Pv = projectorOnto(p.V0.transpose()); // h×h projector onto the row space of V (any rank)
    U1 = U1.clone().sub(U1.mmul(Pv));
  }
  const lev = imbalanceLevel(imbalance(p.V0, U1), i.r, i.m);
  const a = eigDesc(U1.mmul(U1.transpose()));
  const b = eigDesc(p.V0.mmul(p.V0.transpose()));
  const rhs = Math.max(0, a[i.r - 1]) + Math.max(0, b[i.m - 1]);
  const scale = frob(U1) ** 2 + frob(p.V0) ** 2;
  // tol: after the projection U1Vᵀ = 0 up to h·ε·‖U1‖‖V‖, so Λ is block-equivalent to diag(U1U1ᵀ, −VVᵀ) up to that; by Weyl
  // each eigenvalue moves ≤ ~10h·ε·(‖U1‖² + ‖V‖²) ≈ 3e-14·scale; 1e-10·scale leaves ≥ 3·10³× headroom. The falsifier
  // (non-orthogonal factors) uses the same tol and misses by O(‖U1Vᵀ‖)
  const out = [within(Math.abs(lev.c - rhs), 1e-10 * scale, '|c − (λ_r(U1U1ᵀ) + λ_m(VVᵀ))|', { c: lev.c, rhs })];
  if (orthogonal && i.h >= i.m + i.r) out.push(lev.c > 1e-10 * scale ? pass(NaN, 'c > 0') : fail(Infinity, `c = ${lev.c} not > 0 with h ≥ m + r`));
  return all(out);
}

export const minOrthc = defineClaim<Inst>({
  id: 'MIN-ORTHC',
  paper: P,
  title: 'orthogonal row spaces: c = λ_r(U1U1ᵀ) + λ_m(VVᵀ)',
  statement:
    'If U1(0)V(0)ᵀ = 0, c = λ_r(U1U1ᵀ) + λ_m(VVᵀ) for every h (zero conventions; a rank-deficient factor contributes 0 to both sides); c > 0 when moreover h ≥ m + r (then both factors have full row rank a.s.). The paper\'s "> 0" needs this rank condition.',
  where: 'L:128',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb(),
  check: (i) => orthcCheck(i, true),
  falsifiers: [{ name: 'non-orthogonal U1, V', description: 'the identity for generic (non-orthogonal) factors; only c ≤ … holds', check: (i) => orthcCheck(i, false) }],
  runs: { ci: 8, default: 30, deep: 200 },
});

// ------------------------------------------------------------------ error dynamics (EDOT, E22, E23, E25)

/** V̇, U̇1 from (7) at the problem's initial point (from the model's gradient). */
function velocities(p: Problem, V: Matrix, U1: Matrix): { Vd: Matrix; U1d: Matrix } {
  const rep = reparamModel(p);
  const g = new Float64Array(rep.dim);
  rep.grad(packVU(V, U1), g);
  const { V: gV, U: gU } = unpackVU(g, p.inst.m, p.inst.r, p.inst.h);
  return { Vd: gV.mul(-1), U1d: gU.mul(-1) };
}
/** Ė formula: −Σ^{1/2}U1U1ᵀΣ^{1/2}E − Σ E VVᵀ (or a mutant). */
function edotFormula(p: Problem, V: Matrix, U1: Matrix, E: Matrix, mutant = false): Matrix {
  const s = p.dec.sqrtSigma;
  const t1 = mutant ? sLeft(s, 2, U1.mmul(U1.transpose()).mmul(E)) : sLeft(s, 1, U1.mmul(U1.transpose()).mmul(sLeft(s, 1, E)));
  const t2 = sLeft(s, 2, E).mmul(V.mmul(V.transpose()));
  return t1.add(t2).mul(-1);
}

function edotCheck(i: Inst, mutant: boolean): Outcome {
  const p = buildProblem(i);
  const E = errorOf(p, p.V0, p.U10);
  const { Vd, U1d } = velocities(p, p.V0, p.U10);
  const chain = sLeft(p.dec.sqrtSigma, 1, U1d.mmul(p.V0.transpose()).add(p.U10.mmul(Vd.transpose()))).mul(-1);
  const form = edotFormula(p, p.V0, p.U10, E, mutant);
  const s1 = p.dec.sqrtSigma[0];
  const scale = s1 * s1 * (frob(p.U10) ** 2 + frob(p.V0) ** 2) * frob(E);
  // tol: both sides are the same products of Σ^{1/2}, U1, V, E in a different order; each entry rounds to
  // ≲ (h + r + m)·ε·λ_1(‖U1‖² + ‖V‖²)‖E‖ ≈ 7e-15·scale, so 1e-12·scale leaves ~10²× headroom (1e-300 guards scale = 0).
  // The Σ-on-the-left falsifier uses the same tol and misses by O(κ(Σ)−1)·scale
  const out: Outcome[] = [within(frob(form.clone().sub(chain)), 1e-12 * scale + 1e-300, '‖Ė formula − chain rule‖')];
  if (!mutant) {
    // along the flow: central difference of E over one RK4 step ±δ (δ·rate = 2e-4): truncation ≈ δ²‖E'''‖/6 ≲ 1e-8 rel., round-off ε‖E‖/δ
    const rep = reparamModel(p);
    const th = packVU(p.V0, p.U10);
    const rate = p.lam1 * (frob(p.U10) ** 2 + frob(p.V0) ** 2) + Math.sqrt(p.lam1) * frob(E);
    const delta = 2e-4 / rate;
    const fwd = rk4Step(rep, th, delta);
    const bwd = rk4Step(rep, th, -delta);
    const Ep = Float64Array.from(rep.error(fwd));
    const Em = Float64Array.from(rep.error(bwd));
    let num = 0;
    const f = Array.from(form.to1DArray());
    for (let k = 0; k < Ep.length; k++) num = Math.max(num, Math.abs((Ep[k] - Em[k]) / (2 * delta) - f[k]));
    // tol: central-difference truncation δ²‖E'''‖/6 with δ·rate = 2e-4 is ≲ (2e-4)²/6 ≈ 7e-9 relative, the RK4 error O(δ⁵) and
    // round-off ε‖E‖/δ ≈ 1e-12·rate‖E‖ are smaller: 1e-6 relative leaves ≳ 10²× headroom (calibration row MIN-EDOT)
    out.push(within(num, 1e-6 * Math.max(frob(form), 1e-300), '‖(E(t+δ) − E(t−δ))/2δ − Ė formula‖_∞'));
    // 𝒜 is PSD in the trace inner product: ⟨F, 𝒜F⟩ ≥ 0
    const F = gaussianMatrix(p.rng, i.r, i.m);
    const AF = edotFormula(p, p.V0, p.U10, F).mul(-1);
    const ip = F.transpose().mmul(AF).trace();
    out.push(within(-ip, 1e-12 * scale * frob(F), '−⟨F, 𝒜(F)⟩ (must be ≤ 0)'));
  }
  return all(out);
}

/** One RK4 step of size h (h may be negative: backward in time). */
export function rk4Step(model: { dim: number; grad(t: Float64Array, o: Float64Array): void }, th: Float64Array, h: number): Float64Array {
  const d = model.dim;
  const k1 = new Float64Array(d), k2 = new Float64Array(d), k3 = new Float64Array(d), k4 = new Float64Array(d), tmp = new Float64Array(d);
  model.grad(th, k1);
  for (let i = 0; i < d; i++) tmp[i] = th[i] - 0.5 * h * k1[i];
  model.grad(tmp, k2);
  for (let i = 0; i < d; i++) tmp[i] = th[i] - 0.5 * h * k2[i];
  model.grad(tmp, k3);
  for (let i = 0; i < d; i++) tmp[i] = th[i] - h * k3[i];
  model.grad(tmp, k4);
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) out[i] = th[i] - (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  return out;
}

export const minEdot = defineClaim<Inst>({
  id: 'MIN-EDOT',
  paper: P,
  title: 'error dynamics Ė = −Σ^{1/2}U1U1ᵀΣ^{1/2}E − Σ_xEVVᵀ',
  statement: 'Under (7), Ė = −Σ_x^{1/2}U1U1ᵀΣ_x^{1/2}E − Σ_xEVVᵀ, a linear time-varying ODE whose operator 𝒜_t is PSD in the trace inner product.',
  where: 'App. C, L:455',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb(),
  check: (i) => edotCheck(i, false),
  falsifiers: [
    {
      name: 'Σ_x placed on the left of U1U1ᵀ',
      description: 'Ė = −Σ_xU1U1ᵀE − Σ_xEVVᵀ: wrong when Σ_x does not commute with U1U1ᵀ (κ ≥ 3, r ≥ 2)',
      arbitrary: instArb({ kMin: 3, regimes: ['mid', 'wide'] }),
      check: (i) => edotCheck(i, true),
    },
  ],
  runs: { ci: 6, default: 20, deep: 100 },
});

/** d/dt‖E‖² by the formula (22): −2 tr(EᵀΣ^{1/2}U1U1ᵀΣ^{1/2}E + EᵀΣEVVᵀ). */
function e22Formula(p: Problem, V: Matrix, U1: Matrix, E: Matrix, factor = 2): number {
  const s = p.dec.sqrtSigma;
  const A = sLeft(s, 1, E);
  const t1 = U1.transpose().mmul(A).norm('frobenius') ** 2; // tr(Eᵀ S U1 U1ᵀ S E) = ‖U1ᵀ S E‖²
  const t2 = V.transpose().mmul(A.transpose()).norm('frobenius') ** 2; // tr(EᵀΣEVVᵀ) = ‖V ᵀ(S E)ᵀ‖²
  return -factor * (t1 + t2);
}

function e22Check(i: Inst, factor: number): Outcome {
  const p = buildProblem(i);
  const rep = reparamModel(p);
  const th = packVU(p.V0, p.U10);
  const E = errorOf(p, p.V0, p.U10);
  const form = e22Formula(p, p.V0, p.U10, E, factor);
  // independent: central difference of ‖E‖² along one RK4 step ±δ
  const rate = p.lam1 * (frob(p.U10) ** 2 + frob(p.V0) ** 2) + Math.sqrt(p.lam1) * frob(E);
  const delta = 2e-4 / rate;
  const fd = (frob2(rep.error(rk4Step(rep, th, delta))) - frob2(rep.error(rk4Step(rep, th, -delta)))) / (2 * delta);
  // tol: same finite-difference budget as MIN-EDOT (δ·rate = 2e-4: truncation ≈ 7e-9 relative, round-off ≈ 1e-12·rate‖E‖²);
  // 1e-6·|(22)| assumes |(22)| is not below ~1e-4·rate‖E‖² (true at random G-INIT points; calibration row MIN-E22);
  // 1e-14 absolute guards |(22)| = 0. The factor-2 falsifier uses the same tol and misses by 50%
  const out: Outcome[] = [within(Math.abs(fd - form), 1e-6 * Math.abs(form) + 1e-14, '|d/dt‖E‖² (finite diff.) − (22)|')];
  if (factor === 2) {
    // exact: (22) is computed as −2·(sum of squares), which is ≤ 0 in floating point too; no slack
    out.push(within(form, 0, '(22) value (must be ≤ 0)'));
    // monotone loss at RK4 nodes (relative round-off 1e-14)
    let prev = rep.excessLoss(th);
    let worst = 0;
    let cur = th;
    for (let k = 0; k < 50; k++) {
      cur = rk4Step(rep, cur, 0.02 / rate);
      const l = rep.excessLoss(cur);
      worst = Math.max(worst, (l - prev) / Math.max(prev, 1e-300));
      prev = l;
    }
    // tol 1e-14 relative = the rounding of ½‖E‖² (≲ (rm + h)·ε ≤ 38·2.2e-16 ≈ 8e-15 relative at these sizes). An RK4 step with
    // dt·rate = 0.02 decreases L − L* by ≈ dt‖∇L‖² ≫ its O(dt⁵) local error, so this asserts a real (non-rounding) decrease;
    // observed per-step changes are decreases of ~1e-4 relative or more (calibration row MIN-E22)
    out.push(within(worst, 1e-14, 'max relative increase of L − L* between RK4 nodes'));
  }
  return all(out);
}

export const minE22 = defineClaim<Inst>({
  id: 'MIN-E22',
  paper: P,
  title: 'derivative of the squared error norm (22)',
  statement: 'd/dt‖E‖_F² = −2 tr(EᵀΣ_x^{1/2}U1U1ᵀΣ_x^{1/2}E + EᵀΣ_xEVVᵀ) ≤ 0 along (7); the loss is non-increasing.',
  where: 'Eq. (22), L:459',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb(),
  check: (i) => e22Check(i, 2),
  falsifiers: [{ name: 'factor 2 dropped', description: 'd/dt‖E‖² = −tr(…): off by 2 against the finite difference', check: (i) => e22Check(i, 1) }],
  runs: { ci: 6, default: 20, deep: 100 },
});

/** Instance for (23)/(24)/(25): random or aligned constructions, possibly ill-conditioned or rank-deficient. */
export interface TraceInst {
  r: number;
  m: number;
  h: number;
  logKappa: number;
  aligned: boolean;
  rankDef: boolean;
  seed: number;
}
const traceArb = (o: { aligned?: boolean; kMinLog?: number } = {}): fc.Arbitrary<TraceInst> =>
  fc.record({
    r: fc.integer({ min: 1, max: 5 }),
    m: fc.integer({ min: 1, max: 3 }),
    hx: fc.integer({ min: 0, max: 8 }),
    logKappa: fc.integer({ min: o.kMinLog ?? 0, max: 3 }),
    aligned: o.aligned === undefined ? fc.boolean() : fc.constant(o.aligned),
    rankDef: fc.boolean(),
    seed: seedArb(),
  }).map(({ r, m, hx, logKappa, aligned, rankDef, seed }) => ({ r, m, h: aligned ? Math.max(r, m) + hx : 1 + hx, logKappa, aligned, rankDef: aligned ? false : rankDef, seed }));
function seedArb() {
  return fc.integer({ min: 0, max: 2 ** 31 - 1 });
}

interface TraceData {
  s: Float64Array;
  U1: Matrix;
  V: Matrix;
  E: Matrix;
}
function traceData(t: TraceInst): TraceData {
  const rng = new Rng(t.seed);
  const kappa = Math.pow(10, t.logKappa); // κ(Σ_x) up to 1e3
  const sig = Array.from({ length: t.r }, (_, i) => (t.r === 1 ? 1 : Math.pow(kappa, (t.r - 1 - i) / (t.r - 1)))).map((x) => x * rng.logUniform(0.5, 2));
  sig.sort((a, b) => b - a);
  const s = Float64Array.from(sig, Math.sqrt);
  if (t.aligned) {
    // U1U1ᵀ = diag(a²), VVᵀ = diag(b²) with decreasing a, b; E = e_r e_mᵀ: equality in (23)/(24)
    const Q1 = randomOrthonormalColumns(rng, t.h, t.r);
    const Q2 = randomOrthonormalColumns(rng, t.h, t.m);
    const a = Array.from({ length: t.r }, () => rng.logUniform(0.3, 3)).sort((x, y) => y - x);
    const b = Array.from({ length: t.m }, () => rng.logUniform(0.3, 3)).sort((x, y) => y - x);
    const U = Matrix.zeros(t.r, t.h);
    const V = Matrix.zeros(t.m, t.h);
    for (let i = 0; i < t.r; i++) for (let j = 0; j < t.h; j++) U.set(i, j, a[i] * Q1.get(j, i));
    for (let i = 0; i < t.m; i++) for (let j = 0; j < t.h; j++) V.set(i, j, b[i] * Q2.get(j, i));
    const E = Matrix.zeros(t.r, t.m);
    E.set(t.r - 1, t.m - 1, rng.logUniform(0.1, 10));
    return { s, U1: U, V, E };
  }
  let U1 = gaussianMatrix(rng, t.r, t.h);
  let V = gaussianMatrix(rng, t.m, t.h);
  if (t.rankDef) {
    if (t.r >= 2) U1.setRow(t.r - 1, U1.getRow(0));
    if (t.m >= 2) V.setRow(t.m - 1, V.getRow(0));
    else V = V.mul(0.01);
  }
  return { s, U1, V, E: gaussianMatrix(rng, t.r, t.m) };
}
function traceTerms(d: TraceData, lamSel: 'r' | '1' = 'r', uSel: 'r' | '1' = 'r') {
  const { s, U1, V, E } = d;
  const r = U1.rows;
  const m = V.rows;
  const A = sLeft(s, 1, E);
  const lhs23 = U1.transpose().mmul(A).norm('frobenius') ** 2;
  const lhs24 = V.transpose().mmul(A.transpose()).norm('frobenius') ** 2;
  const lamR = lamSel === 'r' ? s[r - 1] ** 2 : s[0] ** 2;
  const uu = eigDesc(U1.mmul(U1.transpose()));
  const vv = eigDesc(V.mmul(V.transpose()));
  const lu = Math.max(0, uSel === 'r' ? uu[r - 1] : uu[0]);
  const lv = Math.max(0, vv[m - 1]);
  const e2 = E.norm('frobenius') ** 2;
  return { lhs23, lhs24, rhs23: lu * lamR * e2, rhs24: lv * lamR * e2, g: lu + lv, lamR, e2 };
}

function e23Check(t: TraceInst, lamSel: 'r' | '1', uSel: 'r' | '1'): Outcome {
  const q = traceTerms(traceData(t), lamSel, uSel);
  // LHS ≥ RHS − 1e-12|LHS|: the margin reported is RHS/LHS (1 = tight)
  const o23 = q.rhs23 - q.lhs23 <= 1e-12 * q.lhs23 + 1e-300 ? pass(q.rhs23 / Math.max(q.lhs23, 1e-300), '(23) holds') : fail(q.rhs23 / q.lhs23, `(23) violated: ${q.lhs23} < ${q.rhs23}`);
  const o24 = q.rhs24 - q.lhs24 <= 1e-12 * q.lhs24 + 1e-300 ? pass(q.rhs24 / Math.max(q.lhs24, 1e-300), '(24) holds') : fail(q.rhs24 / q.lhs24, `(24) violated: ${q.lhs24} < ${q.rhs24}`);
  return all([o23, o24]);
}

export const minE23 = defineClaim<TraceInst>({
  id: 'MIN-E23',
  paper: P,
  title: 'trace lower bounds (23) and (24)',
  statement:
    'For any E ∈ ℝ^{r×m}, U1, V and diagonal PD Σ_x: tr(EᵀΣ^{1/2}U1U1ᵀΣ^{1/2}E) ≥ λ_r(U1U1ᵀ)λ_r(Σ_x)‖E‖_F² (23) and tr(EᵀΣ_xEVVᵀ) ≥ λ_m(VVᵀ)λ_r(Σ_x)‖E‖_F² (24); equality on aligned constructions. Margin = RHS/LHS.',
  where: 'L:461–478',
  kind: 'identity',
  expected: 'holds',
  arbitrary: traceArb(),
  check: (t) => e23Check(t, 'r', 'r'),
  falsifiers: [
    { name: 'λ_1(Σ_x) in place of λ_r(Σ_x)', description: 'fails on aligned instances with κ > 1', arbitrary: traceArb({ aligned: true, kMinLog: 1 }), check: (t) => e23Check(t, '1', 'r') },
    { name: 'λ_1(U1U1ᵀ) in place of λ_r', description: 'fails on aligned instances with distinct a_i (r ≥ 2)', arbitrary: traceArb({ aligned: true }).map((t) => ({ ...t, r: Math.max(2, t.r), h: Math.max(t.h, 2) })), check: (t) => e23Check(t, 'r', '1') },
  ],
  runs: { ci: 20, default: 200, deep: 2000 },
});

function e25Check(t: TraceInst, factor: number): Outcome {
  const d = traceData(t);
  const q = traceTerms(d);
  // −(d/dt‖E‖²)/(2λ_r‖E‖²) from (22) (= 2(t1 + t2)), compared with g = λ_r(U1U1ᵀ) + λ_m(VVᵀ)
  const rate = (2 * (q.lhs23 + q.lhs24)) / (factor * q.lamR * q.e2);
  const ok = rate >= q.g * (1 - 1e-10) - 1e-300;
  return ok ? pass(q.g / Math.max(rate, 1e-300), `rate/(g) = ${(rate / Math.max(q.g, 1e-300)).toPrecision(4)}`) : fail(q.g / rate, `−(d/dt‖E‖²)/(${factor}λ_r‖E‖²) = ${rate} < g = ${q.g}`);
}

export const minE25 = defineClaim<TraceInst>({
  id: 'MIN-E25',
  paper: P,
  title: 'instantaneous rate bound (25)',
  statement: 'Pointwise along (7): d/dt‖E‖_F² ≤ −2λ_r(Σ_x)(λ_r(U1U1ᵀ) + λ_m(VVᵀ))‖E‖_F². Margin = g / observed rate.',
  where: 'Eq. (25), L:482',
  kind: 'identity',
  expected: 'holds',
  arbitrary: traceArb(),
  check: (t) => e25Check(t, 2),
  falsifiers: [{ name: 'factor 4 instead of 2', description: 'd/dt‖E‖² ≤ −4λ_r g‖E‖²: fails on aligned (equality) instances', arbitrary: traceArb({ aligned: true }), check: (t) => e25Check(t, 4) }],
  runs: { ci: 20, default: 200, deep: 2000 },
});

// ------------------------------------------------------------------ MIN-AZNORM

function azCheck(t: TraceInst, mutant: 'none' | 'double' | 'sigma'): Outcome {
  const { s, E } = traceData(t);
  const A = blockAZ(E, s);
  const B = sLeft(s, 1, E);
  const ev = eigDesc(A);
  const sv = singularValues(B);
  const k = Math.min(t.r, t.m);
  const expect = [...Array.from(sv.subarray(0, k)), ...Array(t.m + t.r - 2 * k).fill(0), ...Array.from(sv.subarray(0, k)).map((x) => -x).reverse()];
  const scale = sv[0];
  let d = 0;
  for (let i = 0; i < ev.length; i++) d = Math.max(d, Math.abs(ev[i] - expect[i]));
  const normA = Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
  const claimed = mutant === 'double' ? 2 * spectralNorm(B) : mutant === 'sigma' ? spectralNorm(sLeft(s, 2, E)) : spectralNorm(B);
  const out = [
    // tol: A_Z is a symmetric (m+r)×(m+r) matrix with ‖A_Z‖₂ = scale = ‖Σ^{1/2}E‖₂; eigenvalues and singular values from
    // backward-stable solvers are accurate to ≲ (m + r)·ε·scale ≈ 2e-15·scale, so 1e-12·scale leaves ~500× headroom. The two
    // inequalities (‖Σ^{1/2}E‖₂ ≤ λ_1^{1/2}‖E‖₂, ‖E‖₂ ≤ ‖E‖_F) are exact; near equality both sides are ≈ scale
    // and round to ≲ 10ε of themselves (≥ 10²× inside 1e-12·scale); away from equality the gap is O(scale). Falsifiers use
    // the same tol and miss by O(scale)
    within(d, 1e-12 * scale, 'max |eig(A_Z) − (±σ(Σ^{1/2}E), 0)|'),
    within(Math.abs(normA - claimed), 1e-12 * scale, '|‖A_Z‖_2 − claimed|'),
    within(spectralNorm(B) - s[0] * spectralNorm(E), 1e-12 * scale, '‖Σ^{1/2}E‖ − λ_1^{1/2}‖E‖_2'),
    within(spectralNorm(E) - E.norm('frobenius'), 1e-12 * scale, '‖E‖_2 − ‖E‖_F'),
  ];
  return all(out);
}

export const minAznorm = defineClaim<TraceInst>({
  id: 'MIN-AZNORM',
  paper: P,
  title: 'spectrum and norm of the block operator A_Z',
  statement: 'A_Z = [[0, Bᵀ], [B, 0]] with B = Σ_x^{1/2}E has eigenvalues ±σ_i(B) padded with zeros; ‖A_Z‖_2 = ‖Σ_x^{1/2}E‖_2 ≤ λ_1(Σ_x)^{1/2}‖E‖_2 ≤ λ_1(Σ_x)^{1/2}‖E‖_F.',
  where: 'L:538, L:708',
  kind: 'identity',
  expected: 'holds',
  arbitrary: traceArb({ aligned: false }),
  check: (t) => azCheck(t, 'none'),
  falsifiers: [
    { name: '‖A_Z‖ = 2‖Σ^{1/2}E‖', description: 'doubled norm', check: (t) => azCheck(t, 'double') },
    { name: '‖A_Z‖ = ‖Σ_xE‖', description: 'wrong power of Σ_x (κ ≥ 10)', arbitrary: traceArb({ aligned: false, kMinLog: 1 }), check: (t) => azCheck(t, 'sigma') },
  ],
  runs: { ci: 10, default: 50, deep: 300 },
});

// ------------------------------------------------------------------ MIN-PROJ, MIN-E16

function projCheck(i: Inst, wrong: boolean): Outcome {
  const p = buildProblem(i);
  const Th = minNormFromDecomposition(p.dec, p.Y);
  const Pr = wrong ? p.dec.Phi1.mmul(p.dec.Phi1.transpose()) : p.dec.Phi2.mmul(p.dec.Phi2.transpose());
  const lhs = frob(p.U20.mmul(p.V0.transpose()));
  const rhs = frob(Pr.mmul(p.U0.mmul(p.V0.transpose()).sub(Th)));
  const scale = frob(p.U0) * frob(p.V0) + frob(Th);
  // tol: exact identity (Φ2ᵀΘ̂ = 0, Φ2ᵀΦ2 = I); rounding of the D×D projector products is ≲ D·ε·(‖U‖‖V‖ + ‖Θ̂‖) ≈ 3e-15·scale,
  // so 1e-12·scale leaves ≥ 300× headroom; the Φ1Φ1ᵀ falsifier uses the same tol and misses by ‖Φ1ᵀ(UVᵀ − Θ̂)‖ = O(scale)
  return within(Math.abs(lhs - rhs), 1e-12 * scale, '|‖U2Vᵀ‖ − ‖Φ2Φ2ᵀ(UVᵀ − Θ̂)‖|');
}

export const minProj = defineClaim<Inst>({
  id: 'MIN-PROJ',
  paper: P,
  title: 'initial off-subspace distance ‖U2(0)V(0)ᵀ‖ = ‖Φ2Φ2ᵀ(U(0)V(0)ᵀ − Θ̂)‖',
  statement: '‖U2Vᵀ‖_F = ‖Φ2Φ2ᵀ(UVᵀ − Θ̂)‖_F for any (V, U), since Φ2ᵀΘ̂ = 0 (read ‖U2(0)V(0)‖ at L:262 as ‖U2(0)V(0)ᵀ‖).',
  where: 'L:260',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb(),
  check: (i) => projCheck(i, false),
  falsifiers: [{ name: 'Φ1Φ1ᵀ in place of Φ2Φ2ᵀ', description: 'projection on the wrong subspace', check: (i) => projCheck(i, true) }],
  runs: { ci: 6, default: 30, deep: 200 },
});

function e16Check(i: Inst, diagonal: boolean): Outcome {
  const p = buildProblem(i);
  const { Vd, U1d } = velocities(p, p.V0, p.U10);
  const E = errorOf(p, p.V0, p.U10);
  const Zt = new Matrix(i.m + i.r, i.D - i.r);
  const Zd = new Matrix(i.m + i.r, i.D - i.r);
  const VU2 = p.V0.mmul(p.U20.transpose());
  const U1U2 = p.U10.mmul(p.U20.transpose());
  const VdU2 = Vd.mmul(p.U20.transpose());
  const U1dU2 = U1d.mmul(p.U20.transpose());
  for (let a = 0; a < i.m; a++) {
    Zt.setRow(a, VU2.getRow(a));
    Zd.setRow(a, VdU2.getRow(a));
  }
  for (let a = 0; a < i.r; a++) {
    Zt.setRow(i.m + a, U1U2.getRow(a));
    Zd.setRow(i.m + a, U1dU2.getRow(a));
  }
  let A = blockAZ(E, p.dec.sqrtSigma);
  if (diagonal) {
    // mutant [[EᵀΣ^{1/2}, 0], [0, Σ^{1/2}E]]: (m+r)×(r+m) block-diagonal
    const B = sLeft(p.dec.sqrtSigma, 1, E);
    A = Matrix.zeros(i.m + i.r, i.r + i.m);
    for (let a = 0; a < i.m; a++) for (let b = 0; b < i.r; b++) A.set(a, b, B.get(b, a));
    for (let a = 0; a < i.r; a++) for (let b = 0; b < i.m; b++) A.set(i.m + a, i.r + b, B.get(a, b));
  }
  const rhs = A.mmul(Zt);
  const scale = p.dec.sqrtSigma[0] * frob(E) * frob(Zt) + 1e-300;
  // tol: dZ̃/dt and A_Z·Z̃ are the same products of Σ^{1/2}, E, V, U1, U2(0) (inner sizes ≤ h + m + r) and agree to
  // ≲ 30·ε·s_1‖E‖‖Z̃‖ ≈ 7e-15·scale: 1e-12·scale leaves ~10²× headroom. The block-diagonal falsifier uses the same tol
  return within(frob(Zd.clone().sub(rhs)), 1e-12 * scale, '‖dZ̃/dt − A_Z Z̃‖');
}

export const minE16 = defineClaim<Inst>({
  id: 'MIN-E16',
  paper: P,
  title: 'linear dynamics of Z̃ = [VU2(0)ᵀ; U1U2(0)ᵀ] (16)',
  statement: 'Z̃ := [VU2(0)ᵀ; U1U2(0)ᵀ] satisfies dZ̃/dt = A_Z(t)Z̃ with A_Z = [[0, EᵀΣ^{1/2}], [Σ^{1/2}E, 0]] (same A_Z as (27)); checked pointwise from the right-hand side of (7).',
  where: 'Eq. (16) L:172; eq. (37) L:706',
  kind: 'identity',
  expected: 'holds',
  arbitrary: instArb(),
  check: (i) => e16Check(i, false),
  falsifiers: [{ name: 'block-diagonal A_Z', description: 'the off-diagonal coupling replaced by a diagonal block form', check: (i) => e16Check(i, true) }],
  runs: { ci: 6, default: 30, deep: 200 },
});

// ------------------------------------------------------------------ MIN-E14 (static part lives in theorem1.ts)

// ------------------------------------------------------------------ MIN-NTKOUT

interface NtkOutInst {
  m: number;
  D: number;
  h: number;
  alphaIdx: number;
  seed: number;
}
const ALPHAS = [0.25, 0.3, 0.375, 0.45, 0.5];
const ntkOutArb = fc.record({ m: fc.integer({ min: 1, max: 3 }), D: fc.integer({ min: 1, max: 6 }), h: fc.integer({ min: 1, max: 64 }), alphaIdx: fc.integer({ min: 0, max: ALPHAS.length - 1 }), seed: seedArb() });

function ntkOutCheck(t: NtkOutInst, wrongSign: boolean): Outcome {
  const rng = new Rng(t.seed);
  const a = ALPHAS[t.alphaIdx];
  const V = gaussianMatrix(rng, t.m, t.h, Math.pow(t.h, -a));
  const U = gaussianMatrix(rng, t.D, t.h, Math.pow(t.h, -a));
  const x = gaussianMatrix(rng, t.D, 1);
  const f = V.mmul(U.transpose()).mmul(x);
  const Vt = V.clone().mul(Math.pow(t.h, a));
  const Ut = U.clone().mul(Math.pow(t.h, a));
  const ft = Vt.mmul(Ut.transpose()).mmul(x).mul(1 / Math.sqrt(t.m * t.h));
  const kap = (h: number) => Math.sqrt(t.m) * Math.pow(h, wrongSign ? 2 * a - 0.5 : 0.5 - 2 * a);
  // Round-off bound (Higham, Accuracy and Stability, §3.5): a product (VUᵀ)x accumulates h then D terms, so
  // |fl((VUᵀ)x) − VUᵀx| ≤ γ_{h+D}·|V||U|ᵀ|x| elementwise, γ_n = nu/(1−nu). The rescaled path Ṽ, Ũ, 1/√(mh), κ_h
  // has the same absolute-value product |Ṽ||Ũ|ᵀ|x|·κ_h/√(mh) = |V||U|ᵀ|x| up to ≤ 8 extra roundings (h^α twice,
  // 1/√(mh), √m·h^{½−2α}, pow/sqrt each correctly rounded to ≤ 1 ulp). Hence the difference is bounded by
  // (2γ_{h+D} + 8u)·‖|V||U|ᵀ|x|‖_F (u ≤ EPS used conservatively). This scales with the size of the SUMMED terms, not of their (possibly cancelling)
  // sum ‖VUᵀx‖ — the former relative bound 1e-13·‖f‖ failed at calibration seed 35 (m = D = 1, h = 23: heavy
  // cancellation, 2.1e-17 observed vs 1.1e-17 allowed).
  const absProd = V.clone().abs().mmul(U.clone().abs().transpose()).mmul(x.clone().abs());
  const gam = (n: number) => (n * EPS) / (1 - n * EPS);
  const tolF = (2 * gam(t.h + t.D) + 8 * EPS) * frob(absProd) + 1e-300;
  const out: Outcome[] = [within(frob(f.clone().sub(ft.clone().mul(Math.sqrt(t.m) * Math.pow(t.h, 0.5 - 2 * a)))), tolF, '‖VUᵀx − κ_h f̃‖')];
  // κ_h is decreasing in h for α ∈ (¼, ½] and constant for α = ¼ (checked on h, 2h)
  const k1 = kap(t.h);
  const k2 = kap(2 * t.h);
  if (a > 0.25) out.push(k2 < k1 ? pass(k2 / k1, `κ_{2h}/κ_h = ${(k2 / k1).toPrecision(4)}`) : fail(k2 / k1, `κ_h not decreasing: κ_{2h}/κ_h = ${k2 / k1}`));
  else out.push(within(Math.abs(k2 - k1), 1e-14 * k1, '|κ_{2h} − κ_h| at α = ¼'));
  return all(out);
}

export const minNtkout = defineClaim<NtkOutInst>({
  id: 'MIN-NTKOUT',
  paper: P,
  title: 'output-scale identity VUᵀx = √m h^{½−2α} f̃(x; Ṽ, Ũ)',
  statement: 'With Ṽ = h^αV, Ũ = h^αU and f̃ = (1/√(mh))ṼŨᵀx: VUᵀx = √m·h^{½−2α}·f̃; the scale κ_h = √m h^{½−2α} decreases in h iff α > ¼ (constant at α = ¼).',
  where: 'App. D, L:566–570',
  kind: 'identity',
  expected: 'holds',
  arbitrary: ntkOutArb,
  check: (t) => ntkOutCheck(t, false),
  falsifiers: [{ name: 'κ_h = √m h^{2α−½}', description: 'wrong sign of the exponent: grows with h for α > ¼', check: (t) => ntkOutCheck(t, true) }],
  runs: { ci: 10, default: 50, deep: 300 },
});

// ------------------------------------------------------------------ MIN-BAL

const balArb = instArb({ regimes: ['mid', 'wide'] }).map((i) => ({ ...i, r: Math.max(i.r, Math.min(i.m, i.n)), h: Math.max(i.h, i.m) }));

function balSetup(i: Inst) {
  const p = buildProblem(i);
  const Theta0 = p.U0.mmul(p.V0.transpose());
  const Q = randomOrthonormalColumns(p.rng, i.h, i.m);
  return { p, Theta0, Q };
}

function balCheck(i: Inst, variant: 'true' | 'no-proj' | 'swap'): Outcome {
  const { p, Theta0, Q } = balSetup(i);
  let U: Matrix, V: Matrix, M: Matrix;
  if (variant === 'no-proj') {
    // M' = Θ0ᵀΘ0 (Du-balanced factors): same construction with Φ1 = I_D
    ({ U, V, M } = balancedInit(Theta0, Matrix.eye(i.D), Q));
  } else {
    ({ U, V, M } = balancedInit(Theta0, p.dec.Phi1, Q));
    if (variant === 'swap') {
      const Mp = (e: number) => {
        const { values, vectors } = symEig(M);
        return vectors.mmul(Matrix.diag(Array.from(values, (x) => Math.pow(x, e)))).mmul(vectors.transpose());
      };
      U = Theta0.mmul(Mp(0.25)).mmul(Q.transpose());
      V = Mp(-0.25).mmul(Q.transpose());
    }
  }
  const mEig = eigDesc(M);
  if (!(mEig[i.m - 1] > 1e-8 * mEig[0])) return inconclusive('M = Θ0ᵀΦ1Φ1ᵀΘ0 is not PD (hypothesis)');
  const condQ = Math.pow(mEig[0] / mEig[i.m - 1], 0.25);
  // round-off: M^{±1/4} via an eigendecomposition, amplified by κ(M)^{1/4}; catalog 1e-10·(‖Θ0‖ + ‖M‖^{1/2})
  const tol = 1e-10 * (frob(Theta0) + Math.sqrt(mEig[0])) * Math.max(1, condQ);
  const U1 = p.dec.Phi1.transpose().mmul(U);
  const Lam = imbalance(V, U1);
  const out: Outcome[] = [within(frob(U.mmul(V.transpose()).sub(Theta0)), tol, '‖U_balV_balᵀ − Θ0‖'), within(frob(Lam), tol * Math.sqrt(mEig[0]) / Math.max(frob(Theta0), 1e-300) + tol, '‖Λ(U_bal, V_bal)‖')];
  if (variant === 'true') {
    // (c) full imbalance = Q M^{−1/4} Θ0ᵀΦ2Φ2ᵀΘ0 M^{−1/4} Qᵀ
    const Mm = symEig(M);
    const Mq = Mm.vectors.mmul(Matrix.diag(Array.from(Mm.values, (x) => Math.pow(x, -0.25)))).mmul(Mm.vectors.transpose());
    const P2 = p.dec.Phi2.transpose().mmul(Theta0).mmul(Mq);
    const pred = Q.mmul(P2.transpose().mmul(P2)).mmul(Q.transpose());
    // tol (derived above, checked here): with M̃ = M + δ the computed eigendecomposition (‖δ‖ ≲ mε‖M‖), Λ_bal =
    // −QM̃^{−1/4}δM̃^{−1/4}Qᵀ + rounding, so ‖Λ_bal‖ and this residual are ≲ c·m·ε·‖M‖^{1/2}·κ(M)^{1/2} = c·mε‖M‖^{1/2}·condQ²;
    // the allowed 1e-10·‖M‖^{1/2}·condQ exceeds it for condQ ≲ 10⁴, and the PD guard (κ(M) ≤ 1e8) caps condQ at 10²:
    // ≥ 10²× headroom in the worst admitted case. c ≤ 2‖Λ_bal‖ obeys the same bound
    out.push(within(frob(fullImbalance(V, U).sub(pred)), tol * Math.max(1, frob(pred)), '‖UᵀU − VᵀV − QM^{−1/4}Θ0ᵀΦ2Φ2ᵀΘ0M^{−1/4}Qᵀ‖'));
    out.push(within(imbalanceLevel(Lam, i.r, i.m).c, 1e-10 * Math.max(1, Math.sqrt(mEig[0])) * Math.max(1, condQ), 'c(U_bal, V_bal)'));
  }
  return all(out);
}

export const minBal = defineClaim<Inst>({
  id: 'MIN-BAL',
  paper: P,
  title: 'balanced initialization with the same end-to-end matrix (corrected: V_bal = M^{1/4}Qᵀ)',
  statement:
    'With Θ0 = U(0)V(0)ᵀ, M = Θ0ᵀΦ1Φ1ᵀΘ0 PD and QᵀQ = I_m: U_bal = Θ0M^{−1/4}Qᵀ and V_bal = M^{1/4}Qᵀ satisfy U_balV_balᵀ = Θ0, Λ(U_bal, V_bal) = 0 (c = 0), and UᵀU − VᵀV = QM^{−1/4}Θ0ᵀΦ2Φ2ᵀΘ0M^{−1/4}Qᵀ (not Du-balanced).',
  where: '§4, L:232; App. A.1, L:351',
  kind: 'identity',
  expected: 'holds',
  counterpart: 'MIN-BAL-LITERAL',
  erratum: 'The paper prints V_bal = M^{1/4}Q (an m×m times h×m product, defined only when h = m); the intended formula is V_bal = M^{1/4}Qᵀ.',
  arbitrary: balArb,
  check: (i) => balCheck(i, 'true'),
  falsifiers: [
    { name: "M' = Θ0ᵀΘ0 (no Φ1 projection)", description: 'Du-balanced factors, but Λ = −Q M\'^{−1/4}Θ0ᵀΦ2Φ2ᵀΘ0M\'^{−1/4}Qᵀ ≠ 0', check: (i) => balCheck(i, 'no-proj') },
    { name: 'exponents swapped', description: 'M^{1/4} in U and M^{−1/4} in V: breaks U_balV_balᵀ = Θ0 and Λ = 0 unless M = I', check: (i) => balCheck(i, 'swap') },
  ],
  runs: { ci: 8, default: 30, deep: 200 },
});

function balLiteralCheck(i: Inst, alsoU: boolean): Outcome {
  const { p, Theta0, Q } = balSetup(i);
  const { U: U0, M } = balancedInit(Theta0, p.dec.Phi1, Q);
  let V: Matrix;
  let U = U0;
  try {
    V = balancedVLiteral(M, Q);
    if (alsoU) U = Theta0.mmul(symPow(M, -0.25)).mmul(Q); // Θ0 M^{−1/4}Q: the same slip in U
  } catch (e) {
    return fail(Infinity, `literal V_bal = M^{1/4}Q is dimensionally invalid (m = ${i.m}, h = ${i.h}): ${(e as Error).message}`);
  }
  try {
    const tol = 1e-10 * (frob(Theta0) + 1);
    // tol: rounding only, as for the corrected claim (≲ m·ε·condQ·‖Θ0‖ ≤ 1e-13‖Θ0‖ with condQ ≤ 10²); the literal product misses by
    // O(‖Θ0‖) when h = m (and is undefined otherwise), so the refutation does not hinge on this tolerance
    return within(frob(U.mmul(V.transpose()).sub(Theta0)), tol, '‖U_bal (M^{1/4}Q)ᵀ − Θ0‖ (literal, h = m)');
  } catch (e) {
    return fail(Infinity, `literal factors cannot be multiplied: ${(e as Error).message}`);
  }
}

export const minBalLiteral = defineClaim<Inst>({
  id: 'MIN-BAL-LITERAL',
  paper: P,
  title: 'balanced initialization as printed: V_bal = M^{1/4}Q',
  statement: 'As printed: V_bal = M^{1/4}Q with Q ∈ ℝ^{h×m}; together with U_bal = Θ0M^{−1/4}Qᵀ it should reproduce Θ0.',
  where: '§4, L:232; App. A.1, L:351',
  kind: 'identity',
  expected: 'refuted',
  counterpart: 'MIN-BAL',
  erratum: 'M^{1/4}Q multiplies an m×m matrix by an h×m one: invalid for h ≠ m, and for h = m it does not reproduce Θ0; the corrected V_bal is M^{1/4}Qᵀ.',
  arbitrary: balArb,
  check: (i) => balLiteralCheck(i, false),
  falsifiers: [
    {
      name: 'literal with Q (not Qᵀ) in U_bal too',
      description: 'the same transposition slip applied to both factors: U_bal = Θ0M^{−1/4}Q is D×m·h×m, again invalid unless h = m',
      check: (i) => balLiteralCheck(i, true),
    },
  ],
  runs: { ci: 4, default: 20, deep: 100 },
});

export const identityClaims: Claim[] = [
  minGrad,
  minE8,
  minLstar,
  minMinnorm,
  minRank,
  minSign,
  minCeq,
  minInertia,
  minOrthc,
  minEdot,
  minE22,
  minE23,
  minE25,
  minAznorm,
  minProj,
  minE16,
  minNtkout,
  minBal,
  minBalLiteral,
] as Claim[];
export { sLeft, velocities, lossFactor };
