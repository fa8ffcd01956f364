// Reads Stryker JSON reports (reports/mutation/<scope>.json, written by `npm run mutate`) and prints
// the score per file and per directory, and every surviving / uncovered mutant with its source line:
//
//   npx tsx scripts/mutation-survivors.ts [reports/mutation/flow.json …] [--file integrate] [--no-list]
//
// Score = (killed + timeout) / (killed + timeout + survived + no coverage), Stryker's "mutation score"
// over valid mutants (ignored static mutants and compile errors are outside it).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const args = process.argv.slice(2);
const fileFilter: string[] = [];
const paths: string[] = [];
let list = true;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--file') fileFilter.push(args[++i]);
  else if (args[i] === '--no-list') list = false;
  else paths.push(args[i]);
}
if (paths.length === 0 && existsSync('reports/mutation'))
  for (const f of readdirSync('reports/mutation')) if (f.endsWith('.json')) paths.push(join('reports/mutation', f));

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const byFile = new Map<string, { source: string; mutants: Mutant[] }>();
for (const p of paths) {
  const r = JSON.parse(readFileSync(p, 'utf8')) as Report;
  for (const [f, v] of Object.entries(r.files)) byFile.set(f, v); // later reports win (same file in two scopes)
}

const dirs = new Map<string, { det: number; und: number; ign: number }>();
const rows: string[] = [];
for (const [f, v] of [...byFile.entries()].sort()) {
  if (fileFilter.length && !fileFilter.some((s) => f.includes(s))) continue;
  const det = v.mutants.filter((m) => DETECTED.has(m.status)).length;
  const und = v.mutants.filter((m) => UNDETECTED.has(m.status)).length;
  const ign = v.mutants.filter((m) => m.status === 'Ignored').length;
  const dir = f.split('/').slice(0, -1).join('/');
  const d = dirs.get(dir) ?? { det: 0, und: 0, ign: 0 };
  d.det += det;
  d.und += und;
  d.ign += ign;
  dirs.set(dir, d);
  rows.push(`${f.padEnd(44)} ${pct(det, und).padStart(7)}  killed ${det}, survived/uncovered ${und}, ignored ${ign}`);
  if (!list) continue;
  const lines = v.source.split('\n');
  for (const m of v.mutants.filter((x) => UNDETECTED.has(x.status)).sort((a, b) => a.location.start.line - b.location.start.line)) {
    const ln = m.location.start.line;
    const src = (lines[ln - 1] ?? '').trim().slice(0, 110);
    const rep = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60);
    process.stdout.write(`${f}:${ln}:${m.location.start.column} [${m.status}] ${m.mutatorName} → ${rep}\n    ${src}\n`);
  }
}
process.stdout.write(`\n${rows.join('\n')}\n\n`);
for (const [d, v] of [...dirs.entries()].sort()) process.stdout.write(`${d.padEnd(20)} ${pct(v.det, v.und).padStart(7)}  (${v.det} detected / ${v.det + v.und} valid; ${v.ign} ignored static)\n`);

function pct(det: number, und: number): string {
  return det + und === 0 ? '—' : `${((100 * det) / (det + und)).toFixed(1)}%`;
}
