// The fast-check driver: runs one claim (or one falsifier) over seeded instances, counts
// pass / inconclusive / fail honestly, shrinks a failure, and says how to replay it.
import fc from 'fast-check';
import { claimSeed } from './seed.js';
import { fail, type CheckContext, type Claim, type Falsifier, type Outcome, type Tier, type Verdict } from './claim.js';

export type ClaimStatus = 'holds' | 'refuted' | 'inconclusive' | 'error';

export interface ClaimResult {
  id: string;
  paper: string;
  title: string;
  expected: Verdict;
  status: ClaimStatus;
  /** True iff status equals the expected verdict. */
  matches: boolean;
  runs: number;
  passed: number;
  inconclusive: number;
  failed: number;
  /** Worst margin (observed/allowed, or tightness of a bound) over the instances; null if none. */
  margin: number | null;
  seconds: number;
  reason: string;
  /** Command that replays the shrunk counterexample (null when nothing failed). */
  replay: string | null;
  counterexample?: string;
  /** Inconclusive reasons with their counts. */
  inconclusiveReasons?: Record<string, number>;
}

export interface FalsifierResult {
  claim: string;
  name: string;
  description: string;
  rejected: boolean;
  /** Instances tried until the first rejection (or all, if never rejected). */
  instances: number;
  seconds: number;
  reason: string;
}

export interface RunOptions {
  seed: number;
  tier: Tier;
  /** Overrides the claim's run count for the tier. */
  runs?: number;
  /** fast-check replay path of a counterexample. */
  replayPath?: string;
  /** Wall-clock budget for shrinking a failure, seconds. */
  shrinkSeconds?: number;
  /** How the CLI is invoked, for replay commands. */
  command?: string;
}

export const DEFAULT_RUNS: Record<Tier, number> = { ci: 8, default: 20, deep: 100 };

export function runsFor(claim: Pick<Claim, 'runs'>, tier: Tier, override?: number): number {
  return override ?? claim.runs?.[tier] ?? (tier === 'ci' ? claim.runs?.default : undefined) ?? DEFAULT_RUNS[tier];
}

function safeCheck<I>(check: (i: I, c: CheckContext) => Outcome, instance: I, ctx: CheckContext): { outcome: Outcome; threw: boolean } {
  try {
    const o = check(instance, ctx);
    if (!o || (o.status !== 'pass' && o.status !== 'fail' && o.status !== 'inconclusive')) {
      return { outcome: fail(Number.NaN, `check returned an invalid outcome: ${JSON.stringify(o)}`), threw: true };
    }
    return { outcome: o, threw: false };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { outcome: fail(Number.NaN, `check threw: ${msg}`), threw: true };
  }
}

export function runClaim<I>(claim: Claim<I>, opts: RunOptions): ClaimResult {
  const t0 = performance.now();
  const seed = claimSeed(opts.seed, claim.id);
  const ctx: CheckContext = { tier: opts.tier, seed };
  const numRuns = runsFor(claim, opts.tier, opts.runs);
  const shrinkMs = (opts.shrinkSeconds ?? 20) * 1000;
  const recorded: Outcome[] = [];
  let shrinking = false;
  let shrinkStart = 0;
  let lastFail: Outcome | null = null;
  let threw = false;

  const prop = fc.property(claim.arbitrary, (instance) => {
    if (shrinking && performance.now() - shrinkStart > shrinkMs) return true; // shrink budget spent
    const { outcome, threw: t } = safeCheck(claim.check, instance, ctx);
    if (!shrinking) recorded.push(outcome);
    if (outcome.status === 'fail') {
      if (!shrinking) {
        shrinking = true;
        shrinkStart = performance.now();
        threw = t;
      }
      lastFail = outcome;
      return false;
    }
    return true;
  });
  const params: fc.Parameters<[I]> = { seed, numRuns };
  if (opts.replayPath) params.path = opts.replayPath;
  const r = fc.check(prop, params);

  const passed = recorded.filter((o) => o.status === 'pass').length;
  const failed = recorded.filter((o) => o.status === 'fail').length;
  const inconclusive = recorded.filter((o) => o.status === 'inconclusive').length;
  const runs = recorded.length;
  // The claim's margin is its worst PASSING instance (a failure overrides it below with the shrunk counterexample's).
  // An inconclusive instance's margin belongs to sub-checks whose verdict did not count — e.g. a ratio of a tail
  // slope that had not reached its regime (WOO-T3 reported 125 on a claim that held 4/0/1) — so it is left out.
  const margins = recorded
    .filter((o) => o.status === 'pass')
    .map((o) => o.margin)
    .filter((m) => Number.isFinite(m) || m === Number.POSITIVE_INFINITY);
  let margin: number | null = margins.length ? Math.max(...margins) : null;

  const inconclusiveReasons: Record<string, number> = {};
  for (const o of recorded) if (o.status === 'inconclusive') inconclusiveReasons[o.reason] = (inconclusiveReasons[o.reason] ?? 0) + 1;

  let status: ClaimStatus;
  let reason: string;
  let replay: string | null = null;
  let counterexample: string | undefined;
  // A replay (--replay PATH) runs the one recorded instance: its verdict is that instance's, not "1 of numRuns".
  const minPass = opts.replayPath ? 1 : Math.max(1, Math.ceil((claim.minPassFraction ?? 0.5) * numRuns));
  if (failed > 0) {
    const shrunk = (lastFail ?? recorded.find((o) => o.status === 'fail')) as Outcome;
    status = threw ? 'error' : 'refuted';
    reason = shrunk.reason;
    if (Number.isFinite(shrunk.margin)) margin = shrunk.margin;
    const cmd = opts.command ?? 'npx biascheck verify';
    if (r.failed && r.counterexamplePath) {
      replay = `${cmd} --claim ${claim.id} --seed ${opts.seed} --tier ${opts.tier} --replay ${r.counterexamplePath}`;
    }
    counterexample = r.counterexample ? stringifyInstance(r.counterexample[0]) : undefined;
  } else if (passed >= minPass) {
    status = 'holds';
    const worst = recorded.filter((o) => o.status === 'pass').sort((a, b) => (b.margin || 0) - (a.margin || 0))[0];
    reason = worst?.reason ?? '';
    if (inconclusive > 0) reason += ` (${inconclusive} inconclusive: ${summarizeReasons(inconclusiveReasons)})`;
  } else {
    status = 'inconclusive';
    reason = `only ${passed} of ${runs} instances conclusive (need ${minPass}): ${summarizeReasons(inconclusiveReasons)}`;
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    id: claim.id,
    paper: claim.paper,
    title: claim.title,
    expected: claim.expected,
    status,
    matches: status === claim.expected,
    runs,
    passed,
    inconclusive,
    failed,
    margin: margin === null || Number.isNaN(margin) ? null : margin,
    seconds,
    reason,
    replay,
    counterexample,
    inconclusiveReasons: inconclusive > 0 ? inconclusiveReasons : undefined,
  };
}

export function runFalsifier<I>(claim: Claim<I>, falsifier: Falsifier<I>, opts: RunOptions): FalsifierResult {
  const t0 = performance.now();
  const seed = claimSeed(opts.seed, `${claim.id}#${falsifier.name}`);
  const ctx: CheckContext = { tier: opts.tier, seed };
  const numRuns = opts.runs ?? falsifier.runs ?? runsFor(claim, opts.tier);
  let tried = 0;
  let rejection: Outcome | null = null;
  const prop = fc.property(falsifier.arbitrary ?? claim.arbitrary, (instance) => {
    tried++;
    const { outcome } = safeCheck(falsifier.check, instance, ctx);
    // A falsifier whose check throws has not been rejected by the suite: it is a broken check.
    if (outcome.status === 'fail' && !outcome.reason.startsWith('check threw')) {
      rejection = outcome;
      return false;
    }
    return true;
  });
  fc.check(prop, { seed, numRuns, endOnFailure: true });
  const rej = rejection as Outcome | null;
  return {
    claim: claim.id,
    name: falsifier.name,
    description: falsifier.description,
    rejected: rej !== null,
    instances: tried,
    seconds: (performance.now() - t0) / 1000,
    reason: rej ? rej.reason : `not rejected in ${tried} instances`,
  };
}

function summarizeReasons(r: Record<string, number>): string {
  return Object.entries(r)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, v]) => `${v}× ${k}`)
    .join('; ');
}

/** JSON of an instance, with typed arrays and matrices turned into plain arrays, cut to a readable size. */
export function stringifyInstance(x: unknown, maxChars = 2000): string {
  const s = JSON.stringify(x, (_k, v) => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
    if (v && typeof v === 'object' && typeof (v as { to2DArray?: unknown }).to2DArray === 'function') {
      return (v as { to2DArray: () => number[][] }).to2DArray();
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    return v;
  });
  if (s === undefined) return String(x);
  return s.length > maxChars ? `${s.slice(0, maxChars)}…(${s.length} chars)` : s;
}
