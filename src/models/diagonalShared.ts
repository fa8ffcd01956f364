// The shared-weight diagonal models of Woodworth et al. 2020.
//   M1 (D = 2):  β = w₊² − w₋²  (eq. (3), L93);   M2 (D ≥ 3):  β = w₊^D − w₋^D  (eq. (10), L181).
//   Loss L(w) = c_L ‖Xβ_w − y‖²; the paper STATES c_L = 1 (L69) but its proofs use c_L = 1/2
//   (App. C, E); the constant only rescales time (catalog S2), so it is an explicit parameter here.
// Gradient flow (S5):  ẇ₊ = −2Dc_L (Xᵀres)∘w₊^{D−1},  ẇ₋ = +2Dc_L (Xᵀres)∘w₋^{D−1},  res = Xβ − y.
// State θ = [w₊ (d); w₋ (d)] and, when `augment` is set, S = ∫₀ᵗ res (N more components, Ṡ = res),
// so closed forms (16)/(17), (51)/(53) and Lemma 4 can be checked along the path.
// `logCoords` (D = 2 only): θ = [s; ℓ] with s = ln(w₊/w₋) (the mirror variable, = ∇Q(β)) and
// ℓ = ln(w₊w₋) ≡ ln(α²w0²): ṡ = −8c_L Xᵀres, ℓ̇ = 0, β = 2e^ℓ sinh(s). An exact change of variables
// (w± > 0 is preserved) that keeps relative precision for α from 1e-300 up to the kernel regime.
import type { FlowModel } from '../flow/types.js';

export interface DiagonalSharedSpec {
  X: ArrayLike<ArrayLike<number>>;
  y: ArrayLike<number>;
  /** Depth D ≥ 2. */
  D: number;
  /** Loss constant c_L in L = c_L‖res‖² (default 1/2, the proofs' convention). */
  cL?: number;
  augment?: boolean;
  logCoords?: boolean;
}

export interface DiagonalSharedModel extends FlowModel {
  readonly d: number;
  readonly N: number;
  readonly D: number;
  readonly cL: number;
  /** β(θ). */
  predictor(theta: Float64Array): Float64Array;
  /** res = Xβ − y. */
  residual(theta: Float64Array): Float64Array;
  /** w₊ and w₋ from θ (exponentiated in log coordinates). */
  weights(theta: Float64Array): { wp: Float64Array; wm: Float64Array };
  /** S(t) = ∫res (augmented state only). */
  integratedResidual(theta: Float64Array): Float64Array;
  /** Initial state for w±(0) = α·w0 (w0 default 1; only |w0| is used, the model needs w± > 0). */
  init(alpha: number, w0?: ArrayLike<number>): Float64Array;
}

export function diagonalShared(spec: DiagonalSharedSpec): DiagonalSharedModel {
  const N = spec.y.length;
  const d = spec.X[0].length;
  const D = spec.D;
  const cL = spec.cL ?? 0.5;
  const aug = !!spec.augment;
  const logc = !!spec.logCoords;
  if (logc && D !== 2) throw new Error('diagonalShared: log coordinates are implemented for D = 2 only');
  const Xf = new Float64Array(N * d);
  for (let n = 0; n < N; n++) for (let i = 0; i < d; i++) Xf[n * d + i] = spec.X[n][i];
  const y = Float64Array.from(spec.y);
  const res = new Float64Array(N);
  const g = new Float64Array(d);
  const beta = new Float64Array(d);

  const wAt = (th: Float64Array, i: number, minus: boolean) => {
    if (logc) return Math.exp((th[d + i] + (minus ? -th[i] : th[i])) / 2);
    return th[(minus ? d : 0) + i];
  };
  const betaInto = (th: Float64Array, out: Float64Array) => {
    for (let i = 0; i < d; i++) {
      if (logc) {
        // w₊² − w₋² = 2 e^ℓ sinh(s): no cancellation, whatever the scale.
        out[i] = 2 * Math.exp(th[d + i]) * Math.sinh(th[i]);
      } else out[i] = Math.pow(th[i], D) - Math.pow(th[d + i], D);
    }
    return out;
  };
  const resInto = (th: Float64Array, out: Float64Array) => {
    betaInto(th, beta);
    for (let n = 0; n < N; n++) {
      let s = -y[n];
      for (let i = 0; i < d; i++) s += Xf[n * d + i] * beta[i];
      out[n] = s;
    }
    return out;
  };
  const dim = 2 * d + (aug ? N : 0);
  return {
    dim,
    d,
    N,
    D,
    cL,
    lossFloor: 0,
    loss(th) {
      resInto(th, res);
      let s = 0;
      for (let n = 0; n < N; n++) s += res[n] * res[n];
      return cL * s;
    },
    grad(th, out) {
      resInto(th, res);
      g.fill(0);
      for (let n = 0; n < N; n++) {
        const rn = res[n];
        for (let i = 0; i < d; i++) g[i] += Xf[n * d + i] * rn;
      }
      for (let i = 0; i < d; i++) {
        if (logc) {
          // ṡ = −8c_L g, ℓ̇ = 0  ⇒ "grad" = (8c_L g, 0) (the flow's right-hand side is its negative)
          out[i] = 8 * cL * g[i];
          out[d + i] = 0;
        } else {
          const wp = th[i];
          const wm = th[d + i];
          out[i] = 2 * D * cL * g[i] * Math.pow(wp, D - 1);
          out[d + i] = -2 * D * cL * g[i] * Math.pow(wm, D - 1);
        }
      }
      if (aug) for (let n = 0; n < N; n++) out[2 * d + n] = -res[n]; // Ṡ = res
    },
    invariants(th) {
      const o = new Float64Array(d);
      for (let i = 0; i < d; i++) {
        if (logc) o[i] = th[d + i]; // ℓ = ln(w₊w₋)
        else if (D === 2) o[i] = th[i] * th[d + i]; // w₊∘w₋ ≡ α²w0²
        else o[i] = Math.pow(th[i], 2 - D) + Math.pow(th[d + i], 2 - D); // ≡ 2α^{2−D} (derived)
      }
      return o;
    },
    predictor(th) {
      return betaInto(th, new Float64Array(d));
    },
    residual(th) {
      return resInto(th, new Float64Array(N));
    },
    weights(th) {
      const wp = new Float64Array(d);
      const wm = new Float64Array(d);
      for (let i = 0; i < d; i++) {
        wp[i] = wAt(th, i, false);
        wm[i] = wAt(th, i, true);
      }
      return { wp, wm };
    },
    integratedResidual(th) {
      return aug ? th.slice(2 * d, 2 * d + N) : new Float64Array(N);
    },
    init(alpha, w0) {
      const th = new Float64Array(dim);
      for (let i = 0; i < d; i++) {
        const w = alpha * (w0 ? Math.abs(w0[i]) : 1);
        if (logc) {
          th[i] = 0;
          th[d + i] = 2 * Math.log(w);
        } else {
          th[i] = w;
          th[d + i] = w;
        }
      }
      return th;
    },
  };
}

/** Initial state in log coordinates given ln α directly (α below the double range is fine). */
export function logInit(model: DiagonalSharedModel, logAlpha: number, w0?: ArrayLike<number>): Float64Array {
  const th = new Float64Array(model.dim);
  for (let i = 0; i < model.d; i++) {
    th[i] = 0;
    th[model.d + i] = 2 * (logAlpha + (w0 ? Math.log(Math.abs(w0[i])) : 0));
  }
  return th;
}
