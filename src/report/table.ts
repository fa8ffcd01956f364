// The terminal table: one row per claim, and one per falsifier in --falsifiers mode.
import { fmt } from '../core/claim.js';
import type { ClaimResult, FalsifierResult } from '../core/runner.js';

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function claimTable(results: ClaimResult[]): string {
  const header = ['claim', 'status', 'expected', 'pass/inc/fail', 'margin', 'seconds', ''];
  const rows = results.map((r) => [
    r.id,
    r.status,
    r.expected,
    `${r.passed}/${r.inconclusive}/${r.failed}`,
    r.margin === null ? '-' : fmt(r.margin),
    r.seconds.toFixed(2),
    r.matches ? 'ok' : 'MISMATCH',
  ]);
  return renderRows(header, rows);
}

export function falsifierTable(results: FalsifierResult[]): string {
  const header = ['claim', 'falsifier', 'rejected', 'instances', 'seconds'];
  const rows = results.map((r) => [r.claim, r.name, r.rejected ? 'yes' : 'NO', String(r.instances), r.seconds.toFixed(2)]);
  return renderRows(header, rows);
}

function renderRows(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c, widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
