import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@shared': resolve('src/shared') }
// vitest's default is one worker fewer than the cores: a single one on a 2-core machine, where the
// node tests alone then take longer than the end-to-end run they go beside (scripts/run-tests.mjs).
// The end-to-end tests wait on their browser and child processes much of the time; two unit workers
// fill that.
const UNIT_WORKERS = Math.max(2, availableParallelism() - 1)

export default defineConfig({
  resolve: { alias },
  test: {
    // The JSON report feeds the CI summary line (scripts/summarize-tests.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: '.reports/vitest.json' },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/main/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/*.test.ts'],
          // Tests that open real libraries, threads and child processes take more than vitest's
          // default 5 s on a busy 2-core machine; a test that hangs still fails.
          testTimeout: 30_000,
          maxWorkers: UNIT_WORKERS,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.ts', 'src/renderer/**/*.test.tsx'],
          maxWorkers: UNIT_WORKERS,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A browser on a busy 2-core machine can take more than vitest's default second to
          // show what a test waits for; a poll still fails when it never comes.
          expect: { poll: { timeout: 5_000 } },
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
          // The files run one after another in one worker that imports the app's modules once
          // (seconds per file otherwise). They share no state: each starts its own servers, child
          // processes and browser in fresh folders, and closes them in its afterAll.
          isolate: false,
        },
      },
    ],
  },
})
