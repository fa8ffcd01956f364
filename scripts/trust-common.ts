// Shared plumbing of scripts/calibrate.ts and scripts/flakecheck.ts: argument parsing, claim
// selection from the registry, and running one claim at one global seed (in-process, or on the CLI's
// worker pool when --jobs > 1).
import { registry, figureRegistry } from '../properties/index.js';
import type { Claim, Tier } from '../src/core/claim.js';
import { runClaim, runFalsifier, type ClaimResult, type FalsifierResult } from '../src/core/runner.js';
import { runTasks } from '../src/cli/pool.js';
import type { Task } from '../src/cli/tasks.js';

export type Flags = Record<string, string[]>;

/** `--name value`, `--name=value`, repeatable; `--bool` alone gets 'true'. Unknown names are errors. */
export function parseFlags(argv: string[], known: Record<string, 'value' | 'bool'>, usage: string): Flags {
  const out: Flags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    if (!a.startsWith('--')) die(`unexpected argument "${a}"\n${usage}`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const kind = known[name];
    if (!kind) die(`unknown option --${name}\n${usage}`);
    let v: string;
    if (kind === 'bool') v = 'true';
    else if (eq > 0) v = a.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) die(`--${name} needs a value`);
      v = argv[++i];
    }
    (out[name] ??= []).push(...v.split(',').map((s) => s.trim()).filter(Boolean));
  }
  return out;
}

export function die(msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
}

export function intOpt(f: Flags, name: string, dflt: number, min = 1): number {
  const v = f[name]?.at(-1);
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min) die(`--${name} must be an integer ≥ ${min}, got "${v}"`);
  return Number(v);
}

export function tierOpt(f: Flags, dflt: Tier): Tier {
  const t = (f.tier?.at(-1) ?? dflt) as Tier;
  if (!['ci', 'default', 'deep'].includes(t)) die(`--tier must be ci, default or deep, got "${t}"`);
  return t;
}

export function selectClaims(f: Flags): Claim[] {
  const papers = f.paper ?? [];
  const ids = f.claim ?? [];
  const known = new Set(registry.map((c) => c.paper));
  for (const p of papers) if (!known.has(p)) die(`unknown paper "${p}" (registered: ${[...known].join(', ') || 'none'})`);
  const byId = new Set(registry.map((c) => c.id));
  for (const id of ids) if (!byId.has(id)) die(`unknown claim "${id}"`);
  return registry.filter((c) => (papers.length === 0 || papers.includes(c.paper)) && (ids.length === 0 || ids.includes(c.id)));
}

export interface Job {
  claim: Claim;
  seed: number;
}

/**
 * Runs (claim, seed) jobs and calls `onResult` as each finishes. jobs ≤ 1: in this process through
 * runClaim (src/core/runner.ts); otherwise on the CLI's worker threads (same runClaim, same seeds).
 * `skip(job)` is asked just before a job starts (e.g. a per-claim time budget is spent).
 */
export async function runClaimJobs(
  list: Job[],
  tier: Tier,
  jobs: number,
  onResult: (job: Job, r: ClaimResult) => void,
  skip: (job: Job) => boolean = () => false,
): Promise<void> {
  const command = 'npx biascheck verify';
  if (jobs <= 1) {
    for (const job of list) {
      if (skip(job)) continue;
      onResult(job, runClaim(job.claim, { seed: job.seed, tier, command }));
    }
    return;
  }
  const jobOf = new Map<Task, Job>();
  const tasks: Task[] = list.map((j) => {
    const t: Task = { type: 'claim', id: j.claim.id, seed: j.seed, tier, command };
    jobOf.set(t, j);
    return t;
  });
  const catalog = { claims: new Map(registry.map((c) => [c.id, c])), figures: new Map(figureRegistry.map((x) => [x.id, x])) };
  await runTasks(tasks, {
    jobs,
    claimsFrom: [],
    catalog,
    onDone: (task, res) => {
      if (res.type === 'claim') onResult(jobOf.get(task)!, res.result);
    },
  });
}

export function runFalsifierAt(claim: Claim, name: string, seed: number, tier: Tier): FalsifierResult {
  const f = claim.falsifiers.find((x) => x.name === name);
  if (!f) throw new Error(`unknown falsifier ${claim.id} / ${name}`);
  return runFalsifier(claim, f, { seed, tier });
}

/** Fresh global seeds in [1, 2³¹): from crypto, so two flake hunts never repeat each other. */
export function freshSeeds(n: number): number[] {
  const a = new Uint32Array(n);
  crypto.getRandomValues(a);
  return Array.from(a, (x) => 1 + (x % (2 ** 31 - 1)));
}

export function fmtNum(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? x.toPrecision(digits) : x.toExponential(2);
}
