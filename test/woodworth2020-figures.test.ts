import { describe, expect, it } from 'vitest';
import { describeClaims } from './helpers/claimSuite.js';
import { figureClaims, figureSpecs } from '../properties/woodworth2020/figures.js';

describeClaims('woodworth2020 figures', figureClaims);

describe('woodworth2020 figure builds', () => {
  for (const spec of figureSpecs) {
    it(`${spec.id} builds finite series`, () => {
      const out = spec.build(20211, 'ci');
      const figs = Array.isArray(out) ? out : [out];
      expect(figs.length).toBeGreaterThan(0);
      for (const f of figs) {
        expect(f.series.length).toBeGreaterThan(0);
        for (const s of f.series) {
          expect(s.x.length).toBe(s.y.length);
          for (const v of [...s.x, ...s.y]) expect(Number.isFinite(v)).toBe(true);
        }
      }
    });
  }
});
