// YUN-T1 rate certificate (properties/yun2021/t1Rate.ts): the linearised prediction checked on a flow where it is
// exact (A fixed), and the certificate shown to refuse a stalled angle and a wrong rate.
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { integrateOde } from '../src/flow/index.js';
import { Rng } from '../src/random/rng.js';
import { sTimeSimpson, t1RateCertificate, type RatePoint } from '../properties/yun2021/t1Rate.js';

/** dv₁/dτ = A v₂/‖Θ‖, dv₂/dτ = Aᵀv₁/‖Θ‖ with A fixed (k₁ × k₂): the normalised L = 2 flow with settled weights. */
function fixedAFlow(A: number[][], theta0: Float64Array, taus: number[]) {
  const k1 = A.length;
  const k2 = A[0].length;
  const rhs = (_t: number, y: Float64Array, out: Float64Array) => {
    let n2 = 0;
    for (const v of y) n2 += v * v;
    const inv = 1 / Math.sqrt(n2);
    for (let i = 0; i < k1; i++) {
      let s = 0;
      for (let j = 0; j < k2; j++) s += A[i][j] * y[k1 + j];
      out[i] = s * inv;
    }
    for (let j = 0; j < k2; j++) {
      let s = 0;
      for (let i = 0; i < k1; i++) s += A[i][j] * y[i];
      out[k1 + j] = s * inv;
    }
  };
  return integrateOde(rhs, theta0, { tMax: taus[taus.length - 1], tEval: taus, rtol: 1e-12, atol: 1e-14 });
}

function ratePoint(A: number[][], y: Float64Array, tau: number): RatePoint {
  const k1 = A.length;
  const svd = new SingularValueDecomposition(new Matrix(A), { autoTranspose: true });
  const v1 = Array.from(y.subarray(0, k1));
  const v2 = Array.from(y.subarray(k1));
  const tanTo = (v: number[], top: number[]) => {
    const n = Math.hypot(...v);
    const c = Math.abs(v.reduce((a, x, i) => a + x * top[i], 0)) / n;
    return Math.sqrt(1 - c * c) / c;
  };
  return {
    tau,
    normTheta: Math.hypot(...y),
    t: Math.max(tanTo(v1, svd.leftSingularVectors.getColumn(0)), tanTo(v2, svd.rightSingularVectors.getColumn(0))),
    gap: svd.diagonal[0] - svd.diagonal[1],
  };
}

describe('YUN-T1 rate certificate', () => {
  // A 2×5 matrix with σ₁ = 1, σ₂ = 0.85 (a slow draw: t ∝ τ^{−0.15}), random singular bases.
  const rng = new Rng(20211);
  const orth = (n: number) => {
    const m = new Matrix(Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal())));
    return new SingularValueDecomposition(m).leftSingularVectors;
  };
  const U = orth(2);
  const V = orth(5);
  const A = Array.from({ length: 2 }, (_, i) => Array.from({ length: 5 }, (_, j) => U.get(i, 0) * V.get(j, 0) + 0.85 * U.get(i, 1) * V.get(j, 1)));
  const theta0 = Float64Array.from({ length: 7 }, () => rng.normal());
  const taus = [1.5e4, Math.sqrt(1.5e4 * 3e4), 3e4];
  const run = fixedAFlow(A, theta0, taus);
  const pts = run.ys.map((y, k) => ratePoint(A, y, taus[k]));

  it('meets the predicted rate −(σ₁ − σ₂) in s = ∫dτ/‖Θ‖ to 1e-3 on the exactly linear flow, and is certified', () => {
    expect(run.ys.length).toBe(3);
    const c = t1RateCertificate(pts[0], pts[1], pts[2]);
    expect(c.certified).toBe(true);
    // The two-mode prediction is exact up to the e^{−2σ₂s} mode (≈ τ^{−1.7} here): independent of the certificate's
    // factor ½, the observed slope equals −0.15.
    expect(Math.abs(c.slope + 0.15)).toBeLessThan(1.5e-4);
    // In τ: t ∝ τ^{−(1−σ₂/σ₁)} = τ^{−0.15}.
    const tauSlope = Math.log(pts[2].t / pts[0].t) / Math.log(2);
    expect(Math.abs(tauSlope + 0.15)).toBeLessThan(5e-3);
  });

  it('Δs by Simpson in ln τ equals ln(τ_b/τ_a)/σ when ‖Θ‖ = στ exactly', () => {
    const p = (tau: number): RatePoint => ({ tau, normTheta: 2 * tau, t: 1, gap: 1 });
    expect(sTimeSimpson(p(1e4), p(Math.sqrt(3e8)), p(3e4))).toBeCloseTo(Math.log(3) / 2, 12);
  });

  it('refuses a stalled angle (slope 0), the signature of a flow not approaching a singular pair', () => {
    const stalled = pts.map((p) => ({ ...p, t: pts[0].t }));
    const c = t1RateCertificate(stalled[0], stalled[1], stalled[2]);
    expect(c.certified).toBe(false);
    expect(c.reason).toMatch(/slower than predicted/);
  });

  it('falsifier: a wrong predicted rate σ₁ (instead of σ₁ − σ₂) is not met by the flow', () => {
    const wrong = pts.map((p) => ({ ...p, gap: 1 }));
    expect(t1RateCertificate(wrong[0], wrong[1], wrong[2]).certified).toBe(false);
  });

  it('refuses a gap too small to separate from the integrator allowance, and degenerate windows', () => {
    const tiny = pts.map((p) => ({ ...p, gap: 1e-9 }));
    expect(t1RateCertificate(tiny[0], tiny[1], tiny[2]).certified).toBe(false);
    const zero = pts.map((p) => ({ ...p, t: 0 }));
    expect(t1RateCertificate(zero[0], zero[1], zero[2]).certified).toBe(false);
  });
});
