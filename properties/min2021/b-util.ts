// Shared helpers for the part-B claims of Min et al. (2021): small dense kernels for Monte-Carlo
// loops (no ml-matrix allocation per draw), the Clopper–Pearson decision rule for "with probability
// at least 1 − δ" statements, and the deviation term K(δ) of Lemma 1 / Theorem 2.
import { fail, fmt, inconclusive, pass, type Outcome } from '../../src/core/claim.js';
import { clopperPearsonLower, clopperPearsonUpper } from '../../src/stats/index.js';
import type { Rng } from '../../src/random/rng.js';

/** Machine epsilon. */
export const EPS = 2.220446049250313e-16;

/** K(δ) = √(m+D) + ½·log(2/δ): the deviation term of (32), Lemma 1 and Theorem 2 (L:624). */
export function Kdelta(m: number, D: number, delta: number): number {
  return Math.sqrt(m + D) + 0.5 * Math.log(2 / delta);
}

/** rows×cols i.i.d. N(0, sd²), row-major. */
export function gauss(rng: Rng, rows: number, cols: number, sd = 1): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = sd * rng.normal();
  return out;
}

/** A Aᵀ for A (rows×cols, row-major) → rows×rows. */
export function aat(A: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    for (let j = i; j < rows; j++) {
      let s = 0;
      const ai = i * cols;
      const aj = j * cols;
      for (let k = 0; k < cols; k++) s += A[ai + k] * A[aj + k];
      out[i * rows + j] = s;
      out[j * rows + i] = s;
    }
  }
  return out;
}

/** A Bᵀ for A (a×k), B (b×k), row-major → a×b. */
export function abt(A: Float64Array, B: Float64Array, a: number, b: number, k: number): Float64Array {
  const out = new Float64Array(a * b);
  for (let i = 0; i < a; i++)
    for (let j = 0; j < b; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += A[i * k + l] * B[j * k + l];
      out[i * b + j] = s;
    }
  return out;
}

export function frobSq(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

/**
 * Eigenvalues (decreasing) of a small symmetric n×n matrix by cyclic Jacobi rotations.
 * Backward stable: each computed eigenvalue is within O(n·ε·‖S‖_2) of an exact one.
 * The input is not modified.
 */
export function symEigvals(S: ArrayLike<number>, n: number): Float64Array {
  const a = Float64Array.from(S);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const m = 0.5 * (a[i * n + j] + a[j * n + i]);
      a[i * n + j] = m;
      a[j * n + i] = m;
    }
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += a[i * n + i] ** 2;
      for (let j = i + 1; j < n; j++) off += a[i * n + j] ** 2;
    }
    if (off <= 1e-34 * diag || off === 0) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
      }
  }
  const ev = new Float64Array(n);
  for (let i = 0; i < n; i++) ev[i] = a[i * n + i];
  return ev.sort().reverse();
}

/** Singular values (decreasing, length min(rows, cols)) of a small matrix via the Gram matrix. */
export function singularValuesSmall(A: Float64Array, rows: number, cols: number): Float64Array {
  // Gram of the smaller side: eigenvalues are σ_i². Accuracy O(ε σ_1²) absolute on σ_i², enough
  // for events whose thresholds are not at the ε scale.
  const k = Math.min(rows, cols);
  const G = rows <= cols ? aat(A, rows, cols) : aat(transpose(A, rows, cols), cols, rows);
  const ev = symEigvals(G, k);
  return Float64Array.from(ev, (x) => Math.sqrt(Math.max(0, x)));
}

export function transpose(A: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = A[i * cols + j];
  return out;
}

/** Cholesky factor L (lower, row-major) of an SPD matrix; null if not numerically PD. */
export function cholesky(S: Float64Array, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = S[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j];
    }
  }
  return L;
}

/**
 * The nonzero eigenvalues of Λ = U1ᵀU1 − VᵀV = ZᵀJZ (Z = [V; U1], J = diag(−I_m, I_r)), computed from the
 * (m+r)×(m+r) matrix LᵀJL where ZZᵀ = LLᵀ (similar to J·ZZᵀ; Sylvester's law of inertia gives exactly
 * r positive and m negative ones when Z has full row rank). Returns c = λ_r(Λ) + λ_m(−Λ) and the two
 * terms. Null when ZZᵀ is not numerically PD (then use the h×h route).
 */
export function imbalanceLevel(V: Float64Array, U1: Float64Array, m: number, r: number, h: number): { c: number; lr: number; lm: number } | null {
  const k = m + r;
  const Z = new Float64Array(k * h);
  Z.set(V, 0);
  Z.set(U1, m * h);
  const L = cholesky(aat(Z, k, h), k);
  if (!L) return null;
  // M = Lᵀ J L, J = diag(−1 (m times), +1 (r times))
  const M = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++) {
      let s = 0;
      for (let l = Math.max(i, j); l < k; l++) s += (l < m ? -1 : 1) * L[l * k + i] * L[l * k + j];
      M[i * k + j] = s;
      M[j * k + i] = s;
    }
  const ev = symEigvals(M, k); // decreasing: r positive, then m negative
  const lr = ev[r - 1];
  const lm = -ev[r];
  return { c: Math.max(lr, 0) + Math.max(lm, 0), lr, lm };
}

/**
 * Decision rule for "the event has probability at least p0" from k successes in N i.i.d. draws:
 * - fail when the one-sided upper Clopper–Pearson bound (level conf) is below p0 (the data refute it);
 * - pass when the one-sided lower bound is at least p0 (the data support it);
 * - inconclusive otherwise (too few draws to resolve).
 * margin = (1 − p̂)/(1 − p0): the observed failure rate over the allowed one (≤ 1 on a pass, > 1 on a fail).
 */
export function probabilityAtLeast(k: number, N: number, p0: number, what: string, conf = 0.99, detail?: Record<string, unknown>): Outcome {
  const phat = k / N;
  const allowed = 1 - p0;
  const margin = allowed > 0 ? (1 - phat) / allowed : phat < 1 ? Infinity : 0;
  const lo = clopperPearsonLower(k, N, conf);
  const hi = clopperPearsonUpper(k, N, conf);
  const text = `${what}: ${k}/${N} (p̂ = ${fmt(phat)}, ${Math.round(conf * 100)}% CP [${fmt(lo)}, ${fmt(hi)}]) vs required ${fmt(p0)}`;
  const d = { ...detail, k, N, phat, cpLower: lo, cpUpper: hi, required: p0 };
  if (p0 <= 0) return pass(0, `${text} (vacuous: required probability ≤ 0)`, d);
  if (hi < p0) return fail(margin, text, d);
  if (lo >= p0) return pass(margin, text, d);
  return inconclusive(`${what}: ${N} draws cannot resolve probability ${fmt(p0)} (CP [${fmt(lo)}, ${fmt(hi)}])`, d, margin);
}

/** Integer grid helper: value = lo + k·step (keeps instances JSON-friendly and shrinkable). */
export const grid = (lo: number, step: number, k: number): number => Math.round((lo + step * k) * 1e12) / 1e12;
