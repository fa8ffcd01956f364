// biascheck's command line: verify | list | solve | merge. Usage errors exit 2 with one line,
// never a stack trace.
import { UsageError } from './args.js';

const USAGE = `usage: biascheck <command> [options]
  verify   run claims (or --falsifiers) and report; see biascheck verify --help
  list     print the registry of claims and figures
  solve    run the flow and every applicable prediction on your own case file: biascheck solve CASE.json [--json]
  merge    join shard results: biascheck merge A.json B.json … [--json OUT] [--report DIR]`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'verify':
      return (await import('./verify.js')).verifyMain(rest);
    case 'list':
      return (await import('./list.js')).listMain(rest);
    case 'solve':
      return (await import('./solve.js')).solveMain(rest);
    case 'merge':
      return (await import('./merge.js')).mergeMain(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return cmd === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${cmd}"`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`biascheck: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    // An internal error: one line, plus the stack only when asked for.
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`biascheck: internal error: ${msg}\n`);
    if (process.env.BIASCHECK_DEBUG) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
    process.exitCode = 1;
  }
}
