// `--claims-from DIR`: claims written outside the registry appear in list, verify and the report; a
// deliberately false one is reported refuted with a replay command and a shrunk counterexample; bad
// directories and files fail with one line and exit 2. The CLI runs as a child process, as a user runs it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadClaimsFrom } from '../src/cli/loadClaims.js';
import { runClaim, runFalsifier } from '../src/core/runner.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIX = 'test/fixtures/extra-claims';
const tmp = mkdtempSync(join(tmpdir(), 'biascheck-claims-from-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/biascheck.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('loadClaimsFrom', () => {
  it('loads a claims array (.ts, repository style) and a factory (.mjs, no imports)', async () => {
    const claims = await loadClaimsFrom(FIX);
    expect(claims.map((c) => c.id).sort()).toEqual(['EXT-AMGM', 'EXT-L1L2']);
    for (const c of claims) expect(c.paper).toBe('external');
  });

  it('loads a factory-style file from a directory outside the repository', async () => {
    const outside = join(tmp, 'mine');
    rmSync(outside, { recursive: true, force: true });
    // A directory with no node_modules beside it: only the factory style can work there.
    (await import('node:fs')).mkdirSync(outside);
    copyFileSync(join(ROOT, FIX, 'falseConjecture.mjs'), join(outside, 'conjecture.mjs'));
    const claims = await loadClaimsFrom(outside);
    expect(claims.map((c) => c.id)).toEqual(['EXT-L1L2']);
  });

  it('the fixture claims behave: the true one holds, the false one is refuted, falsifiers are rejected', async () => {
    const claims = await loadClaimsFrom(FIX);
    const byId = Object.fromEntries(claims.map((c) => [c.id, c]));
    expect(runClaim(byId['EXT-AMGM'], { seed: 1, tier: 'ci' }).status).toBe('holds');
    const r = runClaim(byId['EXT-L1L2'], { seed: 1, tier: 'ci' });
    expect(r.status).toBe('refuted');
    // Shrinking reaches the smallest dimension where the conjecture fails.
    expect(JSON.parse(r.counterexample as string).d).toBe(2);
    for (const c of claims) for (const f of c.falsifiers) expect(runFalsifier(c, f, { seed: 1, tier: 'ci' }).rejected).toBe(true);
  });

  it('rejects a missing directory, a malformed claim and a file that fails to load, naming each', async () => {
    await expect(loadClaimsFrom(join(tmp, 'does-not-exist'))).rejects.toThrow(/no such directory/);
    await expect(loadClaimsFrom('test/fixtures/bad-claims')).rejects.toThrow(/noFalsifier\.mjs: claim "EXT-BAD" .*arbitrary/);
    await expect(loadClaimsFrom('test/fixtures/broken-claims')).rejects.toThrow(/syntaxError\.mjs: failed to load/);
  });
});

describe('biascheck CLI with --claims-from', () => {
  it('list shows the extra claims', () => {
    const r = cli(['list', '--claims-from', FIX]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/EXT-AMGM\s+external/);
    expect(r.stdout).toMatch(/EXT-L1L2\s+external/);
  });

  it('verify reports the true claim as holding and the false one as refuted, with replay and counterexample, in JSON and the report', () => {
    const out = join(tmp, 'out.json');
    const rep = join(tmp, 'report');
    const r = cli(['verify', '--claims-from', FIX, '--claim', 'EXT-AMGM', '--claim', 'EXT-L1L2', '--tier', 'ci', '--seed', '1', '--jobs', '1', '--quiet', '--json', out, '--report', rep]);
    // A claim whose status differs from its expected verdict makes verify exit non-zero.
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const results = JSON.parse(readFileSync(out, 'utf8')) as { claims: Array<{ id: string; status: string; replay: string | null; counterexample?: string }> };
    const byId = Object.fromEntries(results.claims.map((c) => [c.id, c]));
    expect(byId['EXT-AMGM'].status).toBe('holds');
    const bad = byId['EXT-L1L2'];
    expect(bad.status).toBe('refuted');
    expect(bad.replay).toMatch(/--claim EXT-L1L2 .*--replay \S+/);
    expect(JSON.parse(bad.counterexample as string)).toEqual({ d: 2, seed: expect.any(Number) });
    const md = readFileSync(join(rep, 'report.md'), 'utf8');
    expect(md).toContain('EXT-AMGM');
    expect(md).toMatch(/EXT-L1L2[^\n]*refuted/);
    expect(md).toContain('--replay');
  });

  it('the replay command reproduces the counterexample', () => {
    const out = join(tmp, 'out.json');
    const bad = (JSON.parse(readFileSync(out, 'utf8')) as { claims: Array<{ id: string; replay: string }> }).claims.find((c) => c.id === 'EXT-L1L2')!;
    const path = /--replay (\S+)/.exec(bad.replay)![1];
    const r = cli(['verify', '--claims-from', FIX, '--claim', 'EXT-L1L2', '--tier', 'ci', '--seed', '1', '--jobs', '1', '--quiet', '--replay', path]);
    expect(r.stdout + r.stderr).toMatch(/EXT-L1L2[\s\S]*refuted/);
  });

  it('a bad --claims-from directory is one line on stderr and exit 2', () => {
    // (the malformed-claim fixture is covered in-process above; each spawn loads the whole registry)
    for (const dir of [join(tmp, 'nope'), 'test/fixtures/broken-claims']) {
      const r = cli(['list', '--claims-from', dir]);
      expect(r.code, `${dir}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
