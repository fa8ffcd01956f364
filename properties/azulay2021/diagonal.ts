// Azulay et al. 2021, Sec. 4 and App. A/E: the untied diagonal network u₊∘v₊ − u₋∘v₋.
// Claims AZU-BAL3, AZU-A19, AZU-QK, AZU-K, AZU-T1, AZU-T1P, AZU-KINV, AZU-T1G (+ literal),
// AZU-WW, AZU-E (+ literal).
import fc from 'fast-check';
import { all, defineClaim, fmt, inconclusive, within, type Claim, type Outcome, type Tier } from '../../src/core/claim.js';
import { diagonalUntied, diagonalTied, initFromScaleShape, packDiagonal, sqrtKOf, unbiasedInit } from '../../src/models/diagonalUntied.js';
import { minQk, qk, qkPotential, qkPrime, qkSecond, qWW } from '../../src/bias/qk.js';
import { minSeparablePrimal, type SeparableResult } from '../../src/bias/separableMin.js';
import { dotv, kkt, matTvec, normv, relDist, logLogSlope, solveSym, minNorm, minWeightedNorm } from '../../src/bias/azuCommon.js';
import { minL1 } from '../../src/bias/minL1.js';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { augment, C4_FAIL, C4_PASS, concat, drawData, graded, notConverged, PAPER, Rng, runFlow, seedArb, sizeArb, type Data } from './common.js';

// ---------------------------------------------------------------------------------------------
// Instances

interface DiagInst {
  seed: number;
  d: number;
  N: number;
  /** 'unbiased' (line 185) or 'general' (App. A, arbitrary init). */
  init: 'unbiased' | 'general';
}

const diagArb = (init: 'unbiased' | 'general' | 'both' = 'unbiased') =>
  fc.record({
    seed: seedArb,
    size: sizeArb,
    init: init === 'both' ? fc.constantFrom<'unbiased' | 'general'>('unbiased', 'general') : fc.constant(init),
  }).map(({ seed, size, init: i }) => ({ seed, d: size.d, N: size.N, init: i }) as DiagInst);

interface DiagSetup {
  data: Data;
  theta0: Float64Array;
  /** √k per coordinate. */
  r: Float64Array;
  u0?: Float64Array;
  v0?: Float64Array;
  w0: Float64Array;
  scale: number;
}

/**
 * Unbiased: α_i log-uniform in [1e-2, 3], s_i uniform in [−0.9, 0.9], random signs (AZU-T1 numeric check;
 * heterogeneous so that mutants separate). General: entries N(0, σ²), σ ∈ {0.05, 0.1, 0.3, 1} (AZU-T1G).
 */
function setupDiag(inst: DiagInst): DiagSetup {
  const rng = new Rng(inst.seed);
  const data = drawData(rng, inst.d, inst.N);
  if (inst.init === 'unbiased') {
    const alpha = Array.from({ length: inst.d }, () => rng.logUniform(1e-2, 3));
    const s = Array.from({ length: inst.d }, () => rng.range(-0.9, 0.9));
    const su = Array.from({ length: inst.d }, () => rng.sign());
    const sv = Array.from({ length: inst.d }, () => rng.sign());
    const { u0, v0 } = initFromScaleShape(alpha, s, su, sv);
    const theta0 = unbiasedInit(u0, v0);
    const r = new Float64Array(inst.d);
    for (let i = 0; i < inst.d; i++) r[i] = 2 * (u0[i] ** 2 + v0[i] ** 2);
    return { data, theta0, r, u0, v0, w0: new Float64Array(inst.d), scale: Math.max(...alpha) };
  }
  const sigma = [0.05, 0.1, 0.3, 1][rng.int(0, 3)];
  const theta0 = rng.normals(4 * inst.d, sigma);
  const r = sqrtKOf(theta0);
  const w0 = diagonalUntied({ X: data.X, y: data.y }).predictor(theta0);
  return { data, theta0, r, w0, scale: sigma * sigma };
}

interface DiagRun {
  setup: DiagSetup;
  wInf: Float64Array;
  bad: Outcome | null;
  sol: ReturnType<typeof runFlow>;
}

const runCache = new Map<string, DiagRun>();
/** Integrate the diagonal flow of an instance (memoized: claims and their falsifiers share runs). */
function runDiag(inst: DiagInst, tier: Tier): DiagRun {
  const key = `${inst.seed}:${inst.d}:${inst.N}:${inst.init}:${tier}`;
  const hit = runCache.get(key);
  if (hit) return hit;
  const setup = setupDiag(inst);
  const model = diagonalUntied({ X: setup.data.X, y: setup.data.y, scaling: 'mean' });
  const sol = runFlow(model, setup.theta0, { c: model.c, yNorm: normv(setup.data.y), tier, scale: setup.scale });
  const run = { setup, wInf: model.predictor(sol.theta), bad: notConverged(sol), sol };
  if (runCache.size > 200) runCache.clear();
  runCache.set(key, run);
  return run;
}

/** κ of a per-coordinate map φ applied to w̃∞ (graded per C4). */
function kappaOf(run: DiagRun, phi: (x: number, i: number) => number, what: string): Outcome {
  if (run.bad) return run.bad;
  const v = Array.from(run.wInf, (x, i) => phi(x, i));
  return graded(kkt(run.setup.data.X, v), C4_PASS, C4_FAIL, what);
}

// ---------------------------------------------------------------------------------------------

export const azuBal3 = defineClaim<DiagInst>({
  id: 'AZU-BAL3',
  paper: PAPER,
  title: 'diagonal invariants v±²−u±² and u₊u₋+v₊v₋ are conserved',
  statement:
    'Along the exact gradient flow of the untied diagonal model (loss 1/(2N)Σr²), for every coordinate i the quantities v₊,ᵢ²−u₊,ᵢ², v₋,ᵢ²−u₋,ᵢ² and u₊,ᵢu₋,ᵢ+v₊,ᵢv₋,ᵢ (eq. 17) stay at their initial values, for any initialization.',
  where: 'App. A, lines 479–497, eq. (17)',
  kind: 'property',
  expected: 'holds',
  arbitrary: diagArb('general'),
  check: (inst, ctx) => {
    const run = runDiag(inst, ctx.tier);
    if (run.bad) return run.bad;
    // Tolerance: dopri5 with rtol 1e-10 conserves quadratic invariants only to the global error,
    // ≲ rtol × (number of e-foldings of the flow, ≲ 100) = 1e-8 relative to max(1, |I(0)|).
    return within(run.sol.invariantDrift, 1e-8, 'max relative drift of the three invariants');
  },
  falsifiers: [
    {
      name: 'u₊∘v₊ conserved',
      description: 'Mutant invariant u₊,ᵢv₊,ᵢ (the + branch of the predictor): it must move as the model fits y.',
      check: (inst, ctx) => {
        const run = runDiag(inst, ctx.tier);
        if (run.bad) return run.bad;
        const d = inst.d;
        let drift = 0;
        for (let i = 0; i < d; i++) drift = Math.max(drift, Math.abs(run.sol.theta[i] * run.sol.theta[d + i] - run.setup.theta0[i] * run.setup.theta0[d + i]));
        // tol: the claim's 1e-8 (dopri5 drift of a quadratic invariant, rtol 1e-10 × ≲ 100 time constants), taken
        // absolute here (entries N(0, σ²), σ ≤ 1, so |u₊v₊| = O(1) and absolute ≈ relative to max(1,|I(0)|));
        // the mutant moves by the change of w̃₊ᵢ while fitting y, O(0.1–1), i.e. ≳ 1e6× the tolerance.
        return within(drift, 1e-8, 'drift of u₊v₊');
      },
    },
    {
      name: 'u₊u₋ − v₊v₋ conserved',
      description: 'Mutant of eq. (17) with the sign of the v-term flipped.',
      check: (inst, ctx) => {
        const run = runDiag(inst, ctx.tier);
        if (run.bad) return run.bad;
        const d = inst.d;
        const q = (t: Float64Array, i: number) => t[i] * t[2 * d + i] - t[d + i] * t[3 * d + i];
        let drift = 0;
        for (let i = 0; i < d; i++) drift = Math.max(drift, Math.abs(q(run.sol.theta, i) - q(run.setup.theta0, i)));
        // tol: same 1e-8 as the claim (dopri5 invariant drift, see AZU-BAL3 above), absolute; the mutant's
        // derivative 2(v₊u₋ − u₊v₋)·Gᵢ is not identically zero, so it drifts by O(‖θ‖·Δθ) ≫ 1e-8.
        return within(drift, 1e-8, 'drift of u₊u₋ − v₊v₋');
      },
    },
  ],
  runs: { ci: 4, default: 12, deep: 60 },
});

/** max over the recorded path of |Σ squares − sqrt(k + c·w̃²)| / sqrt(k + c w̃²). */
function a19Error(run: DiagRun, factor: number): number {
  const d = run.setup.r.length;
  let worst = 0;
  for (const th of run.sol.thetas) {
    for (let i = 0; i < d; i++) {
      const sq = th[i] ** 2 + th[d + i] ** 2 + th[2 * d + i] ** 2 + th[3 * d + i] ** 2;
      const w = th[i] * th[d + i] - th[2 * d + i] * th[3 * d + i];
      const rhs = Math.sqrt(run.setup.r[i] ** 2 + factor * w * w);
      worst = Math.max(worst, Math.abs(sq - rhs) / rhs);
    }
  }
  return worst;
}

export const azuA19 = defineClaim<DiagInst>({
  id: 'AZU-A19',
  paper: PAPER,
  title: 'u₊²+v₊²+u₋²+v₋² = sqrt(k + 4w̃²) along the flow',
  statement:
    'For any initialization of the diagonal model, along the flow and for each i: u₊,ᵢ²+v₊,ᵢ²+u₋,ᵢ²+v₋,ᵢ² = sqrt(kᵢ + 4w̃ᵢ²) with kᵢ = (δ₊,ᵢ−δ₋,ᵢ)² + 4cᵢ² (eqs. 18–19); hence dw̃ᵢ/dt = sqrt(kᵢ+4w̃ᵢ²)(Xr)ᵢ/N.',
  where: 'App. A, eqs. (18)–(19), lines 499–509',
  kind: 'property',
  expected: 'holds',
  arbitrary: diagArb('both'),
  check: (inst, ctx) => {
    const run = runDiag(inst, ctx.tier);
    if (run.bad) return run.bad;
    // Identity of invariants: error is the invariant drift (≤ 1e-8, see AZU-BAL3) over the recorded path.
    return within(a19Error(run, 4), 1e-8, 'max relative error of eq. (19) along the path');
  },
  falsifiers: [
    {
      name: 'sqrt(k + w̃²) (factor 4 dropped)',
      description: 'The metric identity with the 4 missing in front of w̃ᵢ².',
      check: (inst, ctx) => {
        const run = runDiag(inst, ctx.tier);
        if (run.bad) return run.bad;
        // tol: the claim's 1e-8 (invariant drift bound, as for eq. (19)); the mutant's relative error is
        // |sqrt(k+4w²) − sqrt(k+w²)|/sqrt(k+w²) = O(w̃²/k) once w̃ has moved, orders above 1e-8.
        return within(a19Error(run, 1), 1e-8, 'max relative error of the mutant identity');
      },
    },
  ],
  runs: { ci: 4, default: 12, deep: 60 },
});

// ---------------------------------------------------------------------------------------------
// AZU-QK

/** Adaptive Simpson quadrature of f on [a, b] to absolute tolerance eps. */
export function adaptiveSimpson(f: (x: number) => number, a: number, b: number, eps: number, depth = 50): number {
  const m = (a + b) / 2;
  const fa = f(a), fb = f(b), fm = f(m);
  const whole = ((b - a) / 6) * (fa + 4 * fm + fb);
  const rec = (a: number, b: number, fa: number, fm: number, fb: number, whole: number, eps: number, depth: number): number => {
    const m = (a + b) / 2;
    const lm = (a + m) / 2, rm = (m + b) / 2;
    const flm = f(lm), frm = f(rm);
    const left = ((m - a) / 6) * (fa + 4 * flm + fm);
    const right = ((b - m) / 6) * (fm + 4 * frm + fb);
    if (depth <= 0 || Math.abs(left + right - whole) <= 15 * eps) return left + right + (left + right - whole) / 15;
    return rec(a, m, fa, flm, fm, left, eps / 2, depth - 1) + rec(m, b, fm, frm, fb, right, eps / 2, depth - 1);
  };
  return rec(a, b, fa, fm, fb, whole, eps, depth);
}

interface QkInst {
  seed: number;
}
/** 20 random (k, x) per instance: log10 k ∈ [−6, 6], x ∈ [−10, 10]. */
function qkPoints(seed: number): { r: number; x: number }[] {
  const rng = new Rng(seed);
  return Array.from({ length: 20 }, () => ({ r: Math.sqrt(rng.logUniform(1e-6, 1e6)), x: rng.range(-10, 10) }));
}

/** Relative error of a candidate closed form against quadrature of ½∫₀ˣ asinh(2z/√k) dz. */
function qkQuadError(seed: number, form: (x: number, r: number) => number, integrand: (z: number, r: number) => number = (z, r) => 0.5 * Math.asinh((2 * z) / r)): number {
  let worst = 0;
  for (const { r, x } of qkPoints(seed)) {
    // Even function; the integrand is odd, so ∫₀ˣ = ∫₀^{|x|} for x < 0 too.
    const I = adaptiveSimpson((z) => integrand(z, r), 0, Math.abs(x), 1e-14 * (1 + Math.abs(x)));
    const q = form(x, r);
    worst = Math.max(worst, Math.abs(q - I) / Math.max(Math.abs(I), 1e-300));
  }
  return worst;
}

export const azuQk = defineClaim<QkInst>({
  id: 'AZU-QK',
  paper: PAPER,
  title: 'closed form of q_k, q_k′ = ½asinh(2x/√k), q_k″ = 1/sqrt(k+4x²)',
  statement:
    'For k > 0: q_k(x) = ½∫₀ˣ asinh(2z/√k)dz = (√k/4)[1 − sqrt(1+4x²/k) + (2x/√k)asinh(2x/√k)] (eq. 9); q_k′(x) = ½asinh(2x/√k) (line 543); q_k″(x) = 1/sqrt(k+4x²) (eq. 20); q_k(0) = 0, q_k is even and q_k(x) = √k·q_1(x/√k).',
  where: 'Thm 1 eq. (9), line 195; App. A lines 531–547',
  kind: 'identity',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: ({ seed }) => {
    const outs: Outcome[] = [];
    // Quadrature to 1e-14 absolute; relative tolerance 1e-10 (the catalog's), well above it.
    outs.push(within(qkQuadError(seed, qk), 1e-10, 'closed form vs quadrature (relative)'));
    let dErr = 0, d2Err = 0, evenErr = 0, scaleErr = 0;
    for (const { r, x } of qkPoints(seed)) {
      const h = 1e-5 * Math.max(Math.abs(x), r);
      const fd1 = (qk(x + h, r) - qk(x - h, r)) / (2 * h);
      const fd2 = (qkPrime(x + h, r) - qkPrime(x - h, r)) / (2 * h);
      dErr = Math.max(dErr, Math.abs(fd1 - qkPrime(x, r)) / (1e-3 + Math.abs(qkPrime(x, r))));
      d2Err = Math.max(d2Err, Math.abs(fd2 - qkSecond(x, r)) / qkSecond(x, r));
      evenErr = Math.max(evenErr, Math.abs(qk(-x, r) - qk(x, r)) / (1e-300 + qk(x, r)));
      scaleErr = Math.max(scaleErr, Math.abs(qk(x, r) - r * qk(x / r, 1)) / (1e-300 + qk(x, r)));
    }
    // Central differences: truncation O(h²·f‴) + rounding O(ε·f/h) ≈ 1e-9 relative; allow 1e-6.
    outs.push(within(dErr, 1e-6, 'FD derivative vs ½asinh(2x/√k)'));
    outs.push(within(d2Err, 1e-6, 'FD second derivative vs 1/sqrt(k+4x²)'));
    outs.push(within(evenErr, 1e-14, 'evenness'));
    outs.push(within(scaleErr, 1e-13, 'scaling q_k(x) = √k q_1(x/√k)'));
    outs.push(within(Math.abs(qk(0, 1.3)), 0, 'q_k(0)'));
    return all(outs);
  },
  falsifiers: [
    {
      name: '√k → k inside q_k',
      description: 'Closed form with k in place of √k (the integrand left unchanged).',
      // tol: the claim's 1e-10 relative vs quadrature (Simpson to 1e-14 absolute); the mutant is wrong by O(1) for k ≠ 1.
      check: ({ seed }) => within(qkQuadError(seed, (x, r) => qk(x, r * r)), 1e-10, 'mutant closed form vs quadrature'),
    },
    {
      name: 'missing ½ in front of the integral',
      description: 'q_k = ∫₀ˣ asinh(2z/√k)dz with the printed closed form: a positive rescaling, only an identity test catches it.',
      // tol: the claim's 1e-10 relative; the mutant integral is exactly 2× the closed form (relative error 0.5).
      check: ({ seed }) => within(qkQuadError(seed, qk, (z, r) => Math.asinh((2 * z) / r)), 1e-10, 'closed form vs mutant integral'),
    },
    {
      name: 'asinh(x/√k) (factor 2 missing)',
      description: 'Integrand ½asinh(z/√k) against the printed closed form.',
      // tol: the claim's 1e-10 relative; ½asinh(z/√k) vs ½asinh(2z/√k) differs by a factor 2–4 in the integral.
      check: ({ seed }) => within(qkQuadError(seed, qk, (z, r) => 0.5 * Math.asinh(z / r)), 1e-10, 'closed form vs mutant integral'),
    },
  ],
  runs: { ci: 3, default: 10, deep: 50 },
});

// ---------------------------------------------------------------------------------------------
// AZU-K

interface KInst {
  seed: number;
}
function kPairs(seed: number): { u: number; v: number }[] {
  const rng = new Rng(seed);
  // |u|, |v| log-uniform over 6 decades, random signs: covers s near ±1 and tiny/large α.
  return Array.from({ length: 50 }, () => ({ u: rng.sign() * rng.logUniform(1e-3, 1e3), v: rng.sign() * rng.logUniform(1e-3, 1e3) }));
}
function kError(seed: number, formula: (alpha: number, s: number) => number): number {
  let worst = 0;
  for (const { u, v } of kPairs(seed)) {
    const au = Math.abs(u), av = Math.abs(v);
    const s = (av - au) / (av + au);
    const alpha = au * av;
    const sqrtK = 2 * (u * u + v * v);
    worst = Math.max(worst, Math.abs(formula(alpha, s) - sqrtK) / sqrtK);
  }
  return worst;
}
export const azuK = defineClaim<KInst>({
  id: 'AZU-K',
  paper: PAPER,
  title: '√k = 2(u₀²+v₀²) = 4α(1+s²)/(1−s²), and 4k̂ ≤ √k < 8k̂',
  statement:
    'For an unbiased diagonal init with shape s = (|v₀|/|u₀|−1)/(|v₀|/|u₀|+1) and scale α = |u₀||v₀| (line 324): kᵢ = 4(u₀ᵢ²+v₀ᵢ²)² so √kᵢ = 2(u₀ᵢ²+v₀ᵢ²) = 4αᵢ(1+sᵢ²)/(1−sᵢ²) (lines 328, 555); with k̂ = α/(1−s²) (line 332), 4k̂ ≤ √k < 8k̂; √k is even in s.',
  where: 'lines 197, 322–332, 553–555',
  kind: 'identity',
  expected: 'holds',
  arbitrary: fc.record({ seed: seedArb }),
  check: ({ seed }) => {
    // Relative rounding of 4α(1+s²)/(1−s²) when |s| → 1: (1−s²) loses ~log10(1/(1−|s|)) digits; with
    // |u|/|v| ≤ 1e6, 1−|s| ≥ 2e-6, so ε/(1−|s|) ≈ 1e-10 is the worst case.
    const idErr = kError(seed, (a, s) => (4 * a * (1 + s * s)) / (1 - s * s));
    let bracket = 0;
    let kFromDeltas = 0;
    for (const { u, v } of kPairs(seed)) {
      const au = Math.abs(u), av = Math.abs(v);
      const s = (av - au) / (av + au);
      const kh = (au * av) / (1 - s * s);
      const sk = 2 * (u * u + v * v);
      if (!(4 * kh <= sk * (1 + 1e-12) && sk < 8 * kh)) bracket++;
      const th = packDiagonal([u], [v], [u], [v]);
      kFromDeltas = Math.max(kFromDeltas, Math.abs(sqrtKOf(th)[0] - sk) / sk);
    }
    return all([
      // tol: rounding of (1−s²) as derived above: ≲ 2ε/(1−s²) ≤ 2.2e-16·2/2e-6 ≈ 2e-10 → 1e-9 leaves ≥ 5× headroom
      // in the worst corner (calibration row AZU-K: worst margin 0.056 over 50 seeds).
      within(idErr, 1e-9, '√k vs 4α(1+s²)/(1−s²)'),
      // exact integer count (the lower bound is an equality at s = 0, hence the 1e-12 rounding slack inside the test)
      within(bracket, 0, 'violations of 4k̂ ≤ √k < 8k̂'),
      // tol: with u₊ = u₋, v₊ = v₋ the App. A formula gives δ₊ − δ₋ = 0 exactly and sqrt(4c²) = 2(u²+v²) up to
      // a few ulps (≈ 1e-15 relative); 1e-12 leaves ~1e3× headroom.
      within(kFromDeltas, 1e-12, 'App. A k (from δ± and c) vs 4(u²+v²)²'),
    ]);
  },
  falsifiers: [
    {
      name: '√k = 4α(1−s²)/(1+s²)',
      description: 'Shape factor inverted.',
      // tol: the claim's 1e-9; the mutant is off by the factor ((1+s²)/(1−s²))², O(1) for generic s among the 50 pairs.
      check: ({ seed }) => within(kError(seed, (a, s) => (4 * a * (1 - s * s)) / (1 + s * s)), 1e-9, 'mutant formula'),
    },
    {
      name: '√k = 2α(1+s²)/(1−s²)',
      description: 'Constant 2 instead of 4.',
      // tol: the claim's 1e-9; the mutant is off by exactly ½ (relative error 0.5).
      check: ({ seed }) => within(kError(seed, (a, s) => (2 * a * (1 + s * s)) / (1 - s * s)), 1e-9, 'mutant formula'),
    },
  ],
  runs: { ci: 3, default: 10, deep: 50 },
});

// ---------------------------------------------------------------------------------------------
// AZU-T1

function t1Check(run: DiagRun, withShift: boolean): Outcome {
  if (run.bad) return run.bad;
  const { data, r, w0 } = run.setup;
  const b = withShift ? Array.from(w0, (x, i) => qkPrime(x, r[i])) : new Array(r.length).fill(0);
  const kap = kkt(data.X, Array.from(run.wInf, (x, i) => qkPrime(x, r[i]) - b[i]));
  const sol = minQk(data.X, data.y, r, withShift ? w0 : undefined, true);
  if (!sol.converged) return inconclusive(`dual Newton for min Q_k did not converge: ${sol.message}`);
  // A primal cross-check that did not converge says nothing about the dual answer (AZU-T1G at fresh seed 806048555:
  // the cold primal stalled at Q = 18.6 against 8.0 at the certified dual optimum, and was compared anyway).
  if (sol.primal && !sol.primal.converged) return inconclusive(`primal Newton cross-check did not converge: ${sol.primal.message}`);
  // Dual and primal Newton must agree (both converge to 1e-13 residual; κ(∇²Q) ≲ 1e3 → 1e-9).
  const cross = (sol.crossDiff ?? 0) / Math.max(1e-12, normv(sol.beta));
  const dist = relDist(run.wInf, sol.beta);
  return all([
    graded(kap, C4_PASS, C4_FAIL, 'κ(∇Q(w̃∞))'),
    graded(dist, C4_PASS, C4_FAIL, '‖w̃∞ − argmin Q‖/‖argmin Q‖'),
    within(cross, 1e-8, 'dual vs primal Newton (relative)'),
  ]);
}

export const azuT1 = defineClaim<DiagInst>({
  id: 'AZU-T1',
  paper: PAPER,
  title: 'Theorem 1: unbiased diagonal init ⇒ w̃∞ = argmin_{Xᵀw=y} Q_k',
  statement:
    'Diagonal model, unbiased init u₊(0)=u₋(0)=u₀, v₊(0)=v₋(0)=v₀ with u₀ᵢ²+v₀ᵢ² > 0. If the gradient flow converges to an interpolator, its limit is argmin_{Xᵀw=y} Σᵢ q_{kᵢ}(wᵢ) with √kᵢ = 2(u₀ᵢ²+v₀ᵢ²) (eq. 9); equivalently ½asinh(2w̃∞ᵢ/√kᵢ) = (Xν)ᵢ.',
  where: 'Sec. 4, Thm 1, lines 187–199; App. A lines 453–561',
  kind: 'property',
  expected: 'holds',
  arbitrary: diagArb('unbiased'),
  check: (inst, ctx) => t1Check(runDiag(inst, ctx.tier), false),
  falsifiers: [
    {
      name: '√k → k',
      description: 'Q_k with k in place of √k: KKT map ½asinh(2w/k).',
      check: (inst, ctx) => {
        const run = runDiag(inst, ctx.tier);
        return kappaOf(run, (x, i) => qkPrime(x, run.setup.r[i] ** 2), 'κ with √k → k');
      },
    },
    {
      name: '√kᵢ = u₀ᵢ² + v₀ᵢ²',
      description: 'Factor 2 dropped in √k.',
      check: (inst, ctx) => {
        const run = runDiag(inst, ctx.tier);
        return kappaOf(run, (x, i) => qkPrime(x, run.setup.r[i] / 2), 'κ with √k halved');
      },
    },
    {
      name: 'ℓ2 (min-norm) bias',
      description: 'κ(w̃∞): the kernel-regime answer.',
      check: (inst, ctx) => kappaOf(runDiag(inst, ctx.tier), (x) => x, 'κ(w̃∞)'),
    },
    {
      name: 'ℓ1 bias',
      description: 'w̃∞ equals the minimum-ℓ1 interpolator (LP).',
      check: (inst, ctx) => {
        const run = runDiag(inst, ctx.tier);
        if (run.bad) return run.bad;
        const l1 = minL1(run.setup.data.X, run.setup.data.y);
        if (!l1.ok) return inconclusive('LP failed');
        return graded(relDist(run.wInf, l1.beta), C4_PASS, C4_FAIL, 'distance to min-ℓ1');
      },
    },
    {
      name: '√kᵢ = 2|u₀ᵢv₀ᵢ| (α instead of u²+v²)',
      description: 'Q_k built from the scale α alone.',
      check: (inst, ctx) => {
        const run = runDiag(inst, ctx.tier);
        const { u0, v0 } = run.setup;
        return kappaOf(run, (x, i) => qkPrime(x, 2 * Math.abs(u0![i] * v0![i])), 'κ with √k = 2α');
      },
    },
  ],
  runs: { ci: 5, default: 15, deep: 80 },
});

// ---------------------------------------------------------------------------------------------
// AZU-T1P: closed-form trajectory

function t1pError(inst: DiagInst, tier: Tier, nuFactor: number): Outcome {
  const setup = setupDiag(inst);
  const { data, r, w0 } = setup;
  const model = diagonalUntied({ X: data.X, y: data.y, scaling: 'mean' });
  const N = inst.N;
  const aug = augment(model, N, (th, out) => {
    const res = model.residual(th);
    for (let n = 0; n < N; n++) out[n] = (nuFactor * res[n]) / N; // ν' = r/N
  });
  const sol = runFlow(aug, concat(setup.theta0, N), { c: model.c, yNorm: normv(data.y), tier, scale: setup.scale });
  const bad = notConverged(sol);
  if (bad) return bad;
  let worst = 0;
  const idx = [1, 2, 3, 4, 5].map((k) => Math.floor((k * (sol.thetas.length - 1)) / 5));
  for (const j of idx) {
    const z = sol.thetas[j];
    const th = z.subarray(0, 4 * inst.d);
    const nu = z.subarray(4 * inst.d);
    const w = model.predictor(th);
    const Xnu = matTvec(data.X, nu);
    for (let i = 0; i < inst.d; i++) {
      const pred = (r[i] / 2) * Math.sinh(2 * Xnu[i] + Math.asinh((2 * w0[i]) / r[i]));
      worst = Math.max(worst, Math.abs(w[i] - pred) / (1 + Math.abs(w[i])));
    }
  }
  // Global error of dopri5 at rtol 1e-10 in w̃ and ν, amplified by the sinh map's Lipschitz constant
  // (≤ √k cosh(...) ~ 1 + |w̃|): 1e-8 allows two orders of accumulation.
  return within(worst, 1e-8, 'max |w̃ᵢ(t) − (√kᵢ/2)sinh(2(Xν(t))ᵢ + bᵢ)|/(1+|w̃ᵢ|) at 5 times');
}

export const azuT1P = defineClaim<DiagInst>({
  id: 'AZU-T1P',
  paper: PAPER,
  title: 'closed-form trajectory w̃ᵢ(t) = (√kᵢ/2)sinh(2(Xν(t))ᵢ + bᵢ)',
  statement:
    'With ν(t) = (1/N)∫₀ᵗ r(s)ds, along the diagonal flow w̃ᵢ(t) = (√kᵢ/2)sinh(2(Xν(t))ᵢ + bᵢ), bᵢ = asinh(2w̃ᵢ(0)/√kᵢ) (bᵢ = 0 for unbiased init), for every t (derived from App. A, lines 511–529).',
  where: 'App. A lines 511–529 (derived)',
  kind: 'property',
  expected: 'holds',
  arbitrary: diagArb('both'),
  check: (inst, ctx) => t1pError(inst, ctx.tier, 1),
  falsifiers: [
    {
      name: '1/N omitted from ν',
      description: 'ν(t) = ∫r (the appendices drop the 1/N of the loss): a factor-N mismatch for N ≥ 2.',
      arbitrary: diagArb('both').filter((i) => i.N >= 2),
      check: (inst, ctx) => t1pError(inst, ctx.tier, inst.N),
    },
  ],
  runs: { ci: 3, default: 10, deep: 50 },
});

// ---------------------------------------------------------------------------------------------
// AZU-KINV

interface KinvInst {
  seed: number;
  d: number;
  N: number;
}
const kinvArb = fc.record({ seed: seedArb, size: sizeArb }).map(({ seed, size }) => ({ seed, d: size.d, N: size.N }));

/** Run the diagonal flow from an unbiased init (α, s, signs) with trajectory samples at fixed times. */
function runUnbiased(data: Data, alpha: number[], s: number[], su: number[], sv: number[], tier: Tier, tEval?: number[]) {
  const { u0, v0 } = initFromScaleShape(alpha, s, su, sv);
  const model = diagonalUntied({ X: data.X, y: data.y, scaling: 'mean' });
  const sol = runFlow(model, unbiasedInit(u0, v0), { c: model.c, yNorm: normv(data.y), tier, scale: Math.max(...alpha), tEval });
  return { sol, model, w: model.predictor(sol.theta) };
}

function kinvCompare(inst: KinvInst, tier: Tier, mutant: boolean): Outcome {
  const rng = new Rng(inst.seed);
  const data = drawData(rng, inst.d, inst.N);
  const alpha = Array.from({ length: inst.d }, () => rng.logUniform(1e-2, 1));
  const s = Array.from({ length: inst.d }, () => rng.range(0.3, 0.95) * rng.sign());
  const su = Array.from({ length: inst.d }, () => rng.sign());
  const sv = Array.from({ length: inst.d }, () => rng.sign());
  const ones = new Array(inst.d).fill(1);
  // Partner inits with the same √k: (α' = α(1+s²)/(1−s²), s' = 0) and (α, −s) with other signs.
  const alphaP = alpha.map((a, i) => (a * (1 + s[i] ** 2)) / (1 - s[i] ** 2));
  const base = runUnbiased(data, alpha, s, su, sv, tier);
  if (base.sol.status !== 'converged') return notConverged(base.sol)!;
  const tEval = [0.1, 0.3, 0.6, 0.9].map((f) => f * base.sol.t);
  const a = runUnbiased(data, alpha, s, su, sv, tier, tEval);
  const b = mutant
    ? runUnbiased(data, alpha, new Array(inst.d).fill(0), ones, ones, tier, tEval) // same α, s = 0
    : runUnbiased(data, alphaP, new Array(inst.d).fill(0), ones, ones, tier, tEval);
  const c = runUnbiased(data, alpha, s.map((x) => -x), su.map((x) => -x), sv, tier, tEval);
  for (const x of [a, b, c]) if (x.sol.status !== 'converged') return notConverged(x.sol)!;
  let traj = 0;
  const m = a.model;
  for (let j = 0; j < tEval.length; j++) {
    const wa = m.predictor(a.sol.thetas[j + 1]);
    for (const other of mutant ? [b] : [b, c]) traj = Math.max(traj, relDist(m.predictor(other.sol.thetas[j + 1]), wa));
  }
  const lim = Math.max(relDist(b.w, a.w), mutant ? 0 : relDist(c.w, a.w));
  // Trajectory error of each run ≲ 1e-9 relative (rtol 1e-10 × accumulation); two runs compared: 1e-8.
  // The limits also carry the stopping residual, which runFlow scales by max(1, scale) (scale = max α′).
  const limTol = 1e-8 * Math.max(1, ...alphaP);
  return all([graded(lim, limTol, C4_FAIL, 'limit difference'), graded(traj, 1e-8, C4_FAIL, 'trajectory difference at 4 matched times')]);
}

export const azuKinv = defineClaim<KinvInst>({
  id: 'AZU-KINV',
  paper: PAPER,
  title: 'only √k matters: equal-√k inits give identical trajectories and limits',
  statement:
    'For unbiased diagonal inits the predictor trajectory depends on the init only through √kᵢ = 4αᵢ(1+sᵢ²)/(1−sᵢ²): (α, s) and (α(1+s²)/(1−s²), 0) give the same w̃(t) and w̃∞, and so do (α, −s) and sign flips of u₀, v₀.',
  where: 'derived from Thm 1 and AZU-T1P; discussion lines 332–350',
  kind: 'property',
  expected: 'holds',
  arbitrary: kinvArb,
  check: (inst, ctx) => kinvCompare(inst, ctx.tier, false),
  falsifiers: [
    {
      name: 'bias depends on α alone',
      description: 'The mutant predicts equal limits for (α, s) and (α, 0) with s ≠ 0.',
      check: (inst, ctx) => kinvCompare(inst, ctx.tier, true),
    },
  ],
  // 4 % of instances end with a flow not converged in its budget (50-seed calibration, tier ci): 2 runs needing 1
  // left P(seed inconclusive) = q² ≈ 1.6e-3; 4 needing 2, ≈ 4q³ ≈ 2.6e-4.
  runs: { ci: 4, default: 6, deep: 30 },
});

// ---------------------------------------------------------------------------------------------
// AZU-T1G and its literal reading

const t1gStatement =
  'Diagonal model with an arbitrary init, kᵢ = (δ₊,ᵢ−δ₋,ᵢ)² + 4cᵢ² > 0 (δ± = v±²−u±², cᵢ = u₊u₋+v₊v₋). If the flow converges to an interpolator, w̃∞ = argmin_{Xᵀw=y} Σᵢ[q_{kᵢ}(wᵢ) − wᵢ·½asinh(2w̃ᵢ(0)/√kᵢ)] (the Bregman form of Q_k about w̃(0)); KKT: ½[asinh(2w̃∞ᵢ/√kᵢ) − asinh(2w̃ᵢ(0)/√kᵢ)] = (Xν)ᵢ.';
const t1gErratum =
  'App. A promises a result for any initialization (line 185) and derives kᵢ (line 551), but integrates with q′(0) = 0 (line 537) while the argument needs ∇q(w̃(0)) = 0 (line 525): the two agree only when w̃(0) = 0. For a biased init the linear term −Σᵢwᵢ·½asinh(2w̃ᵢ(0)/√kᵢ) is required; without it the KKT residual is of order 0.1–1.';

/**
 * Primal null-space Newton for min_{Xw=y} Q^gen, made robust by continuation in √k (AZU-T1G cross-check).
 * With tiny √k (σ = 0.05 gives √k down to ~4e-4) q_k″ = 1/sqrt(k+4x²) spans ~1/√k ≈ 2500 near 0 to ~1 far out,
 * and the cold-started primal Newton (from the ℓ2 interpolator) can stall for its whole iteration budget
 * (seed 27, d 7, N 2: 2000 iterations, stationarity 0.55, ‖Δ‖∞ = 2.6 from the certified dual optimum).
 * Continuation: solve with √k·λ for λ = 10^m, …, 10, 1 (10^m ≥ 1/min √k, so the first level has q″ ≤ 1),
 * each level warm-started from the previous (feasible) minimizer; only the last level (λ = 1) is the problem.
 * It never uses the dual link, so it stays an independent check of the pair (q′, link).
 */
function primalQgenContinuation(X: number[][], y: number[], r: Float64Array, w0: Float64Array) {
  const m = Math.max(0, Math.ceil(Math.log10(1 / Math.min(...r))));
  let beta0: Float64Array | undefined;
  let last: ReturnType<typeof minSeparablePrimal> | undefined;
  for (let j = m; j >= 0; j--) {
    const rl = Float64Array.from(r, (x) => x * 10 ** j);
    last = minSeparablePrimal(X, y, qkPotential(rl, w0), { maxIter: 200, beta0 });
    if (!last.converged) return { converged: false, beta: last.beta, message: `level √k·1e${j}: ${last.message}` };
    beta0 = last.beta;
  }
  return { converged: true, beta: last!.beta, message: last!.message };
}

/** AZU-T1G check: as t1Check with the linear term, but the primal cross-check must itself certify convergence. */
function t1gCheck(run: DiagRun): Outcome {
  if (run.bad) return run.bad;
  const { data, r, w0 } = run.setup;
  const kap = kkt(data.X, Array.from(run.wInf, (x, i) => qkPrime(x, r[i]) - qkPrime(w0[i], r[i])));
  const sol = minQk(data.X, data.y, r, w0, false);
  if (!sol.converged) return inconclusive(`dual Newton for min Q^gen did not converge: ${sol.message}`);
  const primal = primalQgenContinuation(data.X, data.y, r, w0);
  if (!primal.converged) return inconclusive(`primal Newton cross-check for min Q^gen did not converge: ${primal.message}`);
  let diff = 0;
  for (let i = 0; i < r.length; i++) diff = Math.max(diff, Math.abs(sol.beta[i] - primal.beta[i]));
  // Dual and primal Newton, both converged (residual ≤ 1e-13 relative; κ(∇²Q) ≲ 1e3 → ≲ 1e-10): relative 1e-8.
  const cross = diff / Math.max(1e-12, normv(sol.beta));
  const dist = relDist(run.wInf, sol.beta);
  return all([
    graded(kap, C4_PASS, C4_FAIL, 'κ(∇Q^gen(w̃∞))'),
    graded(dist, C4_PASS, C4_FAIL, '‖w̃∞ − argmin Q^gen‖/‖argmin Q^gen‖'),
    within(cross, 1e-8, 'dual vs primal Newton (relative)'),
  ]);
}

export const azuT1G = defineClaim<DiagInst>({
  id: 'AZU-T1G',
  paper: PAPER,
  title: 'general init: w̃∞ = argmin Q_k with the linear term (Bregman about w̃(0))',
  statement: t1gStatement,
  where: 'Sec. 4 line 185; App. A lines 487–561',
  kind: 'property',
  expected: 'holds',
  arbitrary: diagArb('general'),
  check: (inst, ctx) => {
    const run = runDiag(inst, ctx.tier);
    if (Math.min(...run.setup.r) < 1e-8) return inconclusive('min kᵢ < 1e-8 (degenerate metric)');
    return t1gCheck(run);
  },
  falsifiers: [
    {
      name: 'linear term with the wrong sign',
      description: 'Q_k + Σwᵢ·½asinh(2w̃ᵢ(0)/√kᵢ).',
      check: (inst, ctx) => {
        const run = runDiag(inst, ctx.tier);
        const { r, w0 } = run.setup;
        return kappaOf(run, (x, i) => qkPrime(x, r[i]) + qkPrime(w0[i], r[i]), 'κ with the shift sign flipped');
      },
    },
  ],
  counterpart: 'AZU-T1G-LITERAL',
  erratum: t1gErratum,
  runs: { ci: 4, default: 12, deep: 60 },
});

export const azuT1GLiteral = defineClaim<DiagInst>({
  id: 'AZU-T1G-LITERAL',
  paper: PAPER,
  title: 'general init, as printed: w̃∞ = argmin Q_k with the general kᵢ and no linear term',
  statement:
    'Literal reading of App. A for an arbitrary init: with kᵢ = (δ₊,ᵢ−δ₋,ᵢ)² + 4cᵢ² and q′(0) = 0 (line 537), w̃∞ = argmin_{Xᵀw=y} Σᵢ q_{kᵢ}(wᵢ), i.e. ½asinh(2w̃∞/√k) ∈ range(X).',
  where: 'App. A lines 525, 537, 551',
  kind: 'property',
  expected: 'refuted',
  arbitrary: diagArb('general'),
  check: (inst, ctx) => {
    const run = runDiag(inst, ctx.tier);
    return kappaOf(run, (x, i) => qkPrime(x, run.setup.r[i]), 'κ(½asinh(2w̃∞/√k)) without the linear term');
  },
  falsifiers: [
    {
      name: 'ℓ2 bias for the general init',
      description: 'κ(w̃∞): min-norm.',
      check: (inst, ctx) => kappaOf(runDiag(inst, ctx.tier), (x) => x, 'κ(w̃∞)'),
    },
  ],
  counterpart: 'AZU-T1G',
  erratum: t1gErratum,
  runs: { ci: 4, default: 12, deep: 60 },
});

// ---------------------------------------------------------------------------------------------
// AZU-WW

interface WWInst {
  seed: number;
  d: number;
  N: number;
}
function wwIdentityError(seed: number, mapC: (c: number) => { r: number; c: number }): number {
  const rng = new Rng(seed ^ 0x5a5a);
  let worst = 0;
  for (let j = 0; j < 30; j++) {
    const c = rng.logUniform(1e-4, 1e2);
    const x = rng.range(-10, 10);
    const { r, c: cc } = mapC(c);
    const lhs = qk(x, r);
    const rhs = 0.5 * cc * qWW(x / cc);
    worst = Math.max(worst, Math.abs(lhs - rhs) / Math.max(Math.abs(lhs), 1e-300));
  }
  return worst;
}

export const azuWW = defineClaim<WWInst>({
  id: 'AZU-WW',
  paper: PAPER,
  title: 'Q_k = ½Q^{WW}_{α,w₀} under u₀ = v₀ = αw₀; tied and untied flows share the limit',
  statement:
    'With c = √k/4 = (u₀²+v₀²)/2, q_k(x) = ½c·q^{WW}(x/c) where q^{WW}(z) = 2 − sqrt(4+z²) + z·asinh(z/2) (Woodworth et al.); so for u₀ = v₀ = αw₀ (s = 0, α_Azulay = α²w₀²), Q_k = ½Q^{WW}_{α,w₀}. The tied flow of ⟨w₊²−w₋², x⟩ from w±(0) = αw₀ and the untied flow from u₀ = v₀ = αw₀ converge to the same limit.',
  where: 'Sec. 4, line 201',
  kind: 'property',
  expected: 'holds',
  arbitrary: kinvArb,
  check: (inst, ctx) => {
    // Identity: both sides are closed forms evaluated in double precision; relative 1e-12.
    const idErr = wwIdentityError(inst.seed, (c) => ({ r: 4 * c, c }));
    const rng = new Rng(inst.seed);
    const data = drawData(rng, inst.d, inst.N);
    const alpha = rng.logUniform(0.05, 1);
    const w0 = Array.from({ length: inst.d }, () => rng.range(0.3, 1.5));
    const u0 = w0.map((x) => alpha * x);
    const untied = diagonalUntied({ X: data.X, y: data.y, scaling: 'mean' });
    const tied = diagonalTied({ X: data.X, y: data.y, scaling: 'mean' });
    const a = runFlow(untied, unbiasedInit(u0, u0), { c: untied.c, yNorm: normv(data.y), tier: ctx.tier });
    const b = runFlow(tied, Float64Array.from([...u0, ...u0]), { c: untied.c, yNorm: normv(data.y), tier: ctx.tier });
    const bad = notConverged(a) ?? notConverged(b, 'tied flow');
    // tol: see the identity below (1e-12: both sides are the same stable hq() at arguments 1–2 ulps apart).
    if (bad) return all([within(idErr, 1e-12, 'q_k vs ½c q^WW(x/c)'), bad]);
    const wa = untied.predictor(a.theta), wb = tied.predictor(b.theta);
    // Also: Woodworth's Q is minimized by the same point (dual Newton for Q_k with √k = 4α²w₀²).
    const r = u0.map((x) => 2 * (x * x + x * x));
    const sol = minQk(data.X, data.y, r, undefined, false);
    return all([
      // tol: with r = 4c, q_k(x) = c·hq(2x/(4c)) and ½c·q^WW(x/c) = c·hq((x/c)/2): the same cancellation-free hq at
      // arguments that differ by ≤ 2 ulps; hq's condition number is ≤ 2, so the error is a few ε ≈ 1e-15 → 1e-12 (~1e3× headroom).
      within(idErr, 1e-12, 'q_k vs ½c q^WW(x/c)'),
      graded(relDist(wa, wb), 1e-8, C4_FAIL, 'tied vs untied limit'),
      graded(relDist(wb, sol.beta), C4_PASS, C4_FAIL, 'tied limit vs argmin Q_k'),
    ]);
  },
  falsifiers: [
    {
      name: 'Q_k = Q^WW with √k = α²w₀² (argument mis-scaled)',
      description: 'Identity q_k(x) = ½c q^WW(x/c) with √k = c instead of 4c.',
      // tol: the claim's 1e-12; with √k = c instead of 4c the two sides differ by O(1) (factor 2–4).
      check: (inst) => within(wwIdentityError(inst.seed, (c) => ({ r: c, c })), 1e-12, 'mutant identity'),
    },
  ],
  runs: { ci: 2, default: 8, deep: 40 },
});

// ---------------------------------------------------------------------------------------------
// AZU-E (corrected) and AZU-E-LITERAL

interface EInst {
  seed: number;
  d: number;
  N: number;
}

/** ℓ1 minimum over Xw = y by support enumeration (exact for small d: an LP optimum is basic). */
export function minL1Enumerate(X: number[][], y: number[]): number {
  const d = X[0].length, N = X.length;
  let best = Infinity;
  const rec = (start: number, chosen: number[]) => {
    if (chosen.length === N) {
      const A = new Matrix(X.map((row) => chosen.map((j) => row[j])));
      try {
        const w = solveSym(A, y);
        if (w.every(Number.isFinite)) best = Math.min(best, w.reduce((a, b) => a + Math.abs(b), 0));
      } catch {
        /* singular support */
      }
      return;
    }
    for (let j = start; j < d; j++) rec(j + 1, [...chosen, j]);
  };
  rec(0, []);
  return best;
}

/**
 * Sharpness of the ℓ1 minimizer: with the optimal support B (|B| = N) and the LP dual ν solving X_Bᵀν = sign(w_B),
 * the reduced-cost margin ε = 1 − max_{j∉B} |X_jᵀν| (ε > 0 ⇔ the ℓ1 minimizer is unique and strongly so).
 */
export function minL1Margin(X: number[][], y: number[]): { l1: number; margin: number; invNorm: number } {
  const d = X[0].length, N = X.length;
  let best = Infinity;
  let bestSupp: number[] = [];
  let bestW: Float64Array = new Float64Array(0);
  const rec = (start: number, chosen: number[]) => {
    if (chosen.length === N) {
      const A = new Matrix(X.map((row) => chosen.map((j) => row[j])));
      try {
        const w = solveSym(A, y);
        const n1 = w.reduce((a, b) => a + Math.abs(b), 0);
        if (w.every(Number.isFinite) && n1 < best) {
          best = n1;
          bestSupp = chosen;
          bestW = w;
        }
      } catch {
        /* singular support */
      }
      return;
    }
    for (let j = start; j < d; j++) rec(j + 1, [...chosen, j]);
  };
  rec(0, []);
  if (!Number.isFinite(best)) return { l1: best, margin: 0, invNorm: Infinity };
  // Dual: (X_B)ᵀν = sign(w_B) (X_B is N×N, columns of the support).
  const AB = new Matrix(bestSupp.map((j) => X.map((row) => row[j])));
  let nu: Float64Array;
  try {
    nu = solveSym(AB, Array.from(bestW, (v) => Math.sign(v)));
  } catch {
    return { l1: best, margin: 0, invNorm: Infinity };
  }
  // ‖X_B⁻¹‖₂ = 1/σ_min(X_B): converts a primal residual into an error of the support coordinates.
  const sv = new SingularValueDecomposition(AB).diagonal;
  const invNorm = 1 / Math.min(...sv);
  let mx = 0;
  for (let j = 0; j < d; j++) {
    if (bestSupp.includes(j)) continue;
    mx = Math.max(mx, Math.abs(X.reduce((a, row, n) => a + row[j] * nu[n], 0)));
  }
  return { l1: best, margin: 1 - mx, invNorm };
}

function eSequences(inst: EInst): Outcome {
  const rng = new Rng(inst.seed);
  const data = drawData(rng, inst.d, inst.N);
  const c = Array.from({ length: inst.d }, () => rng.range(0.5, 2));
  // (a) large k: √kᵢ = 2λcᵢ → weighted min-norm C Xᵀ(X C Xᵀ)⁻¹y (per-coordinate weight ∝ √kᵢ ∝ cᵢ).
  const wW = minWeightedNorm(data.X, data.y, c);
  const lams = [1, 10, 100, 1000];
  let failA: string | undefined;
  const distA = lams.map((l) => {
    const sol = minQk(data.X, data.y, c.map((ci) => 2 * l * ci), undefined, false);
    // A solve that did not converge is a numerical failure: (a) becomes inconclusive (see okSolve below).
    if (!(sol.converged && sol.residual <= 1e-10 && sol.beta.every(Number.isFinite)))
      failA ??= `(a) Q_k solver failed at √k = ${fmt(2 * l)}·c (${sol.message}; relative residual ${fmt(sol.residual)})`;
    return relDist(sol.beta, wW);
  });
  const slopeA = logLogSlope(lams, distA.map((x) => Math.max(x, 1e-300)));
  // (c) small k: √kᵢ = λcᵢ → ℓ1 (unique min-ℓ1 generically). Convergence is slow (logarithmic at first).
  const small = [1e-2, 1e-4, 1e-8, 1e-16, 1e-32, 1e-64, 1e-128];
  const { l1, margin: l1Margin, invNorm } = minL1Margin(data.X, data.y);
  // Continuation along the λ sequence. Cold-started dual Newton can fail at √k = 1e-128·c: the dual point sits at
  // |Xᵀν| ≈ ½ln(4|w|/√k) ≈ 150 and the clipped Newton from the ℓ2 warm start ran out of its 2000 iterations with a
  // primal residual of 1.8e14 (fresh-seed flake, seed 387647800, instance {seed: 2147483629, d: 6, N: 3}; the gap
  // sequence read …, 2.3e-14, 2.85e14). On the ℓ1 support Xᵀν grows linearly in ln(1/λ), so the start is the
  // log-linear extrapolation of the two previous duals (a cold start is the fallback). Any solve that still did not
  // converge (or whose residual is not at the solver's 1e-13 level) makes (c) INCONCLUSIVE — a numerical failure, not
  // evidence about the limit.
  const yN = normv(data.y);
  const okSolve = (sol: SeparableResult) => sol.converged && sol.residual <= 1e-10 && sol.beta.every(Number.isFinite);
  const nus: Float64Array[] = [];
  let failC: string | undefined;
  const gapC: number[] = [];
  const resC: number[] = [];
  for (let j = 0; j < small.length && !failC; j++) {
    const r = c.map((ci) => small[j] * ci);
    let sol: SeparableResult | undefined;
    if (j >= 2) {
      const ratio = Math.log(small[j - 1] / small[j]) / Math.log(small[j - 2] / small[j - 1]);
      const nu0 = nus[j - 1].map((v, k) => v + ratio * (v - nus[j - 2][k]));
      sol = minQk(data.X, data.y, r, undefined, false, nu0);
    }
    if (!sol || !okSolve(sol)) sol = minQk(data.X, data.y, r, undefined, false);
    if (!okSolve(sol)) {
      failC = `(c) Q_k solver failed at √k = ${fmt(small[j])}·c (${sol.message}; relative residual ${fmt(sol.residual)}, ‖y‖ = ${fmt(yN)})`;
      break;
    }
    nus.push(Float64Array.from(sol.nu));
    resC.push(sol.residual);
    gapC.push((sol.beta.reduce((a, b) => a + Math.abs(b), 0) - l1) / l1);
  }
  const monoA = distA.every((x, i) => i === 0 || x <= distA[i - 1] * (1 + 1e-6) + 1e-14);
  // Monotone from √k = 1e-4·c on: the first step from 1e-2 is pre-asymptotic — the minimiser can still move between
  // faces there (fresh-seed flake check, seed 1041298363: 6.3e-4 → 7.8e-4 → then decreasing to 1.5e-4); the limit
  // statement constrains the tail, which the endpoint check below also judges. Once the gap reaches its rounding floor
  // (seed 387647800: 1.6e-12, −5.8e-15, 2.3e-14) consecutive values may differ by the floor, so each step allows
  // (i) 1e-12 for evaluating β = (√k/2)sinh(2Xᵀν): the relative error of each βᵢ is ≤ (2|sᵢ| + 4)u, sᵢ = (Xᵀν)ᵢ ≤
  //     ½ln(4|w|/√k) ≲ 150 at √k = 1e-128·c, so Σ over d ≤ 8 coordinates and two gaps gives ≤ 2·8·304·u ≈ 5.4e-13; and
  // (ii) the solver's stopping residual: the support coordinates are off by ≤ ‖X_B⁻¹‖·‖Xβ − y‖, so ‖β‖₁ by ≤
  //     √N‖X_B⁻¹‖·res·(1+‖y‖) (res = relative residual, ≤ 1e-13 normally, ≤ 1e-10 when Newton stops at its floor),
  //     for both gaps of the pair, with a factor 2 for second-order terms.
  const stepSlack = (i: number) => 1e-12 + (2 * Math.sqrt(inst.N) * invNorm * (resC[i] + resC[i - 1]) * (1 + yN)) / l1;
  const monoC = gapC.every((x, i) => i <= 1 || x <= gapC[i - 1] + stepSlack(i));
  // (b) the NTK at init (lines 955–959): K(x₁,x₂) = ∇_θf(x₁)·∇_θf(x₂) with ∇_θf from central differences of
  // θ ↦ w̃(θ)ᵀx (the model's own predictor; exact up to rounding since f is bilinear), against
  // x₁ᵀdiag(u₊²+v₊²+u₋²+v₋²)x₂ at a general init and 2x₁ᵀdiag(u₀²+v₀²)x₂ at an unbiased one.
  const model = diagonalUntied({ X: data.X, y: data.y });
  const thGen = rng.normals(4 * inst.d, 0.7);
  const alpha = Array.from({ length: inst.d }, () => rng.logUniform(0.01, 3));
  const s = Array.from({ length: inst.d }, () => rng.range(-0.9, 0.9));
  const { u0, v0 } = initFromScaleShape(alpha, s);
  const thUnb = unbiasedInit(u0, v0);
  const gradF = (th: Float64Array, x: number[]) => {
    const g = new Float64Array(th.length);
    const h = 1e-6;
    for (let k = 0; k < th.length; k++) {
      const p = Float64Array.from(th), m = Float64Array.from(th);
      p[k] += h;
      m[k] -= h;
      g[k] = (dotv(model.predictor(p), x) - dotv(model.predictor(m), x)) / (2 * h);
    }
    return g;
  };
  let ntkErr = 0;
  const dd = inst.d;
  for (let a = 0; a < inst.N; a++)
    for (let b = 0; b < inst.N; b++) {
      const x1 = data.X[a], x2 = data.X[b];
      const kGen = dotv(gradF(thGen, x1), gradF(thGen, x2));
      const kUnb = dotv(gradF(thUnb, x1), gradF(thUnb, x2));
      let fGen = 0, fUnb = 0;
      for (let i = 0; i < dd; i++) {
        fGen += (thGen[i] ** 2 + thGen[dd + i] ** 2 + thGen[2 * dd + i] ** 2 + thGen[3 * dd + i] ** 2) * x1[i] * x2[i];
        fUnb += 2 * (u0[i] ** 2 + v0[i] ** 2) * x1[i] * x2[i];
      }
      ntkErr = Math.max(ntkErr, Math.abs(kGen - fGen) / (1 + Math.abs(fGen)), Math.abs(kUnb - fUnb) / (1 + Math.abs(fUnb)));
    }
  const mA = Math.max(...wW.map((w, i) => Math.abs(w) / (2 * lams[3] * c[i])));
  const tolA = Math.sqrt(Math.max(...c) / Math.min(...c)) * (2 / 3) * mA * mA * (1 + 10 * mA * mA) + 1e-10;
  return all([
    ...(failA
      ? [inconclusive(failA)]
      : [
          // exact boolean (no slack beyond the 1e-6 relative rounding slack inside monoA; the distances fall ~100× per decade of λ)
          within(monoA ? 0 : 1, 0, `(a) distance to weighted min-norm decreasing in λ: ${distA.map(fmt).join(', ')}`),
          // tol, derived per instance: q_k′(x) = ½asinh(2x/√k) = x/√k − (2/3)x³/k^{3/2} + O(x⁵/k^{5/2}). At the weighted
          // min-norm point w* the cubic term adds the gradient g_i = −(2/3)w_i³/s_i³ (s_i = √k_i = 2000c_i); the argmin moves
          // by δ = the S⁻¹-orthogonal projection of −Sg onto null(X), so ‖δ‖_{S⁻¹} ≤ ‖S^{½}g‖ and
          // ‖δ‖₂/‖w*‖₂ ≤ √(s_max/s_min)·(2/3)·m², m = max_i |w*_i|/s_i. The factor (1 + 10m²) covers the O(m⁴) terms; 1e-10
          // the two solvers' accuracy. (Was a flat 1e-6, which measured 7.4e-7 at worst: headroom 1.35.)
          within(distA[3], tolA, `(a) distance at λ = 1000 (first-order bound (2/3)·√(c_max/c_min)·m², m = ${fmt(mA)})`),
          // q_k − x²/(2√k) = O(1/k^{3/2}) gives an O(λ⁻²) argmin error: the fitted slope must be ≤ −1.5.
          within(slopeA + 2, 0.5, `(a) log–log slope ${fmt(slopeA)} vs −2`),
        ]),
    // exact boolean (monoC allows the derived rounding floor stepSlack per step)
    failC ? inconclusive(failC) : within(monoC ? 0 : 1, 0, `(c) ℓ1 gap decreasing as √k → 0 (from √k = 1e-4·c on): ${gapC.map(fmt).join(', ')}`),
    // The convergence is slow (logarithmic in 1/√k at first): the sequence runs to √k = 1e-128·c. Rate (derived from
    // the KKT form wⱼ = (√kⱼ/2)sinh(2X_jᵀν) with 2|X_iᵀν| ≈ ln(4|wᵢ|/√kᵢ) on the ℓ1 support): an off-support
    // coordinate j has |wⱼ|/|wᵢ| ∝ λ^{εⱼ}, εⱼ its reduced-cost margin, so the gap enters its asymptotic regime only once
    // λ^ε ≪ 1, i.e. ε·ln(1/λ) ≫ 1. The 1e-4 endpoint bound is asserted when λ_end^ε ≤ 1e-4 (ε·ln(1/λ_end) ≥ ln 1e4);
    // on a nearly degenerate ℓ1 problem (calibration seed 33: d = 3, N = 1, |x₁| = 1.457 vs |x₃| = 1.445, ε = 0.0084,
    // ε·ln 1e128 = 2.5; gap 8.8e-4 at 1e-128, 9.1e-5 at 1e-250) the sequence has not entered that regime by 1e-128
    // and an endpoint gap above 1e-4 is inconclusive, not a refutation (the monotone decrease above is still asserted).
    ((): Outcome => {
      if (failC) return inconclusive(failC);
      const lEnd = small[small.length - 1];
      const expo = l1Margin * Math.log(1 / lEnd);
      if (!(expo >= Math.log(1e4)) && gapC[gapC.length - 1] > 1e-4)
        return inconclusive(`(c) ℓ1 minimizer nearly degenerate (reduced-cost margin ε = ${fmt(l1Margin)}, ε·ln(1/λ_end) = ${fmt(expo)} < ln 1e4): gap ${fmt(gapC[gapC.length - 1])} at √k = 1e-128·c is pre-asymptotic`);
      return within(gapC[gapC.length - 1], 1e-4, '(c) relative ℓ1 gap at √k = 1e-128·c');
    })(),
    // FD rounding ε|f|/h ≈ 1e-10 per entry (times sizes): 1e-7.
    within(ntkErr, 1e-7, '(b) NTK at init (FD parameter gradients) vs formula'),
  ]);
}

export const azuE = defineClaim<EInst>({
  id: 'AZU-E',
  paper: PAPER,
  title: 'k → ∞ gives weighted ℓ2 (q_k ≈ x²/(2√k)); k → 0 gives ℓ1',
  statement:
    '(a) q_k(x) = x²/(2√k) − x⁴/(6k^{3/2}) + O(k^{−5/2}); as √kᵢ = 2λcᵢ with λ → ∞, argmin_{Xᵀw=y} Q_k → argmin Σᵢ wᵢ²/cᵢ at rate O(λ⁻²). (b) The NTK at init is x₁ᵀdiag(u₊²+v₊²+u₋²+v₋²)x₂ (lines 955–959). (c) As √kᵢ = λcᵢ with λ → 0, argmin Q_k → the minimum-ℓ1 interpolator (relative ‖·‖₁ gap decreasing along λ = 1e-2 … 1e-128, ≤ 1e-4 at the end).',
  where: 'main text lines 334–342; App. E lines 931–971',
  kind: 'property',
  expected: 'holds',
  arbitrary: kinvArb,
  check: (inst) => {
    // Pointwise asymptote check: √k·q_k(x) − x²/2 = −x⁴/(6k) + x⁶/(5k²) − … (alternating, decreasing terms for 2x < √k),
    // so |…| < x⁴/(6k) rigorously; the factor 1.01 and the 1e-15 cover rounding (≈ 2e-16 here). The observed value sits
    // just below the bound BY DESIGN (margin ≈ 0.99 at every seed): this sub-check sets AZU-E's calibration margin and hides
    // the headroom of the others (measured at seed 1: (a) 0.05, (c) 2e-8, (b) 7e-5).
    const x = 0.7, k = 1e8;
    const asym = Math.abs(Math.sqrt(k) * qk(x, Math.sqrt(k)) - x * x / 2);
    return all([within(asym, (x ** 4 / (6 * k)) * 1.01 + 1e-15, '√k q_k(x) − x²/2 at k = 1e8'), eSequences(inst)]);
  },
  falsifiers: [
    {
      name: 'k → ∞ limit is plain min-norm',
      description: 'argmin Q_k → min-ℓ2 (unweighted) even with heterogeneous √k: the distance must stay O(1).',
      check: (inst) => {
        const rng = new Rng(inst.seed);
        const data = drawData(rng, inst.d, inst.N);
        const c = Array.from({ length: inst.d }, () => rng.range(0.5, 2));
        const sol = minQk(data.X, data.y, c.map((ci) => 2000 * ci), undefined, false);
        return graded(relDist(sol.beta, minNorm(data.X, data.y)), C4_PASS, C4_FAIL, 'distance to unweighted min-norm at λ = 1000');
      },
    },
  ],
  counterpart: 'AZU-E-LITERAL',
  erratum:
    'App. E (line 951, and the RKHS-norm remark at line 336) gives q_k(x) → x²/√k; the correct asymptote is x²/(2√k) = ½ × the RKHS norm². Line 965 has the wrong sign on the |x|/2 term in its first arrow (the next line is right). The argmin conclusions (NTK regime, ℓ1 regime) are correct.',
  // ci: 3 runs (each ≈ 0.03 s) so that one pre-asymptotic (nearly degenerate ℓ1) instance leaves a verdict.
  runs: { ci: 3, default: 4, deep: 20 },
});

export const azuELiteral = defineClaim<{ x: number; logK: number }>({
  id: 'AZU-E-LITERAL',
  paper: PAPER,
  title: 'App. E as printed: q_k(x) ≈ x²/√k for large k',
  statement: 'Literal App. E line 951: as k → ∞, q_k(x) → x²/√k, i.e. √k·q_k(x) → x².',
  where: 'App. E line 951; main text line 336',
  kind: 'identity',
  expected: 'refuted',
  arbitrary: fc.record({ x: fc.constantFrom(0.3, 0.7, 1.5, 3), logK: fc.constantFrom(8, 10, 12) }),
  check: ({ x, logK }) => {
    const r = Math.sqrt(10 ** logK);
    // True deviation |√k q_k − x²/2| ≤ x⁴/(6k): the literal limit x² is off by x²/2.
    return within(Math.abs(r * qk(x, r) - x * x) / (x * x), 1e-6, '√k q_k(x) vs x² (relative)');
  },
  falsifiers: [
    {
      name: 'line 965 first arrow: q_k → |x|/2 + (|x|/2)log(4|x|/√k)',
      description: 'Small-k asymptote with the wrong sign on |x|/2 (the correct one is −|x|/2 + √k/4).',
      check: ({ x, logK }) => {
        const r = 10 ** -logK;
        const lit = Math.abs(x) / 2 + (Math.abs(x) / 2) * Math.log((4 * Math.abs(x)) / r);
        // tol: the literal claim's 1e-6 relative. The correct small-k asymptote (|x|/2)log(4|x|/√k) − |x|/2 + √k/4 has
        // relative error O(k/x²)/log(4|x|/√k) ≲ 1e-15 at √k ≤ 1e-8, so it would pass with ~1e9× headroom; the sign-flipped
        // |x|/2 is off by |x|, i.e. ≈ 2/(log(4|x|/√k) − 1) ≈ 0.07–0.12 relative (≈ 1e5× the tolerance).
        return within(Math.abs(qk(x, r) - lit) / qk(x, r), 1e-6, 'mutant small-k asymptote (relative)');
      },
    },
  ],
  counterpart: 'AZU-E',
  erratum:
    'App. E line 951 states q_k(x) → x²/√k; in fact √k·q_k(x) → x²/2 (q_k(x) = x²/(2√k) − x⁴/(6k^{3/2}) + …). Observed √k q_k(0.7) = 0.245 at k = 1e8, not 0.49.',
  runs: { ci: 4, default: 12, deep: 12 },
});

export const diagonalClaims: Claim[] = [azuBal3, azuA19, azuQk, azuK, azuT1, azuT1P, azuKinv, azuT1G, azuT1GLiteral, azuWW, azuE, azuELiteral];
