// `solve` adapter for the depth-2 fully connected linear network β = Σᵢ aᵢwᵢ = W a (Azulay et al. 2021,
// Sec. 6). Predictions: AZU-T2 (m = 1, δ = a² − ‖w‖² ≥ 0, w̃(0) ≠ 0), AZU-P1 (m > 1, Δ = aaᵀ − WᵀW = 0),
// AZU-T3ID (any init: w̃∞ = w_mn + P⊥W(0)a(∞), an exact identity that uses the flow's a(∞)),
// AZU-T3 / YUN-T7 (limits over vanishing initializations: not testable on one case), references.
import { fullyConnected, packFC } from '../models/fullyConnected.js';
import { gradQDelta, qDeltaObjective } from '../bias/azuQhat.js';
import { minNorm, nullSpaceNewton, projectRange } from '../bias/azuCommon.js';
import { azuRule, fmtNum, kappa, norm2, notTestable, referencePredictions, residualOf, type Prepared, type PredictionSpec } from './common.js';
import { lossFactor, type FullyConnectedCase } from './types.js';

export function prepareFullyConnected(c: FullyConnectedCase): Prepared {
  const { X, y } = c.data;
  const n = X.length;
  const d = X[0].length;
  const { a, W } = c.init;
  const m = a.length;
  const cL = lossFactor(c.loss, n);
  const model = fullyConnected({ X, y, m, scaling: 2 * cL }); // (k/2)Σr² with k = 2c_L
  const columns = Array.from({ length: m }, (_, i) => W.map((row) => row[i]));
  const theta0 = packFC(a, columns);
  const w0 = model.predictor(theta0);
  const tau = c.integrator.residualTol * (1 + norm2(y));
  const predictions: PredictionSpec[] = [];

  const nw0 = norm2(w0);
  const solveQ = (delta: number) => () => {
    // gtol 1e-12: the reduced gradient cannot go much below ~1e-12 in double precision (Armijo stalls
    // at the rounding floor of f); the solution error is then ≈ cond(∇²q)·1e-12, far below the 1e-6 check.
    const r = nullSpaceNewton(X, y, qDeltaObjective(w0, delta), { maxIter: 500, gtol: 1e-12 });
    if (!r.converged && !(r.reducedGrad <= 1e-10)) throw new Error(`null-space Newton did not converge (reduced gradient ${fmtNum(r.reducedGrad)})`);
    return { beta: r.w, note: `null-space Newton, ${r.iterations} iterations, reduced gradient ${fmtNum(r.reducedGrad)}` };
  };

  // AZU-T2: m = 1, δ ≥ 0, w̃(0) ≠ 0 (Sec. 6, Thm 2, lines 269–283).
  {
    const spec: PredictionSpec = { claim: 'AZU-T2', title: 'Theorem 2 (one neuron): argmin q̂_δ(‖w‖) + zᵀw', applies: false, reason: '', kktTol: 1e-6, agreement: azuRule };
    const delta = a[0] * a[0] - columns[0].reduce((s, v) => s + v * v, 0);
    if (m !== 1) Object.assign(spec, { reason: `needs a single hidden neuron, but init.a has m = ${m} entries (see AZU-P1)`, field: 'init.a' });
    else if (delta < 0) Object.assign(spec, { reason: `needs δ = a(0)² − ‖w(0)‖² ≥ 0 (shape s ≥ 0), but δ = ${fmtNum(delta)}`, field: 'init.a[0]' });
    else if (!(nw0 >= 1e-8)) Object.assign(spec, { reason: `needs w̃(0) = a(0)w(0) ≠ 0 (catalog: ‖w̃(0)‖ ≥ 1e-8, z is undefined otherwise), but ‖w̃(0)‖ = ${fmtNum(nw0)}`, field: 'init.W' });
    else {
      Object.assign(spec, {
        applies: true,
        reason: `one neuron with δ = ${fmtNum(delta)} ≥ 0 and w̃(0) ≠ 0`,
        predict: solveQ(delta),
        kkt: (b: Float64Array) => kappa(X, gradQDelta(b, w0, delta)),
      });
    }
    predictions.push(spec);
  }

  // AZU-P1: m > 1, Δ = aaᵀ − WᵀW = 0 at t = 0, w̃(0) ≠ 0 (Sec. 6, lines 285–291) → q with δ = 0.
  {
    const spec: PredictionSpec = { claim: 'AZU-P1', title: 'Proposition 1 (Δ = 0): argmin ‖w‖^{3/2} − (3/2)‖w̃(0)‖^{−1/2} w̃(0)ᵀw', applies: false, reason: '', kktTol: 1e-6, agreement: azuRule };
    let worst = 0;
    let scale = 0;
    for (let i = 0; i < m; i++) {
      scale += a[i] * a[i] + columns[i].reduce((s, v) => s + v * v, 0);
      for (let k = 0; k < m; k++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += columns[i][j] * columns[k][j];
        worst = Math.max(worst, Math.abs(a[i] * a[k] - s));
      }
    }
    // "Δ = 0" up to rounding of the products: 1e-12 relative to ‖a‖² + ‖W‖_F².
    if (m === 1) Object.assign(spec, { reason: 'needs m > 1 neurons (for m = 1 see AZU-T2)', field: 'init.a' });
    else if (worst > 1e-12 * scale) Object.assign(spec, { reason: `needs Δ = aaᵀ − WᵀW = 0, but max|Δ_ik| = ${fmtNum(worst)} (balanced init: W = v aᵀ with ‖v‖ = 1)`, field: 'init.W' });
    else if (!(nw0 >= 1e-8)) Object.assign(spec, { reason: `needs w̃(0) = Wa ≠ 0, but ‖w̃(0)‖ = ${fmtNum(nw0)}`, field: 'init.W' });
    else Object.assign(spec, { applies: true, reason: `Δ = 0 (max|Δ_ik| = ${fmtNum(worst)}) and w̃(0) ≠ 0`, predict: solveQ(0), kkt: (b: Float64Array) => kappa(X, gradQDelta(b, w0, 0)) });
    predictions.push(spec);
  }

  // AZU-T3ID: P⊥W(t) = P⊥W(0), hence w̃∞ = w_mn + P⊥W(0)a(∞) (exact, any init). Uses the flow's a(∞).
  {
    const wmn = minNorm(X, y);
    predictions.push({
      claim: 'AZU-T3ID',
      title: 'exact decomposition w̃∞ = w_mn + P⊥W(0)a(∞) (uses the flow’s a(∞))',
      applies: true,
      reason: 'holds for every initialization of the linear network once Xw̃∞ = y',
      predict: (theta) => {
        const aInf = theta.subarray(0, m);
        const Wa = new Float64Array(d);
        for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) Wa[j] += columns[i][j] * aInf[i];
        const { Pv } = projectRange(X, Wa);
        const beta = new Float64Array(d);
        for (let j = 0; j < d; j++) beta[j] = wmn[j] + Wa[j] - Pv[j];
        return { beta };
      },
      // Catalog AZU-T3ID: ‖P⊥(w̃∞ − W(0)a∞)‖ ≤ 1e-9(1 + ‖w̃∞‖). Only the part off the row space is
      // compared: the row-space part is the interpolation residual, which the convergence test bounds.
      agreement: (f, p) => {
        const e = Float64Array.from(f, (fj, j) => fj - p[j]);
        const { Pv } = projectRange(X, e);
        let s = 0;
        for (let j = 0; j < d; j++) s += (e[j] - Pv[j]) ** 2;
        return { observed: Math.sqrt(s), allowed: 1e-9 * (1 + norm2(f)), rule: '‖P⊥(w̃∞ − W(0)a∞)‖ ≤ 1e-9(1 + ‖w̃∞‖) (azulay2021 catalog, AZU-T3ID)' };
      },
    });
  }

  predictions.push(
    notTestable('AZU-T3', 'Theorem 3: vanishing initialization → min-ℓ2', 'a limit over initializations ‖w̃ᵢ(0)‖ → 0: one case cannot test it (see AZU-T3ID and the min-ℓ2 reference; run `biascheck verify --claim AZU-T3`)'),
  );
  predictions.push(...referencePredictions(X, y));

  return {
    info: { family: 'fully-connected', n, d, width: m, predictor: 'β = W a = Σᵢ aᵢwᵢ', invariants: 'Δ = aaᵀ − WᵀW' },
    model,
    theta0,
    predictor: (th) => model.predictor(th),
    residualNorm: (th) => norm2(residualOf(X, model.predictor(th), y)),
    residualThreshold: tau,
    lossTol: cL * tau * tau,
    predictions,
  };
}
