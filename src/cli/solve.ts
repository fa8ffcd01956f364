// `biascheck solve CASE.json`: run the gradient flow of one model on the user's own data and
// initialization, and compare its limit with every prediction whose hypotheses the case meets.
//
//   biascheck solve CASE.json [--json] [--out FILE] [--claim ID]…      (CASE.json may be '-' for stdin)
//
// Exit codes: 0 converged and agrees with every applicable claim; 1 converged but disagrees with an
// applicable claim (or its prediction could not be computed); 2 bad input (one line naming the field);
// 3 the flow diverged or did not converge within integrator.maxTime / maxSteps / wallSeconds.
// This function returns the exit code and never throws: every error becomes one line on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseJson, JsonSyntaxError } from '../solve/json.js';
import { validateCase } from '../solve/validate.js';
import { CaseError, type Case } from '../solve/types.js';
import type { PredictionResult, SolveResult } from '../solve/run.js';

const USAGE = `usage: biascheck solve CASE.json [--json] [--out FILE] [--claim ID]...
  CASE.json     a case file (schema/case.schema.json; examples in examples/); '-' reads stdin
  --json        print one JSON object { model, flow, predictions } instead of the summary
  --out FILE    also write the JSON object to FILE
  --claim ID    require that claim ID applies (exit 2 naming the field if the case is outside its
                hypotheses); repeatable, adds to the case's "claims" list
exit codes: 0 agrees, 1 disagrees with an applicable claim, 2 bad input, 3 flow did not converge`;

interface Opts {
  file: string;
  json: boolean;
  out?: string;
  claims: string[];
}

class Usage extends Error {}

function parse(argv: string[]): Opts | 'help' {
  const o: Opts = { file: '', json: false, claims: [] };
  const pos: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--json') o.json = true;
    else if (a === '--out' || a.startsWith('--out=')) {
      const v = a.startsWith('--out=') ? a.slice(6) : argv[++i];
      if (!v) throw new Usage('--out needs a file name');
      o.out = v;
    } else if (a === '--claim' || a.startsWith('--claim=')) {
      const v = a.startsWith('--claim=') ? a.slice(8) : argv[++i];
      if (!v) throw new Usage('--claim needs a claim id');
      o.claims.push(...v.split(',').map((s) => s.trim()).filter(Boolean));
    } else if (a.startsWith('--')) throw new Usage(`unknown option ${a}`);
    else pos.push(a);
  }
  if (pos.length === 0) throw new Usage('missing CASE.json (see examples/)');
  if (pos.length > 1) throw new Usage(`one case file at a time, got ${pos.length}: ${pos.join(' ')}`);
  o.file = pos[0];
  return o;
}

const f = (x: number | null | undefined): string => {
  if (x === null || x === undefined) return '—';
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? x.toPrecision(4) : x.toExponential(2);
};

function vecText(v: number[] | number[][], max = 8): string {
  if (Array.isArray(v[0])) return `[${(v as number[][]).slice(0, max).map((r) => vecText(r, max)).join(', ')}${v.length > max ? ', …' : ''}]`;
  const a = v as number[];
  return `[${a.slice(0, max).map(f).join(', ')}${a.length > max ? `, … (${a.length})` : ''}]`;
}

function verdict(p: PredictionResult): string {
  if (p.reference) return 'reference';
  if (!p.applies) return 'does not apply';
  if (p.agrees === true) return 'AGREES';
  if (p.agrees === false) return 'DISAGREES';
  return p.note?.startsWith('prediction failed') ? 'prediction failed' : 'not evaluated';
}

export function formatSummary(r: SolveResult, file: string): string {
  const m = r.model;
  const sizes = Object.entries(m)
    .filter(([k, v]) => ['n', 'd', 'D', 'm', 'width', 'depth', 'network', 'rank'].includes(k) && v !== undefined)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  const L: string[] = [];
  L.push(`biascheck solve ${file}: ${m.family} (${sizes}), ${m.predictor}, loss ${r.loss}`);
  const fl = r.flow;
  L.push(
    `flow: ${fl.status}${fl.converged ? '' : ' (NOT converged)'} at t = ${f(fl.t)}; ${fl.steps} steps, ${fl.rhsEvals} gradient evaluations, ${f(fl.wallSeconds)} s; ` +
      `residual ${f(fl.residual)} (threshold ${f(fl.residualThreshold)}); invariant drift ${f(fl.invariantDrift)}`,
  );
  L.push(`  β_flow = ${vecText(fl.beta)}`);
  L.push('');
  const rows = r.predictions.map((p) => [
    p.claim,
    verdict(p),
    f(p.distance),
    f(p.relativeDistance),
    f(p.kktResidual),
    p.tolerance ? `${f(p.tolerance.observed)} ≤ ${f(p.tolerance.allowed)}${p.tolerance.kktAllowed !== null ? `, κ ≤ ${f(p.tolerance.kktAllowed)}` : ''}` : '',
  ]);
  const head = ['claim', 'verdict', '‖β−β*‖', 'relative', 'κ (KKT)', 'claim tolerance'];
  const w = head.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => c.padEnd(w[j])).join('  ').trimEnd();
  L.push(line(head));
  for (const row of rows) L.push(line(row));
  L.push('');
  for (const p of r.predictions) {
    if (p.reference) continue;
    L.push(`${p.claim}: ${p.title}`);
    L.push(`  ${p.applies ? 'applies' : 'does not apply'}: ${p.reason}`);
    if (p.note) L.push(`  ${p.note}`);
  }
  L.push('');
  L.push(`result: ${r.summary} (exit ${r.exitCode})`);
  return L.join('\n');
}

function readCase(file: string): string {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Usage(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file}: is a directory, expected a case file` : `${file}: cannot read (${code ?? String(e)})`);
  }
}

export async function solveMain(argv: string[]): Promise<number> {
  let opts: Opts | 'help';
  try {
    opts = parse(argv);
  } catch (e) {
    process.stderr.write(`biascheck solve: ${(e as Error).message}\n`);
    return 2;
  }
  if (opts === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const o = opts;
  const fail = (msg: string, code: number, extra?: Record<string, unknown>): number => {
    process.stderr.write(`biascheck solve: ${msg}\n`);
    if (o.json) process.stdout.write(`${JSON.stringify({ error: msg, ...extra, exitCode: code })}\n`);
    return code;
  };
  try {
    const text = readCase(o.file);
    let raw: unknown;
    try {
      raw = parseJson(text);
    } catch (e) {
      if (e instanceof JsonSyntaxError) return fail(`${o.file}: malformed JSON: ${e.message}`, 2, { field: null });
      throw e;
    }
    let c: Case;
    try {
      c = validateCase(raw);
    } catch (e) {
      if (e instanceof CaseError) return fail(`${o.file}: ${e.message}`, 2, { field: e.field, problem: e.problem });
      throw e;
    }
    // Load the engine only now: it pulls in the LP solver (wasm) and every model.
    const run = await import('../solve/run.js');
    let prepared;
    try {
      prepared = run.prepare(c);
      const requested = [...(c.claims ?? []), ...o.claims];
      const nCase = c.claims?.length ?? 0;
      run.checkRequestedClaims(c, prepared, requested, (i) => (i < nCase ? `claims[${i}]` : `--claim ${requested[i]}`));
    } catch (e) {
      if (e instanceof CaseError) return fail(`${o.file}: ${e.message}`, 2, { field: e.field, problem: e.problem });
      throw e;
    }
    const result = run.runCase(c, prepared, c.name ?? null);
    const json = JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    if (o.out) writeFileSync(o.out, `${JSON.stringify(JSON.parse(json), null, 2)}\n`);
    if (o.json) process.stdout.write(`${json}\n`);
    else process.stdout.write(`${formatSummary(result, o.file)}\n`);
    if (result.exitCode !== 0) process.stderr.write(`biascheck solve: ${o.file}: ${result.summary}\n`);
    return result.exitCode;
  } catch (e) {
    if (e instanceof Usage) return fail(e.message, 2);
    // An internal error: one line, never a stack trace (BIASCHECK_DEBUG=1 prints it).
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    if (process.env.BIASCHECK_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return fail(`${o.file}: internal error: ${msg}`, 4);
  }
}
