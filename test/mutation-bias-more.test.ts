// Mutation-killing tests for src/bias, round 3 (docs/mutation.md): files that the unit tests did
// not reach before (min2021-predictions, …) and survivors of the measured files. Every expectation
// is derived independently here (hand computation, a defining identity, or a different route).
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { Rng } from '../src/random/rng.js';
import {
  balancedInit,
  balancedVLiteral,
  blockAZ,
  eigDesc,
  gdTimePerIteration,
  imbalanceLevel,
  imbalanceLevelFromEigs,
  lambdaK,
  linregClosedForm,
  theorem1LogBound,
} from '../src/bias/min2021-predictions.js';
import { decomposeData } from '../src/models/factorization.js';

const maxAbs = (A: Matrix, B: Matrix) => Math.max(...A.clone().sub(B).to1DArray().map(Math.abs));
const gauss = (rng: Rng, r: number, c: number) => Matrix.from1DArray(r, c, Array.from(rng.normals(r * c)));

describe('min2021-predictions (Min et al. 2021: c, Theorem 1 bound, balanced init, linear-regression flow, A_Z)', () => {
  it('eigDesc / lambdaK: decreasing eigenvalues, 1-based, undefined outside 1..h', () => {
    const S = new Matrix([
      [2, 0, 0],
      [0, -1, 0],
      [0, 0, 5],
    ]);
    expect(Array.from(eigDesc(S)).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([5, 2, -1]);
    const v = Float64Array.of(5, 2, -1);
    expect(lambdaK(v, 1)).toBe(5);
    expect(lambdaK(v, 3)).toBe(-1);
    expect(lambdaK(v, 0)).toBeUndefined();
    expect(lambdaK(v, 4)).toBeUndefined();
    expect(lambdaK(v, -1)).toBeUndefined();
  });
  it('imbalance level c = [λ_r(Λ)]₊ + [λ_m(−Λ)]₊ with the h < r, h < m conventions', () => {
    // eigenvalues (decreasing) 3, 1, −0.5, −2 (h = 4)
    const v = Float64Array.of(3, 1, -0.5, -2);
    // r = 2: λ_2 = 1; m = 1: λ_1(−Λ) = −λ_4(Λ) = 2 → c = 3
    expect(imbalanceLevelFromEigs(v, 2, 1)).toEqual({ c: 3, lr: 1, lmNeg: 2 });
    // r = 3: λ_3 = −0.5 → [·]₊ = 0; m = 2: λ_2(−Λ) = −λ_3(Λ) = 0.5
    expect(imbalanceLevelFromEigs(v, 3, 2)).toEqual({ c: 0.5, lr: -0.5, lmNeg: 0.5 });
    // m = 4: λ_4(−Λ) = −λ_1 = −3 → 0; r = 4: λ_4 = −2 → 0
    expect(imbalanceLevelFromEigs(v, 4, 4)).toEqual({ c: 0, lr: -2, lmNeg: -3 });
    // h = 4 < r = 5, m = 5: both conventions give 0
    expect(imbalanceLevelFromEigs(v, 5, 5)).toEqual({ c: 0, lr: 0, lmNeg: 0 });
    // exactly h = r = m
    expect(imbalanceLevelFromEigs(Float64Array.of(2, 1), 2, 2)).toEqual({ c: 1, lr: 1, lmNeg: -2 });
    const L = new Matrix([
      [1, 0],
      [0, -3],
    ]);
    const fromMatrix = imbalanceLevel(L, 1, 1);
    expect(fromMatrix.c).toBeCloseTo(4, 12);
    expect(fromMatrix.lr).toBeCloseTo(1, 12);
    expect(fromMatrix.lmNeg).toBeCloseTo(3, 12);
  });
  it('Theorem 1 log bound −2λ_r c t and the GD time conversion 2η/n', () => {
    expect(theorem1LogBound(3, 0.5, 2)).toBe(-6);
    expect(theorem1LogBound(0, 0.5, 2) === 0).toBe(true);
    expect(gdTimePerIteration(0.3, 4)).toBeCloseTo(0.15, 15);
    expect(gdTimePerIteration(1, 8)).toBe(0.25);
  });
  it('balanced initialization: U_bal V_balᵀ = Θ0, balanced on the data, the literal V formula only for h = m', () => {
    const rng = new Rng(77);
    const D = 4, h = 3, m = 2;
    const Theta0 = gauss(rng, D, m);
    // Φ1: an orthonormal basis of the row space of rank-3 data (r = 3 < D)
    const Phi1 = decomposeData(gauss(rng, 3, D)).Phi1;
    // Q: h×m with orthonormal columns
    const Qm = decomposeData(gauss(rng, m, h)).Phi1;
    const { U, V, M } = balancedInit(Theta0, Phi1, Qm);
    expect([U.rows, U.columns, V.rows, V.columns, M.rows, M.columns]).toEqual([D, h, m, h, m, m]);
    // M = Θ0ᵀΦ1Φ1ᵀΘ0
    const P = Phi1.transpose().mmul(Theta0);
    expect(maxAbs(M, P.transpose().mmul(P))).toBeLessThan(1e-12);
    // U_bal V_balᵀ = Θ0 M^{-1/4} QᵀQ M^{1/4} = Θ0 (QᵀQ = I)
    expect(maxAbs(U.mmul(V.transpose()), Theta0)).toBeLessThan(1e-10);
    // balancedness on the data: (Φ1ᵀU)ᵀ(Φ1ᵀU) = VᵀV
    const U1 = Phi1.transpose().mmul(U);
    expect(maxAbs(U1.transpose().mmul(U1), V.transpose().mmul(V))).toBeLessThan(1e-10);
    // literal formula: defined only when h = m
    expect(() => balancedVLiteral(M, Qm)).toThrow(RangeError);
    const Qsq = decomposeData(gauss(rng, m, m)).Phi1; // m×m orthogonal
    const lit = balancedVLiteral(M, Qsq);
    // M^{1/4} of the SPD 2×2 M by interpolation on its two eigenvalues: M^{1/4} = pM + qI
    const a = M.get(0, 0), b = M.get(0, 1), d = M.get(1, 1);
    const tr = a + d, det = a * d - b * b;
    const disc = Math.sqrt((tr * tr) / 4 - det);
    const l1 = tr / 2 + disc, l2 = tr / 2 - disc;
    const f1 = l1 ** 0.25, f2 = l2 ** 0.25;
    const p = (f1 - f2) / (l1 - l2), q = f1 - p * l1;
    const M14 = M.clone().mul(p).add(Matrix.eye(2).mul(q));
    expect(maxAbs(lit, M14.mmul(Qsq))).toBeLessThan(1e-10);
  });
  it('linear-regression closed form: Θ(0) at t = 0, the flow equation Θ̇ = Xᵀ(Y − XΘ), the limit X⁺Y + Φ2Φ2ᵀΘ(0)', () => {
    const rng = new Rng(5);
    const n = 3, D = 4, k = 2;
    const X = gauss(rng, n, D).mul(0.8);
    const dec = decomposeData(X);
    const Y = gauss(rng, n, k);
    const T0 = gauss(rng, D, k);
    expect(maxAbs(linregClosedForm(dec, Y, T0, 0), T0)).toBeLessThan(1e-12);
    // derivative by central differences vs the right-hand side
    const t = 0.7, dt = 1e-5;
    const Td = linregClosedForm(dec, Y, T0, t + dt).sub(linregClosedForm(dec, Y, T0, t - dt)).div(2 * dt);
    const Tt = linregClosedForm(dec, Y, T0, t);
    const rhs = X.transpose().mmul(Y.clone().sub(X.mmul(Tt)));
    expect(maxAbs(Td, rhs)).toBeLessThan(1e-7);
    // t → ∞: X⁺Y (minimum-norm part) + the untouched null-space part of Θ(0)
    const big = linregClosedForm(dec, Y, T0, 1e4);
    const inv = invert3(X.mmul(X.transpose())); // n = 3 < D: XXᵀ invertible
    const pinvY = X.transpose().mmul(inv).mmul(Y);
    const null0 = dec.Phi2.mmul(dec.Phi2.transpose().mmul(T0));
    expect(maxAbs(big, pinvY.add(null0))).toBeLessThan(1e-9);
  });
  it('A_Z = [[0, EᵀΣ^{1/2}], [Σ^{1/2}E, 0]]', () => {
    const E = new Matrix([
      [1, 2, 3],
      [4, 5, 6],
    ]); // r = 2, m = 3
    const A = blockAZ(E, [10, 100]);
    expect(A.rows).toBe(5);
    expect(A.columns).toBe(5);
    const want = [
      [0, 0, 0, 10, 400],
      [0, 0, 0, 20, 500],
      [0, 0, 0, 30, 600],
      [10, 20, 30, 0, 0],
      [400, 500, 600, 0, 0],
    ];
    expect(A.to2DArray()).toEqual(want);
  });
});

/** 3×3 inverse by the adjugate (independent of the library). */
function invert3(M: Matrix): Matrix {
  const a = M.to2DArray();
  const c = (i: number, j: number) => {
    const r = [0, 1, 2].filter((x) => x !== i);
    const s = [0, 1, 2].filter((x) => x !== j);
    return (a[r[0]][s[0]] * a[r[1]][s[1]] - a[r[0]][s[1]] * a[r[1]][s[0]]) * ((i + j) % 2 === 0 ? 1 : -1);
  };
  const det = a[0][0] * c(0, 0) + a[0][1] * c(0, 1) + a[0][2] * c(0, 2);
  const out = new Matrix(3, 3);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) out.set(i, j, c(j, i) / det);
  return out;
}

// --------------------------------------------------------------------------- wooDense kernels
import {
  dist2 as wdDist2,
  distInf,
  dotv,
  lstsq,
  matTVec,
  matVec,
  nrm1,
  nrm2,
  nrmInf,
  pinvRows,
  projectOut,
  rowAndNullBasis,
  rowBasis,
  rowsOf,
  solveSPD,
  subv,
  vec,
  weightedGram,
} from '../src/bias/wooDense.js';

describe('wooDense kernels against hand-computed values', () => {
  const X = [
    [1, 2, 0],
    [0, -1, 3],
  ];
  it('rowsOf copies (Matrix or arrays); vec; matVec; matTVec (zero weights skipped, empty matrix)', () => {
    const M = new Matrix(X);
    const r = rowsOf(M);
    expect(r).toEqual(X);
    const r2 = rowsOf(X);
    r2[0][0] = 99;
    expect(X[0][0]).toBe(1);
    expect(Array.from(vec([1, 2]))).toEqual([1, 2]);
    expect(Array.from(matVec(X, [1, 1, 1]))).toEqual([3, 2]);
    expect(Array.from(matTVec(X, [2, -1]))).toEqual([2, 5, -3]);
    expect(Array.from(matTVec(X, [0, 1]))).toEqual([0, -1, 3]);
    expect(Array.from(matTVec([], []))).toEqual([]);
  });
  it('norms and distances: scaled ‖·‖₂ (no overflow, no underflow), ∞, 1; dot', () => {
    expect(dotv([1, 2, 3], [4, -5, 6])).toBe(12);
    expect(nrm2([3, -4])).toBe(5);
    expect(nrm2([3e200, 4e200])).toBeCloseTo(5e200, -186);
    expect(nrm2([3e-200, 4e-200]) / 5e-200).toBeCloseTo(1, 14);
    expect(nrm2([0, 0])).toBe(0);
    expect(nrm2([1, Infinity])).toBe(Infinity);
    expect(nrm2([])).toBe(0);
    expect(nrmInf([1, -7, 3])).toBe(7);
    expect(nrm1([1, -7, 3])).toBe(11);
    expect(Array.from(subv([1, 2], [3, 5]))).toEqual([-2, -3]);
    expect(distInf([1, 2], [3, 7])).toBe(5);
    expect(wdDist2([0, 0], [3, 4])).toBe(5);
  });
  it('weightedGram X diag(w) Xᵀ (symmetric, full)', () => {
    const G = weightedGram(X, [1, 2, 3]);
    // rows: a·diag(w)·b
    expect(G).toEqual([
      [1 + 8, -4],
      [-4, 2 + 27],
    ]);
  });
  it('solveSPD: Cholesky on SPD systems, jitter for semidefinite ones, least squares when Cholesky never succeeds', () => {
    const A = [
      [4, 2, 0],
      [2, 5, 1],
      [0, 1, 3],
    ];
    const x = solveSPD(A, [2, 1, 4]);
    const back = matVec(A, x);
    [2, 1, 4].forEach((v, i) => expect(back[i]).toBeCloseTo(v, 13));
    // singular PSD (rank 1) with a consistent right-hand side: jitter makes Cholesky succeed
    const S = [
      [1, 1],
      [1, 1],
    ];
    const xs = solveSPD(S, [2, 2]);
    expect(xs[0] + xs[1]).toBeCloseTo(2, 6);
    // indefinite: Cholesky fails at every jitter → minimum-norm least squares (= A⁻¹b here)
    const I = [
      [1, 0],
      [0, -1],
    ];
    const xi = solveSPD(I, [3, 4]);
    expect(Array.from(xi).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([3, -4]);
    // zero matrix: the scale falls back to 1, so the first jitter is 1e-16 and x = b/1e-16
    const z = solveSPD(
      [
        [0, 0],
        [0, 0],
      ],
      [1, 1],
    );
    expect(z[0]).toBeCloseTo(1e16, -2);
    expect(z[1]).toBeCloseTo(1e16, -2);
  });
  it('lstsq / pinvRows: minimum-norm least squares with a relative cut-off', () => {
    // rank-1 A: the minimum-norm solution of [1 1; 1 1]x ≈ (2, 0) is (0.5, 0.5)
    const x = lstsq(
      [
        [1, 1],
        [1, 1],
      ],
      [2, 0],
    );
    expect(x[0]).toBeCloseTo(0.5, 13);
    expect(x[1]).toBeCloseTo(0.5, 13);
    const P = pinvRows([[2, 0], [0, 1e-14]], 1e-12); // the tiny singular value is cut
    expect(P[0][0]).toBeCloseTo(0.5, 14);
    expect(P[1][1]).toBe(0);
    const P2 = pinvRows([[2, 0], [0, 1e-10]], 1e-12);
    expect(P2[1][1]).toBeCloseTo(1e10, 0);
  });
  it('rowBasis / rowAndNullBasis: orthonormal, spans, dependent rows dropped, completion from the standard basis', () => {
    const Y = [
      [1, 1, 0, 0],
      [2, 2, 0, 0], // dependent
      [0, 1, 1, 0],
    ];
    const rb = rowBasis(Y);
    expect(rb.length).toBe(2);
    for (const a of rb) for (const b of rb) expect(dotv(a, b)).toBeCloseTo(a === b ? 1 : 0, 14);
    // each row is reproduced by its projection on the basis
    for (const r of Y) expect(nrm2(projectOut(r, rb))).toBeLessThan(1e-14);
    const { row, nul } = rowAndNullBasis(Y);
    expect(row.length).toBe(2);
    expect(nul.length).toBe(2);
    for (const z of nul) {
      expect(nrm2(z)).toBeCloseTo(1, 14);
      for (const r of Y) expect(Math.abs(dotv(z, r))).toBeLessThan(1e-14);
      for (const b of row) expect(Math.abs(dotv(z, b))).toBeLessThan(1e-14);
    }
    expect(Math.abs(dotv(nul[0], nul[1]))).toBeLessThan(1e-14);
    // a nearly dependent row below rtol·scale is dropped; above it is kept
    expect(rowBasis([[1, 0], [1, 1e-12]]).length).toBe(1);
    expect(rowBasis([[1, 0], [1, 1e-8]]).length).toBe(2);
    expect(rowBasis([[1, 0], [1, 1e-8]], 1e-6).length).toBe(1);
    // full row rank square X: empty null space
    expect(rowAndNullBasis([[1, 0], [0, 2]]).nul.length).toBe(0);
    // projectOut removes the component twice-orthogonalised
    const p = projectOut([3, 4], [Float64Array.of(1, 0)]);
    expect(Array.from(p)).toEqual([0, 4]);
  });
});

// --------------------------------------------------------------------------- separableMin
import { kktResidualSeparable, minSeparable, minSeparableDual, minSeparablePrimal, potentials } from '../src/bias/separableMin.js';
import type { SeparablePotential } from '../src/bias/separableMin.js';

/** Bounded link b(s) = s/(1 − s²) on |s| < 1 (odd, increasing): ψ* (s) = −½ln(1 − s²). */
const bounded: SeparablePotential = {
  gradInv: (_i, s) => s / (1 - s * s),
  gradInvDeriv: (_i, s) => (1 + s * s) / (1 - s * s) ** 2,
  grad: (_i, b) => (b === 0 ? 0 : (-1 + Math.sqrt(1 + 4 * b * b)) / (2 * b)),
  value: (_i, b) => {
    const s = b === 0 ? 0 : (-1 + Math.sqrt(1 + 4 * b * b)) / (2 * b);
    return s * b + 0.5 * Math.log(1 - s * s);
  },
  conj: (_i, s) => -0.5 * Math.log(1 - s * s),
  sBound: () => 1,
};

describe('separableMin: dual Newton, primal Newton, KKT residuals', () => {
  const rng = new Rng(31);
  const N = 3, d = 6;
  const X = Array.from({ length: N }, () => Array.from(rng.normals(d)));
  const y = Array.from(rng.normals(N));
  const w = [1, 2, 0.5, 4, 1.5, 3];
  /** Closed form of argmin Σ ½w_iβ_i² s.t. Xβ = y: β = W⁻¹Xᵀ(XW⁻¹Xᵀ)⁻¹y. */
  const closed = () => {
    const G = weightedGram(X, w.map((v) => 1 / v));
    const lam = solveSPD(G, y);
    return Array.from(matTVec(X, lam), (v, i) => v / w[i]);
  };
  it('weighted ℓ2 potential: value, gradient, Hessian, link, link derivative, conjugate', () => {
    const p = potentials.weightedL2(w);
    expect(p.value!(1, 3)).toBe(9);
    expect(p.grad(1, 3)).toBe(6);
    expect(p.hess!(1, 3)).toBe(2);
    expect(p.gradInv(1, 6)).toBe(3);
    expect(p.gradInvDeriv(1, 6)).toBe(0.5);
    expect(p.conj!(1, 6)).toBe(9); // s·b − ψ(b) = 18 − 9
  });
  it('dual Newton on the weighted ℓ2 potential: the closed form, one Newton step from the warm start', () => {
    const r = minSeparableDual(X, y, potentials.weightedL2(w));
    const c = closed();
    for (let i = 0; i < d; i++) expect(r.beta[i]).toBeCloseTo(c[i], 12);
    expect(r.converged).toBe(true);
    expect(r.method).toBe('dual');
    expect(r.iterations).toBe(1); // Φ is quadratic: one exact Newton step
    expect(r.message).toBe('dual Newton converged in 1 iterations');
    expect(r.residual).toBeLessThan(1e-14);
    expect(r.stationarity).toBeLessThan(1e-13);
    // ψ′(β) = Xᵀν
    const s = matTVec(X, r.nu);
    for (let i = 0; i < d; i++) expect(s[i]).toBeCloseTo(w[i] * r.beta[i], 12);
    // unit weights: the warm start (least-squares fit of ψ′(X⁺y)) is already exact: 0 iterations
    const u = minSeparableDual(X, y, potentials.weightedL2([1, 1, 1, 1, 1, 1]));
    expect(u.iterations).toBe(0);
    expect(u.message).toBe('dual Newton converged in 0 iterations');
    // maxIter = 0 with a non-exact start: not converged, and says so
    const z = minSeparableDual(X, y, potentials.weightedL2(w), { maxIter: 0 });
    expect(z.converged).toBe(false);
    expect(z.message).toBe('dual Newton hit 0 iterations');
    expect(z.residual).toBeGreaterThan(1e-6);
    // a given ν₀ = 0 is used: β(0) = b(0) = 0, residual ‖y‖/(1 + ‖y‖) before any step
    const z0 = minSeparableDual(X, y, potentials.weightedL2(w), { maxIter: 0, nu0: [0, 0, 0] });
    expect(z0.residual).toBeCloseTo(nrm2(y) / (1 + nrm2(y)), 14);
    expect(Array.from(z0.beta)).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it('bounded link: converges inside |s| < 1 from a warm start that must be shrunk, and from ν₀ = 0', () => {
    const yBig = y.map((v) => 40 * v); // β large → s close to the bound
    const r = minSeparableDual(X, yBig, bounded);
    expect(r.converged).toBe(true);
    const s = matTVec(X, r.nu);
    for (let i = 0; i < d; i++) {
      expect(Math.abs(s[i])).toBeLessThan(1);
      expect(r.beta[i]).toBeCloseTo(s[i] / (1 - s[i] * s[i]), 8);
    }
    const back = matVec(X, r.beta);
    for (let k = 0; k < N; k++) expect(back[k]).toBeCloseTo(yBig[k], 9);
    const p = minSeparablePrimal(X, yBig, bounded);
    expect(p.converged).toBe(true);
    for (let i = 0; i < d; i++) expect(Math.abs(p.beta[i] - r.beta[i])).toBeLessThan(1e-7 * (1 + Math.abs(r.beta[i])));
    const from0 = minSeparableDual(X, yBig, bounded, { nu0: [0, 0, 0] });
    expect(from0.converged).toBe(true);
    for (let i = 0; i < d; i++) expect(from0.beta[i]).toBeCloseTo(r.beta[i], 7);
    // clipping the dual step: still converges (more iterations)
    const clipped = minSeparableDual(X, yBig, bounded, { nu0: [0, 0, 0], maxDualStep: 0.05 });
    expect(clipped.converged).toBe(true);
    expect(clipped.iterations).toBeGreaterThan(from0.iterations);
    for (let i = 0; i < d; i++) expect(clipped.beta[i]).toBeCloseTo(r.beta[i], 7);
  });
  it('primal Newton: the closed form, a given β₀, zero-dimensional null space, cross-check', () => {
    const c = closed();
    const p = minSeparablePrimal(X, y, potentials.weightedL2(w));
    expect(p.method).toBe('primal');
    expect(p.converged).toBe(true);
    for (let i = 0; i < d; i++) expect(p.beta[i]).toBeCloseTo(c[i], 11);
    expect(p.message).toMatch(/^primal Newton converged in [12] iterations$/);
    // a feasible β₀ (closed form + null-space vector) converges to the same point
    const { nul } = rowAndNullBasis(X);
    const b0 = c.map((v, i) => v + 3 * nul[0][i]);
    const p2 = minSeparablePrimal(X, y, potentials.weightedL2(w), { beta0: b0 });
    for (let i = 0; i < d; i++) expect(p2.beta[i]).toBeCloseTo(c[i], 10);
    expect(p2.iterations).toBeGreaterThanOrEqual(1);
    // square invertible X: β = X⁻¹y without iterations
    const Xs = [
      [2, 0],
      [1, 1],
    ];
    const sq = minSeparablePrimal(Xs, [4, 3], potentials.weightedL2([1, 1]));
    expect(sq.iterations).toBe(0);
    expect(sq.converged).toBe(true);
    expect(sq.beta[0]).toBeCloseTo(2, 13);
    expect(sq.beta[1]).toBeCloseTo(1, 13);
    const both = minSeparable(X, y, potentials.weightedL2(w), { crossCheck: true });
    expect(both.primal!.method).toBe('primal');
    expect(both.crossDiff!).toBeLessThan(1e-10);
    expect(both.crossDiff!).toBe(Math.max(...Array.from(both.beta, (v, i) => Math.abs(v - both.primal!.beta[i]))));
    expect(minSeparable(X, y, potentials.weightedL2(w)).primal).toBeUndefined();
    // maxIter 0 from a non-optimal start: not converged
    const pz = minSeparablePrimal(X, y, potentials.weightedL2(w), { maxIter: 0 });
    expect(pz.converged).toBe(false);
    expect(pz.message).toBe('primal Newton hit 0 iterations');
  });
  it('primal Newton without value() uses the reduced-gradient merit; hess defaults to 1/gradInvDeriv', () => {
    const p0 = potentials.weightedL2(w);
    const bare: SeparablePotential = { grad: p0.grad, gradInv: p0.gradInv, gradInvDeriv: p0.gradInvDeriv };
    const p = minSeparablePrimal(X, y, bare);
    const c = closed();
    expect(p.converged).toBe(true);
    for (let i = 0; i < d; i++) expect(p.beta[i]).toBeCloseTo(c[i], 11);
    const dd = minSeparableDual(X, y, bare);
    expect(dd.converged).toBe(true);
    for (let i = 0; i < d; i++) expect(dd.beta[i]).toBeCloseTo(c[i], 11);
  });
  it('kktResidualSeparable: primal residual, distance of ψ′(β) from range(Xᵀ), least-squares ν', () => {
    const c = closed();
    const k = kktResidualSeparable(X, y, c, potentials.weightedL2(w));
    expect(k.primal).toBeLessThan(1e-14);
    expect(k.stationarity).toBeLessThan(1e-13);
    const s = matTVec(X, k.nu);
    for (let i = 0; i < d; i++) expect(s[i]).toBeCloseTo(w[i] * c[i], 11);
    // off the optimum: β = c + t·z (z ∈ ker X): feasible, but ψ′ leaves range(Xᵀ)
    const { nul } = rowAndNullBasis(X);
    const off = c.map((v, i) => v + nul[0][i]);
    const k2 = kktResidualSeparable(X, y, off, potentials.weightedL2(w));
    expect(k2.primal).toBeLessThan(1e-14);
    const g = off.map((v, i) => w[i] * v);
    const perp = projectOut(g, rowBasis(X));
    expect(k2.stationarity).toBeCloseTo(nrm2(perp) / (1 + nrm2(g)), 12);
    expect(k2.stationarity).toBeGreaterThan(1e-3);
    // infeasible β: relative residual ‖Xβ − y‖/(1 + ‖y‖)
    const k3 = kktResidualSeparable(X, y, new Float64Array(d), potentials.weightedL2(w));
    expect(k3.primal).toBeCloseTo(nrm2(y) / (1 + nrm2(y)), 14);
  });
});

// --------------------------------------------------------------------------- yunTheory (Yun et al. 2021)
import * as yt from '../src/bias/yunTheory.js';

/** Composite Gauss–Legendre (5 points) on [a, b] with `panels` panels (independent quadrature). */
function gl5(f: (x: number) => number, a: number, b: number, panels = 200): number {
  const xs = [0, -0.5384693101056831, 0.5384693101056831, -0.906179845938664, 0.906179845938664];
  const ws = [0.5688888888888889, 0.47862867049936647, 0.47862867049936647, 0.23692688505618908, 0.23692688505618908];
  const h = (b - a) / panels;
  let s = 0;
  for (let p = 0; p < panels; p++) {
    const m = a + (p + 0.5) * h;
    for (let k = 0; k < 5; k++) s += ws[k] * f(m + 0.5 * h * xs[k]);
  }
  return 0.5 * h * s;
}
const cfd = (f: (x: number) => number, x: number, h = 1e-5) => (f(x + h) - f(x - h)) / (2 * h);
const rl = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe('yunTheory: Lemma 4 closed forms (p_L, q_L, h_L, H_L) against their definitions', () => {
  it('small linear algebra: solveLinear (pivoting, singular → null), dot/norms/angle, products', () => {
    const x = yt.solveLinear(
      [
        [0, 2, 1],
        [1, 1, 0],
        [3, 0, 1],
      ],
      [5, 3, 6],
    )!;
    // solution (1, 2, 1)... check A x = b
    expect(x[0] * 0 + x[1] * 2 + x[2]).toBeCloseTo(5, 13);
    expect(x[0] + x[1]).toBeCloseTo(3, 13);
    expect(3 * x[0] + x[2]).toBeCloseTo(6, 13);
    expect(yt.solveLinear([[1, 2], [2, 4]], [1, 2])).toBeNull();
    expect(yt.solveLinear([[1e-301, 0], [0, 1]], [1, 1])).toBeNull(); // pivot below 1e-300
    expect(yt.solveLinear([[2e-300, 0], [0, 1]], [1e10, 1])).toBeNull(); // overflow to ∞
    expect(yt.solveLinear([[2e-300, 0], [0, 1]], [1, 1])![0]).toBeCloseTo(5e299, -286);
    expect(yt.dotv([1, 2], [3, 4])).toBe(11);
    expect(yt.norm([3, 4])).toBe(5);
    expect(yt.distv([1, 1], [4, 5])).toBe(5);
    expect(yt.norm1([1, -2, 3])).toBe(6);
    expect(yt.angleDeg([1, 0], [0, 2])).toBeCloseTo(90, 12);
    expect(yt.angleDeg([1, 0], [-1, 0])).toBeCloseTo(180, 12);
    expect(yt.angleDeg([1, 1], [2, 2])).toBeCloseTo(0, 5);
    expect(yt.matVec([[1, 2], [3, 4]], [1, -1])).toEqual([-1, -1]);
    expect(yt.matTVec([[1, 2], [3, 4]], [1, -1])).toEqual([-2, -2]);
    expect(yt.matMul([[1, 2]], [[3], [4]])).toEqual([[11]]);
    expect(yt.transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
  });
  it('W_L(θ) = ∫₀^θ cos^{L−3}: quadrature for L = 2…7, known values, blow-up times c_L = W_L(π/2)', () => {
    for (const L of [2, 3, 4, 5, 6, 7]) {
      for (const th of [0.3, 1.1, 1.5]) expect(rl(yt.wallisW(L, th), gl5((p) => Math.cos(p) ** (L - 3), 0, th))).toBeLessThan(1e-12);
    }
    expect(yt.blowupTime(2)).toBe(Infinity);
    expect(yt.blowupTime(3)).toBeCloseTo(Math.PI / 2, 14);
    expect(yt.blowupTime(4)).toBeCloseTo(1, 14);
    expect(yt.blowupTime(5)).toBeCloseTo(Math.PI / 4, 14);
    expect(yt.blowupTime(6)).toBeCloseTo(2 / 3, 14);
  });
  it('θ(t) inverts W_L (both signs); p² − q² = 1; p′ = p^{L−2}q, q′ = p^{L−1} (Lemma 4)', () => {
    for (const L of [2, 3, 4, 5]) {
      const c = yt.blowupTime(L);
      for (const t of [-0.6, 0.2, 0.55]) {
        const tt = Math.min(Math.abs(t), 0.9 * c) * Math.sign(t);
        expect(rl(yt.wallisW(L, yt.thetaOf(L, tt)), tt)).toBeLessThan(L === 2 ? 1e-12 : 1e-13);
        const { p, q } = yt.pqL(L, tt);
        expect(p * p - q * q).toBeCloseTo(1, 12);
        expect(rl(cfd((s) => yt.pqL(L, s).p, tt), p ** (L - 2) * q)).toBeLessThan(1e-8);
        expect(rl(cfd((s) => yt.pqL(L, s).q, tt), p ** (L - 1))).toBeLessThan(1e-8);
      }
      if (L > 3) {
        expect(yt.thetaOf(L, 2 * c)).toBe(Math.PI / 2);
        expect(yt.thetaOf(L, -2 * c)).toBe(-Math.PI / 2);
      }
    }
  });
  it('h_L = p^{L−1}q with derivative h_L′; ±∞ beyond ±c_L; the inverse h_L⁻¹', () => {
    for (const L of [2, 3, 4, 6]) {
      const c = yt.blowupTime(L);
      for (const t of [-0.4, 0.1, 0.5]) {
        const tt = Math.min(Math.abs(t), 0.8 * c) * Math.sign(t);
        const { p, q } = yt.pqL(L, tt);
        expect(rl(yt.hL(L, tt), p ** (L - 1) * q)).toBeLessThan(1e-13);
        expect(rl(yt.hLprime(L, tt), cfd((s) => yt.hL(L, s), tt))).toBeLessThan(1e-8);
        const u = yt.hL(L, tt);
        expect(rl(yt.hLinv(L, u), tt)).toBeLessThan(1e-12);
      }
      expect(yt.hLinv(L, 0)).toBe(0);
      if (L > 2) {
        expect(yt.hL(L, c)).toBe(Infinity);
        expect(yt.hL(L, -c * 1.01)).toBe(-Infinity);
      }
    }
  });
  it('H_L = ∫₀ᵘ h_L⁻¹ and H_L* = ∫₀ˢ h_L (quadrature); H_L* = ∞ outside the domain', () => {
    for (const L of [2, 3, 4, 5]) {
      for (const u of [-2, 0.05, 0.7, 3]) expect(rl(yt.HL(L, u), gl5((v) => yt.hLinv(L, v), 0, u, 60))).toBeLessThan(1e-10);
      const c = yt.blowupTime(L);
      for (const s of [-0.3, 0.2, 0.5]) {
        const ss = Math.min(Math.abs(s), 0.8 * c) * Math.sign(s);
        expect(rl(yt.HLstar(L, ss), gl5((v) => yt.hL(L, v), 0, ss, 60))).toBeLessThan(1e-10);
      }
      if (L > 2) expect(yt.HLstar(L, -c)).toBe(Infinity);
    }
    // L = 2 small-u form has no cancellation: H_2(u) ≈ u²/2 for tiny u
    expect(rl(yt.HL(2, 1e-9), 0.5e-18)).toBeLessThan(1e-8);
    expect(rl(yt.HLstar(2, 1e-9), 0.5e-18)).toBeLessThan(1e-8);
  });
});

describe('yunTheory: Theorem 5 objective, gradient, dual solver; Theorem 6 g; max margin', () => {
  const P = { L: 3, alpha: 0.7, eta: [1, -0.5, 2], A: [[1, 2, -1], [0.5, -1, 1]], y: [0.3, -0.2] };
  it('Q objective and its gradient (central differences); ρ(ν) is the gradient inverse: ∇Q(ρ(ν)) = Ãᵀν', () => {
    const rho = [0.2, -0.1, 0.35];
    const g = yt.qGradient(P, rho);
    for (let j = 0; j < 3; j++) {
      const f = (x: number) => yt.qObjective(P, rho.map((v, k) => (k === j ? x : v)));
      expect(rl(g[j], cfd(f, rho[j], 1e-6))).toBeLessThan(1e-7);
    }
    // explicit value α²η² H_L(ρ/(α|η|)^L)
    const want = P.eta.reduce((s, e, j) => s + P.alpha ** 2 * e * e * yt.HL(3, rho[j] / (P.alpha * Math.abs(e)) ** 3), 0);
    expect(rl(yt.qObjective(P, rho), want)).toBeLessThan(1e-14);
    const nu = [0.4, -0.3];
    const r = yt.rhoOfNu(P, nu);
    const back = yt.qGradient(P, r);
    const z = yt.matTVec(P.A, nu);
    for (let j = 0; j < 3; j++) expect(rl(back[j], z[j])).toBeLessThan(1e-10);
  });
  it('solveT5: feasible, KKT (∇Q(ρ) ∈ range Ãᵀ), lower Q than other interpolants; L = 2 and tiny α', () => {
    for (const Q of [P, { ...P, L: 2 }, { ...P, L: 4, alpha: 0.3 }, { ...P, L: 2, alpha: 1e-3 }]) {
      const s = yt.solveT5(Q);
      expect(s.converged).toBe(true);
      expect(s.residual).toBeLessThan(1e-9);
      const Ar = yt.matVec(Q.A, s.rho);
      for (let i = 0; i < 2; i++) expect(Ar[i]).toBeCloseTo(Q.y[i], 9);
      const g = yt.qGradient(Q, s.rho);
      const z = yt.matTVec(Q.A, s.nu);
      for (let j = 0; j < 3; j++) expect(rl(g[j], z[j])).toBeLessThan(1e-6);
      // any other interpolant (add the null vector of Ã, the cross product of its rows) has a larger Q
      const n0 = cross(Q.A[0], Q.A[1]);
      const q0 = yt.qObjective(Q, s.rho);
      for (const t of [-1e-2, 1e-2]) expect(yt.qObjective(Q, s.rho.map((v, j) => v + t * n0[j]))).toBeGreaterThan(q0);
    }
    const stuck = yt.solveT5(P, 0);
    expect(stuck.iterations).toBe(0);
    expect(stuck.converged).toBe(false);
    expect(Array.from(stuck.nu)).toEqual([0, 0]);
  });
  it('weightedMinL2: argmin Σρ²/w s.t. Ãρ = y (KKT ρ/w ∈ range Ãᵀ), singular Gram throws', () => {
    const w = [1, 2, 0.5];
    const r = yt.weightedMinL2(P.A, P.y, w);
    const Ar = yt.matVec(P.A, r);
    for (let i = 0; i < 2; i++) expect(Ar[i]).toBeCloseTo(P.y[i], 13);
    const n0 = cross(P.A[0], P.A[1]);
    expect(Math.abs(r.reduce((s, v, j) => s + (v / w[j]) * n0[j], 0))).toBeLessThan(1e-13);
    expect(() => yt.weightedMinL2([[1, 1], [2, 2]], [1, 2], [1, 1])).toThrow(/singular/);
  });
  it('g of Theorem 6, its variants, and the increasing-root solver', () => {
    const s = [1, 0.5], a = [0.3, -1], b = [2, 0.4];
    const nu = 0.7;
    const want = s.reduce((acc, sj, j) => acc + sj * (((a[j] ** 2 + b[j] ** 2) / 2) * Math.sinh(2 * sj * nu) + a[j] * b[j] * Math.cosh(2 * sj * nu)), 0);
    expect(rl(yt.gT6(s, a, b, nu), want)).toBeLessThan(1e-15);
    const v2 = s.reduce((acc, sj, j) => acc + sj * ((a[j] ** 2 + b[j] ** 2) * Math.sinh(sj * nu) + a[j] * b[j] * Math.cosh(2 * sj * nu)), 0);
    expect(rl(yt.gT6(s, a, b, nu, 1, 1), v2)).toBeLessThan(1e-15);
    const g = (x: number) => yt.gT6(s, a, b, x);
    for (const target of [-30, 0.1, 5, 1e4]) expect(rl(g(yt.solveIncreasing(g, target)), target)).toBeLessThan(1e-12);
    expect(yt.solveIncreasing((x) => x, 0.25)).toBeCloseTo(0.25, 15);
    expect(yt.solveIncreasing((x) => x, -0.25)).toBeCloseTo(-0.25, 15);
  });
  it('maxMarginL2 by support enumeration; normalized margin', () => {
    // two points in the plane: x1 = (1, 0), y1 = 1; x2 = (0, 1), y2 = −1 → z = (1, −1), margins 1
    const X = [
      [1, 0],
      [0, 1],
      [2, 2],
    ];
    const y = [1, -1, 1];
    const r = yt.maxMarginL2(X, y)!;
    // the third point has margin 2·1 − 2·1·… = 0 with z = (1, −1): infeasible; optimum differs
    for (let i = 0; i < 3; i++) expect(y[i] * yt.dotv(X[i], r.z)).toBeGreaterThanOrEqual(1 - 1e-9);
    // KKT: z = Σ μ_i y_i x_i with μ ≥ 0, μ_i > 0 only on active constraints
    const zz = [0, 0];
    r.mu.forEach((m, i) => X[i].forEach((v, j) => (zz[j] += m * y[i] * v)));
    expect(zz[0]).toBeCloseTo(r.z[0], 12);
    expect(zz[1]).toBeCloseTo(r.z[1], 12);
    r.mu.forEach((m, i) => {
      expect(m).toBeGreaterThanOrEqual(0);
      if (m > 1e-12) expect(y[i] * yt.dotv(X[i], r.z)).toBeCloseTo(1, 9);
    });
    // brute force over a grid of directions: no feasible z with smaller norm
    const best = yt.norm(r.z);
    for (let k = 0; k < 720; k++) {
      const th = (k * Math.PI) / 360;
      const d = [Math.cos(th), Math.sin(th)];
      const m = Math.min(...X.map((x, i) => y[i] * yt.dotv(x, d)));
      if (m > 0) expect(1 / m).toBeGreaterThanOrEqual(best * (1 - 1e-9));
    }
    expect(yt.maxMarginL2([[1, 0], [1, 0]], [1, -1])).toBeNull();
    expect(yt.normalizedMargin(X, y, r.z, yt.norm)).toBeCloseTo(1 / best, 12);
    expect(yt.normalizedMargin([[1, 0], [0, 1]], [1, 1], [2, 1], yt.norm1)).toBeCloseTo(1 / 3, 15);
  });
});

function cross(a: number[], b: number[]): number[] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

// --------------------------------------------------------------------------- azuCommon (Azulay et al. 2021)
import * as az from '../src/bias/azuCommon.js';

describe('azuCommon: vectors, interpolants, null-space Newton, log–log slope', () => {
  const X = [
    [1, 2, 0, 1],
    [0, 1, -1, 2],
  ];
  const y = [1, -2];
  it('vector helpers and products', () => {
    expect(az.toMatrix(X).to2DArray()).toEqual(X);
    expect(az.dotv([1, 2], [3, 4])).toBe(11);
    expect(az.normv([3, 4])).toBe(5);
    expect(Array.from(az.subv([1, 2], [3, 5]))).toEqual([-2, -3]);
    expect(Array.from(az.addv([1, 2], [3, 5]))).toEqual([4, 7]);
    expect(Array.from(az.addv([1, 2], [3, 5], -2))).toEqual([-5, -8]);
    expect(Array.from(az.scalev([1, -2], 3))).toEqual([3, -6]);
    expect(az.relDist([3, 4], [0, 0])).toBe(5 / 1e-300);
    expect(az.relDist([1, 1], [1, 0])).toBe(1);
    expect(Array.from(az.matvec(X, [1, 1, 1, 1]))).toEqual([4, 2]);
    expect(Array.from(az.matTvec(X, [1, -1]))).toEqual([1, 1, 1, -1]);
    expect(az.gram(X).to2DArray()).toEqual([
      [6, 4],
      [4, 6],
    ]);
    expect(Array.from(az.solveSym(az.gram(X), [10, 10])).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([1, 1]);
    expect(az.gramCond(X)).toBeCloseTo(10 / 2, 12); // eigenvalues 10, 2
    expect(az.gramCond([[1, 0], [2, 0]])).toBe(Infinity);
  });
  it('projection onto the span of the samples, KKT residual, interpolants', () => {
    const v = [1, 0, 0, 0];
    const { nu, Pv } = az.projectRange(X, v);
    const r = Array.from(az.subv(v, Pv));
    for (const row of X) expect(Math.abs(az.dotv(row, r))).toBeLessThan(1e-14);
    expect(Array.from(az.matTvec(X, nu))).toEqual(Array.from(Pv));
    expect(az.kkt(X, v)).toBeCloseTo(az.normv(r), 14);
    expect(az.kkt(X, [0, 0, 0, 0])).toBe(0);
    expect(az.kkt(X, X[0])).toBeLessThan(1e-14);
    expect(az.kkt(X, [0, 0, 0, 2])).toBeCloseTo(az.kkt(X, [0, 0, 0, 1]), 14); // scale-free
    const w = az.minNorm(X, y);
    expect(Array.from(az.matvec(X, w)).map((v2) => Math.round(v2 * 1e12) / 1e12)).toEqual(y);
    expect(az.kkt(X, w)).toBeLessThan(1e-14);
    const w0 = [1, 1, 1, 1];
    const wa = az.minNormAbout(X, y, w0);
    expect(Array.from(az.matvec(X, wa)).map((v2) => Math.round(v2 * 1e12) / 1e12)).toEqual(y);
    expect(az.kkt(X, az.subv(wa, w0))).toBeLessThan(1e-14);
    // Mahalanobis with B = diag(b): w − w0 = B⁻¹Xᵀλ
    const b = [1, 2, 4, 0.5];
    const Binv = Matrix.diag(b.map((v2) => 1 / v2));
    const wm = az.minMahalanobisAbout(X, y, w0, Binv);
    expect(Array.from(az.matvec(X, wm)).map((v2) => Math.round(v2 * 1e12) / 1e12)).toEqual(y);
    expect(az.kkt(X, Array.from(az.subv(wm, w0), (v2, i) => v2 * b[i]))).toBeLessThan(1e-13);
    // weighted norm Σ w²/c = Mahalanobis about 0 with B = diag(1/c)
    const c = [1, 3, 0.5, 2];
    const wc = az.minWeightedNorm(X, y, c);
    const wref = az.minMahalanobisAbout(X, y, [0, 0, 0, 0], Matrix.diag(c));
    for (let i = 0; i < 4; i++) expect(wc[i]).toBeCloseTo(wref[i], 12);
  });
  it('null basis: orthonormal, orthogonal to the samples, of dimension d − rank', () => {
    const Z = az.nullBasis(X);
    expect(Z.length).toBe(2);
    for (const z of Z) {
      expect(az.normv(z)).toBeCloseTo(1, 13);
      for (const row of X) expect(Math.abs(az.dotv(z, row))).toBeLessThan(1e-13);
    }
    expect(Math.abs(az.dotv(Z[0], Z[1]))).toBeLessThan(1e-13);
    expect(az.nullBasis([[1, 0], [0, 1]]).length).toBe(0);
  });
  it('nullSpaceNewton: weighted quadratic equals the closed form; quartic objective satisfies KKT; p = 0; maxIter', () => {
    const wts = [1, 2, 0.5, 3];
    const quad: az.ConvexObjective = {
      f: (w) => 0.5 * w.reduce((s, v, i) => s + wts[i] * v * v, 0),
      grad: (w) => Float64Array.from(w, (v, i) => wts[i] * v),
      hess: () => wts.map((v, i) => wts.map((_, j) => (i === j ? v : 0))),
    };
    const r = az.nullSpaceNewton(X, y, quad);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(1);
    const ref = az.minWeightedNorm(X, y, wts.map((v) => 1 / v));
    for (let i = 0; i < 4; i++) expect(r.w[i]).toBeCloseTo(ref[i], 12);
    expect(r.reducedGrad).toBeLessThan(1e-13);
    const rs = az.nullSpaceNewton(X, y, quad, { start: Float64Array.of(5, -5, 5, -5) });
    for (let i = 0; i < 4; i++) expect(rs.w[i]).toBeCloseTo(ref[i], 12);
    const r0 = az.nullSpaceNewton(X, y, quad, { maxIter: 0 });
    expect(r0.converged).toBe(false);
    expect(r0.iterations).toBe(0);
    // f = Σ w⁴/4 + w²/2: strictly convex, ∇f = w³ + w must lie in the span of the samples
    const quart: az.ConvexObjective = {
      f: (w) => w.reduce((s, v) => s + v ** 4 / 4 + (v * v) / 2, 0),
      grad: (w) => Float64Array.from(w, (v) => v ** 3 + v),
      hess: (w) => Array.from(w, (v, i) => Array.from(w, (_, j) => (i === j ? 3 * v * v + 1 : 0))),
    };
    const q = az.nullSpaceNewton(X, [10, -20], quart);
    expect(q.converged).toBe(true);
    expect(q.iterations).toBeGreaterThan(1);
    expect(az.kkt(X, quart.grad(q.w))).toBeLessThan(1e-12);
    expect(Array.from(az.matvec(X, q.w)).map((v2) => Math.round(v2 * 1e10) / 1e10)).toEqual([10, -20]);
    // square invertible X: nothing to optimise
    const sq = az.nullSpaceNewton([[1, 0], [0, 2]], [3, 4], quart);
    expect(sq).toEqual({ w: Float64Array.of(3, 2), iterations: 0, reducedGrad: 0, converged: true });
  });
  it('logLogSlope: exact power laws', () => {
    const x = [1, 2, 4, 8];
    expect(az.logLogSlope(x, x.map((v) => 3 * v ** 2.5))).toBeCloseTo(2.5, 13);
    expect(az.logLogSlope(x, x.map((v) => v ** -1))).toBeCloseTo(-1, 13);
  });
});

// --------------------------------------------------------------------------- minL1 (HiGHS)
import { minL1 } from '../src/bias/minL1.js';

describe('minL1: infeasible LP, zero data, support threshold, weights and the dual certificate', () => {
  it('an infeasible system is reported (ok = false, NaN objective, empty support)', () => {
    const r = minL1([[1, 0], [1, 0]], [1, 2]);
    expect(r.ok).toBe(false);
    expect(r.status).not.toBe('Optimal');
    expect(r.objective).toBeNaN();
    expect(r.residual).toBeNaN();
    expect(r.support).toEqual([]);
    expect(r.unique).toBe(false);
    expect(Array.from(r.nu)).toEqual([0, 0]);
    expect(r.offSupportDual).toBeNaN();
  });
  it('y = 0: β = 0, empty support, no uniqueness certificate', () => {
    const r = minL1([[1, 2, 3], [0, 1, -1]], [0, 0]);
    expect(r.ok).toBe(true);
    expect(Array.from(r.beta)).toEqual([0, 0, 0]);
    expect(r.support).toEqual([]);
    expect(r.unique).toBe(false);
    expect(r.objective).toBe(0);
  });
  it('support = {i : |β_i| > 1e-9·max(1, max|β|)}', () => {
    const I3 = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    // X = I: β = y. thr = 1e-9·1e4 = 1e-5, so 1e-6 is outside the support
    const a = minL1(I3, [1e4, 1e-6, 0]);
    expect(a.support).toEqual([0]);
    expect(a.beta[1]).toBe(1e-6);
    const b = minL1(I3, [2, 5e-9, 0]); // thr = 2e-9 < 5e-9
    expect(b.support).toEqual([0, 1]);
    const c = minL1(I3, [0.5, 5e-10, 0]); // thr = 1e-9·max(1, 0.5) = 1e-9 > 5e-10
    expect(c.support).toEqual([0]);
  });
  it('weights: min |β₀| + 2|β₁| s.t. β₀ + β₁ = 1 → β = (1, 0); certificate ν = 1, off-support |s|/c = 1/2', () => {
    const r = minL1([[1, 1]], [1], [1, 2]);
    expect(r.beta[0]).toBeCloseTo(1, 12);
    expect(r.beta[1]).toBe(0);
    expect(r.objective).toBeCloseTo(1, 12);
    expect(r.nu[0]).toBeCloseTo(1, 9);
    expect(r.offSupportDual).toBeCloseTo(0.5, 9);
    expect(r.unique).toBe(true);
    // reversed weights: β = (0, 1), objective 1·… = 1
    const s = minL1([[1, 1]], [3], [2, 1]);
    expect(s.beta[1]).toBeCloseTo(3, 12);
    expect(s.objective).toBeCloseTo(3, 12);
    expect(s.offSupportDual).toBeCloseTo(0.5, 9);
    // negative data: sign of β and of the certificate
    const n = minL1([[1, 1]], [-2], [1, 4]);
    expect(n.beta[0]).toBeCloseTo(-2, 12);
    expect(n.objective).toBeCloseTo(2, 12);
    expect(n.nu[0]).toBeCloseTo(-1, 9);
    expect(n.unique).toBe(true);
  });
  it('equal weights on equal columns: a minimizer, but not unique (off-support dual = 1)', () => {
    const r = minL1([[1, 1]], [1]);
    expect(r.objective).toBeCloseTo(1, 12);
    expect(r.offSupportDual).toBeCloseTo(1, 9);
    expect(r.unique).toBe(false);
  });
  it('objective Σ c_i|β_i| and residual ‖Xβ − y‖/(1 + ‖y‖) are those of the returned β', () => {
    const rng = new Rng(12);
    const X = Array.from({ length: 4 }, () => Array.from(rng.normals(9)));
    const y = Array.from(rng.normals(4)).map((v) => 3 * v);
    const c = [1, 2, 0.5, 1, 3, 1, 1, 0.7, 2];
    const r = minL1(X, y, c);
    expect(r.objective).toBeCloseTo(c.reduce((s, ci, i) => s + ci * Math.abs(r.beta[i]), 0), 13);
    const res = X.map((row, k) => row.reduce((s, v, i) => s + v * r.beta[i], 0) - y[k]);
    expect(r.residual).toBeCloseTo(nrm2(res) / (1 + nrm2(y)), 15);
    expect(r.residual).toBeLessThan(1e-14);
    expect(r.support.length).toBe(4);
    expect(r.unique).toBe(true);
    expect(r.offSupportDual).toBeLessThan(1);
    // the certificate: X_Sᵀν = c_S∘sign(β_S), |X_iᵀν| ≤ c_i elsewhere
    const s = matTVec(X, r.nu);
    for (let i = 0; i < 9; i++) {
      if (r.support.includes(i)) expect(s[i]).toBeCloseTo(c[i] * Math.sign(r.beta[i]), 7);
      else expect(Math.abs(s[i]) / c[i]).toBeLessThanOrEqual(r.offSupportDual + 1e-12);
    }
    expect(Math.max(...Array.from({ length: 9 }, (_, i) => (r.support.includes(i) ? 0 : Math.abs(s[i]) / c[i])))).toBeCloseTo(r.offSupportDual, 12);
  });
});
