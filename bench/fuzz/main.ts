/**
 * `npm run fuzz`: the property test of test/reliability at scale. Lints
 * 100,000 generated inputs (postmortem-like Markdown, arbitrary strings, deep
 * nesting) with the strict preset and every other rule, on one worker thread
 * per core, and reports the rate and any failure with the seed and path that
 * replay it.
 *
 *   npm run fuzz                                  100,000 cases, random seed
 *   npm run fuzz -- --runs 5000 --seed 42         fewer cases, fixed seed
 *   npm run fuzz -- --seed 42 --path 1234:5:3     replay one failure
 *
 * Every case must lint without throwing, with every message inside the
 * document; every tenth case (`--determinism-every`) is linted twice more, with
 * the same processor and with a fresh one, and must give the same messages.
 */
import os from 'node:os'
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads'
import {parseArgs} from 'node:util'
import fc from 'fast-check'
import {anyInput} from './arbitraries.js'
import {checkDeterministic, checkPlaces, strictProcessor} from './check.js'

interface Job {
  seed: number
  runs: number
  path?: string
  determinismEvery: number
}

type Report =
  | {kind: 'progress'; cases: number}
  | {kind: 'done'; cases: number; failure?: {seed: number; path: string; input: string; error: string}}

const PROGRESS_EVERY = 2_000

async function runJob(job: Job, report: (message: Report) => void): Promise<void> {
  const processor = strictProcessor()
  let cases = 0
  const property = fc.asyncProperty(anyInput, async (text) => {
    cases++
    if (cases % PROGRESS_EVERY === 0) report({kind: 'progress', cases: PROGRESS_EVERY})
    if (cases % job.determinismEvery === 0) await checkDeterministic(text, processor)
    else await checkPlaces(text, processor)
  })
  const details = await fc.check(property, {numRuns: job.runs, seed: job.seed, ...(job.path ? {path: job.path} : {})})
  const rest = {kind: 'done' as const, cases: cases % PROGRESS_EVERY}
  if (!details.failed || !details.counterexample) {
    report(rest)
    return
  }
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
  report({
    ...rest,
    failure: {seed: details.seed, path: details.counterexamplePath ?? '', input: JSON.stringify(details.counterexample[0]), error}
  })
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      runs: {type: 'string', default: '100000'},
      seed: {type: 'string'},
      path: {type: 'string'},
      workers: {type: 'string'},
      'determinism-every': {type: 'string', default: '10'}
    }
  })
  const runs = Number(values.runs)
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed)
  const determinismEvery = Math.max(1, Number(values['determinism-every']))
  // A replay runs the one failing case, on one worker.
  const workers = values.path ? 1 : Math.max(1, Number(values.workers ?? os.availableParallelism()))
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) throw new Error('--runs and --seed take integers')

  console.log(`fuzz: ${runs} cases on ${workers} worker${workers === 1 ? '' : 's'}, seeds ${seed}…${seed + workers - 1}`)
  const started = performance.now()
  let done = 0
  let lastPrint = started
  const failures: Array<NonNullable<Extract<Report, {kind: 'done'}>['failure']>> = []
  await Promise.all(
    Array.from({length: workers}, (_, index) => {
      const job: Job = {
        seed: seed + index,
        runs: Math.floor(runs / workers) + (index < runs % workers ? 1 : 0),
        determinismEvery,
        ...(values.path ? {path: values.path} : {})
      }
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), {workerData: job})
        worker.on('message', (message: Report) => {
          done += message.cases
          const now = performance.now()
          if (now - lastPrint > 10_000) {
            lastPrint = now
            console.log(`  ${done} cases, ${Math.round(done / ((now - started) / 1000))} cases/s`)
          }
          if (message.kind === 'done') {
            if (message.failure) failures.push(message.failure)
            resolve()
          }
        })
        worker.on('error', reject)
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))))
      })
    })
  )
  const seconds = (performance.now() - started) / 1000
  console.log(`fuzz: ${done} case${done === 1 ? '' : 's'} in ${seconds.toFixed(1)} s, ${Math.round(done / seconds)} cases/s, ${failures.length} failure${failures.length === 1 ? '' : 's'}`)
  for (const failure of failures) {
    console.log(`\nFAILED with --seed ${failure.seed} --path ${failure.path}`)
    console.log(`  input: ${failure.input.length > 2_000 ? `${failure.input.slice(0, 2_000)}…` : failure.input}`)
    console.log(`  ${failure.error.split('\n').join('\n  ')}`)
    console.log(`  replay: npm run fuzz -- --seed ${failure.seed} --path ${failure.path}`)
  }
  process.exitCode = failures.length > 0 ? 1 : 0
}

if (isMainThread) {
  await main()
} else {
  await runJob(workerData as Job, (message) => parentPort?.postMessage(message))
}
