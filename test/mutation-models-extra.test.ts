// Second round of mutation-killing tests for src/models, written from the survivors of the first
// Stryker run (docs/mutation.md lists them): gradients written into a dirty buffer (a gradient must
// overwrite, not accumulate), the loss constant when c ≠ 1, index arithmetic with d ≥ 2 and
// non-unit entries, an odd number of matrix products, empty data, and the reduced lifted flow.
import { describe, expect, it } from 'vitest';
import { Rng } from '../src/random/rng.js';
import type { FlowModel } from '../src/flow/types.js';
import { diagonalShared } from '../src/models/diagonalShared.js';
import { diagonalTied, diagonalUntied, sqrtKOf } from '../src/models/diagonalUntied.js';
import { fullyConnected, packFC } from '../src/models/fullyConnected.js';
import { leakyRelu } from '../src/models/leakyRelu.js';
import { asymmetricFactorization, liftedReduced, symmetricFactorization, wideDiagonal } from '../src/models/factorizationLifted.js';
import { fcBeta, fcLayers, sensingProduct } from '../src/models/tensorFc.js';

const rows = (rng: Rng, n: number, d: number) => Array.from({ length: n }, () => Array.from(rng.normals(d)));

/** grad(θ) written into a buffer full of garbage equals grad(θ) written into zeros. */
function overwrites(m: FlowModel, th: Float64Array): void {
  const a = new Float64Array(m.dim);
  const b = new Float64Array(m.dim).fill(123.5);
  m.grad(th, a);
  m.grad(th, b);
  expect(Array.from(b)).toEqual(Array.from(a));
}

describe('gradients overwrite their output buffer', () => {
  const rng = new Rng(7);
  const X = rows(rng, 3, 2);
  const y = [0.5, -1, 2];
  const cases: [string, FlowModel][] = [
    ['diagonalShared', diagonalShared({ X, y, D: 2 })],
    ['diagonalShared D=3 aug', diagonalShared({ X, y, D: 3, augment: true })],
    ['diagonalShared log', diagonalShared({ X, y, D: 2, logCoords: true })],
    ['diagonalUntied', diagonalUntied({ X, y })],
    ['diagonalTied', diagonalTied({ X, y })],
    ['fullyConnected', fullyConnected({ X, y, m: 2 })],
    ['leakyRelu', leakyRelu({ X, y, rho: 0.3, m: 2 })],
    ['wideDiagonal', wideDiagonal(X, y, 2)],
    ['symmetric', symmetricFactorization([Float64Array.of(1, 0.5, 0.5, 2)], [1], 2, 2)],
    ['asymmetric', asymmetricFactorization([Float64Array.of(1, 0.5, -0.5, 2)], [1], 2, 2)],
  ];
  for (const [name, m] of cases)
    it(name, () => {
      overwrites(m, Float64Array.from(rng.normals(m.dim), (v) => 0.5 + Math.abs(v)));
    });
});

describe('constants and indices that the first round could not see', () => {
  const rng = new Rng(8);
  const X = rows(rng, 4, 2);
  const y = [1, -1, 0.5, 2];
  it('tied and fully connected losses carry c = 1/N with the default scaling', () => {
    const t = diagonalTied({ X, y });
    const ts = diagonalTied({ X, y, scaling: 'sum' });
    const th = Float64Array.from(rng.normals(4));
    expect(t.loss(th)).toBeCloseTo(ts.loss(th) / 4, 13);
    const f = fullyConnected({ X, y, m: 2 });
    const fs = fullyConnected({ X, y, m: 2, scaling: 'sum' });
    const tf = Float64Array.from(rng.normals(f.dim));
    expect(f.loss(tf)).toBeCloseTo(fs.loss(tf) / 4, 13);
    expect(fs.loss(tf)).toBeCloseTo(0.5 * Array.from(fs.residual(tf)).reduce((s, r) => s + r * r, 0), 13);
  });
  it('√k with d = 2 and entries ≠ ±1', () => {
    const th = Float64Array.of(0.5, 2, 1.5, -3, 0.7, 0.2, -1.1, 2.5); // up (2), vp (2), um (2), vm (2)
    const k = sqrtKOf(th);
    for (let i = 0; i < 2; i++) {
      const up = th[i], vp = th[2 + i], um = th[4 + i], vm = th[6 + i];
      const dp = vp * vp - up * up, dm = vm * vm - um * um, c = up * um + vp * vm;
      expect(k[i]).toBeCloseTo(Math.sqrt((dp - dm) ** 2 + 4 * c * c), 13);
    }
  });
  it('empty data gives d = 0 models that do not throw', () => {
    expect(diagonalUntied({ X: [], y: [] }).dim).toBe(0);
    expect(diagonalTied({ X: [], y: [] }).dim).toBe(0);
    expect(fullyConnected({ X: [], y: [], m: 2 }).dim).toBe(2);
    expect(leakyRelu({ X: [], y: [], rho: 0.5 }).dim).toBe(1);
    expect(packFC([], []).length).toBe(0);
  });
  it('products of an odd number of factors (a sign error in the matrix product cannot cancel)', () => {
    const dims2 = [3, 1];
    const th2 = Float64Array.from(rng.normals(3 * 1 + 1));
    const Ws = fcLayers(dims2, th2);
    const b = fcBeta(dims2, th2);
    for (let i = 0; i < 3; i++) expect(b[i]).toBeCloseTo(Ws[0][i][0] * Ws[1][0][0], 13);
    const dims4 = [2, 2, 2, 2];
    const th4 = Float64Array.from(rng.normals(4 + 4 + 4 + 2));
    const L = fcLayers(dims4, th4);
    const mul = (A: number[][], B: number[][]) => A.map((r) => B[0].map((_, j) => r.reduce((s, a, k) => s + a * B[k][j], 0)));
    const want = mul(mul(mul(L[0], L[1]), L[2]), L[3]).map((r) => r[0]);
    const got = fcBeta(dims4, th4);
    for (let i = 0; i < 2; i++) expect(got[i]).toBeCloseTo(want[i], 12);
    const P = sensingProduct(2, 2, th4.slice(0, 8));
    const A = [
      [th4[0], th4[2]],
      [th4[1], th4[3]],
    ];
    const B = [
      [th4[4], th4[6]],
      [th4[5], th4[7]],
    ];
    const AB = mul(A, B);
    for (let a = 0; a < 2; a++) for (let c = 0; c < 2; c++) expect(P[a][c]).toBeCloseTo(AB[a][c], 13);
  });
});

describe('liftedReduced: W(t) = Φ(t)W(0) and the tangent-kernel path (I + Ψ)W(0)', () => {
  const rng = new Rng(9);
  const rowsN = 3, k = 2, cL = 0.6;
  const sym = (a: number[]) => {
    const M = Float64Array.from(a);
    for (let i = 0; i < rowsN; i++) for (let j = 0; j < i; j++) M[i * rowsN + j] = M[j * rowsN + i];
    return M;
  };
  const A = [sym([1, 0.5, 0, 0, 0, -0.3, 0, 0, 2]), sym([0, 1, 0, 0, 0, 0, 0, 0, 0.4]), sym([0, 0, 0.7, 0, 1, 0, 0, 0, 0])];
  const y = [0.3, -0.2, 1.1];
  const W0 = Float64Array.from(rng.normals(rowsN * k));
  const M0 = new Float64Array(rowsN * rowsN);
  for (let a = 0; a < rowsN; a++) for (let b = 0; b < rowsN; b++) for (let j = 0; j < k; j++) M0[a * rowsN + b] += W0[a * k + j] * W0[b * k + j];
  const red = liftedReduced(A, y, rowsN, M0, cL);
  const full = symmetricFactorization(A, y, rowsN, k, cL);
  const r2 = rowsN * rowsN;
  const matmul = (P: ArrayLike<number>, Q: ArrayLike<number>, n: number, m: number, p: number) => {
    const C = new Float64Array(n * p);
    for (let i = 0; i < n; i++) for (let l = 0; l < p; l++) for (let j = 0; j < m; j++) C[i * p + l] += P[i * m + j] * Q[j * p + l];
    return C;
  };
  const th = Float64Array.from({ length: 2 * r2 }, (_, e) => (e < r2 && e % (rowsN + 1) === 0 ? 1 : 0) + 0.2 * rng.normal());
  const Phi = th.subarray(0, r2);
  const Psi = th.subarray(r2);
  const W = matmul(Phi, W0, rowsN, rowsN, k);
  it('init is [I; 0]; dim; gram, predictions and loss equal the full model at W = ΦW(0)', () => {
    expect(red.dim).toBe(2 * r2);
    expect(red.rows).toBe(rowsN);
    const i0 = red.init();
    expect(Array.from(i0)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const G = red.gramAt(th);
    const Gf = full.gram(W);
    for (let e = 0; e < r2; e++) expect(G[e]).toBeCloseTo(Gf[e], 12);
    const f = red.predict(th);
    const ff = full.predict(W);
    for (let n = 0; n < 3; n++) expect(f[n]).toBeCloseTo(ff[n], 12);
    expect(red.loss(th)).toBeCloseTo(full.loss(W), 12);
    // tangent-kernel predictions ⟨M0 + ΨM0 + M0Ψᵀ, A_n⟩
    const PM = matmul(Psi, M0, rowsN, rowsN, rowsN);
    const fT = red.predictTK(th);
    for (let n = 0; n < 3; n++) {
      let s = 0;
      for (let a = 0; a < rowsN; a++) for (let b = 0; b < rowsN; b++) s += A[n][a * rowsN + b] * (M0[a * rowsN + b] + PM[a * rowsN + b] + PM[b * rowsN + a]);
      expect(fT[n]).toBeCloseTo(s, 12);
    }
  });
  it('the Φ block of the right-hand side maps to the full gradient: (∂Φ) W(0) = ∇_W L(ΦW(0)); the Ψ block is 4c_L Σ r_TK,n A_n', () => {
    const g = new Float64Array(2 * r2).fill(9);
    red.grad(th, g);
    const gW = matmul(g.subarray(0, r2), W0, rowsN, rowsN, k);
    const gf = new Float64Array(full.dim);
    full.grad(W, gf);
    for (let e = 0; e < gf.length; e++) expect(gW[e]).toBeCloseTo(gf[e], 11);
    const fT = red.predictTK(th);
    for (let e = 0; e < r2; e++) {
      let s = 0;
      for (let n = 0; n < 3; n++) s += 4 * cL * (fT[n] - y[n]) * A[n][e];
      expect(g[r2 + e]).toBeCloseTo(s, 12);
    }
    const noTK = liftedReduced(A, y, rowsN, M0, cL, false);
    const g2 = new Float64Array(2 * r2);
    noTK.grad(th, g2);
    for (let e = 0; e < r2; e++) {
      expect(g2[e]).toBeCloseTo(g[e], 13);
      expect(g2[r2 + e]).toBe(0);
    }
  });
  it('distances ‖W − W0‖, ‖W_TK − W0‖, ‖W − W_TK‖ from tr(B M0 Bᵀ)', () => {
    const d = red.distances(th);
    const fro = (B: Float64Array) => Math.sqrt(matmul(B, W0, rowsN, rowsN, k).reduce((s, v) => s + v * v, 0));
    const I = Float64Array.from({ length: r2 }, (_, e) => (e % (rowsN + 1) === 0 ? 1 : 0));
    expect(d.dW).toBeCloseTo(fro(Float64Array.from(Phi, (v, e) => v - I[e])), 12);
    expect(d.dTK).toBeCloseTo(fro(Float64Array.from(Psi)), 12);
    expect(d.dWTK).toBeCloseTo(fro(Float64Array.from(Phi, (v, e) => v - I[e] - Psi[e])), 12);
    expect(red.distances(red.init())).toEqual({ dW: 0, dTK: 0, dWTK: 0 });
  });
});
