// Every tolerance in the claims says where it comes from (scripts/tolerance-audit.ts): a within() call with no
// derivation or calibration pointer in a comment next to it fails this test.
import { describe, expect, it } from 'vitest';
import { unexplainedTolerances } from '../scripts/tolerance-audit.js';

describe('tolerance audit', () => {
  it('every within() in properties/ and proofs/ carries a comment deriving its allowed value', () => {
    const { total, missing } = unexplainedTolerances();
    expect(total).toBeGreaterThan(400);
    expect(missing.map((s) => `${s.file}:${s.line}: ${s.text}`)).toEqual([]);
  });
});
