// Yun et al. (2021), §4 and App. C–E: classification with the exponential loss on separable data.
// YUN-T1, C1, T2, T2R (+LITERAL), R1, C2, C3, T3, T3X, T3R (+LITERAL), C4a, C4b.
//
// Directions converge only logarithmically in t, so the limit-direction claims are checked on the
// normalised flow dΘ/dτ = −∇L/(L‖Θ‖^{L−1}) (a positive time change of GF: the same orbit), started
// once L < 1, with finite-τ proxies whose trend is asserted: singular-vector residuals, normalised
// margin ratios against independently solved max-margin problems. Budget exhausted ⇒ inconclusive.
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { all, defineClaim, fail, inconclusive, pass, within, type Claim, type Outcome, type Tier } from '../../src/core/claim.js';
import { integrateOde } from '../../src/flow/index.js';
import { angleDeg, distv, dotv, maxMarginL2, norm, norm1, normalizedMargin } from '../../src/bias/yunTheory.js';
import { weightedMaxMarginL1 } from '../../src/bias/yunLP.js';
import { contractAll, contractAllBut, tensorCombination } from '../../src/models/tensor.js';
import { betaOf, flowRhs, lossOf, makeNet, normalizedRhs, outputs, residual, splitParams, type Arch, type TensorNet } from '../../src/models/tensorNets.js';
import { symEig } from '../../src/linalg/index.js';
import { PAPER, Rng, awayFromZero, compactSvd, gaussMat, gaussVec, orthCols, separableLabels } from './common.js';

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
export function runNormalized(net: TensorNet, theta0: Float64Array, tier: Tier, wallSeconds?: number): NormalizedRun {
  const taus = tauCheckpoints(tier);
  const wall = wallSeconds ?? (tier === 'ci' ? 6 : 20);
  // (wall-clock guard per phase; the τ horizon is what the tier sets)
  const pre = integrateOde((_t, y, o) => flowRhs(net, y, o), theta0, { tMax: 1e5, rtol: 1e-10, atol: 1e-12, stop: (_t, y) => lossOf(net, y) < 0.5, wallSeconds: wall, divergeNorm: 1e12 });
  if (pre.status !== 'stopped') return { ok: false, reason: `GF did not reach L < 1 (${pre.status})`, thetas: [], taus };
  const res = integrateOde((_t, y, o) => normalizedRhs(net, y, o), pre.y, { tMax: taus[taus.length - 1], tEval: taus, rtol: 1e-10, atol: 1e-12, wallSeconds: wall, divergeNorm: 1e300 });
  if (res.ys.length < taus.length) return { ok: false, reason: `normalised flow stopped at τ=${res.t.toFixed(1)} (${res.status})`, thetas: res.ys, taus };
  return { ok: true, reason: '', thetas: res.ys, taus };
}

/** Weights w = softmax(−y⊙f): −∇L/L = M(Σ w_i y_i x_i)∘(…); the direction −u∞ of Thm 1. */
function minusU(net: TensorNet, th: Float64Array, ignoreWeights = false): number[] {
  const f = outputs(net, th);
  const m = Array.from(f, (fi, i) => net.y[i] * fi);
  const mn = Math.min(...m);
  const w = m.map((v) => (ignoreWeights ? 1 : Math.exp(-(v - mn))));
  const g = new Array<number>(net.d).fill(0);
  net.X.forEach((x, i) => x.forEach((v, k) => (g[k] += w[i] * net.y[i] * v)));
  const ng = norm(g);
  return g.map((v) => v / ng);
}
function svResidual(net: TensorNet, th: Float64Array, ignoreWeights: boolean, flipSign = false) {
  const mu = minusU(net, th, ignoreWeights).map((v) => (flipSign ? -v : v));
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
  return { s, R, mu };
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
function t1Check(i: T1Inst, tier: Tier, ignoreWeights: boolean, flip = false): Outcome {
  const { net, theta0 } = t1Setup(i);
  // τ up to 1000 at every tier for the residual level (catalog); the sign mutant only needs the short horizon
  const run = runNormalized(net, theta0, flip ? tier : 'deep', flip ? undefined : 45);
  if (!run.ok) return inconclusive(run.reason);
  const rs = run.thetas.map((th) => svResidual(net, th, ignoreWeights, flip));
  const du = rs.slice(1).map((r, k) => distv(r.mu, rs[k].mu));
  if (!ignoreWeights && !(du[1] <= du[0])) return inconclusive(`X ᵀr not yet converging in direction (Δu = ${du.map((v) => v.toExponential(1)).join(', ')})`);
  const Rs = rs.map((r) => r.R);
  const last = rs[rs.length - 1];
  const decreasing = Rs.every((r, k) => k === 0 || r <= 1.05 * Rs[k - 1]);
  if (last.s > 0 && decreasing && Rs[Rs.length - 1] > 1e-2)
    return inconclusive(`residual still decreasing but above 1e-2 at τ=${run.taus[run.taus.length - 1]}: ${Rs.map((r) => r.toExponential(2)).join(', ')}`);
  // Trend + level: R non-increasing across τ checkpoints (5% slack for the oscillation of a stiff solve)
  // and R(τ_last) ≤ 1e-2 (catalog: 3.3e-3 at τ = 100, 1.5e-3 at τ = 300).
  return all([
    last.s > 0 ? pass(0, `s = ${last.s.toFixed(4)} > 0`) : fail(Infinity, `s = ${last.s.toFixed(4)} ≤ 0`),
    Rs.every((r, k) => k === 0 || r <= 1.05 * Rs[k - 1]) ? pass(0, `R = ${Rs.map((r) => r.toExponential(2)).join(', ')}`) : fail(Infinity, `R not decreasing: ${Rs.map((r) => r.toExponential(2)).join(', ')}`),
    within(Rs[Rs.length - 1], 1e-2, `singular-vector residual at τ=${run.taus[run.taus.length - 1]}`),
  ]);
}
const yunT1 = defineClaim<T1Inst>({
  id: 'YUN-T1',
  paper: PAPER,
  title: 'Theorem 1: limit directions of a linear tensor network are singular vectors of M(−u∞)',
  statement:
    'Exponential loss, separable data, any linear tensor network; if L(Θ(t_0)) < 1 and Xᵀr(t) converges in direction to u∞, then v_l/‖v_l‖ → v_l∞ with s v_l∞ = M(−u∞)∘(v_1∞,…,I,…,v_L∞) (8), s = M(−u∞)∘(v_1∞,…,v_L∞) > 0. Finite-τ proxy on the normalised flow: the residual R = max_l‖M(−u)∘(…I…) − s v̂_l‖/|s| decreases and is ≤ 1e-2 at the last checkpoint; instance: conv L = 2 with k_1 = 2 (not orthogonally decomposable), d = 5.',
  where: 'statement lines 261–264; §4 lines 230–247; App. C.1 lines 711–767',
  kind: 'property',
  expected: 'holds',
  arbitrary: fc.record({ n: fc.integer({ min: 2, max: 3 }), seed: seedArb }),
  check: (i, ctx) => t1Check(i, ctx.tier, false),
  falsifiers: [
    {
      name: 'limit = singular vectors of M(+u∞) (sign flipped)',
      description: '(8) is symmetric under (A, s) → (−A, −s); only the sign test s > 0 distinguishes M(−u∞) from M(+u∞).',
      check: (i, ctx) => t1Check(i, ctx.tier, false, true),
    },
  ],
  runs: { ci: 2, default: 8, deep: 30 },
  // Logarithmic convergence: an instance whose residual is still decreasing above 1e-2 at τ = 1000 is
  // inconclusive; one conclusive instance in two is required at tier ci.
  minPassFraction: 0.5,
});

// ---------------- margin-ratio proxies (C1, T2, C2, C3) ----------------
type NormKind = 'l2' | 'l1' | 'l1-rho' | 'dft-l1';
interface MarginSetup {
  net: TensorNet;
  theta0: Float64Array;
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
    const run = runNormalized(s.net, s.theta0, horizon);
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
  const run = runNormalized(s.net, s.theta0, tier);
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
  return { net, theta0: rng.normals(net.dim, 0.5) };
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

// T2 / C2 / C3: orthogonally decomposable networks, L = 2 (ℓ1 in the transformed space)
interface T2Inst {
  kind: 'diag' | 'synthetic' | 'toy';
  d: number;
  n: number;
  seed: number;
}
function t2Setup(i: T2Inst): MarginSetup {
  const rng = new Rng(i.seed);
  let X: number[][];
  let y: number[];
  if (i.kind === 'toy') {
    X = [[1, 2], [0, -3]];
    y = [1, -1];
  } else {
    X = gaussMat(rng, i.n, i.d);
    y = separableLabels(rng, X);
  }
  const d = X[0].length;
  let arch: Arch;
  let S: number[][];
  let Us: number[][][];
  if (i.kind === 'synthetic') {
    const m = d + rng.int(0, 1);
    S = gaussMat(rng, m, d);
    Us = [orthCols(rng, m + rng.int(0, 1), m), orthCols(rng, m, m)];
    arch = { kind: 'synthetic', d, S, Us };
  } else {
    S = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (a === b ? 1 : 0)));
    Us = [S, S];
    arch = { kind: 'diag', d, L: 2 };
  }
  const m = S.length;
  const a = awayFromZero(rng, m);
  const b = a.map((v) => v * rng.range(-0.5, 0.5)); // λ-condition: a_j² − b_j² ≥ 0.75 a_j²
  const v1 = Us[0].map((row) => dotv(row, a));
  const v2 = Us[1].map((row) => dotv(row, b));
  const net = makeNet(arch, X, y, 'exp');
  const alpha = i.kind === 'toy' ? 1 : 0.5;
  const theta0 = Float64Array.from([...v1, ...v2].map((v) => alpha * v));
  const feats = X.map((x) => S.map((row) => dotv(row, x)));
  const rhoOf = (th: Float64Array) => {
    const [w1, w2] = splitParams(net.shape, th);
    return a.map((_, j) => Us[0].reduce((s, row, r) => s + row[j] * w1[r], 0) * Us[1].reduce((s, row, r) => s + row[j] * w2[r], 0));
  };
  return { net, theta0, feats, rhoOf };
}
const t2Arb = fc.record({ kind: fc.constantFrom('diag' as const, 'synthetic' as const, 'toy' as const), d: fc.integer({ min: 3, max: 4 }), n: fc.integer({ min: 2, max: 3 }), seed: seedArb });
const yunT2 = defineClaim<T2Inst>({
  id: 'YUN-T2',
  paper: PAPER,
  title: 'Theorem 2: orthogonally decomposable networks → stationary point of the ℓ_{2/L} max margin in ρ-space (checked at L = 2: ℓ1)',
  statement:
    'Assumption 1, exponential loss, separable data, |[U_lᵀv̄_l]_j|² − |[U_Lᵀv̄_L]_j|² ≥ λ > 0: L → 0 and β → Sᵀρ∞ in direction, ρ∞ a KKT point of min ‖ρ‖_{2/L} s.t. y_ix_iᵀSᵀρ ≥ 1 (39) (a global minimum for L = 2, where (39) is the ℓ1 LP). Checked at L = 2 on diagonal nets, real synthetic Assumption-1 nets (m ≥ d, k_1 > m allowed) and the §6 toy: the ρ-space ℓ1-normalised margin ratio (LP optimum by HiGHS) is non-decreasing in τ and ≥ 0.98.',
  where: 'statement lines 293–303; D.1 lines 842–1019',
  kind: 'property',
  expected: 'holds',
  arbitrary: t2Arb,
  check: (i, ctx) => marginCheck(t2Setup(i), ctx.tier, 'l1-rho', 0.98),
  falsifiers: [
    {
      name: 'ℓ2 max margin instead of ℓ1 (diagonal nets)',
      description: 'The ℓ2-normalised margin of the iterate stays below the ℓ2 optimum on discriminating instances.',
      arbitrary: t2Arb.map((i) => ({ ...i, kind: i.kind === 'synthetic' ? ('diag' as const) : i.kind })),
      check: (i, ctx) => wrongNormCheck(t2Setup(i), ctx.tier, 'l1', 'l2', 0.98),
    },
  ],
  runs: { ci: 4, default: 8, deep: 30 },
  // With ~10% of instances still rising at τ = 300 (calibration), 3 runs needing 2 conclusive left ≈ 3–8% of seeds
  // inconclusive; 4 runs needing 2 (minPassFraction 0.5) brings that to ≈ 4p³ < 1%, at the cost of one instance.
  minPassFraction: 0.5,
});
const yunC2 = defineClaim<T2Inst>({
  id: 'YUN-C2',
  paper: PAPER,
  title: 'Corollary 2: two-layer diagonal nets → ℓ1 max margin (§6 toy: [0, 0.5])',
  statement:
    'Diagonal nets with [w̄_l]_j² − [w̄_L]_j² ≥ λ > 0: β_diag converges in direction to a stationary point of min ‖z‖_{2/L} s.t. y_ix_iᵀz ≥ 1, for L = 2 the ℓ1 max margin. Checked at L = 2 (random data and the §6 toy) by the ℓ1 margin ratio ≥ 0.98 with a non-decreasing trend. (For L ≥ 3 only stationarity is claimed; not asserted here.)',
  where: 'lines 598–601; D.2',
  kind: 'property',
  expected: 'holds',
  arbitrary: t2Arb.map((i) => ({ ...i, kind: i.kind === 'synthetic' ? ('diag' as const) : i.kind })),
  check: (i, ctx) => marginCheck(t2Setup(i), ctx.tier, 'l1', 0.98),
  falsifiers: [
    {
      name: 'ℓ2 max margin',
      description: 'As for Theorem 2: the ℓ2 ratio of the diagonal iterate stays below 0.98 on discriminating instances.',
      check: (i, ctx) => wrongNormCheck(t2Setup(i), ctx.tier, 'l1', 'l2', 0.98),
    },
  ],
  runs: { ci: 4, default: 8, deep: 30 },
  // With ~10% of instances still rising at τ = 300 (calibration), 3 runs needing 2 conclusive left ≈ 3–8% of seeds
  // inconclusive; 4 runs needing 2 (minPassFraction 0.5) brings that to ≈ 4p³ < 1%, at the cost of one instance.
  minPassFraction: 0.5,
});

// C3: full-length conv, d = 2 (F real)
interface C3Inst {
  toy: boolean;
  n: number;
  seed: number;
}
function c3Setup(i: C3Inst): MarginSetup {
  const rng = new Rng(i.seed);
  const X = i.toy ? [[1, 2], [0, -3]] : gaussMat(rng, i.n, 2);
  const y = i.toy ? [1, -1] : separableLabels(rng, X);
  const net = makeNet({ kind: 'conv', d: 2, ks: [2, 2] }, X, y, 'exp');
  const F = (v: number[]) => [(v[0] + v[1]) / Math.SQRT2, (v[0] - v[1]) / Math.SQRT2];
  const a = awayFromZero(rng, 2);
  const b = a.map((v) => v * rng.range(-0.5, 0.5)); // |[Fw̄_1]_j|² − |[Fw̄_2]_j|² ≥ 0.75 a_j²
  const theta0 = Float64Array.from([...F(a), ...F(b)]);
  return { net, theta0 };
}
const c3Arb = fc.record({ toy: fc.boolean(), n: fc.integer({ min: 2, max: 3 }), seed: seedArb });
const yunC3 = defineClaim<C3Inst>({
  id: 'YUN-C3',
  paper: PAPER,
  title: 'Corollary 3: full-length conv nets → DFT-ℓ1 max margin (d = 2, F real; §6 toy: [1/3, 1/3])',
  statement:
    '|[Fw̄_l]_j|² − |[Fw̄_L]_j|² ≥ λ > 0 ⇒ β_conv converges in direction to a stationary point of min ‖Fz‖_{2/L} s.t. y_ix_iᵀz ≥ 1 (complex moduli; S^{-T}z = d^{−(L−1)/2}F*z and |F*z| = |Fz|). Checked for d = 2, L = 2 where F = [[1,1],[1,−1]]/√2 is real: the ‖Fβ‖₁-normalised margin ratio ≥ 0.98, non-decreasing in τ. (d ≥ 3 needs complex phases or even data; not covered here.)',
  where: 'lines 605–614; D.3',
  kind: 'property',
  expected: 'holds',
  arbitrary: c3Arb,
  check: (i, ctx) => marginCheck(c3Setup(i), ctx.tier, 'dft-l1', 0.98),
  falsifiers: [
    {
      name: 'plain ℓ1 (no DFT)',
      description: '‖z‖₁ instead of ‖Fz‖₁: on the toy it predicts [0, 0.5] instead of [1/3, 1/3].',
      arbitrary: c3Arb.map((i) => ({ ...i, toy: true })),
      check: (i, ctx) => wrongNormCheck(c3Setup(i), ctx.tier, 'l1', 'l1', 0.98),
    },
  ],
  runs: { ci: 3, default: 8, deep: 30 },
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
  return within(worst, 1 + 1e-9, `max L(t)/bound (L(0) = ${L0.toFixed(4)}, worst at t = ${at.toFixed(3)})`);
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
  return within(worst, 1 + 1e-9, 'max L(t)/bound');
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
  return within(worst, 1 + 1e-9, `max L(t)/bound (L(0) = ${L0.toFixed(4)})`);
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
    return within(1 - cosv(r.beta, r.x.map((v) => r.y * v)), 1e-9, '1 − cos(β, y x)');
  },
  falsifiers: [
    {
      name: 'direction x without the sign of y',
      description: 'Fails for y = −1.',
      arbitrary: fc.record({ d: fc.integer({ min: 2, max: 7 }), yNeg: fc.constant(true), seed: seedArb }),
      check: (i) => {
        const r = c4Direction(1, i);
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
    return within(1 - cosv(r.beta, c4bPrediction(r.x, r.y, false)), 1e-9, '1 − cos(β, filtered x)');
  },
  falsifiers: [
    {
      name: 'always low-pass 2x + x← + x→',
      description: 'Wrong whenever xᵀx← < 0.',
      check: (i) => {
        const r = c4Direction(2, i);
        if (!r.ok) return inconclusive('tie');
        return within(1 - cosv(r.beta, c4bPrediction(r.x, r.y, true)), 1e-9, '1 − cos(β, low-pass x)');
      },
    },
  ],
  runs: { ci: 10, default: 30, deep: 100 },
});

export const claims: Claim[] = [yunT1, yunC1, yunT2, yunT2R, yunT2RLiteral, yunR1, yunC2, yunC3, yunT3, yunT3X, yunT3R, yunT3RLiteral, yunC4a, yunC4b] as Claim[];
export { angleDeg };
