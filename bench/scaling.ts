/**
 * Threads against processes against one thread, per number of files: what
 * `postmortem-lint` should use on this machine (see `threadCount` in
 * src/clients/cli/parallel.ts and docs/performance.md).
 */
import path from 'node:path'
import {writeCorpus} from './corpus.js'
import {type ProcessRun, TOOLS, type Tool, runToolOn} from './processes.js'
import {formatMb, formatMs, median, min} from './stats.js'
import {threadCount} from '../src/clients/cli/parallel.js'

export interface ScalingRow {
  files: number
  /** Fastest wall time of each way, in milliseconds. */
  oneThread: number
  twoThreads: number
  twoProcesses: number
  /** Threads the CLI picks by default for this many files here. */
  defaultThreads: number
  notes: string[]
}

type Way = 'one thread' | 'two threads' | 'two processes'

/** Two processes of one thread each, side by side on half of the files each: timed until both exit. */
async function sideBySide(tool: Tool, halves: ReadonlyArray<readonly string[]>): Promise<ProcessRun> {
  const started = performance.now()
  const runs = await Promise.all(halves.map((half) => runToolOn(tool, half)))
  const sum = (key: 'cpuMs' | 'peakRssBytes'): number => runs.reduce((total, run) => total + run[key], 0)
  return {wallMs: performance.now() - started, cpuMs: sum('cpuMs'), peakRssBytes: sum('peakRssBytes'), exitCode: 0, stderr: '', stdout: ''}
}

function runWay(way: Way, files: readonly string[]): Promise<ProcessRun> {
  if (way === 'one thread') return runToolOn(TOOLS.oursOneThread, files)
  if (way === 'two threads') return runToolOn({...TOOLS.oursThreaded, env: {POSTMORTEM_LINT_THREADS: '2'}}, files)
  const middle = Math.ceil(files.length / 2)
  return sideBySide(TOOLS.oursOneThread, [files.slice(0, middle), files.slice(middle)])
}

/**
 * Lints `count` files each way in turn, `reps` times after one untimed run
 * of each; the files are given by path, as a hook or a script gives them.
 */
async function measureCount(workDir: string, seed: number, count: number, reps: number, warmup: boolean): Promise<ScalingRow> {
  const files = writeCorpus(path.join(workDir, `scaling-${count}`), seed, count)
  const ways: Way[] = ['one thread', 'two threads', 'two processes']
  const runs = new Map<Way, ProcessRun[]>(ways.map((way) => [way, []]))
  if (warmup) for (const way of ways) await runWay(way, files)
  for (let rep = 0; rep < reps; rep++) {
    for (const way of ways) runs.get(way)?.push(await runWay(way, files))
  }
  const best = (way: Way): number => min((runs.get(way) ?? []).map((run) => run.wallMs))
  const notes = ways.map((way) => {
    const list = runs.get(way) ?? []
    const cpu = median(list.map((run) => run.cpuMs))
    const peak = median(list.map((run) => run.peakRssBytes))
    return `${way}: wall best ${formatMs(best(way))}, median ${formatMs(median(list.map((run) => run.wallMs)))}; CPU ${formatMs(cpu)}; peak ${formatMb(peak)}`
  })
  return {files: count, oneThread: best('one thread'), twoThreads: best('two threads'), twoProcesses: best('two processes'), defaultThreads: threadCount(count, {}), notes}
}

/** Each way on each number of files (those up to `maxFiles` of 50, 500 and `maxFiles`). */
export async function measureScaling(workDir: string, seed: number, maxFiles: number, reps: number, warmup: boolean): Promise<ScalingRow[]> {
  const counts = [...new Set([50, 500, maxFiles].filter((count) => count <= maxFiles))]
  const rows: ScalingRow[] = []
  for (const count of counts) rows.push(await measureCount(workDir, seed, count, reps, warmup))
  return rows
}
