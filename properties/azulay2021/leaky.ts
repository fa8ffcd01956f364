// Azulay et al. 2021, Sec. 8 and App. G: the single leaky-ReLU neuron a·σ(Xᵀw), Theorem 4 with the
// nonsmooth KKT conditions of Definition 1. Claims AZU-T4 and AZU-T4-LITERAL.
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import type { FlowModel } from '../../src/flow/types.js';
import { all, defineClaim, inconclusive, within, type Claim, type Outcome, type Tier } from '../../src/core/claim.js';
import { leaky, leakyRelu, leakySlope } from '../../src/models/leakyRelu.js';
import { neuronFromScaleShape } from '../../src/models/fullyConnected.js';
import { gradQDelta } from '../../src/bias/azuQhat.js';
import { dotv, normv, scalev, solveSym } from '../../src/bias/azuCommon.js';
import { C4_FAIL, C4_PASS, drawData, graded, notConverged, PAPER, Rng, runFlow, seedArb, unitVector, type Data } from './common.js';

interface T4Inst {
  seed: number;
  rhoIdx: number;
}
const t4Arb = fc.record({ seed: seedArb, rhoIdx: fc.integer({ min: 0, max: 2 }) });
const RHOS = [0.1, 0.3, 0.7];

interface T4Run {
  data: Data;
  rho: number;
  theta0: Float64Array;
  w0: Float64Array;
  delta: number;
  a: number;
  w: Float64Array;
  bad: Outcome | null;
}
/**
 * The single neuron's gradient flow as a Filippov solution across the kinks (the solution concept behind the Clarke
 * subdifferential of Definition 1). Why: at global seed 602684767 three of four instances (instance seeds 26,
 * 743729591, 229730109) reach a kink wₖᵀx = 0 of one sample whose two one-sided fields both point into it; the
 * classical field (σ′(0) := 1) then flips at every step, dopri5 rejects ~1e6 steps and stops at the wall guard at
 * t ≈ 0.05–0.2 with zₖ ≈ 1e-10 — integrator chatter, not a budget or load problem (it recurs on an idle replay).
 * On a kink zₖ = 0 the Filippov set of ẇ replaces σ′(zₖ) by sₖ ∈ [ρ, 1] (ȧ is unaffected: σ(0) = 0 on both sides);
 * the sliding motion takes the sₖ that keeps zₖ on the kink:
 *   żₖ = xₖᵀẇ = c·a·(Σ_{n∉K} rₙσ′(zₙ)xₖᵀxₙ + Σ_{j∈K} r_j s_j xₖᵀx_j) = −γzₖ   (k ∈ K),
 * a |K|×|K| linear system for s_K. Sliding is admissible iff every sₖ ∈ [ρ, 1] and the kink attracts (a·rₖ < 0: żₖ
 * decreases in sₖ, so ż(s = 1) < 0 < ż(s = ρ) — the field points into the kink from both sides); otherwise the classical
 * one-sided field is used (crossing, or a repelling kink that the flow leaves). K = samples with |zₖ| ≤ 1e-8·‖w‖‖xₖ‖
 * (the band where the classical field chatters at rtol 1e-10); γ = 1 (the O(1) time scale of the loss, c = 1/N)
 * pulls the band's |zₖ| ≤ 1e-8 offset back onto the kink — a change of ż only, O(1e-8), not of the limit point.
 * Off the band the field is the model's own. δ = a² − ‖w‖² stays conserved: σ(zₙ) = σ′(zₙ)zₙ, and zₖ·(sₖ − σ′(zₖ)) is
 * O(1e-8·|zₖ|) in the band.
 */
function filippovLeaky(model: ReturnType<typeof leakyRelu>, X: number[][], rho: number): FlowModel {
  const N = X.length;
  const d = X[0].length;
  const c = 1 / N; // scaling 'mean'
  const gram = X.map((xi) => X.map((xj) => dotv(Float64Array.from(xi), Float64Array.from(xj))));
  const xn = X.map((x) => Math.sqrt(x.reduce((a, v) => a + v * v, 0)));
  return {
    dim: model.dim,
    lossFloor: 0,
    loss: (th) => model.loss(th),
    invariants: (th) => model.invariants(th),
    grad(th, out) {
      model.grad(th, out);
      const a = th[0];
      const w = th.subarray(1);
      const wn = Math.sqrt(w.reduce((s, v) => s + v * v, 0));
      const z = X.map((x) => x.reduce((s, v, j) => s + v * w[j], 0));
      const K = z.map((v, k) => k).filter((k) => Math.abs(z[k]) <= 1e-8 * wn * xn[k]);
      if (!K.length || a === 0) return;
      const r = model.residual(th); // y − f
      if (K.some((k) => !(a * r[k] < 0))) return; // not attracting from both sides: classical field
      const outK = new Set(K);
      const A = new Matrix(K.length, K.length);
      const b = new Float64Array(K.length);
      K.forEach((k, p) => {
        let rest = 0;
        for (let n = 0; n < N; n++) if (!outK.has(n)) rest += r[n] * leakySlope(z[n], rho) * gram[k][n];
        b[p] = -z[k] - c * a * rest; // γ = 1
        K.forEach((j, q) => A.set(p, q, c * a * r[j] * gram[k][j]));
      });
      let sK: Float64Array;
      try {
        sK = solveSym(A, b);
      } catch {
        return; // singular (some rⱼ = 0): classical field
      }
      if (sK.some((v) => !(v >= rho && v <= 1))) return; // outside the Filippov set: no sliding
      // ẇ = c·a·Σ rₙ sₙ xₙ; grad = −ẇ: replace the classical slope of the kink samples by sₖ
      K.forEach((k, p) => {
        const coef = -c * a * r[k] * (sK[p] - leakySlope(z[k], rho));
        for (let j = 0; j < d; j++) out[1 + j] += coef * X[k][j];
      });
    },
  };
}
const cache = new Map<string, T4Run>();
/** d = 6, N = 3, α log-uniform in [0.05, 2], s uniform in [0, 0.8] (δ ≥ 0), u on the sphere, sign(a₀) = ±1. */
function runT4(inst: T4Inst, tier: Tier): T4Run {
  const key = `${inst.seed}:${inst.rhoIdx}:${tier}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rng = new Rng(inst.seed);
  const data = drawData(rng, 6, 3);
  const rho = RHOS[inst.rhoIdx];
  const alpha = rng.logUniform(0.05, 2);
  const s = rng.range(0, 0.8);
  const theta0 = neuronFromScaleShape(alpha, s, unitVector(rng, 6), rng.sign());
  const model = leakyRelu({ X: data.X, y: data.y, rho, scaling: 'mean' });
  // Adaptive dopri5 resolves each kink crossing by step rejection (the field is discontinuous there); a run that
  // reaches an attracting kink slides along it (Filippov), integrated by filippovLeaky (see there).
  const sol = runFlow(filippovLeaky(model, data.X.map((x) => Array.from(x)), rho), theta0, { c: 1 / 3, yNorm: normv(data.y), tier, wallSeconds: tier === 'ci' ? 3 : 5 });
  const th = sol.theta;
  const bad = notConverged(sol);
  const w = th.slice(1);
  // Samples with |w∞ᵀxₙ| < 1e-6 sit on a kink: there the Clarke subdifferential of hₙ is
  // {[σ(zₙ); a·c·xₙ] : c ∈ [ρ, 1]} with σ(zₙ) = 0, and with a free-sign multiplier its span is that of
  // [0; a xₙ] — handled in stationarity() below (Definition 1), not declared inconclusive.
  const run = { data, rho, theta0, w0: scalev(theta0.subarray(1), theta0[0]), delta: Math.max(0, theta0[0] ** 2 - normv(theta0.subarray(1)) ** 2), a: th[0], w, bad };
  void inconclusive;
  cache.set(key, run);
  return run;
}

/**
 * Stationarity residual of Definition 1 for min F(a, w) s.t. hₙ(a, w) = aσ(wᵀxₙ) − yₙ = 0 at a point with
 * no active kink: ‖∇F − Σμₙ∇hₙ‖/‖∇F‖ with μ by least squares; ∇hₙ = [σ(wᵀxₙ); a·σ′(wᵀxₙ)xₙ].
 */
function stationarity(run: T4Run, gradF: Float64Array): number {
  const { data, rho, a, w } = run;
  const J = data.X.map((x) => {
    const z = dotv(w, x);
    // At a kink (|z| < 1e-6): any element of the Clarke set spans the same line, take c = 1, σ = 0.
    if (Math.abs(z) < 1e-6) return Float64Array.from([0, ...scalev(x, a)]);
    return Float64Array.from([leaky(z, rho), ...scalev(x, a * leakySlope(z, rho))]);
  });
  const G = new Matrix(J.length, J.length);
  for (let i = 0; i < J.length; i++) for (let k = 0; k < J.length; k++) G.set(i, k, dotv(J[i], J[k]));
  const mu = solveSym(G, J.map((j) => dotv(j, gradF)));
  const res = Float64Array.from(gradF);
  J.forEach((j, n) => j.forEach((v, i) => (res[i] -= mu[n] * v)));
  return normv(res) / normv(gradF);
}
/** ∇_{(a,w)} q(aw) = [wᵀ∇q(aw); a∇q(aw)] (chain rule; line 1222 with its typo corrected). */
const gradQParam = (run: T4Run, delta: number, zFactor = 1.5) => {
  const g = gradQDelta(scalev(run.w, run.a), run.w0, delta, zFactor);
  return Float64Array.from([dotv(run.w, g), ...scalev(g, run.a)]);
};

export const azuT4 = defineClaim<T4Inst>({
  id: 'AZU-T4',
  paper: PAPER,
  title: 'Theorem 4: leaky-ReLU neuron, δ ≥ 0 ⇒ (a∞, w∞) is a KKT point (Def. 1) of min q_{δ,a(0)w(0)}(aw) s.t. aσ(Xᵀw) = y',
  statement:
    'For f(x) = aσ(wᵀx), σ(z) = max(z, ρz), ρ ∈ (0, 1], δ = a(0)² − ‖w(0)‖² ≥ 0, a(0)w(0) ≠ 0: if the flow converges with aσ(Xᵀw∞) = y, then (a∞, w∞) is a KKT point (Definition 1: Clarke stationarity with free-sign multipliers for the equality constraints) of min_{a,w} q_{δ,a(0)w(0)}(aw) s.t. aσ(Xᵀw) = y: [w∞ᵀ∇q(w̃∞); a∞∇q(w̃∞)] = Σₙ μₙ[σ(w∞ᵀxₙ); a∞cₙxₙ] with cₙ = σ′(w∞ᵀxₙ). Off the kinks the Clarke subdifferential is the gradient; a sample with |w∞ᵀxₙ| < 1e-6 is treated as on a kink, where the Clarke set {[0; a c xₙ] : c ∈ [ρ, 1]} with a free-sign multiplier spans [0; a xₙ].',
  where: 'Sec. 8 lines 385–401; App. G lines 1098–1228 (Definition 1 lines 1100–1110)',
  kind: 'property',
  expected: 'holds',
  arbitrary: t4Arb,
  check: (inst, ctx) => {
    const run = runT4(inst, ctx.tier);
    if (run.bad) return run.bad;
    return graded(stationarity(run, gradQParam(run, run.delta)), C4_PASS, C4_FAIL, 'KKT stationarity residual');
  },
  falsifiers: [
    {
      name: 'objective ½‖aw‖²',
      description: 'min-norm predictor objective.',
      check: (inst, ctx) => {
        const run = runT4(inst, ctx.tier);
        if (run.bad) return run.bad;
        const wt = scalev(run.w, run.a);
        return graded(stationarity(run, Float64Array.from([dotv(run.w, wt), ...scalev(wt, run.a)])), C4_PASS, C4_FAIL, 'stationarity of ½‖aw‖²');
      },
    },
    {
      name: 'objective a² + ‖w‖² (parameter ℓ2)',
      description: 'Weight-decay objective.',
      check: (inst, ctx) => {
        const run = runT4(inst, ctx.tier);
        if (run.bad) return run.bad;
        return graded(stationarity(run, Float64Array.from([2 * run.a, ...scalev(run.w, 2)])), C4_PASS, C4_FAIL, 'stationarity of a² + ‖w‖²');
      },
    },
    {
      name: 'z without the 3/2',
      description: 'As in AZU-T2.',
      check: (inst, ctx) => {
        const run = runT4(inst, ctx.tier);
        if (run.bad) return run.bad;
        return graded(stationarity(run, gradQParam(run, run.delta, 1)), C4_PASS, C4_FAIL, 'stationarity with z/1.5');
      },
    },
  ],
  runs: { ci: 4, default: 12, deep: 60 },
});

const t4Erratum =
  'App. G line 1218 writes the conclusion as argmin q s.t. Xᵀw̃ = y, which is not the leaky-ReLU constraint (the limit satisfies aσ(Xᵀw) = y, i.e. X̃ᵀw̃ = y with X̃ = X·diag(c(∞))). Also: line 1222 chain rule should read aᵢ∂_{w̃}q; lines 1184–1210 write t where ∞ is meant; ρ must be ≤ 1 for σ = max(z, ρz) to match line 1120.';

export const azuT4Literal = defineClaim<T4Inst>({
  id: 'AZU-T4-LITERAL',
  paper: PAPER,
  title: 'App. G line 1218 as printed: the leaky-ReLU limit satisfies Xᵀw̃∞ = y',
  statement: 'Literal line 1218: the limit w̃∞ = a∞w∞ of the leaky-ReLU neuron is argmin q s.t. Xᵀw̃ = y; in particular Xᵀw̃∞ = y.',
  where: 'App. G line 1218',
  kind: 'property',
  expected: 'refuted',
  arbitrary: t4Arb,
  check: (inst, ctx) => {
    const run = runT4(inst, ctx.tier);
    if (run.bad) return run.bad;
    const r = run.data.X.map((x, n) => run.a * dotv(x, run.w) - run.data.y[n]);
    return graded(normv(r) / normv(run.data.y), C4_PASS, C4_FAIL, '‖Xᵀw̃∞ − y‖/‖y‖');
  },
  falsifiers: [
    {
      name: 'linear-constraint KKT with ½‖w̃‖²',
      description: 'min ½‖w̃‖² s.t. Xᵀw̃ = y: κ(w̃∞).',
      check: (inst, ctx) => {
        const run = runT4(inst, ctx.tier);
        if (run.bad) return run.bad;
        const wt = scalev(run.w, run.a);
        return graded(stationarity(run, Float64Array.from([dotv(run.w, wt), ...scalev(wt, run.a)])), C4_PASS, C4_FAIL, 'stationarity of ½‖aw‖²');
      },
    },
  ],
  counterpart: 'AZU-T4',
  erratum: t4Erratum,
  runs: { ci: 4, default: 12, deep: 60 },
});

export const leakyClaims: Claim[] = [azuT4, azuT4Literal];
void all;
void within;
