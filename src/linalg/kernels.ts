// Dense vector kernels on Float64Array. Plain indexed loops, no allocation unless a function
// returns a fresh array (those take an optional `out` to reuse a buffer in hot loops).

/** Σ aᵢ bᵢ over the common length. */
export function dot(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

/** Euclidean norm ‖a‖₂, scaled to avoid overflow/underflow for extreme entries. */
export function norm2(a: Float64Array): number {
  const n = a.length;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(a[i]);
    if (v > m || v !== v) m = v; // NaN propagates
  }
  if (m === 0 || !Number.isFinite(m)) return m;
  // Fast path for ordinary magnitudes: no rescaling needed.
  if (m > 1e-150 && m < 1e150) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i] * a[i];
    return Math.sqrt(s);
  }
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i] / m;
    s += v * v;
  }
  return m * Math.sqrt(s);
}

/** Max-norm ‖a‖∞ (NaN if any entry is NaN). */
export function normInf(a: Float64Array): number {
  const n = a.length;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(a[i]);
    if (v > m || v !== v) m = v;
    if (m !== m) return NaN;
  }
  return m;
}

/** y ← y + αx (in place); returns y. */
export function axpy(alpha: number, x: Float64Array, y: Float64Array): Float64Array {
  const n = y.length;
  for (let i = 0; i < n; i++) y[i] += alpha * x[i];
  return y;
}

/** s·a into `out` (a fresh array by default; pass `a` itself to scale in place). */
export function scale(a: Float64Array, s: number, out: Float64Array = new Float64Array(a.length)): Float64Array {
  const n = a.length;
  for (let i = 0; i < n; i++) out[i] = s * a[i];
  return out;
}

/** a − b into `out` (fresh by default). */
export function sub(a: Float64Array, b: Float64Array, out: Float64Array = new Float64Array(a.length)): Float64Array {
  const n = a.length;
  for (let i = 0; i < n; i++) out[i] = a[i] - b[i];
  return out;
}

/** a + b into `out` (fresh by default). */
export function add(a: Float64Array, b: Float64Array, out: Float64Array = new Float64Array(a.length)): Float64Array {
  const n = a.length;
  for (let i = 0; i < n; i++) out[i] = a[i] + b[i];
  return out;
}

/** Euclidean distance ‖a − b‖₂. */
export function dist2(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i] - b[i];
    s += d * d;
  }
  return Math.sqrt(s);
}

/** Copy `src` into `dst` (fresh by default); returns dst. */
export function copy(src: Float64Array, dst: Float64Array = new Float64Array(src.length)): Float64Array {
  dst.set(src);
  return dst;
}

/** True when every entry is finite. */
export function allFinite(a: Float64Array): boolean {
  const n = a.length;
  for (let i = 0; i < n; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
