import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { Rng } from '../src/random/rng.js';
import {
  axpy, circularConvolve, columnsOf, dataWithSpectrum, dftMatrix, dftReal, diagMatrix, dist2, dot, fromFlat, frob,
  gaussianMatrix, maxAbsDiff, norm2, normInf, nullSpaceBasis, numericalRank, orthonormalityError, pinv,
  projectorOnto, qrFull, randomOrthogonal, randomOrthonormalColumns, rowSpaceBasis, scale, singularValues,
  spectralNorm, sub, svdFull, symEig, symPow, symSqrt, toFlat,
} from '../src/linalg/index.js';

const EPS = 2.220446049250313e-16;

/** Rank-r n×d Gaussian product (exactly rank r in exact arithmetic). */
function lowRank(rng: Rng, n: number, d: number, r: number): Matrix {
  return gaussianMatrix(rng, n, r).mmul(gaussianMatrix(rng, r, d));
}

function reconstruct(U: Matrix, s: Float64Array, V: Matrix): Matrix {
  const k = s.length;
  const S = diagMatrix(s, k, k);
  return U.mmul(S).mmul(columnsOf(V, 0, k).transpose());
}

describe('kernels', () => {
  it('basic vector operations', () => {
    const a = Float64Array.from([3, -4, 0]);
    const b = Float64Array.from([1, 2, 2]);
    expect(dot(a, b)).toBe(-5);
    expect(norm2(a)).toBe(5);
    expect(normInf(a)).toBe(4);
    expect(dist2(a, b)).toBeCloseTo(Math.sqrt(4 + 36 + 4), 14);
    expect(Array.from(sub(a, b))).toEqual([2, -6, -2]);
    expect(Array.from(scale(a, 2))).toEqual([6, -8, 0]);
    const y = Float64Array.from(b);
    axpy(2, a, y);
    expect(Array.from(y)).toEqual([7, -6, 2]);
    // overflow-safe norm
    expect(norm2(Float64Array.from([3e200, 4e200]))).toBeCloseTo(5e200, -186);
    expect(norm2(Float64Array.from([3e-200, 4e-200])) / 5e-200).toBeCloseTo(1, 14);
    expect(Number.isNaN(normInf(Float64Array.from([1, NaN, 2])))).toBe(true);
  });
  it('toFlat/fromFlat are row-major inverses', () => {
    const M = new Matrix([[1, 2, 3], [4, 5, 6]]);
    const f = toFlat(M);
    expect(Array.from(f)).toEqual([1, 2, 3, 4, 5, 6]);
    const buf = new Float64Array(10);
    buf.set(f, 3);
    expect(maxAbsDiff(fromFlat(buf, 2, 3, 3), M)).toBe(0);
  });
});

describe('svdFull', () => {
  const rng = new Rng(12345);
  const shapes: [string, number, number, number][] = [
    ['tall full rank', 9, 4, 4],
    ['square', 6, 6, 6],
    ['wide full rank', 3, 10, 3],
    ['wide rank-deficient', 5, 12, 2],
    ['tall rank-deficient', 12, 5, 3],
    ['square rank-deficient', 7, 7, 4],
    ['single row', 1, 6, 1],
    ['single column', 6, 1, 1],
  ];
  for (const [name, n, d, r] of shapes) {
    it(`${name} (${n}×${d}, rank ${r})`, () => {
      const X = r === Math.min(n, d) ? gaussianMatrix(rng, n, d) : lowRank(rng, n, d, r);
      const { U, s, V, rank } = svdFull(X);
      expect(rank).toBe(r);
      expect(V.rows).toBe(d);
      expect(V.columns).toBe(d);
      expect(s.length).toBe(Math.min(n, d));
      for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
      // Backward-stable SVD: residual and orthogonality at a modest multiple of ε (·‖X‖, ·dimension).
      const tol = 50 * Math.max(n, d) * EPS;
      expect(maxAbsDiff(reconstruct(U, s, V), X)).toBeLessThan(tol * s[0]);
      expect(orthonormalityError(V)).toBeLessThan(tol);
      expect(orthonormalityError(columnsOf(U, 0, r))).toBeLessThan(tol);
      expect(orthonormalityError(U)).toBeLessThan(tol);
      // Null space ⟂ row space and X Φ2 = 0.
      const Phi1 = rowSpaceBasis(X);
      const Phi2 = nullSpaceBasis(X);
      expect(Phi1.columns).toBe(r);
      expect(Phi2.columns).toBe(d - r);
      if (d - r > 0) {
        expect(maxAbsDiff(Phi1.transpose().mmul(Phi2), Matrix.zeros(r, d - r))).toBeLessThan(tol);
        expect(frob(X.mmul(Phi2))).toBeLessThan(tol * s[0] * Math.sqrt(d));
      }
      // Projectors: P1 + P2 = I.
      const P = Phi1.mmul(Phi1.transpose()).add(Phi2.mmul(Phi2.transpose()));
      expect(maxAbsDiff(P, Matrix.eye(d, d))).toBeLessThan(tol);
      expect(numericalRank(X)).toBe(r);
      expect(spectralNorm(X)).toBeCloseTo(s[0], 10);
    });
  }
  it('random shapes and ranks (incl. clustered singular values): reconstruction, orthogonality, rank', () => {
    const r0 = new Rng(2024);
    for (let trial = 0; trial < 60; trial++) {
      const n = r0.int(1, 9);
      const d = r0.int(1, 12);
      const r = r0.int(0, Math.min(n, d));
      // clustered or widely spread spectrum
      const s = Array.from({ length: r }, (_, i) => (trial % 3 === 0 ? 1 + 1e-9 * i : Math.pow(10, -3 * r0.uniform())));
      s.sort((a, b) => b - a);
      const { X } = dataWithSpectrum(r0, n, d, s);
      const out = svdFull(X);
      const tol = 100 * Math.max(n, d) * EPS;
      expect(out.rank).toBe(r);
      expect(orthonormalityError(out.V)).toBeLessThan(tol);
      if (r > 0) expect(maxAbsDiff(reconstruct(out.U, out.s, out.V), X)).toBeLessThan(tol * out.s[0]);
      for (let i = 0; i < r; i++) expect(Math.abs(out.s[i] - s[i])).toBeLessThan(tol * s[0]);
    }
  });
  it('zero matrix has rank 0 and a full orthogonal V', () => {
    const X = Matrix.zeros(3, 5);
    const { V, rank } = svdFull(X);
    expect(rank).toBe(0);
    expect(orthonormalityError(V)).toBeLessThan(1e-14);
    expect(nullSpaceBasis(X).columns).toBe(5);
  });
});

describe('pinv', () => {
  const rng = new Rng(7);
  for (const [n, d, r] of [[6, 4, 4], [4, 9, 4], [8, 8, 3], [3, 10, 2]] as const) {
    it(`Penrose conditions on ${n}×${d} rank ${r}`, () => {
      const X = r === Math.min(n, d) ? gaussianMatrix(rng, n, d) : lowRank(rng, n, d, r);
      const P = pinv(X);
      const s = singularValues(X);
      const kappa = s[0] / s[r - 1];
      // Each Penrose identity holds to ≈ κ·ε (relative), times a dimension factor.
      const tol = 100 * Math.max(n, d) * kappa * EPS;
      expect(maxAbsDiff(X.mmul(P).mmul(X), X) / frob(X)).toBeLessThan(tol);
      expect(maxAbsDiff(P.mmul(X).mmul(P), P) / frob(P)).toBeLessThan(tol);
      const XP = X.mmul(P);
      const PX = P.mmul(X);
      expect(maxAbsDiff(XP, XP.transpose())).toBeLessThan(tol);
      expect(maxAbsDiff(PX, PX.transpose())).toBeLessThan(tol);
    });
  }
});

describe('symmetric functions', () => {
  const rng = new Rng(99);
  it('symEig: decreasing values, orthonormal vectors, reconstruction', () => {
    const G = gaussianMatrix(rng, 6, 6);
    const S = G.add(G.transpose());
    const { values, vectors } = symEig(S);
    for (let i = 1; i < 6; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    expect(orthonormalityError(vectors)).toBeLessThan(1e-13);
    const R = vectors.mmul(diagMatrix(values)).mmul(vectors.transpose());
    expect(maxAbsDiff(R, S)).toBeLessThan(1e-12);
    // symmetrizes its input: an asymmetric matrix gives the eigenvalues of (A + Aᵀ)/2
    const A = new Matrix([[2, 1], [0, 2]]);
    const e = symEig(A).values;
    expect(e[0]).toBeCloseTo(2.5, 14);
    expect(e[1]).toBeCloseTo(1.5, 14);
  });
  it('symSqrt, symPow and projectorOnto', () => {
    const G = gaussianMatrix(rng, 5, 3);
    const S = G.mmul(G.transpose()); // PSD rank 3
    const R = symSqrt(S);
    expect(maxAbsDiff(R.mmul(R), S)).toBeLessThan(1e-12 * frob(S));
    const Sp = symPow(S, 1.5);
    expect(maxAbsDiff(Sp, S.mmul(R))).toBeLessThan(1e-11 * frob(Sp));
    const Sinv = symPow(S, -1);
    expect(maxAbsDiff(Sinv, pinv(S))).toBeLessThan(1e-9 * frob(Sinv));
    const P = projectorOnto(G);
    expect(maxAbsDiff(P.mmul(P), P)).toBeLessThan(1e-13);
    expect(maxAbsDiff(P.mmul(G), G)).toBeLessThan(1e-13 * frob(G));
    expect(P.trace()).toBeCloseTo(3, 12);
  });
});

describe('random matrices', () => {
  it('randomOrthogonal is orthogonal, Haar sign-fixed, deterministic by seed', () => {
    const Q = randomOrthogonal(new Rng(5), 7);
    expect(orthonormalityError(Q)).toBeLessThan(1e-14);
    expect(maxAbsDiff(Q, randomOrthogonal(new Rng(5), 7))).toBe(0);
    // Haar check (cheap): E[Q_11] = 0 and E[Q_11²] = 1/n; over 400 draws the mean of Q_11 is within
    // 4 standard errors (sd of Q_11 = 1/√n) of 0, which a sign-unfixed QR (Q_11 biased) fails.
    const rng = new Rng(11);
    let m = 0;
    let m2 = 0;
    const N = 400;
    const n = 4;
    for (let k = 0; k < N; k++) {
      const q = randomOrthogonal(rng, n).get(0, 0);
      m += q / N;
      m2 += (q * q) / N;
    }
    expect(Math.abs(m)).toBeLessThan((4 * (1 / Math.sqrt(n))) / Math.sqrt(N));
    expect(Math.abs(m2 - 1 / n)).toBeLessThan(0.05);
  });
  it('randomOrthonormalColumns', () => {
    const Q = randomOrthonormalColumns(new Rng(3), 9, 4);
    expect(Q.rows).toBe(9);
    expect(Q.columns).toBe(4);
    expect(orthonormalityError(Q)).toBeLessThan(1e-14);
  });
  it('dataWithSpectrum has exactly the prescribed spectrum and bases', () => {
    for (const [n, d, s] of [[5, 12, [3, 1, 0.25]], [10, 4, [2, 2, 1e-3, 1e-6]], [6, 6, [1]]] as const) {
      const { X, W, Phi1, Phi2 } = dataWithSpectrum(new Rng(n * d), n, d, [...s]);
      expect(X.rows).toBe(n);
      expect(X.columns).toBe(d);
      const sv = singularValues(X);
      for (let i = 0; i < s.length; i++) expect(Math.abs(sv[i] - s[i])).toBeLessThan(1e-14 * 10 * s[0]);
      for (let i = s.length; i < sv.length; i++) expect(sv[i]).toBeLessThan(1e-14 * 10 * s[0]);
      expect(orthonormalityError(W)).toBeLessThan(1e-14);
      const Phi = new Matrix(d, d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) Phi.set(i, j, j < s.length ? Phi1.get(i, j) : Phi2.get(i, j - s.length));
      expect(orthonormalityError(Phi)).toBeLessThan(1e-14);
      expect(frob(X.mmul(Phi2))).toBeLessThan(1e-14 * 10 * s[0]);
      // X = W diag(s) Φ1ᵀ
      expect(maxAbsDiff(W.mmul(diagMatrix([...s])).mmul(Phi1.transpose()), X)).toBe(0);
    }
  });
  it('qrFull gives a full orthogonal Q and upper-triangular R', () => {
    const A = gaussianMatrix(new Rng(1), 6, 3);
    const { Q, R } = qrFull(A);
    expect(orthonormalityError(Q)).toBeLessThan(1e-14);
    expect(maxAbsDiff(Q.mmul(R), A)).toBeLessThan(1e-14 * 10);
    for (let i = 0; i < 6; i++) for (let j = 0; j < Math.min(i, 3); j++) expect(R.get(i, j)).toBe(0);
  });
});

describe('dft', () => {
  it('is unitary and diagonalizes circular convolution', () => {
    const n = 8;
    const { re, im } = dftMatrix(n);
    // F F* = I: (re + i im)(reᵀ − i imᵀ) = (re reᵀ + im imᵀ) + i(im reᵀ − re imᵀ)
    const realPart = re.mmul(re.transpose()).add(im.mmul(im.transpose()));
    const imagPart = im.mmul(re.transpose()).sub(re.mmul(im.transpose()));
    expect(maxAbsDiff(realPart, Matrix.eye(n, n))).toBeLessThan(1e-14);
    expect(maxAbsDiff(imagPart, Matrix.zeros(n, n))).toBeLessThan(1e-14);
    const rng = new Rng(2);
    const a = rng.normals(n);
    const b = rng.normals(n);
    const c = circularConvolve(a, b);
    const A = dftReal(a);
    const B = dftReal(b);
    const C = dftReal(c);
    for (let k = 0; k < n; k++) {
      const pr = Math.sqrt(n) * (A.re[k] * B.re[k] - A.im[k] * B.im[k]);
      const pi = Math.sqrt(n) * (A.re[k] * B.im[k] + A.im[k] * B.re[k]);
      expect(Math.abs(pr - C.re[k])).toBeLessThan(1e-13);
      expect(Math.abs(pi - C.im[k])).toBeLessThan(1e-13);
    }
  });
});
