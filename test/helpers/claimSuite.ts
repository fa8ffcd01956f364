// Shared vitest scaffolding: every claim of a list must reach its expected verdict at the CI tier,
// and every falsifier must be rejected. Paper test files call this with their claims.
import { describe, expect, it } from 'vitest';
import type { Claim, Tier } from '../../src/core/claim.js';
import { runClaim, runFalsifier } from '../../src/core/runner.js';

export interface SuiteOptions {
  seed?: number;
  tier?: Tier;
}

/** Fixed seed for CI: runs are reproducible; `BIASCHECK_SEED` overrides it to hunt for flakes. */
export const CI_SEED = Number(process.env.BIASCHECK_SEED ?? 20211);

export function describeClaims(title: string, claims: Claim[], opts: SuiteOptions = {}): void {
  const seed = opts.seed ?? CI_SEED;
  const tier = opts.tier ?? 'ci';
  describe(title, () => {
    for (const claim of claims) {
      it(`${claim.id} is ${claim.expected} (${claim.title})`, () => {
        const r = runClaim(claim, { seed, tier, command: 'npm run verify --' });
        const why = `${r.id}: status ${r.status}, expected ${r.expected}; ${r.passed}/${r.inconclusive}/${r.failed} pass/inc/fail; ${r.reason}${r.replay ? `\nreplay: ${r.replay}\ncounterexample: ${r.counterexample}` : ''}`;
        expect(r.status, why).toBe(claim.expected);
      });
      for (const f of claim.falsifiers) {
        it(`${claim.id} falsifier "${f.name}" is rejected`, () => {
          const r = runFalsifier(claim, f, { seed, tier });
          expect(r.rejected, `${claim.id} / ${f.name}: ${r.reason}`).toBe(true);
        });
      }
    }
  });
}
