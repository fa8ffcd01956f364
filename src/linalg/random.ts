// Random matrices from the seeded Rng: Gaussian, Haar-orthogonal, Stiefel, and data with a
// prescribed spectrum X = W diag(s) Φ1ᵀ.
import { Matrix } from 'ml-matrix';
import type { Rng } from '../random/rng.js';
import { columnsOf } from './matrix.js';
import { qrFull } from './qr.js';

/** rows×cols with i.i.d. N(0, sd²) entries (filled row by row). */
export function gaussianMatrix(rng: Rng, rows: number, cols: number, sd = 1): Matrix {
  const M = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) M.set(i, j, sd * rng.normal());
  return M;
}

/** Q of G = QR with the sign fix Q ← Q diag(sign Rᵢᵢ): Haar-distributed (Mezzadri 2007). */
function haarQ(rng: Rng, n: number, k: number): Matrix {
  const G = gaussianMatrix(rng, n, k);
  const { Q, R } = qrFull(G);
  for (let j = 0; j < Math.min(n, k); j++) {
    if (R.get(j, j) < 0) for (let i = 0; i < n; i++) Q.set(i, j, -Q.get(i, j));
  }
  return Q;
}

/** n×n orthogonal matrix, Haar distributed. */
export function randomOrthogonal(rng: Rng, n: number): Matrix {
  return haarQ(rng, n, n);
}

/** n×k with orthonormal columns (uniform on the Stiefel manifold), k ≤ n. */
export function randomOrthonormalColumns(rng: Rng, n: number, k: number): Matrix {
  if (k > n) throw new Error(`randomOrthonormalColumns: k=${k} > n=${n}`);
  if (k === 0) return new Matrix(n, 0);
  return columnsOf(haarQ(rng, n, k), 0, k);
}

export interface SpectralData {
  /** n×d data matrix X = W diag(s) Φ1ᵀ, singular values exactly s (up to round-off). */
  X: Matrix;
  /** n×r, orthonormal columns. */
  W: Matrix;
  /** d×r row-space basis. */
  Phi1: Matrix;
  /** d×(d−r) null-space basis ([Φ1 Φ2] orthogonal). */
  Phi2: Matrix;
}

/** Data with prescribed singular values s (r = s.length ≤ min(n, d); zeros allowed). */
export function dataWithSpectrum(rng: Rng, n: number, d: number, s: number[] | Float64Array): SpectralData {
  const r = s.length;
  if (r > Math.min(n, d)) throw new Error(`dataWithSpectrum: ${r} singular values for a ${n}×${d} matrix`);
  const W = randomOrthonormalColumns(rng, n, r);
  const Phi = randomOrthogonal(rng, d);
  const Phi1 = columnsOf(Phi, 0, r);
  const Phi2 = columnsOf(Phi, r, d);
  const WS = W.clone();
  for (let j = 0; j < r; j++) for (let i = 0; i < n; i++) WS.set(i, j, W.get(i, j) * s[j]);
  const X = r === 0 ? Matrix.zeros(n, d) : WS.mmul(Phi1.transpose());
  return { X, W, Phi1, Phi2 };
}
