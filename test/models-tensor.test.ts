// Unit tests of the tensor machinery (src/models/tensor*.ts) and the Yun helpers (src/bias/yun*.ts).
import { describe, expect, it } from 'vitest';
import { contractAll, contractAllBut, contractEachMode, multilinear } from '../src/models/tensor.js';
import { flowRhs, lossOf, makeNet } from '../src/models/tensorNets.js';
import { fcRhs, fcLoss } from '../src/models/tensorFc.js';
import { integrateOde } from '../src/flow/index.js';
import { HL, HLstar, hL, hLinv, maxMarginL2, solveT5 } from '../src/bias/yunTheory.js';
import { weightedMaxMarginL1 } from '../src/bias/yunLP.js';
import { Rng } from '../src/random/rng.js';

describe('tensor machinery', () => {
  it('contractEachMode agrees with contractAllBut and multilinear', () => {
    const rng = new Rng(5);
    const A = { shape: [2, 3, 4], data: rng.normals(24) };
    const vs = [Array.from(rng.normals(2)), Array.from(rng.normals(3)), Array.from(rng.normals(4))];
    const each = contractEachMode(A, vs);
    for (let l = 0; l < 3; l++) {
      const b = contractAllBut(A, vs, l);
      b.forEach((v, i) => expect(Math.abs(v - each[l][i])).toBeLessThan(1e-13));
    }
    const m = multilinear(A, vs.map((v) => v.map((x) => [x]))).data[0];
    expect(Math.abs(m - contractAll(A, vs))).toBeLessThan(1e-13);
  });
  it('FC tensor gradient equals the direct matrix gradient', () => {
    const rng = new Rng(7);
    const dims = [3, 2, 2];
    const X = [Array.from(rng.normals(3)), Array.from(rng.normals(3))];
    const y = [0.3, -1];
    const net = makeNet({ kind: 'fc', dims }, X, y, 'sq');
    const th = rng.normals(net.dim);
    const a = flowRhs(net, th, new Float64Array(net.dim));
    const b = new Float64Array(net.dim);
    fcRhs(dims, X, y, th, b);
    a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(1e-12));
    expect(Math.abs(lossOf(net, th) - fcLoss(dims, X, y, th))).toBeLessThan(1e-12);
  });
});

describe('Yun helpers', () => {
  it('integrateOde integrates y′ = −y to 1e-9', () => {
    const r = integrateOde((_t, y, o) => { o[0] = -y[0]; }, Float64Array.from([1]), { tMax: 5, tEval: [1, 5] });
    expect(Math.abs(r.ys[1][0] - Math.exp(-5))).toBeLessThan(1e-9);
  });
  it('h_L, h_L^{-1}, H_L, H_L^* are consistent', () => {
    for (const L of [2, 3, 4, 5]) for (const t of [-0.5, 0.1, 0.4]) {
      expect(Math.abs(hLinv(L, hL(L, t)) - t)).toBeLessThan(1e-10);
      const u = hL(L, t);
      expect(Math.abs(HL(L, u) + HLstar(L, t) - t * u)).toBeLessThan(1e-9); // Fenchel equality
    }
  });
  it('T5 dual Newton interpolates; max-margin solvers on the toy', () => {
    const s = solveT5({ L: 3, alpha: 0.7, eta: [1, -0.6, 1.2], A: [[1, 2, 0.5]], y: [1] });
    expect(s.converged).toBe(true);
    expect(maxMarginL2([[1, 2], [0, -3]], [1, -1])?.z.map((v) => +v.toFixed(12))).toEqual([0.2, 0.4]);
    const z = weightedMaxMarginL1([[1, 2], [0, -3]], [1, -1]) ?? [];
    expect(Math.abs(z[0]) + Math.abs(z[1] - 0.5)).toBeLessThan(1e-9);
  });
});
