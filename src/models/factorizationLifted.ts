// Matrix-factorization models of Woodworth et al. 2020, Sec. 6 and App. F–G.
//   M4  asymmetric  M = UVᵀ, U, V ∈ R^{d×k},  f_n = ⟨UVᵀ, X_n⟩,  L = c_L Σ_n (f_n − y_n)².
//       U̇ = −2c_L G V,  V̇ = −2c_L Gᵀ U,  G = Σ_n res_n X_n.
//   M5  lifted      W = [U; V] ∈ R^{2d×k},  M̄ = WWᵀ,  X̄_n = ½[[0, X_n], [X_nᵀ, 0]],  f̄_n = ⟨M̄, X̄_n⟩ = ⟨UVᵀ, X_n⟩.
//       Ẇ = −4c_L Ḡ W,  Ḡ = Σ_n res_n X̄_n  (literally the same flow as M4).
//   M5s symmetric   M = WWᵀ with symmetric measurements A_n:  Ẇ = −4c_L (Σ res_n A_n) W,
//       Ṁ = −2(∇L̃ M + M ∇L̃),  ∇L̃(M) = 2c_L Σ res_n A_n.
//   M6  wide parallel network (diagonal X_n with rows 𝒳_n = diag(X_n)):  δ_i = Σ_j U_ij V_ij,
//       U̇_ij = −2c_L g_i V_ij,  V̇_ij = −2c_L g_i U_ij,  g = 𝒳ᵀres.
// All states are flat row-major arrays: θ = [U (d×k); V (d×k)] = W (2d×k).
import type { FlowModel } from '../flow/types.js';

/** A d×d measurement as a row-major Float64Array. */
export type Meas = Float64Array;

export interface SymFactorModel extends FlowModel {
  readonly rows: number;
  readonly k: number;
  /** Predictions f_n(θ). */
  predict(theta: Float64Array): Float64Array;
  /** M = WWᵀ (rows×rows, row-major). */
  gram(theta: Float64Array): Float64Array;
}

/** Gram matrix WWᵀ of a rows×k row-major W. */
export function gramOf(W: Float64Array, rows: number, k: number): Float64Array {
  const M = new Float64Array(rows * rows);
  for (let a = 0; a < rows; a++)
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const oa = a * k;
      const ob = b * k;
      for (let j = 0; j < k; j++) s += W[oa + j] * W[ob + j];
      M[a * rows + b] = s;
      M[b * rows + a] = s;
    }
  return M;
}

/**
 * Symmetric factorization with symmetric measurements A_n (rows×rows): f_n = ⟨WWᵀ, A_n⟩.
 * The lifted M5 is the case A_n = X̄_n (use `liftMeasurement`).
 */
export function symmetricFactorization(A: Meas[], y: ArrayLike<number>, rows: number, k: number, cL = 0.5): SymFactorModel {
  const N = A.length;
  const yy = Float64Array.from(y);
  const res = new Float64Array(N);
  const G = new Float64Array(rows * rows);
  const predict = (th: Float64Array) => {
    const M = gramOf(th, rows, k);
    const f = new Float64Array(N);
    for (let n = 0; n < N; n++) {
      let s = 0;
      const An = A[n];
      for (let e = 0; e < rows * rows; e++) s += An[e] * M[e];
      f[n] = s;
    }
    return f;
  };
  return {
    dim: rows * k,
    rows,
    k,
    lossFloor: 0,
    predict,
    gram: (th) => gramOf(th, rows, k),
    loss(th) {
      const f = predict(th);
      let s = 0;
      for (let n = 0; n < N; n++) s += (f[n] - yy[n]) ** 2;
      return cL * s;
    },
    grad(th, out) {
      const f = predict(th);
      for (let n = 0; n < N; n++) res[n] = f[n] - yy[n];
      G.fill(0);
      for (let n = 0; n < N; n++) {
        const An = A[n];
        const r = res[n];
        if (r === 0) continue;
        for (let e = 0; e < rows * rows; e++) G[e] += r * An[e];
      }
      // ∂/∂W ⟨WWᵀ, A⟩ = (A + Aᵀ)W = 2AW  ⇒  ∇L = 2c_L·Σ res_n·2A_n W = 4c_L G W
      out.fill(0);
      for (let a = 0; a < rows; a++)
        for (let b = 0; b < rows; b++) {
          const gab = 4 * cL * G[a * rows + b];
          if (gab === 0) continue;
          const oa = a * k;
          const ob = b * k;
          for (let j = 0; j < k; j++) out[oa + j] += gab * th[ob + j];
        }
    },
  };
}

/** X̄ = ½[[0, X], [Xᵀ, 0]] (2d×2d) from a d×d X. */
export function liftMeasurement(X: Meas, d: number): Meas {
  const D2 = 2 * d;
  const out = new Float64Array(D2 * D2);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      out[i * D2 + (d + j)] = 0.5 * X[i * d + j];
      out[(d + j) * D2 + i] = 0.5 * X[i * d + j];
    }
  return out;
}

/** Asymmetric M4 on θ = [U; V] (each d×k): f_n = ⟨UVᵀ, X_n⟩. */
export function asymmetricFactorization(X: Meas[], y: ArrayLike<number>, d: number, k: number, cL = 0.5): SymFactorModel & { product(theta: Float64Array): Float64Array } {
  const N = X.length;
  const yy = Float64Array.from(y);
  const product = (th: Float64Array) => {
    const M = new Float64Array(d * d);
    for (let i = 0; i < d; i++)
      for (let l = 0; l < d; l++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += th[i * k + j] * th[(d + l) * k + j];
        M[i * d + l] = s;
      }
    return M;
  };
  const predict = (th: Float64Array) => {
    const M = product(th);
    const f = new Float64Array(N);
    for (let n = 0; n < N; n++) {
      let s = 0;
      for (let e = 0; e < d * d; e++) s += X[n][e] * M[e];
      f[n] = s;
    }
    return f;
  };
  const G = new Float64Array(d * d);
  return {
    dim: 2 * d * k,
    rows: 2 * d,
    k,
    lossFloor: 0,
    predict,
    product,
    gram: (th) => gramOf(th, 2 * d, k),
    loss(th) {
      const f = predict(th);
      let s = 0;
      for (let n = 0; n < N; n++) s += (f[n] - yy[n]) ** 2;
      return cL * s;
    },
    grad(th, out) {
      const f = predict(th);
      G.fill(0);
      for (let n = 0; n < N; n++) {
        const r = f[n] - yy[n];
        for (let e = 0; e < d * d; e++) G[e] += r * X[n][e];
      }
      out.fill(0);
      // ∂L/∂U = 2c_L G V,  ∂L/∂V = 2c_L Gᵀ U
      for (let i = 0; i < d; i++)
        for (let l = 0; l < d; l++) {
          const g = 2 * cL * G[i * d + l];
          if (g === 0) continue;
          for (let j = 0; j < k; j++) {
            out[i * k + j] += g * th[(d + l) * k + j];
            out[(d + l) * k + j] += g * th[i * k + j];
          }
        }
    },
  };
}

export interface WideDiagonalModel extends FlowModel {
  readonly d: number;
  readonly k: number;
  /** δ_i = Σ_j U_ij V_ij = diag(UVᵀ). */
  delta(theta: Float64Array): Float64Array;
  /** Δ_i = ½Σ_j (U_ij² + V_ij²) = ½diag(UUᵀ + VVᵀ). */
  bigDelta(theta: Float64Array): Float64Array;
  residual(theta: Float64Array): Float64Array;
}

/** M6: wide parallel network with diagonal measurements; 𝒳 is N×d (rows diag(X_n)). */
export function wideDiagonal(Xd: ArrayLike<ArrayLike<number>>, y: ArrayLike<number>, k: number, cL = 1): WideDiagonalModel {
  const N = y.length;
  const d = Xd[0].length;
  const yy = Float64Array.from(y);
  const delta = (th: Float64Array) => {
    const o = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += th[i * k + j] * th[(d + i) * k + j];
      o[i] = s;
    }
    return o;
  };
  const residual = (th: Float64Array) => {
    const dl = delta(th);
    const r = new Float64Array(N);
    for (let n = 0; n < N; n++) {
      let s = -yy[n];
      for (let i = 0; i < d; i++) s += Xd[n][i] * dl[i];
      r[n] = s;
    }
    return r;
  };
  return {
    dim: 2 * d * k,
    d,
    k,
    lossFloor: 0,
    delta,
    residual,
    bigDelta(th) {
      const o = new Float64Array(d);
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += th[i * k + j] ** 2 + th[(d + i) * k + j] ** 2;
        o[i] = 0.5 * s;
      }
      return o;
    },
    loss(th) {
      const r = residual(th);
      let s = 0;
      for (let n = 0; n < N; n++) s += r[n] * r[n];
      return cL * s;
    },
    grad(th, out) {
      const r = residual(th);
      for (let i = 0; i < d; i++) {
        let g = 0;
        for (let n = 0; n < N; n++) g += Xd[n][i] * r[n];
        const c = 2 * cL * g;
        for (let j = 0; j < k; j++) {
          out[i * k + j] = c * th[(d + i) * k + j];
          out[(d + i) * k + j] = c * th[i * k + j];
        }
      }
    },
  };
}

/**
 * Exact reduction of the symmetric factorization flow Ẇ = −4c_L Ḡ(WWᵀ) W (Ḡ = Σ res_n A_n, rows×rows):
 * the right-hand side multiplies W on the left, so W(t) = Φ(t)W(0) with
 *   Φ̇ = −4c_L Ḡ(Φ M0 Φᵀ) Φ,  Φ(0) = I,  M0 = W(0)W(0)ᵀ,
 * whatever the width k. Likewise the tangent-kernel (linearized) path is W_TK(t) = (I + Ψ(t))W(0) with
 *   Ψ̇ = −4c_L Ḡ_TK Σ,  Ḡ_TK = Σ_n (y_TK,n − y_n) A_n,  y_TK,n = ⟨M0 + ΨM0 + M0Ψᵀ, A_n⟩,  Ψ(0) = 0.
 * State θ = [Φ (rows²); Ψ (rows²)], row-major. Norms of W-differences follow from M0:
 *   ‖(B)W0‖_F² = tr(B M0 Bᵀ).
 * The reduction is exact (no approximation in k); it is validated against the full W-flow in the tests.
 */
export interface ReducedLifted extends FlowModel {
  readonly rows: number;
  /** M(t) = Φ M0 Φᵀ. */
  gramAt(theta: Float64Array): Float64Array;
  /** Predictions of the true model and of the tangent-kernel model. */
  predict(theta: Float64Array): Float64Array;
  predictTK(theta: Float64Array): Float64Array;
  /** ‖W(t) − W(0)‖_F, ‖W_TK(t) − W(0)‖_F and ‖W(t) − W_TK(t)‖_F from the reduced state. */
  distances(theta: Float64Array): { dW: number; dTK: number; dWTK: number };
  init(): Float64Array;
}
export function liftedReduced(A: Meas[], y: ArrayLike<number>, rows: number, M0: Float64Array, cL = 0.5, withTK = true): ReducedLifted {
  const r2 = rows * rows;
  const N = A.length;
  const yy = Float64Array.from(y);
  // Sparse measurement lists (completion measurements have 2 nonzeros each).
  const nz = A.map((An) => {
    const idx: number[] = [];
    for (let e = 0; e < r2; e++) if (An[e] !== 0) idx.push(e);
    return { idx, val: idx.map((e) => An[e]) };
  });
  const mm = (P: ArrayLike<number>, Q: ArrayLike<number>, tq = false) => {
    const C = new Float64Array(r2);
    for (let i = 0; i < rows; i++)
      for (let l = 0; l < rows; l++) {
        let s = 0;
        for (let j = 0; j < rows; j++) s += P[i * rows + j] * (tq ? Q[l * rows + j] : Q[j * rows + l]);
        C[i * rows + l] = s;
      }
    return C;
  };
  const gramAt = (th: Float64Array) => mm(mm(th.subarray(0, r2), M0), th.subarray(0, r2), true);
  /** Predictions from P = ΦM0: ⟨ΦM0Φᵀ, A_n⟩ = Σ_{(a,b)∈nz} A_ab (P_a · Φ_b). */
  const predict = (th: Float64Array) => {
    const Phi = th.subarray(0, r2);
    const P = mm(Phi, M0);
    const f = new Float64Array(N);
    for (let n = 0; n < N; n++) {
      let s = 0;
      const { idx, val } = nz[n];
      for (let t = 0; t < idx.length; t++) {
        const a = Math.floor(idx[t] / rows);
        const b = idx[t] % rows;
        let m = 0;
        for (let j = 0; j < rows; j++) m += P[a * rows + j] * Phi[b * rows + j];
        s += val[t] * m;
      }
      f[n] = s;
    }
    return f;
  };
  const predictTK = (th: Float64Array) => {
    const Psi = th.subarray(r2, 2 * r2);
    const PM = mm(Psi, M0);
    const f = new Float64Array(N);
    for (let n = 0; n < N; n++) {
      let s = 0;
      const { idx, val } = nz[n];
      for (let t = 0; t < idx.length; t++) {
        const a = Math.floor(idx[t] / rows);
        const b = idx[t] % rows;
        s += val[t] * (M0[a * rows + b] + PM[a * rows + b] + PM[b * rows + a]);
      }
      f[n] = s;
    }
    return f;
  };
  const trBMB = (B: Float64Array) => {
    const BM = mm(B, M0);
    let s = 0;
    for (let i = 0; i < rows; i++) for (let j = 0; j < rows; j++) s += BM[i * rows + j] * B[i * rows + j];
    return Math.sqrt(Math.max(0, s));
  };
  return {
    dim: 2 * r2,
    rows,
    lossFloor: 0,
    gramAt,
    predict,
    predictTK,
    init() {
      const th = new Float64Array(2 * r2);
      for (let i = 0; i < rows; i++) th[i * rows + i] = 1;
      return th;
    },
    distances(th) {
      const Phi = th.subarray(0, r2);
      const Psi = th.subarray(r2, 2 * r2);
      const B1 = new Float64Array(r2);
      const B3 = new Float64Array(r2);
      for (let e = 0; e < r2; e++) {
        const id = e % (rows + 1) === 0 ? 1 : 0;
        B1[e] = Phi[e] - id;
        B3[e] = Phi[e] - id - Psi[e];
      }
      return { dW: trBMB(B1), dTK: trBMB(Float64Array.from(Psi)), dWTK: trBMB(B3) };
    },
    loss(th) {
      const f = predict(th);
      let s = 0;
      for (let n = 0; n < N; n++) s += (f[n] - yy[n]) ** 2;
      return cL * s;
    },
    grad(th, out) {
      // out = −(right-hand side): Φ̇ = −4c_L Ḡ Φ (Ḡ sparse), Ψ̇ = −4c_L Ḡ_TK.
      out.fill(0);
      const Phi = th.subarray(0, r2);
      const f = predict(th);
      const fT = withTK ? predictTK(th) : null;
      for (let n = 0; n < N; n++) {
        const r = f[n] - yy[n];
        const rT = fT ? fT[n] - yy[n] : 0;
        const { idx, val } = nz[n];
        for (let t = 0; t < idx.length; t++) {
          const a = Math.floor(idx[t] / rows);
          const b = idx[t] % rows;
          const g = 4 * cL * r * val[t];
          for (let j = 0; j < rows; j++) out[a * rows + j] += g * Phi[b * rows + j];
          if (fT) out[r2 + idx[t]] += 4 * cL * rT * val[t];
        }
      }
    },
  };
}
