// Integrators for the gradient flow θ' = −∇L(θ) (the contract lives in ./types.ts).
//
// CONTRACT FOR A NEW SOLVER (read before adding a method; modelled on SciPy's OdeSolver):
//  1. A solver is a `Stepper` built by a factory `(rhs, dim, opts) => Stepper`, registered in
//     STEPPERS below under a FlowMethod name. It holds all of its buffers, allocated once in the
//     factory: `attempt` must not allocate (the driver calls it millions of times).
//  2. The solver evaluates the vector field ONLY through the `Rhs` it is given (`rhs.f(y, out)`
//     writes out = −∇L(y)). The wrapper counts every evaluation, so stats.rhsEvals is always
//     right; never call model.grad directly.
//  3. `attempt(t, y, h, ynew)` tries one step of size h from y (y is read-only) and writes the new
//     state into ynew. It returns a scaled error: ≤ 1 means "accept"; > 1 (or NaN/∞) means
//     "reject" (an error-control rejection, or a failure such as a nonlinear solve that did not
//     contract). Fixed-step methods return 0 on success and ∞ on failure.
//  4. `f0` / `f0Valid`: the derivative f(y) at the current state, if known. The driver may call
//     `ensureF0(y)` (e.g. to test ‖∇L‖ ≤ gradTol); the solver must then reuse f0 instead of
//     re-evaluating. On accept, a first-same-as-last method puts f(ynew) in f0 (see `accepted`).
//  5. `accepted()` is called after the driver accepted the step and before it swaps y ↔ ynew; the
//     solver updates its internal state (FSAL swap, controller memory). `propose(h, err, ok)`
//     returns the next step size after an accepted (ok) or rejected attempt of size h.
//  6. `dense(s, y, ynew, h, out)` (optional) writes the state at t + s·h, s ∈ [0, 1], of the step
//     just accepted (called between `attempt` and `accepted`). Without it, the driver shortens
//     steps to land exactly on each tEval time.
//  7. The driver owns everything else: stopping rules (convergence, tMax landing, maxSteps,
//     wall time, divergence, step underflow), recording, invariant drift and statistics.
//
// Stopping rules (checked after every accepted step, in this order):
//   diverged        non-finite state or loss, or ‖θ‖∞ > divergeNorm; also a step-size collapse
//                   (h < 1e-14·max(1,|t|)) while ‖θ‖∞ has grown ≥ 1e3·max(1,‖θ₀‖∞): a finite-time
//                   blow-up (θ' = 4θ³ reaches ∞ at a finite t*; the step shrinks ∝ t* − t).
//   converged       t ≥ tMin and (L − lossFloor ≤ lossTol or ‖∇L‖₂ ≤ gradTol when gradTol > 0)
//   max-time        t = tMax (the last step is shortened to land exactly on tMax)
//   max-steps       accepted steps = maxSteps (or rejected steps exceed maxSteps)
//   wall-time       elapsed > wallSeconds (checked every 16 attempts)
//   step-underflow  the proposed step h < 1e-14·max(1,|t|) without a blow-up
import { normInf, norm2 } from '../linalg/kernels.js';
import type { FlowMethod, FlowModel, FlowOptions, FlowSolution, FlowStatus } from './types.js';
import { makeDopri5Core } from './dopri5.js';
import { wallScale } from './wallBudget.js';

/** The counted vector field f(y) = −∇L(y). */
export interface Rhs {
  f(y: Float64Array, out: Float64Array): void;
  evals: number;
  /** With model.lossAndGrad: the loss at the point of the latest evaluation, and that point's buffer. */
  lastLoss: number;
  lastY: Float64Array | null;
}

export interface Stepper {
  readonly name: FlowMethod;
  readonly adaptive: boolean;
  readonly f0: Float64Array;
  f0Valid: boolean;
  attempt(t: number, y: Float64Array, h: number, ynew: Float64Array): number;
  accepted(): void;
  propose(h: number, err: number, ok: boolean): number;
  initialStep(y: Float64Array): number;
  dense?(s: number, y: Float64Array, ynew: Float64Array, h: number, out: Float64Array): void;
}

export function makeRhs(model: FlowModel): Rhs {
  const fused = model.lossAndGrad?.bind(model);
  const rhs: Rhs = {
    evals: 0,
    lastLoss: NaN,
    lastY: null,
    f: fused
      ? (y, out) => {
          rhs.evals++;
          rhs.lastLoss = fused(y, out);
          rhs.lastY = y;
          const n = out.length;
          for (let i = 0; i < n; i++) out[i] = -out[i];
        }
      : (y, out) => {
          rhs.evals++;
          model.grad(y, out);
          const n = out.length;
          for (let i = 0; i < n; i++) out[i] = -out[i];
        },
  };
  return rhs;
}

function ensureF0(st: Stepper, rhs: Rhs, y: Float64Array): Float64Array {
  if (!st.f0Valid) {
    rhs.f(y, st.f0);
    st.f0Valid = true;
  }
  return st.f0;
}

// ---------------------------------------------------------------------------------------------
// Dormand–Prince 5(4): the shared core in ./dopri5.ts (tableau, PI controller, HINIT, dense
// output), driven here for the autonomous field f(y) = −∇L(y) through the counted Rhs.
// ---------------------------------------------------------------------------------------------
function makeDopri5(rhs: Rhs, n: number, opts: Required<Pick<FlowOptions, 'rtol' | 'atol'>> & { hMax: number }): Stepper {
  const core = makeDopri5Core((_t, y, out) => rhs.f(y, out), n, { rtol: opts.rtol, atol: opts.atol, hMax: opts.hMax });
  // The core already satisfies the Stepper shape (f0 getter, f0Valid, attempt, accepted, propose,
  // initialStep, dense); add the stepper's name and kind on the same object so that f0Valid set by
  // the driver's ensureF0 is the core's own flag.
  return Object.assign(core, { name: 'dopri5' as const, adaptive: true as const });
}

// ---------------------------------------------------------------------------------------------
// Fixed-step explicit methods.
// ---------------------------------------------------------------------------------------------
function fixedPropose(hNominal: number) {
  let hcur = hNominal;
  return (h: number, err: number, ok: boolean): number => {
    if (ok) hcur = Math.min(hNominal, Math.max(hcur, h) * 2);
    else hcur = h / 2;
    return hcur;
  };
}

function makeEuler(rhs: Rhs, n: number, h0: number): Stepper {
  const f0 = new Float64Array(n);
  const st: Stepper = {
    name: 'euler',
    adaptive: false,
    f0,
    f0Valid: false,
    attempt(_t, y, h, ynew) {
      ensureF0(st, rhs, y);
      for (let i = 0; i < n; i++) ynew[i] = y[i] + h * f0[i];
      return 0;
    },
    accepted() {
      st.f0Valid = false;
    },
    propose: fixedPropose(h0),
    initialStep: () => h0,
  };
  return st;
}

function makeRk4(rhs: Rhs, n: number, h0: number): Stepper {
  const f0 = new Float64Array(n);
  const k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const yt = new Float64Array(n);
  const st: Stepper = {
    name: 'rk4',
    adaptive: false,
    f0,
    f0Valid: false,
    attempt(_t, y, h, ynew) {
      ensureF0(st, rhs, y);
      const hh = 0.5 * h;
      for (let i = 0; i < n; i++) yt[i] = y[i] + hh * f0[i];
      rhs.f(yt, k2);
      for (let i = 0; i < n; i++) yt[i] = y[i] + hh * k2[i];
      rhs.f(yt, k3);
      for (let i = 0; i < n; i++) yt[i] = y[i] + h * k3[i];
      rhs.f(yt, k4);
      const h6 = h / 6;
      for (let i = 0; i < n; i++) ynew[i] = y[i] + h6 * (f0[i] + 2 * (k2[i] + k3[i]) + k4[i]);
      return 0;
    },
    accepted() {
      st.f0Valid = false;
    },
    propose: fixedPropose(h0),
    initialStep: () => h0,
  };
  return st;
}

// ---------------------------------------------------------------------------------------------
// 2-stage Gauss–Legendre (order 4, symplectic; conserves every quadratic invariant of the flow
// exactly, hence up to the accuracy of the stage solve). Stage equations
//   K_i = f(y + h Σ_j a_ij K_j),  a = [[1/4, 1/4 − √3/6], [1/4 + √3/6, 1/4]],  y₁ = y + h(K₁ + K₂)/2,
// solved by fixed-point iteration until the stage increment h‖ΔK‖∞ is ≤ 4ε·max(‖y‖∞, h‖K‖∞)
// (about 1e-15 relative). If the iteration does not contract, the step is rejected and halved.
// Adaptive mode: step doubling (two half steps vs one full step; local error ≈ (y_half − y_full)/15).
// ---------------------------------------------------------------------------------------------
const SQ3 = Math.sqrt(3);
const G11 = 0.25, G12 = 0.25 - SQ3 / 6, G21 = 0.25 + SQ3 / 6, G22 = 0.25;
const EPS = 2.220446049250313e-16;

function makeGauss2(rhs: Rhs, n: number, opts: { h0: number; adaptive: boolean; rtol: number; atol: number; hMax: number }): Stepper {
  const f0 = new Float64Array(n);
  const K1 = new Float64Array(n), K2 = new Float64Array(n);
  const N1 = new Float64Array(n), N2 = new Float64Array(n);
  const Y = new Float64Array(n);
  const yFull = new Float64Array(n), yMid = new Float64Array(n), fMid = new Float64Array(n);
  const MAXIT = 60;

  /** One Gauss step from y (with f(y) = fy as initial guess) into out; false if the solve failed. */
  function gaussStep(y: Float64Array, fy: Float64Array, h: number, out: Float64Array): boolean {
    K1.set(fy);
    K2.set(fy);
    const ynorm = normInf(y);
    let prev = Infinity;
    let converged = false;
    for (let it = 0; it < MAXIT; it++) {
      for (let i = 0; i < n; i++) Y[i] = y[i] + h * (G11 * K1[i] + G12 * K2[i]);
      rhs.f(Y, N1);
      for (let i = 0; i < n; i++) Y[i] = y[i] + h * (G21 * K1[i] + G22 * K2[i]);
      rhs.f(Y, N2);
      let delta = 0, knorm = 0;
      for (let i = 0; i < n; i++) {
        const d1 = Math.abs(N1[i] - K1[i]), d2 = Math.abs(N2[i] - K2[i]);
        if (d1 > delta) delta = d1;
        if (d2 > delta) delta = d2;
        const a = Math.max(Math.abs(N1[i]), Math.abs(N2[i]));
        if (a > knorm) knorm = a;
      }
      K1.set(N1);
      K2.set(N2);
      if (!Number.isFinite(delta)) return false;
      const scale = Math.max(ynorm, h * knorm, 1e-300);
      const inc = h * delta;
      if (inc <= 4 * EPS * scale) {
        converged = true;
        break;
      }
      if (it >= 2 && delta >= prev) {
        // No longer contracting: accept only if already at the round-off floor.
        converged = inc <= 64 * EPS * scale;
        break;
      }
      prev = delta;
    }
    if (!converged) return false;
    const hb = 0.5 * h;
    for (let i = 0; i < n; i++) out[i] = y[i] + hb * (K1[i] + K2[i]);
    return true;
  }

  const hMax = opts.hMax;
  const fixed = fixedPropose(opts.h0);
  const st: Stepper = {
    name: 'gauss2',
    adaptive: opts.adaptive,
    f0,
    f0Valid: false,
    attempt(_t, y, h, ynew) {
      ensureF0(st, rhs, y);
      if (!opts.adaptive) return gaussStep(y, f0, h, ynew) ? 0 : Infinity;
      if (!gaussStep(y, f0, h, yFull)) return Infinity;
      if (!gaussStep(y, f0, 0.5 * h, yMid)) return Infinity;
      rhs.f(yMid, fMid);
      if (!gaussStep(yMid, fMid, 0.5 * h, ynew)) return Infinity;
      let s = 0;
      for (let i = 0; i < n; i++) {
        const e = (ynew[i] - yFull[i]) / 15;
        const sk = opts.atol + opts.rtol * Math.max(Math.abs(y[i]), Math.abs(ynew[i]));
        s += (e / sk) ** 2;
      }
      return Math.sqrt(s / n);
    },
    accepted() {
      st.f0Valid = false;
    },
    propose(h, err, ok) {
      if (!opts.adaptive) return fixed(h, err, ok);
      if (!(err >= 0) || !Number.isFinite(err)) return h * 0.25;
      // local error O(h⁵) → exponent 1/5
      const fac = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
      return Math.min(ok ? h * fac : h * Math.min(fac, 0.9), hMax);
    },
    initialStep(y) {
      if (!opts.adaptive) return opts.h0;
      const fy = ensureF0(st, rhs, y);
      // crude guess: a step that moves y by ~rtol^(1/4) of its scale
      const fn = normInf(fy);
      const yn = Math.max(normInf(y), opts.atol / opts.rtol);
      const h = fn > 0 ? (Math.pow(opts.rtol, 0.25) * yn) / fn : 1;
      return Math.min(Math.max(h, 1e-8), hMax, 1);
    },
  };
  return st;
}

// ---------------------------------------------------------------------------------------------
// The driver.
// ---------------------------------------------------------------------------------------------
const MAX_AUTO_RECORDS = 2000;

export function integrateFlow(model: FlowModel, theta0: Float64Array, opts: FlowOptions = {}): FlowSolution {
  const t0wall = performance.now();
  const n = model.dim;
  if (theta0.length !== n) throw new Error(`integrateFlow: theta0 has length ${theta0.length}, model.dim = ${n}`);
  const method: FlowMethod = opts.method ?? 'dopri5';
  const rtol = opts.rtol ?? 1e-10;
  const atol = opts.atol ?? 1e-12;
  const tMax = opts.tMax ?? Infinity;
  const tMin = opts.tMin ?? 0;
  const maxSteps = opts.maxSteps ?? 2e6;
  // The guard is stretched on a loaded machine (./wallBudget.ts), so that a seed's verdict does not depend on the load.
  const wallSeconds = (opts.wallSeconds ?? 60) * wallScale();
  const lossTol = opts.lossTol ?? 1e-20;
  const gradTol = opts.gradTol ?? 0;
  const divergeNorm = opts.divergeNorm ?? 1e12;
  const lossFloor = model.lossFloor ?? 0;
  const hMax = opts.hMax ?? Infinity;
  if (!(tMax >= 0)) throw new Error('integrateFlow: tMax must be ≥ 0');

  const rhs = makeRhs(model);
  let st: Stepper;
  switch (method) {
    case 'dopri5':
      st = makeDopri5(rhs, n, { rtol, atol, hMax });
      break;
    case 'gauss2': {
      const adaptive = opts.adaptive ?? opts.h === undefined;
      if (!adaptive && !(opts.h! > 0)) throw new Error('integrateFlow: gauss2 with adaptive=false needs opts.h > 0');
      st = makeGauss2(rhs, n, { h0: opts.h ?? 0, adaptive, rtol, atol, hMax });
      break;
    }
    case 'rk4':
    case 'euler':
      if (!(opts.h! > 0)) throw new Error(`integrateFlow: method ${method} is fixed-step and needs opts.h > 0`);
      st = method === 'rk4' ? makeRk4(rhs, n, opts.h!) : makeEuler(rhs, n, opts.h!);
      break;
    default:
      throw new Error(`integrateFlow: unknown method ${String(method)}`);
  }

  // tEval: sorted, within [0, tMax].
  const tEval = opts.tEval ? [...opts.tEval] : undefined;
  if (tEval) for (let i = 1; i < tEval.length; i++) if (!(tEval[i] >= tEval[i - 1])) throw new Error('integrateFlow: tEval must be non-decreasing');
  const evalIndex = tEval ? tEval.map(() => -1) : undefined;
  let nextEval = 0;

  // Recording.
  const ts: number[] = [];
  const thetas: Float64Array[] = [];
  const losses: number[] = [];
  const autoThin = !tEval && opts.recordEvery === undefined;
  let stride = tEval ? Infinity : Math.max(1, Math.floor(opts.recordEvery ?? 1));
  const inv0 = model.invariants ? model.invariants(theta0) : undefined;
  const inv0Scale = inv0 ? Math.max(1, normInf(inv0)) : 1;
  let invariantDrift = 0;
  const measureDrift = (th: Float64Array) => {
    if (!inv0 || !model.invariants) return;
    const I = model.invariants(th);
    let m = 0;
    for (let i = 0; i < I.length; i++) {
      const d = Math.abs(I[i] - inv0[i]);
      if (d > m || d !== d) m = d;
    }
    const rel = m / inv0Scale;
    if (rel > invariantDrift || rel !== rel) invariantDrift = rel;
  };
  const pool: Float64Array[] = []; // arrays dropped by thinning, reused so recording stays O(2000) allocations
  const record = (t: number, th: Float64Array, L: number) => {
    ts.push(t);
    const slot = pool.pop() ?? new Float64Array(n);
    slot.set(th);
    thetas.push(slot);
    losses.push(L);
    measureDrift(th);
    if (autoThin && ts.length > MAX_AUTO_RECORDS) {
      // keep even indices (t = 0 stays), double the stride
      let w = 0;
      for (let r = 0; r < ts.length; r++) {
        if (r % 2 === 1) {
          pool.push(thetas[r]);
          continue;
        }
        ts[w] = ts[r];
        thetas[w] = thetas[r];
        losses[w] = losses[r];
        w++;
      }
      ts.length = w;
      thetas.length = w;
      losses.length = w;
      stride *= 2;
    }
  };

  let y = Float64Array.from(theta0);
  let ynew = new Float64Array(n);
  const ybuf = new Float64Array(n);
  let t = 0;
  let loss = model.loss(y);
  record(0, y, loss);
  if (tEval) {
    while (nextEval < tEval.length && tEval[nextEval] <= 0) evalIndex![nextEval++] = 0;
  }
  const theta0Inf = normInf(theta0);

  let status: FlowStatus | undefined;
  let steps = 0;
  let rejected = 0;
  let attempts = 0;
  let note = '';

  const isConverged = (): boolean => {
    if (t < tMin) return false;
    if (loss - lossFloor <= lossTol) return true;
    if (gradTol > 0) return norm2(ensureF0(st, rhs, y)) <= gradTol;
    return false;
  };

  if (!Number.isFinite(loss) || !(normInf(y) <= divergeNorm)) status = 'diverged';
  else if (isConverged()) status = 'converged';
  else if (t >= tMax) status = 'max-time';

  // An exact stationary point (∇L(θ₀) = 0, e.g. U = V = 0 for a factorization) that is not a
  // minimum within lossTol: the solution is constant for all t, so jump to tMax.
  if (!status && normInf(ensureF0(st, rhs, y)) === 0) {
    if (Number.isFinite(tMax)) t = tMax;
    status = t >= tMin && isConverged() ? 'converged' : 'max-time';
    if (tEval)
      for (; nextEval < tEval.length && tEval[nextEval] <= t; nextEval++) {
        evalIndex![nextEval] = ts.length;
        record(tEval[nextEval], y, loss);
      }
    note = ' (∇L(θ₀) = 0 exactly: a stationary point, the flow is constant for all t)';
  }

  let h = status ? 0 : opts.h !== undefined && method === 'dopri5' ? Math.min(opts.h, hMax) : st.initialStep(y);

  while (!status) {
    if (steps >= maxSteps || rejected > maxSteps) {
      status = 'max-steps';
      break;
    }
    if ((++attempts & 15) === 0 && (performance.now() - t0wall) / 1000 > wallSeconds) {
      status = 'wall-time';
      break;
    }
    // Step size for this attempt: land exactly on tMax (and on tEval for methods without dense output).
    const hPrev = h;
    // A single step beyond 1e12·max(1, t) is never meaningful (and keeps t + h finite).
    let hStep = Math.min(h, 1e12 * Math.max(1, Math.abs(t)));
    let target = tMax;
    if (!st.dense && tEval && nextEval < tEval.length && tEval[nextEval] < target) target = tEval[nextEval];
    let landing = false;
    if (t + hStep >= target - 1e-13 * Math.max(1, Math.abs(target))) {
      hStep = target - t;
      landing = true;
    }
    if (!landing && !(hStep >= 1e-14 * Math.max(1, Math.abs(t)))) {
      if (normInf(y) >= 1e3 * Math.max(1, theta0Inf)) {
        status = 'diverged';
        note = ` (step size collapsed to ${hStep.toExponential(2)} near t=${t.toPrecision(6)} while ‖θ‖∞ grew to ${normInf(y).toExponential(2)}: finite-time blow-up)`;
      } else status = 'step-underflow';
      break;
    }
    const err = st.attempt(t, y, hStep, ynew);
    const ok = err <= 1;
    if (!ok) {
      rejected++;
      h = st.propose(hStep, err, false);
      continue;
    }
    const tNew = landing ? target : t + hStep;
    // Dense output at tEval points inside (t, tNew].
    if (tEval) {
      while (nextEval < tEval.length && tEval[nextEval] <= tNew) {
        const te = tEval[nextEval];
        let th: Float64Array;
        if (te === tNew) th = ynew;
        else if (st.dense) {
          st.dense((te - t) / hStep, y, ynew, hStep, ybuf);
          th = ybuf;
        } else th = ynew; // cannot happen: fixed steps land on tEval
        evalIndex![nextEval] = ts.length;
        record(te, th, th === ynew ? model.loss(ynew) : model.loss(th));
        nextEval++;
      }
    }
    st.accepted();
    const tmp = y;
    y = ynew;
    ynew = tmp;
    t = tNew;
    steps++;
    h = st.propose(hStep, err, true);
    if (landing && hStep < hPrev) h = Math.max(h, hPrev); // a shortened landing step is not a reason to shrink
    // dopri5's last evaluation was f(ynew) (FSAL), so a fused model already gave L(y).
    loss = rhs.lastY === y && st.name === 'dopri5' ? rhs.lastLoss : model.loss(y);
    const yInf = normInf(y);
    if (!Number.isFinite(loss) || !(yInf <= divergeNorm)) {
      status = 'diverged';
      note = ` (‖θ‖∞=${yInf.toExponential(2)}, L=${loss})`;
    } else if (isConverged()) status = 'converged';
    else if (t >= tMax || !(t < 1e300)) status = 'max-time';
    if (!tEval && (steps % stride === 0 || status)) record(t, y, loss);
  }

  // Final point always recorded.
  if (ts[ts.length - 1] !== t || thetas.length === 0) record(t, y, loss);
  else {
    thetas[thetas.length - 1] = Float64Array.from(y);
    losses[losses.length - 1] = loss;
  }
  const gradNorm = st.f0Valid ? norm2(st.f0) : undefined;
  const wall = (performance.now() - t0wall) / 1000;
  const message =
    `${method} ${status} at t=${t.toPrecision(6)}: L−L*=${(loss - lossFloor).toExponential(3)} after ${steps} steps ` +
    `(${rejected} rejected, ${rhs.evals} gradient evaluations, ${wall.toFixed(3)} s)${note}`;
  return {
    status: status!,
    t,
    theta: Float64Array.from(y),
    loss,
    ts,
    thetas,
    losses,
    stats: { steps, rejected, rhsEvals: rhs.evals, wallSeconds: wall },
    invariantDrift,
    message,
    method,
    evalIndex,
    gradNorm,
  };
}
