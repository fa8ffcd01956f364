// The single-neuron objects of Azulay et al. 2021, Theorem 2 (lines 271–281), App. B and B.1:
//   S = S_δ(x) = sqrt(x² + δ²/4)
//   q̂_δ(x) = (x² − (δ/2)(δ/2 + S))·sqrt(S − δ/2)/x   (printed)  ≡ (S − δ)·sqrt(S + δ/2)  (stable)
//   z = −(3/2) sqrt(S₀ − δ/2)·w̃(0)/‖w̃(0)‖,    q_{δ,w̃(0)}(w) = q̂_δ(‖w‖) + zᵀw   (eq. 12)
//   ∇q(w) = (3/2)[w/sqrt(S+δ/2) − w̃(0)/sqrt(S₀+δ/2)]
//   ∇²q(w) = (3/2)(S+δ/2)^{−1/2}[I − wwᵀ/(2S(S+δ/2))]
//   H_δ(w) = (δ/2 + S)⁻¹ (I − wwᵀ/(2(δ/2+S)S))   (eq. 23, line 693),  g(w) = (3/2)sqrt(S + δ/2)
// The Theorem-2 normalization (factor 3/2) is used throughout; App. B.1/F.2 drop it (erratum 2).
import { Matrix } from 'ml-matrix';
import { dotv, normv, type ConvexObjective } from './azuCommon.js';

export const Sdelta = (x: number, delta: number): number => Math.sqrt(x * x + (delta * delta) / 4);

/** S − δ/2 computed as x²/(S + δ/2) (no cancellation for large δ, small x). */
export const SminusHalf = (x: number, delta: number): number => {
  const S = Sdelta(x, delta);
  return S + delta / 2 > 0 ? (x * x) / (S + delta / 2) : 0;
};

/** q̂_δ(x), stable form (S − δ)·sqrt(S + δ/2). */
export function qhat(x: number, delta: number): number {
  const S = Sdelta(x, delta);
  return (S - delta) * Math.sqrt(S + delta / 2);
}
/** q̂_δ(x), the printed form with its removable 0/0 at x = 0 (x > 0 only). */
export function qhatPrinted(x: number, delta: number): number {
  const S = Sdelta(x, delta);
  return ((x * x - (delta / 2) * (delta / 2 + S)) * Math.sqrt(S - delta / 2)) / x;
}
/** q̂_δ'(x) = (3/2) sqrt(S − δ/2) = (3/2) x / sqrt(S + δ/2). */
export function qhatPrime(x: number, delta: number): number {
  const S = Sdelta(x, delta);
  return (1.5 * x) / Math.sqrt(S + delta / 2);
}
/** q̂_δ''(x) = (3/4) x/(S sqrt(S − δ/2)) = (3/4) sqrt(S + δ/2)/S  (x > 0). */
export function qhatSecond(x: number, delta: number): number {
  const S = Sdelta(x, delta);
  return (0.75 * Math.sqrt(S + delta / 2)) / S;
}
/** ĝ(x) = sqrt(S + δ/2) (B.1's g without the 3/2; equals |a| along the flow). */
export function ghat(x: number, delta: number): number {
  return Math.sqrt(Sdelta(x, delta) + delta / 2);
}
/** ĝ, printed form sqrt(S − δ/2)(δ/2 + S)/x (B.1 lines 709–713), x > 0. */
export function ghatPrinted(x: number, delta: number): number {
  const S = Sdelta(x, delta);
  return (Math.sqrt(S - delta / 2) * (delta / 2 + S)) / x;
}

/** z of Theorem 2: −(3/2) w̃(0)/sqrt(S₀ + δ/2) (= −(3/2) sqrt(S₀−δ/2) ŵ₀). `factor` lets falsifiers drop the 3/2. */
export function zOf(w0: ArrayLike<number>, delta: number, factor = 1.5): Float64Array {
  const S0 = Sdelta(normv(w0), delta);
  const c = -factor / Math.sqrt(S0 + delta / 2);
  const z = new Float64Array(w0.length);
  for (let i = 0; i < w0.length; i++) z[i] = c * w0[i];
  return z;
}

/** H_δ(w) (eq. 23) as a dense d×d matrix; needs S > 0 (w ≠ 0 or δ > 0). */
export function Hdelta(w: ArrayLike<number>, delta: number): number[][] {
  const d = w.length;
  const x = normv(w);
  const S = Sdelta(x, delta);
  // A = δ/2 + S; for δ < 0 (allowed in eq. 21–23 when a ≠ 0) write it as ‖w‖²/(S − δ/2) to avoid cancellation.
  const A = delta >= 0 ? delta / 2 + S : (x * x) / (S - delta / 2);
  const H: number[][] = [];
  for (let i = 0; i < d; i++) {
    const row: number[] = [];
    for (let j = 0; j < d; j++) row.push(((i === j ? 1 : 0) - (w[i] * w[j]) / (2 * A * S)) / A);
    H.push(row);
  }
  return H;
}

/** g(w) = (3/2) sqrt(S + δ/2) (Theorem-2 normalization, AZU-WARP b). */
export function gWarp(w: ArrayLike<number>, delta: number): number {
  return 1.5 * ghat(normv(w), delta);
}

/**
 * q_{δ,w̃(0)}(w) = q̂_δ(‖w‖) + zᵀw as a ConvexObjective. Options let falsifiers mutate it:
 * zFactor (3/2 by default), deltaUsed (δ in q̂ and z).
 */
export function qDeltaObjective(w0: ArrayLike<number>, delta: number, opts: { zFactor?: number } = {}): ConvexObjective {
  const d = w0.length;
  const z = normv(w0) > 0 ? zOf(w0, delta, opts.zFactor ?? 1.5) : new Float64Array(d);
  return {
    gradScale(w) {
      const S = Sdelta(normv(w), delta);
      return S + delta / 2 > 0 ? (1.5 * normv(w)) / Math.sqrt(S + delta / 2) + normv(z) : normv(z);
    },
    f(w) {
      return qhat(normv(w), delta) + dotv(z, w);
    },
    grad(w) {
      const x = normv(w);
      const S = Sdelta(x, delta);
      const c = S + delta / 2 > 0 ? 1.5 / Math.sqrt(S + delta / 2) : 0;
      const g = new Float64Array(d);
      for (let i = 0; i < d; i++) g[i] = c * w[i] + z[i];
      return g;
    },
    hess(w) {
      const x = normv(w);
      const S = Sdelta(x, delta);
      const A = S + delta / 2;
      const H: number[][] = [];
      if (S === 0) {
        // δ = 0 at w = 0: ‖w‖^{3/2} has an infinite curvature there; return a large multiple of I.
        for (let i = 0; i < d; i++) H.push(Array.from({ length: d }, (_, j) => (i === j ? 1e12 : 0)));
        return H;
      }
      const c = 1.5 / Math.sqrt(A);
      for (let i = 0; i < d; i++) {
        const row: number[] = [];
        for (let j = 0; j < d; j++) row.push(c * ((i === j ? 1 : 0) - (w[i] * w[j]) / (2 * S * A)));
        H.push(row);
      }
      return H;
    },
  };
}

/** ∇q_{δ,w̃(0)}(w), the stable formula. */
export function gradQDelta(w: ArrayLike<number>, w0: ArrayLike<number>, delta: number, zFactor = 1.5): Float64Array {
  return qDeltaObjective(w0, delta, { zFactor }).grad(Float64Array.from(w));
}

/** B = I − (1−s)²/(2(1+s²)) uuᵀ (App. F.2, line 1023) and its inverse B⁻¹ = I + ((1−s)/(1+s))² uuᵀ (line 1070). */
export function Bmatrix(u: ArrayLike<number>, s: number): { B: Matrix; Binv: Matrix } {
  const d = u.length;
  const cb = ((1 - s) ** 2) / (2 * (1 + s * s));
  const ci = ((1 - s) / (1 + s)) ** 2;
  const B = Matrix.eye(d);
  const Binv = Matrix.eye(d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      B.set(i, j, B.get(i, j) - cb * u[i] * u[j]);
      Binv.set(i, j, Binv.get(i, j) + ci * u[i] * u[j]);
    }
  return { B, Binv };
}

/**
 * Proposition 1's objective (multi-neuron, Δ = 0): ‖w‖^{3/2} − (3/2)‖w̃(0)‖^{−1/2}w̃(0)ᵀw, which is
 * q_{0,w̃(0)} (Theorem 2's q at δ = 0).
 */
export function p1Objective(w0: ArrayLike<number>): ConvexObjective {
  return qDeltaObjective(w0, 0);
}
