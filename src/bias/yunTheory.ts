// The closed forms and independent predictors of Yun, Krishnan & Mobahi (2021):
//  · Lemma 4's ODE p' = p^{L−2} q, q' = p^{L−1} and h_L = p^{L−1} q, H_L = ∫ h_L^{-1} (F.1);
//    evaluated through the angle parametrisation p = sec θ, q = tan θ, t = W_L(θ) = ∫_0^θ cos^{L−3}
//    (our derivation: p² − q² is a first integral, see the catalog's YUN-L4X);
//  · Theorem 5's minimum-Q interpolant, by damped Newton on the concave dual (KKT (64)–(65));
//  · Theorem 6's closed-form limit for two layers and one data point, ν* = g^{-1}(y/α²);
//  · max-margin problems (ℓ2 by exact support enumeration; ℓ1 / weighted ℓ1 by LP in yunLP.ts).

// ---------- tiny dense linear algebra ----------

/** Solves A x = b by Gaussian elimination with partial pivoting; returns null if singular. */
export function solveLinear(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    if (Math.abs(M[p][c]) < 1e-300) return null;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x.every(Number.isFinite) ? x : null;
}

export const dotv = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};
export const norm = (a: ArrayLike<number>): number => Math.sqrt(dotv(a, a));
export const distv = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
};
export const norm1 = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]);
  return s;
};
/** Angle in degrees between two vectors. */
export function angleDeg(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const c = dotv(a, b) / (norm(a) * norm(b));
  return (Math.acos(Math.max(-1, Math.min(1, c))) * 180) / Math.PI;
}
export const matVec = (A: number[][], x: ArrayLike<number>): number[] => A.map((r) => dotv(r, x));
export const matTVec = (A: number[][], x: ArrayLike<number>): number[] => {
  const out = new Array<number>(A[0].length).fill(0);
  for (let i = 0; i < A.length; i++) for (let j = 0; j < out.length; j++) out[j] += A[i][j] * x[i];
  return out;
};
export const matMul = (A: number[][], B: number[][]): number[][] =>
  A.map((r) => B[0].map((_, j) => r.reduce((s, a, k) => s + a * B[k][j], 0)));
export const transpose = (A: number[][]): number[][] => A[0].map((_, j) => A.map((r) => r[j]));

// ---------- Lemma 4: p_L, q_L, h_L, H_L ----------

/** W_L(θ) = ∫_0^θ cos^{L−3}φ dφ by the reduction formula (L ≥ 2). */
export function wallisW(L: number, theta: number): number {
  const nExp = L - 3;
  if (nExp === -1) return Math.asinh(Math.tan(theta)); // gd^{-1}
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  // I_n = cos^{n−1} sin / n + (n−1)/n I_{n−2}, I_0 = θ, I_1 = sin θ
  let Ia = theta; // I_0
  let Ib = s; // I_1
  if (nExp === 0) return Ia;
  if (nExp === 1) return Ib;
  let I = 0;
  for (let k = 2; k <= nExp; k++) {
    I = (Math.pow(c, k - 1) * s) / k + ((k - 1) / k) * Ia;
    Ia = Ib;
    Ib = I;
  }
  return I;
}

/** c_L = W_L(π/2): the blow-up time of Lemma 4 (∞ for L = 2). */
export function blowupTime(L: number): number {
  if (L === 2) return Number.POSITIVE_INFINITY;
  return wallisW(L, Math.PI / 2);
}

/** θ(t) with W_L(θ) = t, |t| < c_L (bisection on the increasing W_L). */
export function thetaOf(L: number, t: number): number {
  if (L === 2) return Math.atan(Math.sinh(t));
  if (L === 3) return t;
  const sgn = t < 0 ? -1 : 1;
  const a = Math.abs(t);
  const c = blowupTime(L);
  if (a >= c) return sgn * Math.PI / 2;
  let lo = 0;
  let hi = Math.PI / 2;
  for (let it = 0; it < 200 && hi - lo > 1e-17; it++) {
    const mid = 0.5 * (lo + hi);
    if (wallisW(L, mid) < a) lo = mid;
    else hi = mid;
  }
  return sgn * 0.5 * (lo + hi);
}

/** (p_L(t), q_L(t)) of Lemma 4. */
export function pqL(L: number, t: number): { p: number; q: number } {
  if (L === 2) return { p: Math.cosh(t), q: Math.sinh(t) };
  const th = thetaOf(L, t);
  return { p: 1 / Math.cos(th), q: Math.tan(th) };
}

/** h_L = p^{L−1} q (Lemma 4). NaN/∞ outside (−c_L, c_L). */
export function hL(L: number, t: number): number {
  if (L === 2) return 0.5 * Math.sinh(2 * t);
  const c = blowupTime(L);
  if (Math.abs(t) >= c) return t > 0 ? Infinity : -Infinity;
  const { p, q } = pqL(L, t);
  return Math.pow(p, L - 1) * q;
}

/** h_L'(t) = (L−1) p^{2L−4} q² + p^{2L−2}. */
export function hLprime(L: number, t: number): number {
  if (L === 2) return Math.cosh(2 * t);
  const { p, q } = pqL(L, t);
  return (L - 1) * Math.pow(p, 2 * L - 4) * q * q + Math.pow(p, 2 * L - 2);
}

/** h_L^{-1}(u) ∈ (−c_L, c_L): θ solves sin θ / cos^L θ = u, then t = W_L(θ). */
export function hLinv(L: number, u: number): number {
  if (L === 2) return 0.5 * Math.asinh(2 * u);
  if (u === 0) return 0;
  const sgn = u < 0 ? -1 : 1;
  const a = Math.abs(u);
  let lo = 0;
  let hi = Math.PI / 2;
  for (let it = 0; it < 200 && hi - lo > 1e-17; it++) {
    const mid = 0.5 * (lo + hi);
    if (Math.sin(mid) < a * Math.pow(Math.cos(mid), L)) lo = mid;
    else hi = mid;
  }
  return sgn * wallisW(L, 0.5 * (lo + hi));
}

/** H_L(u) = ∫_0^u h_L^{-1} = t u − q_L(t)²/2 with t = h_L^{-1}(u) (Legendre identity, YUN-L4X). */
export function HL(L: number, u: number): number {
  const t = hLinv(L, u);
  // √(1+4u²) − 1 = 4u²/(√(1+4u²) + 1): same value, no cancellation at small u.
  if (L === 2) return (u / 2) * Math.asinh(2 * u) - (u * u) / (Math.sqrt(1 + 4 * u * u) + 1);
  const q = pqL(L, t).q;
  return t * u - (q * q) / 2;
}

/** H_L^*(s) = ∫_0^s h_L = q_L(s)²/2; +∞ outside (−c_L, c_L). */
export function HLstar(L: number, s: number): number {
  // (cosh 2s − 1)/4 = sinh²(s)/2, written without the cancellation of cosh − 1 at small s (large α in solveT5's
  // dual, where the Armijo test needs D(ν) to full relative precision).
  if (L === 2) return (Math.sinh(s) ** 2) / 2;
  if (Math.abs(s) >= blowupTime(L)) return Infinity;
  const q = pqL(L, s).q;
  return (q * q) / 2;
}

// ---------- Theorem 5: the minimum-Q interpolant ----------

export interface T5Problem {
  L: number;
  alpha: number;
  /** η̄ ∈ R^m with all entries non-zero. */
  eta: number[];
  /** Ã = X Sᵀ ∈ R^{n×m} (rows x̃_iᵀ = (S x_i)ᵀ). */
  A: number[][];
  y: number[];
}

/** Q_{L,α,η̄}(ρ) = α² Σ_j η̄_j² H_L(ρ_j / (α^L |η̄_j|^L)) (Theorem 5). */
export function qObjective(P: Pick<T5Problem, 'L' | 'alpha' | 'eta'>, rho: ArrayLike<number>): number {
  const { L, alpha, eta } = P;
  let s = 0;
  for (let j = 0; j < eta.length; j++) {
    const e = Math.abs(eta[j]);
    s += alpha * alpha * e * e * HL(L, rho[j] / (Math.pow(alpha, L) * Math.pow(e, L)));
  }
  return s;
}

/** ∇Q(ρ)_j = α^{2−L}|η̄_j|^{2−L} h_L^{-1}(ρ_j/(α^L|η̄_j|^L)) (proof of Thm 5, (65)). */
export function qGradient(P: Pick<T5Problem, 'L' | 'alpha' | 'eta'>, rho: ArrayLike<number>): number[] {
  const { L, alpha, eta } = P;
  return eta.map((e0, j) => {
    const e = Math.abs(e0);
    return Math.pow(alpha * e, 2 - L) * hLinv(L, rho[j] / Math.pow(alpha * e, L));
  });
}

/** ρ(ν)_j = α^L|η̄_j|^L h_L(α^{L−2}|η̄_j|^{L−2} [Ãᵀν]_j) (64). */
export function rhoOfNu(P: T5Problem, nu: ArrayLike<number>): number[] {
  const z = matTVec(P.A, nu);
  return P.eta.map((e0, j) => {
    const e = Math.abs(e0);
    return Math.pow(P.alpha * e, P.L) * hL(P.L, Math.pow(P.alpha * e, P.L - 2) * z[j]);
  });
}

function dualValue(P: T5Problem, nu: number[]): number {
  const z = matTVec(P.A, nu);
  let s = dotv(P.y, nu);
  for (let j = 0; j < P.eta.length; j++) {
    const e = Math.abs(P.eta[j]);
    const hs = HLstar(P.L, Math.pow(P.alpha * e, P.L - 2) * z[j]);
    if (!Number.isFinite(hs)) return -Infinity;
    s -= P.alpha * P.alpha * e * e * hs;
  }
  return s;
}

export interface T5Solution {
  rho: number[];
  nu: number[];
  iterations: number;
  residual: number;
  converged: boolean;
}

/**
 * Maximises the concave dual D(ν) = yᵀν − Σ_j α² η̄_j² H_L^*(α^{L−2}|η̄_j|^{L−2}[Ãᵀν]_j) by damped Newton.
 * ∇D = y − Ãρ(ν); ∇²D = −Ã diag(α^{2L−2}|η̄|^{2L−2} h_L'(·)) Ãᵀ. The maximiser's ρ(ν) is the
 * unique minimiser of Q subject to Ãρ = y (Fenchel duality; Q is strictly convex).
 */
export function solveT5(P: T5Problem, maxIter = 200): T5Solution {
  const n = P.y.length;
  const m = P.eta.length;
  let nu = new Array<number>(n).fill(0);
  const scale = Math.max(1, norm(P.y));
  let it = 0;
  let res = Infinity;
  for (; it < maxIter; it++) {
    const rho = rhoOfNu(P, nu);
    const grad = P.y.map((yi, i) => yi - dotv(P.A[i], rho));
    res = norm(grad);
    if (res <= 1e-14 * scale) return { rho, nu, iterations: it, residual: res, converged: true };
    const z = matTVec(P.A, nu);
    const w = P.eta.map((e0, j) => {
      const e = Math.abs(e0);
      const c = Math.pow(P.alpha * e, P.L - 2);
      return Math.pow(P.alpha * e, P.L) * c * hLprime(P.L, c * z[j]);
    });
    const Hm: number[][] = Array.from({ length: n }, (_, a) =>
      Array.from({ length: n }, (_, b) => {
        let s = 0;
        for (let j = 0; j < m; j++) s += P.A[a][j] * w[j] * P.A[b][j];
        return s;
      }),
    );
    const step0 = solveLinear(Hm, grad);
    if (!step0) break;
    // Trust-region cap: the arguments c_j[Ãᵀν]_j of h_L move by at most 2 per iteration. For tiny α
    // (L = 2: Hessian ∝ α²) the raw Newton step is astronomically long and 80 halvings of the Armijo search
    // cannot bring it back into the finite domain of H_L^*; capping the step keeps the iteration a descent
    // method (Armijo below still applies) and leaves the final quadratic phase (small steps) untouched.
    const dz = matTVec(P.A, step0);
    let maxArg = 0;
    for (let j = 0; j < m; j++) maxArg = Math.max(maxArg, Math.abs(Math.pow(P.alpha * Math.abs(P.eta[j]), P.L - 2) * dz[j]));
    const capF = maxArg > 2 ? 2 / maxArg : 1;
    const step = step0.map((v) => v * capF);
    const D0 = dualValue(P, nu);
    const slope = dotv(grad, step);
    let tstep = 1;
    let accepted = false;
    for (let k = 0; k < 80; k++) {
      const cand = nu.map((v, i) => v + tstep * step[i]);
      const D1 = dualValue(P, cand);
      if (Number.isFinite(D1) && D1 >= D0 + 1e-4 * tstep * slope - 1e-15 * Math.abs(D0)) {
        nu = cand;
        accepted = true;
        break;
      }
      tstep *= 0.5;
    }
    if (!accepted) break;
  }
  const rho = rhoOfNu(P, nu);
  res = norm(P.y.map((yi, i) => yi - dotv(P.A[i], rho)));
  return { rho, nu, iterations: it, residual: res, converged: res <= 1e-9 * scale };
}

/** The weighted min-ℓ2 interpolant argmin Σ ρ_j²/w_j s.t. Ãρ = y: ρ = W Ãᵀ(Ã W Ãᵀ)^{-1} y. */
export function weightedMinL2(A: number[][], y: number[], w: number[]): number[] {
  const n = y.length;
  const G = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => A[a].reduce((s, v, j) => s + v * w[j] * A[b][j], 0)));
  const c = solveLinear(G, y);
  if (!c) throw new Error('weightedMinL2: singular Gram matrix');
  return w.map((wj, j) => wj * c.reduce((s, ci, i) => s + ci * A[i][j], 0));
}

// ---------- Theorem 6 ----------

/** g(ν) = Σ_j s_j((a_j² + b_j²)/2 sinh(2 s_j ν) + a_j b_j cosh(2 s_j ν)) (Theorem 6). */
export function gT6(s: number[], a: number[], b: number[], nu: number, halfFactor = 0.5, twoInSinh = 2): number {
  let g = 0;
  for (let j = 0; j < s.length; j++) {
    g += s[j] * (halfFactor * (a[j] ** 2 + b[j] ** 2) * Math.sinh(twoInSinh * s[j] * nu) + a[j] * b[j] * Math.cosh(2 * s[j] * nu));
  }
  return g;
}

/** Solves g(ν) = target by bracketing and bisection (g increasing under the λ-condition). */
export function solveIncreasing(g: (nu: number) => number, target: number): number {
  let lo = -1;
  let hi = 1;
  let k = 0;
  while (g(lo) > target && k++ < 200) lo *= 2;
  k = 0;
  while (g(hi) < target && k++ < 200) hi *= 2;
  for (let it = 0; it < 300; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (g(mid) < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

// ---------- max-margin problems ----------

/**
 * ℓ2 max margin min ‖z‖² s.t. y_i x_iᵀ z ≥ 1, by exact enumeration of support sets (n ≤ 10):
 * for a support set A, z = Σ_{i∈A} μ_i y_i x_i with G_AA μ = 1; accept μ ≥ 0 and all margins ≥ 1,
 * keep the smallest ‖z‖. (KKT of a strictly convex QP: the accepted point is the optimum.)
 */
export function maxMarginL2(X: number[][], y: number[]): { z: number[]; mu: number[] } | null {
  const n = X.length;
  const Z = X.map((x, i) => x.map((v) => v * y[i]));
  let best: { z: number[]; mu: number[] } | null = null;
  let bestNorm = Infinity;
  for (let mask = 1; mask < 1 << n; mask++) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) idx.push(i);
    const G = idx.map((a) => idx.map((b) => dotv(Z[a], Z[b])));
    const muA = solveLinear(G, idx.map(() => 1));
    if (!muA || muA.some((m) => m < -1e-12)) continue;
    const z = new Array<number>(X[0].length).fill(0);
    idx.forEach((i, k) => Z[i].forEach((v, j) => (z[j] += muA[k] * v)));
    if (Z.some((zi) => dotv(zi, z) < 1 - 1e-9)) continue;
    const nz = norm(z);
    if (nz < bestNorm) {
      bestNorm = nz;
      const mu = new Array<number>(n).fill(0);
      idx.forEach((i, k) => (mu[i] = Math.max(0, muA[k])));
      best = { z, mu };
    }
  }
  return best;
}

/** Minimal normalised margin min_i y_i x_iᵀ β / ‖β‖ for a given norm. */
export function normalizedMargin(X: number[][], y: number[], beta: ArrayLike<number>, nrm: (v: ArrayLike<number>) => number): number {
  let m = Infinity;
  for (let i = 0; i < X.length; i++) m = Math.min(m, y[i] * dotv(X[i], beta));
  return m / nrm(beta);
}
