// Symbolic differentiation (mathjs `derivative`) of expression strings, and compilation of
// expression lists to fast float64 functions.
import type { MathNode } from 'mathjs';
import { mathNum } from './math.js';

export interface DerivativeOptions {
  /**
   * Let mathjs simplify each derivative. 'auto' (default) simplifies only short expressions:
   * mathjs `simplify` is slow on large trees and the identity checker does not need it.
   */
  simplify?: boolean | 'auto';
}

const AUTO_SIMPLIFY_CHARS = 400;

/** ∂expr/∂v as an expression string. */
export function derivativeExpr(expr: string | MathNode, v: string, opts: DerivativeOptions = {}): string {
  const node = typeof expr === 'string' ? mathNum.parse(expr) : expr;
  const mode = opts.simplify ?? 'auto';
  const simplify = mode === 'auto' ? node.toString().length <= AUTO_SIMPLIFY_CHARS : mode;
  return mathNum.derivative(node, v, { simplify }).toString();
}

/** ∇expr: one partial derivative per variable, in the order of `vars`. */
export function gradientExprs(expr: string, vars: string[], opts: DerivativeOptions = {}): string[] {
  const node = mathNum.parse(expr);
  return vars.map((v) => derivativeExpr(node, v, opts));
}

/** ∇²expr as a symmetric matrix of expressions (∂²/∂v_i∂v_j computed once per pair i ≤ j). */
export function hessianExprs(expr: string, vars: string[], opts: DerivativeOptions = {}): string[][] {
  const grad = gradientExprs(expr, vars, opts);
  const n = vars.length;
  const h: string[][] = Array.from({ length: n }, () => new Array<string>(n).fill('0'));
  for (let i = 0; i < n; i++) {
    const gi = mathNum.parse(grad[i]);
    for (let j = i; j < n; j++) {
      const d = derivativeExpr(gi, vars[j], opts);
      h[i][j] = d;
      h[j][i] = d;
    }
  }
  return h;
}

/** Jacobian J[i][j] = ∂exprs[i]/∂vars[j]. */
export function jacobianExprs(exprs: string[], vars: string[], opts: DerivativeOptions = {}): string[][] {
  return exprs.map((e) => {
    const node = mathNum.parse(e);
    return vars.map((v) => derivativeExpr(node, v, opts));
  });
}

/** Replace symbols by expressions (simultaneously): substitute('x*y', {x: 'u/p'}) → '(u / p) * y'. */
export function substitute(expr: string, map: Record<string, string>): string {
  const repl = new Map(Object.entries(map).map(([k, v]) => [k, mathNum.parse(`(${v})`)]));
  const node = mathNum.parse(expr);
  const out = node.transform((n: MathNode, path: string, parent: MathNode | null) => {
    if (n.type === 'SymbolNode' && !(parent && parent.type === 'FunctionNode' && path === 'fn')) {
      const r = repl.get((n as unknown as { name: string }).name);
      if (r) return r.cloneDeep();
    }
    return n;
  });
  return out.toString();
}

// ---------------------------------------------------------------------------------------------
// Compilation to float64: expression trees are turned into one JavaScript function (mathjs'
// own `compile` is a fallback for functions not in the table below).

const JS_FUNCS: Record<string, (args: string[]) => string> = {
  sqrt: (a) => `Math.sqrt(${a[0]})`,
  cbrt: (a) => `Math.cbrt(${a[0]})`,
  exp: (a) => `Math.exp(${a[0]})`,
  expm1: (a) => `Math.expm1(${a[0]})`,
  log: (a) => (a.length === 1 ? `Math.log(${a[0]})` : `(Math.log(${a[0]})/Math.log(${a[1]}))`),
  log1p: (a) => `Math.log1p(${a[0]})`,
  log2: (a) => `Math.log2(${a[0]})`,
  log10: (a) => `Math.log10(${a[0]})`,
  sin: (a) => `Math.sin(${a[0]})`,
  cos: (a) => `Math.cos(${a[0]})`,
  tan: (a) => `Math.tan(${a[0]})`,
  sec: (a) => `(1/Math.cos(${a[0]}))`,
  csc: (a) => `(1/Math.sin(${a[0]}))`,
  cot: (a) => `(1/Math.tan(${a[0]}))`,
  asin: (a) => `Math.asin(${a[0]})`,
  acos: (a) => `Math.acos(${a[0]})`,
  atan: (a) => `Math.atan(${a[0]})`,
  sinh: (a) => `Math.sinh(${a[0]})`,
  cosh: (a) => `Math.cosh(${a[0]})`,
  tanh: (a) => `Math.tanh(${a[0]})`,
  sech: (a) => `(1/Math.cosh(${a[0]}))`,
  csch: (a) => `(1/Math.sinh(${a[0]}))`,
  coth: (a) => `(1/Math.tanh(${a[0]}))`,
  asinh: (a) => `Math.asinh(${a[0]})`,
  acosh: (a) => `Math.acosh(${a[0]})`,
  atanh: (a) => `Math.atanh(${a[0]})`,
  abs: (a) => `Math.abs(${a[0]})`,
  sign: (a) => `Math.sign(${a[0]})`,
  square: (a) => `((${a[0]})*(${a[0]}))`,
  cube: (a) => `((${a[0]})*(${a[0]})*(${a[0]}))`,
  pow: (a) => `Math.pow(${a[0]}, ${a[1]})`,
  max: (a) => `Math.max(${a.join(', ')})`,
  min: (a) => `Math.min(${a.join(', ')})`,
};
const JS_CONSTS: Record<string, string> = { pi: 'Math.PI', PI: 'Math.PI', e: 'Math.E', E: 'Math.E', tau: '(2*Math.PI)' };

class Unsupported extends Error {}

interface CgNode {
  type: string;
  value?: unknown;
  name?: string;
  fn?: unknown;
  args?: CgNode[];
  content?: CgNode;
}

function toJs(node: CgNode, index: Map<string, number>): string {
  switch (node.type) {
    case 'ConstantNode': {
      const v = node.value;
      if (typeof v === 'number') return `(${String(v)})`;
      throw new Unsupported('non-number constant');
    }
    case 'SymbolNode': {
      const i = index.get(node.name as string);
      if (i !== undefined) return `x[${i}]`;
      const c = JS_CONSTS[node.name as string];
      if (c) return c;
      throw new Error(`symbol ${node.name} is not a variable`);
    }
    case 'ParenthesisNode':
      return toJs(node.content as CgNode, index);
    case 'OperatorNode': {
      const a = (node.args ?? []).map((n) => toJs(n, index));
      switch (node.fn) {
        case 'add':
          return `(${a.join(' + ')})`;
        case 'subtract':
          return `(${a[0]} - ${a[1]})`;
        case 'multiply':
          return `(${a.join(' * ')})`;
        case 'divide':
          return `(${a[0]} / ${a[1]})`;
        case 'unaryMinus':
          return `(-${a[0]})`;
        case 'unaryPlus':
          return a[0];
        case 'pow':
          return `Math.pow(${a[0]}, ${a[1]})`;
        default:
          throw new Unsupported(`operator ${String(node.fn)}`);
      }
    }
    case 'FunctionNode': {
      const name = (node.fn as CgNode).name as string;
      const f = JS_FUNCS[name];
      if (!f) throw new Unsupported(`function ${name}`);
      return f((node.args ?? []).map((n) => toJs(n, index)));
    }
    default:
      throw new Unsupported(`node ${node.type}`);
  }
}

/**
 * Compile expressions in `vars` to x ↦ [e_1(x), …, e_k(x)] in float64. Throws at compile time if an
 * expression has a symbol that is not a variable (or pi/e).
 */
export function compileExprs(exprs: string[], vars: string[]): (x: ArrayLike<number>) => Float64Array {
  const index = new Map(vars.map((v, i) => [v, i]));
  const k = exprs.length;
  try {
    const body = exprs.map((e, i) => `out[${i}] = ${toJs(mathNum.parse(e) as unknown as CgNode, index)};`).join('\n');
    const fn = new Function('x', 'out', body) as (x: ArrayLike<number>, out: Float64Array) => void;
    return (x) => {
      const out = new Float64Array(k);
      fn(x, out);
      return out;
    };
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    const compiled = exprs.map((e2) => mathNum.compile(e2));
    return (x) => {
      const scope: Record<string, number> = {};
      vars.forEach((v, i) => (scope[v] = x[i]));
      const out = new Float64Array(k);
      compiled.forEach((c, i) => {
        const r = c.evaluate(scope) as unknown;
        out[i] = typeof r === 'number' ? r : Number.NaN;
      });
      return out;
    };
  }
}
