import { describe, expect, it } from 'vitest';
import {
  betaQuantile,
  binomialCdf,
  clopperPearson,
  clopperPearsonLower,
  clopperPearsonUpper,
  fitLine,
  fitLogLog,
  incompleteBeta,
  logGamma,
  mean,
  normalCdf,
  normalQuantile,
  quantile,
  sd,
  studentTCdf,
  studentTQuantile,
  wilson,
} from '../src/stats/index.js';

describe('special functions', () => {
  it('logGamma matches factorials and Γ(½)', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });
  it('incompleteBeta known values', () => {
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 13);
    // I_x(1, b) = 1 − (1−x)^b ; I_x(a, 1) = x^a
    expect(incompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 13);
    expect(incompleteBeta(0.3, 3, 1)).toBeCloseTo(0.027, 13);
    // I_p(k, n−k+1) = P(Binomial(n, p) ≥ k): here n = 52, k = 50
    expect(incompleteBeta(0.9, 50, 3)).toBeCloseTo(binomialTail(52, 0.9, 50), 10);
  });
  it('binomialCdf agrees with direct summation', () => {
    for (const [n, p] of [[10, 0.3], [40, 0.95], [7, 0.5]] as const) {
      let acc = 0;
      for (let k = 0; k <= n; k++) {
        acc += choose(n, k) * p ** k * (1 - p) ** (n - k);
        expect(binomialCdf(k, n, p)).toBeCloseTo(acc, 11);
      }
    }
  });
  it('normal quantile and CDF', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 10);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.753424308822899, 8);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 12);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 13);
  });
  it('Student t quantiles (textbook table)', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174705, 8);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.302652729749464, 9);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 9);
    expect(studentTQuantile(0.95, 30)).toBeCloseTo(1.697260887048, 9);
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.570581835636314, 9);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5);
    expect(studentTCdf(studentTQuantile(0.9, 7), 7)).toBeCloseTo(0.9, 12);
  });
  it('betaQuantile inverts incompleteBeta', () => {
    for (const [p, a, b] of [[0.1, 2, 5], [0.99, 30, 1], [0.5, 0.5, 0.5]] as const) {
      expect(incompleteBeta(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 12);
    }
  });
});

describe('binomial intervals', () => {
  it('Clopper–Pearson known values', () => {
    // k = 0: hi = 1 − (α/2)^{1/n}; k = n: lo = (α/2)^{1/n}
    const a = clopperPearson(0, 10, 0.95);
    expect(a.lo).toBe(0);
    expect(a.hi).toBeCloseTo(1 - 0.025 ** (1 / 10), 12);
    const b = clopperPearson(10, 10, 0.95);
    expect(b.hi).toBe(1);
    expect(b.lo).toBeCloseTo(0.025 ** (1 / 10), 12);
    // R: binom.test(7, 20)$conf.int = 0.1539092 0.5921885
    const c = clopperPearson(7, 20, 0.95);
    expect(c.lo).toBeCloseTo(0.1539092, 6);
    expect(c.hi).toBeCloseTo(0.5921885, 6);
  });
  it('one-sided bounds solve the binomial tail equations', () => {
    const up = clopperPearsonUpper(90, 100, 0.99);
    expect(binomialCdf(90, 100, up)).toBeCloseTo(0.01, 10);
    const lo = clopperPearsonLower(90, 100, 0.99);
    expect(1 - binomialCdf(89, 100, lo)).toBeCloseTo(0.01, 10);
    expect(clopperPearsonUpper(100, 100)).toBe(1);
  });
  it('Wilson interval known value', () => {
    // k=7, n=20, 95%: 0.1812, 0.5671 (standard textbook example)
    const w = wilson(7, 20, 0.95);
    expect(w.lo).toBeCloseTo(0.18119, 4);
    expect(w.hi).toBeCloseTo(0.56714, 4);
  });
  it('rejects bad arguments', () => {
    expect(() => clopperPearson(5, 3, 0.95)).toThrow();
    expect(() => wilson(1, 0, 0.95)).toThrow();
  });
});

describe('summaries and regression', () => {
  it('mean, sd, quantile', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935299395, 12);
    expect(quantile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([10], 0.9)).toBe(10);
  });
  it('fitLine recovers an exact line and has a degenerate CI', () => {
    const x = [0, 1, 2, 3, 4];
    const f = fitLine(x, x.map((v) => 3 - 2 * v));
    expect(f.slope).toBeCloseTo(-2, 12);
    expect(f.intercept).toBeCloseTo(3, 12);
    expect(f.r2).toBeCloseTo(1, 12);
    expect(f.slopeCI95[1] - f.slopeCI95[0]).toBeLessThan(1e-10);
  });
  it('fitLine CI matches a hand computation', () => {
    // x = 1..5, y = 1.1, 1.9, 3.2, 3.8, 5.1: Sxx = 10, Sxy = 9.9 → slope 0.99, intercept 0.05.
    const x = [1, 2, 3, 4, 5];
    const y = [1.1, 1.9, 3.2, 3.8, 5.1];
    const f = fitLine(x, y);
    expect(f.slope).toBeCloseTo(0.99, 12);
    expect(f.intercept).toBeCloseTo(0.05, 12);
    // residuals: 0.06, −0.13, 0.18, −0.21, 0.1 → SSE = 0.107; se = sqrt(SSE/(n−2)/Sxx)
    const se = Math.sqrt(0.107 / 3 / 10);
    expect(f.slopeSE).toBeCloseTo(se, 12);
    expect(f.slopeCI95[0]).toBeCloseTo(0.99 - 3.182446305284263 * se, 8);
    expect(f.r2).toBeCloseTo(1 - 0.107 / 9.908, 10);
  });
  it('fitLogLog recovers a power law', () => {
    const x = [1, 2, 4, 8, 16];
    const f = fitLogLog(x, x.map((v) => 5 * v ** -0.5));
    expect(f.slope).toBeCloseTo(-0.5, 12);
    expect(Math.exp(f.intercept)).toBeCloseTo(5, 10);
    expect(() => fitLogLog([1, 2], [1, -1])).toThrow();
  });
});

function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
function binomialTail(n: number, p: number, k: number): number {
  // P(Binomial(n, p) ≥ k)  — relation I_p(k, n−k+1) = P(X ≥ k)
  let s = 0;
  for (let j = k; j <= n; j++) s += choose(n, j) * p ** j * (1 - p) ** (n - j);
  return s;
}

describe('incomplete gamma tails', () => {
  it('logGammaQ matches erfc and chi-square tails', async () => {
    const { logGammaQ, logChiSquareSurvival, erfc } = await import('../src/stats/index.js');
    // Q(½, x²) = erfc(x): erfc(8/√2) = 2·Φ̄(8) = 1.2442e-15
    expect(Math.exp(logGammaQ(0.5, 32))).toBeCloseTo(1.244192114854357e-15, 25);
    expect(erfc(1)).toBeCloseTo(0.157299207050285, 14);
    // χ²_2 survival is exp(−q/2) exactly
    expect(logChiSquareSurvival(1000, 2)).toBeCloseTo(-500, 9);
    expect(logChiSquareSurvival(3, 2)).toBeCloseTo(-1.5, 12);
    // χ²_4 survival: (1 + q/2) e^{−q/2}
    expect(logChiSquareSurvival(600, 4)).toBeCloseTo(Math.log(301) - 300, 9);
  });
});
