// Second round for src/bias/qFunctions.ts, from the survivors of the first Stryker run: the log-domain
// helpers exist for extreme scales (α down to 1e-300, |s| in the hundreds), but round 1 only evaluated
// them where the plain formulas also work, so removing a guard survived. Here each guard is exercised
// where the plain formula overflows, underflows or cancels.
import { describe, expect, it } from 'vitest';
import { cCosh, cCoshm1, cSinh, q, qScaled } from '../src/bias/qFunctions.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe('qFunctions at the extremes', () => {
  it('q(z) for z² beyond the double range (the direct form would give NaN)', () => {
    const z = 1e200;
    expect(rel(q(z), z * Math.log(z) - z)).toBeLessThan(1e-15);
    expect(Number.isFinite(q(-z))).toBe(true);
  });
  it('m·q(β/m) when m is subnormal (β/m overflows) or infinite', () => {
    const lm = Math.log(1e-320);
    const v = qScaled(1, lm);
    expect(Number.isFinite(v)).toBe(true);
    expect(rel(v, -lm - 1)).toBeLessThan(1e-12);
    expect(qScaled(1, 800)).toBe(Infinity);
  });
  it('c·sinh, c·cosh when c underflows and sinh overflows (|s| = 720, ln c = −800)', () => {
    const want = Math.exp(-800 + 720 - Math.LN2);
    expect(rel(cSinh(-800, 720), want)).toBeLessThan(1e-13);
    expect(rel(cSinh(-800, -720), -want)).toBeLessThan(1e-13);
    expect(rel(cCosh(-800, 720), want)).toBeLessThan(1e-13);
    expect(rel(cCoshm1(-800, 720), want)).toBeLessThan(1e-13);
  });
  it('c·(cosh s − 1) without cancellation at small s', () => {
    for (const s of [1e-4, 1e-6]) expect(rel(cCoshm1(0, s), 2 * Math.sinh(s / 2) ** 2)).toBeLessThan(1e-13);
  });
});
