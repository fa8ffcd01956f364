// The concrete data tensors M(x) of Yun et al. (2021) and the architectures they encode, plus the
// linear tensor network (6) f(x;Θ) = M(x)∘(v_1,…,v_L) as a gradient-flow model for both losses.
import { contractAll, contractEachMode, forEachIndex, tensorCombination, tensorZeros, type Tensor } from './tensor.js';

export type Arch =
  | { kind: 'diag'; d: number; L: number }
  | { kind: 'conv'; d: number; ks: number[] } // ks[L-1] = d
  | { kind: 'fc'; dims: number[] } // d_1 = d, …, d_L
  | { kind: 'synthetic'; d: number; S: number[][]; Us: number[][][] } // real Assumption-1 tensor
  | { kind: 'dense'; d: number; basis: Tensor[] }; // M(x) = Σ_k x_k T_k with arbitrary T_k

/** 1-based modulo of the paper (line 98): a mod d ∈ [d]. */
export const mod1 = (a: number, d: number): number => a - Math.floor((a - 1) / d) * d;

/** (3)/(11): [M_diag(x)]_{j…j} = x_j. */
export function mDiag(x: ArrayLike<number>, L: number): Tensor {
  const d = x.length;
  const T = tensorZeros(new Array(L).fill(d));
  let stride = 0;
  for (let l = 0, s = 1; l < L; l++, s *= d) stride += s;
  for (let j = 0; j < d; j++) T.data[j * stride] = x[j];
  return T;
}

/** (4)/(12): [M_conv(x)]_{j_1…j_L} = x_{(Σ j_l − L + 1) mod d} (1-based indices, 1-based mod). */
export function mConv(x: ArrayLike<number>, ks: number[], shift = 0): Tensor {
  const d = x.length;
  const L = ks.length;
  const T = tensorZeros(ks);
  forEachIndex(ks, (idx, lin) => {
    let s = 0;
    for (const i of idx) s += i + 1; // 1-based j_l
    T.data[lin] = x[mod1(s - L + 1 + shift, d) - 1];
  });
  return T;
}

/** App. B recursion: T_1 = x; T_l puts T_{l−1} in block (j) of mode l−1 (block size d_{l−1}) and slot j of mode l. */
export function mFc(x: ArrayLike<number>, dims: number[], blockOf: 'prev' | 'next' = 'prev'): Tensor {
  let T: Tensor = { shape: [dims[0]], data: Float64Array.from(x as ArrayLike<number>) };
  for (let l = 2; l <= dims.length; l++) {
    const dPrev = dims[l - 2];
    const dl = dims[l - 1];
    const block = blockOf === 'prev' ? dPrev : dl; // 'next' is the wrong block size (falsifier)
    const shape = T.shape.slice(0, -1).concat([dPrev * dl, dl]);
    const N = tensorZeros(shape);
    const nst = stridesOf(shape);
    forEachIndex(T.shape, (idx, lin) => {
      const a = T.data[lin];
      if (a === 0) return;
      for (let j = 0; j < dl; j++) {
        const pos = block * j + idx[idx.length - 1];
        if (pos >= dPrev * dl) continue;
        let k = 0;
        for (let m = 0; m < idx.length - 1; m++) k += idx[m] * nst[m];
        k += pos * nst[idx.length - 1] + j * nst[idx.length];
        N.data[k] = a;
      }
    });
    T = N;
  }
  return T;
}

function stridesOf(shape: number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let l = shape.length - 1; l >= 0; l--) {
    s[l] = acc;
    acc *= shape[l];
  }
  return s;
}

/** Real Assumption-1 tensor (9): M(x) = Σ_j [Sx]_j U_1[:,j] ⊗ … ⊗ U_L[:,j]. */
export function mSynthetic(x: ArrayLike<number>, S: number[][], Us: number[][][]): Tensor {
  const m = S.length;
  const ks = Us.map((U) => U.length);
  const T = tensorZeros(ks);
  for (let j = 0; j < m; j++) {
    let sx = 0;
    for (let k = 0; k < x.length; k++) sx += S[j][k] * x[k];
    if (sx === 0) continue;
    forEachIndex(ks, (idx, lin) => {
      let p = sx;
      for (let l = 0; l < Us.length; l++) p *= Us[l][idx[l]][j];
      T.data[lin] += p;
    });
  }
  return T;
}

export function archShape(a: Arch): number[] {
  switch (a.kind) {
    case 'diag':
      return new Array(a.L).fill(a.d);
    case 'conv':
      return a.ks.slice();
    case 'fc':
      return a.dims.map((dl, l) => (l < a.dims.length - 1 ? dl * a.dims[l + 1] : dl));
    case 'synthetic':
      return a.Us.map((U) => U.length);
    case 'dense':
      return a.basis[0].shape.slice();
  }
}

export function archDim(a: Arch): number {
  return a.kind === 'fc' ? a.dims[0] : a.d;
}

export function dataTensor(a: Arch, x: ArrayLike<number>): Tensor {
  switch (a.kind) {
    case 'diag':
      return mDiag(x, a.L);
    case 'conv':
      return mConv(x, a.ks);
    case 'fc':
      return mFc(x, a.dims);
    case 'synthetic':
      return mSynthetic(x, a.S, a.Us);
    case 'dense':
      return tensorCombination(a.basis, x);
  }
}

/** Splits the flat parameter vector Θ into the layer vectors v_l (views). */
export function splitParams(shape: number[], theta: Float64Array): Float64Array[] {
  const out: Float64Array[] = [];
  let o = 0;
  for (const k of shape) {
    out.push(theta.subarray(o, o + k));
    o += k;
  }
  return out;
}

// ---------- the direct architectures (not through tensors) ----------

/** (3): f_diag = (x ⊙ w_1 ⊙ … ⊙ w_{L−1})ᵀ w_L. */
export function fDiagDirect(x: ArrayLike<number>, ws: ArrayLike<number>[]): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) {
    let p = x[j];
    for (const w of ws) p *= w[j];
    s += p;
  }
  return s;
}

/** Circular cross-correlation [a ⋆ b]_i = Σ_{j=1}^k a_{(i+j−1) mod d} b_j (1-based), here 0-based. */
export function circCorr(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const d = a.length;
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < b.length; j++) s += a[(i + j) % d] * b[j];
    out[i] = s;
  }
  return out;
}

/** (4): f_conv = ((x ⋆ w_1) ⋆ … ⋆ w_{L−1})ᵀ w_L. */
export function fConvDirect(x: ArrayLike<number>, ws: ArrayLike<number>[]): number {
  let h: ArrayLike<number> = x;
  for (let l = 0; l < ws.length - 1; l++) h = circCorr(h, ws[l]);
  const wL = ws[ws.length - 1];
  let s = 0;
  for (let i = 0; i < h.length; i++) s += h[i] * wL[i];
  return s;
}

/** (5): f_fc = xᵀ W_1 ⋯ W_{L−1} w_L with W_l given column-major as vec(W_l) (d_l × d_{l+1}). */
export function fFcDirect(x: ArrayLike<number>, dims: number[], vs: ArrayLike<number>[]): number {
  let h = Float64Array.from(x as ArrayLike<number>);
  for (let l = 0; l < dims.length - 1; l++) {
    const dl = dims[l];
    const dn = dims[l + 1];
    const W = vs[l];
    const nh = new Float64Array(dn);
    for (let c = 0; c < dn; c++) {
      let s = 0;
      for (let r = 0; r < dl; r++) s += h[r] * W[r + dl * c];
      nh[c] = s;
    }
    h = nh;
  }
  const wL = vs[vs.length - 1];
  let s = 0;
  for (let i = 0; i < h.length; i++) s += h[i] * wL[i];
  return s;
}

export function fDirect(a: Arch, x: ArrayLike<number>, vs: ArrayLike<number>[]): number {
  switch (a.kind) {
    case 'diag':
      return fDiagDirect(x, vs);
    case 'conv':
      return fConvDirect(x, vs);
    case 'fc':
      return fFcDirect(x, a.dims, vs);
    default:
      return contractAll(dataTensor(a, x), vs);
  }
}

// ---------- the linear tensor network (6) and its gradient flow ----------

export type LossKind = 'sq' | 'exp';

export interface TensorNet {
  arch: Arch;
  shape: number[];
  L: number;
  dim: number;
  n: number;
  d: number;
  X: number[][];
  y: number[];
  loss: LossKind;
  /** M(x_i) for every data point. */
  Ms: Tensor[];
  /** M(e_k) for every coordinate (for β). */
  basis: Tensor[];
}

export function makeNet(arch: Arch, X: number[][], y: number[], loss: LossKind): TensorNet {
  const shape = archShape(arch);
  const d = archDim(arch);
  const basis: Tensor[] = [];
  for (let k = 0; k < d; k++) {
    const e = new Float64Array(d);
    e[k] = 1;
    basis.push(dataTensor(arch, e));
  }
  return {
    arch,
    shape,
    L: shape.length,
    dim: shape.reduce((a, b) => a + b, 0),
    n: X.length,
    d,
    X,
    y,
    loss,
    Ms: X.map((x) => dataTensor(arch, x)),
    basis,
  };
}

export function outputs(net: TensorNet, theta: Float64Array): Float64Array {
  const vs = splitParams(net.shape, theta);
  return Float64Array.from(net.Ms.map((M) => contractAll(M, vs)));
}

/** β(Θ) with [β]_k = M(e_k)∘(v_1,…,v_L). */
export function betaOf(net: TensorNet, theta: Float64Array): Float64Array {
  const vs = splitParams(net.shape, theta);
  return Float64Array.from(net.basis.map((M) => contractAll(M, vs)));
}

/** Residual (7): r_i = f_i − y_i (squared loss), r_i = −y_i exp(−y_i f_i) (exponential loss). */
export function residual(net: TensorNet, f: ArrayLike<number>): Float64Array {
  const r = new Float64Array(net.n);
  for (let i = 0; i < net.n; i++) r[i] = net.loss === 'sq' ? f[i] - net.y[i] : -net.y[i] * Math.exp(-net.y[i] * f[i]);
  return r;
}

export function lossOf(net: TensorNet, theta: Float64Array): number {
  const f = outputs(net, theta);
  let s = 0;
  for (let i = 0; i < net.n; i++) s += net.loss === 'sq' ? 0.5 * (f[i] - net.y[i]) ** 2 : Math.exp(-net.y[i] * f[i]);
  return s;
}

/** −Xᵀr ∈ R^d. */
export function minusXtr(net: TensorNet, r: ArrayLike<number>): Float64Array {
  const g = new Float64Array(net.d);
  for (let i = 0; i < net.n; i++) for (let k = 0; k < net.d; k++) g[k] -= net.X[i][k] * r[i];
  return g;
}

/**
 * The gradient flow of (6), lines 214–222: v_l' = M(−Xᵀr)∘(v_1,…,I,…,v_L). Writes Θ' into `out`
 * (the negative gradient). M is linear, so M(−Xᵀr) = Σ_i (−r_i) M(x_i).
 */
export function flowRhs(net: TensorNet, theta: Float64Array, out: Float64Array, signFlip = 1): Float64Array {
  const f = outputs(net, theta);
  const r = residual(net, f);
  const Mg = tensorCombination(net.Ms, Array.from(r, (ri) => -signFlip * ri));
  return stackParts(contractEachMode(Mg, splitParams(net.shape, theta)), out);
}

/** Writes the per-layer parts (v_1, …, v_L blocks) one after another into `out`: the layout of Θ. */
export function stackParts(parts: Float64Array[], out: Float64Array): Float64Array {
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * The normalised flow of the exponential loss, a positive time change of GF (same orbit):
 * dΘ/dτ = −∇L/(L ‖Θ‖^{L−1}) = M(Σ_i w_i y_i x_i)∘(…)/‖Θ‖^{L−1}, w = softmax(−y⊙f).
 */
export function normalizedRhs(net: TensorNet, theta: Float64Array, out: Float64Array): Float64Array {
  const f = outputs(net, theta);
  let mmin = Infinity;
  const m = new Float64Array(net.n);
  for (let i = 0; i < net.n; i++) {
    m[i] = net.y[i] * f[i];
    mmin = Math.min(mmin, m[i]);
  }
  let Z = 0;
  const w = new Float64Array(net.n);
  for (let i = 0; i < net.n; i++) {
    w[i] = Math.exp(-(m[i] - mmin));
    Z += w[i];
  }
  const c = Array.from(w, (wi, i) => (wi / Z) * net.y[i]);
  const Mg = tensorCombination(net.Ms, c);
  const parts = contractEachMode(Mg, splitParams(net.shape, theta));
  let nrm = 0;
  for (let i = 0; i < theta.length; i++) nrm += theta[i] * theta[i];
  const scale = Math.pow(Math.sqrt(nrm), -(net.L - 1));
  let o = 0;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) out[o + i] = p[i] * scale;
    o += p.length;
  }
  return out;
}

/** log L computed stably for the exponential loss. */
export function logExpLoss(net: TensorNet, theta: Float64Array): number {
  const f = outputs(net, theta);
  const m = Array.from(f, (fi, i) => -net.y[i] * fi);
  const mx = Math.max(...m);
  return mx + Math.log(m.reduce((s, v) => s + Math.exp(v - mx), 0));
}
