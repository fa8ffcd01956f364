// Mutation-killing unit tests for src/bias (see docs/mutation.md): each regularizer is checked
// against an independent route — its defining integral (Gauss–Legendre quadrature of the stated
// derivative), its derivatives by central differences, its inverse link by composition, its large-
// and small-argument branches against each other at the switch points — and each minimum-norm
// solver against the optimality conditions it must satisfy. Tolerances: quadrature and series are
// accurate to ~1e-13 relative; central differences with h = 1e-5·max(1,|z|) on these smooth
// functions to ~1e-9 relative; we allow 1e-7 (derivatives) and 1e-10 (values).
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { Rng } from '../src/random/rng.js';
import { integrate0 } from '../src/bias/wooQuad.js';
import {
  Qalpha,
  QalphaLog,
  Qmu,
  asinhScaled,
  cCosh,
  cCoshm1,
  cSinh,
  gradQalphaLog,
  logScales,
  psiQ,
  q,
  qPrime,
  qScaled,
  qSecond,
} from '../src/bias/qFunctions.js';
import { HD, QDalpha, hD, hDFromU, hDInv, hDInvFull, hDPrime, pOf, psiQD, qD } from '../src/bias/qD.js';
import { QkObjective, qWW, qk, qkPotential, qkPrime, qkPrimeInv, qkSecond, qkShift, qkTrajectory } from '../src/bias/qk.js';
import { Ralpha, RalphaLiteral, quarticCoeffs, quarticRoots, rBrute, rParam, rQuartic } from '../src/bias/qR.js';
import { minL2, minWeightedL2 } from '../src/bias/minL2.js';
import { lsResidual, minNormFromDecomposition, minNormGram, minNormPinv } from '../src/bias/minNorm.js';
import { decomposeData } from '../src/models/factorization.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(a), Math.abs(b));
const fd = (f: (x: number) => number, x: number) => {
  const h = 1e-5 * Math.max(1, Math.abs(x));
  return (f(x + h) - f(x - h)) / (2 * h);
};

describe('q, Q_α and the log-domain helpers (Woodworth eqs. (18)–(21))', () => {
  const zs = [-37, -3.1, -0.4, -1e-3, 1e-6, 0.02, 0.7, 2, 9.5, 250];
  it('q(z) = ∫₀ᶻ asinh(u/2) du, q′ and q″ by central differences, q(0) = 0, even', () => {
    expect(q(0)).toBe(0);
    for (const z of zs) {
      expect(rel(q(z), integrate0((u) => Math.asinh(u / 2), z))).toBeLessThan(1e-10);
      expect(rel(q(z), 2 - Math.sqrt(4 + z * z) + z * Math.asinh(z / 2))).toBeLessThan(Math.abs(z) < 0.1 ? 1e-4 : 1e-10);
      expect(q(-z)).toBeCloseTo(q(z), 12);
      expect(rel(fd(q, z), qPrime(z))).toBeLessThan(1e-7);
      expect(rel(fd(qPrime, z), qSecond(z))).toBeLessThan(1e-7);
    }
    expect(qPrime(3)).toBe(Math.asinh(1.5));
    expect(qSecond(0)).toBe(0.5);
    // small z: q ≈ z²/4 (no cancellation)
    expect(rel(q(1e-8), 1e-16 / 4)).toBeLessThan(1e-8);
  });
  it('huge z uses q = z ln z − z + 2 (continuous with the direct form at the switch)', () => {
    const z = 1e151;
    expect(rel(q(z), z * Math.log(z) - z + 2)).toBeLessThan(1e-15);
    expect(rel(q(-z), q(z))).toBe(0);
    const below = 9e149;
    expect(rel(q(below), below * Math.log(below) - below)).toBeLessThan(1e-12);
  });
  it('m·q(β/m) from log m in every regime; asinh(β/2m) from log m', () => {
    for (const [beta, lm] of [
      [0.3, 0],
      [-2, Math.log(0.01)],
      [5, Math.log(7)],
    ]) {
      const m = Math.exp(lm);
      expect(rel(qScaled(beta, lm), m * q(beta / m))).toBeLessThan(1e-13);
      expect(rel(asinhScaled(beta, lm), Math.asinh(beta / (2 * m)))).toBeLessThan(1e-13);
    }
    // m underflows: asymptotic form |β|(ln|β| − ln m) − |β| + 2m
    const lm = -2000;
    expect(rel(qScaled(-3, lm), 3 * (Math.log(3) - lm) - 3)).toBeLessThan(1e-14);
    expect(qScaled(0, lm)).toBe(0);
    expect(rel(asinhScaled(3, lm), Math.log(3) - lm)).toBeLessThan(1e-14);
    expect(rel(asinhScaled(-3, lm), -(Math.log(3) - lm))).toBeLessThan(1e-14);
    expect(asinhScaled(0, lm)).toBe(0);
    // |β|/m just above the 1e150 switch: both sides agree
    const lm2 = -350;
    const b = 2;
    expect(rel(qScaled(b, lm2), b * (Math.log(b) - lm2) - b)).toBeLessThan(1e-12);
  });
  it('c·sinh, c·cosh, c·(cosh − 1) from log c, on both sides of the branch switches', () => {
    for (const s of [-45, -25, -19.9, -3, 0.001, 1.5, 19.9, 20.1, 39.9, 41]) {
      const lc = Math.log(0.3);
      expect(rel(cSinh(lc, s), 0.3 * Math.sinh(s))).toBeLessThan(1e-13);
      expect(rel(cCosh(lc, s), 0.3 * Math.cosh(s))).toBeLessThan(1e-13);
      expect(rel(cCoshm1(lc, s), 0.3 * (Math.cosh(s) - 1))).toBeLessThan(Math.abs(s) < 0.01 ? 1e-6 : 1e-12);
    }
    expect(rel(cCoshm1(0, 1e-4), 0.5e-8)).toBeLessThan(1e-7);
  });
  it('Q_α, its gradient (eq. 19), log scales, the separable potential and Q_μ', () => {
    const beta = [0.5, -1.2, 3];
    const w0 = [1, 2, -0.5];
    const alpha = 0.3;
    const lm = logScales(Math.log(alpha), 3, w0);
    for (let i = 0; i < 3; i++) expect(lm[i]).toBeCloseTo(2 * Math.log(alpha) + 2 * Math.log(Math.abs(w0[i])), 14);
    expect(Array.from(logScales(Math.log(alpha), 2))).toEqual([2 * Math.log(alpha), 2 * Math.log(alpha)]);
    const naive = beta.reduce((s, b, i) => {
      const m = alpha * alpha * w0[i] * w0[i];
      return s + m * q(b / m);
    }, 0);
    expect(rel(Qalpha(beta, alpha, w0), naive)).toBeLessThan(1e-13);
    expect(rel(QalphaLog(beta, Math.log(alpha), w0), naive)).toBeLessThan(1e-13);
    const g = gradQalphaLog(beta, Math.log(alpha), w0);
    for (let i = 0; i < 3; i++) {
      const f = (x: number) => Qalpha(beta.map((b, j) => (j === i ? x : b)), alpha, w0);
      expect(rel(fd(f, beta[i]), g[i])).toBeLessThan(1e-7);
      expect(g[i]).toBeCloseTo(Math.asinh(beta[i] / (2 * alpha * alpha * w0[i] * w0[i])), 12);
    }
    const tilt = [0.1, -0.2, 0.3];
    const psi = psiQ(Math.log(alpha), 3, w0, tilt);
    for (let i = 0; i < 3; i++) {
      const m = alpha * alpha * w0[i] * w0[i];
      const b = beta[i];
      expect(rel(psi.value!(i, b), m * q(b / m) - tilt[i] * b)).toBeLessThan(1e-13);
      expect(psi.grad(i, b)).toBeCloseTo(Math.asinh(b / (2 * m)) - tilt[i], 12);
      expect(rel(psi.hess!(i, b), fd((x) => psi.grad(i, x), b))).toBeLessThan(1e-7);
      // link is the inverse of the gradient, its derivative the inverse Hessian
      const s = psi.grad(i, b);
      expect(psi.gradInv(i, s)).toBeCloseTo(b, 12);
      expect(rel(psi.gradInvDeriv(i, s), 1 / psi.hess!(i, b))).toBeLessThan(1e-12);
      // Fenchel: ψ*(s) = s·b − ψ(b) at b = link(s)
      expect(rel(psi.conj!(i, s), s * b - psi.value!(i, b))).toBeLessThan(1e-9);
    }
    const psi0 = psiQ(0, 1);
    expect(psi0.grad(0, 1)).toBeCloseTo(Math.asinh(0.5), 14);
    expect(rel(Qmu([2, -1], 0.5), 0.25 * (q(8) + q(-4)))).toBeLessThan(1e-14);
  });
});

describe('q_D, h_D and Q^D_α (Woodworth App. E)', () => {
  for (const D of [3, 4, 7]) {
    it(`D=${D}: h_D formula, derivative, inverse; q_D = ∫ h_D⁻¹ on every branch; H_D = ∫ h_D`, () => {
      const p = pOf(D);
      expect(p).toBeCloseTo(D / (D - 2), 15);
      for (const s of [-0.95, -0.3, 0.01, 0.49, 0.51, 0.9, 0.999]) {
        expect(rel(hD(s, D), (1 - s) ** -p - (1 + s) ** -p)).toBeLessThan(1e-12);
        const hs = 1e-4 * (1 - Math.abs(s)); // step scaled to the distance from the pole at |s| = 1
        expect(rel(hDPrime(s, D), (hD(s + hs, D) - hD(s - hs, D)) / (2 * hs))).toBeLessThan(1e-6);
        const u = 1 - Math.abs(s);
        expect(rel(hDFromU(u, D), Math.abs(hD(s, D)))).toBeLessThan(1e-10);
        // (the panel quadrature is not accurate next to the pole: use it up to |s| = 0.9, the closed form beyond)
        if (Math.abs(s) <= 0.9) expect(rel(HD(s, D), integrate0((x) => hD(x, D), s))).toBeLessThan(1e-9);
        const m = 2 / (D - 2);
        expect(rel(HD(s, D), ((1 - Math.abs(s)) ** -m + (1 + Math.abs(s)) ** -m - 2) / m)).toBeLessThan(Math.abs(s) < 0.05 ? 1e-6 : 1e-11);
      }
      expect(hD(1, D)).toBe(Infinity);
      expect(hD(-1.5, D)).toBe(-Infinity);
      for (const z of [-1e4, -30, -1, 1e-4, 0.5, 3, 50, 1e6]) {
        const { s, u } = hDInvFull(z, D);
        expect(rel(hD(s, D), z)).toBeLessThan(1e-9);
        expect(u).toBeCloseTo(1 - Math.abs(s), 12);
        expect(hDInv(z, D)).toBe(s);
        if (Math.abs(z) < 1e5) expect(rel(qD(z, D), integrate0((t) => hDInv(t, D), z))).toBeLessThan(1e-8);
        expect(qD(-z, D)).toBeCloseTo(qD(z, D), 10);
      }
      expect(hDInvFull(0, D)).toEqual({ s: 0, u: 1 });
      expect(hDInvFull(Infinity, D)).toEqual({ s: 1, u: 0 });
      expect(hDInvFull(-Infinity, D)).toEqual({ s: -1, u: 0 });
      expect(qD(0, D)).toBe(0);
      // series branch (s ≤ 1/2) and direct branch agree across the switch
      const zHalf = hD(0.5, D);
      expect(rel(qD(zHalf * 0.999999, D), qD(zHalf * 1.000001, D))).toBeLessThan(1e-5);
    });
  }
  it('H_D series vs closed form at large p-parameter (D = 2.1 ⇒ m = 20 > 12 uses the closed form)', () => {
    const D = 2.1;
    for (const s of [0.2, 0.45]) expect(rel(HD(s, D), integrate0((x) => hD(x, D), s))).toBeLessThan(1e-8);
    for (const z of [0.5, 40]) expect(rel(qD(z, D), integrate0((t) => hDInv(t, D), z))).toBeLessThan(1e-7);
  });
  it('Q^D_α and its weighted separable potential', () => {
    const D = 3;
    const alpha = 0.4;
    const beta = [0.2, -0.7];
    const aD = alpha ** D;
    expect(rel(QDalpha(beta, alpha, D), aD * (qD(0.2 / aD, D) + qD(-0.7 / aD, D)))).toBeLessThan(1e-14);
    const w0 = [2, -0.5];
    const want = beta.reduce((s, b, i) => s + aD * w0[i] ** 2 * qD(b / (aD * Math.abs(w0[i]) ** D), D), 0);
    expect(rel(QDalpha(beta, alpha, D, w0), want)).toBeLessThan(1e-14);
    const psi = psiQD(alpha, D, 2, w0);
    const psi1 = psiQD(alpha, D, 1);
    expect(rel(psi1.value!(0, 0.3), aD * qD(0.3 / aD, D))).toBeLessThan(1e-14);
    expect(psi1.sBound!(0)).toBe(1);
    for (let i = 0; i < 2; i++) {
      const b = beta[i];
      expect(rel(psi.value!(i, b) , want - beta.reduce((s, bb, j) => (j === i ? s : s + aD * w0[j] ** 2 * qD(bb / (aD * Math.abs(w0[j]) ** D), D)), 0))).toBeLessThan(1e-9);
      expect(rel(psi.grad(i, b), fd((x) => psi.value!(i, x), b))).toBeLessThan(1e-6);
      expect(rel(psi.hess!(i, b), fd((x) => psi.grad(i, x), b))).toBeLessThan(1e-6);
      const s = psi.grad(i, b);
      expect(rel(psi.gradInv(i, s), b)).toBeLessThan(1e-10);
      expect(rel(psi.gradInvDeriv(i, s), 1 / psi.hess!(i, b))).toBeLessThan(1e-9);
      expect(rel(psi.conj!(i, s), s * b - psi.value!(i, b))).toBeLessThan(1e-8);
      expect(psi.sBound!(i)).toBeCloseTo(1 / Math.abs(w0[i]) ** (D - 2), 14);
    }
  });
});

describe('q_k, Q_k (Azulay Theorem 1) and q^WW', () => {
  const rs = [0.05, 1, 7];
  it('closed form = ½∫ asinh(2z/√k); derivatives; inverse link', () => {
    for (const r of rs)
      for (const x of [-3, -0.2, 1e-4, 0.8, 12]) {
        expect(rel(qk(x, r), 0.5 * integrate0((z) => Math.asinh((2 * z) / r), x))).toBeLessThan(1e-9);
        expect(rel(qk(x, r), (r / 4) * (1 - Math.sqrt(1 + (4 * x * x) / (r * r)) + ((2 * x) / r) * Math.asinh((2 * x) / r)))).toBeLessThan(Math.abs(x / r) < 0.01 ? 1e-4 : 1e-10);
        expect(rel(qkPrime(x, r), fd((t) => qk(t, r), x))).toBeLessThan(1e-7);
        expect(rel(qkSecond(x, r), fd((t) => qkPrime(t, r), x))).toBeLessThan(1e-6);
        expect(rel(qkPrimeInv(qkPrime(x, r), r), x)).toBeLessThan(1e-12);
      }
    expect(qk(0, 1)).toBe(0);
  });
  it('q^WW(z) = 2 − √(4+z²) + z asinh(z/2) = the Woodworth q', () => {
    for (const z of [-5, 0.3, 4]) {
      expect(rel(qWW(z), 2 - Math.sqrt(4 + z * z) + z * Math.asinh(z / 2))).toBeLessThan(1e-12);
      expect(rel(qWW(z), q(z))).toBeLessThan(1e-12);
    }
  });
  it('shift, objective (value, gradient, Hessian), trajectory and potential', () => {
    const r = [1, 2, 0.5];
    const w0 = [0.3, -1, 0];
    const b = qkShift(w0, r);
    for (let i = 0; i < 3; i++) expect(b[i]).toBeCloseTo(0.5 * Math.asinh((2 * w0[i]) / r[i]), 14);
    const obj = QkObjective(r, w0);
    const w = Float64Array.of(0.4, 0.9, -2);
    const want = [0, 1, 2].reduce((s, i) => s + qk(w[i], r[i]) - b[i] * w[i], 0);
    expect(rel(obj.f(w), want)).toBeLessThan(1e-14);
    const g = obj.grad(w);
    const H = obj.hess(w);
    for (let i = 0; i < 3; i++) {
      const f = (x: number) => obj.f(Float64Array.from(w, (v, j) => (j === i ? x : v)));
      expect(rel(g[i], fd(f, w[i]))).toBeLessThan(1e-7);
      expect(H[i][i]).toBeCloseTo(qkSecond(w[i], r[i]), 14);
      for (let j = 0; j < 3; j++) if (j !== i) expect(H[i][j]).toBe(0);
    }
    expect(Array.from(obj.gradAt(w))).toEqual(Array.from(g));
    expect(rel(QkObjective(r).f(w), [0, 1, 2].reduce((s, i) => s + qk(w[i], r[i]), 0))).toBeLessThan(1e-14);
    const nu = [0.1, -0.3, 0.2];
    const tr = qkTrajectory(nu, r, w0);
    const tr0 = qkTrajectory(nu, r);
    for (let i = 0; i < 3; i++) {
      expect(tr[i]).toBeCloseTo((r[i] / 2) * Math.sinh(2 * nu[i] + Math.asinh((2 * w0[i]) / r[i])), 13);
      expect(tr0[i]).toBeCloseTo((r[i] / 2) * Math.sinh(2 * nu[i]), 13);
    }
    const psi = qkPotential(r, w0);
    for (let i = 0; i < 3; i++) {
      const x = w[i];
      expect(rel(psi.value!(i, x), qk(x, r[i]) - b[i] * x)).toBeLessThan(1e-14);
      const s = psi.grad(i, x);
      expect(s).toBeCloseTo(qkPrime(x, r[i]) - b[i], 14);
      expect(rel(psi.gradInv(i, s), x)).toBeLessThan(1e-12);
      expect(rel(psi.gradInvDeriv(i, s), 1 / psi.hess!(i, x))).toBeLessThan(1e-12);
      expect(rel(psi.conj!(i, s), s * x - psi.value!(i, x))).toBeLessThan(1e-12);
    }
    expect(qkPotential(r).grad(0, 0.4)).toBeCloseTo(qkPrime(0.4, 1), 14);
  });
});

describe('R_α (Woodworth eqs. (8)–(9)) and the quartic', () => {
  it('coefficients, roots, smallest real root = parametric = brute force', () => {
    expect(quarticCoeffs(2)).toEqual([1, -6, 4, -48, 20]);
    for (const z of [-6, -0.5, 0.1, 1, 3, 40]) {
      const rp = rParam(z);
      expect(rel(rp, rBrute(z))).toBeLessThan(1e-6);
      expect(rel(rQuartic(z), rp)).toBeLessThan(1e-8);
      const { real, complex } = quarticRoots(z);
      expect(real.length + complex.length).toBe(4);
      const [c4, c3, c2, c1, c0] = quarticCoeffs(z);
      const P = (u: number) => (((c4 * u + c3) * u + c2) * u + c1) * u + c0;
      for (const u of real) expect(Math.abs(P(u)) / Math.max(1, Math.abs(c0), u ** 4)).toBeLessThan(1e-9);
      for (let k = 1; k < real.length; k++) expect(real[k]).toBeGreaterThanOrEqual(real[k - 1]);
      // r = q_4 (derived): the parametric value equals the order-4 regularizer
      expect(rel(rp, qD(Math.abs(z), 4))).toBeLessThan(1e-9);
    }
    expect(rParam(0)).toBe(0);
  });
  it('R_α = Σ α²w0² r(β/(α²w0²)); the literal form lacks the α² factor', () => {
    const beta = [0.5, -2];
    const alpha = 0.7;
    const a2 = alpha * alpha;
    expect(rel(Ralpha(beta, alpha), a2 * (rParam(0.5 / a2) + rParam(-2 / a2)))).toBeLessThan(1e-14);
    const w0 = [2, 0.5];
    expect(rel(Ralpha(beta, alpha, w0), a2 * 4 * rParam(0.5 / (a2 * 4)) + a2 * 0.25 * rParam(-2 / (a2 * 0.25)))).toBeLessThan(1e-14);
    expect(rel(RalphaLiteral(beta, alpha), rParam(0.5 / a2) + rParam(-2 / a2))).toBeLessThan(1e-14);
  });
});

describe('minimum-norm interpolants', () => {
  const rng = new Rng(909);
  it('minL2 = X⁺y interpolates and lies in the row space; weighted version satisfies its KKT conditions', () => {
    const X = Array.from({ length: 2 }, () => Array.from(rng.normals(4)));
    const y = [1, -0.5];
    const b = minL2(X, y);
    for (let n = 0; n < 2; n++) expect(X[n].reduce((s, v, i) => s + v * b[i], 0)).toBeCloseTo(y[n], 10);
    // b = Xᵀλ: the residual of projecting b onto the row space is 0
    const G = X.map((a) => X.map((c) => a.reduce((s, v, i) => s + v * c[i], 0)));
    const det = G[0][0] * G[1][1] - G[0][1] * G[1][0];
    const lam = [(G[1][1] * y[0] - G[0][1] * y[1]) / det, (G[0][0] * y[1] - G[1][0] * y[0]) / det];
    for (let i = 0; i < 4; i++) expect(b[i]).toBeCloseTo(lam[0] * X[0][i] + lam[1] * X[1][i], 10);
    const omega = [1, 2, 0.5, 3];
    const bw = minWeightedL2(X, y, omega);
    for (let n = 0; n < 2; n++) expect(X[n].reduce((s, v, i) => s + v * bw[i], 0)).toBeCloseTo(y[n], 10);
    // KKT: β_i/ω_i = (Xᵀμ)_i for some μ — solve for μ from two coordinates, check the others
    const r = bw.map((v, i) => v / omega[i]);
    const A = [
      [X[0][0], X[1][0]],
      [X[0][1], X[1][1]],
    ];
    const dA = A[0][0] * A[1][1] - A[0][1] * A[1][0];
    const mu = [(A[1][1] * r[0] - A[0][1] * r[1]) / dA, (A[0][0] * r[1] - A[1][0] * r[0]) / dA];
    for (let i = 2; i < 4; i++) expect(r[i]).toBeCloseTo(mu[0] * X[0][i] + mu[1] * X[1][i], 9);
    // ω = 1 reduces to minL2
    const b1 = minWeightedL2(X, y, [1, 1, 1, 1]);
    for (let i = 0; i < 4; i++) expect(b1[i]).toBeCloseTo(b[i], 10);
  });
  it('Min et al. (11): the three routes agree on rank-deficient data; the least-squares residual', () => {
    // rank 2 data, n = 4, d = 3
    const B = Matrix.from1DArray(4, 2, Array.from(rng.normals(8)));
    const C = Matrix.from1DArray(2, 3, Array.from(rng.normals(6)));
    const X = B.mmul(C);
    const Y = Matrix.from1DArray(4, 2, Array.from(rng.normals(8)));
    const T1 = minNormGram(X, Y);
    const T2 = minNormPinv(X, Y);
    const T3 = minNormFromDecomposition(decomposeData(X), Y);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 2; j++) {
        expect(T1.get(i, j)).toBeCloseTo(T2.get(i, j), 8);
        expect(T3.get(i, j)).toBeCloseTo(T2.get(i, j), 8);
      }
    // normal equations Xᵀ(XΘ − Y) = 0
    const NE = X.transpose().mmul(X.mmul(T2).sub(Y));
    expect(Math.max(...NE.to1DArray().map(Math.abs))).toBeLessThan(1e-9);
    const R = Y.clone().sub(X.mmul(T2));
    expect(lsResidual(X, Y, T2)).toBeCloseTo(0.5 * R.to1DArray().reduce((s, v) => s + v * v, 0), 12);
    expect(lsResidual(X, Y, T2)).toBeGreaterThan(0);
  });
});
