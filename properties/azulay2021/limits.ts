// Azulay et al. 2021, Sec. 6–7 and App. D, F: limits in the scale α and the shape s, as claims about
// sequences (integrate / solve along a sequence, fit the trend). Claims AZU-T3, AZU-F1, AZU-F21
// (+ literal), AZU-F22, AZU-S7.
import fc from 'fast-check';
import { all, defineClaim, fail, fmt, inconclusive, pass, within, type Claim, type Outcome, type Tier } from '../../src/core/claim.js';
import { fullyConnected, neuronFromScaleShape, packFC } from '../../src/models/fullyConnected.js';
import { Bmatrix, qDeltaObjective } from '../../src/bias/azuQhat.js';
import { minQk } from '../../src/bias/qk.js';
import { kkt, logLogSlope, minMahalanobisAbout, minNorm, minNormAbout, normv, nullBasis, nullSpaceNewton, relDist, scalev, subv } from '../../src/bias/azuCommon.js';
import { minL1 } from '../../src/bias/minL1.js';
import { C4_FAIL, C4_PASS, drawData, graded, notConverged, PAPER, Rng, runFlow, seedArb, sizeArb, unitVector, type Data } from './common.js';

const fmtList = (xs: number[]) => xs.map(fmt).join(', ');
const decreasing = (xs: number[], slack = 0) => xs.every((x, i) => i === 0 || x <= xs[i - 1] * (1 + slack));

interface SeqInst {
  seed: number;
  d: number;
  N: number;
}
const seqArb = fc.record({ seed: seedArb, size: sizeArb }).map(({ seed, size }) => ({ seed, d: size.d, N: size.N }));

/** Single-neuron limit by the flow (exact loss 1/(2N)). */
function neuronLimit(data: Data, theta0: Float64Array, tier: Tier, scale: number) {
  const model = fullyConnected({ X: data.X, y: data.y, m: 1, scaling: 'mean' });
  const sol = runFlow(model, theta0, { c: model.c, yNorm: normv(data.y), tier, scale });
  return { sol, w: model.predictor(sol.theta), bad: notConverged(sol) };
}
/** Theorem-2 minimizer (independent of the flow). */
function thm2Min(data: Data, theta0: Float64Array): { w: Float64Array; ok: boolean; w0: Float64Array } {
  const w0 = scalev(theta0.subarray(1), theta0[0]);
  const delta = Math.max(0, theta0[0] ** 2 - normv(theta0.subarray(1)) ** 2);
  const nt = nullSpaceNewton(data.X, data.y, qDeltaObjective(w0, delta), { start: w0 });
  return { w: nt.w, ok: nt.converged, w0 };
}

// ---------------------------------------------------------------------------------------------
// AZU-T3

interface T3Inst {
  seed: number;
  d: number;
  N: number;
  m: number;
}
const t3Arb = fc
  .record({ seed: seedArb, size: sizeArb, m: fc.integer({ min: 2, max: 4 }) })
  .map(({ seed, size, m }) => ({ seed, d: size.d, N: size.N, m }));

const t3Cache = new Map<string, { eps: number[]; dist: number[]; wins: Float64Array[]; data: Data; bad: Outcome | null }>();
function t3Sequence(inst: T3Inst, tier: Tier) {
  const key = `${inst.seed}:${inst.d}:${inst.N}:${inst.m}:${tier}`;
  const hit = t3Cache.get(key);
  if (hit) return hit;
  const rng = new Rng(inst.seed);
  const data = drawData(rng, inst.d, inst.N);
  const aBar = Array.from(rng.normals(inst.m));
  const WBar = Array.from({ length: inst.m }, () => rng.normals(inst.d, 1 / Math.sqrt(inst.d)));
  // Both layers scaled by ε, so ‖w̃ᵢ(0)‖ ∝ ε² → 0 (hypothesis 0 ≠ ‖w̃ᵢ(0)‖ → 0).
  const eps = tier === 'ci' ? [1e-1, 1e-2, 1e-3] : [1e-1, 1e-2, 1e-3, 1e-4];
  const wmn = minNorm(data.X, data.y);
  const model = fullyConnected({ X: data.X, y: data.y, m: inst.m, scaling: 'mean' });
  const dist: number[] = [];
  const wins: Float64Array[] = [];
  let bad: Outcome | null = null;
  for (const e of eps) {
    const th0 = packFC(aBar.map((x) => e * x), WBar.map((w) => scalev(w, e)));
    const sol = runFlow(model, th0, { c: model.c, yNorm: normv(data.y), tier, wallSeconds: tier === 'ci' ? 6 : 20 });
    const nb = notConverged(sol);
    if (nb) {
      bad = inconclusive(`ε = ${e}: ${nb.reason} (vanishing init: the escape from the saddle takes ∝ log(1/ε))`);
      break;
    }
    const w = model.predictor(sol.theta);
    wins.push(w);
    dist.push(relDist(w, wmn));
  }
  const out = { eps, dist, wins, data, bad };
  t3Cache.set(key, out);
  return out;
}

export const azuT3 = defineClaim<T3Inst>({
  id: 'AZU-T3',
  paper: PAPER,
  title: 'Theorem 3: m > 1, vanishing init ⇒ w̃∞ → min-ℓ2 interpolator',
  statement:
    'For a multi-neuron linear FC network with 0 ≠ ‖w̃ᵢ(0)‖ → 0 for all i (here both layers scaled by ε → 0), the interpolating limit satisfies w̃∞ → w_mn = argmin_{Xᵀw=y}‖w‖. Checked along ε = 1e-1, 1e-2, 1e-3 (1e-4 beyond CI): the relative distance decreases and its fitted log–log slope in ε is ≥ 0.5 (observed ≈ 1).',
  where: 'Sec. 6 lines 293–310; App. D lines 891–929',
  kind: 'property',
  expected: 'holds',
  arbitrary: t3Arb,
  check: (inst, ctx) => {
    const seq = t3Sequence(inst, ctx.tier);
    if (seq.bad) return seq.bad;
    const slope = logLogSlope(seq.eps, seq.dist.map((x) => Math.max(x, 1e-300)));
    return all([
      // exact boolean, no slack: the distances fall ~10× per decade of ε (slope ≈ 1), far above the flow's ~1e-9 limit error
      within(decreasing(seq.dist) ? 0 : 1, 0, `distance to w_mn decreasing along ε: ${fmtList(seq.dist)}`),
      // Rate: P⊥W(0)a∞ (AZU-T3ID) is O(ε·‖a∞‖) with ‖a∞‖ = O(1) → slope ≈ 1; accept ≥ 0.5.
      within(Math.max(0, 0.5 - slope), 0, `fitted log–log slope ${fmt(slope)} ≥ 0.5`),
      within(seq.dist[seq.dist.length - 1], 1e-2, 'distance at the smallest ε'),
    ]);
  },
  falsifiers: [
    {
      name: 'min-ℓ2 at every scale',
      description: 'w̃∞ = w_mn already at ε = 0.1.',
      check: (inst, ctx) => {
        const seq = t3Sequence(inst, ctx.tier);
        if (seq.dist.length === 0) return seq.bad ?? inconclusive('no run');
        return graded(seq.dist[0], C4_PASS, C4_FAIL, 'distance to w_mn at ε = 0.1');
      },
    },
    {
      name: 'limit is min-ℓ1',
      description: 'w̃∞ → the minimum-ℓ1 interpolator.',
      arbitrary: t3Arb.filter((i) => i.N >= 2 && i.d - i.N >= 2),
      check: (inst, ctx) => {
        const seq = t3Sequence(inst, ctx.tier);
        if (seq.bad) return seq.bad;
        const l1 = minL1(seq.data.X, seq.data.y);
        return graded(relDist(seq.wins[seq.wins.length - 1], l1.beta), 1e-2, 0.05, 'distance to min-ℓ1 at the smallest ε');
      },
    },
  ],
  runs: { ci: 2, default: 6, deep: 30 },
});

// ---------------------------------------------------------------------------------------------
// AZU-F1: α → 0 with fixed 0 ≤ s < 1

interface F1Inst extends SeqInst {
  sIdx: number;
}
const f1Arb = fc
  .record({ seed: seedArb, size: sizeArb, sIdx: fc.integer({ min: 0, max: 2 }) })
  .map(({ seed, size, sIdx }) => ({ seed, d: size.d, N: size.N, sIdx }));
const F1_S = [0, 0.5, 0.9];
const F1_ALPHAS = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6];
/** The rate is asymptotic: fit it on the tail α ≤ 1e-3 (at s = 0.9 the α = 0.1 point is far from it). */
const tailSlope = (dist: number[]) => logLogSlope(F1_ALPHAS.slice(2, dist.length), dist.slice(2));

function f1Sequence(inst: F1Inst, tier: Tier) {
  const rng = new Rng(inst.seed);
  const data = drawData(rng, inst.d, inst.N);
  const u = unitVector(rng, inst.d);
  const sa = rng.sign();
  const s = F1_S[inst.sIdx];
  const wmn = minNorm(data.X, data.y);
  const dist: number[] = [];
  const wq: Float64Array[] = [];
  const gfErr: number[] = [];
  let bad: Outcome | null = null;
  for (const a of F1_ALPHAS) {
    const th0 = neuronFromScaleShape(a, s, u, sa);
    const m = thm2Min(data, th0);
    if (!m.ok) return { bad: inconclusive(`Newton did not converge at α = ${a}`), dist, gfErr, wq, data };
    dist.push(relDist(m.w, wmn));
    wq.push(m.w);
    // GF cross-check where the plateau is short: α ≥ 1e-2 (CI), ≥ 1e-3 otherwise.
    if (a >= (tier === 'ci' ? 1e-2 : 1e-3)) {
      const g = neuronLimit(data, th0, tier, a);
      if (g.bad) bad = inconclusive(`GF at α = ${a}: ${g.bad.reason}`);
      else gfErr.push(relDist(g.w, m.w));
    }
  }
  return { bad, dist, gfErr, wq, data };
}

export const azuF1 = defineClaim<F1Inst>({
  id: 'AZU-F1',
  paper: PAPER,
  title: 'α → 0 with fixed 0 ≤ s < 1: w̃∞ → w_mn at rate √α',
  statement:
    'Single neuron, fixed u, s ∈ [0,1), sign(a₀), data: as α → 0, w̃∞(α) = argmin q_{δ,w̃(0)} → w_mn, with ‖w̃∞ − w_mn‖/‖w_mn‖ ≈ C√α (as ‖z‖ = (3/2)sqrt(α(1−s)/(1+s))). Checked along α = 1e-1…1e-6 (Theorem-2 minimizer; the flow agrees where it is cheap): decreasing, with log–log slope 0.5 ± 0.1 fitted on α ≤ 1e-3.',
  where: 'Sec. 7.2 line 362; App. F.1 lines 991–1001',
  kind: 'property',
  expected: 'holds',
  arbitrary: f1Arb,
  check: (inst, ctx) => {
    const r = f1Sequence(inst, ctx.tier);
    const slope = tailSlope(r.dist);
    const outs: Outcome[] = [
      // exact boolean, no slack: the distances fall by ≈ √10 per decade of α, far above the Newton minimizer's ~1e-12 error
      within(decreasing(r.dist) ? 0 : 1, 0, `distance to w_mn decreasing as α ↓: ${fmtList(r.dist)}`),
      // tol: the exponent 0.5 is derived (‖z‖ ∝ √α drives the leading term, δ ∝ α the next one); the ±0.1 slack is EMPIRICAL:
      // the next-order term biases the fitted slope by ≈ (c₂/c₁)√α on α ∈ [1e-6, 1e-3], with a data- and s-dependent
      // c₂/c₁ (largest at s = 0.9, δ = 19α) that has no a-priori bound. Measured |slope − 0.5| ≤ 0.0042 (seeds 1–40);
      // calibration row AZU-F1 (the 12:19 calibration predates the tail-only fit and shows slopes 0.67–0.68).
      within(Math.abs(slope - 0.5), 0.1, `log–log slope on α ≤ 1e-3: ${fmt(slope)} vs 0.5`),
      ...r.gfErr.map((e) => graded(e, C4_PASS, C4_FAIL, 'GF limit vs Theorem-2 minimizer')),
    ];
    if (r.bad) outs.push(r.bad);
    return all(outs);
  },
  falsifiers: [
    {
      name: 'α → 0 gives ℓ1',
      description: 'The rich-regime answer of the diagonal model, transplanted to the FC neuron.',
      arbitrary: f1Arb.filter((i) => i.N >= 2 && i.d - i.N >= 2),
      check: (inst, ctx) => {
        const r = f1Sequence(inst, ctx.tier);
        const l1 = minL1(r.data.X, r.data.y);
        return graded(relDist(r.wq[r.wq.length - 1], l1.beta), 1e-2, 0.05, 'distance to min-ℓ1 at α = 1e-6');
      },
    },
    {
      name: 'rate α (slope 1)',
      description: 'Linear convergence in α.',
      check: (inst, ctx) => {
        const r = f1Sequence(inst, ctx.tier);
        // tol: the claim's ±0.1 slope slack (empirical, see above), centred on the mutant's rate 1; the true slope ≈ 0.5 is 5× outside.
        return within(Math.abs(tailSlope(r.dist) - 1), 0.1, 'tail slope vs 1');
      },
    },
  ],
  runs: { ci: 3, default: 9, deep: 40 },
});

// ---------------------------------------------------------------------------------------------
// AZU-F21 (corrected) and AZU-F21-LITERAL

const F21_ALPHAS = [1, 10, 100, 1000];
function f21Corrected(inst: F1Inst, tier: Tier): Outcome {
  const rng = new Rng(inst.seed);
  const data = drawData(rng, inst.d, inst.N);
  const Z = nullBasis(data.X);
  if (Z.length === 0) return inconclusive('null(Xᵀ) is trivial');
  // u ∈ null(Xᵀ): the initial residual y − Xᵀw̃(0) = y stays bounded as α → ∞.
  const coef = rng.normals(Z.length);
  const u = new Float64Array(inst.d);
  Z.forEach((z, k) => z.forEach((x, i) => (u[i] += coef[k] * x)));
  const un = scalev(u, 1 / normv(u));
  const s = [0, 0.5][inst.sIdx % 2];
  const sa = rng.sign();
  const rel: number[] = [];
  const outs: Outcome[] = [];
  for (const a of F21_ALPHAS) {
    const th0 = neuronFromScaleShape(a, s, un, sa);
    const m = thm2Min(data, th0);
    if (!m.ok) return inconclusive(`Newton did not converge at α = ${a}`);
    const l2 = minNormAbout(data.X, data.y, m.w0);
    rel.push(normv(subv(m.w, l2)) / normv(subv(l2, m.w0)));
    if (a <= (tier === 'ci' ? 10 : 100)) {
      const g = neuronLimit(data, th0, tier, a);
      if (g.bad) outs.push(g.bad);
      else outs.push(graded(relDist(g.w, m.w), C4_PASS, C4_FAIL, `GF vs Theorem 2 at α = ${a}`));
    }
  }
  // asymptotic rate: fit on the tail α ≥ 10 (α = 1 is pre-asymptotic)
  const slope = logLogSlope(F21_ALPHAS.slice(1), rel.slice(1));
  return all([
    within(decreasing(rel) ? 0 : 1, 0, `relative distance to ℓ2-about-init decreasing as α ↑: ${fmtList(rel)}`),
    // O(1/α): expected slope −1; accept ≤ −0.8.
    within(Math.max(0, slope + 0.8), 0, `log–log slope ${fmt(slope)} ≤ −0.8`),
    ...outs,
  ]);
}

const f21Erratum =
  'Sec. 7.2 (lines 362–372) and App. F.2.1 (1080–1086) state that α → ∞ at fixed s gives the kernel regime with the Mahalanobis bias argmin (w − w̃(0))ᵀB(w − w̃(0)) and a fixed tangent kernel. Since ‖w̃(0)‖ = α, the initial training residual grows like α unless Xᵀu = 0; the displacement is then O(α) and the Taylor argument (condition (26)) fails. Exactly: with w = αv, q̂_δ(αx) = α^{3/2}q̂_{δ/α}(x), so w̃∞/α tends to a non-quadratic minimizer. Counterexample: d = 2, x = e₁, y = 1, u = (0.6, 0.8), s = 0: w̃∞ = (1, t) with t/α → 0.64 whereas the B prediction gives 0.588. Corrected: if ‖Xᵀw̃(0)‖ = O(1) (e.g. Xᵀu = 0), w̃∞ − argmin‖w − w̃(0)‖ → 0 at rate O(1/α); there B and I agree to leading order.';

export const azuF21 = defineClaim<F1Inst>({
  id: 'AZU-F21',
  paper: PAPER,
  title: 'α → ∞ with bounded initial residual (Xᵀu = 0): w̃∞ → ℓ2-about-init at rate 1/α',
  statement:
    'Single neuron with u ∈ null(Xᵀ) (so ‖Xᵀw̃(0)‖ = 0 stays bounded) and fixed s ∈ {0, 0.5}: as α → ∞, ‖w̃∞ − argmin_{Xᵀw=y}‖w − w̃(0)‖‖/‖argmin − w̃(0)‖ → 0 at rate O(1/α). Checked along α = 1, 10, 100, 1000 (slope fitted on α ≥ 10) with the Theorem-2 minimizer (flow cross-check for α ≤ 10, ≤ 100 beyond CI).',
  where: 'Sec. 7.2 lines 362–372; App. F.2.1 lines 1080–1086 (corrected)',
  kind: 'property',
  expected: 'holds',
  arbitrary: f1Arb,
  check: (inst, ctx) => f21Corrected(inst, ctx.tier),
  falsifiers: [
    {
      name: 'α → ∞ gives min-norm (about 0)',
      description: 'The limit is w_mn regardless of the init.',
      check: (inst) => {
        const rng = new Rng(inst.seed);
        const data = drawData(rng, inst.d, inst.N);
        const th0 = neuronFromScaleShape(100, 0, unitVector(rng, inst.d), 1);
        const m = thm2Min(data, th0);
        return graded(relDist(m.w, minNorm(data.X, data.y)), C4_PASS, C4_FAIL, 'distance to w_mn at α = 100');
      },
    },
  ],
  counterpart: 'AZU-F21-LITERAL',
  erratum: f21Erratum,
  runs: { ci: 2, default: 6, deep: 30 },
});

/** The deterministic counterexample: d = 2, N = 1, x = e₁, y = 1, u = (0.6, 0.8), s = 0. */
function f21Literal(alphas: number[], tier: Tier, mutant: 'B' | 'I'): Outcome {
  const data: Data = { X: [[1, 0]], y: [1], d: 2, N: 1 };
  const u = Float64Array.from([0.6, 0.8]);
  const rel: number[] = [];
  const ts: number[] = [];
  const outs: Outcome[] = [];
  for (const a of alphas) {
    const th0 = neuronFromScaleShape(a, 0, u, 1);
    const m = thm2Min(data, th0);
    if (!m.ok) return inconclusive(`Newton did not converge at α = ${a}`);
    // Exact Theorem-2 answer: w = (1, t), t(1+t²)^{−1/4} = 0.8√α.
    const t = m.w[1];
    ts.push(t / a);
    const { Binv } = Bmatrix(u, 0);
    const pred = mutant === 'B' ? minMahalanobisAbout(data.X, data.y, m.w0, Binv) : minNormAbout(data.X, data.y, m.w0);
    rel.push(normv(subv(m.w, pred)) / normv(subv(m.w, m.w0)));
    if (a <= (tier === 'ci' ? 10 : 100)) {
      const g = neuronLimit(data, th0, tier, a);
      if (g.bad) outs.push(g.bad);
      else outs.push(graded(relDist(g.w, m.w), 1e-8, C4_FAIL, `GF vs Theorem 2 at α = ${a}`));
    }
  }
  // The literal claim is a limit: the relative error must tend to 0. Refuted if it stays above 5%
  // at the largest α and has stopped decreasing (last two within 10% of each other).
  const last = rel[rel.length - 1], prev = rel[rel.length - 2];
  const stalled = last > 0.05 && Math.abs(last - prev) <= 0.1 * prev;
  const text = `relative distance of w̃∞ to the ${mutant === 'B' ? 'Mahalanobis-B' : 'ℓ2'}-about-init prediction along α = ${fmtList(alphas)}: ${fmtList(rel)} (t/α = ${fmtList(ts)}; → 0.64)`;
  const verdict = stalled ? fail(last / 0.05, `does not tend to 0: ${text}`) : last <= 1e-3 ? pass(last / 1e-3, text) : inconclusive(text);
  return all([verdict, ...outs]);
}

export const azuF21Literal = defineClaim<{ k: number }>({
  id: 'AZU-F21-LITERAL',
  paper: PAPER,
  title: 'α → ∞ at fixed s gives argmin (w − w̃(0))ᵀB(w − w̃(0)) (as printed)',
  statement:
    'Literal Sec. 7.2 / F.2.1: for fixed 0 ≤ s < 1, as α → ∞, w̃∞ → argmin_{Xᵀw=y}(w − w̃(0))ᵀB(w − w̃(0)), B = I − (1−s)²/(2(1+s²))uuᵀ (relative error → 0). Tested on d = 2, x = e₁, y = 1, u = (0.6, 0.8), s = 0 along α = 10, 100, 1000, 10000.',
  where: 'Sec. 7.2 lines 362–372; App. F.2.1 lines 1049–1086',
  kind: 'property',
  expected: 'refuted',
  arbitrary: fc.constant({ k: 0 }),
  check: (_i, ctx) => f21Literal([10, 100, 1000, 10000], ctx.tier, 'B'),
  falsifiers: [
    {
      name: 'α → ∞ gives plain ℓ2 about init',
      description: 'argmin ‖w − w̃(0)‖ in place of the B-metric (t/α → 0.8).',
      check: (_i, ctx) => f21Literal([10, 100, 1000, 10000], ctx.tier, 'I'),
    },
  ],
  counterpart: 'AZU-F21',
  erratum: f21Erratum,
  runs: { ci: 1, default: 1, deep: 1 },
});

// ---------------------------------------------------------------------------------------------
// AZU-F22: s → 1 with fixed α

interface F22Inst extends SeqInst {
  aIdx: number;
}
const f22Arb = fc
  .record({ seed: seedArb, size: sizeArb, aIdx: fc.integer({ min: 0, max: 1 }) })
  .map(({ seed, size, aIdx }) => ({ seed, d: size.d, N: size.N, aIdx }));
const F22_S = [0.5, 0.9, 0.99, 0.999];

function f22Sequence(inst: F22Inst, tier: Tier) {
  const rng = new Rng(inst.seed);
  const data = drawData(rng, inst.d, inst.N);
  const u = unitVector(rng, inst.d);
  const sa = rng.sign();
  const alpha = [0.1, 1][inst.aIdx];
  const rel: number[] = [];
  const outs: Outcome[] = [];
  const wq: Float64Array[] = [];
  for (const s of F22_S) {
    const th0 = neuronFromScaleShape(alpha, s, u, sa);
    const m = thm2Min(data, th0);
    if (!m.ok) return { rel, outs: [inconclusive(`Newton did not converge at s = ${s}`)], wq, data };
    wq.push(m.w);
    const l2 = minNormAbout(data.X, data.y, m.w0);
    rel.push(normv(subv(m.w, l2)) / normv(subv(m.w, m.w0)));
    // GF cross-check for moderate s (a₀² = α(1+s)/(1−s) makes the flow stiff as s → 1).
    if (s <= (tier === 'ci' ? 0.9 : 0.99)) {
      const g = neuronLimit(data, th0, tier, alpha);
      if (g.bad) outs.push(g.bad);
      else outs.push(graded(relDist(g.w, m.w), C4_PASS, C4_FAIL, `GF vs Theorem 2 at s = ${s}`));
    }
  }
  return { rel, outs, wq, data };
}

export const azuF22 = defineClaim<F22Inst>({
  id: 'AZU-F22',
  paper: PAPER,
  title: 's → 1 with fixed α: w̃∞ → argmin ‖w − w̃(0)‖ at rate (1−s)²',
  statement:
    'For fixed α > 0, u and data, as s → 1 (δ = 4αs/(1−s²) → ∞): w̃∞ → w̃(0) + X(XᵀX)⁻¹(y − Xᵀw̃(0)). Checked along s = 0.5, 0.9, 0.99, 0.999 at α ∈ {0.1, 1}: the distance relative to ‖w̃∞ − w̃(0)‖ decreases, with log–log slope in (1−s) of 2 ± 0.5 (fitted on s ≥ 0.9), and is ≤ 1e-4 at s = 0.999 (observed ~1e-6).',
  where: 'Sec. 7.2 lines 379–383; App. F.2.2 lines 1088–1096',
  kind: 'property',
  expected: 'holds',
  arbitrary: f22Arb,
  check: (inst, ctx) => {
    const r = f22Sequence(inst, ctx.tier);
    if (r.rel.length < F22_S.length) return all(r.outs);
    // asymptotic rate: fit on the tail s ≥ 0.9 (s = 0.5 is pre-asymptotic)
    const slope = logLogSlope(F22_S.slice(1).map((s) => 1 - s), r.rel.slice(1));
    return all([
      within(decreasing(r.rel) ? 0 : 1, 0, `relative distance decreasing as s → 1: ${fmtList(r.rel)}`),
      // q̂_δ(x) = (3/4)x²/√δ(1 + O(x²/δ²)) → rate (1−s)² in the argmin (derived exponent); the ±0.5 slack is EMPIRICAL
      // (pre-asymptotic bias of a 3-point fit at s = 0.9…0.999): measured slope 1.78 at seed 5 (margin 0.44), calibration
      // row AZU-F22 (worst margin 0.84, headroom 1.19).
      within(Math.abs(slope - 2), 0.5, `log–log slope in (1−s): ${fmt(slope)} vs 2`),
      // (1−s)² = 1e-6 at s = 0.999; with a data-dependent constant ≤ 100 the distance is ≤ 1e-4.
      within(r.rel[3], 1e-4, 'relative distance at s = 0.999'),
      ...r.outs,
    ]);
  },
  falsifiers: [
    {
      name: 's → 1 gives min ℓ2 about 0',
      description: 'κ(w̃∞) at s = 0.999.',
      check: (inst, ctx) => {
        const r = f22Sequence(inst, ctx.tier);
        if (r.wq.length < F22_S.length) return all(r.outs);
        return graded(kkt(r.data.X, r.wq[3]), C4_PASS, C4_FAIL, 'κ(w̃∞) at s = 0.999');
      },
    },
  ],
  runs: { ci: 2, default: 6, deep: 30 },
});

// ---------------------------------------------------------------------------------------------
// AZU-S7: regime statements

function l1Gap(data: Data, r: number[], l1: number): number {
  const sol = minQk(data.X, data.y, r, undefined, false);
  return sol.beta.reduce((a, b) => a + Math.abs(b), 0) / l1 - 1;
}
function s7Check(inst: SeqInst, mutant: boolean): Outcome {
  const rng = new Rng(inst.seed);
  // Sparse regression instance (so ℓ1 and ℓ2 differ): d = 12, N = 5, 2-sparse β*.
  const d = 12, N = 5;
  const X = Array.from({ length: N }, () => Array.from(rng.normals(d)));
  const beta = new Float64Array(d);
  beta[rng.int(0, d - 1)] = 1;
  beta[rng.int(0, d - 1)] += -0.7;
  const y = X.map((row) => row.reduce((a, x, i) => a + x * beta[i], 0));
  const data: Data = { X, y, d, N };
  const l1 = minL1(X, y).objective;
  const sqrtK = (a: number, s: number) => (4 * a * (1 + s * s)) / (1 - s * s);
  // (b) α → 0 at s = 0: ℓ1 gap decreases; s → 1 at α = 1e-4: ℓ1 gap increases (toward NTK).
  const alphas = [1, 1e-2, 1e-4, 1e-6];
  const gA = alphas.map((a) => l1Gap(data, new Array(d).fill(sqrtK(a, 0)), l1));
  const ss = [0, 0.9, 0.99, 0.9999];
  const gS = ss.map((s) => l1Gap(data, new Array(d).fill(sqrtK(1e-4, s)), l1));
  if (mutant) {
    // "|s| → 1 pushes toward the rich regime": the ℓ1 gap would decrease along s.
    // exact boolean with the claim's 1e-9 relative rounding slack inside decreasing(); the true gaps increase by ≥ 25% per step
    return within(decreasing(gS, 1e-9) ? 0 : 1, 0, `ℓ1 gap along s = ${fmtList(ss)}: ${fmtList(gS)} (mutant: decreasing)`);
  }
  // (a) √k ∈ [4k̂, 8k̂): k → ∞ ⇔ k̂ → ∞, k → 0 ⇔ k̂ → 0; (c) δ ≥ 0 ⇔ s ≥ 0 (Lemma 1), on random pairs.
  let bracket = 0, signs = 0;
  for (let j = 0; j < 50; j++) {
    const a = rng.logUniform(1e-6, 1e6), s = rng.range(-0.9999, 0.9999);
    const kh = a / (1 - s * s);
    if (!(sqrtK(a, s) >= 4 * kh * (1 - 1e-12) && sqrtK(a, s) < 8 * kh)) bracket++;
    const A = Math.sqrt((a * (1 + s)) / (1 - s)), W = Math.sqrt((a * (1 - s)) / (1 + s));
    if (Math.sign(A * A - W * W) !== Math.sign(s)) signs++;
  }
  // (d) balanced is best: for each α the ℓ1 gap (the rich-regime proxy on sparse data) is smallest at s = 0.
  let balanced = 0;
  for (const a of [1e-2, 1e-4]) {
    const g0 = l1Gap(data, new Array(d).fill(sqrtK(a, 0)), l1);
    for (const s of [0.5, 0.9, 0.99]) if (l1Gap(data, new Array(d).fill(sqrtK(a, s)), l1) < g0 - 1e-12) balanced++;
  }
  // Exact integer counts and booleans (no slack in within): the only slacks are the rounding ones inside the tests —
  // 1e-12 relative on the bracket's equality case s = 0, 1e-9 relative in decreasing() and 1e-12 absolute in (d), above the
  // rounding of the dual-Newton ℓ1 norms and far below the differences compared (measured over 30 seeds: consecutive gaps
  // differ by ≥ 25% relative, the (d) differences are ≥ 7e-4; the common LP offset ‖·‖₁* cancels in every comparison).
  return all([
    within(bracket, 0, '(a) violations of 4k̂ ≤ √k < 8k̂'),
    within(decreasing(gA, 1e-9) ? 0 : 1, 0, `(b) ℓ1 gap decreasing as α → 0: ${fmtList(gA)}`),
    within(decreasing(gS.slice().reverse(), 1e-9) ? 0 : 1, 0, `(b) ℓ1 gap increasing as s → 1: ${fmtList(gS)}`),
    within(signs, 0, '(c) sign(δ) ≠ sign(s)'),
    within(balanced, 0, '(d) cells where s > 0 beats s = 0'),
  ]);
}

export const azuS7 = defineClaim<SeqInst>({
  id: 'AZU-S7',
  paper: PAPER,
  title: 'Sec. 7 regimes: k → ∞ ⇔ α/(1−s²) → ∞; α → 0 rich, |s| → 1 NTK; Thm 2 iff s ≥ 0; s = 0 best',
  statement:
    '(a) Diagonal: k → ∞ iff α/(1−s²) → ∞ and k → 0 iff α/(1−s²) → 0 (4k̂ ≤ √k < 8k̂). (b) α → 0 moves the diagonal model’s bias toward ℓ1 (rich); |s| → 1 moves it toward ℓ2 (NTK) even at small α. (c) For FC, δ ≥ 0 ⇔ s ≥ 0, so Theorem 2 applies iff 0 ≤ s < 1. (d) Balanced init s = 0 gives the most ℓ1-like (non-kernel) bias at each α (empirical; checked as the ℓ1-norm gap of argmin Q_k on a sparse instance).',
  where: 'Sec. 7 lines 312–383',
  kind: 'property',
  expected: 'holds',
  arbitrary: seqArb,
  check: (inst) => s7Check(inst, false),
  falsifiers: [{ name: '|s| → 1 pushes toward the rich regime', description: 'The ℓ1 gap would shrink as s → 1.', check: (inst) => s7Check(inst, true) }],
  runs: { ci: 2, default: 6, deep: 30 },
});

export const limitClaims: Claim[] = [azuT3, azuF1, azuF21, azuF21Literal, azuF22, azuS7];
void minNormAbout;
