// The mathjs instances of the symbolic layer: plain doubles (derivatives, compilation),
// BigNumber (high-precision evaluation; one instance per precision) and Fraction.
import { all, create, type MathJsInstance } from 'mathjs';

/** Doubles: parsing, `derivative`, `simplify`, compilation for float64 checks. */
export const mathNum: MathJsInstance = create(all, {});

/** Default precision (significant digits) of the BigNumber instance. */
export const BIG_DIGITS = 80;

const bigInstances = new Map<number, MathJsInstance>();

/** A BigNumber instance with the given number of significant digits (≥ 64 by default). */
export function mathBigAt(digits: number = BIG_DIGITS): MathJsInstance {
  const d = Math.max(16, Math.round(digits));
  let inst = bigInstances.get(d);
  if (!inst) {
    inst = create(all, { number: 'BigNumber', precision: d });
    bigInstances.set(d, inst);
  }
  return inst;
}

/** The default BigNumber instance (80 significant digits). */
export const mathBig: MathJsInstance = mathBigAt(BIG_DIGITS);

/**
 * A Fraction-capable instance (numeric literals parse to exact fractions). Note that fraction.js
 * rejects exponent literals such as "1e-30": the identity checker therefore evaluates rational
 * expressions on its own bigint `Rational` type (rational.ts, exact.ts) rather than here.
 */
export const mathFrac: MathJsInstance = create(all, { number: 'Fraction' });
