// Closed-form predictions of Min et al. (2021) used by the claims: the imbalance level c, the Theorem 1
// bound, the balanced initialization, the linear-regression flow, the GD time conversion, A_Z.
import { Matrix } from 'ml-matrix';
import { symEig, symPow } from '../linalg/index.js';
import type { DataDecomposition } from '../models/factorization.js';

/** Eigenvalues of the symmetric part of S, decreasing. */
export function eigDesc(S: Matrix): Float64Array {
  return symEig(S).values;
}

/** λ_k (1-based, decreasing order) or undefined when k is out of range. */
export function lambdaK(vals: Float64Array, k: number): number | undefined {
  return k >= 1 && k <= vals.length ? vals[k - 1] : undefined;
}

export interface ImbalanceLevel {
  /** c = [λ_r(Λ)]_+ + [λ_m(−Λ)]_+ with λ_r := 0 if h < r and λ_m(−Λ) := 0 if h < m (L:120, L:126). */
  c: number;
  /** λ_r(Λ) (0 if h < r). */
  lr: number;
  /** λ_m(−Λ) = −λ_{h−m+1}(Λ) (0 if h < m). */
  lmNeg: number;
}

/** The level of imbalance c of Theorem 1 from an h×h symmetric Λ. */
export function imbalanceLevel(Lambda: Matrix, r: number, m: number): ImbalanceLevel {
  const vals = eigDesc(Lambda);
  return imbalanceLevelFromEigs(vals, r, m);
}
export function imbalanceLevelFromEigs(vals: Float64Array, r: number, m: number): ImbalanceLevel {
  const h = vals.length;
  const lr = h >= r ? vals[r - 1] : 0;
  const lmNeg = h >= m ? -vals[h - m] : 0;
  return { c: Math.max(lr, 0) + Math.max(lmNeg, 0), lr, lmNeg };
}

/** Theorem 1 (10)/(26): (L(t) − L*)/(L(0) − L*) ≤ exp(−2 λ_r(Σ_x) c t). Returns the log of the bound. */
export function theorem1LogBound(t: number, lamr: number, c: number): number {
  return -2 * lamr * c * t;
}

/** Gradient-flow time per GD iteration on L̄ = (1/n)‖·‖² with step η: Δt = 2η/n (MIN-GDSCALE). */
export function gdTimePerIteration(eta: number, n: number): number {
  return (2 * eta) / n;
}

/**
 * Balanced initialization (§4, L:232; App. A.1 L:351), corrected: with M = Θ0ᵀΦ1Φ1ᵀΘ0 (m×m, PD) and
 * Q ∈ ℝ^{h×m}, QᵀQ = I_m:  U_bal = Θ0 M^{−1/4} Qᵀ (D×h),  V_bal = M^{1/4} Qᵀ (m×h).
 */
export function balancedInit(Theta0: Matrix, Phi1: Matrix, Q: Matrix): { U: Matrix; V: Matrix; M: Matrix } {
  const P = Phi1.transpose().mmul(Theta0);
  const M = P.transpose().mmul(P);
  const U = Theta0.mmul(symPow(M, -0.25)).mmul(Q.transpose());
  const V = symPow(M, 0.25).mmul(Q.transpose());
  return { U, V, M };
}

/** The literal printed formula V_bal = M^{1/4} Q (m×m times h×m): throws unless h = m. */
export function balancedVLiteral(M: Matrix, Q: Matrix): Matrix {
  const A = symPow(M, 0.25);
  if (A.columns !== Q.rows) throw new RangeError(`M^{1/4}Q: inner dimensions ${A.rows}×${A.columns} · ${Q.rows}×${Q.columns} do not match`);
  return A.mmul(Q);
}

/**
 * Linear regression flow Θ̇ = Xᵀ(Y − XΘ) (MIN-LINREG), closed form:
 *   Φ1ᵀΘ(t) = Σ^{−1/2}WᵀY + e^{−Σ_x t}(Φ1ᵀΘ(0) − Σ^{−1/2}WᵀY),  Φ2ᵀΘ(t) = Φ2ᵀΘ(0).
 */
export function linregClosedForm(dec: DataDecomposition, Y: Matrix, Theta0: Matrix, t: number): Matrix {
  const WtY = dec.W.transpose().mmul(Y);
  const A = dec.Phi1.transpose().mmul(Theta0);
  for (let i = 0; i < dec.r; i++) {
    const s = dec.sqrtSigma[i];
    const decay = Math.exp(-s * s * t);
    for (let j = 0; j < A.columns; j++) {
      const target = WtY.get(i, j) / s;
      A.set(i, j, target + decay * (A.get(i, j) - target));
    }
  }
  return dec.Phi1.mmul(A).add(dec.Phi2.mmul(dec.Phi2.transpose().mmul(Theta0)));
}

/** A_Z = [[0, EᵀΣ^{1/2}], [Σ^{1/2}E, 0]] ∈ ℝ^{(m+r)×(m+r)} (27), for E ∈ ℝ^{r×m}. */
export function blockAZ(E: Matrix, sqrtSigma: ArrayLike<number>): Matrix {
  const r = E.rows;
  const m = E.columns;
  const A = Matrix.zeros(m + r, m + r);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < m; j++) {
      const b = sqrtSigma[i] * E.get(i, j);
      A.set(m + i, j, b);
      A.set(j, m + i, b);
    }
  return A;
}
