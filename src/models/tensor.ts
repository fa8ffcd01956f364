// Dense real tensors and the multilinear product of Yun, Krishnan & Mobahi (2021), §2 and §3.
//
// A tensor A ∈ R^{k_1×…×k_L} is stored row-major (the last mode varies fastest). The multilinear
// product A∘(C_1, …, C_L) with C_l ∈ R^{k_l×p_l} is (lines 100–105 of the seed)
//   [A∘(C_1,…,C_L)]_{i_1…i_L} = Σ_{j_1…j_L} A_{j_1…j_L} Π_l [C_l]_{j_l i_l}.
// A vector v_l (p_l = 1) contracts mode l; the identity leaves mode l free.

export interface Tensor {
  shape: number[];
  data: Float64Array;
}

export function tensorZeros(shape: number[]): Tensor {
  return { shape: shape.slice(), data: new Float64Array(shape.reduce((a, b) => a * b, 1)) };
}

export function strides(shape: number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let l = shape.length - 1; l >= 0; l--) {
    s[l] = acc;
    acc *= shape[l];
  }
  return s;
}

export function tensorIndex(shape: number[], idx: number[]): number {
  const st = strides(shape);
  let k = 0;
  for (let l = 0; l < shape.length; l++) k += idx[l] * st[l];
  return k;
}

/** Calls fn(multiIndex, linearIndex) for every entry, in storage order. */
export function forEachIndex(shape: number[], fn: (idx: number[], lin: number) => void): void {
  const L = shape.length;
  const total = shape.reduce((a, b) => a * b, 1);
  const idx = new Array<number>(L).fill(0);
  for (let lin = 0; lin < total; lin++) {
    fn(idx, lin);
    for (let l = L - 1; l >= 0; l--) {
      idx[l]++;
      if (idx[l] < shape[l]) break;
      idx[l] = 0;
    }
  }
}

/** Σ_k c_k T_k for tensors of a common shape. */
export function tensorCombination(ts: Tensor[], c: ArrayLike<number>): Tensor {
  const out = tensorZeros(ts[0].shape);
  for (let k = 0; k < ts.length; k++) {
    const ck = c[k];
    if (ck === 0) continue;
    const d = ts[k].data;
    for (let i = 0; i < d.length; i++) out.data[i] += ck * d[i];
  }
  return out;
}

/** Mode-l product with a matrix C (k_l × p, given as rows C[j][i]): mode l of size k_l becomes p. */
export function modeProduct(A: Tensor, l: number, C: number[][]): Tensor {
  const kl = A.shape[l];
  if (C.length !== kl) throw new Error(`mode ${l}: matrix has ${C.length} rows, tensor mode has ${kl}`);
  const p = C[0]?.length ?? 0;
  const shape = A.shape.slice();
  shape[l] = p;
  const out = tensorZeros(shape);
  const ost = strides(shape);
  forEachIndex(A.shape, (idx, lin) => {
    const a = A.data[lin];
    if (a === 0) return;
    let base = 0;
    for (let m = 0; m < idx.length; m++) if (m !== l) base += idx[m] * ost[m];
    const row = C[idx[l]];
    for (let i = 0; i < p; i++) out.data[base + i * ost[l]] += a * row[i];
  });
  return out;
}

/** The general multilinear product A∘(C_1,…,C_L); `null` stands for the identity. */
export function multilinear(A: Tensor, Cs: (number[][] | null)[]): Tensor {
  let T = A;
  for (let l = 0; l < Cs.length; l++) {
    const C = Cs[l];
    if (C) T = modeProduct(T, l, C);
  }
  return T;
}

/** A∘(v_1,…,v_L): the full contraction (a scalar). */
export function contractAll(A: Tensor, vs: ArrayLike<number>[]): number {
  const L = A.shape.length;
  let s = 0;
  forEachIndex(A.shape, (idx, lin) => {
    const a = A.data[lin];
    if (a === 0) return;
    let p = a;
    for (let m = 0; m < L; m++) p *= vs[m][idx[m]];
    s += p;
  });
  return s;
}

/** A∘(v_1,…,v_{l−1}, I, v_{l+1},…,v_L) ∈ R^{k_l}. */
export function contractAllBut(A: Tensor, vs: ArrayLike<number>[], l: number): Float64Array {
  const L = A.shape.length;
  const out = new Float64Array(A.shape[l]);
  forEachIndex(A.shape, (idx, lin) => {
    const a = A.data[lin];
    if (a === 0) return;
    let p = a;
    for (let m = 0; m < L; m++) if (m !== l) p *= vs[m][idx[m]];
    out[idx[l]] += p;
  });
  return out;
}

/** All L partial contractions at once: out[l] = A∘(…, I at l, …). One pass over A. */
export function contractEachMode(A: Tensor, vs: ArrayLike<number>[]): Float64Array[] {
  const L = A.shape.length;
  const outs = A.shape.map((k) => new Float64Array(k));
  const pre = new Float64Array(L + 1);
  const suf = new Float64Array(L + 1);
  forEachIndex(A.shape, (idx, lin) => {
    const a = A.data[lin];
    if (a === 0) return;
    pre[0] = 1;
    for (let m = 0; m < L; m++) pre[m + 1] = pre[m] * vs[m][idx[m]];
    suf[L] = 1;
    for (let m = L - 1; m >= 0; m--) suf[m] = suf[m + 1] * vs[m][idx[m]];
    for (let m = 0; m < L; m++) outs[m][idx[m]] += a * pre[m] * suf[m + 1];
  });
  return outs;
}

/** Outer product u_1 ⊗ … ⊗ u_L (real). */
export function outer(us: ArrayLike<number>[]): Tensor {
  const T = tensorZeros(us.map((u) => u.length));
  forEachIndex(T.shape, (idx, lin) => {
    let p = 1;
    for (let m = 0; m < us.length; m++) p *= us[m][idx[m]];
    T.data[lin] = p;
  });
  return T;
}

export function tensorMaxAbsDiff(A: Tensor, B: Tensor): number {
  if (A.shape.join('x') !== B.shape.join('x')) return Number.POSITIVE_INFINITY;
  let m = 0;
  for (let i = 0; i < A.data.length; i++) m = Math.max(m, Math.abs(A.data[i] - B.data[i]));
  return m;
}

export function tensorMaxAbs(A: Tensor): number {
  let m = 0;
  for (let i = 0; i < A.data.length; i++) m = Math.max(m, Math.abs(A.data[i]));
  return m;
}

/** Mode-l unfolding: a k_l × (Π_{m≠l} k_m) matrix as rows. */
export function unfold(A: Tensor, l: number): number[][] {
  const kl = A.shape[l];
  const cols = A.data.length / kl;
  const rows = Array.from({ length: kl }, () => new Array<number>(cols).fill(0));
  const counters = new Array<number>(kl).fill(0);
  forEachIndex(A.shape, (idx, lin) => {
    rows[idx[l]][counters[idx[l]]++] = A.data[lin];
  });
  return rows;
}
