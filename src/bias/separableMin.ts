// Generic solver for   min_β Σ_i ψ_i(β_i)   s.t.   Xβ = y
// with separable, strictly convex, C² potentials ψ_i. Paper-agnostic: a potential is given by its
// derivative ψ_i′ and the inverse link (ψ_i′)⁻¹ (the "mirror map" β = b(s)).
//
// Optimality (KKT): ψ′(β) = Xᵀν for some ν, and Xβ = y. Hence β = b(Xᵀν) with ν the minimizer of
// the smooth convex dual   Φ(ν) = Σ_i ψ_i*((Xᵀν)_i) − yᵀν,   ∇Φ = X b(Xᵀν) − y,   ∇²Φ = X diag(b′) Xᵀ.
// The dual route is Newton on Φ with backtracking (merit Φ when the conjugate is given, else ‖∇Φ‖),
// optional clipping of ‖XᵀΔν‖∞ (exponential links), and a fraction-to-boundary rule when the link
// is only defined on |s| < bound (e.g. q_D, where s ∈ (−1, 1)).
// The primal route (cross-check) is Newton on the null space: β = β₀ + Zv, Z an orthonormal basis of
// ker X, gradient Zᵀψ′(β), Hessian Zᵀ diag(ψ″) Z. It never uses the link b, so agreement of the two
// is an independent test of the pair (ψ′, b).
import {
  type MatLike,
  type Vec,
  rowsOf,
  matVec,
  matTVec,
  nrm2,
  nrmInf,
  solveSPD,
  weightedGram,
  rowAndNullBasis,
  rowBasis,
  projectOut,
  vec,
  dotv,
} from './wooDense.js';

export interface SeparablePotential {
  /** ψ_i(β) (optional; used as the primal line-search merit and in reports). */
  value?: (i: number, b: number) => number;
  /** ψ_i′(β). */
  grad: (i: number, b: number) => number;
  /** ψ_i″(β) (optional; defaults to 1 / gradInvDeriv(i, ψ_i′(β))). */
  hess?: (i: number, b: number) => number;
  /** The link b_i(s) = (ψ_i′)⁻¹(s). */
  gradInv: (i: number, s: number) => number;
  /** d b_i / ds = 1/ψ_i″(b_i(s)) > 0. */
  gradInvDeriv: (i: number, s: number) => number;
  /** Convex conjugate ψ_i*(s) = s·b_i(s) − ψ_i(b_i(s)) (optional; dual merit). */
  conj?: (i: number, s: number) => number;
  /** The link is defined for |s| < sBound(i) only (default: everywhere). */
  sBound?: (i: number) => number;
}

export interface SeparableOptions {
  /** Stop when ‖Xβ − y‖₂ ≤ tol·(1 + ‖y‖₂) (dual) or the reduced gradient is that small (primal). Default 1e-13. */
  tol?: number;
  maxIter?: number;
  /** Clip each dual step so that ‖XᵀΔν‖∞ ≤ this (default ∞; use ~2 for exponential links). */
  maxDualStep?: number;
  /** Starting dual variable (default: least-squares fit of Xᵀν ≈ ψ′(β_ℓ2)). */
  nu0?: ArrayLike<number>;
  /** Accept a stalled run whose relative residual is below this (floating-point floor; default 1e-10). */
  acceptTol?: number;
  /** Also run the primal null-space Newton and report the difference. */
  crossCheck?: boolean;
}

export interface SeparableResult {
  beta: Vec;
  /** Dual variable (ψ′(β) = Xᵀν); for the primal route a least-squares fit. */
  nu: Vec;
  converged: boolean;
  iterations: number;
  method: 'dual' | 'primal';
  /** ‖Xβ − y‖₂ / (1 + ‖y‖₂). */
  residual: number;
  /** Relative distance of ψ′(β) from range(Xᵀ). */
  stationarity: number;
  message: string;
  /** With crossCheck: the primal solution and ‖β_dual − β_primal‖∞ (meaningful only when primal.converged: the cold
   *  primal can stall on badly conditioned potentials, e.g. q_k with √k ≈ 1e-4). */
  primal?: SeparableResult;
  crossDiff?: number;
}

const bOf = (psi: SeparablePotential, s: Vec): Vec => {
  const o = new Float64Array(s.length);
  for (let i = 0; i < s.length; i++) o[i] = psi.gradInv(i, s[i]);
  return o;
};

function dualMerit(psi: SeparablePotential, s: Vec, nu: Vec, y: Vec): number {
  if (!psi.conj) return Number.NaN;
  let f = -dotv(y, nu);
  for (let i = 0; i < s.length; i++) f += psi.conj(i, s[i]);
  return f;
}

/** Newton on the dual Φ(ν). */
export function minSeparableDual(Xin: MatLike, yIn: ArrayLike<number>, psi: SeparablePotential, opts: SeparableOptions = {}): SeparableResult {
  const X = rowsOf(Xin);
  const y = vec(yIn);
  const N = X.length;
  const d = X[0].length;
  const tol = opts.tol ?? 1e-13;
  const maxIter = opts.maxIter ?? 500;
  const ynorm = nrm2(y);
  const bound = (i: number) => (psi.sBound ? psi.sBound(i) : Infinity);
  let nu: Vec;
  if (opts.nu0) nu = vec(opts.nu0);
  else {
    // Warm start: fit Xᵀν ≈ ψ′(β_ℓ2) in least squares, then shrink into the domain if bounded.
    const G = weightedGram(X, new Float64Array(d).fill(1));
    const bl2 = matTVec(X, solveSPD(G, y));
    const target = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      let g = psi.grad(i, bl2[i]);
      if (!Number.isFinite(g)) g = 0;
      target[i] = g;
    }
    // Xᵀν ≈ target in least squares: ν = (XXᵀ)⁻¹X·target.
    nu = solveSPD(G, matVec(X, target));
    let s = matTVec(X, nu);
    let worst = 0;
    for (let i = 0; i < d; i++) worst = Math.max(worst, Math.abs(s[i]) / bound(i));
    if (worst >= 0.9) {
      const f = 0.5 / worst;
      for (let k = 0; k < N; k++) nu[k] *= f;
      s = matTVec(X, nu);
    }
    if (!Number.isFinite(nrmInf(nu))) nu = new Float64Array(N);
  }
  let s = matTVec(X, nu);
  let beta = bOf(psi, s);
  let F = matVec(X, beta);
  for (let k = 0; k < N; k++) F[k] -= y[k];
  let Fn = nrm2(F);
  let phi = dualMerit(psi, s, nu, y);
  let it = 0;
  let message = '';
  let converged = Fn <= tol * (1 + ynorm);
  const acceptTol = opts.acceptTol ?? 1e-10;
  const history: number[] = [];
  while (!converged && it < maxIter) {
    it++;
    history.push(Fn);
    if (history.length > 12 && Fn > 0.5 * history[history.length - 12] && Fn <= acceptTol * (1 + ynorm)) {
      message = `dual Newton at its floating-point floor (relative residual ${(Fn / (1 + ynorm)).toExponential(2)})`;
      converged = true;
      break;
    }
    const bd = new Float64Array(d);
    for (let i = 0; i < d; i++) bd[i] = psi.gradInvDeriv(i, s[i]);
    const H = weightedGram(X, bd);
    const negF = F.map((v) => -v);
    const dnu = solveSPD(H, negF);
    const ds = matTVec(X, dnu);
    let tMax = 1;
    if (opts.maxDualStep !== undefined) {
      const m = nrmInf(ds);
      if (m > opts.maxDualStep) tMax = opts.maxDualStep / m;
    }
    for (let i = 0; i < d; i++) {
      const B = bound(i);
      if (!Number.isFinite(B) || ds[i] === 0) continue;
      const room = ds[i] > 0 ? B - s[i] : B + s[i];
      tMax = Math.min(tMax, (0.995 * room) / Math.abs(ds[i]));
    }
    const slope = dotv(F, dnu); // ∇Φ·Δν < 0
    let t = tMax;
    let accepted = false;
    for (let ls = 0; ls < 60; ls++) {
      const nuT = new Float64Array(N);
      for (let k = 0; k < N; k++) nuT[k] = nu[k] + t * dnu[k];
      const sT = matTVec(X, nuT);
      let inDomain = true;
      for (let i = 0; i < d; i++) if (!(Math.abs(sT[i]) < bound(i))) inDomain = false;
      if (inDomain) {
        const bT = bOf(psi, sT);
        const FT = matVec(X, bT);
        for (let k = 0; k < N; k++) FT[k] -= y[k];
        const FTn = nrm2(FT);
        const phiT = dualMerit(psi, sT, nuT, y);
        const phiOk = Number.isFinite(phiT) && phiT <= phi + 1e-4 * t * slope;
        const resOk = Number.isFinite(FTn) && FTn <= (1 - 1e-4 * t) * Fn;
        if (phiOk || resOk) {
          nu = nuT;
          s = sT;
          beta = bT;
          F = FT;
          Fn = FTn;
          phi = phiT;
          accepted = true;
          break;
        }
      }
      t *= 0.5;
    }
    converged = Fn <= tol * (1 + ynorm);
    if (!accepted) {
      converged = Fn <= acceptTol * (1 + ynorm);
      message = `line search stalled at relative residual ${(Fn / (1 + ynorm)).toExponential(2)}`;
      break;
    }
  }
  if (!message) message = converged ? `dual Newton converged in ${it} iterations` : `dual Newton hit ${maxIter} iterations`;
  const res: SeparableResult = {
    beta,
    nu,
    converged,
    iterations: it,
    method: 'dual',
    residual: Fn / (1 + ynorm),
    stationarity: 0,
    message,
  };
  res.stationarity = kktResidualSeparable(X, y, beta, psi).stationarity;
  return res;
}

/** Equality-constrained Newton in the null space of X (does not use the link b). */
export function minSeparablePrimal(Xin: MatLike, yIn: ArrayLike<number>, psi: SeparablePotential, opts: SeparableOptions & { beta0?: ArrayLike<number> } = {}): SeparableResult {
  const X = rowsOf(Xin);
  const y = vec(yIn);
  const d = X[0].length;
  const tol = opts.tol ?? 1e-13;
  const maxIter = opts.maxIter ?? 200;
  const { nul } = rowAndNullBasis(X);
  const G = weightedGram(X, new Float64Array(d).fill(1));
  const base = opts.beta0 ? vec(opts.beta0) : matTVec(X, solveSPD(G, y));
  const r = nul.length;
  let v = new Float64Array(r);
  const betaOf = (vv: Vec) => {
    const b = vec(base);
    for (let k = 0; k < r; k++) {
      const z = nul[k];
      for (let i = 0; i < d; i++) b[i] += vv[k] * z[i];
    }
    return b;
  };
  const hessAt = (i: number, b: number) => (psi.hess ? psi.hess(i, b) : 1 / psi.gradInvDeriv(i, psi.grad(i, b)));
  const objective = (b: Vec) => {
    if (!psi.value) return Number.NaN;
    let f = 0;
    for (let i = 0; i < d; i++) f += psi.value(i, b[i]);
    return f;
  };
  const reducedGrad = (b: Vec) => {
    const g = new Float64Array(d);
    for (let i = 0; i < d; i++) g[i] = psi.grad(i, b[i]);
    const rg = new Float64Array(r);
    for (let k = 0; k < r; k++) rg[k] = dotv(nul[k], g);
    return { g, rg };
  };
  let beta = betaOf(v);
  let { g, rg } = reducedGrad(beta);
  let f = objective(beta);
  let it = 0;
  let message = '';
  const conv = () => nrm2(rg) <= tol * (1 + nrm2(g));
  let converged = r === 0 || conv();
  while (!converged && it < maxIter) {
    it++;
    const h = new Float64Array(d);
    for (let i = 0; i < d; i++) h[i] = hessAt(i, beta[i]);
    const H: number[][] = Array.from({ length: r }, () => new Array(r).fill(0));
    for (let a = 0; a < r; a++)
      for (let c = 0; c <= a; c++) {
        let sAcc = 0;
        const za = nul[a];
        const zc = nul[c];
        for (let i = 0; i < d; i++) sAcc += za[i] * h[i] * zc[i];
        H[a][c] = sAcc;
        H[c][a] = sAcc;
      }
    const dv = solveSPD(H, rg.map((x) => -x));
    const slope = dotv(rg, dv);
    const rgn = nrm2(rg);
    let t = 1;
    let accepted = false;
    for (let ls = 0; ls < 60; ls++) {
      const vT = new Float64Array(r);
      for (let k = 0; k < r; k++) vT[k] = v[k] + t * dv[k];
      const bT = betaOf(vT);
      const fT = objective(bT);
      const gT = reducedGrad(bT);
      const fOk = Number.isFinite(fT) && fT <= f + 1e-4 * t * slope;
      const gOk = nrm2(gT.rg) <= (1 - 1e-4 * t) * rgn;
      if (fOk || gOk) {
        v = vT;
        beta = bT;
        f = fT;
        g = gT.g;
        rg = gT.rg;
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    converged = conv();
    if (!accepted) {
      message = 'primal line search stalled';
      break;
    }
  }
  if (!message) message = converged ? `primal Newton converged in ${it} iterations` : `primal Newton hit ${maxIter} iterations`;
  const kkt = kktResidualSeparable(X, y, beta, psi);
  return {
    beta,
    nu: kkt.nu,
    converged,
    iterations: it,
    method: 'primal',
    residual: kkt.primal,
    stationarity: kkt.stationarity,
    message,
  };
}

/** Dual Newton (the answer), optionally cross-checked by the primal route. */
export function minSeparable(X: MatLike, y: ArrayLike<number>, psi: SeparablePotential, opts: SeparableOptions = {}): SeparableResult {
  const dual = minSeparableDual(X, y, psi, opts);
  if (!opts.crossCheck) return dual;
  const primal = minSeparablePrimal(X, y, psi, { tol: opts.tol, maxIter: opts.maxIter });
  let diff = 0;
  for (let i = 0; i < dual.beta.length; i++) diff = Math.max(diff, Math.abs(dual.beta[i] - primal.beta[i]));
  return { ...dual, primal, crossDiff: diff };
}

export interface KktResidual {
  /** ‖Xβ − y‖₂ / (1 + ‖y‖₂). */
  primal: number;
  /** ‖(I − P_row(X)) ψ′(β)‖₂ / (1 + ‖ψ′(β)‖₂): distance of the gradient from range(Xᵀ). */
  stationarity: number;
  /** Least-squares multiplier: Xᵀν ≈ ψ′(β). */
  nu: Vec;
}

/** KKT residuals of β for min Σψ_i s.t. Xβ = y. */
export function kktResidualSeparable(Xin: MatLike, yIn: ArrayLike<number>, beta: ArrayLike<number>, psi: SeparablePotential): KktResidual {
  const X = rowsOf(Xin);
  const y = vec(yIn);
  const d = X[0].length;
  const r = matVec(X, beta);
  for (let k = 0; k < r.length; k++) r[k] -= y[k];
  const g = new Float64Array(d);
  for (let i = 0; i < d; i++) g[i] = psi.grad(i, beta[i]);
  // Only the row space is needed: the null-space completion would cost O(d³) per call.
  const perp = projectOut(g, rowBasis(X));
  const G = weightedGram(X, new Float64Array(d).fill(1));
  const nu = solveSPD(G, matVec(X, g));
  return { primal: nrm2(r) / (1 + nrm2(y)), stationarity: nrm2(perp) / (1 + nrm2(g)), nu };
}

/** Potentials that any paper can reuse. */
export const potentials = {
  /** ψ_i(β) = ½ w_i β² (weighted ℓ2; w_i > 0). */
  weightedL2(w: ArrayLike<number>): SeparablePotential {
    return {
      value: (i, b) => 0.5 * w[i] * b * b,
      grad: (i, b) => w[i] * b,
      hess: (i) => w[i],
      gradInv: (i, s) => s / w[i],
      gradInvDeriv: (i) => 1 / w[i],
      conj: (i, s) => (0.5 * s * s) / w[i],
    };
  },
};
