// Minimum-ℓ2 interpolants by the pseudo-inverse:
//   β_ℓ2* = Xᵀ(XXᵀ)⁻¹y = X⁺y,     weighted  argmin Σ β_i²/ω_i  s.t. Xβ = y  is  ΩXᵀ(XΩXᵀ)⁻¹y,  Ω = diag(ω).
// Computed with an SVD-based pseudo-inverse (rank-deficient X allowed: then X⁺y is the least-squares,
// minimum-norm solution).
import { type MatLike, type Vec, rowsOf, matVec, matTVec, pinvRows, weightedGram, solveSPD } from './wooDense.js';

/** X⁺y (minimum-ℓ2 interpolant when XXᵀ is invertible). */
export function minL2(Xin: MatLike, y: ArrayLike<number>, rtol = 1e-12): Vec {
  const X = rowsOf(Xin);
  return matVec(pinvRows(X, rtol), y);
}

/** argmin Σ β_i²/ω_i s.t. Xβ = y, i.e. ΩXᵀ(XΩXᵀ)⁻¹y (ω_i > 0; X of full row rank). */
export function minWeightedL2(Xin: MatLike, y: ArrayLike<number>, omega: ArrayLike<number>): Vec {
  const X = rowsOf(Xin);
  const lam = solveSPD(weightedGram(X, omega), y);
  const b = matTVec(X, lam);
  for (let i = 0; i < b.length; i++) b[i] *= omega[i];
  return b;
}
