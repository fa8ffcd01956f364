// Flake hunt: run the registry N times (default 20) with FRESH global seeds and list every claim whose
// status ever differed from its expected verdict, with the command that replays it.
//
//   npx tsx scripts/flakecheck.ts [--times 20] [--tier ci] [--paper P] [--claim ID] [--jobs N]
//                                 [--seeds s1,s2,…] [--falsifiers] [--json FILE]
//
// The issue's bar: no claim may flake across 20 consecutive full runs with fresh seeds. Seeds come
// from crypto.getRandomValues (printed, so a hunt can be repeated with --seeds). With --falsifiers
// it also checks that every falsifier is still rejected at each fresh seed (the test suite asserts
// that too, with BIASCHECK_SEED). Exit 0 iff nothing flaked.
import { writeFileSync } from 'node:fs';
import type { ClaimResult } from '../src/core/runner.js';
import { die, fmtNum, freshSeeds, intOpt, parseFlags, runClaimJobs, runFalsifierAt, selectClaims, tierOpt, type Job } from './trust-common.js';

const USAGE = `usage: npx tsx scripts/flakecheck.ts [--times N=20] [--tier ci|default|deep (default ci)] [--paper P] [--claim ID]
       [--jobs N=1] [--seeds s1,s2,... (instead of fresh ones)] [--falsifiers] [--json FILE]`;

interface Flake {
  id: string;
  kind: 'claim' | 'falsifier';
  seed: number;
  status: string;
  expected: string;
  reason: string;
  replay: string;
}

async function main(): Promise<number> {
  const f = parseFlags(
    process.argv.slice(2),
    { times: 'value', tier: 'value', paper: 'value', claim: 'value', jobs: 'value', seeds: 'value', falsifiers: 'bool', json: 'value' },
    USAGE,
  );
  const tier = tierOpt(f, 'ci');
  const jobs = intOpt(f, 'jobs', 1);
  const seeds = f.seeds ? f.seeds.map((s) => (/^\d+$/.test(s) ? Number(s) : die(`bad seed "${s}"`))) : freshSeeds(intOpt(f, 'times', 20));
  const claims = selectClaims(f);
  if (claims.length === 0) die('no claim selected (is anything registered in properties/index.ts?)');
  process.stderr.write(`flakecheck: ${claims.length} claims × ${seeds.length} runs at tier ${tier}; seeds ${seeds.join(',')}\n`);

  const flakes: Flake[] = [];
  const perSeedSeconds: number[] = seeds.map(() => 0);
  const t0 = performance.now();
  for (let k = 0; k < seeds.length; k++) {
    const seed = seeds[k];
    const list: Job[] = claims.map((claim) => ({ claim, seed }));
    let bad = 0;
    await runClaimJobs(list, tier, jobs, (job, r: ClaimResult) => {
      perSeedSeconds[k] += r.seconds;
      if (r.status !== job.claim.expected) {
        bad++;
        flakes.push({
          id: r.id,
          kind: 'claim',
          seed,
          status: r.status,
          expected: r.expected,
          reason: r.reason.slice(0, 300),
          replay: r.replay ?? `npx biascheck verify --claim ${r.id} --seed ${seed} --tier ${tier}`,
        });
      }
    });
    if (f.falsifiers) {
      for (const c of claims)
        for (const fz of c.falsifiers) {
          const r = runFalsifierAt(c, fz.name, seed, tier);
          perSeedSeconds[k] += r.seconds;
          if (!r.rejected) {
            bad++;
            flakes.push({
              id: `${c.id} / ${fz.name}`,
              kind: 'falsifier',
              seed,
              status: 'not rejected',
              expected: 'rejected',
              reason: r.reason,
              replay: `npx biascheck verify --falsifiers --claim ${c.id} --seed ${seed} --tier ${tier}`,
            });
          }
        }
    }
    process.stderr.write(
      `run ${k + 1}/${seeds.length} seed ${seed}: ${bad === 0 ? 'all as expected' : `${bad} unexpected`} (${perSeedSeconds[k].toFixed(0)} s CPU, ${((performance.now() - t0) / 1000).toFixed(0)} s elapsed)\n`,
    );
  }

  const ids = [...new Set(flakes.map((x) => x.id))];
  if (ids.length === 0) process.stdout.write(`\nNo flakes: every claim${f.falsifiers ? ' and falsifier' : ''} matched its expected verdict in all ${seeds.length} runs.\n`);
  else {
    process.stdout.write(`\n${ids.length} claim(s)/falsifier(s) flaked in ${seeds.length} runs:\n`);
    for (const id of ids) {
      const fl = flakes.filter((x) => x.id === id);
      process.stdout.write(`\n${id}: ${fl.length}/${seeds.length} runs unexpected (expected ${fl[0].expected})\n`);
      for (const x of fl) process.stdout.write(`  seed ${x.seed}: ${x.status} — ${x.reason}\n    replay: ${x.replay}\n`);
    }
  }
  if (f.json)
    writeFileSync(
      f.json.at(-1)!,
      `${JSON.stringify({ tier, seeds, claims: claims.map((c) => c.id), falsifiers: !!f.falsifiers, secondsPerRun: perSeedSeconds.map((s) => Number(fmtNum(s, 4))), flakes }, null, 2)}\n`,
    );
  return ids.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
