// The benchmark problem: the two-layer linear network of Min et al. as a flat gradient system,
//   L(U, V) = ½‖Y − X U Vᵀ‖_F²,  X ∈ ℝ^{n×D}, U ∈ ℝ^{D×h}, V ∈ ℝ^{m×h}, Y ∈ ℝ^{n×m},
//   ∇_U L = Xᵀ R V,  ∇_V L = Rᵀ X U,  R = X U Vᵀ − Y,
// θ = [vec(U) row-major, vec(V) row-major]. Buffers are allocated once per model.
import { Matrix } from 'ml-matrix';
import type { FlowModel } from '../src/flow/types.js';
import { Rng } from '../src/random/rng.js';

export interface FactorProblem {
  n: number;
  D: number;
  m: number;
  h: number;
  X: Float64Array; // n×D row-major
  Y: Float64Array; // n×m row-major
}

/** X with i.i.d. N(0, 1/D) entries, Y = X β with β ~ N(0, 1) (interpolation possible when n ≤ D: L* = 0). */
export function makeProblem(seed: number, n: number, D: number, m: number, h: number): FactorProblem {
  const rng = new Rng(seed);
  const X = rng.normals(n * D, 1 / Math.sqrt(D));
  const beta = rng.normals(D * m);
  const Y = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < m; k++) {
      let s = 0;
      for (let j = 0; j < D; j++) s += X[i * D + j] * beta[j * m + k];
      Y[i * m + k] = s;
    }
  return { n, D, m, h, X, Y };
}

/** Initialization U, V ~ N(0, σ²) entrywise. */
export function initTheta(seed: number, p: FactorProblem, sigma: number): Float64Array {
  return new Rng(seed ^ 0x5bd1e995).normals(p.D * p.h + p.m * p.h, sigma);
}

/**
 * The gradient as a plain hand-written Float64Array loop (the throughput ceiling). Writes ∇L into
 * g and returns L. Work buffers: A = XU (n×h), R (n×m), RV (n×h).
 */
export function makeGradKernel(p: FactorProblem) {
  const { n, D, m, h, X, Y } = p;
  const A = new Float64Array(n * h);
  const R = new Float64Array(n * m);
  const RV = new Float64Array(n * h);
  const offV = D * h;
  /** forward pass: A = XU, R = A Vᵀ − Y; returns L */
  function forward(th: Float64Array): number {
    A.fill(0);
    for (let i = 0; i < n; i++) {
      const ai = i * h;
      for (let j = 0; j < D; j++) {
        const x = X[i * D + j];
        if (x === 0) continue;
        const uj = j * h;
        for (let c = 0; c < h; c++) A[ai + c] += x * th[uj + c];
      }
    }
    let L = 0;
    for (let i = 0; i < n; i++)
      for (let k = 0; k < m; k++) {
        let s = 0;
        const vk = offV + k * h;
        for (let c = 0; c < h; c++) s += A[i * h + c] * th[vk + c];
        const r = s - Y[i * m + k];
        R[i * m + k] = r;
        L += r * r;
      }
    return 0.5 * L;
  }
  function grad(th: Float64Array, g: Float64Array): number {
    const L = forward(th);
    // ∇V = Rᵀ A (m×h)
    for (let k = 0; k < m; k++) {
      const gk = offV + k * h;
      for (let c = 0; c < h; c++) g[gk + c] = 0;
      for (let i = 0; i < n; i++) {
        const r = R[i * m + k];
        const ai = i * h;
        for (let c = 0; c < h; c++) g[gk + c] += r * A[ai + c];
      }
    }
    // RV = R V (n×h)
    RV.fill(0);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < m; k++) {
        const r = R[i * m + k];
        const vk = offV + k * h;
        for (let c = 0; c < h; c++) RV[i * h + c] += r * th[vk + c];
      }
    // ∇U = Xᵀ RV (D×h)
    for (let j = 0; j < D * h; j++) g[j] = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < D; j++) {
        const x = X[i * D + j];
        if (x === 0) continue;
        const gj = j * h;
        const ri = i * h;
        for (let c = 0; c < h; c++) g[gj + c] += x * RV[ri + c];
      }
    return L;
  }
  return { forward, grad };
}

/** The problem as a FlowModel on the same kernel (fused loss-and-gradient supplied). */
export function factorModel(p: FactorProblem): FlowModel {
  const k = makeGradKernel(p);
  return {
    dim: p.D * p.h + p.m * p.h,
    loss: (th) => k.forward(th),
    grad: (th, out) => void k.grad(th, out),
    lossAndGrad: (th, out) => k.grad(th, out),
    lossFloor: 0,
  };
}

/** The same gradient written with ml-matrix objects (what a straightforward implementation costs). */
export function mlMatrixGrad(p: FactorProblem) {
  const X = new Matrix(p.n, p.D);
  for (let i = 0; i < p.n; i++) for (let j = 0; j < p.D; j++) X.set(i, j, p.X[i * p.D + j]);
  const Y = new Matrix(p.n, p.m);
  for (let i = 0; i < p.n; i++) for (let k = 0; k < p.m; k++) Y.set(i, k, p.Y[i * p.m + k]);
  const Xt = X.transpose();
  return (th: Float64Array, g: Float64Array) => {
    const U = new Matrix(p.D, p.h);
    for (let j = 0; j < p.D; j++) for (let c = 0; c < p.h; c++) U.set(j, c, th[j * p.h + c]);
    const V = new Matrix(p.m, p.h);
    for (let k = 0; k < p.m; k++) for (let c = 0; c < p.h; c++) V.set(k, c, th[p.D * p.h + k * p.h + c]);
    const A = X.mmul(U);
    const R = A.mmul(V.transpose()).sub(Y);
    const gU = Xt.mmul(R.mmul(V));
    const gV = R.transpose().mmul(A);
    for (let j = 0; j < p.D; j++) for (let c = 0; c < p.h; c++) g[j * p.h + c] = gU.get(j, c);
    for (let k = 0; k < p.m; k++) for (let c = 0; c < p.h; c++) g[p.D * p.h + k * p.h + c] = gV.get(k, c);
  };
}
