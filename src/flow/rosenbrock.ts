// ROS2: the two-stage, second-order, L-stable Rosenbrock W-method of Verwer, Spee, Blom & Hundsdorfer
// (SIAM J. Sci. Comput. 20(4), 1999), with its embedded first-order solution for step control.
//
// Why a stiff method: some flows become stiff as they run. The normalised exponential-loss flow of
// Yun et al. is the case in point — its softmax weights react to ‖Θ‖^L-sized margin differences, so the
// fastest mode grows like τ while the direction moves on a time scale τ: an explicit method's stable step
// shrinks like 1/τ and its cost grows like τ² (measured: dopri5 needs 2.6·10⁵ steps for τ ∈ [100, 1000]
// and > 2·10⁶ for [1000, 10⁴] on a 7-parameter conv net, at rtol 1e-10 or 1e-6 alike — stability, not
// accuracy, sets the step). An L-stable method's step follows the slow time scale instead.
//
// One step from (t, y) with step h, γ = 1 + 1/√2 and J ≈ ∂F/∂y at (t, y) (any J keeps order 2: W-method):
//   (I − γhJ) k1 = F(t, y)            + γh ∂F/∂t
//   (I − γhJ) k2 = F(t + h, y + h k1) − 2 k1 − γh ∂F/∂t
//   y_{n+1}     = y + h (3/2 k1 + 1/2 k2)
// The ∂F/∂t terms come from treating t as a state with t' = 1 (skipped for autonomous right-hand sides).
// Stability function R(z) = 1 + z + z²/2 + O(z³) with R(∞) = 0 (L-stable: stiff modes are damped, not
// oscillated). Embedded solution: y + h k1 (linearly implicit Euler), so the error estimate is
// h (k1 + k2)/2, of order h²; the controller exponent is therefore 1/2.
//
// J is a forward-difference Jacobian (n + 1 evaluations, reused after a rejected step since y is unchanged);
// the linear systems are solved by one LU factorisation of I − γhJ per attempt (ml-matrix).
import { LuDecomposition, Matrix } from 'ml-matrix';
import type { Dopri5Core, ErrorNorm, OdeRhs } from './dopri5.js';

export const ROS2_GAMMA = 1 + Math.SQRT1_2;

export interface Ros2Options {
  rtol: number;
  atol: number;
  hMax?: number;
  errorNorm?: ErrorNorm;
  /** F does not depend on t: skip the ∂F/∂t column (one evaluation fewer per step). */
  autonomous?: boolean;
  /** Exact ∂F/∂y (row-major n × n) in place of forward differences — needed where F is so sensitive that a
   *  √ε-relative difference step is already outside its linear range. */
  jacobian?: (t: number, y: Float64Array, J: Float64Array) => void;
}

/** A ROS2 stepper with the same contract as the Dormand–Prince core (./dopri5.ts), so ./ode.ts drives both. */
export function makeRos2Core(f: OdeRhs, n: number, opts: Ros2Options): Dopri5Core {
  const { rtol, atol } = opts;
  const hMax = opts.hMax ?? Infinity;
  const maxNorm = opts.errorNorm === 'max';
  const autonomous = opts.autonomous ?? false;
  const g = ROS2_GAMMA;
  let f0 = new Float64Array(n);
  let fNew = new Float64Array(n);
  let fNewValid = false;
  const ft = new Float64Array(n);
  const k1 = new Float64Array(n), k2 = new Float64Array(n);
  const yt = new Float64Array(n), tmp = new Float64Array(n);
  const J = new Float64Array(n * n);
  let jacAt: Float64Array | null = null; // state the Jacobian was formed at
  let jacT = NaN;
  let lastRejected = false;
  let tEnd = NaN; // t + h of the last attempt (where dense output needs F)
  const SQRT_EPS = Math.sqrt(Number.EPSILON);

  function jacobian(t: number, y: Float64Array): void {
    if (jacAt && jacT === t && jacAt.every((v, i) => v === y[i])) return;
    if (opts.jacobian) opts.jacobian(t, y, J);
    else {
      let yMax = 0;
      for (let i = 0; i < n; i++) yMax = Math.max(yMax, Math.abs(y[i]));
      for (let j = 0; j < n; j++) {
        // forward difference with δ ≈ √ε·scale: truncation O(δ) and rounding O(ε/δ) balance at ~√ε relative
        const d = SQRT_EPS * Math.max(Math.abs(y[j]), 1e-5 * yMax, 1e-8);
        yt.set(y);
        yt[j] = y[j] + d;
        const dj = yt[j] - y[j]; // the step actually represented
        f(t, yt, tmp);
        for (let i = 0; i < n; i++) J[i * n + j] = (tmp[i] - f0[i]) / dj;
      }
    }
    if (!autonomous) {
      const dt = SQRT_EPS * Math.max(Math.abs(t), 1);
      f(t + dt, y, tmp);
      for (let i = 0; i < n; i++) ft[i] = (tmp[i] - f0[i]) / dt;
    } else ft.fill(0);
    jacAt = Float64Array.from(y);
    jacT = t;
  }

  const core: Dopri5Core = {
    get f0() {
      return f0;
    },
    f0Valid: false,
    ensureF0(t, y) {
      if (!core.f0Valid) {
        f(t, y, f0);
        core.f0Valid = true;
      }
      return f0;
    },
    attempt(t, y, h, ynew) {
      core.ensureF0(t, y);
      fNewValid = false;
      tEnd = t + h;
      jacobian(t, y);
      const W = new Matrix(n, n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) W.set(i, j, (i === j ? 1 : 0) - g * h * J[i * n + j]);
      const lu = new LuDecomposition(W);
      if (lu.isSingular()) return Infinity;
      const rhs1 = new Matrix(n, 1);
      for (let i = 0; i < n; i++) rhs1.set(i, 0, f0[i] + g * h * ft[i]);
      const s1 = lu.solve(rhs1);
      for (let i = 0; i < n; i++) {
        k1[i] = s1.get(i, 0);
        yt[i] = y[i] + h * k1[i];
      }
      f(t + h, yt, tmp);
      const rhs2 = new Matrix(n, 1);
      for (let i = 0; i < n; i++) rhs2.set(i, 0, tmp[i] - 2 * k1[i] - g * h * ft[i]);
      const s2 = lu.solve(rhs2);
      let s = 0;
      for (let i = 0; i < n; i++) {
        k2[i] = s2.get(i, 0);
        ynew[i] = y[i] + h * (1.5 * k1[i] + 0.5 * k2[i]);
        const e = 0.5 * h * (k1[i] + k2[i]);
        const r = e / (atol + rtol * Math.max(Math.abs(y[i]), Math.abs(ynew[i])));
        if (maxNorm) {
          const a = Math.abs(r);
          if (a > s || a !== a) s = a;
        } else s += r * r;
      }
      return maxNorm ? s : Math.sqrt(s / n);
    },
    accepted() {
      if (fNewValid) {
        const sw = f0;
        f0 = fNew;
        fNew = sw;
        core.f0Valid = true;
      } else core.f0Valid = false;
      fNewValid = false;
    },
    propose(h, err, ok) {
      if (!(err >= 0) || !Number.isFinite(err)) {
        lastRejected = true;
        return h * 0.2;
      }
      // error estimate of order h² ⇒ h_new = h·(1/err)^{1/2}, safety 0.9, growth in [0.2, 5]
      const fac = Math.min(5, Math.max(0.2, 0.9 * Math.pow(Math.max(err, 1e-10), -0.5)));
      if (ok) {
        const hnew = lastRejected ? Math.min(h * fac, h) : h * fac;
        lastRejected = false;
        return Math.min(hnew, hMax);
      }
      lastRejected = true;
      return h * Math.min(fac, 0.9);
    },
    initialStep(y, t = 0) {
      // the step over which an explicit Euler step would move y by 1% of its scaled size (order 1 heuristic;
      // the controller corrects it within a few steps)
      const F = core.ensureF0(t, y);
      let dnf = 0, dny = 0;
      for (let i = 0; i < n; i++) {
        const sk = atol + rtol * Math.abs(y[i]);
        dnf += (F[i] / sk) ** 2;
        dny += (y[i] / sk) ** 2;
      }
      dnf = Math.sqrt(dnf / n);
      dny = Math.sqrt(dny / n);
      const h = dnf <= 1e-5 || dny <= 1e-5 ? 1e-6 : 0.01 * (dny / dnf);
      return Math.min(h, hMax);
    },
    dense(s, y, ynew, h, out) {
      // cubic Hermite on [y, ynew] with the end slopes F(t, y) and F(t + h, ynew) (the latter is kept as the next
      // step's F(t, y)); third-order accurate for smooth solutions, above the method's order 2
      if (!fNewValid) {
        // the driver calls dense only between attempt and accepted, so ynew is the attempt's end state at tEnd
        f(tEnd, ynew, fNew);
        fNewValid = true;
      }
      const h00 = (1 + 2 * s) * (1 - s) ** 2, h10 = s * (1 - s) ** 2, h01 = s * s * (3 - 2 * s), h11 = s * s * (s - 1);
      for (let i = 0; i < n; i++) out[i] = h00 * y[i] + h10 * h * f0[i] + h01 * ynew[i] + h11 * h * fNew[i];
    },
  };
  return core;
}
