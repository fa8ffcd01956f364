// Runs tasks on worker threads (one per core by default) or in-process; results come back in
// task order whatever the completion order, so output is deterministic.
import { Worker } from 'node:worker_threads';
import { runTask, type Catalog, type Task, type TaskResult } from './tasks.js';

export interface PoolOptions {
  jobs: number;
  claimsFrom: string[];
  catalog: Catalog;
  onDone?: (task: Task, result: TaskResult, done: number, total: number) => void;
  onStart?: (task: Task) => void;
}

export async function runTasks(tasks: Task[], opts: PoolOptions): Promise<TaskResult[]> {
  const results: TaskResult[] = new Array(tasks.length);
  if (opts.jobs <= 1 || tasks.length <= 1) {
    for (let i = 0; i < tasks.length; i++) {
      opts.onStart?.(tasks[i]);
      results[i] = runTask(tasks[i], opts.catalog);
      opts.onDone?.(tasks[i], results[i], i + 1, tasks.length);
    }
    return results;
  }
  let next = 0;
  let done = 0;
  const nWorkers = Math.min(opts.jobs, tasks.length);
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      for (let w = 0; w < nWorkers; w++) {
        const worker = new Worker(workerUrl(), { workerData: { claimsFrom: opts.claimsFrom } });
        workers.push(worker);
        let current = -1;
        const feed = () => {
          if (next >= tasks.length) {
            current = -1;
            return;
          }
          current = next++;
          opts.onStart?.(tasks[current]);
          worker.postMessage(tasks[current]);
        };
        worker.on('message', (m: { ready?: boolean; ok?: boolean; result?: TaskResult; error?: string }) => {
          if (m.ready) return feed();
          if (!m.ok) return reject(new Error(`worker failed on ${describe(tasks[current])}: ${m.error}`));
          results[current] = m.result!;
          done++;
          opts.onDone?.(tasks[current], m.result!, done, tasks.length);
          if (done === tasks.length) return resolve();
          feed();
        });
        worker.on('error', (e) => reject(new Error(`worker crashed${current >= 0 ? ` on ${describe(tasks[current])}` : ''}: ${e.message}`)));
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** Under tsx (sources) the worker needs the loader registered first; in the esbuild bundle it is plain JS. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker-boot.mjs', import.meta.url) : new URL('./worker.js', import.meta.url);
}

export function describe(t: Task): string {
  return t.type === 'falsifier' ? `${t.id} / ${t.name}` : `${t.type} ${t.id}`;
}
