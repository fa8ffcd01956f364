// The depth-2 regularizer of Woodworth et al. 2020 and its scaled/weighted forms.
//   q(z) = ∫₀ᶻ arcsinh(u/2) du = 2 − √(4+z²) + z·arcsinh(z/2)               (L118, eq. (21))
//   Q_{α,w0}(β) = Σ_i α²w0_i² q(β_i/(α²w0_i²))                               (eq. (20), L146)
//   ∇Q_{α,w0}(β) = arcsinh(β/(2α²w0²))                                        (eq. (19))
//   link (mirror map):  β = 2α²w0² sinh(Xᵀν)                                   (eq. (18))
// Everything is evaluated with m_i = α²w0_i² held as log m_i, so α down to 1e-300 (and below) works.
import type { SeparablePotential } from './separableMin.js';

const LN2 = Math.LN2;

/** q(z), accurate for all z (no cancellation near 0; no overflow for huge z). */
export function q(z: number): number {
  const a = Math.abs(z);
  if (a > 1e150) {
    // q = z ln z − z + 2 − 1/z + O(z⁻³) for z → ∞ (from asinh(z/2) = ln z + 1/z² + …, √(4+z²) = z + 2/z + …).
    return a * Math.log(a) - a + 2;
  }
  // 2 − √(4+z²) = −z²/(2+√(4+z²)): the cancellation-free form, valid for every z.
  return -(z * z) / (2 + Math.hypot(2, z)) + z * Math.asinh(z / 2);
}
export const qPrime = (z: number): number => Math.asinh(z / 2);
export const qSecond = (z: number): number => 1 / Math.hypot(2, z);

/** m·q(β/m) given log m (the scaled term of Q; m = α²w0²). */
export function qScaled(beta: number, logm: number): number {
  const m = Math.exp(logm);
  if (m > 0 && Number.isFinite(m)) {
    const z = beta / m;
    if (Number.isFinite(z) && Math.abs(z) <= 1e150) return m * q(z);
  }
  // |β|/m astronomically large (or m underflowed): m·q(β/m) = |β|(ln|β| − ln m) − |β| + 2m − m²/|β| + …
  const a = Math.abs(beta);
  if (a === 0) return 0;
  return a * (Math.log(a) - logm) - a + 2 * (m || 0);
}

/** arcsinh(β/(2m)) given log m, without overflow. */
export function asinhScaled(beta: number, logm: number): number {
  const m = Math.exp(logm);
  if (m > 0) {
    const x = beta / (2 * m);
    if (Number.isFinite(x) && Math.abs(x) < 1e150) return Math.asinh(x);
  }
  if (beta === 0) return 0;
  // asinh(x) = sign(x)(ln 2|x|) for |x| ≥ 1e150 to double precision.
  return Math.sign(beta) * (Math.log(Math.abs(beta)) - logm);
}

/** c·sinh(s) and c·cosh(s) from log c, computed in the log domain for |s| large. */
export function cSinh(logc: number, s: number): number {
  const a = Math.abs(s);
  if (a < 20) return Math.exp(logc) * Math.sinh(s);
  return Math.sign(s) * Math.exp(logc + a - LN2) * -Math.expm1(-2 * a);
}
export function cCosh(logc: number, s: number): number {
  const a = Math.abs(s);
  if (a < 20) return Math.exp(logc) * Math.cosh(s);
  return Math.exp(logc + a - LN2) * (1 + Math.exp(-2 * a));
}
/** c·(cosh s − 1) = 2c·sinh²(s/2). */
export function cCoshm1(logc: number, s: number): number {
  const a = Math.abs(s);
  if (a < 40) {
    const sh = Math.sinh(a / 2);
    return 2 * Math.exp(logc) * sh * sh;
  }
  return Math.exp(logc + a - LN2) * (1 - 2 * Math.exp(-a) + Math.exp(-2 * a));
}

/** log m_i = 2 ln α + 2 ln|w0_i| for each coordinate. */
export function logScales(logAlpha: number, d: number, w0?: ArrayLike<number>): Float64Array {
  const o = new Float64Array(d);
  for (let i = 0; i < d; i++) o[i] = 2 * logAlpha + (w0 ? 2 * Math.log(Math.abs(w0[i])) : 0);
  return o;
}

/** Q_{α,w0}(β) with α given by its natural log (so α = 1e-300 is fine). */
export function QalphaLog(beta: ArrayLike<number>, logAlpha: number, w0?: ArrayLike<number>): number {
  const lm = logScales(logAlpha, beta.length, w0);
  let s = 0;
  for (let i = 0; i < beta.length; i++) s += qScaled(beta[i], lm[i]);
  return s;
}
export function Qalpha(beta: ArrayLike<number>, alpha: number, w0?: ArrayLike<number>): number {
  return QalphaLog(beta, Math.log(alpha), w0);
}
/** ∇Q_{α,w0}(β) = arcsinh(β/(2α²w0²)), eq. (19). */
export function gradQalphaLog(beta: ArrayLike<number>, logAlpha: number, w0?: ArrayLike<number>): Float64Array {
  const lm = logScales(logAlpha, beta.length, w0);
  const o = new Float64Array(beta.length);
  for (let i = 0; i < beta.length; i++) o[i] = asinhScaled(beta[i], lm[i]);
  return o;
}

/**
 * ψ_i(β) = m_i q(β/m_i) − tilt_i·β with m_i = α²w0_i²: Q_{α,w0} as a separable potential.
 * Link b_i(s) = 2m_i sinh(s + tilt_i) (log domain). `tilt` (default 0) gives the biased-init forms.
 */
export function psiQ(logAlpha: number, d: number, w0?: ArrayLike<number>, tilt?: ArrayLike<number>): SeparablePotential {
  const lm = logScales(logAlpha, d, w0);
  const lc = lm.map((v) => v + LN2); // c = 2m
  const ph = (i: number) => (tilt ? tilt[i] : 0);
  return {
    value: (i, b) => qScaled(b, lm[i]) - ph(i) * b,
    grad: (i, b) => asinhScaled(b, lm[i]) - ph(i),
    hess: (i, b) => {
      const m = Math.exp(lm[i]);
      return 1 / Math.hypot(2 * m, b);
    },
    gradInv: (i, s) => cSinh(lc[i], s + ph(i)),
    gradInvDeriv: (i, s) => cCosh(lc[i], s + ph(i)),
    // ψ*(s) = c(cosh(s+φ) − 1) − ... : conj of m q(β/m) is c(cosh s − 1); a tilt shifts s.
    conj: (i, s) => cCoshm1(lc[i], s + ph(i)),
  };
}

/** Q_μ on a spectrum: μ² Σ q(σ_i/μ²) (Theorem 4, L233). q is even, so signed eigenvalues or singular values agree. */
export function Qmu(spectrum: ArrayLike<number>, mu: number): number {
  let s = 0;
  const m2 = mu * mu;
  for (let i = 0; i < spectrum.length; i++) s += m2 * q(spectrum[i] / m2);
  return s;
}
