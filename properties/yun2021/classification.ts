// Yun et al. (2021), §4 and App. C–E: classification with the exponential loss on separable data.
// YUN-T1, C1, T2, T2R (+LITERAL), R1, C2, C3, T3, T3X, T3R (+LITERAL), C4a, C4b.
//
// Directions converge only logarithmically in t, so the limit-direction claims are checked on the
// normalised flow dΘ/dτ = −∇L/(L‖Θ‖^{L−1}) (a positive time change of GF: the same orbit), started
// once L < 1, with finite-τ proxies whose trend is asserted: singular-vector residuals, normalised
// margin ratios against independently solved max-margin problems. Budget exhausted ⇒ inconclusive.
import fc from 'fast-check';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { all, defineClaim, fail, inconclusive, pass, within, type CheckContext, type Claim, type Outcome, type Tier } from '../../src/core/claim.js';
import { integrateOde } from '../../src/flow/index.js';
import { wallScale } from '../../src/flow/wallBudget.js';
import { angleDeg, distv, dotv, maxMarginL2, norm, norm1, normalizedMargin, solveLinear } from '../../src/bias/yunTheory.js';
import { weightedMaxMarginL1 } from '../../src/bias/yunLP.js';
import { alignmentResidual, flowMultiplierResidual, kktResidual, realC, type Cvec, type KktGradient } from '../../src/bias/yunKkt.js';
import { contractAll, contractAllBut, tensorCombination } from '../../src/models/tensor.js';
import { normalizedJacobian } from '../../src/models/tensorNetsJacobian.js';
import { betaOf, flowRhs, lossOf, makeNet, normalizedRhs, outputs, residual, splitParams, type Arch, type TensorNet } from '../../src/models/tensorNets.js';
import { symEig } from '../../src/linalg/index.js';
import { t1RateCertificate, type RateCertificate } from './t1Rate.js';
import { PAPER, Rng, awayFromZero, compactSvd, dft, gaussMat, gaussVec, orthCols, separableLabels } from './common.js';

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

export function tauCheckpoints(tier: Tier): number[] {
  return tier === 'ci' ? [10, 30, 100] : tier === 'default' ? [10, 100, 300] : [10, 100, 1000];
}

export interface NormalizedRun {
  ok: boolean;
  reason: string;
  thetas: Float64Array[];
  taus: number[];
}
/** GF until L < 1 (hypothesis of Thm 1), then the normalised flow to the τ checkpoints. */
export function runNormalized(net: TensorNet, theta0: Float64Array, tier: Tier, wallSeconds?: number, tauList?: number[], stiff = false): NormalizedRun {
  const taus = tauList ?? tauCheckpoints(tier);
  const wall = wallSeconds ?? (tier === 'ci' ? 6 : 20);
  // (wall-clock guard per phase; the τ horizon is what the tier sets)
  // stiff: past the first checkpoint, the L-stable ROS2 (see runNormalizedLong). Worth it where the flow turns stiff
  // within the horizon — the FC nets of YUN-C1 (70 s → 15 s of CPU at tier default, seed 1, same verdicts and
  // margins) — and not on the diagonal nets of T2/C2/C3, where dopri5 is 2–8× faster over τ ≤ 1000.
  if (stiff && taus[0] >= 10) return runNormalizedLong(net, theta0, taus, wall);
  const pre = integrateOde((_t, y, o) => flowRhs(net, y, o), theta0, { tMax: 1e5, rtol: 1e-10, atol: 1e-12, stop: (_t, y) => lossOf(net, y) < 0.5, wallSeconds: wall, divergeNorm: 1e12 });
  if (pre.status !== 'stopped') return { ok: false, reason: `GF did not reach L < 1 (${pre.status})`, thetas: [], taus };
  const res = integrateOde((_t, y, o) => normalizedRhs(net, y, o), pre.y, { tMax: taus[taus.length - 1], tEval: taus, rtol: 1e-10, atol: 1e-12, wallSeconds: wall, divergeNorm: 1e300 });
  if (res.ys.length < taus.length) return { ok: false, reason: `normalised flow stopped at τ=${res.t.toFixed(1)} (${res.status})`, thetas: res.ys, taus };
  return { ok: true, reason: '', thetas: res.ys, taus };
}

/** ROS2 leg of the normalised flow from state y at τ0 to the later checkpoints `taus` (see runNormalizedLong). */
export function runNormalizedLongFrom(net: TensorNet, y0: Float64Array, tau0: number, taus: number[], wallSeconds: number, rtol = 1e-8): NormalizedRun {
  const rest = taus.map((tau) => tau - tau0);
  const res = integrateOde((_t, y, o) => normalizedRhs(net, y, o), y0, {
    tMax: rest[rest.length - 1] ?? 0,
    tEval: rest,
    rtol,
    atol: rtol * 1e-2,
    wallSeconds,
    divergeNorm: 1e300,
    method: 'ros2',
    autonomous: true,
    jacobian: (_t, y, J) => normalizedJacobian(net, y, J),
  });
  if (res.ys.length < taus.length) return { ok: false, reason: `normalised flow stopped at τ=${(tau0 + res.t).toFixed(1)} (${res.status})`, thetas: res.ys, taus };
  return { ok: true, reason: '', thetas: res.ys, taus };
}

/**
 * The same orbit as runNormalized, to long horizons: dopri5 to the first checkpoint (the non-stiff transient),
 * then the L-stable Rosenbrock W-method ROS2 (src/flow/rosenbrock.ts) with the exact Jacobian of the normalised
 * flow (src/models/tensorNetsJacobian.ts). The flow turns stiff as it runs — the softmax weights react to margin
 * differences of size ‖Θ‖^L while the direction moves on the time scale τ — so dopri5's stable step shrinks like
 * 1/τ (2.6·10⁵ steps for τ ∈ [100, 1000], > 2·10⁶ for [10³, 10⁴] on the T1 instance); ROS2 needs ≈ 5·10³ steps
 * per decade of τ at rtol 1e-8, whatever τ. Accuracy: ROS2 at rtol 1e-8 and 1e-6 agree on the direction to
 * 4e-6 up to τ = 10⁴, and with dopri5 at rtol 1e-10 to ~1e-6 at τ = 1000 (test/flow-rosenbrock.test.ts) — three
 * orders below the residual level 1e-2 that the checks read.
 */
export function runNormalizedLong(net: TensorNet, theta0: Float64Array, taus: number[], wallSeconds: number, rtol = 1e-8): NormalizedRun {
  const pre = integrateOde((_t, y, o) => flowRhs(net, y, o), theta0, { tMax: 1e5, rtol: 1e-10, atol: 1e-12, stop: (_t, y) => lossOf(net, y) < 0.5, wallSeconds, divergeNorm: 1e12 });
  if (pre.status !== 'stopped') return { ok: false, reason: `GF did not reach L < 1 (${pre.status})`, thetas: [], taus };
  const first = integrateOde((_t, y, o) => normalizedRhs(net, y, o), pre.y, { tMax: taus[0], rtol: 1e-10, atol: 1e-12, wallSeconds, divergeNorm: 1e300 });
  if (first.status !== 'done') return { ok: false, reason: `normalised flow stopped at τ=${first.t.toFixed(1)} (${first.status})`, thetas: [], taus };
  const leg = runNormalizedLongFrom(net, first.y, taus[0], taus.slice(1), wallSeconds, rtol);
  const thetas = [first.y, ...leg.thetas];
  if (!leg.ok) return { ok: false, reason: leg.reason, thetas, taus };
  return { ok: true, reason: '', thetas, taus };
}

/** Weights w = softmax(−y⊙f): −∇L/L = M(Σ w_i y_i x_i)∘(…); the direction −u∞ of Thm 1. */
function minusU(net: TensorNet, th: Float64Array, ignoreWeights = false): { mu: number[]; scale: number } {
  const f = outputs(net, th);
  const m = Array.from(f, (fi, i) => net.y[i] * fi);
  const mn = Math.min(...m);
  const w = m.map((v) => (ignoreWeights ? 1 : Math.exp(-(v - mn))));
  const g = new Array<number>(net.d).fill(0);
  net.X.forEach((x, i) => x.forEach((v, k) => (g[k] += w[i] * net.y[i] * v)));
  const ng = norm(g);
  // scale = ‖Σ wᵢyᵢxᵢ‖ with the weights normalised to Σ wᵢ = 1 (the softmax of −∇L/L).
  return { mu: g.map((v) => v / ng), scale: ng / w.reduce((a, b) => a + b, 0) };
}
function svResidual(net: TensorNet, th: Float64Array, ignoreWeights: boolean, flipSign = false) {
  const mU = minusU(net, th, ignoreWeights);
  const mu = mU.mu.map((v) => (flipSign ? -v : v));
  const basis = net.basis;
  const A = tensorCombination(basis, mu);
  const vs = splitParams(net.shape, th).map((v) => {
    const n = norm(v);
    return Array.from(v, (x) => x / n);
  });
  const s = contractAll(A, vs);
  let R = 0;
  for (let l = 0; l < net.L; l++) {
    const part = contractAllBut(A, vs, l);
    R = Math.max(R, distv(part, vs[l].map((v) => s * v)) / Math.abs(s));
  }
  // L = 2: A is a k₁×k₂ matrix. For the rate certificate (t1Rate.ts): the gap σ₁ − σ₂ of M(Σ wᵢyᵢxᵢ) (weights
  // summing to 1) and t = max over the two factors of tan∠(v̂_l, top singular vector).
  let gap = NaN;
  let t = NaN;
  if (net.L === 2) {
    const [k1, k2] = A.shape;
    const svd = new SingularValueDecomposition(new Matrix(Array.from({ length: k1 }, (_, i) => Array.from(A.data.subarray(i * k2, (i + 1) * k2)))), { autoTranspose: true });
    const sv = svd.diagonal;
    gap = sv.length > 1 ? (sv[0] - sv[1]) * mU.scale : NaN;
    const tanTo = (v: number[], top: number[]) => {
      const c = Math.abs(dotv(v, top));
      return Math.sqrt(Math.max(0, 1 - c * c)) / c;
    };
    t = Math.max(tanTo(vs[0], svd.leftSingularVectors.getColumn(0)), tanTo(vs[1], svd.rightSingularVectors.getColumn(0)));
  }
  return { s, R, mu, gap, t, normTheta: norm(th) };
}

// ---------------- YUN-T1 ----------------
interface T1Inst {
  n: number;
  seed: number;
}
function t1Setup({ n, seed }: T1Inst): { net: TensorNet; theta0: Float64Array } {
  const rng = new Rng(seed);
  const d = 5;
  const X = gaussMat(rng, n, d);
  const y = separableLabels(rng, X);
  const net = makeNet({ kind: 'conv', d, ks: [2, d] }, X, y, 'exp');
  return { net, theta0: rng.normals(net.dim, 0.5) };
}
function t1Check(i: T1Inst, tier: Tier, flip = false, uniformWeights = false): Outcome {
  const { net, theta0 } = t1Setup(i);
  if (flip) {
    // The sign mutant M(+u∞) needs only the tier's short horizon: s changes sign with u.
    const short = runNormalized(net, theta0, tier);
    if (!short.ok) return inconclusive(short.reason);
    const r = svResidual(net, short.thetas[short.thetas.length - 1], false, true);
    return r.s > 0 ? pass(0, `s = ${r.s.toFixed(4)} > 0`) : fail(Infinity, `s = ${r.s.toFixed(4)} ≤ 0 (mutant: M(+u))`);
  }
  // τ = 10, 100, 1000 (the catalog's checkpoints) and 10⁴ at every tier, continued to 3·10⁴ (and at tier deep to 10⁵)
  // while the residual is still above the level. The residual falls like a power of τ with an instance-dependent
  // exponent (≈ τ^{−½} typically: 0.25, 0.072, 0.022 at τ = 10, 100, 1000; slower on some draws), so the catalog's
  // τ = 1000 left ≈ 1 instance in 3 unresolved. With the stiff integrator (runNormalizedLong) a decade up to 10⁴
  // costs well under a second. Beyond ≈ 5·10⁴ the margins (≈ ‖Θ‖² ≈ 10¹⁰) leave too few significant digits for
  // the stiff linear algebra: ROS2 at rtol 1e-8 starts rejecting half its steps (measured), so 10⁵ is deep-only.
  const run = runNormalizedLong(net, theta0, [10, 100, 1000, 10000], 45);
  if (!run.ok) return inconclusive(run.reason);
  const thetas = [...run.thetas];
  const taus = [...run.taus];
  // Still above the level at 10⁴: continue at rtol 1e-10 through τ = 1.5·10⁴ and 3·10⁴ (deep: then 10⁵). At rtol
  // 1e-8 the iterate sits off the slow manifold by the local error, and the softmax weights — functions of margin
  // differences of a state of size ‖Θ‖² ≈ 10⁹ — read it: R jumped 1.8e-3 → 7.9e-3 between 2·10⁴ and 3·10⁴ on one
  // draw, 5.9e-3 ↔ 7.6e-3 on another (measured), where at 1e-10 it falls smoothly. The rate window (below) uses
  // only points of this leg, from 1.5·10⁴ on, after the 1e-8 state's stiff components have relaxed.
  const legs = tier === 'deep' ? [[1.5e4, Math.sqrt(1.5e4 * 3e4), 3e4], [Math.sqrt(3e4 * 1e5), 1e5]] : [[1.5e4, Math.sqrt(1.5e4 * 3e4), 3e4]];
  for (const leg of legs) {
    if (svResidual(net, thetas[thetas.length - 1], false).R <= 1e-2) break;
    const ext = runNormalizedLongFrom(net, thetas[thetas.length - 1], taus[taus.length - 1], leg, tier === 'deep' ? 120 : 30, 1e-10);
    thetas.push(...ext.thetas);
    taus.push(...leg.slice(0, ext.thetas.length));
    if (!ext.ok) break;
  }
  // Integrator accuracy, independently of the residual: ‖v₁‖² − ‖v₂‖² is conserved by GF (Θ balancedness; the
  // normalised flow is a time change of it). Its drift relative to ‖Θ‖² — the relative error of the factors' norms —
  // must stay ≤ 1e-6 (the catalog's CQ1 level, four orders below the residual level 1e-2); measured ≤ 2e-10 to τ = 3·10⁴
  // (seeds 1–3). Beyond it the run is inconclusive, not evidence either way.
  const cq1 = (th: Float64Array) => {
    const [a, b] = splitParams(net.shape, th);
    return dotv(a, a) - dotv(b, b);
  };
  const cq0 = cq1(theta0);
  const drift = Math.max(...thetas.map((th) => Math.abs(cq1(th) - cq0) / dotv(th, th)));
  if (!(drift <= 1e-6)) return inconclusive(`conserved ‖v₁‖² − ‖v₂‖² drifted by ${drift.toExponential(1)} of ‖Θ‖² (> 1e-6): integrator accuracy lost`);
  const rs = thetas.map((th) => svResidual(net, th, false));
  const Rs = rs.map((r) => r.R);
  const seq = Rs.map((r) => r.toExponential(2)).join(', ');
  const tauEnd = taus[taus.length - 1];
  // Hypothesis (b): Xᵀr converges in direction — evidenced by successive changes of u shrinking over the run.
  // Changes are taken between the decade checkpoints and the last one (the intermediate points of the rate window,
  // 1.5·10⁴ and 2.1·10⁴, would compare a change over a factor √2 of τ with the first over a factor 10).
  const du0 = rs.filter((_, j) => j === rs.length - 1 || [10, 100, 1000, 10000, 3e4].includes(taus[j]));
  const du = du0.slice(1).map((r, k) => distv(r.mu, du0[k].mu));
  // Or: u already settled below what the residual can see. M is linear, so ‖M(u) − M(u')‖_op ≤ ‖M‖·‖u − u'‖ with
  // ‖M‖ ≤ (Σ_k ‖M(e_k)‖_F²)^{1/2}, and R moves by at most 2‖ΔM‖/|s|: a last change of u (over a whole decade of τ)
  // that can move R by ≤ 5e-3 — half the residual level, so the certified R ≤ 1e-2 stays ≤ 1.5e-2 under it — is no
  // evidence of an unconverged u, even when it is larger than the first change (seen: Δu = 1.3e-4, 9.7e-4, 2.4e-4 —
  // jitter at the 1e-4 level after u had settled by τ = 10).
  let mNorm2 = 0;
  for (const T of net.basis) for (const v of T.data) mNorm2 += v * v;
  const uSettled = (2 * Math.sqrt(mNorm2) * du[du.length - 1]) / Math.abs(rs[rs.length - 1].s) <= 5e-3;
  if (!(du[du.length - 1] <= du[0]) && !uSettled) return inconclusive(`X ᵀr not yet converging in direction (Δu = ${du.map((v) => v.toExponential(1)).join(', ')})`);
  const last = rs[rs.length - 1];
  // s > 0 is part of the conclusion; with (b) evidenced, a non-positive s contradicts it (exact sign, no slack).
  if (!(last.s > 0)) return fail(Infinity, `s = ${last.s.toFixed(4)} ≤ 0 at τ = ${tauEnd}`);
  // Pass when the residual has fallen to ≤ 1e-2 (the catalog's level for "converged": 9e-4 observed at τ = 1000 on its
  // instance; an evidence threshold, not a tolerance that can fail the claim) and below its first value. A residual
  // still above it at the end of the budget — or wobbling, as the softmax weights move between near-support points
  // (seen 1.87e-2 → 2.09e-2 at calibration seed 14) — is not evidence against a limit statement: inconclusive.
  const levelResolved = Rs[Rs.length - 1] <= 1e-2 && Rs[Rs.length - 1] < Rs[0];
  // Or: the rate certificate (t1Rate.ts) on the last three checkpoints of the rtol-1e-10 leg — the angle to the top
  // singular pair of M(−u) falls at (at least half) the rate the linearised flow predicts, e^{−(σ₁−σ₂)s}, so it tends
  // to 0. About one instance in three (39 % in the 50-seed calibration) is still above 1e-2 at τ = 3·10⁴ because
  // σ₂/σ₁ is close to 1 (R ∝ τ^{−(1−σ₂/σ₁)} ≈ τ^{−0.1…−0.25}); the certificate resolves those whose weights have
  // settled and leaves inconclusive the ones whose A = M(−u) still drifts.
  let rate: RateCertificate | undefined;
  const k = rs.length - 1;
  if (!levelResolved && k >= 2 && taus[k - 2] >= 1.5e4 && Rs[k] < Rs[0]) {
    const pt = (j: number) => ({ tau: taus[j], normTheta: rs[j].normTheta, t: rs[j].t, gap: rs[j].gap });
    rate = t1RateCertificate(pt(k - 2), pt(k - 1), pt(k));
  }
  const resolved = levelResolved || (rate?.certified ?? false);
  if (uniformWeights) {
    // Mutant: the limit is a singular tuple of M(−ū) with ū ∝ Σ_i y_i x_i (the softmax weights dropped). Compared on
    // the same iterate at the same τ where the right statement is resolved (R ≤ 1e-2, or R certified to be falling
    // at its predicted rate): a mutant residual ten times the larger of the level and the right residual rejects
    // the mutant; a draw where the weights are nearly uniform cannot discriminate.
    if (!resolved) return inconclusive(`right residual not resolved (${seq}); nothing to compare the mutant with`);
    const Rm = svResidual(net, thetas[thetas.length - 1], true).R;
    const level = 10 * Math.max(1e-2, Rs[Rs.length - 1]);
    return Rm > level ? fail(Rm / level, `mutant residual ${Rm.toExponential(2)} > ${level.toExponential(1)} where the right one is ${Rs[Rs.length - 1].toExponential(2)} (τ = ${tauEnd})`) : inconclusive(`mutant residual ${Rm.toExponential(2)} ≤ ${level.toExponential(1)}: weights nearly uniform on this draw`);
  }
  if (levelResolved) return pass(Rs[Rs.length - 1] / 1e-2, `R = ${seq} at τ = ${taus.join(', ')}; s = ${last.s.toFixed(4)}`);
  // Margin of a rate pass: the bound's rate over the observed one (< 1: faster than required).
  if (rate?.certified) return pass(rate.bound / rate.slope, `R = ${seq} at τ = ${taus.join(', ')}; rate certificate: ${rate.reason}; s = ${last.s.toFixed(4)}`);
  return inconclusive(`singular-vector residual not yet ≤ 1e-2 by τ = ${tauEnd}: ${seq}${rate ? `; rate not certified: ${rate.reason}` : ''}`);
}
const yunT1 = defineClaim<T1Inst>({
  id: 'YUN-T1',
  paper: PAPER,
  title: 'Theorem 1: limit directions of a linear tensor network are singular vectors of M(−u∞)',
  statement:
    'Exponential loss, separable data, any linear tensor network; if L(Θ(t_0)) < 1 and Xᵀr(t) converges in direction to u∞, then v_l/‖v_l‖ → v_l∞ with s v_l∞ = M(−u∞)∘(v_1∞,…,I,…,v_L∞) (8), s = M(−u∞)∘(v_1∞,…,v_L∞) > 0. Finite-τ proxy on the normalised flow: the residual R = max_l‖M(−u)∘(…I…) − s v̂_l‖/|s| falls to ≤ 1e-2 (checkpoints τ = 10, 100, 1000, 10⁴, continued to 3·10⁴ — at tier deep 10⁵ — while above; the long horizons are integrated with an L-stable Rosenbrock method, the flow being stiff), or — rate certificate — the angle to the top singular pair of M(−u) falls at least at half the rate e^{−(σ₁−σ₂)s}, s = ∫dτ/‖Θ‖, that the linearised flow predicts, with s > 0; a residual neither ≤ 1e-2 nor rate-certified when the budget ends is inconclusive; instance: conv L = 2 with k_1 = 2 (not orthogonally decomposable), d = 5.',
  where: 'statement lines 261–264; §4 lines 230–247; App. C.1 lines 711–767',
  kind: 'property',
  expected: 'holds',
  arbitrary: fc.record({ n: fc.integer({ min: 2, max: 3 }), seed: seedArb }),
  check: (i, ctx) => t1Check(i, ctx.tier),
  falsifiers: [
    {
      name: 'limit = singular vectors of M(+u∞) (sign flipped)',
      description: '(8) is symmetric under (A, s) → (−A, −s); only the sign test s > 0 distinguishes M(−u∞) from M(+u∞).',
      check: (i, ctx) => t1Check(i, ctx.tier, true),
    },
    {
      name: 'limit = singular vectors of M(−ū), ū ∝ Σ y_i x_i (softmax weights dropped)',
      description: 'u∞ is the limit of the weighted Σ w_i y_i x_i; with equal weights the residual of (8) stays far above the level the right u meets.',
      check: (i, ctx) => t1Check(i, ctx.tier, false, true),
    },
  ],
  // Slow convergence: an instance whose residual is neither ≤ 1e-2 nor rate-certified at τ = 3·10⁴, or whose Xᵀr is
  // still turning (hypothesis (b) not yet evidenced), is inconclusive and counted as such. Before the rate
  // certificate 39 % of instances were unresolved (50-seed calibration; 8 runs needing 3 left 1 seed in 23
  // inconclusive); with it, 6.3 % of 300 (50-seed calibration row YUN-T1; on data seeds 13–30 the two unresolved
  // instances both had Xᵀr still turning). Six runs needing three passes put an inconclusive seed at
  // P(≤ 2 of 6 resolved) ≈ C(6,4)·0.937²·0.063⁴ ≈ 2e-4.
  runs: { ci: 6, default: 8, deep: 30 },
  minPassFraction: 0.5,
});

// ---------------- margin-ratio proxies (C1, T2, C2, C3) ----------------
type NormKind = 'l2' | 'l1' | 'l1-rho' | 'dft-l1';
interface MarginSetup {
  net: TensorNet;
  theta0: Float64Array;
  /** Integrate the normalised flow with the stiff ROS2 leg (see runNormalized). */
  stiff?: boolean;
  /** Features for the transformed problem (S x_i) and ρ(Θ) for 'l1-rho'. */
  feats?: number[][];
  rhoOf?: (th: Float64Array) => number[];
}
/** Normalised-margin ratio of the current iterate under `kind` relative to the optimum of that problem. */
function marginRatio(s: MarginSetup, th: Float64Array, kind: NormKind): number | null {
  const { net } = s;
  const beta = Array.from(betaOf(net, th));
  if (kind === 'l2') {
    const mm = maxMarginL2(net.X, net.y);
    if (!mm) return null;
    return normalizedMargin(net.X, net.y, beta, norm) * norm(mm.z);
  }
  if (kind === 'l1') {
    const z = weightedMaxMarginL1(net.X, net.y);
    if (!z) return null;
    return normalizedMargin(net.X, net.y, beta, norm1) * norm1(z);
  }
  if (kind === 'dft-l1') {
    // d = 2: F = [[1,1],[1,−1]]/√2 is real and involutive; ‖Fz‖₁ with features F x_i
    const F = (v: number[]) => [(v[0] + v[1]) / Math.SQRT2, (v[0] - v[1]) / Math.SQRT2];
    const feats = net.X.map((x) => F(x));
    const rho = weightedMaxMarginL1(feats, net.y);
    if (!rho) return null;
    return normalizedMargin(feats, net.y, F(beta), norm1) * norm1(rho);
  }
  const feats = s.feats!;
  const rho = s.rhoOf!(th);
  const opt = weightedMaxMarginL1(feats, net.y);
  if (!opt) return null;
  return normalizedMargin(feats, net.y, rho, norm1) * norm1(opt);
}
function marginCheck(s: MarginSetup, tier: Tier, kind: NormKind, level: number): Outcome {
  // Directions converge logarithmically, so a fixed τ horizon leaves some instances "still rising" below the level
  // (≈ 15% at tier ci, τ = 100), and with 3 runs per claim two such instances made a whole seed inconclusive. An
  // instance that is still rising is re-run once on the next tier's longer horizon (ci → default: τ = 300,
  // default → deep: τ = 1000) before it is declared inconclusive. Same level, same trend test: only the budget of
  // the instances that need it grows (one extra run each; going two tiers up cost up to 10 s per seed at ci).
  const next: Record<Tier, Tier | null> = { ci: 'default', default: 'deep', deep: null };
  let rs: number[] = [];
  let horizon: Tier | null = tier;
  let tried = 0;
  while (horizon) {
    const run = runNormalized(s.net, s.theta0, horizon, undefined, undefined, s.stiff);
    if (!run.ok) return inconclusive(run.reason);
    const ratios = run.thetas.map((th) => marginRatio(s, th, kind));
    if (ratios.some((r) => r === null)) return inconclusive('max-margin solver failed');
    rs = ratios as number[];
    tried++;
    const stillRising = rs[rs.length - 1] < level && rs[rs.length - 1] > rs[0];
    horizon = stillRising && tried < 2 ? next[horizon] : null;
  }
  const first = rs[0];
  const last = rs[rs.length - 1];
  if (last < level && last > first) return inconclusive(`${kind} margin ratio still rising: ${rs.map((r) => r.toFixed(4)).join(', ')} (budget too short)`);
  // level: the ratio must reach `level` (catalog: ≥ 0.98 by τ = 100 on diag instances) and not fall.
  return all([
    last >= first - 1e-6 ? pass(0, `${kind} margin ratios ${rs.map((r) => r.toFixed(4)).join(', ')}`) : fail(Infinity, `${kind} ratio fell: ${rs.map((r) => r.toFixed(4)).join(', ')}`),
    last >= level ? pass((1 - last) / (1 - level), `${kind} margin ratio ${last.toFixed(5)} ≥ ${level}`) : fail((1 - last) / (1 - level), `${kind} margin ratio ${last.toFixed(5)} < ${level}`),
  ]);
}
/** Falsifier helper: the wrong norm's ratio must also reach `level`; skip instances where it cannot discriminate. */
function wrongNormCheck(s: MarginSetup, tier: Tier, right: NormKind, wrong: NormKind, level: number): Outcome {
  // discriminating: the right limit's optimum must score < 0.95 under the wrong norm
  const mmRight = right === 'l2' ? maxMarginL2(s.net.X, s.net.y)?.z : weightedMaxMarginL1(s.net.X, s.net.y);
  if (!mmRight) return inconclusive('solver failed');
  const run = runNormalized(s.net, s.theta0, tier, undefined, undefined, s.stiff);
  if (!run.ok) return inconclusive(run.reason);
  const r = marginRatio(s, run.thetas[run.thetas.length - 1], wrong);
  if (r === null) return inconclusive('solver failed');
  return r >= level ? pass((1 - r) / (1 - level), `${wrong} ratio ${r.toFixed(4)}`) : fail((1 - r) / (1 - level), `${wrong} margin ratio ${r.toFixed(4)} < ${level}: the iterate is not ${wrong}-max-margin`);
}

// C1: FC networks → ℓ2 max margin
interface C1Inst {
  L: number;
  d: number;
  n: number;
  width: number;
  seed: number;
}
function c1Setup(i: C1Inst): MarginSetup {
  const rng = new Rng(i.seed);
  const X = gaussMat(rng, i.n, i.d);
  const y = separableLabels(rng, X);
  const dims = [i.d, ...new Array(i.L - 1).fill(i.width)];
  const net = makeNet({ kind: 'fc', dims }, X, y, 'exp');
  return { net, theta0: rng.normals(net.dim, 0.5), stiff: true };
}
const c1Arb = fc.record({ L: fc.integer({ min: 2, max: 3 }), d: fc.integer({ min: 3, max: 4 }), n: fc.integer({ min: 3, max: 5 }), width: fc.integer({ min: 2, max: 3 }), seed: seedArb });
const yunC1 = defineClaim<C1Inst>({
  id: 'YUN-C1',
  paper: PAPER,
  title: 'Corollary 1: FC networks converge in direction to the ℓ2 max-margin classifier',
  statement:
    'FC, any depth: if L(Θ(t_0)) < 1 then β_fc/‖β_fc‖ → z₂*/‖z₂*‖, z₂* = argmin ‖z‖₂ s.t. y_ix_iᵀz ≥ 1 (solved independently by exact support enumeration). Proxy: the ℓ2-normalised margin ratio (min_i y_ix_iᵀβ/‖β‖₂)·‖z₂*‖ is non-decreasing over τ checkpoints and ≥ 0.99 at the last.',
  where: 'A.1 lines 587–596; C.2 lines 768–841',
  kind: 'property',
  expected: 'holds',
  arbitrary: c1Arb,
  check: (i, ctx) => marginCheck(c1Setup(i), ctx.tier, 'l2', 0.99),
  falsifiers: [
    {
      name: 'FC converges to the ℓ1 max margin',
      description: 'The diagonal-network answer: the ℓ1-normalised margin of the FC iterate stays below the ℓ1 optimum.',
      check: (i, ctx) => wrongNormCheck(c1Setup(i), ctx.tier, 'l2', 'l1', 0.99),
    },
  ],
  runs: { ci: 4, default: 8, deep: 30 },
  // Directions converge logarithmically: an instance whose margin ratio is still rising at the τ budget is
  // rerun once on the next tier's horizon (marginCheck) and inconclusive only after that; like every
  // claim, at least half of the instances must be conclusive.
  minPassFraction: 0.5,
});

// T2 / C2 / C3: orthogonally decomposable networks. L = 2: ℓ1 max margin in the transformed space (a convex LP,
// solved by HiGHS: the margin-ratio proxy above). L ≥ 3: only stationarity is claimed, so the finite-τ check is
// the KKT residual of (39) (src/bias/yunKkt.ts) and condition (31) on the flow's own dual direction u.
interface T2Inst {
  kind: 'diag' | 'synthetic' | 'toy';
  /** depth: 2 (ℓ1 LP, margin ratio) or 3 (ℓ_{2/3} stationarity, KKT residual) */
  L: number;
  d: number;
  n: number;
  seed: number;
  /** hand-made instance: transformed features a_i = S x_i (labels +1; X = S⁻¹A, so m = d) */
  A?: number[][];
  /** hand-made first-layer coordinates U_1ᵀv̄_1 (middle layers 1.1×, last layer 0.25× them) */
  a0?: number[];
}
interface OdSetup extends MarginSetup {
  L: number;
  feats: number[][];
  rhoOf: (th: Float64Array) => number[];
}
function t2Setup(i: T2Inst): OdSetup {
  const rng = new Rng(i.seed);
  const L = i.L ?? 2;
  let X: number[][] = [];
  let y: number[];
  if (i.kind === 'toy') {
    X = [[1, 2], [0, -3]];
    y = [1, -1];
  } else if (i.A) {
    y = i.A.map(() => 1);
  } else {
    X = gaussMat(rng, i.n, i.d);
    y = separableLabels(rng, X);
  }
  const d = i.A ? i.A[0].length : X[0].length;
  let arch: Arch;
  let S: number[][];
  let Us: number[][][];
  if (i.kind === 'synthetic') {
    const m = d + (i.A ? 0 : rng.int(0, 1));
    S = gaussMat(rng, m, d);
    Us = [orthCols(rng, m + rng.int(0, 1), m), orthCols(rng, m, m)];
    for (let l = 2; l < L; l++) Us.push(orthCols(rng, m, m));
    arch = { kind: 'synthetic', d, S, Us };
  } else {
    S = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (a === b ? 1 : 0)));
    Us = new Array(L).fill(S);
    arch = { kind: 'diag', d, L };
  }
  if (i.A) {
    const sol = i.A.map((ai) => solveLinear(S, ai));
    if (sol.some((x) => x === null)) throw new Error('t2Setup: singular S for a hand-made instance');
    X = sol as number[][];
  }
  const m = S.length;
  // coordinates c_l = U_lᵀv̄_l: layer 1 ±[0.5, 1.5], the last layer c_L = c_1·U(−0.5, 0.5), middle layers
  // c_1·U(1, 1.2)·(±1): |c_l,j|² − |c_L,j|² ≥ 0.75 c_1,j² ≥ 0.1875 = λ for every l < L (the Theorem-2 condition).
  // Hand-made a0 (|a0_j| ≥ 0.5): middle 1.1·a0, last 0.25·a0, so λ ≥ (1 − 0.0625)·0.25 > 0.
  const a = i.a0 ? i.a0.slice() : awayFromZero(rng, m);
  const b = i.a0 ? a.map((v) => 0.25 * v) : a.map((v) => v * rng.range(-0.5, 0.5));
  const mids = Array.from({ length: L - 2 }, () => (i.a0 ? a.map((v) => 1.1 * v) : a.map((v) => v * rng.range(1, 1.2) * rng.sign())));
  const coords = [a, ...mids, b];
  const net = makeNet(arch, X, y, 'exp');
  const alpha = i.kind === 'toy' ? 1 : 0.5;
  const theta0 = Float64Array.from(coords.flatMap((c, l) => Us[l].map((row) => alpha * dotv(row, c))));
  const feats = X.map((x) => S.map((row) => dotv(row, x)));
  const rhoOf = (th: Float64Array) => {
    const vs = splitParams(net.shape, th);
    return a.map((_, j) => vs.reduce((p, v, l) => p * Us[l].reduce((s, row, r) => s + row[j] * v[r], 0), 1));
  };
  return { net, theta0, feats, rhoOf, L };
}

// ---- KKT protocol (L ≥ 3 for T2/C2; every L for C3) ----
// Thresholds and level (see src/bias/yunKkt.ts for the residuals):
//  · active set: normalised margin ≤ 1 + 1e-2 (catalog's ε), or exponential-loss weight e^{−(m_i − m_min)} ≥ 1e-4 of
//    the largest: a point with a smaller weight moves u by < 1e-4 relative, two orders below the level, while the
//    gap of a truly active point converges to a constant (log of its dual-weight ratio), so that ε alone misses
//    active points whose normalised gap is still (constant)/m_min > 1e-2 at small τ;
//  · support (only for the L = 2 off-support bound): |q̃_j| ≥ 1e-3·max|q̃| (catalog's δ);
//  · level 1e-2 on the scaled KKT residual and on the scaled (31) residual: an off-support coordinate contributes
//    ≈ p|q̃_j|^p, so ≤ 1e-2 at p = 2/3 means every vanishing coordinate is below (1e-2)^{3/2} = 1e-3 of the support
//    scale, the catalog's δ; the integrator error (rtol 1e-10) is negligible against it;
//  · off-support bound (L = 2 only, the subdifferential of ℓ1): |Σ μ_i[a_i]_j| ≤ 1 + 1e-2 (same relative level).
const KKT_LEVEL = 1e-2;
const KKT_EPS = 1e-2;
const KKT_GAP = Math.log(1e4);
const KKT_DELTA = 1e-3;
// Falsifiers compare, at the same τ, the claim's score (certified ≤ its level) with the mutant's: the mutant is
// contradicted when its score is ≥ 0.05 there. For the residuals that is 5× the level at which the claim is
// certified, more than the finite-τ error both share (the claim's residual bounds it at 1e-2, and both are
// Lipschitz-1 in relative perturbations of |u|, |q|); for margin ratios 1 − ratio ≥ 0.05 is the catalog's
// discriminating bound (mutant optimum scoring ≤ 0.95), 2.5× the claim's 2% slack.
const WRONG_MIN = 0.05;
interface KktSetup {
  net: TensorNet;
  theta0: Float64Array;
  /** depth used for p = 2/L in the objective */
  L: number;
  /** constraint vectors a_i (transformed y_i x_i) */
  a: Cvec[];
  /** the transformed point q(Θ) (ρ for Theorem 2, Fβ for Corollary 3) */
  qOf: (th: Float64Array) => Cvec;
}
interface KktVariant {
  /** ℓ_{2/L} gradient (claim) */
  gradient: KktGradient;
  /** assert the KKT residual of (39) */
  kkt: boolean;
  /** assert (31) with exponent pe (2/L for the claim; 1 = "all |u_j| equal on the support") — undefined: skip */
  alignPe?: number;
  /** assert the ℓ1 off-support bound |c_j| ≤ 1 (L = 2) */
  offBound: boolean;
  /** ℓ1 KKT with the flow's own multipliers (mutant (ii)) instead of all of the above */
  flowL1?: boolean;
}
interface Score {
  score: number;
  text: string;
  mmin: number;
}
type Scorer = (th: Float64Array) => Score;
function kktScores(s: KktSetup, th: Float64Array, v: KktVariant): Score {
  const f = outputs(s.net, th);
  const m = Array.from(f, (fi, i) => s.net.y[i] * fi);
  const mmin = Math.min(...m);
  if (!(mmin > 0)) return { score: Infinity, text: 'data not separated', mmin };
  const q = s.qOf(th);
  const w = m.map((mi) => Math.exp(-(mi - mmin)));
  if (v.flowL1) {
    const r = flowMultiplierResidual(q, w, s.a, 1);
    return { score: r, text: `ℓ1-KKT(flow μ) ${r.toExponential(1)}`, mmin };
  }
  const parts: string[] = [];
  let score = 0;
  if (v.kkt || v.offBound) {
    const r = kktResidual(q, m, s.a, { L: s.L, epsActive: KKT_EPS, gapActive: KKT_GAP, deltaSupport: KKT_DELTA, gradient: v.gradient });
    if (v.kkt) {
      score = Math.max(score, r.rel);
      parts.push(`KKT ${r.rel.toExponential(1)} (A=${r.active.join('')}, J=${r.support.join('')})`);
    }
    if (v.offBound) {
      score = Math.max(score, r.offSupport - 1);
      parts.push(`off-supp ${r.offSupport.toFixed(3)}`);
    }
  }
  if (v.alignPe !== undefined) {
    const u: Cvec = { re: q.re.map((_, j) => s.a.reduce((t, ai, i) => t + w[i] * ai.re[j], 0)), im: q.re.map((_, j) => s.a.reduce((t, ai, i) => t + w[i] * ai.im[j], 0)) };
    const al = alignmentResidual(u, q, v.alignPe);
    score = Math.max(score, al);
    parts.push(`(31)${v.alignPe === 2 / s.L ? '' : `[pe=${v.alignPe.toFixed(2)}]`} ${al.toExponential(1)}`);
  }
  return { score, text: `m=${mmin.toExponential(1)} ${parts.join(' ')}`, mmin };
}
/** 1 − (normalised margin of q under the weighted ℓ1 or ℓ2 norm)/(its optimum): 0 at the max-margin point. */
function ratioScorer(net: TensorNet, feats: number[][], qOf: (th: Float64Array) => number[], kind: 'l1' | 'l2'): Scorer | null {
  const opt = kind === 'l1' ? weightedMaxMarginL1(feats, net.y) : maxMarginL2(feats, net.y)?.z;
  if (!opt) return null;
  const nrm = kind === 'l1' ? norm1 : norm;
  const best = nrm(opt);
  return (th) => {
    const q = qOf(th);
    const r = normalizedMargin(feats, net.y, q, nrm) * best;
    const mmin = Math.min(...feats.map((x, i) => net.y[i] * dotv(x, q)));
    return { score: 1 - r, text: `${kind} ratio ${r.toFixed(4)}`, mmin };
  };
}
/**
 * τ checkpoints for depth L. On the normalised flow ‖Θ‖ grows linearly in τ, so margins grow like τ^L, and once two
 * points share the dual weight the flow is stiff with a fast/slow rate ratio ≈ the margin: an explicit integrator
 * needs ~ m_min(τ) steps. Depth L uses τ_2^{2/L} (rounded) for the L = 2 checkpoints τ_2, i.e. the same margin scale.
 */
function kktTaus(tier: Tier, L: number): number[] {
  return tauCheckpoints(tier).map((t) => Math.round(Math.pow(t, 2 / L)));
}
interface ScoredRun {
  ok: boolean;
  reason: string;
  taus: number[];
  /** sc[k][c]: scorer k at checkpoint c */
  sc: Score[][];
}
/**
 * Integrate once per horizon and score every checkpoint with every scorer; scorer 0 (the claim's) drives the horizon.
 * A claim score above its level at the last checkpoint (still falling, rising through a saddle-to-saddle transient —
 * a new support coordinate or active point — or on a plateau) is rerun on the next tiers' longer horizons (ci →
 * default → deep), within a budget per instance of 1.5 s of computing at ci, 20 s otherwise (wall clock stretched by the
 * load; exhausted ⇒ the last completed horizon is scored). Same level, same scores: only the budget of the instances that need it grows (most instances
 * take < 0.5 s of CPU; the budget only bounds the stiff ones, whose margins reach 1e6 at τ = 100 for L = 3).
 */
function scoredRun(net: TensorNet, theta0: Float64Array, tier: Tier, L: number, level: number, scorers: Scorer[]): ScoredRun {
  const next: Record<Tier, Tier | null> = { ci: 'default', default: 'deep', deep: null };
  // budget in seconds of computing: the wall-clock deadline is stretched by the load like every flow guard
  // (src/flow/wallBudget.ts), and runNormalized stretches the remaining seconds again itself
  const scale = wallScale();
  const deadline = performance.now() + (tier === 'ci' ? 1.5 : 20) * scale * 1000;
  let horizon: Tier | null = tier;
  let out: ScoredRun = { ok: false, reason: 'not run', taus: [], sc: [] };
  while (horizon) {
    const left = (deadline - performance.now()) / 1000 / scale;
    if (left < 0.2) break;
    const run = runNormalized(net, theta0, horizon, left, kktTaus(horizon, L));
    if (!run.ok) return out.ok ? out : { ok: false, reason: run.reason, taus: run.taus, sc: [] };
    out = { ok: true, reason: '', taus: run.taus, sc: scorers.map((f) => run.thetas.map(f)) };
    const s0 = out.sc[0];
    horizon = s0[s0.length - 1].score > level ? next[horizon] : null;
  }
  // Still above the level after the deep horizon (a saddle-to-saddle transient: calibration seed 46 of YUN-C2 changed its
  // active set 012 → 1 → 0 between τ = 5 and 100): one more decade-spaced horizon to τ = 10⁴ (KKT time τ^{2/L}), on the
  // stiff integrator (runNormalizedLong: the margins reach 10⁶ by τ = 100 at L = 3, where dopri5's step collapses).
  // Same level and scores; it costs 1–3 s per instance that needs it, bounded by its own wall guard.
  if (out.ok && out.sc[0][out.sc[0].length - 1].score > level) {
    const taus = [100, 1000, 10000].map((t) => Math.round(Math.pow(t, 2 / L)));
    const run = runNormalized(net, theta0, 'deep', tier === 'ci' ? 10 : 30, taus, true);
    if (run.ok) out = { ok: true, reason: '', taus: run.taus, sc: scorers.map((f) => run.thetas.map(f)) };
  }
  return out;
}
const traceOf = (r: ScoredRun, k: number) => r.sc[k].map((x, j) => `τ=${r.taus[j]}: ${x.text}`).join('; ');
/**
 * The claim's verdict from its score along τ: pass iff the last score is ≤ the level and not above the first. Anything
 * else is INCONCLUSIVE, also a score that stays flat above the level: these are finite-time proxies of a limit whose
 * rate is not known (for L = 2 an off-support coordinate decays like m^{−(1 − |u_j|/max|u|)}, arbitrarily slowly near
 * ties; a conv d = 5 instance sat at 2.3e-2 over a 10× margin growth), so a plateau is no evidence against the limit.
 */
function claimVerdict(r: ScoredRun, level: number): Outcome {
  if (!r.ok) return inconclusive(r.reason);
  const s = r.sc[0];
  const last = s[s.length - 1].score;
  const trace = traceOf(r, 0);
  if (last <= level && last <= 1.05 * s[0].score + 1e-12) return pass(last / level, trace);
  if (last <= level) return inconclusive(`below the level ${level} but not decreasing along τ: ${trace}`);
  return inconclusive(`above the level ${level} at τ=${r.taus[r.taus.length - 1]} (budget): ${trace}`);
}
/**
 * A falsifier's verdict: FAIL (mutant rejected) iff at the last checkpoint the claim's score is certified (claimVerdict
 * passes) and the mutant's score, computed from the same iterate, is ≥ WRONG_MIN; pass if the claim is certified and
 * the mutant is not contradicted (a non-discriminating instance); inconclusive when the claim is not certified.
 */
function contrastVerdict(r: ScoredRun, level: number): Outcome {
  const right = claimVerdict(r, level);
  if (right.status !== 'pass') return inconclusive(`claim not certified, so no comparison: ${right.reason}`);
  const w = r.sc[1][r.sc[1].length - 1];
  const why = `claim certified (${r.sc[0][r.sc[0].length - 1].text}) while the mutant scores ${w.text} at τ=${r.taus[r.taus.length - 1]}`;
  return w.score >= WRONG_MIN ? fail(w.score / WRONG_MIN, why) : pass(w.score / WRONG_MIN, why);
}
/** Theorem 2 / Corollary 2 in ρ-space: q = ρ, a_i = S(y_i x_i). */
function t2Kkt(i: T2Inst): KktSetup {
  const s = t2Setup(i);
  return { net: s.net, theta0: s.theta0, L: s.L, a: s.feats.map((x, k) => realC(x.map((v) => v * s.net.y[k]))), qOf: (th) => realC(s.rhoOf(th)) };
}
const claimVariant = (L: number): KktVariant => ({ gradient: 'lp', kkt: true, alignPe: 2 / L, offBound: false });
function t2Check(i: T2Inst, tier: Tier, l2: 'l1-rho' | 'l1'): Outcome {
  // L = 2: the convex ℓ1 problem, global optimum by LP (stronger than stationarity); L ≥ 3: KKT + (31)
  if (i.L === 2) return marginCheck(t2Setup(i), tier, l2, 0.98);
  const s = t2Kkt(i);
  return claimVerdict(scoredRun(s.net, s.theta0, tier, i.L, KKT_LEVEL, [(th) => kktScores(s, th, claimVariant(i.L))]), KKT_LEVEL);
}
/** Falsifiers of T2/C2 at L ≥ 3: the claim's KKT + (31) score against a mutant scorer on the same iterates. */
function t2Contrast(i: T2Inst, tier: Tier, wrong: (s: KktSetup, o: OdSetup) => Scorer | null): Outcome {
  const o = t2Setup(i);
  const s = t2Kkt(i);
  const w = wrong(s, o);
  if (!w) return inconclusive('max-margin solver failed');
  return contrastVerdict(scoredRun(s.net, s.theta0, tier, i.L, KKT_LEVEL, [(th) => kktScores(s, th, claimVariant(i.L)), w]), KKT_LEVEL);
}
/** Falsifier (i): ℓ2 instead of ℓ1 at L = 2; claim certified by its ρ-space ℓ1 ratio within its 2% slack. */
function l2Contrast(i: T2Inst, tier: Tier): Outcome {
  const o = t2Setup(i);
  const right = ratioScorer(o.net, o.feats, o.rhoOf, 'l1');
  const wrong = ratioScorer(o.net, o.feats, o.rhoOf, 'l2');
  if (!right || !wrong) return inconclusive('max-margin solver failed');
  // level 0.02 = 1 − 0.98, the claim's own level at L = 2 (marginCheck)
  return contrastVerdict(scoredRun(o.net, o.theta0, tier, 2, 0.02, [right, wrong]), 0.02);
}
const t2Arb = fc.record({
  kind: fc.constantFrom('diag' as const, 'synthetic' as const, 'toy' as const),
  L: fc.constantFrom(2, 3),
  d: fc.integer({ min: 3, max: 4 }),
  n: fc.integer({ min: 2, max: 3 }),
  seed: seedArb,
});
const diagOnly = (i: T2Inst): T2Inst => ({ ...i, kind: i.kind === 'synthetic' ? 'diag' : i.kind });
// Discriminating L = 3 instances for (ii)/(iii), verified once (see test/yun-kkt.test.ts): ρ-space features
// a_i = (4^{δ_ij}): with generic data the L = 3 limit sits at a vertex with |J| = |A|, where fitted multipliers always
// solve the on-support equations of every norm, so the mutants must be tested through the flow's own u. Here every
// point is active and ρ∞ ∝ (1, 1/4, 1/4): (31) gives |u_j| ∝ |ρ_j|^{−1/3}, i.e. |u_1|/|u_2| = 4^{−1/3} ≈ 0.63, while
// "|u_j| equal" (ℓ1 stationarity) needs 1: the mutant residual at the limit is ≈ 0.17 (> WRONG_MIN).
const L3_A = [[1, 0, 0], [0, 4, 0], [0, 0, 4]];
const l3HandArb = (kind: 'diag' | 'synthetic') =>
  fc.record({ seed: seedArb, a0: fc.tuple(fc.constantFrom(0.8, 1, 1.2), fc.constantFrom(0.8, 1, 1.2), fc.constantFrom(0.8, 1, 1.2)) }).map(({ seed, a0 }): T2Inst => ({ kind, L: 3, d: 3, n: 3, seed, A: L3_A, a0 }));
// One data point x = (1, 2) at L = 3 with the first coordinate favoured at initialisation (a0 = (1.5, 0.5)): the flow
// keeps it (a 1-sparse vertex, a KKT point of (39)) while the ℓ1 max margin is (0, 1/2): ℓ1 ratio 1/2 at the limit.
const C2_L1_INST: T2Inst = { kind: 'diag', L: 3, d: 2, n: 1, seed: 1, A: [[1, 2]], a0: [1.5, 0.5] };
/** Falsifier (i) of Theorem 2, shared by Corollary 2: the ℓ2 max margin instead of ℓ1 on diagonal nets at L = 2. */
const l2ContrastFalsifier = {
  name: '(i) ℓ2 max margin instead of ℓ1 (diagonal nets, L = 2)',
  description: 'At the τ where the ℓ1 margin ratio certifies the claim (≥ 0.98), the ℓ2 margin ratio of the same iterate is ≤ 0.95 on discriminating instances.',
  arbitrary: t2Arb.map((i) => ({ ...diagOnly(i), L: 2 })),
  check: (i: T2Inst, ctx: CheckContext) => l2Contrast(i, ctx.tier),
};
const yunT2 = defineClaim<T2Inst>({
  id: 'YUN-T2',
  paper: PAPER,
  title: 'Theorem 2: orthogonally decomposable networks → stationary point of the ℓ_{2/L} max margin in ρ-space (L = 2: ℓ1 LP optimum; L = 3: KKT residual and (31))',
  statement:
    'Assumption 1, exponential loss, separable data, |[U_lᵀv̄_l]_j|² − |[U_Lᵀv̄_L]_j|² ≥ λ > 0: L → 0 and β → Sᵀρ∞ in direction, ρ∞ a KKT point of min ‖ρ‖_{2/L} s.t. y_ix_iᵀSᵀρ ≥ 1 (39) (a global minimum for L = 2, where (39) is the ℓ1 LP). Instances: diagonal nets, real synthetic Assumption-1 nets (m ≥ d, k_1 > m allowed) and the §6 toy, L ∈ {2, 3}, on the normalised flow. L = 2: the ρ-space ℓ1-normalised margin ratio (LP optimum by HiGHS) is non-decreasing in τ and ≥ 0.98. L = 3: with ρ̃ = ρ/min-margin, active set A and μ ≥ 0 fitted by NNLS, the scaled KKT residual ‖(2/3)|ρ̃_j|^{2/3}sign ρ̃_j − |ρ̃_j|[S Σ_A μ_i y_ix_i]_j‖/‖(2/3)|ρ̃|^{2/3}‖ and the scaled residual of (31) (|u_j| = κ|ρ_j|^{−1/3} on the support, u = S Xᵀr of the flow itself, common κ) both end ≤ 1e-2 and do not increase along τ; an L = 3 instance still above 1e-2 at the end of its budget is inconclusive (a finite-time proxy cannot refute a limit).',
  where: 'statement lines 293–303; D.1 lines 842–1019 ((31) line 957, KKT lines 998–1019)',
  kind: 'property',
  expected: 'holds',
  arbitrary: t2Arb,
  check: (i, ctx) => t2Check(i, ctx.tier, 'l1-rho'),
  falsifiers: [
    l2ContrastFalsifier,
    {
      name: '(ii) ℓ1 stationarity instead of ℓ_{2/3} (diagonal, L = 3)',
      description:
        'The ℓ1 KKT equations sign ρ_j ∝ [Σ w_i y_ix_i]_j with the flow’s own multipliers w (ℓ1 stationarity in the sense of (31)–(32)), at the τ where the ℓ_{2/3} KKT and (31) residuals certify the claim (≤ 1e-2), on a hand-made diagonal instance whose limit has support coordinates with |ρ_j| in ratio 4: the ℓ1 residual stays ≥ 0.05.',
      arbitrary: l3HandArb('diag'),
      check: (i, ctx) => t2Contrast(i, ctx.tier, (s) => (th) => kktScores(s, th, { gradient: 'l1', kkt: false, offBound: false, flowL1: true })),
      runs: 1,
    },
    {
      name: '(iii) all |u_j| equal on the support (synthetic net, L = 3)',
      description: '(31) with exponent 0 instead of 2/L − 1 for u = S Xᵀr, on a synthetic Assumption-1 net (random S, orthogonal U_l) with the same ρ-space features: the mutant residual stays ≥ 0.05 where the claim is certified.',
      arbitrary: l3HandArb('synthetic'),
      check: (i, ctx) => t2Contrast(i, ctx.tier, (s) => (th) => kktScores(s, th, { gradient: 'lp', kkt: false, offBound: false, alignPe: 1 })),
      runs: 1,
    },
  ],
  // With ~10% of instances still rising at τ = 300 (calibration), 3 runs needing 2 conclusive left ≈ 3–8% of seeds
  // inconclusive, and 4 needing 2 still ≈ 4p³ ≈ 6e-3 at the 50-seed calibration's p = 0.12 — about one flake in
  // eight 20-run flake checks. Eight runs needing three: Σ_{k≤2} C(8,k)(1−p)^k p^{8−k} ≈ 7e-5.
  runs: { ci: 8, default: 10, deep: 30 },
  minPassFraction: 3 / 8,
});
const yunC2 = defineClaim<T2Inst>({
  id: 'YUN-C2',
  paper: PAPER,
  title: 'Corollary 2: diagonal nets → stationary point of the ℓ_{2/L} max margin (L = 2: ℓ1 optimum, §6 toy [0, 0.5]; L = 3: KKT residual and (31))',
  statement:
    'Diagonal nets with [w̄_l]_j² − [w̄_L]_j² ≥ λ > 0: β_diag converges in direction to a stationary point of min ‖z‖_{2/L} s.t. y_ix_iᵀz ≥ 1, for L = 2 the ℓ1 max margin. L ∈ {2, 3}, random data and the §6 toy. L = 2: the ℓ1 margin ratio (HiGHS LP) ≥ 0.98 with a non-decreasing trend. L = 3: the scaled KKT residual of min ‖z‖_{2/3} (NNLS multipliers on the active set) and the scaled residual of (31) (|u_j| ∝ |z_j|^{−1/3} on the support for the flow’s u = Xᵀr) end ≤ 1e-2 and do not increase along τ (above 1e-2 at the end of the budget: inconclusive).',
  where: 'lines 598–601; D.2',
  kind: 'property',
  expected: 'holds',
  arbitrary: t2Arb.map(diagOnly),
  check: (i, ctx) => t2Check(i, ctx.tier, 'l1'),
  falsifiers: [
    l2ContrastFalsifier,
    {
      name: 'ℓ1 max margin also at L = 3',
      description:
        'The L = 2 answer carried over to depth 3: on one data point x = (1, 2) with the first coordinate favoured at initialisation, the L = 3 flow reaches a 1-sparse KKT point of min ‖z‖_{2/3} (certified ≤ 1e-2) whose ℓ1 margin ratio is ≈ 0.5 (the ℓ1 optimum is (0, 1/2)).',
      arbitrary: fc.constant(C2_L1_INST),
      check: (i, ctx) => {
        const o = t2Setup(i);
        return t2Contrast(i, ctx.tier, () => ratioScorer(o.net, o.feats, o.rhoOf, 'l1'));
      },
      runs: 1,
    },
  ],
  // As YUN-T2 (10.5 % of instances inconclusive in the 50-seed calibration; seed 46 was 1 of 4): eight runs needing three.
  runs: { ci: 8, default: 10, deep: 30 },
  minPassFraction: 3 / 8,
});
// C3: full-length conv nets (S = d^{(L−1)/2}F, U_l = F*, D.3), z-form with complex phases.
interface C3Inst {
  toy: boolean;
  L: number;
  d: number;
  n: number;
  seed: number;
}
/** Real w = F*c from Fourier coefficients c with conjugate symmetry c_{(d−j) mod d} = conj(c_j) (so that Fw = c). */
function realFromFourier(d: number, c: Cvec): number[] {
  const F = dft(d);
  return Array.from({ length: d }, (_, k) => F.re.reduce((s, row, j) => s + row[k] * c.re[j] + F.im[j][k] * c.im[j], 0));
}
/** Conjugate-symmetric coefficients: modulus mod_j, phases drawn (real ±1 at the self-conjugate frequencies). */
function symmetricCoeffs(rng: Rng, mod: number[]): Cvec {
  const d = mod.length;
  const c: Cvec = { re: new Array(d).fill(0), im: new Array(d).fill(0) };
  for (let j = 0; j < d; j++) {
    const jc = (d - j) % d;
    if (jc < j) continue;
    if (jc === j) {
      c.re[j] = rng.sign() * mod[j];
      continue;
    }
    const phi = rng.range(0, 2 * Math.PI);
    c.re[j] = c.re[jc] = mod[j] * Math.cos(phi);
    c.im[j] = mod[j] * Math.sin(phi);
    c.im[jc] = -c.im[j];
  }
  return c;
}
function fApply(d: number, v: ArrayLike<number>): Cvec {
  const F = dft(d);
  return { re: F.re.map((r) => r.reduce((s, x, k) => s + x * v[k], 0)), im: F.im.map((r) => r.reduce((s, x, k) => s + x * v[k], 0)) };
}
function c3Setup(i: C3Inst): { net: TensorNet; theta0: Float64Array; X: number[][]; y: number[]; d: number } {
  const rng = new Rng(i.seed);
  const d = i.toy ? 2 : i.d;
  const X = i.toy ? [[1, 2], [0, -3]] : gaussMat(rng, i.n, d);
  const y = i.toy ? [1, -1] : separableLabels(rng, X);
  const net = makeNet({ kind: 'conv', d, ks: new Array(i.L).fill(d) }, X, y, 'exp');
  // |[Fw̄_1]_j| ∈ [0.5, 1.5]; |[Fw̄_L]_j| ≤ 0.5|[Fw̄_1]_j|; middle layers ∈ [1, 1.2]·|[Fw̄_1]_j|, phases random
  // (conjugate-symmetric so that every w̄_l is real): |[Fw̄_l]_j|² − |[Fw̄_L]_j|² ≥ 0.75·0.25 = λ for l < L.
  const big = Array.from({ length: d }, () => rng.range(0.5, 1.5));
  for (let j = 1; j < d; j++) big[j] = j > d - j ? big[d - j] : big[j];
  const small = big.map((v) => v * rng.range(0, 0.5));
  for (let j = 1; j < d; j++) small[j] = j > d - j ? small[d - j] : small[j];
  const layers = [symmetricCoeffs(rng, big)];
  for (let l = 1; l < i.L - 1; l++) {
    const mid = big.map((v) => v * rng.range(1, 1.2));
    for (let j = 1; j < d; j++) mid[j] = j > d - j ? mid[d - j] : mid[j];
    layers.push(symmetricCoeffs(rng, mid));
  }
  layers.push(symmetricCoeffs(rng, small));
  const alpha = 0.5;
  const theta0 = Float64Array.from(layers.flatMap((c) => realFromFourier(d, c).map((v) => alpha * v)));
  return { net, theta0, X, y, d };
}
/** z-form of Corollary 3: q = Fβ, a_i = F(y_ix_i). */
function c3Kkt(i: C3Inst): KktSetup {
  const s = c3Setup(i);
  return { net: s.net, theta0: s.theta0, L: i.L, a: s.X.map((x, k) => fApply(s.d, x.map((v) => v * s.y[k]))), qOf: (th) => fApply(s.d, betaOf(s.net, th)) };
}
// L = 2: ‖Fz‖₁ is convex, so the KKT conditions (phases on the support, |c_j| ≤ 1 off it) certify the global optimum,
// and (31) at L = 2 says |[F Xᵀr]_j| is equal on the support; L = 3: stationarity of Σ|[Fz]_j|^{2/3} (no off-support
// constraint) and (31) on |[F Xᵀr]_j|.
const c3Variant = (L: number): KktVariant => (L === 2 ? { gradient: 'lp', kkt: true, alignPe: 1, offBound: true } : claimVariant(L));
function c3Check(i: C3Inst, tier: Tier): Outcome {
  const s = c3Kkt(i);
  return claimVerdict(scoredRun(s.net, s.theta0, tier, i.L, KKT_LEVEL, [(th) => kktScores(s, th, c3Variant(i.L))]), KKT_LEVEL);
}
/** Falsifier: plain ‖z‖₁ — its max-margin ratio (HiGHS LP on β) against the certified DFT-KKT score, same iterates. */
function c3PlainContrast(i: C3Inst, tier: Tier): Outcome {
  const s = c3Kkt(i);
  const w = ratioScorer(s.net, s.net.X, (th) => Array.from(betaOf(s.net, th)), 'l1');
  if (!w) return inconclusive('max-margin solver failed');
  return contrastVerdict(scoredRun(s.net, s.theta0, tier, i.L, KKT_LEVEL, [(th) => kktScores(s, th, c3Variant(i.L)), w]), KKT_LEVEL);
}
const c3Arb = fc.record({ toy: fc.boolean(), L: fc.constantFrom(2, 3), d: fc.integer({ min: 2, max: 5 }), n: fc.integer({ min: 2, max: 3 }), seed: seedArb }).map((i) => ({ ...i, toy: i.toy && i.d === 2 }));
const yunC3 = defineClaim<C3Inst>({
  id: 'YUN-C3',
  paper: PAPER,
  title: 'Corollary 3: full-length conv nets → stationary point of the DFT-ℓ_{2/L} max margin (d ∈ 2..5, L ∈ {2, 3}; complex KKT residual and (31))',
  statement:
    '|[Fw̄_l]_j|² − |[Fw̄_L]_j|² ≥ λ > 0 ⇒ β_conv converges in direction to a stationary point of min ‖Fz‖_{2/L} s.t. y_ix_iᵀz ≥ 1 (complex moduli; S^{-T}z = d^{−(L−1)/2}F*z and |F*z| = |Fz|). Full-length conv nets with d ∈ {2,…,5}, L ∈ {2, 3}, random data and the §6 toy, initialised from conjugate-symmetric Fourier coefficients satisfying the condition. With c = Fβ/min-margin and h_j = (2/L)|c_j|^{2/L−1}e^{i arg c_j}, the KKT condition is h_j = [F Σ_A μ_iy_ix_i]_j on the support (real and imaginary parts; μ ≥ 0 by NNLS on the active set) — equivalent to ∇_z Σ|[Fz]_j|^{2/L} = Σμ_iy_ix_i with conjugate-symmetric multipliers. Asserted: the scaled residual ends ≤ 1e-2 and does not increase along τ; for L = 2 also |[FΣμ_iy_ix_i]_j| ≤ 1 + 1e-2 off the support (then the point is the global optimum of the convex problem; not assessed when |J| < |A|) and |[F Xᵀr]_j| equal on the support; for L = 3 (31): |[F Xᵀr]_j| ∝ |c_j|^{−1/3} on the support. An instance still above 1e-2 at the end of its budget is inconclusive.',
  where: 'lines 605–614; D.3',
  kind: 'property',
  expected: 'holds',
  arbitrary: c3Arb,
  check: (i, ctx) => c3Check(i, ctx.tier),
  falsifiers: [
    {
      name: 'plain ℓ1 (no DFT)',
      description:
        '‖z‖₁ instead of ‖Fz‖₁ (L = 2, §6 toy): where the DFT-KKT residuals certify the limit [1/3, 1/3] (≤ 1e-2), the plain ℓ1 margin ratio of the same iterate is ≈ 0.75 (the ℓ1 optimum is [0, 0.5]), below 0.95.',
      arbitrary: fc.constant({ toy: true, L: 2, d: 2, n: 2, seed: 1 }),
      check: (i, ctx) => c3PlainContrast(i, ctx.tier),
      runs: 1,
    },
  ],
  // Slow L = 2 conv instances (d = 5, a tie between support groups: 2.4e-2 flat from τ = 100 to 300) end
  // inconclusive: 12.7 % of 300 instances in the 50-seed calibration (tier ci), where 6 runs needing 3 left seed 22
  // inconclusive (1 of 50; 5 of its 6 instances: two slow ties at τ = 10⁴, three cut by the wall guard under load).
  // Eight runs still needing three passes: P(≤ 2 of 8 resolved) = Σ_{k≤2} C(8,k)(0.873)^k(0.127)^{8−k} ≈ 1e-4.
  runs: { ci: 8, default: 10, deep: 30 },
  minPassFraction: 3 / 8,
});

// ---------------- loss-rate bounds: T2R, T3R and their literal versions; R1 ----------------
interface RateInst {
  kind: 'diag' | 'synthetic' | 'counterexample';
  L: number;
  n: number;
  logAlpha: number;
  smallLayer: 'last' | 'first';
  seed: number;
}
function rateSetup(i: RateInst) {
  const rng = new Rng(i.seed);
  if (i.kind === 'counterexample') {
    // d = 1, x = 1, y = 1, diagonal L = 2, α = 1, v̄ = (3, 0.3): λ = 8.91, s = γ = 1 (catalog YUN-T2R)
    const net = makeNet({ kind: 'diag', d: 1, L: 2 }, [[1]], [1], 'exp');
    return { net, theta0: Float64Array.from([3, 0.3]), alpha: 1, lam: 8.91, smin: 1, gamma: 1, L: 2 };
  }
  const d = i.n + 1;
  const X = gaussMat(rng, i.n, d);
  const y = separableLabels(rng, X);
  let arch: Arch;
  let S: number[][];
  let Us: number[][][];
  if (i.kind === 'synthetic') {
    S = gaussMat(rng, d, d);
    Us = Array.from({ length: i.L }, () => orthCols(rng, d, d));
    arch = { kind: 'synthetic', d, S, Us };
  } else {
    S = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (a === b ? 1 : 0)));
    Us = Array.from({ length: i.L }, () => S);
    arch = { kind: 'diag', d, L: i.L };
  }
  const m = d;
  const big = awayFromZero(rng, m, 0.8, 1.5);
  const small = big.map((v) => v * rng.range(-0.5, 0.5));
  const small_ = i.smallLayer === 'last' ? i.L - 1 : 0;
  const coords = Array.from({ length: i.L }, (_, l) => (l === small_ ? small : big.map((v) => v * rng.range(1, 1.2) * (rng.sign()))));
  const alpha = Math.exp(i.logAlpha);
  const theta0 = Float64Array.from(coords.flatMap((c, l) => Us[l].map((row) => alpha * dotv(row, c))));
  let lam = Infinity;
  for (let l = 0; l < i.L; l++) if (l !== small_) for (let j = 0; j < m; j++) lam = Math.min(lam, coords[l][j] ** 2 - coords[small_][j] ** 2);
  const smin = compactSvd(S, 1e-14).s.at(-1)!;
  const mm = maxMarginL2(X, y);
  const gamma = mm ? 1 / norm(mm.z) : 0;
  const net = makeNet(arch, X, y, 'exp');
  return { net, theta0, alpha, lam, smin, gamma, L: i.L };
}
/** max over t of L(t)/bound(t); bound = L(0)/(1 + c·L(0)^p·t), c = α^{2L−2}λ^{L−1}s_min(S)²γ². */
function rateRatio(i: RateInst, p: number): Outcome {
  const st = rateSetup(i);
  if (!(st.gamma > 0)) return inconclusive('no separator found');
  const L0 = lossOf(st.net, st.theta0);
  const c = Math.pow(st.alpha, 2 * st.L - 2) * Math.pow(st.lam, st.L - 1) * st.smin ** 2 * st.gamma ** 2;
  const tEnd = Math.min(100, 20 / (c * L0));
  const ts = Array.from({ length: 200 }, (_, k) => (tEnd * (k + 1)) / 200);
  const res = integrateOde((_t, y, o) => flowRhs(st.net, y, o), st.theta0, { tMax: tEnd, tEval: ts, rtol: 1e-11, atol: 1e-14, wallSeconds: 10 });
  let worst = 0;
  let at = 0;
  res.ys.forEach((th, k) => {
    const r = lossOf(st.net, th) / (L0 / (1 + c * Math.pow(L0, p) * res.ts[k]));
    if (r > worst) {
      worst = r;
      at = res.ts[k];
    }
  });
  // ratio ≤ 1 + 1e-9: integrator relative error on L at rtol 1e-11.
  // (slack compared as used slack: the bound is an equality at t = 0, so worst/(1 + 1e-9) would read as margin ≈ 1)
  return within(Math.max(worst - 1, 0), 1e-9, `max L(t)/bound (L(0) = ${L0.toFixed(4)}, worst at t = ${at.toFixed(3)})`);
}
const rateArb = fc.record({
  kind: fc.constantFrom('diag' as const, 'synthetic' as const),
  L: fc.integer({ min: 2, max: 3 }),
  n: fc.integer({ min: 1, max: 3 }),
  logAlpha: fc.double({ min: Math.log(0.3), max: Math.log(2), noNaN: true }),
  smallLayer: fc.constant('last' as const),
  seed: seedArb,
});
// The refutation instance must be one where the printed bound provably fails, every seed: the catalog's
// counterexample (L(0) = 0.4066 < 1; L(0.1) = 0.2962 > printed bound 0.2150), deterministically. Random
// instances are useless here: the printed bound is implied by the correct one whenever L(0) ≥ 1, and for
// L(0) < 1 the violation need not occur inside the sampled horizon, so a fc.oneof mix "held" at some seeds.
const literalArb: fc.Arbitrary<RateInst> = fc.constant({ kind: 'counterexample' as const, L: 2, n: 1, logAlpha: 0, smallLayer: 'last' as const, seed: 0 });
const T2R_ERRATUM =
  'D.1.1 (lines 903–905) integrates dL/dt ≤ −α^{2L−2}λ^{L−1}s_min(S)²γ²L² to L(t) ≤ L(0)/(1 + α^{2L−2}λ^{L−1}s_min(S)²γ²t); the correct integral is L(0)/(1 + α^{2L−2}λ^{L−1}s_min(S)²γ²L(0)t). The printed form follows only when L(0) ≥ 1. Counterexample: d = 1, x = y = 1, diagonal L = 2, α = 1, v̄ = (3, 0.3) (λ = 8.91, s = γ = 1): L(0) = 0.4066, L(0.1) = 0.2962 > printed bound 0.2150 (corrected bound 0.2985). [Reconstructed from the OCR; arXiv v3 may already fix it.]';
const yunT2R = defineClaim<RateInst>({
  id: 'YUN-T2R',
  paper: PAPER,
  title: 'Theorem 2 loss rate (corrected): L(t) ≤ L(0)/(1 + α^{2L−2}λ^{L−1}s_min(S)²γ²L(0)t)',
  statement:
    'Under the Theorem-2 condition, dL/dt ≤ −α^{2L−2}λ^{L−1}s_min(S)²γ²L² ((23) with ‖Xᵀr‖ ≥ γL), hence L(t) ≤ L(0)/(1 + α^{2L−2}λ^{L−1}s_min(S)²γ²L(0)t) (γ: margin of the unit ℓ2 max-margin separator).',
  where: 'D.1.1 lines 876–906',
  kind: 'property',
  expected: 'holds',
  arbitrary: rateArb,
  check: (i) => rateRatio(i, 1),
  falsifiers: [
    {
      name: 'the printed bound (no L(0) in the denominator) when L(0) < 1',
      description: 'The literal integration of the ODE inequality fails on the counterexample (and on any instance with small L(0)).',
      arbitrary: literalArb,
      check: (i) => rateRatio(i, 0),
    },
  ],
  counterpart: 'YUN-T2R-LITERAL',
  erratum: T2R_ERRATUM,
  runs: { ci: 6, default: 16, deep: 60 },
});
const yunT2RLiteral = defineClaim<RateInst>({
  id: 'YUN-T2R-LITERAL',
  paper: PAPER,
  title: 'Theorem 2 loss rate as printed: L(t) ≤ L(0)/(1 + α^{2L−2}λ^{L−1}s_min(S)²γ²t)',
  statement: 'The OCR’d bound of D.1.1 (lines 903–905), without L(0) in the denominator; checked on the catalog counterexample and random instances with L(0) < 1.',
  where: 'D.1.1 lines 903–905',
  kind: 'property',
  expected: 'refuted',
  arbitrary: literalArb,
  check: (i) => rateRatio(i, 0),
  falsifiers: [
    {
      name: 'printed bound with an extra factor 2 in the rate',
      description: 'An even faster printed rate fails on the same instances.',
      arbitrary: literalArb,
      check: (i) => {
        const st = rateSetup(i);
        return rateRatioScaled(i, 0, 2, st.L);
      },
    },
  ],
  counterpart: 'YUN-T2R',
  erratum: T2R_ERRATUM,
  runs: { ci: 1, default: 1, deep: 1 }, // a single calibrated instance (the catalog counterexample)
});
function rateRatioScaled(i: RateInst, p: number, factor: number, _L: number): Outcome {
  const st = rateSetup(i);
  const L0 = lossOf(st.net, st.theta0);
  const c = factor * Math.pow(st.alpha, 2 * st.L - 2) * Math.pow(st.lam, st.L - 1) * st.smin ** 2 * st.gamma ** 2;
  const tEnd = Math.min(100, 20 / (c * L0));
  const ts = Array.from({ length: 100 }, (_, k) => (tEnd * (k + 1)) / 100);
  const res = integrateOde((_t, y, o) => flowRhs(st.net, y, o), st.theta0, { tMax: tEnd, tEval: ts, rtol: 1e-11, atol: 1e-14, wallSeconds: 10 });
  let worst = 0;
  res.ys.forEach((th, k) => (worst = Math.max(worst, lossOf(st.net, th) / (L0 / (1 + c * Math.pow(L0, p) * res.ts[k])))));
  // Falsifier of the literal bound: the same tolerance as rateRatio (1 + 1e-9, integrator error only, derived
  // there); the doubled rate is violated by O(1) on the counterexample.
  // (slack compared as used slack: the bound is an equality at t = 0, so worst/(1 + 1e-9) would read as margin ≈ 1)
  return within(Math.max(worst - 1, 0), 1e-9, 'max L(t)/bound');
}

const yunR1 = defineClaim<RateInst & { draws?: number }>({
  id: 'YUN-R1',
  paper: PAPER,
  title: 'Remark 1: λ can be tiny (v̄_L = 0 with random other layers) and the small layer can be any layer',
  statement:
    '(ii) With v̄_L = 0 and the other v̄_l drawn from a continuous distribution, min_j |[U_lᵀv̄_l]_j|² > 0 a.s., so the condition holds for some λ > 0. (iii) The convergence proof works with layer 1 as the small one: |[U_lᵀv̄_l]_j|² − |[U_1ᵀv̄_1]_j|² ≥ λ for l = 2..L ⇒ the same loss bound (order of terms reconstructed from the logic of the remark, OCR [U]). (i) is a remark on the proofs, not checked.',
  where: 'lines 311–324',
  kind: 'property',
  expected: 'holds',
  arbitrary: rateArb.map((i) => ({ ...i, smallLayer: 'first' as const })),
  check: (i) => {
    const rng = new Rng(i.seed ^ 0x5a5a);
    let minGap = Infinity;
    for (let k = 0; k < 1000; k++) {
      const v = gaussVec(rng, 4);
      minGap = Math.min(minGap, ...v.map((x) => x * x));
    }
    return all([minGap > 0 ? pass(0, `min_j [v̄_l]_j² over 1000 draws = ${minGap.toExponential(2)} > 0`) : fail(Infinity, 'zero coordinate drawn'), rateRatio(i, 1)]);
  },
  falsifiers: [
    {
      name: 'two small layers (v̄_1 = v̄_L = 0) still satisfy the condition',
      description: 'If the compared layer is also zero the gap |[U_1ᵀv̄_1]_j|² − |[U_Lᵀv̄_L]_j|² is 0, not ≥ λ > 0.',
      check: (i) => {
        const rng = new Rng(i.seed);
        const d = i.n + 1;
        const v1 = new Array<number>(d).fill(0);
        const vL = new Array<number>(d).fill(0);
        const others = gaussVec(rng, d);
        const gap = Math.min(...v1.map((x, j) => x * x - vL[j] * vL[j]), ...others.map((x) => x * x));
        return gap > 0 ? pass(0, `gap ${gap}`) : fail(Infinity, `λ-condition fails: min gap = ${gap}`);
      },
    },
  ],
  runs: { ci: 5, default: 16, deep: 60 },
});

// ---------------- one data point, two layers: T3X, T3, T3R, C4 ----------------
interface OneInst {
  kind: 'dense' | 'conv' | 'fc' | 'diag';
  d: number;
  k1: number;
  yNeg: boolean;
  loss: 'sq' | 'exp';
  seed: number;
}
function oneSetup(i: OneInst) {
  const rng = new Rng(i.seed);
  const d = i.d;
  let arch: Arch;
  if (i.kind === 'conv') arch = { kind: 'conv', d, ks: [Math.min(i.k1, d - 1), d] };
  else if (i.kind === 'fc') arch = { kind: 'fc', dims: [d, Math.max(2, i.k1)] };
  else if (i.kind === 'diag') arch = { kind: 'diag', d, L: 2 };
  else {
    const k1 = i.k1 + 1;
    arch = { kind: 'dense', d, basis: Array.from({ length: d }, () => ({ shape: [k1, d + 1], data: rng.normals(k1 * (d + 1)) })) };
  }
  const x = gaussVec(rng, d);
  const y = i.loss === 'exp' ? (i.yNeg ? -1 : 1) : rng.range(-2, 2);
  const net = makeNet(arch, [x], [y], i.loss);
  const M = Array.from({ length: net.shape[0] }, (_, a) => Array.from({ length: net.shape[1] }, (_, b) => net.Ms[0].data[a * net.shape[1] + b]));
  const svd = compactSvd(M);
  const theta0 = rng.normals(net.dim, 0.6);
  return { net, M, svd, theta0, x, y };
}
/** exp(τA)θ0 with A = [[0, M],[Mᵀ, 0]], via the symmetric eigen-decomposition (shifted for large |τ|). */
function expTauA(M: number[][], theta0: ArrayLike<number>, tau: number, normalise: boolean): number[] {
  const k1 = M.length;
  const k2 = M[0].length;
  const n = k1 + k2;
  const A = new Matrix(n, n);
  for (let a = 0; a < k1; a++) for (let b = 0; b < k2; b++) {
    A.set(a, k1 + b, M[a][b]);
    A.set(k1 + b, a, M[a][b]);
  }
  const { values, vectors } = symEig(A);
  const shift = normalise ? Math.max(...Array.from(values, (v) => v * tau)) : 0;
  const out = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++) {
    let c = 0;
    for (let r = 0; r < n; r++) c += vectors.get(r, k) * theta0[r];
    const e = Math.exp(values[k] * tau - shift) * c;
    for (let r = 0; r < n; r++) out[r] += e * vectors.get(r, k);
  }
  return out;
}
function t3xCheck(i: OneInst, sign: number): Outcome {
  const { net, M, theta0 } = oneSetup(i);
  const dim = net.dim;
  const z0 = new Float64Array(dim + 1);
  z0.set(theta0);
  const tmp = new Float64Array(dim);
  const res = integrateOde(
    (_t, z, o) => {
      const th = z.subarray(0, dim);
      flowRhs(net, th, tmp);
      o.set(tmp);
      o[dim] = -residual(net, outputs(net, th))[0]; // τ' = −r
    },
    z0,
    { tMax: 5, tEval: [1, 2, 3, 4, 5], rtol: 1e-11, atol: 1e-13 },
  );
  if (res.ys.length < 5) return inconclusive(`integration stopped (${res.status})`);
  let err = 0;
  let sc = 1;
  for (const z of res.ys) {
    const pred = expTauA(M, theta0, sign * z[dim], false);
    err = Math.max(err, distv(pred, z.subarray(0, dim)));
    sc = Math.max(sc, norm(pred));
  }
  // Tolerance 1e-9 relative: dopri5 at rtol 1e-11 (catalog observed ≤ 7e-12).
  return within(err / sc, 1e-9, '‖Θ(t) − exp(τ(t)A)Θ(0)‖/‖Θ‖');
}
const oneArb = fc.record({
  kind: fc.constantFrom('dense' as const, 'conv' as const, 'fc' as const, 'diag' as const),
  d: fc.integer({ min: 3, max: 5 }),
  k1: fc.integer({ min: 1, max: 3 }),
  yNeg: fc.boolean(),
  loss: fc.constantFrom('sq' as const, 'exp' as const),
  seed: seedArb,
});
const yunT3X = defineClaim<OneInst>({
  id: 'YUN-T3X',
  paper: PAPER,
  title: 'one data point, two layers, any loss: (v_1, v_2)(t) = exp(τ(t)A)(v_1, v_2)(0), τ = −∫r',
  statement:
    'Derived from (41)/(73): for L = 2, n = 1 and any loss, with τ(t) = −∫_0^t r and A = [[0, M(x)],[M(x)ᵀ, 0]], (v_1, v_2)(t) = exp(τ(t)A)(v_1, v_2)(0); in the SVD basis η_1 = α(η̄_1 cosh(sτ) + η̄_2 sinh(sτ)), η_2 = α(η̄_1 sinh(sτ) + η̄_2 cosh(sτ)).',
  where: '(73) lines 1526–1530; E.1.2',
  kind: 'property',
  expected: 'holds',
  arbitrary: oneArb,
  check: (i) => t3xCheck(i, 1),
  falsifiers: [{ name: 'τ = +∫r', description: 'The sign of the time change flipped.', check: (i) => t3xCheck(i, -1) }],
  runs: { ci: 8, default: 24, deep: 80 },
});

function t3Check(i: OneInst, variant: 'true' | 'sign-free' | 'bottom'): Outcome {
  const { net, M, svd, theta0, y } = oneSetup({ ...i, loss: 'exp' });
  const { s, U1, U2 } = svd;
  if (s.length < 1) return inconclusive('M(x) = 0');
  // Top block T = {j : s_j = s_max} (relative 1e-12: round-off of the SVD). Theorem 3 does not assume a unique
  // top singular value: ρ∞ is *a* solution of min ‖ρ‖₁ s.t. y sᵀρ ≥ 1, and with a tied top (FC nets:
  // M(x) = x ⊗ I has every singular value equal to ‖x‖) every minimiser is supported on T with sign(ρ_j) = sign(y).
  // The conclusion |η_1∞| = |η_2∞|, sign(η_1∞) = sign(y)sign(η_2∞) then reads, basis-free inside the block,
  // U_{1,T}ᵀv̂_1 = sign(y)·U_{2,T}ᵀv̂_2 with ‖U_{1,T}ᵀv̂_1‖ = 1 (v̂_l in the top singular subspace). The exact
  // route below (eigenvalue ±s_max of A, eigenvectors (U_1e_j, ±U_2e_j)) predicts exactly that. Previously every
  // FC instance (a quarter of the draws) was "inconclusive: gap 0.000", which is a structural tie, not a near-tie.
  const r = variant === 'bottom' ? 1 : s.filter((v) => v >= s[0] * (1 - 1e-12)).length;
  const gap = r < s.length ? s[0] - s[r] : s[0];
  if (variant !== 'bottom' && gap < 0.05) return inconclusive(`gap ${gap.toFixed(3)} between the top singular block and the next value < 0.05 (near-ties excluded)`);
  if (variant === 'bottom' && s.length < 2) return pass(0, 'single mode: not discriminating');
  if (variant === 'bottom' && s[0] - s[1] < 0.05) return inconclusive(`top singular gap ${(s[0] - s[1]).toFixed(3)} < 0.05 (ties excluded)`);
  // exact route: τ → sign(y)·∞; contamination of modes outside T ≤ e^{−40}
  const K = 40 / (variant === 'bottom' ? s[0] - s[1] : gap);
  const th = expTauA(M, theta0, Math.sign(y) * K, true);
  const k1 = M.length;
  const v1 = th.slice(0, k1);
  const v2 = th.slice(k1);
  const n1 = norm(v1);
  const n2 = norm(v2);
  const cols = variant === 'bottom' ? [s.length - 1] : Array.from({ length: r }, (_, j) => j);
  const e1 = cols.map((j) => U1.reduce((acc, row, a) => acc + row[j] * v1[a], 0) / n1); // U_{1,T}ᵀv̂_1
  const e2 = cols.map((j) => U2.reduce((acc, row, a) => acc + row[j] * v2[a], 0) / n2); // U_{2,T}ᵀv̂_2
  const sgn = variant === 'sign-free' ? 1 : Math.sign(y);
  const mismatch = distv(e1, e2.map((v) => sgn * v));
  const blockName = variant === 'bottom' ? `U_l[:,${s.length - 1}]` : r > 1 ? `the ${r}-fold top singular block` : 'U_l[:,0]';
  // raw GF trend: ‖U_{1,T}ᵀv̂_1‖ at t = 1, 10, 100 (reported, not asserted: logarithmic)
  const run = integrateOde((_t, z, o) => flowRhs(net, z, o), theta0, { tMax: 100, tEval: [1, 10, 100], rtol: 1e-10, atol: 1e-12, wallSeconds: 5 });
  const cosT = run.ys.map((z) => {
    const w = z.subarray(0, k1);
    const nw = norm(w);
    return norm(cols.map((j) => U1.reduce((acc, row, a) => acc + row[j] * w[a], 0) / nw));
  });
  const trend = cosT.length === 3 && cosT[2] >= cosT[0] - 1e-9;
  // 1e-10: the exact route is a symmetric eigen-decomposition (round-off ~1e-15·κ) plus e^{−40} ≈ 4e-18 from the
  // other modes; the catalog's alignment threshold.
  const checks = all([
    within(1 - norm(e1), 1e-10, `1 − ‖proj of v̂_1 on ${blockName}‖`),
    within(1 - norm(e2), 1e-10, `1 − ‖proj of v̂_2 on ${blockName}‖`),
    within(mismatch, 1e-10, variant === 'sign-free' ? '‖U_1ᵀv̂_1 − U_2ᵀv̂_2‖ (sign-free mutant)' : `‖U_1ᵀv̂_1 − sign(y)U_2ᵀv̂_2‖ on the block (y = ${y})`),
  ]);
  return checks.status === 'pass'
    ? pass(0, `exact route aligned with ${blockName}; raw GF alignment at t = 1, 10, 100: ${cosT.map((c) => c.toFixed(4)).join(', ')} (reported, not asserted: logarithmic)${trend ? '' : ' [not monotone on this init]'}`)
    : checks;
}
const yunT3 = defineClaim<OneInst>({
  id: 'YUN-T3',
  paper: PAPER,
  title: 'Theorem 3: two layers, one data point, exponential loss ⇒ v_l align with the top singular pair of M(x)',
  statement:
    'L = 2, one (x, y), compact SVD M(x) = U_1 diag(s) U_2ᵀ, [U_1ᵀv̄_1]_j² − [U_2ᵀv̄_2]_j² ≥ λ > 0: L → 0 and v_l/‖v_l‖ → U_lη_l∞/‖η_l∞‖ with |η_1∞| = |η_2∞| = |ρ∞|^{1/2}, sign(η_1∞) = sign(y) sign(η_2∞), ρ∞ = argmin ‖ρ‖₁ s.t. y sᵀρ ≥ 1 = (y/s_max) e_{j*} for a unique top s: the v_l align with ±(U_1[:,j*], U_2[:,j*]), signed so that v_1ᵀM(x)v_2 has the sign of y. Checked by the exact route of YUN-T3X (τ → sign(y)·∞) and the raw-GF trend. An exactly tied top block T (e.g. FC nets, M(x) = x ⊗ I) is checked block-wise, basis-free: U_{1,T}ᵀv̂_1 = sign(y)·U_{2,T}ᵀv̂_2 with unit norm (every ℓ1 minimiser is supported on T with sign y); near-ties (block gap < 0.05) are excluded as inconclusive. (The exact route covers any init with a non-zero top-mode component, i.e. more than the λ-condition.)',
  where: 'lines 339–347; E.1 lines 1071–1194',
  kind: 'property',
  expected: 'holds',
  arbitrary: oneArb,
  check: (i) => t3Check(i, 'true'),
  falsifiers: [
    {
      name: 'sign(η_1) = sign(η_2) regardless of y',
      description: 'Wrong for y = −1.',
      arbitrary: oneArb.map((i) => ({ ...i, yNeg: true })),
      check: (i) => t3Check(i, 'sign-free'),
    },
    {
      name: 'the bottom singular pair',
      description: 'Alignment with the smallest singular pair fails when m ≥ 2.',
      arbitrary: oneArb.map((i) => ({ ...i, kind: 'dense' as const, k1: 2 })),
      check: (i) => t3Check(i, 'bottom'),
    },
  ],
  runs: { ci: 8, default: 24, deep: 80 },
});

// T3R: the one-point loss bound (erratum)
interface T3RInst {
  ce: boolean;
  kind: 'dense' | 'conv' | 'fc' | 'diag';
  d: number;
  k1: number;
  yNeg: boolean;
  logAlpha: number;
  seed: number;
}
function t3rRatio(i: T3RInst, p: number): Outcome {
  let net: TensorNet;
  let theta0: Float64Array;
  let lam: number;
  let s2: number;
  let alpha: number;
  if (i.ce) {
    net = makeNet({ kind: 'diag', d: 1, L: 2 }, [[1]], [1], 'exp');
    theta0 = Float64Array.from([3, 0.3]);
    lam = 8.91;
    s2 = 1;
    alpha = 1;
  } else {
    const st = oneSetup({ kind: i.kind, d: i.d, k1: i.k1, yNeg: i.yNeg, loss: 'exp', seed: i.seed });
    net = st.net;
    const rng = new Rng(i.seed + 1);
    const { U1, U2, s } = st.svd;
    const a = awayFromZero(rng, s.length);
    const b = a.map((v) => v * rng.range(-0.5, 0.5));
    alpha = Math.exp(i.logAlpha);
    theta0 = Float64Array.from([...U1.map((r) => alpha * dotv(r, a)), ...U2.map((r) => alpha * dotv(r, b))]);
    lam = Math.min(...a.map((v, j) => v * v - b[j] * b[j]));
    s2 = s.reduce((acc, v) => acc + v * v, 0);
  }
  const L0 = lossOf(net, theta0);
  const c = alpha * alpha * lam * s2;
  const tEnd = Math.min(100, 20 / (c * L0));
  const ts = Array.from({ length: 200 }, (_, k) => (tEnd * (k + 1)) / 200);
  const res = integrateOde((_t, y, o) => flowRhs(net, y, o), theta0, { tMax: tEnd, tEval: ts, rtol: 1e-11, atol: 1e-14, wallSeconds: 10 });
  let worst = 0;
  res.ys.forEach((th, k) => (worst = Math.max(worst, lossOf(net, th) / (L0 / (1 + c * Math.pow(L0, p) * res.ts[k])))));
  // tol: the bound is asserted as stated (own slack 0) plus the integrator's relative error on L: for the
  // exponential loss δL/L ≈ |δf| with |f| = |v_1ᵀM v_2| ≈ log(1/L) of order a few on [0, tEnd] (the bound falls
  // by ≤ 21×); rtol 1e-11 per step gives |δf| ≲ 1e-10, so 1e-9 leaves ≳ 10×. The ratio nears 1 only at the first
  // grid points (ratio(0) = 1), where the accumulated error is smaller still. The literal (p = 0) and L(0)^{−1}
  // variants use the same tolerance; the literal one exceeds it by 11% on the counterexample (calibration row
  // YUN-T3R-LITERAL: ratio 1.11 at the counterexample), i.e. ≈ 10⁸× the integrator slack — the row's margin is that multiple.
  // (slack compared as used slack: the bound is an equality at t = 0, so worst/(1 + 1e-9) would read as margin ≈ 1)
  return within(Math.max(worst - 1, 0), 1e-9, `max L(t)/bound (L(0) = ${L0.toFixed(4)})`);
}
const t3rArb = fc.record({
  ce: fc.constant(false),
  kind: fc.constantFrom('dense' as const, 'conv' as const, 'fc' as const, 'diag' as const),
  d: fc.integer({ min: 3, max: 5 }),
  k1: fc.integer({ min: 1, max: 3 }),
  yNeg: fc.boolean(),
  logAlpha: fc.double({ min: Math.log(0.3), max: Math.log(2), noNaN: true }),
  seed: seedArb,
});
// Deterministically the catalog counterexample (see literalArb above: random instances with L(0) ≥ 1 satisfy the
// printed bound, so a fc.oneof mix let the literal claim "hold" at some seeds).
const t3rLiteralArb: fc.Arbitrary<T3RInst> = fc.constant({ ce: true, kind: 'diag' as const, d: 1, k1: 1, yNeg: false, logAlpha: 0, seed: 0 });
const T3R_ERRATUM =
  'E.1.1 (lines 1104–1106) concludes L(t) ≤ L(0)/(1 + α²λ‖s‖²t) from dL/dt ≤ −α²λ‖s‖²L²; the correct integral is L(0)/(1 + α²λ‖s‖²L(0)t). The same counterexample as YUN-T2R (d = 1, x = y = 1, α = 1, v̄ = (3, 0.3)) violates the printed bound.';
const yunT3R = defineClaim<T3RInst>({
  id: 'YUN-T3R',
  paper: PAPER,
  title: 'Theorem 3 loss rate (corrected): L(t) ≤ L(0)/(1 + α²λ‖s‖²L(0)t)',
  statement: 'For L = 2, n = 1, exponential loss under the λ-condition: dL/dt ≤ −α²λ‖s‖²L², hence L(t) ≤ L(0)/(1 + α²λ‖s‖₂²L(0)t).',
  where: 'E.1.1 lines 1086–1107',
  kind: 'property',
  expected: 'holds',
  arbitrary: t3rArb,
  check: (i) => t3rRatio(i, 1),
  falsifiers: [{ name: 'the printed bound (no L(0))', description: 'Fails on the counterexample / small-L(0) instances.', arbitrary: t3rLiteralArb, check: (i) => t3rRatio(i, 0) }],
  counterpart: 'YUN-T3R-LITERAL',
  erratum: T3R_ERRATUM,
  runs: { ci: 6, default: 16, deep: 60 },
});
const yunT3RLiteral = defineClaim<T3RInst>({
  id: 'YUN-T3R-LITERAL',
  paper: PAPER,
  title: 'Theorem 3 loss rate as printed: L(t) ≤ L(0)/(1 + α²λ‖s‖²t)',
  statement: 'The OCR’d bound of E.1.1 (lines 1104–1106), without L(0) in the denominator.',
  where: 'E.1.1 lines 1104–1106',
  kind: 'property',
  expected: 'refuted',
  arbitrary: t3rLiteralArb,
  check: (i) => t3rRatio(i, 0),
  falsifiers: [{ name: 'printed bound with L(0)^{−1} in the denominator', description: 'An even stronger variant fails too.', arbitrary: t3rLiteralArb, check: (i) => t3rRatio(i, -1) }],
  counterpart: 'YUN-T3R',
  erratum: T3R_ERRATUM,
  runs: { ci: 1, default: 1, deep: 1 }, // a single calibrated instance (the catalog counterexample)
});

// C4a / C4b: filtered directions via the exact route
interface C4Inst {
  d: number;
  yNeg: boolean;
  seed: number;
}
function c4Direction(k1: number, i: C4Inst): { beta: number[]; x: number[]; y: number; ok: boolean; reason: string } {
  const rng = new Rng(i.seed);
  let x = gaussVec(rng, i.d);
  const y = i.yNeg ? -1 : 1;
  if (k1 === 2) {
    // exclude near-ties |xᵀx←| < 0.05‖x‖² (resample)
    for (let k = 0; k < 50; k++) {
      const c = x.reduce((s, v, t) => s + v * x[(t + 1) % i.d], 0);
      if (Math.abs(c) >= 0.05 * dotv(x, x)) break;
      x = gaussVec(rng, i.d);
    }
  }
  const net = makeNet({ kind: 'conv', d: i.d, ks: [k1, i.d] }, [x], [y], 'exp');
  const M = Array.from({ length: k1 }, (_, a) => Array.from({ length: i.d }, (_, b) => net.Ms[0].data[a * i.d + b]));
  const svd = compactSvd(M);
  const gap = svd.s.length > 1 ? svd.s[0] - svd.s[1] : svd.s[0];
  if (gap < 1e-3) return { beta: [], x, y, ok: false, reason: 'tie' };
  // λ-condition init in the SVD basis
  const a = awayFromZero(rng, svd.s.length);
  const b = a.map((v) => v * rng.range(-0.5, 0.5));
  const theta0 = Float64Array.from([...svd.U1.map((r) => dotv(r, a)), ...svd.U2.map((r) => dotv(r, b))]);
  const th = expTauA(M, theta0, y * (40 / gap), true);
  const beta = Array.from(betaOf(net, Float64Array.from(th)));
  return { beta, x, y, ok: true, reason: '' };
}
const cosv = (a: number[], b: number[]) => dotv(a, b) / (norm(a) * norm(b));
const yunC4a = defineClaim<C4Inst>({
  id: 'YUN-C4a',
  tags: ['YUN-C4'], // Corollary 4 is catalogued as YUN-C4a (k1 = 1) and YUN-C4b (k1 = 2)
  paper: PAPER,
  title: 'Corollary 4, k_1 = 1: β_conv converges in direction to y·x/‖x‖ (ℓ2 max margin)',
  statement: 'Two-layer conv with k_1 = 1, one point: M(x) = xᵀ, U_1 = [1], U_2 = x/‖x‖, s = ‖x‖; under the λ-condition β = w_1w_2 → y x/‖x‖ in direction. Exact route of YUN-T3X.',
  where: 'lines 621–624; E.2.1 lines 1197–1204',
  kind: 'property',
  expected: 'holds',
  arbitrary: fc.record({ d: fc.integer({ min: 2, max: 7 }), yNeg: fc.boolean(), seed: seedArb }),
  check: (i) => {
    const r = c4Direction(1, i);
    // tol (C4_COS_TOL, also C4b): the exact route exp(τA)θ_0 at τ = 40/gap leaves the non-top eigen-components
    // at ≤ e^{−40} ≈ 4e-18 relative, and eigenvector rounding moves the direction by ≲ ε‖M‖/gap ≤ 2e-13 (gap ≥ 1e-3),
    // i.e. 1 − cos ≈ ½·angle² ≪ ε; what remains is the rounding of 1 − cos itself, ≈ d·ε ≲ 2e-15.
    // 1e-9 is rounding slack with ~10⁶ headroom (calibration YUN-C4a/C4b: worst 3.3e-16); a wrong direction is
    // generically O(1) away (1 − cos = 2 for the sign error), so the check can still fail.
    return within(1 - cosv(r.beta, r.x.map((v) => r.y * v)), 1e-9, '1 − cos(β, y x)');
  },
  falsifiers: [
    {
      name: 'direction x without the sign of y',
      description: 'Fails for y = −1.',
      arbitrary: fc.record({ d: fc.integer({ min: 2, max: 7 }), yNeg: fc.constant(true), seed: seedArb }),
      check: (i) => {
        const r = c4Direction(1, i);
        // Falsifier: the claim's tolerance (rounding slack, derived in the check above); for y = −1 the wrong
        // direction gives 1 − cos = 2.
        return within(1 - cosv(r.beta, r.x), 1e-9, '1 − cos(β, x)');
      },
    },
  ],
  runs: { ci: 10, default: 30, deep: 100 },
});
function c4bPrediction(x: number[], y: number, alwaysLow: boolean): number[] {
  const d = x.length;
  const left = x.map((_, t) => x[(t + 1) % d]); // x← = roll(x, −1)
  const right = x.map((_, t) => x[(t - 1 + d) % d]); // x→ = roll(x, +1)
  const low = dotv(x, left) > 0 || alwaysLow;
  return x.map((v, t) => y * (low ? 2 * v + left[t] + right[t] : 2 * v - left[t] - right[t]));
}
const c4bArb = fc.record({ d: fc.integer({ min: 3, max: 7 }), yNeg: fc.boolean(), seed: seedArb });
const yunC4b = defineClaim<C4Inst>({
  id: 'YUN-C4b',
  tags: ['YUN-C4'],
  paper: PAPER,
  title: 'Corollary 4, k_1 = 2: β_conv → y(2x + x← + x→) (low-pass) if xᵀx← > 0, y(2x − x← − x→) (high-pass) if < 0',
  statement:
    'Two-layer conv with k_1 = 2, d ≥ 3, one point: M = [xᵀ; x←ᵀ], s = (√(‖x‖² + xᵀx←), √(‖x‖² − xᵀx←)); under the λ-condition (the ½ factors of the printed form are immaterial) β/‖β‖ → y(2x + x← + x→)/‖·‖ if xᵀx← > 0 and y(2x − x← − x→)/‖·‖ if xᵀx← < 0. Exact route; near-ties |xᵀx←| < 0.05‖x‖² excluded.',
  where: 'lines 625–643; E.2.2 lines 1205–1255',
  kind: 'property',
  expected: 'holds',
  arbitrary: c4bArb,
  check: (i) => {
    const r = c4Direction(2, i);
    if (!r.ok) return inconclusive('singular-value tie');
    // tol: C4_COS_TOL, derived in YUN-C4a's check (exact route, e^{−40} transient, gap ≥ 1e-3 ⇒ rounding only).
    return within(1 - cosv(r.beta, c4bPrediction(r.x, r.y, false)), 1e-9, '1 − cos(β, filtered x)');
  },
  falsifiers: [
    {
      name: 'always low-pass 2x + x← + x→',
      description: 'Wrong whenever xᵀx← < 0.',
      check: (i) => {
        const r = c4Direction(2, i);
        if (!r.ok) return inconclusive('tie');
        // Falsifier: the claim's tolerance (C4_COS_TOL, rounding slack). When xᵀx← < 0 the low- and high-pass
        // directions differ, typically by 1 − cos ≳ 1e-2; they nearly coincide only when x is close to one
        // eigenspace of the shift x ↦ x← + x→ (sampled minimum of 1 − cos: 1.6e-10 at d = 3, 8e-4 at d = 5,
        // ≥ 6e-3 at d = 4, 6, 7), so the mutant is caught on generic draws, not on every one.
        return within(1 - cosv(r.beta, c4bPrediction(r.x, r.y, true)), 1e-9, '1 − cos(β, low-pass x)');
      },
    },
  ],
  runs: { ci: 10, default: 30, deep: 100 },
});

export const claims: Claim[] = [yunT1, yunC1, yunT2, yunT2R, yunT2RLiteral, yunR1, yunC2, yunC3, yunT3, yunT3X, yunT3R, yunT3RLiteral, yunC4a, yunC4b] as Claim[];
export { angleDeg };
