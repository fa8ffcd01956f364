// The CLI as users and their CI see it: exit codes, JSON shape, determinism from the seed (in-process
// and on worker threads), sharding and merging, usage errors as one line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FIX = 'test/fixtures/extra-claims';
const tmp = mkdtempSync(join(tmpdir(), 'biascheck-cli-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/biascheck.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function readJson(file: string) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** JSON minus timings: what must be byte-identical across runs with the same seed. */
function withoutTimings(file: string): string {
  return JSON.stringify(readJson(file), (k, v) => (k === 'seconds' ? 0 : v));
}

describe('biascheck CLI', () => {
  it('same seed ⇒ identical JSON apart from timings, in-process and on two worker threads', () => {
    const a = join(tmp, 'a.json');
    const b = join(tmp, 'b.json');
    const c = join(tmp, 'c.json');
    cli('verify', '--claims-from', FIX, '--paper', 'external', '--seed', '7', '--json', a, '--jobs', '1', '--no-report');
    cli('verify', '--claims-from', FIX, '--paper', 'external', '--seed', '7', '--json', b, '--jobs', '2', '--no-report');
    cli('verify', '--claims-from', FIX, '--paper', 'external', '--seed', '8', '--json', c, '--jobs', '1', '--no-report');
    expect(withoutTimings(a)).toBe(withoutTimings(b));
    expect(readJson(a).seed).toBe(7);
    expect(readJson(c).seed).toBe(8);
  });

  it('writes the documented JSON shape and exits 1 when a claim does not match its expected verdict', () => {
    const f = join(tmp, 'shape.json');
    const r = cli('verify', '--claims-from', FIX, '--paper', 'external', '--json', f, '--no-report');
    expect(r.code).toBe(1); // the fixture's false conjecture is expected to hold and is refuted
    const j = readJson(f);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['seed', 'claims']));
    for (const c of j.claims) {
      expect(Object.keys(c).slice(0, 13)).toEqual(['id', 'paper', 'title', 'expected', 'status', 'runs', 'passed', 'inconclusive', 'failed', 'margin', 'seconds', 'reason', 'replay']);
    }
    const bad = j.claims.find((c: { status: string }) => c.status === 'refuted');
    expect(bad.replay).toMatch(/--replay /);
    expect(r.out).toContain('MISMATCH');
  });

  it('--falsifiers writes { seed, falsifiers } and exits 0 when every falsifier is rejected', () => {
    const f = join(tmp, 'fals.json');
    const r = cli('verify', '--claims-from', FIX, '--paper', 'external', '--falsifiers', '--json', f, '--no-report');
    expect(r.code).toBe(0);
    const j = readJson(f);
    expect(j.claims).toBeUndefined();
    for (const x of j.falsifiers) expect(Object.keys(x)).toEqual(expect.arrayContaining(['claim', 'name', 'rejected', 'seconds']));
    expect(j.falsifiers.every((x: { rejected: boolean }) => x.rejected)).toBe(true);
  });

  it('shards partition the selection and merge joins them into the whole', () => {
    const whole = join(tmp, 'whole.json');
    const s1 = join(tmp, 's1.json');
    const s2 = join(tmp, 's2.json');
    const merged = join(tmp, 'merged.json');
    cli('verify', '--claims-from', FIX, '--paper', 'external', '--seed', '3', '--json', whole, '--no-report');
    cli('verify', '--claims-from', FIX, '--paper', 'external', '--seed', '3', '--shard', '1/2', '--json', s1, '--no-report');
    cli('verify', '--claims-from', FIX, '--paper', 'external', '--seed', '3', '--shard', '2/2', '--json', s2, '--no-report');
    const m = cli('merge', s1, s2, '--json', merged, '--claims-from', FIX, '--report', join(tmp, 'merged-report'));
    expect(m.code).toBe(1); // the merged result still holds the fixture's mismatch
    const ids = (f: string) => readJson(f).claims.map((c: { id: string }) => c.id).sort();
    expect(ids(merged)).toEqual(ids(whole));
    expect(ids(s1).filter((x: string) => ids(s2).includes(x))).toEqual([]);
    const norm = (f: string) => JSON.stringify(readJson(f).claims.map((c: Record<string, unknown>) => ({ ...c, seconds: 0 })).sort((x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id)));
    expect(norm(merged)).toBe(norm(whole));
    expect(readFileSync(join(tmp, 'merged-report', 'report.md'), 'utf8')).toContain('EXT-AMGM');
  });

  it('usage errors exit 2 with one line and no stack trace', () => {
    for (const args of [
      ['verify', '--tier', 'fast'],
      ['verify', '--claim', 'NOPE-1'],
      ['verify', '--paper', 'nosuchpaper'],
      ['verify', '--runs', 'many'],
      ['verify', '--shard', '3/2'],
      ['verify', '--unknown'],
      ['frobnicate'],
      ['merge', join(tmp, 'does-not-exist.json')],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n').length, args.join(' ')).toBe(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('list prints the registry', () => {
    const r = cli('list', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.claims.length).toBeGreaterThan(100);
    expect(j.claims.some((c: { id: string }) => c.id === 'MIN-T1')).toBe(true);
  });
});
