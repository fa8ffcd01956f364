import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { Rng } from '../src/random/rng.js';
import { checkGradientFD, componentwiseInvariantDrift, gradientDescent, integrateFlow, integrateOde } from '../src/flow/index.js';
import type { FlowModel, FlowOptions } from '../src/flow/index.js';
import { fromFlat, gaussianMatrix, randomOrthogonal, singularValues, symEig } from '../src/linalg/index.js';

// ---------------------------------------------------------------- tiny test models (local to this file)

/** L = ½ θᵀAθ with A = Q diag(λ) Qᵀ: θ(t) = Q e^{−Λt} Qᵀ θ₀ exactly. */
function quadratic(lams: number[], seed: number) {
  const d = lams.length;
  const Q = randomOrthogonal(new Rng(seed), d);
  const A = Q.mmul(Matrix.diag(lams)).mmul(Q.transpose());
  const a = A.to1DArray();
  const model: FlowModel = {
    dim: d,
    loss(th) {
      let s = 0;
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) s += th[i] * a[i * d + j] * th[j];
      return 0.5 * s;
    },
    grad(th, out) {
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += a[i * d + j] * th[j];
        out[i] = s;
      }
    },
  };
  const exact = (th0: Float64Array, t: number): Float64Array => {
    const c = Q.transpose().mmul(Matrix.columnVector(Array.from(th0)));
    for (let i = 0; i < d; i++) c.set(i, 0, c.get(i, 0) * Math.exp(-lams[i] * t));
    return Float64Array.from(Q.mmul(c).to1DArray());
  };
  return { model, exact };
}

/** 2-layer scalar product L = ½(y − a·b)²; a² − b² is conserved by the flow. */
function scalarProduct(y: number): FlowModel {
  return {
    dim: 2,
    loss: (th) => 0.5 * (y - th[0] * th[1]) ** 2,
    grad(th, out) {
      const r = th[0] * th[1] - y;
      out[0] = r * th[1];
      out[1] = r * th[0];
    },
    invariants: (th) => Float64Array.of(th[0] * th[0] - th[1] * th[1]),
  };
}

/** Matrix factorization L = ½‖Y − U Vᵀ‖_F², θ = [U (n×m), V (d×m)] row-major; Λ = UᵀU − VᵀV conserved. */
function factorization(Y: Matrix, m: number): FlowModel {
  const n = Y.rows;
  const d = Y.columns;
  const y = Y.to1DArray();
  const R = new Float64Array(n * d);
  const residual = (th: Float64Array) => {
    for (let i = 0; i < n; i++)
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += th[i * m + k] * th[n * m + j * m + k];
        R[i * d + j] = s - y[i * d + j];
      }
  };
  return {
    dim: (n + d) * m,
    loss(th) {
      residual(th);
      let s = 0;
      for (let i = 0; i < n * d; i++) s += R[i] * R[i];
      return 0.5 * s;
    },
    grad(th, out) {
      residual(th);
      const off = n * m;
      out.fill(0);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < d; j++) {
          const r = R[i * d + j];
          for (let k = 0; k < m; k++) {
            out[i * m + k] += r * th[off + j * m + k];
            out[off + j * m + k] += r * th[i * m + k];
          }
        }
    },
    invariants(th) {
      const U = fromFlat(th, n, m);
      const V = fromFlat(th, d, m, n * m);
      return Float64Array.from(U.transpose().mmul(U).sub(V.transpose().mmul(V)).to1DArray());
    },
  };
}

function maxAbs(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

// ---------------------------------------------------------------- dopri5 accuracy

describe('dopri5 on a linear gradient flow with a known solution', () => {
  const lams = [3, 1, 0.4, 0.05, 2];
  const { model, exact } = quadratic(lams, 17);
  const th0 = new Rng(4).normals(5);
  const T = 4;

  it('global error tracks the tolerance (tolerance proportionality)', () => {
    const errs: number[] = [];
    for (const rtol of [1e-6, 1e-8, 1e-10, 1e-12]) {
      const sol = integrateFlow(model, th0, { rtol, atol: rtol * 1e-2, tMax: T });
      expect(sol.status).toBe('max-time');
      expect(sol.t).toBe(T); // lands exactly on tMax
      const err = maxAbs(sol.theta, exact(th0, T));
      errs.push(err);
      // Local errors are controlled to rtol·|θ| per step and damped by the contracting flow, so the
      // global error is a small multiple of rtol·‖θ₀‖ (10× slack for the per-step RMS norm).
      expect(err).toBeLessThan(10 * rtol * Math.max(1, Math.max(...th0.map(Math.abs))));
    }
    // each 100× tighter tolerance buys ≥ 10× accuracy (until round-off)
    for (let i = 1; i < errs.length - 1; i++) expect(errs[i]).toBeLessThan(errs[i - 1] / 10);
  });

  it('dense output is accurate between steps (4th-order interpolant, not linear)', () => {
    const rtol = 1e-7;
    const rng = new Rng(8);
    const tEval = Array.from({ length: 60 }, () => rng.range(0, T)).sort((a, b) => a - b);
    const sol = integrateFlow(model, th0, { rtol, atol: rtol * 1e-2, tMax: T, tEval });
    expect(sol.evalIndex!.every((k) => k >= 0)).toBe(true);
    let worst = 0;
    tEval.forEach((t, j) => {
      const k = sol.evalIndex![j];
      expect(sol.ts[k]).toBe(t);
      worst = Math.max(worst, maxAbs(sol.thetas[k], exact(th0, t)));
      expect(sol.losses[k]).toBeCloseTo(model.loss(sol.thetas[k]), 14);
    });
    // The continuous extension has order 4: its error is a modest multiple of the step tolerance.
    expect(worst).toBeLessThan(50 * rtol);
    // Linear interpolation between the accepted steps of the same run is far worse: the steps are long.
    const steps = integrateFlow(model, th0, { rtol, atol: rtol * 1e-2, tMax: T });
    let linWorst = 0;
    for (const t of tEval) {
      const i = steps.ts.findIndex((s) => s >= t);
      if (i <= 0) continue;
      const s = (t - steps.ts[i - 1]) / (steps.ts[i] - steps.ts[i - 1]);
      const lin = steps.thetas[i - 1].map((v, c) => (1 - s) * v + s * steps.thetas[i][c]);
      linWorst = Math.max(linWorst, maxAbs(lin, exact(th0, t)));
    }
    expect(linWorst).toBeGreaterThan(100 * worst);
    // recording tEval does not change the trajectory
    expect(maxAbs(sol.theta, steps.theta)).toBe(0);
  });

  it('counts gradient evaluations exactly (FSAL: 6 per attempt + 2 for the initial derivative and step guess)', () => {
    let calls = 0;
    const counted: FlowModel = { ...model, grad: (th, out) => (calls++, model.grad(th, out)) };
    const sol = integrateFlow(counted, th0, { tMax: T });
    expect(sol.stats.rhsEvals).toBe(calls);
    expect(calls).toBe(2 + 6 * (sol.stats.steps + sol.stats.rejected));
    calls = 0;
    const r = integrateFlow(counted, th0, { method: 'rk4', h: 0.1, tMax: 1 });
    expect(r.stats.steps).toBe(10);
    expect(calls).toBe(40);
    expect(r.stats.rhsEvals).toBe(40);
  });
});

describe('fused lossAndGrad', () => {
  it('gives the same trajectory and saves the per-step loss evaluation in dopri5', () => {
    const { model } = quadratic([2, 1, 0.5], 11);
    let lossCalls = 0;
    const counting: FlowModel = { ...model, loss: (t) => (lossCalls++, model.loss(t)) };
    const fused: FlowModel = { ...counting, lossAndGrad: (t, out) => (model.grad(t, out), model.loss(t)) };
    const th0 = Float64Array.of(1, 2, -1);
    const a = integrateFlow(counting, th0, { tMax: 3 });
    const callsPlain = lossCalls;
    lossCalls = 0;
    const b = integrateFlow(fused, th0, { tMax: 3 });
    expect(maxAbs(a.theta, b.theta)).toBe(0);
    expect(a.losses).toEqual(b.losses);
    expect(callsPlain).toBe(a.stats.steps + 1);
    expect(lossCalls).toBe(1); // only the initial state
  });
});

// ---------------------------------------------------------------- orders of the fixed-step methods

describe('empirical order of convergence', () => {
  const model = scalarProduct(1.5);
  const th0 = Float64Array.of(0.3, 1.4);
  const T = 2;
  // Computed inside the tests (lazily), not at collection time, so mutation testing can tell which
  // test covers which line of the integrator.
  let cached: Float64Array | undefined;
  const reference = () => (cached ??= integrateFlow(model, th0, { rtol: 1e-13, atol: 1e-15, tMax: T }).theta);
  const errAt = (method: FlowOptions['method'], h: number) =>
    maxAbs(integrateFlow(model, th0, { method, h, tMax: T }).theta, reference());
  // Halving h divides the global error by 2^p; asymptotic ratio band ±20% around 2^p.
  it('rk4: ratio ≈ 16', () => {
    const r = errAt('rk4', 0.1) / errAt('rk4', 0.05);
    const r2 = errAt('rk4', 0.05) / errAt('rk4', 0.025);
    expect(r2).toBeGreaterThan(16 * 0.8);
    expect(r2).toBeLessThan(16 * 1.2);
    expect(r).toBeGreaterThan(10);
  });
  it('gauss2: ratio ≈ 16', () => {
    const r = errAt('gauss2', 0.1) / errAt('gauss2', 0.05);
    expect(r).toBeGreaterThan(16 * 0.8);
    expect(r).toBeLessThan(16 * 1.2);
  });
  it('euler: ratio ≈ 2', () => {
    const r = errAt('euler', 0.01) / errAt('euler', 0.005);
    expect(r).toBeGreaterThan(2 * 0.9);
    expect(r).toBeLessThan(2 * 1.1);
  });
  it('dopri5 error at a fixed initial h shrinks with rtol (adaptivity works from any initial guess)', () => {
    const e1 = maxAbs(integrateFlow(model, th0, { h: 0.5, rtol: 1e-6, atol: 1e-8, tMax: T }).theta, reference());
    const e2 = maxAbs(integrateFlow(model, th0, { h: 0.5, rtol: 1e-9, atol: 1e-11, tMax: T }).theta, reference());
    expect(e2).toBeLessThan(e1 / 100);
  });
});

// ---------------------------------------------------------------- invariants

describe('quadratic invariants', () => {
  it('gauss2 conserves a² − b² to ~1e-12; rk4 and euler drift', () => {
    const model = scalarProduct(2);
    const th0 = Float64Array.of(0.1, 1.9);
    const opts = { h: 0.05, tMax: 20, lossTol: -1 }; // never 'converged': integrate the whole horizon
    const g = integrateFlow(model, th0, { ...opts, method: 'gauss2' });
    const r = integrateFlow(model, th0, { ...opts, method: 'rk4' });
    const e = integrateFlow(model, th0, { ...opts, method: 'euler' });
    // Stage solve to ~4ε relative per step, 400 steps: random-walk round-off ≪ 1e-12.
    expect(g.invariantDrift).toBeLessThan(1e-12);
    expect(r.invariantDrift).toBeGreaterThan(1e-9);
    expect(e.invariantDrift).toBeGreaterThan(1e-4);
    expect(g.status).toBe('max-time');
  });
  it('gauss2 (fixed and adaptive) conserves Λ = UᵀU − VᵀV of matrix factorization', () => {
    const rng = new Rng(21);
    const Y = gaussianMatrix(rng, 4, 5);
    const model = factorization(Y, 2);
    const th0 = rng.normals(model.dim, 0.5);
    const fixed = integrateFlow(model, th0, { method: 'gauss2', h: 0.02, tMax: 10 });
    expect(fixed.invariantDrift).toBeLessThan(1e-12);
    const adapt = integrateFlow(model, th0, { method: 'gauss2', rtol: 1e-8, atol: 1e-10, tMax: 10 });
    expect(adapt.invariantDrift).toBeLessThan(1e-12);
    expect(adapt.stats.steps).toBeLessThan(fixed.stats.steps);
    // both are accurate solutions of the same flow
    const ref = integrateFlow(model, th0, { rtol: 1e-12, atol: 1e-14, tMax: 10 });
    expect(maxAbs(adapt.theta, ref.theta)).toBeLessThan(1e-5);
    expect(maxAbs(fixed.theta, ref.theta)).toBeLessThan(1e-5);
    // dopri5 at tight tolerance drifts at the tolerance level, not exactly zero
    expect(ref.invariantDrift).toBeLessThan(1e-9);
    const euler = integrateFlow(model, th0, { method: 'euler', h: 0.02, tMax: 10 });
    expect(euler.invariantDrift).toBeGreaterThan(1e-4);
  });
  it('gauss2 halves the step when the fixed-point iteration cannot contract', () => {
    // stiff linear flow: h·λ = 50 ≫ 1 makes fixed-point iteration diverge at the nominal h
    const { model, exact } = quadratic([100, 1], 3);
    const th0 = Float64Array.of(1, 1);
    const sol = integrateFlow(model, th0, { method: 'gauss2', h: 0.5, tMax: 2 });
    expect(sol.status).toBe('max-time');
    expect(sol.stats.rejected).toBeGreaterThan(0);
    expect(maxAbs(sol.theta, exact(th0, 2))).toBeLessThan(1e-3);
  });
});

// ---------------------------------------------------------------- statuses

describe('stopping rules and statuses', () => {
  const { model } = quadratic([1, 0.5], 5);
  const th0 = Float64Array.of(1, -1);
  it('converged by lossTol, not before tMin', () => {
    const s = integrateFlow(model, th0, { lossTol: 1e-10 });
    expect(s.status).toBe('converged');
    expect(s.loss).toBeLessThanOrEqual(1e-10);
    const s2 = integrateFlow(model, th0, { lossTol: 1e-10, tMin: 100 });
    expect(s2.status).toBe('converged');
    expect(s2.t).toBeGreaterThanOrEqual(100);
    expect(s.t).toBeLessThan(100);
  });
  it('converged by gradTol', () => {
    const s = integrateFlow(model, th0, { gradTol: 1e-6 });
    expect(s.status).toBe('converged');
    expect(s.gradNorm!).toBeLessThanOrEqual(1e-6);
    for (const method of ['rk4', 'gauss2'] as const) {
      const r = integrateFlow(model, th0, { method, h: 0.1, gradTol: 1e-6 });
      expect(r.status).toBe('converged');
      expect(r.gradNorm!).toBeLessThanOrEqual(1e-6);
    }
  });
  it('max-time lands exactly on tMax for every method', () => {
    for (const method of ['dopri5', 'rk4', 'euler', 'gauss2'] as const) {
      const s = integrateFlow(model, th0, { method, h: 0.03, tMax: 1.01 });
      expect(s.status).toBe('max-time');
      expect(s.t).toBe(1.01);
      expect(s.ts[s.ts.length - 1]).toBe(1.01);
      expect(s.ts[0]).toBe(0);
    }
  });
  it('fixed-step methods hit tEval exactly', () => {
    const tEval = [0, 0.25, 0.333, 1];
    const s = integrateFlow(model, th0, { method: 'rk4', h: 0.1, tMax: 1, tEval });
    expect(s.evalIndex!.map((k) => s.ts[k])).toEqual(tEval);
    const g = integrateFlow(model, th0, { method: 'gauss2', tMax: 1, tEval }); // adaptive gauss2 lands too
    expect(g.evalIndex!.map((k) => g.ts[k])).toEqual(tEval);
    const ref = integrateFlow(model, th0, { tMax: 1, tEval });
    tEval.forEach((_, j) => expect(maxAbs(g.thetas[g.evalIndex![j]], ref.thetas[ref.evalIndex![j]])).toBeLessThan(1e-8));
  });
  it('max-steps and wall-time', () => {
    expect(integrateFlow(model, th0, { maxSteps: 5 }).status).toBe('max-steps');
    expect(integrateFlow(model, th0, { maxSteps: 5 }).stats.steps).toBe(5);
    expect(integrateFlow(model, th0, { method: 'euler', h: 1e-6, wallSeconds: 0 }).status).toBe('wall-time');
  });
  it('diverged: exponential growth passes divergeNorm; finite-time blow-up collapses the step', () => {
    const expo: FlowModel = { dim: 1, lossFloor: -Infinity, loss: (t) => -0.5 * t[0] ** 2, grad: (t, g) => void (g[0] = -t[0]) };
    const e = integrateFlow(expo, Float64Array.of(1), {});
    expect(e.status).toBe('diverged');
    // θ = eᵗ crosses 1e12 at t = ln 1e12; the run stops at the end of that step
    expect(e.t).toBeGreaterThanOrEqual(Math.log(1e12));
    expect(e.t).toBeLessThan(Math.log(1e12) + 0.5);
    // L = −θ⁴: θ' = 4θ³, θ(t) = (θ₀⁻² − 8t)^{−1/2} blows up at t* = 1/(8θ₀²) = 0.125
    const quart: FlowModel = { dim: 1, lossFloor: -Infinity, loss: (t) => -(t[0] ** 4), grad: (t, g) => void (g[0] = -4 * t[0] ** 3) };
    for (const method of ['dopri5', 'gauss2'] as const) {
      const q = integrateFlow(quart, Float64Array.of(1), { method });
      expect(q.status).toBe('diverged');
      expect(q.t).toBeCloseTo(0.125, 8);
    }
    const r = integrateFlow(quart, Float64Array.of(1), { method: 'rk4', h: 1e-3 });
    expect(r.status).toBe('diverged');
    expect(integrateFlow(quart, Float64Array.of(1), { divergeNorm: 10 }).status).toBe('diverged');
  });
  it('step-underflow on a discontinuous gradient with an impossible tolerance', () => {
    // L = |θ|: θ' = −sign θ chatters at 0; the local error ~ h cannot meet atol = 1e-30.
    const abs: FlowModel = { dim: 1, loss: (t) => Math.abs(t[0]), grad: (t, g) => void (g[0] = Math.sign(t[0])) };
    const s = integrateFlow(abs, Float64Array.of(1), { rtol: 1e-14, atol: 1e-30, tMax: 2 });
    expect(s.status).toBe('step-underflow');
    expect(s.t).toBeCloseTo(1, 6);
  });
  it('an exact stationary point that is not a minimum: constant solution, max-time', () => {
    const f = factorization(new Matrix([[1, 2], [3, 4]]), 1);
    const zero = new Float64Array(f.dim);
    const a = integrateFlow(f, zero, { tMax: 50 });
    expect(a.status).toBe('max-time');
    expect(a.t).toBe(50);
    expect(a.loss).toBe(f.loss(zero));
    const b = integrateFlow(f, zero, {});
    expect(b.status).toBe('max-time');
    expect(b.message).toMatch(/stationary/);
    // a tiny perturbation escapes the saddle and converges
    // to the best rank-1 fit (Eckart–Young): L* = ½σ₂² of Y
    const c = integrateFlow(f, Float64Array.from(zero, (_, i) => 1e-8 * (i + 1)), { tMax: 200 });
    const s2 = singularValues(new Matrix([[1, 2], [3, 4]]))[1];
    expect(c.status).toBe('max-time');
    expect(Math.abs(c.loss - 0.5 * s2 * s2)).toBeLessThan(1e-9);
  });
  it('initial state already converged or non-finite', () => {
    expect(integrateFlow(model, Float64Array.of(0, 0), {}).status).toBe('converged');
    expect(integrateFlow(model, Float64Array.of(NaN, 0), {}).status).toBe('diverged');
  });
});

// ---------------------------------------------------------------- long horizons and recording

describe('long horizons', () => {
  it('L = ¼θ⁴ reaches t = 1e6 with few steps and tracks θ(t) = θ₀/√(1 + 2θ₀²t)', () => {
    const quartic: FlowModel = { dim: 1, loss: (t) => 0.25 * t[0] ** 4, grad: (t, g) => void (g[0] = t[0] ** 3) };
    const tEval = [1, 10, 1e3, 1e5, 1e6];
    const s = integrateFlow(quartic, Float64Array.of(1), { tMax: 1e6, tEval });
    expect(s.status).toBe('max-time');
    expect(s.stats.steps).toBeLessThan(2000);
    tEval.forEach((t, j) => {
      const exact = 1 / Math.sqrt(1 + 2 * t);
      expect(Math.abs(s.thetas[s.evalIndex![j]][0] - exact) / exact).toBeLessThan(1e-8);
    });
  });
  it("θ' = −εθ (ε = 1e-6) to t = 1e7 in a handful of steps", () => {
    const slow: FlowModel = { dim: 2, loss: (t) => 0.5e-6 * (t[0] ** 2 + t[1] ** 2), grad: (t, g) => ((g[0] = 1e-6 * t[0]), (g[1] = 1e-6 * t[1])) as unknown as void };
    const s = integrateFlow(slow, Float64Array.of(1, -2), { tMax: 1e7 });
    expect(s.status).toBe('max-time');
    expect(s.stats.steps).toBeLessThan(1000);
    expect(Math.abs(s.theta[0] - Math.exp(-10)) / Math.exp(-10)).toBeLessThan(1e-7);
  });
  it('records t = 0, the final point and at most ~2000 thinned steps', () => {
    const { model } = quadratic([1, 2], 9);
    const s = integrateFlow(model, Float64Array.of(1, 1), { method: 'euler', h: 1e-3, tMax: 10 });
    expect(s.stats.steps).toBe(10000);
    expect(s.ts.length).toBeLessThanOrEqual(2001);
    expect(s.ts.length).toBeGreaterThan(1000);
    expect(s.ts[0]).toBe(0);
    expect(s.ts[s.ts.length - 1]).toBe(10);
    for (let i = 1; i < s.ts.length; i++) expect(s.ts[i]).toBeGreaterThan(s.ts[i - 1]);
    expect(s.thetas.length).toBe(s.ts.length);
    expect(s.losses[s.losses.length - 1]).toBe(s.loss);
    const every = integrateFlow(model, Float64Array.of(1, 1), { method: 'euler', h: 1e-3, tMax: 1, recordEvery: 100 });
    expect(every.ts.length).toBe(11);
  });
});

// ---------------------------------------------------------------- gradient descent and FD check

describe('gradientDescent and checkGradientFD', () => {
  const { model } = quadratic([1, 0.5, 0.1], 2);
  const th0 = Float64Array.of(1, 2, 3);
  it('matches a hand-written iteration, t = k·η', () => {
    const eta = 0.3;
    const s = gradientDescent(model, th0, { eta, steps: 25 });
    const th = Float64Array.from(th0);
    const g = new Float64Array(3);
    for (let k = 0; k < 25; k++) {
      model.grad(th, g);
      for (let i = 0; i < 3; i++) th[i] -= eta * g[i];
    }
    expect(maxAbs(s.theta, th)).toBe(0);
    expect(s.status).toBe('max-steps');
    expect(s.t).toBeCloseTo(25 * eta, 12);
    expect(s.ts.length).toBe(26);
    expect(s.stats.rhsEvals).toBe(25);
  });
  it('converged and diverged statuses', () => {
    expect(gradientDescent(model, th0, { eta: 1, steps: 10000, lossTol: 1e-12 }).status).toBe('converged');
    // η > 2/λ_max = 2 is unstable
    expect(gradientDescent(model, th0, { eta: 2.5, steps: 10000 }).status).toBe('diverged');
  });
  it('GD drifts off the flow invariant by O(η²) per step', () => {
    const m = scalarProduct(1);
    const a = gradientDescent(m, Float64Array.of(0.2, 1.1), { eta: 0.02, steps: 200 });
    const b = gradientDescent(m, Float64Array.of(0.2, 1.1), { eta: 0.01, steps: 400 });
    expect(a.invariantDrift).toBeGreaterThan(0);
    // same horizon, half the step: total drift ≈ halves (η² per step × T/η steps)
    expect(a.invariantDrift / b.invariantDrift).toBeGreaterThan(1.6);
    expect(a.invariantDrift / b.invariantDrift).toBeLessThan(2.4);
  });
  it('checkGradientFD accepts a correct gradient and rejects a 1% error', () => {
    const rng = new Rng(31);
    const f = factorization(gaussianMatrix(rng, 3, 4), 2);
    const th = rng.normals(f.dim);
    expect(checkGradientFD(f, th)).toBeLessThan(1e-6);
    const wrong: FlowModel = { ...f, grad: (t, out) => { f.grad(t, out); out[3] *= 1.01; } };
    expect(checkGradientFD(wrong, th)).toBeGreaterThan(5e-3);
  });
  it('symEig sanity of the test quadratic (Hessian spectrum)', () => {
    const { model: q } = quadratic([2, 1], 1);
    const H = new Matrix(2, 2);
    const g = new Float64Array(2);
    for (let j = 0; j < 2; j++) {
      const e = new Float64Array(2);
      e[j] = 1;
      q.grad(e, g);
      for (let i = 0; i < 2; i++) H.set(i, j, g[i]);
    }
    const v = symEig(H).values;
    expect(v[0]).toBeCloseTo(2, 12);
    expect(v[1]).toBeCloseTo(1, 12);
  });
});

describe('integrateOde (general y\' = F(t, y) on the shared Dormand–Prince core)', () => {
  // y₁' = −ω(t) y₂, y₂' = ω(t) y₁ with ω = 1 + t: rotation by φ(t) = t + t²/2 (norm conserved);
  // y₃' = −y₃ + sin t: y₃ = (y₃(0) + ½)e^{−t} + (sin t − cos t)/2. Both need the stage times t + c_i h.
  const F = (t: number, y: Float64Array, o: Float64Array) => {
    const w = 1 + t;
    o[0] = -w * y[1];
    o[1] = w * y[0];
    o[2] = -y[2] + Math.sin(t);
  };
  const exact = (t: number) => {
    const phi = t + (t * t) / 2;
    return [Math.cos(phi), Math.sin(phi), 1.5 * Math.exp(-t) + (Math.sin(t) - Math.cos(t)) / 2];
  };
  const y0 = Float64Array.of(1, 0, 1);
  const tEval = [0, 0.37, 1, 1.9, 2.5, 3];

  it('time-dependent linear ODE: accurate at tMax and at every tEval (dense output and landing)', () => {
    for (const landOnEval of [false, true]) {
      const r = integrateOde(F, y0, { tMax: 3, tEval, rtol: 1e-10, atol: 1e-12, landOnEval });
      expect(r.status).toBe('done');
      expect(r.t).toBe(3);
      expect(r.ts).toEqual(tEval);
      for (let k = 0; k < tEval.length; k++) {
        const e = exact(tEval[k]);
        for (let i = 0; i < 3; i++) expect(Math.abs(r.ys[k][i] - e[i])).toBeLessThan(1e-8);
      }
      const e3 = exact(3);
      for (let i = 0; i < 3; i++) expect(Math.abs(r.y[i] - e3[i])).toBeLessThan(1e-8);
    }
    // the error shrinks with the tolerance
    const loose = integrateOde(F, y0, { tMax: 3, rtol: 1e-5, atol: 1e-7 });
    const tight = integrateOde(F, y0, { tMax: 3, rtol: 1e-11, atol: 1e-13 });
    const err = (y: Float64Array) => Math.max(...exact(3).map((v, i) => Math.abs(y[i] - v)));
    expect(err(tight.y)).toBeLessThan(err(loose.y) / 100);
    expect(tight.steps).toBeGreaterThan(loose.steps);
  });

  it('tEval: unsorted input is sorted, points outside [0, tMax] are ignored, t = 0 is the initial state', () => {
    const r = integrateOde(F, y0, { tMax: 2, tEval: [1.5, -1, 0, 0.5, 7] });
    expect(r.ts).toEqual([0, 0.5, 1.5]);
    expect(Array.from(r.ys[0])).toEqual(Array.from(y0));
    expect(r.ys[0]).not.toBe(y0);
  });

  it('stop callback ends the run after the accepted step where it first holds; later tEval points are not recorded', () => {
    // y' = 1: stop when y > 2.5 (at t > 1.5)
    const one = (_t: number, _y: Float64Array, o: Float64Array) => void (o[0] = 1);
    let calls = 0;
    const r = integrateOde(one, Float64Array.of(1), { tMax: 10, tEval: [1, 1.2, 5, 9], h0: 0.05, hMax: 0.1, stop: (_t, y) => (calls++, y[0] > 2.5) });
    expect(r.status).toBe('stopped');
    expect(r.t).toBeGreaterThan(1.5);
    expect(r.t).toBeLessThanOrEqual(1.6 + 1e-12); // the first accepted step past t = 1.5 (steps ≤ hMax)
    expect(Math.abs(r.y[0] - (1 + r.t))).toBeLessThan(1e-12);
    expect(r.ts).toEqual([1, 1.2]);
    expect(r.ys[1][0]).toBeCloseTo(2.2, 12);
    expect(calls).toBe(r.steps);
    // without stop: done at tMax
    expect(integrateOde(one, Float64Array.of(1), { tMax: 10 }).status).toBe('done');
  });

  it('counts evaluations: 6 per attempt + 1 for f(t₀, y₀) (+1 for the HINIT step guess)', () => {
    const r = integrateOde(F, y0, { tMax: 3 });
    expect(r.rhsEvals).toBe(2 + 6 * (r.steps + r.rejected));
    const s = integrateOde(F, y0, { tMax: 3, h0: 0.1 });
    expect(s.rhsEvals).toBe(1 + 6 * (s.steps + s.rejected));
  });

  it('is the same Dormand–Prince as integrateFlow: identical steps and states on a gradient flow', () => {
    const lam = [3, 1, 0.2];
    const model: FlowModel = {
      dim: 3,
      loss: (th) => 0.5 * th.reduce((a, v, i) => a + lam[i] * v * v, 0),
      grad: (th, o) => th.forEach((v, i) => (o[i] = lam[i] * v)),
    };
    const th0 = Float64Array.of(1, -2, 0.5);
    const a = integrateFlow(model, th0, { tMax: 4, tEval: [0.3, 2.2], rtol: 1e-9, atol: 1e-12, lossTol: 0 });
    const negGrad = (_t: number, y: Float64Array, o: Float64Array) => {
      model.grad(y, o);
      for (let i = 0; i < o.length; i++) o[i] = -o[i];
    };
    const b = integrateOde(negGrad, th0, { tMax: 4, tEval: [0.3, 2.2], rtol: 1e-9, atol: 1e-12 });
    expect(b.status).toBe('done');
    expect(b.steps).toBe(a.stats.steps);
    expect(b.rejected).toBe(a.stats.rejected);
    expect(b.rhsEvals).toBe(a.stats.rhsEvals);
    expect(Array.from(b.y)).toEqual(Array.from(a.theta));
    expect(Array.from(b.ys[0])).toEqual(Array.from(a.thetas[a.evalIndex![0]]));
    expect(Array.from(b.ys[1])).toEqual(Array.from(a.thetas[a.evalIndex![1]]));
  });

  it("errorNorm 'max' is at least as strict as 'rms'", () => {
    const rms = integrateOde(F, y0, { tMax: 3, rtol: 1e-8, atol: 1e-10 });
    const mx = integrateOde(F, y0, { tMax: 3, rtol: 1e-8, atol: 1e-10, errorNorm: 'max' });
    expect(mx.steps).toBeGreaterThanOrEqual(rms.steps);
  });

  it('diverged, step-underflow at a pole, max-steps, wall-time', () => {
    const grow = (_t: number, y: Float64Array, o: Float64Array) => void (o[0] = y[0]);
    const d = integrateOde(grow, Float64Array.of(1), { tMax: 100, divergeNorm: 1e6 });
    expect(d.status).toBe('diverged');
    expect(d.y[0]).toBeGreaterThan(1e6);
    // y' = y², y(0) = 1: pole at t = 1; the step collapses there
    const pole = integrateOde((_t, y, o) => void (o[0] = y[0] * y[0]), Float64Array.of(1), { tMax: 2, divergeNorm: Infinity });
    expect(pole.status).toBe('step-underflow');
    expect(Math.abs(pole.t - 1)).toBeLessThan(1e-6);
    expect(integrateOde(F, y0, { tMax: 3, maxSteps: 2 }).status).toBe('max-steps');
    expect(integrateOde(F, y0, { tMax: 1e9, wallSeconds: 0 }).status).toBe('wall-time');
    expect(() => integrateOde(F, y0, { tMax: -1 })).toThrow();
  });
});

describe('componentwiseInvariantDrift', () => {
  it('is relative per component, unlike FlowSolution.invariantDrift (relative to max(1, ‖I₀‖∞))', () => {
    // θ' = −θ (L = ½|θ|²) with "invariants" (θ₁, 100): the first drifts by 1 − e^{−t} relative to θ₁(0) = 0.01.
    const model: FlowModel = {
      dim: 1,
      loss: (th) => 0.5 * th[0] * th[0],
      grad: (th, o) => void (o[0] = th[0]),
      invariants: (th) => Float64Array.of(th[0], 100),
    };
    const s = integrateFlow(model, Float64Array.of(0.01), { tMax: 1, rtol: 1e-12, atol: 1e-16, lossTol: 0 });
    expect(componentwiseInvariantDrift(model, s.thetas)).toBeCloseTo(1 - Math.exp(-1), 8);
    expect(s.invariantDrift).toBeCloseTo((0.01 * (1 - Math.exp(-1))) / 100, 10);
    expect(componentwiseInvariantDrift({ ...model, invariants: undefined }, s.thetas)).toBe(0);
  });
});
