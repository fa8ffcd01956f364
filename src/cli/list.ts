// `biascheck list`: print the registry (claims, their expected verdicts and falsifier counts).
import { parseArgs, UsageError } from './args.js';
import { loadCatalog } from './catalog.js';

export async function listMain(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv, { paper: { type: 'list' }, 'claims-from': { type: 'list' }, json: { type: 'bool' } });
  if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
  const cat = await loadCatalog((flags['claims-from'] as string[] | undefined) ?? []);
  const papers = (flags.paper as string[] | undefined) ?? [];
  const claims = cat.ordered.filter((c) => papers.length === 0 || papers.includes(c.paper));
  if (papers.length && claims.length === 0) throw new UsageError(`no claims for paper(s) ${papers.join(', ')}`);
  if (flags.json) {
    const rows = claims.map((c) => ({ id: c.id, paper: c.paper, title: c.title, kind: c.kind ?? 'property', expected: c.expected, falsifiers: c.falsifiers.map((f) => f.name) }));
    process.stdout.write(`${JSON.stringify({ claims: rows, figures: [...cat.figures.keys()] }, null, 2)}\n`);
    return 0;
  }
  const w = Math.max(...claims.map((c) => c.id.length));
  for (const c of claims) {
    process.stdout.write(`${c.id.padEnd(w)}  ${c.paper.padEnd(13)}  ${c.expected.padEnd(7)}  ${String(c.falsifiers.length).padStart(2)} falsifier(s)  ${c.title}\n`);
  }
  process.stdout.write(`\n${claims.length} claims; figures: ${[...cat.figures.keys()].join(', ') || 'none'}\n`);
  return 0;
}
