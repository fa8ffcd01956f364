// The registry against the catalogs: every catalog claim is listed under its exact ID, every claim can
// fail (has a falsifier), every refuted literal statement has its erratum and its corrected counterpart.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { figureRegistry, registry } from '../properties/index.js';

const catalogDir = fileURLToPath(new URL('../../shared/claims/', import.meta.url));
const catalogs = ['min2021', 'woodworth2020', 'yun2021', 'azulay2021'];

function catalogIds(paper: string): string[] {
  const text = readFileSync(`${catalogDir}${paper}.md`, 'utf8');
  // Sub-claims carry a lower-case suffix (YUN-C4a, YUN-C4b).
  return [...text.matchAll(/^#{2,4} +([A-Z]{3}-[A-Z0-9]+[a-z]?(?:-[A-Z0-9]+)*)/gm)].map((m) => m[1]);
}

describe('registry', () => {
  const ids = new Set(registry.map((c) => c.id));
  for (const paper of catalogs) {
    it.runIf(existsSync(`${catalogDir}${paper}.md`))(`lists every ${paper} catalog ID`, () => {
      const missing = catalogIds(paper).filter((id) => !ids.has(id));
      expect(missing, `catalog IDs with no claim: ${missing.join(', ')}`).toEqual([]);
    });
  }

  it('every claim has a falsifier, a statement and a known paper', () => {
    for (const c of registry) {
      expect(c.falsifiers.length, c.id).toBeGreaterThan(0);
      expect(c.statement.length, c.id).toBeGreaterThan(10);
      expect(catalogs, c.id).toContain(c.paper);
    }
  });

  it('refuted claims carry an erratum, and counterparts point both ways', () => {
    for (const c of registry) {
      if (c.expected === 'refuted') expect(c.erratum, c.id).toBeTruthy();
      if (c.counterpart) {
        const other = registry.find((o) => o.id === c.counterpart);
        expect(other, `${c.id} → ${c.counterpart}`).toBeDefined();
      }
    }
  });

  it('figure ids are unique', () => {
    const f = figureRegistry.map((x) => x.id);
    expect(new Set(f).size).toBe(f.length);
  });
});
