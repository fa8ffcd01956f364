// Leaky-ReLU network of Azulay et al. 2021 (Sec. 8, line 387): f(x) = Σ_i a_i σ(w_iᵀx),
// σ(z) = max(z, ρz) with ρ ∈ (0, 1] (for ρ ≤ 1 this equals App. G's ((1−ρ)1[z>0] + ρ)z, line 1120).
// m = 1 is the paper's single neuron a·σ(Xᵀw). Flat θ = [a (m); w_1 (d); …; w_m (d)].
// Loss (c/2)Σ_n (y_n − f(x_n))², c = 1/N by default. Gradient (a gradient inclusion at kinks: we
// use the one-sided slope σ'(0) := 1):
//   ∂L/∂a_i = −c Σ_n r_n σ(w_iᵀx_n),  ∂L/∂w_i = −c a_i Σ_n r_n σ'(w_iᵀx_n) x_n.
// Conserved (positive homogeneity σ(z) = σ'(z)z): δ_i = a_i² − ‖w_i‖² (BAL1). The off-diagonal of
// Δ = aaᵀ − WᵀW is NOT conserved for leaky ReLU when m ≥ 2.
import type { FlowModel } from '../flow/types.js';
import { scalingFactor, type LossScaling } from './diagonalUntied.js';

export interface LeakyReluSpec {
  X: ArrayLike<ArrayLike<number>>;
  y: ArrayLike<number>;
  rho: number;
  m?: number;
  scaling?: LossScaling;
}

export interface LeakyReluModel extends FlowModel {
  readonly d: number;
  readonly N: number;
  readonly m: number;
  readonly rho: number;
  /** Outputs f(x_n) (length N). */
  outputs(theta: Float64Array): Float64Array;
  residual(theta: Float64Array): Float64Array;
  /** δ_i = a_i² − ‖w_i‖² (length m). */
  invariants(theta: Float64Array): Float64Array;
  /** Full Δ = aaᵀ − WᵀW, row-major m×m (only its diagonal is conserved). */
  fullDelta(theta: Float64Array): Float64Array;
}

export const leaky = (z: number, rho: number): number => (z > 0 ? z : rho * z);
export const leakySlope = (z: number, rho: number): number => (z >= 0 ? 1 : rho);

export function leakyRelu(spec: LeakyReluSpec): LeakyReluModel {
  const N = spec.y.length;
  const d = N > 0 ? spec.X[0].length : 0;
  const m = spec.m ?? 1;
  const rho = spec.rho;
  if (!(rho > 0 && rho <= 1)) throw new Error(`leakyRelu: ρ must be in (0, 1], got ${rho}`);
  const c = scalingFactor(spec.scaling, N);
  const Xf = new Float64Array(N * d);
  for (let n = 0; n < N; n++) for (let j = 0; j < d; j++) Xf[n * d + j] = spec.X[n][j];
  const y = Float64Array.from(spec.y as ArrayLike<number>);
  const pre = new Float64Array(m * N);
  const r = new Float64Array(N);

  const forward = (th: Float64Array, out: Float64Array) => {
    out.fill(0);
    for (let i = 0; i < m; i++) {
      const off = m + i * d;
      for (let n = 0; n < N; n++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += th[off + j] * Xf[n * d + j];
        pre[i * N + n] = s;
        out[n] += th[i] * leaky(s, rho);
      }
    }
    return out;
  };
  const resInto = (th: Float64Array, out: Float64Array) => {
    forward(th, out);
    for (let n = 0; n < N; n++) out[n] = y[n] - out[n];
    return out;
  };
  return {
    dim: m + m * d,
    d,
    N,
    m,
    rho,
    lossFloor: 0,
    loss(th) {
      resInto(th, r);
      let s = 0;
      for (let n = 0; n < N; n++) s += r[n] * r[n];
      return 0.5 * c * s;
    },
    grad(th, out) {
      resInto(th, r);
      for (let i = 0; i < m; i++) {
        const off = m + i * d;
        let ga = 0;
        for (let j = 0; j < d; j++) out[off + j] = 0;
        for (let n = 0; n < N; n++) {
          const z = pre[i * N + n];
          ga += r[n] * leaky(z, rho);
          const coef = -c * th[i] * r[n] * leakySlope(z, rho);
          for (let j = 0; j < d; j++) out[off + j] += coef * Xf[n * d + j];
        }
        out[i] = -c * ga;
      }
    },
    invariants(th) {
      const out = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += th[m + i * d + j] ** 2;
        out[i] = th[i] * th[i] - s;
      }
      return out;
    },
    fullDelta(th) {
      const D = new Float64Array(m * m);
      for (let i = 0; i < m; i++)
        for (let k = 0; k < m; k++) {
          let s = 0;
          for (let j = 0; j < d; j++) s += th[m + i * d + j] * th[m + k * d + j];
          D[i * m + k] = th[i] * th[k] - s;
        }
      return D;
    },
    outputs(th) {
      return forward(th, new Float64Array(N));
    },
    residual(th) {
      return resInto(th, new Float64Array(N));
    },
  };
}
