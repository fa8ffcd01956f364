// Bridges between flat Float64Array parameter vectors and ml-matrix, plus norms of matrices.
import { Matrix, SVD } from 'ml-matrix';

/** Row-major flattening of M into `out` (fresh by default) starting at `offset`. */
export function toFlat(M: Matrix, out?: Float64Array, offset = 0): Float64Array {
  const r = M.rows;
  const c = M.columns;
  const res = out ?? new Float64Array(r * c);
  let k = offset;
  for (let i = 0; i < r; i++) {
    const row = M.getRow(i) as number[];
    for (let j = 0; j < c; j++) res[k++] = row[j];
  }
  return res;
}

/** A rows×cols Matrix read row-major from `data[offset ...]`. */
export function fromFlat(data: Float64Array | ArrayLike<number>, rows: number, cols: number, offset = 0): Matrix {
  if (offset + rows * cols > data.length) throw new Error(`fromFlat: need ${rows * cols} entries from offset ${offset}, have ${data.length}`);
  const M = new Matrix(rows, cols);
  let k = offset;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) M.set(i, j, data[k++]);
  return M;
}

/** Frobenius norm. */
export function frob(M: Matrix): number {
  let s = 0;
  for (let i = 0; i < M.rows; i++) for (let j = 0; j < M.columns; j++) s += M.get(i, j) ** 2;
  return Math.sqrt(s);
}

/** Largest singular value ‖M‖₂. */
export function spectralNorm(M: Matrix): number {
  if (M.rows === 0 || M.columns === 0) return 0;
  const A = M.rows >= M.columns ? M : M.transpose();
  const svd = new SVD(A, { computeLeftSingularVectors: false, computeRightSingularVectors: false, autoTranspose: false });
  return svd.diagonal[0] ?? 0;
}

/** Diagonal matrix from a vector (rows×cols, default square). */
export function diagMatrix(d: ArrayLike<number>, rows = d.length, cols = rows): Matrix {
  const M = Matrix.zeros(rows, cols);
  for (let i = 0; i < Math.min(d.length, rows, cols); i++) M.set(i, i, d[i]);
  return M;
}

/** Columns [from, to) of M. */
export function columnsOf(M: Matrix, from: number, to: number): Matrix {
  const out = new Matrix(M.rows, Math.max(0, to - from));
  for (let i = 0; i < M.rows; i++) for (let j = from; j < to; j++) out.set(i, j - from, M.get(i, j));
  return out;
}

/** Max-abs entry of A − B. */
export function maxAbsDiff(A: Matrix, B: Matrix): number {
  if (A.rows !== B.rows || A.columns !== B.columns) throw new Error('maxAbsDiff: shape mismatch');
  let m = 0;
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.columns; j++) m = Math.max(m, Math.abs(A.get(i, j) - B.get(i, j)));
  return m;
}

/** ‖QᵀQ − I‖ max-abs: how far the columns of Q are from orthonormal. */
export function orthonormalityError(Q: Matrix): number {
  const G = Q.transpose().mmul(Q);
  let m = 0;
  for (let i = 0; i < G.rows; i++) for (let j = 0; j < G.columns; j++) m = Math.max(m, Math.abs(G.get(i, j) - (i === j ? 1 : 0)));
  return m;
}
