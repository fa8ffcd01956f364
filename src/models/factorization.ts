// The two-layer linear network of Min et al. (2021) as gradient-flow problems.
//
//   f(x; V, U) = V Uᵀ x,  V ∈ ℝ^{m×h}, U ∈ ℝ^{D×h},  end-to-end Θ = U Vᵀ ∈ ℝ^{D×m}
//   L(V, U)   = ½‖Y − X U Vᵀ‖_F²                                   (2)  ('half-sum', the paper's theorems)
//
// Flat state layout (both models): ROW-MAJOR blocks, V first.
//   FactorizationModel:  θ = [V (m×h, row-major) ; U (D×h, row-major)],  dim = h(m + D)
//                        V[i][j] = θ[i·h + j],   U[i][j] = θ[m·h + i·h + j]
//   ReparamModel (7):    θ = [V (m×h) ; U1 (r×h)], dim = h(m + r),  U1 = Φ1ᵀU.
// `packVU` / `unpackVU` convert between ml-matrix matrices and this layout.
//
// Gradients (5a)/(5b):  ∂L/∂V = −(Y − XUVᵀ)ᵀ X U,   ∂L/∂U = −Xᵀ(Y − XUVᵀ) V.
// With the compact SVD (4) X = W Σ_x^{1/2} Φ1ᵀ and the error (6) E = WᵀY − Σ_x^{1/2} U1 Vᵀ:
//   −∂L/∂V = Eᵀ Σ_x^{1/2} Φ1ᵀ U,   −∂L/∂U = Φ1 Σ_x^{1/2} E V,
// and the flow closes in (V, U1):  V̇ = Eᵀ Σ_x^{1/2} U1,  U̇1 = Σ_x^{1/2} E V,  U̇2 = 0   (7).
//
// Loss scalings ('lossScaling'): the theorems use 'half-sum' ½‖R‖²; the experiments use
// L̄ = (1/n)‖R‖² ('mean' = (2/n)·L). 'sum' = ‖R‖², 'half-mean' = (1/2n)‖R‖². The gradient is scaled alike.
//
// Dense kernels here act on row-major Float64Arrays (small sizes; no allocation in the hot loop).
import { Matrix } from 'ml-matrix';
import { svdFull, columnsOf } from '../linalg/index.js';
import type { FlowModel } from '../flow/types.js';

export type LossScaling = 'half-sum' | 'sum' | 'half-mean' | 'mean';

/** κ such that loss = κ·‖R‖_F² (R the residual). */
export function lossFactor(scaling: LossScaling, n: number): number {
  switch (scaling) {
    case 'half-sum':
      return 0.5;
    case 'sum':
      return 1;
    case 'half-mean':
      return 0.5 / n;
    case 'mean':
      return 1 / n;
  }
}

// ---------------------------------------------------------------- dense row-major kernels

/** out (a×c) = A (a×b) · B (b×c). */
export function mm(A: Float64Array, B: Float64Array, a: number, b: number, c: number, out: Float64Array = new Float64Array(a * c)): Float64Array {
  out.fill(0);
  for (let i = 0; i < a; i++) {
    const oi = i * c;
    for (let k = 0; k < b; k++) {
      const aik = A[i * b + k];
      if (aik === 0) continue;
      const bk = k * c;
      for (let j = 0; j < c; j++) out[oi + j] += aik * B[bk + j];
    }
  }
  return out;
}
/** out (a×c) = Aᵀ · B with A (b×a), B (b×c). */
export function mmTA(A: Float64Array, B: Float64Array, a: number, b: number, c: number, out: Float64Array = new Float64Array(a * c)): Float64Array {
  out.fill(0);
  for (let k = 0; k < b; k++) {
    const ak = k * a;
    const bk = k * c;
    for (let i = 0; i < a; i++) {
      const aki = A[ak + i];
      if (aki === 0) continue;
      const oi = i * c;
      for (let j = 0; j < c; j++) out[oi + j] += aki * B[bk + j];
    }
  }
  return out;
}
/** out (a×c) = A · Bᵀ with A (a×b), B (c×b). */
export function mmTB(A: Float64Array, B: Float64Array, a: number, b: number, c: number, out: Float64Array = new Float64Array(a * c)): Float64Array {
  for (let i = 0; i < a; i++) {
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let k = 0; k < b; k++) s += A[i * b + k] * B[j * b + k];
      out[i * c + j] = s;
    }
  }
  return out;
}
export function frob2(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

export function toFlatRM(M: Matrix): Float64Array {
  const out = new Float64Array(M.rows * M.columns);
  for (let i = 0; i < M.rows; i++) for (let j = 0; j < M.columns; j++) out[i * M.columns + j] = M.get(i, j);
  return out;
}
export function fromFlatRM(a: Float64Array, rows: number, cols: number, offset = 0): Matrix {
  const M = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) M.set(i, j, a[offset + i * cols + j]);
  return M;
}

// ---------------------------------------------------------------- packing

/** θ = [V; U] row-major (V first). Works for (V, U1) of the reparametrized model as well. */
export function packVU(V: Matrix, U: Matrix): Float64Array {
  if (V.columns !== U.columns) throw new Error(`packVU: V has ${V.columns} columns, U has ${U.columns}`);
  const h = V.columns;
  const out = new Float64Array(h * (V.rows + U.rows));
  out.set(toFlatRM(V), 0);
  out.set(toFlatRM(U), V.rows * h);
  return out;
}
/** Inverse of packVU: `rowsU` is D (full model) or r (reparametrized model). */
export function unpackVU(theta: Float64Array, m: number, rowsU: number, h: number): { V: Matrix; U: Matrix } {
  if (theta.length !== h * (m + rowsU)) throw new Error(`unpackVU: length ${theta.length} ≠ h(m+rows) = ${h * (m + rowsU)}`);
  return { V: fromFlatRM(theta, m, h, 0), U: fromFlatRM(theta, rowsU, h, m * h) };
}

// ---------------------------------------------------------------- data decomposition (4)

/** Compact SVD of X = W Σ_x^{1/2} Φ1ᵀ, completed with Φ2 (orthonormal complement of span Φ1). */
export interface DataDecomposition {
  n: number;
  D: number;
  r: number;
  /** n×r, orthonormal columns. */
  W: Matrix;
  /** Σ_x^{1/2} diagonal: the r nonzero singular values of X, decreasing. */
  sqrtSigma: Float64Array;
  /** D×r and D×(D−r); [Φ1 Φ2] orthogonal. */
  Phi1: Matrix;
  Phi2: Matrix;
}

/** λ_1(Σ_x) = σ_1(X)² and λ_r(Σ_x) = σ_r(X)² (smallest NONZERO). */
export function sigmaExtremes(dec: DataDecomposition): { lam1: number; lamr: number } {
  return { lam1: dec.sqrtSigma[0] ** 2, lamr: dec.sqrtSigma[dec.r - 1] ** 2 };
}

/**
 * Orthonormal basis of the complement of span(B) (B: D×k with orthonormal columns), by Gram–Schmidt of
 * the standard basis vectors with pivoting on the largest remaining norm (deterministic), re-orthogonalized twice.
 */
export function orthoComplement(B: Matrix): Matrix {
  const D = B.rows;
  const basis: Float64Array[] = [];
  for (let j = 0; j < B.columns; j++) basis.push(Float64Array.from(B.getColumn(j)));
  const out: Float64Array[] = [];
  const need = D - B.columns;
  const cand: Float64Array[] = [];
  for (let i = 0; i < D; i++) {
    const e = new Float64Array(D);
    e[i] = 1;
    cand.push(e);
  }
  const project = (v: Float64Array) => {
    for (let pass = 0; pass < 2; pass++) {
      for (const b of [...basis, ...out]) {
        let d = 0;
        for (let i = 0; i < D; i++) d += b[i] * v[i];
        for (let i = 0; i < D; i++) v[i] -= d * b[i];
      }
    }
  };
  while (out.length < need) {
    let best = -1;
    let bestNorm = -1;
    for (let c = 0; c < cand.length; c++) {
      project(cand[c]);
      const nn = Math.sqrt(frob2(cand[c]));
      if (nn > bestNorm) {
        bestNorm = nn;
        best = c;
      }
    }
    const v = cand.splice(best, 1)[0];
    project(v);
    const nn = Math.sqrt(frob2(v));
    for (let i = 0; i < D; i++) v[i] /= nn;
    out.push(v);
  }
  const M = new Matrix(D, need);
  for (let j = 0; j < need; j++) for (let i = 0; i < D; i++) M.set(i, j, out[j][i]);
  return M;
}

/**
 * The decomposition (4) of X computed numerically by the linalg module's full SVD (ml-matrix SVD of the
 * tall Xᵀ, completed to a full orthogonal right factor), keeping singular values above rtol·σ_1.
 */
export function decomposeData(X: Matrix, rtol = 1e-10): DataDecomposition {
  const n = X.rows;
  const D = X.columns;
  const { U, s, V, rank: r } = svdFull(X, rtol);
  return {
    n,
    D,
    r,
    W: columnsOf(U, 0, r),
    sqrtSigma: Float64Array.from(s.subarray(0, r)),
    Phi1: columnsOf(V, 0, r),
    Phi2: columnsOf(V, r, D),
  };
}

/** Rebuild X = W Σ_x^{1/2} Φ1ᵀ from a decomposition. */
export function dataFromDecomposition(dec: DataDecomposition): Matrix {
  const WS = dec.W.clone();
  for (let j = 0; j < dec.r; j++) for (let i = 0; i < dec.n; i++) WS.set(i, j, WS.get(i, j) * dec.sqrtSigma[j]);
  return WS.mmul(dec.Phi1.transpose());
}

/** L* = ½‖(I − WWᵀ)Y‖_F² (residual of the best linear fit, L:100). */
export function lStar(dec: DataDecomposition, Y: Matrix): number {
  const P = Y.clone().sub(dec.W.mmul(dec.W.transpose().mmul(Y)));
  return 0.5 * P.norm('frobenius') ** 2;
}

// ---------------------------------------------------------------- quantities

/** E = WᵀY − Σ_x^{1/2} U1 Vᵀ (6) ∈ ℝ^{r×m}. */
export function errorE(dec: DataDecomposition, Y: Matrix, V: Matrix, U: Matrix): Matrix {
  const U1 = dec.Phi1.transpose().mmul(U);
  return errorFromU1(dec.W.transpose().mmul(Y), dec.sqrtSigma, V, U1);
}
export function errorFromU1(WtY: Matrix, sqrtSigma: ArrayLike<number>, V: Matrix, U1: Matrix): Matrix {
  const P = U1.mmul(V.transpose());
  const E = WtY.clone();
  for (let i = 0; i < E.rows; i++) for (let j = 0; j < E.columns; j++) E.set(i, j, E.get(i, j) - sqrtSigma[i] * P.get(i, j));
  return E;
}
/** Λ = U1ᵀU1 − VᵀV (9), h×h. */
export function imbalance(V: Matrix, U1: Matrix): Matrix {
  return U1.transpose().mmul(U1).sub(V.transpose().mmul(V));
}
/** Du et al.'s full imbalance UᵀU − VᵀV = Λ + U2ᵀU2 (MIN-FULLIMB). */
export function fullImbalance(V: Matrix, U: Matrix): Matrix {
  return U.transpose().mmul(U).sub(V.transpose().mmul(V));
}
/** End-to-end Θ = U Vᵀ ∈ ℝ^{D×m}. */
export function endToEnd(V: Matrix, U: Matrix): Matrix {
  return U.mmul(V.transpose());
}

// ---------------------------------------------------------------- the full model (2)/(3)

export interface FactorizationOptions {
  lossScaling?: LossScaling;
  /** Supplies Φ1 for the invariants (Λ) and L* for the loss floor; computed from X if absent. */
  decomposition?: DataDecomposition;
  /** Which quantity `invariants` returns: Λ (default) or the full imbalance, flattened h×h. */
  invariant?: 'lambda' | 'full' | 'none';
}

/** L(V, U) = κ‖Y − XUVᵀ‖_F² on θ = [V; U] (row-major, V first), κ from the loss scaling. */
export class FactorizationModel implements FlowModel {
  readonly dim: number;
  readonly n: number;
  readonly D: number;
  readonly m: number;
  readonly h: number;
  readonly kappa: number;
  readonly lossFloor: number;
  readonly dec: DataDecomposition;
  readonly X: Float64Array;
  readonly Y: Float64Array;
  private readonly Phi1: Float64Array;
  private readonly invKind: 'lambda' | 'full' | 'none';
  // scratch
  private readonly XU: Float64Array;
  private readonly R: Float64Array;
  private readonly RV: Float64Array;

  constructor(X: Matrix, Y: Matrix, h: number, opts: FactorizationOptions = {}) {
    if (X.rows !== Y.rows) throw new Error('X and Y must have the same number of rows (samples)');
    this.n = X.rows;
    this.D = X.columns;
    this.m = Y.columns;
    this.h = h;
    this.dim = h * (this.m + this.D);
    this.kappa = lossFactor(opts.lossScaling ?? 'half-sum', this.n);
    this.X = toFlatRM(X);
    this.Y = toFlatRM(Y);
    this.dec = opts.decomposition ?? decomposeData(X);
    this.Phi1 = toFlatRM(this.dec.Phi1);
    this.lossFloor = 2 * this.kappa * lStar(this.dec, Y);
    this.invKind = opts.invariant ?? 'lambda';
    this.XU = new Float64Array(this.n * h);
    this.R = new Float64Array(this.n * this.m);
    this.RV = new Float64Array(this.n * h);
  }

  /** R = Y − X U Vᵀ into this.R; XU into this.XU. */
  private residual(theta: Float64Array): void {
    const { n, D, m, h } = this;
    const V = theta.subarray(0, m * h);
    const U = theta.subarray(m * h);
    mm(this.X, U, n, D, h, this.XU);
    mmTB(this.XU, V, n, h, m, this.R);
    for (let i = 0; i < n * m; i++) this.R[i] = this.Y[i] - this.R[i];
  }

  loss(theta: Float64Array): number {
    this.residual(theta);
    return this.kappa * frob2(this.R);
  }

  /** (5a)/(5b) scaled by 2κ: ∂L/∂V = −2κ RᵀXU, ∂L/∂U = −2κ XᵀRV. */
  grad(theta: Float64Array, out: Float64Array): void {
    const { n, D, m, h } = this;
    this.residual(theta);
    const V = theta.subarray(0, m * h);
    const gV = out.subarray(0, m * h);
    const gU = out.subarray(m * h);
    mmTA(this.R, this.XU, m, n, h, gV); // Rᵀ (XU)
    mm(this.R, V, n, m, h, this.RV); // R V
    mmTA(this.X, this.RV, D, n, h, gU); // Xᵀ (RV)
    const s = -2 * this.kappa;
    for (let i = 0; i < out.length; i++) out[i] *= s;
  }

  invariants(theta: Float64Array): Float64Array {
    if (this.invKind === 'none') return new Float64Array(0);
    const { D, m, h } = this;
    const V = theta.subarray(0, m * h);
    const U = theta.subarray(m * h);
    const r = this.dec.r;
    let G: Float64Array;
    if (this.invKind === 'full') {
      G = mmTA(U, U, h, D, h);
    } else {
      const U1 = mmTA(this.Phi1, U, r, D, h); // Φ1ᵀU (r×h)
      G = mmTA(U1, U1, h, r, h);
    }
    const VV = mmTA(V, V, h, m, h);
    for (let i = 0; i < G.length; i++) G[i] -= VV[i];
    return G;
  }

  unpack(theta: Float64Array): { V: Matrix; U: Matrix } {
    return unpackVU(theta, this.m, this.D, this.h);
  }
  pack(V: Matrix, U: Matrix): Float64Array {
    return packVU(V, U);
  }
}

// ---------------------------------------------------------------- the reparametrized flow (7)

export interface ReparamOptions {
  lossScaling?: LossScaling;
  /** n, needed only for the 'mean'/'half-mean' scalings. */
  n?: number;
  /** L* (added to the loss so that loss = L(V, U)); default 0. */
  Lstar?: number;
}

/**
 * The closed flow (7) in (V, U1): loss κ(‖E‖_F² + 2L*) with E = WᵀY − Σ_x^{1/2}U1Vᵀ, so that with the
 * default scaling loss = ½‖E‖² + L* = L(V, U) (8). θ = [V (m×h); U1 (r×h)] row-major.
 * The invariant is Λ = U1ᵀU1 − VᵀV (h×h flattened).
 */
export class ReparamModel implements FlowModel {
  readonly dim: number;
  readonly r: number;
  readonly m: number;
  readonly h: number;
  readonly kappa: number;
  readonly lossFloor: number;
  readonly sqrtSigma: Float64Array;
  readonly WtY: Float64Array;
  readonly Lstar: number;
  private readonly E: Float64Array;
  private readonly P: Float64Array;
  private readonly SE: Float64Array;

  constructor(sqrtSigma: ArrayLike<number>, WtY: Matrix, h: number, opts: ReparamOptions = {}) {
    this.r = WtY.rows;
    this.m = WtY.columns;
    if (sqrtSigma.length !== this.r) throw new Error('Σ_x^{1/2} must have r = rows(WᵀY) entries');
    this.h = h;
    this.dim = h * (this.m + this.r);
    this.sqrtSigma = Float64Array.from(sqrtSigma);
    this.WtY = toFlatRM(WtY);
    this.kappa = lossFactor(opts.lossScaling ?? 'half-sum', opts.n ?? 1);
    this.Lstar = opts.Lstar ?? 0;
    this.lossFloor = 2 * this.kappa * this.Lstar;
    this.E = new Float64Array(this.r * this.m);
    this.P = new Float64Array(this.r * this.m);
    this.SE = new Float64Array(this.r * this.m);
  }

  static fromData(dec: DataDecomposition, Y: Matrix, h: number, opts: Omit<ReparamOptions, 'Lstar'> = {}): ReparamModel {
    return new ReparamModel(dec.sqrtSigma, dec.W.transpose().mmul(Y), h, { ...opts, n: opts.n ?? dec.n, Lstar: lStar(dec, Y) });
  }

  /** E (r×m, row-major) at θ; returns an internal buffer (copy it to keep it). */
  error(theta: Float64Array): Float64Array {
    const { r, m, h } = this;
    const V = theta.subarray(0, m * h);
    const U1 = theta.subarray(m * h);
    mmTB(U1, V, r, h, m, this.P);
    for (let i = 0; i < r; i++) for (let j = 0; j < m; j++) this.E[i * m + j] = this.WtY[i * m + j] - this.sqrtSigma[i] * this.P[i * m + j];
    return this.E;
  }

  /** ½‖E‖² (= L − L* for the default scaling), computed without cancellation against L*. */
  excessLoss(theta: Float64Array): number {
    return this.kappa * frob2(this.error(theta));
  }

  loss(theta: Float64Array): number {
    return this.kappa * frob2(this.error(theta)) + this.lossFloor;
  }

  /** ∇ = −2κ [EᵀΣ^{1/2}U1 ; Σ^{1/2}EV]  (7). */
  grad(theta: Float64Array, out: Float64Array): void {
    const { r, m, h } = this;
    const E = this.error(theta);
    const V = theta.subarray(0, m * h);
    const U1 = theta.subarray(m * h);
    for (let i = 0; i < r; i++) for (let j = 0; j < m; j++) this.SE[i * m + j] = this.sqrtSigma[i] * E[i * m + j];
    mmTA(this.SE, U1, m, r, h, out.subarray(0, m * h)); // (Σ^{1/2}E)ᵀ U1 = EᵀΣ^{1/2}U1
    mm(this.SE, V, r, m, h, out.subarray(m * h)); // Σ^{1/2} E V
    const s = -2 * this.kappa;
    for (let i = 0; i < out.length; i++) out[i] *= s;
  }

  invariants(theta: Float64Array): Float64Array {
    const { r, m, h } = this;
    const V = theta.subarray(0, m * h);
    const U1 = theta.subarray(m * h);
    const G = mmTA(U1, U1, h, r, h);
    const VV = mmTA(V, V, h, m, h);
    for (let i = 0; i < G.length; i++) G[i] -= VV[i];
    return G;
  }

  unpack(theta: Float64Array): { V: Matrix; U1: Matrix } {
    const { V, U } = unpackVU(theta, this.m, this.r, this.h);
    return { V, U1: U };
  }
  pack(V: Matrix, U1: Matrix): Float64Array {
    return packVU(V, U1);
  }
}

/** Map a full state θ = [V; U] to the reparametrized state [V; Φ1ᵀU]. */
export function toReparamState(theta: Float64Array, dec: DataDecomposition, m: number, h: number): Float64Array {
  const { V, U } = unpackVU(theta, m, dec.D, h);
  return packVU(V, dec.Phi1.transpose().mmul(U));
}
