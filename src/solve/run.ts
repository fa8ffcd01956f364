// The `solve` engine: case → adapter → gradient flow → every prediction → one result object.
// Exit codes (the CLI returns them): 0 the flow converged and agrees with every applicable claim;
// 1 the flow converged but disagrees with an applicable claim beyond that claim's tolerance (a
// counterexample on your data, or a numerical problem worth reporting); 2 bad input (CaseError);
// 3 the flow did not converge (diverged, or not within maxTime / maxSteps / wallSeconds).
import { integrateFlow } from '../flow/index.js';
import type { FlowSolution } from '../flow/types.js';
import { prepareDiagonalShared } from './diagonalShared.js';
import { prepareDiagonalUntied } from './diagonalUntied.js';
import { prepareFactorization } from './factorization.js';
import { prepareFullyConnected } from './fullyConnected.js';
import { prepareTensor } from './tensor.js';
import { diff, fmtNum, norm2, type Prepared } from './common.js';
import { CaseError, type Case } from './types.js';

export function prepare(c: Case): Prepared {
  switch (c.model.family) {
    case 'diagonal-shared':
      return prepareDiagonalShared(c as Extract<Case, { model: { family: 'diagonal-shared' } }>);
    case 'diagonal-untied':
      return prepareDiagonalUntied(c as Extract<Case, { model: { family: 'diagonal-untied' } }>);
    case 'fully-connected':
      return prepareFullyConnected(c as Extract<Case, { model: { family: 'fully-connected' } }>);
    case 'factorization':
      return prepareFactorization(c as Extract<Case, { model: { family: 'factorization' } }>);
    case 'tensor':
      return prepareTensor(c as Extract<Case, { model: { family: 'tensor' } }>);
  }
}

export interface PredictionResult {
  claim: string;
  title: string;
  applies: boolean;
  reason: string;
  reference: boolean;
  beta: number[] | number[][] | null;
  distance: number | null;
  relativeDistance: number | null;
  kktResidual: number | null;
  /** The claim's own tolerance applied to this case (null for references and claims that do not apply). */
  tolerance: { observed: number; allowed: number; kktAllowed: number | null; rule: string } | null;
  /** true/false for applicable claims, null for references / not applicable / not evaluated. */
  agrees: boolean | null;
  note?: string;
}

export interface SolveResult {
  case: string | null;
  model: Record<string, unknown>;
  loss: string;
  flow: {
    status: FlowSolution['status'];
    converged: boolean;
    beta: number[] | number[][];
    loss: number;
    residual: number;
    residualThreshold: number;
    t: number;
    steps: number;
    rhsEvals: number;
    wallSeconds: number;
    invariantDrift: number;
    message: string;
  };
  predictions: PredictionResult[];
  exitCode: 0 | 1 | 3;
  summary: string;
}

const reshape = (v: Float64Array, shape?: [number, number]): number[] | number[][] =>
  shape ? Array.from({ length: shape[0] }, (_, i) => Array.from(v.subarray(i * shape[1], (i + 1) * shape[1]))) : Array.from(v);

/**
 * Checks the claims a case names (case.claims or --claim): each must be known for the family and
 * applicable, else a CaseError naming the field that breaks its hypothesis (exit 2), before any flow runs.
 */
export function checkRequestedClaims(c: Case, p: Prepared, requested: string[], fieldOf: (i: number) => string): void {
  requested.forEach((id, i) => {
    const spec = p.predictions.find((s) => s.claim === id);
    if (!spec) {
      const known = p.predictions.map((s) => s.claim).join(', ');
      throw new CaseError(fieldOf(i), `claim ${id} makes no prediction for model '${c.model.family}' (this family lists: ${known})`);
    }
    if (!spec.applies) throw new CaseError(spec.field ?? fieldOf(i), `outside the hypotheses of ${id}: ${spec.reason}`);
  });
}

export function runCase(c: Case, p: Prepared, caseName: string | null): SolveResult {
  const I = c.integrator;
  const sol = integrateFlow(p.model, p.theta0, {
    method: I.method,
    rtol: I.rtol,
    atol: I.atol,
    h: I.h,
    tMax: I.maxTime,
    maxSteps: I.maxSteps,
    wallSeconds: I.wallSeconds,
    lossTol: p.lossTol,
    recordEvery: 1_000_000, // only the endpoints: solve reports the limit, not the path
  });
  const theta = sol.theta;
  const betaFlow = p.predictor(theta);
  const residual = p.residualNorm(theta);
  // The integrator's status says the loss crossed lossTol; the residual itself is re-checked here, and
  // a non-finite state is never reported as converged.
  const finite = betaFlow.every(Number.isFinite) && Number.isFinite(residual);
  const converged = sol.status === 'converged' && finite && residual <= p.residualThreshold * (1 + 1e-9);

  const predictions: PredictionResult[] = p.predictions.map((s) => {
    const out: PredictionResult = {
      claim: s.claim,
      title: s.title,
      applies: s.applies,
      reason: s.reason,
      reference: !!s.reference,
      beta: null,
      distance: null,
      relativeDistance: null,
      kktResidual: null,
      tolerance: null,
      agrees: null,
    };
    if (!s.applies || !s.predict) return out;
    try {
      const pr = s.predict(theta);
      if (!pr.beta.every(Number.isFinite)) throw new Error('the predicted minimizer is not finite');
      out.beta = reshape(pr.beta, p.shape);
      if (pr.note) out.note = pr.note;
      if (finite) {
        const dist = norm2(diff(betaFlow, pr.beta));
        out.distance = dist;
        const np = norm2(pr.beta);
        out.relativeDistance = np > 0 ? dist / np : null;
        if (s.kkt) {
          const k = s.kkt(betaFlow);
          out.kktResidual = Number.isFinite(k) ? k : null;
        }
        if (!s.reference && s.agreement && converged) {
          const a = s.agreement(betaFlow, pr.beta, theta);
          const kktOk = s.kktTol === undefined || (out.kktResidual !== null && out.kktResidual <= s.kktTol);
          out.tolerance = { observed: a.observed, allowed: a.allowed, kktAllowed: s.kktTol ?? null, rule: a.rule };
          out.agrees = a.observed <= a.allowed && kktOk;
        }
      }
    } catch (e) {
      out.note = `prediction failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    return out;
  });

  const applicable = predictions.filter((q) => q.applies && !q.reference);
  const disagree = applicable.filter((q) => q.agrees === false);
  const failedPred = applicable.filter((q) => q.beta === null);
  let exitCode: 0 | 1 | 3;
  let summary: string;
  if (!converged) {
    exitCode = 3;
    const why =
      sol.status === 'diverged' || !finite
        ? `the flow diverged at t = ${fmtNum(sol.t)} (‖θ‖∞ grew past 1e12 or became non-finite); lower the initialization scale or check the data`
        : sol.status === 'converged'
          ? `the loss reached its tolerance but ‖residual‖ = ${fmtNum(residual)} > ${fmtNum(p.residualThreshold)}`
          : `the flow did not converge: status ${sol.status} at t = ${fmtNum(sol.t)} after ${sol.stats.steps} steps, ‖residual‖ = ${fmtNum(residual)} > ${fmtNum(p.residualThreshold)}; raise integrator.maxTime (now ${fmtNum(I.maxTime)}), integrator.maxSteps or integrator.wallSeconds`;
    summary = why;
  } else if (disagree.length > 0) {
    exitCode = 1;
    summary = `the flow's limit disagrees with ${disagree.map((q) => q.claim).join(', ')} beyond the claim's tolerance`;
  } else if (failedPred.length > 0) {
    exitCode = 1;
    summary = `the predicted minimizer could not be computed for ${failedPred.map((q) => q.claim).join(', ')}`;
  } else {
    exitCode = 0;
    summary = applicable.length
      ? `the flow converged and agrees with ${applicable.map((q) => q.claim).join(', ')}`
      : 'the flow converged; no claim’s hypotheses are met by this case (see the reasons)';
  }

  return {
    case: caseName,
    model: p.info,
    loss: c.loss,
    flow: {
      status: sol.status,
      converged,
      beta: reshape(betaFlow, p.shape),
      loss: sol.loss,
      residual,
      residualThreshold: p.residualThreshold,
      t: sol.t,
      steps: sol.stats.steps,
      rhsEvals: sol.stats.rhsEvals,
      wallSeconds: sol.stats.wallSeconds,
      invariantDrift: sol.invariantDrift,
      message: sol.message,
    },
    predictions,
    exitCode,
    summary,
  };
}
