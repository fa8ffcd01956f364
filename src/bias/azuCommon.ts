// Small dense linear algebra for the Azulay et al. 2021 solvers (sizes here are tiny: d ≤ ~200, N ≤ ~40).
// Convention throughout src/bias/azu*: the data are N rows of length d (ROWS ARE SAMPLES), so the
// interpolation constraint is X w = y and "range(X)" in the paper (X is d×N there) is the row space
// of our X, i.e. span of the samples. Nothing here knows about models or flows.
import { EigenvalueDecomposition, Matrix, solve as mlSolve } from 'ml-matrix';

export type Rows = ArrayLike<ArrayLike<number>>;

export function toMatrix(X: Rows): Matrix {
  return new Matrix(Array.from({ length: X.length }, (_, i) => Array.from(X[i])));
}

export function dotv(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
export function normv(a: ArrayLike<number>): number {
  return Math.sqrt(dotv(a, a));
}
export function subv(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const o = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) o[i] = a[i] - b[i];
  return o;
}
export function addv(a: ArrayLike<number>, b: ArrayLike<number>, s = 1): Float64Array {
  const o = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) o[i] = a[i] + s * b[i];
  return o;
}
export function scalev(a: ArrayLike<number>, s: number): Float64Array {
  const o = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) o[i] = s * a[i];
  return o;
}
export function relDist(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return normv(subv(a, b)) / Math.max(normv(b), 1e-300);
}
/** X w for N×d rows X. */
export function matvec(X: Rows, w: ArrayLike<number>): Float64Array {
  const o = new Float64Array(X.length);
  for (let n = 0; n < X.length; n++) o[n] = dotv(X[n], w);
  return o;
}
/** Xᵀν (length d). */
export function matTvec(X: Rows, nu: ArrayLike<number>): Float64Array {
  const d = X[0].length;
  const o = new Float64Array(d);
  for (let n = 0; n < X.length; n++) for (let i = 0; i < d; i++) o[i] += nu[n] * X[n][i];
  return o;
}
/** Gram matrix X Xᵀ (N×N). */
export function gram(X: Rows): Matrix {
  const N = X.length;
  const K = new Matrix(N, N);
  for (let a = 0; a < N; a++) for (let b = a; b < N; b++) {
    const v = dotv(X[a], X[b]);
    K.set(a, b, v);
    K.set(b, a, v);
  }
  return K;
}
export function solveSym(A: Matrix, b: ArrayLike<number>): Float64Array {
  const x = mlSolve(A, Matrix.columnVector(Array.from(b)));
  return Float64Array.from(x.getColumn(0));
}
/** Condition number of X Xᵀ (ratio of extreme eigenvalues). */
export function gramCond(X: Rows): number {
  const e = new EigenvalueDecomposition(gram(X), { assumeSymmetric: true }).realEigenvalues;
  const mx = Math.max(...e), mn = Math.min(...e);
  return mn > 0 ? mx / mn : Infinity;
}

/** Least-squares multipliers: ν = argmin ‖v − Xᵀν‖ and the projection P v = Xᵀν onto span of samples. */
export function projectRange(X: Rows, v: ArrayLike<number>): { nu: Float64Array; Pv: Float64Array } {
  const nu = solveSym(gram(X), matvec(X, v));
  return { nu, Pv: matTvec(X, nu) };
}

/** KKT residual κ(v) = ‖P⊥v‖/‖v‖: how far v is from range (span of samples). 0 if v = 0. */
export function kkt(X: Rows, v: ArrayLike<number>): number {
  const nv = normv(v);
  if (nv === 0) return 0;
  const { Pv } = projectRange(X, v);
  return normv(subv(v, Pv)) / nv;
}

/** Minimum-ℓ2 interpolator w_mn = Xᵀ(XXᵀ)⁻¹y. */
export function minNorm(X: Rows, y: ArrayLike<number>): Float64Array {
  return matTvec(X, solveSym(gram(X), y));
}

/** argmin_{Xw=y} ‖w − w0‖ = w0 + Xᵀ(XXᵀ)⁻¹(y − Xw0). */
export function minNormAbout(X: Rows, y: ArrayLike<number>, w0: ArrayLike<number>): Float64Array {
  return addv(w0, minNorm(X, subv(y, matvec(X, w0))));
}

/** argmin_{Xw=y} (w − w0)ᵀ B (w − w0) = w0 + B⁻¹Xᵀ(X B⁻¹ Xᵀ)⁻¹(y − Xw0), given B⁻¹ (d×d). */
export function minMahalanobisAbout(X: Rows, y: ArrayLike<number>, w0: ArrayLike<number>, Binv: Matrix): Float64Array {
  const Xm = toMatrix(X);
  const XB = Xm.mmul(Binv);
  const K = XB.mmul(Xm.transpose());
  const lam = solveSym(K, subv(y, matvec(X, w0)));
  const step = XB.transpose().mmul(Matrix.columnVector(Array.from(lam))).getColumn(0);
  return addv(w0, step);
}

/** Orthonormal basis Z (d × (d−rank)) of null(X), as an array of column vectors. */
export function nullBasis(X: Rows): Float64Array[] {
  const d = X[0].length;
  const Xm = toMatrix(X);
  const K = gram(X);
  const P = Xm.transpose().mmul(mlSolve(K, Xm)); // projector onto span of samples
  const Pp = Matrix.eye(d).sub(P);
  const evd = new EigenvalueDecomposition(Pp, { assumeSymmetric: true });
  const vals = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  const out: Float64Array[] = [];
  for (let k = 0; k < d; k++) if (vals[k] > 0.5) out.push(Float64Array.from(V.getColumn(k)));
  return out;
}

export interface ConvexObjective {
  f(w: Float64Array): number;
  grad(w: Float64Array): Float64Array;
  /** Dense Hessian (d×d, row-major arrays). */
  hess(w: Float64Array): number[][];
  /**
   * Size of the terms whose difference forms ∇f at w (optional). Sets the rounding floor of the
   * stopping test when ∇f is a difference of large terms (e.g. ∇q = (3/2)[w/√(S+δ/2) − w̃(0)/√(S₀+δ/2)]).
   */
  gradScale?(w: Float64Array): number;
}

export interface NewtonResult {
  w: Float64Array;
  iterations: number;
  /** Final reduced gradient norm ‖Zᵀ∇f‖. */
  reducedGrad: number;
  converged: boolean;
}

/**
 * Primal null-space Newton (C3 b): minimize a smooth strictly convex f over {Xw = y} by writing
 * w = w_start + Z c (Z orthonormal basis of null(X), w_start feasible) and running Newton on c with
 * Armijo backtracking. Stops when ‖Zᵀ∇f‖ ≤ gtol·(1 + ‖∇f‖).
 */
export function nullSpaceNewton(X: Rows, y: ArrayLike<number>, obj: ConvexObjective, opts: { start?: Float64Array; gtol?: number; maxIter?: number } = {}): NewtonResult {
  const Z = nullBasis(X);
  const p = Z.length;
  const gtol = opts.gtol ?? 1e-14;
  const maxIter = opts.maxIter ?? 200;
  let w = opts.start ? minNormAbout(X, y, opts.start) : minNorm(X, y);
  if (p === 0) return { w, iterations: 0, reducedGrad: 0, converged: true };
  let it = 0;
  let rg = Infinity;
  let fw = obj.f(w);
  for (; it < maxIter; it++) {
    const g = obj.grad(w);
    const gz = Z.map((z) => dotv(z, g));
    rg = normv(gz);
    const gs = Math.max(normv(g), obj.gradScale ? obj.gradScale(w) : 0);
    if (rg <= gtol * (1 + gs)) return { w, iterations: it, reducedGrad: rg, converged: true };
    const H = obj.hess(w);
    const Hz = new Matrix(p, p);
    for (let a = 0; a < p; a++) {
      const Ha = new Float64Array(w.length);
      for (let i = 0; i < w.length; i++) {
        let s = 0;
        for (let j = 0; j < w.length; j++) s += H[i][j] * Z[a][j];
        Ha[i] = s;
      }
      for (let b = 0; b < p; b++) Hz.set(b, a, dotv(Z[b], Ha));
    }
    let dc: Float64Array;
    try {
      dc = solveSym(Hz, gz);
    } catch {
      dc = Float64Array.from(gz);
    }
    let dir = new Float64Array(w.length);
    for (let a = 0; a < p; a++) for (let i = 0; i < w.length; i++) dir[i] -= dc[a] * Z[a][i];
    let slope = dotv(g, dir);
    if (!(slope < 0)) {
      // Not a descent direction (Hessian not PD numerically): steepest descent in the null space.
      dir = new Float64Array(w.length);
      for (let a = 0; a < p; a++) for (let i = 0; i < w.length; i++) dir[i] -= gz[a] * Z[a][i];
      slope = dotv(g, dir);
    }
    // Line search: accept on Armijo decrease of f, or on a sufficient decrease of the reduced gradient
    // (near the optimum f is flat to rounding, f's changes ~ rg²/curvature fall below ε|f|).
    const rgAt = (v: Float64Array) => {
      const gv = obj.grad(v);
      return normv(Z.map((z) => dotv(z, gv)));
    };
    let t = 1;
    let wn = addv(w, dir, t);
    let fn = obj.f(wn);
    let ok = false;
    for (let ls = 0; ls < 60; ls++) {
      if (fn <= fw + 1e-4 * t * slope || rgAt(wn) <= (1 - 1e-4 * t) * rg) {
        ok = true;
        break;
      }
      t *= 0.5;
      wn = addv(w, dir, t);
      fn = obj.f(wn);
    }
    if (!ok) return { w, iterations: it, reducedGrad: rg, converged: rg <= 1e-12 * (1 + gs) };
    w = wn;
    fw = fn;
  }
  return { w, iterations: it, reducedGrad: rg, converged: false };
}

/** Log–log least-squares slope of y against x (both positive). */
export function logLogSlope(x: number[], y: number[]): number {
  const lx = x.map(Math.log), ly = y.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < lx.length; i++) {
    sxy += (lx[i] - mx) * (ly[i] - my);
    sxx += (lx[i] - mx) ** 2;
  }
  return sxy / sxx;
}

/**
 * NTK quadratic form of a diagonal-network limit (App. E): argmin_{Xw=y} Σᵢ wᵢ²/cᵢ = C Xᵀ(X C Xᵀ)⁻¹y,
 * C = diag(c), c > 0 (cᵢ ∝ √kᵢ, the NTK's diagonal at init).
 */
export function minWeightedNorm(X: Rows, y: ArrayLike<number>, c: ArrayLike<number>): Float64Array {
  const Xc = Array.from({ length: X.length }, (_, n) => Array.from(X[n], (x, i) => x * Math.sqrt(c[i])));
  const v = minNorm(Xc, y); // in the variables vᵢ = wᵢ/√cᵢ
  return Float64Array.from(v, (x, i) => x * Math.sqrt(c[i]));
}
