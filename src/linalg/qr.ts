// Householder QR with the FULL orthogonal factor (ml-matrix's QrDecomposition returns the thin Q only,
// which cannot complete a basis). A = Q R with Q m×m orthogonal, R m×n upper triangular.
import { Matrix } from 'ml-matrix';

export interface FullQR {
  Q: Matrix;
  R: Matrix;
}

export function qrFull(A: Matrix): FullQR {
  const m = A.rows;
  const n = A.columns;
  // Work on row-major copies in flat arrays.
  const R = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) R[i * n + j] = A.get(i, j);
  const Q = new Float64Array(m * m);
  for (let i = 0; i < m; i++) Q[i * m + i] = 1;
  const v = new Float64Array(m);
  const steps = Math.min(m - 1, n);
  for (let k = 0; k < steps; k++) {
    // Householder vector for column k below the diagonal.
    let norm = 0;
    for (let i = k; i < m; i++) norm = Math.hypot(norm, R[i * n + k]);
    if (norm === 0) continue;
    const alpha = R[k * n + k] > 0 ? -norm : norm;
    for (let i = 0; i < m; i++) v[i] = 0;
    for (let i = k; i < m; i++) v[i] = R[i * n + k];
    v[k] -= alpha;
    let vv = 0;
    for (let i = k; i < m; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    // R ← (I − 2vvᵀ/vᵀv) R
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i] * R[i * n + j];
      const f = (2 * s) / vv;
      for (let i = k; i < m; i++) R[i * n + j] -= f * v[i];
    }
    // Q ← Q (I − 2vvᵀ/vᵀv)
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let l = k; l < m; l++) s += Q[i * m + l] * v[l];
      const f = (2 * s) / vv;
      for (let l = k; l < m; l++) Q[i * m + l] -= f * v[l];
    }
    for (let i = k + 1; i < m; i++) R[i * n + k] = 0;
  }
  const Qm = new Matrix(m, m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) Qm.set(i, j, Q[i * m + j]);
  const Rm = new Matrix(m, n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) Rm.set(i, j, R[i * n + j]);
  return { Q: Qm, R: Rm };
}

/**
 * Orthonormal completion: given B (d×k) with orthonormal columns, returns C (d×(d−k)) with
 * [B C] orthogonal. Uses the last d−k columns of the full QR of B.
 */
export function orthogonalComplement(B: Matrix): Matrix {
  const d = B.rows;
  const k = B.columns;
  if (k === 0) return Matrix.eye(d, d);
  const { Q } = qrFull(B);
  const C = new Matrix(d, d - k);
  for (let i = 0; i < d; i++) for (let j = k; j < d; j++) C.set(i, j - k, Q.get(i, j));
  return C;
}
