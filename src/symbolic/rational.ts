// Exact rational arithmetic on bigint pairs, and small exact rational matrices.
// mathjs' Fraction type cannot parse literals such as "1e-30", so the exact evaluator of
// polynomial/rational identities (exact.ts) runs on this type instead.
import { Rng } from '../random/rng.js';

const LAZY_LIMIT = 1n << 128n;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * An exact rational number n/d with d > 0. Arithmetic keeps results reduced only lazily (when the
 * denominator grows past 2^128), which is much faster on long sums; equality and zero tests do not
 * depend on reduction, and `n`/`d` of a value built by the constructor are reduced. Immutable.
 */
export class Rational {
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint | number, d: bigint | number = 1n, reduce = true) {
    let nn = typeof n === 'bigint' ? n : BigInt(n);
    let dd = typeof d === 'bigint' ? d : BigInt(d);
    if (dd === 0n) throw new RationalDivisionByZero();
    if (dd < 0n) {
      nn = -nn;
      dd = -dd;
    }
    if (reduce && dd !== 1n) {
      const g = gcd(nn, dd);
      if (g > 1n) {
        nn /= g;
        dd /= g;
      }
    }
    this.n = nn;
    this.d = dd;
  }

  /** Internal: build without reducing unless the denominator is large. */
  private static lazy(n: bigint, d: bigint): Rational {
    return new Rational(n, d, d > LAZY_LIMIT || d < -LAZY_LIMIT);
  }

  /** The same value in lowest terms. */
  reduced(): Rational {
    return this.d === 1n ? this : new Rational(this.n, this.d, true);
  }

  static readonly ZERO = new Rational(0n);
  static readonly ONE = new Rational(1n);

  /**
   * Exact value of a decimal literal ("0.1", "-3", "1e-30", "2.5E+3"). The value meant by the
   * literal, not of its nearest double: "0.1" is 1/10.
   */
  static parse(text: string): Rational {
    const s = text.trim();
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
      const frac = /^([+-]?\d+)\s*\/\s*(\d+)$/.exec(s);
      if (frac) return new Rational(BigInt(frac[1]), BigInt(frac[2]));
      throw new Error(`not a decimal literal: ${text}`);
    }
    const sign = m[1] === '-' ? -1n : 1n;
    const intPart = m[2] || '0';
    const fracPart = m[3] ?? '';
    const exp = Number(m[4] ?? '0') - fracPart.length;
    let num = BigInt(intPart + fracPart) * sign;
    let den = 1n;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den = 10n ** BigInt(-exp);
    return new Rational(num, den);
  }

  /** The rational meant by a JS number's shortest round-trip decimal text (0.1 → 1/10). */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
    if (Number.isInteger(x) && Math.abs(x) < 2 ** 53) return new Rational(BigInt(x));
    return Rational.parse(String(x));
  }

  add(o: Rational): Rational {
    if (this.d === o.d) return this.d === 1n ? new Rational(this.n + o.n, 1n, false) : Rational.lazy(this.n + o.n, this.d);
    if (this.n === 0n) return o;
    if (o.n === 0n) return this;
    return Rational.lazy(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rational): Rational {
    if (this.d === o.d) return this.d === 1n ? new Rational(this.n - o.n, 1n, false) : Rational.lazy(this.n - o.n, this.d);
    if (o.n === 0n) return this;
    return Rational.lazy(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Rational): Rational {
    if (this.n === 0n || o.n === 0n) return Rational.ZERO;
    if (this.d === 1n && o.d === 1n) return new Rational(this.n * o.n, 1n, false);
    return Rational.lazy(this.n * o.n, this.d * o.d);
  }
  div(o: Rational): Rational {
    if (o.n === 0n) throw new RationalDivisionByZero();
    return Rational.lazy(this.n * o.d, this.d * o.n);
  }
  neg(): Rational {
    return new Rational(-this.n, this.d, false);
  }
  abs(): Rational {
    return this.n < 0n ? this.neg() : this;
  }
  /** Integer power (negative exponents allowed for nonzero values). */
  pow(k: bigint | number): Rational {
    let e = typeof k === 'bigint' ? k : BigInt(k);
    if (e === 0n) return Rational.ONE;
    let base: Rational = this.reduced();
    if (e < 0n) {
      base = Rational.ONE.div(base).reduced();
      e = -e;
    }
    return new Rational(base.n ** e, base.d ** e, false);
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  isInteger(): boolean {
    return this.d === 1n || this.n % this.d === 0n;
  }
  equals(o: Rational): boolean {
    return this.n * o.d === o.n * this.d;
  }
  cmp(o: Rational): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  /** Nearest double (robust to huge numerators and denominators). */
  toNumber(): number {
    const n = this.n;
    const d = this.d;
    const direct = Number(n) / Number(d);
    if (Number.isFinite(direct) && direct !== 0) return direct;
    if (n === 0n) return 0;
    // Shift both to ~60 significant bits before dividing.
    const bits = (x: bigint) => (x < 0n ? -x : x).toString(2).length;
    const shift = BigInt(bits(n) - bits(d) - 60);
    const q = shift >= 0n ? n / (d << shift) : (n << -shift) / d;
    return Number(q) * 2 ** Number(shift);
  }
  /** mathjs-parsable text, parenthesized when not an integer or negative: "(3/7)", "(-2)". */
  toExpr(): string {
    if (this.d !== 1n && !this.isReduced()) return this.reduced().toExpr();
    if (this.d === 1n) return this.n < 0n ? `(${this.n})` : `${this.n}`;
    return `(${this.n}/${this.d})`;
  }
  private isReduced(): boolean {
    return gcd(this.n, this.d) === 1n;
  }
  toString(): string {
    if (this.d !== 1n && !this.isReduced()) return this.reduced().toString();
    return this.d === 1n ? `${this.n}` : `${this.n}/${this.d}`;
  }
}

export class RationalDivisionByZero extends Error {
  constructor() {
    super('rational division by zero');
  }
}

export const rat = (n: bigint | number, d: bigint | number = 1n): Rational => new Rational(n, d);

/**
 * A random rational in [lo, hi] with a random denominator in 1..maxDen: the sample set has
 * roughly (hi − lo)·maxDen²/2 distinct points, which is what the Schwartz–Zippel bound counts.
 */
export function randomRational(rng: Rng, lo: number, hi: number, maxDen = 1000): Rational {
  const q = rng.int(1, maxDen);
  const pLo = Math.ceil(lo * q);
  const pHi = Math.floor(hi * q);
  if (pHi < pLo) return Rational.fromNumber(lo);
  return new Rational(BigInt(rng.int(pLo, pHi)), BigInt(q));
}

// ---------------------------------------------------------------------------------------------
// Small exact matrices: arrays of rows of Rationals.
export type RatMatrix = Rational[][];

export function ratZeros(rows: number, cols: number): RatMatrix {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => Rational.ZERO));
}
export function ratIdentity(n: number): RatMatrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO)));
}
export function ratFrom(values: (number | string | Rational)[][]): RatMatrix {
  return values.map((row) => row.map((v) => (v instanceof Rational ? v : typeof v === 'string' ? Rational.parse(v) : Rational.fromNumber(v))));
}
export function ratDiag(values: Rational[]): RatMatrix {
  const n = values.length;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? values[i] : Rational.ZERO)));
}
export function ratTranspose(a: RatMatrix): RatMatrix {
  if (a.length === 0) return [];
  return a[0].map((_, j) => a.map((row) => row[j]));
}
export function ratMul(a: RatMatrix, b: RatMatrix): RatMatrix {
  const k = b.length;
  if ((a[0]?.length ?? 0) !== k) throw new Error(`ratMul: inner dimensions ${a[0]?.length} vs ${k}`);
  const cols = b[0]?.length ?? 0;
  return a.map((row) =>
    Array.from({ length: cols }, (_, j) => {
      let s = Rational.ZERO;
      for (let l = 0; l < k; l++) if (!row[l].isZero() && !b[l][j].isZero()) s = s.add(row[l].mul(b[l][j]));
      return s;
    }),
  );
}
export function ratAdd(a: RatMatrix, b: RatMatrix): RatMatrix {
  return a.map((row, i) => row.map((v, j) => v.add(b[i][j])));
}
export function ratSub(a: RatMatrix, b: RatMatrix): RatMatrix {
  return a.map((row, i) => row.map((v, j) => v.sub(b[i][j])));
}
export function ratScale(a: RatMatrix, s: Rational): RatMatrix {
  return a.map((row) => row.map((v) => v.mul(s)));
}
export function ratEquals(a: RatMatrix, b: RatMatrix): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((v, j) => v.equals(b[i][j])));
}
/** Columns c0..c1−1 (exclusive end). */
export function ratCols(a: RatMatrix, c0: number, c1: number): RatMatrix {
  return a.map((row) => row.slice(c0, c1));
}
/** Exact inverse by Gauss–Jordan elimination; throws if singular. */
export function ratInverse(a: RatMatrix): RatMatrix {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...ratIdentity(n)[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    while (p < n && m[p][c].isZero()) p++;
    if (p === n) throw new Error('ratInverse: singular matrix');
    [m[c], m[p]] = [m[p], m[c]];
    const inv = Rational.ONE.div(m[c][c]);
    m[c] = m[c].map((v) => v.mul(inv));
    for (let r = 0; r < n; r++) {
      if (r === c || m[r][c].isZero()) continue;
      const f = m[r][c];
      m[r] = m[r].map((v, j) => v.sub(f.mul(m[c][j])));
    }
  }
  return m.map((row) => row.slice(n));
}

/**
 * An exactly orthogonal rational n×n matrix by the Cayley transform Q = (I − S)(I + S)⁻¹ with S
 * skew-symmetric (I + S is always invertible: S has imaginary eigenvalues). Entries of S are
 * small random rationals, so Q is generic (no zero pattern) but its entries stay short.
 */
export function cayleyOrthogonal(rng: Rng, n: number, maxNum = 3, maxDen = 3): RatMatrix {
  const s = ratZeros(n, n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let v = new Rational(BigInt(rng.int(-maxNum, maxNum)), BigInt(rng.int(1, maxDen)));
      if (v.isZero()) v = new Rational(1n, BigInt(rng.int(1, maxDen + 1)));
      s[i][j] = v;
      s[j][i] = v.neg();
    }
  const id = ratIdentity(n);
  return ratMul(ratSub(id, s), ratInverse(ratAdd(id, s)));
}

export function ratToNumbers(a: RatMatrix): number[][] {
  return a.map((row) => row.map((v) => v.toNumber()));
}

/**
 * Characteristic polynomial det(λI − A) of a square rational matrix by Faddeev–LeVerrier, exactly:
 * coefficients c[0..n] of λ^0..λ^n (c[n] = 1).
 */
export function ratCharPoly(a: RatMatrix): Rational[] {
  const n = a.length;
  const c: Rational[] = new Array(n + 1).fill(Rational.ZERO);
  c[n] = Rational.ONE;
  let M = ratZeros(n, n);
  for (let k = 1; k <= n; k++) {
    // M_k = A M_{k−1} + c_{n−k+1} I ; c_{n−k} = −tr(A M_k)/k
    M = ratMul(a, M).map((row, i) => row.map((v, j) => (i === j ? v.add(c[n - k + 1]) : v)));
    const AM = ratMul(a, M);
    let tr = Rational.ZERO;
    for (let i = 0; i < n; i++) tr = tr.add(AM[i][i]);
    c[n - k] = tr.neg().div(new Rational(k)).reduced();
  }
  return c;
}

/**
 * Exact inertia (numbers of positive, negative and zero eigenvalues) of a symmetric rational
 * matrix: its characteristic polynomial is real-rooted, so Descartes' rule of signs is exact.
 */
export function ratInertia(a: RatMatrix): { positive: number; negative: number; zero: number } {
  const n = a.length;
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (!a[i][j].equals(a[j][i])) throw new Error('ratInertia: matrix is not symmetric');
  const c = ratCharPoly(a);
  let zero = 0;
  while (zero < n && c[zero].isZero()) zero++;
  const signChanges = (coefs: Rational[]) => {
    let last = 0;
    let changes = 0;
    for (const v of coefs) {
      const s = v.isZero() ? 0 : v.n > 0n ? 1 : -1;
      if (s === 0) continue;
      if (last !== 0 && s !== last) changes++;
      last = s;
    }
    return changes;
  };
  const positive = signChanges(c);
  return { positive, negative: n - zero - positive, zero };
}
