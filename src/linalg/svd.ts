// SVD with a FULL right factor V (d×d orthogonal) for tall, square and wide X, and the subspaces
// built from it (row space Φ1, null space Φ2), numerical rank and pseudo-inverse.
//
// ml-matrix's SVD (JAMA's Golub–Kahan) returns V of size cols×cols only when rows ≥ cols; for a wide
// X (n < d) it cannot give the null-space part of V. For wide X we factor Xᵀ = U' S V'ᵀ (tall), so
// X = V' S U'ᵀ: U = V', the first n columns of V are U', and the remaining d − n columns complete
// U' to an orthogonal basis through a full Householder QR (qr.ts).
import { Matrix, SVD } from 'ml-matrix';
import { columnsOf, orthonormalityError } from './matrix.js';
import { orthogonalComplement } from './qr.js';

export interface FullSVD {
  /** n×k left factor, k = min(n, d); columns beyond `rank` are orthonormal completions. */
  U: Matrix;
  /** k singular values, decreasing, ≥ 0. */
  s: Float64Array;
  /** d×d orthogonal right factor: first `rank` columns span the row space, the rest its null space. */
  V: Matrix;
  /** Numerical rank: #{ sᵢ > rtol·s₀ } with rtol = 1e-10. */
  rank: number;
}

function rankOf(s: Float64Array, rtol: number): number {
  if (s.length === 0 || !(s[0] > 0)) return 0;
  const cut = rtol * s[0];
  let r = 0;
  for (let i = 0; i < s.length; i++) if (s[i] > cut) r++;
  return r;
}

/** Thin SVD of a tall (rows ≥ cols) matrix: A = U diag(s) Vᵀ with V square. */
function tallSvd(A: Matrix): { U: Matrix; s: Float64Array; V: Matrix } {
  const svd = new SVD(A, { autoTranspose: false });
  const s = Float64Array.from(svd.diagonal, (x) => Math.max(0, x));
  return { U: svd.leftSingularVectors, s, V: svd.rightSingularVectors };
}

/** Replace columns [r, k) of a matrix whose first r columns are orthonormal so that all k are. */
function repairColumns(Q: Matrix, r: number): Matrix {
  const k = Q.columns;
  if (orthonormalityError(Q) < 1e-12) return Q;
  const head = columnsOf(Q, 0, r);
  const comp = orthogonalComplement(head); // rows × (rows − r)
  const out = Q.clone();
  for (let j = r; j < k; j++) for (let i = 0; i < Q.rows; i++) out.set(i, j, comp.get(i, j - r));
  return out;
}

export function svdFull(X: Matrix, rtol = 1e-10): FullSVD {
  const n = X.rows;
  const d = X.columns;
  if (n === 0 || d === 0) throw new Error('svdFull: empty matrix');
  if (n >= d) {
    const { U, s, V } = tallSvd(X);
    const rank = rankOf(s, rtol);
    return { U: repairColumns(U, rank), s, V: repairColumns(V, rank), rank };
  }
  const { U: Up, s, V: Vp } = tallSvd(X.transpose()); // Xᵀ = U' S V'ᵀ, U' d×n, V' n×n
  const rank = rankOf(s, rtol);
  const Vhead = repairColumns(Up, rank); // d×n orthonormal
  const comp = orthogonalComplement(Vhead); // d×(d−n)
  const V = new Matrix(d, d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < n; j++) V.set(i, j, Vhead.get(i, j));
    for (let j = n; j < d; j++) V.set(i, j, comp.get(i, j - n));
  }
  return { U: repairColumns(Vp, rank), s, V, rank };
}

/** Singular values (decreasing). */
export function singularValues(X: Matrix): Float64Array {
  const A = X.rows >= X.columns ? X : X.transpose();
  const svd = new SVD(A, { computeLeftSingularVectors: false, computeRightSingularVectors: false, autoTranspose: false });
  return Float64Array.from(svd.diagonal, (x) => Math.max(0, x));
}

/** Number of singular values above rtol·σ_max (0 for the zero matrix). */
export function numericalRank(X: Matrix, rtol = 1e-10): number {
  return rankOf(singularValues(X), rtol);
}

/** Φ1 (d×r): orthonormal basis of the row space of X (r = numerical rank at rtol). */
export function rowSpaceBasis(X: Matrix, rtol = 1e-10): Matrix {
  const { V, rank } = svdFull(X, rtol);
  return columnsOf(V, 0, rank);
}

/** Φ2 (d×(d−r)): orthonormal basis of the null space of X. */
export function nullSpaceBasis(X: Matrix, rtol = 1e-10): Matrix {
  const { V, rank } = svdFull(X, rtol);
  return columnsOf(V, rank, X.columns);
}

/** Moore–Penrose pseudo-inverse, singular values ≤ rtol·σ_max treated as zero. */
export function pinv(X: Matrix, rtol = 1e-12): Matrix {
  const { U, s, V } = svdFull(X, rtol);
  const r = rankOf(s, rtol);
  const n = X.rows;
  const d = X.columns;
  const P = Matrix.zeros(d, n);
  for (let k = 0; k < r; k++) {
    const inv = 1 / s[k];
    for (let i = 0; i < d; i++) {
      const vik = V.get(i, k) * inv;
      if (vik === 0) continue;
      for (let j = 0; j < n; j++) P.set(i, j, P.get(i, j) + vik * U.get(j, k));
    }
  }
  return P;
}
