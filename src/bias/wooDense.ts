// Small dense linear-algebra kernels on plain arrays, used by the implicit-bias solvers.
// Matrices are arrays of rows (number[][]); sizes here are tiny (N ≤ ~100, d ≤ ~1000), so clarity
// beats blocking. ml-matrix is accepted at the API boundary (`MatLike`).
import { Matrix } from 'ml-matrix';
import { pinv } from '../linalg/index.js';

export type Vec = Float64Array;
export type MatLike = Matrix | number[][] | readonly (readonly number[])[];

/** Rows of X as plain arrays (copies; safe to keep). */
export function rowsOf(X: MatLike): number[][] {
  if (X instanceof Matrix) return X.to2DArray();
  return (X as number[][]).map((r) => Array.from(r));
}

export function vec(a: ArrayLike<number>): Vec {
  return Float64Array.from(a as ArrayLike<number>);
}

export function matVec(X: number[][], v: ArrayLike<number>): Vec {
  const n = X.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = X[i];
    let s = 0;
    for (let j = 0; j < r.length; j++) s += r[j] * v[j];
    out[i] = s;
  }
  return out;
}

export function matTVec(X: number[][], u: ArrayLike<number>): Vec {
  const d = X[0]?.length ?? 0;
  const out = new Float64Array(d);
  for (let i = 0; i < X.length; i++) {
    const r = X[i];
    const ui = u[i];
    if (ui === 0) continue;
    for (let j = 0; j < d; j++) out[j] += r[j] * ui;
  }
  return out;
}

export function dotv(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
export function nrm2(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  if (m === 0 || !Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] / m) ** 2;
  return m * Math.sqrt(s);
}
export function nrmInf(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}
export function nrm1(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m += Math.abs(a[i]);
  return m;
}
export function subv(a: ArrayLike<number>, b: ArrayLike<number>): Vec {
  const o = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) o[i] = a[i] - b[i];
  return o;
}
export function distInf(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return nrmInf(subv(a, b));
}
export function dist2(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return nrm2(subv(a, b));
}

/** Solve the symmetric positive (semi)definite system A x = b by Cholesky, with growing jitter if needed. */
export function solveSPD(A: number[][], b: ArrayLike<number>): Vec {
  const n = A.length;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(A[i][i]));
  if (scale === 0) scale = 1;
  for (let attempt = 0; attempt < 12; attempt++) {
    const jitter = attempt === 0 ? 0 : scale * 1e-16 * 10 ** (attempt - 1);
    const L = cholesky(A, jitter);
    if (L) {
      const z = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = b[i];
        for (let k = 0; k < i; k++) s -= L[i][k] * z[k];
        z[i] = s / L[i][i];
      }
      const x = new Float64Array(n);
      for (let i = n - 1; i >= 0; i--) {
        let s = z[i];
        for (let k = i + 1; k < n; k++) s -= L[k][i] * x[k];
        x[i] = s / L[i][i];
      }
      return x;
    }
  }
  return lstsq(A, b);
}

function cholesky(A: number[][], jitter: number): number[][] | null {
  const n = A.length;
  const L: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i][j] + (i === j ? jitter : 0);
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  return L;
}

/** Minimum-norm least-squares solution via ml-matrix's pseudo-inverse (SVD). */
export function lstsq(A: number[][], b: ArrayLike<number>, rtol = 1e-13): Vec {
  const P = pinvRows(A, rtol);
  return matVec(P, b);
}

/** Pseudo-inverse with relative singular-value cut-off rtol·σ_max (the shared SVD of src/linalg). */
export function pinvRows(A: number[][], rtol = 1e-12): number[][] {
  return pinv(new Matrix(A), rtol).to2DArray();
}

function orthogonalize(v: Vec, basis: Vec[]): void {
  // Twice-iterated modified Gram–Schmidt ("twice is enough").
  for (let pass = 0; pass < 2; pass++)
    for (const b of basis) {
      const c = dotv(v, b);
      for (let i = 0; i < v.length; i++) v[i] -= c * b[i];
    }
}

/** Orthonormal basis of the row space of X (r vectors of length d), by Gram–Schmidt on the rows. */
export function rowBasis(X: number[][], rtol = 1e-10): Vec[] {
  const row: Vec[] = [];
  let scale = 0;
  for (const r of X) scale = Math.max(scale, nrm2(r));
  for (const r of X) {
    const v = vec(r);
    orthogonalize(v, row);
    const n = nrm2(v);
    if (n > rtol * scale) {
      for (let i = 0; i < v.length; i++) v[i] /= n;
      row.push(v);
    }
  }
  return row;
}

/**
 * Orthonormal bases of the row space of X and of its null space (d − r vectors, completed from the
 * standard basis). The completion costs O(d²·d); callers that need only the row space use rowBasis.
 */
export function rowAndNullBasis(X: number[][], rtol = 1e-10): { row: Vec[]; nul: Vec[] } {
  const d = X[0].length;
  const row = rowBasis(X, rtol);
  const all = [...row];
  const nul: Vec[] = [];
  for (let j = 0; j < d && all.length < d; j++) {
    const v = new Float64Array(d);
    v[j] = 1;
    orthogonalize(v, all);
    const n = nrm2(v);
    if (n > 1e-6) {
      for (let i = 0; i < d; i++) v[i] /= n;
      all.push(v);
      nul.push(v);
    }
  }
  return { row, nul };
}

/** Projection of v onto the orthogonal complement of span(basis) (basis orthonormal). */
export function projectOut(v: ArrayLike<number>, basis: Vec[]): Vec {
  const o = vec(v);
  for (let pass = 0; pass < 2; pass++)
    for (const b of basis) {
      const c = dotv(o, b);
      for (let i = 0; i < o.length; i++) o[i] -= c * b[i];
    }
  return o;
}

/** Gram matrix X diag(w) Xᵀ. */
export function weightedGram(X: number[][], w: ArrayLike<number>): number[][] {
  const n = X.length;
  const d = X[0].length;
  const G: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let a = 0; a < n; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const ra = X[a];
      const rb = X[b];
      for (let j = 0; j < d; j++) s += ra[j] * w[j] * rb[j];
      G[a][b] = s;
      G[b][a] = s;
    }
  return G;
}
