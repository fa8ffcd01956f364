// `npm run bench`: integrator throughput and cost scaling on the two-layer factorization problem
// L(U, V) = ½‖Y − X U Vᵀ‖_F² (bench/factorModel.ts). Prints tables and writes bench/results.json.
// Timings depend on the machine and its load; nothing here is asserted by tests.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrateFlow } from '../src/flow/index.js';
import type { FlowMethod, FlowOptions } from '../src/flow/index.js';
import { factorModel, initTheta, makeGradKernel, makeProblem, mlMatrixGrad } from './factorModel.js';
import type { FactorProblem } from './factorModel.js';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const T_MEASURE = quick ? 0.15 : 0.5; // CPU seconds per throughput measurement

interface Size { n: number; D: number; m: number; h: number }
const label = (s: Size) => `n=${s.n} D=${s.D} m=${s.m} h=${s.h}`;

/** CPU seconds (user + system) of this process: on a shared machine, the work actually done by us. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Calls fn repeatedly for ≈ seconds of CPU time in 3 chunks after a warm-up; returns the best chunk's
 * calls per CPU second. CPU time, not wall time: other processes on a shared machine take wall time
 * from us but not CPU time, so the rate measures our code rather than the machine's load.
 */
function rate(fn: () => void, seconds: number): number {
  return interleavedRates([fn], seconds)[0];
}

/**
 * Rates of several functions measured in alternating chunks (A B A B …), best chunk of each, after
 * warming every one of them up. A ratio of two rates measured minutes apart mixes in whatever the
 * machine (frequency, cache neighbours, JIT state) did in between; alternating chunks removes that.
 */
function interleavedRates(fns: (() => void)[], seconds: number, chunks = 4): number[] {
  for (const fn of fns) {
    const w0 = cpuSeconds();
    while (cpuSeconds() - w0 < seconds * 0.3) fn(); // warm-up (JIT) of each, before any measurement
  }
  const best = fns.map(() => 0);
  for (let chunk = 0; chunk < chunks; chunk++) {
    fns.forEach((fn, k) => {
      let calls = 0;
      const t0 = cpuSeconds();
      let el = 0;
      do {
        fn();
        calls++;
        el = cpuSeconds() - t0;
      } while (el < seconds / chunks);
      best[k] = Math.max(best[k], calls / el);
    });
  }
  return best;
}

function pad(s: string | number, w: number): string {
  const t = typeof s === 'number' ? fmtNum(s) : s;
  return t.length >= w ? t : ' '.repeat(w - t.length) + t;
}
function fmtNum(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 1e5 || a < 1e-2) return x.toExponential(2);
  return a >= 100 ? x.toFixed(0) : x.toPrecision(3);
}
function table(head: string[], rows: (string | number)[][]): string {
  const w = head.map((h, j) => Math.max(h.length, ...rows.map((r) => (typeof r[j] === 'number' ? fmtNum(r[j] as number) : String(r[j])).length)) + 2);
  return [head.map((h, j) => pad(h, w[j])).join(''), ...rows.map((r) => r.map((c, j) => pad(c, w[j])).join(''))].join('\n');
}

/** Least-squares slope of log y on log x. */
function logLogSlope(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b) / lx.length;
  const my = ly.reduce((a, b) => a + b) / ly.length;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < lx.length; i++) {
    sxy += (lx[i] - mx) * (ly[i] - my);
    sxx += (lx[i] - mx) ** 2;
  }
  return sxy / sxx;
}

// ------------------------------------------------------------------ 1. throughput
function throughput(size: Size) {
  const p = makeProblem(1, size.n, size.D, size.m, size.h);
  const th = initTheta(2, p, 0.3);
  const g = new Float64Array(th.length);
  const kernel = makeGradKernel(p);
  const mlg = mlMatrixGrad(p);
  // dopri5 through the FlowModel interface: a fixed number of steps (no convergence stop), long
  // enough to amortize set-up (≈ 1/12 of a measurement per call). Recording off, then default.
  const model = factorModel(p);
  const rawGuess = rate(() => void kernel.grad(th, g), 0.05);
  const maxSteps = Math.max(2, Math.round((rawGuess * T_MEASURE) / 6 / 12));
  let evalsOff = 0;
  let evalsRec = 0;
  const [raw, ml, dopriCalls, dopriRecCalls] = interleavedRates(
    [
      () => void kernel.grad(th, g),
      () => mlg(th, g),
      () => {
        evalsOff = integrateFlow(model, th, { maxSteps, lossTol: -1, wallSeconds: 30, recordEvery: 1e9 }).stats.rhsEvals;
      },
      () => {
        evalsRec = integrateFlow(model, th, { maxSteps, lossTol: -1, wallSeconds: 30 }).stats.rhsEvals;
      },
    ],
    T_MEASURE,
  );
  const dopri = dopriCalls * evalsOff;
  const dopriRec = dopriRecCalls * evalsRec;
  return { size, dim: th.length, rawEvalsPerSec: raw, mlMatrixEvalsPerSec: ml, dopri5EvalsPerSec: dopri, ratioToCeiling: dopri / raw, dopri5RecordingEvalsPerSec: dopriRec, ratioRecording: dopriRec / raw };
}

// ------------------------------------------------------------------ 2. converged flows
interface FlowRow {
  size: Size;
  method: FlowMethod;
  options: string;
  seeds: number;
  converged: number;
  meanSteps: number;
  meanRhsEvals: number;
  meanSeconds: number;
  meanT: number;
  lossTolRel: number;
}
function convergedFlows(size: Size, method: FlowMethod, extra: FlowOptions, seeds: number, lossTolRel: number, sigma = 0.3): FlowRow {
  let conv = 0, steps = 0, evals = 0, secs = 0, tsum = 0;
  for (let s = 0; s < seeds; s++) {
    const p = makeProblem(100 + s, size.n, size.D, size.m, size.h);
    const model = factorModel(p);
    const th0 = initTheta(200 + s, p, sigma);
    const sol = integrateFlow(model, th0, { method, lossTol: lossTolRel * model.loss(th0), wallSeconds: 30, ...extra });
    if (sol.status === 'converged') conv++;
    steps += sol.stats.steps;
    evals += sol.stats.rhsEvals;
    secs += sol.stats.wallSeconds;
    tsum += sol.t;
  }
  const optText = Object.entries(extra).map(([k, v]) => `${k}=${v}`).join(' ') || 'defaults';
  return { size, method, options: optText, seeds, converged: conv, meanSteps: steps / seeds, meanRhsEvals: evals / seeds, meanSeconds: secs / seeds, meanT: tsum / seeds, lossTolRel };
}

// ------------------------------------------------------------------ 3. scaling
interface ScalingRow { vary: 'D' | 'n' | 'h'; value: number; size: Size; secPerEval: number; secPerFlow: number; stepsPerFlow: number; converged: boolean }
function scaling(): { rows: ScalingRow[]; exponents: Record<string, { perEval: number; perFlow: number; steps: number; expectedPerEval: number }> } {
  const base: Size = { n: 8, D: 40, m: 2, h: 10 };
  const grid: Record<'D' | 'n' | 'h', number[]> = quick
    ? { D: [20, 40, 80], n: [4, 8, 16], h: [5, 10, 20] }
    : { D: [20, 40, 80, 160, 320], n: [4, 8, 16, 32], h: [5, 10, 20, 40, 80] };
  const rows: ScalingRow[] = [];
  for (const vary of ['D', 'n', 'h'] as const) {
    for (const value of grid[vary]) {
      const size = { ...base, [vary]: value } as Size;
      const p: FactorProblem = makeProblem(7, size.n, size.D, size.m, size.h);
      const th = initTheta(8, p, 0.3);
      const g = new Float64Array(th.length);
      const k = makeGradKernel(p);
      const secPerEval = 1 / rate(() => void k.grad(th, g), quick ? 0.05 : 0.15);
      const model = factorModel(p);
      const sol = integrateFlow(model, th, { lossTol: 1e-8 * model.loss(th), rtol: 1e-8, atol: 1e-10, wallSeconds: 10 });
      rows.push({ vary, value, size, secPerEval, secPerFlow: sol.stats.wallSeconds, stepsPerFlow: sol.stats.steps, converged: sol.status === 'converged' });
    }
  }
  const exponents: Record<string, { perEval: number; perFlow: number; steps: number; expectedPerEval: number }> = {};
  for (const vary of ['D', 'n', 'h'] as const) {
    const r = rows.filter((x) => x.vary === vary);
    const xs = r.map((x) => x.value);
    exponents[vary] = {
      perEval: logLogSlope(xs, r.map((x) => x.secPerEval)),
      perFlow: logLogSlope(xs, r.map((x) => x.secPerFlow)),
      steps: logLogSlope(xs, r.map((x) => Math.max(1, x.stepsPerFlow))),
      // gradient work 2nDh + 3nmh: linear in each of n, D, h (D ≫ m)
      expectedPerEval: 1,
    };
  }
  return { rows, exponents };
}

// ------------------------------------------------------------------ main
const t0 = performance.now();
const small: Size = { n: 8, D: 20, m: 2, h: 10 };
const large: Size = { n: 50, D: 200, m: 3, h: 100 };

console.log(`biascheck bench${quick ? ' (quick)' : ''} — node ${process.version}, ${new Date().toISOString()}`);
console.log('\n1. Throughput: gradient evaluations per CPU second, measured in alternating chunks (dopri5 counts RHS evaluations inside a run)');
const tp = [throughput(small), throughput(large)];
console.log(
  table(
    ['problem', 'dim', 'raw loop/s', 'ml-matrix/s', 'dopri5 RHS/s', 'dopri5/raw', 'recording RHS/s', 'recording/raw'],
    tp.map((r) => [label(r.size), r.dim, r.rawEvalsPerSec, r.mlMatrixEvalsPerSec, r.dopri5EvalsPerSec, r.ratioToCeiling, r.dopri5RecordingEvalsPerSec, r.ratioRecording]),
  ),
);

console.log('\n2. Converged flows (lossTol relative to L(θ₀); init U, V ~ N(0, 0.3²))');
const flows: FlowRow[] = [
  convergedFlows(small, 'dopri5', {}, quick ? 2 : 5, 1e-10),
  convergedFlows(small, 'dopri5', { rtol: 1e-6, atol: 1e-8 }, quick ? 2 : 5, 1e-10),
  convergedFlows(small, 'gauss2', { rtol: 1e-8, atol: 1e-10 }, quick ? 1 : 3, 1e-10),
  convergedFlows(small, 'rk4', { h: 0.02 }, quick ? 1 : 3, 1e-10),
  // The large problem is ~10⁴× costlier per evaluation: one flow, to a looser loss target.
  convergedFlows(large, 'dopri5', { rtol: 1e-8, atol: 1e-10 }, 1, quick ? 1e-1 : 1e-2),
];
console.log(
  table(
    ['problem', 'method', 'options', 'lossTol', 'conv', 'steps', 'RHS evals', 'mean t', 'sec/flow'],
    flows.map((f) => [label(f.size), f.method, f.options, f.lossTolRel, `${f.converged}/${f.seeds}`, f.meanSteps, f.meanRhsEvals, f.meanT, f.meanSeconds]),
  ),
);

console.log('\n3. Scaling around n=8 D=40 m=2 h=10 (one size parameter varied at a time)');
const sc = scaling();
console.log(
  table(
    ['vary', 'value', 'sec/eval', 'sec/flow', 'steps/flow', 'converged'],
    sc.rows.map((r) => [r.vary, r.value, r.secPerEval, r.secPerFlow, r.stepsPerFlow, r.converged ? 'yes' : 'NO']),
  ),
);
console.log('\nlog-log exponents (time ∝ size^k):');
console.log(
  table(
    ['size', 'k per eval', 'k per flow', 'k steps', 'expected per eval'],
    Object.entries(sc.exponents).map(([k, e]) => [k, e.perEval, e.perFlow, e.steps, e.expectedPerEval]),
  ),
);

const total = (performance.now() - t0) / 1000;
console.log(`\ntotal ${total.toFixed(1)} s`);
const out = {
  generated: new Date().toISOString(),
  node: process.version,
  quick,
  note: 'Timings depend on machine and load; ratios (dopri5/raw) are the portable numbers.',
  throughput: tp,
  flows,
  scaling: sc,
  totalSeconds: total,
};
writeFileSync(join(here, 'results.json'), JSON.stringify(out, null, 2));
console.log(`wrote ${join(here, 'results.json')}`);
