// The order-D regularizer of Woodworth et al. 2020, App. E.
//   h_D(z) = (1−z)^{−p} − (1+z)^{−p},  p = D/(D−2),  z ∈ (−1, 1)                 (59)
//   q_D(z) = ∫₀ᶻ h_D⁻¹(t) dt = z·s − H_D(s),  s = h_D⁻¹(z)                           (60)
//   H_D(s) = ∫₀ˢ h_D = ((D−2)/2)[(1−s)^{−2/(D−2)} + (1+s)^{−2/(D−2)} − 2]             (derived)
//   Q^D_α(β) = α^D Σ_i q_D(β_i/α^D)                                                  (L194)
// Accuracy: h_D via expm1 (no cancellation at small s); near |s| → 1 the code works in u = 1 − |s|;
// q_D by a positive power series for |s| ≤ 1/2 (p ≤ 12), the direct form otherwise;
// h_D⁻¹ by a bracketed (safeguarded) Newton iteration, in s for small z and in ln u for large z.
import type { SeparablePotential } from './separableMin.js';

export const pOf = (D: number): number => D / (D - 2);

/** h_D(s) for s ∈ (−1, 1); odd. */
export function hD(s: number, D: number): number {
  const p = pOf(D);
  const a = Math.abs(s);
  if (a >= 1) return Math.sign(s) * Infinity;
  // (1−a)^{−p} − (1+a)^{−p} = (1+a)^{−p}·expm1(p·ln((1+a)/(1−a))) = (1+a)^{−p}·expm1(2p·atanh a)
  const v = Math.pow(1 + a, -p) * Math.expm1(2 * p * Math.atanh(a));
  return s < 0 ? -v : v;
}
/** h_D as a function of u = 1 − |s| ∈ (0, 1] (accurate near |s| = 1). Returns h_D(1−u) ≥ 0. */
export function hDFromU(u: number, D: number): number {
  const p = pOf(D);
  return Math.pow(u, -p) - Math.pow(2 - u, -p);
}
/** h_D′(s) = p(1−s)^{−p−1} + p(1+s)^{−p−1} > 0. */
export function hDPrime(s: number, D: number): number {
  const p = pOf(D);
  return p * Math.pow(1 - s, -p - 1) + p * Math.pow(1 + s, -p - 1);
}

/** Inverse of h_D: returns s ∈ (−1, 1) with h_D(s) = z; also u = 1 − |s| for accuracy near ±1. */
export function hDInvFull(z: number, D: number): { s: number; u: number } {
  if (z === 0) return { s: 0, u: 1 };
  if (!Number.isFinite(z)) return { s: Math.sign(z), u: 0 };
  const a = Math.abs(z);
  const sg = Math.sign(z);
  const p = pOf(D);
  const zHalf = hD(0.5, D);
  if (a <= zHalf) {
    // Solve h_D(s) = a on [0, 0.5]; start from the linearization s ≈ a/(2p).
    let lo = 0;
    let hi = 0.5;
    let s = Math.min(a / (2 * p), 0.5);
    for (let k = 0; k < 200; k++) {
      const f = hD(s, D) - a;
      // an exact root (the linear start s = a/(2p) is one for a ≲ 1e-100): stop — without this the strict bracket
      // test below rejected it and the loop bisected from 0.25 until its iterations ran out (h₃⁻¹(1e-200) = 5.5e-79)
      if (f === 0) break;
      if (f > 0) hi = s;
      else lo = s;
      let sn = s - f / hDPrime(s, D);
      if (!(sn > lo && sn < hi)) sn = 0.5 * (lo + hi);
      if (Math.abs(sn - s) <= 1e-16 * Math.abs(sn) || hi - lo <= 1e-17 * hi) {
        s = sn;
        break;
      }
      s = sn;
    }
    return { s: sg * s, u: 1 - s };
  }
  // Large z: solve F(t) = ln(h_D(1 − e^t)) − ln a = 0 for t = ln u ∈ (−∞, ln 0.5], F decreasing.
  const la = Math.log(a);
  // Bracket: u_lo = (a+1)^{−1/p} gives h ≥ a (since (2−u)^{−p} ≤ 1); u_hi = 0.5 gives h ≤ a.
  let tLo = -Math.log1p(a) / p; // ln u_lo  (h(u_lo) ≥ a → F ≥ 0)
  let tHi = Math.log(0.5);
  const F = (t: number) => {
    const u = Math.exp(t);
    return Math.log(hDFromU(u, D)) - la;
  };
  const dF = (t: number) => {
    const u = Math.exp(t);
    const h = hDFromU(u, D);
    // dh/du = −p u^{−p−1} − p (2−u)^{−p−1};  dF/dt = u·(dh/du)/h
    return (u * (-p * Math.pow(u, -p - 1) - p * Math.pow(2 - u, -p - 1))) / h;
  };
  let t = Math.max(tLo, Math.min(tHi, -la / p));
  for (let k = 0; k < 200; k++) {
    const f = F(t);
    if (f > 0) tLo = t;
    else tHi = t;
    let tn = t - f / dF(t);
    if (!(tn > tLo && tn < tHi)) tn = 0.5 * (tLo + tHi);
    if (Math.abs(tn - t) <= 4e-16 * Math.max(1, Math.abs(t))) {
      t = tn;
      break;
    }
    t = tn;
  }
  const u = Math.exp(t);
  return { s: sg * (1 - u), u };
}
export const hDInv = (z: number, D: number): number => hDInvFull(z, D).s;

/** H_D(s) = ∫₀ˢ h_D (the convex conjugate of q_D). */
export function HD(s: number, D: number): number {
  const a = Math.abs(s);
  const m = 2 / (D - 2);
  if (a <= 0.5 && m <= 300) {
    // H_D(s) = (D−2)·Σ_{k even ≥ 2} Γ(m+k)/(Γ(m) k!) s^k (positive terms; no cancellation). The terms peak near
    // k ≈ m·a/(1 − a) ≤ m and then fall by ≥ a² per pair, so m ≤ 300 converges well inside the 4000-term cap. The closed
    // form below cancels for small a (relative error ≈ ε/(m·a)): it was used for m > 12 (2 < D < 13/6) before.
    // m ≤ 300 covers D ≥ 2.0067; below that the cancellation ε/(m a) only matters for a < 1e-13.
    // The term is advanced by its ratio t_{k+2}/t_k = (m+k)(m+k+1)a²/((k+1)(k+2)), never through the Pochhammer
    // symbol and the factorial separately: those overflow (at m ≈ 40, a = ½) while the term itself stays ≤ the sum
    // (H_D(½) ≈ 7e72 at m = 250), and rescaling them after the overflow divided ∞ by a finite number (round 5).
    const a2 = a * a;
    let term = (m * (m + 1) * a2) / 2;
    let sum = 0;
    for (let k = 2; k < 4000; k += 2) {
      sum += term;
      if (term <= 1e-18 * sum) break;
      term *= ((m + k) * (m + k + 1) * a2) / ((k + 1) * (k + 2));
    }
    return (D - 2) * sum;
  }
  // ((D−2)/2)·[(1−a)^{−m} + (1+a)^{−m} − 2], each term via expm1 for accuracy.
  return (1 / m) * (Math.expm1(-m * Math.log1p(-a)) + Math.expm1(-m * Math.log1p(a)));
}

/** Series q_D(h_D(s)) = Σ_{j even ≥ 2} 2(j−1)Γ(p+j−1)/(Γ(p) j!) s^j (all terms positive; derived). */
function qDSeries(s: number, p: number): number {
  const s2 = s * s;
  // coefficient c_j = 2(j−1)·Γ(p+j−1)/(Γ(p) j!) ; ratio Γ(p+j−1)/Γ(p) = (p)(p+1)…(p+j−2). The product
  // t_j = Γ(p+j−1)/(Γ(p) j!)·s^j is advanced by its ratio t_{j+2}/t_j = (p+j−1)(p+j)s²/((j+1)(j+2)), so nothing
  // overflows before the term does (the separate Pochhammer symbol and factorial overflowed for p ≳ 40 at s ≈ ½).
  let t = (p * s2) / 2; // j = 2: Γ(p+1)/(Γ(p)·2!)·s²
  let sum = 0;
  for (let j = 2; j < 2000; j += 2) {
    const term = 2 * (j - 1) * t;
    sum += term;
    if (term <= 1e-18 * sum) break;
    t *= ((p + j - 1) * (p + j) * s2) / ((j + 1) * (j + 2));
  }
  return sum;
}

/** q_D(z) = ∫₀ᶻ h_D⁻¹; even, convex, q_D(0) = 0. */
export function qD(z: number, D: number): number {
  if (z === 0) return 0;
  const a = Math.abs(z);
  const { s, u } = hDInvFull(a, D);
  const p = pOf(D);
  // the series has positive terms (no cancellation); the direct form a·s − H_D(s) loses ≈ ε/s² relative for small s, so
  // the series is used for every p it converges for within its 2000-term cap (terms peak near j ≈ p·s/(1 − s) ≤ p)
  if (s <= 0.5 && p <= 300) return qDSeries(s, p);
  if (s > 0.5) {
    // q_D = a(1−u) − H_D(1−u), with H_D written in u: ((D−2)/2)[u^{−m} + (2−u)^{−m} − 2]
    const m = 2 / (D - 2);
    const H = (1 / m) * (Math.pow(u, -m) + Math.pow(2 - u, -m) - 2);
    return a * (1 - u) - H;
  }
  return a * s - HD(s, D);
}

/** Q^D_α(β) = α^D Σ q_D(β_i/α^D), optionally weighted: Σ α^D w0_i² q_D(β_i/(α^D w0_i^D)) (derived, WOO-T3W0). */
export function QDalpha(beta: ArrayLike<number>, alpha: number, D: number, w0?: ArrayLike<number>): number {
  const aD = Math.pow(alpha, D);
  let s = 0;
  for (let i = 0; i < beta.length; i++) {
    const w = w0 ? Math.abs(w0[i]) : 1;
    s += aD * w * w * qD(beta[i] / (aD * Math.pow(w, D)), D);
  }
  return s;
}

/**
 * Separable potential of Q^D_{α,w0}: ψ_i(β) = (a_i/κ_i) q_D(β/a_i) with a_i = (αw0_i)^D, κ_i = w0_i^{D−2}.
 * Link b_i(s) = a_i h_D(κ_i s) on |s| < 1/κ_i (from (51)/(53) with w0 ≠ 1).
 */
export function psiQD(alpha: number, D: number, d: number, w0?: ArrayLike<number>): SeparablePotential {
  const a = new Float64Array(d);
  const kap = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const w = w0 ? Math.abs(w0[i]) : 1;
    a[i] = Math.pow(alpha * w, D);
    kap[i] = Math.pow(w, D - 2);
  }
  return {
    value: (i, b) => (a[i] / kap[i]) * qD(b / a[i], D),
    grad: (i, b) => hDInv(b / a[i], D) / kap[i],
    hess: (i, b) => {
      const s = hDInv(b / a[i], D);
      return 1 / (a[i] * kap[i] * hDPrime(s, D));
    },
    gradInv: (i, s) => a[i] * hD(kap[i] * s, D),
    gradInvDeriv: (i, s) => a[i] * kap[i] * hDPrime(kap[i] * s, D),
    conj: (i, s) => (a[i] / kap[i]) * HD(kap[i] * s, D),
    sBound: (i) => 1 / kap[i],
  };
}
