// Round-4 mutation tests of src/flow/wallBudget.ts (docs/mutation.md). The factor is a pure function of
// (BIASCHECK_WALL_SCALE, 1-minute load average, core count, clock); node:os and performance.now are
// replaced by controlled values so every branch of the documented rule is pinned:
//   factor = BIASCHECK_WALL_SCALE if it parses to a finite number > 0, else
//            clamp(load / max(1, cores), 1, 16), re-read only when more than 1000 ms have passed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const os = vi.hoisted(() => ({ load: 2, cores: 2 }));
vi.mock('node:os', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:os')>();
  return { ...real, loadavg: () => [os.load, 0, 0], availableParallelism: () => os.cores };
});

let clock = 0;
async function fresh(): Promise<() => number> {
  vi.resetModules(); // a new module instance: its cache starts empty (cachedAt = −∞)
  const mod = await import('../src/flow/wallBudget.js');
  return mod.wallScale;
}

describe('wallScale: documented rule with a controlled load, core count and clock', () => {
  const saved = process.env.BIASCHECK_WALL_SCALE;
  beforeEach(() => {
    delete process.env.BIASCHECK_WALL_SCALE;
    clock = 10_000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    if (saved === undefined) delete process.env.BIASCHECK_WALL_SCALE;
    else process.env.BIASCHECK_WALL_SCALE = saved;
  });

  it('load per core, clamped to [1, 16]', async () => {
    const cases: [number, number, number][] = [
      [10, 2, 5], // 10 / 2
      [3, 4, 1], // 0.75 → clamped up to 1
      [100, 2, 16], // 50 → clamped down to 16
      [32, 2, 16], // exactly the upper clamp
      [2, 2, 1], // exactly the lower clamp
      [7, 0, 7], // no core count reported: divide by max(1, 0) = 1
      [7, 1, 7],
      [Number.NaN, 2, 1], // a non-finite load: factor 1
      [Infinity, 2, 1],
    ];
    for (const [load, cores, want] of cases) {
      os.load = load;
      os.cores = cores;
      const ws = await fresh();
      expect(ws(), `load ${load}, cores ${cores}`).toBe(want);
    }
  });

  it('re-reads the load only when MORE than 1000 ms have passed', async () => {
    os.cores = 2;
    os.load = 6;
    const ws = await fresh();
    clock = 5_000;
    expect(ws()).toBe(3); // first call always reads (cache time −∞)
    os.load = 10;
    clock = 5_999;
    expect(ws()).toBe(3); // cached
    clock = 6_000;
    expect(ws()).toBe(3); // exactly 1000 ms: still cached
    clock = 6_000.5;
    expect(ws()).toBe(5); // > 1000 ms: re-read
    os.load = 20;
    clock = 7_000;
    expect(ws()).toBe(5); // 999.5 ms after the last read
    clock = 7_001;
    expect(ws()).toBe(10);
  });

  it('BIASCHECK_WALL_SCALE: finite and > 0 wins; empty, zero, negative, infinite or text fall back to the load', async () => {
    os.cores = 2;
    os.load = 12; // load-based factor 6
    const ws = await fresh();
    for (const [env, want] of [
      ['3', 3],
      ['0.25', 0.25],
      ['1e-3', 1e-3],
      ['40', 40], // not clamped
      ['', 6],
      ['0', 6],
      ['-2', 6],
      ['Infinity', 6],
      ['fast', 6],
    ] as [string, number][]) {
      process.env.BIASCHECK_WALL_SCALE = env;
      clock += 2_000;
      expect(ws(), `env '${env}'`).toBe(want);
    }
  });

  it('an override does not refresh the cache (the load is read again only on a later unset call)', async () => {
    os.cores = 1;
    os.load = 4;
    const ws = await fresh();
    clock = 1_000;
    expect(ws()).toBe(4);
    process.env.BIASCHECK_WALL_SCALE = '2';
    os.load = 9;
    clock = 1_500;
    expect(ws()).toBe(2);
    delete process.env.BIASCHECK_WALL_SCALE;
    clock = 1_600; // 600 ms after the only read: still cached
    expect(ws()).toBe(4);
  });
});
