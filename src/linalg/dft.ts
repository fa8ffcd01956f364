// The unitary DFT matrix F (F_{jk} = e^{−2πi jk/n}/√n), split into real and imaginary parts.
// Circular convolution diagonalizes in this basis: F(a ⊛ b) = √n (Fa) ⊙ (Fb).
import { Matrix } from 'ml-matrix';

export interface ComplexMatrix {
  re: Matrix;
  im: Matrix;
}

export function dftMatrix(n: number): ComplexMatrix {
  const re = new Matrix(n, n);
  const im = new Matrix(n, n);
  const c = 1 / Math.sqrt(n);
  for (let j = 0; j < n; j++)
    for (let k = 0; k < n; k++) {
      const ang = (-2 * Math.PI * ((j * k) % n)) / n; // reduce jk mod n for accuracy
      re.set(j, k, c * Math.cos(ang));
      im.set(j, k, c * Math.sin(ang));
    }
  return { re, im };
}

/** Unitary DFT of a real vector: (re, im) of F x. */
export function dftReal(x: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = x.length;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const c = 1 / Math.sqrt(n);
  for (let j = 0; j < n; j++) {
    let sr = 0;
    let si = 0;
    for (let k = 0; k < n; k++) {
      const ang = (-2 * Math.PI * ((j * k) % n)) / n;
      sr += x[k] * Math.cos(ang);
      si += x[k] * Math.sin(ang);
    }
    re[j] = c * sr;
    im[j] = c * si;
  }
  return { re, im };
}

/** Circular convolution (a ⊛ b)_i = Σ_k a_k b_{(i−k) mod n}. */
export function circularConvolve(a: Float64Array, b: Float64Array, out: Float64Array = new Float64Array(a.length)): Float64Array {
  const n = a.length;
  if (b.length !== n) throw new Error('circularConvolve: length mismatch');
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < n; k++) {
      const idx = i - k;
      s += a[k] * b[idx < 0 ? idx + n : idx];
    }
    out[i] = s;
  }
  return out;
}
