// The Claim and Outcome types: a claim is data. The runner, the CLI, the tests and the report all
// read the same registry of these values, so a claim defined once appears everywhere.
// This file sits on the ground floor: it imports nothing from the rest of the project.
import type { Arbitrary } from 'fast-check';

/** Papers known to the suite; contributors' own claims use 'external' (or any string). */
export type PaperId = 'min2021' | 'woodworth2020' | 'yun2021' | 'azulay2021' | (string & {});

/** What the suite expects of the claim as literally stated. */
export type Verdict = 'holds' | 'refuted';

export type OutcomeStatus = 'pass' | 'fail' | 'inconclusive';

/**
 * The result of checking one instance.
 * `margin` is the fraction of the allowed slack that was used: observed / allowed, so a pass has
 * margin ≤ 1 and a fail margin > 1 (NaN where the check is boolean). For a bound it is the
 * tightness ratio (how close the observed quantity came to the bound).
 */
export interface Outcome {
  status: OutcomeStatus;
  margin: number;
  reason: string;
  /** Numbers worth seeing in a failure report (observed values, tolerances, sizes). */
  detail?: Record<string, unknown>;
}

export const pass = (margin = Number.NaN, reason = '', detail?: Record<string, unknown>): Outcome => ({
  status: 'pass',
  margin,
  reason,
  detail,
});
export const fail = (margin: number, reason: string, detail?: Record<string, unknown>): Outcome => ({
  status: 'fail',
  margin,
  reason,
  detail,
});
export const inconclusive = (reason: string, detail?: Record<string, unknown>, margin = Number.NaN): Outcome => ({
  status: 'inconclusive',
  margin,
  reason,
  detail,
});

/**
 * Compare an observed error against an allowed one: pass iff observed ≤ allowed.
 * The margin is observed/allowed. `what` names the quantity for the reason string.
 */
export function within(observed: number, allowed: number, what: string, detail?: Record<string, unknown>): Outcome {
  if (!Number.isFinite(observed)) return fail(Number.POSITIVE_INFINITY, `${what}: observed value is ${observed}`, detail);
  const margin = allowed > 0 ? observed / allowed : observed <= 0 ? 0 : Number.POSITIVE_INFINITY;
  const text = `${what}: ${fmt(observed)} vs allowed ${fmt(allowed)}`;
  return observed <= allowed ? pass(margin, text, detail) : fail(margin, text, detail);
}

/** Combine outcomes of sub-checks of one instance: any fail fails, else any inconclusive, else pass. */
export function all(outcomes: Outcome[]): Outcome {
  if (outcomes.length === 0) return inconclusive('no sub-check ran');
  const worstMargin = Math.max(...outcomes.map((o) => (Number.isNaN(o.margin) ? -Infinity : o.margin)));
  const margin = worstMargin === -Infinity ? Number.NaN : worstMargin;
  const failed = outcomes.filter((o) => o.status === 'fail');
  if (failed.length > 0) return { status: 'fail', margin, reason: failed.map((o) => o.reason).join('; '), detail: failed[0].detail };
  const inc = outcomes.filter((o) => o.status === 'inconclusive');
  if (inc.length > 0) return { status: 'inconclusive', margin, reason: inc.map((o) => o.reason).join('; '), detail: inc[0].detail };
  return { status: 'pass', margin, reason: outcomes.map((o) => o.reason).filter(Boolean).join('; ') };
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? x.toPrecision(4) : x.toExponential(2);
}

/** How hard to try: the CLI maps tiers to run counts and integration horizons. */
export type Tier = 'ci' | 'default' | 'deep';

export interface CheckContext {
  tier: Tier;
  /** The seed of this claim's run (derived from the global seed and the claim id). */
  seed: number;
}

/** A wrong variant of a claim that the suite must reject (some instance must fail). */
export interface Falsifier<I> {
  name: string;
  /** What is wrong about it: a changed constant, a dropped condition, a mutant quantity. */
  description: string;
  /** Instances to try; defaults to the claim's own arbitrary. */
  arbitrary?: Arbitrary<I>;
  /** The wrong variant's check: it must return 'fail' on at least one instance within `runs`. */
  check: (instance: I, ctx: CheckContext) => Outcome;
  runs?: number;
}

export type ClaimKind = 'property' | 'proof' | 'statistical' | 'experiment' | 'lemma' | 'identity';

export interface Claim<I = any> {
  /** Catalog ID, e.g. 'MIN-T1'; literal/corrected pairs use suffixes such as 'MIN-BAL-LITERAL'. */
  id: string;
  paper: PaperId;
  title: string;
  /** The precise statement checked, in the suite's own words, with the paper's equation numbers. */
  statement: string;
  /** Where in the paper (section, equation, line of the seed text). */
  where?: string;
  kind?: ClaimKind;
  expected: Verdict;
  /** Instances: data, initializations, scales. Drawn from seeded fast-check arbitraries. */
  arbitrary: Arbitrary<I>;
  check: (instance: I, ctx: CheckContext) => Outcome;
  falsifiers: Falsifier<I>[];
  /** Instances per tier (defaults: ci 8, default 20, deep 100). */
  runs?: Partial<Record<Tier, number>>;
  /**
   * Minimum fraction of the runs that must pass (not be inconclusive) for 'holds'.
   * Default 0.5: a claim most of whose instances were inconclusive is itself inconclusive.
   */
  minPassFraction?: number;
  /** For errata: the id of the sibling claim (literal ↔ corrected). */
  counterpart?: string;
  /** Errata text for the report (required when expected is 'refuted'). */
  erratum?: string;
  tags?: string[];
}

/** Identity function that fixes the instance type parameter; use it to define claims. */
export function defineClaim<I>(claim: Claim<I>): Claim<I> {
  if (claim.falsifiers.length === 0) throw new Error(`claim ${claim.id} has no falsifier: a check that cannot fail is a defect`);
  if (claim.expected === 'refuted' && !claim.erratum) throw new Error(`claim ${claim.id} is expected refuted but carries no erratum text`);
  return claim;
}

/** A figure: data series the report draws as SVG. */
export interface FigureSeries {
  name: string;
  x: number[];
  y: number[];
  dashed?: boolean;
  /** Draw markers only, no line. */
  points?: boolean;
  /** Series with the same group share a colour (e.g. a curve and its bound). */
  group?: string;
}
export interface Figure {
  id: string;
  paper: PaperId;
  title: string;
  caption: string;
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  logY?: boolean;
  series: FigureSeries[];
}
/** A figure reproduction: builds its data from a seed (scaled down to run in well under a minute). */
export interface FigureSpec {
  id: string;
  paper: PaperId;
  title: string;
  build: (seed: number, tier: Tier) => Figure | Figure[];
}

/** A free-form section a paper adds to the report (e.g. formulas reconstructed from damaged text, scope notes). */
export interface ReportNote {
  paper: PaperId;
  title: string;
  markdown: string;
}
