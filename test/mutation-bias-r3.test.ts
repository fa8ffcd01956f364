// Mutation-killing tests for src/bias, round 3 second pass (docs/mutation.md, "trust" item 2):
// the Newton safeguards of separableMin.ts (line searches, fraction-to-boundary, warm start, the
// floating-point-floor and stalled-line-search exits) and the polishing / certificate branches of
// minL1.ts. On well-conditioned problems these safeguards never decide anything, so here every
// problem is built so that they do: far-from-solution starts with exponential links, a bounded link
// whose full Newton step leaves the domain, a link with a jump (Newton cannot converge and the line
// search must eventually stall), clipped steps that stagnate. The dual Newton iterates are compared
// with an independent reference of the documented algorithm (written here, own linear algebra).
import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { Rng } from '../src/random/rng.js';
import { minSeparable, minSeparableDual, minSeparablePrimal } from '../src/bias/separableMin.js';
import type { SeparablePotential } from '../src/bias/separableMin.js';
import { minL1 } from '../src/bias/minL1.js';

// ------------------------------------------------------------------ small independent linear algebra
const mv = (X: number[][], v: ArrayLike<number>) => X.map((r) => r.reduce((s, x, j) => s + x * v[j], 0));
const mtv = (X: number[][], u: ArrayLike<number>) => X[0].map((_, j) => X.reduce((s, r, k) => s + r[j] * u[k], 0));
const norm = (a: ArrayLike<number>) => Math.sqrt(Array.from(a).reduce((s, x) => s + x * x, 0));
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, i) => s + x * b[i], 0);
/** Cholesky solve of a small SPD system. */
function chol(A: number[][], b: number[]): number[] {
  const n = b.length;
  const L = A.map(() => new Array(n).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = A[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = i === j ? Math.sqrt(s) : s / L[j][j];
    }
  const z = new Array(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * z[k];
    z[i] = s / L[i][i];
  }
  const x = new Array(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= L[k][i] * x[k];
    x[i] = s / L[i][i];
  }
  return x;
}

interface RefRun {
  nu: number[];
  iterations: number;
  converged: boolean;
  exit: 'converged' | 'floor' | 'stalled' | 'maxIter';
  Fn: number;
  /** Per iteration: the accepted step length, or −1 when the line search failed. */
  steps: number[];
}

/**
 * Reference of the documented dual Newton (separableMin.ts header): Newton on Φ(ν) = Σψ*((Xᵀν)_i) − yᵀν,
 * H = X diag(b′) Xᵀ, step ≤ min(1, maxDualStep/‖XᵀΔν‖∞, 0.995·room/|XᵀΔν|_i), halving up to 60 times,
 * accepting on Armijo (c = 1e-4) on Φ OR on a relative decrease (1 − 1e-4·t) of ‖Xb − y‖, a trial
 * outside |s| < bound rejected; stop at ‖F‖ ≤ tol(1 + ‖y‖), or (floor) after > 12 iterations without
 * halving ‖F‖ over 12 iterations once ‖F‖ ≤ acceptTol(1 + ‖y‖), or when the line search fails.
 */
function refDual(
  X: number[][],
  y: number[],
  psi: SeparablePotential,
  nu0: number[],
  o: { tol?: number; maxIter?: number; maxDualStep?: number; acceptTol?: number } = {},
): RefRun {
  const tol = o.tol ?? 1e-13;
  const maxIter = o.maxIter ?? 500;
  const acceptTol = o.acceptTol ?? 1e-10;
  const yn = norm(y);
  const B = (i: number) => (psi.sBound ? psi.sBound(i) : Infinity);
  const state = (nu: number[]) => {
    const s = mtv(X, nu);
    const b = s.map((v, i) => psi.gradInv(i, v));
    const F = mv(X, b).map((v, k) => v - y[k]);
    const phi = psi.conj ? s.reduce((a, v, i) => a + psi.conj!(i, v), 0) - dot(y, nu) : NaN;
    return { s, F, Fn: norm(F), phi };
  };
  let nu = nu0.slice();
  let st = state(nu);
  const hist: number[] = [];
  const steps: number[] = [];
  let it = 0;
  let converged = st.Fn <= tol * (1 + yn);
  let exit: RefRun['exit'] = converged ? 'converged' : 'maxIter';
  while (!converged && it < maxIter) {
    it++;
    hist.push(st.Fn);
    if (hist.length > 12 && st.Fn > 0.5 * hist[hist.length - 12] && st.Fn <= acceptTol * (1 + yn)) {
      converged = true;
      exit = 'floor';
      break;
    }
    const bd = st.s.map((v, i) => psi.gradInvDeriv(i, v));
    const H = X.map((ra) => X.map((rc) => ra.reduce((a, x, i) => a + x * bd[i] * rc[i], 0)));
    const dnu = chol(H, st.F.map((v) => -v));
    const ds = mtv(X, dnu);
    let tMax = 1;
    if (o.maxDualStep !== undefined) {
      const m = Math.max(...ds.map(Math.abs));
      if (m > o.maxDualStep) tMax = o.maxDualStep / m;
    }
    ds.forEach((v, i) => {
      if (Number.isFinite(B(i)) && v !== 0) tMax = Math.min(tMax, (0.995 * (v > 0 ? B(i) - st.s[i] : B(i) + st.s[i])) / Math.abs(v));
    });
    const slope = dot(st.F, dnu);
    let t = tMax;
    let acc = -1;
    for (let ls = 0; ls < 60; ls++) {
      const nuT = nu.map((v, k) => v + t * dnu[k]);
      const sT = mtv(X, nuT);
      if (sT.every((v, i) => Math.abs(v) < B(i))) {
        const T = state(nuT);
        const phiOk = Number.isFinite(T.phi) && T.phi <= st.phi + 1e-4 * t * slope;
        const resOk = Number.isFinite(T.Fn) && T.Fn <= (1 - 1e-4 * t) * st.Fn;
        if (phiOk || resOk) {
          nu = nuT;
          st = T;
          acc = t;
          break;
        }
      }
      t *= 0.5;
    }
    steps.push(acc);
    converged = st.Fn <= tol * (1 + yn);
    if (acc < 0) {
      converged = st.Fn <= acceptTol * (1 + yn);
      exit = 'stalled';
      break;
    }
    if (converged) exit = 'converged';
  }
  return { nu, iterations: it, converged, exit, Fn: st.Fn, steps };
}

/**
 * Reference of the documented primal route: β = β₀ + Zv (β₀ = Xᵀ(XXᵀ)⁻¹y, Z an orthonormal basis of ker X,
 * here from an eigendecomposition of the projector I − Xᵀ(XXᵀ)⁻¹X — Newton's step and ‖Zᵀg‖ do not depend
 * on which orthonormal basis), Newton on v with halving (≤ 60) accepted on Armijo (1e-4) on Σψ OR on a
 * (1 − 1e-4·t) decrease of ‖Zᵀψ′(β)‖; stop at ‖Zᵀψ′‖ ≤ tol(1 + ‖ψ′‖).
 */
function refPrimal(X: number[][], y: number[], psi: SeparablePotential, o: { tol?: number; maxIter?: number } = {}) {
  const tol = o.tol ?? 1e-13;
  const maxIter = o.maxIter ?? 200;
  const d = X[0].length;
  const G = X.map((a) => X.map((c) => dot(a, c)));
  const base = mtv(X, chol(G, y));
  const P = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  X.forEach((_, k) => {
    const e = X.map((_, l) => (l === k ? 1 : 0));
    const col = mtv(X, chol(G, e)); // Xᵀ(XXᵀ)⁻¹e_k
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) P[i][j] -= col[i] * X[k][j];
  });
  const Ps = P.map((r, i) => r.map((v, j) => 0.5 * (v + P[j][i])));
  const eig = new EigenvalueDecomposition(new Matrix(Ps));
  const Z: number[][] = [];
  eig.realEigenvalues.forEach((l, k) => {
    if (l > 0.5) Z.push(eig.eigenvectorMatrix.getColumn(k));
  });
  const r = Z.length;
  const betaOf = (v: number[]) => base.map((b, i) => b + Z.reduce((a, z, k) => a + v[k] * z[i], 0));
  const f = (b: number[]) => (psi.value ? b.reduce((a, x, i) => a + psi.value!(i, x), 0) : NaN);
  const grads = (b: number[]) => {
    const g = b.map((x, i) => psi.grad(i, x));
    return { g, rg: Z.map((z) => dot(z, g)) };
  };
  const hess = (i: number, b: number) => (psi.hess ? psi.hess(i, b) : 1 / psi.gradInvDeriv(i, psi.grad(i, b)));
  let v = new Array(r).fill(0);
  let beta = betaOf(v);
  let { g, rg } = grads(beta);
  let fv = f(beta);
  let it = 0;
  const conv = () => norm(rg) <= tol * (1 + norm(g));
  let converged = r === 0 || conv();
  let stalled = false;
  while (!converged && it < maxIter) {
    it++;
    const h = beta.map((b, i) => hess(i, b));
    const H = Z.map((a) => Z.map((c) => a.reduce((acc, x, i) => acc + x * h[i] * c[i], 0)));
    const dv = chol(H, rg.map((x) => -x));
    const slope = dot(rg, dv);
    const rgn = norm(rg);
    let t = 1;
    let ok = false;
    for (let ls = 0; ls < 60; ls++) {
      const vT = v.map((x, k) => x + t * dv[k]);
      const bT = betaOf(vT);
      const fT = f(bT);
      const gT = grads(bT);
      if ((Number.isFinite(fT) && fT <= fv + 1e-4 * t * slope) || norm(gT.rg) <= (1 - 1e-4 * t) * rgn) {
        v = vT;
        beta = bT;
        fv = fT;
        g = gT.g;
        rg = gT.rg;
        ok = true;
        break;
      }
      t *= 0.5;
    }
    converged = conv();
    if (!ok) {
      stalled = true;
      break;
    }
  }
  return { beta, iterations: it, converged, stalled };
}

// ------------------------------------------------------------------ potentials
/** ψ(β) = β·asinh β − √(1 + β²) + 1: link b(s) = sinh s, b′ = cosh s, ψ*(s) = cosh s − 1 (exponential tails). */
const sinhPot = (withConj: boolean): SeparablePotential => ({
  value: (_i, b) => b * Math.asinh(b) - Math.sqrt(1 + b * b) + 1,
  grad: (_i, b) => Math.asinh(b),
  hess: (_i, b) => 1 / Math.sqrt(1 + b * b),
  gradInv: (_i, s) => Math.sinh(s),
  gradInvDeriv: (_i, s) => Math.cosh(s),
  ...(withConj ? { conj: (_i: number, s: number) => Math.cosh(s) - 1 } : {}),
});
/** Bounded link b(s) = s/(1 − s²) on |s| < 1, ψ*(s) = −½ ln(1 − s²). */
const bounded = (withConj: boolean): SeparablePotential => ({
  gradInv: (_i, s) => s / (1 - s * s),
  gradInvDeriv: (_i, s) => (1 + s * s) / (1 - s * s) ** 2,
  grad: (_i, b) => (b === 0 ? 0 : (-1 + Math.sqrt(1 + 4 * b * b)) / (2 * b)),
  ...(withConj ? { conj: (_i: number, s: number) => -0.5 * Math.log(1 - s * s) } : {}),
  sBound: () => 1,
});
/** A link with a jump: b(s) = s + sign(s) (b(0) = 0), b′ = 1. Values in (−1, 1) \ {0} are not attained. */
const jump: SeparablePotential = {
  grad: (_i, b) => b - Math.sign(b),
  gradInv: (_i, s) => s + Math.sign(s),
  gradInvDeriv: () => 1,
};

function problem(seed: number, N: number, d: number, scale: number) {
  const rng = new Rng(seed);
  const X = Array.from({ length: N }, () => Array.from(rng.normals(d)));
  const y = Array.from(rng.normals(N), (v) => scale * v);
  return { X, y };
}

/** The implementation equals the reference: iteration count, exit, and the iterate after every k ≤ K. */
function expectSamePath(X: number[][], y: number[], psi: SeparablePotential, nu0: number[], o: Parameters<typeof refDual>[4] = {}) {
  const ref = refDual(X, y, psi, nu0, o);
  const r = minSeparableDual(X, y, psi, { ...o, nu0 });
  expect(r.iterations).toBe(ref.iterations);
  expect(r.converged).toBe(ref.converged);
  const rel = (a: ArrayLike<number>, b: ArrayLike<number>) => norm(Array.from(a, (v, i) => v - b[i])) / (1e-300 + norm(b));
  expect(rel(r.nu, ref.nu)).toBeLessThan(1e-9);
  // every intermediate iterate (maxIter = k stops after k iterations)
  for (let k = 1; k < ref.iterations; k++) {
    const rk = minSeparableDual(X, y, psi, { ...o, nu0, maxIter: k });
    const fk = refDual(X, y, psi, nu0, { ...o, maxIter: k });
    expect(rk.iterations).toBe(k);
    expect(rel(rk.nu, fk.nu)).toBeLessThan(1e-9);
  }
  return { ref, r };
}

describe('separableMin: dual Newton path = documented reference when the safeguards decide', () => {
  it('exponential link from ν₀ = 0, far from the solution: backtracking on the merit Φ (with ψ*)', () => {
    const { X, y } = problem(101, 3, 7, 25);
    const { ref, r } = expectSamePath(X, y, sinhPot(true), [0, 0, 0]);
    expect(ref.exit).toBe('converged');
    expect(ref.steps.some((t) => t < 1)).toBe(true); // the line search was active
    expect(r.residual).toBeLessThan(1e-13);
    // and the answer is the minimizer: the primal route (no link) agrees
    const p = minSeparablePrimal(X, y, sinhPot(true));
    expect(p.converged).toBe(true);
    for (let i = 0; i < 7; i++) expect(Math.abs(p.beta[i] - r.beta[i])).toBeLessThan(1e-8 * (1 + Math.abs(r.beta[i])));
  });
  it('exponential link without ψ*: backtracking on the residual alone', () => {
    const { X, y } = problem(102, 3, 7, 25);
    const { ref } = expectSamePath(X, y, sinhPot(false), [0, 0, 0]);
    expect(ref.exit).toBe('converged');
    expect(ref.steps.some((t) => t < 1)).toBe(true);
  });
  it('several seeds and scales, with and without ψ*, with clipping', () => {
    for (const seed of [7, 8, 9]) {
      for (const scale of [5, 60]) {
        const { X, y } = problem(seed, 2, 5, scale);
        expectSamePath(X, y, sinhPot(true), [0, 0]);
        expectSamePath(X, y, sinhPot(false), [0.3, -0.2]);
        expectSamePath(X, y, sinhPot(true), [0, 0], { maxDualStep: 2 });
      }
    }
  });
  it('bounded link: the full Newton step leaves |s| < 1, fraction-to-boundary and the merit decide', () => {
    for (const seed of [21, 22, 23]) {
      const { X, y } = problem(seed, 3, 6, 40);
      const a = expectSamePath(X, y, bounded(true), [0, 0, 0]);
      expect(a.ref.exit).toBe('converged');
      expect(a.ref.steps.some((t) => t < 1)).toBe(true);
      const b = expectSamePath(X, y, bounded(false), [0, 0, 0]);
      expect(b.ref.exit).toBe('converged');
      const s = Array.from(mtv(X, a.r.nu));
      for (const v of s) expect(Math.abs(v)).toBeLessThan(1);
    }
  });
  it('a link with a jump: no solution, steps shrink until the line search stalls (finite residual)', () => {
    // X = [1], y = 0.5: b(s) = s + sign(s) never equals 0.5. From ν₀ = 0.25 the full step overshoots to
    // s < 0 (|F| = 2), and only t < 2s is accepted; s → 0⁺ geometrically until no t ≥ 2⁻⁵⁹·tMax stays
    // positive: the line search fails with ‖F‖ ≈ 0.5 and the run is not converged.
    const { ref, r } = expectSamePath([[1]], [0.5], jump, [0.25]);
    expect(ref.exit).toBe('stalled');
    expect(r.converged).toBe(false);
    expect(r.iterations).toBeGreaterThan(20);
    expect(r.iterations).toBeLessThan(500);
    expect(r.residual).toBeCloseTo(0.5 / 1.5, 12);
    expect(r.message).toBe(`line search stalled at relative residual ${r.residual.toExponential(2)}`);
    expect(r.message).toBe('line search stalled at relative residual 3.33e-1');
    // a stalled run below acceptTol counts as converged
    // with acceptTol·(1 + ‖y‖) above ‖F‖ ≈ 0.5 the stagnation is caught earlier by the floor exit
    // (12 iterations without halving ‖F‖): 0.5 ≤ 0.34·1.5 = 0.51 but 0.5 > 0.34/1.5 and > 0.33·1.5
    const ok = minSeparableDual([[1]], [0.5], jump, { nu0: [0.25], acceptTol: 0.34 });
    const okRef = refDual([[1]], [0.5], jump, [0.25], { acceptTol: 0.34 });
    expect(okRef.exit).toBe('floor');
    expect(ok.converged).toBe(true);
    expect(ok.iterations).toBe(okRef.iterations);
    expect(ok.iterations).toBe(13);
    expect(ok.message).toMatch(/^dual Newton at its floating-point floor/);
    const no = minSeparableDual([[1]], [0.5], jump, { nu0: [0.25], acceptTol: 0.33 });
    expect(no.converged).toBe(false);
    expect(no.iterations).toBe(r.iterations);
  });
  it('stagnating clipped steps: the floating-point-floor exit after exactly 13 iterations', () => {
    // ψ = ½β² (b(s) = s), X = [1], y = 10, ν₀ = 0: each step is clipped to |Δs| = 0.01, so ‖F‖ goes
    // 10, 9.99, 9.98, … and never halves over 12 iterations. With acceptTol·(1 + ‖y‖) above ‖F‖ the run
    // stops at the 13th iteration (history of 13 > 12 entries) and reports converged.
    const quad: SeparablePotential = { grad: (_i, b) => b, gradInv: (_i, s) => s, gradInvDeriv: () => 1, conj: (_i, s) => 0.5 * s * s };
    const o = { maxDualStep: 0.01, acceptTol: 0.9 }; // 0.9·11 = 9.9 ≥ ‖F‖ = 9.88 at the 13th; 0.9/11 is not
    const r = minSeparableDual([[1]], [10], quad, { ...o, nu0: [0] });
    const ref = refDual([[1]], [10], quad, [0], o);
    expect(ref.exit).toBe('floor');
    expect(r.iterations).toBe(13);
    expect(ref.iterations).toBe(13);
    expect(r.converged).toBe(true);
    expect(r.nu[0]).toBeCloseTo(0.12, 12);
    expect(r.residual).toBeCloseTo(9.88 / 11, 12);
    expect(r.message).toBe(`dual Newton at its floating-point floor (relative residual ${r.residual.toExponential(2)})`);
    expect(r.message).toBe('dual Newton at its floating-point floor (relative residual 8.98e-1)');
    // below acceptTol·(1 + ‖y‖) only later: acceptTol = 0.5 → ‖F‖ ≤ 5.5 first at ν = 4.5 (451 steps)
    const late = minSeparableDual([[1]], [10], quad, { maxDualStep: 0.01, acceptTol: 0.5, nu0: [0] });
    expect(late.iterations).toBe(refDual([[1]], [10], quad, [0], { maxDualStep: 0.01, acceptTol: 0.5 }).iterations);
    expect(late.iterations).toBeGreaterThanOrEqual(451); // 10 − 0.01k ≤ 5.5 from k = 450 (± rounding), + 1
    expect(late.iterations).toBeLessThanOrEqual(452);
    // never below: maxIter
    const never = minSeparableDual([[1]], [10], quad, { maxDualStep: 0.01, acceptTol: 1e-3, nu0: [0], maxIter: 40 });
    expect(never.iterations).toBe(40);
    expect(never.converged).toBe(false);
    expect(never.nu[0]).toBeCloseTo(0.4, 12);
  });
});

describe('separableMin: warm start and primal safeguards', () => {
  it('warm start ν = (XXᵀ)⁻¹X ψ′(X⁺y), shrunk to 0.5·bound when max|s|/bound ≥ 0.9 (inclusive)', () => {
    // X = [1]: ν = ψ′(y). ψ′(b) = b/10 with bound 1 and bound 2.
    const lin = (B: number): SeparablePotential => ({ grad: (_i, b) => b / 10, gradInv: (_i, s) => 10 * s, gradInvDeriv: () => 10, sBound: () => B });
    expect(minSeparableDual([[1]], [9], lin(1), { maxIter: 0 }).nu[0]).toBe(0.5); // 0.9/1 = 0.9 ≥ 0.9 → 0.5·1
    expect(minSeparableDual([[1]], [8], lin(1), { maxIter: 0 }).nu[0]).toBe(0.8); // 0.8 < 0.9: kept
    expect(minSeparableDual([[1]], [-19], lin(2), { maxIter: 0 }).nu[0]).toBeCloseTo(-1, 15); // shrunk to 0.5·2
    // the shrink factor is 0.5/worst on every component of ν
    const X2 = [
      [1, 0],
      [0, 1],
    ];
    const w = minSeparableDual(X2, [19, 4], lin(1), { maxIter: 0 });
    expect(w.nu[0]).toBeCloseTo(0.5, 15);
    expect(w.nu[1]).toBeCloseTo(0.4 * (0.5 / 1.9), 15);
  });
  it('warm start: a non-finite ψ′ at X⁺y is replaced by 0; a non-finite ν falls back to ν = 0', () => {
    // ψ(β) = 1 − √(1 − β²) on |β| < 1: ψ′ = β/√(1 − β²) is NaN for |β| > 1; link b(s) = s/√(1 + s²).
    const circ: SeparablePotential = {
      grad: (_i, b) => b / Math.sqrt(1 - b * b),
      gradInv: (_i, s) => s / Math.sqrt(1 + s * s),
      gradInvDeriv: (_i, s) => (1 + s * s) ** -1.5,
    };
    const X = [[1, 1, 1]];
    // X⁺y = (1.2, 1.2, 1.2)·… with y = 3.6 → ψ′ NaN on every entry → target 0 → ν = 0
    expect(Array.from(minSeparableDual(X, [3.6], circ, { maxIter: 0 }).nu)).toEqual([0]);
    // only the NaN entries are zeroed: X = [[1, 0.1]], y = 1.01 → X⁺y = (1, 0.1): ψ′(1) = ∞ → 0, ψ′(0.1) kept
    const w = minSeparableDual([[1, 0.1]], [1.01], circ, { maxIter: 0 });
    expect(w.nu[0]).toBeCloseTo((0.1 * (0.1 / Math.sqrt(0.99))) / 1.01, 14);
    // and the full solve converges from there (|β| < 1 is attainable: y = 2.5 < 3)
    const r = minSeparableDual(X, [2.5], circ);
    expect(r.converged).toBe(true);
    for (const b of r.beta) expect(b).toBeCloseTo(2.5 / 3, 12);
    // ψ′ huge (ψ = ½·1e307·β²), X = [a a a], y = 100: X·ψ′(X⁺y) = 1e307·y overflows → ν = 0, then one
    // exact Newton step to s = 1e307·y/(3a) (finite for a = 1000), β = y/(3a)
    const big: SeparablePotential = { grad: (_i, b) => 1e307 * b, gradInv: (_i, s) => s / 1e307, gradInvDeriv: () => 1e-307 };
    const Xb = [[1000, 1000, 1000]];
    const s0 = minSeparableDual(Xb, [100], big, { maxIter: 0 });
    expect(Array.from(s0.nu)).toEqual([0]);
    const sb = minSeparableDual(Xb, [100], big);
    expect(sb.converged).toBe(true);
    expect(sb.iterations).toBe(1);
    for (const b of sb.beta) expect(b).toBeCloseTo(100 / 3000, 12);
  });
  it('primal Newton: a NaN start stalls the line search (message, not converged, 1 iteration)', () => {
    const circ: SeparablePotential = {
      value: (_i, b) => 1 - Math.sqrt(1 - b * b),
      grad: (_i, b) => b / Math.sqrt(1 - b * b),
      gradInv: (_i, s) => s / Math.sqrt(1 + s * s),
      gradInvDeriv: (_i, s) => (1 + s * s) ** -1.5,
    };
    const X = [[1, 1, 1]];
    const p = minSeparablePrimal(X, [2.5], circ, { beta0: [2, 0.25, 0.25] });
    expect(p.converged).toBe(false);
    expect(p.iterations).toBe(1);
    expect(p.message).toBe('primal line search stalled');
    // from a feasible interior start it converges to β = 2.5/3 on every entry
    const q = minSeparablePrimal(X, [2.5], circ, { beta0: [0.9, 0.8, 0.8] });
    expect(q.converged).toBe(true);
    for (const b of q.beta) expect(b).toBeCloseTo(2.5 / 3, 10);
  });
  it('primal Newton on an exponential link far from the solution: path = reference, with and without ψ', () => {
    for (const seed of [31, 32, 33]) {
      for (const scale of [3, 30]) {
        const { X, y } = problem(seed, 2, 5, scale);
        for (const psi of [sinhPot(true), { ...sinhPot(true), value: undefined }, { ...sinhPot(true), hess: undefined }]) {
          const ref = refPrimal(X, y, psi);
          const p = minSeparablePrimal(X, y, psi);
          expect(p.iterations).toBe(ref.iterations);
          expect(p.converged).toBe(true);
          for (let k = 1; k <= ref.iterations; k++) {
            const pk = minSeparablePrimal(X, y, psi, { maxIter: k });
            const rk = refPrimal(X, y, psi, { maxIter: k });
            for (let i = 0; i < 5; i++) expect(Math.abs(pk.beta[i] - rk.beta[i])).toBeLessThan(1e-9 * (1 + Math.abs(rk.beta[i])));
          }
        }
      }
    }
  });
  it('minSeparable crossCheck passes tol and maxIter on to the primal route', () => {
    const { X, y } = problem(41, 2, 5, 30);
    const c = minSeparable(X, y, sinhPot(true), { crossCheck: true, maxIter: 1, nu0: [0, 0] });
    expect(c.primal!.iterations).toBe(1);
    expect(c.primal!.converged).toBe(false);
    const loose = minSeparable(X, y, sinhPot(true), { crossCheck: true, tol: 1e-2 });
    const tight = minSeparablePrimal(X, y, sinhPot(true), { tol: 1e-2 });
    expect(loose.primal!.iterations).toBe(tight.iterations);
    expect(loose.primal!.iterations).toBeLessThan(minSeparablePrimal(X, y, sinhPot(true)).iterations);
  });
});

describe('minL1: support threshold, polishing and the certificate threshold', () => {
  it('|β_i| = thr exactly is outside the support (strict >)', () => {
    const I3 = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const r = minL1(I3, [1, 1e-9, 0]); // thr = 1e-9·max(1, 1) = 1e-9
    expect(r.beta[1]).toBe(1e-9);
    expect(r.support).toEqual([0]);
  });
  it('off-support dual exactly 1 − 1e-7 is not a certificate (strict <)', () => {
    // min 2|β₀| + (1 − 1e-7)|β₁| s.t. 2β₀ + β₁ = 2: β = (0, 2) (cost 2 − 2e-7 < 2), ν = c₁ = 1 − 1e-7,
    // off-support |2ν|/2 = 1 − 1e-7 exactly (both products are exact in binary)
    const r = minL1([[2, 1]], [2], [2, 1 - 1e-7]);
    expect(Array.from(r.beta)).toEqual([0, 2]);
    expect(r.nu[0]).toBe(1 - 1e-7);
    expect(r.offSupportDual).toBe(1 - 1e-7);
    expect(r.unique).toBe(false);
    // just below the threshold: certified
    const r2 = minL1([[2, 1]], [2], [2, 1 - 2e-7]);
    expect(r2.offSupportDual).toBe(1 - 2e-7);
    expect(r2.unique).toBe(true);
  });
  it('polishing on the support removes the LP vertex round-off (least squares on X_S)', () => {
    // Badly scaled columns (lognormal column scales): the HiGHS vertex itself leaves a relative residual
    // of 8.5e-15 (seed 2) and 4.7e-15 (seed 3), measured with the same LP outside minL1; the least-squares
    // solve on the (full column rank) support reaches ~1e-15. Bound: 3e-15 (between the two).
    for (const [seed, N, d, sc] of [
      [2, 8, 20, 7],
      [3, 6, 15, 1e3],
    ]) {
      const rng = new Rng(seed);
      const X = Array.from({ length: N }, () => Array.from(rng.normals(d), (v) => v * Math.exp(3 * rng.normal())));
      const y = Array.from(rng.normals(N), (v) => sc * v);
      const r = minL1(X, y);
      expect(r.support.length).toBe(N);
      expect(r.unique).toBe(true);
      const res = mv(X, r.beta).map((v, k) => v - y[k]);
      expect(norm(res) / (1 + norm(y))).toBeLessThan(3e-15);
      expect(r.residual).toBeLessThan(3e-15);
    }
  });
});

describe('separableMin: exact thresholds (dyadic problems) and instances where a single safeguard decides', () => {
  /** ψ = ½β², b(s) = s: with X = [1] and a clipped step every iterate is exact in binary. */
  const quad: SeparablePotential = { grad: (_i, b) => b, gradInv: (_i, s) => s, gradInvDeriv: () => 1, conj: (_i, s) => 0.5 * s * s };
  it('convergence test ‖F‖ ≤ tol·(1 + ‖y‖) is inclusive, before and after a step', () => {
    // y = 3, tol = 1/8: threshold 0.5. From ν₀ = 2.5, ‖F‖ = 0.5 → converged without iterating.
    const a = minSeparableDual([[1]], [3], quad, { tol: 0.125, nu0: [2.5] });
    expect(a.iterations).toBe(0);
    expect(a.converged).toBe(true);
    // tol·(1 + ‖y‖), not tol/(1 + ‖y‖) = 1/32: ‖F‖ = 0.25 passes
    expect(minSeparableDual([[1]], [3], quad, { tol: 0.125, nu0: [2.75] }).iterations).toBe(0);
    // from ν₀ = 0 with steps clipped to 1/2: ‖F‖ = 3, 2.5, …, 0.5 → converged after exactly 5 steps
    const b = minSeparableDual([[1]], [3], quad, { tol: 0.125, nu0: [0], maxDualStep: 0.5 });
    expect(b.iterations).toBe(5);
    expect(b.nu[0]).toBe(2.5);
    expect(b.message).toBe('dual Newton converged in 5 iterations');
  });
  it('floor exit: only when ‖F‖ did not halve over 12 iterations (strict), and ‖F‖ ≤ acceptTol·(1 + ‖y‖) (inclusive)', () => {
    // steps of 1/2 from y = 10: ‖F‖ = 10 − k/2 halves within 12 iterations → no floor exit, 20 steps to 0
    const fast = minSeparableDual([[1]], [10], quad, { nu0: [0], maxDualStep: 0.5, acceptTol: 1 });
    expect(fast.iterations).toBe(20);
    expect(fast.message).toBe('dual Newton converged in 20 iterations');
    // y = 11.5: at iteration 13 ‖F‖ = 5.5 = ½·‖F‖ of 12 iterations before (11) exactly → not "> ½", continue
    const tie = minSeparableDual([[1]], [11.5], quad, { nu0: [0], maxDualStep: 0.5, acceptTol: 1 });
    expect(tie.iterations).toBe(23);
    expect(tie.message).toBe('dual Newton converged in 23 iterations');
    // steps of 2⁻⁷ from y = 1: at iteration 13 ‖F‖ = 1 − 12/128 = 0.90625 = acceptTol·(1 + ‖y‖) exactly
    const edge = minSeparableDual([[1]], [1], quad, { nu0: [0], maxDualStep: 2 ** -7, acceptTol: 0.453125 });
    expect(edge.iterations).toBe(13);
    expect(edge.message).toMatch(/^dual Newton at its floating-point floor/);
  });
  it('a line search that fails at the first iteration: converged iff ‖F‖ ≤ acceptTol·(1 + ‖y‖) (inclusive)', () => {
    // jump link from s = 1e-300: every trial s − t/2 (t ≥ 2⁻⁵⁹) is negative, |F| = 1.5 > 0.5 → stall, ‖F‖ = 0.5
    const run = (acceptTol: number) => minSeparableDual([[1]], [0.5], jump, { nu0: [1e-300], acceptTol });
    const exact = run(1 / 3); // (1/3)·1.5 = 0.5 in binary
    expect(exact.iterations).toBe(1);
    expect(exact.converged).toBe(true);
    expect(exact.message).toBe('line search stalled at relative residual 3.33e-1');
    expect(run(0.34).converged).toBe(true);
    expect(run(0.3).converged).toBe(false);
    expect(run(0.3).iterations).toBe(1);
  });
  it('instances where one acceptance rule decides the path (found by search against the reference)', () => {
    // primal: with ψ (Armijo on Σψ) 7 iterations vs 5 on the reduced gradient alone
    {
      const { X, y } = problem(2, 3, 7, 40);
      const ref = refPrimal(X, y, sinhPot(true));
      const p = minSeparablePrimal(X, y, sinhPot(true));
      expect(p.iterations).toBe(ref.iterations);
      expect(p.iterations).toBe(7);
      expect(minSeparablePrimal(X, y, { ...sinhPot(true), value: undefined }).iterations).toBe(5);
    }
    // dual, bounded link: the Armijo slack 1e-4·t (not 1e-4/t) decides a trial
    {
      const { X, y } = problem(140, 2, 5, 40);
      const { ref } = expectSamePath(X, y, bounded(true), [0, 0]);
      expect(ref.iterations).toBe(9);
    }
  });
  it('primal: the stopping test is ‖Zᵀψ′‖ ≤ tol·(1 + ‖ψ′‖); a square X needs no iteration', () => {
    for (const seed of [51, 52]) {
      const { X, y } = problem(seed, 2, 5, 30);
      for (const tol of [1e-3, 1e-6]) {
        const ref = refPrimal(X, y, sinhPot(true), { tol });
        const p = minSeparablePrimal(X, y, sinhPot(true), { tol });
        expect(p.iterations).toBe(ref.iterations);
      }
    }
    const sq = minSeparablePrimal(
      [
        [2, 1],
        [1, 3],
      ],
      [3, 4],
      sinhPot(true),
    );
    expect(sq.iterations).toBe(0);
    expect(sq.converged).toBe(true);
    expect(sq.message).toBe('primal Newton converged in 0 iterations');
    expect(sq.beta[0]).toBeCloseTo(1, 14);
    expect(sq.beta[1]).toBeCloseTo(1, 14);
  });
});
