// report.md and a self-contained report.html (inline SVG figures, inline CSS, no scripts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt } from '../core/claim.js';
import type { ClaimResult, FalsifierResult } from '../core/runner.js';
import { figureToSvg } from './svg.js';
import type { ClaimMeta, ReportInput } from './types.js';

const PAPER_TITLES: Record<string, string> = {
  min2021: 'Min, Tarmoun, Vidal, Mallada (ICML 2021): initialization, convergence and implicit bias of linear networks',
  woodworth2020: 'Woodworth et al. (COLT 2020): kernel and rich regimes in overparametrized models',
  yun2021: 'Yun, Krishnan, Mobahi (ICLR 2021): a unifying view on implicit bias in linear tensor networks',
  azulay2021: 'Azulay et al. (ICML 2021): the implicit bias of initialization shape',
};

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function statusMark(r: ClaimResult): string {
  return r.matches ? r.status : `**${r.status} (expected ${r.expected})**`;
}

interface ErratumRow {
  ids: string[];
  text: string;
  statuses: string;
}

/** Errata grouped by literal/corrected pairs (a claim and its counterpart appear once, together). */
export function errataRows(claims: ClaimMeta[], results: ClaimResult[]): ErratumRow[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  const metaById = new Map(claims.map((c) => [c.id, c]));
  const done = new Set<string>();
  const rows: ErratumRow[] = [];
  for (const c of claims) {
    if (!c.erratum || done.has(c.id)) continue;
    const ids = [c.id];
    if (c.counterpart && metaById.has(c.counterpart)) ids.push(c.counterpart);
    ids.forEach((i) => done.add(i));
    const texts = [...new Set(ids.map((i) => metaById.get(i)?.erratum).filter((t): t is string => !!t))];
    const statuses = ids
      .map((i) => {
        const r = byId.get(i);
        const m = metaById.get(i)!;
        return `${i}: expected ${m.expected}, ${r ? r.status : 'not run'}`;
      })
      .join('; ');
    rows.push({ ids, text: texts.join(' '), statuses });
  }
  return rows;
}

function falsifierSummary(claims: ClaimMeta[], falsifiers?: FalsifierResult[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!falsifiers) {
    for (const c of claims) out.set(c.id, `${c.falsifiers.length} defined`);
    return out;
  }
  for (const c of claims) {
    const fs = falsifiers.filter((f) => f.claim === c.id);
    if (fs.length === 0) {
      out.set(c.id, `${c.falsifiers.length} defined, not run`);
      continue;
    }
    const rej = fs.filter((f) => f.rejected);
    const maxInst = Math.max(...rej.map((f) => f.instances), 0);
    out.set(c.id, `${rej.length}/${fs.length} rejected${rej.length ? ` (≤ ${maxInst} instances)` : ''}`);
  }
  return out;
}

export function renderMarkdown(input: ReportInput, svgDir = 'figures'): string {
  const { results, claims } = input;
  const meta = new Map(claims.map((c) => [c.id, c]));
  const fals = falsifierSummary(claims, input.falsifiers);
  const L: string[] = [];
  L.push('# biascheck report', '');
  L.push(`Seed ${input.seed}, tier \`${input.tier}\`. Replay any row with \`npx biascheck verify --claim ID --seed ${input.seed} --tier ${input.tier}\`.`, '');
  const matched = results.filter((r) => r.matches).length;
  const count = (s: string) => results.filter((r) => r.status === s).length;
  L.push(
    `**${results.length} claims**: ${count('holds')} hold, ${count('refuted')} refuted, ${count('inconclusive')} inconclusive, ${count('error')} errors; ` +
      `${matched} of ${results.length} match the expected verdict.`,
    '',
  );
  if (input.falsifiers) {
    const rej = input.falsifiers.filter((f) => f.rejected).length;
    L.push(`**Falsifiers**: ${rej} of ${input.falsifiers.length} rejected.`, '');
  }
  L.push(
    'Columns: *status* is what the suite found (holds / refuted / inconclusive); *expected* is the verdict on the statement as written ' +
      '(refuted = a literal statement of the paper that the suite shows false, listed under Errata); *p/i/f* counts instances that passed, were ' +
      'inconclusive (flow not converged, hypothesis not met, event outside its regime) and failed; *margin* is observed/allowed for the worst ' +
      'instance (≤ 1 passes; for bounds it is the tightness ratio).',
    '',
  );
  const papers = [...new Set(results.map((r) => r.paper))];
  for (const p of papers) {
    L.push(`## ${PAPER_TITLES[p] ?? p}`, '');
    L.push('| claim | title | status | expected | p/i/f | margin | s | falsifiers | reason |', '|---|---|---|---|---|---|---|---|---|');
    for (const r of results.filter((x) => x.paper === p)) {
      L.push(
        `| ${r.id} | ${mdCell(r.title)} | ${statusMark(r)} | ${r.expected} | ${r.passed}/${r.inconclusive}/${r.failed} | ${r.margin === null ? '–' : fmt(r.margin)} | ${r.seconds.toFixed(1)} | ${fals.get(r.id) ?? ''} | ${mdCell(r.reason.slice(0, 300))} |`,
      );
    }
    L.push('');
  }
  const failures = results.filter((r) => r.replay);
  if (failures.length) {
    L.push('## Counterexamples and replays', '');
    for (const r of failures) {
      L.push(`- **${r.id}** (${r.status}, expected ${r.expected}): ${mdCell(r.reason.slice(0, 400))}`);
      L.push(`  - replay: \`${r.replay}\``);
      if (r.counterexample) L.push(`  - shrunk instance: \`${r.counterexample.slice(0, 600)}\``);
    }
    L.push('');
  }
  const errata = errataRows(claims.filter((c) => results.some((r) => r.id === c.id)), results);
  L.push('## Errata', '');
  if (errata.length === 0) L.push('No errata among the claims run.', '');
  for (const e of errata) L.push(`- **${e.ids.join(' / ')}** — ${mdCell(e.text)} _(${e.statuses})_`);
  L.push('');
  for (const s of input.sections ?? []) L.push(`## ${s.title}`, '', s.markdown, '');
  if (input.figures.length || input.figureErrors.length) {
    L.push('## Figures', '');
    for (const f of input.figures) {
      L.push(`### ${f.figure.id}: ${f.figure.title}`, '', `![${f.figure.id}](${svgDir}/${f.figure.id}.svg)`, '', `${f.figure.caption} _(built in ${f.seconds.toFixed(1)} s)_`, '');
    }
    for (const e of input.figureErrors) L.push(`- figure ${e.id} could not be built: ${e.message}`);
    L.push('');
  }
  if (input.falsifiers && input.falsifiers.length) {
    L.push('## Falsifiers', '', '| claim | falsifier | rejected | instances | s | what is wrong |', '|---|---|---|---|---|---|');
    for (const f of input.falsifiers) {
      L.push(`| ${f.claim} | ${mdCell(f.name)} | ${f.rejected ? 'yes' : '**no**'} | ${f.instances} | ${f.seconds.toFixed(1)} | ${mdCell(f.description)} |`);
    }
    L.push('');
  }
  L.push('## Statements', '');
  for (const r of results) {
    const m = meta.get(r.id);
    if (!m) continue;
    L.push(`- **${m.id}** (${m.where ?? m.paper}): ${mdCell(m.statement)}`);
  }
  L.push('');
  return L.join('\n');
}

function escHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A minimal Markdown-to-HTML pass for the report's own Markdown (headings, tables, lists, code, bold, images→inline SVG). */
export function markdownToHtml(md: string, svgs: Map<string, string>): string {
  const out: string[] = [];
  const lines = md.split('\n');
  let i = 0;
  const inline = (s: string) =>
    escHtml(s)
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/\b_([^_]+)_\b/g, '<em>$1</em>')
      .replace(/\\\|/g, '|');
  while (i < lines.length) {
    const line = lines[i];
    const img = /^!\[([^\]]*)\]\(([^)]+)\)$/.exec(line);
    if (img) {
      out.push(`<figure>${svgs.get(img[1]) ?? ''}</figure>`);
      i++;
    } else if (line.startsWith('#')) {
      const level = /^#+/.exec(line)![0].length;
      const text = line.slice(level).trim();
      out.push(`<h${level} id="${escHtml(text.split(':')[0].replace(/\s+/g, '-'))}">${inline(text)}</h${level}>`);
      i++;
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].startsWith('|')) {
        const cells = lines[i]
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((c) => c.trim());
        if (!cells.every((c) => /^-+$/.test(c))) rows.push(cells);
        i++;
      }
      const [head, ...body] = rows;
      out.push('<table><thead><tr>' + head.map((c) => `<th>${inline(c)}</th>`).join('') + '</tr></thead><tbody>');
      for (const r of body) {
        const cls = r.some((c) => c.includes('**') && /expected|no\b/.test(c)) ? ' class="bad"' : '';
        out.push(`<tr${cls}>` + r.map((c) => `<td>${inline(c)}</td>`).join('') + '</tr>');
      }
      out.push('</tbody></table>');
    } else if (/^\s*- /.test(line)) {
      out.push('<ul>');
      while (i < lines.length && /^\s*- /.test(lines[i])) {
        out.push(`<li>${inline(lines[i].replace(/^\s*- /, ''))}</li>`);
        i++;
      }
      out.push('</ul>');
    } else if (line.trim() === '') {
      i++;
    } else {
      out.push(`<p>${inline(line)}</p>`);
      i++;
    }
  }
  return out.join('\n');
}

const CSS = `body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;font-size:12px;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#f3f3f3}tr.bad td{background:#fdd}code{background:#f5f5f5;padding:0 3px;font-size:90%}figure{margin:1em 0}`;

/** Writes report.md, report.html and figures/*.svg into dir. Returns the paths written. */
export function writeReport(dir: string, input: ReportInput): string[] {
  mkdirSync(join(dir, 'figures'), { recursive: true });
  const svgs = new Map<string, string>();
  const written: string[] = [];
  for (const f of input.figures) {
    const svg = figureToSvg(f.figure);
    svgs.set(f.figure.id, svg);
    const p = join(dir, 'figures', `${f.figure.id}.svg`);
    writeFileSync(p, svg);
    written.push(p);
  }
  const md = renderMarkdown(input);
  writeFileSync(join(dir, 'report.md'), md);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>biascheck report</title><style>${CSS}</style></head><body>\n${markdownToHtml(md, svgs)}\n</body></html>\n`;
  writeFileSync(join(dir, 'report.html'), html);
  written.push(join(dir, 'report.md'), join(dir, 'report.html'));
  return written;
}
