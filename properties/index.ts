// The registry: every claim of every paper and every symbolic proof, in one list.
// The CLI, the tests and the report all read this, so a claim defined once appears everywhere.
import type { Claim, FigureSpec, ReportNote } from '../src/core/claim.js';
import * as min2021 from './min2021/index.js';
import * as woodworth2020 from './woodworth2020/index.js';
import * as yun2021 from './yun2021/index.js';
import * as azulay2021 from './azulay2021/index.js';
import { proofs as minProofs } from '../proofs/min2021/index.js';
import { proofs as wooProofs } from '../proofs/woodworth2020/index.js';
import { proofs as yunProofs } from '../proofs/yun2021/index.js';
import { proofs as azuProofs } from '../proofs/azulay2021/index.js';

export const PAPERS = ['min2021', 'woodworth2020', 'yun2021', 'azulay2021'] as const;

export const registry: Claim[] = [
  ...min2021.claims,
  ...minProofs,
  ...woodworth2020.claims,
  ...wooProofs,
  ...yun2021.claims,
  ...yunProofs,
  ...azulay2021.claims,
  ...azuProofs,
];

export const figureRegistry: FigureSpec[] = [
  ...min2021.figures,
  ...woodworth2020.figures,
  ...yun2021.figures,
  ...azulay2021.figures,
];

/** Report sections a paper's module may export as `notes` (reconstructed formulas, scope). */
function notesOf(mod: object): ReportNote[] {
  const n = (mod as { notes?: unknown }).notes;
  return Array.isArray(n) ? (n as ReportNote[]) : [];
}
/** Yun et al.'s text is OCR-damaged: the formulas the suite reconstructed, and how each was confirmed. */
function yunReconstructions(): ReportNote[] {
  const rows = (yun2021 as { reconstructions?: { id: string; formula: string; status: string }[] }).reconstructions ?? [];
  if (rows.length === 0) return [];
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const table = ['| claim | formula as reconstructed | status |', '|---|---|---|', ...rows.map((r) => `| ${r.id} | ${cell(r.formula)} | ${cell(r.status)} |`)];
  return [{ paper: 'yun2021', title: 'Errata: formulas of Yun et al. (2021) reconstructed from the damaged text', markdown: table.join('\n') }];
}
export const reportSections: ReportNote[] = [...[min2021, woodworth2020, yun2021, azulay2021].flatMap(notesOf), ...yunReconstructions()];

/** Throws if two claims share an id: ids are how users, reports and replays name claims. */
export function assertUniqueIds(claims: Claim[]): void {
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.id)) throw new Error(`duplicate claim id ${c.id}`);
    seen.add(c.id);
  }
}
assertUniqueIds(registry);
