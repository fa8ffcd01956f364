// `biascheck verify`: run the selected claims (or their falsifiers), print a table, write JSON and
// the report. Exit 0 iff every claim's status equals its expected verdict (or, with --falsifiers,
// every falsifier is rejected); 1 otherwise; 2 on usage errors.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Claim, Tier } from '../core/claim.js';
import type { ClaimResult, FalsifierResult } from '../core/runner.js';
import { claimTable, falsifierTable } from '../report/table.js';
import { writeReport } from '../report/document.js';
import type { BuiltFigure, ClaimMeta, ReportSection } from '../report/types.js';
import { intFlag, parseArgs, UsageError } from './args.js';
import { loadCatalog, type LoadedCatalog } from './catalog.js';
import { describe, runTasks } from './pool.js';
import type { Task, TaskResult } from './tasks.js';
import { PAPERS, reportSections } from '../../properties/index.js';

export const VERIFY_FLAGS = {
  paper: { type: 'list' },
  claim: { type: 'list' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  tier: { type: 'string' },
  json: { type: 'string' },
  report: { type: 'string' },
  falsifiers: { type: 'bool' },
  'with-falsifiers': { type: 'bool' },
  'no-report': { type: 'bool' },
  replay: { type: 'string' },
  'claims-from': { type: 'list' },
  shard: { type: 'string' },
  jobs: { type: 'string' },
  'no-figures': { type: 'bool' },
  quiet: { type: 'bool' },
  help: { type: 'bool' },
} as const;

export const VERIFY_USAGE = `usage: biascheck verify [options]
  --paper P          only this paper (repeatable): ${PAPERS.join(', ')}
  --claim ID         only this claim (repeatable), e.g. MIN-T1
  --runs N           instances per claim (overrides the tier's count)
  --seed S           global seed (default 1; "random" draws one and prints it)
  --tier T           ci | default | deep (default: default)
  --json FILE        write results as JSON
  --report DIR       write DIR/report.md, DIR/report.html and DIR/figures/*.svg (default: reports)
  --no-report        write no report
  --falsifiers       run every falsifier instead of the claims; each must be rejected
  --with-falsifiers  run the claims and every falsifier (the report then shows both)
  --replay PATH      replay a fast-check counterexample path (with one --claim)
  --claims-from DIR  also load claim files from DIR (repeatable)
  --shard i/n        run the i-th of n deterministic slices of the selection
  --jobs N           worker threads (default: number of cores)
  --no-figures       skip figure reproductions in the report
  --quiet            no progress line`;

export interface VerifyJson {
  seed: number;
  tier: Tier;
  shard?: string;
  claims?: Omit<ClaimResult, 'matches'>[];
  falsifiers?: FalsifierResult[];
}

function selectClaims(cat: LoadedCatalog, papers: string[], ids: string[]): Claim[] {
  const knownPapers = new Set(cat.ordered.map((c) => c.paper));
  for (const p of papers) if (!knownPapers.has(p)) throw new UsageError(`unknown paper "${p}" (known: ${[...knownPapers].join(', ')})`);
  for (const id of ids) {
    if (!cat.claims.has(id)) {
      const near = cat.ordered.filter((c) => c.id.startsWith(id.split('-')[0] + '-') && c.id.includes(id.split('-').slice(1).join('-'))).slice(0, 5);
      throw new UsageError(`unknown claim "${id}"${near.length ? ` (did you mean ${near.map((c) => c.id).join(', ')}?)` : ''}`);
    }
  }
  return cat.ordered.filter((c) => (papers.length === 0 || papers.includes(c.paper)) && (ids.length === 0 || ids.includes(c.id)));
}

export function parseShard(s: string | undefined): { i: number; n: number } | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(s);
  if (!m) throw new UsageError(`--shard must look like i/n (e.g. 1/4), got "${s}"`);
  const i = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || i < 1 || i > n) throw new UsageError(`--shard ${s}: need 1 ≤ i ≤ n`);
  return { i, n };
}

export function claimMeta(c: Claim): ClaimMeta {
  return {
    id: c.id,
    paper: c.paper,
    title: c.title,
    statement: c.statement,
    where: c.where,
    kind: c.kind,
    expected: c.expected,
    counterpart: c.counterpart,
    erratum: c.erratum,
    falsifiers: c.falsifiers.map((f) => ({ name: f.name, description: f.description })),
  };
}

export function toJsonClaim(r: ClaimResult): Omit<ClaimResult, 'matches'> {
  // Key order is part of the documented shape.
  return {
    id: r.id,
    paper: r.paper,
    title: r.title,
    expected: r.expected,
    status: r.status,
    runs: r.runs,
    passed: r.passed,
    inconclusive: r.inconclusive,
    failed: r.failed,
    margin: r.margin,
    seconds: Number(r.seconds.toFixed(3)),
    reason: r.reason,
    replay: r.replay,
    ...(r.counterexample !== undefined ? { counterexample: r.counterexample } : {}),
    ...(r.inconclusiveReasons ? { inconclusiveReasons: r.inconclusiveReasons } : {}),
  };
}

function progress(enabled: boolean) {
  const t0 = performance.now();
  let running = '';
  return {
    start(t: Task) {
      running = describe(t);
    },
    done(t: Task, r: TaskResult, k: number, n: number) {
      if (!enabled) return;
      const status = r.type === 'claim' ? r.result.status : r.type === 'falsifier' ? (r.result.rejected ? 'rejected' : 'NOT REJECTED') : r.error ? 'error' : 'built';
      const el = ((performance.now() - t0) / 1000).toFixed(0);
      process.stderr.write(`\r\x1b[K[${k}/${n}] ${el}s  ${describe(t)}: ${status}${k < n ? `  (running ${running})` : ''}`);
      if (k === n) process.stderr.write('\n');
    },
  };
}

export async function verifyMain(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv, VERIFY_FLAGS);
  if (flags.help) {
    process.stdout.write(`${VERIFY_USAGE}\n`);
    return 0;
  }
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const tier = (flags.tier ?? 'default') as Tier;
  if (!['ci', 'default', 'deep'].includes(tier)) throw new UsageError(`--tier must be ci, default or deep, got "${tier}"`);
  const seed = flags.seed === 'random' ? Math.floor(Math.random() * 2 ** 31) : (intFlag(flags.seed, 'seed', 0, 2 ** 32 - 1) ?? 1);
  const runs = intFlag(flags.runs, 'runs', 1, 1_000_000);
  const jobs = intFlag(flags.jobs, 'jobs', 1, 64) ?? Math.max(1, availableParallelism());
  const shard = parseShard(flags.shard as string | undefined);
  const claimsFrom = (flags['claims-from'] as string[] | undefined) ?? [];
  const cat = await loadCatalog(claimsFrom);
  const ids = (flags.claim as string[] | undefined) ?? [];
  const papers = (flags.paper as string[] | undefined) ?? [];
  let selected = selectClaims(cat, papers, ids);
  if (flags.replay && ids.length !== 1) throw new UsageError('--replay needs exactly one --claim');
  if (shard) selected = selected.filter((_, k) => k % shard.n === shard.i - 1);
  if (selected.length === 0) throw new UsageError('no claim selected');
  const tty = !flags.quiet && process.stderr.isTTY === true;
  const prog = progress(tty);
  const command = ['npx biascheck verify', ...claimsFrom.map((d) => `--claims-from ${d}`)].join(' ');
  const out: VerifyJson = { seed, tier, ...(shard ? { shard: `${shard.i}/${shard.n}` } : {}) };
  let ok: boolean;
  let results: ClaimResult[] = [];
  let falsifiers: FalsifierResult[] | undefined;

  if (flags.falsifiers && flags['with-falsifiers']) throw new UsageError('--falsifiers and --with-falsifiers exclude each other');
  const reportDir = flags['no-report'] ? undefined : ((flags.report as string | undefined) ?? 'reports');
  const claimTasks = selected.map((c): Task => ({ type: 'claim', id: c.id, seed, tier, runs, replay: flags.replay as string | undefined, command }));
  const falsifierTasks = selected.flatMap((c) => c.falsifiers.map((f): Task => ({ type: 'falsifier', id: c.id, name: f.name, seed, tier, runs })));
  const tasks: Task[] = flags.falsifiers ? falsifierTasks : flags['with-falsifiers'] ? [...claimTasks, ...falsifierTasks] : claimTasks;
  const wantFigures = !!reportDir && !flags['no-figures'] && !flags.falsifiers && !flags.replay;
  const selPapers = new Set(selected.map((c) => c.paper));
  const figureTasks: Task[] = wantFigures
    ? [...cat.figures.values()]
        .filter((f) => selPapers.has(f.paper) && (ids.length === 0 || ids.includes(f.id)) && (!shard || ids.length > 0 || shardOf(f.id, shard)))
        .map((f): Task => ({ type: 'figure', id: f.id, seed, tier }))
    : [];
  process.stderr.write(`biascheck verify: ${claimTasks.length} claims${flags.falsifiers ? ' (falsifiers only)' : ''}, ${flags.falsifiers || flags['with-falsifiers'] ? falsifierTasks.length : 0} falsifiers${figureTasks.length ? ` + ${figureTasks.length} figures` : ''}, seed ${seed}, tier ${tier}, ${jobs} job(s)\n`);
  const all = await runTasks([...tasks, ...figureTasks], { jobs, claimsFrom, catalog: cat, onStart: prog.start, onDone: prog.done });
  const figures: BuiltFigure[] = [];
  const figureErrors: { id: string; message: string }[] = [];
  for (const r of all) {
    if (r.type === 'claim') results.push(r.result);
    else if (r.type === 'falsifier') (falsifiers ??= []).push(r.result);
    else if (r.error) figureErrors.push({ id: r.id, message: r.error });
    else for (const f of r.figures) figures.push({ figure: f, seconds: r.seconds / r.figures.length });
  }
  ok = true;
  if (!flags.falsifiers) {
    process.stdout.write(`${claimTable(results)}\n`);
    const mism = results.filter((r) => !r.matches);
    const count = (s: string) => results.filter((r) => r.status === s).length;
    process.stdout.write(
      `\n${results.length} claims: ${count('holds')} hold, ${count('refuted')} refuted, ${count('inconclusive')} inconclusive, ${count('error')} errors; ` +
        `${results.length - mism.length} match the expected verdict (seed ${seed}, tier ${tier}).\n`,
    );
    for (const r of mism) {
      process.stdout.write(`\nMISMATCH ${r.id}: ${r.status}, expected ${r.expected}: ${r.reason}\n`);
      if (r.replay) process.stdout.write(`  replay: ${r.replay}\n  counterexample: ${r.counterexample ?? '(none)'}\n`);
    }
    out.claims = results.map(toJsonClaim);
    ok = mism.length === 0;
  }
  if (falsifiers) {
    const fl = falsifiers;
    process.stdout.write(`\n${falsifierTable(fl)}\n`);
    const rejected = fl.filter((f) => f.rejected).length;
    process.stdout.write(`\n${rejected} of ${fl.length} falsifiers rejected (seed ${seed}, tier ${tier}).\n`);
    for (const f of fl.filter((x) => !x.rejected)) process.stdout.write(`NOT REJECTED ${f.claim} / ${f.name}: ${f.reason}\n`);
    out.falsifiers = fl.map((f) => ({ ...f, seconds: Number(f.seconds.toFixed(3)) }));
    ok = ok && rejected === fl.length;
  }
  if (flags.json) writeFileSync(flags.json as string, `${JSON.stringify(out, null, 2)}\n`);
  if (reportDir) {
    const paths = writeReport(reportDir, {
      seed,
      tier,
      results,
      falsifiers,
      claims: selected.map(claimMeta),
      figures,
      figureErrors,
      sections: reportSections.filter((s: ReportSection & { paper?: string }) => !s.paper || selPapers.has(s.paper)),
    });
    process.stderr.write(`report: ${paths.filter((p) => !p.endsWith('.svg')).join(', ')} (+${figures.length} figures)\n`);
  }
  return ok ? 0 : 1;
}

function shardOf(id: string, shard: { i: number; n: number }): boolean {
  let h = 0;
  for (let k = 0; k < id.length; k++) h = (h * 31 + id.charCodeAt(k)) >>> 0;
  return h % shard.n === shard.i - 1;
}
