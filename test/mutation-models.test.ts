// Mutation-killing unit tests for src/models (see docs/mutation.md). The paper suites exercise these
// models through long flows, which is too slow to run per mutant; here each model is checked
// cheaply and independently:
//   - loss against a naive re-implementation of the paper's formula (kills loss/predictor mutants),
//   - gradient against central differences (kills every gradient mutant that changes a value),
//   - each conserved quantity I: its derivative along the flow, ∇I·∇L, is 0 (central difference of
//     I along the gradient direction),
//   - packing helpers round-trip and closed-form initializations give the stated scale/shape.
// Tolerances: central differences with h = 6e-6·max(1,|θ|) have relative error ~1e-9 for these
// polynomials of degree ≤ 4 on O(1) data (truncation h²·|f'''|/|f'| plus ε/h round-off); we allow 1e-6.
import { describe, expect, it } from 'vitest';
import { Rng } from '../src/random/rng.js';
import { checkGradientFD } from '../src/flow/index.js';
import type { FlowModel } from '../src/flow/types.js';
import { diagonalShared, logInit } from '../src/models/diagonalShared.js';
import {
  diagonalTied,
  diagonalUntied,
  initFromScaleShape,
  packDiagonal,
  scaleShapeOf,
  scalingFactor,
  sqrtKOf,
  unbiasedInit,
  unpackDiagonal,
} from '../src/models/diagonalUntied.js';
import { fullyConnected, neuronFromScaleShape, packFC, unpackFC } from '../src/models/fullyConnected.js';
import { leaky, leakyRelu, leakySlope } from '../src/models/leakyRelu.js';
import { asymmetricFactorization, gramOf, liftMeasurement, symmetricFactorization, wideDiagonal } from '../src/models/factorizationLifted.js';
import { fcBeta, fcLayers, fcLoss, fcRhs, matFromVecCM, sensingProduct, sensingRhs } from '../src/models/tensorFc.js';
import {
  contractAll,
  contractAllBut,
  contractEachMode,
  forEachIndex,
  modeProduct,
  multilinear,
  outer,
  strides,
  tensorCombination,
  tensorIndex,
  tensorMaxAbs,
  tensorMaxAbsDiff,
  tensorZeros,
  unfold,
  type Tensor,
} from '../src/models/tensor.js';
import { integrateFlow } from '../src/flow/index.js';

const FD_TOL = 1e-6;

function rows(rng: Rng, n: number, d: number, sd = 1): number[][] {
  return Array.from({ length: n }, () => Array.from(rng.normals(d, sd)));
}

/** d/dt I(θ(t)) at θ along θ' = −∇L, by a central difference of I along −∇L (max-abs over components). */
function invariantRate(model: FlowModel, th: Float64Array, inv: (t: Float64Array) => Float64Array): { rate: number; scale: number } {
  const g = new Float64Array(model.dim);
  model.grad(th, g);
  let gn = 0;
  for (const v of g) gn = Math.max(gn, Math.abs(v));
  const h = 1e-5 / Math.max(1, gn);
  const p = Float64Array.from(th, (v, i) => v - h * g[i]);
  const m = Float64Array.from(th, (v, i) => v + h * g[i]);
  const Ip = inv(p);
  const Im = inv(m);
  let rate = 0;
  for (let i = 0; i < Ip.length; i++) rate = Math.max(rate, Math.abs((Ip[i] - Im[i]) / (2 * h)));
  // What a non-conserved quantity would typically change by: |∇I|·|∇L| ~ scale.
  return { rate, scale: gn * gn + 1e-300 };
}

function expectInvariant(model: FlowModel, th: Float64Array, inv: (t: Float64Array) => Float64Array): void {
  const { rate, scale } = invariantRate(model, th, inv);
  expect(rate / Math.max(1, scale)).toBeLessThan(1e-5);
}

describe('diagonalShared (Woodworth M1/M2)', () => {
  const rng = new Rng(101);
  const N = 3, d = 4;
  const X = rows(rng, N, d);
  const y = Array.from(rng.normals(N));
  for (const D of [2, 3]) {
    it(`D=${D}: loss, β, residual, weights, gradient and invariant`, () => {
      const cL = 0.7;
      const m = diagonalShared({ X, y, D, cL, augment: true });
      expect(m.dim).toBe(2 * d + N);
      expect([m.d, m.N, m.D, m.cL]).toEqual([d, N, D, cL]);
      const th = Float64Array.from({ length: m.dim }, () => 0.3 + rng.uniform());
      const beta = Array.from({ length: d }, (_, i) => th[i] ** D - th[d + i] ** D);
      expect(Array.from(m.predictor(th))).toEqual(beta.map((b) => expect.closeTo(b, 12)));
      const res = X.map((x, n) => x.reduce((s, v, i) => s + v * beta[i], 0) - y[n]);
      expect(Array.from(m.residual(th))).toEqual(res.map((r) => expect.closeTo(r, 12)));
      expect(m.loss(th)).toBeCloseTo(cL * res.reduce((s, r) => s + r * r, 0), 12);
      // The augmented component is Ṡ = res (not a gradient): check ∇L on the plain model, Ṡ directly.
      const plain = diagonalShared({ X, y, D, cL });
      expect(checkGradientFD(plain, th.slice(0, 2 * d))).toBeLessThan(FD_TOL);
      const g = new Float64Array(m.dim);
      m.grad(th, g);
      const gp = new Float64Array(2 * d);
      plain.grad(th.slice(0, 2 * d), gp);
      for (let i = 0; i < 2 * d; i++) expect(g[i]).toBe(gp[i]);
      for (let n = 0; n < N; n++) expect(g[2 * d + n]).toBeCloseTo(-res[n], 12); // Ṡ = res
      expect(Array.from(m.integratedResidual(th))).toEqual(Array.from(th.slice(2 * d)));
      const { wp, wm } = m.weights(th);
      expect(Array.from(wp)).toEqual(Array.from(th.slice(0, d)));
      expect(Array.from(wm)).toEqual(Array.from(th.slice(d, 2 * d)));
      expectInvariant(plain, th.slice(0, 2 * d), (t) => plain.invariants!(t));
      // invariant values at init: α²w0² (D=2) or 2α^{2−D}
      const th0 = m.init(0.5, [1, -2, 3, 0.5]);
      const I0 = m.invariants!(th0);
      const w0 = [1, 2, 3, 0.5];
      for (let i = 0; i < d; i++) {
        expect(th0[i]).toBeCloseTo(0.5 * w0[i], 14);
        expect(th0[d + i]).toBeCloseTo(0.5 * w0[i], 14);
        const want = D === 2 ? (0.5 * w0[i]) ** 2 : 2 * (0.5 * w0[i]) ** (2 - D);
        expect(I0[i]).toBeCloseTo(want, 12);
      }
      expect(Array.from(m.init(2).slice(0, 2 * d))).toEqual(new Array(2 * d).fill(2));
    });
  }
  it('non-augmented state has no S and a zero integrated residual', () => {
    const m = diagonalShared({ X, y, D: 2 });
    expect(m.dim).toBe(2 * d);
    expect(m.cL).toBe(0.5);
    expect(Array.from(m.integratedResidual(new Float64Array(2 * d)))).toEqual(new Array(N).fill(0));
  });
  it('log coordinates: same β and loss as the plain model, ṡ = −8c_L Xᵀres, ℓ̇ = 0', () => {
    const cL = 0.5;
    const plain = diagonalShared({ X, y, D: 2, cL });
    const lg = diagonalShared({ X, y, D: 2, cL, logCoords: true });
    const wp = Array.from({ length: d }, () => 0.2 + rng.uniform());
    const wm = Array.from({ length: d }, () => 0.2 + rng.uniform());
    const thP = Float64Array.from([...wp, ...wm]);
    const thL = Float64Array.from([...wp.map((v, i) => Math.log(v / wm[i])), ...wp.map((v, i) => Math.log(v * wm[i]))]);
    const bP = plain.predictor(thP);
    const bL = lg.predictor(thL);
    for (let i = 0; i < d; i++) expect(bL[i]).toBeCloseTo(bP[i], 12);
    expect(lg.loss(thL)).toBeCloseTo(plain.loss(thP), 12);
    const { wp: ewp, wm: ewm } = lg.weights(thL);
    for (let i = 0; i < d; i++) {
      expect(ewp[i]).toBeCloseTo(wp[i], 12);
      expect(ewm[i]).toBeCloseTo(wm[i], 12);
    }
    const res = plain.residual(thP);
    const g = new Float64Array(lg.dim);
    lg.grad(thL, g);
    for (let i = 0; i < d; i++) {
      const xr = X.reduce((s, x, n) => s + x[i] * res[n], 0);
      expect(g[i]).toBeCloseTo(8 * cL * xr, 10);
      expect(g[d + i]).toBe(0);
    }
    expect(Array.from(lg.invariants!(thL))).toEqual(Array.from(thL.slice(d)));
    const th0 = lg.init(0.5, [1, -2, 3, 0.5]);
    for (let i = 0; i < d; i++) {
      expect(th0[i]).toBe(0);
      expect(th0[d + i]).toBeCloseTo(2 * Math.log(0.5 * Math.abs([1, -2, 3, 0.5][i])), 12);
    }
    const li = logInit(lg, Math.log(0.5), [1, -2, 3, 0.5]);
    for (let i = 0; i < 2 * d; i++) expect(li[i]).toBeCloseTo(th0[i], 12);
    expect(Array.from(logInit(lg, -700))).toEqual([...new Array(d).fill(0), ...new Array(d).fill(-1400)]);
    expect(() => diagonalShared({ X, y, D: 3, logCoords: true })).toThrow();
  });
});

describe('diagonalUntied / diagonalTied (Azulay eq. 8)', () => {
  const rng = new Rng(202);
  const N = 3, d = 3;
  const X = rows(rng, N, d);
  const y = Array.from(rng.normals(N));
  it('scaling factors', () => {
    expect(scalingFactor(undefined, 4)).toBe(0.25);
    expect(scalingFactor('mean', 4)).toBe(0.25);
    expect(scalingFactor('sum', 4)).toBe(1);
    expect(scalingFactor(3, 4)).toBe(3);
  });
  for (const scaling of ['mean', 'sum', 0.3] as const) {
    it(`scaling ${scaling}: loss, predictor, residual, gradient, three invariants`, () => {
      const m = diagonalUntied({ X, y, scaling });
      expect(m.dim).toBe(4 * d);
      expect([m.d, m.N, m.c]).toEqual([d, N, scalingFactor(scaling, N)]);
      const th = Float64Array.from(rng.normals(4 * d));
      const w = Array.from({ length: d }, (_, i) => th[i] * th[d + i] - th[2 * d + i] * th[3 * d + i]);
      expect(Array.from(m.predictor(th))).toEqual(w.map((v) => expect.closeTo(v, 12)));
      const r = X.map((x, n) => y[n] - x.reduce((s, v, i) => s + v * w[i], 0));
      expect(Array.from(m.residual(th))).toEqual(r.map((v) => expect.closeTo(v, 12)));
      expect(m.loss(th)).toBeCloseTo(0.5 * m.c * r.reduce((s, v) => s + v * v, 0), 12);
      expect(checkGradientFD(m, th)).toBeLessThan(FD_TOL);
      const I = m.invariants(th);
      for (let i = 0; i < d; i++) {
        const [up, vp, um, vm] = [th[i], th[d + i], th[2 * d + i], th[3 * d + i]];
        expect(I[i]).toBeCloseTo(vp * vp - up * up, 12);
        expect(I[d + i]).toBeCloseTo(vm * vm - um * um, 12);
        expect(I[2 * d + i]).toBeCloseTo(up * um + vp * vm, 12);
      }
      expectInvariant(m, th, (t) => m.invariants(t));
    });
  }
  it('rejects mismatched data', () => {
    expect(() => diagonalUntied({ X, y: [1, 2] })).toThrow();
  });
  it('tied model: loss, predictor and gradient; untied with u = v has the tied loss', () => {
    const t = diagonalTied({ X, y, scaling: 'sum' });
    const u = diagonalUntied({ X, y, scaling: 'sum' });
    expect(t.dim).toBe(2 * d);
    const th = Float64Array.from(rng.normals(2 * d));
    const wt = t.predictor(th);
    for (let i = 0; i < d; i++) expect(wt[i]).toBeCloseTo(th[i] ** 2 - th[d + i] ** 2, 12);
    expect(checkGradientFD(t, th)).toBeLessThan(FD_TOL);
    const full = packDiagonal(th.slice(0, d), th.slice(0, d), th.slice(d), th.slice(d));
    expect(u.loss(full)).toBeCloseTo(t.loss(th), 12);
    const r = X.map((x, n) => y[n] - x.reduce((s, v, i) => s + v * wt[i], 0));
    expect(t.loss(th)).toBeCloseTo(0.5 * r.reduce((s, v) => s + v * v, 0), 12);
  });
  it('pack/unpack, unbiased init, scale/shape round trip, √k', () => {
    const up = [1, 2], vp = [3, 4], um = [5, 6], vm = [7, 8];
    const th = packDiagonal(up, vp, um, vm);
    expect(Array.from(th)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = unpackDiagonal(th);
    expect([b.up, b.vp, b.um, b.vm].map((a) => Array.from(a))).toEqual([up, vp, um, vm]);
    expect(Array.from(unbiasedInit([1, 2], [3, 4]))).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
    const alpha = [0.5, 2, 1e-3], s = [0.3, -0.6, 0];
    const { u0, v0 } = initFromScaleShape(alpha, s, [1, -1, 1], [-1, 1, 1]);
    expect(Math.sign(u0[1])).toBe(-1);
    expect(Math.sign(v0[0])).toBe(-1);
    expect(Math.sign(u0[0])).toBe(1);
    const back = scaleShapeOf(unbiasedInit(u0, v0));
    for (let i = 0; i < 3; i++) {
      expect(back.alpha[i]).toBeCloseTo(alpha[i], 12);
      expect(back.s[i]).toBeCloseTo(s[i], 12);
      expect(Math.abs(u0[i])).toBeCloseTo(Math.sqrt((alpha[i] * (1 - s[i])) / (1 + s[i])), 12);
    }
    const plain = initFromScaleShape([4], [0.6]);
    expect(plain.u0[0]).toBeCloseTo(1, 12);
    expect(plain.v0[0]).toBeCloseTo(4, 12);
    expect(scaleShapeOf(Float64Array.of(0, 2, 0, 0)).s[0]).toBe(1);
    const k = sqrtKOf(Float64Array.of(1, 2, 3, 5));
    const dp = 4 - 1, dm = 25 - 9, ci = 3 + 10;
    expect(k[0]).toBeCloseTo(Math.sqrt((dp - dm) ** 2 + 4 * ci * ci), 12);
  });
});

describe('fullyConnected and leakyRelu (Azulay §6, §8)', () => {
  const rng = new Rng(303);
  const N = 4, d = 3, m = 2;
  const X = rows(rng, N, d);
  const y = Array.from(rng.normals(N));
  it('fully connected: loss, predictors, gradient, Δ = aaᵀ − WᵀW conserved', () => {
    const M = fullyConnected({ X, y, m, scaling: 'sum' });
    expect([M.dim, M.d, M.N, M.m, M.c]).toEqual([m + m * d, d, N, m, 1]);
    const th = Float64Array.from(rng.normals(M.dim));
    const { a, W } = unpackFC(th, m);
    const wt = Array.from({ length: d }, (_, j) => a.reduce((s, ai, i) => s + ai * W[i][j], 0));
    expect(Array.from(M.predictor(th))).toEqual(wt.map((v) => expect.closeTo(v, 12)));
    const np = M.neuronPredictors(th);
    for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) expect(np[i][j]).toBeCloseTo(a[i] * W[i][j], 12);
    const r = X.map((x, n) => y[n] - x.reduce((s, v, j) => s + v * wt[j], 0));
    expect(Array.from(M.residual(th))).toEqual(r.map((v) => expect.closeTo(v, 12)));
    expect(M.loss(th)).toBeCloseTo(0.5 * r.reduce((s, v) => s + v * v, 0), 12);
    expect(checkGradientFD(M, th)).toBeLessThan(FD_TOL);
    const D = M.invariants(th);
    for (let i = 0; i < m; i++)
      for (let k = 0; k < m; k++) expect(D[i * m + k]).toBeCloseTo(a[i] * a[k] - W[i].reduce((s, v, j) => s + v * W[k][j], 0), 12);
    const del = M.deltas(th);
    for (let i = 0; i < m; i++) expect(del[i]).toBeCloseTo(D[i * m + i], 12);
    expectInvariant(M, th, (t) => M.invariants(t));
    expect(Array.from(packFC(a, W))).toEqual(Array.from(th));
    expect(fullyConnected({ X, y, m }).c).toBe(1 / N);
  });
  it('neuron from scale/shape: w̃(0) = sign(a)·α·u and a² − ‖w‖² = α(1+s)/(1−s) − α(1−s)/(1+s)', () => {
    const u = [0.6, 0, 0.8];
    for (const [alpha, s, sg] of [
      [0.5, 0.2, 1],
      [2, -0.5, -1],
    ]) {
      const th = neuronFromScaleShape(alpha, s, u, sg);
      expect(Math.sign(th[0])).toBe(sg);
      for (let j = 0; j < 3; j++) expect(th[0] * th[1 + j]).toBeCloseTo(sg * alpha * u[j], 12);
      const nw2 = th[1] ** 2 + th[2] ** 2 + th[3] ** 2;
      expect(th[0] ** 2 - nw2).toBeCloseTo((alpha * (1 + s)) / (1 - s) - (alpha * (1 - s)) / (1 + s), 12);
    }
    expect(neuronFromScaleShape(1, 0, [1])[0]).toBe(1);
  });
  it('leaky ReLU: σ, σ′, outputs, loss, gradient away from kinks, δ_i conserved', () => {
    expect(leaky(2, 0.1)).toBe(2);
    expect(leaky(-2, 0.1)).toBeCloseTo(-0.2, 15);
    expect(leaky(0, 0.1)).toBe(0);
    expect(leakySlope(0, 0.1)).toBe(1);
    expect(leakySlope(-1, 0.1)).toBe(0.1);
    expect(leakySlope(1, 0.1)).toBe(1);
    expect(() => leakyRelu({ X, y, rho: 0 })).toThrow();
    expect(() => leakyRelu({ X, y, rho: 1.5 })).toThrow();
    expect(leakyRelu({ X, y, rho: 1 }).rho).toBe(1);
    const rho = 0.2;
    const M = leakyRelu({ X, y, rho, m, scaling: 'sum' });
    expect([M.dim, M.d, M.N, M.m]).toEqual([m + m * d, d, N, m]);
    expect(leakyRelu({ X, y, rho }).m).toBe(1);
    const th = Float64Array.from(rng.normals(M.dim));
    const { a, W } = unpackFC(th, m);
    const f = X.map((x) => a.reduce((s, ai, i) => s + ai * leaky(x.reduce((t, v, j) => t + v * W[i][j], 0), rho), 0));
    expect(Array.from(M.outputs(th))).toEqual(f.map((v) => expect.closeTo(v, 12)));
    const r = f.map((v, n) => y[n] - v);
    expect(Array.from(M.residual(th))).toEqual(r.map((v) => expect.closeTo(v, 12)));
    expect(M.loss(th)).toBeCloseTo(0.5 * r.reduce((s, v) => s + v * v, 0), 12);
    // mean scaling halves nothing but divides by N
    expect(leakyRelu({ X, y, rho, m }).loss(th)).toBeCloseTo(M.loss(th) / N, 12);
    expect(checkGradientFD(M, th)).toBeLessThan(FD_TOL);
    const I = M.invariants(th);
    const FD = M.fullDelta(th);
    for (let i = 0; i < m; i++) {
      expect(I[i]).toBeCloseTo(a[i] ** 2 - W[i].reduce((s, v) => s + v * v, 0), 12);
      for (let k = 0; k < m; k++) expect(FD[i * m + k]).toBeCloseTo(a[i] * a[k] - W[i].reduce((s, v, j) => s + v * W[k][j], 0), 12);
    }
    expectInvariant(M, th, (t) => M.invariants(t));
  });
});

describe('lifted / symmetric / asymmetric / wide factorizations (Woodworth M4–M6)', () => {
  const rng = new Rng(404);
  const d = 3, k = 2, N = 3;
  const Xs = Array.from({ length: N }, () => Float64Array.from(rng.normals(d * d)));
  const y = Array.from(rng.normals(N));
  it('gramOf is WWᵀ', () => {
    const W = Float64Array.of(1, 2, 3, 4, 5, 6); // 3×2
    expect(Array.from(gramOf(W, 3, 2))).toEqual([5, 11, 17, 11, 25, 39, 17, 39, 61]);
  });
  it('asymmetric M4: predictions ⟨UVᵀ, X_n⟩, loss c_L Σ res², gradient', () => {
    const cL = 0.7;
    const M = asymmetricFactorization(Xs, y, d, k, cL);
    expect([M.dim, M.rows, M.k]).toEqual([2 * d * k, 2 * d, k]);
    const th = Float64Array.from(rng.normals(M.dim));
    const P = M.product(th);
    for (let i = 0; i < d; i++)
      for (let l = 0; l < d; l++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += th[i * k + j] * th[(d + l) * k + j];
        expect(P[i * d + l]).toBeCloseTo(s, 12);
      }
    const f = Xs.map((Xn) => Xn.reduce((s, v, e) => s + v * P[e], 0));
    expect(Array.from(M.predict(th))).toEqual(f.map((v) => expect.closeTo(v, 12)));
    expect(M.loss(th)).toBeCloseTo(cL * f.reduce((s, v, n) => s + (v - y[n]) ** 2, 0), 12);
    expect(checkGradientFD(M, th)).toBeLessThan(FD_TOL);
    expect(Array.from(M.gram(th))).toEqual(Array.from(gramOf(th, 2 * d, k)));
    expect(asymmetricFactorization(Xs, y, d, k).loss(th)).toBeCloseTo((0.5 / cL) * M.loss(th), 12);
  });
  it('lifted M5 (symmetric with X̄_n) gives the same predictions and the same flow as M4', () => {
    const cL = 0.5;
    const lifted = symmetricFactorization(Xs.map((X) => liftMeasurement(X, d)), y, 2 * d, k, cL);
    const asym = asymmetricFactorization(Xs, y, d, k, cL);
    expect([lifted.dim, lifted.rows, lifted.k]).toEqual([2 * d * k, 2 * d, k]);
    const th = Float64Array.from(rng.normals(lifted.dim));
    const fl = lifted.predict(th);
    const fa = asym.predict(th);
    for (let n = 0; n < N; n++) expect(fl[n]).toBeCloseTo(fa[n], 12);
    expect(lifted.loss(th)).toBeCloseTo(asym.loss(th), 12);
    expect(checkGradientFD(lifted, th)).toBeLessThan(FD_TOL);
    const g1 = new Float64Array(lifted.dim), g2 = new Float64Array(lifted.dim);
    lifted.grad(th, g1);
    asym.grad(th, g2);
    for (let i = 0; i < g1.length; i++) expect(g1[i]).toBeCloseTo(g2[i], 10);
    const Xb = liftMeasurement(Float64Array.of(1, 2, 3, 4), 2);
    expect(Array.from(Xb)).toEqual([0, 0, 0.5, 1, 0, 0, 1.5, 2, 0.5, 1.5, 0, 0, 1, 2, 0, 0]);
    expect(Array.from(lifted.gram(th))).toEqual(Array.from(gramOf(th, 2 * d, k)));
  });
  it('symmetric with a zero residual component still has an exact gradient; default c_L = 1/2', () => {
    const A = [Float64Array.of(1, 0, 0, 1), Float64Array.of(0, 1, 1, 0)];
    const W = Float64Array.of(1, 0.5, -0.3, 2);
    const M0 = symmetricFactorization(A, [0, 0], 2, 2);
    const f = M0.predict(W);
    const M = symmetricFactorization(A, [f[0], f[1] + 1], 2, 2); // res = (0, −1)
    expect(M.loss(W)).toBeCloseTo(0.5, 14);
    expect(checkGradientFD(M, W)).toBeLessThan(FD_TOL);
  });
  it('wide diagonal M6: δ, Δ, residual, loss, gradient; UᵢⱼVᵢⱼ-type quantity U² − V² conserved per entry', () => {
    const Xd = rows(rng, N, d);
    const cL = 0.8;
    const M = wideDiagonal(Xd, y, k, cL);
    expect([M.dim, M.d, M.k]).toEqual([2 * d * k, d, k]);
    const th = Float64Array.from(rng.normals(M.dim));
    const del = M.delta(th);
    const big = M.bigDelta(th);
    for (let i = 0; i < d; i++) {
      let s = 0, q = 0;
      for (let j = 0; j < k; j++) {
        s += th[i * k + j] * th[(d + i) * k + j];
        q += th[i * k + j] ** 2 + th[(d + i) * k + j] ** 2;
      }
      expect(del[i]).toBeCloseTo(s, 12);
      expect(big[i]).toBeCloseTo(0.5 * q, 12);
    }
    const r = Xd.map((x, n) => x.reduce((s, v, i) => s + v * del[i], 0) - y[n]);
    expect(Array.from(M.residual(th))).toEqual(r.map((v) => expect.closeTo(v, 12)));
    expect(M.loss(th)).toBeCloseTo(cL * r.reduce((s, v) => s + v * v, 0), 12);
    expect(wideDiagonal(Xd, y, k).loss(th)).toBeCloseTo(M.loss(th) / cL, 12);
    expect(checkGradientFD(M, th)).toBeLessThan(FD_TOL);
    expectInvariant(M, th, (t) => {
      const o = new Float64Array(d * k);
      for (let i = 0; i < d; i++) for (let j = 0; j < k; j++) o[i * k + j] = t[i * k + j] ** 2 - t[(d + i) * k + j] ** 2;
      return o;
    });
  });
});

describe('tensorFc: deep FC and deep sensing in matrix form', () => {
  const rng = new Rng(505);
  it('layers, β, loss and −∇L for an FC network (against finite differences)', () => {
    const dims = [3, 2, 2];
    const nTheta = 3 * 2 + 2 * 2 + 2;
    const th = Float64Array.from(rng.normals(nTheta));
    const Ws = fcLayers(dims, th);
    expect(Ws.map((W) => [W.length, W[0].length])).toEqual([
      [3, 2],
      [2, 2],
      [2, 1],
    ]);
    expect(matFromVecCM([1, 2, 3, 4, 5, 6], 2, 3)).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
    expect(matFromVecCM([9, 1, 2, 3, 4], 2, 2, 1)).toEqual([
      [1, 3],
      [2, 4],
    ]);
    const beta = fcBeta(dims, th);
    // β = W1 W2 w3 by hand
    const W1 = Ws[0], W2 = Ws[1], w3 = Ws[2].map((r) => r[0]);
    const v = W2.map((row) => row.reduce((s, a, k) => s + a * w3[k], 0));
    const want = W1.map((row) => row.reduce((s, a, k) => s + a * v[k], 0));
    for (let i = 0; i < 3; i++) expect(beta[i]).toBeCloseTo(want[i], 12);
    const X = rows(rng, 4, 3);
    const y = Array.from(rng.normals(4));
    const L = fcLoss(dims, X, y, th);
    expect(L).toBeCloseTo(0.5 * X.reduce((s, x, i) => s + (x.reduce((t, a, k) => t + a * beta[k], 0) - y[i]) ** 2, 0), 12);
    const model: FlowModel = {
      dim: nTheta,
      loss: (t) => fcLoss(dims, X, y, t),
      grad: (t, out) => {
        fcRhs(dims, X, y, t, out);
        for (let i = 0; i < out.length; i++) out[i] = -out[i];
      },
    };
    expect(checkGradientFD(model, th)).toBeLessThan(FD_TOL);
  });
  it('deep sensing: product, loss and −∇L (against finite differences)', () => {
    const d = 2, L = 3;
    const As = Array.from({ length: 3 }, () => rows(rng, d, d));
    const y = Array.from(rng.normals(3));
    const th = Float64Array.from(rng.normals(L * d * d));
    const P = sensingProduct(d, L, th);
    const Ws = Array.from({ length: L }, (_, l) => matFromVecCM(th, d, d, l * d * d));
    const mul = (A: number[][], B: number[][]) => A.map((r) => B[0].map((_, j) => r.reduce((s, a, k) => s + a * B[k][j], 0)));
    const want = mul(mul(Ws[0], Ws[1]), Ws[2]);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) expect(P[a][b]).toBeCloseTo(want[a][b], 12);
    const out = new Float64Array(th.length);
    const loss = sensingRhs(d, L, As, y, th, out);
    const r = As.map((A, i) => A.reduce((s, row, a) => s + row.reduce((t, v, b) => t + v * P[a][b], 0), 0) - y[i]);
    expect(loss).toBeCloseTo(0.5 * r.reduce((s, v) => s + v * v, 0), 12);
    const model: FlowModel = {
      dim: th.length,
      loss: (t) => sensingRhs(d, L, As, y, t, new Float64Array(t.length)),
      grad: (t, o) => {
        sensingRhs(d, L, As, y, t, o);
        for (let i = 0; i < o.length; i++) o[i] = -o[i];
      },
    };
    expect(checkGradientFD(model, th)).toBeLessThan(FD_TOL);
  });
});

describe('tensor algebra (Yun §2–3)', () => {
  const rng = new Rng(606);
  const rand = (shape: number[]): Tensor => {
    const T = tensorZeros(shape);
    for (let i = 0; i < T.data.length; i++) T.data[i] = rng.normal();
    return T;
  };
  /** Naive entry A[i,j,k] of a 3-tensor (row-major). */
  const at = (A: Tensor, i: number, j: number, k: number) => A.data[(i * A.shape[1] + j) * A.shape[2] + k];
  it('strides, linear index and storage-order iteration', () => {
    expect(strides([2, 3, 4])).toEqual([12, 4, 1]);
    expect(tensorIndex([2, 3, 4], [1, 2, 3])).toBe(23);
    expect(tensorIndex([2, 3, 4], [0, 1, 0])).toBe(4);
    const seen: string[] = [];
    forEachIndex([2, 2], (idx, lin) => seen.push(`${idx.join('')}:${lin}`));
    expect(seen).toEqual(['00:0', '01:1', '10:2', '11:3']);
    expect(tensorZeros([2, 3]).data.length).toBe(6);
    const shape = [2, 3];
    const z = tensorZeros(shape);
    shape[0] = 5;
    expect(z.shape).toEqual([2, 3]);
  });
  it('combination, outer, contractions and the mode product agree with naive sums', () => {
    const A = rand([2, 3, 2]);
    const B = rand([2, 3, 2]);
    const C = tensorCombination([A, B], [2, 0]);
    const C2 = tensorCombination([A, B], [0.5, -1]);
    for (let i = 0; i < A.data.length; i++) {
      expect(C.data[i]).toBeCloseTo(2 * A.data[i], 14);
      expect(C2.data[i]).toBeCloseTo(0.5 * A.data[i] - B.data[i], 14);
    }
    const vs = [Array.from(rng.normals(2)), Array.from(rng.normals(3)), Array.from(rng.normals(2))];
    let full = 0;
    const but = [new Float64Array(2), new Float64Array(3), new Float64Array(2)];
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++)
        for (let k = 0; k < 2; k++) {
          const a = at(A, i, j, k);
          full += a * vs[0][i] * vs[1][j] * vs[2][k];
          but[0][i] += a * vs[1][j] * vs[2][k];
          but[1][j] += a * vs[0][i] * vs[2][k];
          but[2][k] += a * vs[0][i] * vs[1][j];
        }
    expect(contractAll(A, vs)).toBeCloseTo(full, 12);
    const each = contractEachMode(A, vs);
    for (let l = 0; l < 3; l++) {
      const cb = contractAllBut(A, vs, l);
      for (let i = 0; i < but[l].length; i++) {
        expect(cb[i]).toBeCloseTo(but[l][i], 12);
        expect(each[l][i]).toBeCloseTo(but[l][i], 12);
      }
    }
    const O = outer(vs);
    expect(O.shape).toEqual([2, 3, 2]);
    expect(at(O, 1, 2, 0)).toBeCloseTo(vs[0][1] * vs[1][2] * vs[2][0], 14);
    // mode-1 product with a 3×2 matrix, and multilinear with identities (null)
    const M = rows(rng, 3, 2);
    const P = modeProduct(A, 1, M);
    expect(P.shape).toEqual([2, 2, 2]);
    for (let i = 0; i < 2; i++)
      for (let p = 0; p < 2; p++)
        for (let k = 0; k < 2; k++) {
          let s = 0;
          for (let j = 0; j < 3; j++) s += at(A, i, j, k) * M[j][p];
          expect(at(P, i, p, k)).toBeCloseTo(s, 12);
        }
    const P2 = multilinear(A, [null, M, null]);
    expect(tensorMaxAbsDiff(P, P2)).toBe(0);
    const full2 = multilinear(A, vs.map((v) => v.map((x) => [x])));
    expect(full2.data[0]).toBeCloseTo(full, 12);
    expect(() => modeProduct(A, 0, M)).toThrow();
  });
  it('max-abs, difference of shapes, unfolding', () => {
    const A = tensorZeros([2, 2]);
    A.data.set([1, -3, 2, 0.5]);
    expect(tensorMaxAbs(A)).toBe(3);
    const B = tensorZeros([2, 2]);
    B.data.set([1, -1, 2, 0]);
    expect(tensorMaxAbsDiff(A, B)).toBe(2);
    expect(tensorMaxAbsDiff(A, tensorZeros([4]))).toBe(Infinity);
    const T = tensorZeros([2, 3]);
    T.data.set([1, 2, 3, 4, 5, 6]);
    expect(unfold(T, 0)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(unfold(T, 1)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });
});

describe('integrateFlow as the Woodworth claims use it', () => {
  /** L = ½ Σ λ_i θ_i², θ(t) = θ₀ e^{−λt}. */
  const lam = [1, 0.3, 2];
  const model: FlowModel = {
    dim: 3,
    loss: (t) => 0.5 * t.reduce((s, v, i) => s + lam[i] * v * v, 0),
    grad: (t, o) => {
      for (let i = 0; i < 3; i++) o[i] = lam[i] * t[i];
    },
    invariants: (t) => Float64Array.of(t[0] * 0 + 1),
  };
  const th0 = Float64Array.of(1, -2, 0.5);
  it('accurate to the tolerance at tMax, dense output at tEval, max-time status', () => {
    const s = integrateFlow(model, th0, { tMax: 3, rtol: 1e-10, atol: 1e-12, tEval: [0.5, 1.7, 3] });
    expect(s.status).toBe('max-time');
    expect(s.t).toBeCloseTo(3, 12);
    for (let i = 0; i < 3; i++) expect(Math.abs(s.theta[i] - th0[i] * Math.exp(-lam[i] * 3))).toBeLessThan(1e-8);
    for (const te of [0.5, 1.7]) {
      const k = s.ts.indexOf(te);
      expect(k).toBeGreaterThan(0);
      for (let i = 0; i < 3; i++) expect(Math.abs(s.thetas[k][i] - th0[i] * Math.exp(-lam[i] * te))).toBeLessThan(1e-8);
      expect(s.losses[k]).toBeCloseTo(model.loss(s.thetas[k]), 14);
    }
    expect(s.invariantDrift).toBe(0);
    expect(s.stats.steps).toBeGreaterThan(3);
    // The shared dopri5 spends one extra evaluation on its initial-step guess when no h is given (see test/flow.test.ts).
    expect(s.stats.rhsEvals).toBe(2 + 6 * (s.stats.steps + s.stats.rejected));
    // looser tolerance: fewer steps, larger (but bounded) error
    const c = integrateFlow(model, th0, { tMax: 3, rtol: 1e-5, atol: 1e-7 });
    expect(c.stats.steps).toBeLessThan(s.stats.steps);
    expect(Math.abs(c.theta[0] - Math.exp(-3))).toBeLessThan(1e-4);
  });
  it('converges on lossTol (not before tMin), and on gradTol', () => {
    const s = integrateFlow(model, th0, { lossTol: 1e-6 });
    expect(s.status).toBe('converged');
    expect(s.loss).toBeLessThanOrEqual(1e-6);
    expect(s.loss).toBeGreaterThan(1e-9);
    const m = integrateFlow(model, th0, { lossTol: 1e-6, tMin: 20 });
    expect(m.t).toBeGreaterThanOrEqual(20);
    const g = integrateFlow(model, th0, { gradTol: 1e-3, lossTol: -1 });
    expect(g.status).toBe('converged');
    expect(Math.hypot(...g.theta.map((v, i) => lam[i] * v))).toBeLessThanOrEqual(1e-3);
    const z = integrateFlow(model, new Float64Array(3), { lossTol: 0 });
    expect(z.status).toBe('converged');
    expect(z.stats.steps).toBe(0);
  });
  it('max-steps, diverged, recordEvery', () => {
    expect(integrateFlow(model, th0, { maxSteps: 3 }).status).toBe('max-steps');
    const grow: FlowModel = { dim: 1, loss: (t) => -t[0] * t[0], grad: (t, o) => void (o[0] = -2 * t[0]) };
    const dv = integrateFlow(grow, Float64Array.of(1), { divergeNorm: 1e3, lossTol: -Infinity });
    expect(dv.status).toBe('diverged');
    expect(dv.theta[0]).toBeGreaterThan(1e3);
    expect(dv.theta[0]).toBeLessThan(1e4);
    const r = integrateFlow(model, th0, { tMax: 2, recordEvery: 2 });
    expect(r.ts.length).toBeGreaterThan(3);
    for (let i = 1; i < r.ts.length; i++) expect(r.ts[i]).toBeGreaterThan(r.ts[i - 1]);
    expect(r.ts[r.ts.length - 1]).toBe(r.t);
  });
  it('reports invariant drift relative to each component', () => {
    const drift: FlowModel = { ...model, invariants: (t) => Float64Array.of(t[0]) };
    const s = integrateFlow(drift, th0, { tMax: 1 });
    expect(s.invariantDrift).toBeCloseTo(1 - Math.exp(-1), 6);
  });
});
