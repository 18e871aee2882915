import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs everywhere in seconds; `e2e` needs a Docker engine
// (scripts/provision-docker.sh) and runs the real stack.
export default defineConfig({
  test: {
    // The e2e project shares one Docker engine: never run its files in parallel.
    fileParallelism: false,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['__tests__/**/*.test.ts'],
          setupFiles: ['__tests__/helpers/no-proxy.ts'],
          exclude: ['__tests__/e2e/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['__tests__/e2e/**/*.test.ts'],
          testTimeout: 80 * 60_000,
          hookTimeout: 45 * 60_000,
        },
      },
    ],
  },
});
