// `solve` adapter for Min et al.'s two-layer linear network Θ = U Vᵀ (X n×D, Y n×m, U D×h, V m×h).
// Predictions: MIN-P1 (init in the invariant set 𝓜: VU2ᵀ = 0 and U1U2ᵀ = 0 → Θ̂ = X⁺Y), MIN-E14 (any
// init: Θ∞ = Θ̂ + Φ2U2(0)V(∞)ᵀ, an exact identity using the flow's V(∞)), MIN-T2 (a probabilistic
// statement about random wide initializations: not testable on one case), references (minimum
// Frobenius norm Θ̂ and entrywise minimum-ℓ1, column by column).
import { Matrix } from 'ml-matrix';
import { FactorizationModel, decomposeData, errorE, unpackVU } from '../models/factorization.js';
import { minNormPinv } from '../bias/minNorm.js';
import { imbalanceLevel } from '../bias/min2021-predictions.js';
import { minL1 } from '../bias/minL1.js';
import { fmtNum, notTestable, type Prepared, type PredictionSpec } from './common.js';
import { lossFactor, type FactorizationCase } from './types.js';

const flatRM = (M: Matrix): Float64Array => Float64Array.from(M.to1DArray());

export function prepareFactorization(c: FactorizationCase): Prepared {
  const X = new Matrix(c.data.X);
  const Y = new Matrix(c.data.Y);
  const U0 = new Matrix(c.init.U);
  const V0 = new Matrix(c.init.V);
  const n = X.rows;
  const D = X.columns;
  const m = Y.columns;
  const h = U0.columns;
  const dec = decomposeData(X, c.hyper.rankTol);
  const model = new FactorizationModel(X, Y, h, { lossScaling: c.loss, decomposition: dec, invariant: 'lambda' });
  const theta0 = new Float64Array(h * (m + D));
  theta0.set(flatRM(V0), 0);
  theta0.set(flatRM(U0), m * h);
  const predictor = (th: Float64Array): Float64Array => {
    const { V, U } = unpackVU(th, m, D, h);
    return flatRM(U.mmul(V.transpose()));
  };
  const errNorm = (th: Float64Array): number => {
    const { V, U } = unpackVU(th, m, D, h);
    return errorE(dec, Y, V, U).norm('frobenius');
  };
  const tau = c.integrator.residualTol * (1 + Y.norm('frobenius'));
  const kappaL = lossFactor(c.loss, n);
  const thetaHat = minNormPinv(X, Y, 1e-12);
  const lamr = dec.sqrtSigma[dec.r - 1] ** 2;
  const U1 = dec.Phi1.transpose().mmul(U0);
  const U2 = dec.Phi2.transpose().mmul(U0);
  const lvl = imbalanceLevel(U1.transpose().mmul(U1).sub(V0.transpose().mmul(V0)), dec.r, m);
  const predictions: PredictionSpec[] = [];

  // The finite-time identity of MIN-E14 bounds ‖Θ − Θ̂ − Φ2U2Vᵀ‖_F by λ_r^{-1/2}‖E‖_F; both claims
  // below use it as their tolerance, with the catalog's slack (MIN-P1: + 1e-10; MIN-E14: ×(1 + 1e-8)).
  const eAllowed = (theta: Float64Array) => errNorm(theta) / Math.sqrt(lamr);

  // MIN-P1: V(0)U2(0)ᵀ = 0 and U1(0)U2(0)ᵀ = 0 → U(∞)V(∞)ᵀ = Θ̂ (assuming convergence; guaranteed if c > 0).
  {
    const spec: PredictionSpec = { claim: 'MIN-P1', title: 'Proposition 1: init in 𝓜 (VU2ᵀ = 0, U1U2ᵀ = 0) → Θ̂ = X⁺Y', applies: false, reason: '' };
    const vu = V0.mmul(U2.transpose()).norm('frobenius');
    const uu = U1.mmul(U2.transpose()).norm('frobenius');
    // "= 0" up to rounding: 1e-12 relative to the product of the norms involved.
    const nU2 = U2.norm('frobenius');
    const tolV = 1e-12 * V0.norm('frobenius') * nU2;
    const tolU = 1e-12 * U1.norm('frobenius') * nU2;
    if (vu > tolV) Object.assign(spec, { reason: `needs V(0)U2(0)ᵀ = 0 (invariant set (15)), but ‖V(0)U2(0)ᵀ‖_F = ${fmtNum(vu)}`, field: 'init.V' });
    else if (uu > tolU) Object.assign(spec, { reason: `needs U1(0)U2(0)ᵀ = 0 (invariant set (15)), but ‖U1(0)U2(0)ᵀ‖_F = ${fmtNum(uu)}; VU2ᵀ = 0 alone is not enough (L:178)`, field: 'init.U' });
    else {
      Object.assign(spec, {
        applies: true,
        reason: `init in 𝓜 (‖VU2ᵀ‖ = ${fmtNum(vu)}, ‖U1U2ᵀ‖ = ${fmtNum(uu)}); imbalance level c = ${fmtNum(lvl.c)}${lvl.c > 0 ? ' > 0, so the flow converges (Theorem 1)' : ' = 0: convergence is assumed, not guaranteed'}`,
        predict: () => ({ beta: flatRM(thetaHat) }),
        kkt: (b: Float64Array) => {
          // Θ̂ is the min-Frobenius interpolant: its gradient Θ must lie in the row space of X (Φ2ᵀΘ = 0).
          const T = new Matrix([...Array(D)].map((_, i) => Array.from(b.subarray(i * m, (i + 1) * m))));
          const nt = T.norm('frobenius');
          return nt === 0 ? 0 : dec.Phi2.transpose().mmul(T).norm('frobenius') / nt;
        },
        agreement: (f: Float64Array, p: Float64Array, theta: Float64Array) => {
          let s = 0;
          for (let i = 0; i < f.length; i++) s += (f[i] - p[i]) ** 2;
          return { observed: Math.sqrt(s), allowed: eAllowed(theta) + 1e-10, rule: '‖UVᵀ − Θ̂‖_F ≤ λ_r(Σ_x)^{−1/2}‖E(T)‖_F + 1e-10 (min2021 catalog, MIN-P1 (i))' };
        },
      });
    }
    predictions.push(spec);
  }

  // MIN-E14: Θ∞ = Θ̂ + Φ2U2(0)V(∞)ᵀ (exact once E = 0); uses the flow's V(∞).
  predictions.push({
    claim: 'MIN-E14',
    title: 'decomposition (14): Θ∞ = Θ̂ + Φ2U2(0)V(∞)ᵀ (uses the flow’s V(∞))',
    applies: true,
    reason: 'holds for every initialization once the error E vanishes',
    predict: (theta) => {
      const { V } = unpackVU(theta, m, D, h);
      return { beta: flatRM(thetaHat.clone().add(dec.Phi2.mmul(U2).mmul(V.transpose()))) };
    },
    agreement: (f, p, theta) => {
      let s = 0;
      for (let i = 0; i < f.length; i++) s += (f[i] - p[i]) ** 2;
      return { observed: Math.sqrt(s), allowed: eAllowed(theta) * (1 + 1e-8) + 1e-12 * (1 + thetaHat.norm('frobenius')), rule: '‖UVᵀ − Θ̂ − Φ2U2(0)Vᵀ‖_F ≤ λ_r^{−1/2}‖E(T)‖_F(1 + 1e-8) (min2021 catalog, MIN-E14), plus rounding 1e-12(1 + ‖Θ̂‖_F)' };
    },
  });

  predictions.push(notTestable('MIN-T2', 'Theorem 2: wide random initialization → close to Θ̂ w.h.p.', 'a high-probability statement about random N(0, h^{−2α}) initializations of growing width: one explicit initialization cannot test it (run `biascheck verify --claim MIN-T2`)'));

  // References: minimum Frobenius norm (= Θ̂, the min-ℓ2 interpolant column by column) and entrywise ℓ1.
  const consistent = dec.r === n;
  predictions.push({
    claim: 'min-ℓ2',
    title: 'minimum-Frobenius-norm least-squares solution Θ̂ = X⁺Y (reference)',
    applies: true,
    reason: consistent ? 'reference: the min-norm interpolant' : 'reference: X is rank-deficient, so Θ̂ is the min-norm least-squares solution (L* > 0)',
    reference: true,
    predict: () => ({ beta: flatRM(thetaHat) }),
  });
  predictions.push(
    consistent
      ? {
          claim: 'min-ℓ1',
          title: 'entrywise minimum-ℓ1 interpolant, column by column (LP) (reference)',
          applies: true,
          reason: 'reference',
          reference: true,
          predict: () => {
            const T = new Float64Array(D * m);
            for (let j = 0; j < m; j++) {
              const r = minL1(c.data.X, Y.getColumn(j));
              if (!r.ok) throw new Error(`LP ${r.status} for column ${j}`);
              for (let i = 0; i < D; i++) T[i * m + j] = r.beta[i];
            }
            return { beta: T };
          },
        }
      : { claim: 'min-ℓ1', title: 'entrywise minimum-ℓ1 interpolant (reference)', applies: false, reason: `X has rank ${dec.r} < n = ${n}: Y generally has no exact interpolant`, reference: true },
  );

  return {
    info: { family: 'factorization', n, D, m, width: h, rank: dec.r, lossFloor: model.lossFloor, predictor: 'Θ = U Vᵀ (D×m)', invariants: 'Λ = U1ᵀU1 − VᵀV', imbalanceLevel: lvl.c },
    model,
    theta0,
    predictor,
    shape: [D, m],
    residualNorm: errNorm,
    residualThreshold: tau,
    lossTol: kappaL * tau * tau,
    predictions,
  };
}
