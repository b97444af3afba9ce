import { defineConfig } from 'vitest/config';

// Three tiers, run in that order (groupOrder) (STYLE.md §5): unit tests beside the code, integration tests against real
// PostgreSQL/PGlite/Redis/SMTP, and browser tests in e2e/ driven through playwright-core.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: [
            'apps/**/src/**/*.test.ts',
            'packages/**/src/**/*.test.ts',
            'packages/**/test/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['apps/**/*.integration.test.ts', 'packages/**/*.integration.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own databases; run files in parallel, but not too many on 2 cores.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.spec.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
