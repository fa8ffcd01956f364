// The symbolic proofs of Min et al. 2021 at the CI tier: every proof reaches its expected verdict
// and every falsifier (mutant identity) is rejected by the same machinery.
import { describe, expect, it } from 'vitest';
import { proofs } from '../proofs/min2021/index.js';
import { describeClaims } from './helpers/claimSuite.js';

describe('MIN proofs registry', () => {
  it('every proof is a kind-proof claim with a -SYM id and a falsifier', () => {
    for (const p of proofs) {
      expect(p.kind).toBe('proof');
      expect(p.id).toMatch(/^MIN-[A-Z0-9]+-SYM(-LITERAL)?$/);
      expect(p.falsifiers.length).toBeGreaterThan(0);
    }
    expect(new Set(proofs.map((p) => p.id)).size).toBe(proofs.length);
  });
});

describeClaims('Min et al. 2021 — symbolic proofs', proofs);
