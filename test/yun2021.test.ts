// Yun et al. (2021): every claim reaches its expected verdict at tier 'ci', every falsifier is rejected,
// figures build with finite series.
import { describe, expect, it } from 'vitest';
import { describeClaims } from './helpers/claimSuite.js';
import { claims, figures, reconstructions } from '../properties/yun2021/index.js';
import { proofs } from '../proofs/yun2021/index.js';

describeClaims('Yun et al. 2021 — claims', claims);
describeClaims('Yun et al. 2021 — symbolic proofs', proofs);

describe('Yun et al. 2021 — catalog coverage, figures, reconstructions', () => {
  it('lists every catalog id', () => {
    const ids = new Set([...claims, ...proofs].map((c) => c.id));
    const catalog = ['N1','E1','E2','E3','E4','E5','A1','A2','A3','A4','CQ1','CQ2','CQ3','CQ4','CQ5','T1','C1','T2','T2R','R1','C2','C3','T3','T3X','T3R','C4a','C4b','L4','L4X','T5','T5S','T5R','R4','C5','C6','C7','T6','T6G','T6R','T7','T7R','T7P','T7G','X1','X2'];
    const missing = catalog.map((c) => `YUN-${c}`).filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });
  for (const f of figures) {
    it(`figure ${f.id} builds with finite series`, () => {
      const out = f.build(1, 'ci');
      for (const fig of Array.isArray(out) ? out : [out]) {
        expect(fig.series.length).toBeGreaterThan(0);
        for (const s of fig.series) {
          expect(s.x.length).toBe(s.y.length);
          expect([...s.x, ...s.y].every(Number.isFinite)).toBe(true);
        }
      }
    });
  }
  it('exports reconstructions', () => {
    expect(reconstructions.length).toBeGreaterThan(0);
  });
});
