// Finite-time KKT residuals for the ℓ_{2/L} max-margin problems of Yun et al. (2021), Theorem 2 (39)
// and Corollaries 2–3, plus a small non-negative least-squares solver (Lawson–Hanson active set).
//
// Setting (covers (39) in ρ-space and the z-form of Corollary 3): a point q ∈ C^m in "transformed"
// coordinates and n constraint vectors a_i ∈ C^m such that the i-th margin is a real number m_i. For
// Theorem 2, q = ρ and a_i = S(y_i x_i) (S real here), m_i = a_iᵀρ. For Corollary 3 (z-form),
// q = Fz and a_i = F(y_i x_i), m_i = y_i x_iᵀz. Normalise q̃ = q / min_i m_i (the problem is
// positively homogeneous, so min margin 1 fixes the dual scale). The KKT conditions (D.1, lines
// 998–1019, with the "local" subdifferential of ‖·‖_{2/L} from Gunasekar et al. 2018b) read, with
// p = 2/L and the objective Σ_j |q_j|^p (same stationary points as ‖q‖_{2/L}):
//   p |q̃_j|^{p−1} e^{i arg q̃_j} = Σ_{i∈A} μ_i [a_i]_j  for j ∈ J = supp q̃,    μ ≥ 0,
//   μ_i = 0 for i ∉ A = {i : m̃_i = 1},
//   and for L = 2 only: |Σ_i μ_i [a_i]_j| ≤ 1 for j ∉ J (no constraint off the support for L > 2).
// For Corollary 3 in z-form: ∇_z Σ_j|[Fz]_j|^p = Re(F conj(h)), h_j = p|c_j|^{p−1}e^{i arg c_j}, c = Fz;
// with conjugate-symmetric multipliers this equals g = Σ μ_i y_i x_i iff h = F g on J, i.e. the complex
// condition above with a_i = F(y_i x_i) (F unitary, symmetric, F^{-1} = F*).
// At finite τ, A and J are thresholded and μ is the NNLS fit of the on-support equations (real and
// imaginary parts stacked); the relative residual ‖h_J − Σ μ_i a_{i,J}‖/‖h_J‖ must go to 0.

/** Solve min ‖Ax − b‖₂ s.t. x ≥ 0 (Lawson & Hanson 1974, ch. 23). A is given by rows (r × c). */
export function nnls(A: number[][], b: number[], maxIter = 500): { x: number[]; residual: number; iterations: number } {
  const r = A.length;
  const c = r === 0 ? 0 : A[0].length;
  const x = new Array<number>(c).fill(0);
  const passive = new Array<boolean>(c).fill(false);
  const Atr = (v: number[]) => Array.from({ length: c }, (_, j) => A.reduce((s, row, i) => s + row[j] * v[i], 0));
  const resid = (xx: number[]) => b.map((bi, i) => bi - A[i].reduce((s, a, j) => s + a * xx[j], 0));
  const scaleA = Math.max(1e-300, ...A.flat().map(Math.abs));
  const scaleB = Math.max(1e-300, ...b.map(Math.abs));
  // tolerance on the dual w = Aᵀ(b − Ax): LH's stopping rule, scaled by the data (≈ 10 ε ‖A‖‖b‖ per entry)
  const tol = 10 * 2.22e-16 * Math.max(1, r, c) * scaleA * scaleB;
  let it = 0;
  for (; it < maxIter; it++) {
    const w = Atr(resid(x));
    let jmax = -1;
    let wmax = tol;
    for (let j = 0; j < c; j++)
      if (!passive[j] && w[j] > wmax) {
        wmax = w[j];
        jmax = j;
      }
    if (jmax < 0) break;
    passive[jmax] = true;
    // inner loop: keep the unconstrained LS solution on the passive set feasible
    for (let inner = 0; inner < 3 * c + 3; inner++) {
      const P = passive.map((p, j) => (p ? j : -1)).filter((j) => j >= 0);
      const zP = lsq(A.map((row) => P.map((j) => row[j])), b);
      if (zP.every((v) => v > 0)) {
        x.fill(0);
        P.forEach((j, k) => (x[j] = zP[k]));
        break;
      }
      let alpha = Infinity;
      P.forEach((j, k) => {
        if (zP[k] <= 0) alpha = Math.min(alpha, x[j] / (x[j] - zP[k]));
      });
      if (!Number.isFinite(alpha)) alpha = 0;
      P.forEach((j, k) => (x[j] += alpha * (zP[k] - x[j])));
      for (const j of P) if (x[j] <= 1e-15 * Math.max(1, ...x.map(Math.abs))) {
        x[j] = 0;
        passive[j] = false;
      }
    }
  }
  const res = resid(x);
  return { x, residual: Math.sqrt(res.reduce((s, v) => s + v * v, 0)), iterations: it };
}

/** Least squares min ‖Bz − b‖ via the normal equations with a Cholesky-free Gaussian elimination (columns ≤ ~10). */
function lsq(B: number[][], b: number[]): number[] {
  const k = B.length ? B[0].length : 0;
  if (k === 0) return [];
  // QR by modified Gram–Schmidt (better conditioned than normal equations)
  const r = B.length;
  const Q = Array.from({ length: k }, (_, j) => B.map((row) => row[j]));
  const R = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      let s = 0;
      for (let t = 0; t < r; t++) s += Q[i][t] * Q[j][t];
      R[i][j] = s;
      for (let t = 0; t < r; t++) Q[j][t] -= s * Q[i][t];
    }
    let nrm = 0;
    for (let t = 0; t < r; t++) nrm += Q[j][t] ** 2;
    nrm = Math.sqrt(nrm);
    R[j][j] = nrm;
    if (nrm > 0) for (let t = 0; t < r; t++) Q[j][t] /= nrm;
  }
  const qb = Q.map((q) => q.reduce((s, v, t) => s + v * b[t], 0));
  const z = new Array<number>(k).fill(0);
  const rmax = Math.max(...R.map((row, i) => Math.abs(row[i])));
  for (let j = k - 1; j >= 0; j--) {
    let s = qb[j];
    for (let i = j + 1; i < k; i++) s -= R[j][i] * z[i];
    // rank-deficient column: leave that coefficient at 0 (minimum-change choice)
    z[j] = Math.abs(R[j][j]) > 1e-13 * rmax ? s / R[j][j] : 0;
  }
  return z;
}

export interface Cvec {
  re: number[];
  im: number[];
}
export const realC = (v: ArrayLike<number>): Cvec => ({ re: Array.from(v), im: Array.from(v, () => 0) });
export const absC = (v: Cvec): number[] => v.re.map((r, j) => Math.hypot(r, v.im[j]));

export type KktGradient = 'lp' | 'l1';
export interface KktOptions {
  /** depth L (p = 2/L) */
  L: number;
  /** active set: i ∈ A iff normalised margin ≤ 1 + epsActive, or (if given) unnormalised gap m_i − min m ≤ gapActive */
  epsActive: number;
  gapActive?: number;
  /** support: j ∈ J iff |q̃_j| ≥ deltaSupport · max_k |q̃_k| */
  deltaSupport: number;
  /** 'lp': the ℓ_{2/L} gradient p|q|^{p−1}e^{i arg q} (the claim); 'l1': e^{i arg q} (ℓ1 stationarity, a mutant for L > 2) */
  gradient?: KktGradient;
}
export interface KktResult {
  /**
   * Scaled (complementarity-form) relative residual over ALL coordinates, no support threshold:
   * ‖p|q̃_j|^p e^{i arg q̃_j} − |q̃_j|·Σ_i μ_i[a_i]_j‖ / ‖p|q̃|^p‖ with μ ≥ 0 on A fitted by NNLS. This is the KKT
   * equation multiplied by |q̃_j| (the first-order condition of Chen, Xu & Ye 2010 for ℓ_p, p < 1): identical to the
   * paper's condition where q̃_j ≠ 0, void where q̃_j = 0 (the paper's local subdifferential puts no constraint
   * there), and a coordinate on its way to 0 contributes ≈ p|q̃_j|^p, continuously, instead of a jump when it
   * crosses a support threshold.
   */
  rel: number;
  /** the same fit unscaled, on the thresholded support J only (the catalog's protocol) */
  relJ: number;
  /** dual variables of the scaled fit (0 off A) */
  mu: number[];
  active: number[];
  support: number[];
  /**
   * max_{j∉J} |Σ μ_i [a_i]_j| / p with μ from the unscaled fit on J (must be ≤ 1 for L = 2; free for L > 2); 0 if J is
   * everything, and 0 (not assessed) when |J| < |A|: the on-support system is then underdetermined, NNLS returns one
   * multiplier among many, and the bound would have to hold only for the best of them (an LP, not done here).
   */
  offSupport: number;
  /** the normalised point q̃ */
  qn: Cvec;
}

function fitNnls(rows: number[][], rhs: number[]): { mu: number[]; rel: number } {
  const sol = nnls(rows, rhs);
  const hn = Math.sqrt(rhs.reduce((s, v) => s + v * v, 0));
  return { mu: sol.x, rel: hn > 0 ? sol.residual / hn : 0 };
}

/**
 * KKT residual of a point q (complex allowed) with margins m_i (real; given explicitly so that the z-form can
 * use y_i x_iᵀz) and constraint vectors a_i.
 */
export function kktResidual(q: Cvec, margins: number[], a: Cvec[], opts: KktOptions): KktResult {
  const p = 2 / opts.L;
  const pg = opts.gradient === 'l1' ? 1 : p; // exponent of the objective Σ|q_j|^{pg}
  const mmin = Math.min(...margins);
  if (!(mmin > 0)) throw new Error('kktResidual: the point does not separate the data (min margin ≤ 0)');
  const qn: Cvec = { re: q.re.map((v) => v / mmin), im: q.im.map((v) => v / mmin) };
  const mn = margins.map((v) => v / mmin);
  const gap = opts.gapActive ?? 0;
  const active = mn.map((v, i) => (v <= 1 + opts.epsActive || margins[i] - mmin <= gap ? i : -1)).filter((i) => i >= 0);
  const mod = absC(qn);
  const mx = Math.max(...mod);
  const support = mod.map((v, j) => (v >= opts.deltaSupport * mx ? j : -1)).filter((j) => j >= 0);
  // scaled form over all j: pg|q_j|^{pg} e^{iφ_j} = |q_j| Σ μ_i [a_i]_j
  const rowsS: number[][] = [];
  const rhsS: number[] = [];
  for (let j = 0; j < mod.length; j++) {
    if (mod[j] === 0) continue;
    const c = (pg * Math.pow(mod[j], pg)) / mod[j];
    rowsS.push(active.map((i) => mod[j] * a[i].re[j]));
    rhsS.push(c * qn.re[j]);
    rowsS.push(active.map((i) => mod[j] * a[i].im[j]));
    rhsS.push(c * qn.im[j]);
  }
  const scaled = fitNnls(rowsS, rhsS);
  // unscaled on J: pg|q_j|^{pg−1} e^{iφ_j} = Σ μ_i [a_i]_j
  const rowsJ: number[][] = [];
  const rhsJ: number[] = [];
  for (const j of support) {
    const c = (pg * Math.pow(mod[j], pg - 1)) / mod[j];
    rowsJ.push(active.map((i) => a[i].re[j]));
    rhsJ.push(c * qn.re[j]);
    rowsJ.push(active.map((i) => a[i].im[j]));
    rhsJ.push(c * qn.im[j]);
  }
  const onJ = fitNnls(rowsJ, rhsJ);
  const mu = new Array<number>(margins.length).fill(0);
  active.forEach((i, k) => (mu[i] = scaled.mu[k]));
  const muJ = new Array<number>(margins.length).fill(0);
  active.forEach((i, k) => (muJ[i] = onJ.mu[k]));
  let off = 0;
  const assess = support.length >= active.length;
  for (let j = 0; j < mod.length && assess; j++) {
    if (support.includes(j)) continue;
    let re = 0;
    let im = 0;
    active.forEach((i) => {
      re += muJ[i] * a[i].re[j];
      im += muJ[i] * a[i].im[j];
    });
    off = Math.max(off, Math.hypot(re, im) / pg);
  }
  return { rel: scaled.rel, relJ: onJ.rel, mu, active, support, offSupport: off, qn };
}

/**
 * Condition (31) on the flow's own dual direction u (no fitted multipliers): |u_j| = κ|q_j|^{pe−1} on the support,
 * common κ. Scaled like the KKT residual (multiply by |q_j|): the weighted coefficient of variation
 * min_κ ‖|u|⊙|q| − κ|q|^{pe}‖ / ‖κ|q|^{pe}‖ over all coordinates (weights |q_j|^{2pe}, so no support threshold).
 * pe = 2/L for the claim; pe = 1 is the ℓ1 mutant "all |u_j| equal on the support".
 */
export function alignmentResidual(u: Cvec, q: Cvec, pe: number): number {
  const au = absC(u);
  const aq = absC(q);
  const t = au.map((v, j) => v * aq[j]);
  const w = aq.map((v) => Math.pow(v, pe));
  const kappa = t.reduce((s, v, j) => s + v * w[j], 0) / w.reduce((s, v) => s + v * v, 0);
  const r = Math.sqrt(t.reduce((s, v, j) => s + (v - kappa * w[j]) ** 2, 0));
  return r / (kappa * Math.sqrt(w.reduce((s, v) => s + v * v, 0)));
}

/** Coefficient of variation (sd/mean) of positive numbers; 0 for fewer than two. */
export function coefVar(v: number[]): number {
  if (v.length < 2) return 0;
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
  return sd / Math.abs(m);
}


/**
 * The KKT equation with the flow's own multipliers instead of fitted ones: w_i = e^{−(m_i − min m)} are the
 * exponential-loss weights, whose limit is the ν of (26) (up to scale). Scaled like kktResidual.rel, with one common
 * scale κ ≥ 0 fitted: min_κ ‖pg|q_j|^{pg}e^{i arg q_j} − κ|q_j|Σ_i w_i[a_i]_j‖ / ‖pg|q|^{pg}‖ over all j (the residual
 * is invariant under q → sq, s > 0, since κ absorbs s^{pg−1}). pg = 1 is ℓ1 stationarity in the proof's sense
 * ((31)–(32) at L = 2: e^{i arg q_j} ∝ −u_j on the support), the mutant of Theorem 2 (ii) for L > 2.
 */
export function flowMultiplierResidual(q: Cvec, w: number[], a: Cvec[], pg: number): number {
  const mod = absC(q);
  const r: number[] = [];
  const g: number[] = [];
  for (let j = 0; j < mod.length; j++) {
    if (mod[j] === 0) continue;
    const c = (pg * Math.pow(mod[j], pg)) / mod[j];
    let ure = 0;
    let uim = 0;
    a.forEach((ai, i) => {
      ure += w[i] * ai.re[j];
      uim += w[i] * ai.im[j];
    });
    r.push(c * q.re[j], c * q.im[j]);
    g.push(mod[j] * ure, mod[j] * uim);
  }
  const rg = r.reduce((s, v, k) => s + v * g[k], 0);
  const gg = g.reduce((s, v) => s + v * v, 0);
  const kappa = gg > 0 ? Math.max(0, rg / gg) : 0;
  const rn = Math.sqrt(r.reduce((s, v) => s + v * v, 0));
  const res = Math.sqrt(r.reduce((s, v, k) => s + (v - kappa * g[k]) ** 2, 0));
  return rn > 0 ? res / rn : 0;
}
