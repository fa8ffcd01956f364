// Unit tests of the Min et al. factorization models: gradients against central differences and
// against a mathjs symbolic derivative, the reparametrized flow against the full one, packing.
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { derivative, parse } from 'mathjs';
import { Rng } from '../src/random/rng.js';
import type { FlowModel } from '../src/flow/types.js';
import { checkGradientFD } from '../src/flow/index.js';
import { symbolicGradientAgrees } from '../src/symbolic/index.js';
import {
  FactorizationModel,
  ReparamModel,
  decomposeData,
  errorE,
  imbalance,
  fullImbalance,
  lStar,
  packVU,
  unpackVU,
  toReparamState,
  lossFactor,
} from '../src/models/factorization.js';

function gauss(rng: Rng, r: number, c: number, sd = 1): Matrix {
  return Matrix.from1DArray(r, c, Array.from(rng.normals(r * c, sd)));
}

/** max relative error of model.grad vs central differences (step h·max(1,|θ_i|)). */
function fdError(model: FlowModel, theta: Float64Array, h = 1e-6): number {
  const g = new Float64Array(model.dim);
  model.grad(theta, g);
  let worst = 0;
  const scale = Math.max(1e-12, ...Array.from(g, Math.abs));
  for (let i = 0; i < model.dim; i++) {
    const step = h * Math.max(1, Math.abs(theta[i]));
    const tp = Float64Array.from(theta);
    const tm = Float64Array.from(theta);
    tp[i] += step;
    tm[i] -= step;
    const fd = (model.loss(tp) - model.loss(tm)) / (2 * step);
    worst = Math.max(worst, Math.abs(fd - g[i]) / scale);
  }
  return worst;
}

describe('FactorizationModel', () => {
  for (const scaling of ['half-sum', 'sum', 'half-mean', 'mean'] as const) {
    it(`gradient (5a)/(5b) matches central differences (${scaling})`, () => {
      const rng = new Rng(7);
      const n = 4, D = 7, m = 2, h = 3;
      const X = gauss(rng, n, D);
      const Y = gauss(rng, n, m);
      const model = new FactorizationModel(X, Y, h, { lossScaling: scaling });
      const theta = rng.normals(model.dim, 0.7);
      // central differences: truncation O(h²)·‖∇³L‖ plus round-off ε·L/h ≈ 1e-10 relative at h = 1e-6
      expect(fdError(model, theta)).toBeLessThan(1e-6);
      // the flow module's checker (step ε^{1/3}; a correct gradient agrees to ~1e-8)
      expect(checkGradientFD(model, theta)).toBeLessThan(1e-6);
      // the loss factor: 'mean' is (2/n)·'half-sum'
      const base = new FactorizationModel(X, Y, h);
      expect(model.loss(theta) / base.loss(theta)).toBeCloseTo(lossFactor(scaling, n) / 0.5, 12);
    });
  }

  it('gradient matches a mathjs symbolic derivative (n=2, D=3, h=2, m=1)', () => {
    const X = new Matrix([
      [1, 2, -1],
      [0.5, -1, 3],
    ]);
    const Y = new Matrix([[1], [-2]]);
    const h = 2, D = 3, m = 1, n = 2;
    // L = ½ Σ_i (y_i − Σ_{a,k} X_{ia} u_{ak} v_{0k})²
    const uName = (a: number, k: number) => `u${a}${k}`;
    const vName = (k: number) => `v0${k}`;
    const terms: string[] = [];
    for (let i = 0; i < n; i++) {
      const pred: string[] = [];
      for (let a = 0; a < D; a++) for (let k = 0; k < h; k++) pred.push(`(${X.get(i, a)})*${uName(a, k)}*${vName(k)}`);
      terms.push(`((${Y.get(i, 0)}) - (${pred.join(' + ')}))^2`);
    }
    const L = parse(`0.5*(${terms.join(' + ')})`);
    const vars = [...Array.from({ length: h }, (_, k) => vName(k)), ...Array.from({ length: D * h }, (_, j) => uName(Math.floor(j / h), j % h))];
    const model = new FactorizationModel(X, Y, h);
    const rng = new Rng(3);
    for (let trial = 0; trial < 3; trial++) {
      const theta = rng.normals(model.dim);
      const scope: Record<string, number> = {};
      vars.forEach((v, i) => (scope[v] = theta[i])); // layout: V (1×h) then U (D×h) row-major
      const g = new Float64Array(model.dim);
      model.grad(theta, g);
      vars.forEach((v, i) => {
        const d = derivative(L, v).evaluate(scope) as number;
        expect(Math.abs(d - g[i])).toBeLessThan(1e-10 * Math.max(1, Math.abs(d)));
      });
      expect(Math.abs((L.evaluate(scope) as number) - model.loss(theta))).toBeLessThan(1e-10);
    }
    // the same through the symbolic module's helper (compiled mathjs gradient at random points)
    const agree = symbolicGradientAgrees(L.toString(), vars, (x, out) => model.grad(x, out), new Rng(9), 3);
    expect(agree.maxRelErr).toBeLessThan(1e-10);
  });

  it('pack/unpack round trip and layout', () => {
    const V = new Matrix([[1, 2, 3]]);
    const U = new Matrix([
      [4, 5, 6],
      [7, 8, 9],
    ]);
    const th = packVU(V, U);
    expect(Array.from(th)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const back = unpackVU(th, 1, 2, 3);
    expect(back.V.to2DArray()).toEqual(V.to2DArray());
    expect(back.U.to2DArray()).toEqual(U.to2DArray());
  });

  it('decomposition (4) of a rank-deficient X, L = ½‖E‖² + L*, and Λ vs full imbalance', () => {
    const rng = new Rng(11);
    const n = 5, D = 8, m = 2, h = 4, r = 3;
    const X = gauss(rng, n, r).mmul(gauss(rng, r, D)); // rank 3 < n
    const Y = gauss(rng, n, m);
    const dec = decomposeData(X);
    expect(dec.r).toBe(r);
    const O = new Matrix(D, D);
    for (let j = 0; j < r; j++) O.setColumn(j, dec.Phi1.getColumn(j));
    for (let j = 0; j < D - r; j++) O.setColumn(r + j, dec.Phi2.getColumn(j));
    const I = O.transpose().mmul(O);
    for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) expect(Math.abs(I.get(i, j) - (i === j ? 1 : 0))).toBeLessThan(1e-12);
    const model = new FactorizationModel(X, Y, h, { decomposition: dec });
    const theta = rng.normals(model.dim);
    const { V, U } = model.unpack(theta);
    const E = errorE(dec, Y, V, U);
    const Ls = lStar(dec, Y);
    expect(Ls).toBeGreaterThan(1e-3);
    expect(Math.abs(model.loss(theta) - (0.5 * E.norm('frobenius') ** 2 + Ls))).toBeLessThan(1e-10 * model.loss(theta));
    const U1 = dec.Phi1.transpose().mmul(U);
    const U2 = dec.Phi2.transpose().mmul(U);
    const diff = fullImbalance(V, U).sub(imbalance(V, U1)).sub(U2.transpose().mmul(U2));
    expect(diff.norm('frobenius')).toBeLessThan(1e-10);
    const inv = model.invariants(theta);
    const Lam = imbalance(V, U1);
    for (let i = 0; i < h; i++) for (let j = 0; j < h; j++) expect(Math.abs(inv[i * h + j] - Lam.get(i, j))).toBeLessThan(1e-10);
  });

  it('ReparamModel: gradient vs FD, and equals the projected full gradient (7)', () => {
    const rng = new Rng(5);
    const n = 4, D = 9, m = 2, h = 5;
    const X = gauss(rng, n, D);
    const Y = gauss(rng, n, m);
    const dec = decomposeData(X);
    const full = new FactorizationModel(X, Y, h, { decomposition: dec });
    const rep = ReparamModel.fromData(dec, Y, h);
    const theta = rng.normals(full.dim);
    const th1 = toReparamState(theta, dec, m, h);
    expect(fdError(rep, th1)).toBeLessThan(1e-6);
    expect(Math.abs(rep.loss(th1) - full.loss(theta))).toBeLessThan(1e-10 * full.loss(theta));
    const gFull = new Float64Array(full.dim);
    full.grad(theta, gFull);
    const gRep = new Float64Array(rep.dim);
    rep.grad(th1, gRep);
    const { V: gV, U: gU } = unpackVU(gFull, m, D, h);
    const { V: rV, U: rU1 } = unpackVU(gRep, m, dec.r, h);
    expect(gV.clone().sub(rV).norm('frobenius')).toBeLessThan(1e-11 * gV.norm('frobenius'));
    expect(dec.Phi1.transpose().mmul(gU).sub(rU1).norm('frobenius')).toBeLessThan(1e-11 * gU.norm('frobenius'));
    expect(dec.Phi2.transpose().mmul(gU).norm('frobenius')).toBeLessThan(1e-11 * gU.norm('frobenius'));
  });
});
