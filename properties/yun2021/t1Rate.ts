// YUN-T1 rate certificate (L = 2): the angle to the top singular pair of M(−u) must shrink at the rate the
// linearised normalised flow predicts. Our own derivation; the paper proves the limit, not a rate.
//
// For L = 2 the network is f(x) = v₁ᵀ M(x) v₂, and the normalised flow dΘ/dτ = −∇L/(L‖Θ‖) reads
//     dv₁/dτ = A v₂ / ‖Θ‖,   dv₂/dτ = Aᵀ v₁ / ‖Θ‖,   A = M(Σᵢ wᵢ yᵢ xᵢ),  w = softmax(−y ⊙ f)  (Σ wᵢ = 1).
// Once the weights have settled A is constant, and in the time s = ∫ dτ/‖Θ‖ the flow is exactly linear: the
// modes (u_k, ±v_k) of the singular pairs of A evolve as e^{±σ_k s}, the null space of A stands still. The
// tangent of the angle between v̂₁ and the top left singular vector u₁ is therefore
//     t(s) = |b e^{σ₂s} + c e^{−σ₂s}| / |a e^{σ₁s}|,   so   d ln t/ds = −(σ₁ − σ₂) + O(e^{−2σ₂s}),
// and the same for v̂₂ (its null-space part decays faster still, like e^{−σ₁s}). In τ this is the power law
// t ∝ τ^{−(1−σ₂/σ₁)} (‖Θ‖ ≈ σ₁τ): about τ^{−0.1…−0.25} on the slow draws, which is why their residual is still
// above 1e-2 at τ = 3·10⁴. A flow whose angle falls at least that fast is in the regime where it converges to the
// top singular pair of M(−u∞) — a singular tuple, which is (8).
//
// Certificate over a window [τ_a, τ_b] (the caller checks that the weights have settled): with
// t = max(tan∠(v̂₁, u₁), tan∠(v̂₂, v₁)) and Δs = ∫ dτ/‖Θ‖ (Simpson in ln τ over three checkpoints),
//     ln(t_b/t_a)/Δs ≤ −g_min/2 + (δ/t_a + δ/t_b)/Δs,   g = σ₁ − σ₂ of A at each checkpoint, g_min the smaller.
// Why half the predicted rate: for fixed A the prediction is an equality, and on the slow draws of data seeds 1–30
// it is met to 1e-3 relative (−0.2225 vs −0.2227, −0.1341 vs −0.1341, −0.1497 vs −0.1497); where A still drifts a
// little the observed fall is up to 30 % steeper or 2 % slower. Asking for the exact rate would put such draws on a
// knife edge; asking for half of it keeps them well clear while still refusing what matters — an angle that stalls
// (slope 0), or falls at less than half the rate the linearisation predicts. δ = 1e-6 bounds the integrator's error on t (ROS2
// at rtol 1e-10; runs at rtol 1e-8 and 1e-6 agree on the direction to 4e-6, so the error scales to ≲ 1e-7 here).
// Not certified ⇒ inconclusive, never a failure: a slower fall means A (the weights) is still drifting.

export interface RatePoint {
  tau: number;
  /** ‖Θ‖ at this checkpoint */
  normTheta: number;
  /** t = max(tan∠(v̂₁, u₁), tan∠(v̂₂, v₁)) for the top singular pair (u₁, v₁) of A */
  t: number;
  /** σ₁ − σ₂ of A = M(Σ wᵢyᵢxᵢ), weights summing to 1 */
  gap: number;
}

export interface RateCertificate {
  certified: boolean;
  /** observed d ln t/ds over the window */
  slope: number;
  /** the bound the slope must meet: −g_min/2 + (δ/t_a + δ/t_b)/Δs */
  bound: number;
  reason: string;
}

/** Δs = ∫ dτ/‖Θ‖ over [a, c] by Simpson's rule in ln τ (integrand τ/‖Θ‖), b the geometric midpoint. */
export function sTimeSimpson(a: RatePoint, b: RatePoint, c: RatePoint): number {
  const h = Math.log(c.tau / a.tau);
  const f = (p: RatePoint) => p.tau / p.normTheta;
  return (h / 6) * (f(a) + 4 * f(b) + f(c));
}

/** Integrator error allowance on t (see the header). */
export const T_ERROR = 1e-6;

export function t1RateCertificate(a: RatePoint, mid: RatePoint, b: RatePoint): RateCertificate {
  const ds = sTimeSimpson(a, mid, b);
  const gMin = Math.min(a.gap, b.gap);
  const bound = -gMin / 2 + (T_ERROR / a.t + T_ERROR / b.t) / ds;
  const slope = Math.log(b.t / a.t) / ds;
  if (!(ds > 0) || !(a.t > 0) || !(b.t > 0) || !(gMin > 0)) return { certified: false, slope, bound, reason: 'degenerate window (Δs, t or σ₁ − σ₂ not positive)' };
  if (!(bound < 0)) return { certified: false, slope, bound, reason: `σ₁ − σ₂ = ${gMin.toExponential(2)} too small to separate from the error allowance` };
  const summary = `d ln t/ds = ${slope.toFixed(4)} on τ ∈ [${a.tau}, ${b.tau}] (t = ${a.t.toExponential(2)} → ${b.t.toExponential(2)}), predicted −(σ₁−σ₂) = ${(-gMin).toFixed(4)}, bound ${bound.toFixed(4)}`;
  return slope <= bound ? { certified: true, slope, bound, reason: summary } : { certified: false, slope, bound, reason: `slower than predicted: ${summary}` };
}
