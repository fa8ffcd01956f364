// Wall time of the default `verify` of each paper and of all four together (claims only, no report),
// on worker threads (one per core). Appends to bench/results-verify.json. Not a test: nothing asserts.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const papers = ['min2021', 'woodworth2020', 'yun2021', 'azulay2021'];
const tier = process.argv.includes('--ci') ? 'ci' : 'default';
const rows: { selection: string; seconds: number; exit: number | null; claims: number }[] = [];

function run(selection: string, args: string[]): void {
  const t0 = performance.now();
  const out = `/tmp/biascheck-bench-${selection}.json`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'verify', ...args, '--tier', tier, '--no-report', '--quiet', '--json', out], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  let claims = 0;
  try {
    claims = JSON.parse(readFileSync(out, 'utf8')).claims.length;
  } catch {
    /* leave 0: the run failed before writing JSON */
  }
  rows.push({ selection, seconds, exit: r.status, claims });
  console.log(`${selection.padEnd(14)} ${seconds.toFixed(1).padStart(7)} s  ${String(claims).padStart(4)} claims  exit ${r.status}`);
}

console.log(`verify wall time, tier ${tier}, ${availableParallelism()} cores`);
for (const p of papers) run(p, ['--paper', p]);
if (!process.argv.includes('--papers-only')) run('all', []);
writeFileSync(new URL('./results-verify.json', import.meta.url), JSON.stringify({ tier, cores: availableParallelism(), rows }, null, 2));
