// General ODE entry point y' = F(t, y), y(0) = y0, for problems the FlowModel contract does not
// express (augmented states such as (Θ, ∫r dt), normalised flows, non-gradient systems). It drives the
// same Dormand–Prince core as integrateFlow (./dopri5.ts): one tableau, one PI controller, one dense
// output.
//
// Stopping rules (checked after every accepted step, in this order):
//   diverged        non-finite state or ‖y‖∞ > divergeNorm
//   stopped         opts.stop(t, y) returned true (tEval points ≤ t are recorded first)
//   done            t = tMax (the last step is shortened to land exactly on tMax)
//   max-steps       accepted steps = maxSteps (or rejected steps exceed maxSteps)
//   wall-time       elapsed > wallSeconds (checked every 16 attempts)
//   step-underflow  the step size fell below 1e-14·max(1, |t|) (e.g. approaching a pole)
// tEval points are filled from the dense output (order 4) of the step containing them, or, with
// `landOnEval`, by shortening steps to land exactly on them.
//
// method 'dopri5' (default): explicit Dormand–Prince 5(4). method 'ros2': the L-stable Rosenbrock W-method
// of ./rosenbrock.ts, for flows that turn stiff (its cost follows the slow time scale, not the fastest
// mode); it lands on tEval points by default, since its Hermite dense output is only third-order.
import { makeDopri5Core, type ErrorNorm, type OdeRhs } from './dopri5.js';
import { makeRos2Core } from './rosenbrock.js';
import { wallScale } from './wallBudget.js';

export type { OdeRhs, ErrorNorm } from './dopri5.js';

export interface OdeOptions {
  /** Final time (required, finite or Infinity with a stop rule). */
  tMax: number;
  /** Times at which the state is recorded; those outside [0, tMax] are ignored. */
  tEval?: number[];
  /** Stop early (status 'stopped') when this returns true after an accepted step. */
  stop?: (t: number, y: Float64Array) => boolean;
  /** Local error tolerances (defaults 1e-10, 1e-12). */
  rtol?: number;
  atol?: number;
  /** Accepted-step limit (default 2e6). */
  maxSteps?: number;
  /** Wall-clock limit in seconds (default 60). */
  wallSeconds?: number;
  /** Initial step (default: Hairer's HINIT, one extra evaluation). */
  h0?: number;
  /** Largest step (default Infinity). */
  hMax?: number;
  /** Abort as 'diverged' when ‖y‖∞ exceeds this (default 1e12). */
  divergeNorm?: number;
  /** Error norm of the step-size controller (default 'rms'; 'max' is stricter by ≤ √n). */
  errorNorm?: ErrorNorm;
  /** Shorten steps to land exactly on each tEval time instead of using dense output (default false; true for 'ros2'). */
  landOnEval?: boolean;
  /** Stepper: 'dopri5' (explicit, default) or 'ros2' (L-stable Rosenbrock, for stiff flows). */
  method?: 'dopri5' | 'ros2';
  /** 'ros2' only: F does not depend on t (skips the ∂F/∂t column of the Jacobian). */
  autonomous?: boolean;
  /** 'ros2' only: exact ∂F/∂y (row-major n × n) in place of forward differences. */
  jacobian?: (t: number, y: Float64Array, J: Float64Array) => void;
}

export type OdeStatus = 'done' | 'stopped' | 'max-steps' | 'wall-time' | 'diverged' | 'step-underflow';

export interface OdeResult {
  status: OdeStatus;
  /** Final time and state. */
  t: number;
  y: Float64Array;
  /** Recorded tEval times reached (a prefix of the valid tEval) and the states there. */
  ts: number[];
  ys: Float64Array[];
  /** Accepted and rejected steps, and evaluations of F. */
  steps: number;
  rejected: number;
  rhsEvals: number;
  wallSeconds: number;
}

export function integrateOde(rhs: OdeRhs, y0: Float64Array, opts: OdeOptions): OdeResult {
  const t0wall = performance.now();
  const n = y0.length;
  const rtol = opts.rtol ?? 1e-10;
  const atol = opts.atol ?? 1e-12;
  const tMax = opts.tMax;
  const maxSteps = opts.maxSteps ?? 2e6;
  // The guard is stretched on a loaded machine (./wallBudget.ts), so that a seed's verdict does not depend on the load.
  const wallSeconds = (opts.wallSeconds ?? 60) * wallScale();
  const divergeNorm = opts.divergeNorm ?? 1e12;
  const hMax = opts.hMax ?? Infinity;
  if (!(tMax >= 0)) throw new Error('integrateOde: tMax must be ≥ 0');
  const tEval = (opts.tEval ?? []).filter((te) => te >= 0 && te <= tMax).sort((a, b) => a - b);

  let rhsEvals = 0;
  const f: OdeRhs = (t, y, out) => {
    rhsEvals++;
    rhs(t, y, out);
  };
  const method = opts.method ?? 'dopri5';
  const core =
    method === 'ros2'
      ? makeRos2Core(f, n, { rtol, atol, hMax, errorNorm: opts.errorNorm, autonomous: opts.autonomous, jacobian: opts.jacobian })
      : makeDopri5Core(f, n, { rtol, atol, hMax, errorNorm: opts.errorNorm });
  const landOnEval = opts.landOnEval ?? method === 'ros2';

  const ts: number[] = [];
  const ys: Float64Array[] = [];
  let y = Float64Array.from(y0);
  let ynew = new Float64Array(n);
  let t = 0;
  let ei = 0;
  while (ei < tEval.length && tEval[ei] <= 0) {
    ts.push(tEval[ei++]);
    ys.push(Float64Array.from(y));
  }
  let steps = 0;
  let rejected = 0;
  let attempts = 0;
  let status: OdeStatus | undefined;
  const yInf = (v: Float64Array) => {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(v[i]);
      if (a > m || a !== a) m = a;
    }
    return m;
  };
  if (!(yInf(y) <= divergeNorm)) status = 'diverged';
  else if (t >= tMax) status = 'done';
  let h = status ? 0 : opts.h0 !== undefined ? Math.min(opts.h0, hMax) : core.initialStep(y, t);

  while (!status) {
    if (steps >= maxSteps || rejected > maxSteps) {
      status = 'max-steps';
      break;
    }
    if ((++attempts & 15) === 0 && (performance.now() - t0wall) / 1000 > wallSeconds) {
      status = 'wall-time';
      break;
    }
    const hPrev = h;
    let hStep = Math.min(h, 1e12 * Math.max(1, Math.abs(t)));
    const target = landOnEval && ei < tEval.length && tEval[ei] < tMax ? tEval[ei] : tMax;
    let landing = false;
    if (t + hStep >= target - 1e-13 * Math.max(1, Math.abs(target))) {
      hStep = target - t;
      landing = true;
    }
    if (!(hStep >= 1e-14 * Math.max(1, Math.abs(t))) && !(landing && hStep >= 0)) {
      status = 'step-underflow';
      break;
    }
    const err = core.attempt(t, y, hStep, ynew);
    if (!(err <= 1)) {
      rejected++;
      h = core.propose(hStep, err, false);
      continue;
    }
    const tNew = landing ? target : t + hStep;
    while (ei < tEval.length && tEval[ei] <= tNew) {
      const te = tEval[ei++];
      const out = new Float64Array(n);
      if (te === tNew || hStep === 0) out.set(ynew);
      else core.dense((te - t) / hStep, y, ynew, hStep, out);
      ts.push(te);
      ys.push(out);
    }
    core.accepted();
    const tmp = y;
    y = ynew;
    ynew = tmp;
    t = tNew;
    steps++;
    h = core.propose(hStep, err, true);
    if (landing && hStep < hPrev) h = Math.max(h, hPrev); // a shortened landing step is not a reason to shrink
    if (!(yInf(y) <= divergeNorm)) status = 'diverged';
    else if (opts.stop && opts.stop(t, y)) status = 'stopped';
    else if (t >= tMax) status = 'done';
  }
  return { status: status!, t, y: Float64Array.from(y), ts, ys, steps, rejected, rhsEvals, wallSeconds: (performance.now() - t0wall) / 1000 };
}
