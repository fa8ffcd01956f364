// Claims about the diagonal models M1/M2/M3: Theorems 1–3, the closed-form flows, the kernel and
// rich limits, Lemma 4, escape times, and the parameter-distance comparison (WOO-LINREG, WOO-RNEQ).
import fc from 'fast-check';
import { defineClaim, fail, pass, inconclusive, within, all, fmt, type Claim, type Outcome, type Tier } from '../../src/core/claim.js';
import { Rng } from '../../src/random/rng.js';
import { q, Qalpha } from '../../src/bias/qFunctions.js';
import { hD, qD } from '../../src/bias/qD.js';
import { rParam, Ralpha } from '../../src/bias/qR.js';
import { minL1 } from '../../src/bias/minL1.js';
import { minL2, minWeightedL2 } from '../../src/bias/minL2.js';
import { minSeparable, minSeparablePrimal } from '../../src/bias/separableMin.js';
import { psiQ } from '../../src/bias/qFunctions.js';
import { psiQD } from '../../src/bias/qD.js';
import { distInf, dist2, rowBasis, projectOut, solveSPD, weightedGram } from '../../src/bias/wooDense.js';
import { diagonalShared } from '../../src/models/diagonalShared.js';
import { diagonalUntied } from '../../src/models/diagonalUntied.js';
import { componentwiseInvariantDrift, integrateFlow } from '../../src/flow/index.js';
import { wallScale } from '../../src/flow/wallBudget.js';
import { symEig } from '../../src/linalg/index.js';
import { Matrix } from 'ml-matrix';
import { qBig, big, bigNum, B } from '../../src/bias/qBig.js';
import type { FlowModel } from '../../src/flow/types.js';
import { PAPER, seedArb, genReg, genW0, solveQ, solveQD, flowToLimit, flowWall, l1, nrm2, nrmInf, matVec, matTVec, logLogSlope, tailLimitVerdict, type RegData } from './common.js';

// tolFlow (S8 default, flow limit vs argmin), derived: the flow is accepted at ‖res‖ ≤ 1e-9(1+‖y‖); what is left of its
// path is the K_∞-weighted least-norm correction K Xᵀ(XKXᵀ)⁻¹res, ≤ (λ_max(K)/λ_min(XKXᵀ))^{½}·‖res‖, ≲ 1e3·1e-9 at the
// generator's cond(XXᵀ) ≤ 1e6 with a moderate spread of the K weights; DOPRI5 at rtol 1e-11 adds ≲ 1e-11 per step over
// ≲ 1e3 steps; SOLVE-Q/QD stop at 1e-13. Typical total ~1e-9 (catalog pre-check 5e-13–7e-9); 1e-6 relative covers the
// ill-conditioned end. Calibration WOO-T1: worst margin 1.5e-3 (headroom ~700).
const tolFlow = (ref: ArrayLike<number>) => 1e-6 * (1 + nrmInf(ref));

// ───────────────────────────── WOO-T1 / WOO-T1G ─────────────────────────────
interface T1Inst { seed: number; d: number; N: number; la: number; nonUniform: boolean }
const t1Arb = (laMin: number, laMax: number, nonUniform: boolean | null) =>
  fc
    .record({ seed: seedArb, d: fc.integer({ min: 3, max: 16 }), N: fc.integer({ min: 1, max: 8 }), la: fc.double({ min: laMin, max: laMax, noNaN: true }), nonUniform: nonUniform === null ? fc.boolean() : fc.constant(nonUniform) })
    .map((i) => ({ ...i, N: Math.min(i.N, i.d - 1) }));
function t1Data(i: T1Inst): { data: RegData; w0?: number[]; alpha: number } {
  const data = genReg(i.seed, i.d, i.N, true);
  const w0 = i.nonUniform ? genW0(new Rng(i.seed ^ 0x5bd1e995), i.d, 1) : undefined;
  return { data, w0, alpha: 10 ** i.la };
}
const flowMemo = new Map<string, ReturnType<typeof flowToLimit>>();
function memoFlow(key: string, f: () => ReturnType<typeof flowToLimit>) {
  const hit = flowMemo.get(key);
  if (hit) return hit;
  const v = f();
  if (flowMemo.size > 200) flowMemo.clear();
  flowMemo.set(key, v);
  return v;
}
/** Flow limit of M1 vs a reference minimizer produced by `ref` (the claim's or a mutant's). */
function t1Check(i: T1Inst, tier: Tier, ref: (data: RegData, alpha: number, w0?: number[]) => { beta: ArrayLike<number>; ok: boolean; why?: string }, crossCheckPrimal: boolean): Outcome {
  const { data, w0, alpha } = t1Data(i);
  const qref = solveQ(data, Math.log(alpha), w0);
  if (!qref.converged) return inconclusive(`SOLVE-Q not converged: ${qref.message}`);
  const fr = memoFlow(JSON.stringify(i) + tier, () => flowToLimit(data, alpha, 2, tier, { w0, betaRef: qref.beta }));
  if (!fr.converged) return inconclusive(fr.reason);
  if (fr.invariantDrift > 1e-6) return inconclusive(`conserved-quantity drift ${fmt(fr.invariantDrift)} > 1e-6`);
  const r = ref(data, alpha, w0);
  if (!r.ok) return inconclusive(r.why ?? 'reference not available');
  // tol: tolFlow, derived at its definition (S8: flow limit vs argmin, 1e-6(1+‖β_ref‖∞)).
  const outs = [within(distInf(fr.beta, r.beta), tolFlow(r.beta), `‖β_flow − β_ref‖∞ (α=${fmt(alpha)})`)];
  if (crossCheckPrimal && alpha >= 1e-3) {
    // PRIMAL-NEWTON (null-space Newton on the closed-form Q, never using the sinh link): must agree with SOLVE-Q.
    const pr = minSeparablePrimal(data.X, data.y, psiQ(Math.log(alpha), data.d, w0));
    // tol: both Newton solvers stop at 1e-13 relative in their optimality measure (feasibility for the dual, reduced
    // gradient for the primal); the β error is that times the conditioning of the constrained problem (≲ 1e3 here): ≲ 1e-10,
    // so 1e-8 relative leaves ≥ 100×. Calibration WOO-T1: worst margin 1.5e-3 over all of its sub-checks.
    if (pr.converged) outs.push(within(distInf(pr.beta, qref.beta), 1e-8 * (1 + nrmInf(qref.beta)), 'primal vs dual Newton'));
  }
  return all(outs);
}
const refQ = (data: RegData, alpha: number, w0?: number[]) => {
  const r = solveQ(data, Math.log(alpha), w0);
  return { beta: r.beta, ok: r.converged };
};
export const wooT1 = defineClaim<T1Inst>({
  id: 'WOO-T1',
  paper: PAPER,
  title: 'Theorem 1 (w0 = 𝟏): the gradient-flow limit of M1 is argmin Q_α s.t. Xβ = y',
  statement:
    'For M1 with w₊(0) = w₋(0) = α𝟏 and gradient flow on c_L‖Xβ_w − y‖² (any c_L > 0; c_L = ½ here), if β(t) → β∞ with Xβ∞ = y then β∞ = argmin{Q_α(β) : Xβ = y}, Q_α(β) = α²Σq(β_i/α²), q(z) = 2 − √(4+z²) + z·arcsinh(z/2). Flow (adaptive DOPRI5 in mirror coordinates, horizon from S8) vs dual Newton (SOLVE-Q), cross-checked by primal null-space Newton.',
  where: 'Sec 4 L114–L118, eq. (4); App C L355–L389',
  kind: 'property',
  expected: 'holds',
  arbitrary: t1Arb(-3, 1, false),
  check: (i, ctx) => t1Check(i, ctx.tier, refQ, true),
  falsifiers: [
    {
      name: 'q̃ = ∫arcsinh(u) (missing /2)',
      description: 'α²Σq̃(β/α²) = Q_{α/√2}: an α-rescaling, caught in the transition regime α ∈ [0.05, 1]',
      arbitrary: t1Arb(-1.3, 0, false),
      check: (i, ctx) => t1Check(i, ctx.tier, (data, a) => refQ(data, a / Math.SQRT2), false),
    },
    {
      name: 'R_{α,1} (parameter distance) instead of Q_α',
      description: 'argmin R_α = argmin Q^4_{√α} (WOO-RQ4)',
      arbitrary: t1Arb(-1, 0, false),
      check: (i, ctx) =>
        t1Check(i, ctx.tier, (data, a) => {
          const r = solveQD(data, Math.sqrt(a), 4);
          return { beta: r.beta, ok: r.converged };
        }, false),
    },
    { name: 'always β_ℓ2*', description: 'gradient descent returns the min-ℓ2 solution (fails for α ≤ 0.3)', arbitrary: t1Arb(-2, -0.6, false), check: (i, ctx) => t1Check(i, ctx.tier, (data) => ({ beta: minL2(data.X, data.y), ok: true }), false) },
    { name: 'αq(β/α)', description: 'scale α instead of α² (= Q_{√α} mirror-wise)', arbitrary: t1Arb(-1.3, -0.3, false), check: (i, ctx) => t1Check(i, ctx.tier, (data, a) => refQ(data, Math.sqrt(a)), false) },
  ],
  runs: { ci: 3, default: 10, deep: 40 },
});

export const wooT1G = defineClaim<T1Inst>({
  id: 'WOO-T1G',
  paper: PAPER,
  title: 'Theorem 1 (general w0): the limit is argmin Q_{α,w0}, Q_{α,w0}(β) = Σα²w0_i²q(β_i/(α²w0_i²))',
  statement:
    'For M1 with w±(0) = αw0 (w0 without zero entries), if Xβ∞ = y then β∞ = argmin{Q_{α,w0}(β) : Xβ = y}; only w0² enters (signs of w0 are irrelevant: the flow from signed w0 gives the same β(t)).',
  where: 'Sec 4 L142–L146, eq. (5); App C (15)–(21)',
  kind: 'property',
  expected: 'holds',
  arbitrary: t1Arb(-2, 0.7, true),
  check: (i, ctx) => {
    const base = t1Check(i, ctx.tier, refQ, true);
    if (base.status !== 'pass') return base;
    // Signs: integrate M1 in w-coordinates from signed w0 for a short horizon and compare β(t) with |w0|.
    const { data, w0, alpha } = t1Data(i);
    if (!w0) return base;
    const m = diagonalShared({ X: data.X, y: data.y, D: 2, cL: 0.5 });
    const signed = new Float64Array(m.dim);
    for (let k = 0; k < data.d; k++) {
      signed[k] = alpha * w0[k];
      signed[data.d + k] = alpha * w0[k];
    }
    const absInit = m.init(alpha, w0);
    const T = 1;
    const s1 = integrateFlow(m, signed, { tMax: T, rtol: 1e-12, atol: 1e-14, wallSeconds: flowWall(ctx.tier), lossTol: 0 });
    const s2 = integrateFlow(m, absInit, { tMax: T, rtol: 1e-12, atol: 1e-14, wallSeconds: flowWall(ctx.tier), lossTol: 0 });
    if (s1.status !== 'max-time' || s2.status !== 'max-time') return all([base, inconclusive('sign-flip runs did not reach T')]);
    const b1 = m.predictor(s1.theta);
    const b2 = m.predictor(s2.theta);
    // tol: the M1 flow is odd per coordinate (w ↦ −w maps solutions to solutions, β unchanged), so both runs differ only
    // by integrator rounding, ≲ rtol·steps = 1e-12·≲1e2 over T = 1; 1e-9 relative leaves ≥ 10× headroom.
    return all([base, within(distInf(b1, b2), 1e-9 * (1 + nrmInf(b2)), 'β(T) with signed vs |w0|')]);
  },
  falsifiers: [
    {
      name: 'w0 instead of w0²',
      description: 'Σα²|w0_i|q(β_i/(α²|w0_i|))',
      arbitrary: t1Arb(-1, 0, true),
      check: (i, ctx) => t1Check(i, ctx.tier, (data, a, w0) => refQ(data, a, w0?.map((v) => Math.sqrt(Math.abs(v)))), false),
    },
    { name: 'ignore w0 (Q_α)', description: 'the uniform regularizer', arbitrary: t1Arb(-1, 0.5, true), check: (i, ctx) => t1Check(i, ctx.tier, (data, a) => refQ(data, a), false) },
    { name: '|w0|³ weighting', description: 'Q built from |w0|³', arbitrary: t1Arb(-1, 0.5, true), check: (i, ctx) => t1Check(i, ctx.tier, (data, a, w0) => refQ(data, a, w0?.map((v) => Math.abs(v) ** 1.5)), false) },
  ],
  runs: { ci: 3, default: 10, deep: 40 },
});

// ───────────────────────────── WOO-KKT ─────────────────────────────
interface PathInst { seed: number; d: number; N: number; la: number }
const pathArb = fc.record({ seed: seedArb, d: fc.integer({ min: 3, max: 12 }), N: fc.integer({ min: 1, max: 6 }), la: fc.double({ min: -2, max: 1, noNaN: true }) }).map((i) => ({ ...i, N: Math.min(i.N, i.d - 1) }));
function kktCheck(i: PathInst, tier: Tier, link: (beta: number, m: number) => number): Outcome {
  const data = genReg(i.seed, i.d, i.N);
  const rng = new Rng(i.seed + 1);
  const w0 = genW0(rng, i.d);
  const alpha = 10 ** i.la;
  const m = diagonalShared({ X: data.X, y: data.y, D: 2, cL: 0.5 });
  const T = 3;
  const tEval = Array.from({ length: 20 }, (_, k) => ((k + 1) * T) / 20);
  const sol = integrateFlow(m, m.init(alpha, w0), { tMax: T, tEval, rtol: 1e-12, atol: 1e-15 * alpha * alpha, wallSeconds: flowWall(tier), lossTol: 0 });
  if (sol.status !== 'max-time') return inconclusive(`path integration ended early: ${sol.message}`);
  const row = rowBasis(data.X);
  const outs: Outcome[] = [];
  let worstProj = 0;
  let worstInv = 0;
  let worstPath = 0;
  for (let k = 1; k < sol.thetas.length; k++) {
    const th = sol.thetas[k];
    const beta = m.predictor(th);
    const s = new Float64Array(i.d);
    for (let j = 0; j < i.d; j++) {
      const mj = alpha * alpha * w0[j] * w0[j];
      s[j] = link(beta[j], mj);
      worstInv = Math.max(worstInv, Math.abs(th[j] * th[i.d + j] - mj) / mj);
    }
    worstProj = Math.max(worstProj, nrm2(projectOut(s, row)) / (1 + nrm2(s)));
    if (k % 5 === 0) {
      // Path version: β(t) = argmin{Q_{α,w0} : Xβ = Xβ(t)} (no convergence needed).
      const yt = Array.from(matVec(data.X, beta));
      const r = minSeparable(data.X, yt, psiQ(Math.log(alpha), i.d, w0), { maxDualStep: 2, maxIter: 3000 });
      if (r.converged) worstPath = Math.max(worstPath, distInf(r.beta, beta) / (1 + nrmInf(beta)));
    }
  }
  // Projection residual of the mirror variable: integrator error ~ rtol·|s|·(steps) ≪ 1e-8 (catalog tolerance).
  outs.push(within(worstProj, 1e-8, 'distance of ∇Q(β(t)) from range(Xᵀ)'));
  outs.push(within(worstInv, 1e-8, 'w₊∘w₋ = α²w0² (relative)'));
  outs.push(within(worstPath, 1e-6, 'β(t) vs argmin Q s.t. Xβ = Xβ(t)'));
  return all(outs);
}
export const wooKKT = defineClaim<PathInst>({
  id: 'WOO-KKT',
  paper: PAPER,
  title: 'stationarity along the whole path: ∇Q_{α,w0}(β(t)) = ln(w₊/w₋) ∈ range(Xᵀ) for every t',
  statement:
    'Along the M1 flow, for every t: arcsinh(β(t)/(2α²w0²)) = ln(w₊(t)/w₋(t)) ∈ range(Xᵀ) and w₊∘w₋ = α²w0²; hence β(t) = argmin{Q_{α,w0}(β) : Xβ = Xβ(t)} without any convergence assumption (Theorem 1 is t = ∞); eq. (18): β∞ = b_α(Xᵀν), b_α(z) = 2α²w0² sinh z.',
  where: 'App C (16)–(19), L367–L379; Sec 4 L120 (path version derived)',
  kind: 'property',
  expected: 'holds',
  arbitrary: pathArb,
  check: (i, ctx) => kktCheck(i, ctx.tier, (b, mj) => Math.asinh(b / (2 * mj))),
  falsifiers: [
    { name: 'link arcsinh(β/α²w0²) (no factor 2)', description: 'the projection residual is then O(1)', check: (i, ctx) => kktCheck(i, ctx.tier, (b, mj) => Math.asinh(b / mj)) },
    { name: 'link via tanh', description: 'artanh-type link instead of arcsinh', check: (i, ctx) => kktCheck(i, ctx.tier, (b, mj) => Math.atanh(Math.tanh(b / (2 * mj)) * 0.999999)) },
  ],
  runs: { ci: 2, default: 8, deep: 30 },
});

// ───────────────────────────── WOO-FLOW2 (+ literal) ─────────────────────────────
interface CfInst { seed: number; d: number; N: number; la: number; cLIdx: number }
const cfArb = fc.record({ seed: seedArb, d: fc.integer({ min: 2, max: 20 }), N: fc.integer({ min: 1, max: 8 }), la: fc.double({ min: -2, max: 1, noNaN: true }), cLIdx: fc.integer({ min: 0, max: 1 }) }).map((i) => ({ ...i, N: Math.min(i.N, i.d - 1) }));
/** Integrate (w, S) and compare with w±(t) = αw0∘exp(∓k_w XᵀS), β = 2α²w0²∘sinh(−k_b XᵀS). */
function flow2Check(i: CfInst, tier: Tier, cL: number, kw: number, kb: number, useW0sq = true): Outcome {
  const data = genReg(i.seed, i.d, i.N);
  const w0 = genW0(new Rng(i.seed + 2), i.d);
  const alpha = 10 ** i.la;
  const m = diagonalShared({ X: data.X, y: data.y, D: 2, cL, augment: true });
  const T = 10;
  const tEval = Array.from({ length: 20 }, (_, k) => ((k + 1) * T) / 20);
  const sol = integrateFlow(m, m.init(alpha, w0), { tMax: T, tEval, rtol: 1e-12, atol: 1e-16, wallSeconds: flowWall(tier), lossTol: 0 });
  // (16)/(17) are identities in t, checked on the recorded trajectory. At large α the flow converges early and its tail is
  // stiff for dopri5 (fresh seed 1188091681: 4·10⁵ steps to reach t = 7, L − L* = 4e-21, then the wall guard). A run the
  // guard stopped after the loss had fallen to ≤ 1e-18 has recorded the dynamics from the start to convergence, so the
  // identities are checked on [0, t_stop] (≥ 5 recorded times); one stopped earlier is inconclusive, as before.
  const usable = (s: typeof sol) => s.status === 'max-time' || s.status === 'converged' || (s.status === 'wall-time' && s.loss <= 1e-18 && s.ts.length >= 7);
  if (!usable(sol)) return inconclusive(`integration ended early: ${sol.message}`);
  /** The closed forms (16)/(17) evaluated from the integrated residual S(t) of a state. */
  const closed = (th: Float64Array) => {
    const g = matTVec(data.X, m.integratedResidual(th));
    const wpC = new Float64Array(i.d);
    const wmC = new Float64Array(i.d);
    const bC = new Float64Array(i.d);
    for (let j = 0; j < i.d; j++) {
      const a0 = alpha * Math.abs(w0[j]);
      wpC[j] = a0 * Math.exp(-kw * g[j]);
      wmC[j] = a0 * Math.exp(kw * g[j]);
      bC[j] = 2 * alpha * alpha * (useW0sq ? w0[j] * w0[j] : 1) * Math.sinh(-kb * g[j]);
    }
    return { wpC, wmC, bC };
  };
  let ew = 0;
  let eb = 0;
  for (let k = 1; k < sol.thetas.length; k++) {
    const th = sol.thetas[k];
    const { wp, wm } = m.weights(th);
    const beta = m.predictor(th);
    const { wpC, wmC, bC } = closed(th);
    ew = Math.max(ew, (dist2(wp, wpC) + dist2(wm, wmC)) / (nrm2(wp) + nrm2(wm)));
    eb = Math.max(eb, dist2(beta, bC) / (1 + nrm2(beta)));
  }
  // Tolerance: the catalog's 1e-9 plus the integrator's own global error, which a local rtol of 1e-12
  // does not bound by itself: it accumulates over ~10³ steps, and an error δS in the integrated
  // residual is amplified by 2k_bα²w0²cosh(k_b XᵀS)‖X‖ in (17) (≈ 10³ at α = 10). The global error is
  // estimated by a reference run at rtol/10, comparing both the states and the closed forms evaluated
  // from each run's S (for a 5th-order method the difference is the coarse run's error up to ≈ 1.1);
  // safety factor 10.
  const ref = integrateFlow(m, m.init(alpha, w0), { tMax: T, tEval, rtol: 1e-13, atol: 1e-17, wallSeconds: flowWall(tier), lossTol: 0 });
  if (!usable(ref)) return inconclusive(`reference integration ended early: ${ref.message}`);
  let eIntW = 0;
  let eIntB = 0;
  for (let k = 1; k < Math.min(sol.thetas.length, ref.thetas.length); k++) {
    if (sol.ts[k] !== ref.ts[k]) continue; // a run cut by the wall guard ends at its own time: compare equal times only
    const a = sol.thetas[k];
    const b = ref.thetas[k];
    const ca = closed(a);
    const cb = closed(b);
    const wa = m.weights(a);
    const wb = m.weights(b);
    const beta = m.predictor(a);
    const wn = nrm2(wa.wp) + nrm2(wa.wm);
    eIntW = Math.max(eIntW, (dist2(wa.wp, wb.wp) + dist2(wa.wm, wb.wm) + dist2(ca.wpC, cb.wpC) + dist2(ca.wmC, cb.wmC)) / wn);
    eIntB = Math.max(eIntB, (dist2(beta, m.predictor(b)) + dist2(ca.bC, cb.bC)) / (1 + nrm2(beta)));
  }
  const tolW = 1e-9 + 10 * eIntW;
  const tol = 1e-9 + 10 * eIntB;
  // tol: tolW/tol derived above (catalog 1e-9 + 10× the integrator's global error measured against an rtol/10 run).
  return all([within(ew, tolW, `w(t) vs (16) with c_L=${cL}`), within(eb, tol, `β(t) vs (17) with c_L=${cL}`)]);
}
const cLOf = (i: CfInst) => [0.5, 1][i.cLIdx];
export const wooFLOW2Literal = defineClaim<CfInst>({
  id: 'WOO-FLOW2-LITERAL',
  paper: PAPER,
  title: 'as printed: w(t) = w(0)∘exp(−2X̃ᵀ∫res), β = 2α²w0² sinh(−4Xᵀ∫res) for the stated loss Σ(f − y)²',
  statement: 'Literal (15)–(17) with the loss as stated in L69 (c_L = 1, no ½).',
  where: 'App C L363–L371 vs L69',
  kind: 'identity',
  expected: 'refuted',
  erratum: 'The proofs use the gradient of ½‖res‖² (c_L = ½); with the stated loss (c_L = 1) the exponents are −4X̃ᵀ∫res and sinh(−8Xᵀ∫res) (E-S2, E-C2). Also (15) writes X̃w for X̃w² (E-C1). Limits (Theorem 1) are unaffected: c_L only rescales time.',
  counterpart: 'WOO-FLOW2',
  arbitrary: cfArb,
  check: (i, ctx) => flow2Check(i, ctx.tier, 1, 2, 4),
  falsifiers: [{ name: 'sinh(−2XᵀS)', description: 'an even smaller exponent', check: (i, ctx) => flow2Check(i, ctx.tier, 1, 1, 2) }],
  runs: { ci: 2, default: 6, deep: 20 },
});
export const wooFLOW2 = defineClaim<CfInst>({
  id: 'WOO-FLOW2',
  paper: PAPER,
  title: 'closed-form flow of M1: w±(t) = αw0∘exp(∓4c_L XᵀS), β(t) = 2α²w0²∘sinh(−8c_L XᵀS)',
  statement: 'With S(t) = ∫₀ᵗres and loss c_L‖res‖² (c_L ∈ {½, 1}): w±(t) = αw0∘exp(∓4c_L XᵀS(t)) and β(t) = 2α²w0²∘sinh(−8c_L XᵀS(t)); the printed (16)/(17) are the c_L = ½ case.',
  where: 'App C L363–L371, (15)–(17)',
  kind: 'identity',
  expected: 'holds',
  erratum: 'Printed constants correspond to c_L = ½ (not the stated loss); (15) has X̃w for X̃w².',
  counterpart: 'WOO-FLOW2-LITERAL',
  arbitrary: cfArb,
  check: (i, ctx) => flow2Check(i, ctx.tier, cLOf(i), 4 * cLOf(i), 8 * cLOf(i)),
  falsifiers: [
    { name: 'sinh(−4c_L XᵀS)', description: 'half the exponent in (17)', check: (i, ctx) => flow2Check(i, ctx.tier, cLOf(i), 4 * cLOf(i), 4 * cLOf(i)) },
    { name: 'drop w0²', description: 'β = 2α² sinh(·)', check: (i, ctx) => flow2Check(i, ctx.tier, cLOf(i), 4 * cLOf(i), 8 * cLOf(i), false) },
  ],
  runs: { ci: 2, default: 6, deep: 20 },
});

// ───────────────────────────── WOO-NTK (+ literal) ─────────────────────────────
interface NtkInst { seed: number; d: number; la: number; lc: number; D: number }
const ntkArb = fc.record({ seed: seedArb, d: fc.integer({ min: 1, max: 50 }), la: fc.double({ min: -3, max: 2, noNaN: true }), lc: fc.double({ min: -2, max: 2, noNaN: true }), D: fc.integer({ min: 2, max: 5 }) });
/** ∇_w f for f = ⟨w₊^D − w₋^D, x⟩. */
function gradF(wp: number[], wm: number[], x: number[], D: number): number[] {
  return [...wp.map((w, j) => D * w ** (D - 1) * x[j]), ...wm.map((w, j) => -D * w ** (D - 1) * x[j])];
}
const dotA = (a: number[], b: number[]) => a.reduce((s, v, k) => s + v * b[k], 0);
function ntkCheck(i: NtkInst, kernelAt: (alpha: number, D: number, w0: number[], x: number[], xp: number[]) => number, homPow: (D: number) => number): Outcome {
  const rng = new Rng(i.seed);
  const x = Array.from(rng.normals(i.d));
  const xp = Array.from(rng.normals(i.d));
  const w0 = genW0(rng, i.d).map(Math.abs);
  const alpha = 10 ** i.la;
  const c = 10 ** i.lc;
  const D = i.D;
  const wp = w0.map((v) => alpha * v);
  const K = dotA(gradF(wp, wp, x, D), gradF(wp, wp, xp, D));
  // Finite-difference gradient (central, h = 1e-6·|w|): relative error ~ h² + ε/h ≈ 1e-10 per entry.
  const fd = (w: number[], xx: number[]) => {
    const g: number[] = [];
    const f = (v: number[]) => v.slice(0, i.d).reduce((s, a, j) => s + (a ** D - v[i.d + j] ** D) * xx[j], 0);
    const full = [...w, ...w];
    for (let k = 0; k < 2 * i.d; k++) {
      const h = 1e-6 * Math.abs(full[k]);
      const a = full.slice();
      const b = full.slice();
      a[k] += h;
      b[k] -= h;
      g.push((f(a) - f(b)) / (2 * h));
    }
    return g;
  };
  const Kfd = dotA(fd(wp, x), fd(wp, xp));
  const scale = Math.sqrt(dotA(gradF(wp, wp, x, D), gradF(wp, wp, x, D)) * dotA(gradF(wp, wp, xp, D), gradF(wp, wp, xp, D)));
  // tol: central FD with h = 1e-6|w_k|: truncation ~h², rounding ~ε/h ≈ 2e-10 relative per entry (the unperturbed terms
  // of f cancel exactly); the Gram entry relative to the Cauchy–Schwarz scale inherits ≲ 4e-10, so 1e-7 leaves ≳ 200×
  // (calibration WOO-NTK: worst margin 2.2e-3).
  const outs: Outcome[] = [within(Math.abs(K - Kfd) / scale, 1e-7, 'hand gradient vs finite differences (Gram entry)')];
  // (i)/(iii) closed forms at w(0) = αw0.
  // tol (this and the homogeneity check below): the same sum of 2d ≤ 100 products evaluated two ways; rounding
  // ≤ 2d·ε·Σ|g_k g′_k| ≤ 2d·ε·scale (Cauchy–Schwarz) ≈ 2e-14, the powers c^{2(D−1)} add a few ε: 1e-12 leaves ≥ 40×.
  outs.push(within(Math.abs(K - kernelAt(alpha, D, w0, x, xp)) / scale, 1e-12, `K_{αw0} closed form (D=${D})`));
  // (ii) homogeneity: K_{c·w} = c^{2(D−1)} K_w.
  const wc = wp.map((v) => c * v);
  const Kc = dotA(gradF(wc, wc, x, D), gradF(wc, wc, xp, D));
  outs.push(within(Math.abs(Kc - c ** homPow(D) * K) / (c ** (2 * (D - 1)) * scale), 1e-12, 'K_{cw} = c^{2(D−1)}K_w'));
  return all(outs);
}
const kTrue = (alpha: number, D: number, w0: number[], x: number[], xp: number[]) => 2 * D * D * alpha ** (2 * (D - 1)) * w0.reduce((s, w, j) => s + w ** (2 * (D - 1)) * x[j] * xp[j], 0);
export const wooNTK = defineClaim<NtkInst>({
  id: 'WOO-NTK',
  paper: PAPER,
  title: 'tangent kernel at init: K = 8α²Σw0²xx′ (D = 2), 2D²α^{2(D−1)}⟨x,x′⟩ (M2), K_{αw0} = α^{2(D−1)}K_{w0}',
  statement: '(i) M1: K_{w(0)}(x,x′) = 8α²Σ_i w0_i²x_ix′_i (8α²⟨x,x′⟩ for w0 = 𝟏); (ii) D-homogeneous F: K_{αw0} = α^{2(D−1)}K_{w0}; (iii) M2 at α𝟏: 2D²α^{2(D−1)}⟨x,x′⟩ (general w0: 2D²α^{2(D−1)}Σw0_i^{2(D−1)}x_ix′_i).',
  where: 'Sec 3 L79–L85; Sec 4 L110',
  kind: 'identity',
  expected: 'holds',
  arbitrary: ntkArb,
  check: (i) => ntkCheck(i, kTrue, (D) => 2 * (D - 1)),
  falsifiers: [
    { name: '4α² (forgetting the w₋ half)', description: 'K = D²α^{2(D−1)}·…', check: (i) => ntkCheck(i, (a, D, w0, x, xp) => kTrue(a, D, w0, x, xp) / 2, (D) => 2 * (D - 1)) },
    { name: 'α^D scaling', description: 'homogeneity power D instead of 2(D−1)', arbitrary: ntkArb.filter((i) => i.D !== 2 && Math.abs(i.lc) > 0.3), check: (i) => ntkCheck(i, kTrue, (D) => D) },
  ],
  runs: { ci: 10, default: 40, deep: 200 },
});
export const wooNTKLiteral = defineClaim<NtkInst>({
  id: 'WOO-NTK-LITERAL',
  paper: PAPER,
  title: 'as printed (L83): the affine model’s bias term is α^D f(w(0), x)',
  statement: 'Literal L83: f_K(w, x) = α^D f(w(0), x) + ⟨φ_{w(0)}(x), w − w(0)⟩, i.e. f_K(w(0), x) = α^D f(w(0), x) should equal f(w(0), x) (checked for a biased, non-symmetric initialization so that f(w(0), ·) ≠ 0).',
  where: 'Sec 3 L83',
  kind: 'identity',
  expected: 'refuted',
  erratum: 'Since w(0) = αw0 already, the bias term is f(w(0), x) = α^D f(w0, x); α^D f(w(0), x) double-counts α (E-S3). Irrelevant for unbiased initializations, where f(w(0), ·) = 0.',
  counterpart: 'WOO-NTK',
  arbitrary: ntkArb.filter((i) => Math.abs(i.la) > 0.2),
  check: (i) => {
    const rng = new Rng(i.seed);
    const x = Array.from(rng.normals(i.d));
    const wp0 = Array.from(rng.normals(i.d));
    const wm0 = Array.from(rng.normals(i.d));
    const alpha = 10 ** i.la;
    const f = (a: number) => x.reduce((s, xj, j) => s + ((a * wp0[j]) ** i.D - (a * wm0[j]) ** i.D) * xj, 0);
    const fw0 = f(alpha);
    // The affine model must reproduce f at w = w(0): literal bias α^D f(w(0),x) vs f(w(0),x).
    // tol: if the literal held this would be exact up to the rounding of one product α^D·f (few ε): 1e-12 relative. The
    // arbitrary keeps |log10 α| > 0.2, so |α^D − 1| ≥ 0.37 and the literal misses by ≥ 1e11× (calibration: 6e11).
    return within(Math.abs(alpha ** i.D * fw0 - fw0), 1e-12 * Math.abs(fw0), 'α^D f(w(0),x) − f(w(0),x)');
  },
  falsifiers: [
    {
      name: 'bias α^{2D} f(w(0), x)',
      description: 'an even larger double count',
      check: (i) => {
        const rng = new Rng(i.seed);
        const x = Array.from(rng.normals(i.d));
        const wp0 = Array.from(rng.normals(i.d));
        const wm0 = Array.from(rng.normals(i.d));
        const alpha = 10 ** i.la;
        const fw0 = x.reduce((s, xj, j) => s + ((alpha * wp0[j]) ** i.D - (alpha * wm0[j]) ** i.D) * xj, 0);
        // tol: same as the literal claim's (rounding of one product, 1e-12 relative).
        return within(Math.abs(alpha ** (2 * i.D) * fw0 - fw0), 1e-12 * Math.abs(fw0), 'α^{2D} f(w(0),x) − f(w(0),x)');
      },
    },
  ],
  runs: { ci: 6, default: 20, deep: 60 },
});

// ───────────────────────────── WOO-KLIM ─────────────────────────────
interface KlInst { seed: number; d: number; N: number }
const klArb = fc.record({ seed: seedArb, d: fc.integer({ min: 3, max: 15 }), N: fc.integer({ min: 1, max: 6 }) }).map((i) => ({ ...i, N: Math.min(i.N, i.d - 1) }));
function klimCheck(i: KlInst, tier: Tier, kernelRef: (data: RegData, w0: number[]) => Float64Array): Outcome {
  const data = genReg(i.seed, i.d, i.N);
  const w0 = genW0(new Rng(i.seed + 9), i.d, 0.7);
  const bK = kernelRef(data, w0);
  const outs: Outcome[] = [];
  // (i) linearized model flow: β̇ = −8c_Lα²w0²∘Xᵀ(Xβ − y) (the affine model at αw0), α = 1, c_L = ½.
  const lin: FlowModel = {
    dim: i.d,
    lossFloor: 0,
    loss: (b) => 0.5 * matVec(data.X, b).reduce((s, v, k) => s + (v - data.y[k]) ** 2, 0),
    grad: (b, out) => {
      const r = matVec(data.X, b).map((v, k) => v - data.y[k]);
      const g = matTVec(data.X, r);
      for (let j = 0; j < i.d; j++) out[j] = 4 * w0[j] * w0[j] * g[j];
    },
  };
  const resTol = 1e-10 * (1 + nrm2(data.y));
  const sol = integrateFlow(lin, new Float64Array(i.d), { rtol: 1e-12, atol: 1e-15, lossTol: 0.5 * resTol * resTol, tMax: 1e5, wallSeconds: flowWall(tier) });
  if (sol.status !== 'converged') return inconclusive(`linearized flow not converged: ${sol.message}`);
  // tol: the linear flow stops at ‖res‖ ≤ 1e-10(1+‖y‖); its remaining motion is the w0²-weighted least-norm correction
  // W Xᵀ(XWXᵀ)⁻¹res ≤ (max w0²/min w0²)^{½}·‖res‖/σ_min(X) ≲ 25·1e-10/σ_min(X); minWeightedL2 is accurate to ~1e-14.
  // 1e-8 relative covers σ_min(X) ≳ 0.3; measured ≤ 1.2e-9 (worst margin 0.055 on 15 instances at seed 30).
  outs.push(within(distInf(sol.theta, bK), 1e-8 * (1 + nrmInf(bK)), 'linearized flow limit vs kernel reference'));
  // (ii)/(iii) sequence along α: ‖β_α − β_K‖ ~ α⁻⁴.
  // The O(α⁻⁴) rate is the first correction of q(z) = z²/4 − z⁴/192 + … at z_i = β_i/(α²w0_i²) (eq. (6)), so it
  // is the asymptotic regime only once max_i |z_i| ≪ 1; at α = 1 with |β_K| ~ 1 the correction is O(1) and the
  // local slope is still ≈ −1 to −2 (seen: 1.745, 0.787, 0.110, 0.0077 at α = 1, 2, 4, 8). Start the sequence at
  // α₀ with max_i |β_K,i|/(α₀²w0_i²) = ¼ (relative next-order term z²/48 ≈ 1e-3, slope shift ≪ 0.5).
  let zMax = 0;
  for (let j = 0; j < i.d; j++) zMax = Math.max(zMax, Math.abs(bK[j]) / (w0[j] * w0[j]));
  const a0 = Math.max(1, Math.sqrt(4 * zMax));
  const als = [1, 2, 4, 8].map((f) => a0 * f);
  const errs: number[] = [];
  for (const a of als) {
    const r = solveQ(data, Math.log(a), w0);
    if (!r.converged) return inconclusive('SOLVE-Q not converged');
    errs.push(dist2(r.beta, bK));
  }
  const slope = logLogSlope(als, errs.map((e) => Math.max(e, 1e-300)));
  // Derived rate O(α⁻⁴) from (6): fitted exponent within ±0.5 of −4 (and errors decreasing).
  outs.push(within(Math.abs(slope + 4), 0.5, `fitted exponent of ‖β_α − β_K‖ vs α (${errs.map(fmt).join(', ')})`));
  // Non-vacuity: shape dependence at α = 1000 (catalog: ≥ 0.1 when w0 non-uniform).
  const r1000 = solveQ(data, Math.log(1000), w0);
  const dl2 = dist2(r1000.beta, minL2(data.X, data.y));
  if (dl2 < 1e-3) outs.push(inconclusive(`w0 too close to uniform for this X (‖β_1000 − β_ℓ2‖ = ${fmt(dl2)})`));
  return all(outs);
}
export const wooKLIM = defineClaim<KlInst>({
  id: 'WOO-KLIM',
  paper: PAPER,
  title: 'kernel limit: the linearized model gives argmin Σβ²/w0², and lim_{α→∞} β_{α,w0} = that, at rate α⁻⁴',
  statement: '(i) Gradient flow on the linearization of M1 at αw0 converges to β_K = argmin{Σβ_i²/w0_i² : Xβ = y}; (ii) lim_{α→∞} β_{α,w0}∞ = β_K; (iii) ‖β_{α,w0}∞ − β_K‖ = O(α⁻⁴) (derived from (6)).',
  where: 'Sec 3 L83–L85; Sec 4 L110, L150–L154 (eq. (6))',
  kind: 'property',
  expected: 'holds',
  arbitrary: klArb,
  check: (i, ctx) => klimCheck(i, ctx.tier, (data, w0) => minWeightedL2(data.X, data.y, w0.map((v) => v * v))),
  falsifiers: [
    { name: 'unweighted β_ℓ2*', description: 'kernel limit independent of w0', check: (i, ctx) => klimCheck(i, ctx.tier, (data) => minL2(data.X, data.y)) },
    { name: 'weight 1/|w0|', description: 'wrong power of w0', check: (i, ctx) => klimCheck(i, ctx.tier, (data, w0) => minWeightedL2(data.X, data.y, w0.map((v) => Math.abs(v)))) },
  ],
  runs: { ci: 3, default: 10, deep: 40 },
});

// ───────────────────────────── WOO-E7 ─────────────────────────────
interface E7Inst { seed: number }
function e7iCheck(seed: number, correction: (beta: number[], w0: number[]) => number): Outcome {
  const rng = new Rng(seed);
  const d = rng.int(1, 8);
  const beta = Array.from({ length: d }, () => rng.normal());
  const w0 = Array.from({ length: d }, () => 10 ** rng.range(-0.7, 0.7));
  const C = correction(beta, w0);
  const b1 = l1(beta);
  const vals: number[] = [];
  for (const k of [2, 5, 10, 20, 50]) {
    const L = big(2 * k * Math.LN10);
    let Q = big(0);
    for (let j = 0; j < d; j++) {
      const m = B.mul(B.pow(big(10), -2 * k), B.mul(big(w0[j]), big(w0[j])));
      Q = B.add(Q, B.mul(m, qBig(B.div(big(beta[j]), m))));
    }
    vals.push(bigNum(B.mul(B.sub(B.div(Q, L), big(b1)), L)));
  }
  // (Q/L − ‖β‖₁)·L → C; remainder O(α²) (derived), so at k = 50 relative 1e-3 is generous.
  const last = vals[vals.length - 1];
  return within(Math.abs(last - C) / Math.max(Math.abs(C), 1e-3), 1e-3, `(Q/ln(1/α²) − ‖β‖₁)·ln(1/α²) at α=1e-50: ${fmt(last)} vs ${fmt(C)} (sequence ${vals.map(fmt).join(', ')})`);
}
const e7Corr = (beta: number[], w0: number[]) => beta.reduce((s, b, j) => s + Math.abs(b) * Math.log(Math.abs(b) / (w0[j] * w0[j])) - Math.abs(b), 0);
function e7iiCheck(seed: number, limitRef: (data: RegData, w0b: number[]) => { beta: ArrayLike<number>; ok: boolean }): Outcome {
  // d = 15, N = 5 generic y; w0a = 𝟏, w0b spread e^{±1.5}; require weighted and unweighted ℓ1 to differ by > 0.1.
  for (let attempt = 0; attempt < 6; attempt++) {
    const data = genReg(seed + 7919 * attempt, 15, 5);
    const rng = new Rng(seed + attempt);
    const w0b = Array.from({ length: 15 }, () => Math.exp(rng.range(-1.5, 1.5)));
    const L1 = minL1(data.X, data.y);
    const wL1 = minL1(data.X, data.y, w0b.map((v) => 1 / (v * v)));
    if (!L1.ok || !wL1.ok || !L1.unique) continue;
    if (dist2(L1.beta, wL1.beta) <= 0.1) continue;
    // Asymptotic regime (derived from the stationarity of Q_α): an off-support coordinate of β_α has size
    // ≈ w0_i²·e^{−Lγ + c}, L = ln(1/α²), γ = 1 − max_{i∉S}|Xᵀν|_i the LP's reduced-cost gap, c = O(κ·max|ln|β_S||)
    // from the second-order dual term; the on-support part is pinned by Xβ = y, so the two shapes differ by
    // ∝ e^{−Lγ}. α = 1e-40 (L = 184) reaches that regime only when γ is not small, so after the fixed sequence
    // the run continues at L = 25/γ·{1, 2, 4} (log domain: any L is reachable) until the distance is ≤ 1e-5.
    // γ < 1e-3 (L > 25000): near-degenerate LP, out of reach → inconclusive.
    const gap = 1 - L1.offSupportDual;
    if (!(gap > 1e-3)) return inconclusive(`near-degenerate ℓ1 problem (reduced-cost gap ${fmt(gap)}): asymptotic regime out of reach`);
    const las = [-2, -5, -10, -20, -40];
    for (const m of [1, 2, 4]) {
      const la = (-m * 25) / gap / (2 * Math.LN10);
      if (la < -40) las.push(la);
    }
    const dists: number[] = [];
    const used: number[] = [];
    let bTiny: Float64Array | null = null;
    for (const la of las) {
      if (la < -40 && dists[dists.length - 1] <= 1e-5) break;
      const ra = solveQ(data, la * Math.LN10);
      const rb = solveQ(data, la * Math.LN10, w0b);
      if (!ra.converged || !rb.converged) return inconclusive(`SOLVE-Q not converged at log10 α = ${fmt(la)}`);
      dists.push(dist2(ra.beta, rb.beta));
      used.push(la);
      bTiny = rb.beta;
    }
    const n = dists.length;
    const lastD = dists[n - 1];
    // tol: empirical level (finite-α proxy for the α → 0 limit, not a rounding bound): the catalog's 1e-4 shape agreement,
    // asked only where the derived e^{−Lγ} decay (above) can reach it; calibration row WOO-E7 gives its headroom.
    let agree: Outcome = within(lastD, 1e-4, `‖β_a − β_b‖ at log10 α=${fmt(used[n - 1])} (γ=${fmt(gap)}; sequence ${dists.map(fmt).join(', ')})`);
    if (lastD > 1e-4) {
      // Tail rate in L: ln‖β_a − β_b‖ should fall with slope ≈ γ per unit L in the asymptotic regime.
      const rate = Math.log(dists[n - 2] / lastD) / (2 * Math.LN10 * (used[n - 2] - used[n - 1]));
      if (rate >= gap / 2) agree = inconclusive(`shapes still converging at the derived rate (tail rate ${fmt(rate)} per unit ln(1/α²), γ=${fmt(gap)}; sequence ${dists.map(fmt).join(', ')})`);
    }
    const ref = limitRef(data, w0b);
    const kernelDiff = dist2(solveQ(data, Math.log(1000)).beta, solveQ(data, Math.log(1000), w0b).beta);
    return all([
      agree,
      dists[0] > 1e-2 ? pass() : inconclusive(`shapes already agree at α = 1e-2 (${fmt(dists[0])})`),
      // tol: empirical level, as above (calibration row WOO-E7): at the last α both shapes are within e^{−Lγ}·O(1) of the
      // rich limit; 1e-3 is 10× looser than the shape agreement. The mutant limit (weighted ℓ1) differs from β_ℓ1* by > 0.1.
      within(dist2(bTiny as Float64Array, ref.beta), 1e-3, 'β_{α_min, w0b} vs the claimed rich limit'),
      kernelDiff > 0.1 ? pass() : inconclusive(`kernel-regime contrast weak (${fmt(kernelDiff)})`),
    ]);
  }
  return inconclusive('no instance with distinct weighted/unweighted ℓ1 solutions found');
}
export const wooE7 = defineClaim<E7Inst>({
  id: 'WOO-E7',
  paper: PAPER,
  title: '(7): Q_{α,w0}/ln(1/α²) = ‖β‖₁ + O(1/ln(1/α²)); the rich limit β_ℓ1* does not depend on w0',
  statement:
    '(i) For fixed β, w0: Q_{α,w0}(β)/ln(1/α²) = ‖β‖₁ + C/ln(1/α²) + O(α²/ln(1/α²)) with C = Σ[|β_i|ln(|β_i|/w0_i²) − |β_i|] (derived); (ii) lim_{α→0} argmin Q_{α,w0} = β_ℓ1* for every shape w0 (two shapes agree to < 1e-4 along the sequence α = 1e-2 … 1e-40, continued to ln(1/α²) = 25/γ·{1,2,4} when the reduced-cost gap γ is small, while at α = 1000 they differ).',
  where: 'L154–L158; L61(c)',
  kind: 'property',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i) => all([e7iCheck(i.seed, e7Corr), e7iiCheck(i.seed, (data) => minL1(data.X, data.y))]),
  falsifiers: [
    { name: 'rich limit = weighted ℓ1 Σ|β_i|/w0_i²', description: 'the natural guess from the kernel weights', check: (i) => e7iiCheck(i.seed, (data, w0b) => minL1(data.X, data.y, w0b.map((v) => 1 / (v * v)))) },
    { name: 'correction without ln w0²', description: 'C = Σ|β|ln|β| − |β| (shape-free correction)', check: (i) => e7iCheck(i.seed, (beta) => beta.reduce((s, b) => s + Math.abs(b) * Math.log(Math.abs(b)) - Math.abs(b), 0)) },
  ],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ───────────────────────────── WOO-T2 ─────────────────────────────
interface T2Inst { seed: number; d: number; N: number; ys: number; epsIdx: number }
const T2EPS = [0.01, 0.05, 0.1, 0.5, 1, 2, 5];
const t2Arb = fc.record({ seed: seedArb, d: fc.integer({ min: 3, max: 25 }), N: fc.integer({ min: 1, max: 24 }), ys: fc.double({ min: -2, max: 4, noNaN: true }), epsIdx: fc.integer({ min: 0, max: 6 }) }).map((i) => ({ ...i, N: Math.min(i.N, i.d - 1) }));
function t2Check(i: T2Inst, part: 'l1' | 'l2', lnAlphaOf: (eps: number, b1: number, b2: number, d: number) => number, factors: number[]): Outcome {
  const eps = T2EPS[i.epsIdx];
  if (!(eps < i.d)) return inconclusive('ε ≥ d');
  const data0 = genReg(i.seed, i.d, i.N);
  const data: RegData = { ...data0, y: data0.y.map((v) => v * 10 ** i.ys) };
  const L1 = minL1(data.X, data.y);
  if (!L1.ok) return inconclusive('LP failed');
  const b2v = minL2(data.X, data.y);
  const b1 = L1.objective;
  const b2 = nrm2(b2v);
  const lnA = lnAlphaOf(eps, b1, b2, i.d);
  const outs: Outcome[] = [];
  for (const f of factors) {
    const la = lnA + Math.log(f);
    const r = solveQ(data, la);
    if (!r.converged) return inconclusive(`SOLVE-Q not converged at ln α = ${fmt(la)}`);
    // tol: the claim's own slack is exact (Theorem 2's bounds as printed); 1e-9 relative only absorbs the reference accuracies,
    // HiGHS' LP objective (feasibility tolerances 1e-10) and SOLVE-Q's feasibility 1e-13(1+‖y‖): ≥ 10× headroom.
    // Calibration WOO-T2: worst margin < 0 (the bounds hold with room).
    if (part === 'l1') outs.push(within(l1(r.beta) - (1 + eps) * b1, 1e-9 * b1, `‖β_α‖₁ ≤ (1+ε)‖β_ℓ1*‖₁ (ε=${eps}, ln α=${fmt(la)})`));
    else {
      const n2 = nrm2(r.beta) ** 2;
      outs.push(within(n2 - (1 + eps) * b2 * b2, 1e-9 * b2 * b2, `‖β_α‖₂² ≤ (1+ε)‖β_ℓ2*‖₂² (ε=${eps}, α=${fmt(Math.exp(la))})`));
    }
  }
  return all(outs);
}
const lnAl1 = (eps: number, b1: number, _b2: number, d: number) => Math.min((-(2 + eps) / (2 * eps)) * Math.log(2 * (1 + eps) * b1), -d / (eps * b1));
const lnAl2 = (eps: number, _b1: number, b2: number) => 0.5 * Math.log(2 * (1 + eps) * (1 + 2 / eps) * b2);
export const wooT2 = defineClaim<T2Inst>({
  id: 'WOO-T2',
  paper: PAPER,
  title: 'Theorem 2: α ≤ min{(2(1+ε)‖β_ℓ1*‖₁)^{−(2+ε)/(2ε)}, e^{−d/(ε‖β_ℓ1*‖₁)}} ⇒ ‖β_α‖₁ ≤ (1+ε)‖β_ℓ1*‖₁; α ≥ √(2(1+ε)(1+2/ε)‖β_ℓ2*‖₂) ⇒ ‖β_α‖₂² ≤ (1+ε)‖β_ℓ2*‖₂²',
  statement: 'For 0 < ε < d, in the setting of Theorem 1 (w0 = 𝟏), both thresholds; checked via the Q-characterization (Theorem 1) with SOLVE-Q in the log domain at α*·{1, 0.1, 1e-3} (ℓ1) and α*·{1, 10} (ℓ2).',
  where: 'L126–L132; App D L539–L596',
  kind: 'property',
  expected: 'holds',
  arbitrary: t2Arb,
  check: (i) => all([t2Check(i, 'l1', lnAl1, [1, 0.1, 1e-3]), t2Check(i, 'l2', lnAl2, [1, 10])]),
  falsifiers: [
    {
      name: 'swapped regimes',
      description: 'ℓ1-approximation at α = 10·α*_ℓ2',
      arbitrary: t2Arb.map((i) => ({ ...i, epsIdx: 0 })),
      check: (i) => t2Check(i, 'l1', (eps, b1, b2, d) => lnAl2(eps, b1, b2) + Math.log(10), [1]),
    },
    {
      name: 'polynomially small α ≤ (ε/d)² suffices',
      description: 'd = 40, N = 10, ε = 0.001: on many data sets the ℓ1 excess at α = (ε/d)² exceeds ε',
      arbitrary: fc.record({ seed: seedArb, d: fc.constant(40), N: fc.constant(10), ys: fc.constant(0), epsIdx: fc.constant(0) }),
      check: (i) => {
        const data = genReg(i.seed, i.d, i.N);
        const L1 = minL1(data.X, data.y);
        const eps = 0.001;
        const r = solveQ(data, 2 * Math.log(eps / i.d));
        if (!r.converged || !L1.ok) return inconclusive('solver failure');
        // tol: same as the claim's (exact (1+ε) bound + 1e-9 relative for the LP and dual-Newton accuracy).
        return within(l1(r.beta) - (1 + eps) * L1.objective, 1e-9 * L1.objective, `‖β_α‖₁ ≤ (1+ε)‖β_ℓ1*‖₁ at α=(ε/d)²`);
      },
      // The mutant fails on roughly a quarter of random data sets (measured on 4 samples and 4 seeds:
      // the ℓ1 excess at α = (ε/d)² ranges from −2e-3 to +1.8e-3·‖β_ℓ1*‖₁), so 40 instances miss it
      // with probability ≈ 0.75^40 < 1e-4; each instance is one SOLVE-Q at d = 40 (milliseconds).
      runs: 40,
    },
  ],
  runs: { ci: 6, default: 30, deep: 200 },
});

// ───────────────────────────── WOO-FLOWD (+ literal), WOO-L4 ─────────────────────────────
interface FdInst { seed: number; d: number; N: number; D: number; la: number; cLIdx: number }
const fdArb = fc.record({ seed: seedArb, d: fc.integer({ min: 2, max: 15 }), N: fc.integer({ min: 1, max: 6 }), D: fc.integer({ min: 3, max: 5 }), la: fc.double({ min: Math.log10(0.05), max: Math.log10(2), noNaN: true }), cLIdx: fc.integer({ min: 0, max: 1 }) }).map((i) => ({ ...i, N: Math.min(i.N, i.d - 1) }));
function flowDCheck(i: FdInst, tier: Tier, cL: number, kFac: (D: number) => number, expo: (D: number) => number): Outcome {
  const data = genReg(i.seed, i.d, i.N);
  const alpha = 10 ** i.la;
  const D = i.D;
  const m = diagonalShared({ X: data.X, y: data.y, D, cL, augment: true });
  const tEsc = alpha ** (2 - D) / (2 * cL * D * (D - 2) * nrmInf(matTVec(data.X, data.y)));
  const T = Math.min(5 * tEsc, 200);
  const tEval = Array.from({ length: 20 }, (_, k) => ((k + 1) * T) / 20);
  const sol = integrateFlow(m, m.init(alpha), { tMax: T, tEval, rtol: 1e-12, atol: 1e-16, wallSeconds: flowWall(tier), lossTol: 0 });
  if (sol.status !== 'max-time' && sol.status !== 'converged') return inconclusive(`integration ended early: ${sol.message}`);
  let ew = 0;
  let eb = 0;
  for (let k = 1; k < sol.thetas.length; k++) {
    const th = sol.thetas[k];
    const g = matTVec(data.X, m.integratedResidual(th));
    const { wp, wm } = m.weights(th);
    const beta = m.predictor(th);
    for (let j = 0; j < i.d; j++) {
      const base = alpha ** (2 - D);
      const cp = (base + kFac(D) * cL * g[j]) ** expo(D);
      const cm = (base - kFac(D) * cL * g[j]) ** expo(D);
      ew = Math.max(ew, Math.abs(wp[j] - cp) / wp[j], Math.abs(wm[j] - cm) / wm[j]);
      // (57): β = α^D h_D(Xᵀν), ν = −2c_L α^{D−2}D(D−2)S.
      const nu = -2 * cL * alpha ** (D - 2) * D * (D - 2) * g[j];
      eb = Math.max(eb, Math.abs(beta[j] - alpha ** D * hD(nu, D)) / (1 + Math.abs(beta[j])));
    }
  }
  const drift = componentwiseInvariantDrift(m, sol.thetas); // relative per component
  // Catalog: closed forms to 1e-9 relative; invariant drift ≤ 1e-8.
  return all([within(ew, 1e-9, `w± vs (51)/(53), c_L=${cL}, D=${D}`), within(eb, 1e-9, 'β vs (57)'), within(drift, 1e-8, 'drift of w₊^{2−D} + w₋^{2−D}')]);
}
export const wooFLOWDLiteral = defineClaim<FdInst>({
  id: 'WOO-FLOWD-LITERAL',
  paper: PAPER,
  title: 'as printed: w±^{2−D} = α^{2−D} ± D(D−2)Xᵀ∫res for the stated loss Σ(f − y)²',
  statement: 'Literal (50)–(53) with the loss stated in L69 (c_L = 1).',
  where: 'App E L602–L642 vs L69',
  kind: 'identity',
  expected: 'refuted',
  erratum: 'The factor D (and D(D−2)) corresponds to ½‖res‖²; with the stated loss it is 2D and 2D(D−2) (E-E2). (55) also misses a minus sign in ẇ = dL/dw (E-E1). Limits are unaffected.',
  counterpart: 'WOO-FLOWD',
  arbitrary: fdArb,
  check: (i, ctx) => flowDCheck(i, ctx.tier, 1, (D) => D * (D - 2), (D) => 1 / (2 - D)),
  falsifiers: [{ name: 'factor D(D−1)', description: 'wrong factor in (51)', check: (i, ctx) => flowDCheck(i, ctx.tier, 1, (D) => D * (D - 1), (D) => 1 / (2 - D)) }],
  runs: { ci: 2, default: 6, deep: 20 },
});
export const wooFLOWD = defineClaim<FdInst>({
  id: 'WOO-FLOWD',
  paper: PAPER,
  title: 'closed-form flow of M2: w±^{2−D} = α^{2−D} ± 2c_L D(D−2)XᵀS, β = α^D h_D(Xᵀν)',
  statement: 'With S = ∫res and loss c_L‖res‖²: w±(t)^{2−D} = α^{2−D} ± 2c_L D(D−2)XᵀS(t) ((51),(53) are c_L = ½), β(t) = α^D h_D(Xᵀν(t)) with ν = −2c_Lα^{D−2}D(D−2)S ((57),(58)); w₊^{2−D} + w₋^{2−D} ≡ 2α^{2−D}.',
  where: 'App E L602–L642',
  kind: 'identity',
  expected: 'holds',
  erratum: 'Printed constants correspond to c_L = ½; (55) misses a minus sign.',
  counterpart: 'WOO-FLOWD-LITERAL',
  arbitrary: fdArb,
  check: (i, ctx) => flowDCheck(i, ctx.tier, [0.5, 1][i.cLIdx], (D) => 2 * D * (D - 2), (D) => 1 / (2 - D)),
  falsifiers: [
    { name: 'exponent −1/(D−1)', description: 'wrong power in (51)', check: (i, ctx) => flowDCheck(i, ctx.tier, [0.5, 1][i.cLIdx], (D) => 2 * D * (D - 2), (D) => -1 / (D - 1)) },
    { name: 'factor D(D−1)', description: 'wrong factor', check: (i, ctx) => flowDCheck(i, ctx.tier, [0.5, 1][i.cLIdx], (D) => 2 * D * (D - 1), (D) => 1 / (2 - D)) },
  ],
  runs: { ci: 2, default: 6, deep: 20 },
});

interface L4Inst { seed: number; d: number; N: number; D: number; aIdx: number }
const L4A = [0.5, 0.1, 0.03];
const l4Arb = fc.record({ seed: seedArb, d: fc.integer({ min: 3, max: 10 }), N: fc.integer({ min: 1, max: 4 }), D: fc.integer({ min: 3, max: 4 }), aIdx: fc.integer({ min: 0, max: 2 }) }).map((i) => ({ ...i, N: Math.min(i.N, i.d - 1) }));
function l4Check(i: L4Inst, tier: Tier, boundOf: (alpha: number, D: number) => number): Outcome {
  const data = genReg(i.seed, i.d, i.N);
  const alpha = L4A[i.aIdx];
  const D = i.D;
  const m = diagonalShared({ X: data.X, y: data.y, D, cL: 0.5, augment: true });
  const T = Math.min(50 * alpha ** (2 - D), 2e4);
  const bound = boundOf(alpha, D);
  // Stopping rule (replaces a fixed lossTol 1e-28, which at global seeds 709854405 and 1746278566 ran flows already at
  // L = 1e-20 into the wall guard). What the check needs is sup_{t ≥ 0} ‖XᵀS(t)‖∞; past the end t₀ of the integration
  // the remaining change is bounded from the current state:
  //   ṙ = Xβ̇ = −K r with K = 2D²c_L X P Xᵀ, P = diag(w₊^{2D−2} + w₋^{2D−2}) (from ẇ± = ∓2Dc_L g∘w±^{D−1}, g = Xᵀr),
  //   so d‖r‖/dt ≤ −λ_min(K)‖r‖ and, while λ_min(K) ≥ λ, ∫_{t₀}^∞ ‖r‖ ≤ ‖r(t₀)‖/λ =: δ (the remaining path of S), and
  //   ‖Xᵀ(S(∞) − S(t₀))‖∞ ≤ max_i ‖X_{:,i}‖₂ · δ =: ε_rem.
  // λ = λ_min(K(t₀))/2 is justified by continuation: along the remainder |d ln w±_i/dt| = 2Dc_L|g_i| w±_i^{D−2}, so
  // ln w±_i moves by ≤ 2Dc_L ‖X_{:,i}‖ w̄^{D−2} δ with w̄ = 2·max w±_i (guarded below), and P by a factor ≤ e^{(2D−2)·that};
  // requiring that factor ≤ 2 keeps λ_min(K) ≥ λ_min(K(t₀))/2 over the remainder (a self-consistent bootstrap).
  // The check then uses sup ≥ max(recorded max, ‖XᵀS(t₀)‖∞ + ε_rem) — conservative — and the flow stops once
  // ε_rem ≤ 1e-10·bound, a tenth of the 1e-9 relative tolerance of the check below, so the remainder cannot decide it.
  const colNorm = Array.from({ length: i.d }, (_, j) => Math.sqrt(data.X.reduce((a, row) => a + row[j] ** 2, 0)));
  const remainder = (th: Float64Array): number => {
    const r = m.residual(th);
    const rn = Math.sqrt(r.reduce((a, v) => a + v * v, 0));
    const { wp, wm } = m.weights(th);
    const K = new Matrix(i.N, i.N);
    for (let a = 0; a < i.N; a++)
      for (let b = 0; b < i.N; b++) {
        let s = 0;
        for (let j = 0; j < i.d; j++) s += data.X[a][j] * data.X[b][j] * (wp[j] ** (2 * D - 2) + wm[j] ** (2 * D - 2));
        K.set(a, b, 2 * D * D * m.cL * s);
      }
    const lam = symEig(K).values[i.N - 1] / 2;
    if (!(lam > 0)) return Infinity;
    const delta = rn / lam;
    let drift = 0;
    for (let j = 0; j < i.d; j++) drift = Math.max(drift, 2 * D * m.cL * colNorm[j] * (2 * Math.max(wp[j], wm[j])) ** (D - 2) * delta);
    if ((2 * D - 2) * drift > Math.LN2) return Infinity; // bootstrap not closed yet: keep integrating
    return Math.max(...colNorm) * delta;
  };
  let th = m.init(alpha);
  let t = 0;
  let lossTol = 1e-16;
  let mx = 0;
  let epsRem = Infinity;
  let sol: ReturnType<typeof integrateFlow> | undefined;
  const wall0 = performance.now();
  for (let seg = 0; seg < 8; seg++) {
    // one wall budget over all segments (integrateFlow stretches wallSeconds by the load factor; so is the elapsed time here)
    const wall = flowWall(tier) - (performance.now() - wall0) / 1000 / wallScale();
    sol = integrateFlow(m, th, { tMax: T - t, rtol: 1e-11, atol: 1e-16, recordEvery: 5, wallSeconds: Math.max(wall, 0.1), lossTol });
    for (const x of sol.thetas) mx = Math.max(mx, nrmInf(matTVec(data.X, m.integratedResidual(x))));
    th = sol.theta;
    t += sol.t;
    mx = Math.max(mx, nrmInf(matTVec(data.X, m.integratedResidual(th))));
    epsRem = remainder(th);
    if (epsRem <= 1e-10 * bound || sol.status !== 'converged') break;
    // next target: the loss at which ε_rem would be ≤ 1e-10·bound at the current λ (ε_rem ∝ ‖r‖ ∝ √L), with a factor-2
    // margin in L for the drift of λ (a smaller target costs wall time: late decay can be slow, λ_min(K) ~ 1e-3).
    lossTol = Math.min(lossTol * 0.1, 0.5 * sol.loss * (Number.isFinite(epsRem) ? ((1e-10 * bound) / epsRem) ** 2 : 1e-4));
  }
  if (!sol) return inconclusive('no integration');
  const resolved = epsRem <= 1e-10 * bound;
  if (!resolved && sol.status !== 'max-time') return inconclusive(`integration ended early: ${sol.message}; remaining change of XᵀS bounded by ${fmt(epsRem)} vs needed ${fmt(1e-10 * bound)}`);
  if (resolved) mx = Math.max(mx, nrmInf(matTVec(data.X, m.integratedResidual(th))) + epsRem);
  const ratio = mx / bound;
  // tol: Lemma 4's bound is asserted as printed (slack exact); 1e-9 relative allows the integrator's error on S
  // (rtol 1e-11 over ≲ 1e2 steps). Not near-binding: the ratio stays ≤ 0.99 (calibration WOO-L4 worst margin −1e7).
  const outs = [within(ratio - 1, 1e-9, `max_t ‖XᵀS‖∞ / bound (α=${alpha}, D=${D})`)];
  // Non-vacuity (asymptotic tightness): ratio ≥ 0.85 at α ≤ 0.03 — only when the sup over all t is resolved (otherwise inconclusive).
  if (alpha <= 0.03) outs.push(resolved ? (ratio >= 0.85 ? pass() : fail(0.85 / ratio, `bound not tight: ratio ${fmt(ratio)}`)) : inconclusive('not converged for the tightness check'));
  return all(outs);
}
export const wooL4 = defineClaim<L4Inst>({
  id: 'WOO-L4',
  paper: PAPER,
  title: 'Lemma 4: ‖Xᵀ∫₀ᵗres‖∞ ≤ α^{2−D}/(D(D−2)) for all t (c_L = ½), asymptotically tight',
  statement: 'For D > 2, M2 from α𝟏 with c_L = ½: sup_t ‖XᵀS(t)‖∞ ≤ α^{2−D}/(D(D−2)), i.e. ‖Xᵀν(t)‖∞ ≤ 1; the ratio approaches 1 as α → 0.',
  where: 'App E L598–L620',
  kind: 'lemma',
  expected: 'holds',
  arbitrary: l4Arb,
  check: (i, ctx) => l4Check(i, ctx.tier, (a, D) => a ** (2 - D) / (D * (D - 2))),
  falsifiers: [{ name: 'bound α^{2−D}/(D(D−2))²', description: 'too tight by a factor D(D−2)', check: (i, ctx) => l4Check(i, ctx.tier, (a, D) => a ** (2 - D) / (D * (D - 2)) ** 2) }],
  runs: { ci: 3, default: 8, deep: 30 },
});

// ───────────────────────────── WOO-T3, WOO-T3W0 ─────────────────────────────
interface T3Inst { seed: number; d: number; N: number; D: number; aIdx: number }
const T3A = [0.1, 0.2, 0.5, 1, 3];
const t3Arb = fc.record({ seed: seedArb, d: fc.integer({ min: 5, max: 12 }), N: fc.integer({ min: 2, max: 5 }), D: fc.integer({ min: 3, max: 4 }), aIdx: fc.integer({ min: 1, max: 4 }) });
function t3FlowCheck(i: T3Inst, tier: Tier, ref: (data: RegData, alpha: number, D: number) => { beta: ArrayLike<number>; ok: boolean }): Outcome {
  const data = genReg(i.seed, i.d, Math.min(i.N, i.d - 1));
  const alpha = T3A[i.aIdx];
  const qd = solveQD(data, alpha, i.D);
  if (!qd.converged) return inconclusive('SOLVE-QD not converged');
  const fr = memoFlow(`T3${JSON.stringify(i)}${tier}`, () => flowToLimit(data, alpha, i.D, tier, { betaRef: qd.beta }));
  if (!fr.converged) return inconclusive(fr.reason);
  const r = ref(data, alpha, i.D);
  if (!r.ok) return inconclusive('reference failed');
  // tol: tolFlow, derived at its definition.
  return within(distInf(fr.beta, r.beta), tolFlow(r.beta), `‖β_flow − β_ref‖∞ (D=${i.D}, α=${alpha})`);
}
function t3LimitsCheck(seed: number, richRef: (data: RegData) => { beta: ArrayLike<number>; ok: boolean; unique?: boolean }): Outcome {
  const data = genReg(seed, 10, 4);
  const outs: Outcome[] = [];
  const b2 = minL2(data.X, data.y);
  for (const D of [3, 4]) {
    // Kernel side: ‖β_α − β_ℓ2‖ ~ α^{−2D} (next term of q_D); fitted exponent ≤ −D and value ≤ 1e-4 at α = 3.
    // The limit is a sequence: extended to α = 5, and the value verdict uses the tail (rate α^{−2D}); a single
    // α = 3 can still be above 1e-4 (seen 1.34e-4 at D = 3) while the sequence decays at the derived rate.
    const aK = [1.5, 2, 3, 5];
    const eK = aK.map((a) => dist2(solveQD(data, a, D).beta, b2));
    outs.push(within(logLogSlope(aK, eK) + D, 0, `kernel-side exponent (D=${D}): ${fmt(logLogSlope(aK, eK))}`));
    outs.push(tailLimitVerdict(aK.map((a) => 1 / a), eK, 2 * D, 1e-4, `‖β_5 − β_ℓ2*‖ (D=${D})`));
    // Rich side: along α = 0.3, 0.1, 0.03, 0.01 the distance to the claimed limit decreases to < 1e-3.
    const ref = richRef(data);
    if (!ref.ok || ref.unique === false) return inconclusive('ℓ1 minimizer not certified unique');
    // Extended to α = 0.003: the distance decays like α^D only once past the LP-gap-dependent transition, and at
    // D = 3 α = 0.01 can still be pre-asymptotic (seen 4.8e-3); the tail verdict fails a stagnating distance.
    const aR = [0.3, 0.1, 0.03, 0.01, 0.003];
    const eR = aR.map((a) => {
      const r = solveQD(data, a, D);
      return r.converged ? dist2(r.beta, ref.beta) : NaN;
    });
    if (eR.some((e) => !Number.isFinite(e))) return inconclusive('SOLVE-QD not converged on the rich side');
    const decreasing = eR.every((e, k) => k === 0 || e <= eR[k - 1] * 1.001 + 1e-12);
    outs.push(decreasing ? pass() : fail(2, `rich-side distances not decreasing: ${eR.map(fmt).join(', ')}`));
    outs.push(tailLimitVerdict(aR, eR, D, 1e-3, `‖β_0.003 − rich limit‖ (D=${D})`));
  }
  return all(outs);
}
export const wooT3 = defineClaim<T3Inst>({
  id: 'WOO-T3',
  paper: PAPER,
  title: 'Theorem 3: M2 (depth D) converges to argmin Q^D_α; α → 0 gives β_ℓ1*, α → ∞ gives β_ℓ2*',
  statement: 'For D ≥ 3 and M2 from α𝟏: if Xβ∞ = y then β∞ = argmin{Q^D_α(β) : Xβ = y}, Q^D_α = α^DΣq_D(β_i/α^D); lim_{α→0} = β_ℓ1* (unique), lim_{α→∞} = β_ℓ2*. Limits checked as sequences via SOLVE-QD.',
  where: 'L192–L196; App E L622–L682',
  kind: 'property',
  expected: 'holds',
  arbitrary: t3Arb,
  check: (i, ctx) => {
    const a = t3FlowCheck(i, ctx.tier, (data, alpha, D) => {
      const r = solveQD(data, alpha, D);
      return { beta: r.beta, ok: r.converged };
    });
    return i.aIdx === 4 ? all([a, t3LimitsCheck(i.seed, (data) => minL1(data.X, data.y))]) : a;
  },
  falsifiers: [
    {
      name: 'Q_α (D = 2 regularizer) for D = 3',
      description: 'argmin Q_{α′} with matched curvature α′² = pα^D',
      arbitrary: t3Arb.map((i) => ({ ...i, D: 3, aIdx: 2 })),
      check: (i, ctx) => t3FlowCheck(i, ctx.tier, (data, alpha, D) => {
        const r = solveQ(data, 0.5 * Math.log((D / (D - 2)) * alpha ** D));
        return { beta: r.beta, ok: r.converged };
      }),
    },
    {
      name: 'rich limit = ℓ_{2/D} quasi-norm minimizer',
      description: 'explicit-regularization answer (L198); computed by enumerating basic solutions',
      arbitrary: fc.record({ seed: seedArb, d: fc.constant(8), N: fc.constant(3), D: fc.constant(3), aIdx: fc.constant(4) }),
      check: (i) => t3LimitsCheck(i.seed, (data) => ({ beta: lpQuasiMin(data, 2 / 3), ok: true })),
    },
    {
      name: 'wrong depth: Q^{D+1} for the depth-D model',
      description: 'the regularizer of the next depth (same α); the argmins differ in the transition regime',
      arbitrary: t3Arb.map((i) => ({ ...i, aIdx: 2 })),
      check: (i, ctx) =>
        t3FlowCheck(i, ctx.tier, (data, alpha, D) => {
          const r = solveQD(data, alpha, D + 1);
          return { beta: r.beta, ok: r.converged };
        }),
    },
  ],
  // 3.3 % of instances inconclusive in the 50-seed calibration (tier ci, after the rtol-1e-13 continuation): with 3
  // runs needing 2 that is P(seed inconclusive) ≈ 3q² ≈ 3e-3, one flake in ~15 twenty-run flake checks; 5 runs needing
  // 3 bring it to ≈ 10q³ ≈ 4e-4.
  runs: { ci: 5, default: 10, deep: 40 },
});

/** Exact min Σ|β_i|^p (0 < p < 1) over Xβ = y by enumeration of the basic solutions (concave on each orthant). */
function lpQuasiMin(data: RegData, p: number): Float64Array {
  const { d, N } = data;
  let best = Infinity;
  let bestB = new Float64Array(d);
  const idx = Array.from({ length: N }, (_, k) => k);
  const next = () => {
    let k = N - 1;
    while (k >= 0 && idx[k] === d - N + k) k--;
    if (k < 0) return false;
    idx[k]++;
    for (let j = k + 1; j < N; j++) idx[j] = idx[j - 1] + 1;
    return true;
  };
  do {
    const A = data.X.map((r) => idx.map((j) => r[j]));
    const G = weightedGram(A.map((r) => r.slice()), new Float64Array(N).fill(1));
    void G;
    const At = idx.map((_, a) => A.map((r) => r[a]));
    const sol = solveSPD(weightedGram(At, new Float64Array(N).fill(1)), matTVec(A, data.y)); // (AᵀA)⁻¹Aᵀy
    const b = new Float64Array(d);
    idx.forEach((j, a) => (b[j] = sol[a]));
    const resid = nrm2(matVec(data.X, b).map((v, k) => v - data.y[k]));
    if (resid > 1e-8 * (1 + nrm2(data.y))) continue;
    const val = Array.from(b).reduce((s, v) => s + Math.abs(v) ** p, 0);
    if (val < best) {
      best = val;
      bestB = b;
    }
  } while (next());
  return bestB;
}

interface T3WInst { seed: number }
function t3w0Check(seed: number, tier: Tier, weighted: boolean): Outcome {
  for (let attempt = 0; attempt < 8; attempt++) {
    const data = genReg(seed + 104729 * attempt, 10, 4);
    const rng = new Rng(seed + attempt);
    const w0 = Array.from({ length: 10 }, () => Math.exp(rng.range(-1.2, 1.2)));
    const D = 4;
    const wl1 = minL1(data.X, data.y, w0.map((v) => 1 / v ** (D - 2)));
    const ul1 = minL1(data.X, data.y);
    if (!wl1.ok || !ul1.ok || dist2(wl1.beta, ul1.beta) < 0.2) continue;
    // Rich limit as a sequence α = 0.1, 0.03, 0.01, 0.003: the distance to the limit decays like α^D (the
    // correction of q_D at large argument), but the prefactor depends on the LP's reduced-cost gap, so a single
    // α = 0.03 may still be pre-asymptotic (seen: 6.1e-3 at 0.03, 1.0e-4 at 0.01, 8.6e-7 at 0.003).
    const target = weighted ? wl1.beta : ul1.beta;
    const aR = [0.1, 0.03, 0.01, 0.003];
    const eR: number[] = [];
    for (const a of aR) {
      const r = solveQD(data, a, D, w0);
      if (!r.converged) return inconclusive(`SOLVE-QD not converged at α = ${a}`);
      eR.push(dist2(r.beta, target));
    }
    const outs = [tailLimitVerdict(aR, eR, D, 1e-3, `‖β_α − ${weighted ? 'weighted' : 'unweighted'} ℓ1‖ at α = 0.003`)];
    // Kernel side: α = 3 → weighted ℓ2 argmin Σβ²/w0^{2D−2}.
    const rk = solveQD(data, 3, D, w0);
    const wl2 = minWeightedL2(data.X, data.y, w0.map((v) => v ** (2 * D - 2)));
    // tol: empirical level (α = 3 is a finite proxy for the α → ∞ limit; the derived gap shrinks like α^{−2D} via the
    // z⁴ term of q_D), catalog-style 1e-3; calibration row WOO-T3W0 gives its headroom.
    outs.push(within(dist2(rk.beta, wl2), 1e-3, '‖β_3 − weighted ℓ2‖'));
    // Flow cross-check of the weighted Q^D (D = 3, α = 0.5).
    const r3 = solveQD(data, 0.5, 3, w0);
    const fr = flowToLimit(data, 0.5, 3, tier, { w0, betaRef: r3.beta });
    // tol: tolFlow, derived at its definition.
    outs.push(fr.converged ? within(distInf(fr.beta, r3.beta), tolFlow(r3.beta), 'flow (D=3, α=0.5, w0) vs weighted Q^D argmin') : inconclusive(fr.reason));
    return all(outs);
  }
  return inconclusive('no instance with distinct weighted/unweighted ℓ1 solutions');
}
export const wooT3W0 = defineClaim<T3WInst>({
  id: 'WOO-T3W0',
  paper: PAPER,
  title: 'M2 with non-uniform w0: bias Σα^Dw0²q_D(β/(α^Dw0^D)); rich limit is the WEIGHTED ℓ1 Σ|β|/w0^{D−2} (derived)',
  statement: 'For M2 with w±(0) = αw0 (w0 > 0): β∞ = argmin Σα^Dw0_i²q_D(β_i/(α^Dw0_i^D)) s.t. Xβ = y; α → 0 gives argmin Σ|β_i|/w0_i^{D−2}, α → ∞ gives argmin Σβ_i²/w0_i^{2D−2}. So "the shape does not affect the rich limit" (L158) is specific to D = 2.',
  where: 'extension of Thm 3 (App E); contrast L158, L61(c)',
  kind: 'property',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i, ctx) => t3w0Check(i.seed, ctx.tier, true),
  falsifiers: [{ name: 'unweighted ℓ1 for all D', description: 'the naive generalization of (7)', check: (i, ctx) => t3w0Check(i.seed, ctx.tier, false) }],
  runs: { ci: 2, default: 5, deep: 20 },
});

// ───────────────────────────── WOO-ESC ─────────────────────────────
function escTime(data: RegData, D: number, alpha: number, tier: Tier): number {
  const m = diagonalShared({ X: data.X, y: data.y, D, cL: 0.5, logCoords: D === 2 });
  const th0 = m.init(alpha);
  const L0 = m.loss(th0);
  const sol = integrateFlow(m, th0, { rtol: 1e-9, atol: 1e-14, lossTol: L0 / 2, recordEvery: 1, wallSeconds: flowWall(tier), tMax: 1e7 });
  if (sol.status !== 'converged') return NaN;
  // Linear interpolation of the crossing between the last two recorded steps.
  const n = sol.ts.length;
  const t1 = sol.ts[n - 2];
  const t2 = sol.ts[n - 1];
  const l1v = sol.losses[n - 2];
  const l2v = sol.losses[n - 1];
  return l1v === l2v ? t2 : t1 + ((l1v - L0 / 2) * (t2 - t1)) / (l1v - l2v);
}
/**
 * Hypothesis of the derived constant: near the saddle coordinate i* = argmax|(Xᵀy)_i| escapes first (the others
 * are still at α^{2(1−g_i/g)} when it reaches O(1)) and the loss then plateaus at L(0)(1 − ρ), ρ = (x_{i*}ᵀy)²/
 * (‖x_{i*}‖²‖y‖²). Only if ρ > ½ does that first escape halve the loss; otherwise t_½ is set by a later saddle
 * with a smaller rate and the measured/predicted ratio tends to a different constant (seen: 2.2 at D = 2).
 */
function escRho(data: RegData): number {
  const c = matTVec(data.X, data.y);
  let k = 0;
  for (let j = 1; j < data.d; j++) if (Math.abs(c[j]) > Math.abs(c[k])) k = j;
  const col = data.X.map((r) => r[k]);
  return (c[k] * c[k]) / (nrm2(col) ** 2 * nrm2(data.y) ** 2);
}
function escCheck(seed: number, tier: Tier, pred: (D: number, alpha: number, g: number) => number): Outcome {
  // Draw within the formula's hypothesis (first escape halves the loss, ρ > ½ with a 0.05 margin so the crossing
  // is not at the plateau's edge); redraw otherwise. The restriction is the formula's own precondition (stated in
  // the claim). Draws: P(ρ > 0.55) = 0.58 per draw of genReg(·, 10, 4) (measured on 4000 seeds), so 8 draws missed
  // with probability 0.42^8 ≈ 1e-3 (seen once in 20 fresh-seed runs: global seed 773473827); 32 draws miss with
  // probability 0.42^32 ≈ 1e-12. A draw costs one Xᵀy (microseconds), the flows run only on the accepted one.
  let data: RegData | null = null;
  for (let attempt = 0; attempt < 32 && !data; attempt++) {
    const cand = genReg(seed + 7907 * attempt, 10, 4);
    if (escRho(cand) > 0.55) data = cand;
  }
  if (!data) return inconclusive('no draw where the first escape halves the loss (ρ ≤ 0.55 in 32 draws)');
  const g = nrmInf(matTVec(data.X, data.y));
  const outs: Outcome[] = [];
  for (const [D, als] of [[2, [1e-2, 1e-4, 1e-6]], [3, [1e-2, 1e-3]]] as [number, number[]][]) {
    const ratios: number[] = [];
    const times: number[] = [];
    for (const a of als) {
      const t = escTime(data, D, a, tier);
      if (!Number.isFinite(t)) return inconclusive(`escape not reached in budget (D=${D}, α=${a})`);
      times.push(t);
      ratios.push(t / pred(D, a, g));
    }
    const mono = times.every((t, k) => k === 0 || t > times[k - 1]);
    outs.push(mono ? pass() : fail(2, `escape time not increasing as α decreases (D=${D})`));
    // The scaling law: measured/predicted stabilizes along the sequence (relative change between the two
    // smallest α ≤ 10% for D = 2, whose correction is O(1/ln(1/α)), and ≤ 5% for D ≥ 3) at an O(1)
    // data-dependent constant in [0.5, 2] (the prediction ignores the residual's decay after the first blow-up).
    const lastTwo = Math.abs(ratios[ratios.length - 1] / ratios[ratios.length - 2] - 1);
    outs.push(within(lastTwo, D === 2 ? 0.1 : 0.05, `relative change of measured/predicted t_½ (D=${D}; ratios ${ratios.map(fmt).join(', ')})`));
    const r = ratios[ratios.length - 1];
    outs.push(r >= 0.5 && r <= 2 ? pass() : fail(Math.max(r / 2, 0.5 / r), `ratio ${fmt(r)} outside [0.5, 2] (D=${D})`));
  }
  return all(outs);
}
const escPred = (D: number, a: number, g: number) => (D === 2 ? Math.log(1 / (a * a)) / (4 * g) : a ** (2 - D) / (D * (D - 2) * g));
export const wooESC = defineClaim<{ seed: number }>({
  id: 'WOO-ESC',
  paper: PAPER,
  title: 'smaller α slows escape from the saddle: t_½ ≈ ln(1/α²)/(4‖Xᵀy‖∞) (D = 2), α^{2−D}/(D(D−2)‖Xᵀy‖∞) (D ≥ 3)',
  statement: 'w = 0 is a saddle, so the time t_½ for the loss to halve grows as α → 0 (L134, L136; Fig. 8): logarithmically for D = 2 and polynomially for D ≥ 3, with the derived constants (c_L = ½). The constants hold when the first escaping coordinate i* = argmax|(Xᵀy)_i| alone can halve the loss (ρ = cos²(x_{i*}, y) > ½); otherwise a later saddle sets t_½.',
  where: 'L134, L136; App A L328 (Fig. 8)',
  kind: 'property',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i, ctx) => escCheck(i.seed, ctx.tier, escPred),
  falsifiers: [
    { name: 't_½ ∝ 1/α for D = 2', description: 'polynomial escape for the depth-2 model', check: (i, ctx) => escCheck(i.seed, ctx.tier, (D, a, g) => (D === 2 ? 1 / (a * 4 * g) : escPred(D, a, g))) },
    { name: 'escape time independent of α', description: 't_½ = 1/(4‖Xᵀy‖∞)', check: (i, ctx) => escCheck(i.seed, ctx.tier, (_D, _a, g) => 1 / (4 * g)) },
  ],
  runs: { ci: 1, default: 3, deep: 10 },
});

// ───────────────────────────── WOO-LINREG ─────────────────────────────
/** β^R by the KKT of min‖w − α𝟏‖² s.t. X(w₊² − w₋²) = y: w₊ = α/(1+2s), w₋ = α/(1−2s), s = Xᵀμ (Newton on μ). */
function betaRbyKKT(data: RegData, alpha: number): { beta: Float64Array; obj: number; ok: boolean } {
  const { X, y, d, N } = data;
  let mu = new Float64Array(N);
  const F = (m: Float64Array) => {
    const s = matTVec(X, m);
    const beta = new Float64Array(d);
    const db = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      const a = 1 + 2 * s[j];
      const b = 1 - 2 * s[j];
      beta[j] = alpha * alpha * (1 / (a * a) - 1 / (b * b));
      db[j] = alpha * alpha * (-4 / a ** 3 - 4 / b ** 3);
    }
    return { s, beta, db };
  };
  for (let it = 0; it < 200; it++) {
    const { beta, db } = F(mu);
    const r = matVec(X, beta).map((v, k) => v - y[k]);
    if (nrm2(r) <= 1e-13 * (1 + nrm2(y))) break;
    const J = weightedGram(X, db.map((v) => -v)); // −J is SPD (db < 0)
    const step = solveSPD(J, r); // μ ← μ + (−J)⁻¹ r
    let t = 1;
    for (let ls = 0; ls < 60; ls++) {
      const m2 = mu.map((v, k) => v + t * step[k]);
      const s2 = matTVec(X, m2);
      if (s2.every((v) => Math.abs(2 * v) < 1)) {
        const r2 = matVec(X, F(m2).beta).map((v, k) => v - y[k]);
        if (nrm2(r2) < (1 - 1e-4 * t) * nrm2(r)) {
          mu = m2;
          break;
        }
      }
      t *= 0.5;
    }
  }
  const { s, beta } = F(mu);
  const r = matVec(X, beta).map((v, k) => v - y[k]);
  let obj = 0;
  for (let j = 0; j < d; j++) obj += (alpha / (1 + 2 * s[j]) - alpha) ** 2 + (alpha / (1 - 2 * s[j]) - alpha) ** 2;
  return { beta, obj, ok: nrm2(r) <= 1e-10 * (1 + nrm2(y)) };
}
function linregCheck(i: T1Inst, tier: Tier, mutantM1: boolean): Outcome {
  const data = genReg(i.seed, Math.min(i.d, 8), Math.min(i.N, Math.min(i.d, 8) - 1));
  const alpha = 10 ** i.la;
  const outs: Outcome[] = [];
  if (!mutantM1) {
    // Linear model f = ⟨w, x⟩ from αw0: the limit is αw0 + X⁺(y − Xαw0).
    const w0 = genW0(new Rng(i.seed + 3), data.d);
    const lin: FlowModel = {
      dim: data.d,
      lossFloor: 0,
      loss: (w) => 0.5 * matVec(data.X, w).reduce((s, v, k) => s + (v - data.y[k]) ** 2, 0),
      grad: (w, out) => out.set(matTVec(data.X, matVec(data.X, w).map((v, k) => v - data.y[k]))),
    };
    const w00 = Float64Array.from(w0, (v) => alpha * v);
    const resTol = 1e-10 * (1 + nrm2(data.y));
    const sol = integrateFlow(lin, w00, { rtol: 1e-12, atol: 1e-15, lossTol: 0.5 * resTol * resTol, wallSeconds: flowWall(tier), tMax: 1e6 });
    if (sol.status !== 'converged') return inconclusive(sol.message);
    const corr = minL2(data.X, matVec(data.X, w00).map((v, k) => data.y[k] - v));
    const pred = w00.map((v, k) => v + corr[k]);
    // tol, derived: the flow stops at ‖res(T)‖ ≤ resTol, so it still had X⁺res(T) to move (the linear flow's remaining
    // motion exactly; ≤ ‖res‖/σ_min(X), which exceeded the catalog's flat 1e-9 on ill-conditioned valid data).
    // That part is computed and allowed; what the claim constrains is the rest — the null-space component of θ(T),
    // which must stay that of αw0 — up to the integrator's error: dopri5 at rtol 1e-12 over ≲ 10² steps, plus
    // rounding, ≲ 1e-10·(1 + ‖pred‖∞).
    const remaining = minL2(data.X, matVec(data.X, sol.theta).map((v, k) => data.y[k] - v));
    const tolLin = nrmInf(remaining) + 1e-10 * (1 + nrmInf(pred));
    outs.push(within(distInf(sol.theta, pred), tolLin, `linear-model flow limit vs closest interpolant to αw0 (remaining motion X⁺res = ${fmt(nrmInf(remaining))})`));
  }
  // Identity (8) for M1: F(argmin_w{‖w − α𝟏‖² : L(w) = 0}) = argmin R_{α,1} (via the KKT of the w-problem vs SOLVE-R = SOLVE-QD(√α, 4)).
  const kkt = betaRbyKKT(data, alpha);
  if (!kkt.ok) return all([...outs, inconclusive('KKT Newton for β^R did not converge')]);
  const sr = solveQD(data, Math.sqrt(alpha), 4);
  if (!sr.converged) return all([...outs, inconclusive('SOLVE-R not converged')]);
  if (mutantM1) {
    // Mutant: "for M1, gradient flow also finds β^R" — compare the M1 flow limit with β^R.
    const q1 = solveQ(data, Math.log(alpha));
    const fr = flowToLimit(data, alpha, 2, tier, { betaRef: q1.beta });
    if (!fr.converged) return inconclusive(fr.reason);
    // tol: tolFlow, derived at its definition (the mutant compares the same converged flow limit with β^R).
    return within(distInf(fr.beta, kkt.beta), tolFlow(kkt.beta), 'M1 flow limit vs β^R');
  }
  // tol: two Newton solvers of the same strictly convex problem (w-space KKT stops at ‖res‖ ≤ 1e-13(1+‖y‖), accepts
  // 1e-10; SOLVE-R 1e-13): β error ≲ κ·1e-10 with κ ≲ 1e2, so 1e-7 relative; measured ≤ 2e-14. The objective identity
  // below is one number computed two ways (Σ(α/(1±2s) − α)² vs α²Σr(β/α²)): rounding ≲ 10dε, 1e-8 relative; measured ≤ 1e-15.
  outs.push(within(distInf(kkt.beta, sr.beta), 1e-7 * (1 + nrmInf(sr.beta)), 'β^R (w-space KKT) vs argmin R_{α,1} (SOLVE-R)'));
  outs.push(within(Math.abs(kkt.obj - Ralpha(kkt.beta, alpha)) / Math.max(kkt.obj, 1e-300), 1e-8, 'min‖w − α𝟏‖² = R_{α,1}(β^R)'));
  return all(outs);
}
export const wooLINREG = defineClaim<T1Inst>({
  id: 'WOO-LINREG',
  paper: PAPER,
  title: 'linear regression: gradient flow finds the interpolant closest to αw0; identity (8) β^R = argmin R_{α,w0}',
  statement: 'For f(w, x) = ⟨w, x⟩, gradient flow from αw0 converges to argmin{‖w − αw0‖₂ : Xw = y}; and for any model, F(argmin_w{‖w − αw0‖² : L(w) = 0}) = argmin_β{R_{α,w0}(β) : Xβ = y} (checked for M1 with w0 = 𝟏 through the KKT system of the w-problem).',
  where: '(8)–(9) L164–L168',
  kind: 'property',
  expected: 'holds',
  arbitrary: t1Arb(-1, 0.5, false),
  check: (i, ctx) => linregCheck(i, ctx.tier, false),
  falsifiers: [{ name: 'M1 gradient flow also finds β^R', description: 'the bias of M1 is not the parameter distance (WOO-RNEQ)', arbitrary: t1Arb(-1, 0, false), check: (i, ctx) => linregCheck(i, ctx.tier, true) }],
  runs: { ci: 3, default: 10, deep: 40 },
});

// ───────────────────────────── WOO-RNEQ ─────────────────────────────
function rneqCheck(seed: number, tier: Tier, rOf: (z: number) => number, sameArgmin: boolean): Outcome {
  const zs = Array.from({ length: 2000 }, (_, k) => 10 ** (-3 + (9 * k) / 1999));
  const ratio = zs.map((z) => q(z) / rOf(z));
  let bad = 0;
  for (let k = 1; k < zs.length; k++) if (!(ratio[k] > ratio[k - 1] - 1e-12 * ratio[k])) bad++;
  const outs: Outcome[] = [];
  // q/r is strictly increasing from 2 (z → 0) to ∞; float noise at the z → 0 end allowed at 1e-12 relative.
  outs.push(bad === 0 ? pass() : fail(bad, `q/r not increasing at ${bad} of 2000 points`));
  // tol: q/r = 2(1 + O(z²)) near 0 (measured 2(1 + 4e-8) at z = 1e-3); 1e-5 leaves ≥ 100×, a wrong limit misses by ≥ 1e4×.
  outs.push(within(Math.abs(ratio[0] - 2), 1e-5, 'q/r at z = 1e-3 → 2'));
  outs.push(ratio[ratio.length - 1] > 12 ? pass() : fail(12 / ratio[ratio.length - 1], `q/r at 1e6 = ${fmt(ratio[ratio.length - 1])}`));
  const ok = zs.every((z) => q(z) > rOf(z) && rOf(z) > 0 && rOf(z) <= z * (1 + 1e-15));
  outs.push(ok ? pass() : fail(2, 'q > r > 0, r ≤ |z| violated'));
  // Argmins differ (α ∈ [0.1, 1], d = 12, N = 4) and the flow follows Q, not R.
  const data = genReg(seed, 12, 4);
  const al = 10 ** new Rng(seed).range(-1, 0);
  const bq = solveQ(data, Math.log(al));
  const br = solveQD(data, Math.sqrt(al), 4);
  if (!bq.converged || !br.converged) return inconclusive('solver failure');
  const gap = dist2(bq.beta, br.beta);
  // tol: the mutant's 'equal' at the solvers' resolution (each argmin ≲ 1e-7, derived in the else branch): 1e-6.
  if (sameArgmin) outs.push(within(gap, 1e-6, '‖argmin Q − argmin R‖ (mutant: equal)'));
  else {
    // The claim is inequality of the argmins, so the threshold is the resolution of the two solvers, not an
    // effect size: both stop at ‖Xβ − y‖ ≤ 1e-13(1 + ‖y‖) with exact dual stationarity, so each argmin is accurate
    // to ≲ κ·1e-13 with κ ≤ cond(XXᵀ)^{½}·(curvature ratio of q, r on |z| ≤ 1e3) ≤ 1e3·1e3, i.e. ≲ 1e-7; a gap
    // > 1e-6 (the same level the 'equal' mutant uses) is a resolved difference. (Seen: 7.8e-4 at α ≈ 0.1.)
    outs.push(gap > 1e-6 ? pass() : fail(1e-6 / gap, `argmins not resolved apart: ${fmt(gap)}`));
    const fr = flowToLimit(data, al, 2, tier, { betaRef: bq.beta });
    outs.push(fr.converged ? within(distInf(fr.beta, bq.beta), tolFlow(bq.beta), 'flow limit = argmin Q') : inconclusive(fr.reason));
  }
  return all(outs);
}
export const wooRNEQ = defineClaim<{ seed: number }>({
  id: 'WOO-RNEQ',
  paper: PAPER,
  title: 'Q_{α,1} ≠ R_{α,1}: q/r increases from 2 to ∞ (not a rescaling); the argmins differ; the flow follows Q',
  statement: 'No c(α) has Q_{α,1} = c(α)R_{α,1}: q(z)/r(z) is strictly increasing in |z| from 2 to ∞ (derived); q > r > 0 and r ≤ |z|; argmin Q_α ≠ argmin R_α in the transition regime, and the M1 flow limit is argmin Q_α (L168–L172).',
  where: 'L168–L172; Fig. 2',
  kind: 'property',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: (i, ctx) => rneqCheck(i.seed, ctx.tier, rParam, false),
  falsifiers: [
    { name: 'R = Q/2', description: 'r(z) = q(z)/2 fails the ratio monotonicity and the large-z ratio', check: (i, ctx) => rneqCheck(i.seed, ctx.tier, (z) => q(z) / 2, false) },
    { name: 'argmin R = argmin Q', description: 'same minimizer in the transition regime', check: (i, ctx) => rneqCheck(i.seed, ctx.tier, rParam, true) },
  ],
  runs: { ci: 2, default: 6, deep: 20 },
});

// ───────────────────────────── WOO-AB (+ literal) ─────────────────────────────
interface AbInst { seed: number; d: number; N: number; balanced: boolean }
const AB_ATOL = 1e-16;
const abArb = fc.record({ seed: seedArb, d: fc.integer({ min: 2, max: 20 }), N: fc.integer({ min: 1, max: 8 }), balanced: fc.boolean() }).map((i) => ({ ...i, N: Math.min(i.N, i.d - 1) }));
function abRun(i: AbInst, tier: Tier) {
  const data = genReg(i.seed, i.d, i.N);
  const rng = new Rng(i.seed + 5);
  const u0 = new Float64Array(i.d);
  const v0 = new Float64Array(i.d);
  for (let j = 0; j < i.d; j++) {
    const a = 10 ** rng.range(-3, 0);
    u0[j] = rng.sign() * a;
    v0[j] = rng.sign() * (i.balanced ? a : 10 ** rng.range(-3, 0));
  }
  // M3 as the untied model with u₋ = v₋ = 0 and loss ½‖res‖² (scaling c = 1, c_L = ½).
  const model = diagonalUntied({ X: data.X, y: data.y, scaling: 1 });
  const th0 = new Float64Array(4 * i.d);
  th0.set(u0, 0);
  th0.set(v0, i.d);
  const tEval = Array.from({ length: 40 }, (_, k) => ((k + 1) * 200) / 40);
  const sol = integrateFlow(model, th0, { tMax: 200, tEval, rtol: 1e-12, atol: AB_ATOL, wallSeconds: flowWall(tier), lossTol: 0 });
  return { data, u0, v0, model, sol };
}
function abCheck(i: AbInst, tier: Tier, signFlipClaim: boolean, signsAlways = false): Outcome {
  const { u0, v0, model, sol } = abRun(i, tier);
  if (sol.status !== 'max-time' && sol.status !== 'converged') return inconclusive(sol.message);
  const d = i.d;
  let inv = 0;
  let signBad = 0;
  let betaBad = 0;
  for (const th of sol.thetas) {
    for (let j = 0; j < d; j++) {
      const u = th[j];
      const v = th[d + j];
      inv = Math.max(inv, Math.abs(u * u - v * v - (u0[j] ** 2 - v0[j] ** 2)) / Math.max(u0[j] ** 2, v0[j] ** 2));
      // A sign is resolvable only above the integrator's noise floor: dopri5 admits an absolute local error
      // atol = 1e-16 per step, and on a decaying component (u_i → 0 exponentially when the data push β_i to 0)
      // the injected errors are damped, so the floor is a few·atol; below 100·atol the computed sign is noise
      // (seen: u_i ≈ ±1e-16 oscillating after decaying from 1e-3), not a sign change of the flow.
      const floor = 100 * AB_ATOL;
      if ((Math.abs(u) > floor && Math.sign(u) !== Math.sign(u0[j])) || (Math.abs(v) > floor && Math.sign(v) !== Math.sign(v0[j]))) signBad++;
      const s = Math.sign(u0[j] * v0[j]);
      if (s * u * v < -1e-14) betaBad++;
    }
  }
  const outs: Outcome[] = [within(inv, 1e-9, 'u² − v² conserved (relative)')];
  // Sign preservation is claimed for |u(0)| = |v(0)| only (with |u| ≠ |v|, u = ((u+v)+(u−v))/2 may cross 0).
  if (i.balanced || signsAlways) {
    outs.push(signBad === 0 ? pass() : fail(signBad, `${signBad} sign changes of u or v`));
    outs.push(betaBad === 0 ? pass() : fail(betaBad, `${betaBad} times s_iβ_i < 0`));
  }
  if (signFlipClaim) {
    // Mutant: "signs flip when the data demand it": β_i(T) takes the sign of β_ℓ2*,i wherever they disagree with s_i.
    const b2 = minL2(abRun(i, tier).data.X, abRun(i, tier).data.y);
    const beta = model.predictor(sol.theta);
    let wrong = 0;
    for (let j = 0; j < d; j++) if (Math.sign(b2[j]) !== Math.sign(u0[j] * v0[j]) && Math.abs(b2[j]) > 1e-3 && !(Math.sign(beta[j]) === Math.sign(b2[j]))) wrong++;
    return wrong === 0 ? pass() : fail(wrong, `${wrong} coordinates stayed on the initial side although β_ℓ2* has the other sign`);
  }
  return all(outs);
}
export const wooAB = defineClaim<AbInst>({
  id: 'WOO-AB',
  paper: PAPER,
  title: 'Appendix B: the u∘v network keeps |u| = |v| and never flips signs (u² − v² is conserved for any init)',
  statement: 'For M3 (β = u∘v) under gradient flow on the squared loss, u_i² − v_i² is conserved (derived, any init); so |u_i(0)| = |v_i(0)| ⇒ |u_i(t)| = |v_i(t)|; no weight changes sign, and β_i keeps the sign s_i = sign(u_i(0)v_i(0)).',
  where: 'Sec 4 L95; App B L335–L351, (11)–(14)',
  kind: 'property',
  expected: 'holds',
  arbitrary: abArb,
  check: (i, ctx) => abCheck(i, ctx.tier, false),
  falsifiers: [
    { name: 'signs flip when the data demand it', description: 'β_i ends with the sign of β_ℓ2* even against s_i', arbitrary: abArb.map((i) => ({ ...i, balanced: true, d: Math.max(i.d, 6) })), check: (i, ctx) => abCheck(i, ctx.tier, true) },
    { name: 'no sign flips for any initialization', description: 'drops the hypothesis |u(0)| = |v(0)|', arbitrary: abArb.map((i) => ({ ...i, balanced: false, d: Math.max(i.d, 8) })), check: (i, ctx) => abCheck(i, ctx.tier, false, true) },
  ],
  runs: { ci: 3, default: 10, deep: 40 },
});
export const wooABLiteral = defineClaim<AbInst>({
  id: 'WOO-AB-LITERAL',
  paper: PAPER,
  title: 'as printed (11)/(13): d|u|/dt = −sign(u)∘u̇',
  statement: 'Literal (11), (13) L339/L345: d/dt|u_i| = −sign(u_i)·u̇_i along the M3 flow.',
  where: 'App B L339, L345',
  kind: 'identity',
  expected: 'refuted',
  erratum: 'd/dt|u| = +sign(u)∘u̇ (E-B1); (12)/(14) also square the residual, which should appear to the first power (E-B2). The conclusion |u| = |v| is nevertheless correct (WOO-AB).',
  counterpart: 'WOO-AB',
  arbitrary: abArb.map((i) => ({ ...i, balanced: true })),
  check: (i, ctx) => abDerivCheck(i, ctx.tier, -1),
  falsifiers: [{ name: 'factor ½', description: 'd|u|/dt = ½sign(u)u̇', check: (i, ctx) => abDerivCheck(i, ctx.tier, 0.5) }],
  runs: { ci: 2, default: 6, deep: 20 },
});
/** Compare d|u|/dt (central difference on the dense path) with c·sign(u)·u̇ (u̇ from the model). */
function abDerivCheck(i: AbInst, tier: Tier, c: number): Outcome {
  const { u0, v0, model } = abRun({ ...i }, tier);
  const d = i.d;
  const th0 = new Float64Array(4 * d);
  th0.set(u0, 0);
  th0.set(v0, d);
  const t = 0.5;
  const h = 1e-4;
  const sol = integrateFlow(model, th0, { tMax: t + h, tEval: [t - h, t, t + h], rtol: 1e-13, atol: 1e-17, wallSeconds: flowWall(tier), lossTol: 0 });
  if (sol.thetas.length < 4) return inconclusive('dense output missing');
  const [a, m0, b] = [sol.thetas[1], sol.thetas[2], sol.thetas[3]];
  const g = new Float64Array(4 * d);
  model.grad(m0, g);
  let worst = 0;
  let scale = 0;
  for (let j = 0; j < d; j++) {
    const fd = (Math.abs(b[j]) - Math.abs(a[j])) / (2 * h);
    const udot = -g[j];
    worst = Math.max(worst, Math.abs(fd - c * Math.sign(m0[j]) * udot));
    scale = Math.max(scale, Math.abs(udot));
  }
  // Central difference error h²|u⃛|/6 plus dense-output error ~1e-12/h.
  return within(worst, 1e-6 * (1 + scale), 'd|u|/dt vs c·sign(u)u̇');
}

export const diagonalClaims: Claim[] = [
  wooT1,
  wooT1G,
  wooKKT,
  wooFLOW2Literal,
  wooFLOW2,
  wooNTK,
  wooNTKLiteral,
  wooKLIM,
  wooE7,
  wooT2,
  wooFLOWDLiteral,
  wooFLOWD,
  wooL4,
  wooT3,
  wooT3W0,
  wooESC,
  wooLINREG,
  wooRNEQ,
  wooAB,
  wooABLiteral,
];
void Qalpha;
void qD;
