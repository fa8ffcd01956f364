// NNLS (Lawson–Hanson) and the finite-time KKT residuals of src/bias/yunKkt.ts on hand-made points, plus the
// claim suite of YUN-T2, YUN-C2, YUN-C3 (Theorem 2 and Corollaries 2–3 of Yun et al. 2021).
import { describe, expect, it } from 'vitest';
import { alignmentResidual, flowMultiplierResidual, kktResidual, nnls, realC, type Cvec } from '../src/bias/yunKkt.js';
import { dft } from '../properties/yun2021/common.js';
import { weightedMaxMarginL1 } from '../src/bias/yunLP.js';
import { claims } from '../properties/yun2021/classification.js';

describe('nnls (Lawson–Hanson)', () => {
  it('returns the unconstrained solution when it is non-negative', () => {
    const A = [[2, 0], [0, 1], [1, 1]];
    const x0 = [1.5, 0.25];
    const b = A.map((r) => r[0] * x0[0] + r[1] * x0[1]);
    const { x, residual } = nnls(A, b);
    expect(x[0]).toBeCloseTo(1.5, 12);
    expect(x[1]).toBeCloseTo(0.25, 12);
    expect(residual).toBeLessThan(1e-12);
  });
  it('clamps a negative coordinate and satisfies the KKT conditions of NNLS', () => {
    const A = [[1, 0], [0, 1]];
    const { x, residual } = nnls(A, [2, -3]);
    expect(x).toEqual([2, 0]);
    expect(residual).toBeCloseTo(3, 12);
    // random problems: x ≥ 0, w = Aᵀ(b − Ax) ≤ 0 with w_j = 0 where x_j > 0
    let s = 12345;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    for (let t = 0; t < 50; t++) {
      const M = Array.from({ length: 6 }, () => Array.from({ length: 4 }, rnd));
      const b = Array.from({ length: 6 }, rnd);
      const sol = nnls(M, b);
      const r = b.map((bi, i) => bi - M[i].reduce((a, v, j) => a + v * sol.x[j], 0));
      const w = [0, 1, 2, 3].map((j) => M.reduce((a, row, i) => a + row[j] * r[i], 0));
      sol.x.forEach((xj, j) => {
        expect(xj).toBeGreaterThanOrEqual(0);
        expect(w[j]).toBeLessThan(1e-10);
        if (xj > 1e-12) expect(Math.abs(w[j])).toBeLessThan(1e-10);
      });
    }
  });
});

describe('KKT residual of min Σ|q_j|^{2/L} s.t. a_iᵀq ≥ 1', () => {
  it('vanishes at a hand-made L = 3 stationary point and not at a perturbed one', () => {
    // one constraint a = (1, 2, 0.5): stationarity (2/3)|q_j|^{−1/3} = μ a_j ⇒ q_j ∝ a_j^{−3}; scale to margin 1
    const a = [1, 2, 0.5];
    const raw = a.map((v) => Math.pow(v, -3));
    const m = a.reduce((s, v, j) => s + v * raw[j], 0);
    const q = raw.map((v) => v / m);
    const r = kktResidual(realC(q), [1], [realC(a)], { L: 3, epsActive: 1e-2, deltaSupport: 1e-3 });
    expect(r.rel).toBeLessThan(1e-12);
    expect(r.relJ).toBeLessThan(1e-12);
    expect(r.mu[0]).toBeGreaterThan(0);
    const qb = q.map((v, j) => (j === 0 ? 1.3 * v : v));
    const mb = a.reduce((s, v, j) => s + v * qb[j], 0);
    expect(kktResidual(realC(qb), [mb], [realC(a)], { L: 3, epsActive: 1e-2, deltaSupport: 1e-3 }).rel).toBeGreaterThan(1e-2);
    // the same point is not ℓ1-stationary (ℓ1 needs |Σμa_j| = 1 on the whole support: a_j all different)
    expect(kktResidual(realC(q), [1], [realC(a)], { L: 3, epsActive: 1e-2, deltaSupport: 1e-3, gradient: 'l1' }).rel).toBeGreaterThan(1e-2);
  });
  it('L = 2: the ℓ1 max-margin vertex passes the off-support bound; a non-optimal vertex violates it', () => {
    // one constraint a = (1, 3): the ℓ1 optimum is z = (0, 1/3); the vertex z = (1, 0) is feasible but not optimal
    const A = [realC([1, 3])];
    const r = kktResidual(realC([0, 1 / 3]), [1], A, { L: 2, epsActive: 1e-2, deltaSupport: 1e-3 });
    expect(r.rel).toBeLessThan(1e-12);
    expect(r.offSupport).toBeCloseTo(1 / 3, 12);
    const rb = kktResidual(realC([1, 0]), [1], A, { L: 2, epsActive: 1e-2, deltaSupport: 1e-3 });
    expect(rb.rel).toBeLessThan(1e-12); // on the support the sign equation is solvable (μ = 1)
    expect(rb.offSupport).toBeCloseTo(3, 12); // but |μ a_2| = 3 > 1 off the support
  });
  it('complex (DFT) form: a conv-like point q = Fz with phases is stationary iff h = F g on the support', () => {
    const d = 4;
    const F = dft(d);
    const Fv = (v: number[]): Cvec => ({ re: F.re.map((r) => r.reduce((s, x, k) => s + x * v[k], 0)), im: F.im.map((r) => r.reduce((s, x, k) => s + x * v[k], 0)) });
    // choose g real; the ℓ1 (L = 2) stationary z has Fz with phases of Fg where |Fg| = 1: take g = F*(unit-modulus conj-symmetric)
    // simplest: z with Fz = c, c_j = t_j e^{iφ_j} on all j, g = F*(e^{iφ}) real; constraint a = g (one point): margin gᵀz = Σ t_j > 0
    const phases = [0, 0.7, Math.PI, -0.7];
    const t = [0.3, 0.5, 0.2, 0.5];
    const c: Cvec = { re: phases.map((p, j) => t[j] * Math.cos(p)), im: phases.map((p, j) => t[j] * Math.sin(p)) };
    const invF = (v: Cvec) => F.re.map((_, k) => F.re.reduce((s, row, j) => s + row[k] * v.re[j] + F.im[j][k] * v.im[j], 0));
    const z = invF(c);
    const g = invF({ re: phases.map(Math.cos), im: phases.map(Math.sin) });
    const margin = g.reduce((s, v, k) => s + v * z[k], 0);
    const r = kktResidual(Fv(z), [margin], [Fv(g)], { L: 2, epsActive: 1e-2, deltaSupport: 1e-3 });
    expect(r.rel).toBeLessThan(1e-10);
    // flip one conjugate pair's phase in z: no longer aligned with Fg
    const c2: Cvec = { re: c.re.slice(), im: c.im.map((v, j) => (j === 1 || j === 3 ? -v : v)) };
    const z2 = invF(c2);
    const m2 = g.reduce((s, v, k) => s + v * z2[k], 0);
    if (m2 > 0) expect(kktResidual(Fv(z2), [m2], [Fv(g)], { L: 2, epsActive: 1e-2, deltaSupport: 1e-3 }).rel).toBeGreaterThan(1e-2);
  });
  it('(31) alignment residual: zero when |u_j| = κ|q_j|^{2/L−1}, positive for the "equal |u_j|" mutant', () => {
    const q = realC([2, 0.5, 1e-9]);
    const u = realC([Math.pow(2, -1 / 3), Math.pow(0.5, -1 / 3), 0.7]);
    expect(alignmentResidual(u, q, 2 / 3)).toBeLessThan(1e-5); // the vanishing coordinate contributes ≈ |q_3|^{2/3} = 1e-6
    expect(alignmentResidual(u, q, 1)).toBeGreaterThan(0.1);
  });
});

describe('discriminating instances of the falsifiers (the limits the flow is compared against)', () => {
  it('(ii)/(iii): features diag(1, 4, 4) at L = 3 — ρ∞ ∝ (1, 1/4, 1/4) is a KKT point whose multipliers make the ℓ1 mutants ≈ 0.17', () => {
    // every point active: ρ_j = 1/a_jj; stationarity (2/3)|ρ_j|^{−1/3} = μ_j a_jj gives μ ≥ 0, and ν ∝ μ is the flow's limit weight
    const a = [1, 4, 4];
    const rho = a.map((v) => 1 / v);
    const A = a.map((v, i) => realC(a.map((_, j) => (i === j ? v : 0))));
    const mu = a.map((v, j) => ((2 / 3) * Math.pow(rho[j], -1 / 3)) / v);
    expect(Math.min(...mu)).toBeGreaterThan(0);
    const r = kktResidual(realC(rho), [1, 1, 1], A, { L: 3, epsActive: 1e-2, deltaSupport: 1e-3 });
    expect(r.rel).toBeLessThan(1e-12);
    const u = realC(a.map((v, j) => mu[j] * v));
    expect(alignmentResidual(u, realC(rho), 2 / 3)).toBeLessThan(1e-12); // (31) holds exactly
    expect(flowMultiplierResidual(realC(rho), mu, A, 2 / 3)).toBeLessThan(1e-12); // the claim with the same multipliers
    // the mutants at the exact limit: well above WRONG_MIN = 0.05
    expect(flowMultiplierResidual(realC(rho), mu, A, 1)).toBeGreaterThan(0.15);
    expect(alignmentResidual(u, realC(rho), 1)).toBeGreaterThan(0.15);
    // the fitted ℓ1 KKT cannot tell (|J| = |A|: the on-support system is square), which is why the flow's u is used
    expect(kktResidual(realC(rho), [1, 1, 1], A, { L: 3, epsActive: 1e-2, deltaSupport: 1e-3, gradient: 'l1' }).rel).toBeLessThan(1e-12);
  });
  it('C2 "ℓ1 at L = 3": x = (1, 2) — the vertex e_1 is an ℓ_{2/3} KKT point with ℓ1 margin ratio 1/2', () => {
    const r = kktResidual(realC([1, 0]), [1], [realC([1, 2])], { L: 3, epsActive: 1e-2, deltaSupport: 1e-3 });
    expect(r.rel).toBeLessThan(1e-12);
    // ℓ1 optimum (0, 1/2) by HiGHS: ratio of e_1 = (margin 1 / ‖e_1‖₁) · ‖z*‖₁ = 1/2
    const opt = weightedMaxMarginL1([[1, 2]], [1])!;
    expect(opt[0]).toBeCloseTo(0, 9);
    expect(opt[1]).toBeCloseTo(0.5, 9);
  });
  it('C3 plain ℓ1 on the §6 toy: the DFT-ℓ1 optimum [1/3, 1/3] is DFT-KKT and has plain ℓ1 margin ratio 3/4', () => {
    const X = [[1, 2], [0, -3]];
    const y = [1, -1];
    const F = dft(2);
    const Fv = (v: number[]): Cvec => ({ re: F.re.map((r) => r.reduce((s, x, k) => s + x * v[k], 0)), im: F.im.map((r) => r.reduce((s, x, k) => s + x * v[k], 0)) });
    const z = [1 / 3, 1 / 3];
    const m = X.map((x, i) => y[i] * (x[0] * z[0] + x[1] * z[1]));
    expect(m[0]).toBeCloseTo(1, 12);
    expect(m[1]).toBeCloseTo(1, 12);
    const r = kktResidual(Fv(z), m, X.map((x, i) => Fv(x.map((v) => v * y[i]))), { L: 2, epsActive: 1e-2, deltaSupport: 1e-3 });
    expect(r.rel).toBeLessThan(1e-12);
    // plain ℓ1 optimum (0, 1/2) by HiGHS: ratio of z = (1/‖z‖₁)·‖z*‖₁ = 1.5 · 0.5 = 3/4
    const opt = weightedMaxMarginL1(X, y)!;
    expect(Math.abs(opt[0]) + Math.abs(opt[1])).toBeCloseTo(0.5, 9);
    expect((Math.min(...m) / (2 / 3)) * 0.5).toBeCloseTo(0.75, 12);
  });
});
// The claims themselves (with their falsifiers) run in test/yun2021.test.ts.
