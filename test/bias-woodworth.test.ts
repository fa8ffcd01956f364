// Unit tests of the Woodworth solvers and models: gradients vs finite differences, solver cross-checks,
// the width-free reductions vs the full flows.
import { describe, expect, it } from 'vitest';
import { Rng } from '../src/random/rng.js';
import { minL1 } from '../src/bias/minL1.js';
import { minL2, minWeightedL2 } from '../src/bias/minL2.js';
import { minSeparable, minSeparablePrimal, kktResidualSeparable, potentials } from '../src/bias/separableMin.js';
import { psiQ, q, Qalpha } from '../src/bias/qFunctions.js';
import { psiQD, hD, hDInv, qD } from '../src/bias/qD.js';
import { rParam, rQuartic, rBrute } from '../src/bias/qR.js';
import { diagonalShared } from '../src/models/diagonalShared.js';
import { gramOf, liftMeasurement, liftedReduced, symmetricFactorization, wideDiagonal, asymmetricFactorization } from '../src/models/factorizationLifted.js';
import { integrateFlow } from '../src/flow/index.js';
import { reluNet, heUniform } from '../src/models/wooRelu.js';
import type { FlowModel } from '../src/flow/types.js';

const data = (seed: number, N: number, d: number) => {
  const r = new Rng(seed);
  return { X: Array.from({ length: N }, () => Array.from(r.normals(d))), y: Array.from(r.normals(N)) };
};
function fdCheck(m: FlowModel, th: Float64Array): number {
  const g = new Float64Array(m.dim);
  m.grad(th, g);
  let worst = 0;
  for (let k = 0; k < m.dim; k++) {
    const h = 1e-6 * Math.max(1, Math.abs(th[k]));
    const a = Float64Array.from(th);
    const b = Float64Array.from(th);
    a[k] += h;
    b[k] -= h;
    const fd = (m.loss(a) - m.loss(b)) / (2 * h);
    worst = Math.max(worst, Math.abs(fd - g[k]) / (1 + Math.abs(g[k])));
  }
  return worst;
}

describe('woodworth solvers', () => {
  it('minL1 (HiGHS) interpolates exactly and certifies uniqueness on generic data', () => {
    const { X, y } = data(1, 5, 12);
    const r = minL1(X, y);
    expect(r.ok).toBe(true);
    expect(r.residual).toBeLessThan(1e-12);
    expect(r.unique).toBe(true);
    expect(r.support.length).toBe(5);
  });
  it('minL2 equals the pinv solution and the weighted form with unit weights', () => {
    const { X, y } = data(2, 4, 9);
    const a = minL2(X, y);
    const b = minWeightedL2(X, y, new Array(9).fill(1));
    for (let i = 0; i < 9; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-12);
  });
  it('dual and primal Newton agree for Q_α, Q^D_α and a weighted ℓ2 potential; KKT residuals small', () => {
    const { X, y } = data(3, 4, 10);
    for (const psi of [psiQ(Math.log(0.3), 10), psiQD(0.5, 3, 10), potentials.weightedL2(Array.from({ length: 10 }, (_, i) => 1 + i))]) {
      const r = minSeparable(X, y, psi, { crossCheck: true, maxDualStep: 2 });
      expect(r.converged).toBe(true);
      expect(r.crossDiff!).toBeLessThan(1e-8);
      const k = kktResidualSeparable(X, y, r.beta, psi);
      expect(k.primal).toBeLessThan(1e-12);
      expect(k.stationarity).toBeLessThan(1e-10);
    }
    const pr = minSeparablePrimal(X, y, psiQ(0, 10));
    expect(pr.converged).toBe(true);
  });
  it('rich limit: argmin Q_α → the ℓ1 minimizer as α → 0', () => {
    const { X, y } = data(4, 5, 15);
    const l1 = minL1(X, y);
    const r = minSeparable(X, y, psiQ(-80 * Math.LN10, 15), { maxDualStep: 2, maxIter: 5000 });
    let d = 0;
    for (let i = 0; i < 15; i++) d = Math.max(d, Math.abs(r.beta[i] - l1.beta[i]));
    expect(d).toBeLessThan(1e-6);
    expect(Qalpha([1, -2], 1e-200)).toBeGreaterThan(0);
  });
  it('q, h_D⁻¹, q_D, r are consistent', () => {
    for (const z of [1e-8, 0.3, 5, 1e5]) {
      expect(Math.abs(hD(hDInv(z, 4), 4) / z - 1)).toBeLessThan(1e-12);
      expect(Math.abs(rParam(z) - qD(z, 4)) / qD(z, 4)).toBeLessThan(1e-10);
      expect(Math.abs(rQuartic(z) - rParam(z)) / rParam(z)).toBeLessThan(1e-8);
    }
    expect(Math.abs(rBrute(1) - rParam(1))).toBeLessThan(1e-9);
    expect(q(0)).toBe(0);
  });
});

describe('woodworth models', () => {
  it('diagonal models: gradients match finite differences (D = 2, 3, 5)', () => {
    const { X, y } = data(5, 3, 6);
    for (const D of [2, 3, 5]) {
      const m = diagonalShared({ X, y, D, cL: 0.7 });
      const th = Float64Array.from({ length: m.dim }, (_, k) => 0.5 + 0.1 * ((k * 7) % 5));
      expect(fdCheck(m, th)).toBeLessThan(1e-6);
    }
  });
  it('factorization models: gradients match finite differences; lifted = asymmetric', () => {
    const r = new Rng(6);
    const d = 3;
    const k = 4;
    const Xs = [r.normals(9), r.normals(9)];
    const y = [0.3, -0.2];
    const asym = asymmetricFactorization(Xs, y, d, k, 0.5);
    const th = r.normals(2 * d * k, 0.5);
    expect(fdCheck(asym, th)).toBeLessThan(1e-6);
    const lifted = symmetricFactorization(Xs.map((X) => liftMeasurement(X, d)), y, 2 * d, k, 0.5);
    expect(fdCheck(lifted, th)).toBeLessThan(1e-6);
    const wide = wideDiagonal([[1, 2, -1], [0.5, 0, 1]], y, k, 1);
    expect(fdCheck(wide, th)).toBeLessThan(1e-6);
  });
  it('the width-free reduction W(t) = Φ(t)W(0) reproduces the full lifted flow', () => {
    const r = new Rng(7);
    const d = 3;
    const k = 6;
    const A = [[0, 1], [1, 2], [2, 2]].map(([a, b]) => {
      const X = new Float64Array(9);
      X[a * 3 + b] = 1;
      return liftMeasurement(X, d);
    });
    const y = [0.5, -0.4, 0.8];
    const W0 = r.normals(2 * d * k, 0.4);
    const full = symmetricFactorization(A, y, 2 * d, k, 0.5);
    const red = liftedReduced(A, y, 2 * d, gramOf(W0, 2 * d, k), 0.5);
    const s1 = integrateFlow(full, W0, { tMax: 3, rtol: 1e-12, atol: 1e-14 });
    const s2 = integrateFlow(red, red.init(), { tMax: 3, rtol: 1e-12, atol: 1e-14 });
    const f1 = full.predict(s1.theta);
    const f2 = red.predict(s2.theta);
    for (let n = 0; n < 3; n++) expect(Math.abs(f1[n] - f2[n])).toBeLessThan(1e-9);
    let dW = 0;
    for (let e = 0; e < W0.length; e++) dW += (s1.theta[e] - W0[e]) ** 2;
    expect(Math.abs(Math.sqrt(dW) - red.distances(s2.theta).dW)).toBeLessThan(1e-8);
  });
  it('ReLU net: gradient vs finite differences and positive homogeneity', () => {
    const net = reluNet(3, 5);
    const w = heUniform(net, new Rng(8), 1);
    const x = [0.3, -0.8];
    const g = net.gradF(w, x);
    for (let k = 0; k < net.dim; k += 3) {
      const a = Float64Array.from(w);
      const b = Float64Array.from(w);
      a[k] += 1e-7;
      b[k] -= 1e-7;
      expect(Math.abs((net.forward(a, x) - net.forward(b, x)) / 2e-7 - g[k])).toBeLessThan(1e-6);
    }
    expect(Math.abs(net.forward(w.map((v) => 2 * v), x) - 8 * net.forward(w, x))).toBeLessThan(1e-12);
  });
});
