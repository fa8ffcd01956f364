// Exact Jacobian of the normalised exponential-loss flow of a linear tensor network
// (normalizedRhs in ./tensorNets.ts):  G(Θ) = s(Θ)·P(c(Θ), Θ),  s = ‖Θ‖^{−(L−1)},
//   P(c, Θ) = M(c)∘(v_1,…,I,…,v_L) stacked over l,  c_i = y_i w_i,  w = softmax(−y⊙f).
// Why not finite differences: the weights w react to margins of size ‖Θ‖^L, so at ‖Θ‖ ≈ 10⁴ a forward
// difference step of √ε·|θ_j| moves a margin by O(1) and the quotient is meaningless; the softmax part is
// differentiated by hand instead. With g_i = ∇_Θ f_i (stacked M_i∘(…I…)) and P = Σ_k c_k g_k:
//   ∂w_i/∂Θ = −w_i (y_i g_i − P),  so  ∂c_i/∂Θ = −w_i (g_i − y_i P)   (y_i² = 1),
//   ∂G/∂Θ = s (∂_Θ P|_c + Σ_i g_i ∂c_iᵀ) − (L−1) s ‖Θ‖^{−2} P Θᵀ.
// ∂_Θ P|_c is exact by differences: P is multilinear, so it is affine in each single coordinate θ_j and a
// difference quotient along e_j has no truncation error (the step only sets the rounding: δ = max(|θ_j|, 1)).
import { contractEachMode, tensorCombination } from './tensor.js';
import { outputs, splitParams, stackParts, type TensorNet } from './tensorNets.js';

const stacked = (parts: Float64Array[], n: number): Float64Array => stackParts(parts, new Float64Array(n));

/** Writes ∂G/∂Θ (row-major, dim × dim) of the normalised flow dΘ/dτ = G(Θ) into J. */
export function normalizedJacobian(net: TensorNet, theta: Float64Array, J: Float64Array): void {
  const n = theta.length;
  const f = outputs(net, theta);
  let mmin = Infinity;
  for (let i = 0; i < net.n; i++) mmin = Math.min(mmin, net.y[i] * f[i]);
  const w = new Float64Array(net.n);
  let Z = 0;
  for (let i = 0; i < net.n; i++) {
    w[i] = Math.exp(-(net.y[i] * f[i] - mmin));
    Z += w[i];
  }
  for (let i = 0; i < net.n; i++) w[i] /= Z;
  const c = Array.from(w, (wi, i) => wi * net.y[i]);
  const Mc = tensorCombination(net.Ms, c);
  const vs = splitParams(net.shape, theta);
  const P = stacked(contractEachMode(Mc, vs), n);
  let nrm2 = 0;
  for (let i = 0; i < n; i++) nrm2 += theta[i] * theta[i];
  const s = Math.pow(Math.sqrt(nrm2), -(net.L - 1));
  J.fill(0);
  // ∂_Θ P|_c, column by column (exact: P is affine in each coordinate)
  const tp = Float64Array.from(theta);
  for (let j = 0; j < n; j++) {
    const d = Math.max(Math.abs(theta[j]), 1);
    tp[j] = theta[j] + d;
    const Pj = stacked(contractEachMode(Mc, splitParams(net.shape, tp)), n);
    tp[j] = theta[j];
    for (let i = 0; i < n; i++) J[i * n + j] = (Pj[i] - P[i]) / d;
  }
  // Σ_i g_i ∂c_iᵀ with ∂c_i = −w_i (g_i − y_i P)
  for (let k = 0; k < net.n; k++) {
    if (w[k] === 0) continue;
    const g = stacked(contractEachMode(net.Ms[k], vs), n);
    for (let i = 0; i < n; i++) {
      const gi = g[i] * w[k];
      if (gi === 0) continue;
      for (let j = 0; j < n; j++) J[i * n + j] -= gi * (g[j] - net.y[k] * P[j]);
    }
  }
  const q = (net.L - 1) / nrm2;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) J[i * n + j] = s * J[i * n + j] - q * s * P[i] * theta[j];
}
