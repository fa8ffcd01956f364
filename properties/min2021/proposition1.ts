// Proposition 1 of Min et al. (2021): the orthogonality set 𝓜 (15) is invariant, and initializations in 𝓜
// converge to the min-norm solution Θ̂.
import { Matrix, LuDecomposition } from 'ml-matrix';
import { defineClaim, within, all, inconclusive, type Outcome, type Claim, type Tier } from '../../src/core/claim.js';
import { gaussianMatrix, projectorOnto } from '../../src/linalg/index.js';
import { packVU, unpackVU, imbalance, frob2 } from '../../src/models/factorization.js';
import { minNormFromDecomposition } from '../../src/bias/minNorm.js';
import { imbalanceLevel } from '../../src/bias/min2021-predictions.js';
import { instArb, buildProblem, rk4, dtRule, errorOf, frob, EPS, type Inst, type Problem } from './common.js';
import { CONV_STEPS, flowModel } from './theorem1.js';

const P = 'min2021';

/** G-INV (h ≥ m + r + 1): U2(0) = G·P⊥ with P⊥ the projector off the rows of R = [V(0); U1(0)] (or of V(0) only). */
function ginv(i: Inst, onlyV: boolean): Problem {
  const p = buildProblem(i);
  const { m, r, h, D } = p.inst;
  const R = new Matrix(onlyV ? m : m + r, h);
  for (let a = 0; a < m; a++) R.setRow(a, p.V0.getRow(a));
  if (!onlyV) for (let a = 0; a < r; a++) R.setRow(m + a, p.U10.getRow(a));
  const Pperp = Matrix.eye(h).sub(R.transpose().mmul(new LuDecomposition(R.mmul(R.transpose())).solve(R)));
  const U20 = gaussianMatrix(p.rng, D - r, h, frob(p.U10) / Math.sqrt(r * h)).mmul(Pperp);
  const U0 = p.dec.Phi1.mmul(p.U10).add(p.dec.Phi2.mmul(U20));
  return { ...p, U0, U20 };
}

const ginvArb = instArb({ regimes: ['wide'], kMax: 4 }).map((i) => ({ ...i, h: Math.max(i.h, i.m + i.r + 1) }));

interface InvRun {
  converged: boolean;
  eT: number;
  /** max_t ‖Z̃(t)‖ / tol(t) for Z̃ = [VU2(0)ᵀ; U1U2(0)ᵀ] (or its V-block only). */
  worstZt: number;
  last: Float64Array;
  steps: number;
}

/**
 * Integrate (7) in (V, U1) by RK4 until ‖E‖ ≤ 1e-9·max(1, ‖E(0)‖), tracking Z̃ = [VU2(0)ᵀ; U1U2(0)ᵀ].
 * U2 ≡ U2(0) along (3) (MIN-U2CONST), so (V(t), Φ1U1(t) + Φ2U2(0)) is the trajectory of (3).
 */
function runInv(p: Problem, tier: Tier, vBlockOnly: boolean, budget: Record<Tier, number> = CONV_STEPS): InvRun {
  const { m, r, h } = p.inst;
  const rep = flowModel(p);
  const E0 = frob(errorOf(p, p.V0, p.U10));
  const stopE = 1e-9 * Math.max(1, E0);
  const U20t = p.U20.transpose();
  const zt = (V: Matrix, U1: Matrix) => (vBlockOnly ? frob(V.mmul(U20t)) : Math.sqrt(frob(V.mmul(U20t)) ** 2 + frob(U1.mmul(U20t)) ** 2));
  const zt0 = zt(p.V0, p.U10);
  const nU2 = frob(p.U20);
  let integ = 0; // ∫‖E‖ for the Grönwall factor of (38)
  let prevE = E0, prevT = 0, eT = E0, steps = 0, worst = 0, zmax = Math.sqrt(frob2(packVU(p.V0, p.U10)));
  let last = packVU(p.V0, p.U10);
  rk4(rep, last, {
    tMax: 60 / (p.lamr * Math.max(imbalanceLevel(imbalance(p.V0, p.U10), r, m).c, 1e-3)),
    dt: dtRule(rep, p.lam1, 0.25),
    maxSteps: budget[tier],
    onNode: (t, th, k) => {
      last = th;
      steps = k;
      eT = Math.sqrt(frob2(rep.error(th)));
      integ += 0.5 * (t - prevT) * (eT + prevE);
      prevE = eT;
      prevT = t;
      const z = Math.sqrt(frob2(th));
      if (z > zmax) zmax = z;
      if (k % 10 === 0 || eT <= stopE) {
        // RK4 maps the subspace Z̃ = 0 to itself up to round-off: per step ≲ 64ε·(m+r)·‖Z‖‖U2(0)‖, and a
        // perturbation grows at most by the Grönwall factor exp(λ_1^{1/2}∫‖E‖) of (38)
        const tol = Math.exp(Math.sqrt(p.lam1) * integ) * (zt0 + 64 * EPS * (m + r) * (k + 1) * zmax * nU2) + 1e-300;
        const { V, U } = unpackVU(th, m, r, h);
        worst = Math.max(worst, zt(V, U) / tol);
      }
      return eT <= stopE;
    },
  });
  return { converged: eT <= stopE, eT, worstZt: worst, last, steps };
}

function invCheck(i: Inst, tier: Tier, onlyV: boolean): Outcome {
  const p = ginv(i, onlyV);
  // invariance is a statement for every t: integrate to convergence or to a step budget
  const run = runInv(p, tier, onlyV, { ci: 8000, default: 40000, deep: 200000 });
  const what = onlyV ? 'max_t ‖V(t)U2(0)ᵀ‖/tol (only VU2ᵀ = 0 at t = 0)' : 'max_t ‖Z̃(t)‖/tol';
  return within(run.worstZt, 1, what, { steps: run.steps, converged: run.converged });
}

export const minInv = defineClaim<Inst>({
  id: 'MIN-INV',
  paper: P,
  title: 'the orthogonality set 𝓜 = {VU2ᵀ = 0, U1U2ᵀ = 0} (15) is invariant',
  statement:
    '𝓜 := {(V, U): VU2ᵀ = 0 and U1U2ᵀ = 0} is invariant under (3) (Z̃ obeys the linear ODE (16), so Z̃(0) = 0 ⇒ Z̃ ≡ 0). Checked from G-INV starts (h ≥ m + r + 1) along RK4 trajectories of (7) with U2 ≡ U2(0) (MIN-U2CONST) to convergence: ‖Z̃(t)‖ stays within the round-off bound times the Grönwall factor of (38).',
  where: 'L:174, L:180',
  kind: 'property',
  expected: 'holds',
  arbitrary: ginvArb,
  check: (i, ctx) => invCheck(i, ctx.tier, false),
  falsifiers: [{ name: '{VU2ᵀ = 0} alone is invariant', description: 'with U1(0)U2(0)ᵀ ≠ 0, VU2(0)ᵀ is driven by the coupling in A_Z and becomes O(1)', check: (i, ctx) => invCheck(i, ctx.tier, true), runs: 3 }],
  runs: { ci: 4, default: 15, deep: 60 },
});

function p1Check(i: Inst, tier: Tier, onlyV: boolean): Outcome {
  const p = ginv(i, onlyV);
  const { m, D, h, r } = p.inst;
  const Th = minNormFromDecomposition(p.dec, p.Y);
  const out: Outcome[] = [];
  if (!onlyV) {
    // (ii) static companion: points of 𝓜 with E = 0 have UVᵀ = Θ̂
    const B = p.WtY.clone();
    for (let a = 0; a < r; a++) for (let b = 0; b < m; b++) B.set(a, b, B.get(a, b) / p.dec.sqrtSigma[a]);
    const VV = p.V0.mmul(p.V0.transpose());
    const U1 = B.mmul(new LuDecomposition(VV).solve(p.V0));
    const R = new Matrix(m + r, h);
    for (let a = 0; a < m; a++) R.setRow(a, p.V0.getRow(a));
    for (let a = 0; a < r; a++) R.setRow(m + a, U1.getRow(a));
    const Pp = Matrix.eye(h).sub(projectorOnto(R.transpose())); // rows of U1 lie in row(V): R has rank m
    const U2 = gaussianMatrix(p.rng, D - r, h).mmul(Pp);
    const U = p.dec.Phi1.mmul(U1).add(p.dec.Phi2.mmul(U2));
    // conditioning of the two solves enters the round-off: 1e-11·‖Θ̂‖ (catalog) times κ(VVᵀ)/100 when larger
    out.push(within(frob(U.mmul(p.V0.transpose()).sub(Th)), 1e-11 * Math.max(1, frob(Th)) * Math.max(1, frob(VV) * frob(new LuDecomposition(VV).solve(Matrix.eye(m))) / 100), 'static: ‖UVᵀ − Θ̂‖ on 𝓜 ∩ {E = 0}'));
  }
  // (i) from G-INV to convergence
  const run = runInv(p, tier, false);
  if (!run.converged) return all([...out, inconclusive(`not converged in ${run.steps} steps (‖E‖ = ${run.eT.toExponential(2)})`)]);
  const { V, U: U1T } = unpackVU(run.last, m, r, h);
  const U = p.dec.Phi1.mmul(U1T).add(p.dec.Phi2.mmul(p.U20));
  // ‖UVᵀ − Θ̂‖ ≤ λ_r^{−1/2}‖E(T)‖ + ‖U2Vᵀ‖ where U2Vᵀ ≈ 0 on 𝓜 (round-off: 1e-10·max(1, ‖Θ̂‖), catalog)
  const tol = run.eT / Math.sqrt(p.lamr) + 1e-10 * Math.max(1, frob(Th));
  out.push(within(frob(U.mmul(V.transpose()).sub(Th)), tol, onlyV ? '‖U(T)V(T)ᵀ − Θ̂‖ (only VU2ᵀ = 0)' : '‖U(T)V(T)ᵀ − Θ̂‖ from 𝓜'));
  return all(out);
}

export const minP1 = defineClaim<Inst>({
  id: 'MIN-P1',
  paper: P,
  title: 'Proposition 1: initialization in 𝓜 gives the min-norm solution Θ̂',
  statement:
    'If the flow converges with E = 0 (guaranteed when c > 0, h ≥ m + r + 1 here) and V(0)U2(0)ᵀ = 0, U1(0)U2(0)ᵀ = 0, then U(∞)V(∞)ᵀ = Θ̂; every point of 𝓜 with E = 0 has UVᵀ = Θ̂. Runs that do not converge within budget are inconclusive.',
  where: '§3.1 Prop. 1, eq. (15), L:162–176; remark L:178',
  kind: 'property',
  expected: 'holds',
  arbitrary: ginvArb,
  check: (i, ctx) => p1Check(i, ctx.tier, false),
  falsifiers: [{ name: 'only V(0)U2(0)ᵀ = 0', description: 'dropping U1(0)U2(0)ᵀ = 0 (the paper’s own remark, L:178): the limit is not Θ̂', check: (i, ctx) => p1Check(i, ctx.tier, true), runs: 4 }],
  runs: { ci: 4, default: 15, deep: 60 },
});

export const proposition1Claims: Claim[] = [minInv, minP1] as Claim[];
