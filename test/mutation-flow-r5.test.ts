// Round-5 mutation tests of src/flow/rosenbrock.ts (ROS2, docs/mutation.md).
//
// Oracles, all written here from the method's formulas (Verwer, Spee, Blom & Hundsdorfer 1999, eq. (3.1) with
// γ = 1 + 1/√2), never by calling the source's step:
//  * the scalar linear problem y' = λy: with z = hλ and a = z/(1 − γz) (= h·k1 for y = 1),
//      h·k2 = (z(1 + a) − 2a)/(1 − γz),  R(z) = 1 + (3/2)a + (1/2)h·k2,  E(z) = (a + h·k2)/2  (R − embedded Euler);
//  * a reference ROS2 step for n ≤ 3 (own Gaussian elimination) with the documented forward-difference Jacobian
//    (δ_j = √ε·max(|y_j|, 1e-5‖y‖∞, 1e-8), the represented step y_j + δ_j − y_j) and ∂F/∂t column
//    (δt = √ε·max(|t|, 1)), the documented scaled error (RMS or max of e_i/(atol + rtol·max(|y_i|, |ŷ_i|))),
//    the documented controller (h·min(5, max(0.2, 0.9·max(err, 1e-10)^{−1/2})), no growth right after a
//    rejection, h·min(fac, 0.9) on a rejection, h/5 on a non-finite error, hMax cap), the documented initial
//    step and the cubic Hermite dense output;
//  * counts of F and Jacobian evaluations implied by the documented reuse rules (J reused at the same (t, y),
//    F(t + h, ŷ) from the dense output reused as the next step's F(t, y)).
import { describe, expect, it } from 'vitest';
import { makeRos2Core, ROS2_GAMMA } from '../src/flow/rosenbrock.js';
import { integrateOde } from '../src/flow/index.js';

type Rhs = (t: number, y: Float64Array, o: Float64Array) => void;
const G = 1 + 1 / Math.sqrt(2);
const SQ = Math.sqrt(2 ** -52);

/** Solve A x = b (n ≤ 3, row-major A) by Gaussian elimination with partial pivoting. */
function solve(A: number[], b: number[], n: number): number[] {
  const M = A.slice(), x = b.slice();
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r * n + c]) > Math.abs(M[p * n + c])) p = r;
    if (p !== c) {
      for (let k = 0; k < n; k++) [M[c * n + k], M[p * n + k]] = [M[p * n + k], M[c * n + k]];
      [x[c], x[p]] = [x[p], x[c]];
    }
    for (let r = c + 1; r < n; r++) {
      const l = M[r * n + c] / M[c * n + c];
      for (let k = c; k < n; k++) M[r * n + k] -= l * M[c * n + k];
      x[r] -= l * x[c];
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c];
    for (let k = c + 1; k < n; k++) s -= M[c * n + k] * x[k];
    x[c] = s / M[c * n + c];
  }
  return x;
}

const ev = (f: Rhs, t: number, y: ArrayLike<number>) => {
  const o = new Float64Array(y.length);
  f(t, Float64Array.from(y), o);
  return Array.from(o);
};

/** The documented forward-difference Jacobian (row-major) and ∂F/∂t. */
function fdJac(f: Rhs, t: number, y: number[], autonomous: boolean): { J: number[]; ft: number[] } {
  const n = y.length;
  const f0 = ev(f, t, y);
  const yMax = Math.max(...y.map(Math.abs));
  const J = new Array<number>(n * n).fill(0);
  for (let j = 0; j < n; j++) {
    const d = SQ * Math.max(Math.abs(y[j]), 1e-5 * yMax, 1e-8);
    const yt = y.slice();
    yt[j] = y[j] + d;
    const dj = yt[j] - y[j];
    const fj = ev(f, t, yt);
    for (let i = 0; i < n; i++) J[i * n + j] = (fj[i] - f0[i]) / dj;
  }
  let ft = new Array<number>(n).fill(0);
  if (!autonomous) {
    const dt = SQ * Math.max(Math.abs(t), 1);
    const f1 = ev(f, t + dt, y);
    ft = f1.map((v, i) => (v - f0[i]) / dt);
  }
  return { J, ft };
}

interface RefOpts {
  rtol: number;
  atol: number;
  max?: boolean;
  autonomous?: boolean;
  /** exact Jacobian (row-major); when absent the documented forward differences */
  jac?: (t: number, y: number[]) => number[];
}
/** One reference ROS2 step, eq. (3.1) of Verwer et al. with the ∂F/∂t terms of the non-autonomous form. */
function refStep(f: Rhs, t: number, y: number[], h: number, o: RefOpts) {
  const n = y.length;
  const fd = fdJac(f, t, y, o.autonomous ?? false);
  const J = o.jac ? o.jac(t, y) : fd.J;
  const ft = fd.ft;
  const W: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) W.push((i === j ? 1 : 0) - G * h * J[i * n + j]);
  const f0 = ev(f, t, y);
  const k1 = solve(W, f0.map((v, i) => v + G * h * ft[i]), n);
  const f1 = ev(f, t + h, y.map((v, i) => v + h * k1[i]));
  const k2 = solve(W, f1.map((v, i) => v - 2 * k1[i] - G * h * ft[i]), n);
  const ynew = y.map((v, i) => v + h * (1.5 * k1[i] + 0.5 * k2[i]));
  const r = y.map((v, i) => (0.5 * h * (k1[i] + k2[i])) / (o.atol + o.rtol * Math.max(Math.abs(v), Math.abs(ynew[i]))));
  const err = o.max ? Math.max(...r.map(Math.abs)) : Math.sqrt(r.reduce((s, v) => s + v * v, 0) / n);
  return { ynew, err, k1, k2 };
}

function counted(f: Rhs) {
  const c = { n: 0 };
  const g: Rhs = (t, y, o) => {
    c.n++;
    f(t, y, o);
  };
  return { c, g };
}

const relClose = (a: number, b: number, tol: number, scale = Math.abs(b)) => Math.abs(a - b) <= tol * Math.max(scale, 1e-300);

/** A stiff-ish, nonlinear, non-autonomous 3-d right-hand side (couples every component; F_tt ≠ 0). */
const F3: Rhs = (t, y, o) => {
  o[0] = -2 * y[0] + y[1] * y[1] * 1e-2 + Math.sin(t) + 1e-3 * y[2];
  o[1] = y[0] * y[1] * 1e-4 - 30 * y[1] + t * t + 0.01 * y[2] * y[2];
  o[2] = -0.5 * y[2] * Math.abs(y[2]) * 1e-3 + y[0] + Math.exp(0.02 * t);
};

describe('ROS2 one step on y′ = λy: closed-form R(z) and E(z)', () => {
  const RE = (z: number) => {
    const a = z / (1 - G * z);
    const hk2 = (z * (1 + a) - 2 * a) / (1 - G * z);
    return { R: 1 + 1.5 * a + 0.5 * hk2, E: 0.5 * (a + hk2) };
  };
  const step = (z: number, y0: number, h: number, exact: boolean, rtol = 1e-3, atol = 1e-6) => {
    const lam = z / h;
    const core = makeRos2Core((_t, y, o) => void (o[0] = lam * y[0]), 1, {
      rtol,
      atol,
      autonomous: true,
      jacobian: exact ? (_t, _y, J) => void (J[0] = lam) : undefined,
    });
    const y1 = new Float64Array(1);
    const err = core.attempt(0, Float64Array.of(y0), h, y1);
    return { y1: y1[0], err };
  };

  it('γ = 1 + 1/√2', () => expect(ROS2_GAMMA).toBeCloseTo(G, 15));

  it('matches R(z)·y0 and the scaled |E(z)·y0| for exact and difference Jacobians, y0 of either sign', () => {
    for (const z of [0.5, 0.05, -0.02, -3, -40, -1e4])
      for (const y0 of [2, -2])
        for (const exact of [true, false])
          for (const h of [1, 0.01]) {
            const { R, E } = RE(z);
            const { y1, err } = step(z, y0, h, exact);
            // difference Jacobian of a linear F: exact to the rounding ε|F|/δ ≈ √ε relative ⇒ ≤ 1e-7 in R
            const tol = exact ? 1e-13 : 1e-6;
            expect(relClose(y1, R * y0, tol, Math.abs(y0))).toBe(true);
            const sc = 1e-6 + 1e-3 * Math.max(Math.abs(y0), Math.abs(R * y0));
            expect(relClose(err, Math.abs(E * y0) / sc, exact ? 1e-11 : 1e-5)).toBe(true);
          }
  });

  it('error estimate is second order (E ≈ −z²/(2)…) and the controller norm is RMS over components', () => {
    // two uncoupled components with λ1 ≠ λ2: RMS vs max of the two scaled errors
    const h = 0.1, l1 = -1, l2 = -20;
    const mk = (max: boolean) =>
      makeRos2Core((_t, y, o) => {
        o[0] = l1 * y[0];
        o[1] = l2 * y[1];
      }, 2, { rtol: 1e-4, atol: 1e-7, autonomous: true, errorNorm: max ? 'max' : 'rms', jacobian: (_t, _y, J) => J.set([l1, 0, 0, l2]) });
    const y0 = Float64Array.of(1, -3);
    const r = [RE(h * l1), RE(h * l2)];
    const e = r.map(({ R, E }, i) => Math.abs(E * y0[i]) / (1e-7 + 1e-4 * Math.max(Math.abs(y0[i]), Math.abs(R * y0[i]))));
    const y1 = new Float64Array(2);
    expect(relClose(mk(false).attempt(0, y0, h, y1), Math.hypot(e[0], e[1]) / Math.SQRT2, 1e-11)).toBe(true);
    expect(relClose(y1[1], r[1].R * -3, 1e-13)).toBe(true);
    expect(relClose(mk(true).attempt(0, y0, h, y1), Math.max(e[0], e[1]), 1e-11)).toBe(true);
    // E(z) = O(z²): halving z quarters it
    const q = RE(-1e-3).E / RE(-5e-4).E;
    expect(q).toBeGreaterThan(3.9);
    expect(q).toBeLessThan(4.1);
  });

  it('a singular W = I − γhJ is reported as an infinite error (rejected, not thrown)', () => {
    const z = 0.585786437626905; // 1 − γ·z rounds to exactly 0
    expect(1 - G * z).toBe(0);
    const core = makeRos2Core((_t, y, o) => void (o[0] = z * y[0]), 1, { rtol: 1, atol: 1, autonomous: true, jacobian: (_t, _y, J) => void (J[0] = z) });
    const y1 = new Float64Array(1);
    expect(core.attempt(0, Float64Array.of(1), 1, y1)).toBe(Infinity);
    // and a regular step right after still works
    expect(Number.isFinite(core.attempt(0, Float64Array.of(1), 0.5, y1))).toBe(true);
  });

  it('a NaN component makes the max-norm error NaN (never an accepted 0)', () => {
    const core = makeRos2Core((_t, y, o) => {
      o[0] = Math.sqrt(y[0]); // NaN for y0 < 0
      o[1] = -y[1];
    }, 2, { rtol: 1e-6, atol: 1e-9, autonomous: true, errorNorm: 'max', jacobian: (_t, _y, J) => J.set([0, 0, 0, -1]) });
    const err = core.attempt(0, Float64Array.of(-1, 1), 0.1, new Float64Array(2));
    expect(err <= 1).toBe(false);
    expect(Number.isNaN(err)).toBe(true);
  });
});

describe('ROS2 step vs a reference implementation (difference Jacobian, ∂F/∂t, error norms)', () => {
  const states: { t: number; y: number[]; h: number }[] = [
    { t: 0, y: [1, 2, 3], h: 0.05 },
    { t: 0.7, y: [1e4, 3e-3, -2], h: 1e-3 }, // large and tiny components: δ_j = √ε|y_j| and √ε·1e-5‖y‖∞
    { t: -50, y: [-1e4, 0, 5], h: 2e-3 }, // |t| > 1: δt = √ε|t|; negative components; a zero component
    { t: 50, y: [0, 1e6, 0], h: 1e-4 },
    { t: 0.3, y: [0, 0, 0], h: 0.2 }, // all zero: δ = √ε·1e-8
    { t: -0.4, y: [-3, 0.5, -7e3], h: 0.01 },
  ];
  for (const max of [false, true])
    for (const autonomous of [false, true])
      it(`one step at six states (${max ? 'max' : 'rms'} norm, ${autonomous ? 'autonomous flag' : 'with ∂F/∂t'})`, () => {
        for (const { t, y, h } of states) {
          const o = { rtol: 1e-6, atol: 1e-9, max, autonomous };
          const ref = refStep(F3, t, y, h, o);
          const core = makeRos2Core(F3, 3, { ...o, errorNorm: max ? 'max' : 'rms' });
          const ynew = new Float64Array(3);
          const err = core.attempt(t, Float64Array.from(y), h, ynew);
          const scale = Math.max(1, ...y.map(Math.abs));
          // identical J and ∂F/∂t (same documented operations); only the two 3×3 solves differ in rounding:
          // κ(W)·ε·scale with κ ≤ 1e3 here ⇒ 1e-12 relative
          for (let i = 0; i < 3; i++) expect(Math.abs(ynew[i] - ref.ynew[i])).toBeLessThanOrEqual(1e-12 * scale);
          expect(relClose(err, ref.err, 1e-6)).toBe(true);
        }
      });

  it('the difference Jacobian is forward, at the documented scale (F = y², large |y|)', () => {
    // F(y) = y²: the forward difference gives J = 2y + δ exactly up to rounding, with δ = √ε·|y|; a step of
    // h = 1/(4y) makes the answer depend on J at first order
    for (const y0 of [1e4, -1e4, 3e-7]) {
      const f: Rhs = (_t, y, o) => void (o[0] = y[0] * y[0]);
      const h = 1 / (4 * Math.abs(y0));
      const ref = refStep(f, 0, [y0], h, { rtol: 1e-6, atol: 1e-9, autonomous: true });
      const core = makeRos2Core(f, 1, { rtol: 1e-6, atol: 1e-9, autonomous: true });
      const ynew = new Float64Array(1);
      core.attempt(0, Float64Array.of(y0), h, ynew);
      expect(Math.abs(ynew[0] - ref.ynew[0])).toBeLessThanOrEqual(4e-15 * Math.abs(y0));
    }
  });

  it('∂F/∂t is a forward difference with δt = √ε·max(|t|, 1) (F = t³, t = −40, 0, 0.5, 40)', () => {
    const f: Rhs = (t, _y, o) => void (o[0] = t * t * t);
    for (const t of [-40, 0, 0.5, 40]) {
      const h = 0.3;
      const ref = refStep(f, t, [1], h, { rtol: 1e-6, atol: 1e-9 });
      const core = makeRos2Core(f, 1, { rtol: 1e-6, atol: 1e-9 });
      const ynew = new Float64Array(1);
      core.attempt(t, Float64Array.of(1), h, ynew);
      expect(Math.abs(ynew[0] - ref.ynew[0])).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(ref.ynew[0])));
    }
  });

  it('with an exact Jacobian the step matches the reference to rounding, and the callback is used', () => {
    let calls = 0;
    const jac = (t: number, y: number[]) => [
      -2, 2e-2 * y[1], 1e-3,
      1e-4 * y[1], 1e-4 * y[0] - 30, 0.02 * y[2],
      1, 0, -1e-3 * Math.abs(y[2]),
    ];
    const core = makeRos2Core(F3, 3, {
      rtol: 1e-6,
      atol: 1e-9,
      jacobian: (t, y, J) => {
        calls++;
        J.set(jac(t, Array.from(y)));
      },
    });
    const y = [1, -2, 4];
    const ref = refStep(F3, 1.5, y, 0.05, { rtol: 1e-6, atol: 1e-9, jac });
    const ynew = new Float64Array(3);
    core.attempt(1.5, Float64Array.from(y), 0.05, ynew);
    for (let i = 0; i < 3; i++) expect(Math.abs(ynew[i] - ref.ynew[i])).toBeLessThanOrEqual(1e-13 * 4);
    expect(calls).toBe(1);
  });
});

describe('ROS2 evaluation counts and reuse rules', () => {
  it('F evaluations per attempt: 1 + n + 1 + 1 (differences, ∂F/∂t), n + 2 autonomous, 3 / 2 with an exact J', () => {
    const y = Float64Array.of(1, 2, 3);
    const cases: [boolean, boolean, number][] = [
      [false, false, 6],
      [true, false, 5],
      [false, true, 3],
      [true, true, 2],
    ];
    for (const [autonomous, exact, want] of cases) {
      const { c, g } = counted(F3);
      const core = makeRos2Core(g, 3, { rtol: 1e-6, atol: 1e-9, autonomous, jacobian: exact ? (_t, _y, J) => J.fill(0) : undefined });
      core.attempt(0, y, 0.01, new Float64Array(3));
      expect(c.n).toBe(want);
    }
  });

  it('a retry at the same (t, y) reuses F(t, y), J and ∂F/∂t (one evaluation); a new t or y recomputes them', () => {
    const { c, g } = counted(F3);
    let jc = 0;
    const core = makeRos2Core(g, 3, { rtol: 1e-6, atol: 1e-9, jacobian: (_t, y, J) => void (jc++, J.fill(0), (J[0] = -2)) });
    const y = Float64Array.of(1, 2, 3);
    const out = new Float64Array(3);
    core.attempt(0, y, 0.1, out);
    expect([c.n, jc]).toEqual([3, 1]);
    core.attempt(0, y, 0.05, out); // rejected-step retry: same (t, y)
    expect([c.n, jc]).toEqual([4, 1]);
    core.attempt(0, Float64Array.of(1, 2, 3.5), 0.05, out); // one component changed (f0 stays as the driver left it)
    expect([c.n, jc]).toEqual([6, 2]);
    core.attempt(0.5, Float64Array.of(1, 2, 3.5), 0.05, out); // same y, new t
    expect([c.n, jc]).toEqual([8, 3]);
  });

  it('stale J/∂F/∂t are never used: after a move in t or in one component the step matches a fresh reference', () => {
    const core = makeRos2Core(F3, 3, { rtol: 1e-6, atol: 1e-9 });
    const out = new Float64Array(3);
    const seq: [number, number[]][] = [
      [0, [1, 2, 3]],
      [2, [1, 2, 3]],
      [2, [1, 2, -30]],
      [2, [-40, 2, -30]],
    ];
    for (const [t, y] of seq) {
      core.f0Valid = false; // the driver's contract: f0 is valid only for the state it was formed at
      core.attempt(t, Float64Array.from(y), 0.05, out);
      const ref = refStep(F3, t, y, 0.05, { rtol: 1e-6, atol: 1e-9 });
      for (let i = 0; i < 3; i++) expect(Math.abs(out[i] - ref.ynew[i])).toBeLessThanOrEqual(1e-12 * 40);
    }
  });

  it('accepted(): without dense output the next step re-evaluates F; after dense output F(t+h, ŷ) is reused', () => {
    const { c, g } = counted(F3);
    const core = makeRos2Core(g, 3, { rtol: 1e-6, atol: 1e-9, autonomous: true, jacobian: (_t, _y, J) => J.fill(0) });
    let y = Float64Array.of(1, 2, 3);
    let yn = new Float64Array(3);
    core.attempt(0, y, 0.1, yn);
    expect(c.n).toBe(2);
    core.accepted();
    expect(core.f0Valid).toBe(false);
    [y, yn] = [yn, y];
    core.attempt(0.1, y, 0.1, yn);
    expect(c.n).toBe(4); // F(t, y) again + stage 2
    const out = new Float64Array(3);
    core.dense(0.5, y, yn, 0.1, out);
    core.dense(0.25, y, yn, 0.1, out); // the end slope is computed once per step
    expect(c.n).toBe(5);
    const fEnd = ev(F3, 0.2, yn);
    core.accepted();
    expect(core.f0Valid).toBe(true);
    expect(Array.from(core.f0)).toEqual(fEnd);
    [y, yn] = [yn, y];
    core.attempt(0.2, y, 0.1, yn);
    expect(c.n).toBe(6); // FSAL: only stage 2
    // a plain accepted() after that does not swap in the stale end slope again
    const ref = refStep(F3, 0.2, Array.from(y), 0.1, { rtol: 1e-6, atol: 1e-9, autonomous: true, jac: () => new Array(9).fill(0) });
    for (let i = 0; i < 3; i++) expect(Math.abs(yn[i] - ref.ynew[i])).toBeLessThanOrEqual(1e-13 * 4);
    core.accepted();
    expect(core.f0Valid).toBe(false);
  });

  it('ensureF0 evaluates once and returns F(t, y)', () => {
    const { c, g } = counted(F3);
    const core = makeRos2Core(g, 3, { rtol: 1e-6, atol: 1e-9 });
    expect(core.f0Valid).toBe(false);
    const y = Float64Array.of(1, -1, 2);
    expect(Array.from(core.ensureF0(0.3, y))).toEqual(ev(F3, 0.3, y));
    core.ensureF0(0.3, y);
    expect(c.n).toBe(1);
  });
});

describe('ROS2 dense output (cubic Hermite)', () => {
  it('interpolates with the end slopes F(t, y) and F(t + h, ŷ) (non-autonomous F)', () => {
    const core = makeRos2Core(F3, 3, { rtol: 1e-6, atol: 1e-9 });
    const t = 1.25, h = 0.2;
    const y = Float64Array.of(0.5, -1, 2);
    const yn = new Float64Array(3);
    core.attempt(t, y, h, yn);
    const f0 = ev(F3, t, y), f1 = ev(F3, t + h, yn);
    for (const s of [0, 0.2, 0.5, 0.9, 1]) {
      const out = new Float64Array(3);
      core.dense(s, y, yn, h, out);
      const h00 = 2 * s ** 3 - 3 * s ** 2 + 1, h10 = s ** 3 - 2 * s ** 2 + s, h01 = -2 * s ** 3 + 3 * s ** 2, h11 = s ** 3 - s ** 2;
      for (let i = 0; i < 3; i++) {
        const want = h00 * y[i] + h10 * h * f0[i] + h01 * yn[i] + h11 * h * f1[i];
        expect(Math.abs(out[i] - want)).toBeLessThanOrEqual(1e-14 * 4);
      }
    }
  });

  it('is exact for a cubic solution (y = t³ − t: Hermite reproduces cubics)', () => {
    const f: Rhs = (t, _y, o) => void (o[0] = 3 * t * t - 1);
    const core = makeRos2Core(f, 1, { rtol: 1e-6, atol: 1e-9 });
    const t = 0.5, h = 0.4;
    const Y = (s: number) => s ** 3 - s;
    const yn = new Float64Array(1);
    core.attempt(t, Float64Array.of(Y(t)), h, yn);
    // evaluate the interpolant against the exact endpoint value, not the step's (order-2) ŷ
    const out = new Float64Array(1);
    for (const s of [0.25, 0.6]) {
      core.dense(s, Float64Array.of(Y(t)), Float64Array.of(Y(t + h)), h, out);
      expect(Math.abs(out[0] - Y(t + s * h))).toBeLessThan(1e-14);
    }
  });
});

describe('ROS2 step-size controller and initial step', () => {
  const mk = (hMax?: number) => makeRos2Core((_t, y, o) => void (o[0] = -y[0]), 1, { rtol: 1e-6, atol: 1e-9, hMax });
  // documented factor: min(5, max(0.2, 0.9·max(err, 1e-10)^{−1/2}))
  const fac = (err: number) => Math.min(5, Math.max(0.2, 0.9 / Math.sqrt(Math.max(err, 1e-10))));

  it('accepted steps: h·fac(err) with the clamps 0.2 and 5', () => {
    for (const err of [0, 1e-12, 1e-3, 0.5, 0.81, 1]) {
      const c = mk();
      expect(relClose(c.propose(2, err, true), 2 * fac(err), 1e-14)).toBe(true);
    }
    expect(mk().propose(2, 0.5, true)).toBeCloseTo(2 * 0.9 * Math.SQRT2, 12);
    expect(mk().propose(2, 1e-12, true)).toBe(10);
  });

  it('rejections: h·min(fac, 0.9), non-finite errors h/5, and no growth on the step after a rejection', () => {
    for (const err of [1.0001, 2, 4, 50, 1e6]) {
      const c = mk();
      expect(relClose(c.propose(1, err, false), Math.min(fac(err), 0.9), 1e-14)).toBe(true);
    }
    for (const err of [NaN, Infinity, -1]) {
      const c = mk();
      expect(c.propose(1, err, false)).toBeCloseTo(0.2, 15);
      expect(c.propose(1, 1e-6, true)).toBe(1); // fac = 5 but capped at h right after a rejection
      expect(c.propose(1, 1e-6, true)).toBe(5); // and free again one step later
    }
    const c = mk();
    c.propose(1, 4, false);
    expect(c.propose(1, 0.25, true)).toBe(1); // 1.8 capped at 1
    expect(c.propose(1, 4, true)).toBeCloseTo(0.45, 14); // a shrinking accepted step is not capped
    expect(c.propose(1, 0.25, true)).toBeCloseTo(1.8, 14);
  });

  it('hMax caps proposals and the initial step; without hMax nothing is capped', () => {
    expect(mk(3).propose(2, 1e-12, true)).toBe(3);
    expect(mk(30).propose(2, 1e-12, true)).toBe(10);
    expect(mk(1e-3).initialStep(Float64Array.of(1))).toBe(1e-3);
    expect(mk().initialStep(Float64Array.of(1))).toBeCloseTo(0.01, 12); // F = −y: dny/dnf = 1
    const r = integrateOde((_t, y, o) => void (o[0] = -y[0]), Float64Array.of(1), { tMax: 1, method: 'ros2', hMax: 0.01, rtol: 1e-3, atol: 1e-6 });
    expect(r.status).toBe('done');
    expect(r.steps).toBeGreaterThanOrEqual(100);
    const u = integrateOde((_t, y, o) => void (o[0] = -y[0]), Float64Array.of(1), { tMax: 1, method: 'ros2', rtol: 1e-3, atol: 1e-6 });
    expect(u.status).toBe('done');
    expect(u.steps).toBeLessThan(100);
    expect(Math.abs(u.y[0] - Math.exp(-1))).toBeLessThan(1e-3);
  });

  it('initial step 0.01·‖y‖/‖F‖ in the scaled RMS norm, 1e-6 when either is ≤ 1e-5, F taken at the given t', () => {
    const f: Rhs = (t, y, o) => {
      o[0] = 3 * y[1] + t;
      o[1] = -y[0];
    };
    const rtol = 1e-3, atol = 1e-2;
    const want = (y: number[], t: number) => {
      const F = ev(f, t, y);
      const sk = y.map((v) => atol + rtol * Math.abs(v));
      const dnf = Math.sqrt((F[0] / sk[0]) ** 2 / 2 + (F[1] / sk[1]) ** 2 / 2);
      const dny = Math.sqrt((y[0] / sk[0]) ** 2 / 2 + (y[1] / sk[1]) ** 2 / 2);
      return dnf <= 1e-5 || dny <= 1e-5 ? 1e-6 : (0.01 * dny) / dnf;
    };
    for (const [y, t] of [
      [[1, -2], 0],
      [[-5, 0.1], 4],
      [[200, 30], -7],
    ] as [number[], number][]) {
      const { c, g } = counted(f);
      const core = makeRos2Core(g, 2, { rtol, atol });
      const h0 = t === 0 ? core.initialStep(Float64Array.from(y)) : core.initialStep(Float64Array.from(y), t);
      expect(relClose(h0, want(y, t), 1e-14)).toBe(true);
      core.attempt(t, Float64Array.from(y), h0, new Float64Array(2));
      expect(c.n).toBe(1 + 2 + 1 + 1); // the initial-step F(t, y) is the first step's F(t, y)
    }
    // default t = 0 when F depends on t
    const c0 = makeRos2Core(f, 2, { rtol, atol });
    expect(relClose(c0.initialStep(Float64Array.of(0, 1)), want([0, 1], 0), 1e-14)).toBe(true);
    // thresholds, with atol = 1, rtol = 0 (scaled norms are the plain RMS): exactly 1e-5 counts as small
    const lin = (a: number): Rhs => (_t, _y, o) => void (o[0] = a);
    const one = (a: number, y: number) => makeRos2Core(lin(a), 1, { rtol: 0, atol: 1 }).initialStep(Float64Array.of(y));
    expect(one(1e-5, 1)).toBe(1e-6);
    expect(one(2e-5, 1)).toBeCloseTo(500, 9);
    expect(one(1, 1e-5)).toBe(1e-6);
    expect(one(1, 2e-5)).toBeCloseTo(2e-7, 18);
    expect(one(0, 1)).toBe(1e-6);
  });
});
