// Shared generators and a node-level RK4 integrator for the part-A claims of Min et al. (2021).
//
// Generators follow the catalog (G-DATA, G-INIT, G-TIGHT, G-INV). An instance is a small JSON record of
// structural parameters plus an integer data seed; data are drawn from `new Rng(seed)`.
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { Rng } from '../../src/random/rng.js';
import { dataWithSpectrum, gaussianMatrix, randomOrthogonal, columnsOf, frob } from '../../src/linalg/index.js';
import type { FlowModel } from '../../src/flow/types.js';
import {
  type DataDecomposition,
  decomposeData,
  lStar,
  packVU,
  unpackVU,
  ReparamModel,
  FactorizationModel,
  errorFromU1,
  imbalance,
  fullImbalance,
  frob2,
} from '../../src/models/factorization.js';
import { imbalanceLevel, type ImbalanceLevel } from '../../src/bias/min2021-predictions.js';

export const EPS = 2.220446049250313e-16;

export type Regime = 'h<r' | 'h<m' | 'mid' | 'wide';

/** A G-DATA × G-INIT instance (JSON-friendly). */
export interface Inst {
  n: number;
  D: number;
  r: number;
  m: number;
  h: number;
  regime: Regime | 'fixed';
  /** Condition-number range of the singular values of X (s_1/s_r = κ, drawn log-uniform in [kMin, kMax]). */
  kMin: number;
  kMax: number;
  /** X from plain Gaussian entries with its SVD computed by the linalg module (else the known-SVD recipe). */
  gaussian: boolean;
  /** Initialization scale range s0 ∈ [s0Min, s0Max] (G-INIT: [0.2, 1.5]). */
  s0Min: number;
  s0Max: number;
  seed: number;
}

export interface ArbOptions {
  regimes?: Regime[];
  kMin?: number;
  kMax?: number;
  /** Allow the plain-Gaussian X path. */
  gaussian?: boolean;
  mMax?: number;
  nMax?: number;
  s0?: [number, number];
  /** Extra width above m + r in the 'wide' regime (default 7). */
  wideExtra?: number;
  /** Force r < n. */
  rankDeficient?: boolean;
}

export const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Width for a regime; adjusts m and r minimally so that the regime is non-empty. */
function regimeSizes(regime: Regime, m0: number, r0: number, n: number, pick: number, wideExtra: number): { m: number; r: number; h: number } {
  let m = m0;
  let r = r0;
  switch (regime) {
    case 'h<r': {
      if (r < 2) r = Math.min(n, 2);
      return { m, r, h: 1 + (pick % (r - 1)) };
    }
    case 'h<m': {
      if (m < 2) m = 2;
      return { m, r, h: 1 + (pick % (m - 1)) };
    }
    case 'mid': {
      // max(m, r) ≤ h < m + r
      const lo = Math.max(m, r);
      const hi = m + r - 1;
      return { m, r, h: lo + (pick % (hi - lo + 1)) };
    }
    case 'wide':
      return { m, r, h: m + r + (pick % (wideExtra + 1)) };
  }
}

/** G-DATA × G-INIT over the given width regimes (default: all four). */
export function instArb(o: ArbOptions = {}): fc.Arbitrary<Inst> {
  const regimes = o.regimes ?? ['h<r', 'h<m', 'mid', 'wide'];
  return fc
    .record({
      m: fc.integer({ min: 1, max: o.mMax ?? 3 }),
      n: fc.integer({ min: 3, max: o.nMax ?? 8 }),
      rPick: fc.nat(1_000_000),
      dExtra: fc.integer({ min: 1, max: 6 }),
      regime: fc.constantFrom(...regimes),
      hPick: fc.nat(1_000_000),
      gaussian: o.gaussian === false ? fc.constant(false) : fc.integer({ min: 0, max: 3 }).map((k) => k === 0),
      seed: seedArb,
    })
    .map(({ m, n, rPick, dExtra, regime, hPick, gaussian, seed }) => {
      let r = 1 + (rPick % n);
      if (o.rankDeficient) r = 1 + (rPick % (n - 1));
      const s = regimeSizes(regime, m, r, n, hPick, o.wideExtra ?? 7);
      return {
        n,
        D: n + dExtra,
        r: s.r,
        m: s.m,
        h: s.h,
        regime,
        kMin: o.kMin ?? 1,
        kMax: o.kMax ?? 10,
        gaussian,
        s0Min: o.s0?.[0] ?? 0.2,
        s0Max: o.s0?.[1] ?? 1.5,
        seed,
      };
    });
}

/** A built problem: data, decomposition, initialization and derived quantities. */
export interface Problem {
  inst: Inst;
  X: Matrix;
  Y: Matrix;
  dec: DataDecomposition;
  WtY: Matrix;
  Lstar: number;
  lam1: number;
  lamr: number;
  V0: Matrix;
  U0: Matrix;
  U10: Matrix;
  U20: Matrix;
  rng: Rng;
}

/** G-DATA (known SVD) or the plain-Gaussian path; then G-INIT. */
export function buildProblem(inst: Inst): Problem {
  const rng = new Rng(inst.seed);
  const { n, D, r, m, h } = inst;
  let X: Matrix;
  let dec: DataDecomposition;
  if (inst.gaussian) {
    X = r === n ? gaussianMatrix(rng, n, D) : gaussianMatrix(rng, n, r).mmul(gaussianMatrix(rng, r, D));
    dec = decomposeData(X);
    if (dec.r !== r) throw new Error(`Gaussian X: computed rank ${dec.r} ≠ ${r}`);
  } else {
    // singular values: s_1/s_r = κ, interior ones log-uniform in [1, κ], then scaled so s_min ∈ [0.3, 3]
    const kappa = inst.kMax > inst.kMin ? rng.logUniform(inst.kMin, inst.kMax) : inst.kMin;
    const smin = rng.logUniform(0.3, 3);
    const s = Array.from({ length: r }, (_, i) => (i === 0 ? kappa : i === r - 1 ? 1 : rng.logUniform(1, kappa)));
    if (r === 1) s[0] = 1;
    s.sort((a, b) => b - a);
    for (let i = 0; i < r; i++) s[i] *= smin;
    const sd = dataWithSpectrum(rng, n, D, s);
    X = sd.X;
    dec = { n, D, r, W: sd.W, sqrtSigma: Float64Array.from(s), Phi1: sd.Phi1, Phi2: sd.Phi2 };
  }
  const Y = gaussianMatrix(rng, n, m);
  const s0 = rng.range(inst.s0Min, inst.s0Max);
  const V0 = gaussianMatrix(rng, m, h, s0);
  const U0 = gaussianMatrix(rng, D, h, s0);
  return {
    inst,
    X,
    Y,
    dec,
    WtY: dec.W.transpose().mmul(Y),
    Lstar: lStar(dec, Y),
    lam1: dec.sqrtSigma[0] ** 2,
    lamr: dec.sqrtSigma[r - 1] ** 2,
    V0,
    U0,
    U10: dec.Phi1.transpose().mmul(U0),
    U20: dec.Phi2.transpose().mmul(U0),
    rng: rng.fork(99),
  };
}

export function reparamModel(p: Problem): ReparamModel {
  return new ReparamModel(p.dec.sqrtSigma, p.WtY, p.inst.h, { Lstar: p.Lstar });
}
export function fullModel(p: Problem): FactorizationModel {
  return new FactorizationModel(p.X, p.Y, p.inst.h, { decomposition: p.dec });
}
export function levelOf(V: Matrix, U1: Matrix, r: number, m: number): ImbalanceLevel {
  return imbalanceLevel(imbalance(V, U1), r, m);
}
export function fullLevelOf(V: Matrix, U: Matrix, r: number, m: number): ImbalanceLevel {
  return imbalanceLevel(fullImbalance(V, U), r, m);
}
export function errorOf(p: Problem, V: Matrix, U1: Matrix): Matrix {
  return errorFromU1(p.WtY, p.dec.sqrtSigma, V, U1);
}

// ---------------------------------------------------------------- G-TIGHT

/**
 * G-TIGHT: Σ_x = s·I_r, Q random orthogonal h×h, U1(0) = diag(a)Q[:, :r]ᵀ, V(0) = diag(b)Q[:, r:r+m]ᵀ,
 * WᵀY = ε e_r e_mᵀ. Then U1(0)V(0)ᵀ = 0 and c = a_r² + b_m² (sorted decreasing).
 * Calibration values: r = 3, m = 2, h = 7, a = (2, 1.5, 1), b = (1.2, 0.7), s = 0.8, ε = 1e−3.
 * Returns a Problem (n = r + 1 so that L* > 0 is possible; D = r + d2) with U2(0) of entry scale u2sd.
 */
export interface TightInst {
  r: number;
  m: number;
  h: number;
  a: number[];
  b: number[];
  s: number;
  eps: number;
  d2: number;
  u2sd: number;
  seed: number;
}
export const TIGHT_CAL: TightInst = { r: 3, m: 2, h: 7, a: [2, 1.5, 1], b: [1.2, 0.7], s: 0.8, eps: 1e-3, d2: 3, u2sd: 0, seed: 1 };

export function buildTight(t: TightInst): Problem {
  const rng = new Rng(t.seed);
  const { r, m, h } = t;
  if (h < m + r) throw new Error('G-TIGHT needs h ≥ m + r');
  const n = r + 1;
  const D = r + t.d2;
  const sq = Math.sqrt(t.s);
  const sd = dataWithSpectrum(rng, n, D, Array(r).fill(sq));
  const dec: DataDecomposition = { n, D, r, W: sd.W, sqrtSigma: Float64Array.from(Array(r).fill(sq)), Phi1: sd.Phi1, Phi2: sd.Phi2 };
  const WtY = Matrix.zeros(r, m);
  WtY.set(r - 1, m - 1, t.eps);
  // Y = W(WᵀY) + (I − WWᵀ)G
  const G = gaussianMatrix(rng, n, m);
  const Y = sd.W.mmul(WtY).add(G.sub(sd.W.mmul(sd.W.transpose().mmul(G))));
  const Q = randomOrthogonal(rng, h);
  const U10 = Matrix.zeros(r, h);
  const V0 = Matrix.zeros(m, h);
  for (let i = 0; i < r; i++) for (let j = 0; j < h; j++) U10.set(i, j, t.a[i] * Q.get(j, i));
  for (let i = 0; i < m; i++) for (let j = 0; j < h; j++) V0.set(i, j, t.b[i] * Q.get(j, r + i));
  const U20 = gaussianMatrix(rng, D - r, h, t.u2sd);
  const U0 = sd.Phi1.mmul(U10).add(sd.Phi2.mmul(U20));
  const inst: Inst = { n, D, r, m, h, regime: 'fixed', kMin: 1, kMax: 1, gaussian: false, s0Min: 0, s0Max: 0, seed: t.seed };
  return { inst, X: sd.X, Y, dec, WtY: dec.W.transpose().mmul(Y), Lstar: lStar(dec, Y), lam1: t.s, lamr: t.s, V0, U0, U10, U20, rng: rng.fork(7) };
}

export const tightArb = (overrides: Partial<TightInst> = {}): fc.Arbitrary<TightInst> => fc.constant({ ...TIGHT_CAL, ...overrides });

// ---------------------------------------------------------------- RK4 on nodes

export interface Rk4Options {
  tMax: number;
  /** Step size from the state (re-evaluated every `reevery` steps). */
  dt: (theta: Float64Array) => number;
  reevery?: number;
  maxSteps?: number;
  /** Called at every node (including t = 0); return true to stop. */
  onNode?: (t: number, theta: Float64Array, step: number) => boolean | void;
  /** Hit these times exactly (the step is shortened to land on them). */
  hitTimes?: number[];
}
export interface Rk4Result {
  t: number;
  theta: Float64Array;
  steps: number;
  stopped: boolean;
}

/** Classical RK4 on θ' = −∇L(θ), with a state-dependent step recomputed every `reevery` steps. */
export function rk4(model: FlowModel, theta0: Float64Array, o: Rk4Options): Rk4Result {
  const d = model.dim;
  let th = Float64Array.from(theta0);
  const k1 = new Float64Array(d), k2 = new Float64Array(d), k3 = new Float64Array(d), k4 = new Float64Array(d), tmp = new Float64Array(d);
  let t = 0;
  let step = 0;
  let dt = o.dt(th);
  const reevery = o.reevery ?? 10;
  const maxSteps = o.maxSteps ?? 200_000;
  const hits = [...(o.hitTimes ?? [])].sort((a, b) => a - b);
  let hi = 0;
  if (o.onNode?.(t, th, 0)) return { t, theta: th, steps: 0, stopped: true };
  while (t < o.tMax && step < maxSteps) {
    if (step % reevery === 0) dt = o.dt(th);
    let h = Math.min(dt, o.tMax - t);
    while (hi < hits.length && hits[hi] <= t + 1e-15) hi++;
    if (hi < hits.length && t + h > hits[hi]) h = hits[hi] - t;
    model.grad(th, k1);
    for (let i = 0; i < d; i++) tmp[i] = th[i] - 0.5 * h * k1[i];
    model.grad(tmp, k2);
    for (let i = 0; i < d; i++) tmp[i] = th[i] - 0.5 * h * k2[i];
    model.grad(tmp, k3);
    for (let i = 0; i < d; i++) tmp[i] = th[i] - h * k3[i];
    model.grad(tmp, k4);
    const nth = new Float64Array(d);
    for (let i = 0; i < d; i++) nth[i] = th[i] - (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    th = nth;
    t = hi < hits.length && Math.abs(t + h - hits[hi]) < 1e-15 ? hits[hi] : t + h;
    step++;
    for (let i = 0; i < d; i++) if (!Number.isFinite(th[i])) return { t, theta: th, steps: step, stopped: true };
    if (o.onNode?.(t, th, step)) return { t, theta: th, steps: step, stopped: true };
  }
  return { t, theta: th, steps: step, stopped: false };
}

/**
 * The catalog's step rule for (7): dt = frac / (λ_1(Σ_x)(‖U1‖² + ‖V‖²) + λ_1^{1/2}‖E‖), with Frobenius
 * norms (≥ spectral norms, so the step is at most the catalog's).
 */
export function dtRule(rep: ReparamModel, lam1: number, frac = 0.02): (th: Float64Array) => number {
  return (th) => {
    const e = Math.sqrt(frob2(rep.error(th)));
    const z2 = frob2(th);
    return frac / (lam1 * z2 + Math.sqrt(lam1) * e + 1e-300);
  };
}

/** The same rule for the full model (5a)/(5b), using ‖U‖ ≥ ‖U1‖ and ‖Y‖ + λ_1^{1/2}‖U‖‖V‖ ≥ ‖E‖. */
export function dtRuleFull(p: Problem, frac = 0.02): (th: Float64Array) => number {
  const { m, D, h } = p.inst;
  return (th) => {
    const { V, U } = unpackVU(th, m, D, h);
    const z2 = frob2(th);
    const e = frob(p.WtY) + Math.sqrt(p.lam1) * frob(U) * frob(V);
    return frac / (p.lam1 * z2 + Math.sqrt(p.lam1) * e + 1e-300);
  };
}

export function theta0Rep(p: Problem): Float64Array {
  return packVU(p.V0, p.U10);
}
export function theta0Full(p: Problem): Float64Array {
  return packVU(p.V0, p.U0);
}

/** Relative difference ‖A − B‖_F / max(tiny, ‖B‖_F). */
export function relDiff(A: Matrix, B: Matrix): number {
  return frob(A.clone().sub(B)) / Math.max(1e-300, frob(B));
}
export { columnsOf, frob };
