// Shared pieces of the `solve` adapters: what an adapter hands the engine (Prepared), what one
// prediction is (PredictionSpec), agreement rules copied from the claims' checks, and the reference
// predictions (minimum ℓ2 and ℓ1 interpolants) every regression case lists.
import type { FlowModel } from '../flow/types.js';
import { kkt as kappaOf } from '../bias/azuCommon.js';
import { minL1 } from '../bias/minL1.js';
import { minL2 } from '../bias/minL2.js';
import type { Mat } from './types.js';

/** How the flow's limit is compared with a prediction: returns the observed error and the allowed one. */
export interface Agreement {
  observed: number;
  allowed: number;
  /** The rule in words, with the catalog's source. */
  rule: string;
}
export type AgreementRule = (flow: Float64Array, predicted: Float64Array, theta: Float64Array) => Agreement;

export interface Predicted {
  beta: Float64Array;
  /** Solver diagnostics (iterations, residual) worth printing. */
  note?: string;
}

export interface PredictionSpec {
  claim: string;
  title: string;
  /** Do the case's data and initialization meet the claim's hypotheses? */
  applies: boolean;
  /** Why it applies (which hypothesis) or why not (which field breaks which hypothesis). */
  reason: string;
  /** The field of the case that breaks a hypothesis (for exit-2 messages when the case names the claim). */
  field?: string;
  /** min-ℓ1 / min-ℓ2: listed for comparison, no agreement verdict. */
  reference?: boolean;
  /** Computes the predicted limit (flattened like the model's predictor). `theta` is the flow's final state. */
  predict?: (theta: Float64Array) => Predicted;
  /** KKT residual κ of the flow's limit for this claim's objective (‖P⊥∇Q(β)‖/‖∇Q(β)‖). */
  kkt?: (beta: Float64Array) => number;
  /** KKT residual bound of the claim's check, if it uses one. */
  kktTol?: number;
  agreement?: AgreementRule;
}

export interface Prepared {
  /** A description of the model for the output (family, sizes, structural parameters). */
  info: Record<string, unknown>;
  model: FlowModel;
  theta0: Float64Array;
  /** The end-to-end predictor: β (length d), or Θ flattened row-major (factorization). */
  predictor(theta: Float64Array): Float64Array;
  /** [rows, cols] when the predictor is a matrix. */
  shape?: [number, number];
  /** ‖residual‖ (‖Xβ − y‖₂, or ‖E‖_F above the least-squares floor) and the threshold for 'converged'. */
  residualNorm(theta: Float64Array): number;
  residualThreshold: number;
  /** lossTol for the integrator: the loss gap corresponding to residualThreshold. */
  lossTol: number;
  predictions: PredictionSpec[];
}

// ------------------------------------------------------------------ vectors

export const norm2 = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
};
export const normInf = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s = Math.max(s, Math.abs(a[i]));
  return s;
};
export const diff = (a: ArrayLike<number>, b: ArrayLike<number>): Float64Array => {
  const o = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) o[i] = a[i] - b[i];
  return o;
};
export function residualOf(X: Mat, beta: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
  const r = new Float64Array(X.length);
  for (let n = 0; n < X.length; n++) {
    let s = -y[n];
    for (let i = 0; i < beta.length; i++) s += X[n][i] * beta[i];
    r[n] = s;
  }
  return r;
}

/** κ(v) = ‖P⊥v‖/‖v‖, P⊥ the projector off the row space of X (Azulay's KKT residual). */
export function kappa(X: Mat, v: ArrayLike<number>): number {
  return kappaOf(X, v);
}

/** Relative equality used for "w₊(0) = w₋(0)"-type hypotheses: exact up to a few rounding errors. */
export function close(a: number, b: number, rel = 1e-12): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

export const fmtNum = (x: number): string => (Number.isFinite(x) ? (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e5 ? x.toPrecision(4) : x.toExponential(3)) : String(x));

// ------------------------------------------------------------------ agreement rules from the catalogs

/** Woodworth S8 default: ‖β_flow − β_ref‖∞ ≤ 1e-6(1 + ‖β_ref‖∞) (pre-check agreement 1e-9–1e-12). */
export const wooRule: AgreementRule = (f, p) => ({
  observed: normInf(diff(f, p)),
  allowed: 1e-6 * (1 + normInf(p)),
  rule: '‖β − β_Q‖∞ ≤ 1e-6(1 + ‖β_Q‖∞) (woodworth2020 catalog, S8 default tolerance)',
});

/** Azulay C4: relative distance ≤ 1e-6 (and κ ≤ 1e-6, checked separately via kktTol). */
export const azuRule: AgreementRule = (f, p) => ({
  observed: norm2(diff(f, p)) / Math.max(norm2(p), Number.MIN_VALUE),
  allowed: 1e-6,
  rule: '‖w̃∞ − w_Q‖/‖w_Q‖ ≤ 1e-6 and κ ≤ 1e-6 (azulay2021 catalog, C4)',
});

/** Yun T5 / C5 / C6: ‖β − Sᵀρ∞‖ ≤ 1e-7 max(1, ‖β‖). */
export const yunT5Rule: AgreementRule = (f, p) => ({
  observed: norm2(diff(f, p)),
  allowed: 1e-7 * Math.max(1, norm2(f)),
  rule: '‖β − Sᵀρ∞‖ ≤ 1e-7·max(1, ‖β‖) (yun2021 catalog, YUN-T5)',
});

/** Yun T6: relative 1e-8. */
export const yunT6Rule: AgreementRule = (f, p) => ({
  observed: norm2(diff(f, p)) / Math.max(norm2(p), Number.MIN_VALUE),
  allowed: 1e-8,
  rule: '‖β − β(v∞)‖/‖β(v∞)‖ ≤ 1e-8 (yun2021 catalog, YUN-T6)',
});

// ------------------------------------------------------------------ references

/** The two reference predictions every regression case lists: min-ℓ2 and min-ℓ1 interpolants. */
export function referencePredictions(X: Mat, y: ArrayLike<number>): PredictionSpec[] {
  return [
    {
      claim: 'min-ℓ2',
      title: 'minimum-ℓ2 interpolant Xᵀ(XXᵀ)⁻¹y (reference)',
      applies: true,
      reason: 'reference: the kernel (large-initialization) limit of the diagonal models and the vanishing-initialization limit of the fully connected ones',
      reference: true,
      predict: () => ({ beta: Float64Array.from(minL2(X, y)) }),
      kkt: (b) => kappa(X, b),
    },
    {
      claim: 'min-ℓ1',
      title: 'minimum-ℓ1 interpolant (basis pursuit LP, HiGHS) (reference)',
      applies: true,
      reason: 'reference: the rich (small-initialization) limit of the diagonal models',
      reference: true,
      predict: () => {
        const r = minL1(X, y);
        if (!r.ok) throw new Error(`LP ${r.status}`);
        return { beta: Float64Array.from(r.beta), note: r.unique ? 'unique (certified)' : 'uniqueness not certified' };
      },
    },
  ];
}

/** A claim that a single case cannot test (limits, probabilistic statements): listed with its reason. */
export function notTestable(claim: string, title: string, reason: string): PredictionSpec {
  return { claim, title, applies: false, reason };
}
