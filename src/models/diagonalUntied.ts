// The untied diagonal linear network of Azulay et al. 2021 (eq. 8 / 16):
//   f(x; θ) = ⟨u₊∘v₊ − u₋∘v₋, x⟩,   θ = [u₊; v₊; u₋; v₋] ∈ R^{4d} (flat, in this order).
// Loss  L(θ) = (c/2) Σ_n (y_n − w̃(θ)ᵀx_n)²  with c selectable:
//   'mean' → c = 1/N (the paper's 1/(2N), line 79), 'sum' → c = 1 (½Σ, Woodworth/Min style), or a number.
// Gradient flow (exact, with G = c·Σ_n r_n x_n = c·X r in the paper's column convention):
//   u₊' = v₊∘G,  v₊' = u₊∘G,  u₋' = −v₋∘G,  v₋' = −u₋∘G.
// Conserved per coordinate (App. A, lines 479–497): v₊²−u₊², v₋²−u₋², u₊u₋+v₊v₋ (eq. 17).
//
// Data convention here: `X` is given as N rows of length d (ROWS ARE SAMPLES). Azulay's X is d×N
// (columns are samples); pass its transpose. This is the convention of Woodworth et al. (Xβ = y).
import type { FlowModel } from '../flow/types.js';

export type LossScaling = 'mean' | 'sum' | number;

export interface DiagonalUntiedSpec {
  /** N×d data, rows are samples. */
  X: ArrayLike<ArrayLike<number>>;
  /** N labels. */
  y: ArrayLike<number>;
  /** 'mean' (1/(2N), the paper's) | 'sum' (½Σ) | explicit factor c in (c/2)Σr². Default 'mean'. */
  scaling?: LossScaling;
}

export function scalingFactor(scaling: LossScaling | undefined, N: number): number {
  if (scaling === undefined || scaling === 'mean') return 1 / N;
  if (scaling === 'sum') return 1;
  return scaling;
}

export interface DiagonalUntiedModel extends FlowModel {
  readonly d: number;
  readonly N: number;
  /** Loss factor c in (c/2)Σr². */
  readonly c: number;
  /** The predictor w̃ = u₊∘v₊ − u₋∘v₋. */
  predictor(theta: Float64Array): Float64Array;
  /** Training residual r = y − X w̃ (length N). */
  residual(theta: Float64Array): Float64Array;
  /** Invariants, flattened as [v₊²−u₊² (d); v₋²−u₋² (d); u₊u₋+v₊v₋ (d)]. */
  invariants(theta: Float64Array): Float64Array;
}

export function diagonalUntied(spec: DiagonalUntiedSpec): DiagonalUntiedModel {
  const N = spec.y.length;
  if (spec.X.length !== N) throw new Error(`diagonalUntied: X has ${spec.X.length} rows, y has ${N}`);
  const d = N > 0 ? spec.X[0].length : 0;
  const Xf = new Float64Array(N * d); // row-major N×d
  for (let n = 0; n < N; n++) for (let i = 0; i < d; i++) Xf[n * d + i] = spec.X[n][i];
  const y = Float64Array.from(spec.y as ArrayLike<number>);
  const c = scalingFactor(spec.scaling, N);
  const r = new Float64Array(N);
  const G = new Float64Array(d);

  const predictorInto = (th: Float64Array, w: Float64Array): Float64Array => {
    for (let i = 0; i < d; i++) w[i] = th[i] * th[d + i] - th[2 * d + i] * th[3 * d + i];
    return w;
  };
  const w = new Float64Array(d);
  const residualInto = (th: Float64Array, out: Float64Array): Float64Array => {
    predictorInto(th, w);
    for (let n = 0; n < N; n++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += Xf[n * d + i] * w[i];
      out[n] = y[n] - s;
    }
    return out;
  };

  return {
    dim: 4 * d,
    d,
    N,
    c,
    lossFloor: 0,
    loss(th) {
      residualInto(th, r);
      let s = 0;
      for (let n = 0; n < N; n++) s += r[n] * r[n];
      return 0.5 * c * s;
    },
    grad(th, out) {
      residualInto(th, r);
      G.fill(0);
      for (let n = 0; n < N; n++) {
        const rn = c * r[n];
        for (let i = 0; i < d; i++) G[i] += rn * Xf[n * d + i];
      }
      // ∂L/∂u₊ = −v₊∘G etc. (the flow is the negative of these)
      for (let i = 0; i < d; i++) {
        out[i] = -th[d + i] * G[i];
        out[d + i] = -th[i] * G[i];
        out[2 * d + i] = th[3 * d + i] * G[i];
        out[3 * d + i] = th[2 * d + i] * G[i];
      }
    },
    invariants(th) {
      const out = new Float64Array(3 * d);
      for (let i = 0; i < d; i++) {
        const up = th[i], vp = th[d + i], um = th[2 * d + i], vm = th[3 * d + i];
        out[i] = vp * vp - up * up;
        out[d + i] = vm * vm - um * um;
        out[2 * d + i] = up * um + vp * vm;
      }
      return out;
    },
    predictor(th) {
      return predictorInto(th, new Float64Array(d));
    },
    residual(th) {
      return residualInto(th, new Float64Array(N));
    },
  };
}

/** θ = [u₊; v₊; u₋; v₋] from its four blocks. */
export function packDiagonal(up: ArrayLike<number>, vp: ArrayLike<number>, um: ArrayLike<number>, vm: ArrayLike<number>): Float64Array {
  const d = up.length;
  const th = new Float64Array(4 * d);
  for (let i = 0; i < d; i++) {
    th[i] = up[i];
    th[d + i] = vp[i];
    th[2 * d + i] = um[i];
    th[3 * d + i] = vm[i];
  }
  return th;
}

/** The four blocks of θ (copies). */
export function unpackDiagonal(th: Float64Array): { up: Float64Array; vp: Float64Array; um: Float64Array; vm: Float64Array } {
  const d = th.length / 4;
  return { up: th.slice(0, d), vp: th.slice(d, 2 * d), um: th.slice(2 * d, 3 * d), vm: th.slice(3 * d, 4 * d) };
}

/** Unbiased initialization (line 185): u₊(0) = u₋(0) = u₀, v₊(0) = v₋(0) = v₀, so w̃(0) = 0. */
export function unbiasedInit(u0: ArrayLike<number>, v0: ArrayLike<number>): Float64Array {
  return packDiagonal(u0, v0, u0, v0);
}

/**
 * Magnitudes of an unbiased init from per-coordinate scale α_i and shape s_i (Sec. 7.1, line 324):
 * |u₀| = sqrt(α(1−s)/(1+s)), |v₀| = sqrt(α(1+s)/(1−s)), so α = |u₀||v₀| and s = (|v₀|/|u₀|−1)/(|v₀|/|u₀|+1).
 * Optional signs multiply u₀ and v₀.
 */
export function initFromScaleShape(alpha: ArrayLike<number>, s: ArrayLike<number>, signsU?: ArrayLike<number>, signsV?: ArrayLike<number>): { u0: Float64Array; v0: Float64Array } {
  const d = alpha.length;
  const u0 = new Float64Array(d);
  const v0 = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    u0[i] = (signsU ? signsU[i] : 1) * Math.sqrt((alpha[i] * (1 - s[i])) / (1 + s[i]));
    v0[i] = (signsV ? signsV[i] : 1) * Math.sqrt((alpha[i] * (1 + s[i])) / (1 - s[i]));
  }
  return { u0, v0 };
}

/** Per-coordinate (α_i, s_i) of the + branch (line 324): α = |u₊||v₊|, s = (|v₊|/|u₊|−1)/(|v₊|/|u₊|+1). */
export function scaleShapeOf(th: Float64Array): { alpha: Float64Array; s: Float64Array } {
  const d = th.length / 4;
  const alpha = new Float64Array(d);
  const s = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const au = Math.abs(th[i]), av = Math.abs(th[d + i]);
    alpha[i] = au * av;
    s[i] = (av - au) / (av + au); // = (av/au − 1)/(av/au + 1), finite also when au = 0
  }
  return { alpha, s };
}

/**
 * k_i of App. A (lines 535, 551) for a general init: δ_± = v_±² − u_±² (order v² − u², line 493),
 * c_i = u₊u₋ + v₊v₋ (eq. 17), k_i = (δ₊ − δ₋)² + 4c_i². Returns √k_i.
 */
export function sqrtKOf(th: Float64Array): Float64Array {
  const d = th.length / 4;
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const up = th[i], vp = th[d + i], um = th[2 * d + i], vm = th[3 * d + i];
    const dp = vp * vp - up * up;
    const dm = vm * vm - um * um;
    const ci = up * um + vp * vm;
    out[i] = Math.sqrt((dp - dm) * (dp - dm) + 4 * ci * ci);
  }
  return out;
}

/**
 * The tied model of Woodworth et al.: f = ⟨w₊² − w₋², x⟩ on θ = [w₊; w₋], same loss scaling.
 * Used to check that the untied model with u = v is the tied one at twice the speed (AZU-TW b).
 */
export function diagonalTied(spec: DiagonalUntiedSpec): FlowModel & { predictor(theta: Float64Array): Float64Array } {
  const N = spec.y.length;
  const d = N > 0 ? spec.X[0].length : 0;
  const c = scalingFactor(spec.scaling, N);
  const r = new Float64Array(N);
  const G = new Float64Array(d);
  const pred = (th: Float64Array) => {
    const w = new Float64Array(d);
    for (let i = 0; i < d; i++) w[i] = th[i] * th[i] - th[d + i] * th[d + i];
    return w;
  };
  const res = (th: Float64Array) => {
    const w = pred(th);
    for (let n = 0; n < N; n++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += spec.X[n][i] * w[i];
      r[n] = spec.y[n] - s;
    }
  };
  return {
    dim: 2 * d,
    lossFloor: 0,
    loss(th) {
      res(th);
      let s = 0;
      for (let n = 0; n < N; n++) s += r[n] * r[n];
      return 0.5 * c * s;
    },
    grad(th, out) {
      res(th);
      G.fill(0);
      for (let n = 0; n < N; n++) for (let i = 0; i < d; i++) G[i] += c * r[n] * spec.X[n][i];
      for (let i = 0; i < d; i++) {
        out[i] = -2 * th[i] * G[i];
        out[d + i] = 2 * th[d + i] * G[i];
      }
    },
    predictor: pred,
  };
}
