import { describe, expect, it } from 'vitest';
import { claims, figures } from '../properties/min2021/partB.js';
import { describeClaims } from './helpers/claimSuite.js';
import { Matrix } from 'ml-matrix';
import { singularValues, symEig } from '../src/linalg/index.js';
import { Rng } from '../src/random/rng.js';
import { gauss, imbalanceLevel, singularValuesSmall, symEigvals } from '../properties/min2021/b-util.js';

describe('part B helpers', () => {
  it('Jacobi eigenvalues and Gram singular values agree with ml-matrix', () => {
    const rng = new Rng(3);
    for (const [rows, cols] of [[7, 3], [3, 7], [5, 5], [1, 4]] as const) {
      const A = gauss(rng, rows, cols);
      const ref = singularValues(new Matrix(Array.from({ length: rows }, (_, i) => Array.from(A.subarray(i * cols, (i + 1) * cols)))));
      const got = singularValuesSmall(A, rows, cols);
      for (let i = 0; i < ref.length; i++) expect(got[i]).toBeCloseTo(ref[i], 10);
    }
    const S = gauss(rng, 6, 6);
    const sym = new Matrix(6, 6);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) sym.set(i, j, S[i * 6 + j] + S[j * 6 + i]);
    const ev = symEigvals(Float64Array.from(sym.to1DArray()), 6);
    const ref = symEig(sym).values;
    for (let i = 0; i < 6; i++) expect(ev[i]).toBeCloseTo(ref[i], 11);
  });
  it('imbalanceLevel (Sylvester route) equals λ_r(Λ) + λ_m(−Λ) from the h×h matrix', () => {
    const rng = new Rng(9);
    for (const [m, r, h] of [[1, 2, 3], [2, 3, 9], [3, 1, 20]] as const) {
      const V = gauss(rng, m, h);
      const U1 = gauss(rng, r, h);
      const lev = imbalanceLevel(V, U1, m, r, h)!;
      const toM = (a: Float64Array, rows: number) => new Matrix(Array.from({ length: rows }, (_, i) => Array.from(a.subarray(i * h, (i + 1) * h))));
      const Vm = toM(V, m);
      const Um = toM(U1, r);
      const ev = symEig(Um.transpose().mmul(Um).sub(Vm.transpose().mmul(Vm))).values;
      expect(lev.lr).toBeCloseTo(ev[r - 1], 10);
      expect(lev.lm).toBeCloseTo(-ev[h - m], 10);
    }
  });
});

const only = process.env.PARTB_ONLY?.split(',');
describeClaims('Min et al. 2021 — part B', only ? claims.filter((c) => only.some((o) => c.id.startsWith(o))) : claims);

describe('Min et al. 2021 — part B figures', () => {
  for (const f of figures) {
    it(`${f.id} builds finite series at tier ci`, () => {
      const out = f.build(20211, 'ci');
      const figs = Array.isArray(out) ? out : [out];
      expect(figs.length).toBeGreaterThan(0);
      for (const fig of figs) {
        expect(fig.series.length).toBeGreaterThan(0);
        for (const s of fig.series) {
          expect(s.x.length).toBe(s.y.length);
          expect(s.x.length).toBeGreaterThan(0);
          for (const v of [...s.x, ...s.y]) expect(Number.isFinite(v)).toBe(true);
        }
      }
    });
  }
});
