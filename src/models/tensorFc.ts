// Direct (matrix-form) gradient flow of deep fully connected linear networks f = xᵀW_1⋯W_{L−1}w_L,
// and of deep matrix sensing (13), for long runs where the dense data tensor would be slow.
// Parameters are flat: vec(W_1) (column-major), …, vec(W_{L−1}), w_L.

export type Mat = number[][];

export function matFromVecCM(v: ArrayLike<number>, r: number, c: number, off = 0): Mat {
  return Array.from({ length: r }, (_, a) => Array.from({ length: c }, (_, b) => v[off + a + r * b]));
}
const mul = (A: Mat, B: Mat): Mat => A.map((row) => B[0].map((_, j) => row.reduce((s, a, k) => s + a * B[k][j], 0)));
const tr = (A: Mat): Mat => A[0].map((_, j) => A.map((r) => r[j]));
const eye = (n: number): Mat => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/** Layer matrices of an FC network (w_L as a d_L × 1 matrix). */
export function fcLayers(dims: number[], theta: ArrayLike<number>): Mat[] {
  const Ws: Mat[] = [];
  let o = 0;
  for (let l = 0; l < dims.length - 1; l++) {
    Ws.push(matFromVecCM(theta, dims[l], dims[l + 1], o));
    o += dims[l] * dims[l + 1];
  }
  Ws.push(Array.from({ length: dims[dims.length - 1] }, (_, i) => [theta[o + i]]));
  return Ws;
}

/** β = W_1⋯W_{L−1}w_L. */
export function fcBeta(dims: number[], theta: ArrayLike<number>): number[] {
  const Ws = fcLayers(dims, theta);
  return Ws.reduce((P, W) => mul(P, W)).map((r) => r[0]);
}

/** Θ' = −∇L for the squared loss ½Σ(xᵢᵀβ − yᵢ)²: ∇_{W_l} = (W_1⋯W_{l−1})ᵀ Xᵀr (W_{l+1}⋯W_L)ᵀ. */
export function fcRhs(dims: number[], X: number[][], y: number[], theta: ArrayLike<number>, out: Float64Array): void {
  const Ws = fcLayers(dims, theta);
  const L = Ws.length;
  const beta = Ws.reduce((P, W) => mul(P, W)).map((r) => r[0]);
  const r = X.map((x, i) => x.reduce((s, v, k) => s + v * beta[k], 0) - y[i]);
  const g = X[0].map((_, k) => X.reduce((s, x, i) => s + x[k] * r[i], 0)); // Xᵀr
  const pre: Mat[] = [eye(dims[0])];
  for (let l = 0; l < L - 1; l++) pre.push(mul(pre[l], Ws[l]));
  const suf: Mat[] = new Array(L + 1);
  suf[L] = [[1]];
  for (let l = L - 1; l >= 0; l--) suf[l] = mul(Ws[l], suf[l + 1]);
  let o = 0;
  for (let l = 0; l < L; l++) {
    const left = tr(pre[l]).map((row) => row.reduce((s, a, k) => s + a * g[k], 0)); // (W_1⋯W_{l−1})ᵀ Xᵀr
    const right = suf[l + 1].map((row) => row[0]); // W_{l+1}⋯w_L
    const rows = Ws[l].length;
    const cols = Ws[l][0].length;
    for (let b = 0; b < cols; b++) for (let a = 0; a < rows; a++) out[o + a + rows * b] = -left[a] * right[b];
    o += rows * cols;
  }
}

export function fcLoss(dims: number[], X: number[][], y: number[], theta: ArrayLike<number>): number {
  const beta = fcBeta(dims, theta);
  return X.reduce((s, x, i) => s + 0.5 * (x.reduce((t, v, k) => t + v * beta[k], 0) - y[i]) ** 2, 0);
}

/** Deep matrix sensing (13) with ½Σ: W_l ∈ R^{d×d}, P = W_1⋯W_L, ∇_{W_l} = (W_1⋯W_{l−1})ᵀ G (W_{l+1}⋯W_L)ᵀ. */
export function sensingRhs(d: number, L: number, As: Mat[], y: number[], theta: ArrayLike<number>, out: Float64Array): number {
  const Ws = Array.from({ length: L }, (_, l) => matFromVecCM(theta, d, d, l * d * d));
  const P = Ws.reduce((A, B) => mul(A, B));
  const r = As.map((A, i) => A.reduce((s, row, a) => s + row.reduce((t, v, b) => t + v * P[a][b], 0), 0) - y[i]);
  const G = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => As.reduce((s, A, i) => s + r[i] * A[a][b], 0)));
  const pre: Mat[] = [eye(d)];
  for (let l = 0; l < L - 1; l++) pre.push(mul(pre[l], Ws[l]));
  const suf: Mat[] = new Array(L + 1);
  suf[L] = eye(d);
  for (let l = L - 1; l >= 0; l--) suf[l] = mul(Ws[l], suf[l + 1]);
  for (let l = 0; l < L; l++) {
    const Gl = mul(mul(tr(pre[l]), G), tr(suf[l + 1]));
    for (let b = 0; b < d; b++) for (let a = 0; a < d; a++) out[l * d * d + a + d * b] = -Gl[a][b];
  }
  return 0.5 * r.reduce((s, v) => s + v * v, 0);
}

export function sensingProduct(d: number, L: number, theta: ArrayLike<number>): Mat {
  return Array.from({ length: L }, (_, l) => matFromVecCM(theta, d, d, l * d * d)).reduce((A, B) => mul(A, B));
}
