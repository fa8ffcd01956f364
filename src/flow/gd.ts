// Gradient descent θ_{k+1} = θ_k − η ∇L(θ_k) reported in the FlowSolution shape (t = k·η), and a
// central-difference gradient check for models.
import { normInf } from '../linalg/kernels.js';
import type { FlowModel, FlowSolution, FlowStatus, GDOptions } from './types.js';

const MAX_AUTO_RECORDS = 2000;

/**
 * Runs `opts.steps` iterations (fewer on convergence/divergence). Status: 'converged' when
 * L − lossFloor ≤ lossTol (if given), 'diverged' on a non-finite state or ‖θ‖∞ > divergeNorm
 * (default 1e12), else 'max-steps'. Records every `recordEvery`-th iterate; when recordEvery is not
 * given, every iterate up to 2000 records, thinned by 2 whenever that cap is exceeded (identical to
 * "every iterate" for runs ≤ 2000 steps). The first and last iterates are always recorded.
 * invariantDrift is measured on the recorded iterates (GD does not conserve invariants: the drift
 * is O(η²) per step for the balancedness quantities).
 */
export function gradientDescent(model: FlowModel, theta0: Float64Array, opts: GDOptions): FlowSolution {
  const t0wall = performance.now();
  const n = model.dim;
  const { eta, steps: maxIter } = opts;
  if (!(eta > 0)) throw new Error('gradientDescent: eta must be > 0');
  const divergeNorm = opts.divergeNorm ?? 1e12;
  const lossFloor = model.lossFloor ?? 0;
  const lossTol = opts.lossTol;
  const autoThin = opts.recordEvery === undefined;
  let stride = Math.max(1, Math.floor(opts.recordEvery ?? 1));

  const theta = Float64Array.from(theta0);
  const g = new Float64Array(n);
  const ts: number[] = [];
  const thetas: Float64Array[] = [];
  const losses: number[] = [];
  const inv0 = model.invariants ? model.invariants(theta0) : undefined;
  const invScale = inv0 ? Math.max(1, normInf(inv0)) : 1;
  let drift = 0;
  const record = (k: number, L: number) => {
    ts.push(k * eta);
    thetas.push(Float64Array.from(theta));
    losses.push(L);
    if (inv0 && model.invariants) {
      const I = model.invariants(theta);
      let m = 0;
      for (let i = 0; i < I.length; i++) {
        const d = Math.abs(I[i] - inv0[i]);
        if (d > m || d !== d) m = d;
      }
      if (m / invScale > drift || m !== m) drift = m / invScale;
    }
    if (autoThin && ts.length > MAX_AUTO_RECORDS) {
      let w = 0;
      for (let r = 0; r < ts.length; r += 2) {
        ts[w] = ts[r];
        thetas[w] = thetas[r];
        losses[w] = losses[r];
        w++;
      }
      ts.length = thetas.length = losses.length = w;
      stride *= 2;
    }
  };

  let loss = model.loss(theta);
  let k = 0;
  let evals = 0;
  let status: FlowStatus = 'max-steps';
  record(0, loss);
  const bad = () => !Number.isFinite(loss) || !(normInf(theta) <= divergeNorm);
  if (bad()) status = 'diverged';
  else if (lossTol !== undefined && loss - lossFloor <= lossTol) status = 'converged';
  else {
    while (k < maxIter) {
      model.grad(theta, g);
      evals++;
      for (let i = 0; i < n; i++) theta[i] -= eta * g[i];
      k++;
      loss = model.loss(theta);
      if (bad()) {
        status = 'diverged';
        break;
      }
      if (lossTol !== undefined && loss - lossFloor <= lossTol) {
        status = 'converged';
        break;
      }
      if (k % stride === 0) record(k, loss);
    }
  }
  if (ts[ts.length - 1] !== k * eta) record(k, loss);
  const wall = (performance.now() - t0wall) / 1000;
  return {
    status,
    t: k * eta,
    theta,
    loss,
    ts,
    thetas,
    losses,
    stats: { steps: k, rejected: 0, rhsEvals: evals, wallSeconds: wall },
    invariantDrift: drift,
    message: `gd(η=${eta}) ${status} after ${k} iterations (t=${(k * eta).toPrecision(6)}): L−L*=${(loss - lossFloor).toExponential(3)}`,
    method: 'gd',
  };
}

export interface GradientCheck {
  /** max_i |g_i − fd_i| / max(|g_i|, |fd_i|, 1e-6·max(‖g‖∞, ‖fd‖∞), 1e-12). */
  maxRelError: number;
  worstIndex: number;
  grad: Float64Array;
  fd: Float64Array;
}

/**
 * Central differences fd_i = (L(θ + h_i e_i) − L(θ − h_i e_i)) / (2h_i), h_i = h·max(1, |θ_i|)
 * with h = ε^{1/3} ≈ 6e-6 by default (balances O(h²) truncation against O(ε/h) round-off, so a
 * correct gradient agrees to ~1e-8–1e-10 relative).
 */
export function checkGradientFDDetail(model: FlowModel, theta: Float64Array, h = 6.0555e-6): GradientCheck {
  const n = model.dim;
  const grad = new Float64Array(n);
  model.grad(theta, grad);
  const fd = new Float64Array(n);
  const x = Float64Array.from(theta);
  for (let i = 0; i < n; i++) {
    const xi = theta[i];
    const hi = h * Math.max(1, Math.abs(xi));
    x[i] = xi + hi;
    const hp = x[i] - xi; // exactly representable step
    const lp = model.loss(x);
    x[i] = xi - hp;
    const lm = model.loss(x);
    x[i] = xi;
    fd[i] = (lp - lm) / (2 * hp);
  }
  const scale = Math.max(normInf(grad), normInf(fd));
  const floor = Math.max(1e-6 * scale, 1e-12);
  let worst = 0;
  let worstIndex = -1;
  for (let i = 0; i < n; i++) {
    const e = Math.abs(grad[i] - fd[i]) / Math.max(Math.abs(grad[i]), Math.abs(fd[i]), floor);
    if (e > worst || e !== e) {
      worst = e;
      worstIndex = i;
    }
  }
  return { maxRelError: worst, worstIndex, grad, fd };
}

/** Max relative error of model.grad against central differences (see checkGradientFDDetail). */
export function checkGradientFD(model: FlowModel, theta: Float64Array, h?: number): number {
  return checkGradientFDDetail(model, theta, h).maxRelError;
}
