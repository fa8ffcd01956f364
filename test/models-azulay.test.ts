// Unit tests of the Azulay et al. 2021 models and solvers: gradients against finite differences and
// against mathjs's symbolic derivative, invariants, and the convex-program solvers cross-checked.
import { describe, expect, it } from 'vitest';
import { Rng } from '../src/random/rng.js';
import { checkGradientFD } from '../src/flow/index.js';
import { symbolicGradientAgrees } from '../src/symbolic/index.js';
import { diagonalUntied, diagonalTied, initFromScaleShape, scaleShapeOf, sqrtKOf, unbiasedInit } from '../src/models/diagonalUntied.js';
import { fullyConnected, neuronFromScaleShape, packFC } from '../src/models/fullyConnected.js';
import { leakyRelu } from '../src/models/leakyRelu.js';
import { minQk, qk, qkPrime, QkObjective } from '../src/bias/qk.js';
import { Hdelta, qDeltaObjective, qhat, qhatPrinted, Sdelta } from '../src/bias/azuQhat.js';
import { kkt, minNorm, nullSpaceNewton, relDist, matvec, normv, subv } from '../src/bias/azuCommon.js';

const rng = new Rng(7);
const N = 3, d = 5;
const X = Array.from({ length: N }, () => Array.from(rng.normals(d)));
const y = Array.from(rng.normals(N));
const xs = (n: number, j: number) => X[n][j].toPrecision(17);
const ys = (n: number) => y[n].toPrecision(17);

describe('azulay models', () => {
  it('diagonal untied: gradient vs FD and vs mathjs, for each loss scaling', () => {
    for (const scaling of ['mean', 'sum', 0.3] as const) {
      const m = diagonalUntied({ X, y, scaling });
      const th = rng.normals(4 * d);
      expect(checkGradientFD(m, th)).toBeLessThan(1e-7);
    }
    const m = diagonalUntied({ X, y, scaling: 'mean' });
    const vars = ['up', 'vp', 'um', 'vm'].flatMap((b) => Array.from({ length: d }, (_, i) => `${b}${i}`));
    const pred = (n: number) => Array.from({ length: d }, (_, i) => `${xs(n, i)}*(up${i}*vp${i} - um${i}*vm${i})`).join(' + ');
    const loss = `(1/(2*${N}))*(${Array.from({ length: N }, (_, n) => `(${ys(n)} - (${pred(n)}))^2`).join(' + ')})`;
    expect(symbolicGradientAgrees(loss, vars, (x, out) => m.grad(x, out), rng, 3).maxRelErr).toBeLessThan(1e-12);
  });
  it('diagonal: √k, shape/scale maps and the tied model', () => {
    const alpha = [0.1, 1, 3], s = [-0.5, 0, 0.9];
    const { u0, v0 } = initFromScaleShape(alpha, s);
    const th = unbiasedInit(u0, v0);
    const back = scaleShapeOf(th);
    for (let i = 0; i < 3; i++) {
      expect(back.alpha[i]).toBeCloseTo(alpha[i], 12);
      expect(back.s[i]).toBeCloseTo(s[i], 12);
      expect(sqrtKOf(th)[i]).toBeCloseTo((4 * alpha[i] * (1 + s[i] ** 2)) / (1 - s[i] ** 2), 10);
    }
    const t = diagonalTied({ X, y });
    expect(checkGradientFD(t, rng.normals(2 * d))).toBeLessThan(1e-7);
  });
  it('fully connected: gradient vs FD and mathjs; invariants', () => {
    const m = fullyConnected({ X, y, m: 2 });
    const th = rng.normals(2 + 2 * d);
    expect(checkGradientFD(m, th)).toBeLessThan(1e-7);
    const vars = ['a0', 'a1', ...[0, 1].flatMap((i) => Array.from({ length: d }, (_, j) => `w${i}_${j}`))];
    const pred = (n: number) => [0, 1].map((i) => `a${i}*(${Array.from({ length: d }, (_, j) => `${xs(n, j)}*w${i}_${j}`).join(' + ')})`).join(' + ');
    const loss = `(1/(2*${N}))*(${Array.from({ length: N }, (_, n) => `(${ys(n)} - (${pred(n)}))^2`).join(' + ')})`;
    expect(symbolicGradientAgrees(loss, vars, (x, out) => m.grad(x, out), rng, 3).maxRelErr).toBeLessThan(1e-12);
    const D = m.invariants(th);
    expect(D[0]).toBeCloseTo(m.deltas(th)[0], 14);
    const one = neuronFromScaleShape(2, 0.5, [1, 0, 0, 0, 0], -1);
    expect(one[0] ** 2 - one[1] ** 2).toBeCloseTo((4 * 2 * 0.5) / (1 - 0.25), 12); // Lemma 1
    expect(packFC([1, 2], [[1, 0, 0, 0, 0], [0, 1, 0, 0, 0]]).length).toBe(12);
  });
  it('leaky ReLU: gradient vs FD away from kinks; ρ ≤ 1 enforced', () => {
    const m = leakyRelu({ X, y, rho: 0.3, m: 2 });
    const th = rng.normals(2 + 2 * d);
    expect(checkGradientFD(m, th)).toBeLessThan(1e-6);
    expect(() => leakyRelu({ X, y, rho: 1.5 })).toThrow();
  });
});

describe('azulay solvers', () => {
  it('q_k: closed form, derivative, and min Q_k (dual vs primal vs null-space Newton)', () => {
    expect(qk(0.7, 1)).toBeCloseTo(0.25 * (1 - Math.sqrt(1 + 4 * 0.49) + 1.4 * Math.asinh(1.4)), 14);
    const h = 1e-6;
    expect((qk(0.7 + h, 2) - qk(0.7 - h, 2)) / (2 * h)).toBeCloseTo(qkPrime(0.7, 2), 8);
    const r = [0.1, 1, 3, 0.5, 2];
    const sol = minQk(X, y, r);
    expect(sol.converged).toBe(true);
    expect(sol.crossDiff!).toBeLessThan(1e-9);
    const nt = nullSpaceNewton(X, y, QkObjective(r));
    expect(relDist(nt.w, sol.beta)).toBeLessThan(1e-9);
    expect(kkt(X, Array.from(sol.beta, (b, i) => qkPrime(b, r[i])))).toBeLessThan(1e-10);
  });
  it('q̂_δ: printed = stable form; H_δ inverts a²I + wwᵀ; Theorem-2 minimizer is feasible and KKT', () => {
    for (const [x, D] of [[0.5, 0], [1, 2], [3, 0.1]]) expect(qhatPrinted(x, D)).toBeCloseTo(qhat(x, D), 12);
    const a = 1.3, w = [0.2, -0.4, 0.1];
    const wt = w.map((v) => a * v);
    const H = Hdelta(wt, a * a - normv(w) ** 2);
    const M = w.map((wi, i) => w.map((wj, j) => (i === j ? a * a : 0) + wi * wj));
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(H[i].reduce((s, h, k) => s + h * M[k][j], 0)).toBeCloseTo(i === j ? 1 : 0, 12);
    const w0 = Float64Array.from([0.3, -0.2, 0.5, 0.1, 0.0]);
    const obj = qDeltaObjective(w0, 0.4);
    const nt = nullSpaceNewton(X, y, obj, { start: w0 });
    expect(nt.converged).toBe(true);
    expect(normv(subv(matvec(X, nt.w), y))).toBeLessThan(1e-10);
    expect(kkt(X, obj.grad(nt.w))).toBeLessThan(1e-10);
    expect(relDist(minNorm(X, y), nt.w)).toBeGreaterThan(1e-3);
    expect(Sdelta(0, 2)).toBe(1);
  });
});
