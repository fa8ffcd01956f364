// Yun et al. (2021), §5 and App. F–H: regression with the squared loss.
// YUN-L4, L4X (Lemma 4), T5, T5S, T5R, R4, C5, C6 (+LITERAL), C7 (orthogonally decomposable nets),
// T6, T6G, T6R (two layers, one point), T7, T7R, T7P (+LITERAL), T7G (deep FC networks).
import fc from 'fast-check';
import { all, defineClaim, fail, inconclusive, pass, within, type Claim, type Outcome } from '../../src/core/claim.js';
import { integrateOde } from '../../src/flow/index.js';
import {
  HL,
  blowupTime,
  distv,
  dotv,
  gT6,
  hL,
  hLinv,
  matTVec,
  norm,
  pqL,
  solveIncreasing,
  solveLinear,
  solveT5,
  weightedMinL2,
  type T5Problem,
} from '../../src/bias/yunTheory.js';
import { weightedMinL1Interp } from '../../src/bias/yunLP.js';
import { betaOf, flowRhs, lossOf, makeNet, outputs, residual, splitParams, type Arch } from '../../src/models/tensorNets.js';
import { fcBeta, fcLayers, fcLoss, fcRhs, sensingProduct, sensingRhs } from '../../src/models/tensorFc.js';
import { PAPER, Rng, awayFromZero, compactSvd, dft, gaussMat, gaussVec, lambdaMinSym, orthCols, runGF } from './common.js';
import { evenVector } from './tensors.js';
import { Matrix } from 'ml-matrix';
import { randomOrthogonal, symEig } from '../../src/linalg/index.js';

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

// ---------------- YUN-L4 ----------------
interface L4Inst {
  L: number;
}
function integratePQ(L: number, tMax: number, qStop: number) {
  return integrateOde(
    (_t, y, o) => {
      o[0] = Math.pow(y[0], L - 2) * y[1];
      o[1] = Math.pow(y[0], L - 1);
    },
    Float64Array.from([1, 0]),
    { tMax, rtol: 1e-12, atol: 1e-14, stop: (_t, y) => Math.abs(y[1]) > qStop, tEval: Array.from({ length: 41 }, (_, k) => (k / 40) * Math.min(tMax, 0.999 * blowupTime(L))), maxSteps: 200000, divergeNorm: 1e300 },
  );
}
const yunL4 = defineClaim<L4Inst>({
  id: 'YUN-L4',
  paper: PAPER,
  title: "Lemma 4: p' = p^{L−2}q, q' = p^{L−1} has a solution on (−c, c); h_L = p^{L−1}q is odd, increasing, onto R",
  statement:
    "For L ≥ 2 the system p' = p^{L−2}q, q' = p^{L−1}, p(0) = 1, q(0) = 0 has a solution on a maximal (−c, c), c ∈ (0, ∞]; h_L = p_L^{L−1}q_L is odd, strictly increasing, with h_L → ±∞ at ±c (so H_L = ∫_0^u h_L^{-1} is defined on R). Measured: the blow-up time equals c_L = √π Γ((L−2)/2)/(2Γ((L−1)/2)) (∞ for L = 2), p ≥ 1, q ≥ t on [0, c).",
  where: 'statement lines 366–372; proof F.1 lines 1256–1296',
  kind: 'lemma',
  expected: 'holds',
  arbitrary: fc.record({ L: fc.integer({ min: 2, max: 7 }) }),
  check: ({ L }) => {
    const c = blowupTime(L);
    const qStop = 1e8;
    const res = integratePQ(L, L === 2 ? 8 : 10, qStop);
    const outs: Outcome[] = [];
    if (L === 2) {
      outs.push(res.status === 'done' ? pass(0, 'L = 2: no blow-up on [0, 8]') : fail(Infinity, `L = 2 stopped: ${res.status}`));
      // tol: L = 2 is the linear system p' = q, q' = p (exact q = sinh t). dopri5 at rtol 1e-12 controls the
      // local error relative to |y| ~ e^t, so the global relative error after T = 8 is ≲ rtol·(steps) ~ 1e-11;
      // 1e-9 leaves ≳ 10²× over that estimate (measured 1.2e-12, ~900× headroom). A wrong system is O(1) off.
      outs.push(within(Math.abs(res.y[1] - Math.sinh(8)) / Math.sinh(8), 1e-9, 'q_2(8) vs sinh 8'));
    } else {
      // 'step-underflow' also signals the pole (the step size collapses as q explodes)
      if (res.status !== 'stopped' && res.status !== 'step-underflow') return fail(Infinity, `no blow-up before t = 10 (status ${res.status})`);
      if (Math.abs(res.y[1]) < 100) return fail(Infinity, `integration stopped at q = ${res.y[1].toExponential(2)} without blowing up`);
      // q' ≈ q^{L−1} near the pole: the time left after q = Q is ≈ Q^{2−L}/(L−2); plus integration error 1e-8.
      const slack = Math.pow(Math.abs(res.y[1]), 2 - L) / (L - 2) + 1e-8;
      outs.push(within(Math.abs(res.t - c), slack, `blow-up time vs c_${L} = ${c.toFixed(6)}`));
    }
    // oddness through symmetry: (p, q)(−t) solves the same system with (p, −q); check h on a grid vs closed evaluation
    let mono = true;
    let prevH = -Infinity;
    let lower = 0;
    for (let k = 0; k < res.ts.length; k++) {
      const [p, q] = res.ys[k];
      const h = Math.pow(p, L - 1) * q;
      if (!(h > prevH)) mono = false;
      prevH = h;
      lower = Math.max(lower, 1 - p, res.ts[k] - q);
      const t = res.ts[k];
      // tol (oddness): both terms are closed evaluations whose branches are sign-symmetric (sinh; θ = sgn·bisection,
      // sec even, tan odd), so the sum is 0 up to a few ulps of |h|: 1e-12·(1 + |h|) is pure rounding slack
      // (measured 0 for L = 2, 3 and ≤ 5.5e-18·(1 + |h|) for L ≥ 4).
      // tol (closed vs ODE): rtol 1e-12 per step; the grid runs to 0.999·c_L, where h ∝ (c_L − t)^{−(L−1)/(L−2)}
      // amplifies a time error δ by (L−1)/((L−2)(c_L − t)) ≈ 10³/c_L, so the relative error of h is ≲ 1e-9;
      // 1e-8·(1 + |h|) leaves ≥ 10× (measured worst 4.0e-10 at L = 3, 25× headroom).
      outs.push(within(Math.abs(hL(L, -t) + hL(L, t)), 1e-12 * (1 + Math.abs(h)), `h(−t) + h(t) at t=${t.toFixed(3)}`));
      outs.push(within(Math.abs(hL(L, t) - h), 1e-8 * (1 + Math.abs(h)), `closed h_L vs ODE at t=${t.toFixed(3)}`));
    }
    outs.push(mono ? pass(0, 'h increasing on the grid') : fail(Infinity, 'h not increasing'));
    // p ≥ 1 and q ≥ t are exact for the true solution (p' = p^{L−2}q ≥ 0, q' = p^{L−1} ≥ 1 on t ≥ 0), with slack
    // O(t²), O(t³) ≥ 1e-5 at every grid point after t = 0 (where the values are exact); 1e-12 is one step's error
    // tolerance atol + rtol·|y| at |y| ≈ 1, i.e. rounding slack only (measured 0).
    outs.push(within(lower, 1e-12, 'p ≥ 1 and q ≥ t'));
    return all(outs);
  },
  falsifiers: [
    {
      name: 'c = ∞ for every L',
      description: 'A global solution for all depths: integrating to t = 10 blows up for every L ≥ 3.',
      arbitrary: fc.record({ L: fc.integer({ min: 3, max: 7 }) }),
      check: ({ L }) => {
        const res = integratePQ(L, 10, 1e8);
        return res.status === 'done' ? pass(0, 'finite on [0,10]') : fail(Infinity, `L=${L}: q > 1e8 at t = ${res.t.toFixed(4)} < 10`);
      },
    },
  ],
  runs: { ci: 6, default: 6, deep: 6 },
});

// ---------------- YUN-L4X ----------------
function quadrature(f: (u: number) => number, a: number, b: number, n = 400): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let k = 1; k < n; k++) s += (k % 2 ? 4 : 2) * f(a + k * h);
  return (s * h) / 3;
}
/**
 * Lemma 4's (p, q) at t by integrating the system itself (dopri5, rtol 1e-12): no angle parametrisation, no W_L, no
 * closed form. For t < 0 the system is integrated in τ = −t (p' = −p^{L−2}q, q' = −p^{L−1} in τ).
 */
function pqByOde(L: number, t: number): { p: number; q: number; ok: boolean; steps: number } {
  const sg = t < 0 ? -1 : 1;
  const res = integrateOde(
    (_t, y, o) => {
      o[0] = sg * Math.pow(y[0], L - 2) * y[1];
      o[1] = sg * Math.pow(y[0], L - 1);
    },
    Float64Array.from([1, 0]),
    { tMax: Math.abs(t), rtol: 1e-12, atol: 1e-14, maxSteps: 200000, divergeNorm: 1e300 },
  );
  return { p: res.y[0], q: res.y[1], ok: res.status === 'done', steps: res.steps };
}
/** Root of an increasing f on [0, hi] at |target| (odd extension); NaN when |target| > f(hi). Plain bisection. */
function oddRoot(f: (x: number) => number, hi: number, target: number): number {
  const a = Math.abs(target);
  if (a > f(hi)) return Number.NaN;
  let lo = 0;
  for (let k = 0; k < 200 && hi - lo > 1e-17; k++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < a) lo = mid;
    else hi = mid;
  }
  return Math.sign(target) * 0.5 * (lo + hi);
}
export type L4XClosedVariant = 'catalog' | 'exponent' | 'constant';
/**
 * The catalog's closed forms of h_L (YUN-L4X, written out here, not through src/bias/yunTheory.ts):
 * h_2 = ½ sinh 2t; h_3 = tan t sec² t; h_4 = t/(1−t²)²; h_L = sin θ / cos^L θ with t = W_L(θ) and the closed
 * W_5 = ½(θ + sin θ cos θ), W_6 = sin θ − sin³θ/3 (for L = 6, s = sin θ solves s³ − 3s + 3t = 0, whose root in
 * (−1, 1) is s = 2 sin(⅓ asin(3t/2)) by sin 3φ = 3 sin φ − 4 sin³φ).
 * Mutants: 'exponent' uses one power of cos θ too few (h = sin θ / cos^{L−1} θ, i.e. p^{L−2}q);
 * 'constant' drops a constant: h_2 = sinh 2t, W_5 = θ + sin θ cos θ, W_6 = sin θ − sin³θ (L = 3, 4 unchanged).
 */
function closedHL(L: number, t: number, v: L4XClosedVariant): number {
  const e = v === 'exponent' ? 1 : 0;
  switch (L) {
    case 2:
      return v === 'exponent' ? Math.sinh(t) : v === 'constant' ? Math.sinh(2 * t) : 0.5 * Math.sinh(2 * t);
    case 3:
      return Math.tan(t) / Math.pow(Math.cos(t), 2 - e);
    case 4:
      return t / Math.pow(1 - t * t, 2 - e / 2);
    case 5: {
      const W5 = v === 'constant' ? (th: number) => th + Math.sin(th) * Math.cos(th) : (th: number) => 0.5 * (th + Math.sin(th) * Math.cos(th));
      const th = oddRoot(W5, Math.PI / 2, t);
      return Math.sin(th) / Math.pow(Math.cos(th), 5 - e);
    }
    case 6: {
      const s = v === 'constant' ? oddRoot((x) => x - x ** 3, 1 / Math.sqrt(3), t) : 2 * Math.sin(Math.asin(1.5 * t) / 3);
      return s / Math.pow(1 - s * s, 3 - e / 2);
    }
    default:
      throw new Error(`closedHL: no closed form for L = ${L}`);
  }
}
interface L4XInst {
  L: number;
  t: number;
}
function l4xCheck({ L, t }: L4XInst, mutantHexp = 0, mutantH2 = false, closedVariant: L4XClosedVariant = 'catalog'): Outcome {
  const c = blowupTime(L);
  const tt = Math.sign(t) * Math.min(Math.abs(t), 0.9 * Math.min(c, 3));
  const { p, q } = pqL(L, tt);
  // tol: p² − q² in floating point cancels two numbers of size p², so its rounding is ≈ 2ε·p² ≈ 4e-16·p²;
  // 1e-10·p² is a generous rounding slack (measured ≤ 4.6e-16·p², ~2×10⁵ headroom) that any wrong (p, q)
  // (an O(1) defect) still exceeds.
  const outs: Outcome[] = [within(Math.abs(p * p - q * q - 1), 1e-10 * p * p, 'p² − q² = 1')];
  // Closed forms against an independent computation: (p, q) from integrating Lemma 4's ODE to tt (no angle
  // parametrisation, no library h_L), h_ode = p^{L−1} q. (Before, the closed side for L = 2, 5, 6 was the library's
  // own expression, so the comparison was 0 by construction.)
  const ode = pqByOde(L, tt);
  if (!ode.ok) return inconclusive(`ODE for (p, q) did not reach t = ${tt}`);
  const hOde = Math.pow(ode.p, L - 1) * ode.q;
  const closed = closedHL(L, tt, closedVariant);
  if (!Number.isFinite(closed)) return inconclusive(`closed form (${closedVariant}) undefined at t = ${tt}: W_L has no root there`);
  // tol: the ODE side dominates. dopri5 keeps the local error ≤ atol + rtol·|y| (rtol 1e-12) over ≲ 10² steps
  // (measured ≤ 60 steps), so the state's relative error is ≲ 1e-10; |tt| ≤ 0.9·c_L keeps h away from its pole,
  // where a time error δ is amplified by (L−1)/((L−2)(c_L − t)) ≤ 10·(L−1)/((L−2)c_L) ≤ 20 (L = 6: 19; L = 3: 13;
  // L = 2 has no pole), so h_ode is accurate to ≲ 2e-9 relative. The closed side is rounding (bisection to 1e-17 in θ
  // for L = 5, condition ≤ 10²). 1e-8·(1 + |h|) leaves ≥ 5× over the bound (the same level as YUN-L4's closed-vs-ODE
  // grid; measured worst 3.1e-4 of the allowance, i.e. ≈ 3e-12 relative, over L = 2…6 and t on a 0.01 grid of
  // [−1.4, 1.4]); every mutant is off by a factor cos θ or 2 (or W off by O(θ³)), i.e. O(t²)–O(1) relative for |t| ≳ 1e-3.
  outs.push(within(Math.abs(closed - hOde), 1e-8 * (1 + Math.abs(hOde)), `closed h_${L}${closedVariant === 'catalog' ? '' : ` (${closedVariant} mutant)`} vs ODE p^{L−1}q at t = ${tt.toPrecision(4)}`));
  if (closedVariant !== 'catalog') return all(outs);
  // The library's h_L (used below and by every Theorem-5 predictor) against the same ODE value; tol as above.
  outs.push(within(Math.abs(hL(L, tt) - hOde), 1e-8 * (1 + Math.abs(hOde)), 'library h_L vs ODE'));
  // Legendre: H_L(h_L(t)) = t h_L(t) − q²/2, with H_L by composite Simpson quadrature of h^{-1} on [0, u].
  // The quadrature error is not a fixed 1e-9: u = h_L(t) grows without bound as t → c_L (u ≈ 39 at L = 3,
  // t = 1.28), so the panel width u/n grows while h^{-1} keeps O(1) curvature near 0. We therefore estimate it
  // from the problem itself: Simpson's error is O(n⁻⁴), so the error of S_{2n} is ≈ |S_{2n} − S_n|/15
  // (Richardson). We allow |S_{2n} − S_n| (15× that estimate, covering the pre-asymptotic regime) plus the
  // round-off of ~2n function evaluations, 1e-12·(1 + |H|). A wrong closed form (e.g. the H_2 constant
  // falsifier, off by ¼) is far outside this.
  const u = hL(L, tt);
  const Hn = quadrature((s) => hLinv(L, s), 0, u, 400);
  const Hq = quadrature((s) => hLinv(L, s), 0, u, 800);
  const quadTol = Math.abs(Hq - Hn) + 1e-12 * (1 + Math.abs(Hq));
  outs.push(within(Math.abs(Hq - (tt * u - (q * q) / 2)), quadTol, 'H_L(h_L(t)) = t h_L − q²/2'));
  // Taylor coefficient of t³: h_L(t) = t + 2(L−1)/3 t³ + O(t⁵); with mutant h = p^{L+e−1} q
  const s = 1e-3;
  const pq = pqL(L, s);
  const hm = Math.pow(pq.p, L - 1 + mutantHexp) * pq.q;
  const c3 = (hm - s) / s ** 3;
  outs.push(within(Math.abs(c3 - (2 * (L - 1)) / 3), 1e-4 * L, 't³ coefficient 2(L−1)/3 (O(t²) = 1e-6·L² remainder)'));
  if (L === 2) {
    const H2 = (v: number) => (v / 2) * Math.asinh(2 * v) - (mutantH2 ? 0.25 * Math.sqrt(1 + 4 * v * v) : 0.25 * (Math.sqrt(1 + 4 * v * v) - 1));
    outs.push(within(Math.abs(H2(0)), 1e-15, 'H_2(0) = 0'));
    // tol: quadTol, derived above (Richardson estimate |S_2n − S_n| = 15× Simpson's error of S_2n, plus round-off);
    // the closed H_2 is exact up to rounding, so the same budget applies (measured margin ≤ 0.066 ≈ 1/15).
    outs.push(within(Math.abs(H2(u) - Hq), quadTol, 'closed H_2 vs quadrature'));
    outs.push(within(Math.abs(HL(2, u) - Hq), quadTol, 'library H_2 vs quadrature'));
  }
  return all(outs);
}
/**
 * Instances: the depth L from fast-check, t uniform on [−1.4, 1.4] from a seeded Rng (fc.double piles its draws on 0,
 * ±tiny and the endpoints, where the closed-form mutants are within the tolerance of the truth). l4xCheck clamps
 * |t| to 0.9·min(c_L, 3), so for L ≥ 3 the corner near the pole is drawn with positive probability.
 */
const l4xArb = (Larb: fc.Arbitrary<number>) =>
  fc.record({ L: Larb, seed: seedArb }).map(({ L, seed }) => ({ L, t: Number(new Rng(seed).range(-1.4, 1.4).toFixed(6)) }));
const yunL4X = defineClaim<L4XInst>({
  id: 'YUN-L4X',
  paper: PAPER,
  title: 'closed forms of h_L and H_L (derived): p² − q² = 1, Legendre identity, Taylor coefficients',
  statement:
    'Derived (not in the paper): p_L² − q_L² ≡ 1, so p = sec θ, q = tan θ, t = ∫_0^θ cos^{L−3}; h_2 = ½ sinh 2t, h_3 = tan t sec² t, h_4 = t/(1−t²)², h_5 = sin θ/cos⁵θ with ½(θ + sin θ cos θ) = t, h_6 = s/(1−s²)³ with s − s³/3 = t (each compared with p^{L−1}q from an ODE solve of Lemma 4\'s system); H_L(h_L(t)) = t h_L(t) − q_L(t)²/2; h_L(t) = t + 2(L−1)/3 t³ + O(t⁵); H_2(u) = (u/2) asinh(2u) − ¼(√(1+4u²) − 1).',
  where: 'catalog YUN-L4X (derived from F.1)',
  kind: 'identity',
  expected: 'holds',
  arbitrary: l4xArb(fc.integer({ min: 2, max: 6 })),
  check: (i) => l4xCheck(i),
  falsifiers: [
    {
      name: 'h_L = p^L q',
      description: 'One more power of p: odd and increasing too, but the t³ coefficient becomes (2L−1)/3.',
      check: (i) => l4xCheck(i, 1),
    },
    {
      name: 'H_2 without the +¼',
      description: 'Dropping the constant gives H_2(0) = −¼ ≠ 0.',
      arbitrary: l4xArb(fc.constant(2)),
      check: (i) => l4xCheck(i, 0, true),
    },
    {
      name: 'closed h_L with one power of sec θ too few',
      description: 'h_2 = sinh t, h_3 = tan t sec t, h_4 = t/(1−t²)^{3/2}, h_5,6 = sin θ/cos^{L−1} θ (i.e. p^{L−2}q): rejected against the ODE solution.',
      check: (i) => l4xCheck(i, 0, false, 'exponent'),
    },
    {
      name: 'closed h_L with a dropped constant (L = 2, 5, 6)',
      description: 'h_2 = sinh 2t (no ½), W_5 = θ + sin θ cos θ (no ½), W_6 = sin θ − sin³θ (no ⅓): rejected against the ODE solution.',
      arbitrary: l4xArb(fc.constantFrom(2, 5, 6)),
      check: (i) => l4xCheck(i, 0, false, 'constant'),
    },
  ],
  runs: { ci: 10, default: 30, deep: 100 },
});

// ---------------- Theorem 5 machinery ----------------
export interface T5Inst {
  kind: 'diag' | 'synthetic';
  L: number;
  n: number;
  extra: number;
  logAlpha: number;
  seed: number;
}
interface T5Setup {
  net: ReturnType<typeof makeNet>;
  theta0: Float64Array;
  P: T5Problem;
  S: number[][];
  Us: number[][][];
  X: number[][];
  y: number[];
}
function t5Setup(i: T5Inst): T5Setup {
  const rng = new Rng(i.seed);
  const d = i.n + i.extra;
  const X = gaussMat(rng, i.n, d);
  const y = gaussVec(rng, i.n);
  let m = d;
  let S: number[][];
  let Us: number[][][];
  let arch: Arch;
  if (i.kind === 'diag') {
    S = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (a === b ? 1 : 0)));
    Us = Array.from({ length: i.L }, () => S);
    arch = { kind: 'diag', d, L: i.L };
  } else {
    m = d + rng.int(0, 1);
    S = gaussMat(rng, m, d);
    Us = Array.from({ length: i.L }, () => orthCols(rng, m + rng.int(0, 1), m));
    arch = { kind: 'synthetic', d, S, Us };
  }
  const eta = awayFromZero(rng, m);
  const alpha = Math.exp(i.logAlpha);
  const net = makeNet(arch, X, y, 'sq');
  const theta0 = new Float64Array(net.dim);
  let o = 0;
  for (let l = 0; l < i.L; l++) {
    const k = net.shape[l];
    if (l < i.L - 1) for (let r = 0; r < k; r++) theta0[o + r] = alpha * Us[l][r].reduce((s, u, j) => s + u * eta[j], 0);
    o += k;
  }
  const A = X.map((x) => S.map((row) => dotv(row, x))); // X Sᵀ
  return { net, theta0, P: { L: i.L, alpha, eta, A, y }, S, Us, X, y };
}
const betaFromRho = (S: number[][], rho: number[]) => S[0].map((_, k) => S.reduce((s, row, j) => s + row[k] * rho[j], 0));

/** GF limit vs predicted Sᵀρ; tolerance 1e-7·max(1,‖β‖) (catalog; integrator error ≲ 1e-9, loss-stop 1e-20 ⇒ ‖r‖ ≤ 1.4e-10). */
function t5Compare(s: T5Setup, predictor: (P: T5Problem) => number[] | null, tier: string): Outcome {
  // (The same rtol is used by every run below that stops on L < 1e-20.)
  // rtol 1e-12: near the limit the step is stability-limited and the state carries a local error of
  // ≈ atol + rtol·|θ| per component, i.e. ‖r‖ ≈ 1e-10 (L ≈ 1e-20) at rtol 1e-10 — the loss-stop would
  // sit on the integrator's noise floor. At 1e-12 the floor is L ≈ 1e-24, two decades of ‖r‖ below the stop.
  const run = runGF(s.net, s.theta0, { lossStop: 1e-20, rtol: 1e-12, wallSeconds: tier === 'ci' ? 4 : 30 });
  if (!run.converged) return inconclusive(`GF did not reach loss 1e-20 (${run.res.status}, t=${run.res.t.toExponential(2)})`);
  const rho = predictor(s.P);
  if (!rho) return inconclusive('predictor failed');
  const pred = betaFromRho(s.S, rho);
  const beta = Array.from(betaOf(s.net, run.res.y));
  // tol (T5_LIMIT_TOL, also used by C5, C6, C7): the theorem's own slack is 0; three error sources are added.
  // (a) the run stops at L < 1e-20, i.e. ‖r‖ < 1.5e-10; the remaining flow only closes that residual, moving β by
  //     ≈ ‖r‖/σ_min(effective feature map) ≲ 1e-9 for the drawn sizes (σ_min ≳ 0.1);
  // (b) the integrator: rtol 1e-12 per step, global relative error ≲ rtol × (≈ 50 e-folds of the loss) ≈ 1e-10;
  // (c) the predictor: the dual Newton accepts ‖Ãρ − y‖ ≤ 1e-9·max(1, ‖y‖) (typically 1e-14), moving ρ by
  //     ≲ 1e-9/σ_min(Ã) ≲ 1e-8.
  // Sum ≲ 1e-8 relative; 1e-7·max(1, ‖β‖) leaves ≥ 10× on this worst case (measured worst margins in
  // calibration/yun2021.json: T5 4.0e-3, C5 1.3e-3, C6 2.2e-3, C7 1.5e-3, i.e. ≳ 250× headroom), while the
  // mutants are only tested on instances where they differ by ≥ 100× this tolerance (mutantCompare).
  return within(distv(beta, pred), 1e-7 * Math.max(1, norm(beta)), '‖β_GF − Sᵀρ∞‖');
}
const t5Predict = (P: T5Problem) => {
  const sol = solveT5(P);
  return sol.converged ? sol.rho : null;
};
const t5Arb = fc.record({
  kind: fc.constantFrom('diag' as const, 'synthetic' as const),
  L: fc.integer({ min: 2, max: 3 }),
  n: fc.integer({ min: 1, max: 3 }),
  extra: fc.integer({ min: 1, max: 2 }),
  logAlpha: fc.double({ min: Math.log(0.3), max: Math.log(2), noNaN: true }),
  seed: seedArb,
});
/** Falsifier wrapper applying the discriminating-instance rule: skip (pass) when the mutant agrees with the truth. */
function mutantCompare(s: T5Setup, mutant: (P: T5Problem) => number[] | null, tier: string): Outcome {
  const good = t5Predict(s.P);
  const bad = mutant(s.P);
  if (!good || !bad) return inconclusive('predictor failed');
  if (distv(betaFromRho(s.S, good), betaFromRho(s.S, bad)) < 100 * 1e-7 * Math.max(1, norm(good))) return pass(0, 'mutant not discriminated on this instance');
  return t5Compare(s, mutant, tier);
}

const yunT5 = defineClaim<T5Inst>({
  id: 'YUN-T5',
  paper: PAPER,
  title: 'Theorem 5: orthogonally decomposable networks converge to the minimum-Q_{L,α,η̄} interpolant',
  statement:
    'Assumption 1 with real S (full column rank), real U_l; squared loss; v̄_l = U_lη̄ (l < L), v̄_L = 0, all η̄_j ≠ 0. Then L → 0 and β(Θ(t)) → Sᵀρ∞, ρ∞ = argmin_{XSᵀρ=y} Q_{L,α,η̄}(ρ) = α² Σ_j η̄_j² H_L(ρ_j/(α^L|η̄_j|^L)), H_L = ∫_0^u h_L^{-1}. The minimiser is computed independently by damped Newton on the concave dual (KKT (64)–(65)).',
  where: 'statement lines 373–381; proof F.2 lines 1297–1395',
  kind: 'property',
  expected: 'holds',
  arbitrary: t5Arb,
  check: (i, ctx) => t5Compare(t5Setup(i), t5Predict, ctx.tier),
  falsifiers: [
    {
      name: 'weights dropped (η̄ → 1)',
      description: 'Q without the η̄-dependent weights predicts a different interpolant.',
      check: (i, ctx) => mutantCompare(t5Setup(i), (P) => { const s = solveT5({ ...P, eta: P.eta.map(() => 1) }); return s.converged ? s.rho : null; }, ctx.tier),
    },
    {
      name: 'min-ℓ2 interpolant in ρ-space',
      description: 'The plain least-norm ρ = Ãᵀ(ÃÃᵀ)^{-1}y ignores the geometry of Q.',
      check: (i, ctx) => mutantCompare(t5Setup(i), (P) => weightedMinL2(P.A, P.y, P.eta.map(() => 1)), ctx.tier),
    },
  ],
  runs: { ci: 6, default: 16, deep: 60 },
});

// T5S: the explicit ODE solution with ∫r appended to the state
const yunT5S = defineClaim<T5Inst>({
  id: 'YUN-T5S',
  paper: PAPER,
  title: "Theorem 5's ODE solution: η_l = αη̄ ⊙ p_L(α^{L−2}η̄^{L−2} ⊙ τ), η_L = αη̄ ⊙ q_L(…)",
  statement:
    'With η_l(t) = U_lᵀv_l(t) and τ(t) = −SXᵀ∫_0^t r: η_l(t) = αη̄ ⊙ p_L(α^{L−2}η̄^{⊙(L−2)} ⊙ τ) for l < L and η_L(t) = αη̄ ⊙ q_L(·) (the signed form of (62)/(63)); hence ρ = α^L|η̄|^L ⊙ h_L(α^{L−2}|η̄|^{L−2} ⊙ τ).',
  where: 'F.2.2 lines 1343–1375',
  kind: 'property',
  expected: 'holds',
  arbitrary: t5Arb,
  check: (i) => t5sCheck(i, false),
  falsifiers: [
    {
      name: 'η_L = α|η̄| ⊙ q(·) for even L',
      description: 'The unsigned prefactor in (63) is wrong when some η̄_j < 0 and L is even.',
      arbitrary: t5Arb.map((i) => ({ ...i, L: 2 })),
      check: (i) => t5sCheck(i, true),
    },
  ],
  runs: { ci: 6, default: 16, deep: 60 },
});
function t5sCheck(i: T5Inst, unsigned: boolean): Outcome {
  const s = t5Setup(i);
  const { net } = s;
  const n = net.n;
  const y0 = new Float64Array(net.dim + n);
  y0.set(s.theta0);
  const tmp = new Float64Array(net.dim);
  const res = integrateOde(
    (_t, z, o) => {
      const th = z.subarray(0, net.dim);
      flowRhs(net, th, tmp);
      o.set(tmp, 0);
      const r = residual(net, outputs(net, th));
      for (let k = 0; k < n; k++) o[net.dim + k] = r[k];
    },
    y0,
    { tMax: 4, tEval: [0.5, 1, 2, 3, 4], rtol: 1e-11, atol: 1e-13 },
  );
  if (res.ys.length < 5) return inconclusive(`integration stopped: ${res.status}`);
  const { alpha, eta, L } = s.P;
  let err = 0;
  let scale = 1;
  for (const z of res.ys) {
    const intR = Array.from(z.subarray(net.dim));
    const tau = s.S.map((row) => -dotv(row, matTVec(s.X, intR)));
    const vs = splitParams(net.shape, z.subarray(0, net.dim));
    for (let l = 0; l < L; l++) {
      const etaL = s.Us[l][0].map((_, j) => s.Us[l].reduce((acc, row, r) => acc + row[j] * vs[l][r], 0));
      for (let j = 0; j < eta.length; j++) {
        const arg = Math.pow(alpha, L - 2) * Math.pow(eta[j], L - 2) * tau[j];
        const pq = pqL(L, arg);
        const pred = l < L - 1 ? alpha * eta[j] * pq.p : (unsigned ? alpha * Math.abs(eta[j]) : alpha * eta[j]) * pq.q;
        err = Math.max(err, Math.abs(pred - etaL[j]));
        scale = Math.max(scale, Math.abs(pred));
      }
    }
  }
  // Tolerance 1e-9 relative: dopri5 at rtol 1e-11 over ≤ 1e3 steps (catalog).
  return within(err / scale, 1e-9, 'η_l(t) vs closed form at 5 checkpoints');
}

// T5R: the loss rate (60)
const yunT5R = defineClaim<T5Inst & { tight?: boolean }>({
  id: 'YUN-T5R',
  paper: PAPER,
  title: 'Theorem 5 loss rate: L(t) ≤ L(0) exp(−2α^{2L−2}λ^{L−1}s_min(S)²s_min(X)²t)',
  statement: 'Under Theorem 5, L(t) ≤ L(0)exp(−2α^{2L−2}λ^{L−1}s_min(S)²s_min(X)²t) with λ = min_j η̄_j² (60).',
  where: 'F.2.1 lines 1322–1342',
  kind: 'property',
  expected: 'holds',
  arbitrary: t5Arb,
  check: (i) => t5rCheck(i, 2),
  falsifiers: [
    {
      name: 'exponent doubled (rate 4α^{2L−2}…)',
      description: 'On a tight instance (diag, equal |η̄_j|, y along the weakest singular direction of X) the initial decay equals the bound, so a faster rate is violated at small t.',
      arbitrary: t5Arb.map((i) => ({ ...i, kind: 'diag' as const, tight: true })),
      check: (i) => t5rCheck(i, 4),
    },
  ],
  runs: { ci: 6, default: 16, deep: 60 },
});
function sminRows(A: number[][]): number {
  const s = compactSvd(A, 1e-14).s;
  return s.length < Math.min(A.length, A[0].length) ? 0 : s[s.length - 1];
}
function t5rCheck(i: T5Inst & { tight?: boolean }, factor: number): Outcome {
  const s = t5Setup(i);
  if (i.tight) {
    // equal |η̄| and y along the smallest left singular vector of X
    const c = Math.abs(s.P.eta[0]);
    s.P.eta = s.P.eta.map((e) => Math.sign(e) * c);
    const sv = compactSvd(s.X, 1e-14);
    s.P.y = sv.U1.map((row) => row[row.length - 1]);
    s.net.y.splice(0, s.net.y.length, ...s.P.y);
    let o = 0;
    for (let l = 0; l < s.P.L - 1; l++) {
      for (let r = 0; r < s.net.shape[l]; r++) s.theta0[o + r] = s.P.alpha * s.Us[l][r].reduce((acc, u, j) => acc + u * s.P.eta[j], 0);
      o += s.net.shape[l];
    }
  }
  const { alpha, eta, L } = s.P;
  const lam = Math.min(...eta.map((e) => e * e));
  const rate = factor * Math.pow(alpha, 2 * L - 2) * Math.pow(lam, L - 1) * sminRows(s.S) ** 2 * sminRows(s.X) ** 2;
  const tEnd = Math.min(50, 3 / rate);
  const ts = Array.from({ length: 60 }, (_, k) => (tEnd * (k + 1)) / 60);
  const res = integrateOde((_t, y, o) => flowRhs(s.net, y, o), s.theta0, { tMax: tEnd, tEval: ts, rtol: 1e-11, atol: 1e-14 });
  const L0 = lossOf(s.net, s.theta0);
  let worst = 0;
  res.ys.forEach((th, k) => (worst = Math.max(worst, lossOf(s.net, th) / (L0 * Math.exp(-rate * res.ts[k])))));
  // ratio ≤ 1 + 1e-9: the integrator's relative error on L at rtol 1e-11.
  return within(worst, 1 + 1e-9, `max L(t)/bound over ${res.ys.length} times`);
}

// ---------------- YUN-R4: α → 0 and α → ∞ limits (predictor-only sequences) ----------------
interface R4Inst {
  L: number;
  seed: number;
}
function r4Setup({ L, seed }: R4Inst) {
  const rng = new Rng(seed);
  const n = 2;
  const d = 4;
  const A = gaussMat(rng, n, d);
  const y = gaussVec(rng, n);
  const eta = awayFromZero(rng, d);
  return { A, y, eta, L };
}
/**
 * Reduced-cost margin of the weighted ℓ1 LP min Σ w_j|ρ_j| s.t. Aρ = y at its solution ρ: with support S (|S| = n
 * at a simple vertex) the dual ν solves A_Sᵀν = w_S ⊙ sign(ρ_S), and margin = 1 − max_{j∉S} |A_jᵀν|/w_j. The vertex
 * is the unique optimum iff margin > 0; a relative change of the weights by less than the margin keeps it optimal.
 * null when ρ is not a simple vertex (degenerate: |S| ≠ n or A_S singular).
 */
function l1VertexMargin(A: number[][], w: number[], rho: number[]): number | null {
  const n = A.length;
  const big = Math.max(...rho.map(Math.abs));
  const S = rho.map((_, j) => j).filter((j) => Math.abs(rho[j]) > 1e-9 * big);
  if (S.length !== n) return null;
  const nu = solveLinear(S.map((j) => A.map((row) => row[j])), S.map((j) => w[j] * Math.sign(rho[j])));
  if (!nu) return null;
  let worst = 0;
  for (let j = 0; j < rho.length; j++) if (!S.includes(j)) worst = Math.max(worst, Math.abs(A.reduce((a, row, i) => a + row[j] * nu[i], 0)) / w[j]);
  return 1 - worst;
}
function r4Check(inst: R4Inst, l1Exp: number, l2Exp: number): Outcome {
  const { A, y, eta, L } = r4Setup(inst);
  const l1 = weightedMinL1Interp(A, y, eta.map((e) => Math.pow(Math.abs(e), -l1Exp)));
  const l2 = weightedMinL2(A, y, eta.map((e) => Math.pow(Math.abs(e), l2Exp)));
  if (!l1) return inconclusive('LP failed');
  // α → 0 sequence. L ≥ 3: Q = c_Lα^{2−L}Σ|ρ_j|/|η̄_j|^{L−2}·(1 + O(α)) (H_L(u) = c_L|u| − O(|u|^{1−1/L})),
  // so α = 1e-3 is deep in the asymptotic regime. L = 2 is different: H_2(u) = (|u|/2)log(4|u|) − |u|/2 + O(1),
  // hence Q/(½log(1/α²)) = Σ_j |ρ_j|·[1 + (log(4|ρ_j|/η̄_j²) − 1)/log(1/α²)] + o(1): the weights are 1 only up to
  // a relative perturbation of order |log η̄_j²|/log(1/α²) (≈ 0.1 at α = 1e-4 for |η̄_j| ∈ [0.5, 1.5]). When two
  // vertices of the ℓ1 LP have costs within that margin, the finite-α minimiser sits near the wrong vertex and the
  // distance stays O(1) until α is astronomically small (seed 0: 0.47, 0.42, 0.32, 0.15 at α = 1e-1,…,1e-8; it
  // only reaches 2e-4 at 1e-32). So for L = 2 we follow the sequence α = 10^{−2^k} down to 1e-100 (log-domain
  // safe: α²·cosh(2z) stays finite, and solveT5 caps its Newton steps), where that perturbation is ≤ ~1%.
  const small = L === 2 ? [1e-1, 1e-2, 1e-4, 1e-8, 1e-16, 1e-32, 1e-64, 1e-100] : [1e-1, 3e-2, 1e-2, 3e-3, 1e-3];
  const big = [1, 3, 10, 30];
  const dSmall: number[] = [];
  for (const a of small) {
    const s = solveT5({ L, alpha: a, eta, A, y }, 1000);
    if (!s.converged) return inconclusive(`dual Newton did not converge at α=${a}`);
    dSmall.push(distv(s.rho, l1));
  }
  const dBig: number[] = [];
  for (const a of big) {
    const s = solveT5({ L, alpha: a, eta, A, y });
    if (!s.converged) return inconclusive(`dual Newton did not converge at α=${a}`);
    dBig.push(distv(s.rho, l2));
  }
  // Trend along the sequence (never a single point): non-increasing up to a 1e-9 solver floor (the dual Newton
  // stops at residual 1e-9·‖y‖), and the last member within 2e-3·max(1, ‖ρ_ℓ1‖) (catalog: L = 3 reaches ≈ 0 at
  // α = 1e-3; L = 2 reaches ≤ 1e-4 at 1e-6 on generic instances).
  // For L = 2 the first members (α = 0.1, 0.01) are pre-asymptotic — the LP weights are perturbed by
  // O(1)/log(1/α²) ≈ 0.1–0.2 there, enough to move the minimiser towards another vertex and back (seen at calibration
  // seed 22: 0.26, 0.27, 0.26, …, 0.046) — so monotonicity is asserted from α = 1e-4 on.
  const tailFrom = L === 2 ? 2 : 0;
  const monoS = dSmall.every((v, k) => k <= tailFrom || v <= dSmall[k - 1] + 1e-9);
  const monoB = dBig.every((v, k) => k === 0 || v <= dBig[k - 1] + 1e-9);
  const sc = Math.max(1, norm(l1));
  const fmt = (ds: number[]) => ds.map((v) => v.toExponential(1)).join(', ');
  const last = dSmall[dSmall.length - 1];
  const prev = dSmall[dSmall.length - 2];
  // Precondition "when unique", resolved at the budget (L = 2): at α the limit LP's weights are perturbed by the
  // relative amounts |log(4|ρ_j|/η̄_j²) − 1|/log(1/α²) on the support (see the note above), so a vertex whose
  // reduced-cost margin is below twice that at the smallest α cannot be told from its neighbour within the sequence
  // (seen: calibration seed 35, distance 0.17 flat down to α = 1e-100): inconclusive, with the margin printed.
  if (L === 2 && last > 2e-3 * sc) {
    const w = eta.map((e) => Math.pow(Math.abs(e), -l1Exp));
    const margin = l1VertexMargin(A, w, l1);
    const logInv = Math.log(1 / small[small.length - 1] ** 2);
    const pert = Math.max(...l1.map((r, j) => (Math.abs(r) > 0 ? Math.abs(Math.log((4 * Math.abs(r)) / eta[j] ** 2) - 1) / logInv : 0)));
    if (margin === null || margin < 2 * pert)
      return inconclusive(`weighted-ℓ1 LP nearly degenerate for the budget: reduced-cost margin ${margin === null ? 'n/a (not a simple vertex)' : margin.toExponential(2)} < 2 × weight perturbation ${pert.toExponential(2)} at α = ${small[small.length - 1]} (distances ${fmt(dSmall)})`);
  }
  if (monoS && last > 2e-3 * sc && last < 0.5 * prev) {
    // Still contracting by more than 2× per step at the smallest α: the sequence has not entered the regime where
    // the limit can be read off (a wrong limit shows up as a plateau, ratio → 1, which is refuted below).
    return inconclusive(`α→0 distances still contracting at the smallest α (${fmt(dSmall)}): asymptotic regime not reached`);
  }
  // tol (α → 0, EMPIRICAL level, calibration/yun2021.json row YUN-R4): near a non-degenerate LP vertex the
  // finite-α minimiser sits within ≈ α^L of it (H_L is quadratic only for |ρ_j| ≲ α^L|η̄_j|^L), but the cost gap
  // between competing vertices that makes the vertex non-degenerate is instance-dependent with no lower bound
  // (see the L = 2 note above), so no derivation fixes the level. 2e-3·max(1, ‖ρ_ℓ1‖) follows the catalog's
  // observations; measured worst 1.8e-7·sc over 40 draws (~10⁴ headroom); the unweighted-ℓ1 falsifier is tested
  // only at separations ≥ 0.05·max(1, ‖ρ‖), ≥ 25× this level.
  // tol (α → ∞, derived): H_L(u) = u²/2 − (L−1)u⁴/6 + O(u⁶) with u = ρ_j/(α^L|η̄_j|^L), so Q departs from the
  // weighted ℓ2 objective by a relative O(α^{−2L}) ≤ 30^{−4} ≈ 1.2e-6 at α = 30, plus the dual Newton residual
  // 1e-9; 1e-3·max(1, ‖ρ_ℓ2‖) leaves ≳ 10² over that (measured worst 8.8e-7, ~10³ headroom); the |η̄|^{2L}
  // falsifier changes the weights by O(1) factors.
  return all([
    monoS ? pass(0, `α→0 distances ${fmt(dSmall)}`) : fail(Infinity, `α→0 distances not decreasing: ${fmt(dSmall)}`),
    within(last, 2e-3 * sc, 'distance to weighted-ℓ1 solution at smallest α'),
    monoB ? pass(0, 'α→∞ decreasing') : fail(Infinity, `α→∞ distances not decreasing: ${fmt(dBig)}`),
    within(dBig[dBig.length - 1], 1e-3 * Math.max(1, norm(l2)), 'distance to weighted-ℓ2 solution at α = 30'),
  ]);
}
const yunR4 = defineClaim<R4Inst>({
  id: 'YUN-R4',
  paper: PAPER,
  title: 'Remark 4: ρ∞(α) → weighted ℓ1 (weights |η̄_j|^{−(L−2)}) as α→0 and → weighted ℓ2 (weights |η̄_j|^{−(2L−2)}) as α→∞',
  statement:
    'lim_{α→0} ρ∞ = argmin Σ_j |ρ_j|/|η̄_j|^{L−2} s.t. XSᵀρ = y (when unique); lim_{α→∞} ρ∞ = argmin Σ_j ρ_j²/|η̄_j|^{2L−2} = WÃᵀ(ÃWÃᵀ)^{-1}y, W = diag(|η̄|^{2L−2}). Checked as sequences in α with the independent Theorem-5 predictor (exponents reconstructed from the garbled "WF-2", "WL-2").',
  where: 'lines 382–397',
  kind: 'property',
  expected: 'holds',
  arbitrary: fc.record({ L: fc.integer({ min: 2, max: 3 }), seed: seedArb }),
  check: (i) => r4Check(i, i.L - 2, 2 * i.L - 2),
  falsifiers: [
    {
      name: 'unweighted ℓ1 limit for L = 3 (exponent 0)',
      description: 'For L ≥ 3 the α→0 limit is weighted by |η̄_j|^{−(L−2)}; the unweighted LP solution differs on discriminating instances.',
      arbitrary: fc.record({ L: fc.constant(3), seed: seedArb }),
      // Only discriminating instances can catch the mutant: on ~80% of draws the weighted and unweighted LPs pick
      // the same vertex (catalog: "check that the instance discriminates"). Redraw data seeds deterministically
      // until the two LP solutions differ by > 0.05·max(1, ‖ρ‖) (the catalog's observed separations are 0.05–0.35).
      check: (i) => {
        for (let k = 0; k < 40; k++) {
          const inst = { L: 3, seed: (i.seed + k * 7919) % 2 ** 31 };
          const { A, y, eta } = r4Setup(inst);
          const right = weightedMinL1Interp(A, y, eta.map((e) => 1 / Math.abs(e)));
          const wrong = weightedMinL1Interp(A, y, eta.map(() => 1));
          if (right && wrong && distv(right, wrong) > 0.05 * Math.max(1, norm(right))) return r4Check(inst, 0, 2 * inst.L - 2);
        }
        return inconclusive('no discriminating instance in 40 redraws');
      },
    },
    {
      name: 'ℓ2 weights |η̄|^{2L} instead of |η̄|^{2L−2}',
      description: 'A wrong exponent in the α→∞ limit.',
      check: (i) => r4Check(i, i.L - 2, 2 * i.L),
    },
  ],
  runs: { ci: 4, default: 12, deep: 40 },
});

// ---------------- YUN-C5: diagonal networks ----------------
const c5Arb = fc.record({
  kind: fc.constant('diag' as const),
  L: fc.integer({ min: 2, max: 4 }),
  n: fc.integer({ min: 1, max: 3 }),
  extra: fc.integer({ min: 1, max: 3 }),
  logAlpha: fc.double({ min: Math.log(0.4), max: Math.log(1.5), noNaN: true }),
  seed: seedArb,
});
const yunC5 = defineClaim<T5Inst>({
  id: 'YUN-C5',
  paper: PAPER,
  title: 'Corollary 5: diagonal networks converge to argmin α²Σ w̄_j² H_L(z_j/(α^L|w̄_j|^L)) s.t. Xz = y',
  statement: 'L-layer diagonal net, w_l(0) = αw̄ (l < L), w_L(0) = 0, w̄_j ≠ 0: β_diag → argmin_z α²Σ_j w̄_j² H_L(z_j/(α^L|w̄_j|^L)) s.t. Xz = y (Theorem 5 with S = U_l = I).',
  where: 'lines 648–651; F.3',
  kind: 'property',
  expected: 'holds',
  arbitrary: c5Arb,
  check: (i, ctx) => t5Compare(t5Setup(i), t5Predict, ctx.tier),
  falsifiers: [
    {
      name: 'hypentropy H_2 for every depth',
      description: 'Using the two-layer potential for L ≥ 3 (Woodworth-like) mispredicts the limit.',
      arbitrary: c5Arb.map((i) => ({ ...i, L: 3 })),
      check: (i, ctx) => mutantCompare(t5Setup(i), (P) => { const s = solveT5({ ...P, L: 2 }); return s.converged ? s.rho : null; }, ctx.tier),
    },
  ],
  runs: { ci: 4, default: 16, deep: 60 },
});

// ---------------- YUN-C6: even full-length conv (erratum: missing d^{(L−1)/2}) ----------------
interface C6Inst {
  d: number;
  L: number;
  logAlpha: number;
  seed: number;
}
function c6Run(i: C6Inst, withFactor: boolean, tier: string): Outcome {
  const rng = new Rng(i.seed);
  const d = i.d;
  const n = 2;
  const X = [evenVector(rng, d), evenVector(rng, d)];
  const y = gaussVec(rng, n);
  let wbar: number[] = [];
  const Fre = dft(d).re;
  let etaBar: number[] = [];
  for (let k = 0; k < 50; k++) {
    wbar = evenVector(rng, d);
    etaBar = Fre.map((r) => dotv(r, wbar)); // F w̄ is real for even w̄
    if (Math.min(...etaBar.map((e) => e * e)) >= 0.05) break;
  }
  if (Math.min(...etaBar.map((e) => e * e)) < 0.05) return inconclusive('no even w̄ with |Fw̄|² ≥ 0.05 found');
  const alpha = Math.exp(i.logAlpha);
  const net = makeNet({ kind: 'conv', d, ks: new Array(i.L).fill(d) }, X, y, 'sq');
  const th0 = new Float64Array(net.dim);
  for (let l = 0; l < i.L - 1; l++) for (let k = 0; k < d; k++) th0[l * d + k] = alpha * wbar[k];
  const scale = withFactor ? Math.pow(d, (i.L - 1) / 2) : 1;
  const S = Fre.map((r) => r.map((v) => scale * v)); // S_e = d^{(L−1)/2} Re(F) (symmetric)
  const A = X.map((x) => S.map((row) => dotv(row, x)));
  const sol = solveT5({ L: i.L, alpha, eta: etaBar, A, y });
  if (!sol.converged) return inconclusive('predictor failed');
  const pred = S[0].map((_, k) => S.reduce((s, row, j) => s + row[k] * sol.rho[j], 0));
  // discriminating rule for the literal version: corrected and printed predictions must differ by > 1e-3
  if (!withFactor) {
    const Sc = Fre.map((r) => r.map((v) => Math.pow(d, (i.L - 1) / 2) * v));
    const Ac = X.map((x) => Sc.map((row) => dotv(row, x)));
    const sc = solveT5({ L: i.L, alpha, eta: etaBar, A: Ac, y });
    const pc = Sc[0].map((_, k) => Sc.reduce((s, row, j) => s + row[k] * sc.rho[j], 0));
    if (distv(pc, pred) < 1e-3) return inconclusive('printed and corrected predictions closer than 1e-3 (not discriminating)');
  }
  const run = runGF(net, th0, { lossStop: 1e-20, rtol: 1e-12, wallSeconds: tier === 'ci' ? 5 : 30 });
  if (!run.converged) return inconclusive(`GF did not converge (${run.res.status})`);
  const beta = Array.from(betaOf(net, run.res.y));
  // tol: the 1e-7 relative limit tolerance derived at t5Compare (stop at L < 1e-20, rtol 1e-12, dual Newton
  // residual; ≲ 1e-8 worst case). Same for the literal variant, whose prediction is ≥ 1e-3 away by the
  // discriminating rule above, i.e. ≥ 10⁴× this tolerance when ‖β‖ ≲ 1 (≥ 10⁴/‖β‖× otherwise).
  return within(distv(beta, pred), 1e-7 * Math.max(1, norm(beta)), `‖β_GF − z∞‖ (${withFactor ? 'with' : 'without'} d^{(L−1)/2})`);
}
const c6Arb = fc.record({ d: fc.integer({ min: 4, max: 6 }), L: fc.integer({ min: 2, max: 3 }), logAlpha: fc.double({ min: Math.log(0.5), max: 0, noNaN: true }), seed: seedArb });
const C6_ERRATUM =
  'Corollary 6 as printed (lines 670–674) minimises Q_{L,α,Fw̄}(Fz) = α²Σ_j[Fw̄]_j² H_L([Fz]_j/(α^L|[Fw̄]_j|^L)); its own proof (F.4, lines 1444–1461) sets S = d^{(L−1)/2}Re(F), so the argument must be |[Fz]_j|/(d^{(L−1)/2} α^L |[Fw̄]_j|^L). The gradient flow follows the corrected version; the printed one misses the limit at intermediate α (the two agree only as α→0 or α→∞).';
const yunC6 = defineClaim<C6Inst>({
  id: 'YUN-C6',
  paper: PAPER,
  title: 'Corollary 6 (corrected): even full-length conv nets converge to argmin α²Σ[Fw̄]_j² H_L(|[Fz]_j|/(d^{(L−1)/2}α^L|[Fw̄]_j|^L))',
  statement:
    'All x_i even, w̄ even with [Fw̄]_j² ≥ λ > 0, w_l(0) = αw̄ (l < L), w_L(0) = 0: β_conv → argmin_z α²Σ_j [Fw̄]_j² H_L(|[Fz]_j|/(d^{(L−1)/2}α^L|[Fw̄]_j|^L)) s.t. Xz = y, i.e. Theorem 5 with S = d^{(L−1)/2}Re(F), η̄ = Fw̄.',
  where: 'lines 652–676; F.4 lines 1400–1461',
  kind: 'property',
  expected: 'holds',
  arbitrary: c6Arb,
  check: (i, ctx) => c6Run(i, true, ctx.tier),
  falsifiers: [
    {
      name: 'S = √d Re(F) for every L',
      description: 'Using the L = 2 scale for L = 3 mispredicts the limit at intermediate α.',
      arbitrary: c6Arb.map((i) => ({ ...i, L: 3 })),
      check: (i, ctx) => {
        const d = i.d;
        // emulate by shifting α: √d vs d for L = 3 ⇔ a different effective S
        return c6RunScale(i, Math.sqrt(d), ctx.tier);
      },
    },
  ],
  counterpart: 'YUN-C6-LITERAL',
  erratum: C6_ERRATUM,
  runs: { ci: 3, default: 12, deep: 40 },
});
function c6RunScale(i: C6Inst, scale: number, tier: string): Outcome {
  // same as c6Run but with an arbitrary S scale; skip non-discriminating instances
  const rng = new Rng(i.seed);
  const d = i.d;
  const X = [evenVector(rng, d), evenVector(rng, d)];
  const y = gaussVec(rng, 2);
  const Fre = dft(d).re;
  let wbar: number[] = [];
  let etaBar: number[] = [];
  for (let k = 0; k < 50; k++) {
    wbar = evenVector(rng, d);
    etaBar = Fre.map((r) => dotv(r, wbar));
    if (Math.min(...etaBar.map((e) => e * e)) >= 0.05) break;
  }
  const alpha = Math.exp(i.logAlpha);
  const S = Fre.map((r) => r.map((v) => scale * v));
  const A = X.map((x) => S.map((row) => dotv(row, x)));
  const sol = solveT5({ L: i.L, alpha, eta: etaBar, A, y });
  const pred = S[0].map((_, k) => S.reduce((s, row, j) => s + row[k] * sol.rho[j], 0));
  const net = makeNet({ kind: 'conv', d, ks: new Array(i.L).fill(d) }, X, y, 'sq');
  const th0 = new Float64Array(net.dim);
  for (let l = 0; l < i.L - 1; l++) for (let k = 0; k < d; k++) th0[l * d + k] = alpha * wbar[k];
  const run = runGF(net, th0, { lossStop: 1e-20, rtol: 1e-12, wallSeconds: tier === 'ci' ? 5 : 30 });
  if (!run.converged) return inconclusive('GF did not converge');
  const beta = Array.from(betaOf(net, run.res.y));
  // Falsifier: the same tolerance as the claim (1e-7 relative, derived at t5Compare); a mis-scaled S moves the
  // predicted limit by O(0.1) at intermediate α, so a discriminating instance fails by orders of magnitude.
  return within(distv(beta, pred), 1e-7 * Math.max(1, norm(beta)), '‖β_GF − z∞(mutant)‖');
}
const yunC6Literal = defineClaim<C6Inst>({
  id: 'YUN-C6-LITERAL',
  paper: PAPER,
  title: 'Corollary 6 as printed: argmin α²Σ[Fw̄]_j² H_L([Fz]_j/(α^L|[Fw̄]_j|^L)) (no d^{(L−1)/2})',
  statement: 'The printed Corollary 6: β_conv → argmin_z Q_{L,α,Fw̄}(Fz) s.t. Xz = y without the factor d^{(L−1)/2}. Checked against the gradient flow on discriminating instances (intermediate α).',
  where: 'lines 670–674',
  kind: 'property',
  expected: 'refuted',
  arbitrary: c6Arb,
  check: (i, ctx) => c6Run(i, false, ctx.tier),
  falsifiers: [
    {
      name: 'printed formula with S = Re(F)/√d',
      description: 'Another mis-scaled transform (the inverse scale) also misses the gradient-flow limit.',
      check: (i, ctx) => c6RunScale(i, 1 / Math.sqrt(i.d), ctx.tier),
    },
  ],
  counterpart: 'YUN-C6',
  erratum: C6_ERRATUM,
  runs: { ci: 3, default: 12, deep: 40 },
});

// ---------------- YUN-C7: deep matrix sensing with commuting sensors ----------------
interface C7Inst {
  L: number;
  d: number;
  logAlpha: number;
  seed: number;
}
function c7Run(i: C7Inst, predictor: 'Q' | 'nuclear', tier: string): Outcome {
  const rng = new Rng(i.seed);
  const { d, L } = i;
  const n = 2;
  const U = randomOrthogonal(rng, d).to2DArray();
  const a = gaussMat(rng, n, d);
  const As = a.map((ai) => U.map((_, p) => U.map((__, q) => U[p].reduce((s, u, k) => s + u * ai[k] * U[q][k], 0))));
  const y = gaussVec(rng, n);
  const alpha = Math.exp(i.logAlpha);
  const th0 = new Float64Array(L * d * d);
  for (let l = 0; l < L - 1; l++) for (let k = 0; k < d; k++) th0[l * d * d + k + d * k] = alpha;
  let lossNow = Infinity;
  const res = integrateOde(
    (_t, z, o) => {
      lossNow = sensingRhs(d, L, As, y, z, o);
    },
    th0,
    { tMax: 1e6, rtol: 1e-12, atol: 1e-14, stop: () => lossNow < 1e-20, wallSeconds: tier === 'ci' ? 10 : 30 },
  );
  if (res.status !== 'stopped') return inconclusive(`GF did not converge (${res.status})`);
  let rho: number[] | null;
  if (predictor === 'Q') {
    const s = solveT5({ L, alpha, eta: new Array(d).fill(1), A: a, y });
    rho = s.converged ? s.rho : null;
  } else rho = weightedMinL1Interp(a, y, new Array(d).fill(1));
  if (!rho) return inconclusive('predictor failed');
  const P = sensingProduct(d, L, res.y);
  const pred = U.map((_, p) => U.map((__, q) => U[p].reduce((s, u, k) => s + u * rho![k] * U[q][k], 0)));
  let err = 0;
  let sc = 1;
  for (let p = 0; p < d; p++) for (let q = 0; q < d; q++) {
    err = Math.max(err, Math.abs(P[p][q] - pred[p][q]));
    sc = Math.max(sc, Math.abs(pred[p][q]));
  }
  // tol: the 1e-7 relative limit tolerance derived at t5Compare (loss stop 1e-20 ⇒ ‖r‖ < 1.5e-10, rtol 1e-12,
  // dual Newton residual ≤ 1e-9; ≲ 1e-8 worst case), here on the max entry relative to max(1, max|pred|).
  // The nuclear-norm falsifier uses the same tolerance; at α ∈ [0.5, 1] its prediction is O(0.1) away.
  return within(err / sc, 1e-7, `‖W_1⋯W_L − U diag(ρ∞) Uᵀ‖max (${predictor})`);
}
const c7Arb = fc.record({ L: fc.integer({ min: 2, max: 3 }), d: fc.integer({ min: 3, max: 4 }), logAlpha: fc.double({ min: Math.log(0.5), max: 0, noNaN: true }), seed: seedArb });
const yunC7 = defineClaim<C7Inst>({
  id: 'YUN-C7',
  paper: PAPER,
  title: 'Corollary 7: deep matrix sensing with commuting symmetric sensors converges to argmin α²Σ_j H_L(λ_j(M)/α^L)',
  statement:
    'A_i symmetric, commuting, linearly independent (n ≤ d); W_l(0) = αI (l < L), W_L(0) = 0. Then W_1(t)⋯W_L(t) → argmin_{M=Mᵀ} α²Σ_j H_L(λ_j(M)/α^L) s.t. ⟨A_i, M⟩ = y_i; via the common eigenbasis U this is Theorem 5 for a diagonal net with η̄ = 1 and x_i = eig(A_i). Loss ½Σ (the ½ only rescales time).',
  where: 'lines 681–696; F.5 lines 1462–1480',
  kind: 'property',
  expected: 'holds',
  arbitrary: c7Arb,
  check: (i, ctx) => c7Run(i, 'Q', ctx.tier),
  falsifiers: [
    {
      name: 'nuclear-norm minimiser at finite α',
      description: 'The nuclear-norm solution is only the α→0 limit; at α ∈ [0.5, 1] the product differs.',
      check: (i, ctx) => c7Run(i, 'nuclear', ctx.tier),
    },
  ],
  runs: { ci: 4, default: 12, deep: 40 },
});

// ---------------- YUN-T6, T6G, T6R: two layers, one data point ----------------
export interface T6Inst {
  kind: 'diag' | 'conv' | 'fc';
  d: number;
  k1: number;
  logAlpha: number;
  seed: number;
  /** Tight instance for the rate falsifier: b = 0 and all |a_j| equal. */
  tight?: boolean;
}
export function t6Setup(i: T6Inst) {
  const rng = new Rng(i.seed);
  const arch: Arch =
    i.kind === 'diag' ? { kind: 'diag', d: i.d, L: 2 } : i.kind === 'conv' ? { kind: 'conv', d: i.d, ks: [Math.min(i.k1, i.d), i.d] } : { kind: 'fc', dims: [i.d, Math.max(2, i.k1)] };
  const x = gaussVec(rng, i.d);
  const y = rng.range(-2, 2);
  const net = makeNet(arch, [x], [y], 'sq');
  const M = Array.from({ length: net.shape[0] }, (_, a) => Array.from({ length: net.shape[1] }, (_, b) => net.Ms[0].data[a * net.shape[1] + b]));
  const { U1, s, U2 } = compactSvd(M);
  const m = s.length;
  const a = i.tight ? new Array(m).fill(1).map(() => rng.sign() * 1) : awayFromZero(rng, m);
  const b = i.tight ? new Array(m).fill(0) : a.map((aj) => aj * rng.range(-0.8, 0.8));
  const comp = (U: number[][], k: number) => {
    let v = gaussVec(rng, k, i.tight ? 0 : 0.5);
    const e = U[0].map((_, j) => U.reduce((acc, row, r) => acc + row[j] * v[r], 0));
    v = v.map((vv, r) => vv - U[r].reduce((acc, u, j) => acc + u * e[j], 0));
    return v;
  };
  const c1 = comp(U1, net.shape[0]);
  const c2 = comp(U2, net.shape[1]);
  const vbar1 = U1.map((row, r) => row.reduce((acc, u, j) => acc + u * a[j], 0) + c1[r]);
  const vbar2 = U2.map((row, r) => row.reduce((acc, u, j) => acc + u * b[j], 0) + c2[r]);
  const alpha = Math.exp(i.logAlpha);
  const theta0 = Float64Array.from([...vbar1, ...vbar2].map((v) => alpha * v));
  return { net, x, y, U1, U2, s, a, b, c1, c2, alpha, theta0 };
}
interface T6Variant {
  target?: (y: number, alpha: number) => number;
  swap?: boolean;
  dropComplement?: boolean;
  half?: number;
}
export function t6Predict(st: ReturnType<typeof t6Setup>, v: T6Variant = {}) {
  const { s, a, b, alpha, y, U1, U2, c1, c2 } = st;
  const g = (nu: number) => gT6(s, a, b, nu, v.half ?? 0.5);
  const nu = solveIncreasing(g, v.target ? v.target(y, alpha) : y / (alpha * alpha));
  const ch = s.map((sj) => Math.cosh(nu * sj));
  const sh = s.map((sj) => Math.sinh(nu * sj));
  const e1 = a.map((aj, j) => (v.swap ? aj * sh[j] + b[j] * ch[j] : aj * ch[j] + b[j] * sh[j]));
  const e2 = a.map((aj, j) => aj * sh[j] + b[j] * ch[j]);
  const cf = v.dropComplement ? 0 : 1;
  const v1 = U1.map((row, r) => alpha * (row.reduce((acc, u, j) => acc + u * e1[j], 0) + cf * c1[r]));
  const v2 = U2.map((row, r) => alpha * (row.reduce((acc, u, j) => acc + u * e2[j], 0) + cf * c2[r]));
  return { v1, v2, nu };
}
function t6Check(i: T6Inst, v: T6Variant, tier: string): Outcome {
  const st = t6Setup(i);
  const pred = t6Predict(st, v);
  if (v.target || v.swap || v.dropComplement || v.half !== undefined) {
    const good = t6Predict(st);
    if (distv([...good.v1, ...good.v2], [...pred.v1, ...pred.v2]) < 1e-5) return pass(0, 'mutant not discriminated');
  }
  const run = runGF(st.net, st.theta0, { lossStop: 1e-20, rtol: 1e-12, wallSeconds: tier === 'ci' ? 4 : 30 });
  if (!run.converged) return inconclusive(`GF did not converge (${run.res.status})`);
  const th = Array.from(run.res.y);
  const p = [...pred.v1, ...pred.v2];
  // Tolerance 1e-7 relative: loss-stop 1e-20 ⇒ |r| ≤ 1.4e-10, integrator global error ≲ 1e-9 (catalog observed 8e-13).
  return within(distv(th, p) / Math.max(1, norm(p)), 1e-7, '‖Θ_GF − Θ∞(Thm 6)‖/‖Θ∞‖');
}
const t6Arb = fc.record({
  kind: fc.constantFrom('diag' as const, 'conv' as const, 'fc' as const),
  d: fc.integer({ min: 3, max: 5 }),
  k1: fc.integer({ min: 2, max: 3 }),
  logAlpha: fc.double({ min: Math.log(0.3), max: Math.log(2), noNaN: true }),
  seed: seedArb,
});
const yunT6 = defineClaim<T6Inst>({
  id: 'YUN-T6',
  paper: PAPER,
  title: "Theorem 6: two layers, one data point — closed-form limit via ν* = g^{-1}(y/α²)",
  statement:
    'L = 2, one (x, y), compact SVD M(x) = U_1 diag(s) U_2ᵀ, a = U_1ᵀv̄_1, b = U_2ᵀv̄_2 with a_j² − b_j² ≥ λ > 0: GF converges to v_1∞ = αU_1(a⊙cosh(ν*s) + b⊙sinh(ν*s)) + α(I − U_1U_1ᵀ)v̄_1, v_2∞ = αU_2(a⊙sinh(ν*s) + b⊙cosh(ν*s)) + α(I − U_2U_2ᵀ)v̄_2, ν* = g^{-1}(y/α²), g(ν) = Σ_j s_j((a_j²+b_j²)/2 sinh(2s_jν) + a_jb_j cosh(2s_jν)) (OCR "g-1(奈)" read as g^{-1}(y/α²), confirmed by α²g(ν*) = y, (74)).',
  where: 'lines 399–416; App. G lines 1481–1585',
  kind: 'property',
  expected: 'holds',
  arbitrary: t6Arb,
  check: (i, ctx) => t6Check(i, {}, ctx.tier),
  falsifiers: [
    {
      name: 'ν* = g^{-1}(y/α)',
      description: 'Wrong power of α in the target. Indistinguishable at α = 1, which fc.double hits often (logAlpha ≈ 0), so this falsifier draws α from {0.3, 0.5, 2}.',
      arbitrary: fc.record({ kind: fc.constantFrom('diag' as const, 'conv' as const, 'fc' as const), d: fc.integer({ min: 3, max: 5 }), k1: fc.integer({ min: 2, max: 3 }), logAlpha: fc.constantFrom(Math.log(0.3), Math.log(0.5), Math.log(2)), seed: seedArb }),
      check: (i, ctx) => t6Check(i, { target: (y, a) => y / a }, ctx.tier),
    },
    { name: 'cosh/sinh swapped in v_1∞', description: 'Swapping the hyperbolic functions in the first layer.', check: (i, ctx) => t6Check(i, { swap: true }, ctx.tier) },
    {
      name: 'orthogonal complement omitted',
      description: 'FC has k_1 = d_1d_2 > m, so the frozen complement is non-trivial.',
      arbitrary: t6Arb.map((i) => ({ ...i, kind: 'fc' as const })),
      check: (i, ctx) => t6Check(i, { dropComplement: true }, ctx.tier),
    },
    { name: 'factor ½ in g omitted', description: 'g with (a_j² + b_j²) sinh(…) instead of half of it.', check: (i, ctx) => t6Check(i, { half: 1 }, ctx.tier) },
  ],
  runs: { ci: 6, default: 16, deep: 60 },
});

const yunT6G = defineClaim<T6Inst>({
  id: 'YUN-T6G',
  paper: PAPER,
  title: 'g of Theorem 6 is a strictly increasing bijection R → R under the λ-condition; α²g(0) = f(x;Θ(0))',
  statement:
    "g'(ν) = Σ_j s_j²((a_j²+b_j²)cosh 2s_jν + 2a_jb_j sinh 2s_jν) ≥ Σ_j s_j²(|a_j|−|b_j|)² cosh(2s_jν) > 0 and g → ±∞ (since (a_j²+b_j²)/2 > |a_jb_j|); α²g(0) = f(x;Θ(0)), so sign ν* = sign(y − f(x;Θ(0))).",
  where: 'G.2 lines 1558–1566',
  kind: 'lemma',
  expected: 'holds',
  arbitrary: t6Arb,
  check: (i) => {
    const st = t6Setup(i);
    const { s, a, b, alpha, net, theta0 } = st;
    const smin = Math.min(...s);
    let minRatio = Infinity;
    let mono = true;
    // The grid ν ∈ [−5, 5]/s_min reaches 2s_jν = 10·s_max/s_min, which overflows cosh/sinh when the singular
    // values are spread (diag nets: s_j = |x_j|, ratio ≫ 70 is common) and gave Inf/Inf = NaN. Every quantity
    // below is therefore evaluated multiplied by e^{−M}, M = 2 s_max|ν| (the largest exponent present), which
    // changes neither the sign of g', the ratio g'/bound, nor the order of two g values scaled by the same M.
    const smax = Math.max(...s);
    const chS = (E: number, M: number) => 0.5 * (Math.exp(E - M) + Math.exp(-E - M)); // cosh(E)e^{−M}
    const shS = (E: number, M: number) => 0.5 * (Math.exp(E - M) - Math.exp(-E - M)); // sinh(E)e^{−M}
    const gS = (nu: number, M: number) => s.reduce((acc, sj, j) => acc + sj * (0.5 * (a[j] ** 2 + b[j] ** 2) * shS(2 * sj * nu, M) + a[j] * b[j] * chS(2 * sj * nu, M)), 0);
    let prevNu = -Infinity;
    for (let k = -200; k <= 200; k++) {
      const nu = ((k / 200) * 5) / smin;
      const M = 2 * smax * Math.abs(nu);
      const gp = s.reduce((acc, sj, j) => acc + sj * sj * ((a[j] ** 2 + b[j] ** 2) * chS(2 * sj * nu, M) + 2 * a[j] * b[j] * shS(2 * sj * nu, M)), 0);
      const lb = s.reduce((acc, sj, j) => acc + sj * sj * (Math.abs(a[j]) - Math.abs(b[j])) ** 2 * chS(2 * sj * nu, M), 0);
      minRatio = Math.min(minRatio, gp / lb);
      if (k > -200) {
        const Mc = 2 * smax * Math.max(Math.abs(nu), Math.abs(prevNu));
        if (!(gS(nu, Mc) > gS(prevNu, Mc))) mono = false;
      }
      prevNu = nu;
    }
    const f0 = outputs(net, theta0)[0];
    const g0 = alpha * alpha * gT6(s, a, b, 0);
    return all([
      mono ? pass(0, 'g increasing on the grid') : fail(Infinity, 'g not increasing'),
      minRatio >= 1 - 1e-12 ? pass(1 / minRatio, `g'/lower bound ≥ ${minRatio.toFixed(4)}`) : fail(1 / minRatio, `g' below its lower bound (ratio ${minRatio})`),
        // tol: rounding only — both sides are the bilinear form α²v̄_1ᵀM(x)v̄_2, once directly (network output) and
      // once in SVD coordinates α²Σ s_j a_j b_j; the difference is ≲ (k_1 + k_2)·ε·α²‖M‖‖v̄_1‖‖v̄_2‖ ≈ 1e-14 for
      // the drawn sizes; 1e-12·(1 + |f|) leaves ~10²× (measured ≤ 2.0e-15·(1 + |f|) over 200 draws).
      within(Math.abs(g0 - f0), 1e-12 * (1 + Math.abs(f0)), 'α²g(0) = f(x;Θ(0))'),
    ]);
  },
  falsifiers: [
    {
      name: 'g is a bijection for every initialisation',
      description: 'With a_j = −b_j every term is −s_ja_j²e^{−2s_jν}: increasing but bounded above by 0, so g(ν) = y/α² has no solution for y > 0.',
      check: (i) => {
        const st = t6Setup(i);
        const b = st.a.map((aj) => -aj);
        const target = Math.abs(st.y) / st.alpha ** 2 + 0.1;
        let sup = -Infinity;
        for (let k = 0; k <= 400; k++) sup = Math.max(sup, gT6(st.s, st.a, b, ((k - 200) / 20) / Math.min(...st.s)));
        return sup >= target ? pass(0, 'target reached') : fail(target / sup, `sup g = ${sup.toExponential(2)} < target ${target.toFixed(3)}: no solution`);
      },
    },
  ],
  runs: { ci: 8, default: 24, deep: 80 },
});

const yunT6R = defineClaim<T6Inst>({
  id: 'YUN-T6R',
  paper: PAPER,
  title: 'Theorem 6 loss rate: L(t) ≤ L(0)exp(−2α²λ‖s‖²t)',
  statement: 'Under the λ-condition of Theorem 6 (λ = min_j(a_j² − b_j²)), L(t) ≤ L(0)exp(−2α²λ‖s‖₂²t) (71).',
  where: 'G.1 lines 1501–1514',
  kind: 'property',
  expected: 'holds',
  arbitrary: t6Arb,
  check: (i) => t6rCheck(i, 2),
  falsifiers: [
    {
      name: 'exponent doubled (4α²λ‖s‖²)',
      description: 'On a tight instance (b = 0, all |a_j| equal, no complement) the initial decay equals the bound, so a faster rate fails.',
      arbitrary: t6Arb.map((i) => ({ ...i, tight: true })),
      check: (i) => t6rCheck(i, 4),
    },
  ],
  runs: { ci: 6, default: 16, deep: 60 },
});
function t6rCheck(i: T6Inst, factor: number): Outcome {
  const st = t6Setup(i);
  const lam = Math.min(...st.a.map((aj, j) => aj * aj - st.b[j] * st.b[j]));
  const rate = factor * st.alpha ** 2 * lam * st.s.reduce((acc, v) => acc + v * v, 0);
  const tEnd = Math.min(50, 3 / rate);
  const ts = Array.from({ length: 60 }, (_, k) => (tEnd * (k + 1)) / 60);
  const res = integrateOde((_t, y, o) => flowRhs(st.net, y, o), st.theta0, { tMax: tEnd, tEval: ts, rtol: 1e-11, atol: 1e-14 });
  const L0 = lossOf(st.net, st.theta0);
  let worst = 0;
  res.ys.forEach((th, k) => (worst = Math.max(worst, lossOf(st.net, th) / (L0 * Math.exp(-rate * res.ts[k])))));
  // tol: the bound (71) is asserted as printed (own slack 0); only the integrator's relative error on L is added:
  // rtol 1e-11 over tEnd ≤ 3/rate (≲ 3 e-folds of the bound) gives ≲ 1e-10 on r, ≲ 2e-10 on L = ½‖r‖²; 1e-9
  // leaves ≳ 5×. The ratio only nears 1 at the first grid points (ratio(0) = 1 on tight instances), where the
  // accumulated error is smaller still. Falsifier (rate ×2): same tolerance; it is violated at O(rate·t) already.
  return within(worst, 1 + 1e-9, 'max L(t)/bound');
}

// ---------------- YUN-T7, T7R, T7P, T7G: deep FC networks ----------------
interface T7Inst {
  L: number;
  d: number;
  seed: number;
  tight?: boolean;
}
function t7Init(i: T7Inst, rng: Rng) {
  const { L, d } = i;
  // W̄_l = c_l Q_l, c_1 ≥ … ≥ c_{L−1} ⇒ (1) holds (W̄_lᵀW̄_l = c_l² I ⪰ c_{l+1}² I); ‖w̄_L‖² ≤ c_{L−1}² − λ ⇒ (2)
  const cs = Array.from({ length: L - 1 }, () => rng.range(0.8, 1.3)).sort((a, b) => b - a);
  const Ws = cs.map((c) => randomOrthogonal(rng, d).to2DArray().map((row) => row.map((v) => c * v)));
  const lam = i.tight ? cs[L - 2] ** 2 : rng.range(0.2, 0.6) * cs[L - 2] ** 2;
  const wdir = gaussVec(rng, d);
  const wn = Math.sqrt(Math.max(0, cs[L - 2] ** 2 - lam));
  const w = wdir.map((v) => (v / norm(wdir)) * wn);
  const theta = new Float64Array((L - 1) * d * d + d);
  Ws.forEach((W, l) => {
    for (let b = 0; b < d; b++) for (let a = 0; a < d; a++) theta[l * d * d + a + d * b] = W[a][b];
  });
  theta.set(w, (L - 1) * d * d);
  return { theta, lam };
}
function t7Data(i: T7Inst) {
  const rng = new Rng(i.seed);
  const n = 2;
  const X = gaussMat(rng, n, i.d);
  const y = gaussVec(rng, n);
  const init = t7Init(i, rng);
  return { X, y, ...init, dims: new Array(i.L).fill(i.d) };
}
function runFc(dims: number[], X: number[][], y: number[], theta0: Float64Array, opts: { tEval?: number[]; tMax?: number; wall: number }) {
  let lossNow = Infinity;
  return integrateOde(
    (_t, z, o) => {
      fcRhs(dims, X, y, z, o);
      lossNow = fcLoss(dims, X, y, z);
    },
    theta0,
    { tMax: opts.tMax ?? 1e7, tEval: opts.tEval, rtol: 1e-12, atol: 1e-14, stop: opts.tEval ? undefined : () => lossNow < 1e-20, wallSeconds: opts.wall },
  );
}
function minL2(X: number[][], y: number[]): number[] {
  return weightedMinL2(X, y, X[0].map(() => 1));
}
function t7Sequence(i: T7Inst, tier: string, target: 'l2' | 'l2-fixed-alpha' | 'l1'): Outcome {
  const { X, y, theta, dims } = t7Data(i);
  const alphas = [0.1, 0.03, 0.01];
  const ref = target === 'l1' ? weightedMinL1Interp(X, y, X[0].map(() => 1)) : minL2(X, y);
  if (!ref) return inconclusive('LP failed');
  const errs: number[] = [];
  for (const a of target === 'l2-fixed-alpha' ? [1] : alphas) {
    const th0 = theta.map((v) => a * v);
    const res = runFc(dims, X, y, th0, { wall: tier === 'ci' ? 8 : 20 });
    if (res.status !== 'stopped') return inconclusive(`GF at α=${a} did not converge (${res.status}, t=${res.t.toExponential(1)})`);
    errs.push(distv(fcBeta(dims, res.y), ref));
  }
  const sc = Math.max(1, norm(ref));
  // Falsifier 'l2-fixed-alpha': the same tolerance as the claim's end point below (0.02·max(1, ‖β_ℓ2‖), an
  // empirical level, see there): at α = 1 the flow is far from the α → 0 regime and β(∞) is O(1)·‖β_ℓ2‖ away.
  if (target === 'l2-fixed-alpha') return within(errs[0], 0.02 * sc, '‖β(α=1) − β_ℓ2‖');
  const slope = Math.log(errs[0] / errs[2]) / Math.log(alphas[0] / alphas[2]);
  const dec = errs.every((e, k) => k === 0 || e < errs[k - 1]);
  // The proof gives an O(α) error (catalog observes slope ≈ 1): accept slope in [0.7, 1.3] and error(0.01) ≤ 0.02·max(1,‖β_ℓ2‖).
  // EMPIRICAL level (calibration/yun2021.json row YUN-T7): O(α) has no explicit constant in the proof; 0.02 at
  // α = 0.01 allows a constant ≤ 2 (measured worst margin 0.24, ~4× headroom, at one ci seed only).
  return all([
    dec ? pass(0, `errors ${errs.map((e) => e.toExponential(2)).join(', ')}`) : fail(Infinity, `errors not decreasing: ${errs.map((e) => e.toExponential(2)).join(', ')}`),
    slope >= 0.7 && slope <= 1.3 ? pass(Math.abs(slope - 1) / 0.3, `log-log slope ${slope.toFixed(3)}`) : fail(Math.abs(slope - 1) / 0.3, `log-log slope ${slope.toFixed(3)} outside [0.7, 1.3]`),
    within(errs[2], 0.02 * sc, `‖β(α=0.01) − ${target === 'l1' ? 'β_ℓ1' : 'β_ℓ2'}‖`),
  ]);
}
const t7Arb = fc.record({ L: fc.integer({ min: 2, max: 3 }), d: fc.integer({ min: 3, max: 4 }), seed: seedArb });
const yunT7 = defineClaim<T7Inst>({
  id: 'YUN-T7',
  paper: PAPER,
  title: 'Theorem 7: deep FC networks, lim_{α→0} lim_{t→∞} β_fc = Xᵀ(XXᵀ)^{-1}y (checked as a sequence in α)',
  statement:
    'FC with d_1 = … = d_L = d, W_l(0) = αW̄_l, w_L(0) = αw̄_L, (1) W̄_lᵀW̄_l ⪰ W̄_{l+1}W̄_{l+1}ᵀ and (2) W̄_{L−1}ᵀW̄_{L−1} − w̄_Lw̄_Lᵀ ⪰ λI: for every α GF reaches a global minimum, and the limit β tends to the min-ℓ2 interpolant as α → 0 (error O(α): decreasing along α = 0.1, 0.03, 0.01 with log-log slope ≈ 1).',
  where: 'lines 417–431; App. H lines 1586–1770',
  kind: 'property',
  expected: 'holds',
  arbitrary: t7Arb,
  check: (i, ctx) => t7Sequence(i, ctx.tier, 'l2'),
  falsifiers: [
    { name: 'min-ℓ2 already at α = 1', description: 'The limit at fixed α = 1 is not the min-ℓ2 interpolant.', check: (i, ctx) => t7Sequence(i, ctx.tier, 'l2-fixed-alpha') },
    { name: 'the limit is the min-ℓ1 interpolant', description: 'FC nets do not sparsify.', check: (i, ctx) => t7Sequence(i, ctx.tier, 'l1') },
  ],
  runs: { ci: 2, default: 10, deep: 30 },
});

// T7R, T7P, T7G along one trajectory at a drawn α
interface T7TInst extends T7Inst {
  logAlpha: number;
}
function t7Trajectory(i: T7TInst) {
  const data = t7Data(i);
  const alpha = Math.exp(i.logAlpha);
  const th0 = data.theta.map((v) => alpha * v);
  const rateScale = Math.pow(alpha, 2 * i.L - 2) * Math.pow(data.lam, i.L - 1) * sminRows(data.X) ** 2;
  const tEnd = Math.min(200, 4 / rateScale);
  const ts = Array.from({ length: 50 }, (_, k) => (tEnd * (k + 1)) / 50);
  const res = runFc(data.dims, data.X, data.y, th0, { tEval: ts, tMax: tEnd, wall: 10 });
  return { ...data, alpha, th0, res, rateScale };
}
const t7tArb = fc.record({ L: fc.integer({ min: 2, max: 3 }), d: fc.integer({ min: 2, max: 4 }), logAlpha: fc.double({ min: Math.log(0.05), max: Math.log(1.5), noNaN: true }), seed: seedArb });
function t7rCheck(i: T7TInst, factor: number): Outcome {
  const tr = t7Trajectory(i);
  if (i.tight) {
    // y along the weakest left singular direction of X, w̄_L = 0 (λ = c²): the initial decay equals the bound
    const sv = compactSvd(tr.X, 1e-14);
    tr.y.splice(0, tr.y.length, ...sv.U1.map((r) => r[r.length - 1]));
    tr.th0.fill(0, (i.L - 1) * i.d * i.d);
    const res = runFc(tr.dims, tr.X, tr.y, tr.th0, { tEval: tr.res.ts, tMax: tr.res.ts[tr.res.ts.length - 1], wall: 10 });
    tr.res = res;
    tr.lam = Math.min(...Array.from({ length: 1 }, () => lambdaMinSym(gramOfFirst(tr.dims, tr.th0, i.L, tr.alpha))));
    tr.rateScale = Math.pow(tr.alpha, 2 * i.L - 2) * Math.pow(tr.lam, i.L - 1) * sminRows(tr.X) ** 2;
  }
  const L0 = fcLoss(tr.dims, tr.X, tr.y, tr.th0);
  let worst = 0;
  tr.res.ys.forEach((th, k) => (worst = Math.max(worst, fcLoss(tr.dims, tr.X, tr.y, th) / (L0 * Math.exp(-factor * tr.rateScale * tr.res.ts[k])))));
  // tol: the bound is asserted as derived (own slack 0); only the integrator's relative error on L is added:
  // runFc uses rtol 1e-12 over tEnd ≤ 4/rateScale (≲ 8 e-folds of the bound) ⇒ ≲ 1e-10 on L; 1e-9 leaves ≳ 10×.
  // Falsifiers (rate factor 4, tight instance) use the same tolerance and fail at O(rate·t) from the first grid point.
  return within(worst, 1 + 1e-9, `max L(t)/(L(0)e^{−${factor}α^{2L−2}λ^{L−1}σ²t})`);
}
/** W̄_{L−1}ᵀW̄_{L−1} − w̄w̄ᵀ from the scaled initial state (divided by α²). */
function gramOfFirst(dims: number[], th0: Float64Array, L: number, alpha: number): number[][] {
  const Ws = fcLayers(dims, th0);
  const W = Ws[L - 2];
  const w = Ws[L - 1].map((r) => r[0]);
  const d = dims[0];
  return Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (W.reduce((s, row) => s + row[a] * row[b], 0) - w[a] * w[b]) / alpha ** 2));
}
const yunT7R = defineClaim<T7TInst & { tight?: boolean }>({
  id: 'YUN-T7R',
  paper: PAPER,
  title: 'Theorem 7 loss rate: L(t) ≤ L(0)exp(−2α^{2L−2}λ^{L−1}σ_min(X)²t) (the printed rate without the 2 is weaker, also true)',
  statement:
    'The derivation in H.1 gives dL/dt ≤ −α^{2L−2}λ^{L−1}σ_min(X)²‖r‖² = −2α^{2L−2}λ^{L−1}σ_min(X)²L, hence L(t) ≤ L(0)e^{−2α^{2L−2}λ^{L−1}σ_min(X)²t}; the paper drops the 2 (a weaker, still true bound). Both are checked.',
  where: 'H.1 lines 1643–1652',
  kind: 'property',
  expected: 'holds',
  arbitrary: t7tArb,
  check: (i) => all([t7rCheck(i, 2), t7rCheck(i, 1)]),
  falsifiers: [
    {
      name: 'exponent doubled again (4α^{2L−2}…)',
      description: 'On a tight instance (w̄_L = 0, W̄ scaled orthogonal, y along the weakest direction of X) the initial decay equals the derived bound, so rate 4 fails.',
      arbitrary: t7tArb.map((i) => ({ ...i, L: 2, tight: true })),
      check: (i) => t7rCheck(i, 4),
    },
  ],
  counterpart: undefined,
  erratum: 'Minor: H.1 writes "= −α^{2L−2}λ^{L−1}σ_min(X)²L" where ‖r‖² = 2L gives a factor 2; the printed rate e^{−α^{2L−2}λ^{L−1}σ_min(X)²t} is weaker but true, so no literal claim is refuted.',
  runs: { ci: 5, default: 16, deep: 60 },
});

function productGramMin(dims: number[], th: ArrayLike<number>, L: number): number {
  const Ws = fcLayers(dims, th).slice(0, L - 1);
  const P = Ws.reduce((A, B) => A.map((row) => B[0].map((_, j) => row.reduce((s, a, k) => s + a * B[k][j], 0))));
  const d = dims[0];
  const G = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => P.reduce((s, row) => s + row[a] * row[b], 0)));
  return lambdaMinSym(G);
}
function t7pCheck(i: T7TInst, power: number): Outcome {
  const tr = t7Trajectory(i);
  const bound = Math.pow(tr.alpha, power) * Math.pow(tr.lam, i.L - 1);
  let worst = 0;
  for (const th of [tr.th0, ...tr.res.ys]) worst = Math.max(worst, bound / productGramMin(tr.dims, th, i.L));
  // λ_min ≥ bound·(1 − 1e-9): eigenvalue round-off κ·ε ≪ 1e-9 for these 4×4 Gram matrices.
  return within(worst, 1 / (1 - 1e-9), 'max bound/λ_min(Gram(W_1⋯W_{L−1}))');
}
const T7P_ERRATUM =
  'Step (b) of the proof of (82) (H.1, lines 1625–1640) uses A ⪰ B ⪰ 0 ⇒ A² ⪰ B², which is false (A = [[2,1],[1,1]], B = [[1,0],[0,0]]: det(A² − B²) = −1). The conclusion (82) still holds: σ_min(W_l)² = λ_min(W_lᵀW_l) ≥ λ_min(W_{l+1}W_{l+1}ᵀ) = σ_min(W_{l+1})² by (78) and (1), and σ_min(W_{L−1})² ≥ α²λ by (79) and (2); products of square matrices multiply σ_min lower bounds.';
const yunT7P = defineClaim<T7TInst>({
  id: 'YUN-T7P',
  paper: PAPER,
  title: 'bound (82): W_{L−1}ᵀ⋯W_1ᵀW_1⋯W_{L−1} ⪰ α^{2L−2}λ^{L−1}I along the flow',
  statement: 'Under (1)–(2), for all t ≥ 0: λ_min((W_1⋯W_{L−1})ᵀ(W_1⋯W_{L−1})) ≥ α^{2L−2}λ^{L−1} (82) (conclusion true; the printed proof step is flawed, see YUN-T7P-LITERAL).',
  where: 'lines 1620–1641',
  kind: 'property',
  expected: 'holds',
  arbitrary: t7tArb,
  check: (i) => t7pCheck(i, 2 * i.L - 2),
  falsifiers: [
    {
      name: 'α^{2L−4}λ^{L−1} (wrong α power)',
      description: 'A stronger bound violated already at t = 0 for small α (the Gram matrix starts at α^{2L−2}·Gram(W̄)).',
      arbitrary: t7tArb.map((i) => ({ ...i, logAlpha: Math.log(0.05) })),
      check: (i) => t7pCheck(i, 2 * i.L - 4),
    },
  ],
  counterpart: 'YUN-T7P-LITERAL',
  erratum: T7P_ERRATUM,
  runs: { ci: 5, default: 16, deep: 60 },
});
interface PsdInst {
  k: number;
  seed: number;
}
const yunT7PLiteral = defineClaim<PsdInst>({
  id: 'YUN-T7P-LITERAL',
  paper: PAPER,
  title: 'the proof step of (82): A ⪰ B ⪰ 0 ⇒ A² ⪰ B²',
  statement: 'Literal step (b) in the proof of (82): for symmetric A ⪰ B ⪰ 0, A² ⪰ B². Checked on random PSD pairs with A = B + C, C ⪰ 0.',
  where: 'H.1 lines 1625–1640',
  kind: 'property',
  expected: 'refuted',
  arbitrary: fc.record({ k: fc.integer({ min: 2, max: 4 }), seed: seedArb }),
  check: (i) => psdPowerCheck(i, 2),
  falsifiers: [
    {
      name: 'A ⪰ B ⪰ 0 ⇒ A³ ⪰ B³',
      description: 'The cubic version of the same monotonicity step (also not operator monotone) fails on the same kind of pairs.',
      check: (i) => psdPowerCheck(i, 3),
    },
  ],
  counterpart: 'YUN-T7P',
  erratum: T7P_ERRATUM,
  runs: { ci: 20, default: 60, deep: 200 },
});
function psdPowerCheck({ k, seed }: PsdInst, p: number): Outcome {
  const rng = new Rng(seed);
  const G1 = gaussMat(rng, k, 1);
  const G2 = gaussMat(rng, k, k);
  const B = G1.map((r) => G1.map((s) => r[0] * s[0])); // rank-one PSD
  const C = G2.map((r) => G2.map((s) => 0.3 * dotv(r, s))); // PSD, so A = B + C ⪰ B
  const A = B.map((row, a) => row.map((v, b) => v + C[a][b]));
  const mul = (M: number[][], N: number[][]) => M.map((row) => N[0].map((_, j) => row.reduce((s, v, t) => s + v * N[t][j], 0)));
  let Ap = A;
  let Bp = B;
  for (let q = 1; q < p; q++) {
    Ap = mul(Ap, A);
    Bp = mul(Bp, B);
  }
  const lmin = lambdaMinSym(Ap.map((row, a) => row.map((v, b) => v - Bp[a][b])));
  const sc = lambdaMaxSym2(Ap);
  // Eigenvalue round-off ≤ 1e-12·scale for k ≤ 4.
  return lmin >= -1e-12 * sc ? pass(0, `λ_min(A^${p}−B^${p}) = ${lmin.toExponential(2)}`) : fail(-lmin / (1e-12 * sc), `A ⪰ B ⪰ 0 but λ_min(A^${p} − B^${p}) = ${lmin.toExponential(3)}`);
}
function lambdaMaxSym2(S: number[][]): number {
  return Math.max(1, ...S.map((r, a) => Math.abs(r[a])));
}

// ---------------- YUN-T7G: (85), (91), (92) ----------------
//
// Derivation of the three bounds (our own, following H.2 step by step). Notation: W_l ∈ R^{d_l×d_{l+1}}
// (l ≤ L−1), w_L ∈ R^{d_L}, s_l = ‖W_l‖_2 with unit top singular vectors u_l (left) and v_l (right),
// Δ_k(t) = W_kᵀW_k − W_{k+1}W_{k+1}ᵀ (k ≤ L−2), Δ_{L−1}(t) = W_{L−1}ᵀW_{L−1} − w_Lw_Lᵀ, δ_k = ‖Δ̄_k‖_2,
// F̄_l = ‖W̄_l‖_F², ω̄ = ‖w̄_L‖².
//  (C)  (78)–(79): d/dt(W_kᵀW_k) = d/dt(W_{k+1}W_{k+1}ᵀ) along GF, so Δ_k(t) = α²Δ̄_k for all t. Nothing else
//       about the flow is used below: every step is linear algebra on the state at one time t.
//  (T)  trace of (C), summed over k = l..L−1: ‖W_l‖_F² − ‖w_L‖² = α²(F̄_l − ω̄).
//  (83) s_l² ≥ u_{l+1}ᵀW_lᵀW_lu_{l+1} = u_{l+1}ᵀW_{l+1}W_{l+1}ᵀu_{l+1} + α²u_{l+1}ᵀΔ̄_lu_{l+1} ≥ s_{l+1}² − α²δ_l;
//       and for the last layer with ŵ = w_L/‖w_L‖: s_{L−1}² ≥ ŵᵀW_{L−1}ᵀW_{L−1}ŵ ≥ ‖w_L‖² − α²δ_{L−1}.
//  (84) chaining (83) from k = l to L−1: s_l² ≥ ‖w_L‖² − α²Σ_{k=l}^{L−1}δ_k (the paper prints the sum from
//       k = 1, a weaker bound; (85) needs it from k = l).
//  (85) (T) − (84): ‖W_l‖_F² − s_l² ≤ α²(F̄_l − ω̄) + α²Σ_{k=l}^{L−1}δ_k.                    [constants as printed]
//  (87) v_lᵀW_{l+1}W_{l+1}ᵀv_l = v_lᵀW_lᵀW_lv_l − α²v_lᵀΔ̄_lv_l ≥ s_l² − α²δ_l.
//  (88) W_{l+1}W_{l+1}ᵀ − s_{l+1}²u_{l+1}u_{l+1}ᵀ ⪯ σ_2(W_{l+1})²I, and σ_2² ≤ ‖W_{l+1}‖_F² − s_{l+1}², so
//       v_lᵀW_{l+1}W_{l+1}ᵀv_l ≤ s_{l+1}²(v_lᵀu_{l+1})² + ‖W_{l+1}‖_F² − s_{l+1}².
//  (89) (87)+(88)+(85 at l+1): s_l² ≤ s_{l+1}²c_l² + α²δ_l + α²(F̄_{l+1} − ω̄) + α²Σ_{k=l+1}^{L−1}δ_k,
//       c_l = v_lᵀu_{l+1} (the paper absorbs α²δ_l into Σ_{k=l}).
//  (90) = (83): s_l² ≥ s_{l+1}² − α²δ_l.
//  (91) (90) into (89), divided by s_{l+1}² > 0:
//       c_l² ≥ 1 − α²G_l/s_{l+1}²,  G_l = δ_l + (F̄_{l+1} − ω̄) + Σ_{k=l}^{L−1}δ_k   (δ_l counted twice). [= catalog]
//  (92) with c = v_{L−1}ᵀŵ: ‖w_L‖²c² = v_{L−1}ᵀ(W_{L−1}ᵀW_{L−1} − α²Δ̄_{L−1})v_{L−1} ≥ s_{L−1}² − α²δ_{L−1}
//       (w_Lw_Lᵀ is rank one, so no Frobenius term), and s_{L−1}² ≥ ‖w_L‖² − α²δ_{L−1} (83), so
//       c² ≥ 1 − 2α²δ_{L−1}/‖w_L‖², i.e. G_{L−1} = 2δ_{L−1}.                                 [= catalog]
// So the catalog's reconstruction of (91)/(92) is exactly what the proof's steps give.
// Sharper remarks (not asserted by the claim). Keeping the Rayleigh quotients instead of bounding them,
//   s_{l+1}²(1 − c_l²) ≤ α²(v_lᵀΔ̄_lv_l − u_{l+1}ᵀΔ̄_lu_{l+1}) + ‖W_{l+1}‖_F² − s_{l+1}²,
//   ‖w_L‖²(1 − c²) ≤ α²(v_{L−1}ᵀΔ̄_{L−1}v_{L−1} − ŵᵀΔ̄_{L−1}ŵ),
// so "2δ" is really the spread λ_max(Δ̄) − λ_min(Δ̄) ≤ 2δ. Under Theorem 7's (1)–(2) every Δ̄_k ⪰ 0: the
// spread is ≤ δ, (83) gives s_l² ≥ ‖w_L‖² so the Σ in (85) can be dropped, G_l can be replaced by
// δ_l + (F̄_{l+1} − ω̄), and (92) holds with the factor 1. Without (1)–(2) these sharper forms fail: the
// 'tight' inits (W̄_{L−1}ᵀW̄_{L−1} = diag(A − δ, δ), w̄ = √A e_1, δ < A < 2δ, so v_{L−1} ⊥ w̄; and the
// analogue for (91) with W̄_{L−1} rank one) violate them at t = 0, where the derived bounds are vacuous
// (2δ/A > 1). A 2×2 reduction (v and ŵ span a plane; compress Δ̄ to it) and a grid over all compressions
// show that whenever 2α²δ/‖w_L‖² < 1 one even has sin² ≤ α²δ/‖w_L‖², so on informative checkpoints
// (92) is at most half tight; the factor 2 is only needed where it makes the bound vacuous.
//
// Numerical slack (each derived, none tuned). The chain above holds for ANY matrices once α²Δ̄_k is
// replaced by the state's actual imbalance Δ_k(t); the integrator breaks (C) only by its drift
// E_k = Δ_k(t) − α²Δ̄_k, measured at each checkpoint (D_k = ‖E_k‖_2; zero for exact GF). Replacing
// α²δ_k by α²δ_k + D_k, and α²(F̄_l − ω̄) by α²(F̄_l − ω̄) + Σ_{k≥l}|tr E_k| ≤ … + Σ_{k≥l} d_{k+1}D_k, gives
//   slack(85)_l = Σ_{k≥l}(1 + d_{k+1})D_k,
//   slack(91)_l = [2D_l + Σ_{k≥l+1}(1 + d_{k+1})D_k]/s_{l+1}²,   slack(92) = 2D_{L−1}/‖w_L‖²,
// plus floating point: Gram formation and the symmetric eigensolver have backward error ≲ d·ε·‖W‖_F²,
// taken 64× (a safety factor, not a fit) on every s², ‖·‖_F² and Rayleigh quotient compared. An instance
// whose drift exceeds 1e-4 of the α²-scale it perturbs is inconclusive: conservation (C) is then not
// resolved and the check would be about the integrator, not the theorem.
type T7GFamily = 'thm' | 'free' | 'tight91' | 'tight92';
export interface T7GInst {
  /** thm: general inits satisfying Theorem 7's (1)–(2), all widths d (not only W̄_l = c_lQ_l, whose Δ̄_l ∝ I makes
   *  (91) exact: sin² ≡ 0); free: Gaussian init with hidden widths `hidden`, (1)–(2) not imposed;
   *  tight91 / tight92 (falsifiers only): at t = 0 the derived (91) (l = L−2) / (92) is just vacuous (2δ/A > 1)
   *  while the variant with a single δ is informative and false (indefinite Δ̄, outside (1)–(2)). */
  family: T7GFamily;
  L: number;
  d: number;
  hidden: number[];
  /** α = 10^{alphaExp/100}, alphaExp ∈ [−300, 17]: α ∈ [1e-3, 1.48] uniformly in log α. */
  alphaExp: number;
  seed: number;
}
/** Which constants to use: the derived ones (power 2, G_l in full, factor 2) or a wrong variant. */
export interface T7GVariant {
  power?: number;
  g91?: 'full' | 'noSigma';
  c92?: number;
}
type Mat = number[][];
const gramT = (W: Mat): Mat => W[0].map((_, a) => W[0].map((_, b) => W.reduce((s, r) => s + r[a] * r[b], 0))); // WᵀW
const gramN = (W: Mat): Mat => W.map((r) => W.map((q) => r.reduce((s, v, k) => s + v * q[k], 0))); // WWᵀ
const matSub = (A: Mat, B: Mat): Mat => A.map((r, a) => r.map((v, b) => v - B[a][b]));
const matMul = (A: Mat, B: Mat): Mat => A.map((r) => B[0].map((_, j) => r.reduce((s, v, k) => s + v * B[k][j], 0)));
const frob2 = (W: Mat) => W.reduce((s, r) => s + r.reduce((t, v) => t + v * v, 0), 0);
/**
 * Top eigenpair and spectral norm of a small symmetric matrix by cyclic Jacobi rotations (backward stable:
 * the computed pair is exact for S + E with ‖E‖ ≲ n·ε·‖S‖, the bound used in the fp slack). For n ≤ 4
 * this is ~50× cheaper than ml-matrix's general solver, which matters at ~10³ states per instance.
 */
export function eigTop(S: Mat): { val: number; vec: number[]; spec: number } {
  const n = S.length;
  const A = S.map((r, a) => r.map((v, b) => 0.5 * (v + S[b][a])));
  const V: number[][] = A.map((_, a) => A.map((_, b) => (a === b ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < n; p++) {
      diag += A[p][p] * A[p][p];
      for (let q = p + 1; q < n; q++) off += A[p][q] * A[p][q];
    }
    if (off <= 1e-34 * diag || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        if (A[p][q] === 0) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k][p];
          const akq = A[k][q];
          A[k][p] = c * akp - sn * akq;
          A[k][q] = sn * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p][k];
          const aqk = A[q][k];
          A[p][k] = c * apk - sn * aqk;
          A[q][k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k][p];
          const vkq = V[k][q];
          V[k][p] = c * vkp - sn * vkq;
          V[k][q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  let top = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < n; p++) {
    if (A[p][p] > A[top][top]) top = p;
    lo = Math.min(lo, A[p][p]);
    hi = Math.max(hi, A[p][p]);
  }
  return { val: A[top][top], vec: V.map((r) => r[top]), spec: Math.max(Math.abs(lo), Math.abs(hi)) };
}
/** sin² of the angle between unit vectors, as ‖v − (vᵀu)u‖² (no cancellation for small angles). */
function sin2(v: number[], u: number[]): number {
  const c = v.reduce((s, x, i) => s + x * u[i], 0);
  return v.reduce((s, x, i) => s + (x - c * u[i]) ** 2, 0);
}
/** Imbalances Δ_k = W_kᵀW_k − W_{k+1}W_{k+1}ᵀ (k = 0..L−2, 0-based; the last uses w_L as a column). */
function imbalances(Ws: Mat[]): Mat[] {
  return Ws.slice(0, -1).map((W, k) => matSub(gramT(W), gramN(Ws[k + 1])));
}
function psdSqrt(S: Mat): Mat {
  const e = symEig(new Matrix(S));
  const n = S.length;
  return S.map((_, a) => S.map((_, b) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += e.vectors.get(a, k) * Math.sqrt(Math.max(0, e.values[k])) * e.vectors.get(b, k);
    return s;
  }));
}
const diagMat = (xs: number[]): Mat => xs.map((x, a) => xs.map((_, b) => (a === b ? x : 0)));
/** Flat parameters (column-major W_l, then w_L) from layer matrices. */
function flatFc(Ws: Mat[], w: number[]): Float64Array {
  const out: number[] = [];
  for (const W of Ws) for (let b = 0; b < W[0].length; b++) for (let a = 0; a < W.length; a++) out.push(W[a][b]);
  return Float64Array.from([...out, ...w]);
}
/** Data and the unscaled initial direction (W̄_1, …, W̄_{L−1}, w̄_L) of an instance. */
export function t7gSetup(i: T7GInst): { dims: number[]; X: number[][]; y: number[]; bar: Float64Array } {
  const rng = new Rng(i.seed);
  const { L, d } = i;
  const dims = i.family === 'free' ? [d, ...i.hidden.slice(0, L - 1)] : new Array(L).fill(d);
  const n = rng.int(1, d - 1);
  const X = gaussMat(rng, n, d);
  if (n >= 2 && rng.uniform() < 0.25) X[1] = X[0].map((v) => v + 1e-2 * rng.normal()); // near-degenerate data
  const y = gaussVec(rng, n);
  // balanced layers W̄_l = Q_l (W̄_{l+1}W̄_{l+1}ᵀ + Λ_l)^{1/2}: then W̄_lᵀW̄_l − W̄_{l+1}W̄_{l+1}ᵀ = Λ_l exactly
  const stackDown = (Wtop: Mat, from: number, extra: (l: number) => Mat): Mat[] => {
    const Ws: Mat[] = [Wtop];
    for (let l = from; l >= 0; l--) {
      const G = gramN(Ws[0]);
      const Lam = extra(l);
      Ws.unshift(matMul(randomOrthogonal(rng, d).to2DArray(), psdSqrt(G.map((r, a) => r.map((v, b) => v + Lam[a][b])))));
    }
    return Ws;
  };
  const randPsd = (lam: number): Mat => {
    const k = rng.uniform() < 0.1 ? 0 : rng.int(1, d); // rank 0 (equality in (1), 1 in 10) … full
    const G = gaussMat(rng, d, Math.max(k, 1)).map((r) => r.map((v) => (k === 0 ? 0 : v * rng.range(0.1, 1))));
    return G.map((r, a) => G.map((q, b) => r.reduce((s, v, t) => s + v * q[t], 0) / Math.max(k, 1) + (a === b ? lam : 0)));
  };
  if (i.family === 'free') {
    const P = dims.slice(0, -1).reduce((s, a, l) => s + a * dims[l + 1], 0) + dims[L - 1];
    return { dims, X, y, bar: Float64Array.from(rng.normals(P)) };
  }
  if (i.family === 'thm') {
    // (2): W̄_{L−1}ᵀW̄_{L−1} = w̄w̄ᵀ + Λ_{L−1}, Λ_{L−1} ⪰ λI; (1): Λ_l ⪰ 0 for l ≤ L−2. w̄ = 0 (Wu et al.) 1 in 6.
    const w = rng.uniform() < 1 / 6 ? new Array(d).fill(0) : gaussVec(rng, d, rng.range(0.2, 1.5));
    const lam = rng.logUniform(0.02, 1);
    const Ws = stackDown(w.map((v) => [v]), L - 2, (l) => randPsd(l === L - 2 ? lam : 0)).slice(0, L - 1);
    return { dims, X, y, bar: flatFc(Ws, w) };
  }
  // tight instances (d ≥ 2): δ < A < 2δ, A/δ ∈ [1.2, 1.95]
  const delta = rng.range(0.3, 1.5);
  const A = delta * rng.range(1.2, 1.95);
  const Q = randomOrthogonal(rng, d).to2DArray();
  const e1Diag = (x: number, z: number) => diagMat([x, z, ...new Array(d - 2).fill(0)]);
  if (i.family === 'tight92') {
    // W̄_{L−1}ᵀW̄_{L−1} = diag(A − δ, δ, 0, …), w̄ = √A e_1: Δ̄_{L−1} = diag(−δ, δ, 0, …), v_{L−1} = e_2 ⊥ w̄
    const w = [Math.sqrt(A), ...new Array(d - 1).fill(0)];
    const top = matMul(Q, e1Diag(Math.sqrt(A - delta), Math.sqrt(delta)));
    const Ws = stackDown(top, L - 3, () => diagMat(new Array(d).fill(0)));
    return { dims, X, y, bar: flatFc(Ws, w) };
  }
  // tight91 (L ≥ 3): W̄_{L−1} = √A e_1zᵀ, w̄ = √A z (Δ̄_{L−1} = 0, F̄_{L−1} = ω̄); W̄_{L−2}ᵀW̄_{L−2} = diag(A − δ, δ, 0, …)
  // so Δ̄_{L−2} = diag(−δ, δ, 0, …), u_{L−1} = e_1, v_{L−2} = e_2: G_{L−2} = 2δ and c² = 0 with s² = A.
  const z = gaussVec(rng, d);
  const zn = Math.hypot(...z);
  const Wlast = Array.from({ length: d }, (_, a) => z.map((v) => (a === 0 ? (Math.sqrt(A) * v) / zn : 0)));
  const Wmid = matMul(Q, e1Diag(Math.sqrt(A - delta), Math.sqrt(delta)));
  const Ws = [...stackDown(Wmid, L - 4, () => diagMat(new Array(d).fill(0))), Wlast];
  return { dims, X, y, bar: flatFc(Ws, z.map((v) => (Math.sqrt(A) * v) / zn)) };
}

/** The α-free constants of the bounds: δ_k = ‖Δ̄_k‖_2, F̄_l = ‖W̄_l‖_F², ω̄ = ‖w̄_L‖² (and Δ̄_k for the drift). */
export function t7gConstants(dims: number[], bar: ArrayLike<number>) {
  const L = dims.length;
  const Wb = fcLayers(dims, bar);
  const Dbar = imbalances(Wb);
  return { Dbar, delta: Dbar.map((D) => eigTop(D).spec), Fbar: Wb.slice(0, L - 1).map(frob2), wb2: frob2(Wb[L - 1]) };
}
type T7GConst = ReturnType<typeof t7gConstants>;
/** One alignment bound at one state: sin² observed, bound b = α^p·G/s², its numerical slack, and whether it is trivial (vectors in R¹). */
export interface T7GAlign {
  m: number;
  b: number;
  slack: number;
  trivial: boolean;
}
/** Evaluate (85), (91), (92) at one state (the quantities of the derivation above). */
export function t7gPoint(dims: number[], th: ArrayLike<number>, k: T7GConst, alpha: number, v: T7GVariant = {}): { r85: number[]; a91: T7GAlign[]; a92: T7GAlign | null; driftRel: number } {
  const power = v.power ?? 2;
  const c92 = v.c92 ?? 2;
  const L = dims.length;
  const eps = Number.EPSILON;
  const { Dbar, delta, Fbar, wb2 } = k;
  const Ws = fcLayers(dims, th);
  const a2 = alpha * alpha;
  const ap = Math.pow(alpha, power);
  const drift = imbalances(Ws).map((D, j) => eigTop(matSub(D, Dbar[j].map((r) => r.map((x) => a2 * x)))).spec);
  const scale = a2 * Math.max(1e-300, ...delta, ...Fbar.map((f) => Math.abs(f - wb2)));
  const F = Ws.slice(0, L - 1).map(frob2);
  const right = Ws.slice(0, L - 1).map((W) => eigTop(gramT(W)));
  const left = Ws.slice(0, L - 1).map((W) => eigTop(gramN(W)));
  const sumFrom = (xs: number[], l: number) => xs.slice(l).reduce((s, x) => s + x, 0);
  const driftFrom = (l: number) => drift.reduce((s, D, j) => (j >= l ? s + (1 + dims[j + 1]) * D : s), 0);
  // floating point: 64·d·ε·(‖W_l‖_F² + ‖W_{l+1}‖_F²), see the derivation comment
  const fp = (l: number) => 64 * Math.max(...dims) * eps * (F[l] + (l + 1 < L - 1 ? F[l + 1] : frob2(Ws[L - 1])));
  const r85 = right.map((rt, l) => (F[l] - rt.val) / Math.max(1e-300, ap * (Fbar[l] - wb2 + sumFrom(delta, l)) + driftFrom(l) + fp(l)));
  const a91: T7GAlign[] = [];
  for (let l = 0; l < L - 2; l++) {
    const s2 = left[l + 1].val;
    if (!(s2 > 0)) continue; // (91) needs s_{l+1} > 0
    const G = delta[l] + (Fbar[l + 1] - wb2) + (v.g91 === 'noSigma' ? 0 : sumFrom(delta, l));
    a91.push({ m: sin2(right[l].vec, left[l + 1].vec), b: (ap * G) / s2, slack: (2 * drift[l] + driftFrom(l + 1) + fp(l)) / s2, trivial: dims[l + 1] === 1 });
  }
  const w = Ws[L - 1].map((r) => r[0]);
  const nw2 = w.reduce((s, x) => s + x * x, 0);
  const a92 = nw2 > 0 // (92) needs w_L ≠ 0
    ? { m: sin2(right[L - 2].vec, w.map((x) => x / Math.sqrt(nw2))), b: (c92 * ap * delta[L - 2]) / nw2, slack: (2 * drift[L - 2] + fp(L - 2)) / nw2, trivial: dims[L - 1] === 1 }
    : null;
  return { r85, a91, a92, driftRel: Math.max(...drift) / scale };
}
/**
 * Allocation-free GF right-hand side −∇L of f = xᵀW_1⋯W_{L−1}w_L (same layout and formula as fcRhs in
 * src/models/tensorFc.ts, ∇_{W_l} = (W_1⋯W_{l−1})ᵀXᵀr ⊗ W_{l+1}⋯w_L; the test file checks they agree).
 * Returns the loss ½‖r‖² of the state it was called on.
 */
export function makeFcFlow(dims: number[], X: number[][], y: number[]): (th: ArrayLike<number>, out: Float64Array | null) => number {
  const L = dims.length;
  const off: number[] = [0];
  for (let l = 0; l < L - 1; l++) off.push(off[l] + dims[l] * dims[l + 1]);
  const suf = dims.map((n) => new Float64Array(n));
  const left = dims.map((n) => new Float64Array(n));
  const n = X.length;
  const d = dims[0];
  const r = new Float64Array(n);
  return (th, out) => {
    const oW = off[L - 1];
    for (let b = 0; b < dims[L - 1]; b++) suf[L - 1][b] = th[oW + b];
    for (let l = L - 2; l >= 0; l--) {
      const rows = dims[l];
      const cols = dims[l + 1];
      const s = suf[l];
      const nx = suf[l + 1];
      for (let a = 0; a < rows; a++) {
        let acc = 0;
        for (let b = 0; b < cols; b++) acc += th[off[l] + a + rows * b] * nx[b];
        s[a] = acc;
      }
    }
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let k = 0; k < d; k++) f += X[i][k] * suf[0][k];
      r[i] = f - y[i];
      loss += 0.5 * r[i] * r[i];
    }
    if (!out) return loss;
    for (let k = 0; k < d; k++) {
      let g = 0;
      for (let i = 0; i < n; i++) g += X[i][k] * r[i];
      left[0][k] = g;
    }
    for (let l = 0; l < L - 1; l++) {
      const rows = dims[l];
      const cols = dims[l + 1];
      for (let b = 0; b < cols; b++) {
        let acc = 0;
        for (let a = 0; a < rows; a++) acc += th[off[l] + a + rows * b] * left[l][a];
        left[l + 1][b] = acc;
      }
      for (let b = 0; b < cols; b++) for (let a = 0; a < rows; a++) out[off[l] + a + rows * b] = -left[l][a] * suf[l + 1][b];
    }
    for (let b = 0; b < dims[L - 1]; b++) out[oW + b] = -left[L - 1][b];
    return loss;
  };
}
export function t7gTrajectory(i: T7GInst, tier: string) {
  const { dims, X, y, bar } = t7gSetup(i);
  const alpha = Math.pow(10, i.alphaExp / 100);
  const th0 = bar.map((x) => alpha * x);
  const flow = makeFcFlow(dims, X, y);
  const L0 = flow(th0, null);
  const states: { t: number; y: Float64Array }[] = [{ t: 0, y: th0 }];
  // Record an accepted step when t grew by 5% or some weight moved by 2% of ‖θ‖∞ since the last record:
  // log-spaced in time through the slow start, dense through the growth of the singular values (where
  // (91)/(92) become informative), sparse in a stiff tail (near-collinear data). rtol 1e-11: its effect on
  // the bounds is the measured conservation drift (slack above). Stop at L ≤ 1e-12·L(0) or after maxSteps
  // (a stiff tail); either way the bounds are claimed for every t reached.
  let last = th0;
  const res = integrateOde((_t, z, o) => void flow(z, o), th0, {
    tMax: 1e9,
    rtol: 1e-11,
    atol: 1e-14 * alpha,
    maxSteps: tier === 'ci' ? 20_000 : 100_000,
    wallSeconds: tier === 'ci' ? 1 : 5,
    divergeNorm: 1e6,
    stop: (t, z) => {
      let mv = 0;
      let nz = 0;
      for (let j = 0; j < z.length; j++) {
        mv = Math.max(mv, Math.abs(z[j] - last[j]));
        nz = Math.max(nz, Math.abs(z[j]));
      }
      const loss = flow(z, null);
      if (t >= 1.05 * states[states.length - 1].t || mv >= 0.02 * nz || loss < 1e-12 * L0) {
        last = Float64Array.from(z);
        states.push({ t, y: last });
      }
      return loss < 1e-12 * L0;
    },
  });
  if (states[states.length - 1].t < res.t) states.push({ t: res.t, y: res.y });
  return { dims, X, y, bar, alpha, states, res };
}
/**
 * (85), (91) and (92) at ≤ 160 checkpoints (every k-th recorded state, plus t = 0 and the last state).
 * `which` restricts the verdict to one bound (falsifiers). An alignment checkpoint is informative when the
 * bound being checked is (b < 1); elsewhere it holds trivially and is only counted.
 */
export function t7gCheck(i: T7GInst, tier: string, v: T7GVariant = {}, which: '85' | '91' | '92' | 'all' = 'all'): Outcome {
  const tr = t7gTrajectory(i, tier);
  if (tr.res.status === 'diverged') return inconclusive(`GF diverged at t = ${tr.res.t.toExponential(2)}`);
  const k = t7gConstants(tr.dims, tr.bar);
  const N = tr.states.length;
  const stride = Math.max(1, Math.ceil(N / 160));
  const idx = tr.states.map((_, j) => j).filter((j) => j % stride === 0 || j === N - 1);
  let w85 = 0;
  let t85 = 0;
  const w = { 91: 0, 92: 0 };
  const tw = { 91: 0, 92: 0 };
  const inf = { 91: 0, 92: 0 };
  let firstInf = Infinity;
  let vac = 0;
  let triv = 0;
  let driftRel = 0;
  const visit = (a: T7GAlign, key: 91 | 92, t: number) => {
    if (a.trivial) triv++;
    else if (!(a.b < 1)) vac++;
    else {
      inf[key]++;
      firstInf = Math.min(firstInf, t);
      const r = a.m / (a.b + a.slack);
      if (r > w[key]) [w[key], tw[key]] = [r, t];
    }
  };
  for (const j of idx) {
    const p = t7gPoint(tr.dims, tr.states[j].y, k, tr.alpha, v);
    driftRel = Math.max(driftRel, p.driftRel);
    for (const r of p.r85) if (r > w85) [w85, t85] = [r, tr.states[j].t];
    p.a91.forEach((a) => visit(a, 91, tr.states[j].t));
    if (p.a92) visit(p.a92, 92, tr.states[j].t);
  }
  const detail = { alpha: tr.alpha, tWorst85: t85, tWorst91: tw[91], tWorst92: tw[92], checkpoints: idx.length, informative91: inf[91], informative92: inf[92], vacuous: vac, trivial: triv, firstInformativeT: firstInf, tEnd: tr.res.t, flow: tr.res.status, driftRel };
  // conservation (78)–(79) must be resolved far below the α² scale it enters, else the check is about the integrator
  if (driftRel > 1e-4) return inconclusive(`conservation drift ${driftRel.toExponential(2)} of the α²-scale: (78)–(79) not resolved`, detail);
  const out: Outcome[] = [];
  if (which === 'all' || which === '85') out.push(within(w85, 1, `max (‖W_l‖_F² − ‖W_l‖_2²)/bound(85) over ${idx.length} checkpoints`, detail));
  const alignment = (key: 91 | 92, name: string) =>
    inf[key] > 0
      ? within(w[key], 1, `max sin²/bound${name} over ${inf[key]} informative checkpoints (${vac} vacuous, ${triv} trivial)`, detail)
      : inconclusive(`${name} vacuous (bound ≥ 1) or trivial at all ${idx.length} checkpoints`, detail);
  if (which === '91') out.push(alignment(91, '(91)'));
  if (which === '92') out.push(alignment(92, '(92)'));
  if (which === 'all') {
    // No informative alignment checkpoint: (91)/(92) are still VERIFIED here, not untested. A vacuous
    // checkpoint has 1 − α²G/s² ≤ 0 ≤ cos² (true by the sign of the right-hand side), a trivial one has unit
    // vectors in R¹ (cos² = 1); the instance's verdict is therefore known — the conjunction (85) ∧ (91) ∧ (92)
    // holds — and is a pass, with the vacuity counted in the reason. (Measured on 600 draws of t7gArb at
    // tier ci: 81% have informative checkpoints; 14% are vacuous-only, 80 of 84 of them at α > 0.25, where
    // α²G_l stays above s_{l+1}² up to convergence — the flow stops at an interpolating minimum whose s_{l+1}²
    // is O(1), fixed by the data, so no later time would help (a few stop at maxSteps in a stiff tail, with the
    // bound already flat there); 5% are trivial-only, 'free' inits with width-1
    // hidden layers. Neither a budget nor a precondition is missing, so 'inconclusive' would be wrong; the
    // discriminating power for (91)/(92) comes from the informative draws and the falsifiers.)
    if (inf[91] + inf[92] === 0) out.push(pass(Number.NaN, `(91)/(92) hold vacuously at all ${idx.length} checkpoints (${vac} vacuous [1 − α²G/s² ≤ 0], ${triv} trivial [vectors in R¹]) at α = ${tr.alpha.toPrecision(3)}: no informative alignment checkpoint, the verdict rests on (85)`, detail));
    else {
      if (inf[91] > 0) out.push(alignment(91, '(91)'));
      if (inf[92] > 0) out.push(alignment(92, '(92)'));
    }
  }
  return all(out);
}
const t7gArb: fc.Arbitrary<T7GInst> = fc.record({
  family: fc.constantFrom<T7GFamily>('thm', 'thm', 'thm', 'free', 'free'),
  L: fc.integer({ min: 2, max: 4 }),
  d: fc.integer({ min: 2, max: 4 }),
  hidden: fc.array(fc.noBias(fc.integer({ min: 1, max: 4 })), { minLength: 3, maxLength: 3 }),
  alphaExp: fc.noBias(fc.integer({ min: -300, max: 17 })),
  seed: seedArb,
});
const yunT7G = defineClaim<T7GInst>({
  id: 'YUN-T7G',
  paper: PAPER,
  title: 'H.2: Frobenius–operator gap (85) and layer alignment (91), (92) along gradient flow (reconstructed constants)',
  statement:
    'Along GF of f = xᵀW_1⋯W_{L−1}w_L from W_l(0) = αW̄_l, w_L(0) = αw̄_L, with Δ̄_k = W̄_kᵀW̄_k − W̄_{k+1}W̄_{k+1}ᵀ (k ≤ L−2), Δ̄_{L−1} = W̄_{L−1}ᵀW̄_{L−1} − w̄_Lw̄_Lᵀ, s_l = ‖W_l‖_2 with top singular vectors u_l, v_l, for all t ≥ 0: ' +
    '(85) ‖W_l‖_F² − s_l² ≤ α²(‖W̄_l‖_F² − ‖w̄_L‖²) + α²Σ_{k=l}^{L−1}‖Δ̄_k‖_2 (l ≤ L−1); ' +
    '(91) (v_lᵀu_{l+1})² ≥ 1 − α²G_l/s_{l+1}², G_l = ‖Δ̄_l‖_2 + (‖W̄_{l+1}‖_F² − ‖w̄_L‖²) + Σ_{k=l}^{L−1}‖Δ̄_k‖_2 (l ≤ L−2, s_{l+1} > 0); ' +
    '(92) (v_{L−1}ᵀw_L)²/‖w_L‖² ≥ 1 − 2α²‖Δ̄_{L−1}‖_2/‖w_L‖² (w_L ≠ 0). ' +
    'The constants of (91)/(92) are the catalog reconstruction of garbled text, re-derived here from the proof’s own steps (they agree). ' +
    'Checked at every few accepted dopri5 steps from t = 0 to convergence, L ∈ {2,3,4}, log-uniform α ∈ [1e-3, 1.48], 1 ≤ n < d ≤ 4 (some nearly collinear rows): inits satisfying Theorem 7’s (1)–(2); Gaussian inits with hidden widths 1–4, where (1)–(2) fail (the proof uses only the conservation laws (78)–(79), so the bounds must hold there too). ' +
    'Checkpoints where 1 − α²G/s² ≤ 0 (vacuous) or the vectors live in R¹ (trivial) hold by the sign of the bound and are counted, not compared; an instance with no informative (91)/(92) checkpoint (mostly α > 0.25, where α²G_l exceeds s_{l+1}² even at the interpolating minimum, or hidden widths 1) passes on (85) with its vacuity stated in the reason. Under (1)–(2) sharper constants hold (see the derivation comment); the printed/reconstructed ones are what is asserted.',
  where: 'H.2 lines 1653–1727, eqs. (83)–(92)',
  kind: 'property',
  expected: 'holds',
  arbitrary: t7gArb,
  check: (i, ctx) => t7gCheck(i, ctx.tier),
  falsifiers: [
    {
      name: 'gap bound (85) with α⁴',
      description: 'A gap of order α⁴ is too strong for α < 1 once W_l aligns (the gap is order α²).',
      arbitrary: t7gArb.map((i) => ({ ...i, family: 'thm' as const, d: 3, alphaExp: -52 })), // α ≈ 0.3
      check: (i, ctx) => t7gCheck(i, ctx.tier, { power: 4 }, '85'),
    },
    {
      name: '(91) with α⁴G_l/s_{l+1}²',
      description: 'Late in the flow sin²(v_l, u_{l+1}) is O(α⁴), but at t = 0 (sin² = O(1), α⁴G_l/s_{l+1}² = α²G_l/s̄_{l+1}²) and while the singular values grow it is a fixed fraction of α²G_l/s_{l+1}², so an α⁴ bound fails for small α (Theorem 7 inits).',
      arbitrary: t7gArb.map((i) => ({ ...i, family: 'thm' as const, L: Math.max(3, i.L), alphaExp: Math.min(i.alphaExp, -250) })), // α ≤ 0.003
      check: (i, ctx) => t7gCheck(i, ctx.tier, { power: 4 }, '91'),
    },
    {
      name: '(91) with G_l = ‖Δ̄_l‖_2 + ‖W̄_{l+1}‖_F² − ‖w̄_L‖² (Σ term dropped)',
      description: 'Without the Σ_{k≥l}‖Δ̄_k‖_2 term the bound is wrong for indefinite Δ̄_l: on the tight init (Δ̄_{L−2} = diag(−δ, δ), W̄_{L−1} rank one) it claims sin² ≤ δ/A < 1 where sin² = 1.',
      arbitrary: t7gArb.map((i) => ({ ...i, family: 'tight91' as const, L: Math.max(3, i.L) })),
      check: (i, ctx) => t7gCheck(i, ctx.tier, { g91: 'noSigma' }, '91'),
    },
    {
      name: '(92) with α⁴',
      description: 'As for (91): at t = 0 and during the growth phase sin²(v_{L−1}, w_L) is of order α²·‖Δ̄_{L−1}‖_2/‖w_L‖², not α⁴ (Theorem 7 inits, small α).',
      arbitrary: t7gArb.map((i) => ({ ...i, family: 'thm' as const, alphaExp: Math.min(i.alphaExp, -250) })), // α ≤ 0.003
      check: (i, ctx) => t7gCheck(i, ctx.tier, { power: 4 }, '92'),
    },
    {
      name: '(92) with the factor 2 dropped',
      description: 'The 2 is needed when Δ̄_{L−1} is indefinite (outside (2)): on the tight init W̄_{L−1}ᵀW̄_{L−1} = diag(A − δ, δ), w̄ = √A e_1, δ < A < 2δ, sin² = 1 > δ/A. (Under (2), Δ̄_{L−1} ⪰ 0 and the factor 1 would hold, so this instance is outside Theorem 7 but inside the conservation-law statement asserted.)',
      arbitrary: t7gArb.map((i) => ({ ...i, family: 'tight92' as const })),
      check: (i, ctx) => t7gCheck(i, ctx.tier, { c92: 1 }, '92'),
    },
  ],
  runs: { ci: 8, default: 24, deep: 80 },
});

export const claims: Claim[] = [
  yunL4,
  yunL4X,
  yunT5,
  yunT5S,
  yunT5R,
  yunR4,
  yunC5,
  yunC6,
  yunC6Literal,
  yunC7,
  yunT6,
  yunT6G,
  yunT6R,
  yunT7,
  yunT7R,
  yunT7P,
  yunT7PLiteral,
  yunT7G,
] as Claim[];
export { HL };
