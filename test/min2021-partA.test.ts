// Min et al. (2021), part A: every claim reaches its expected verdict at tier 'ci' and every falsifier is
// rejected; the Figure 3 reproduction builds and returns finite series.
import { describe, expect, it } from 'vitest';
import { describeClaims, CI_SEED } from './helpers/claimSuite.js';
import { claims, figures } from '../properties/min2021/partA.js';

describeClaims('Min et al. 2021 — part A (dynamics, Theorem 1, Proposition 1, identities, Fig. 3)', claims);

describe('Min et al. 2021 — part A figures', () => {
  it('lists every assigned catalog id', () => {
    const ids = new Set(claims.map((c) => c.id));
    for (const id of [
      'MIN-GRAD', 'MIN-REPARAM', 'MIN-U2CONST', 'MIN-E8', 'MIN-LSTAR', 'MIN-MINNORM', 'MIN-C1', 'MIN-FULLIMB', 'MIN-RANK', 'MIN-SIGN',
      'MIN-CEQ', 'MIN-INERTIA', 'MIN-ORTHC', 'MIN-EDOT', 'MIN-E22', 'MIN-E23', 'MIN-E25', 'MIN-MINIMAX', 'MIN-T1', 'MIN-T1CONV',
      'MIN-AZNORM', 'MIN-ZBOUND', 'MIN-E14', 'MIN-PROJ', 'MIN-E16', 'MIN-INV', 'MIN-P1', 'MIN-LINREG', 'MIN-ZERO', 'MIN-BAL',
      'MIN-QINV', 'MIN-NTK', 'MIN-NTKOUT', 'MIN-GDSCALE', 'MIN-FIG3',
    ])
      expect(ids.has(id), id).toBe(true);
    for (const c of claims) if (c.expected === 'refuted') expect(c.counterpart && ids.has(c.counterpart), `${c.id} counterpart`).toBe(true);
  });

  for (const spec of figures) {
    it(`figure ${spec.id} builds with finite series`, () => {
      const out = spec.build(CI_SEED, 'ci');
      const figs = Array.isArray(out) ? out : [out];
      expect(figs.length).toBeGreaterThan(0);
      for (const f of figs) {
        expect(f.series.length).toBeGreaterThan(0);
        for (const s of f.series) {
          expect(s.x.length).toBe(s.y.length);
          expect(s.x.length).toBeGreaterThan(1);
          for (const v of [...s.x, ...s.y]) expect(Number.isFinite(v)).toBe(true);
          if (f.logY) for (const v of s.y) expect(v).toBeGreaterThan(0);
        }
      }
    });
  }
});
