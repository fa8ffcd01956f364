// The wall-clock guard of the integrators is stretched on a loaded machine (src/flow/wallBudget.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { availableParallelism, loadavg } from 'node:os';
import { wallScale } from '../src/flow/wallBudget.js';
import { integrateOde } from '../src/flow/index.js';

describe('wall-time guard scaling', () => {
  const saved = process.env.BIASCHECK_WALL_SCALE;
  afterEach(() => {
    if (saved === undefined) delete process.env.BIASCHECK_WALL_SCALE;
    else process.env.BIASCHECK_WALL_SCALE = saved;
  });

  it('is the load per core, clamped to [1, 16]', () => {
    delete process.env.BIASCHECK_WALL_SCALE;
    const s = wallScale();
    const perCore = loadavg()[0] / availableParallelism();
    expect(s).toBeGreaterThanOrEqual(1);
    expect(s).toBeLessThanOrEqual(16);
    // the load may move between the two reads; the clamp must match within that drift
    expect(Math.abs(s - Math.min(16, Math.max(1, perCore)))).toBeLessThan(0.5);
  });

  it('BIASCHECK_WALL_SCALE fixes the factor; invalid values are ignored', () => {
    process.env.BIASCHECK_WALL_SCALE = '3';
    expect(wallScale()).toBe(3);
    process.env.BIASCHECK_WALL_SCALE = '0.25';
    expect(wallScale()).toBe(0.25);
    process.env.BIASCHECK_WALL_SCALE = 'fast';
    const s = wallScale();
    expect(s).toBeGreaterThanOrEqual(1);
  });

  it('the integrator stops at the scaled guard', () => {
    // y' = 1 never converges; tMax huge; guard 0.05 s × factor 2 ⇒ stops after ≥ 0.1 s of wall time.
    process.env.BIASCHECK_WALL_SCALE = '2';
    const r = integrateOde((_t, _y, out) => void (out[0] = 1), Float64Array.of(0), { tMax: 1e300, wallSeconds: 0.05, hMax: 1e-9 });
    expect(r.status).toBe('wall-time');
    expect(r.wallSeconds).toBeGreaterThanOrEqual(0.1);
  });
});
