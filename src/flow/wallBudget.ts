// Wall-clock guards that mean "this much computing", not "this many seconds of a busy machine".
//
// Every flow has a wall-time guard (`wallSeconds`) so that a stiff or non-converging run cannot hang a claim;
// its verdict is then `inconclusive`, never pass or fail. On a machine shared with other jobs the same
// guard would cut runs short that finish on an idle one, and a seed's verdict would depend on the load.
// So the guard is stretched by the run-queue length per core (1-minute load average / cores, at least 1,
// at most 16): with 2 cores and load 2 (our own two workers) nothing changes; at load 16 a 4 s guard
// allows 32 s of wall time, about the 4 s of CPU it was meant to buy. BIASCHECK_WALL_SCALE=<x> fixes the
// factor (e.g. 1 to reproduce the unscaled behaviour). Windows reports no load average: factor 1.
import { availableParallelism, loadavg } from 'node:os';

const MAX_SCALE = 16;
const REFRESH_MS = 1000;
let cached = 1;
let cachedAt = -Infinity;

/** The factor applied to wall-time guards now (re-read at most once a second). */
export function wallScale(): number {
  const env = process.env.BIASCHECK_WALL_SCALE;
  if (env !== undefined && env !== '') {
    const v = Number(env);
    if (Number.isFinite(v) && v > 0) return v;
  }
  const now = performance.now();
  if (now - cachedAt > REFRESH_MS) {
    const perCore = loadavg()[0] / Math.max(1, availableParallelism());
    cached = Math.min(MAX_SCALE, Math.max(1, Number.isFinite(perCore) ? perCore : 1));
    cachedAt = now;
  }
  return cached;
}
