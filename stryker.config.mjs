// Mutation testing of the numerical core (docs/mutation.md has the scores, the wall times and the
// list of equivalent mutants).
//
//   npm run mutate                                   # all of src/{models,bias,flow,linalg,symbolic}
//   npm run mutate -- --mutate 'src/flow/**/*.ts'    # one directory (CLI flag, overrides the default)
//   BIASCHECK_MUTATE='src/bias/qD.ts' npm run mutate # same, through the environment
//
// Stable outcomes: the test runner uses vitest.mutate.config.ts, which pins BIASCHECK_SEED and
// fast-check's global seed, and runs unit tests only (the paper suites are far too slow per mutant).
// Incremental: results of unchanged mutants/tests are reused from reports/stryker-incremental-<scope>.json
// (reports/ is git-ignored); pass `--force` to re-test everything.
// The machine is shared: concurrency 1.

const DEFAULT_MUTATE = [
  'src/models/**/*.ts',
  'src/bias/**/*.ts',
  'src/flow/**/*.ts',
  'src/linalg/**/*.ts',
  'src/symbolic/**/*.ts',
];

/** The globs of this run: `--mutate a,b` on the command line wins, then $BIASCHECK_MUTATE, then the default. */
function selectedGlobs() {
  const argv = process.argv;
  const k = argv.findIndex((a) => a === '--mutate' || a === '-m' || a.startsWith('--mutate='));
  if (k >= 0) {
    const v = argv[k].startsWith('--mutate=') ? argv[k].slice('--mutate='.length) : argv[k + 1];
    if (v) return { globs: v.split(','), fromCli: true };
  }
  if (process.env.BIASCHECK_MUTATE) return { globs: process.env.BIASCHECK_MUTATE.split(','), fromCli: false };
  return { globs: DEFAULT_MUTATE, fromCli: false };
}

const { globs } = selectedGlobs();
// One incremental file and one report per scope, so running src/flow does not discard the results
// remembered for src/bias.
function scopeOf(list) {
  if (list === DEFAULT_MUTATE) return 'all';
  const slug =
    list
      .map((g) => g.trim().replace(/^src\//, '').replace(/\/?\*\*.*$/, '').replace(/\.ts$/, '').replace(/[^A-Za-z0-9]+/g, '-'))
      .join('+')
      .replace(/^-+|-+$/g, '') || 'custom';
  if (slug.length <= 60) return slug;
  // Long file lists: a short stable name (FNV-1a of the sorted globs).
  let h = 0x811c9dc5;
  for (const ch of [...list].map((g) => g.trim()).sort().join(',')) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `custom-${h.toString(16).padStart(8, '0')}`;
}
// A run with a non-default test set (BIASCHECK_MUTATE_TESTS) is a different measurement: own files.
const scope =
  scopeOf(globs) +
  (process.env.BIASCHECK_MUTATE_TESTS
    ? `--tests-${process.env.BIASCHECK_MUTATE_TESTS.replace(/test\//g, '').replace(/\.test\.ts/g, '').replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40)}`
    : '');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  mutate: globs.map((g) => g.trim()).filter(Boolean).concat(['!src/**/index.ts', '!src/**/types.ts']),
  coverageAnalysis: 'perTest',
  // Static mutants (code executed while test files are collected, e.g. a module-level constant or
  // a flow integrated in a describe() body) cannot be attributed to tests, so each one re-runs every
  // related test file: on src/flow that made 46% of the mutants cost 77% of the time (~11 h
  // estimated). They are reported as 'Ignored' (outside the score) unless BIASCHECK_MUTATE_STATIC=1.
  ignoreStatic: process.env.BIASCHECK_MUTATE_STATIC !== '1',
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${scope}.json`,
  // Error-message strings are not behaviour; mutating them only measures whether tests pin wording.
  // (Method names compared in `switch`/`===` are still covered by the other mutators through the
  // branches they select.) See docs/mutation.md.
  mutator: { excludedMutations: ['StringLiteral'] },
  // A mutant whose tests run longer than timeoutFactor × (their dry-run time) + timeoutMS is
  // 'Timeout' (counted as detected: typically a loop that no longer terminates). On the shared
  // CPU 10 s of absolute slack keeps a merely slowed-down run from being counted; each timeout costs
  // that long, so BIASCHECK_MUTATE_TIMEOUT_MS can lower it on an idle machine.
  timeoutMS: Number(process.env.BIASCHECK_MUTATE_TIMEOUT_MS ?? 10_000),
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scope}.html` },
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  thresholds: { high: 90, low: 85, break: null },
  ignorePatterns: ['reports', 'calibration', 'coverage', 'out', 'dist', 'tmp_*.ts', '*_scratch*.ts'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
