import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Flows and Monte-Carlo claims are CPU-bound; a generous per-test timeout is a hang guard,
    // not a speed target (speed targets live in `npm run bench`).
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
