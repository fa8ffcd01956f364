// The one Dormand–Prince 5(4) core of the flow layer (Dormand & Prince 1980; Hairer, Nørsett &
// Wanner, Solving ODEs I, §II.5 and the dopri5 code): 7 stages, FSAL, error of the embedded
// 4th-order solution, PI step-size control (β = 0.04), dense output of order 4 (Shampine 1986
// continuous extension, Hairer's contd5), Hairer's HINIT initial step.
//
// It integrates a general (possibly non-autonomous) ODE y' = F(t, y). Both drivers use it:
// `integrateFlow` (./integrate.ts, F = −∇L, autonomous) and `integrateOde` (./ode.ts, any F).
// The core holds all of its buffers (allocated once); `attempt` does not allocate. It follows the
// Stepper contract of ./integrate.ts (attempt / accepted / propose / initialStep / dense, with the
// derivative at the current state kept in `f0` and reused first-same-as-last).

/** A general right-hand side: writes F(t, y) into `out`. */
export type OdeRhs = (t: number, y: Float64Array, out: Float64Array) => void;

/** How the scaled local error e_i / (atol + rtol·max(|y_i|, |ynew_i|)) is reduced to one number. */
export type ErrorNorm = 'rms' | 'max';

export interface Dopri5Options {
  rtol: number;
  atol: number;
  /** Largest step the controller may propose (default Infinity). */
  hMax?: number;
  /** Error norm (default 'rms', as Hairer's dopri5 and SciPy's RK45; 'max' is stricter by ≤ √n). */
  errorNorm?: ErrorNorm;
}

export interface Dopri5Core {
  /** f(t, y) at the current state, valid when f0Valid (FSAL after an accepted step). */
  readonly f0: Float64Array;
  f0Valid: boolean;
  /** Evaluates f0 at (t, y) unless already valid; returns it. */
  ensureF0(t: number, y: Float64Array): Float64Array;
  /** One step of size h from (t, y) into ynew; returns the scaled error (≤ 1: accept; NaN/∞: reject). */
  attempt(t: number, y: Float64Array, h: number, ynew: Float64Array): number;
  /** The driver accepted the last attempt (call before swapping y ↔ ynew): FSAL swap. */
  accepted(): void;
  /** Next step size after an accepted (ok) or rejected attempt of size h with scaled error err. */
  propose(h: number, err: number, ok: boolean): number;
  /** Hairer's HINIT starting step at (t, y) (costs one extra evaluation). */
  initialStep(y: Float64Array, t?: number): number;
  /** State at t + s·h (s ∈ [0, 1]) inside the attempt just made (call between attempt and accepted). */
  dense(s: number, y: Float64Array, ynew: Float64Array, h: number, out: Float64Array): void;
}

// Butcher tableau (Hairer's dopri5).
const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const A71 = 35 / 384, A73 = 500 / 1113, A74 = 125 / 192, A75 = -2187 / 6784, A76 = 11 / 84;
// Error coefficients e = b(5) − b̂(4).
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;
// Dense output (Hairer's contd5).
const D1 = -12715105075 / 11282082432, D3 = 87487479700 / 32700410799, D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632, D6 = -1453857185 / 822651844, D7 = 69997945 / 29380423;

export function makeDopri5Core(f: OdeRhs, n: number, opts: Dopri5Options): Dopri5Core {
  const { rtol, atol } = opts;
  const hMax = opts.hMax ?? Infinity;
  const maxNorm = opts.errorNorm === 'max';
  let k1 = new Float64Array(n);
  const k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const k5 = new Float64Array(n), k6 = new Float64Array(n);
  let k7 = new Float64Array(n);
  const yt = new Float64Array(n);
  // PI controller constants (Hairer's dopri5 defaults).
  const beta = 0.04, expo1 = 0.2 - 0.75 * beta, safe = 0.9, facc1 = 1 / 0.2, facc2 = 1 / 10;
  let facold = 1e-4;
  let lastRejected = false;
  const core: Dopri5Core = {
    get f0() {
      return k1;
    },
    f0Valid: false,
    ensureF0(t, y) {
      if (!core.f0Valid) {
        f(t, y, k1);
        core.f0Valid = true;
      }
      return k1;
    },
    attempt(t, y, h, ynew) {
      core.ensureF0(t, y);
      for (let i = 0; i < n; i++) yt[i] = y[i] + h * A21 * k1[i];
      f(t + C2 * h, yt, k2);
      for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
      f(t + C3 * h, yt, k3);
      for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
      f(t + C4 * h, yt, k4);
      for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
      f(t + C5 * h, yt, k5);
      for (let i = 0; i < n; i++) yt[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
      f(t + h, yt, k6);
      for (let i = 0; i < n; i++) ynew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
      f(t + h, ynew, k7);
      // err = RMS (or max) of e_i / (atol + rtol·max(|y_i|, |ynew_i|))
      let s = 0;
      for (let i = 0; i < n; i++) {
        const e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
        const sk = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(ynew[i]));
        const r = e / sk;
        if (maxNorm) {
          const a = Math.abs(r);
          if (a > s || a !== a) s = a;
        } else s += r * r;
      }
      return maxNorm ? s : Math.sqrt(s / n);
    },
    accepted() {
      const tmp = k1; // FSAL: f(t + h, ynew) = k7 becomes the next k1
      k1 = k7;
      k7 = tmp;
      core.f0Valid = true;
    },
    propose(h, err, ok) {
      if (!(err >= 0) || !Number.isFinite(err)) {
        lastRejected = true;
        return h * 0.2;
      }
      const fac11 = Math.pow(err, expo1);
      if (ok) {
        let fac = fac11 / Math.pow(facold, beta);
        fac = Math.max(facc2, Math.min(facc1, fac / safe));
        let hnew = h / fac;
        facold = Math.max(err, 1e-4);
        if (lastRejected) hnew = Math.min(hnew, h);
        lastRejected = false;
        return Math.min(hnew, hMax);
      }
      lastRejected = true;
      return h / Math.min(facc1, fac11 / safe);
    },
    initialStep(y, t = 0) {
      // Hairer's HINIT with RMS norms (as in SciPy's select_initial_step), order 5.
      const f0 = core.ensureF0(t, y);
      let dnf = 0, dny = 0;
      for (let i = 0; i < n; i++) {
        const sk = atol + rtol * Math.abs(y[i]);
        dnf += (f0[i] / sk) ** 2;
        dny += (y[i] / sk) ** 2;
      }
      dnf = Math.sqrt(dnf / n);
      dny = Math.sqrt(dny / n);
      let h = dnf <= 1e-5 || dny <= 1e-5 ? 1e-6 : 0.01 * (dny / dnf);
      h = Math.min(h, hMax);
      for (let i = 0; i < n; i++) yt[i] = y[i] + h * f0[i];
      f(t + h, yt, k2);
      let der2 = 0;
      for (let i = 0; i < n; i++) {
        const sk = atol + rtol * Math.abs(y[i]);
        der2 += ((k2[i] - f0[i]) / sk) ** 2;
      }
      der2 = Math.sqrt(der2 / n) / h;
      const der12 = Math.max(der2, dnf);
      const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : Math.pow(0.01 / der12, 1 / 5);
      return Math.min(100 * h, h1, hMax);
    },
    dense(s, y, ynew, h, out) {
      const s1 = 1 - s;
      for (let i = 0; i < n; i++) {
        const ydiff = ynew[i] - y[i];
        const bspl = h * k1[i] - ydiff;
        const r4 = ydiff - h * k7[i] - bspl;
        const r5 = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
        out[i] = y[i] + s * (ydiff + s1 * (bspl + s * (r4 + s1 * r5)));
      }
    },
  };
  return core;
}
