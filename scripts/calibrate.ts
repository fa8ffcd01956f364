// Tolerance calibration: run each selected claim at many global seeds and record how much of its
// allowed slack it ever used.
//
//   npx tsx scripts/calibrate.ts [--paper P] [--claim ID] [--seeds 50] [--seed-base 1]
//                                [--tier ci|default|deep] [--jobs N] [--max-seconds S]
//
// For every claim: the worst margin over all seeds (margin = observed/allowed of the worst instance,
// so a claim that holds has margin ≤ 1), the seed where it occurred, the statuses seen, the fraction
// of instances that were inconclusive, and the time. Headroom = 1/worst margin: the factor by which
// the observed error could still grow before the claim would fail. A claim expected 'refuted'
// reports instead the weakest refutation (the smallest failing margin over seeds; headroom = that
// margin, the factor by which the literal statement is violated at least).
//
// Writes calibration/<paper>.json (merged with what is already there: re-calibrating one claim keeps
// the others) and regenerates calibration/README.md from every calibration/*.json.
// Seeds are base, base+1, …, base+N−1 (default 1…50: includes the CLI's default seed 1).
// --max-seconds S stops adding seeds to a claim once it has used S seconds (sequential mode only);
// the claim's row then says how many seeds were actually run.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Claim, Tier } from '../src/core/claim.js';
import type { ClaimResult } from '../src/core/runner.js';
import { die, fmtNum, intOpt, parseFlags, runClaimJobs, selectClaims, tierOpt, type Job } from './trust-common.js';

const USAGE = `usage: npx tsx scripts/calibrate.ts [--paper P] [--claim ID] [--seeds N=50] [--seed-base B=1]
       [--tier ci|default|deep (default ci)] [--jobs N=1] [--max-seconds S (per claim, sequential only)] [--out DIR=calibration]
       npx tsx scripts/calibrate.ts --from-log FILE [--tier T]   (rebuild from the progress lines of an interrupted run;
                                                                   instance counts and reasons are not in the log)`;

export interface ClaimCalibration {
  id: string;
  paper: string;
  title: string;
  expected: string;
  tier: Tier;
  /** Global seeds actually run. */
  seeds: number[];
  /** 'holds' claims: max over seeds of the result margin; 'refuted' claims: min failing margin. null if no margin was ever reported. */
  worstMargin: number | null;
  worstSeed: number | null;
  /** 1/worstMargin for 'holds' claims (how far the tolerance is from being used up); worstMargin for 'refuted'. */
  headroom: number | null;
  /** Median over seeds of the per-seed margin (typical use of the slack). */
  medianMargin: number | null;
  statuses: Record<string, number>;
  /** Seeds whose status differed from `expected`, with the replay command when there was a counterexample. */
  mismatches: { seed: number; status: string; reason: string; replay: string | null }[];
  /** Fraction of all instances (over every seed) that were inconclusive. */
  inconclusiveFraction: number;
  instances: number;
  seconds: number;
  maxSecondsPerSeed: number;
}

export interface CalibrationFile {
  paper: string;
  generated: string;
  command: string;
  claims: ClaimCalibration[];
}

function summarize(claim: Claim, tier: Tier, rs: { seed: number; r: ClaimResult }[]): ClaimCalibration {
  const statuses: Record<string, number> = {};
  let inc = 0;
  let inst = 0;
  let secs = 0;
  let maxSecs = 0;
  const mismatches: ClaimCalibration['mismatches'] = [];
  const margins: { seed: number; m: number }[] = [];
  for (const { seed, r } of rs) {
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    inc += r.inconclusive;
    inst += r.runs;
    secs += r.seconds;
    maxSecs = Math.max(maxSecs, r.seconds);
    if (r.status !== claim.expected) mismatches.push({ seed, status: r.status, reason: r.reason.slice(0, 300), replay: r.replay ?? `npx biascheck verify --claim ${claim.id} --seed ${seed} --tier ${tier}` });
    if (r.margin !== null && !Number.isNaN(r.margin)) {
      // For a refuted claim only refuting runs say how strongly it fails.
      if (claim.expected === 'holds' || r.status === 'refuted') margins.push({ seed, m: r.margin });
    }
  }
  let worst: { seed: number; m: number } | null = null;
  for (const x of margins) {
    if (!worst) worst = x;
    else if (claim.expected === 'holds' ? x.m > worst.m : x.m < worst.m) worst = x;
  }
  const sorted = margins.map((x) => x.m).sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
  const headroom = worst === null ? null : claim.expected === 'holds' ? (worst.m > 0 ? 1 / worst.m : Number.POSITIVE_INFINITY) : worst.m;
  return {
    id: claim.id,
    paper: claim.paper,
    title: claim.title,
    expected: claim.expected,
    tier,
    seeds: rs.map((x) => x.seed),
    worstMargin: worst?.m ?? null,
    worstSeed: worst?.seed ?? null,
    headroom,
    medianMargin: median,
    statuses,
    mismatches,
    inconclusiveFraction: inst ? inc / inst : 0,
    instances: inst,
    seconds: Number(secs.toFixed(3)),
    maxSecondsPerSeed: Number(maxSecs.toFixed(3)),
  };
}

/** JSON cannot hold ±Infinity: store it as a string and read it back. */
function toJson(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2);
}
function fromJson<T>(s: string): T {
  return JSON.parse(s, (_k, v) => (v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v === 'NaN' ? NaN : v)) as T;
}

export function readCalibrations(dir: string): CalibrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => fromJson<CalibrationFile>(readFileSync(join(dir, f), 'utf8')));
}

/** Little headroom: the claim used more than half of its allowed slack at some seed. */
export const LOW_HEADROOM_MARGIN = 0.5;

export function readme(files: CalibrationFile[]): string {
  const lines: string[] = [];
  lines.push('# Tolerance calibration');
  lines.push('');
  lines.push('Generated by `scripts/calibrate.ts` (do not edit by hand). Each claim was run at many global seeds');
  lines.push('(each seed gives the claim fresh instances: data, initializations, scales) and the margin of its worst');
  lines.push('instance was recorded. **margin** = observed / allowed (≤ 1 passes); **headroom** = 1 / worst margin, the');
  lines.push('factor by which the observed error could still grow before the check fails. For a claim expected');
  lines.push('`refuted` (a literal statement the suite shows false) the worst margin is the *weakest refutation* over');
  lines.push('the seeds (smallest failing margin, > 1) and its headroom is that margin itself.');
  lines.push('');
  lines.push(`Rows marked ⚠ used more than ${LOW_HEADROOM_MARGIN} of their slack at some seed (headroom < ${1 / LOW_HEADROOM_MARGIN}) or reached a verdict`);
  lines.push('other than the expected one at some seed; the tolerance comment in the claim should cite this row.');
  lines.push('Margins are "—" for boolean checks (no slack to measure). "inc." is the fraction of all instances that were inconclusive.');
  lines.push('');
  for (const f of files) {
    lines.push(`## ${f.paper}`);
    lines.push('');
    lines.push(`Last update ${f.generated}; command: \`${f.command}\`.`);
    lines.push('');
    lines.push('| claim | expected | tier | seeds | worst margin (seed) | median margin | headroom | statuses | inc. | s/seed (max) | |');
    lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |');
    for (const c of f.claims) {
      const st = Object.entries(c.statuses)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      const flag = flagOf(c);
      const worst = c.worstMargin === null ? '—' : `${fmtNum(c.worstMargin)} (${c.worstSeed})`;
      lines.push(
        `| ${c.id} | ${c.expected} | ${c.tier} | ${c.seeds.length} | ${worst} | ${fmtNum(c.medianMargin)} | ${fmtNum(c.headroom)} | ${st} | ${(100 * c.inconclusiveFraction).toFixed(0)}% | ${fmtNum(c.seconds / Math.max(1, c.seeds.length), 2)} (${fmtNum(c.maxSecondsPerSeed, 2)}) | ${flag} |`,
      );
    }
    lines.push('');
    const mism = f.claims.filter((c) => c.mismatches.length > 0);
    if (mism.length) {
      lines.push('Verdicts that differed from the expected one:');
      lines.push('');
      for (const c of mism)
        for (const m of c.mismatches) lines.push(`- ${c.id} at seed ${m.seed}: ${m.status} — ${m.reason.replace(/\|/g, '\\|')}  \n  replay: \`${m.replay}\``);
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}

export function flagOf(c: ClaimCalibration): string {
  const why: string[] = [];
  if (c.mismatches.length) why.push('⚠ verdict');
  if (c.expected === 'holds' && c.worstMargin !== null && c.worstMargin > LOW_HEADROOM_MARGIN) why.push('⚠ headroom');
  if (c.inconclusiveFraction > 0.5) why.push('⚠ mostly inconclusive');
  return why.join(' ');
}

/** Rebuild results from progress lines "[k/n ts] ID seed S: status margin M secs" of an interrupted run. */
function fromLog(path: string, tier: Tier, outDir: string): void {
  const byId = new Map(selectClaims({}).map((c) => [c.id, c]));
  const results = new Map<string, { seed: number; r: ClaimResult }[]>();
  const re = /^\[\d+\/\d+ \d+s\] (\S+) seed (\d+): (\S+) margin (\S+) ([\d.]+)s/;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = re.exec(line);
    if (!m) continue;
    const claim = byId.get(m[1]);
    if (!claim) continue;
    const margin = m[4] === '—' ? null : Number(m[4]);
    const r = {
      id: claim.id, paper: claim.paper, title: claim.title, expected: claim.expected, status: m[3], matches: m[3] === claim.expected,
      runs: 0, passed: 0, inconclusive: 0, failed: 0, margin, seconds: Number(m[5]), reason: '(rebuilt from a progress log)', replay: null,
    } as ClaimResult;
    (results.get(claim.id) ?? results.set(claim.id, []).get(claim.id)!).push({ seed: Number(m[2]), r });
  }
  const claims = [...byId.values()].filter((c) => results.has(c.id));
  write(claims, results, tier, outDir, `npx tsx scripts/calibrate.ts --from-log ${path} (instance counts unknown: inc. shows 0%)`);
  process.stderr.write(`rebuilt ${claims.length} claims from ${path}\n`);
}

/** Summarize, merge into calibration/<paper>.json and regenerate the README. */
function write(claims: Claim[], results: Map<string, { seed: number; r: ClaimResult }[]>, tier: Tier, outDir: string, command: string): Map<string, ClaimCalibration[]> {
  mkdirSync(outDir, { recursive: true });
  const byPaper = new Map<string, ClaimCalibration[]>();
  for (const claim of claims) {
    const rs = [...(results.get(claim.id) ?? [])].sort((a, b) => a.seed - b.seed);
    if (rs.length === 0) continue;
    (byPaper.get(claim.paper) ?? byPaper.set(claim.paper, []).get(claim.paper)!).push(summarize(claim, tier, rs));
  }
  const order = new Map(selectClaims({}).map((c, i) => [c.id, i]));
  for (const [paper, cals] of byPaper) {
    const path = join(outDir, `${paper}.json`);
    const prev: CalibrationFile | null = existsSync(path) ? fromJson<CalibrationFile>(readFileSync(path, 'utf8')) : null;
    const merged = new Map((prev?.claims ?? []).map((c) => [c.id, c]));
    for (const c of cals) merged.set(c.id, c);
    const claimsOut = [...merged.values()].sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
    const file: CalibrationFile = { paper, generated: new Date().toISOString(), command, claims: claimsOut };
    writeFileSync(path, `${toJson(file)}\n`);
  }
  writeFileSync(join(outDir, 'README.md'), readme(readCalibrations(outDir)));
  return byPaper;
}

async function main(): Promise<void> {
  const f = parseFlags(
    process.argv.slice(2),
    { paper: 'value', claim: 'value', seeds: 'value', 'seed-base': 'value', tier: 'value', jobs: 'value', 'max-seconds': 'value', out: 'value', 'from-log': 'value' },
    USAGE,
  );
  if (f['from-log']) return fromLog(f['from-log'].at(-1)!, tierOpt(f, 'ci'), f.out?.at(-1) ?? 'calibration');
  const nSeeds = intOpt(f, 'seeds', 50);
  const base = intOpt(f, 'seed-base', 1, 0);
  const tier = tierOpt(f, 'ci');
  const jobs = intOpt(f, 'jobs', 1);
  const maxSeconds = f['max-seconds'] ? Number(f['max-seconds'].at(-1)) : Infinity;
  if (!(maxSeconds > 0)) die('--max-seconds must be > 0');
  const outDir = f.out?.at(-1) ?? 'calibration';
  const claims = selectClaims(f);
  if (claims.length === 0) die('no claim selected (is anything registered in properties/index.ts?)');
  const seeds = Array.from({ length: nSeeds }, (_, k) => base + k);
  const command = `npx tsx scripts/calibrate.ts ${process.argv.slice(2).join(' ')}`.trim();
  process.stderr.write(`calibrate: ${claims.length} claims × ${nSeeds} seeds (${base}…${base + nSeeds - 1}), tier ${tier}, ${jobs} job(s)\n`);

  const results = new Map<string, { seed: number; r: ClaimResult }[]>();
  // Results are written after every claim (sequential mode), so an interrupted run keeps what it measured.
  let lastClaim: string | null = null;
  const flush = () => write(claims.filter((c) => results.has(c.id)), results, tier, outDir, command);
  const spent = new Map<string, number>();
  const list: Job[] = claims.flatMap((claim) => seeds.map((seed) => ({ claim, seed })));
  const t0 = performance.now();
  let done = 0;
  await runClaimJobs(
    list,
    tier,
    jobs,
    (job, r) => {
      if (jobs <= 1 && lastClaim !== null && lastClaim !== job.claim.id) flush();
      lastClaim = job.claim.id;
      done++;
      (results.get(job.claim.id) ?? results.set(job.claim.id, []).get(job.claim.id)!).push({ seed: job.seed, r });
      spent.set(job.claim.id, (spent.get(job.claim.id) ?? 0) + r.seconds);
      const bad = r.status !== job.claim.expected ? `  MISMATCH (${r.status})` : '';
      process.stderr.write(
        `[${done}/${list.length} ${((performance.now() - t0) / 1000).toFixed(0)}s] ${job.claim.id} seed ${job.seed}: ${r.status} margin ${fmtNum(r.margin)} ${r.seconds.toFixed(1)}s${bad}\n`,
      );
    },
    (job) => (spent.get(job.claim.id) ?? 0) >= maxSeconds,
  );

  const byPaper = write(claims, results, tier, outDir, command);
  process.stderr.write(`wrote ${[...byPaper.keys()].map((p) => join(outDir, `${p}.json`)).join(', ')} and ${join(outDir, 'README.md')}\n`);

  // Console summary: the claims that need a look.
  const flagged = [...byPaper.values()].flat().filter((c) => flagOf(c));
  process.stdout.write(`\n${[...byPaper.values()].flat().length} claims calibrated; ${flagged.length} flagged:\n`);
  for (const c of flagged)
    process.stdout.write(
      `  ${c.id}: ${flagOf(c)}  worst margin ${fmtNum(c.worstMargin)} at seed ${c.worstSeed}, statuses ${JSON.stringify(c.statuses)}, inconclusive ${(100 * c.inconclusiveFraction).toFixed(0)}%\n`,
    );
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('calibrate.ts')) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
