// Theorem 1 of Min et al. (2021) and the quantities of its proof: the rate bound (10)/(26), g(t) ≥ c,
// convergence to a point, boundedness of Z (27), the full imbalance, and the decomposition (12)–(14).
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { defineClaim, within, all, fail, pass, inconclusive, type Outcome, type Claim, type Tier } from '../../src/core/claim.js';
import { packVU, unpackVU, imbalance, fullImbalance, frob2, ReparamModel, FactorizationModel } from '../../src/models/factorization.js';
import { integrateFlow } from '../../src/flow/index.js';
import { minNormFromDecomposition } from '../../src/bias/minNorm.js';
import { eigDesc, imbalanceLevel } from '../../src/bias/min2021-predictions.js';
import {
  instArb,
  buildProblem,
  buildTight,
  tightArb,
  fullModel,
  rk4,
  dtRule,
  dtRuleFull,
  errorOf,
  frob,
  EPS,
  TIGHT_CAL,
  type Inst,
  type Problem,
  type TightInst,
} from './common.js';
import { Rng } from '../../src/random/rng.js';
import { dataWithSpectrum } from '../../src/linalg/index.js';
import { lStar } from '../../src/models/factorization.js';

const P = 'min2021';

/** A trajectory instance: a random G-DATA × G-INIT draw, a G-TIGHT instance, or the 'grow' instance. */
export type Traj = { kind: 'rand'; i: Inst } | { kind: 'tight'; t: TightInst } | { kind: 'grow'; seed: number };

export const randTraj = (o: Parameters<typeof instArb>[0] = {}): fc.Arbitrary<Traj> => instArb(o).map((i) => ({ kind: 'rand' as const, i }));
export const tightTraj = (o: Partial<TightInst> = {}): fc.Arbitrary<Traj> => tightArb(o).map((t) => ({ kind: 'tight' as const, t }));
/**
 * 'grow': r = m = h = 1, Σ_x = 1, WᵀY = 5, u1(0) = v(0) = 0.1 (balanced, aligned): ‖Z‖² grows at exactly
 * the Grönwall rate 2λ_1^{1/2}‖E‖ (Z is the top eigenvector of A_Z), so (27)'s bound is an equality.
 */
export const growTraj: fc.Arbitrary<Traj> = fc.integer({ min: 0, max: 1000 }).map((seed) => ({ kind: 'grow' as const, seed }));

export function buildTraj(x: Traj): Problem {
  if (x.kind === 'rand') return buildProblem(x.i);
  if (x.kind === 'tight') return buildTight(x.t);
  const rng = new Rng(x.seed);
  const n = 2, D = 3, r = 1, m = 1, h = 1;
  const sd = dataWithSpectrum(rng, n, D, [1]);
  const dec = { n, D, r, W: sd.W, sqrtSigma: Float64Array.of(1), Phi1: sd.Phi1, Phi2: sd.Phi2 };
  const Y = sd.W.clone().mul(5);
  const V0 = new Matrix([[0.1]]);
  const U10 = new Matrix([[0.1]]);
  const U20 = Matrix.zeros(D - r, h);
  const U0 = sd.Phi1.mmul(U10);
  const inst: Inst = { n, D, r, m, h, regime: 'fixed', kMin: 1, kMax: 1, gaussian: false, s0Min: 0.1, s0Max: 0.1, seed: x.seed };
  return { inst, X: sd.X, Y, dec, WtY: dec.W.transpose().mmul(Y), Lstar: lStar(dec, Y), lam1: 1, lamr: 1, V0, U0, U10, U20, rng };
}

const STEPS: Record<Tier, number> = { ci: 4000, default: 20000, deep: 100000 };
/** Step budgets for runs that must converge (‖E‖ ≤ 1e-9): each RK4 step of (7) costs O(rmh) here. */
export const CONV_STEPS: Record<Tier, number> = { ci: 60000, default: 200000, deep: 1000000 };

/** The reparametrized model without L* (the dynamics do not depend on L*; loss = ½‖E‖², floor 0). */
export function flowModel(p: Problem): ReparamModel {
  return new ReparamModel(p.dec.sqrtSigma, p.WtY, p.inst.h);
}

export interface Node {
  t: number;
  e2: number;
  z2: number;
  theta: Float64Array;
}

/** RK4 on (7) from (V(0), U1(0)) with the catalog's step rule (fraction `frac`), recording nodes. */
export function trajectory(p: Problem, tMax: number, tier: Tier, o: { frac?: number; keepTheta?: number; stopE?: number; budget?: Record<Tier, number> } = {}): { nodes: Node[]; steps: number; reachedT: number } {
  const rep = flowModel(p);
  const nodes: Node[] = [];
  const keep = o.keepTheta ?? 0;
  const res = rk4(rep, packVU(p.V0, p.U10), {
    tMax,
    dt: dtRule(rep, p.lam1, o.frac ?? 0.01),
    maxSteps: (o.budget ?? STEPS)[tier],
    onNode: (t, th, k) => {
      const e2 = frob2(rep.error(th));
      nodes.push({ t, e2, z2: frob2(th), theta: keep > 0 && k % keep === 0 ? Float64Array.from(th) : (undefined as unknown as Float64Array) });
      return o.stopE !== undefined && e2 <= o.stopE * o.stopE;
    },
  });
  if (keep > 0) nodes[nodes.length - 1].theta = Float64Array.from(res.theta);
  return { nodes, steps: res.steps, reachedT: res.t };
}

// ------------------------------------------------------------------ MIN-T1

export interface T1Variant {
  rateFactor?: number;
  lam?: 'r' | '1';
  c?: 'lambda' | 'full';
  /** For G-TIGHT: also require near-attainment (max log-margin ≥ −1e-3 on t ≤ 1/(λ_r c)). */
  requireTight?: boolean;
}

export function t1Check(x: Traj, tier: Tier, v: T1Variant = {}): Outcome {
  const p = buildTraj(x);
  const { r, m } = p.inst;
  const lev = v.c === 'full' ? imbalanceLevel(fullImbalance(p.V0, p.U0), r, m) : imbalanceLevel(imbalance(p.V0, p.U10), r, m);
  const c = lev.c;
  const lam = v.lam === '1' ? p.lam1 : p.lamr;
  const rate = 2 * lam * c * (v.rateFactor ?? 1);
  const trueRate = 2 * p.lamr * imbalanceLevel(imbalance(p.V0, p.U10), r, m).c;
  // horizon: long enough for 12 e-folds of the true bound, at most 6 (catalog); c = 0: fixed T = 2
  const T = trueRate > 0 ? Math.min(6, 24 / trueRate) : 2;
  const { nodes, reachedT } = trajectory(p, T, tier);
  const e20 = nodes[0].e2;
  if (!(e20 > 0)) return inconclusive('E(0) = 0: nothing to bound');
  let maxViol = -Infinity;
  let maxViolEarly = -Infinity;
  let checked = 0;
  for (const nd of nodes) {
    const logBound = -rate * nd.t;
    // floating floor (INCONCLUSIVE rule 2): skip where the bound < 1e-24 or ‖E‖² < 1e-26‖E(0)‖²
    if (nd.t === 0 || logBound < Math.log(1e-24) || nd.e2 < 1e-26 * e20) continue;
    const viol = Math.log(nd.e2 / e20) - logBound;
    checked++;
    if (viol > maxViol) maxViol = viol;
    if (nd.t <= 1 / Math.max(rate / 2, 1e-300) && viol > maxViolEarly) maxViolEarly = viol;
  }
  // log-space slack 1e-6 (catalog: RK4 node error with frac 0.01 is ≲ 1e-8 in log units)
  const detail = { c, lam, rate, T, reachedT, checked, maxViol, regime: p.inst.regime, h: p.inst.h, r, m };
  const out: Outcome[] = [];
  const tight = Math.exp(maxViol);
  out.push(
    maxViol <= 1e-6
      ? pass(tight, `max_t (L−L*)/(bound) = ${tight.toPrecision(6)} (log-margin ${maxViol.toExponential(2)}; c = ${c.toPrecision(4)}, ${checked} nodes to t = ${reachedT.toPrecision(3)})`, detail)
      : fail(tight, `bound violated: max log[(L−L*)(t)/((L−L*)(0)e^{−${(rate / 2 / Math.max(c, 1e-300)).toPrecision(3)}·${(v.rateFactor ?? 1)}ct})] = ${maxViol.toExponential(3)} > 1e-6`, detail),
  );
  if (v.requireTight && x.kind === 'tight') {
    out.push(maxViolEarly >= -1e-3 ? pass(NaN, `near-attained: early log-margin ${maxViolEarly.toExponential(2)} ≥ −1e-3`) : fail(Infinity, `G-TIGHT bound not nearly attained (log-margin ${maxViolEarly}): c too small?`));
  }
  return all(out);
}

const t1Arb = fc.oneof({ arbitrary: randTraj(), weight: 4 }, { arbitrary: tightTraj(), weight: 1 });

export const minT1 = defineClaim<Traj>({
  id: 'MIN-T1',
  paper: P,
  title: 'Theorem 1: L(t) − L* ≤ e^{−2λ_r(Σ_x)ct}(L(0) − L*)',
  statement:
    'For every h ≥ 1 and initialization, along (3): L(t) − L* ≤ exp(−2λ_r(Σ_x)·c·t)(L(0) − L*) with c = [λ_r(Λ(0))]_+ + [λ_m(−Λ(0))]_+ (λ_r := 0 if h < r, λ_m(−Λ) := 0 if h < m) and λ_r(Σ_x) = σ_r(X)² the smallest nonzero eigenvalue. Checked at RK4 nodes of (7) (log slack 1e-6) over all width regimes, r < n included; the margin is the tightness max_t (L−L*)/bound. On G-TIGHT the bound must be nearly attained.',
  where: '§2.2 Theorem 1, eq. (10), L:122–126; App. C (21), L:441–518',
  kind: 'property',
  expected: 'holds',
  arbitrary: t1Arb,
  check: (x, ctx) => t1Check(x, ctx.tier, { requireTight: true }),
  falsifiers: [
    { name: 'rate factor 1.1', description: 'exp(−2.2λ_r c t): over-promises on the tight instance G-TIGHT', arbitrary: tightTraj(), check: (x, ctx) => t1Check(x, ctx.tier, { rateFactor: 1.1 }), runs: 1 },
    { name: 'λ_1(Σ_x) in place of λ_r(Σ_x)', description: 'uses the largest eigenvalue; rejected on random instances with κ ≥ 3', arbitrary: randTraj({ kMin: 3, regimes: ['wide'] }), check: (x, ctx) => t1Check(x, ctx.tier, { lam: '1' }), runs: 10 },
    {
      name: 'c from the full imbalance UᵀU − VᵀV',
      description: 'c_full (Du et al. balancedness, MIN-FULLIMB) in the bound: rejected on G-TIGHT with a large U2(0)',
      arbitrary: tightTraj({ u2sd: 1 }),
      check: (x, ctx) => t1Check(x, ctx.tier, { c: 'full' }),
      runs: 1,
    },
  ],
  runs: { ci: 10, default: 40, deep: 250 },
});

// ------------------------------------------------------------------ MIN-FULLIMB

function fullimbCheck(x: Traj, tier: Tier): Outcome {
  const p = buildTraj(x);
  const { m, D, h } = p.inst;
  const model = new FactorizationModel(p.X, p.Y, h, { decomposition: p.dec, invariant: 'full' });
  const th0 = packVU(p.V0, p.U0);
  const F0 = fullImbalance(p.V0, p.U0);
  const z20 = frob2(th0);
  const s0sq = z20 / (h * (m + D));
  const T = Math.min(2 / (p.lam1 * s0sq), 2);
  const E0 = frob(errorOf(p, p.V0, p.U10));
  const hStep = 0.05 / (p.lam1 * z20 + Math.sqrt(p.lam1) * E0);
  const nSteps = Math.ceil(T / hStep);
  if (nSteps > STEPS[tier]) return inconclusive(`horizon needs ${nSteps} steps`);
  // gauss2 conserves every quadratic invariant up to its fixed-point solve (4ε relative per stage):
  // drift ≤ 16ε·(#steps)·max‖θ‖² (as in MIN-C1)
  const sol = integrateFlow(model, th0, { method: 'gauss2', h: hStep, tMax: T, tMin: T, recordEvery: Math.max(1, Math.floor(nSteps / 100)), maxSteps: nSteps + 10, wallSeconds: 30 });
  if (sol.status !== 'max-time') return inconclusive(`gauss2 stopped: ${sol.status}`);
  let worst = 0;
  let zmax = 0;
  for (const th of sol.thetas) {
    const { V, U } = unpackVU(th, m, D, h);
    worst = Math.max(worst, frob(fullImbalance(V, U).sub(F0)));
    zmax = Math.max(zmax, frob2(th));
  }
  const { V, U } = unpackVU(sol.theta, m, D, h);
  const U1 = p.dec.Phi1.transpose().mmul(U);
  const U2 = p.dec.Phi2.transpose().mmul(U);
  const gap = frob(fullImbalance(V, U).sub(imbalance(V, U1)).sub(U2.transpose().mmul(U2)));
  return all([
    // tol: gauss2 quadratic-invariant drift 16ε·steps·max‖θ‖², derived above (as in MIN-C1: the fixed-point solve stops at 4ε
    // relative per stage, two stages, each moving a quadratic invariant by ≤ 2‖θ‖‖δθ‖, summed linearly over the steps).
    // Second check: UᵀU − VᵀV − Λ − U2ᵀU2 = Uᵀ(I − Φ1Φ1ᵀ − Φ2Φ2ᵀ)U is exactly 0 up to the orthogonality of the computed
    // [Φ1 Φ2] and product rounding, ≲ 3D·ε·‖U‖² ≈ 1e-14·(‖U‖² + ‖V‖²): 1e-12 leaves ~10²× headroom
    within(worst, 16 * EPS * sol.stats.steps * zmax, `‖(UᵀU − VᵀV)(t) − (UᵀU − VᵀV)(0)‖ (gauss2 on (5a)/(5b), ${sol.stats.steps} steps)`),
    within(gap, 1e-12 * (frob(U) ** 2 + frob(V) ** 2), '‖UᵀU − VᵀV − Λ − U2ᵀU2‖'),
  ]);
}

export const minFullimb = defineClaim<Traj>({
  id: 'MIN-FULLIMB',
  paper: P,
  title: 'the full imbalance UᵀU − VᵀV = Λ + U2ᵀU2 is conserved, but c must use Λ',
  statement:
    'Derived (implicit via U̇2 = 0): UᵀU − VᵀV = Λ + U2ᵀU2 is conserved along (3) (checked on Gauss–Legendre trajectories of (5a)/(5b)); the level c of Theorem 1 must be computed from Λ (U1 only): the falsifier plugs c_full into the bound.',
  where: 'Definition (9) L:108; L:130 (Du et al.)',
  kind: 'property',
  expected: 'holds',
  arbitrary: randTraj(),
  check: (x, ctx) => fullimbCheck(x, ctx.tier),
  falsifiers: [
    {
      name: 'Theorem 1 with c from UᵀU − VᵀV',
      description: 'c_full in place of c on G-TIGHT with U2(0) of entry scale 1: the bound over-promises',
      arbitrary: tightTraj({ u2sd: 1 }),
      check: (x, ctx) => t1Check(x, ctx.tier, { c: 'full' }),
      runs: 1,
    },
  ],
  runs: { ci: 4, default: 15, deep: 80 },
});

// ------------------------------------------------------------------ MIN-MINIMAX

function minimaxCheck(x: Traj, tier: Tier, variant: 'true' | 'lambda1' | 'cfull'): Outcome {
  const p = buildTraj(x);
  const { r, m, h } = p.inst;
  const Lam0 = imbalance(p.V0, p.U10);
  const lev = imbalanceLevel(Lam0, r, m);
  const c = variant === 'cfull' ? imbalanceLevel(fullImbalance(p.V0, p.U0), r, m).c : lev.c;
  const l1 = eigDesc(Lam0)[0];
  const rate = 2 * p.lamr * lev.c;
  const T = rate > 0 ? Math.min(3, 12 / rate) : 1;
  const { nodes } = trajectory(p, T, tier, { keepTheta: 20 });
  let minRatio = Infinity;
  let worst = -Infinity;
  for (const nd of nodes) {
    if (!nd.theta) continue;
    const { V, U } = unpackVU(nd.theta, m, r, h);
    const lu = Math.max(0, eigDesc(U.mmul(U.transpose()))[r - 1]);
    const lv = Math.max(0, eigDesc(V.mmul(V.transpose()))[m - 1]);
    const g = lu + lv;
    const lhs = variant === 'lambda1' ? lu : g;
    const rhs = variant === 'lambda1' ? l1 : c;
    // slack 1e-9(1 + c): RK4 drift of Λ plus eigenvalue round-off (catalog)
    worst = Math.max(worst, rhs - lhs - 1e-9 * (1 + Math.abs(rhs)));
    if (rhs > 0) minRatio = Math.min(minRatio, lhs / rhs);
  }
  const what = variant === 'lambda1' ? 'λ_1(Λ(0)) − λ_r(U1U1ᵀ)(t)' : variant === 'cfull' ? 'c_full − g(t)' : 'c − g(t)';
  return worst <= 0
    ? pass(Number.isFinite(minRatio) ? 1 / minRatio : NaN, `min_t g(t)/c = ${minRatio.toPrecision(4)}`)
    : fail(Number.isFinite(minRatio) ? 1 / minRatio : Infinity, `${what} exceeds slack by ${worst.toExponential(3)}`);
}

export const minMinimax = defineClaim<Traj>({
  id: 'MIN-MINIMAX',
  paper: P,
  title: 'g(t) = λ_r(U1U1ᵀ) + λ_m(VVᵀ) ≥ c for all t',
  statement:
    'Along (7): λ_r(U1(t)U1(t)ᵀ) ≥ [λ_r(Λ(0))]_+ and λ_m(V(t)V(t)ᵀ) ≥ [λ_m(−Λ(0))]_+, hence g(t) ≥ c (Weyl monotonicity + conservation of Λ). Checked at RK4 nodes in all width regimes; the margin is c / min_t g(t).',
  where: 'L:486–508',
  kind: 'property',
  expected: 'holds',
  arbitrary: fc.oneof({ arbitrary: randTraj(), weight: 4 }, { arbitrary: tightTraj(), weight: 1 }),
  check: (x, ctx) => minimaxCheck(x, ctx.tier, 'true'),
  falsifiers: [
    {
      name: 'λ_r(U1U1ᵀ) ≥ λ_1(Λ(0))',
      description: 'false whenever the positive eigenvalues of Λ are not all equal (r ≥ 2, h ≥ m + r)',
      arbitrary: randTraj({ regimes: ['wide'] }).map((x) => (x.kind === 'rand' ? { ...x, i: { ...x.i, r: Math.max(2, x.i.r), h: x.i.h + 2 } } : x)),
      check: (x, ctx) => minimaxCheck(x, ctx.tier, 'lambda1'),
    },
    { name: 'g(t) ≥ c_full', description: 'c from UᵀU − VᵀV: fails on G-TIGHT with a large U2(0)', arbitrary: tightTraj({ u2sd: 1 }), check: (x, ctx) => minimaxCheck(x, ctx.tier, 'cfull'), runs: 1 },
  ],
  runs: { ci: 6, default: 20, deep: 100 },
});

// ------------------------------------------------------------------ MIN-T1CONV

function convCheck(x: Traj, tier: Tier, frozenV: boolean): Outcome {
  const p = buildTraj(x);
  const { r, m, h } = p.inst;
  const lev = imbalanceLevel(imbalance(p.V0, p.U10), r, m);
  if (!(lev.c > 0)) return inconclusive('c = 0: Theorem 1 gives no convergence (hypothesis c > 0 not met)');
  const E0 = frob(errorOf(p, p.V0, p.U10));
  const stopE = 1e-9 * Math.max(1, E0);
  const tMax = 60 / (p.lamr * Math.max(lev.c, 1e-3));
    // frac 0.25: well inside RK4's stability region (the Jacobian's scale is ≤ λ_1‖Z‖² + λ_1^{1/2}‖E‖);
  // this check's tolerances (finite-length bound, 1e-9 stop) do not need the 0.01 accuracy of MIN-T1
  const { nodes } = trajectory(p, tMax, tier, { keepTheta: 50, stopE, frac: 0.25, budget: CONV_STEPS });
  const last = nodes[nodes.length - 1];
  if (Math.sqrt(last.e2) > stopE) return inconclusive(`not converged within the step budget (‖E‖ = ${Math.sqrt(last.e2).toExponential(2)} at t = ${last.t.toPrecision(3)})`);
  const ZT = last.theta;
  const supZ = Math.sqrt(Math.max(...nodes.map((n) => n.z2)));
  const k = p.lamr * lev.c;
  // Cauchy tail (finite length): ‖Z(T) − Z(t1)‖ ≤ λ_1^{1/2}·sup‖Z‖·‖E(0)‖·e^{−λ_r c t1}/(λ_r c)·(1 + 1e-6)
  let worst = -Infinity;
  for (const nd of nodes) {
    if (!nd.theta) continue;
    let d2 = 0;
    for (let i = 0; i < ZT.length; i++) d2 += (ZT[i] - nd.theta[i]) ** 2;
    const bound = (Math.sqrt(p.lam1) * supZ * E0 * Math.exp(-k * nd.t)) / k;
    worst = Math.max(worst, Math.sqrt(d2) / (bound * (1 + 1e-6) + 1e-14 * supZ));
  }
  const { V, U } = unpackVU(ZT, m, r, h);
  const target = p.WtY.clone();
  for (let i = 0; i < r; i++) for (let j = 0; j < m; j++) target.set(i, j, target.get(i, j) / p.dec.sqrtSigma[i]);
  const out: Outcome[] = [
    worst <= 1 ? pass(worst, `Cauchy tail within the finite-length bound (worst ratio ${worst.toPrecision(3)})`) : fail(worst, `‖Z(T) − Z(t)‖ exceeds the finite-length bound (ratio ${worst})`),
    // exact: U1Vᵀ − Σ^{−1/2}WᵀY = −Σ^{−1/2}E; slack = round-off of the product, 1e-13·(‖U1‖‖V‖ + ‖Σ^{−1/2}WᵀY‖)
    within(frob(U.mmul(V.transpose()).sub(target)), (Math.sqrt(last.e2) / Math.sqrt(p.lamr)) * (1 + 1e-8) + 1e-13 * (frob(U) * frob(V) + frob(target)), '‖U1Vᵀ − Σ^{−1/2}WᵀY‖ at T'),
  ];
  if (frozenV) {
    const dV = frob(V.clone().sub(p.V0));
    out.push(within(dV, 1e-6 * frob(p.V0), '‖V(∞) − V(0)‖ (mutant: V frozen)'));
  }
  return all(out);
}

export const minT1conv = defineClaim<Traj>({
  id: 'MIN-T1CONV',
  paper: P,
  title: 'c > 0 ⇒ (V, U1) converges to a point with E = 0',
  statement:
    'If c > 0, (V(t), U1(t)) converges to some (V(∞), U1(∞)) with E = 0, so U1(∞)V(∞)ᵀ = Σ_x^{−1/2}WᵀY. Checked by integrating (7) until ‖E‖ ≤ 1e−9·max(1, ‖E(0)‖) (else inconclusive) and verifying the finite-length (Cauchy) bound ‖Z(T) − Z(t)‖ ≤ λ_1^{1/2} sup‖Z‖ ‖E(0)‖ e^{−λ_r c t}/(λ_r c).',
  where: 'L:126, L:447; proof L:530–556',
  kind: 'property',
  expected: 'holds',
  arbitrary: randTraj({ regimes: ['wide'], kMax: 4 }),
  check: (x, ctx) => convCheck(x, ctx.tier, false),
  falsifiers: [{ name: 'limit has V(∞) = V(0)', description: 'V does not move: false, V moves by O(‖E(0)‖/c)', check: (x, ctx) => convCheck(x, ctx.tier, true), runs: 4 }],
  runs: { ci: 4, default: 15, deep: 60 },
});

// ------------------------------------------------------------------ MIN-ZBOUND (+ literal)

function zboundCheck(x: Traj, tier: Tier, variant: 'true' | 'no-two' | 'literal'): Outcome {
  const p = buildTraj(x);
  const { r, m } = p.inst;
  const lev = imbalanceLevel(imbalance(p.V0, p.U10), r, m);
  let lamDen = p.lamr;
  if (variant === 'literal') {
    // λ_n(Σ_x) as printed: Σ_x is r×r, so the only defined reading is the n-th eigenvalue of XXᵀ
    const ev = eigDesc(p.X.mmul(p.X.transpose()));
    lamDen = ev[p.inst.n - 1];
    if (!(lamDen > 1e-12 * ev[0]))
      return fail(Infinity, `λ_n = ${lamDen.toExponential(2)} (r = ${r} < n = ${p.inst.n}): the printed bound exp(2λ_1^{1/2}‖E(0)‖/(cλ_n))‖Z(0)‖² is infinite, so boundedness of Z does not follow`);
  }
  const rate = 2 * p.lamr * lev.c;
  const T = rate > 0 ? Math.min(4, 12 / rate) : 1;
  const { nodes } = trajectory(p, T, tier, { keepTheta: 1 });
  const rep = flowModel(p);
  const factor = variant === 'no-two' ? 1 : 2;
  const z20 = nodes[0].z2;
  const E0 = Math.sqrt(nodes[0].e2);
  let integ = 0;
  let worstG = 0;
  let worstC = 0;
  let worstDiff = -Infinity;
  for (let k = 0; k < nodes.length; k++) {
    const nd = nodes[k];
    if (k > 0) integ += 0.5 * (nd.t - nodes[k - 1].t) * (Math.sqrt(nd.e2) + Math.sqrt(nodes[k - 1].e2)); // trapezoid
    const gron = Math.exp(factor * Math.sqrt(p.lam1) * integ) * z20;
    if (k > 0) worstG = Math.max(worstG, nd.z2 / gron); // t = 0 is an equality: the margin is over t > 0
    if (lev.c > 0) {
      const closed = Math.exp((factor * Math.sqrt(p.lam1) * E0) / (lev.c * lamDen)) * z20;
      worstC = Math.max(worstC, nd.z2 / closed);
    }
    // pointwise differential inequality d/dt‖Z‖² = 2⟨Z, Ż⟩ ≤ 2λ_1^{1/2}‖E‖‖Z‖²
    if (variant === 'true' && k % 10 === 0) {
      const g = new Float64Array(rep.dim);
      rep.grad(nd.theta, g);
      let dz = 0;
      for (let i = 0; i < g.length; i++) dz -= 2 * nd.theta[i] * g[i];
      worstDiff = Math.max(worstDiff, dz - 2 * Math.sqrt(p.lam1) * Math.sqrt(nd.e2) * nd.z2 * (1 + 1e-12));
    }
  }
  // factor (1 + 1e-8): RK4 node error and trapezoid error of ∫‖E‖ (catalog calibration: min ratio 1.08)
  const out: Outcome[] = [
    worstG <= 1 + 1e-8 ? pass(worstG, `Grönwall form: max ‖Z‖²/bound = ${worstG.toPrecision(4)}`) : fail(worstG, `Grönwall form (factor ${factor}) violated: max ‖Z(t)‖²/bound = ${worstG}`),
  ];
  if (lev.c > 0) out.push(worstC <= 1 + 1e-8 ? pass(worstC, `closed form: max ratio ${worstC.toPrecision(4)}`) : fail(worstC, `closed form violated: ratio ${worstC}`));
  if (variant === 'true') out.push(within(worstDiff, 0, 'd/dt‖Z‖² − 2λ_1^{1/2}‖E‖‖Z‖² (must be ≤ 0)'));
  return all(out);
}

const zboundArb = fc.oneof({ arbitrary: randTraj(), weight: 4 }, { arbitrary: tightTraj({ u2sd: 0.5 }), weight: 1 });

export const minZbound = defineClaim<Traj>({
  id: 'MIN-ZBOUND',
  paper: P,
  title: 'the trajectory Z = [V; U1] stays bounded (corrected: λ_r(Σ_x))',
  statement:
    'Ż = A_Z Z (27) and d/dt‖Z‖_F² ≤ 2λ_1(Σ_x)^{1/2}‖E‖_F‖Z‖_F², so ‖Z(t)‖_F² ≤ exp(2λ_1^{1/2}∫_0^t‖E‖_F)‖Z(0)‖_F² and, if c > 0, ‖Z(t)‖_F² ≤ exp(2λ_1^{1/2}‖E(0)‖_F/(c·λ_r(Σ_x)))‖Z(0)‖_F². Checked at RK4 nodes (factor 1 + 1e−8).',
  where: 'Eq. (27), L:536–556',
  kind: 'property',
  expected: 'holds',
  counterpart: 'MIN-ZBOUND-LITERAL',
  erratum: 'L:548 and L:554 write λ_n(Σ_x); Σ_x is r×r and the proof’s rate comes from (26), which uses λ_r(Σ_x). The corrected bound uses λ_r.',
  arbitrary: zboundArb,
  check: (x, ctx) => zboundCheck(x, ctx.tier, 'true'),
  falsifiers: [{ name: 'exponent without the factor 2', description: '‖Z‖² ≤ exp(λ_1^{1/2}∫‖E‖)‖Z(0)‖²: violated on the aligned growing instance', arbitrary: growTraj, check: (x, ctx) => zboundCheck(x, ctx.tier, 'no-two'), runs: 1 }],
  runs: { ci: 6, default: 25, deep: 150 },
});

export const minZboundLiteral = defineClaim<Traj>({
  id: 'MIN-ZBOUND-LITERAL',
  paper: P,
  title: 'the Z bound as printed, with λ_n(Σ_x)',
  statement: 'As printed (L:548, L:554): ‖Z(t)‖_F² ≤ exp(2λ_1^{1/2}‖E(0)‖_F/(c·λ_n(Σ_x)))‖Z(0)‖_F², a finite bound proving that Z stays bounded. λ_n is read as the n-th eigenvalue of XXᵀ (the only defined reading when r < n).',
  where: 'L:548, L:554',
  kind: 'property',
  expected: 'refuted',
  counterpart: 'MIN-ZBOUND',
  erratum: 'λ_n(Σ_x) is undefined for r < n (Σ_x is r×r); read as λ_n(XXᵀ) it is 0 and the printed bound is infinite, so the boundedness step fails. With λ_r(Σ_x) the bound holds (MIN-ZBOUND).',
  arbitrary: randTraj({ rankDeficient: true }),
  check: (x, ctx) => zboundCheck(x, ctx.tier, 'literal'),
  falsifiers: [{ name: 'exponent without the factor 2', description: 'the Grönwall form with exponent halved: violated on the aligned growing instance', arbitrary: growTraj, check: (x, ctx) => zboundCheck(x, ctx.tier, 'no-two'), runs: 1 }],
  runs: { ci: 3, default: 10, deep: 50 },
});

// ------------------------------------------------------------------ MIN-E14

/**
 * RK4 step budget for MIN-E14 (each step of (5a)/(5b) costs O((m+D)·n·h)). At tier default, 100k steps cover the
 * well-conditioned instances (≈ ln(1e9‖E0‖)·κ(Σ_x)·‖Z‖²/(0.25·c) steps); ill-conditioned Gaussian-X draws beyond it
 * are reported inconclusive (not converged), never passed.
 */
const E14_STEPS: Record<Tier, number> = { ci: 60000, default: 100000, deep: 1000000 };

function e14Check(x: Traj, tier: Tier, frozenV: boolean): Outcome {
  const p = buildTraj(x);
  const { m, D, h, r } = p.inst;
  const Th = minNormFromDecomposition(p.dec, p.Y);
  // static identity at t = 0: UVᵀ − Θ̂ = −Φ1Σ^{−1/2}E + Φ2U2Vᵀ with orthogonal terms
  const staticId = (V: Matrix, U: Matrix): Outcome[] => {
    const U1 = p.dec.Phi1.transpose().mmul(U);
    const U2 = p.dec.Phi2.transpose().mmul(U);
    const E = errorOf(p, V, U1);
    const SE = E.clone();
    for (let i = 0; i < r; i++) for (let j = 0; j < m; j++) SE.set(i, j, SE.get(i, j) / p.dec.sqrtSigma[i]);
    const lhs = U.mmul(V.transpose()).sub(Th);
    const rhs = p.dec.Phi1.mmul(SE).mul(-1).add(p.dec.Phi2.mmul(U2.mmul(V.transpose())));
    const scale = frob(U) * frob(V) + frob(Th);
    return [
      // tol: lhs − rhs = (I − Φ1Φ1ᵀ − Φ2Φ2ᵀ)UVᵀ + rounding of the Σ^{∓1/2} products, exactly 0 up to ≲ few·D·ε·scale ≈ 1e-14·scale
      // (every term, incl. Φ1Σ^{−1/2}WᵀY = Θ̂, is bounded by scale); 1e-11·scale leaves ~10³× headroom. Pythagoras: the cross term
      // 2⟨Φ1a, Φ2b⟩ is ≲ D·ε·scale² and the three squares round to ≲ Dm·ε·scale², so 1e-11·scale² has the same headroom
      within(frob(lhs.clone().sub(rhs)), 1e-11 * scale, '‖UVᵀ − Θ̂ − (−Φ1Σ^{−1/2}E + Φ2U2Vᵀ)‖'),
      within(Math.abs(frob(lhs) ** 2 - frob(SE) ** 2 - frob(U2.mmul(V.transpose())) ** 2), 1e-11 * scale * scale, 'Pythagoras ‖UVᵀ − Θ̂‖²'),
    ];
  };
  const out = staticId(p.V0, p.U0);
  const lev = imbalanceLevel(imbalance(p.V0, p.U10), r, m);
  if (!(lev.c > 0)) return all([...out, inconclusive('c = 0: no convergence guarantee for (14)')]);
  // integrate the ORIGINAL flow (5a)/(5b) (U2 evolves only through round-off) until ‖E‖ ≤ 1e-9 max(1, ‖E(0)‖)
  const model = fullModel(p);
  const E0 = frob(errorOf(p, p.V0, p.U10));
  const stopE = 1e-9 * Math.max(1, E0);
  const errAt = (th: Float64Array) => {
    const { V, U } = unpackVU(th, m, D, h);
    return frob(errorOf(p, V, p.dec.Phi1.transpose().mmul(U)));
  };
  // Step rule: dt = frac/(λ_1‖Z‖_F² + λ_1^{1/2}‖E‖_F) with the ACTUAL ‖E‖ (re-evaluated every 10 steps). The loss
  // Hessian of (5a)/(5b) is J*J + (residual term) with ‖J‖² ≤ λ_1(‖U‖² + ‖V‖²) (Cauchy–Schwarz on
  // X(dU Vᵀ + U dVᵀ)) and ‖residual term‖ ≤ ‖XᵀR‖ = ‖Σ^{1/2}E‖ ≤ λ_1^{1/2}‖E‖, so dt·‖H‖ ≤ frac = 0.5, well inside
  // RK4's real stability interval (dt·‖H‖ ≤ 2.78); ‖E‖ is non-increasing along the flow, so the current value
  // bounds the next 10 steps. (dtRuleFull uses the a-priori bound ‖WᵀY‖ + λ_1^{1/2}‖U‖‖V‖ ≥ ‖E‖, which stays
  // O(‖WᵀY‖) while ‖E‖ → 0.) The slow modes that set the convergence time have dt·λ ≪ 1 and are integrated
  // accurately; and every RK4 stage moves U by a vector in range(Xᵀ) = span Φ1, so U2 = Φ2ᵀU is invariant (up to
  // round-off) whatever the step: (14) holds at the limit of the discrete trajectory, the step only sets the cost.
  const dt = (th: Float64Array) => 0.5 / (p.lam1 * frob2(th) + Math.sqrt(p.lam1) * errAt(th) + 1e-300);
  // Stopping test every STOP_EVERY steps (‖E‖ via ml-matrix costs more than an RK4 step); ‖E‖ is non-increasing,
  // so the overshoot only makes the final ‖E(T)‖ smaller, and the check uses ‖E(T)‖ recomputed at the last node.
  const STOP_EVERY = 10;
  const res = rk4(model, packVU(p.V0, p.U0), {
    tMax: 60 / (p.lamr * lev.c),
    dt,
    maxSteps: E14_STEPS[tier],
    onNode: (_t, th, step) => step % STOP_EVERY === 0 && errAt(th) <= stopE,
  });
  const last = res.theta;
  const eLast = errAt(last);
  if (eLast > stopE) return all([...out, inconclusive(`not converged (‖E‖ = ${eLast.toExponential(2)} after ${res.steps} RK4 steps)`)]);
  const { V, U } = unpackVU(last, m, D, h);
  out.push(...staticId(V, U));
  const Vref = frozenV ? p.V0 : V;
  const pred = Th.clone().add(p.dec.Phi2.mmul(p.U20.mmul(Vref.transpose())));
  const tol = (eLast / Math.sqrt(p.lamr)) * (1 + 1e-8) + 1e-12 * (frob(U) * frob(V) + frob(Th));
  // tol: the exact bound ‖UVᵀ − Θ̂ − Φ2U2Vᵀ‖ = ‖Σ^{−1/2}E‖ ≤ λ_r^{−1/2}‖E(T)‖ (static identity above) plus rounding: (1 + 1e-8)
  // and 1e-12·(‖U‖‖V‖ + ‖Θ̂‖) cover the absolute error of ‖E(T)‖ ≈ 1e-9 (≲ ε(‖WᵀY‖ + λ_1^{½}‖U1‖‖V‖), scaled by λ_r^{−½}, ≤ 3.3 on G-DATA; ≪ 1e-12·scale anyway)
  // and the round-off drift of U2 (MIN-U2CONST). A margin near 1 (calibration row MIN-E14: 0.99) is the tightness of the
  // exact step ‖Σ^{−1/2}E‖ ≤ λ_r^{−1/2}‖E‖ (an equality when Σ_x = sI, as on G-TIGHT, or when E(T) lies on the λ_r
  // direction), not consumed rounding slack.
  // The frozen-V falsifier uses the same tolerance and misses by ‖U2(0)(V(T) − V(0))ᵀ‖
  out.push(within(frob(U.mmul(V.transpose()).sub(pred)), tol, frozenV ? '‖U(T)V(T)ᵀ − Θ̂ − Φ2U2(0)V(0)ᵀ‖ (V frozen)' : '‖U(T)V(T)ᵀ − Θ̂ − Φ2U2(0)V(T)ᵀ‖'));
  return all(out);
}

export const minE14 = defineClaim<Traj>({
  id: 'MIN-E14',
  paper: P,
  title: 'decomposition of the trained network (12)–(14)',
  statement:
    'For all (V, U): UVᵀ − Θ̂ = −Φ1Σ_x^{−1/2}E + Φ2U2Vᵀ with orthogonal terms (derived finite-time form of (12)); if the flow converges (E → 0), U(∞)V(∞)ᵀ = Θ̂ + Φ2U2(0)V(∞)ᵀ (14). Checked on RK4 trajectories of the original flow (5a)/(5b) with c > 0, to ‖U(T)V(T)ᵀ − Θ̂ − Φ2U2(0)V(T)ᵀ‖ ≤ λ_r^{−1/2}‖E(T)‖.',
  where: 'Eq. (12) L:146; eq. (14) L:158',
  kind: 'property',
  expected: 'holds',
  arbitrary: randTraj({ regimes: ['wide'], kMax: 4 }),
  check: (x, ctx) => e14Check(x, ctx.tier, false),
  falsifiers: [
    {
      name: 'V frozen: U(∞)V(∞)ᵀ = Θ̂ + Φ2U2(0)V(0)ᵀ',
      description: 'fails at O(1) for small h since V moves',
      arbitrary: randTraj({ regimes: ['wide'], kMax: 4, s0: [1, 1.5], wideExtra: 2 }),
      check: (x, ctx) => e14Check(x, ctx.tier, true),
      runs: 4,
    },
  ],
  runs: { ci: 4, default: 15, deep: 60 },
});

export const theorem1Claims: Claim[] = [minT1, minFullimb, minMinimax, minT1conv, minZbound, minZboundLiteral, minE14] as Claim[];
export { TIGHT_CAL, EPS };
