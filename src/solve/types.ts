// The case format of `biascheck solve CASE.json`: one model, its data, an explicit initialization,
// the loss scaling and integrator options. schema/case.schema.json documents the same format for
// editors; src/solve/validate.ts is the authority (it checks shapes and values the schema cannot).
import type { FlowMethod } from '../flow/types.js';

/**
 * How the squared loss is scaled; only the time scale of the flow depends on it, never its limit.
 *  - 'sum'       L = Σ_n r_n²          (Woodworth et al. 2020, as stated at L69)
 *  - 'half-sum'  L = ½ Σ_n r_n²        (Min et al. 2021 eq. (2); Yun et al. 2021 §2.1)
 *  - 'half-mean' L = (1/(2n)) Σ_n r_n² (Azulay et al. 2021, line 79)
 */
export type LossScaling = 'sum' | 'half-sum' | 'half-mean';
export const LOSS_SCALINGS: readonly LossScaling[] = ['sum', 'half-sum', 'half-mean'];

/** The factor c in L = c·Σ r². */
export function lossFactor(s: LossScaling, n: number): number {
  return s === 'sum' ? 1 : s === 'half-sum' ? 0.5 : 0.5 / n;
}

export const FAMILIES = ['diagonal-shared', 'diagonal-untied', 'fully-connected', 'factorization', 'tensor'] as const;
export type Family = (typeof FAMILIES)[number];

export type Mat = number[][];
export type Vec = number[];

export interface IntegratorSpec {
  method: FlowMethod;
  rtol: number;
  atol: number;
  /** Largest flow time; a flow still above its loss tolerance at maxTime did not converge (exit 3). */
  maxTime: number;
  /** Wall-clock guard, seconds. */
  wallSeconds: number;
  maxSteps: number;
  /** Converged when ‖residual‖₂ ≤ residualTol·(1 + ‖y‖₂) (default 1e-9) (or, for factorization, ‖E‖_F ≤ residualTol·(1+‖Y‖_F)). */
  residualTol: number;
  /** Fixed step for 'rk4' / 'euler' / 'gauss2'; initial step for 'dopri5'. */
  h?: number;
}

export interface CaseCommon {
  name?: string;
  description?: string;
  loss: LossScaling;
  integrator: IntegratorSpec;
  /** Claims this case is meant to test: each must apply, else exit 2 (input outside its hypotheses). */
  claims?: string[];
  hyper: { rankTol: number };
}

export interface DiagonalSharedCase extends CaseCommon {
  model: { family: 'diagonal-shared'; depth: number };
  data: { X: Mat; y: Vec };
  init: { wPlus: Vec; wMinus: Vec };
}
export interface DiagonalUntiedCase extends CaseCommon {
  model: { family: 'diagonal-untied' };
  data: { X: Mat; y: Vec };
  init: { uPlus: Vec; vPlus: Vec; uMinus: Vec; vMinus: Vec };
}
export interface FullyConnectedCase extends CaseCommon {
  model: { family: 'fully-connected'; width: number };
  data: { X: Mat; y: Vec };
  /** W is d×m: column i is neuron i's weight vector wᵢ. */
  init: { a: Vec; W: Mat };
}
export interface FactorizationCase extends CaseCommon {
  model: { family: 'factorization'; width: number };
  /** X is n×D, Y is n×m. */
  data: { X: Mat; Y: Mat };
  /** U is D×h, V is m×h; Θ = U Vᵀ. */
  init: { U: Mat; V: Mat };
}
export type TensorNetwork = 'diagonal' | 'conv' | 'fc';
export interface TensorCase extends CaseCommon {
  /**
   * Yun et al.'s linear tensor networks f(x) = M(x)∘(v₁,…,v_L):
   *  - diagonal: v_l ∈ R^d;
   *  - conv: circular convolution, v_l ∈ R^{k_l} with filterSizes k_1..k_{L−1} (≤ d) and k_L = d;
   *  - fc: v_l = vec(W_l) (column-major) with W_l ∈ R^{d_l×d_{l+1}}, widths = [d_2,…,d_L] (d_1 = d).
   */
  model: { family: 'tensor'; network: TensorNetwork; depth: number; filterSizes?: number[]; widths?: number[] };
  data: { X: Mat; y: Vec };
  init: { v: Vec[] };
}

export type Case = DiagonalSharedCase | DiagonalUntiedCase | FullyConnectedCase | FactorizationCase | TensorCase;

/** An input problem: names the field (JSON path) and says what is wrong. Exit code 2. */
export class CaseError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'CaseError';
  }
}
