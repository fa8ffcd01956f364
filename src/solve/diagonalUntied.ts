// `solve` adapter for the untied diagonal network β = u₊∘v₊ − u₋∘v₋ (Azulay et al. 2021, eq. 8/16).
// Predictions: AZU-T1 (unbiased init, Q_k with √k = 2(u₀² + v₀²)), AZU-T1G (any init with k_i > 0,
// Q^gen with the linear term), WOO-T1G (u = v and unbiased: Woodworth's Q_{α,w0}), references.
import { diagonalUntied, packDiagonal, sqrtKOf } from '../models/diagonalUntied.js';
import { qkPotential } from '../bias/qk.js';
import { psiQ } from '../bias/qFunctions.js';
import { minSeparable, type SeparablePotential } from '../bias/separableMin.js';
import { azuRule, close, fmtNum, kappa, norm2, referencePredictions, residualOf, wooRule, type Prepared, type PredictionSpec } from './common.js';
import { lossFactor, type DiagonalUntiedCase, type Mat, type Vec } from './types.js';

/** Solve min Σψ_i s.t. Xβ = y by dual Newton (exponential links: clip dual steps at 1, catalog C3). */
export function separablePrediction(X: Mat, y: Vec, psi: SeparablePotential): { beta: Float64Array; note: string } {
  const r = minSeparable(X, y, psi, { maxDualStep: 1, maxIter: 2000 });
  if (!r.converged) throw new Error(`dual Newton did not converge (${r.message})`);
  return { beta: Float64Array.from(r.beta), note: `dual Newton, ${r.iterations} iterations, residual ${fmtNum(r.residual)}` };
}

export function gradOf(psi: SeparablePotential, beta: ArrayLike<number>): Float64Array {
  const g = new Float64Array(beta.length);
  for (let i = 0; i < beta.length; i++) g[i] = psi.grad(i, beta[i]);
  return g;
}

export function prepareDiagonalUntied(c: DiagonalUntiedCase): Prepared {
  const { X, y } = c.data;
  const n = X.length;
  const d = X[0].length;
  const { uPlus, vPlus, uMinus, vMinus } = c.init;
  const cL = lossFactor(c.loss, n);
  // The model's loss is (k/2)Σr²; k = 2c_L gives c_L·Σr².
  const model = diagonalUntied({ X, y, scaling: 2 * cL });
  const theta0 = packDiagonal(uPlus, vPlus, uMinus, vMinus);
  const w0 = model.predictor(theta0);
  const sqrtK = sqrtKOf(theta0);
  const tau = c.integrator.residualTol * (1 + norm2(y));

  const predictions: PredictionSpec[] = [];

  // AZU-T1: unbiased init u₊ = u₋, v₊ = v₋, with u₀² + v₀² > 0 (Sec. 4, lines 187–199).
  {
    const badU = uPlus.findIndex((u, i) => !close(u, uMinus[i]));
    const badV = vPlus.findIndex((v, i) => !close(v, vMinus[i]));
    const zero = uPlus.findIndex((u, i) => u * u + vPlus[i] * vPlus[i] === 0);
    const spec: PredictionSpec = { claim: 'AZU-T1', title: 'Theorem 1: unbiased init → argmin Q_k, √k_i = 2(u₀ᵢ² + v₀ᵢ²)', applies: false, reason: '', kktTol: 1e-6, agreement: azuRule };
    if (badU >= 0) Object.assign(spec, { reason: `needs an unbiased init u₊(0) = u₋(0), but init.uPlus[${badU}] = ${uPlus[badU]} ≠ init.uMinus[${badU}] = ${uMinus[badU]}`, field: `init.uMinus[${badU}]` });
    else if (badV >= 0) Object.assign(spec, { reason: `needs an unbiased init v₊(0) = v₋(0), but init.vPlus[${badV}] = ${vPlus[badV]} ≠ init.vMinus[${badV}] = ${vMinus[badV]}`, field: `init.vMinus[${badV}]` });
    else if (zero >= 0) Object.assign(spec, { reason: `needs u₀ᵢ² + v₀ᵢ² > 0, but coordinate ${zero} of init.uPlus and init.vPlus is 0`, field: `init.uPlus[${zero}]` });
    else {
      const r = Float64Array.from(uPlus, (u, i) => 2 * (u * u + vPlus[i] * vPlus[i]));
      const psi = qkPotential(r);
      Object.assign(spec, {
        applies: true,
        reason: 'unbiased initialization (u₊ = u₋, v₊ = v₋) with u₀² + v₀² > 0',
        predict: () => separablePrediction(X, y, psi),
        kkt: (b: Float64Array) => kappa(X, gradOf(psi, b)),
      });
    }
    predictions.push(spec);
  }

  // AZU-T1G: any init with k_i > 0 → argmin Q^gen (App. A with the linear term the paper omits).
  {
    const kmin = Math.min(...sqrtK);
    const spec: PredictionSpec = { claim: 'AZU-T1G', title: 'general init → argmin Σ q_{k_i}(w_i) − w_i·½asinh(2w̃_i(0)/√k_i)', applies: false, reason: '', kktTol: 1e-6, agreement: azuRule };
    // Catalog AZU-T1G rejects min k_i < 1e-8 (k, not √k): below that the potential is numerically ℓ1-like.
    if (!(kmin * kmin >= 1e-8)) {
      const i = Array.from(sqrtK).indexOf(kmin);
      Object.assign(spec, { reason: `needs k_i = (δ₊ − δ₋)² + 4c_i² > 0 (catalog: ≥ 1e-8), but k_${i} = ${fmtNum(kmin * kmin)} (coordinate ${i} of init)`, field: `init.uPlus[${i}]` });
    } else {
      const psi = qkPotential(sqrtK, w0);
      Object.assign(spec, {
        applies: true,
        reason: `k_i > 0 for every coordinate (min k_i = ${fmtNum(kmin * kmin)}); w̃(0) = ${norm2(w0) === 0 ? '0: the unbiased case' : 'nonzero: the linear term matters'}`,
        predict: () => separablePrediction(X, y, psi),
        kkt: (b: Float64Array) => kappa(X, gradOf(psi, b)),
      });
    }
    predictions.push(spec);
  }

  // WOO-T1G via u = v: u₊ = v₊ = w₊, u₋ = v₋ = w₋ is Woodworth's M1 (time scaled by 2). Theorem 1 needs
  // w₊(0) = w₋(0) = αw0 with no zero entry; we take α = 1, w0 = u₊(0).
  {
    const spec: PredictionSpec = { claim: 'WOO-T1G', title: 'u = v and unbiased: Woodworth Theorem 1 → argmin Q_{α,w0}', applies: false, reason: '', agreement: wooRule };
    const bu = uPlus.findIndex((u, i) => !close(u, vPlus[i]));
    const bm = uMinus.findIndex((u, i) => !close(u, vMinus[i]));
    const bb = uPlus.findIndex((u, i) => !close(u, uMinus[i]));
    const bz = uPlus.findIndex((u) => u === 0);
    if (bu >= 0) Object.assign(spec, { reason: `applies to u = v only, but init.uPlus[${bu}] = ${uPlus[bu]} ≠ init.vPlus[${bu}] = ${vPlus[bu]}`, field: `init.vPlus[${bu}]` });
    else if (bm >= 0) Object.assign(spec, { reason: `applies to u = v only, but init.uMinus[${bm}] = ${uMinus[bm]} ≠ init.vMinus[${bm}] = ${vMinus[bm]}`, field: `init.vMinus[${bm}]` });
    else if (bb >= 0) Object.assign(spec, { reason: `needs w₊(0) = w₋(0) (unbiased), but init.uPlus[${bb}] ≠ init.uMinus[${bb}]`, field: `init.uMinus[${bb}]` });
    else if (bz >= 0) Object.assign(spec, { reason: `needs w0 with no zero entry, but init.uPlus[${bz}] = 0`, field: `init.uPlus[${bz}]` });
    else {
      const psi = psiQ(0, d, uPlus);
      Object.assign(spec, {
        applies: true,
        reason: 'u₊ = v₊ = u₋ = v₋ = αw0 with no zero entry (Woodworth’s M1 up to a time rescaling)',
        predict: () => separablePrediction(X, y, psi),
        kkt: (b: Float64Array) => kappa(X, gradOf(psi, b)),
      });
    }
    predictions.push(spec);
  }

  predictions.push(...referencePredictions(X, y));

  return {
    info: { family: 'diagonal-untied', n, d, predictor: 'β = u₊∘v₊ − u₋∘v₋', invariants: 'v₊² − u₊², v₋² − u₋², u₊u₋ + v₊v₋ per coordinate' },
    model,
    theta0,
    predictor: (th) => model.predictor(th),
    residualNorm: (th) => norm2(residualOf(X, model.predictor(th), y)),
    residualThreshold: tau,
    lossTol: cL * tau * tau,
    predictions,
  };
}
