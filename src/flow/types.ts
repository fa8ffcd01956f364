// The contract between models and integrators (problem → solve → solution, as in SciPy's solve_ivp).
//
// A model is a gradient system θ' = −∇L(θ) on a flat Float64Array state. Integrators know nothing of
// claims or papers; they return a FlowSolution with a status, statistics and invariant drift, never
// a bare array.

/** A gradient-flow problem on a flat parameter vector. */
export interface FlowModel {
  /** Number of parameters (length of θ). */
  readonly dim: number;
  /** The loss L(θ). */
  loss(theta: Float64Array): number;
  /** Writes the gradient ∇L(θ) into `out` (length dim). The flow's right-hand side is its negative. */
  grad(theta: Float64Array, out: Float64Array): void;
  /**
   * Quantities the flow should conserve (e.g. the imbalance Λ, |u|²−|v|²), flattened.
   * The integrator reports their worst drift relative to max(1, |initial value|).
   */
  invariants?(theta: Float64Array): Float64Array;
  /** The infimum of the loss, if known (L* of Min et al.; 0 for interpolation). Default 0. */
  readonly lossFloor?: number;
}

export type FlowStatus = 'converged' | 'max-time' | 'max-steps' | 'wall-time' | 'diverged' | 'step-underflow';

export type FlowMethod = 'dopri5' | 'gauss2' | 'rk4' | 'euler';

export interface FlowOptions {
  /** Integrator (default 'dopri5': adaptive Dormand–Prince 5(4) with dense output). */
  method?: FlowMethod;
  /** Relative and absolute local error tolerances (adaptive methods). Defaults 1e-10, 1e-12. */
  rtol?: number;
  atol?: number;
  /** Fixed step for rk4/euler/gauss2 when not adaptive; initial step guess for dopri5. */
  h?: number;
  /** Final time (default Infinity: run until converged or another limit). */
  tMax?: number;
  /** Step limit (default 2e6). */
  maxSteps?: number;
  /** Wall-clock guard in seconds (default 60), stretched on a loaded machine by ./wallBudget.ts (a stop gives status wall-time). */
  wallSeconds?: number;
  /** Converged when L(θ) − lossFloor ≤ lossTol (default 1e-20 relative to nothing: set it). */
  lossTol?: number;
  /** Converged when ‖∇L(θ)‖₂ ≤ gradTol (default 0 = unused). */
  gradTol?: number;
  /** Diverged when ‖θ‖∞ exceeds this or anything is non-finite (default 1e12). */
  divergeNorm?: number;
  /** Times at which to record θ (dense output for dopri5; exact step hits otherwise). */
  tEval?: number[];
  /** When tEval is not given: record every k-th accepted step (default: every step up to 2000 records, thinned). */
  recordEvery?: number;
  /** Do not stop at convergence before this time (e.g. to integrate a fixed horizon). */
  tMin?: number;
}

export interface FlowStats {
  steps: number;
  rejected: number;
  rhsEvals: number;
  wallSeconds: number;
}

export interface FlowSolution {
  status: FlowStatus;
  /** Final time and state. */
  t: number;
  theta: Float64Array;
  loss: number;
  /** Recorded trajectory (times, states, losses). Always includes t=0 and the final point. */
  ts: number[];
  thetas: Float64Array[];
  losses: number[];
  stats: FlowStats;
  /** max over recorded points of ‖I(θ(t)) − I(θ(0))‖∞ / max(1, ‖I(θ(0))‖∞); 0 if no invariants. */
  invariantDrift: number;
  /** One line for humans. */
  message: string;
}

export interface GDOptions {
  /** Step size η. */
  eta: number;
  steps: number;
  /** Record every k-th iterate (default 1). */
  recordEvery?: number;
  /** Stop early when L − lossFloor ≤ lossTol. */
  lossTol?: number;
  divergeNorm?: number;
}

// ---- Additions by the numerics engineer (optional fields only; nothing above is changed) ----

export interface FlowOptions {
  /**
   * gauss2 only: adaptive step size by step doubling (local error of the two half steps vs the
   * full step, Richardson factor 2⁴ − 1). Default: true when `h` is not given, false when it is.
   */
  adaptive?: boolean;
  /** Largest step an adaptive method may take (default Infinity). */
  hMax?: number;
}

export interface FlowSolution {
  /** The method that produced this solution. */
  method?: FlowMethod | 'gd';
  /** For each requested tEval time: its index in `ts`, or −1 if the run stopped before it. */
  evalIndex?: number[];
  /** ‖∇L(θ)‖₂ at the final state when it was computed (dopri5 always; others when gradTol > 0). */
  gradNorm?: number;
}

export interface FlowModel {
  /**
   * Optional fused evaluation: writes ∇L(θ) into `out` and returns L(θ). When present the
   * integrators use it for every gradient evaluation, and dopri5 takes the loss at each accepted
   * state from its first-same-as-last evaluation instead of calling `loss` again.
   */
  lossAndGrad?(theta: Float64Array, out: Float64Array): number;
}
