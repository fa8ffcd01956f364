// `solve` adapter for Woodworth et al.'s shared diagonal model β = w₊^D − w₋^D (D ≥ 2).
// Predictions: WOO-T1 (D = 2, w± = α1), WOO-T1G (D = 2, w₊ = w₋ = αw0, no zero entry), AZU-T1G for
// any D = 2 init with w₊w₋ ≠ 0 (the model is the untied one with u = v, k_i = 4(2w₊w₋)²), WOO-T3
// (D ≥ 3, w± = α1, α > 0), WOO-T3W0 (D ≥ 3, w± = αw0, w0 > 0), and the references.
import type { FlowModel } from '../flow/types.js';
import { diagonalShared } from '../models/diagonalShared.js';
import { psiQ } from '../bias/qFunctions.js';
import { psiQD } from '../bias/qD.js';
import { qkPotential } from '../bias/qk.js';
import { azuRule, close, fmtNum, kappa, norm2, notTestable, referencePredictions, residualOf, wooRule, type Prepared, type PredictionSpec } from './common.js';
import { gradOf, separablePrediction } from './diagonalUntied.js';
import { lossFactor, type DiagonalSharedCase } from './types.js';

export function prepareDiagonalShared(c: DiagonalSharedCase): Prepared {
  const { X, y } = c.data;
  const n = X.length;
  const d = X[0].length;
  const D = c.model.depth;
  const { wPlus, wMinus } = c.init;
  const cL = lossFactor(c.loss, n);
  const base = diagonalShared({ X, y, D, cL });
  // For D ≥ 3 the invariant w₊^{2−D} + w₋^{2−D} is infinite at a zero weight: drop it there.
  const hasZero = wPlus.some((w) => w === 0) || wMinus.some((w) => w === 0);
  const model: FlowModel = D >= 3 && hasZero ? { dim: base.dim, lossFloor: 0, loss: (t) => base.loss(t), grad: (t, o) => base.grad(t, o) } : base;
  const theta0 = Float64Array.from([...wPlus, ...wMinus]);
  const tau = c.integrator.residualTol * (1 + norm2(y));
  const predictions: PredictionSpec[] = [];

  const unequal = wPlus.findIndex((w, i) => !close(w, wMinus[i]));
  const zero = wPlus.findIndex((w) => w === 0);
  const uniform = wPlus.every((w) => close(w, wPlus[0]));
  const nonPos = wPlus.findIndex((w) => !(w > 0));
  const notUnbiased = (claim: string): Partial<PredictionSpec> => ({
    reason: `${claim} needs w₊(0) = w₋(0), but init.wPlus[${unequal}] = ${wPlus[unequal]} ≠ init.wMinus[${unequal}] = ${wMinus[unequal]}`,
    field: `init.wMinus[${unequal}]`,
  });

  if (D === 2) {
    // WOO-T1: w₊(0) = w₋(0) = α1, α > 0.
    const t1: PredictionSpec = { claim: 'WOO-T1', title: 'Theorem 1 (w0 = 1): argmin Q_α, q(z) = 2 − √(4+z²) + z·asinh(z/2)', applies: false, reason: '', agreement: wooRule };
    if (unequal >= 0) Object.assign(t1, notUnbiased('WOO-T1'));
    else if (!uniform) Object.assign(t1, { reason: `needs w±(0) = α·1 (all entries equal), but init.wPlus has unequal entries (use WOO-T1G)`, field: 'init.wPlus' });
    else if (nonPos >= 0) Object.assign(t1, { reason: `needs α > 0, but init.wPlus[${nonPos}] = ${wPlus[nonPos]}`, field: `init.wPlus[${nonPos}]` });
    else {
      const psi = psiQ(Math.log(wPlus[0]), d);
      Object.assign(t1, { applies: true, reason: `w₊(0) = w₋(0) = α·1 with α = ${fmtNum(wPlus[0])}`, predict: () => separablePrediction(X, y, psi), kkt: (b: Float64Array) => kappa(X, gradOf(psi, b)) });
    }
    predictions.push(t1);

    // WOO-T1G: w₊(0) = w₋(0) = αw0, w0 without zero entries (signs of w0 are irrelevant).
    const t1g: PredictionSpec = { claim: 'WOO-T1G', title: 'Theorem 1 (general w0): argmin Σ α²w0ᵢ² q(βᵢ/(α²w0ᵢ²))', applies: false, reason: '', agreement: wooRule };
    if (unequal >= 0) Object.assign(t1g, notUnbiased('WOO-T1G'));
    else if (zero >= 0) Object.assign(t1g, { reason: `needs w0 without zero entries, but init.wPlus[${zero}] = 0 (that coordinate never moves)`, field: `init.wPlus[${zero}]` });
    else {
      const psi = psiQ(0, d, wPlus);
      Object.assign(t1g, { applies: true, reason: 'w₊(0) = w₋(0) = αw0 with no zero entry (α = 1, w0 = init.wPlus)', predict: () => separablePrediction(X, y, psi), kkt: (b: Float64Array) => kappa(X, gradOf(psi, b)) });
    }
    predictions.push(t1g);

    // AZU-T1G through u = v: u₊ = v₊ = w₊, u₋ = v₋ = w₋ gives δ± = 0, c_i = 2w₊w₋, √k_i = 4|w₊w₋|,
    // w̃(0) = w₊² − w₋². Any init with w₊w₋ ≠ 0, biased or not.
    const azu: PredictionSpec = { claim: 'AZU-T1G', title: 'Azulay general init (u = v): argmin Σ q_{k_i}(βᵢ) − βᵢ·½asinh(2β_i(0)/√k_i), √k_i = 4|w₊w₋|', applies: false, reason: '', kktTol: 1e-6, agreement: azuRule };
    const r = Float64Array.from(wPlus, (w, i) => 4 * Math.abs(w * wMinus[i]));
    const kmin = Math.min(...r);
    if (!(kmin * kmin >= 1e-8)) {
      const i = Array.from(r).indexOf(kmin);
      Object.assign(azu, { reason: `needs k_i = (4w₊ᵢw₋ᵢ)² > 0 (catalog: ≥ 1e-8), but k_${i} = ${fmtNum(kmin * kmin)}`, field: `init.wMinus[${i}]` });
    } else {
      const b0 = Float64Array.from(wPlus, (w, i) => w * w - wMinus[i] * wMinus[i]);
      const psi = qkPotential(r, b0);
      Object.assign(azu, {
        applies: true,
        reason: `the D = 2 model is the untied one with u = v; k_i > 0 everywhere${unequal >= 0 ? ' (biased init: the linear term matters)' : ''}`,
        predict: () => separablePrediction(X, y, psi),
        kkt: (b: Float64Array) => kappa(X, gradOf(psi, b)),
      });
    }
    predictions.push(azu);
    predictions.push(notTestable('WOO-T3', 'Theorem 3 (order D ≥ 3)', `needs depth D ≥ 3, but model.depth = 2`));
  } else {
    predictions.push(notTestable('WOO-T1', 'Theorem 1 (D = 2)', `needs depth 2, but model.depth = ${D}`));
    // WOO-T3: w±(0) = α1, α > 0.
    const t3: PredictionSpec = { claim: 'WOO-T3', title: `Theorem 3: argmin Q^D_α = α^D Σ q_D(βᵢ/α^D), D = ${D}`, applies: false, reason: '', agreement: wooRule };
    if (unequal >= 0) Object.assign(t3, notUnbiased('WOO-T3'));
    else if (!uniform) Object.assign(t3, { reason: 'needs w±(0) = α·1 (all entries equal), but init.wPlus has unequal entries (see WOO-T3W0)', field: 'init.wPlus' });
    else if (nonPos >= 0) Object.assign(t3, { reason: `needs α > 0, but init.wPlus[${nonPos}] = ${wPlus[nonPos]}`, field: `init.wPlus[${nonPos}]` });
    else if (!(Math.pow(wPlus[0], D) >= 1e-12)) Object.assign(t3, { reason: `α^D = ${fmtNum(Math.pow(wPlus[0], D))} < 1e-12: the q_D solver is singular in double precision (catalog SOLVE-QD)`, field: 'init.wPlus' });
    else {
      const psi = psiQD(wPlus[0], D, d);
      Object.assign(t3, { applies: true, reason: `w₊(0) = w₋(0) = α·1 with α = ${fmtNum(wPlus[0])}`, predict: () => separablePrediction(X, y, psi), kkt: (b: Float64Array) => kappa(X, gradOf(psi, b)) });
    }
    predictions.push(t3);

    // WOO-T3W0 (derived): w±(0) = αw0 with w0 > 0.
    const tw: PredictionSpec = { claim: 'WOO-T3W0', title: `order-D with non-uniform w0: argmin Σ α^D w0ᵢ² q_D(βᵢ/(α^D w0ᵢ^D)), D = ${D}`, applies: false, reason: '', agreement: wooRule };
    if (unequal >= 0) Object.assign(tw, notUnbiased('WOO-T3W0'));
    else if (nonPos >= 0) Object.assign(tw, { reason: `needs w0 > 0, but init.wPlus[${nonPos}] = ${wPlus[nonPos]}`, field: `init.wPlus[${nonPos}]` });
    else if (!(Math.min(...wPlus.map((w) => Math.pow(w, D))) >= 1e-12)) Object.assign(tw, { reason: 'min w0ᵢ^D < 1e-12: the q_D solver is singular in double precision', field: 'init.wPlus' });
    else {
      const psi = psiQD(1, D, d, wPlus);
      Object.assign(tw, { applies: true, reason: 'w₊(0) = w₋(0) = w0 > 0 (α = 1)', predict: () => separablePrediction(X, y, psi), kkt: (b: Float64Array) => kappa(X, gradOf(psi, b)) });
    }
    predictions.push(tw);
  }

  predictions.push(...referencePredictions(X, y));

  return {
    info: { family: 'diagonal-shared', depth: D, n, d, predictor: `β = w₊^${D} − w₋^${D}`, invariants: D === 2 ? 'w₊∘w₋' : hasZero ? 'none (a zero weight)' : `w₊^${2 - D} + w₋^${2 - D}` },
    model,
    theta0,
    predictor: (th) => base.predictor(th),
    residualNorm: (th) => norm2(residualOf(X, base.predictor(th), y)),
    residualThreshold: tau,
    lossTol: cL * tau * tau,
    predictions,
  };
}
