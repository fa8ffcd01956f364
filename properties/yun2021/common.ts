// Shared helpers for the Yun et al. (2021) claims: seeded data, compact SVDs, the DFT as (Re, Im)
// pairs, initialisations and a gradient-flow driver on the tensor network of src/models/tensorNets.
import { Matrix } from 'ml-matrix';
import { Rng } from '../../src/random/rng.js';
import { randomOrthonormalColumns, svdFull, symEig } from '../../src/linalg/index.js';
import { integrateOde, type OdeResult } from '../../src/flow/index.js';
import { flowRhs, lossOf, makeNet, type Arch, type LossKind, type TensorNet } from '../../src/models/tensorNets.js';

export const PAPER = 'yun2021';

export function gaussVec(rng: Rng, n: number, sd = 1): number[] {
  return Array.from(rng.normals(n, sd));
}
export function gaussMat(rng: Rng, r: number, c: number, sd = 1): number[][] {
  return Array.from({ length: r }, () => gaussVec(rng, c, sd));
}
/** Entries uniform in ±[lo, hi] (bounded away from 0). */
export function awayFromZero(rng: Rng, n: number, lo = 0.5, hi = 1.5): number[] {
  return Array.from({ length: n }, () => rng.sign() * rng.range(lo, hi));
}
export function toRows(M: Matrix): number[][] {
  return M.to2DArray();
}
export function orthCols(rng: Rng, k: number, m: number): number[][] {
  return toRows(randomOrthonormalColumns(rng, k, m));
}

/** Compact SVD M = U1 diag(s) U2ᵀ of a real k1×k2 matrix (rows), s > rtol·s_max. */
export function compactSvd(M: number[][], rtol = 1e-10): { U1: number[][]; s: number[]; U2: number[][] } {
  const k1 = M.length;
  const k2 = M[0].length;
  const f = svdFull(new Matrix(M), rtol);
  const r = f.rank;
  const U1 = Array.from({ length: k1 }, (_, i) => Array.from({ length: r }, (_, j) => f.U.get(i, j)));
  const U2 = Array.from({ length: k2 }, (_, i) => Array.from({ length: r }, (_, j) => f.V.get(i, j)));
  return { U1, s: Array.from(f.s.slice(0, r)), U2 };
}

export function lambdaMinSym(S: number[][]): number {
  const v = symEig(new Matrix(S)).values;
  return v[v.length - 1];
}
export function lambdaMaxSym(S: number[][]): number {
  return symEig(new Matrix(S)).values[0];
}

/** The unitary DFT [F]_{jk} = d^{-1/2} exp(−2πi (j−1)(k−1)/d), as (Re, Im). */
export function dft(d: number): { re: number[][]; im: number[][] } {
  const re = Array.from({ length: d }, (_, j) => Array.from({ length: d }, (_, k) => Math.cos((2 * Math.PI * j * k) / d) / Math.sqrt(d)));
  const im = Array.from({ length: d }, (_, j) => Array.from({ length: d }, (_, k) => -Math.sin((2 * Math.PI * j * k) / d) / Math.sqrt(d)));
  return { re, im };
}
/** (Re, Im) of F v for real v. */
export function dftApply(d: number, v: ArrayLike<number>): { re: number[]; im: number[] } {
  const F = dft(d);
  return {
    re: F.re.map((r) => r.reduce((s, a, k) => s + a * v[k], 0)),
    im: F.im.map((r) => r.reduce((s, a, k) => s + a * v[k], 0)),
  };
}

export function flatten(vs: ArrayLike<number>[]): Float64Array {
  const n = vs.reduce((s, v) => s + v.length, 0);
  const out = new Float64Array(n);
  let o = 0;
  for (const v of vs) {
    out.set(v as ArrayLike<number>, o);
    o += v.length;
  }
  return out;
}

export interface GFRun {
  res: OdeResult;
  converged: boolean;
  net: TensorNet;
}

/**
 * Gradient flow of the network from θ0 until the loss drops below `lossStop` (regression) or tMax.
 * dopri5 at rtol 1e-10 / atol 1e-13: the global error after N accepted steps is ≲ N·rtol·‖θ‖, which is
 * ≤ 1e-7 for the ≤ 1e3 steps these runs take (measured below 1e-9 against closed forms).
 */
export function runGF(
  net: TensorNet,
  theta0: Float64Array,
  opts: { lossStop?: number; tMax?: number; tEval?: number[]; wallSeconds?: number; rtol?: number; atol?: number; augment?: never } = {},
): GFRun {
  const lossStop = opts.lossStop ?? 1e-20;
  const res = integrateOde((_t, y, o) => flowRhs(net, y, o), theta0, {
    tMax: opts.tMax ?? 1e6,
    tEval: opts.tEval,
    stop: net.loss === 'sq' ? (_t, y) => lossOf(net, y) < lossStop : undefined,
    rtol: opts.rtol ?? 1e-10,
    atol: opts.atol ?? 1e-13,
    wallSeconds: opts.wallSeconds ?? 20,
    maxSteps: 400_000,
    divergeNorm: 1e8,
  });
  return { res, converged: res.status === 'stopped' || (net.loss === 'exp' && res.status === 'done'), net };
}

export { makeNet, lossOf, Rng };
export type { Arch, LossKind, TensorNet };

/** Random architecture from structural choices. */
export function archFrom(kind: 'diag' | 'conv' | 'fc' | 'dense', d: number, L: number, rng: Rng): Arch {
  switch (kind) {
    case 'diag':
      return { kind: 'diag', d, L };
    case 'conv': {
      const ks = Array.from({ length: L }, (_, l) => (l === L - 1 ? d : rng.int(1, d)));
      return { kind: 'conv', d, ks };
    }
    case 'fc': {
      const dims = Array.from({ length: L }, (_, l) => (l === 0 ? d : rng.int(1, 3)));
      return { kind: 'fc', dims };
    }
    case 'dense': {
      const ks = Array.from({ length: L }, () => rng.int(1, 3));
      const basis = Array.from({ length: d }, () => {
        const size = ks.reduce((a, b) => a * b, 1);
        return { shape: ks.slice(), data: rng.normals(size) };
      });
      return { kind: 'dense', d, basis };
    }
  }
}

/** Separable labels y_i = sign(x_iᵀ w*), re-drawn if all equal. */
export function separableLabels(rng: Rng, X: number[][]): number[] {
  for (let k = 0; k < 50; k++) {
    const w = gaussVec(rng, X[0].length);
    const y = X.map((x) => (x.reduce((s, v, j) => s + v * w[j], 0) >= 0 ? 1 : -1));
    if (X.length === 1 || y.some((v) => v !== y[0])) return y;
  }
  return X.map((_, i) => (i % 2 === 0 ? 1 : -1));
}

export function relDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    s = Math.max(s, Math.abs(a[i] - b[i]));
    nb = Math.max(nb, Math.abs(b[i]));
  }
  return s / Math.max(1, nb);
}
