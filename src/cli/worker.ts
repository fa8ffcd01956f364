// Worker thread: loads the catalog once, then runs the tasks it is sent, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from './catalog.js';
import { runTask, type Task } from './tasks.js';

const catalog = await loadCatalog((workerData as { claimsFrom: string[] }).claimsFrom);
parentPort!.on('message', (task: Task) => {
  try {
    parentPort!.postMessage({ ok: true, result: runTask(task, catalog) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
parentPort!.postMessage({ ready: true });
