/**
 * Loaded with `node --import` into every process a benchmark runs: at exit it
 * writes the process's peak resident memory and CPU time (all threads, so
 * worker threads count) to the file named by BENCH_USAGE_FILE.
 */
import fs from 'node:fs'
import {isMainThread} from 'node:worker_threads'

const target = process.env.BENCH_USAGE_FILE
if (target && isMainThread) {
  process.on('exit', () => {
    const cpu = process.cpuUsage()
    const usage = {peakRssBytes: process.resourceUsage().maxRSS * 1024, cpuMs: (cpu.user + cpu.system) / 1000}
    fs.writeFileSync(target, JSON.stringify(usage))
  })
}
