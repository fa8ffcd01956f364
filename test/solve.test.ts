// `biascheck solve`: every example runs and agrees with the claims it names; every class of bad input
// gives one line naming the field and exit 2 (input) or 3 (no convergence), never a stack trace, a hang
// or a silently wrong number; the --json output has the documented shape.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { solveMain } from '../src/cli/solve.js';
import { parseJson } from '../src/solve/json.js';
import { validateCase } from '../src/solve/validate.js';
import { CaseError } from '../src/solve/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, 'examples');
const tmp = mkdtempSync(join(tmpdir(), 'biascheck-solve-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const example = (name: string): Record<string, any> => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8'));
function writeCase(name: string, c: unknown): string {
  const p = join(tmp, name);
  writeFileSync(p, typeof c === 'string' ? c : JSON.stringify(c));
  return p;
}

/** Runs solve on a case and returns the exit code; asserts the failure is one line without a stack. */
async function solveBad(name: string, c: unknown, extra: string[] = []): Promise<{ code: number; line: string }> {
  const code = await solveMain([writeCase(name, c), ...extra]);
  const lines = err.trim().split('\n');
  expect(lines, err).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at |Error:/);
  return { code, line: lines[0] };
}

describe('examples/*.json', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
  it('there is at least one example per model family', () => {
    const families = new Set(files.map((f) => {
      const m = example(f).model;
      return typeof m === 'string' ? m : m.family;
    }));
    expect([...families].sort()).toEqual(['diagonal-shared', 'diagonal-untied', 'factorization', 'fully-connected', 'tensor']);
  });
  for (const f of files) {
    it(`${f} converges and agrees with every claim it names`, async () => {
      const code = await solveMain([join(EXAMPLES, f), '--json']);
      const r = JSON.parse(out);
      expect(code, err).toBe(0);
      expect(r.flow.status).toBe('converged');
      const named: string[] = example(f).claims;
      expect(named.length).toBeGreaterThan(0);
      for (const id of named) {
        const p = r.predictions.find((q: { claim: string }) => q.claim === id);
        expect(p.applies, `${id}: ${p.reason}`).toBe(true);
        expect(p.agrees, `${id}: ${JSON.stringify(p.tolerance)} ${p.note ?? ''}`).toBe(true);
        expect(p.tolerance.observed).toBeLessThanOrEqual(p.tolerance.allowed);
      }
      // Every applicable non-reference claim agrees (exit 0 says so too).
      for (const p of r.predictions) if (p.applies && !p.reference) expect(p.agrees, p.claim).toBe(true);
    });
  }
});

describe('--json output', () => {
  it('has { model, flow: {status, beta, loss, t, steps, rhsEvals, wallSeconds, invariantDrift}, predictions: [...] }', async () => {
    await solveMain([join(EXAMPLES, 'diagonal-untied.json'), '--json']);
    expect(out.trim().split('\n')).toHaveLength(1); // one object
    const r = JSON.parse(out);
    expect(r.model.family).toBe('diagonal-untied');
    for (const k of ['status', 'beta', 'loss', 't', 'steps', 'rhsEvals', 'wallSeconds', 'invariantDrift']) expect(r.flow).toHaveProperty(k);
    expect(r.flow.beta).toHaveLength(6);
    expect(r.flow.invariantDrift).toBeLessThan(1e-8);
    const ids = r.predictions.map((p: { claim: string }) => p.claim);
    // AZU-T1's Q_k minimizer; WOO-T1G listed as not applying (u ≠ v); both references always listed.
    expect(ids).toEqual(expect.arrayContaining(['AZU-T1', 'AZU-T1G', 'WOO-T1G', 'min-ℓ1', 'min-ℓ2']));
    for (const p of r.predictions) {
      for (const k of ['claim', 'beta', 'distance', 'relativeDistance', 'kktResidual', 'applies', 'reason']) expect(p).toHaveProperty(k);
      expect(typeof p.applies).toBe('boolean');
      expect(p.reason.length).toBeGreaterThan(0);
    }
    const woo = r.predictions.find((p: { claim: string }) => p.claim === 'WOO-T1G');
    expect(woo.applies).toBe(false);
    expect(woo.reason).toMatch(/u = v/);
    const l1 = r.predictions.find((p: { claim: string }) => p.claim === 'min-ℓ1');
    expect(l1.beta).toHaveLength(6);
    expect(l1.distance).toBeGreaterThan(1e-3); // the flow's limit is not the ℓ1 minimizer here
  });

  it('with u = v an untied case also gets WOO-T1G, and a biased init only AZU-T1G', async () => {
    const c = example('diagonal-untied.json');
    const w = [0.5, 0.3, 0.8, 0.2, 0.6, 0.4];
    c.init = { uPlus: w, vPlus: w, uMinus: w, vMinus: w };
    c.claims = ['WOO-T1G', 'AZU-T1'];
    expect(await solveMain([writeCase('uv.json', c), '--json'])).toBe(0);
    const r = JSON.parse(out);
    expect(r.predictions.find((p: { claim: string }) => p.claim === 'WOO-T1G').agrees).toBe(true);
    out = '';
    const b = example('diagonal-untied.json');
    b.init.uMinus = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    b.claims = ['AZU-T1G'];
    expect(await solveMain([writeCase('biased.json', b), '--json'])).toBe(0);
    const rb = JSON.parse(out);
    expect(rb.predictions.find((p: { claim: string }) => p.claim === 'AZU-T1').applies).toBe(false);
    expect(rb.predictions.find((p: { claim: string }) => p.claim === 'AZU-T1G').agrees).toBe(true);
  });

  it('without --json prints a readable summary ending in the result line', async () => {
    expect(await solveMain([join(EXAMPLES, 'fully-connected.json')])).toBe(0);
    expect(out).toMatch(/flow: converged at t = /);
    expect(out).toMatch(/AZU-T2\s+AGREES/);
    expect(out).toMatch(/result: the flow converged and agrees with AZU-T2/);
  });
});

describe('bad input: one line naming the field, exit 2', () => {
  const base = () => example('fully-connected.json');

  it('malformed JSON (with line and column)', async () => {
    const { code, line } = await solveBad('malformed.json', '{\n  "model": "tensor",\n  "loss": "sum"\n  "data": {}\n}');
    expect(code).toBe(2);
    expect(line).toMatch(/malformed JSON: line 4, column 3: expected ',' or '}'/);
  });

  it('a missing file and an unknown option', async () => {
    expect((await solveBad('empty.json', '')).line).toMatch(/malformed JSON: line 1, column 1: expected a value \(found end of file\)/);
    err = '';
    expect(await solveMain([join(tmp, 'no-such-case.json')])).toBe(2);
    expect(err).toMatch(/no-such-case\.json: no such file/);
    err = '';
    expect(await solveMain([join(EXAMPLES, 'tensor.json'), '--fast'])).toBe(2);
    expect(err).toMatch(/unknown option --fast/);
  });

  it('unknown model', async () => {
    const c = base();
    c.model = { family: 'resnet' };
    const { code, line } = await solveBad('unknown-model.json', c);
    expect(code).toBe(2);
    expect(line).toMatch(/model\.family: unknown model the string "resnet" \(one of diagonal-shared, diagonal-untied, fully-connected, factorization, tensor\)/);
  });

  it('unknown field and unknown loss scaling', async () => {
    const c = base();
    c.intialization = {};
    expect((await solveBad('typo.json', c)).line).toMatch(/intialization: unknown field/);
    err = '';
    const d = base();
    d.loss = 'mean';
    expect((await solveBad('loss.json', d)).line).toMatch(/loss: unknown loss scaling .*sum, half-sum, half-mean/);
  });

  it('wrong shapes', async () => {
    const c = base();
    c.init.W = c.init.W.slice(0, 4);
    expect((await solveBad('shape-W.json', c)).line).toMatch(/init\.W: has 4 rows, expected 5 \(W is d×m: one row per column of data\.X\)/);
    err = '';
    const d = base();
    d.data.y = [1, 2];
    expect((await solveBad('shape-y.json', d)).line).toMatch(/data\.y: has 2 entries, expected 3 \(one label per row of data\.X\)/);
    err = '';
    const e = base();
    e.data.X[1] = e.data.X[1].slice(0, 3);
    expect((await solveBad('shape-X.json', e)).line).toMatch(/data\.X\[1\]: has 3 entries, expected 5 like row 0/);
    err = '';
    const t = example('tensor.json');
    t.init.v = t.init.v.slice(0, 2);
    expect((await solveBad('shape-v.json', t)).line).toMatch(/init\.v: has 2 layers, expected model\.depth = 3/);
  });

  it('NaN and Infinity (written as NaN, Infinity or an overflowing 1e400)', async () => {
    const text = readFileSync(join(EXAMPLES, 'fully-connected.json'), 'utf8');
    const nan = text.replace(/"a": \[[^\]]*\]/, '"a": [NaN]');
    expect((await solveBad('nan.json', nan)).line).toMatch(/init\.a\[0\]: NaN is not a finite number/);
    err = '';
    const c = base();
    const s = JSON.stringify(c).replace(/"y":\[[^\]]*\]/, '"y":[1, 1e400, -Infinity]');
    const r = await solveBad('inf.json', s);
    expect(r.code).toBe(2);
    expect(r.line).toMatch(/data\.y\[1\]: Infinity is not a finite number/);
  });

  it('n ≥ d (the claims need an underdetermined problem)', async () => {
    const c = base();
    c.data.X = [...c.data.X, [1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0]];
    c.data.y = [...c.data.y, 1, 2, 3];
    const { code, line } = await solveBad('overdetermined.json', c);
    expect(code).toBe(2);
    expect(line).toMatch(/data\.X: has n = 6 samples .* d = 5 .*n < d/);
  });

  it('rank-deficient X', async () => {
    const c = base();
    c.data.X[2] = c.data.X[0].map((v: number, i: number) => 2 * v - c.data.X[1][i]);
    const { code, line } = await solveBad('rank.json', c);
    expect(code).toBe(2);
    expect(line).toMatch(/data\.X: is rank-deficient \(numerical rank 2 < n = 3/);
  });

  it('an initialization outside the hypotheses of the claim the case names', async () => {
    const c = base();
    c.init.a = [0.2]; // δ = a² − ‖w‖² < 0: outside Theorem 2 (s < 0)
    const { code, line } = await solveBad('delta.json', c);
    expect(code).toBe(2);
    expect(line).toMatch(/init\.a\[0\]: outside the hypotheses of AZU-T2: needs δ = a\(0\)² − ‖w\(0\)‖² ≥ 0/);
    err = '';
    const u = example('diagonal-untied.json');
    u.init.uMinus = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    const r2 = await solveBad('biased.json', u, ['--claim', 'AZU-T1']);
    expect(r2.line).toMatch(/init\.uMinus\[0\]: outside the hypotheses of AZU-T1: needs an unbiased init/);
    err = '';
    const f = example('factorization.json');
    f.init.U[3][0] = 0.5; // U2 row now overlaps the support of V and U1
    const r3 = await solveBad('not-in-M.json', f);
    expect(r3.line).toMatch(/init\.V: outside the hypotheses of MIN-P1: needs V\(0\)U2\(0\)ᵀ = 0/);
  });

  it('a claim that makes no prediction for the family', async () => {
    const c = base();
    c.claims = ['MIN-P1'];
    const { code, line } = await solveBad('wrong-claim.json', c);
    expect(code).toBe(2);
    expect(line).toMatch(/claims\[0\]: claim MIN-P1 makes no prediction for model 'fully-connected'/);
  });

  it('without a named claim, the same initialization is reported, not rejected', async () => {
    const c = base();
    c.init.a = [0.2];
    delete c.claims;
    expect(await solveMain([writeCase('delta-free.json', c), '--json'])).toBe(0);
    const t2 = JSON.parse(out).predictions.find((p: { claim: string }) => p.claim === 'AZU-T2');
    expect(t2.applies).toBe(false);
    expect(t2.reason).toMatch(/δ = .* ≥ 0/);
  });
});

describe('no convergence: exit 3 with one line', () => {
  it('a flow that does not converge within maxTime', async () => {
    const c = example('tensor.json');
    c.integrator = { maxTime: 0.5 };
    const code = await solveMain([writeCase('short.json', c), '--json']);
    expect(code).toBe(3);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/did not converge: status max-time .*raise integrator\.maxTime/);
    const r = JSON.parse(out);
    expect(r.flow.status).toBe('max-time');
    // No verdict is given from an unconverged flow: distances are shown, agreement is not claimed.
    for (const p of r.predictions) expect(p.agrees).toBeNull();
  });

  it('a flow that diverges (explicit Euler with too large a step)', async () => {
    const c = example('diagonal-untied.json');
    c.integrator = { method: 'euler', h: 50, maxTime: 1e4 };
    const code = await solveMain([writeCase('diverge.json', c)]);
    expect(code).toBe(3);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/the flow diverged at t = /);
  });

  it('a wall-clock limit stops a long run instead of hanging', async () => {
    const c = example('tensor.json');
    c.integrator = { maxTime: 1e9, wallSeconds: 0.2, rtol: 1e-13, atol: 1e-16 };
    // The guard is normally stretched by the machine's load (src/flow/wallBudget.ts); under a heavy load the
    // stretched 0.2 s let this flow converge. Pin the factor so the test means "a 0.2 s guard".
    const saved = process.env.BIASCHECK_WALL_SCALE;
    process.env.BIASCHECK_WALL_SCALE = '1';
    const t0 = performance.now();
    let code: number;
    try {
      code = await solveMain([writeCase('wall.json', c)]);
    } finally {
      if (saved === undefined) delete process.env.BIASCHECK_WALL_SCALE;
      else process.env.BIASCHECK_WALL_SCALE = saved;
    }
    expect(code).toBe(3);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(err).toMatch(/status (wall-time|max-steps)/);
  });
});

describe('the case validator and reader', () => {
  it('accepts every example and reports the first problem as a CaseError with a field', () => {
    for (const f of readdirSync(EXAMPLES).filter((x) => x.endsWith('.json'))) expect(() => validateCase(parseJson(readFileSync(join(EXAMPLES, f), 'utf8')))).not.toThrow();
    try {
      validateCase({ model: 'tensor', loss: 'sum', data: { X: [[1, 2]], y: [1] }, init: {} });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CaseError);
      expect((e as CaseError).field).toBe('model.network');
    }
  });

  it('parses NaN/Infinity tokens and rejects duplicate keys', () => {
    expect(parseJson('[NaN, Infinity, -Infinity, 1e400]')).toEqual([NaN, Infinity, -Infinity, Infinity]);
    expect(() => parseJson('{"a": 1, "a": 2}')).toThrow(/duplicate key "a"/);
  });
});

describe('the CLI process', () => {
  it('npm run solve -- CASE.json --json prints one JSON object; a bad case prints one line and exits 2', () => {
    const ok = spawnSync('npm', ['run', '--silent', 'solve', '--', 'examples/diagonal-shared.json', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).flow.status).toBe('converged');
    const bad = spawnSync(process.execPath, ['bin/biascheck.mjs', 'solve', writeCase('cli-bad.json', '{"model": 3}')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^biascheck solve: .*cli-bad\.json: model: expected an object, got 3$/)]);
  });
});
