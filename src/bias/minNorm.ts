// The minimum-Frobenius-norm least-squares solution of Min et al. (11), computed independently of any flow.
//
//   Θ̂ := argmin { ‖Θ‖_F : Θ minimizes ½‖Y − XΘ‖_F² } = Xᵀ(XXᵀ)^† Y = X^† Y = Φ1 Σ_x^{−1/2} Wᵀ Y   (11), (13)
//
// Three independent routes: the pseudo-inverse of the Gram matrix XXᵀ (as printed in (11)), the
// pseudo-inverse of X itself, and the compact SVD (4). Claims compare them.
import { Matrix } from 'ml-matrix';
import { pinv } from '../linalg/index.js';
import type { DataDecomposition } from '../models/factorization.js';

/** Θ̂ = Xᵀ (XXᵀ)^† Y (11), pseudo-inverse of the n×n Gram matrix. */
export function minNormGram(X: Matrix, Y: Matrix, rtol = 1e-12): Matrix {
  const G = X.mmul(X.transpose());
  return X.transpose().mmul(pinv(G, rtol)).mmul(Y);
}

/** Θ̂ = X^† Y. */
export function minNormPinv(X: Matrix, Y: Matrix, rtol = 1e-12): Matrix {
  return pinv(X, rtol).mmul(Y);
}

/** Θ̂ = Φ1 Σ_x^{−1/2} Wᵀ Y (13), from the compact SVD (4). */
export function minNormFromDecomposition(dec: DataDecomposition, Y: Matrix): Matrix {
  const WtY = dec.W.transpose().mmul(Y);
  for (let i = 0; i < dec.r; i++) for (let j = 0; j < WtY.columns; j++) WtY.set(i, j, WtY.get(i, j) / dec.sqrtSigma[i]);
  return dec.Phi1.mmul(WtY);
}

/** The least-squares residual ½‖Y − XΘ‖_F². */
export function lsResidual(X: Matrix, Y: Matrix, Theta: Matrix): number {
  return 0.5 * Y.clone().sub(X.mmul(Theta)).norm('frobenius') ** 2;
}
