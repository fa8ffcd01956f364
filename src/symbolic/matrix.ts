// Matrices of expression strings, for stating matrix-model losses and identities symbolically.
// Entries are mathjs expression strings; products and sums drop literal 0 terms and 1 factors so
// the expressions stay as short as the structure allows.
import { Rational, type RatMatrix } from './rational.js';

/** A matrix of expression strings, row-major. */
export type ExprMatrix = string[][];

const ATOM = /^(?:[A-Za-z_][A-Za-z_0-9]*|\d+(?:\.\d+)?)$/;

/** Parenthesize unless the expression is a symbol or an unsigned number. */
export function wrap(e: string): string {
  return ATOM.test(e) ? e : `(${e})`;
}

/** a·b with 0 and 1 folded. */
export function mulExpr(a: string, b: string): string {
  if (a === '0' || b === '0') return '0';
  if (a === '1') return b;
  if (b === '1') return a;
  return `${wrap(a)} * ${wrap(b)}`;
}

/** Σ terms with literal zeros dropped ('0' if nothing is left). */
export function sumExpr(terms: string[]): string {
  const t = terms.filter((x) => x !== '0');
  if (t.length === 0) return '0';
  if (t.length === 1) return t[0];
  return t.map(wrap).join(' + ');
}

export function subExpr(a: string, b: string): string {
  if (b === '0') return a;
  if (a === '0') return negExpr(b);
  return `${wrap(a)} - ${wrap(b)}`;
}

export function negExpr(a: string): string {
  return a === '0' ? '0' : `-${wrap(a)}`;
}

/** Named symbolic entries: symMatrix('U', 2, 3)[i][j] = 'U_{i+1}_{j+1}'. */
export function symMatrix(name: string, rows: number, cols: number): ExprMatrix {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => `${name}_${i + 1}_${j + 1}`));
}

/** A symbolic column vector (n×1) with entries name_1 … name_n. */
export function symVector(name: string, n: number): ExprMatrix {
  return Array.from({ length: n }, (_, i) => [`${name}_${i + 1}`]);
}

/** Diagonal n×n matrix with symbolic diagonal name_1 … name_n. */
export function symDiag(name: string, n: number): ExprMatrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? `${name}_${i + 1}` : '0')));
}

/** Diagonal matrix with the given entries (expressions). */
export function diagMatrix(entries: string[]): ExprMatrix {
  return entries.map((e, i) => entries.map((_, j) => (i === j ? e : '0')));
}

/** Symmetric symbolic matrix: entries name_i_j with i ≤ j shared. */
export function symSymmetric(name: string, n: number): ExprMatrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => `${name}_${Math.min(i, j) + 1}_${Math.max(i, j) + 1}`));
}

/** The distinct symbol names of symbolic matrices, in row-major order. */
export function matSymbols(...ms: ExprMatrix[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of ms)
    for (const row of m)
      for (const e of row)
        if (/^[A-Za-z_][A-Za-z_0-9]*$/.test(e) && !seen.has(e)) {
          seen.add(e);
          out.push(e);
        }
  return out;
}

export function constMatrix(values: (number | string | Rational)[][]): ExprMatrix {
  return values.map((row) => row.map((v) => (v instanceof Rational ? (v.isZero() ? '0' : v.equals(Rational.ONE) ? '1' : v.toExpr()) : typeof v === 'number' ? (v === 0 ? '0' : v === 1 ? '1' : v < 0 ? `(${v})` : String(v)) : v)));
}

/** An exact rational matrix as expressions ('(3/7)', '0', '1', …). */
export function ratMatrixExprs(a: RatMatrix): ExprMatrix {
  return constMatrix(a);
}

export function identityMatrix(n: number): ExprMatrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? '1' : '0')));
}
export function zerosMatrix(rows: number, cols: number): ExprMatrix {
  return Array.from({ length: rows }, () => new Array<string>(cols).fill('0'));
}

export function dims(a: ExprMatrix): [number, number] {
  return [a.length, a[0]?.length ?? 0];
}

export function transpose(a: ExprMatrix): ExprMatrix {
  const [r, c] = dims(a);
  return Array.from({ length: c }, (_, j) => Array.from({ length: r }, (_, i) => a[i][j]));
}

/** A·B; throws on a dimension mismatch (a dimensionally invalid formula is itself a finding). */
export function matMul(a: ExprMatrix, b: ExprMatrix): ExprMatrix {
  const [ra, ca] = dims(a);
  const [rb, cb] = dims(b);
  if (ca !== rb) throw new Error(`matMul: dimension mismatch ${ra}×${ca} · ${rb}×${cb}`);
  return Array.from({ length: ra }, (_, i) => Array.from({ length: cb }, (_, j) => sumExpr(Array.from({ length: ca }, (_, k) => mulExpr(a[i][k], b[k][j])))));
}

/** Product of several matrices, left to right. */
export function matProd(...ms: ExprMatrix[]): ExprMatrix {
  if (ms.length === 0) throw new Error('matProd: no factors');
  return ms.slice(1).reduce((acc, m) => matMul(acc, m), ms[0]);
}

function sameDims(a: ExprMatrix, b: ExprMatrix, what: string): void {
  const [ra, ca] = dims(a);
  const [rb, cb] = dims(b);
  if (ra !== rb || ca !== cb) throw new Error(`${what}: dimension mismatch ${ra}×${ca} vs ${rb}×${cb}`);
}

export function matAdd(a: ExprMatrix, b: ExprMatrix): ExprMatrix {
  sameDims(a, b, 'matAdd');
  return a.map((row, i) => row.map((e, j) => sumExpr([e, b[i][j]])));
}
export function matSub(a: ExprMatrix, b: ExprMatrix): ExprMatrix {
  sameDims(a, b, 'matSub');
  return a.map((row, i) => row.map((e, j) => subExpr(e, b[i][j])));
}
export function matNeg(a: ExprMatrix): ExprMatrix {
  return a.map((row) => row.map(negExpr));
}
/** s·A for a scalar expression s. */
export function matScale(s: string | number, a: ExprMatrix): ExprMatrix {
  const se = typeof s === 'number' ? (s < 0 ? `(${s})` : String(s)) : s;
  return a.map((row) => row.map((e) => mulExpr(se, e)));
}
/** [A B] */
export function hstack(...ms: ExprMatrix[]): ExprMatrix {
  const r = ms[0].length;
  for (const m of ms) if (m.length !== r) throw new Error('hstack: row counts differ');
  return Array.from({ length: r }, (_, i) => ms.flatMap((m) => m[i]));
}
/** [A; B] */
export function vstack(...ms: ExprMatrix[]): ExprMatrix {
  const c = ms[0][0]?.length ?? 0;
  for (const m of ms) if ((m[0]?.length ?? 0) !== c) throw new Error('vstack: column counts differ');
  return ms.flatMap((m) => m.map((row) => [...row]));
}
/** Block matrix from a grid of blocks. */
export function blockMatrix(grid: ExprMatrix[][]): ExprMatrix {
  return vstack(...grid.map((row) => hstack(...row)));
}
/** Rows r0..r1−1 and columns c0..c1−1 (exclusive ends). */
export function subMatrix(a: ExprMatrix, r0: number, r1: number, c0: number, c1: number): ExprMatrix {
  return a.slice(r0, r1).map((row) => row.slice(c0, c1));
}

export function trace(a: ExprMatrix): string {
  const [r, c] = dims(a);
  if (r !== c) throw new Error(`trace: not square (${r}×${c})`);
  return sumExpr(a.map((row, i) => row[i]));
}
/** ‖A‖_F² = Σ a_ij². */
export function frobSq(a: ExprMatrix): string {
  return sumExpr(a.flatMap((row) => row.map((e) => (e === '0' ? '0' : `${wrap(e)}^2`))));
}
/** ⟨A, B⟩_F = tr(AᵀB). */
export function frobDot(a: ExprMatrix, b: ExprMatrix): string {
  sameDims(a, b, 'frobDot');
  return sumExpr(a.flatMap((row, i) => row.map((e, j) => mulExpr(e, b[i][j]))));
}
/** Row-major entries. */
export function flatten(a: ExprMatrix): string[] {
  return a.flatMap((row) => [...row]);
}
/** Apply f to every entry. */
export function mapEntries(a: ExprMatrix, f: (e: string, i: number, j: number) => string): ExprMatrix {
  return a.map((row, i) => row.map((e, j) => f(e, i, j)));
}

/** Determinant by cofactor expansion (fine up to 4×4). */
export function determinantExpr(a: ExprMatrix): string {
  const [n, c] = dims(a);
  if (n !== c) throw new Error('determinantExpr: not square');
  if (n === 0) return '1';
  if (n === 1) return a[0][0];
  if (n === 2) return subExpr(mulExpr(a[0][0], a[1][1]), mulExpr(a[0][1], a[1][0]));
  const terms: string[] = [];
  for (let j = 0; j < n; j++) {
    if (a[0][j] === '0') continue;
    const minor = a.slice(1).map((row) => row.filter((_, k) => k !== j));
    const t = mulExpr(a[0][j], determinantExpr(minor));
    terms.push(j % 2 === 0 ? t : negExpr(t));
  }
  return sumExpr(terms);
}

/** Symbolic inverse adj(A)/det(A) (entries are rational expressions; fine up to 4×4). */
export function inverseMatrixExprs(a: ExprMatrix): ExprMatrix {
  const [n, c] = dims(a);
  if (n !== c) throw new Error('inverseMatrixExprs: not square');
  if (n > 4) throw new Error('inverseMatrixExprs: only up to 4×4');
  const det = determinantExpr(a);
  if (n === 1) return [[`1 / ${wrap(det)}`]];
  const cof = (i: number, j: number): string => {
    const minor = a.filter((_, r) => r !== i).map((row) => row.filter((_, k) => k !== j));
    const d = determinantExpr(minor);
    return (i + j) % 2 === 0 ? d : negExpr(d);
  };
  // (A⁻¹)_ij = C_ji / det
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => {
    const cji = cof(j, i);
    return cji === '0' ? '0' : `${wrap(cji)} / ${wrap(det)}`;
  }));
}
