// `biascheck merge A.json B.json …`: join the JSON of several shards into one result (and report).
import { readFileSync, writeFileSync } from 'node:fs';
import type { ClaimResult, FalsifierResult } from '../core/runner.js';
import { writeReport } from '../report/document.js';
import { parseArgs, UsageError } from './args.js';
import { loadCatalog } from './catalog.js';
import { claimMeta, type VerifyJson } from './verify.js';

export async function mergeMain(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv, { json: { type: 'string' }, report: { type: 'string' }, 'claims-from': { type: 'list' } });
  if (positional.length === 0) throw new UsageError('merge needs one or more JSON files written by verify --json');
  const parts: VerifyJson[] = positional.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`${file}: cannot read file`);
    }
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    const o = v as VerifyJson;
    if (!o || typeof o !== 'object' || typeof o.seed !== 'number' || (!Array.isArray(o.claims) && !Array.isArray(o.falsifiers))) {
      throw new UsageError(`${file}: not a biascheck verify --json result (needs "seed" and "claims" or "falsifiers")`);
    }
    return o;
  });
  const seeds = new Set(parts.map((p) => p.seed));
  const tiers = new Set(parts.map((p) => p.tier));
  if (seeds.size > 1) throw new UsageError(`shards ran with different seeds: ${[...seeds].join(', ')}`);
  if (tiers.size > 1) throw new UsageError(`shards ran at different tiers: ${[...tiers].join(', ')}`);
  const claims = parts.flatMap((p) => p.claims ?? []);
  const falsifiers = parts.flatMap((p) => p.falsifiers ?? []);
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.id)) throw new UsageError(`claim ${c.id} appears in more than one shard`);
    seen.add(c.id);
  }
  const merged: VerifyJson = { seed: parts[0].seed, tier: parts[0].tier };
  if (claims.length) merged.claims = claims;
  if (falsifiers.length) merged.falsifiers = falsifiers;
  const text = `${JSON.stringify(merged, null, 2)}\n`;
  if (flags.json) writeFileSync(flags.json as string, text);
  else process.stdout.write(text);
  const results: ClaimResult[] = claims.map((c) => ({ ...c, matches: c.status === c.expected }));
  if (flags.report) {
    const cat = await loadCatalog((flags['claims-from'] as string[] | undefined) ?? []);
    writeReport(flags.report as string, {
      seed: merged.seed,
      tier: merged.tier,
      results,
      falsifiers: falsifiers.length ? (falsifiers as FalsifierResult[]) : undefined,
      claims: results.map((r) => cat.claims.get(r.id)).filter((c) => c !== undefined).map(claimMeta),
      figures: [],
      figureErrors: [],
    });
  }
  const ok = results.every((r) => r.matches) && falsifiers.every((f) => f.rejected);
  return ok ? 0 : 1;
}
