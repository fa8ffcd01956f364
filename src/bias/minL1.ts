// Minimum-ℓ1 interpolant  min ‖β‖₁ (or Σ c_i|β_i|)  s.t.  Xβ = y,  by linear programming with HiGHS
// (the `highs` npm package: HiGHS compiled to WebAssembly). HiGHS is loaded once at module load with a
// top-level await, so `minL1` itself is synchronous (claims' checks are synchronous).
//
// LP (basis pursuit):  min Σ c_i(β⁺_i + β⁻_i)  s.t.  X(β⁺ − β⁻) = y,  β± ≥ 0.
// Afterwards the vertex is polished: with support S = {i : |β_i| > thr}, β_S solves X_S β_S = y in
// least squares (exact when X_S has full column rank). Uniqueness is certified (Fuchs' condition)
// when X_S has full column rank and the LP dual ν satisfies X_Sᵀν = c_S∘sign(β_S), |X_{Sᶜ}ᵀν| < c strictly.
import highsModule from 'highs';
import { type MatLike, type Vec, rowsOf, matVec, matTVec, nrm2, rowBasis, lstsq } from './wooDense.js';

// Under NodeNext the CJS typings make the default import look like the module object; at run time
// (ESM interop) it is the loader itself. Accept both.
type Loader = () => Promise<{ solve: (lp: string, opts?: Record<string, unknown>) => { Status: string; Columns: unknown; Rows: unknown } }>;
const hm = highsModule as unknown as Loader | { default: Loader };
const highsLoader: Loader = typeof hm === 'function' ? hm : hm.default;
const highs = await highsLoader();

export interface MinL1Result {
  beta: Vec;
  status: string;
  ok: boolean;
  /** Σ c_i |β_i|. */
  objective: number;
  /** ‖Xβ − y‖₂ / (1 + ‖y‖₂) after polishing. */
  residual: number;
  support: number[];
  /** Dual certificate ν (X ᵀν ∈ [−c, c]), from the LP. */
  nu: Vec;
  /** True when uniqueness is certified; false when the certificate fails (possibly degenerate). */
  unique: boolean;
  /** max_{i ∉ S} |Xᵀν|_i / c_i (must be < 1 for the certificate). */
  offSupportDual: number;
}

function num(x: number): string {
  // Full round-trip precision, in a form the CPLEX-LP reader accepts.
  if (x === 0) return '0';
  const s = x.toPrecision(17);
  return s.includes('e') ? s.replace('e+', 'e') : s;
}

/** min Σ c_i|β_i| s.t. Xβ = y (c defaults to 1). Synchronous. */
export function minL1(Xin: MatLike, yIn: ArrayLike<number>, weights?: ArrayLike<number>): MinL1Result {
  const X = rowsOf(Xin);
  const y = Float64Array.from(yIn);
  const N = X.length;
  const d = X[0].length;
  const c = new Float64Array(d);
  for (let i = 0; i < d; i++) c[i] = weights ? weights[i] : 1;
  // Scale rows so the LP sees O(1) numbers (does not change the solution).
  const lines: string[] = ['Minimize', ' obj:'];
  const objTerms: string[] = [];
  for (let i = 0; i < d; i++) objTerms.push(` + ${num(c[i])} p${i} + ${num(c[i])} m${i}`);
  lines.push(objTerms.join(''));
  lines.push('Subject To');
  for (let k = 0; k < N; k++) {
    const terms: string[] = [];
    for (let j = 0; j < d; j++) {
      const v = X[k][j];
      if (v === 0) continue;
      const a = Math.abs(v);
      terms.push(`${v >= 0 ? '+' : '-'} ${num(a)} p${j} ${v >= 0 ? '-' : '+'} ${num(a)} m${j}`);
    }
    lines.push(` c${k}: ${terms.join(' ')} = ${num(y[k])}`);
  }
  lines.push('Bounds');
  for (let i = 0; i < d; i++) lines.push(` p${i} >= 0`, ` m${i} >= 0`);
  lines.push('End');
  const sol = highs.solve(lines.join('\n'), {
    output_flag: false,
    primal_feasibility_tolerance: 1e-10,
    dual_feasibility_tolerance: 1e-10,
  });
  const status = String(sol.Status);
  const beta = new Float64Array(d);
  if (status !== 'Optimal') {
    return { beta, status, ok: false, objective: NaN, residual: NaN, support: [], nu: new Float64Array(N), unique: false, offSupportDual: NaN };
  }
  const cols = sol.Columns as Record<string, { Primal: number }>;
  for (let i = 0; i < d; i++) beta[i] = (cols[`p${i}`]?.Primal ?? 0) - (cols[`m${i}`]?.Primal ?? 0);
  const rows = sol.Rows as { Dual: number }[];
  const nu = new Float64Array(N);
  for (let k = 0; k < N; k++) nu[k] = rows[k]?.Dual ?? 0;
  // Polish on the support.
  const bmax = Math.max(...Array.from(beta, Math.abs));
  const thr = 1e-9 * Math.max(1, bmax);
  const support: number[] = [];
  for (let i = 0; i < d; i++) if (Math.abs(beta[i]) > thr) support.push(i);
  let fullRank = false;
  if (support.length > 0 && support.length <= N) {
    const XS = X.map((r) => support.map((j) => r[j]));
    const XSt = support.map((_, a) => X.map((r) => r[support[a]]));
    fullRank = rowBasis(XSt).length === support.length;
    if (fullRank) {
      const bS = lstsq(XS, y, 1e-14);
      const trial = new Float64Array(d);
      support.forEach((j, a) => (trial[j] = bS[a]));
      const rT = matVec(X, trial);
      const r0 = matVec(X, beta);
      let eT = 0;
      let e0 = 0;
      for (let k = 0; k < N; k++) {
        eT += (rT[k] - y[k]) ** 2;
        e0 += (r0[k] - y[k]) ** 2;
      }
      const signsKept = support.every((j, a) => Math.sign(bS[a]) === Math.sign(beta[j]));
      if (eT <= e0 && signsKept) beta.set(trial);
    }
  }
  // Certificate: fix the dual's sign by matching X_Sᵀν to c∘sign(β_S).
  let s = matTVec(X, nu);
  if (support.length > 0) {
    let agree = 0;
    for (const j of support) agree += Math.sign(s[j]) * Math.sign(beta[j]);
    if (agree < 0) {
      for (let k = 0; k < N; k++) nu[k] = -nu[k];
      s = matTVec(X, nu);
    }
  }
  let off = 0;
  const inS = new Set(support);
  for (let i = 0; i < d; i++) if (!inS.has(i)) off = Math.max(off, Math.abs(s[i]) / c[i]);
  let onErr = 0;
  for (const j of support) onErr = Math.max(onErr, Math.abs(s[j] - c[j] * Math.sign(beta[j])) / c[j]);
  const unique = fullRank && off < 1 - 1e-7 && onErr < 1e-6;
  const r = matVec(X, beta);
  for (let k = 0; k < N; k++) r[k] -= y[k];
  let objective = 0;
  for (let i = 0; i < d; i++) objective += c[i] * Math.abs(beta[i]);
  return { beta, status, ok: true, objective, residual: nrm2(r) / (1 + nrm2(y)), support, nu, unique, offSupportDual: off };
}
