// q_k and Q_k of Azulay et al. 2021, Theorem 1 (eq. 9, line 195) and its general-initialization
// form with the linear term that App. A leaves out (catalog AZU-T1G, erratum 3).
//   q_k(x)  = ½∫₀ˣ arcsinh(2z/√k) dz = (√k/4)[1 − sqrt(1+4x²/k) + (2x/√k) arcsinh(2x/√k)]
//   q_k'(x) = ½ arcsinh(2x/√k),   q_k''(x) = 1/sqrt(k + 4x²)   (eq. 20)
//   Q^gen(w) = Σ_i q_{k_i}(w_i) − w_i·½ arcsinh(2 w̃_i(0)/√k_i)
// Everything is parametrized by r = √k (> 0), the quantity the init determines (√k = 2(u₀²+v₀²)).
import type { ConvexObjective } from './azuCommon.js';
import { minSeparable, type SeparablePotential, type SeparableResult } from './separableMin.js';

/** t·asinh(t) − (sqrt(1+t²) − 1), written without the small-t cancellation of the second term. */
function hq(t: number): number {
  return t * Math.asinh(t) - (t * t) / (1 + Math.sqrt(1 + t * t));
}

/** q_k(x) with r = √k. */
export function qk(x: number, r: number): number {
  return (r / 4) * hq((2 * x) / r);
}
/** q_k'(x) = ½ asinh(2x/√k). */
export function qkPrime(x: number, r: number): number {
  return 0.5 * Math.asinh((2 * x) / r);
}
/** q_k''(x) = 1/sqrt(k + 4x²). */
export function qkSecond(x: number, r: number): number {
  return 1 / Math.sqrt(r * r + 4 * x * x);
}
/** (q_k')⁻¹(p) = (√k/2) sinh(2p). */
export function qkPrimeInv(p: number, r: number): number {
  return (r / 2) * Math.sinh(2 * p);
}

/** The linear coefficients b_i = ½ asinh(2 w̃_i(0)/√k_i) of Q^gen (zero for unbiased init). */
export function qkShift(w0: ArrayLike<number>, r: ArrayLike<number>): Float64Array {
  const b = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) b[i] = qkPrime(w0[i], r[i]);
  return b;
}

/**
 * Q^gen_{k, w̃(0)} (w) = Σ q_{k_i}(w_i) − Σ b_i w_i as a ConvexObjective; `w0` omitted → Q_k (b = 0).
 * `rMut` lets a falsifier pass a different √k vector.
 */
export function QkObjective(r: ArrayLike<number>, w0?: ArrayLike<number>): ConvexObjective & { gradAt(w: Float64Array): Float64Array } {
  const d = r.length;
  const b = w0 ? qkShift(w0, r) : new Float64Array(d);
  const grad = (w: Float64Array) => {
    const g = new Float64Array(d);
    for (let i = 0; i < d; i++) g[i] = qkPrime(w[i], r[i]) - b[i];
    return g;
  };
  return {
    f(w) {
      let s = 0;
      for (let i = 0; i < d; i++) s += qk(w[i], r[i]) - b[i] * w[i];
      return s;
    },
    grad,
    gradAt: grad,
    hess(w) {
      const H: number[][] = [];
      for (let i = 0; i < d; i++) {
        const row = new Array<number>(d).fill(0);
        row[i] = qkSecond(w[i], r[i]);
        H.push(row);
      }
      return H;
    },
  };
}

/** Predicted trajectory w̃_i = (√k_i/2) sinh(2(Xᵀν)_i + b_i), b_i = asinh(2w̃_i(0)/√k_i) (AZU-T1P). */
export function qkTrajectory(Xtnu: ArrayLike<number>, r: ArrayLike<number>, w0?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = (r[i] / 2) * Math.sinh(2 * Xtnu[i] + (w0 ? Math.asinh((2 * w0[i]) / r[i]) : 0));
  return out;
}

/**
 * Woodworth et al.'s q^{WW}(z) = ∫₀ᶻ arcsinh(t/2) dt = 2 − sqrt(4+z²) + z·arcsinh(z/2)
 * (seed 002, lines 116–118), written without cancellation.
 */
export function qWW(z: number): number {
  const t = z / 2;
  return 2 * hq(t);
}

// ---- Q_k as a separable potential for the shared solver (src/bias/separableMin.ts) ----

/**
 * ψ_i(β) = q_{k_i}(β) − b_i β with b_i = ½asinh(2w̃_i(0)/√k_i) (b = 0 without w0).
 * Link (ψ_i′)⁻¹(s) = (√k_i/2) sinh(2(s + b_i)); derivative √k_i cosh(2(s + b_i)).
 * Conjugate ψ*(s) = s·β(s) − ψ(β(s)).
 */
export function qkPotential(r: ArrayLike<number>, w0?: ArrayLike<number>): SeparablePotential {
  const b = w0 ? qkShift(w0, r) : new Float64Array(r.length);
  const link = (i: number, s: number) => (r[i] / 2) * Math.sinh(2 * (s + b[i]));
  return {
    value: (i, x) => qk(x, r[i]) - b[i] * x,
    grad: (i, x) => qkPrime(x, r[i]) - b[i],
    hess: (i, x) => qkSecond(x, r[i]),
    gradInv: link,
    gradInvDeriv: (i, s) => r[i] * Math.cosh(2 * (s + b[i])),
    conj: (i, s) => {
      const x = link(i, s);
      return s * x - (qk(x, r[i]) - b[i] * x);
    },
  };
}

/**
 * argmin_{Xw=y} Q^gen (Theorem 1 / its general-init form), by dual Newton cross-checked by primal
 * null-space Newton (both in separableMin). X: N×d rows are samples. Dual steps are clipped to
 * ‖XᵀΔν‖∞ ≤ 1 (C3: the link is exponential).
 */
export function minQk(X: ArrayLike<ArrayLike<number>>, y: ArrayLike<number>, r: ArrayLike<number>, w0?: ArrayLike<number>, crossCheck = true, nu0?: ArrayLike<number>): SeparableResult {
  const rows = Array.from({ length: X.length }, (_, n) => Array.from(X[n]));
  // nu0: a warm start for the dual (e.g. extrapolated along a sequence of k); without it, minSeparable's own start.
  return minSeparable(rows, y, qkPotential(r, w0), { maxDualStep: 1, crossCheck, maxIter: 2000, nu0 });
}
