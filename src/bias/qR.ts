// The parameter-distance regularizer R_{α,w0} of Woodworth et al. 2020 (eqs. (8)–(9), L162–L172).
//   r(z) = min{(a−1)² + (b−1)² : a² − b² = z}                         (coordinatewise problem)
//   printed (L168): r(z) is "the unique real root" of
//     p_z(u) = u⁴ − 6u³ + (12 − 2z²)u² − (8 + 10z²)u + z² + z⁴
//   corrected (catalog WOO-RDEF): r is the SMALLEST of the two real roots, and R_{α,1}(β) = α² Σ r(β_i/α²).
//   parametric (derived): a = 1/(1−λ), b = 1/(1+λ), 4λ/(1−λ²)² = z, r = 2λ²(1+λ²)/(1−λ²)²; i.e. r = q_4.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { hDInvFull } from './qD.js';

/** Coefficients of p_z, highest degree first. */
export function quarticCoeffs(z: number): [number, number, number, number, number] {
  const z2 = z * z;
  return [1, -6, 12 - 2 * z2, -(8 + 10 * z2), z2 + z2 * z2];
}

export interface QuarticRoots {
  real: number[];
  complex: { re: number; im: number }[];
}

/** All four roots of p_z (companion-matrix eigenvalues, real ones polished by Newton). */
export function quarticRoots(z: number, imTol = 1e-9): QuarticRoots {
  // Scale u = σv with σ = max(1, |z|) so the companion matrix is well balanced for large |z|:
  // p_z(σv)/σ⁴ = v⁴ − (6/σ)v³ + ((12 − 2z²)/σ²)v² − ((8 + 10z²)/σ³)v + (z² + z⁴)/σ⁴.
  const sig = Math.max(1, Math.abs(z));
  const z2 = z * z;
  const c3 = -6 / sig;
  const c2 = 12 / (sig * sig) - 2 * (z2 / (sig * sig));
  const c1 = -(8 / sig ** 3 + 10 * (z2 / sig ** 2) / sig);
  const c0 = z2 / sig ** 4 + (z2 / sig ** 2) * (z2 / sig ** 2);
  const C = new Matrix([
    [-c3, -c2, -c1, -c0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
  ]);
  const e = new EigenvalueDecomposition(C);
  const re = e.realEigenvalues;
  const im = e.imaginaryEigenvalues;
  const real: number[] = [];
  const complex: { re: number; im: number }[] = [];
  const P = (u: number) => (((u + c3) * u + c2) * u + c1) * u + c0;
  const dP = (u: number) => ((4 * u + 3 * c3) * u + 2 * c2) * u + c1;
  for (let k = 0; k < 4; k++) {
    const scale = Math.max(1 / sig, Math.abs(re[k]));
    if (Math.abs(im[k]) <= imTol * Math.max(1, scale)) {
      let u = re[k];
      for (let it = 0; it < 8; it++) {
        const dp = dP(u);
        if (dp === 0) break;
        const un = u - P(u) / dp;
        if (!Number.isFinite(un)) break;
        if (Math.abs(un - u) <= 1e-16 * Math.abs(un)) {
          u = un;
          break;
        }
        u = un;
      }
      real.push(u * sig);
    } else complex.push({ re: re[k] * sig, im: im[k] * sig });
  }
  real.sort((a, b) => a - b);
  return { real, complex };
}

/** r(z) from the parametric solution (λ = h_4⁻¹(z)); accurate for all z. */
export function rParam(z: number): number {
  if (z === 0) return 0;
  const { s: lam, u } = hDInvFull(Math.abs(z), 4);
  // 1 − λ² = u(2 − u) computed from u = 1 − λ without cancellation.
  const om = u * (2 - u);
  return (2 * lam * lam * (1 + lam * lam)) / (om * om);
}

/** r(z) as the smallest real root of p_z (the corrected reading of L168). */
export function rQuartic(z: number): number {
  const { real } = quarticRoots(z);
  return real.length ? real[0] : Number.NaN;
}

/** r(z) by direct minimization of (a−1)² + (b−1)² over a² − b² = z (brute force + golden section). */
export function rBrute(z: number): number {
  const zz = Math.abs(z); // symmetric: z < 0 swaps the roles of a and b
  const f = (b: number) => {
    const a = Math.sqrt(b * b + zz);
    return (a - 1) ** 2 + (b - 1) ** 2;
  };
  // Also the branch a < 0 exists but is never better (a − 1 farther from 0). Scan b ∈ [−B, B].
  const B = 2 + Math.sqrt(zz) * 2;
  let best = Infinity;
  let bBest = 0;
  const n = 4000;
  for (let k = 0; k <= n; k++) {
    const b = -B + (2 * B * k) / n;
    const v = f(b);
    if (v < best) {
      best = v;
      bBest = b;
    }
  }
  let lo = bBest - (2 * B) / n;
  let hi = bBest + (2 * B) / n;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 200; it++) {
    const m1 = hi - g * (hi - lo);
    const m2 = lo + g * (hi - lo);
    if (f(m1) < f(m2)) hi = m2;
    else lo = m1;
  }
  return f(0.5 * (lo + hi));
}

/** R_{α,w0}(β) = Σ α²w0_i² r(β_i/(α²w0_i²)) (corrected; derived weighting). */
export function Ralpha(beta: ArrayLike<number>, alpha: number, w0?: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < beta.length; i++) {
    const m = alpha * alpha * (w0 ? w0[i] * w0[i] : 1);
    s += m * rParam(beta[i] / m);
  }
  return s;
}
/** The literal printed form Σ r(β_i/α²) (missing the α² prefactor; erratum E-4a). */
export function RalphaLiteral(beta: ArrayLike<number>, alpha: number): number {
  let s = 0;
  for (let i = 0; i < beta.length; i++) s += rParam(beta[i] / (alpha * alpha));
  return s;
}
