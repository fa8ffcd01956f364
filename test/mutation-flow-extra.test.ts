// Mutation-killing tests for src/flow, round 2 (docs/mutation.md): the adaptive step-size
// machinery pinned against INDEPENDENT references written here from the published specifications,
// so that "efficiency" mutants (controller constants, initial-step rule, rejection rule) — which
// change how many steps are taken but not the accepted accuracy — become observable.
//
// Reference for dopri5: Hairer, Nørsett & Wanner, Solving ODEs I (2nd ed.), §II.4 (starting step
// size, p. 169) and §II.5 / the published dopri5.f code (DOPCOR, HINIT):
//   - scaled error  err = ‖e_i / sk_i‖, sk_i = atol + rtol·max(|y0_i|, |y1_i|), e = h·Σ (b_i − b̂_i) k_i
//   - PI ("Lund-stabilised") controller, β = 0.04, safe = 0.9, fac1 = 0.2, fac2 = 10:
//       fac11 = err^(0.2 − 0.75β);  fac = fac11 / facold^β;  fac = max(1/fac2, min(1/fac1, fac/safe))
//       hnew = h/fac.  Accepted: facold = max(err, 1e-4); hnew ≤ hmax; after a rejection hnew ≤ h.
//       Rejected: hnew = h / min(1/fac1, fac11/safe).  facold starts at 1e-4.
//   - HINIT: d0 = ‖y0/sk‖, d1 = ‖f0/sk‖ (sk = atol + rtol|y0|); h = 1e-6 if d0 or d1 ≤ 1e-5 else
//     0.01·d0/d1; h = min(h, hmax); one explicit Euler step y1 = y0 + h f0, d2 = ‖(f(y1) − f0)/sk‖/h;
//     h1 = max(1e-6, 1e-3 h) if max(d1, d2) ≤ 1e-15 else (0.01/max(d1, d2))^(1/5);
//     h = min(100 h, h1, hmax).
//   Hairer's code uses Euclidean norms in HINIT; src/flow/dopri5.ts documents the RMS norm of SciPy's
//   select_initial_step instead. The two coincide for n = 1 (the literal Hairer rule is tested there)
//   and the RMS form is the reference for n > 1.
// The driver rules of src/flow (landing on tMax, maxSteps, the non-finite error rule h·0.2) are the
// documented ones of integrate.ts / ode.ts.
import { describe, expect, it } from 'vitest';
import { checkGradientFD, checkGradientFDDetail, componentwiseInvariantDrift, gradientDescent, integrateFlow, integrateOde } from '../src/flow/index.js';
import type { FlowModel } from '../src/flow/index.js';

// --------------------------------------------------------------------------- reference dopri5

// Dormand–Prince 5(4) tableau (Hairer's dopri5.f), written as rows of the Butcher matrix.
const RC = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1];
const RA: number[][] = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
];
// Error coefficients b_i − b̂_i as published in dopri5.f (b̂ = 5179/57600, 0, 7571/16695, 393/640,
// −92097/339200, 187/2100, 1/40).
const RE = [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];

type F = (t: number, y: Float64Array, o: Float64Array) => void;
interface RefEvent {
  kind: 'accept' | 'reject';
  t: number; // start of the attempt
  h: number;
  err: number;
}
interface RefRun {
  h0: number;
  events: RefEvent[];
  evalTimes: number[];
  y: Float64Array;
}

const rmsNorm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length);

/** Hairer's HINIT (RMS norms; = Hairer's Euclidean form when n = 1). */
function refHinit(f: F, t: number, y: Float64Array, rtol: number, atol: number, hmax: number, evalTimes: number[]): number {
  const n = y.length;
  const f0 = new Float64Array(n);
  f(t, y, f0);
  evalTimes.push(t);
  const sk = Array.from(y, (v) => atol + rtol * Math.abs(v));
  const d0 = rmsNorm(Array.from(y, (v, i) => v / sk[i]));
  const d1 = rmsNorm(Array.from(f0, (v, i) => v / sk[i]));
  let h = d0 <= 1e-5 || d1 <= 1e-5 ? 1e-6 : (0.01 * d0) / d1;
  h = Math.min(h, hmax);
  const y1 = Float64Array.from(y, (v, i) => v + h * f0[i]);
  const f1 = new Float64Array(n);
  f(t + h, y1, f1);
  evalTimes.push(t + h);
  const d2 = rmsNorm(Array.from(f1, (v, i) => (v - f0[i]) / sk[i])) / h;
  const dm = Math.max(d1, d2);
  const h1 = dm <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / dm) ** (1 / 5);
  return Math.min(100 * h, h1, hmax);
}

/**
 * Reference dopri5 with Hairer's controller, run for `maxSteps` accepted steps (no landing: tMax is
 * never approached in these tests). `h0` given → used as the first step (as opts.h / opts.h0).
 */
function refDopri5(f: F, y0: Float64Array, o: { rtol: number; atol: number; maxSteps: number; hmax?: number; h0?: number }): RefRun {
  const n = y0.length;
  const hmax = o.hmax ?? Infinity;
  const evalTimes: number[] = [];
  let t = 0;
  let y = Float64Array.from(y0);
  const k = Array.from({ length: 7 }, () => new Float64Array(n));
  let h: number;
  if (o.h0 !== undefined) {
    h = Math.min(o.h0, hmax);
  } else {
    h = refHinit(f, t, y, o.rtol, o.atol, hmax, evalTimes);
  }
  const h0 = h;
  let haveK1 = o.h0 === undefined; // HINIT evaluated f(t0, y0) (stored below)
  if (haveK1) f(t, y, k[0]); // same value as HINIT's f0 (not counted: the integrator reuses it)
  const beta = 0.04, safe = 0.9, fac1 = 0.2, fac2 = 10;
  const expo1 = 0.2 - 0.75 * beta;
  let facold = 1e-4;
  let reject = false;
  const events: RefEvent[] = [];
  let accepted = 0;
  const ys = new Float64Array(n);
  const y5 = new Float64Array(n);
  while (accepted < o.maxSteps) {
    if (!haveK1) {
      f(t, y, k[0]);
      evalTimes.push(t);
      haveK1 = true;
    }
    for (let s = 1; s < 7; s++) {
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < s; j++) acc += RA[s][j] * k[j][i];
        ys[i] = y[i] + h * acc;
      }
      f(t + RC[s] * h, ys, k[s]);
      evalTimes.push(t + RC[s] * h);
      if (s === 6) y5.set(ys);
    }
    const e: number[] = [];
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < 7; j++) d += RE[j] * k[j][i];
      e.push((h * d) / (o.atol + o.rtol * Math.max(Math.abs(y[i]), Math.abs(y5[i]))));
    }
    const err = rmsNorm(e);
    const fac11 = err ** expo1;
    if (err <= 1) {
      let fac = fac11 / facold ** beta;
      fac = Math.max(1 / fac2, Math.min(1 / fac1, fac / safe));
      let hnew = h / fac;
      facold = Math.max(err, 1e-4);
      if (hnew > hmax) hnew = hmax;
      if (reject) hnew = Math.min(hnew, h);
      reject = false;
      events.push({ kind: 'accept', t, h, err });
      accepted++;
      t += h;
      y = Float64Array.from(y5);
      k[0].set(k[6]); // FSAL
      h = hnew;
    } else {
      events.push({ kind: 'reject', t, h, err });
      h = h / Math.min(1 / fac1, fac11 / safe);
      reject = true;
    }
  }
  return { h0, events, evalTimes, y };
}

const relDiff = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

/** Van der Pol, μ = 4: y1' = y2, y2' = μ(1 − y1²)y2 − y1 (fast and slow phases: many rejections). */
const MU = 4;
const vdp: F = (_t, y, o) => {
  o[0] = y[1];
  o[1] = MU * (1 - y[0] * y[0]) * y[1] - y[0];
};
/** Non-autonomous scalar problem y' = −50(y − cos t) (mildly stiff: steps near the stability limit). */
const forced: F = (t, y, o) => void (o[0] = -50 * (y[0] - Math.cos(t)));

/** integrateOde, logging the time of every evaluation of F. */
function odeLogged(f: F, y0: Float64Array, o: Parameters<typeof integrateOde>[2]) {
  const evalTimes: number[] = [];
  const r = integrateOde((t, y, out) => (evalTimes.push(t), f(t, y, out)), y0, o);
  return { r, evalTimes };
}

describe('dopri5 step-size control equals an independent Hairer DOPRI5 reference', () => {
  it('reference sanity: its decisions are far from the accept/reject boundary (the comparison is robust)', () => {
    for (const [f, y0, rtol, atol, steps] of [
      [vdp, Float64Array.of(2, 0), 1e-6, 1e-8, 300],
      [forced, Float64Array.of(0), 1e-3, 1e-6, 100],
    ] as const) {
      const ref = refDopri5(f, y0, { rtol, atol, maxSteps: steps });
      expect(ref.events.some((e) => e.kind === 'reject')).toBe(true);
      for (const e of ref.events) expect(Math.abs(e.err - 1)).toBeGreaterThan(1e-6);
    }
  });

  for (const [name, f, y0, rtol, atol, steps] of [
    ['Van der Pol μ = 4 (n = 2, 29 rejections)', vdp, Float64Array.of(2, 0), 1e-6, 1e-8, 300],
    ['y′ = −50(y − cos t) (n = 1, non-autonomous, 2 rejections)', forced, Float64Array.of(0), 1e-3, 1e-6, 100],
  ] as const) {
    it(`${name}: HINIT, every attempt (accepted / rejected, its step) and every evaluation time`, () => {
      const ref = refDopri5(f, y0, { rtol, atol, maxSteps: steps });
      const { r, evalTimes } = odeLogged(f, y0, { tMax: 1e6, rtol, atol, maxSteps: steps });
      expect(r.status).toBe('max-steps');
      expect(r.steps).toBe(steps);
      expect(r.rejected).toBe(ref.events.filter((e) => e.kind === 'reject').length);
      expect(r.rhsEvals).toBe(ref.evalTimes.length);
      expect(evalTimes.length).toBe(ref.evalTimes.length);
      // the first evaluation after HINIT's two is the stage 2 of the first step: t = c2·h0
      expect(relDiff(evalTimes[2], 0.2 * ref.h0)).toBeLessThan(1e-12);
      for (let i = 0; i < evalTimes.length; i++) expect(relDiff(evalTimes[i], ref.evalTimes[i])).toBeLessThan(1e-10);
      const tRef = ref.events.filter((e) => e.kind === 'accept').reduce((s, e) => s + e.h, 0);
      expect(relDiff(r.t, tRef)).toBeLessThan(1e-10);
      for (let i = 0; i < y0.length; i++) expect(Math.abs(r.y[i] - ref.y[i])).toBeLessThan(1e-9 * Math.max(1, Math.abs(ref.y[i])));
    });
  }

  it('Van der Pol with hMax: every step ≤ hMax and the sequence equals the reference', () => {
    const hmax = 0.05;
    const ref = refDopri5(vdp, Float64Array.of(2, 0), { rtol: 1e-6, atol: 1e-8, maxSteps: 80, hmax });
    const { r, evalTimes } = odeLogged(vdp, Float64Array.of(2, 0), { tMax: 1e6, rtol: 1e-6, atol: 1e-8, maxSteps: 80, hMax: hmax });
    expect(r.rejected).toBe(ref.events.filter((e) => e.kind === 'reject').length);
    expect(evalTimes.length).toBe(ref.evalTimes.length);
    for (let i = 0; i < evalTimes.length; i++) expect(relDiff(evalTimes[i], ref.evalTimes[i])).toBeLessThan(1e-10);
  });

  it('a given initial step (h0) that is far too large: rejections from the first attempt on', () => {
    const ref = refDopri5(vdp, Float64Array.of(2, 0), { rtol: 1e-7, atol: 1e-9, maxSteps: 30, h0: 3 });
    expect(ref.events[0].kind).toBe('reject');
    const { r, evalTimes } = odeLogged(vdp, Float64Array.of(2, 0), { tMax: 1e6, rtol: 1e-7, atol: 1e-9, maxSteps: 30, h0: 3 });
    expect(r.rejected).toBe(ref.events.filter((e) => e.kind === 'reject').length);
    expect(evalTimes.length).toBe(ref.evalTimes.length);
    for (let i = 0; i < evalTimes.length; i++) expect(relDiff(evalTimes[i], ref.evalTimes[i])).toBeLessThan(1e-10);
  });

  it("integrateFlow (θ′ = −∇L) takes the reference's steps: recorded times = accepted step ends", () => {
    // L = Σ_i ¼θ_i⁴ + ½λ_i θ_i² (nonlinear, separable): f = −(θ³ + λθ).
    const lam = [30, 1, 0.1];
    const model: FlowModel = {
      dim: 3,
      loss: (th) => th.reduce((s, v, i) => s + 0.25 * v ** 4 + 0.5 * lam[i] * v * v, 0),
      grad: (th, o) => th.forEach((v, i) => (o[i] = v ** 3 + lam[i] * v)),
    };
    const negGrad: F = (_t, y, o) => {
      model.grad(y, o);
      for (let i = 0; i < o.length; i++) o[i] = -o[i];
    };
    const th0 = Float64Array.of(1.5, -2, 0.7);
    for (const [rtol, atol, h] of [
      [1e-6, 1e-9, undefined],
      [1e-8, 1e-11, undefined],
      [1e-6, 1e-9, 0.5],
    ] as const) {
      const ref = refDopri5(negGrad, th0, { rtol, atol, maxSteps: 40, h0: h });
      const s = integrateFlow(model, th0, { rtol, atol, h, maxSteps: 40, lossTol: -Infinity, recordEvery: 1 });
      expect(s.status).toBe('max-steps');
      expect(s.stats.rejected).toBe(ref.events.filter((e) => e.kind === 'reject').length);
      expect(s.stats.rhsEvals).toBe(ref.evalTimes.length);
      const acc = ref.events.filter((e) => e.kind === 'accept');
      let tt = 0;
      expect(s.ts.length).toBe(acc.length + 1);
      acc.forEach((e, i) => {
        tt += e.h;
        expect(relDiff(s.ts[i + 1], tt)).toBeLessThan(1e-10);
      });
    }
  });
});

describe('HINIT corner cases (Hairer: h = 1e-6 for a tiny ‖y‖ or ‖f‖; h1 = max(1e-6, 1e-3 h) when f and f′ vanish)', () => {
  const firstStep = (f: F, y0: Float64Array, o: { rtol: number; atol: number; hMax?: number }) => {
    const { r, evalTimes } = odeLogged(f, y0, { tMax: 1e6, maxSteps: 1, ...o });
    return { r, evalTimes };
  };
  it('tiny state (‖y/sk‖ ≤ 1e-5): the Euler probe step is 1e-6', () => {
    const f: F = (_t, y, o) => void (o[0] = -y[0] + 1);
    const y0 = Float64Array.of(0);
    const { evalTimes } = firstStep(f, y0, { rtol: 1e-6, atol: 1e-8 });
    const ref: number[] = [];
    const h = refHinit(f, 0, y0, 1e-6, 1e-8, Infinity, ref);
    expect(evalTimes[1]).toBe(1e-6); // the probe evaluation time
    expect(relDiff(evalTimes[2], 0.2 * h)).toBeLessThan(1e-12);
  });
  it('tiny derivative (‖f/sk‖ ≤ 1e-5) but a large state: probe 1e-6', () => {
    const f: F = (_t, _y, o) => void (o[0] = 1e-20);
    const { evalTimes } = firstStep(f, Float64Array.of(1), { rtol: 1e-6, atol: 1e-8 });
    expect(evalTimes[1]).toBe(1e-6);
  });
  it('f ≡ 0 (d1 = d2 = 0): first step max(1e-6, 1e-3·1e-6) = 1e-6', () => {
    const f: F = (_t, _y, o) => void (o[0] = 0);
    const { r, evalTimes } = firstStep(f, Float64Array.of(1), { rtol: 1e-6, atol: 1e-8 });
    expect(evalTimes[1]).toBe(1e-6);
    expect(r.t).toBe(1e-6);
  });
  it('100·h bound: a strongly linear field whose second derivative vanishes', () => {
    // y' = c (constant, large relative to y): d2 = 0, d1 large → h1 = (0.01/d1)^(1/5) vs 100 h.
    for (const c of [1e3, 1e-3, 0.5]) {
      const f: F = (_t, _y, o) => void (o[0] = c);
      const y0 = Float64Array.of(1);
      const ref: number[] = [];
      const h = refHinit(f, 0, y0, 1e-6, 1e-9, Infinity, ref);
      const { evalTimes } = firstStep(f, y0, { rtol: 1e-6, atol: 1e-9 });
      expect(relDiff(evalTimes[1], ref[1])).toBeLessThan(1e-12);
      expect(relDiff(evalTimes[2], 0.2 * h)).toBeLessThan(1e-12);
    }
  });
  it('hMax caps the probe step and the first step', () => {
    const f: F = (_t, y, o) => void (o[0] = -y[0]);
    const { evalTimes, r } = firstStep(f, Float64Array.of(1), { rtol: 1e-3, atol: 1e-6, hMax: 1e-4 });
    expect(evalTimes[1]).toBeLessThanOrEqual(1e-4);
    expect(r.t).toBe(1e-4);
  });
  it('the time of the probe evaluation is t0 + h (non-autonomous F sees it)', () => {
    const ref: number[] = [];
    refHinit(forced, 0, Float64Array.of(0.3), 1e-6, 1e-9, Infinity, ref);
    const { evalTimes } = firstStep(forced, Float64Array.of(0.3), { rtol: 1e-6, atol: 1e-9 });
    expect(evalTimes[0]).toBe(0);
    expect(relDiff(evalTimes[1], ref[1])).toBeLessThan(1e-12);
  });
});

// --------------------------------------------------------------------------- gradient descent

/** L = ½ Σ λ_i θ_i² (diagonal). */
function diag(lams: number[], extra: Partial<FlowModel> = {}): FlowModel {
  return {
    dim: lams.length,
    loss: (t) => 0.5 * lams.reduce((s, l, i) => s + l * t[i] * t[i], 0),
    grad: (t, o) => {
      for (let i = 0; i < lams.length; i++) o[i] = lams[i] * t[i];
    },
    ...extra,
  };
}

describe('gradientDescent: records, drift, stopping boundaries, statistics', () => {
  it('recordEvery = 1 over 3000 iterations keeps every iterate (no auto-thinning when recordEvery is given)', () => {
    const s = gradientDescent(diag([1]), Float64Array.of(1), { eta: 1e-4, steps: 3000, recordEvery: 1 });
    expect(s.ts.length).toBe(3001);
    expect(s.thetas[2999][0]).toBeCloseTo((1 - 1e-4) ** 2999, 12);
  });
  it('auto-thinning: 1999 iterations keep all 2000 records; the 2001st record (k = 2000) thins to even k', () => {
    const eta = 1e-3;
    const a = gradientDescent(diag([1]), Float64Array.of(1), { eta, steps: 1999 });
    expect(a.ts.length).toBe(2000);
    a.ts.forEach((t, k) => expect(t).toBe(k * eta));
    const b = gradientDescent(diag([1]), Float64Array.of(1), { eta, steps: 2001 });
    // the record of k = 2000 exceeds the cap → keep even indices 0, 2, …, 2000 (1001 records), stride 2;
    // the final iterate k = 2001 is recorded at the end
    expect(b.ts.length).toBe(1002);
    expect(b.ts[0]).toBe(0);
    expect(b.ts[1]).toBe(2 * eta);
    expect(b.ts[1000]).toBe(2000 * eta);
    expect(b.ts[1001]).toBe(2001 * eta);
    expect(b.thetas[1][0]).toBe((1 - eta) * (1 - eta));
    // 5000 iterations: after the first thinning the stride is 2 (records at even k), after the second 4
    const c = gradientDescent(diag([1]), Float64Array.of(1), { eta: 1, steps: 5000 });
    expect(c.ts[0]).toBe(0);
    const ks = c.ts.map((t) => t);
    for (let i = 1; i < ks.length - 1; i++) expect(ks[i] % 2).toBe(0);
    expect(ks[ks.length - 1]).toBe(5000);
    const gaps = new Set(ks.slice(1, -1).map((k, i) => k - ks[i]));
    expect([...gaps].every((g) => g === 2 || g === 4)).toBe(true);
    expect(ks.length).toBeGreaterThan(1000);
    expect(ks.length).toBeLessThanOrEqual(2001);
  });
  it('invariant drift is the max over records of max_i |I_i − I_i(0)| / max(1, ‖I(0)‖∞) (not the last record; NaN propagates)', () => {
    // θ_k = 0.5^k θ₀ (λ = 1, η = 0.5). Invariant components: (10θ, 0.1θ): the first moves most.
    const m = diag([1], { invariants: (t) => Float64Array.of(10 * t[0], 0.1 * t[0]) });
    const s = gradientDescent(m, Float64Array.of(1), { eta: 0.5, steps: 3 });
    expect(s.invariantDrift).toBeCloseTo((10 * (1 - 0.125)) / 10, 14);
    // non-monotone invariant: |θ − 0.5| rises and falls back → drift is the maximum over records
    const up: FlowModel = { ...m, invariants: (t) => Float64Array.of(5 * (t[0] - 1) * (t[0] - 0.25) + 5) };
    const u = gradientDescent(up, Float64Array.of(1), { eta: 0.5, steps: 2 }); // θ = 1, 0.5, 0.25
    // I = 5, 5 − 5·0.5·0.25 = 4.375, 5: drift = 0.625/5
    expect(u.invariantDrift).toBeCloseTo(0.625 / 5, 14);
    const nan: FlowModel = { ...m, invariants: (t) => Float64Array.of(t[0] < 0.6 ? NaN : 1, 0) };
    expect(gradientDescent(nan, Float64Array.of(1), { eta: 0.5, steps: 3 }).invariantDrift).toBeNaN();
    const nan2: FlowModel = { ...m, invariants: (t) => Float64Array.of(0, t[0] < 0.6 && t[0] > 0.3 ? NaN : 1) };
    expect(gradientDescent(nan2, Float64Array.of(1), { eta: 0.5, steps: 3 }).invariantDrift).toBeNaN();
  });
  it('divergeNorm is a strict bound (‖θ‖∞ = divergeNorm is fine); an initially bad state takes no step', () => {
    const grow: FlowModel = { dim: 1, loss: (t) => -0.5 * t[0] * t[0], grad: (t, o) => void (o[0] = -t[0]) };
    const s = gradientDescent(grow, Float64Array.of(1), { eta: 1, steps: 3, divergeNorm: 4 }); // 1, 2, 4, 8
    expect(s.status).toBe('diverged');
    expect(s.stats.steps).toBe(3);
    const at = gradientDescent(grow, Float64Array.of(4), { eta: 1, steps: 0, divergeNorm: 4 });
    expect(at.status).toBe('max-steps');
    const bad = gradientDescent(diag([1]), Float64Array.of(NaN), { eta: 0.1, steps: 5 });
    expect(bad.status).toBe('diverged');
    expect(bad.stats.steps).toBe(0);
    expect(bad.stats.rhsEvals).toBe(0);
  });
  it('lossTol is inclusive and measured above lossFloor, at k = 0 and during the run', () => {
    // λ = 1, η = 0.5: θ_k = 2^{−k}, L_k = ½·4^{−k} exactly.
    const c = gradientDescent(diag([1]), Float64Array.of(1), { eta: 0.5, steps: 10, lossTol: 0.125 });
    expect(c.status).toBe('converged');
    expect(c.stats.steps).toBe(1);
    const fl = diag([1], { lossFloor: 3 });
    const shifted: FlowModel = { ...fl, loss: (t) => 3 + 0.5 * t[0] * t[0] };
    const d = gradientDescent(shifted, Float64Array.of(1), { eta: 0.5, steps: 10, lossTol: 0.125 });
    expect(d.status).toBe('converged');
    expect(d.stats.steps).toBe(1);
    expect(gradientDescent(shifted, Float64Array.of(0.5), { eta: 0.5, steps: 10, lossTol: 0.125 }).stats.steps).toBe(0);
    expect(gradientDescent(diag([1]), Float64Array.of(0.5), { eta: 0.5, steps: 10, lossTol: 0.125 }).stats.steps).toBe(0);
    expect(d.message).toContain('L−L*=1.250e-1');
    expect(d.message).toContain('t=0.500000');
  });
  it('wallSeconds is a small non-negative number of seconds', () => {
    const s = gradientDescent(diag([1, 2]), Float64Array.of(1, 1), { eta: 0.1, steps: 50 });
    expect(s.stats.wallSeconds).toBeGreaterThanOrEqual(0);
    expect(s.stats.wallSeconds).toBeLessThan(30);
    const f = integrateFlow(diag([1, 2]), Float64Array.of(1, 1), { tMax: 1 });
    expect(f.stats.wallSeconds).toBeGreaterThanOrEqual(0);
    expect(f.stats.wallSeconds).toBeLessThan(30);
    const o = integrateOde((_t, y, out) => void (out[0] = -y[0]), Float64Array.of(1), { tMax: 1 });
    expect(o.wallSeconds).toBeGreaterThanOrEqual(0);
    expect(o.wallSeconds).toBeLessThan(30);
  });
});

describe('checkGradientFD details', () => {
  it('2n loss evaluations; worstIndex −1 when every difference is exact; NaN gradients are reported', () => {
    let calls = 0;
    const lin: FlowModel = { dim: 3, loss: (t) => (calls++, 2 * t[0] + 4 * t[1] - t[2]), grad: (_t, o) => o.set([2, 4, -1]) };
    const d = checkGradientFDDetail(lin, new Float64Array(3), 0.25); // steps 0.25: every difference exact
    expect(calls).toBe(6);
    expect(d.maxRelError).toBe(0);
    expect(d.worstIndex).toBe(-1);
    const nan: FlowModel = { ...lin, grad: (_t, o) => o.set([2, NaN, -1]) };
    const n = checkGradientFDDetail(nan, new Float64Array(3), 0.25);
    expect(n.maxRelError).toBeNaN();
  });
  it('the floor uses the larger of ‖g‖∞ and ‖fd‖∞', () => {
    // L = 50θ₀² + 3e-5·θ₁ at θ = (1, 0): true gradient (100, 3e-5); reported (101, 0).
    const m: FlowModel = { dim: 2, loss: (t) => 50 * t[0] * t[0] + 3e-5 * t[1], grad: (t, o) => o.set([101 * t[0], 0]) };
    const d = checkGradientFDDetail(m, Float64Array.of(1, 0));
    // component 1: |0 − 3e-5| / max(1e-6·101, 1e-12) = 0.2970…; component 0: 1/101
    expect(d.worstIndex).toBe(1);
    expect(d.maxRelError).toBeCloseTo(3e-5 / 1.01e-4, 4); // 0.3 if the floor used min(‖g‖∞, ‖fd‖∞)
    expect(checkGradientFD(m, Float64Array.of(1, 0))).toBe(d.maxRelError);
  });
});

describe('componentwiseInvariantDrift', () => {
  const m = diag([1], { invariants: (t) => Float64Array.of(t[0], 2 * t[0] - 2, 7) });
  it('per component relative to |I_i(θ₀)|; a zero reference component makes any change infinite; max over states', () => {
    const th = [Float64Array.of(1), Float64Array.of(1.5), Float64Array.of(1)];
    // component 0: 0.5/1; component 1: I₀ = 0 → (1)/MIN_VALUE = ∞
    expect(componentwiseInvariantDrift(m, th)).toBe(Infinity);
    const m2 = diag([1], { invariants: (t) => Float64Array.of(t[0], 4 * t[0]) });
    expect(componentwiseInvariantDrift(m2, [Float64Array.of(2), Float64Array.of(3), Float64Array.of(2)])).toBeCloseTo(0.5, 15);
    expect(componentwiseInvariantDrift(m2, [Float64Array.of(2), Float64Array.of(2.5), Float64Array.of(1)])).toBeCloseTo(0.5, 15);
    expect(componentwiseInvariantDrift(m2, [Float64Array.of(-2), Float64Array.of(-3)])).toBeCloseTo(0.5, 15);
    expect(componentwiseInvariantDrift(m2, [])).toBe(0);
    expect(componentwiseInvariantDrift(m2, [Float64Array.of(2)])).toBe(0);
    const nan = diag([1], { invariants: (t) => Float64Array.of(t[0] > 2 ? NaN : t[0], 1) });
    expect(componentwiseInvariantDrift(nan, [Float64Array.of(1), Float64Array.of(3), Float64Array.of(1.5)])).toBeNaN();
  });
});

// --------------------------------------------------------------------------- gauss2 step control

/**
 * Reference for adaptive gauss2 on the linear flow θ′ = −Λθ (Λ diagonal), written from the rules
 * documented in src/flow/integrate.ts: one 2-stage Gauss–Legendre step is exactly the (2,2) Padé
 * approximant R(z) = (1 + z/2 + z²/12)/(1 − z/2 + z²/12), z = −λh, on each component (the stage
 * equations are linear); error = RMS over i of ((y_half − y_full)/15) / (atol + rtol·max(|y_i|, |y_half,i|))
 * (step doubling, Richardson factor 2⁴ − 1); next step h·fac with fac = min(5, max(0.2, 0.9·err^(−1/5)))
 * (5 when err = 0), after a rejection h·min(fac, 0.9); every step ≤ hMax; the initial step is
 * rtol^(1/4)·max(‖y‖∞, atol/rtol)/‖f‖∞ clamped to [1e-8, min(hMax, 1)].
 */
function refGauss2(lams: number[], y0: number[], o: { rtol: number; atol: number; maxSteps: number; hMax?: number }) {
  const hMax = o.hMax ?? Infinity;
  const R = (z: number) => (1 + z / 2 + (z * z) / 12) / (1 - z / 2 + (z * z) / 12);
  let y = y0.slice();
  const fn = Math.max(...y.map((v, i) => Math.abs(lams[i] * v)));
  const yn = Math.max(Math.max(...y.map(Math.abs)), o.atol / o.rtol);
  let h = fn > 0 ? (o.rtol ** 0.25 * yn) / fn : 1;
  h = Math.min(Math.max(h, 1e-8), hMax, 1);
  let t = 0;
  const ts = [0];
  let rejected = 0;
  let errs: number[] = [];
  while (ts.length - 1 < o.maxSteps) {
    const full = y.map((v, i) => v * R(-lams[i] * h));
    const half = y.map((v, i) => v * R(-lams[i] * h * 0.5) ** 2);
    let s = 0;
    for (let i = 0; i < y.length; i++) {
      const e = (half[i] - full[i]) / 15;
      s += (e / (o.atol + o.rtol * Math.max(Math.abs(y[i]), Math.abs(half[i])))) ** 2;
    }
    const err = Math.sqrt(s / y.length);
    errs.push(err);
    const fac = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * err ** -0.2));
    if (err <= 1) {
      t += h;
      ts.push(t);
      y = half;
      h = Math.min(h * fac, hMax);
    } else {
      rejected++;
      h = Math.min(h * Math.min(fac, 0.9), hMax);
    }
  }
  return { ts, rejected, y, errs };
}

describe('adaptive gauss2 step control equals its documented rule', () => {
  // λ·h stays ≤ 1 in every case (hMax or accuracy-limited steps), where the fixed-point stage
  // iteration contracts fast (spectral radius of λh·A ≤ 0.29): no solve failures, and the
  // fixed-point solution equals the exact stage solution to round-off. Tolerances of the step
  // comparison: the error estimate is a difference of two states, so the round-off of the stage
  // solve perturbs it by ~1e-16/rtol relative per step (1e-8 over 25 steps is ample; a mutant
  // changes steps by O(1)).
  for (const [lams, y0, rtol, atol, hMax, tol] of [
    [[3, 1, 0.2], [1, -2, 0.5], 1e-6, 1e-9, undefined, 1e-8],
    [[3, 1, 0.2], [1, -2, 0.5], 1e-6, 1e-9, 0.3, 1e-8],
    [[3, 1, 0.2], [1, -2, 0.5], 1e-5, 1e-9, 0.3, 1e-8],
    // the initial step (clamped to 1) is rejected once by error control: h·min(fac, 0.9) after it
    [[1e-3, 1], [1, 1e-3], 1e-5, 1e-12, 1, 1e-3], // (the 1e-3 component decays towards atol: sensitive)
  ] as const) {
    it(`λ = ${lams}, rtol = ${rtol}, hMax = ${hMax}: accepted step times and rejections`, () => {
      const ref = refGauss2([...lams], [...y0], { rtol, atol, maxSteps: 25, hMax });
      for (const e of ref.errs) expect(Math.abs(e - 1)).toBeGreaterThan(0.2); // decisions far from err = 1
      const s = integrateFlow(diag([...lams]), Float64Array.from(y0), { method: 'gauss2', rtol, atol, hMax, maxSteps: 25, lossTol: -Infinity, recordEvery: 1 });
      expect(s.status).toBe('max-steps');
      expect(s.stats.rejected).toBe(ref.rejected);
      expect(s.ts.length).toBe(ref.ts.length);
      for (let i = 0; i < ref.ts.length; i++) expect(relDiff(s.ts[i], ref.ts[i])).toBeLessThan(tol);
      for (let i = 0; i < y0.length; i++) expect(relDiff(s.theta[i], ref.y[i])).toBeLessThan(tol);
    });
  }
  it('initial step clamps: at most 1, atol/rtol as the state scale', () => {
    const cubic: FlowModel = { dim: 1, loss: (t) => 0.25 * t[0] ** 4, grad: (t, o) => void (o[0] = t[0] ** 3) };
    const s = integrateFlow(cubic, Float64Array.of(1e-3), { method: 'gauss2', rtol: 1e-6, atol: 1e-9, maxSteps: 1, lossTol: -Infinity, recordEvery: 1 });
    // f = 1e-9, yn = max(1e-3, atol/rtol = 1e-3) → h = (1e-6)^(1/4)·1e-3/1e-9 ≈ 3.2e4 → clamped to 1
    expect(s.ts[1]).toBe(1);
    // λ = 2, θ = 1e-6: f = 2e-6, yn = max(1e-6, atol/rtol = 0.5) → h = 0.1·0.5/2e-6 → clamped to 1 (or a
    // quarter of it if the stage solve at λh = 2 does not converge)
    const t2 = integrateFlow(diag([2]), Float64Array.of(1e-6), { method: 'gauss2', rtol: 1e-4, atol: 5e-5, maxSteps: 1, lossTol: -Infinity, recordEvery: 1 });
    // (with the state scale ‖y‖∞ = 1e-6 instead of atol/rtol the step would be 0.1·1e-6/2e-6 = 0.05)
    expect(t2.ts[1]).toBeGreaterThan(0.05 * 1.5);
    // a small scale: λ = 1e4, θ = 1: h = (1e-8)^(1/4)/1e4 = 1e-6
    const t3 = integrateFlow(diag([1e4]), Float64Array.of(1), { method: 'gauss2', rtol: 1e-8, atol: 1e-12, maxSteps: 1, lossTol: -Infinity, recordEvery: 1 });
    expect(t3.stats.rejected).toBe(0);
    expect(relDiff(t3.ts[1], 1e-6)).toBeLessThan(1e-12);
  });
  it('a failed stage solve (non-finite error) quarters the step: 1 → 1/4 → … → 1/256', () => {
    // θ = (1, 1e-6), λ = (1e-3, 200): ‖f‖∞ = 1e-3 → initial h = rtol^(1/4)/1e-3 → clamped to 1.
    // λ₂h = 200, 50, 12.5 (iteration diverges), 3.125 (spectral radius 0.9: not converged in 60
    // iterations) fail; λ₂h = 0.78 contracts.
    const s = integrateFlow(diag([1e-3, 200]), Float64Array.of(1, 1e-6), { method: 'gauss2', rtol: 1e-4, atol: 1e-12, maxSteps: 10, lossTol: -Infinity, recordEvery: 1 });
    expect(s.stats.steps).toBe(10);
    expect(s.stats.rejected).toBeGreaterThanOrEqual(4); // (later growth ×5 fails again)
    expect(s.ts[1]).toBe(1 / 256);
  });
});

// --------------------------------------------------------------------------- integrateOde driver

describe('integrateOde driver rules (src/flow/ode.ts header)', () => {
  const decay: F = (_t, y, o) => void (o[0] = -y[0]);
  const zero: F = (_t, _y, o) => void (o[0] = 0);
  it('an initial state beyond divergeNorm (or NaN) is diverged without any evaluation; tMax = 0 is done at once', () => {
    for (const y0 of [Float64Array.of(2e12), Float64Array.of(NaN), Float64Array.of(-5)]) {
      const { r, evalTimes } = odeLogged(decay, y0, { tMax: 1, divergeNorm: y0[0] === -5 ? 4 : undefined });
      expect(r.status).toBe('diverged');
      expect(r.steps).toBe(0);
      expect(evalTimes.length).toBe(0);
    }
    // ‖y‖∞ = divergeNorm exactly is allowed
    expect(integrateOde(decay, Float64Array.of(4), { tMax: 1, divergeNorm: 4 }).status).toBe('done');
    const { r, evalTimes } = odeLogged(decay, Float64Array.of(1), { tMax: 0, tEval: [0, 1] });
    expect(r.status).toBe('done');
    expect(r.t).toBe(0);
    expect(evalTimes.length).toBe(0);
    expect(r.ts).toEqual([0]);
  });
  it('tEval: times in [0, tMax] inclusive, ties, unsorted; dense values; t = tMax taken from the state', () => {
    const r = integrateOde(decay, Float64Array.of(1), { tMax: 2, tEval: [2, 0.5, 0, 0.5, 2.0000001, -1e-300], rtol: 1e-10, atol: 1e-14 });
    expect(r.ts).toEqual([0, 0.5, 0.5, 2]);
    expect(r.ys[3][0]).toBe(r.y[0]);
    expect(Math.abs(r.ys[1][0] - Math.exp(-0.5))).toBeLessThan(1e-9);
    expect(r.ys[1]).not.toBe(r.ys[2]);
  });
  it('h0 is capped by hMax; hMax caps every step', () => {
    const log: number[] = [];
    const r = integrateOde(zero, Float64Array.of(1), { tMax: 1, h0: 0.5, hMax: 0.125, stop: (t) => (log.push(t), false) });
    expect(r.status).toBe('done');
    expect(log).toEqual([0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1]);
  });
  it('a single step is never longer than 1e12·max(1, |t|)', () => {
    const log: number[] = [];
    const r = integrateOde(zero, Float64Array.of(1), { tMax: 1e30, h0: 1e20, maxSteps: 2, stop: (t) => (log.push(t), false) });
    expect(r.status).toBe('max-steps');
    expect(log[0]).toBe(1e12);
    // err = 0 → the step grows by 1/facc2 = 10: 1e13, below the cap 1e24
    expect(log[1]).toBe(1e12 + 1e13);
  });
  it('a step that would end within 1e-13·max(1, |tMax|) of tMax lands on it (no sliver step)', () => {
    const log: number[] = [];
    const r = integrateOde(zero, Float64Array.of(1), { tMax: 1, h0: 1 - 5e-14, stop: (t) => (log.push(t), false) });
    expect(r.steps).toBe(1);
    expect(log).toEqual([1]);
    const far = integrateOde(zero, Float64Array.of(1), { tMax: 1000, h0: 1000 - 5e-11 });
    expect(far.steps).toBe(1);
    const not = integrateOde(zero, Float64Array.of(1), { tMax: 1, h0: 1 - 1e-9, hMax: 1 - 1e-9 });
    expect(not.steps).toBe(2);
  });
  it('landOnEval: a landing step may be shorter than the underflow limit; the next step resumes the previous size', () => {
    const t1 = 1, t2 = 1 + 2 ** -52; // adjacent doubles: the second landing step is 2.2e-16
    const r = integrateOde(decay, Float64Array.of(1), { tMax: 2, tEval: [t1, t2], landOnEval: true, rtol: 1e-8, atol: 1e-12 });
    expect(r.status).toBe('done');
    expect(r.ts).toEqual([t1, t2]);
    // resume: after landing on 1 + 2^-52 the step is restored to the one before the landing steps
    const log: number[] = [];
    integrateOde(zero, Float64Array.of(1), { tMax: 1, h0: 0.25, hMax: 0.25, tEval: [0.3, 0.3000001], landOnEval: true, stop: (t) => (log.push(t), false) });
    // steps: 0.25, 0.05 (land 0.3), 1e-7 (land 0.3000001), then 0.25 again (not 10·1e-7)
    expect(log.length).toBe(6);
    expect(log[3]).toBeCloseTo(0.5500001, 12);
    expect(log[5]).toBe(1);
  });
  it('maxSteps also bounds the rejections: rejected > maxSteps stops; maxSteps = 0 takes no step', () => {
    const ref = refDopri5(vdp, Float64Array.of(2, 0), { rtol: 1e-7, atol: 1e-9, maxSteps: 1, h0: 3 });
    const firstRejects = ref.events.findIndex((e) => e.kind === 'accept');
    expect(firstRejects).toBeGreaterThanOrEqual(2);
    const r = integrateOde(vdp, Float64Array.of(2, 0), { tMax: 100, rtol: 1e-7, atol: 1e-9, h0: 3, maxSteps: firstRejects - 2 });
    expect(r.status).toBe('max-steps');
    expect(r.steps).toBe(0);
    expect(r.rejected).toBe(firstRejects - 1);
    const r0 = integrateOde(decay, Float64Array.of(1), { tMax: 1, maxSteps: 0 });
    expect(r0.status).toBe('max-steps');
    expect(r0.steps).toBe(0);
    expect(r0.rhsEvals).toBe(2); // HINIT only
  });
  it('wall-time is checked every 16 attempts: wallSeconds = 0 stops after 15 steps', () => {
    const r = integrateOde(zero, Float64Array.of(1), { tMax: 1e9, h0: 1e-3, hMax: 1e-3, wallSeconds: 0 });
    expect(r.status).toBe('wall-time');
    expect(r.steps).toBe(15);
  });
  it("errorNorm 'max' uses the largest scaled component (accepts exactly what the max norm allows)", () => {
    // two components, one error-free (y₂′ = 0): rms = max/√2, so 'max' must take smaller steps
    const f: F = (_t, y, o) => {
      o[0] = -y[0] * y[0];
      o[1] = 0;
    };
    const rms = integrateOde(f, Float64Array.of(1, 1), { tMax: 5, rtol: 1e-6, atol: 1e-9 });
    const mx = integrateOde(f, Float64Array.of(1, 1), { tMax: 5, rtol: 1e-6, atol: 1e-9, errorNorm: 'max' });
    expect(mx.steps).toBeGreaterThan(rms.steps);
    // the 'max' run equals the reference dopri5 run with err = max-norm … equivalently the rms run of
    // the one-component problem (the second component contributes 0 to the max)
    const one = integrateOde((_t, y, o) => void (o[0] = -y[0] * y[0]), Float64Array.of(1), { tMax: 5, rtol: 1e-6, atol: 1e-9, h0: 0.01 });
    const mx1 = integrateOde(f, Float64Array.of(1, 1), { tMax: 5, rtol: 1e-6, atol: 1e-9, errorNorm: 'max', h0: 0.01 });
    expect(mx1.steps).toBe(one.steps);
    expect(mx1.rejected).toBe(one.rejected);
    expect(mx1.y[0]).toBe(one.y[0]);
    // NaN in one component is an error of NaN → rejected (h·0.2), not accepted
    let calls = 0;
    const nanOnce: F = (_t, y, o) => {
      calls++;
      o[0] = -y[0];
      o[1] = calls === 5 ? NaN : 0; // a NaN in one stage of the first attempt
    };
    const n = odeLogged(nanOnce, Float64Array.of(1, 1), { tMax: 1, h0: 0.5, errorNorm: 'max', rtol: 1e-2, atol: 1e-2 });
    expect(n.r.status).toBe('done');
    expect(n.r.rejected).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(n.r.y[1])).toBe(true);
    // evaluations: f(0, y0), 6 stages of the failed attempt (h = 0.5), then the retry with h·0.2 = 0.1
    expect(n.evalTimes[1]).toBe(0.1); // stage 2 of the first attempt: c2·0.5
    expect(n.evalTimes[7]).toBeCloseTo(0.2 * 0.1, 15); // stage 2 of the retry: c2·0.1
    // (at these tolerances the 0.5 step itself would be accepted: only the NaN rejects it)
    expect(integrateOde(nanOnce, Float64Array.of(1, 1), { tMax: 1, h0: 0.5, errorNorm: 'max', rtol: 1e-2, atol: 1e-2 }).rejected).toBe(0);
    // after a rejection the next step may not grow beyond the accepted one: third attempt starts at
    // 0.1 with h ≤ 0.1 (its stage 2 at ≤ 0.1 + 0.02)
    expect(n.evalTimes[13]).toBeLessThanOrEqual(0.12 + 1e-15);
    calls = 0;
    const nr = odeLogged(nanOnce, Float64Array.of(1, 1), { tMax: 1, h0: 0.5, rtol: 1e-2, atol: 1e-2 });
    expect(nr.evalTimes[7]).toBeCloseTo(0.2 * 0.1, 15);
    expect(Number.isFinite(nr.r.y[1])).toBe(true);
  });
});

// --------------------------------------------------------------------------- integrateFlow driver

describe('integrateFlow driver rules (src/flow/integrate.ts header)', () => {
  it('exact stationary point: tEval points ≤ tMax are recorded with the constant state; converged there if the loss allows after tMin', () => {
    // L = (θ² − 1)² at θ = 0: ∇L = 0, L = 1 (a maximum along θ)
    const hump: FlowModel = { dim: 1, loss: (t) => (t[0] * t[0] - 1) ** 2, grad: (t, o) => void (o[0] = 4 * t[0] * (t[0] * t[0] - 1)) };
    const s = integrateFlow(hump, Float64Array.of(0), { tMax: 2, tEval: [0, 0.5, 2, 3] });
    expect(s.status).toBe('max-time');
    expect(s.t).toBe(2);
    expect(s.evalIndex).toEqual([0, 1, 2, -1]);
    expect(s.ts).toEqual([0, 0.5, 2]);
    expect(s.thetas[1][0]).toBe(0);
    expect(s.stats.rhsEvals).toBe(1);
    // a stationary point that is a minimum within lossTol only counts from tMin on
    const floor: FlowModel = { ...hump, lossFloor: 1 };
    const c = integrateFlow(floor, Float64Array.of(0), { tMax: 2, tMin: 1, lossTol: 1e-12 });
    expect(c.status).toBe('converged');
    expect(c.t).toBe(2);
    const late = integrateFlow(floor, Float64Array.of(0), { tMax: 0.5, tMin: 1, lossTol: 1e-12 });
    expect(late.status).toBe('max-time');
    // tMax = ∞: t stays 0 (no jump to infinity)
    const inf = integrateFlow(hump, Float64Array.of(0), {});
    expect(inf.t).toBe(0);
  });
  it('step-size collapse far from a blow-up is step-underflow, the blow-up threshold scales with ‖θ₀‖∞', () => {
    // L = |θ₁| (chatters at θ₁ = 0, the step collapses) with a constant second coordinate θ₂ = 5000:
    // ‖θ‖∞ = 5000 ≥ 1e3, but < 1e3·max(1, ‖θ₀‖∞) = 5e6: no blow-up, so step-underflow
    const kink: FlowModel = { dim: 2, loss: (t) => Math.abs(t[0]), grad: (t, o) => o.set([Math.sign(t[0]), 0]) };
    const s = integrateFlow(kink, Float64Array.of(1, 5000), { rtol: 1e-14, atol: 1e-30, tMax: 2, lossTol: -1, maxSteps: 1e5 });
    expect(s.status).toBe('step-underflow');
    expect(s.t).toBeCloseTo(1, 6);
    expect(s.theta[1]).toBe(5000);
  });
  it('time itself is bounded: t ≥ 1e300 ends the run as max-time with a finite t', () => {
    // constant tiny gradient: dopri5 is exact (err = 0), steps grow ×10 up to the 1e12·t cap
    const lin: FlowModel = { dim: 1, loss: (t) => 1e-300 * t[0], grad: (_t, o) => void (o[0] = 1e-300) };
    const s = integrateFlow(lin, Float64Array.of(1), { lossTol: -Infinity });
    expect(s.status).toBe('max-time');
    expect(Number.isFinite(s.t)).toBe(true);
    expect(s.t).toBeGreaterThanOrEqual(1e300);
    const first = integrateFlow(lin, Float64Array.of(1), { lossTol: -Infinity, h: 1e20, maxSteps: 1, recordEvery: 1 });
    expect(first.ts[1]).toBe(1e12);
  });
  it('auto-thinning of integrateFlow records: 2000 kept, the 2001st halves to even steps', () => {
    const m = diag([0.3]);
    const a = integrateFlow(m, Float64Array.of(1), { method: 'euler', h: 1, tMax: 1999, lossTol: -1 });
    expect(a.ts.length).toBe(2000);
    a.ts.forEach((t, k) => expect(t).toBe(k));
    const b = integrateFlow(m, Float64Array.of(1), { method: 'euler', h: 1, tMax: 2001, lossTol: -1 });
    expect(b.ts.length).toBe(1002);
    expect(b.ts[1]).toBe(2);
    expect(b.ts[1000]).toBe(2000);
    expect(b.ts[1001]).toBe(2001);
    expect(b.thetas[1][0]).toBe(0.7 - 0.3 * 0.7);
    expect(b.thetas[1001][0]).toBe(b.theta[0]);
    // beyond: records reuse dropped buffers, values stay right (θ_k = 0.7^k exactly computed in order)
    const c = integrateFlow(diag([1e-4]), Float64Array.of(1), { method: 'euler', h: 1, tMax: 4500, lossTol: -1 });
    let th = 1;
    const byK = new Map<number, number>();
    for (let k = 0; k <= 4500; k++) {
      byK.set(k, th);
      th = th - 1e-4 * th;
    }
    for (let i = 0; i < c.ts.length; i++) expect(c.thetas[i][0]).toBe(byK.get(c.ts[i]));
    for (let i = 1; i < c.ts.length - 1; i++) expect(c.ts[i] % 4).toBe(0);
  });
  it('gradNorm: ‖∇L‖ at the final state when the last derivative is known (dopri5 FSAL), else undefined', () => {
    const m = diag([1, 2]);
    const d = integrateFlow(m, Float64Array.of(1, 1), { tMax: 1 });
    const g = new Float64Array(2);
    m.grad(d.theta, g);
    expect(d.gradNorm).toBeCloseTo(Math.hypot(g[0], g[1]), 14);
    expect(integrateFlow(m, Float64Array.of(1, 1), { method: 'euler', h: 0.1, tMax: 1 }).gradNorm).toBeUndefined();
  });
  it('lossTol and divergeNorm boundaries are inclusive / strict as documented; tMin is inclusive', () => {
    const m = diag([1]);
    // euler h = 0.5: θ_k = 2^{−k}, L_k = ½·4^{−k}
    const c = integrateFlow(m, Float64Array.of(1), { method: 'euler', h: 0.5, lossTol: 0.125 });
    expect(c.status).toBe('converged');
    expect(c.stats.steps).toBe(1);
    const tm = integrateFlow(m, Float64Array.of(1e-11), { method: 'euler', h: 0.5, tMin: 1 });
    expect(tm.status).toBe('converged');
    expect(tm.t).toBe(1);
    const grow: FlowModel = { dim: 1, loss: (t) => -0.5 * t[0] * t[0], grad: (t, o) => void (o[0] = -t[0]) };
    const g = integrateFlow(grow, Float64Array.of(1), { method: 'euler', h: 1, divergeNorm: 4, lossTol: -Infinity });
    expect(g.status).toBe('diverged');
    expect(g.stats.steps).toBe(3); // 2, 4 (= divergeNorm: fine), 8
    expect(integrateFlow(grow, Float64Array.of(4), { method: 'euler', h: 1, divergeNorm: 4, lossTol: -Infinity, maxSteps: 0 }).status).toBe('max-steps');
  });
  it('message reports L − L* with the floor subtracted', () => {
    const fl: FlowModel = { dim: 1, loss: (t) => 3 + 0.5 * t[0] * t[0], grad: (t, o) => void (o[0] = t[0]), lossFloor: 3 };
    const s = integrateFlow(fl, Float64Array.of(1), { method: 'euler', h: 0.5, tMax: 1 });
    expect(s.message).toContain('L−L*=3.125e-2');
    expect(s.message).toContain('after 2 steps (0 rejected, 2 gradient evaluations');
    expect(s.message).toMatch(/^euler max-time at t=1\.00000/);
  });
  it('an explicit h is the first step only for dopri5 (adaptive gauss2 uses its own initial step)', () => {
    const m = diag([1, 0.5]);
    const g = integrateFlow(m, Float64Array.of(1, 1), { method: 'gauss2', adaptive: true, h: 1e-3, rtol: 1e-6, atol: 1e-9, maxSteps: 1, lossTol: -1, recordEvery: 1 });
    // crude guess: rtol^(1/4)·max(‖y‖∞, atol/rtol)/‖f‖∞ = 0.0316
    expect(relDiff(g.ts[1], 10 ** -1.5)).toBeLessThan(1e-12);
    const d = integrateFlow(m, Float64Array.of(1, 1), { h: 1e-3, hMax: 1e-4, maxSteps: 1, lossTol: -1, recordEvery: 1 });
    expect(d.ts[1]).toBe(1e-4);
  });
});

describe('integrateOde driver rules, part 2', () => {
  const zero: F = (_t, _y, o) => void (o[0] = 0);
  it('tMax < 0 or NaN throws', () => {
    expect(() => integrateOde(zero, Float64Array.of(1), { tMax: -1 })).toThrow(/tMax/);
    expect(() => integrateOde(zero, Float64Array.of(1), { tMax: NaN })).toThrow(/tMax/);
  });
  it('‖y‖∞ is the max over components (a large first component diverges), before and after steps', () => {
    const two: F = (_t, _y, o) => o.fill(0);
    expect(integrateOde(two, Float64Array.of(2e12, 0), { tMax: 1 }).status).toBe('diverged');
    expect(integrateOde(two, Float64Array.of(0, 2e12), { tMax: 1 }).status).toBe('diverged');
    // y′ = (1, 0): the first component reaches 1.5 > divergeNorm = 1 after the third step; = 1 is allowed
    const lin: F = (_t, _y, o) => {
      o[0] = 1;
      o[1] = 0;
    };
    const r = integrateOde(lin, Float64Array.of(0, 0.5), { tMax: 10, h0: 0.5, hMax: 0.5, divergeNorm: 1 });
    expect(r.status).toBe('diverged');
    expect(r.t).toBe(1.5);
    expect(r.steps).toBe(3);
    const g = integrateOde((_t, y, o) => void (o[0] = y[0]), Float64Array.of(1), { tMax: 100, divergeNorm: 1e6 });
    expect(g.status).toBe('diverged');
    expect(g.y[0]).toBeGreaterThan(1e6);
  });
  it('without landOnEval the steps ignore tEval (dense output); with it they land', () => {
    const log: number[] = [];
    const r = integrateOde(zero, Float64Array.of(1), { tMax: 1, h0: 0.25, hMax: 0.25, tEval: [0.3], stop: (t) => (log.push(t), false) });
    expect(log).toEqual([0.25, 0.5, 0.75, 1]);
    expect(r.ts).toEqual([0.3]);
    const log2: number[] = [];
    integrateOde(zero, Float64Array.of(1), { tMax: 1, h0: 0.25, hMax: 0.25, tEval: [0.3], landOnEval: true, stop: (t) => (log2.push(t), false) });
    expect(log2).toEqual([0.25, 0.3, 0.55, 0.8, 1]);
  });
  it('a tEval point that ends a step is the state itself, bit for bit (not the interpolant at s = 1)', () => {
    const f: F = (t, y, o) => {
      o[0] = -0.7 * y[0] + Math.sin(3 * t);
      o[1] = y[0] * y[2] - 0.1 * y[1];
      o[2] = -y[2] * y[2] * 0.3 + 1e-3;
    };
    const tEval = Array.from({ length: 30 }, (_, k) => 0.1 + 0.13 * k);
    const states = new Map<number, number[]>();
    const r = integrateOde(f, Float64Array.of(1.3, -2.7, 0.45), { tMax: 4, tEval, landOnEval: true, rtol: 1e-7, atol: 1e-10, stop: (t, y) => (states.set(t, Array.from(y)), false) });
    expect(r.ts).toEqual(tEval);
    tEval.forEach((te, k) => expect(Array.from(r.ys[k])).toEqual(states.get(te)));
  });
  it('HINIT thresholds are inclusive: ‖f₀/sk‖ = 1e-5, ‖y₀/sk‖ = 1e-5 and max(d1, d2) = 1e-15 exactly', () => {
    // rtol = 0, atol = 1: sk = 1, the scaled norms are the plain values
    const c = (v: number): F => (_t, _y, o) => void (o[0] = v);
    const probe = (f: F, y0: number) => odeLogged(f, Float64Array.of(y0), { tMax: 1e6, maxSteps: 1, rtol: 0, atol: 1 }).evalTimes[1];
    expect(probe(c(1e-5), 1)).toBe(1e-6); // d1 = 1e-5 → h = 1e-6 (not 0.01·1/1e-5)
    expect(probe(c(1), 1e-5)).toBe(1e-6); // d0 = 1e-5 → h = 1e-6 (not 0.01·1e-5)
    // d1 = 1e-15 and f′ = 0: h1 = max(1e-6, 1e-3·1e-6) = 1e-6 (not (0.01/1e-15)^(1/5) → 100·h = 1e-4)
    const { r } = odeLogged(c(1e-15), Float64Array.of(1), { tMax: 1e6, maxSteps: 1, rtol: 0, atol: 1 });
    expect(r.t).toBe(1e-6);
  });
  it('after a rejection the next accepted step does not grow (Hairer: hnew ≤ h after a reject)', () => {
    // y′ = [t ≥ 0.9] (a jump in time): the first attempt (h0 = 1) straddles the jump and is rejected;
    // the retry (h = 0.2) sees f ≡ 0, err = 0, whose proposal 10·h is capped to h by the rule.
    const jump: F = (t, _y, o) => void (o[0] = t < 0.9 ? 0 : 1);
    const ref = refDopri5(jump, Float64Array.of(0), { rtol: 1e-6, atol: 1e-6, maxSteps: 2, h0: 1 });
    expect(ref.events.map((e) => e.kind).slice(0, 2)).toEqual(['reject', 'accept']);
    expect(ref.events[1].err).toBe(0);
    const { r, evalTimes } = odeLogged(jump, Float64Array.of(0), { tMax: 1e6, rtol: 1e-6, atol: 1e-6, maxSteps: 2, h0: 1 });
    expect(r.rejected).toBe(ref.events.filter((e) => e.kind === 'reject').length);
    expect(evalTimes.length).toBe(ref.evalTimes.length);
    for (let i = 0; i < evalTimes.length; i++) expect(relDiff(evalTimes[i], ref.evalTimes[i])).toBeLessThan(1e-12);
    // the attempt after the accepted 0.2 step is again 0.2 long: its stage 2 at 0.2 + 0.2·0.2
    expect(evalTimes[13]).toBeCloseTo(0.24, 14);
  });
});

describe('gradientDescent drift with a non-monotone invariant and ‖I₀‖∞ > 1', () => {
  it('the drift never decreases over the records', () => {
    // θ_k = 2^{−k}; I = 5(θ − 1)(θ − 1/4) + 5: I = 5, 4.375, 5, 5.547 → |ΔI| = 0, .625, 0, .547, scale 5
    const m = diag([1], { invariants: (t) => Float64Array.of(5 * (t[0] - 1) * (t[0] - 0.25) + 5) });
    const s = gradientDescent(m, Float64Array.of(1), { eta: 0.5, steps: 3 });
    expect(s.invariantDrift).toBeCloseTo(0.625 / 5, 14);
  });
});
