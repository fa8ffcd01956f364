// Symmetric eigen-decomposition (decreasing eigenvalues) and spectral functions of symmetric matrices.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { rowSpaceBasis } from './svd.js';

export interface SymEig {
  /** Eigenvalues, decreasing. */
  values: Float64Array;
  /** Orthonormal eigenvectors as columns, in the order of `values`. */
  vectors: Matrix;
}

/** Eigen-decomposition of (S + Sᵀ)/2 (the input is symmetrized first). */
export function symEig(S: Matrix): SymEig {
  const n = S.rows;
  if (S.columns !== n) throw new Error('symEig: matrix must be square');
  const A = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A.set(i, j, 0.5 * (S.get(i, j) + S.get(j, i)));
  const evd = new EigenvalueDecomposition(A, { assumeSymmetric: true });
  const vals = evd.realEigenvalues;
  const vecs = evd.eigenvectorMatrix;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => vals[b] - vals[a]);
  const values = new Float64Array(n);
  const vectors = new Matrix(n, n);
  order.forEach((src, dst) => {
    values[dst] = vals[src];
    for (let i = 0; i < n; i++) vectors.set(i, dst, vecs.get(i, src));
  });
  return { values, vectors };
}

/** Q diag(f(λ)) Qᵀ for symmetric S. */
export function symApply(S: Matrix, f: (lambda: number) => number): Matrix {
  const { values, vectors } = symEig(S);
  const n = values.length;
  const out = Matrix.zeros(n, n);
  for (let k = 0; k < n; k++) {
    const fk = f(values[k]);
    if (fk === 0) continue;
    for (let i = 0; i < n; i++) {
      const a = vectors.get(i, k) * fk;
      if (a === 0) continue;
      for (let j = 0; j < n; j++) out.set(i, j, out.get(i, j) + a * vectors.get(j, k));
    }
  }
  // Exact symmetry of the result.
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const m = 0.5 * (out.get(i, j) + out.get(j, i));
      out.set(i, j, m);
      out.set(j, i, m);
    }
  return out;
}

/** Principal square root of a PSD matrix; tiny negative eigenvalues (round-off) are clamped to 0. */
export function symSqrt(S: Matrix): Matrix {
  return symApply(S, (l) => Math.sqrt(Math.max(0, l)));
}

/**
 * S^p for symmetric PSD S. Eigenvalues ≤ rtol·λ_max are treated as 0 (so S^{−1} is the
 * pseudo-inverse and 0^p = 0 for every p); negative round-off eigenvalues are clamped to 0.
 */
export function symPow(S: Matrix, p: number, rtol = 1e-12): Matrix {
  const { values } = symEig(S);
  const lmax = Math.max(0, values[0] ?? 0);
  const cut = rtol * lmax;
  return symApply(S, (l) => (l > cut ? Math.pow(l, p) : p === 0 ? 1 : 0));
}

/** Orthogonal projector onto the column space of B (any shape, any rank): P = Q Qᵀ. */
export function projectorOnto(B: Matrix, rtol = 1e-10): Matrix {
  const Q = rowSpaceBasis(B.transpose(), rtol); // column space of B = row space of Bᵀ
  return Q.mmul(Q.transpose());
}
