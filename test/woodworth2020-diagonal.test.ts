import { describe, expect, it } from 'vitest';
import { describeClaims } from './helpers/claimSuite.js';
import { diagonalClaims, wooL4, wooESC } from '../properties/woodworth2020/diagonal.js';
import { runClaim } from '../src/core/runner.js';
describeClaims('woodworth2020 diagonal models', diagonalClaims);

// Flake regressions (fresh-seed hunt 2026-11-30).
describe('woodworth2020 diagonal flake regressions', () => {
  it('WOO-L4 at global seed 709854405: the remainder bound stops the flows (no wall-time guard)', () => {
    const r = runClaim(wooL4, { seed: 709854405, tier: 'ci' });
    expect(r.status).toBe('holds');
    expect(r.reason).not.toMatch(/wall-time|ended early/);
  });
  it('WOO-ESC at global seed 773473827: a draw with ρ > 0.55 is found', () => {
    expect(runClaim(wooESC, { seed: 773473827, tier: 'ci' }).status).toBe('holds');
  });
});
