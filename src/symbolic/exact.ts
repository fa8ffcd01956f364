// Evaluators over mathjs expression trees:
// - `compileRational`: an exact evaluator for expressions built from +, −, ×, ÷ and integer powers
//   (polynomial and rational functions), on bigint rationals; null when the expression is not one.
// - `compileBig`: a BigNumber evaluator that also propagates a magnitude (the value the expression
//   would have if every sum added absolute values), which scales the rounding error of the result.
import type { MathJsInstance, MathNode } from 'mathjs';
import { Rational, RationalDivisionByZero } from './rational.js';
import { mathNum } from './math.js';

/** The fields of mathjs nodes this module reads (mathjs' own node types are a union without them). */
interface AnyNode {
  type: string;
  value?: unknown;
  name?: string;
  fn?: unknown;
  op?: string;
  args?: AnyNode[];
  content?: AnyNode;
  traverse(cb: (node: AnyNode, path: string, parent: AnyNode | null) => void): void;
}

/** Thrown when a point is outside the expression's real domain (division by 0, log of a negative…). */
export class InvalidPoint extends Error {}

const asNode = (n: MathNode): AnyNode => n as unknown as AnyNode;

export function parseExpr(expr: string | MathNode, math: MathJsInstance = mathNum): MathNode {
  return typeof expr === 'string' ? math.parse(expr) : expr;
}

/** Names of the free symbols of an expression (function names excluded). */
export function freeSymbols(expr: string | MathNode): Set<string> {
  const out = new Set<string>();
  asNode(parseExpr(expr)).traverse((n, path, parent) => {
    if (n.type === 'SymbolNode' && !(parent && parent.type === 'FunctionNode' && path === 'fn')) out.add(n.name as string);
  });
  return out;
}

/** Symbols mathjs knows as constants (evaluated by the BigNumber path; not rational). */
const KNOWN_CONSTANTS = new Set(['pi', 'e', 'E', 'PI', 'tau', 'phi', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'SQRT1_2', 'SQRT2']);

/** Throws if the expression has a free symbol that is neither a variable nor a known constant. */
export function assertSymbolsKnown(expr: string | MathNode, vars: string[]): void {
  const known = new Set(vars);
  const unknown = [...freeSymbols(expr)].filter((s) => !known.has(s) && !KNOWN_CONSTANTS.has(s));
  if (unknown.length > 0) throw new Error(`expression has symbols not listed in vars: ${unknown.slice(0, 8).join(', ')}`);
}

function constantToRational(v: unknown): Rational | null {
  if (typeof v === 'number') return Number.isFinite(v) ? Rational.fromNumber(v) : null;
  if (typeof v === 'bigint') return new Rational(v);
  if (v && typeof v === 'object') {
    const o = v as { isBigNumber?: boolean; isFraction?: boolean; toFraction?: () => [unknown, unknown]; s?: unknown; n?: unknown; d?: unknown };
    if (o.isBigNumber && typeof o.toFraction === 'function') {
      const [n, d] = o.toFraction();
      return new Rational(BigInt(String(n)), BigInt(String(d)));
    }
    if (o.isFraction) {
      const s = BigInt(String(o.s));
      return new Rational(s * BigInt(String(o.n)), BigInt(String(o.d)));
    }
  }
  return null;
}

type RatFn = (vals: readonly Rational[]) => Rational;

/**
 * Compile an expression to an exact rational evaluator over `vars`, or return null when it is not
 * a rational function (it contains a function call, a non-integer power, or an unknown symbol).
 * Evaluation throws `InvalidPoint` where a denominator vanishes.
 */
export function compileRational(expr: string | MathNode, vars: string[]): RatFn | null {
  const index = new Map(vars.map((v, i) => [v, i]));
  const build = (n: AnyNode): RatFn | null => {
    switch (n.type) {
      case 'ConstantNode': {
        const r = constantToRational(n.value);
        return r ? () => r : null;
      }
      case 'SymbolNode': {
        const i = index.get(n.name as string);
        return i === undefined ? null : (vals) => vals[i];
      }
      case 'ParenthesisNode':
        return build(n.content as AnyNode);
      case 'OperatorNode': {
        const args = (n.args ?? []).map(build);
        if (args.some((a) => a === null)) return null;
        const f = args as RatFn[];
        switch (n.fn) {
          case 'unaryMinus':
            return (v) => f[0](v).neg();
          case 'unaryPlus':
            return f[0];
          case 'add':
            return (v) => f.reduce((s, g) => s.add(g(v)), Rational.ZERO);
          case 'subtract':
            return (v) => f[0](v).sub(f[1](v));
          case 'multiply':
            return (v) => {
              let p = Rational.ONE;
              for (const g of f) {
                p = p.mul(g(v));
                if (p.isZero()) return p;
              }
              return p;
            };
          case 'divide':
            return (v) => {
              const den = f[1](v);
              if (den.isZero()) throw new InvalidPoint('division by zero');
              return f[0](v).div(den);
            };
          case 'pow': {
            // Only integer exponents that do not depend on the variables.
            const expNode = (n.args as AnyNode[])[1];
            if ([...freeSymbols(expNode as unknown as MathNode)].some(() => true)) return null;
            let e: Rational;
            try {
              e = f[1]([]);
            } catch {
              return null;
            }
            if (!e.isInteger()) return null;
            const k = e.reduced().n;
            return (v) => {
              const b = f[0](v);
              if (k < 0n && b.isZero()) throw new InvalidPoint('zero to a negative power');
              return b.pow(k);
            };
          }
          default:
            return null;
        }
      }
      default:
        return null;
    }
  };
  const fn = build(asNode(parseExpr(expr)));
  if (!fn) return null;
  return (vals) => {
    try {
      return fn(vals);
    } catch (e) {
      if (e instanceof RationalDivisionByZero) throw new InvalidPoint('division by zero');
      throw e;
    }
  };
}

/** A BigNumber (decimal.js) value as mathjs hands it out; only the methods used here. */
export interface Big {
  isFinite(): boolean;
  abs(): Big;
  plus(o: Big): Big;
  minus(o: Big): Big;
  times(o: Big): Big;
  div(o: Big): Big;
  cmp(o: Big): number;
  isZero(): boolean;
  toNumber(): number;
  toString(): string;
}

export interface BigValue {
  value: Big;
  /** Rounding scale: |terms| added instead of signed terms in every sum. */
  mag: Big;
}

type BigFn = (vals: readonly Big[], mags?: readonly Big[]) => BigValue;

const isBig = (x: unknown): x is Big => !!x && typeof x === 'object' && (x as { isBigNumber?: boolean }).isBigNumber === true;

/**
 * Compile an expression to a BigNumber evaluator over `vars` in the given instance. Function calls
 * use the instance's own implementations (exp, log, sqrt, asinh, …). A non-real or non-finite
 * intermediate result throws `InvalidPoint`.
 */
export function compileBig(expr: string, vars: string[], math: MathJsInstance): BigFn {
  let curMags: readonly Big[] | undefined;
  const index = new Map(vars.map((v, i) => [v, i]));
  const m = math as unknown as Record<string, unknown>;
  const big = (x: unknown): Big => {
    if (isBig(x)) {
      if (!x.isFinite()) throw new InvalidPoint(`non-finite value ${x.toString()}`);
      return x;
    }
    if (typeof x === 'number' && Number.isFinite(x)) return (math.bignumber as (v: number) => Big)(x);
    throw new InvalidPoint(`non-real value ${String(x)}`);
  };
  const call = (name: string, args: Big[]): Big => {
    const f = m[name];
    if (typeof f !== 'function') throw new Error(`unknown function ${name}`);
    let r: unknown;
    try {
      r = (f as (...a: unknown[]) => unknown)(...args);
    } catch (e) {
      throw new InvalidPoint(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    return big(r);
  };
  const build = (n: AnyNode): BigFn => {
    switch (n.type) {
      case 'ConstantNode': {
        const c = big(typeof n.value === 'number' ? (math.bignumber as (v: string) => Big)(String(n.value)) : n.value);
        const mag = c.abs();
        return () => ({ value: c, mag });
      }
      case 'SymbolNode': {
        const name = n.name as string;
        const i = index.get(name);
        if (i !== undefined) return (vals) => ({ value: vals[i], mag: curMags ? curMags[i] : vals[i].abs() });
        const c = big(m[name]);
        const mag = c.abs();
        return () => ({ value: c, mag });
      }
      case 'ParenthesisNode':
        return build(n.content as AnyNode);
      case 'OperatorNode': {
        const f = (n.args ?? []).map(build);
        const fnName = n.fn as string;
        switch (fnName) {
          case 'unaryMinus':
            return (v) => {
              const a = f[0](v);
              return { value: call('unaryMinus', [a.value]), mag: a.mag };
            };
          case 'unaryPlus':
            return f[0];
          case 'add':
            return (v) => {
              let value: Big | null = null;
              let mag: Big | null = null;
              for (const g of f) {
                const a = g(v);
                value = value ? value.plus(a.value) : a.value;
                mag = mag ? mag.plus(a.mag) : a.mag;
              }
              return { value: value as Big, mag: mag as Big };
            };
          case 'subtract':
            return (v) => {
              const a = f[0](v);
              const b = f[1](v);
              return { value: a.value.minus(b.value), mag: a.mag.plus(b.mag) };
            };
          case 'multiply':
            return (v) => {
              let value: Big | null = null;
              let mag: Big | null = null;
              for (const g of f) {
                const a = g(v);
                value = value ? value.times(a.value) : a.value;
                mag = mag ? mag.times(a.mag) : a.mag;
              }
              return { value: value as Big, mag: mag as Big };
            };
          case 'divide':
            return (v) => {
              const a = f[0](v);
              const b = f[1](v);
              if (b.value.isZero()) throw new InvalidPoint('division by zero');
              const bAbs = b.value.abs();
              return { value: a.value.div(b.value), mag: a.mag.div(bAbs) };
            };
          default:
            // pow and any other operator: exact value from mathjs, magnitude = max(|value|, input magnitudes).
            return (v) => {
              const a = f.map((g) => g(v));
              const value = call(fnName, a.map((x) => x.value));
              let mag = value.abs();
              for (const x of a) if (x.mag.cmp(mag) > 0) mag = x.mag;
              return { value, mag };
            };
        }
      }
      case 'FunctionNode': {
        const fnNode = n.fn as AnyNode;
        const name = fnNode.name as string;
        const f = (n.args ?? []).map(build);
        return (v) => {
          const a = f.map((g) => g(v));
          const value = call(name, a.map((x) => x.value));
          // A function's rounding error is of the order of its output and of its inputs' error
          // (first-order propagation with an O(1) derivative): a conservative, dimension-free scale.
          let mag = value.abs();
          for (const x of a) if (x.mag.cmp(mag) > 0) mag = x.mag;
          return { value, mag };
        };
      }
      default:
        throw new Error(`unsupported node type ${n.type}`);
    }
  };
  const root = build(asNode(math.parse(expr)));
  return (vals, mags) => {
    curMags = mags;
    try {
      return root(vals);
    } finally {
      curMags = undefined;
    }
  };
}
