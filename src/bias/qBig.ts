// High-precision (decimal BigNumber, mathjs/decimal.js) evaluation of q, for asymptotic checks whose
// differences sit far below double precision (Taylor coefficients, eq. (6), eq. (7), the large-z remainder).
import { mathBigAt } from '../symbolic/math.js';

import type { BigNumber } from 'mathjs';
// mathjs' typings do not narrow BigNumber arithmetic; the instance is used untyped internally.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const M: any = mathBigAt(90);
type Big = BigNumber;

export const big = (x: number | string): Big => M.bignumber(x);
export const bigNum = (b: Big): number => Number(b.toString());

/** q(z) = 2 − √(4+z²) + z·asinh(z/2) in 90-digit arithmetic. */
export function qBig(z: Big): Big {
  const two = big(2);
  const s = M.sqrt(M.add(big(4), M.multiply(z, z)) as Big) as Big;
  const a = M.asinh(M.divide(z, two) as Big) as Big;
  return M.add(M.subtract(two, s), M.multiply(z, a)) as Big;
}

export const B = {
  add: (a: Big, b: Big) => M.add(a, b) as Big,
  sub: (a: Big, b: Big) => M.subtract(a, b) as Big,
  mul: (a: Big, b: Big) => M.multiply(a, b) as Big,
  div: (a: Big, b: Big) => M.divide(a, b) as Big,
  log: (a: Big) => M.log(a) as Big,
  abs: (a: Big) => M.abs(a) as Big,
  pow: (a: Big, p: number | Big) => M.pow(a, typeof p === 'number' ? big(p) : p) as Big,
};

/** m·q(β/m) in big arithmetic, with m = α²w0², α = 10^(−k) given by its decimal exponent. */
export function mqBig(beta: number, alphaExp10: number, w0 = 1): Big {
  const m = B.mul(B.pow(big(10), 2 * alphaExp10), big(w0 * w0));
  return B.mul(m, qBig(B.div(big(beta), m)));
}
