// Depth-2 fully connected linear network of Azulay et al. 2021 (Sec. 6, line 251):
//   f(x) = Σ_{i=1}^m a_i w_iᵀx,  w̃ = W a = Σ_i a_i w_i.
// Flat θ = [a (m); w_1 (d); …; w_m (d)].
// Loss (c/2) Σ_n (y_n − w̃ᵀx_n)² with c = 1/N by default (the paper's 1/(2N), line 79).
// Flow with G = c·Σ_n r_n x_n:  a_i' = w_iᵀG,  w_i' = a_i G.
// Conserved (Du et al., line 261/265): δ_i = a_i² − ‖w_i‖² and the full Δ = aaᵀ − WᵀW (m×m).
// Data: N rows of length d (ROWS ARE SAMPLES); Azulay's X is the transpose.
import type { FlowModel } from '../flow/types.js';
import { scalingFactor, type LossScaling } from './diagonalUntied.js';

export interface FullyConnectedSpec {
  X: ArrayLike<ArrayLike<number>>;
  y: ArrayLike<number>;
  /** Number of hidden neurons. */
  m: number;
  scaling?: LossScaling;
}

export interface FullyConnectedModel extends FlowModel {
  readonly d: number;
  readonly N: number;
  readonly m: number;
  readonly c: number;
  predictor(theta: Float64Array): Float64Array;
  /** Per-neuron w̃_i = a_i w_i (m arrays of length d). */
  neuronPredictors(theta: Float64Array): Float64Array[];
  residual(theta: Float64Array): Float64Array;
  /** Full Δ = aaᵀ − WᵀW, row-major m×m (its diagonal is δ_i = a_i² − ‖w_i‖²). */
  invariants(theta: Float64Array): Float64Array;
  /** δ_i = a_i² − ‖w_i‖². */
  deltas(theta: Float64Array): Float64Array;
}

export function fullyConnected(spec: FullyConnectedSpec): FullyConnectedModel {
  const N = spec.y.length;
  const d = N > 0 ? spec.X[0].length : 0;
  const m = spec.m;
  const Xf = new Float64Array(N * d);
  for (let n = 0; n < N; n++) for (let j = 0; j < d; j++) Xf[n * d + j] = spec.X[n][j];
  const y = Float64Array.from(spec.y as ArrayLike<number>);
  const c = scalingFactor(spec.scaling, N);
  const r = new Float64Array(N);
  const G = new Float64Array(d);
  const w = new Float64Array(d);

  const predInto = (th: Float64Array, out: Float64Array) => {
    out.fill(0);
    for (let i = 0; i < m; i++) {
      const ai = th[i];
      const off = m + i * d;
      for (let j = 0; j < d; j++) out[j] += ai * th[off + j];
    }
    return out;
  };
  const resInto = (th: Float64Array, out: Float64Array) => {
    predInto(th, w);
    for (let n = 0; n < N; n++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += Xf[n * d + j] * w[j];
      out[n] = y[n] - s;
    }
    return out;
  };
  return {
    dim: m + m * d,
    d,
    N,
    m,
    c,
    lossFloor: 0,
    loss(th) {
      resInto(th, r);
      let s = 0;
      for (let n = 0; n < N; n++) s += r[n] * r[n];
      return 0.5 * c * s;
    },
    grad(th, out) {
      resInto(th, r);
      G.fill(0);
      for (let n = 0; n < N; n++) {
        const rn = c * r[n];
        for (let j = 0; j < d; j++) G[j] += rn * Xf[n * d + j];
      }
      for (let i = 0; i < m; i++) {
        const off = m + i * d;
        let s = 0;
        for (let j = 0; j < d; j++) s += th[off + j] * G[j];
        out[i] = -s;
        const ai = th[i];
        for (let j = 0; j < d; j++) out[off + j] = -ai * G[j];
      }
    },
    invariants(th) {
      const D = new Float64Array(m * m);
      for (let i = 0; i < m; i++)
        for (let k = 0; k < m; k++) {
          let s = 0;
          for (let j = 0; j < d; j++) s += th[m + i * d + j] * th[m + k * d + j];
          D[i * m + k] = th[i] * th[k] - s;
        }
      return D;
    },
    deltas(th) {
      const out = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += th[m + i * d + j] ** 2;
        out[i] = th[i] * th[i] - s;
      }
      return out;
    },
    predictor(th) {
      return predInto(th, new Float64Array(d));
    },
    neuronPredictors(th) {
      const out: Float64Array[] = [];
      for (let i = 0; i < m; i++) {
        const v = new Float64Array(d);
        for (let j = 0; j < d; j++) v[j] = th[i] * th[m + i * d + j];
        out.push(v);
      }
      return out;
    },
    residual(th) {
      return resInto(th, new Float64Array(N));
    },
  };
}

/** θ = [a; w_1; …; w_m] from a (m) and the columns w_i. */
export function packFC(a: ArrayLike<number>, W: ArrayLike<ArrayLike<number>>): Float64Array {
  const m = a.length;
  const d = m > 0 ? W[0].length : 0;
  const th = new Float64Array(m + m * d);
  for (let i = 0; i < m; i++) {
    th[i] = a[i];
    for (let j = 0; j < d; j++) th[m + i * d + j] = W[i][j];
  }
  return th;
}

/** a (m) and the columns w_i of θ (copies). */
export function unpackFC(th: Float64Array, m: number): { a: Float64Array; W: Float64Array[] } {
  const d = (th.length - m) / m;
  const a = th.slice(0, m);
  const W: Float64Array[] = [];
  for (let i = 0; i < m; i++) W.push(th.slice(m + i * d, m + (i + 1) * d));
  return { a, W };
}

/**
 * Single-neuron init from scale α, shape s ∈ (−1,1), unit orientation u and sign of a₀ (Sec. 7.2, line 358):
 * |a₀| = sqrt(α(1+s)/(1−s)), ‖w₀‖ = sqrt(α(1−s)/(1+s)), w₀ = ‖w₀‖u, so w̃(0) = sign(a₀)·α·u.
 */
export function neuronFromScaleShape(alpha: number, s: number, u: ArrayLike<number>, signA = 1): Float64Array {
  const a0 = signA * Math.sqrt((alpha * (1 + s)) / (1 - s));
  const nw = Math.sqrt((alpha * (1 - s)) / (1 + s));
  const th = new Float64Array(1 + u.length);
  th[0] = a0;
  for (let j = 0; j < u.length; j++) th[1 + j] = nw * u[j];
  return th;
}
