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

// Flake regressions (fresh-seed hunt 2026-11-30), on the pieces that fixed them (the full claims run above).
import { f5Candidate, f5Setup, minNuclearBracket, trainF6, f6Problem } from '../properties/woodworth2020/figures.js';
import { Rng } from '../src/random/rng.js';
import { heUniform, reluNet } from '../src/models/wooRelu.js';
describe('woodworth2020 figure flake regressions', () => {
  it('WOO-F5: the ADMM bracket certifies that Y* is not the minimum-nuclear-norm interpolant at instance seed 503605753', () => {
    const S = f5Candidate(503605753);
    const b = minNuclearBracket(S);
    expect(b.lb).toBeLessThanOrEqual(b.ub);
    expect(b.ub).toBeLessThan(S.nucY * (1 - 1e-9));
    // an exact interpolant: the observed entries are reproduced
    S.obs.forEach((e, n) => expect(Math.abs(b.Z[e] - S.y[n])).toBeLessThan(1e-12 * (1 + Math.abs(S.y[n]))));
  });
  it('WOO-F5: the bracket certifies Y* as the minimum on a generic instance (lb ≥ ‖Y*‖_*(1 − 1e-6))', () => {
    const S = f5Setup(2);
    const b = minNuclearBracket(S);
    expect(b.lb).toBeGreaterThanOrEqual(S.nucY * (1 - 1e-6));
  });
  it('WOO-F5: f5Setup redraws instance seed 3 (Y* 8.8% above the minimum nuclear norm) to a draw where Y* is the minimum', () => {
    const S0 = f5Candidate(3);
    expect(minNuclearBracket(S0).ub).toBeLessThan(S0.nucY * (1 - 1e-9));
    const S = f5Setup(3);
    expect(minNuclearBracket(S).ub).toBeGreaterThanOrEqual(S.nucY * (1 - 1e-9));
  });
  it('WOO-F6: training gets past the ReLU-kink lock-up of instance seed 1907444987 (D = 2, α = 0.3, init 0)', () => {
    const seed = 1907444987;
    const { xs, ys } = f6Problem(seed);
    const net = reluNet(2, 20);
    const w0 = heUniform(net, new Rng(seed + 2), 1).map((v) => v * 0.3);
    expect(trainF6(net, w0, xs, ys, 1e-3, 6000).converged).toBe(true);
  });
});

// WOO-F1 calibration mismatches (50 seeds, tier ci, 2026-11-30): calibration seed 17 → instance seed 539148257,
// calibration seed 23 → instance seed 437309491.
import { wooF1 } from '../properties/woodworth2020/figures.js';
describe('WOO-F1 calibration regressions', () => {
  it('instance 539148257: the ℓ2 gap genuinely rises inside the rich region (≫ the solves\' error bound); reported, not asserted; the kernel end is within the Theorem-1 bound', () => {
    const o = wooF1.check({ seed: 539148257 }, { tier: 'ci', seed: 17 });
    expect(o.status).toBe('pass');
    const m = /0\.000001→0\.0001: \+([0-9.e-]+) \(error bound ([0-9.e-]+)\), 0\.0001→0\.001: \+([0-9.e-]+) \(error bound ([0-9.e-]+)\)/.exec(o.reason ?? '');
    expect(m).not.toBeNull();
    const [rise1, eb1, rise2, eb2] = m!.slice(1).map(Number);
    // the rises (2.6e-4, 4.1e-4) are ≥ 1e8 × the a-posteriori error bounds (~1e-13): not solver error
    expect(rise1).toBeGreaterThan(1e8 * eb1);
    expect(rise2).toBeGreaterThan(1e8 * eb2);
    expect(o.reason).toMatch(/ℓ2 gap at α = \d+ \(worst of α ≥ 1\) vs the Theorem-1 kernel bound/);
  });
  it('instance 437309491: the N = 15 → 20 trend of α_max is resolved at 1/8 decade (was inconclusive at 0.5)', () => {
    const o = wooF1.check({ seed: 437309491 }, { tier: 'ci', seed: 23 });
    expect(o.status).toBe('pass');
    expect(o.reason).toContain('-2.875→-2.625');
  });
});
