import os from 'node:os'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Vitest's default (one worker less than the cores) runs one file at a
    // time on a 2-core machine; many of our tests wait on child processes
    // (the bins, the Action, the language server, pre-commit), so two files
    // at a time use both cores.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
