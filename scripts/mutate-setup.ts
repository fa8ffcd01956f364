// Setup file for vitest.mutate.config.ts: pins fast-check's global seed so that property-based unit
// tests draw the same instances in the dry run and in every mutant run (stable mutant outcomes).
import fc from 'fast-check';

const seed = Number(process.env.BIASCHECK_MUTATE_SEED ?? process.env.BIASCHECK_SEED ?? 20211);
fc.configureGlobal({ seed });
