// The runner itself: honest counts, shrinking, replay, inconclusive ≠ pass, falsifiers, determinism.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineClaim, fail, inconclusive, pass, within, all, type Claim } from '../src/core/claim.js';
import { runClaim, runFalsifier } from '../src/core/runner.js';
import { claimSeed } from '../src/core/seed.js';
import { Rng } from '../src/random/rng.js';

// A true statement: for any real x, x² ≥ 0 (checked on integers to keep it exact).
const square = defineClaim<number>({
  id: 'TEST-SQ',
  paper: 'test',
  title: 'squares are non-negative',
  statement: 'x² ≥ 0',
  expected: 'holds',
  arbitrary: fc.integer({ min: -1000, max: 1000 }),
  check: (x) => within(-(x * x), 0, 'negated square'),
  falsifiers: [{ name: 'x² ≥ 250000', description: 'a changed constant', check: (x) => within(250000 - x * x, 0, '250000 − x²') }],
});

// A false statement whose smallest counterexample is known: x < 100 for all x in [0, 1000].
const below = defineClaim<number>({
  id: 'TEST-BELOW',
  paper: 'test',
  title: 'x < 100',
  statement: 'every integer in [0, 1000] is below 100',
  expected: 'refuted',
  erratum: 'false for x ≥ 100',
  arbitrary: fc.integer({ min: 0, max: 1000 }),
  check: (x) => (x < 100 ? pass(x / 100) : fail(x / 100, `x = ${x} ≥ 100`)),
  falsifiers: [{ name: 'x < 10', description: 'stricter', check: (x) => (x < 10 ? pass() : fail(x / 10, `x = ${x}`)) }],
});

describe('runner', () => {
  it("a claim's margin is its worst passing instance: an inconclusive instance's sub-check ratio does not count", () => {
    const mixed = defineClaim<number>({
      id: 'TEST-MIXED',
      paper: 'test',
      title: 'even instances pass with margin 0.25, odd ones are inconclusive with a large sub-check ratio',
      statement: 'margin bookkeeping',
      expected: 'holds',
      arbitrary: fc.integer({ min: 0, max: 1000 }),
      check: (x) => (x % 2 === 0 ? pass(0.25) : { ...inconclusive('regime not reached'), margin: 125 }),
      falsifiers: [{ name: 'never', description: 'unused here', check: () => fail(2, 'mutant') }],
    });
    const r = runClaim(mixed, { seed: 5, tier: 'ci', runs: 40 });
    expect(r.inconclusive).toBeGreaterThan(0);
    expect(r.passed).toBeGreaterThan(0);
    expect(r.margin).toBe(0.25);
  });

  it('a true claim holds with every instance counted', () => {
    const r = runClaim(square, { seed: 7, tier: 'ci', runs: 50 });
    expect(r.status).toBe('holds');
    expect(r.matches).toBe(true);
    expect([r.runs, r.passed, r.failed, r.inconclusive]).toEqual([50, 50, 0, 0]);
  });

  it("a replay of one passing instance gives that instance's verdict (not 'only 1 of N conclusive')", () => {
    // The replay path of a counterexample, replayed after the check was fixed (every instance now passes).
    const path = /--replay (\S+)/.exec(runClaim(below, { seed: 3, tier: 'ci', runs: 100 }).replay!)![1];
    const fixed = defineClaim<number>({ ...below, expected: 'holds', check: () => pass(0.5) });
    const r = runClaim(fixed, { seed: 3, tier: 'ci', runs: 100, replayPath: path });
    expect(r.runs).toBe(1);
    expect(r.status).toBe('holds');
  });

  it('a false claim is refuted, shrunk to the boundary, and its replay reproduces it', () => {
    const r = runClaim(below, { seed: 3, tier: 'ci', runs: 100 });
    expect(r.status).toBe('refuted');
    expect(r.counterexample).toBe('100');
    expect(r.replay).toMatch(/--claim TEST-BELOW --seed 3 --tier ci --replay \S+/);
    const path = /--replay (\S+)/.exec(r.replay!)![1];
    const again = runClaim(below, { seed: 3, tier: 'ci', runs: 100, replayPath: path });
    expect(again.status).toBe('refuted');
    expect(again.counterexample).toBe('100');
  });

  it('inconclusive instances are counted and never make a claim hold', () => {
    const c: Claim<number> = { ...square, id: 'TEST-INC', check: () => inconclusive('flow did not converge') };
    const r = runClaim(c, { seed: 1, tier: 'ci', runs: 10 });
    expect(r.status).toBe('inconclusive');
    expect(r.inconclusive).toBe(10);
    expect(r.inconclusiveReasons).toEqual({ 'flow did not converge': 10 });
    const half: Claim<number> = { ...square, id: 'TEST-HALF', check: (x) => (x % 3 === 0 ? pass(0) : inconclusive('odd')) };
    expect(runClaim(half, { seed: 1, tier: 'ci', runs: 30 }).status).toBe('inconclusive');
  });

  it('a check that throws is an error, not a refutation', () => {
    const c: Claim<number> = { ...square, id: 'TEST-THROW', check: () => { throw new Error('boom'); } };
    const r = runClaim(c, { seed: 1, tier: 'ci', runs: 5 });
    expect(r.status).toBe('error');
    expect(r.matches).toBe(false);
    expect(r.reason).toContain('boom');
  });

  it('falsifiers are rejected, and a falsifier equal to the claim is not', () => {
    expect(runFalsifier(square, square.falsifiers[0], { seed: 2, tier: 'ci', runs: 50 }).rejected).toBe(true);
    const r = runFalsifier(square, { name: 'same', description: 'the claim itself', check: square.check }, { seed: 2, tier: 'ci', runs: 30 });
    expect(r.rejected).toBe(false);
    expect(r.instances).toBe(30);
  });

  it('results depend only on the seed', () => {
    const strip = (r: ReturnType<typeof runClaim>) => ({ ...r, seconds: 0 });
    expect(strip(runClaim(below, { seed: 11, tier: 'ci', runs: 40 }))).toEqual(strip(runClaim(below, { seed: 11, tier: 'ci', runs: 40 })));
    expect(claimSeed(1, 'MIN-T1')).not.toBe(claimSeed(2, 'MIN-T1'));
    expect(claimSeed(1, 'MIN-T1')).not.toBe(claimSeed(1, 'MIN-T2'));
  });

  it('defineClaim refuses a claim with no falsifier or a refuted claim with no erratum', () => {
    expect(() => defineClaim({ ...square, falsifiers: [] })).toThrow(/no falsifier/);
    expect(() => defineClaim({ ...below, erratum: undefined })).toThrow(/erratum/);
  });

  it('all() combines sub-checks: any fail fails, else any inconclusive', () => {
    expect(all([pass(0.1), pass(0.5)]).status).toBe('pass');
    expect(all([pass(0.1), inconclusive('x')]).status).toBe('inconclusive');
    expect(all([fail(2, 'bad'), inconclusive('x')]).status).toBe('fail');
    expect(all([pass(0.1), pass(0.5)]).margin).toBe(0.5);
  });
});

describe('Rng', () => {
  it('is reproducible and roughly standard normal', () => {
    const a = new Rng(42).normals(20000);
    const b = new Rng(42).normals(20000);
    expect(Array.from(a)).toEqual(Array.from(b));
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    const variance = a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length;
    // Standard errors: mean 1/√n ≈ 0.007, variance √(2/n) ≈ 0.01; 5σ bounds.
    expect(Math.abs(mean)).toBeLessThan(0.035);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
  it('uniform draws lie in [0, 1)', () => {
    const r = new Rng(1);
    for (let i = 0; i < 10000; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});
