// Round-4 mutation tests of src/bias/yunTheory.ts (docs/mutation.md). Oracles: the Wallis integrals
// ∫₀^θ cos^n in closed form, the first integral p² − q² = 1 and the ODE of Lemma 4 by central differences, the
// Legendre pair H_L / H_L^* (derivatives and Fenchel–Young equality), optimality of the Theorem-5 interpolant by
// feasible perturbations along null(Ã), KKT conditions of the ℓ2 max-margin QP, and small closed forms.
import { describe, expect, it } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import { Rng } from '../src/random/rng.js';
import * as yt from '../src/bias/yunTheory.js';

const fd = (f: (x: number) => number, x: number, h = 1e-5) => (f(x + h) - f(x - h)) / (2 * h);

describe('yunTheory: Lemma 4 (W_L, c_L, θ, p_L, q_L, h_L, H_L, H_L^*)', () => {
  it('W_L(θ) = ∫₀^θ cos^{L−3}: closed forms for L = 2…7, and c_L = W_L(π/2)', () => {
    for (const th of [0.1, 0.7, 1.3, -0.4]) {
      expect(yt.wallisW(2, th)).toBeCloseTo(Math.asinh(Math.tan(th)), 13);
      expect(yt.wallisW(3, th)).toBeCloseTo(th, 14);
      expect(yt.wallisW(4, th)).toBeCloseTo(Math.sin(th), 14);
      expect(yt.wallisW(5, th)).toBeCloseTo(th / 2 + Math.sin(2 * th) / 4, 14);
      expect(yt.wallisW(6, th)).toBeCloseTo(Math.sin(th) - Math.sin(th) ** 3 / 3, 14);
      expect(yt.wallisW(7, th)).toBeCloseTo((3 * th) / 8 + Math.sin(2 * th) / 4 + Math.sin(4 * th) / 32, 14);
    }
    expect(yt.blowupTime(2)).toBe(Infinity);
    expect(yt.blowupTime(3)).toBeCloseTo(Math.PI / 2, 15);
    expect(yt.blowupTime(4)).toBeCloseTo(1, 15);
    expect(yt.blowupTime(5)).toBeCloseTo(Math.PI / 4, 15);
    expect(yt.blowupTime(6)).toBeCloseTo(2 / 3, 15);
    expect(yt.blowupTime(7)).toBeCloseTo((3 * Math.PI) / 16, 15);
  });
  it('θ(t) inverts W_L; p² − q² = 1; p′ = p^{L−2}q, q′ = p^{L−1} (central differences); odd/even', () => {
    for (const L of [2, 3, 4, 5, 6]) {
      const c = yt.blowupTime(L);
      for (const f of [0.05, 0.4, 0.8, -0.6]) {
        const t = L === 2 ? 3 * f : f * c;
        const th = yt.thetaOf(L, t);
        if (L > 2) expect(yt.wallisW(L, th)).toBeCloseTo(t, 12);
        const { p, q } = yt.pqL(L, t);
        expect(p * p - q * q).toBeCloseTo(1, 10);
        expect(p).toBeGreaterThan(0);
        expect(Math.sign(q)).toBe(Math.sign(t));
        expect(fd((s) => yt.pqL(L, s).p, t)).toBeCloseTo(p ** (L - 2) * q, 6);
        expect(fd((s) => yt.pqL(L, s).q, t)).toBeCloseTo(p ** (L - 1), 6);
        expect(yt.thetaOf(L, -t)).toBe(-th);
      }
      if (L > 3) {
        // at and beyond the blow-up time θ saturates at ±π/2 (L = 3: θ = t, returned as is)
        expect(yt.thetaOf(L, c)).toBe(Math.PI / 2);
        expect(yt.thetaOf(L, -2 * c)).toBe(-Math.PI / 2);
      }
    }
    expect(yt.thetaOf(2, 1)).toBeCloseTo(Math.atan(Math.sinh(1)), 15);
    expect(yt.pqL(2, 0.7)).toEqual({ p: Math.cosh(0.7), q: Math.sinh(0.7) });
  });
  it('h_L = p^{L−1}q, h_L′ by differences, h_L⁻¹ inverts it; H_L′ = h_L⁻¹, (H_L^*)′ = h_L, H_L(u) + H_L^*(t) = tu', () => {
    for (const L of [2, 3, 4, 5]) {
      const c = yt.blowupTime(L);
      for (const f of [0.1, 0.5, 0.9, -0.3]) {
        const t = L === 2 ? 2 * f : f * c;
        const { p, q } = yt.pqL(L, t);
        const h = yt.hL(L, t);
        expect(h).toBeCloseTo(p ** (L - 1) * q, 10);
        expect(yt.hLprime(L, t) / fd((s) => yt.hL(L, s), t, 1e-6)).toBeCloseTo(1, 5);
        expect(yt.hLinv(L, h)).toBeCloseTo(t, 10);
        expect(yt.HLstar(L, t)).toBeCloseTo(q * q / 2, 12);
        expect(fd((s) => yt.HLstar(L, s), t, 1e-6) / h).toBeCloseTo(1, 6);
        expect(fd((u) => yt.HL(L, u), h, 1e-6 * Math.max(1, Math.abs(h))) / t).toBeCloseTo(1, 5);
        expect(yt.HL(L, h) + yt.HLstar(L, t)).toBeCloseTo(t * h, 9);
      }
      expect(yt.hLinv(L, 0)).toBe(0);
      if (L > 2) {
        expect(yt.hL(L, c)).toBe(Infinity);
        expect(yt.hL(L, -c)).toBe(-Infinity);
        expect(yt.HLstar(L, c)).toBe(Infinity);
        expect(yt.HLstar(L, -1.5 * c)).toBe(Infinity);
      }
    }
    // L = 2 closed forms: h = sinh(2t)/2, h′ = cosh 2t, h⁻¹(u) = asinh(2u)/2, H^* = sinh²/2, and H at tiny u = u²/2
    expect(yt.hL(2, 0.3)).toBeCloseTo(Math.sinh(0.6) / 2, 15);
    expect(yt.hLprime(2, 0.3)).toBeCloseTo(Math.cosh(0.6), 15);
    expect(yt.hLinv(2, 0.3)).toBeCloseTo(Math.asinh(0.6) / 2, 15);
    expect(yt.HLstar(2, 1e-9) / 5e-19).toBeCloseTo(1, 12);
    expect(yt.HL(2, 1e-9) / 5e-19).toBeCloseTo(1, 12);
    expect(yt.HL(2, -2)).toBe(yt.HL(2, 2));
  });
});

describe('yunTheory: linear algebra helpers', () => {
  it('solveLinear against ml-matrix on random systems (with row swaps), null when singular', () => {
    const rng = new Rng(4450);
    for (let t = 0; t < 20; t++) {
      const n = 1 + (t % 5);
      const A = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal()));
      if (n > 1) A[0][0] = 1e-3 * rng.normal(); // forces a pivot swap
      const b = Array.from({ length: n }, () => rng.normal());
      const want = solve(new Matrix(A), Matrix.columnVector(b)).to1DArray();
      const got = yt.solveLinear(A, b)!;
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 9));
    }
    expect(yt.solveLinear([[1, 2], [2, 4]], [1, 2])).toBeNull();
    expect(yt.solveLinear([[0, 0], [0, 0]], [1, 2])).toBeNull();
    expect(yt.solveLinear([[0, 1], [1, 0]], [2, 3])).toEqual([3, 2]);
    // a zero multiplier (f = 0) row is skipped without harm
    expect(yt.solveLinear([[2, 1], [0, 4]], [4, 8])).toEqual([1, 2]);
    // tiny but regular: 1e-200·I
    expect(yt.solveLinear([[1e-200, 0], [0, 1e-200]], [1e-200, 2e-200])).toEqual([1, 2]);
  });
  it('dot, norms, distance, angle, products, transpose: closed forms', () => {
    expect(yt.dotv([1, 2, 3], [4, -5, 6])).toBe(12);
    expect(yt.norm([3, 4])).toBe(5);
    expect(yt.distv([1, 1], [4, 5])).toBe(5);
    expect(yt.norm1([1, -2, 3])).toBe(6);
    expect(yt.angleDeg([1, 0], [0, 2])).toBeCloseTo(90, 12);
    expect(yt.angleDeg([1, 0], [-3, 0])).toBeCloseTo(180, 12);
    expect(yt.angleDeg([1, 1], [1, 1])).toBeCloseTo(0, 5);
    expect(yt.angleDeg([1, 0], [1, 1])).toBeCloseTo(45, 12);
    const A = [[1, 2, 3], [4, 5, 6]];
    expect(yt.matVec(A, [1, 0, -1])).toEqual([-2, -2]);
    expect(yt.matTVec(A, [1, -1])).toEqual([-3, -3, -3]);
    expect(yt.matMul(A, [[1, 0], [0, 1], [1, 1]])).toEqual([[4, 5], [10, 11]]);
    expect(yt.transpose(A)).toEqual([[1, 4], [2, 5], [3, 6]]);
  });
});

describe('yunTheory: Theorem 5 interpolant, weighted min-ℓ2, Theorem 6, ℓ2 max margin', () => {
  function nullBasis(A: number[][]): number[][] {
    // columns of I − Aᵀ(AAᵀ)⁻¹A, orthonormalised (Gram–Schmidt), keeping those with norm > 1e-8
    const m = A[0].length;
    const M = new Matrix(A);
    const P = Matrix.eye(m).sub(M.transpose().mmul(solve(M.mmul(M.transpose()), M)));
    const basis: number[][] = [];
    for (let j = 0; j < m; j++) {
      let v = P.getColumn(j);
      for (const b of basis) {
        const c = v.reduce((s, x, i) => s + x * b[i], 0);
        v = v.map((x, i) => x - c * b[i]);
      }
      const n = Math.hypot(...v);
      if (n > 1e-8) basis.push(v.map((x) => x / n));
    }
    return basis;
  }
  it('solveT5: Ãρ = y and Q(ρ ± εd) ≥ Q(ρ) along null(Ã) (optimality), for L = 2, 3, 4 and mixed-sign η̄', () => {
    const rng = new Rng(4451);
    for (let t = 0; t < 9; t++) {
      const L = [2, 3, 4][t % 3];
      const n = 2;
      const m = 4;
      const A = Array.from({ length: n }, () => Array.from({ length: m }, () => rng.normal()));
      const y = Array.from({ length: n }, () => rng.normal());
      const eta = Array.from({ length: m }, () => (rng.uniform() < 0.5 ? -1 : 1) * rng.logUniform(0.5, 2));
      const alpha = [0.5, 1, 2][Math.floor(t / 3)];
      const P = { L, alpha, eta, A, y };
      const sol = yt.solveT5(P);
      expect(sol.converged).toBe(true);
      A.forEach((r, i) => expect(r.reduce((s, v, j) => s + v * sol.rho[j], 0)).toBeCloseTo(y[i], 10));
      expect(sol.residual).toBeLessThan(1e-9);
      const Q0 = yt.qObjective(P, sol.rho);
      for (const d of nullBasis(A))
        for (const e of [1e-3, -1e-3]) expect(yt.qObjective(P, sol.rho.map((v, j) => v + e * d[j]))).toBeGreaterThan(Q0);
      // ∇Q(ρ) = Ãᵀν (stationarity) with the returned ν, and ∇Q agrees with differences of Q
      const g = yt.qGradient(P, sol.rho);
      const atn = yt.matTVec(A, sol.nu);
      g.forEach((v, j) => expect(v).toBeCloseTo(atn[j], 7));
      const j0 = t % m;
      const h = 1e-6;
      const rp = sol.rho.slice();
      const rm = sol.rho.slice();
      rp[j0] += h;
      rm[j0] -= h;
      expect((yt.qObjective(P, rp) - yt.qObjective(P, rm)) / (2 * h)).toBeCloseTo(g[j0], 5);
      // ρ(ν) of (64) reproduces ρ
      yt.rhoOfNu(P, sol.nu).forEach((v, j) => expect(v).toBeCloseTo(sol.rho[j], 10));
    }
  });
  it('solveT5 at large α, L = 2 tends to the weighted min-ℓ2 interpolant with weights η̄² (Q ≈ Σρ²/(2α²η̄²))', () => {
    const A = [[1, 2, 0, -1], [0, 1, 1, 1]];
    const y = [1, -0.5];
    const eta = [1, 0.5, 2, -1];
    const w = eta.map((e) => e * e);
    const sol = yt.solveT5({ L: 2, alpha: 1e3, eta, A, y });
    // own closed form ρ = W Aᵀ (A W Aᵀ)⁻¹ y via ml-matrix
    const M = new Matrix(A);
    const W = Matrix.diag(w);
    const c = solve(M.mmul(W).mmul(M.transpose()), Matrix.columnVector(y));
    const want = W.mmul(M.transpose()).mmul(c).to1DArray();
    sol.rho.forEach((v, j) => expect(v).toBeCloseTo(want[j], 6));
    yt.weightedMinL2(A, y, w).forEach((v, j) => expect(v).toBeCloseTo(want[j], 12));
    expect(() => yt.weightedMinL2([[1, 1], [2, 2]], [1, 2], [1, 1])).toThrow(/singular/);
    // maxIter = 0: no iteration, ν = 0, ρ = 0, not converged
    const s0 = yt.solveT5({ L: 2, alpha: 1, eta, A, y }, 0);
    expect(s0.iterations).toBe(0);
    expect(s0.nu).toEqual([0, 0]);
    expect(s0.converged).toBe(false);
    expect(s0.residual).toBeCloseTo(Math.hypot(1, 0.5), 14);
  });
  it('g of Theorem 6 (closed form) and solveIncreasing (bracket growth in both directions, exact bisection)', () => {
    // one coordinate s = 1, a = 1, b = 0: g = sinh(2ν)/2
    expect(yt.gT6([1], [1], [0], 0.3)).toBeCloseTo(Math.sinh(0.6) / 2, 15);
    // a = b = 1, s = 2: g = 2(sinh(4ν) + cosh(4ν)) = 2e^{4ν}
    expect(yt.gT6([2], [1], [1], 0.1)).toBeCloseTo(2 * Math.exp(0.4), 14);
    expect(yt.gT6([2], [1], [1], 0.1, 1, 1)).toBeCloseTo(2 * (2 * Math.sinh(0.2) + Math.cosh(0.4)), 14);
    expect(yt.gT6([1, 1], [1, 0], [0, 1], 0.2)).toBeCloseTo(Math.sinh(0.4) / 2 + Math.sinh(0.4) / 2, 15);
    const cube = (v: number) => v ** 3 + v;
    expect(yt.solveIncreasing(cube, 10)).toBeCloseTo(2, 14);
    expect(yt.solveIncreasing(cube, -10)).toBeCloseTo(-2, 14);
    expect(yt.solveIncreasing((v) => v, 1e6)).toBeCloseTo(1e6, 8);
    expect(yt.solveIncreasing((v) => v, -3e5)).toBeCloseTo(-3e5, 8);
    expect(yt.solveIncreasing((v) => v, 0.25)).toBeCloseTo(0.25, 15);
    // ν* of Theorem 6 for the closed-form g: g(ν) = 2e^{4ν} = 5 ⇒ ν = ln(2.5)/4
    expect(yt.solveIncreasing((v) => yt.gT6([2], [1], [1], v), 5)).toBeCloseTo(Math.log(2.5) / 4, 13);
  });
  it('maxMarginL2: KKT of the QP (μ ≥ 0, margins ≥ 1, complementarity, z = Σμ_i y_i x_i); closed forms; infeasible ⇒ null', () => {
    const rng = new Rng(4452);
    for (let t = 0; t < 15; t++) {
      const n = 2 + (t % 4);
      const d = 2 + (t % 3);
      const X = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
      const y = X.map((x) => (x[0] + 0.3 * x[1] > 0 ? 1 : -1)); // linearly separable
      const r = yt.maxMarginL2(X, y)!;
      expect(r).not.toBeNull();
      const marg = X.map((x, i) => y[i] * x.reduce((s, v, j) => s + v * r.z[j], 0));
      marg.forEach((mi, i) => {
        expect(mi).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(r.mu[i]).toBeGreaterThanOrEqual(0);
        if (r.mu[i] > 1e-9) expect(mi).toBeCloseTo(1, 8);
      });
      const zz = new Array<number>(d).fill(0);
      X.forEach((x, i) => x.forEach((v, j) => (zz[j] += r.mu[i] * y[i] * v)));
      zz.forEach((v, j) => expect(v).toBeCloseTo(r.z[j], 8));
      // normalised margin = 1/‖z‖ at the optimum
      expect(yt.normalizedMargin(X, y, r.z, yt.norm)).toBeCloseTo(1 / yt.norm(r.z), 8);
    }
    // one point: z = y x/‖x‖²; two symmetric points ±(1, 0): z = (1, 0), μ = (1/2, 1/2)
    const one = yt.maxMarginL2([[3, 4]], [-1])!;
    expect(one.z[0]).toBeCloseTo(-3 / 25, 15);
    expect(one.z[1]).toBeCloseTo(-4 / 25, 15);
    expect(one.mu[0]).toBeCloseTo(1 / 25, 15);
    const two = yt.maxMarginL2([[1, 0], [-1, 0]], [1, -1])!;
    expect(two.z[0]).toBeCloseTo(1, 14);
    expect(two.z[1]).toBeCloseTo(0, 14);
    expect(two.mu[0] + two.mu[1]).toBeCloseTo(1, 14);
    // the second point is inside the margin of the first: μ_2 = 0
    const three = yt.maxMarginL2([[1, 0], [2, 1]], [1, 1])!;
    expect(three.z[0]).toBeCloseTo(1, 12);
    expect(three.mu[1]).toBe(0);
    expect(yt.maxMarginL2([[1, 2], [1, 2]], [1, -1])).toBeNull();
    expect(yt.normalizedMargin([[1, 0], [0, 2]], [1, -1], [3, -1], yt.norm1)).toBeCloseTo(2 / 4, 15);
  });
});

// ---------------------------------------------------------------------------------------------------
// azuCommon (Azulay et al. 2021 helpers): closed forms, optimality of the constrained minimisers by feasible
// perturbations along null(X), the null-space basis by its defining properties, a power law's log–log slope.
import * as ac from '../src/bias/azuCommon.js';

describe('azuCommon', () => {
  it('vector helpers and Gram/condition closed forms', () => {
    expect(ac.dotv([1, 2], [3, -4])).toBe(-5);
    expect(ac.normv([6, 8])).toBe(10);
    expect(Array.from(ac.subv([5, 1], [2, 3]))).toEqual([3, -2]);
    expect(Array.from(ac.addv([5, 1], [2, 3]))).toEqual([7, 4]);
    expect(Array.from(ac.addv([5, 1], [2, 3], -2))).toEqual([1, -5]);
    expect(Array.from(ac.scalev([5, -1], 3))).toEqual([15, -3]);
    expect(ac.relDist([3, 4], [0, 0]) / 5e300).toBeCloseTo(1, 14);
    expect(ac.relDist([1, 1], [1, 0])).toBe(1);
    const X = [[1, 2, 0], [0, 1, 3]];
    expect(Array.from(ac.matvec(X, [1, 1, 1]))).toEqual([3, 4]);
    expect(Array.from(ac.matTvec(X, [1, -1]))).toEqual([1, 1, -3]);
    expect(ac.gram(X).to2DArray()).toEqual([[5, 2], [2, 10]]);
    expect(ac.toMatrix(X).to2DArray()).toEqual(X);
    // rows of norms 1 and 3, orthogonal: eigenvalues 1, 9
    expect(ac.gramCond([[1, 0, 0], [0, 3, 0]])).toBeCloseTo(9, 12);
    expect(ac.gramCond([[1, 1], [2, 2]])).toBe(Infinity);
    expect(Array.from(ac.solveSym(ac.gram(X), [5, 2]))).toEqual([1, 0]);
  });
  it('projection onto span of samples, κ(v), and the null-space basis', () => {
    const X = [[1, 0, 0, 1], [0, 1, 1, 0]];
    expect(ac.kkt(X, [2, 3, 3, 2])).toBeCloseTo(0, 14); // in the span
    expect(ac.kkt(X, [1, 0, 0, -1])).toBeCloseTo(1, 14); // orthogonal to it
    expect(ac.kkt(X, [0, 0, 0, 0])).toBe(0);
    expect(ac.kkt(X, [1, 0, 0, 0])).toBeCloseTo(Math.SQRT1_2, 14);
    const { nu, Pv } = ac.projectRange(X, [1, 0, 0, 0]);
    expect(Array.from(nu)).toEqual([0.5, 0]);
    expect(Array.from(Pv)).toEqual([0.5, 0, 0, 0.5]);
    const Z = ac.nullBasis(X);
    expect(Z.length).toBe(2);
    for (const z of Z) {
      expect(ac.normv(z)).toBeCloseTo(1, 13);
      X.forEach((x) => expect(ac.dotv(x, z)).toBeCloseTo(0, 13));
    }
    expect(ac.dotv(Z[0], Z[1])).toBeCloseTo(0, 13);
    expect(ac.nullBasis([[1, 0], [0, 1]]).length).toBe(0);
  });
  function nullDirs(X: number[][]): Float64Array[] {
    return ac.nullBasis(X); // its defining properties are checked above
  }
  it('minNorm, minNormAbout, minMahalanobisAbout, minWeightedNorm: feasible and optimal (perturbation along null(X))', () => {
    const rng = new Rng(4460);
    const X = Array.from({ length: 2 }, () => Array.from({ length: 4 }, () => rng.normal()));
    const y = [1, -2];
    const w0 = Float64Array.from([0.5, -1, 2, 0.1]);
    const Binv = new Matrix([[2, 0.3, 0, 0], [0.3, 1, 0, 0], [0, 0, 0.5, 0.1], [0, 0, 0.1, 3]]);
    const B = Binv.clone();
    const Bm = solve(B, Matrix.eye(4)); // B = (B⁻¹)⁻¹
    const c = [1, 4, 0.25, 2];
    const cases: [Float64Array, (w: ArrayLike<number>) => number][] = [
      [ac.minNorm(X, y), (w) => ac.dotv(w, w)],
      [ac.minNormAbout(X, y, w0), (w) => ac.normv(ac.subv(w, w0)) ** 2],
      [ac.minMahalanobisAbout(X, y, w0, Binv), (w) => {
        const d = ac.subv(w, w0);
        return ac.dotv(d, Bm.mmul(Matrix.columnVector(Array.from(d))).getColumn(0));
      }],
      [ac.minWeightedNorm(X, y, c), (w) => Array.from(w).reduce((s, v, i) => s + (v * v) / c[i], 0)],
    ];
    for (const [w, f] of cases) {
      X.forEach((x, i) => expect(ac.dotv(x, w)).toBeCloseTo(y[i], 12));
      const f0 = f(w);
      for (const z of nullDirs(X)) for (const e of [1e-4, -1e-4]) expect(f(ac.addv(w, z, e))).toBeGreaterThan(f0);
    }
  });
  it('logLogSlope of an exact power law is its exponent (also with a noisy y: the LS slope formula)', () => {
    // own least squares: slope = Σ(lx − m_x)·ly / Σ(lx − m_x)² for lx = ln x, ly = ln y
    const xs = [1, 3, 4, 9];
    const ys = [2, 5, 3, 11];
    const lx = xs.map(Math.log);
    const ly = ys.map(Math.log);
    const mx = lx.reduce((a, b) => a + b, 0) / 4;
    const want = lx.reduce((s, v, i) => s + (v - mx) * ly[i], 0) / lx.reduce((s, v) => s + (v - mx) ** 2, 0);
    expect(ac.logLogSlope(xs, ys)).toBeCloseTo(want, 13);
    const x = [1, 2, 5, 10, 100];
    expect(ac.logLogSlope(x, x.map((v) => 3 * v ** -1.5))).toBeCloseTo(-1.5, 13);
    expect(ac.logLogSlope(x, x.map((v) => v * v))).toBeCloseTo(2, 13);
  });
  it('nullSpaceNewton: quadratic f gives minNormAbout(a); Σ cosh(w_i − a_i) is optimal along null(X); square X', () => {
    const X = [[1, 2, 0, -1], [0, 1, 1, 1]];
    const y = [1, 2];
    const a = Float64Array.from([0.3, -0.2, 1, 0.5]);
    const quad: ac.ConvexObjective = {
      f: (w) => 0.5 * ac.normv(ac.subv(w, a)) ** 2,
      grad: (w) => ac.subv(w, a),
      hess: () => [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]],
    };
    const r = ac.nullSpaceNewton(X, y, quad);
    expect(r.converged).toBe(true);
    const want = ac.minNormAbout(X, y, a);
    r.w.forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
    expect(r.iterations).toBeLessThanOrEqual(2); // Newton is exact on a quadratic
    const ch: ac.ConvexObjective = {
      f: (w) => Array.from(w).reduce((s, v, i) => s + Math.cosh(3 * (v - a[i])), 0),
      grad: (w) => Float64Array.from(w, (v, i) => 3 * Math.sinh(3 * (v - a[i]))),
      hess: (w) => Array.from(w, (v, i) => Array.from(w, (_, j) => (i === j ? 9 * Math.cosh(3 * (v - a[i])) : 0))),
      gradScale: () => 0,
    };
    const rc = ac.nullSpaceNewton(X, y, ch, { start: Float64Array.from([5, 5, -5, 5]) });
    expect(rc.converged).toBe(true);
    X.forEach((x, i) => expect(ac.dotv(x, rc.w)).toBeCloseTo(y[i], 12));
    const f0 = ch.f(rc.w);
    for (const z of ac.nullBasis(X)) for (const e of [1e-4, -1e-4]) expect(ch.f(ac.addv(rc.w, z, e))).toBeGreaterThan(f0);
    // reduced gradient at the optimum: Zᵀ∇f ≈ 0
    const g = ch.grad(rc.w);
    for (const z of ac.nullBasis(X)) expect(Math.abs(ac.dotv(z, g))).toBeLessThan(1e-10);
    // maxIter 0 from a non-optimal start: not converged, w = the feasible start
    const r0 = ac.nullSpaceNewton(X, y, ch, { maxIter: 0 });
    expect(r0.converged).toBe(false);
    expect(r0.iterations).toBe(0);
    ac.minNorm(X, y).forEach((v, i) => expect(r0.w[i]).toBeCloseTo(v, 14));
    // pseudo-Huber Σ √(1 + (w_i − a_i)²): the full Newton step overshoots far from the optimum (step ∝ −x(1 + x²)),
    // so the Armijo backtracking decides; the result must still be the constrained optimum
    const ph: ac.ConvexObjective = {
      f: (w) => Array.from(w).reduce((s, v, i) => s + Math.sqrt(1 + (v - a[i]) ** 2), 0),
      grad: (w) => Float64Array.from(w, (v, i) => (v - a[i]) / Math.sqrt(1 + (v - a[i]) ** 2)),
      hess: (w) => Array.from(w, (v, i) => Array.from(w, (_, j) => (i === j ? (1 + (v - a[i]) ** 2) ** -1.5 : 0))),
    };
    const rp = ac.nullSpaceNewton(X, y, ph, { start: Float64Array.from([3, -2, 2.5, 4]) });
    expect(rp.converged).toBe(true);
    expect(rp.iterations).toBeGreaterThan(1);
    X.forEach((x, i) => expect(ac.dotv(x, rp.w)).toBeCloseTo(y[i], 12));
    const fp = ph.f(rp.w);
    for (const z of ac.nullBasis(X)) for (const e of [1e-4, -1e-4]) expect(ph.f(ac.addv(rp.w, z, e))).toBeGreaterThan(fp);
    // square invertible X: the unique solution, 0 iterations
    const rs = ac.nullSpaceNewton([[2, 0], [0, 4]], [1, 1], ch);
    expect(Array.from(rs.w)).toEqual([0.5, 0.25]);
    expect(rs.iterations).toBe(0);
    expect(rs.converged).toBe(true);
  });
});
