// Weighted ℓ1 problems for Yun et al. (2021) solved as LPs with HiGHS (wasm, loaded once with
// top-level await so that callers stay synchronous):
//  · interpolation:  min Σ_j c_j |ρ_j|  s.t. Ãρ = y          (Remark 4's α → 0 limit);
//  · max margin:     min Σ_j c_j |z_j|  s.t. y_i x_iᵀ z ≥ 1  (Cor. 2/3 with L = 2; YUN-X2).
// Variables are split z = p − q with p, q ≥ 0.
import loadHighs from 'highs';

interface HighsLike {
  solve(problem: string, options?: Record<string, unknown>): { Status: string; Columns: Record<string, { Primal: number }> };
}
// The package's CJS/ESM typings are not callable under NodeNext resolution; the runtime default export is the loader.
const highs = await (loadHighs as unknown as () => Promise<HighsLike>)();

function fmtNum(v: number): string {
  return v.toPrecision(17);
}

function solveSplit(A: number[][], rhs: number[], sense: '=' | '>=', c: number[]): number[] | null {
  const m = c.length;
  const obj = c.map((cj, j) => `${fmtNum(cj)} p${j} + ${fmtNum(cj)} q${j}`).join(' + ');
  const rows = A.map((row, i) => {
    const terms = row
      .map((a, j) => (a === 0 ? '' : `${a >= 0 ? '+' : '-'} ${fmtNum(Math.abs(a))} p${j} ${a >= 0 ? '-' : '+'} ${fmtNum(Math.abs(a))} q${j}`))
      .filter(Boolean)
      .join(' ');
    return ` r${i}: ${terms || '0 p0'} ${sense} ${fmtNum(rhs[i])}`;
  });
  const bounds = Array.from({ length: m }, (_, j) => ` p${j} >= 0\n q${j} >= 0`).join('\n');
  const lp = `Minimize\n obj: ${obj}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds}\nEnd`;
  const res = highs.solve(lp, { output_flag: false, primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10 });
  if (res.Status !== 'Optimal') return null;
  const cols = res.Columns;
  return Array.from({ length: m }, (_, j) => (cols[`p${j}`]?.Primal ?? 0) - (cols[`q${j}`]?.Primal ?? 0));
}

/** argmin Σ c_j|ρ_j| s.t. Ãρ = y (null if infeasible). */
export function weightedMinL1Interp(A: number[][], y: number[], c: number[]): number[] | null {
  return solveSplit(A, y, '=', c);
}

/** argmin Σ c_j|z_j| s.t. y_i x_iᵀ z ≥ 1. */
export function weightedMaxMarginL1(X: number[][], y: number[], c?: number[]): number[] | null {
  const A = X.map((x, i) => x.map((v) => v * y[i]));
  return solveSplit(A, X.map(() => 1), '>=', c ?? X[0].map(() => 1));
}

/** Optimal value of an LP solution under weights c. */
export function weightedL1(z: ArrayLike<number>, c?: number[]): number {
  let s = 0;
  for (let j = 0; j < z.length; j++) s += (c ? c[j] : 1) * Math.abs(z[j]);
  return s;
}
