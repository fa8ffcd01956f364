// Round-4 mutation tests of src/bias/qBig.ts (docs/mutation.md): q in 90-digit arithmetic against its closed form
// in doubles (moderate z), its Taylor series at tiny z (differences far below double precision), and the helpers.
// (Separate file: the first 90-digit evaluation initialises mathjs constants, ~6 s.)
import { describe, expect, it } from 'vitest';
import { B as BigOps, big, bigNum, mqBig, qBig } from '../src/bias/qBig.js';

describe('qBig: q in 90-digit arithmetic', () => {
  it('closed form in doubles at moderate z, evenness, and the Taylor series z²/4 − z⁴/192 + z⁶/2560 at tiny z', () => {
    for (const z of [0.5, 2, 30]) {
      const want = 2 - Math.sqrt(4 + z * z) + z * Math.asinh(z / 2);
      expect(bigNum(qBig(big(z))) / want).toBeCloseTo(1, 14);
      expect(bigNum(qBig(big(-z))) / want).toBeCloseTo(1, 14);
    }
    // z = 1e-20: q − z²/4 = −z⁴/192 + … is 80 orders below q (invisible in doubles, visible here)
    const z = big('1e-20');
    const q = qBig(z);
    const rest = BigOps.sub(q, BigOps.div(BigOps.mul(z, z), big(4)));
    expect(bigNum(BigOps.div(rest, BigOps.pow(z, 4))) * 192).toBeCloseTo(-1, 12);
    // z = 1e-3: third coefficient 3/7680 = 1/2560 (from asinh x = x − x³/6 + 3x⁵/40, x = u/2, integrated)
    const z3 = big('0.001');
    const r3 = BigOps.add(BigOps.sub(qBig(z3), BigOps.div(BigOps.mul(z3, z3), big(4))), BigOps.div(BigOps.pow(z3, 4), big(192)));
    expect(bigNum(BigOps.div(r3, BigOps.pow(z3, 6))) * 2560).toBeCloseTo(1, 5);
    expect(bigNum(qBig(big(0)))).toBe(0);
  });
  it('mqBig = m·q(β/m) with m = α²w0², α = 10^k (k = alphaExp10); the helper operations', () => {
    // 2 − √(4+x²) = −x²/(2 + √(4+x²)): no cancellation
    const q = (x: number) => x * Math.asinh(x / 2) - (x * x) / (2 + Math.sqrt(4 + x * x));
    expect(bigNum(mqBig(3, 0)) / q(3)).toBeCloseTo(1, 14);
    expect(bigNum(mqBig(3, -1)) / (0.01 * q(300))).toBeCloseTo(1, 13); // α = 0.1, m = 0.01
    expect(bigNum(mqBig(30, 1, 2)) / (400 * q(0.075))).toBeCloseTo(1, 13); // α = 10, m = 100·4
    expect(bigNum(mqBig(30, 1, -2))).toBe(bigNum(mqBig(30, 1, 2)));
    expect(bigNum(BigOps.add(big(2), big(3)))).toBe(5);
    expect(bigNum(BigOps.sub(big(2), big(3)))).toBe(-1);
    expect(bigNum(BigOps.mul(big(2), big(3)))).toBe(6);
    expect(bigNum(BigOps.div(big(3), big(4)))).toBe(0.75);
    expect(bigNum(BigOps.log(big(Math.E)))).toBeCloseTo(1, 15);
    expect(bigNum(BigOps.abs(big(-7)))).toBe(7);
    expect(bigNum(BigOps.pow(big(2), 10))).toBe(1024);
    expect(bigNum(BigOps.pow(big(4), big(0.5)))).toBe(2);
    // 90 digits: (1 + 1e-80) − 1 is not lost
    expect(bigNum(BigOps.sub(BigOps.add(big(1), big('1e-80')), big(1)))).toBeCloseTo(1e-80, 94);
  });
});
