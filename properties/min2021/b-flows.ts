// Wide-network flows for Theorem 2 of Min et al. (2021): data X = W Σ_x^{1/2} Φ1ᵀ, random G-RAND
// initialization (entries 𝒩(0, h^{−2α})), the reparametrized flow (7) in (V, U1) with U2 frozen
// (MIN-U2CONST), integrated with dopri5 until ‖E‖_F ≤ 1e−9.
//
// The state is augmented with s(t) = ∫₀ᵗ ‖E(τ)‖_F dτ (ṡ = ‖E‖_F), so that the Grönwall exponent of
// (38) is integrated to the solver's tolerance instead of by a quadrature of recorded nodes. The
// augmented field is not a gradient field in s, but the integrators only evaluate −grad as a
// right-hand side; the loss (½‖E‖², used for the stopping rule) does not depend on s.
import { Matrix } from 'ml-matrix';
import { integrateFlow } from '../../src/flow/index.js';
import type { FlowModel } from '../../src/flow/types.js';
import { pinv, singularValues } from '../../src/linalg/index.js';
import { ReparamModel, decomposeData, lStar, type DataDecomposition } from '../../src/models/factorization.js';
import { Rng } from '../../src/random/rng.js';
import { abt, frobSq, imbalanceLevel } from './b-util.js';

/** ReparamModel (7) plus the running integral of ‖E‖_F as a last state component; no h×h invariants. */
export class AugmentedReparam implements FlowModel {
  readonly dim: number;
  readonly lossFloor = 0;
  constructor(readonly base: ReparamModel) {
    this.dim = base.dim + 1;
  }
  private core(theta: Float64Array): Float64Array {
    return theta.subarray(0, this.base.dim);
  }
  /** ½‖E‖² (the excess loss L − L*). */
  loss(theta: Float64Array): number {
    return this.base.excessLoss(this.core(theta));
  }
  grad(theta: Float64Array, out: Float64Array): void {
    const th = this.core(theta);
    this.base.grad(th, out.subarray(0, this.base.dim));
    out[this.base.dim] = -Math.sqrt(frobSq(this.base.error(th))); // −(−ṡ) : ṡ = ‖E‖_F
  }
}

/** The data of one experiment: X, Y, the decomposition (4) and Θ̂ = X^†Y (11). */
export interface WideData {
  X: Matrix;
  Y: Matrix;
  dec: DataDecomposition;
  thetaHat: Matrix;
  lam1: number;
  lamr: number;
  m: number;
}

export function wideData(X: Matrix, Y: Matrix): WideData {
  const dec = decomposeData(X);
  const thetaHat = pinv(X).mmul(Y); // computed independently of the decomposition
  return { X, Y, dec, thetaHat, lam1: dec.sqrtSigma[0] ** 2, lamr: dec.sqrtSigma[dec.r - 1] ** 2, m: Y.columns };
}

export interface WideRun {
  h: number;
  status: string;
  /** ‖E(T)‖_F, ‖E(0)‖_F */
  eT: number;
  e0: number;
  /** c = λ_r(Λ(0)) + λ_m(−Λ(0)) (NaN if ZZᵀ singular) */
  c: number;
  /** ‖U(T)V(T)ᵀ − Θ̂‖_F and ‖·‖₂ computed in the original coordinates */
  distF: number;
  dist2: number;
  /** upper estimate of ‖U(∞)V(∞)ᵀ − Θ̂‖ = ‖U2(0)V(∞)ᵀ‖ (F and 2), including the tail after T */
  distInfF: number;
  distInf2: number;
  /** ‖Σ_x^{−1/2}E(T)‖_F and ‖U2(0)V(T)ᵀ‖_F (MIN-E14 decomposition), ‖U2(0)V(0)ᵀ‖_F */
  sigInvE: number;
  u2vT: number;
  u2v0: number;
  /** ‖U1(0)V(0)ᵀ‖_F */
  u1v0: number;
  /** ‖Z̃(t)‖_F at recorded nodes, ∫₀ᵗ‖E‖ at the nodes */
  zt: number[];
  ints: number[];
  ts: number[];
  /** max over nodes of |‖UVᵀ − Θ̂‖_F² − (‖Σ^{−1/2}E‖² + ‖U2(0)Vᵀ‖²)| / scale, and with Σ^{+1/2} (mutant) */
  identityErr: number;
  identityErrMutant: number;
  steps: number;
  /** the mutant distance that forgets U2: ‖Φ1U1(T)V(T)ᵀ − Θ̂‖_F */
  distNoU2: number;
}

export interface WideOptions {
  alpha: number;
  /** init std multiplier exponent: std = h^{−alpha·stdPow}; 1 is G-RAND, ½ the variance-convention bug */
  stdPow?: number;
  tMax?: number;
  wallSeconds?: number;
  rtol?: number;
}

/** ‖A‖₂ of a small dense matrix. */
function norm2(M: Matrix): number {
  return M.rows && M.columns ? singularValues(M)[0] : 0;
}

/** One wide run: G-RAND init from `rng`, flow (7) to ‖E‖_F ≤ 1e−9, measurements along the way. */
export function wideRun(data: WideData, h: number, rng: Rng, o: WideOptions): WideRun {
  const { dec, m } = data;
  const { r, D } = dec;
  const sdv = h ** (-o.alpha * (o.stdPow ?? 1));
  const V0 = new Matrix(m, h);
  const U0 = new Matrix(D, h);
  for (let i = 0; i < m; i++) for (let j = 0; j < h; j++) V0.set(i, j, sdv * rng.normal());
  for (let i = 0; i < D; i++) for (let j = 0; j < h; j++) U0.set(i, j, sdv * rng.normal());
  const U1_0 = dec.Phi1.transpose().mmul(U0);
  const U2_0 = dec.Phi2.transpose().mmul(U0);
  const base = ReparamModel.fromData(dec, data.Y, h);
  const model = new AugmentedReparam(base);
  const theta0 = new Float64Array(model.dim);
  theta0.set(base.pack(V0, U1_0), 0);
  const e0 = Math.sqrt(frobSq(base.error(theta0.subarray(0, base.dim))));
  const lev = imbalanceLevel(Float64Array.from(V0.to1DArray()), Float64Array.from(U1_0.to1DArray()), m, r, h);
  const c = lev ? lev.c : NaN;
  // budget: 60/(λ_r c) (catalog's convergence guidance), capped
  const tMax = o.tMax ?? Math.min(400, 60 / (data.lamr * Math.max(c || 0, 1e-3)));
  const sol = integrateFlow(model, theta0, {
    method: 'dopri5',
    rtol: o.rtol ?? 1e-10,
    atol: 1e-13,
    tMax,
    lossTol: 0.5 * 1e-18, // ½‖E‖² ≤ ½(1e−9)²  ⇔  ‖E‖_F ≤ 1e−9
    wallSeconds: o.wallSeconds ?? 20,
    divergeNorm: 1e8,
  });
  // Per-node measurements on flat row-major blocks (no D×h products): with U = Φ1U1 + Φ2U2(0),
  // UVᵀ − Θ̂ = Φ1(U1Vᵀ) + Φ2(U2(0)Vᵀ) − Θ̂ is D×m.
  const U2f = Float64Array.from(U2_0.to1DArray()); // (D−r)×h
  const Phi1 = dec.Phi1;
  const Phi2 = dec.Phi2;
  const zt: number[] = [];
  const ints: number[] = [];
  let identityErr = 0;
  let identityErrMutant = 0;
  const isq = Float64Array.from(dec.sqrtSigma, (s) => 1 / s);
  for (let k = 0; k < sol.thetas.length; k++) {
    const th = sol.thetas[k];
    const Vf = th.subarray(0, m * h);
    const U1f = th.subarray(m * h, (m + r) * h);
    const Zt = abt(th.subarray(0, (m + r) * h), U2f, m + r, D - r, h); // [V; U1]U2(0)ᵀ
    zt.push(Math.sqrt(frobSq(Zt)));
    ints.push(th[base.dim]);
    // MIN-E14 / footnote 1 identity at this node, in original coordinates
    const U1V = abt(U1f, Vf, r, m, h); // r×m
    const U2V = abt(U2f, Vf, D - r, m, h); // (D−r)×m
    let lhs = 0;
    for (let i = 0; i < D; i++)
      for (let j = 0; j < m; j++) {
        let v = -data.thetaHat.get(i, j);
        for (let a = 0; a < r; a++) v += Phi1.get(i, a) * U1V[a * m + j];
        for (let a = 0; a < D - r; a++) v += Phi2.get(i, a) * U2V[a * m + j];
        lhs += v * v;
      }
    const E = base.error(th.subarray(0, base.dim));
    let sE = 0;
    let sEm = 0;
    for (let i = 0; i < r; i++)
      for (let j = 0; j < m; j++) {
        sE += (isq[i] * E[i * m + j]) ** 2;
        sEm += (dec.sqrtSigma[i] * E[i * m + j]) ** 2;
      }
    const u2v = frobSq(U2V);
    const scale = Math.max(lhs, sE + u2v, 1e-300);
    identityErr = Math.max(identityErr, Math.abs(lhs - (sE + u2v)) / scale);
    identityErrMutant = Math.max(identityErrMutant, Math.abs(lhs - (sEm + u2v)) / Math.max(lhs, sEm + u2v, 1e-300));
  }
  const thT = sol.theta.subarray(0, base.dim);
  const { V: VT, U1: U1T } = base.unpack(thT);
  const ET = base.error(thT);
  const eT = Math.sqrt(frobSq(ET));
  const UT = dec.Phi1.mmul(U1T).add(dec.Phi2.mmul(U2_0));
  const diffT = UT.mmul(VT.transpose()).sub(data.thetaHat);
  let sigInvE2 = 0;
  for (let i = 0; i < r; i++) for (let j = 0; j < m; j++) sigInvE2 += (isq[i] * ET[i * m + j]) ** 2;
  const U2VT = U2_0.mmul(VT.transpose());
  // Tail after T (Theorem 1 + (27)): ∫_T^∞‖E‖ ≤ ‖E(T)‖/(λ_r c), sup_{t≥T}‖Z‖_F ≤ ‖Z(T)‖_F·exp(λ1^{½}·that),
  // ‖V(∞) − V(T)‖_F ≤ λ1^{½}·sup‖Z‖·∫_T^∞‖E‖. Then ‖U2(0)V(∞)ᵀ‖ ≤ ‖U2(0)V(T)ᵀ‖ + ‖U2(0)‖₂‖V(∞) − V(T)‖_F.
  const tailInt = c > 0 ? eT / (data.lamr * c) : Infinity;
  const zT = Math.sqrt(VT.norm('frobenius') ** 2 + U1T.norm('frobenius') ** 2);
  const dV = Math.sqrt(data.lam1) * zT * Math.exp(Math.sqrt(data.lam1) * tailInt) * tailInt;
  const u2n = norm2(U2_0);
  const Phi1U1V = dec.Phi1.mmul(U1T).mmul(VT.transpose()).sub(data.thetaHat);
  return {
    h,
    status: sol.status,
    eT,
    e0,
    c,
    distF: diffT.norm('frobenius'),
    dist2: norm2(diffT),
    distInfF: U2VT.norm('frobenius') + u2n * dV,
    distInf2: norm2(U2VT) + u2n * dV,
    sigInvE: Math.sqrt(sigInvE2),
    u2vT: U2VT.norm('frobenius'),
    u2v0: U2_0.mmul(V0.transpose()).norm('frobenius'),
    u1v0: U1_0.mmul(V0.transpose()).norm('frobenius'),
    zt,
    ints,
    ts: sol.ts,
    identityErr,
    identityErrMutant,
    steps: sol.stats.steps,
    distNoU2: Phi1U1V.norm('frobenius'),
  };
}

/** G-DATA-style data with a known spectrum: X = W diag(s) Φ1ᵀ, Y Gaussian scaled to ‖Y‖_F = yNorm. */
export function spectralData(rng: Rng, n: number, D: number, s: number[], m: number, yNorm: number | null): WideData {
  const r = s.length;
  const G = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) G.set(i, j, rng.normal());
  const W = qrQ(G).subMatrix(0, n - 1, 0, r - 1);
  const H = new Matrix(D, D);
  for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) H.set(i, j, rng.normal());
  const Phi1 = qrQ(H).subMatrix(0, D - 1, 0, r - 1);
  const WS = W.clone();
  for (let j = 0; j < r; j++) for (let i = 0; i < n; i++) WS.set(i, j, W.get(i, j) * s[j]);
  const X = WS.mmul(Phi1.transpose());
  const Y = new Matrix(n, m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) Y.set(i, j, rng.normal());
  if (yNorm !== null) Y.mul(yNorm / Y.norm('frobenius'));
  return wideData(X, Y);
}

/** The Fig. 4 recipe (App. A.2): X with 𝒩(0, 1/D) entries, Y = XΘ + ε, Θ ~ 𝒩(0, I_D/D), ε ~ 𝒩(0, 0.01²). */
export function fig4Data(rng: Rng, n: number, D: number, m: number): WideData {
  const X = new Matrix(n, D);
  for (let i = 0; i < n; i++) for (let j = 0; j < D; j++) X.set(i, j, rng.normal() / Math.sqrt(D));
  const Th = new Matrix(D, m);
  for (let i = 0; i < D; i++) for (let j = 0; j < m; j++) Th.set(i, j, rng.normal() / Math.sqrt(D));
  const Y = X.mmul(Th);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) Y.set(i, j, Y.get(i, j) + 0.01 * rng.normal());
  return wideData(X, Y);
}

/** Q factor (thin, n×k) of a tall/square matrix by modified Gram–Schmidt (twice), for random orthogonal bases. */
function qrQ(A: Matrix): Matrix {
  const n = A.rows;
  const k = A.columns;
  const Q = A.clone();
  for (let j = 0; j < k; j++) {
    for (let pass = 0; pass < 2; pass++)
      for (let p = 0; p < j; p++) {
        let d = 0;
        for (let i = 0; i < n; i++) d += Q.get(i, p) * Q.get(i, j);
        for (let i = 0; i < n; i++) Q.set(i, j, Q.get(i, j) - d * Q.get(i, p));
      }
    let nn = 0;
    for (let i = 0; i < n; i++) nn += Q.get(i, j) ** 2;
    nn = Math.sqrt(nn);
    for (let i = 0; i < n; i++) Q.set(i, j, Q.get(i, j) / nn);
  }
  return Q;
}

export { lStar };
