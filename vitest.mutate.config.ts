// Vitest configuration used ONLY by mutation testing (`npm run mutate`, see stryker.config.mjs and
// docs/mutation.md). It differs from vitest.config.ts in two ways:
//  1. Unit tests only. The paper suites (test/min2021*, woodworth*, yun*, azulay*) integrate hundreds
//     of flows per claim; running them once per mutant would take days. Mutants in src/ are judged
//     by the unit tests of their layer plus the dedicated mutation tests (test/mutation-*.test.ts).
//     Override with BIASCHECK_MUTATE_TESTS='glob,glob' (e.g. to add a fast paper suite).
//  2. Pinned seeds: BIASCHECK_SEED is fixed (the claim helper reads it) and fast-check's global seed is
//     pinned in scripts/mutate-setup.ts, so a mutant's outcome (killed/survived) does not depend on
//     the run: re-running Stryker on an unchanged tree gives the same report.
import { defineConfig } from 'vitest/config';

const SEED = process.env.BIASCHECK_MUTATE_SEED ?? '20211';

const include = process.env.BIASCHECK_MUTATE_TESTS
  ? process.env.BIASCHECK_MUTATE_TESTS.split(',').map((s) => s.trim()).filter(Boolean)
  : [
      'test/flow.test.ts',
      'test/linalg.test.ts',
      'test/models*.test.ts',
      'test/bias*.test.ts',
      'test/symbolic*.test.ts',
      'test/mutation-*.test.ts',
    ];

export default defineConfig({
  test: {
    include,
    env: { BIASCHECK_SEED: SEED, BIASCHECK_MUTATE_SEED: SEED },
    setupFiles: ['scripts/mutate-setup.ts'],
    // A mutant can turn a converging flow into a slow crawl; Stryker's own timeout (timeoutMS +
    // timeoutFactor × the dry-run time) is what classifies it. This is only a hang guard.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
