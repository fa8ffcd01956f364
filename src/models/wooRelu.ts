// A tiny bias-free fully-connected ReLU network for the 2-D synthetic experiment of Woodworth et al. 2020
// (Fig. 6(a, b), App. A): input R², D weight layers (D−1 hidden ReLU layers of width m), scalar output.
//   f(w; x) = W_D σ(W_{D−1} … σ(W_1 x)),  σ = ReLU.  Being bias-free, f(αw; x) = α^D f(w; x).
// Parameters are flat: [W_1 (m×2); W_2 (m×m); …; W_D (1×m)], row-major.
// Training: gradient descent on ½Σ_n (f(x_n) − y_n)² with the step renormalized by the current
// tangent-kernel spectrum (η_t = c/λ_max(K_t), recomputed periodically) — a time-rescaled gradient
// flow, the analogue of the paper's per-α tuned learning rate.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { Rng } from '../random/rng.js';

export interface ReluNet {
  D: number;
  m: number;
  dim: number;
  forward(w: Float64Array, x: ArrayLike<number>): number;
  /** ∇_w f(w; x) (the tangent feature map). */
  gradF(w: Float64Array, x: ArrayLike<number>): Float64Array;
}

export function reluNet(D: number, m: number): ReluNet {
  const shapes: [number, number][] = [];
  for (let l = 0; l < D; l++) shapes.push([l === D - 1 ? 1 : m, l === 0 ? 2 : m]);
  const offs: number[] = [];
  let dim = 0;
  for (const [r, c] of shapes) {
    offs.push(dim);
    dim += r * c;
  }
  const forwardAll = (w: Float64Array, x: ArrayLike<number>) => {
    const acts: Float64Array[] = [Float64Array.from(x)];
    const pre: Float64Array[] = [];
    for (let l = 0; l < D; l++) {
      const [r, c] = shapes[l];
      const a = acts[l];
      const z = new Float64Array(r);
      for (let i = 0; i < r; i++) {
        let s = 0;
        for (let j = 0; j < c; j++) s += w[offs[l] + i * c + j] * a[j];
        z[i] = s;
      }
      pre.push(z);
      acts.push(l === D - 1 ? z : z.map((v) => (v > 0 ? v : 0)));
    }
    return { acts, pre };
  };
  return {
    D,
    m,
    dim,
    forward(w, x) {
      const { acts } = forwardAll(w, x);
      return acts[D][0];
    },
    gradF(w, x) {
      const { acts, pre } = forwardAll(w, x);
      const g = new Float64Array(dim);
      let delta = new Float64Array([1]); // ∂f/∂z_D
      for (let l = D - 1; l >= 0; l--) {
        const [r, c] = shapes[l];
        const a = acts[l];
        for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) g[offs[l] + i * c + j] = delta[i] * a[j];
        if (l > 0) {
          const nd = new Float64Array(c);
          for (let j = 0; j < c; j++) {
            let s = 0;
            for (let i = 0; i < r; i++) s += w[offs[l] + i * c + j] * delta[i];
            nd[j] = pre[l - 1][j] > 0 ? s : 0;
          }
          delta = nd;
        }
      }
      return g;
    },
  };
}

/** He-uniform initialization scaled by α: entries U(−√(6/fan_in), √(6/fan_in))·α. */
export function heUniform(net: ReluNet, rng: Rng, alpha: number): Float64Array {
  const w = new Float64Array(net.dim);
  let o = 0;
  for (let l = 0; l < net.D; l++) {
    const fanIn = l === 0 ? 2 : net.m;
    const rows = l === net.D - 1 ? 1 : net.m;
    const b = Math.sqrt(6 / fanIn);
    for (let k = 0; k < rows * fanIn; k++) w[o++] = alpha * rng.range(-b, b);
  }
  return w;
}

/** Tangent-kernel Gram matrix K_ij = ⟨∇f(x_i), ∇f(x_j)⟩ on the given points. */
export function ntkGram(net: ReluNet, w: Float64Array, xs: ArrayLike<number>[]): number[][] {
  const G = xs.map((x) => net.gradF(w, x));
  return G.map((gi) => G.map((gj) => gi.reduce((s, v, k) => s + v * gj[k], 0)));
}

export interface TrainResult {
  w: Float64Array;
  loss: number;
  steps: number;
  converged: boolean;
}

/**
 * Kernel-normalized gradient descent on ½Σ(f − y)² until loss ≤ tol·max(L(w0), ½‖y‖²) or maxSteps.
 * A step that raises the loss is rejected and the step halved (the kernel may grow within the 25-step refresh window).
 * That monotone rule can lock up at a ReLU kink: every trial step crosses an activation boundary of some training point
 * and raises the loss, and the refresh restores the same step (WOO-F6, global seed 2082319072: the loss sat at 1.540e-3
 * for 24000 steps with ‖∇L‖ = 1.2e-2 and λ_min(NTK) = 3e-3 > 0, not a stationary point). With `plainOnStall`, once a
 * 100-step window lowers the loss by < 1e-6 relative, the rest of the budget runs plain gradient descent with the same
 * step rule (every step accepted, as the paper trains), which keeps descending through the zig-zag (1.54e-3 → 8.5e-4 in
 * 2000 steps there). A run that never stalls takes exactly the same steps either way.
 */
export function trainRelu(net: ReluNet, w0: Float64Array, xs: ArrayLike<number>[], ys: number[], tol: number, maxSteps: number, plainOnStall = false): TrainResult {
  let w = Float64Array.from(w0);
  const lossGrad = (v: Float64Array) => {
    const g = new Float64Array(net.dim);
    let loss = 0;
    for (let n = 0; n < xs.length; n++) {
      const r = net.forward(v, xs[n]) - ys[n];
      loss += 0.5 * r * r;
      const gf = net.gradF(v, xs[n]);
      for (let k = 0; k < net.dim; k++) g[k] += r * gf[k];
    }
    return { loss, g };
  };
  const etaAt = (v: Float64Array) => {
    const K = ntkGram(net, v, xs);
    const e = new EigenvalueDecomposition(new Matrix(K), { assumeSymmetric: true });
    return 0.5 / Math.max(1e-300, Math.max(...e.realEigenvalues));
  };
  let eta = etaAt(w);
  let { loss, g } = lossGrad(w);
  // Relative target: loss ≤ tol·max(L(w0), ½‖y‖²) (with large α the initial function is far from 0).
  const L0 = Math.max(loss, 0.5 * ys.reduce((s, y) => s + y * y, 0));
  let steps = 0;
  let plain = false;
  let windowStart = loss;
  for (; steps < maxSteps; steps++) {
    if (!Number.isFinite(loss)) break;
    if (loss <= tol * L0) return { w, loss, steps, converged: true };
    if (plainOnStall && !plain && steps > 0 && steps % 100 === 0) {
      if (!(loss < windowStart * (1 - 1e-6))) plain = true;
      windowStart = loss;
    }
    if (steps % 25 === 0) eta = etaAt(w);
    const wn = w.map((v, k) => v - eta * g[k]);
    const nx = lossGrad(wn);
    if (!plain && !(nx.loss <= loss)) {
      // the kernel grew within the refresh window: refresh the step and retry (halving as a safeguard)
      eta = Math.min(etaAt(w), eta) * 0.5;
      continue;
    }
    w = wn;
    loss = nx.loss;
    g = nx.g;
  }
  return { w, loss, steps, converged: loss <= tol * L0 };
}

/** Cosine distance 1 − ⟨K0, K1⟩_F/(‖K0‖‖K1‖) between two tangent-kernel Gram matrices. */
export function kernelCosineDistance(K0: number[][], K1: number[][]): number {
  let a = 0;
  let b = 0;
  let c = 0;
  for (let i = 0; i < K0.length; i++)
    for (let j = 0; j < K0.length; j++) {
      a += K0[i][j] * K1[i][j];
      b += K0[i][j] ** 2;
      c += K1[i][j] ** 2;
    }
  return 1 - a / Math.sqrt(b * c);
}
