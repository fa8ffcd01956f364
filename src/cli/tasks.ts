// One unit of work (a claim, a falsifier or a figure) and how to run it. Used both in-process and
// by worker threads, so results do not depend on where a task ran.
import type { Claim, Figure, FigureSpec, Tier } from '../core/claim.js';
import { runClaim, runFalsifier, type ClaimResult, type FalsifierResult } from '../core/runner.js';

export type Task =
  | { type: 'claim'; id: string; seed: number; tier: Tier; runs?: number; replay?: string; command: string }
  | { type: 'falsifier'; id: string; name: string; seed: number; tier: Tier; runs?: number }
  | { type: 'figure'; id: string; seed: number; tier: Tier };

export type TaskResult =
  | { type: 'claim'; result: ClaimResult }
  | { type: 'falsifier'; result: FalsifierResult }
  | { type: 'figure'; id: string; figures: Figure[]; seconds: number; error?: string };

export interface Catalog {
  claims: Map<string, Claim>;
  figures: Map<string, FigureSpec>;
}

export function runTask(task: Task, cat: Catalog): TaskResult {
  if (task.type === 'figure') {
    const spec = cat.figures.get(task.id);
    const t0 = performance.now();
    if (!spec) return { type: 'figure', id: task.id, figures: [], seconds: 0, error: 'unknown figure' };
    try {
      const f = spec.build(task.seed, task.tier);
      return { type: 'figure', id: task.id, figures: Array.isArray(f) ? f : [f], seconds: (performance.now() - t0) / 1000 };
    } catch (e) {
      return { type: 'figure', id: task.id, figures: [], seconds: (performance.now() - t0) / 1000, error: e instanceof Error ? e.message : String(e) };
    }
  }
  const claim = cat.claims.get(task.id);
  if (!claim) throw new Error(`unknown claim ${task.id}`);
  if (task.type === 'claim') {
    return {
      type: 'claim',
      result: runClaim(claim, { seed: task.seed, tier: task.tier, runs: task.runs, replayPath: task.replay, command: task.command }),
    };
  }
  const f = claim.falsifiers.find((x) => x.name === task.name);
  if (!f) throw new Error(`unknown falsifier ${task.id} / ${task.name}`);
  return { type: 'falsifier', result: runFalsifier(claim, f, { seed: task.seed, tier: task.tier, runs: task.runs }) };
}
