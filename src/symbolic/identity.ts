// Identity testing: does lhs = rhs hold for all values of the variables?
//
// 1. 'simplify': mathjs simplify(lhs − rhs) is literally 0 (then confirmed at two points, since
//    simplify's rules such as x/x → 1 assume nonzero denominators).
// 2. 'fraction': both sides are rational functions (+, −, ×, ÷, integer powers): evaluate them
//    exactly on bigint rationals at random rational points; every residual must be exactly 0.
//    This is a probabilistic proof (Schwartz–Zippel): a nonzero polynomial of total degree d
//    vanishes at a point drawn uniformly from S^k with probability ≤ d/|S|; with |S| ≳ 10⁶ and
//    several independent points the chance of accepting a false identity is negligible.
// 3. 'bignumber': otherwise (exp, log, sqrt, asinh, real powers, …) evaluate both sides with
//    BigNumber at ≥ 50 significant digits at random points; the identity holds iff
//    |lhs − rhs| ≤ relTol·scale at every point, where scale is the magnitude of the evaluation
//    (sums of absolute values of terms), so an error of 1e−30 relative — invisible in float64 —
//    is rejected with the default relTol = 1e−40.
import type { MathNode } from 'mathjs';
import { Rng } from '../random/rng.js';
import { mathBigAt, mathNum } from './math.js';
import { assertSymbolsKnown, compileBig, compileRational, InvalidPoint, type Big, type BigValue } from './exact.js';
import { Rational, randomRational } from './rational.js';

export type IdentityMethod = 'simplify' | 'fraction' | 'bignumber';

export interface IdentityOptions {
  /** Random points to evaluate at (default 5). */
  points?: number;
  /** Significant digits of the BigNumber evaluation (default 80, at least 50). */
  digits?: number;
  /** Sampling interval per variable (default [-2, 2]); points outside the real domain are redrawn. */
  domain?: Record<string, [number, number]>;
  /** Interval for variables not listed in `domain` (default [-2, 2]). */
  defaultDomain?: [number, number];
  /** Seed of the random points (default 12345). */
  seed?: number;
  /** Relative tolerance of the BigNumber method (default 1e-40). */
  relTol?: number;
  /**
   * Try mathjs simplify first: true, false, or 'auto' (default: only when lhs and rhs together are
   * shorter than 600 characters; simplify is slow on large trees).
   */
  simplify?: boolean | 'auto';
  /** Force a method (skips the cheaper ones); mostly for tests. */
  method?: IdentityMethod;
  /**
   * Named intermediate expressions [name, expr], evaluated in order once per point; later
   * definitions, lhs and rhs may use earlier names as symbols. They keep shared subexpressions
   * (e.g. the residual matrix of a loss) from being expanded into every entry. The names are not
   * variables: they are not sampled, and they disable the simplify step.
   */
  defs?: [string, string][];
}

export interface IdentityResult {
  holds: boolean;
  method: IdentityMethod;
  /** Largest |lhs − rhs|/scale over the points (0 for an exact identity). */
  maxResidual: number;
  /** Valid points evaluated. */
  pointsUsed?: number;
  detail?: string;
}

const DEFAULT_POINTS = 5;
const DEFAULT_REL_TOL = 1e-40;
const SIMPLIFY_MAX_CHARS = 600;

function drawPoint(rng: Rng, vars: string[], opts: IdentityOptions): Rational[] {
  const def = opts.defaultDomain ?? [-2, 2];
  return vars.map((v) => {
    const [lo, hi] = opts.domain?.[v] ?? def;
    return randomRational(rng, lo, hi);
  });
}

function isZeroConstant(node: unknown): boolean {
  const n = node as { type?: string; value?: unknown };
  if (n.type !== 'ConstantNode') return false;
  const v = n.value;
  if (typeof v === 'number') return v === 0;
  if (v && typeof v === 'object' && typeof (v as { isZero?: () => boolean }).isZero === 'function') return (v as { isZero: () => boolean }).isZero();
  return false;
}

interface EntryResult {
  holds: boolean;
  maxResidual: number;
  detail?: string;
}
interface BatchResult {
  method: IdentityMethod;
  entries: EntryResult[];
  pointsUsed: number;
  /** Set when too few points were in the domain: every entry is then reported as not holding. */
  domainFailure?: string;
}

function pointText(vars: string[], x: readonly Rational[]): string {
  return `${vars.map((v, i) => `${v}=${x[i]}`).slice(0, 6).join(', ')}${vars.length > 6 ? ', …' : ''}`;
}

function truncate(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

type RatFn = (v: readonly Rational[]) => Rational;

/** Compile the rational evaluators of a batch; null if some side is not a rational function. */
function compileRationalBatch(pairs: [MathNode, MathNode][], vars: string[], defs: [string, string][]): { defs: RatFn[]; pairs: [RatFn, RatFn][] } | null {
  const ext = [...vars, ...defs.map((d) => d[0])];
  const fdefs: RatFn[] = [];
  for (let i = 0; i < defs.length; i++) {
    const f = compileRational(defs[i][1], ext.slice(0, vars.length + i));
    if (!f) return null;
    fdefs.push(f);
  }
  const out: [RatFn, RatFn][] = [];
  for (const [l, r] of pairs) {
    const fl = compileRational(l, ext);
    const fr = compileRational(r, ext);
    if (!fl || !fr) return null;
    out.push([fl, fr]);
  }
  return { defs: fdefs, pairs: out };
}

/** Exact evaluation at random rational points: every residual must be exactly 0. */
function fractionBatch(compiled: { defs: RatFn[]; pairs: [RatFn, RatFn][] }, vars: string[], opts: IdentityOptions, points: number): BatchResult {
  const rng = new Rng(opts.seed ?? 12345);
  const entries: EntryResult[] = compiled.pairs.map(() => ({ holds: true, maxResidual: 0 }));
  let used = 0;
  let attempts = 0;
  while (used < points && attempts < points * 20) {
    attempts++;
    const x = drawPoint(rng, vars, opts);
    let values: [Rational, Rational][];
    try {
      for (const f of compiled.defs) x.push(f(x));
      values = compiled.pairs.map(([fl, fr]) => [fl(x), fr(x)]);
    } catch (e) {
      if (e instanceof InvalidPoint) continue;
      throw e;
    }
    used++;
    values.forEach(([l, r], k) => {
      const diff = l.sub(r);
      if (diff.isZero()) return;
      const la = l.abs();
      const ra = r.abs();
      const scale = la.cmp(ra) >= 0 ? la : ra;
      const rel = diff.abs().div(scale).toNumber();
      const e = entries[k];
      if (e.holds || rel > e.maxResidual) {
        e.detail = `lhs − rhs = ${diff.toNumber().toExponential(3)} (exact ${truncate(diff.toString())}) at ${pointText(vars, x)}`;
      }
      e.holds = false;
      e.maxResidual = Math.max(e.maxResidual, rel);
    });
  }
  if (used < points) {
    return { method: 'fraction', entries, pointsUsed: used, domainFailure: `only ${used} of ${points} points in the domain (denominators vanished)` };
  }
  for (const e of entries) if (e.holds) e.detail = `exact 0 at ${used} random rational points (Schwartz–Zippel)`;
  return { method: 'fraction', entries, pointsUsed: used };
}

/** BigNumber evaluation: |lhs − rhs| ≤ relTol·scale at every point. */
function bigBatch(pairs: [string, string][], vars: string[], opts: IdentityOptions, points: number): BatchResult {
  const digits = Math.max(50, opts.digits ?? 80);
  const math = mathBigAt(digits);
  const relTol = opts.relTol ?? DEFAULT_REL_TOL;
  const defs = opts.defs ?? [];
  const ext = [...vars, ...defs.map((d) => d[0])];
  const fdefs = defs.map((d, i) => compileBig(d[1], ext.slice(0, vars.length + i), math));
  const fpairs = pairs.map(([l, r]) => [compileBig(l, ext, math), compileBig(r, ext, math)] as const);
  const bn = math.bignumber as unknown as (s: string) => Big;
  const rng = new Rng((opts.seed ?? 12345) ^ 0x2545f491);
  const entries: EntryResult[] = pairs.map(() => ({ holds: true, maxResidual: 0 }));
  let used = 0;
  let attempts = 0;
  while (used < points && attempts < points * 20) {
    attempts++;
    const xr = drawPoint(rng, vars, opts);
    const x = xr.map((q) => bn(q.n.toString()).div(bn(q.d.toString())));
    const mags = x.map((v) => v.abs());
    let values: [BigValue, BigValue][];
    try {
      for (const f of fdefs) {
        const dv = f(x, mags);
        x.push(dv.value);
        mags.push(dv.mag);
      }
      values = fpairs.map(([fl, fr]) => [fl(x, mags), fr(x, mags)]);
    } catch (e) {
      if (e instanceof InvalidPoint) continue;
      throw e;
    }
    used++;
    values.forEach(([l, r], k) => {
      const resid = l.value.minus(r.value).abs();
      const scale = l.mag.cmp(r.mag) >= 0 ? l.mag : r.mag;
      const rel = resid.isZero() ? 0 : scale.isZero() ? Number.POSITIVE_INFINITY : resid.div(scale).toNumber();
      const e = entries[k];
      if (rel > e.maxResidual) {
        e.maxResidual = rel;
        if (!(rel <= relTol)) e.detail = `|lhs − rhs|/scale = ${rel.toExponential(3)} > ${relTol} at ${pointText(vars, xr)} (${digits} digits)`;
      }
      if (!(rel <= relTol)) e.holds = false;
    });
  }
  if (used < points) {
    return { method: 'bignumber', entries, pointsUsed: used, domainFailure: `only ${used} of ${points} points in the real domain of the expressions` };
  }
  for (const e of entries) if (e.holds) e.detail = `max relative residual ${e.maxResidual.toExponential(2)} ≤ ${relTol} at ${used} points, ${digits} digits`;
  return { method: 'bignumber', entries, pointsUsed: used };
}

interface PairOutcome extends IdentityResult {}

/** Check many identities at shared random points; methods chosen per pair as in identityHolds. */
function checkPairs(lhs: string[], rhs: string[], vars: string[], opts: IdentityOptions): PairOutcome[] {
  const points = Math.max(1, opts.points ?? DEFAULT_POINTS);
  const defs = opts.defs ?? [];
  const ext = [...vars, ...defs.map((d) => d[0])];
  defs.forEach((d, i) => assertSymbolsKnown(d[1], ext.slice(0, vars.length + i)));
  const nodes: [MathNode, MathNode][] = lhs.map((l, i) => {
    const ln = mathNum.parse(l);
    const rn = mathNum.parse(rhs[i]);
    assertSymbolsKnown(ln, ext);
    assertSymbolsKnown(rn, ext);
    return [ln, rn];
  });
  const out: (PairOutcome | null)[] = lhs.map(() => null);

  // 1. simplify, pair by pair (short expressions only unless forced).
  const simplifyMode = opts.simplify ?? 'auto';
  if (defs.length === 0 && (opts.method === undefined || opts.method === 'simplify')) {
    lhs.forEach((l, i) => {
      const doIt = simplifyMode === 'auto' ? l.length + rhs[i].length <= SIMPLIFY_MAX_CHARS : simplifyMode;
      if (!doIt) return;
      let zero = false;
      try {
        zero = isZeroConstant(mathNum.simplify(`(${l}) - (${rhs[i]})`));
      } catch {
        zero = false;
      }
      if (!zero) return;
      // Confirm at two points: simplify's rewrite rules assume generic (nonzero) denominators,
      // and its constant folding is in float64 (it folds 1 + 1e-30 to 1).
      const c = compileRationalBatch([nodes[i]], vars, []);
      const conf = c ? fractionBatch(c, vars, opts, 2) : bigBatch([[l, rhs[i]]], vars, opts, 2);
      const e = conf.entries[0];
      if (!conf.domainFailure && e.holds) {
        out[i] = { holds: true, method: 'simplify', maxResidual: e.maxResidual, pointsUsed: conf.pointsUsed, detail: `simplify(lhs − rhs) = 0; confirmed by ${conf.method} at 2 points` };
      } else {
        out[i] = { holds: false, method: conf.method, maxResidual: e.maxResidual, pointsUsed: conf.pointsUsed, detail: `simplify claimed 0 but ${conf.method} evaluation disagrees: ${conf.domainFailure ?? e.detail ?? ''}` };
      }
    });
  }

  // 2. exact rational evaluation for the pairs that are rational functions; 3. BigNumber for the rest.
  const rest = out.map((o, i) => (o === null ? i : -1)).filter((i) => i >= 0);
  const ratIdx: number[] = [];
  const bigIdx: number[] = [];
  let ratCompiled: { defs: RatFn[]; pairs: [RatFn, RatFn][] } | null = null;
  if (rest.length > 0 && opts.method !== 'bignumber') {
    // Definitions must be rational for the exact path; otherwise everything goes to BigNumber.
    const defsOk = compileRationalBatch([], vars, defs) !== null;
    if (defsOk) {
      for (const i of rest) {
        const ok = compileRational(nodes[i][0], ext) !== null && compileRational(nodes[i][1], ext) !== null;
        (ok ? ratIdx : bigIdx).push(i);
      }
      if (ratIdx.length > 0) ratCompiled = compileRationalBatch(ratIdx.map((i) => nodes[i]), vars, defs);
    } else bigIdx.push(...rest);
    if (opts.method === 'fraction' && bigIdx.length > 0) {
      throw new Error('identityHolds: method "fraction" requested but an expression is not a rational function');
    }
  } else bigIdx.push(...rest);

  const apply = (idx: number[], b: BatchResult) => {
    idx.forEach((i, k) => {
      const e = b.entries[k];
      out[i] = b.domainFailure
        ? { holds: false, method: b.method, maxResidual: Number.NaN, pointsUsed: b.pointsUsed, detail: b.domainFailure }
        : { holds: e.holds, method: b.method, maxResidual: e.maxResidual, pointsUsed: b.pointsUsed, detail: e.detail };
    });
  };
  if (ratCompiled) apply(ratIdx, fractionBatch(ratCompiled, vars, opts, points));
  if (bigIdx.length > 0) apply(bigIdx, bigBatch(bigIdx.map((i) => [lhs[i], rhs[i]]), vars, opts, points));
  return out as PairOutcome[];
}

/** Does lhs = rhs hold identically in `vars`? See the module comment for the three methods. */
export function identityHolds(lhs: string, rhs: string, vars: string[], opts: IdentityOptions = {}): IdentityResult {
  return checkPairs([lhs], [rhs], vars, opts)[0];
}

export interface IdentitiesResult {
  holds: boolean;
  /** The method of the first failing entry, else the last method used. */
  method: IdentityMethod;
  maxResidual: number;
  /** Entries that fail, with their detail. */
  failures: { index: number; method: IdentityMethod; detail?: string; maxResidual: number }[];
  detail?: string;
}

/**
 * Entry-wise identities lhs[i] = rhs[i] (e.g. the flattened entries of a matrix identity), all
 * evaluated at the same random points (definitions in `opts.defs` are evaluated once per point).
 */
export function identitiesHold(lhs: string[], rhs: string[], vars: string[], opts: IdentityOptions = {}): IdentitiesResult {
  if (lhs.length !== rhs.length) throw new Error(`identitiesHold: ${lhs.length} left sides vs ${rhs.length} right sides (dimension mismatch)`);
  const res = checkPairs(lhs, rhs, vars, opts);
  const failures = res.flatMap((r, index) => (r.holds ? [] : [{ index, method: r.method, detail: r.detail, maxResidual: r.maxResidual }]));
  const methods = [...new Set(res.map((r) => r.method))];
  const maxResidual = res.reduce((m, r) => (Number.isFinite(r.maxResidual) ? Math.max(m, r.maxResidual) : m), 0);
  return {
    holds: failures.length === 0,
    method: failures.length > 0 ? failures[0].method : (methods[methods.length - 1] ?? 'fraction'),
    maxResidual,
    failures,
    detail:
      failures.length === 0
        ? `${lhs.length} entries hold (${methods.join('/')}${res[0]?.pointsUsed ? `, ${res[0].pointsUsed} points` : ''})`
        : `${failures.length} of ${lhs.length} entries fail; first (#${failures[0].index}): ${failures[0].detail ?? ''}`,
  };
}
