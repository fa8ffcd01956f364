// Appendix B lemmas of Min et al. (2021): Grönwall (B.1), Weyl's singular-value inequality (B.2),
// the product lower bound (B.3) and the trace inequality (B.4). Deterministic statements checked on
// random matrices that include rank-deficient, ill-conditioned and badly scaled draws.
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { all, defineClaim, fail, fmt, pass, within, type Outcome } from '../../src/core/claim.js';
import { singularValues, symEig } from '../../src/linalg/index.js';
import { Rng } from '../../src/random/rng.js';
import { EPS } from './b-util.js';

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

// ---------------------------------------------------------------- random matrices of several kinds

export type MatKind = 'gauss' | 'lowrank' | 'illcond' | 'scaled' | 'zero';
const matKindArb = fc.constantFrom<MatKind>('gauss', 'lowrank', 'illcond', 'scaled', 'zero');

/** A rows×cols matrix of the given kind (data from the seeded Rng, never from fast-check doubles). */
export function randomMatrix(rng: Rng, rows: number, cols: number, kind: MatKind): Matrix {
  const g = (r: number, c: number) => {
    const M = new Matrix(r, c);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) M.set(i, j, rng.normal());
    return M;
  };
  switch (kind) {
    case 'gauss':
      return g(rows, cols);
    case 'zero':
      return Matrix.zeros(rows, cols);
    case 'lowrank': {
      const k = rng.int(1, Math.max(1, Math.min(rows, cols) - 1));
      return g(rows, k).mmul(g(k, cols));
    }
    case 'illcond': {
      // U diag(10^{u}) Vᵀ with u uniform on [−6, 6]: condition numbers up to 1e12.
      const k = Math.min(rows, cols);
      const A = g(rows, k);
      const B = g(k, cols);
      for (let j = 0; j < k; j++) {
        const s = 10 ** rng.range(-6, 6);
        for (let i = 0; i < rows; i++) A.set(i, j, A.get(i, j) * s);
      }
      return A.mmul(B);
    }
    case 'scaled': {
      const s = 10 ** rng.range(-8, 8);
      return g(rows, cols).mul(s);
    }
  }
}

/** σ_k (1-based) with σ_k := 0 beyond the number of singular values (rank conventions of H&J). */
const sv = (s: Float64Array, k: number): number => (k >= 1 && k <= s.length ? s[k - 1] : 0);

// ================================================================ MIN-LB1 — Grönwall (Lemma B.1)

interface GronwallInstance {
  seed: number;
  /** number of Fourier modes of β */
  modes: number;
  /** horizon T = 0.5·tStep */
  tStep: number;
  /** slack g ≥ 0 present (0: equality case u' = βu) */
  slack: boolean;
  /** sign of u(0) */
  negative: boolean;
}

interface GronwallPath {
  ts: number[];
  u: number[];
  /** Richardson estimate of the RK4 global error at each node */
  err: number[];
  bound: number[];
  beta: (t: number) => number;
  B: (t: number) => number;
  u0: number;
}

/**
 * u' = β(t)u − σ·g(t) with β a random trigonometric polynomial (any sign), g ≥ 0 a random
 * nonnegative slack, B(t) = ∫_0^t β exact. RK4 with N and 2N steps; the difference estimates the error.
 */
function gronwallPath(inst: GronwallInstance, sigma: 1 | -1): GronwallPath {
  const rng = new Rng(inst.seed);
  const b0 = rng.range(-1.5, 1.5);
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  for (let k = 0; k < inst.modes; k++) {
    a.push(rng.normal());
    b.push(rng.normal());
    w.push(rng.range(0.5, 4));
  }
  const gAmp = inst.slack ? rng.logUniform(0.05, 2) : 0;
  const gw = rng.range(0.3, 3);
  const gphi = rng.range(0, 2 * Math.PI);
  const u0 = (inst.negative ? -1 : 1) * rng.logUniform(0.1, 10);
  const beta = (t: number) => {
    let s = b0;
    for (let k = 0; k < a.length; k++) s += a[k] * Math.cos(w[k] * t) + b[k] * Math.sin(w[k] * t);
    return s;
  };
  // B(t) = b0 t + Σ a_k sin(w t)/w + b_k (1 − cos(w t))/w
  const B = (t: number) => {
    let s = b0 * t;
    for (let k = 0; k < a.length; k++) s += (a[k] * Math.sin(w[k] * t) + b[k] * (1 - Math.cos(w[k] * t))) / w[k];
    return s;
  };
  const g = (t: number) => gAmp * (1 + Math.sin(gw * t + gphi)); // ≥ 0
  const f = (t: number, u: number) => beta(t) * u - sigma * g(t);
  const T = 0.5 * inst.tStep;
  const rk4 = (N: number): number[] => {
    const out = [u0];
    const dt = T / N;
    let u = u0;
    for (let i = 0; i < N; i++) {
      const t = i * dt;
      const k1 = f(t, u);
      const k2 = f(t + dt / 2, u + (dt / 2) * k1);
      const k3 = f(t + dt / 2, u + (dt / 2) * k2);
      const k4 = f(t + dt, u + dt * k3);
      u += (dt / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
      out.push(u);
    }
    return out;
  };
  const N = 400;
  const coarse = rk4(N);
  const fine = rk4(2 * N);
  const ts: number[] = [];
  const u: number[] = [];
  const err: number[] = [];
  const bound: number[] = [];
  for (let i = 0; i <= N; i++) {
    const t = (i * T) / N;
    ts.push(t);
    u.push(fine[2 * i]);
    // fine-grid error ≈ (coarse − fine)/15 for a 4th-order method; 1× the difference is a safe bound.
    err.push(Math.abs(coarse[i] - fine[2 * i]));
    bound.push(u0 * Math.exp(B(t)));
  }
  return { ts, u, err, bound, beta, B, u0 };
}

/** Check u(t) ≤ rhs(t) at every node, with the integration error and round-off as tolerance. */
function nodesBelow(p: GronwallPath, rhs: (i: number) => number, what: string): Outcome {
  let worst = -Infinity;
  let worstOutcome: Outcome | null = null;
  let errRun = 0;
  for (let i = 1; i < p.ts.length; i++) {
    const r = rhs(i);
    const scale = Math.max(Math.abs(p.u[i]), Math.abs(r), Math.abs(p.u0));
    // tolerance: RK4 error estimate (|coarse − fine| ≈ 15·error of the fine solution; its running max
    // guards against an accidental zero crossing of the difference) + 1e-12 relative round-off.
    errRun = Math.max(errRun, p.err[i]);
    const tol = errRun + 1e-12 * scale;
    const excess = p.u[i] - r;
    const m = excess / tol;
    if (m > worst) {
      worst = m;
      worstOutcome = excess <= tol ? pass(m, `${what}: worst u − bound = ${fmt(excess)} (tol ${fmt(tol)}) at t = ${fmt(p.ts[i])}`) : fail(m, `${what}: u(t) − bound = ${fmt(excess)} > tol ${fmt(tol)} at t = ${fmt(p.ts[i])}`, { t: p.ts[i], u: p.u[i], bound: r });
    }
  }
  return worstOutcome ?? pass(0, `${what}: no nodes`);
}

const gronwallArb: fc.Arbitrary<GronwallInstance> = fc.record({
  seed: seedArb,
  modes: fc.integer({ min: 0, max: 3 }),
  tStep: fc.integer({ min: 1, max: 10 }),
  slack: fc.boolean(),
  negative: fc.boolean(),
});

export const minLB1 = defineClaim<GronwallInstance>({
  id: 'MIN-LB1',
  paper: 'min2021',
  title: "Lemma B.1 (Grönwall, differential form): u' ≤ βu ⇒ u(t) ≤ u(0)·exp(∫₀ᵗβ)",
  statement:
    "For continuous u, β on [0, ∞) with u differentiable and u'(t) ≤ β(t)u(t) for t > 0, u(t) ≤ u(0)·exp(∫₀ᵗ β) for all t > 0; no sign conditions on u or β. Checked on u' = βu − g with β a random trigonometric polynomial of either sign, g ≥ 0 a random slack (or g ≡ 0, the equality case), u(0) of either sign, at every node of an RK4 solution on [0, T], T ≤ 5.",
  where: 'App. B, Lemma B.1, L:387–395',
  kind: 'lemma',
  expected: 'holds',
  arbitrary: gronwallArb,
  check: (inst) => {
    const p = gronwallPath(inst, 1);
    return nodesBelow(p, (i) => p.bound[i], 'Grönwall bound');
  },
  falsifiers: [
    {
      name: "reversed hypothesis u' ≥ βu",
      description: "Same conclusion claimed for u' = βu + g with g ≥ 0 (hypothesis reversed): fails as soon as the slack is positive.",
      arbitrary: gronwallArb.map((i) => ({ ...i, slack: true })),
      check: (inst) => {
        const p = gronwallPath(inst, -1);
        return nodesBelow(p, (i) => p.bound[i], "reversed-hypothesis Grönwall");
      },
    },
    {
      name: 'frozen rate u(0)·exp(β(t)·t)',
      description: 'Conclusion with the running integral replaced by β(t)·t: wrong for non-constant β.',
      arbitrary: gronwallArb.map((i) => ({ ...i, modes: Math.max(1, i.modes), slack: false })),
      check: (inst) => {
        const p = gronwallPath(inst, 1);
        return nodesBelow(p, (i) => p.u0 * Math.exp(p.beta(p.ts[i]) * p.ts[i]), 'frozen-rate bound');
      },
    },
  ],
  runs: { ci: 10, default: 40, deep: 200 },
});

// ================================================================ MIN-LB2 — Weyl (Lemma B.2)

interface WeylInstance {
  seed: number;
  p: number;
  q: number;
  s: number;
  kindA: MatKind;
  kindB: MatKind;
}
const weylArb: fc.Arbitrary<WeylInstance> = fc.record({
  seed: seedArb,
  p: fc.integer({ min: 1, max: 8 }),
  q: fc.integer({ min: 1, max: 8 }),
  s: fc.integer({ min: 1, max: 8 }),
  kindA: matKindArb,
  kindB: matKindArb,
});

interface WeylData {
  sA: Float64Array;
  sB: Float64Array;
  sAB: Float64Array;
  /** absolute round-off allowance for σ(AB): forming AB costs ≤ q·ε·‖A‖_F‖B‖_F, the SVD O(ε‖AB‖) */
  tolAbs: number;
  qmin: number;
}
function weylData(inst: WeylInstance): WeylData {
  const rng = new Rng(inst.seed);
  const A = randomMatrix(rng, inst.p, inst.q, inst.kindA);
  const B = randomMatrix(rng, inst.q, inst.s, inst.kindB);
  const fa = A.norm('frobenius');
  const fb = B.norm('frobenius');
  return {
    sA: singularValues(A),
    sB: singularValues(B),
    sAB: singularValues(A.mmul(B)),
    tolAbs: 8 * (inst.p + inst.q + inst.s) * EPS * fa * fb,
    qmin: Math.min(inst.p, inst.q, inst.s),
  };
}

/** For all admissible (i, j): compare σ_{i+j−1−shift}(AB) with σ_i(A)σ_j(B) in the given direction. */
function weylCheck(d: WeylData, variant: 'weyl' | 'reversed' | 'shifted'): Outcome {
  const outs: Outcome[] = [];
  let worst = -Infinity;
  let worstO: Outcome | null = null;
  for (let i = 1; i <= d.qmin; i++)
    for (let j = 1; i + j - 1 <= d.qmin; j++) {
      const k = variant === 'shifted' ? i + j - 2 : i + j - 1;
      if (k < 1) continue;
      const lhs = sv(d.sAB, k);
      const rhs = sv(d.sA, i) * sv(d.sB, j);
      const tol = 1e-12 * rhs + d.tolAbs;
      const excess = variant === 'reversed' ? rhs - lhs : lhs - rhs;
      const m = tol > 0 ? excess / tol : excess > 0 ? Infinity : -Infinity;
      if (m > worst) {
        worst = m;
        const text = `${variant === 'reversed' ? 'σ_i(A)σ_j(B) − σ_{i+j−1}(AB)' : `σ_${k}(AB) − σ_i(A)σ_j(B)`} = ${fmt(excess)} (tol ${fmt(tol)}) at i=${i}, j=${j}`;
        worstO = excess <= tol ? pass(m, text) : fail(m, text, { i, j, lhs, rhs });
      }
    }
  if (worstO) outs.push(worstO);
  return outs.length ? all(outs) : pass(0, 'no admissible (i, j)');
}

export const minLB2 = defineClaim<WeylInstance>({
  id: 'MIN-LB2',
  paper: 'min2021',
  title: "Lemma B.2 (Weyl): σ_{i+j−1}(AB) ≤ σ_i(A)σ_j(B), general shapes",
  statement:
    'For A ∈ ℝ^{p×q}, B ∈ ℝ^{q×s} and 1 ≤ i, j with i + j − 1 ≤ min{p, q, s}: σ_{i+j−1}(AB) ≤ σ_i(A)·σ_j(B) (Horn & Johnson, Thm 3.3.16). The paper states it only for the product ABᵀ of equal-shape factors but applies it in Lemma B.3 to differently shaped factors, so the general form is checked, on Gaussian, low-rank, ill-conditioned (κ up to 1e12), badly scaled (1e±8) and zero matrices of all shapes 1–8.',
  where: 'App. B, Lemma B.2, L:397–403',
  kind: 'lemma',
  expected: 'holds',
  erratum:
    'Lemma B.2 is stated only for A, B ∈ ℝ^{n×m} (the product ABᵀ) but is used in the proof of Lemma B.3 with factors AB and B^† of other shapes; the general Weyl inequality (Horn & Johnson Thm 3.3.16) covers that use, and it is what is checked here.',
  arbitrary: weylArb,
  check: (inst) => weylCheck(weylData(inst), 'weyl'),
  falsifiers: [
    {
      name: 'reversed inequality',
      description: 'σ_{i+j−1}(AB) ≥ σ_i(A)σ_j(B): false for generic A, B.',
      arbitrary: weylArb.map((i) => ({ ...i, kindA: 'gauss' as MatKind, kindB: 'gauss' as MatKind })),
      check: (inst) => weylCheck(weylData(inst), 'reversed'),
    },
    {
      name: 'index off by one (σ_{i+j−2})',
      description: 'Dropping the −1 in the index: σ_{i+j−2}(AB) ≤ σ_i(A)σ_j(B), e.g. σ_1(AB) ≤ σ_2(A)σ_1(B), is false.',
      arbitrary: weylArb.map((i) => ({ ...i, p: Math.max(2, i.p), q: Math.max(2, i.q), s: Math.max(2, i.s), kindA: 'gauss' as MatKind, kindB: 'gauss' as MatKind })),
      check: (inst) => weylCheck(weylData(inst), 'shifted'),
    },
  ],
  runs: { ci: 12, default: 60, deep: 300 },
});

// ================================================================ MIN-LB3 — product lower bound (Lemma B.3)

interface ProdInstance {
  seed: number;
  k: number;
  n: number;
  /** m = n + extra (n ≤ m is the hypothesis) */
  extra: number;
  kindA: MatKind;
  kindB: MatKind;
}
const prodArb: fc.Arbitrary<ProdInstance> = fc.record({
  seed: seedArb,
  k: fc.integer({ min: 1, max: 8 }),
  n: fc.integer({ min: 1, max: 8 }),
  extra: fc.integer({ min: 0, max: 5 }),
  kindA: matKindArb,
  kindB: matKindArb,
});

function lb3Check(inst: ProdInstance, variant: 'lemma' | 'sigma1' | 'tallB'): Outcome {
  const rng = new Rng(inst.seed);
  // tallB: the hypothesis n ≤ m dropped (m = n − 1 − extra' < n), σ_n(B) read as σ_min(B) = σ_m(B).
  const m = variant === 'tallB' ? Math.max(1, inst.n - 1 - (inst.extra % Math.max(1, inst.n - 1))) : inst.n + inst.extra;
  const A = randomMatrix(rng, inst.k, inst.n, inst.kindA);
  const B = randomMatrix(rng, inst.n, m, inst.kindB);
  const sA = singularValues(A);
  const sB = singularValues(B);
  const sAB = singularValues(A.mmul(B));
  const tolAbs = 8 * (inst.k + inst.n + m) * EPS * A.norm('frobenius') * B.norm('frobenius');
  const sigB = variant === 'sigma1' ? sv(sB, 1) : variant === 'tallB' ? sv(sB, Math.min(inst.n, m)) : sv(sB, inst.n);
  let worstO: Outcome = pass(0, 'no index');
  let worst = -Infinity;
  for (let i = 1; i <= Math.min(inst.k, inst.n); i++) {
    const lhs = sv(sA, i) * sigB;
    const rhs = sv(sAB, i);
    const tol = 1e-12 * lhs + tolAbs;
    const excess = lhs - rhs;
    const mm = tol > 0 ? excess / tol : excess > 0 ? Infinity : -Infinity;
    if (mm > worst) {
      worst = mm;
      const text = `σ_${i}(A)·σ(B) − σ_${i}(AB) = ${fmt(excess)} (tol ${fmt(tol)})`;
      worstO = excess <= tol ? pass(mm, text) : fail(mm, text, { i, lhs, rhs, k: inst.k, n: inst.n, m });
    }
  }
  return worstO;
}

export const minLB3 = defineClaim<ProdInstance>({
  id: 'MIN-LB3',
  paper: 'min2021',
  title: 'Lemma B.3: σ_i(A)·σ_n(B) ≤ σ_i(AB) for A ∈ ℝ^{k×n}, B ∈ ℝ^{n×m}, n ≤ m',
  statement:
    'For A ∈ ℝ^{k×n}, B ∈ ℝ^{n×m} with n ≤ m and 1 ≤ i ≤ min{k, n}: σ_i(A)·σ_n(B) ≤ σ_i(AB). Checked for all k, n ≤ 8, m − n ≤ 5, on Gaussian, low-rank (σ_n(B) = 0: trivial case), ill-conditioned, badly scaled and zero factors.',
  where: 'App. B, Lemma B.3, L:405–429',
  kind: 'lemma',
  expected: 'holds',
  erratum:
    'In the case k > n (L:417–423) the proof pads A with zero columns, [A 0_{k×(k−n)}], without padding B conformably (B̃ = [B; 0] is needed); the conclusion is right, the written justification is not. Not numerically detectable (the statement holds).',
  arbitrary: prodArb,
  check: (inst) => lb3Check(inst, 'lemma'),
  falsifiers: [
    {
      name: 'largest singular value σ_1(B)',
      description: 'σ_i(A)·σ_1(B) ≤ σ_i(AB): the largest instead of the smallest singular value of B; false generically.',
      arbitrary: prodArb.map((i) => ({ ...i, kindA: 'gauss' as MatKind, kindB: 'illcond' as MatKind, n: Math.max(2, i.n) })),
      check: (inst) => lb3Check(inst, 'sigma1'),
    },
    {
      name: 'hypothesis n ≤ m dropped',
      description: 'For a tall B (n > m), reading σ_n(B) as σ_min(B) = σ_m(B): AB has rank ≤ m, so σ_i(AB) = 0 < σ_i(A)σ_m(B) for m < i ≤ min(k, n).',
      arbitrary: prodArb.map((i) => ({ ...i, k: Math.max(3, i.k), n: Math.max(3, i.n), kindA: 'gauss' as MatKind, kindB: 'gauss' as MatKind })),
      check: (inst) => lb3Check(inst, 'tallB'),
    },
  ],
  runs: { ci: 12, default: 60, deep: 300 },
});

// ================================================================ MIN-LB4 — trace inequality (Lemma B.4)

interface TraceInstance {
  seed: number;
  n: number;
  /** rank of B = CCᵀ (clamped to n); −1: B = vvᵀ with v an eigenvector of A (equality case) */
  rankB: number;
  scaleExp: number;
}
const traceArb: fc.Arbitrary<TraceInstance> = fc.record({
  seed: seedArb,
  n: fc.integer({ min: 1, max: 8 }),
  rankB: fc.integer({ min: -1, max: 8 }),
  scaleExp: fc.integer({ min: -6, max: 6 }),
});

function traceCheck(inst: TraceInstance, indefinite: boolean): Outcome {
  const rng = new Rng(inst.seed);
  const n = inst.n;
  const G = randomMatrix(rng, n, n, 'gauss');
  const A = G.add(G.transpose()).mul(0.5 * 10 ** inst.scaleExp); // symmetric, mixed signs
  const { values, vectors } = symEig(A);
  let B: Matrix;
  if (inst.rankB < 0 && !indefinite) {
    const v = vectors.getColumnVector(rng.int(0, n - 1));
    B = v.mmul(v.transpose()).mul(rng.logUniform(0.1, 10));
  } else {
    const k = Math.min(n, Math.max(0, inst.rankB));
    const C = randomMatrix(rng, n, Math.max(1, k), 'gauss');
    B = k === 0 ? Matrix.zeros(n, n) : C.mmul(C.transpose());
    if (indefinite) {
      // symmetric indefinite: CCᵀ − DDᵀ (the PSD hypothesis dropped)
      const Dm = randomMatrix(rng, n, Math.max(1, k), 'gauss');
      B = C.mmul(C.transpose()).sub(Dm.mmul(Dm.transpose()));
    }
  }
  const trB = B.trace();
  const trAB = A.mmul(B).trace();
  const l1 = values[0];
  const ln = values[n - 1];
  // Round-off: tr(AB) and λ(A)·tr(B) each carry O(n·ε·‖A‖_F·‖B‖_F); 8n is a safe constant.
  const tol = 8 * n * EPS * A.norm('frobenius') * Math.max(B.norm('frobenius'), Math.abs(trB));
  return all([within(ln * trB - trAB, tol, 'λ_n(A)tr(B) − tr(AB)'), within(trAB - l1 * trB, tol, 'tr(AB) − λ_1(A)tr(B)')]);
}

export const minLB4 = defineClaim<TraceInstance>({
  id: 'MIN-LB4',
  paper: 'min2021',
  title: 'Lemma B.4: λ_n(A)·tr(B) ≤ tr(AB) ≤ λ_1(A)·tr(B) for A symmetric, B PSD',
  statement:
    'For A ∈ ℝ^{n×n} symmetric and B ∈ ℝ^{n×n} positive semidefinite: λ_n(A)tr(B) ≤ tr(AB) ≤ λ_1(A)tr(B). Checked with A of mixed signs and scales 1e±6, B = CCᵀ of every rank 0…n, and the equality cases B = c·vvᵀ with v an eigenvector of A.',
  where: 'App. B, Lemma B.4, L:431–435 (Wang, Kuo & Hsu 1986)',
  kind: 'lemma',
  expected: 'holds',
  arbitrary: traceArb,
  check: (inst) => traceCheck(inst, false),
  falsifiers: [
    {
      name: 'B symmetric indefinite',
      description: 'Dropping the PSD hypothesis (B = CCᵀ − DDᵀ): the sandwich fails for some draws, so PSD is load-bearing.',
      arbitrary: traceArb.map((i) => ({ ...i, n: Math.max(2, i.n), rankB: Math.max(1, i.rankB) })),
      check: (inst) => traceCheck(inst, true),
    },
  ],
  runs: { ci: 12, default: 60, deep: 300 },
});

export const claims = [minLB1, minLB2, minLB3, minLB4];
