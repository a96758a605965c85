import fs from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type {Worker} from 'node:worker_threads'
import type {Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import {UsageError} from './args.js'
import {loadFinder, loadIgnore} from './internals.js'
import {addMessage, messageToFields} from './message-data.js'

/** What a worker needs to set up the same engine as the main thread. */
export interface WorkerSetup {
  argv: readonly string[]
  cwd: string
  version: string
}

/** A linted file as a worker sends it back: plain, cloneable data. */
export interface LintedFile {
  path: string
  cwd: string
  history: string[]
  value?: string
  data: {unifiedEngineGiven?: unknown; unifiedEngineIgnored?: unknown}
  messages: Array<Record<string, unknown>>
}

type RunEngine = (options: EngineOptions) => Promise<VFile[]>

export const THREADS_VARIABLE = 'POSTMORTEM_LINT_THREADS'
// Starting a thread costs about as much as linting this many files, so fewer
// files per thread are linted in the main thread.
const FILES_PER_THREAD = 50
// Each thread takes several chunks so that one slow chunk does not keep the
// others waiting.
const CHUNKS_PER_THREAD = 4
const MAX_CHUNK = 200
// Smaller chunks cost an engine run each (configuration, plugins) for few files.
const MIN_CHUNK = 20

/**
 * How many threads lint `files` files: one fewer than the cores, and none
 * for a few files. V8 already collects garbage and compiles on other threads
 * while one thread lints: on two cores a second linting thread was no faster
 * beyond noise (docs/performance.md) and took 60 to 100 MB more.
 * `POSTMORTEM_LINT_THREADS` sets the number (1: this thread only).
 */
export function threadCount(files: number, env: NodeJS.ProcessEnv): number {
  const set = env[THREADS_VARIABLE]
  if (set !== undefined && set !== '') {
    const threads = Number(set)
    if (!Number.isInteger(threads) || threads < 1) {
      throw new UsageError(`Unexpected ${THREADS_VARIABLE} \`${set}\`, expected a whole number of threads, 1 or more`)
    }
    return Math.min(threads, files)
  }
  return Math.max(1, Math.min(os.availableParallelism() - 1, Math.floor(files / FILES_PER_THREAD)))
}

/**
 * Drops the text of a file without messages: reporters read a text only to
 * place a message's fix (SARIF), and thousands of texts fill memory.
 */
function withoutCleanText(file: VFile): VFile {
  if (file.messages.length === 0) file.value = undefined as unknown as VFile['value']
  return file
}

/** The plain data of a linted file, for `postMessage`. */
export function toLintedFile(file: VFile): LintedFile {
  return {
    path: file.path,
    cwd: file.cwd,
    history: [...file.history],
    value: withoutCleanText(file).value === undefined ? undefined : String(file),
    data: {unifiedEngineGiven: file.data.unifiedEngineGiven, unifiedEngineIgnored: file.data.unifiedEngineIgnored},
    // Cloning keeps an Error's message and stack but not its cause, which
    // reporters print (a related place): messages go as plain data.
    messages: file.messages.map((message) => messageToFields(message, true) ?? {})
  }
}

function fromLintedFile(linted: LintedFile, VFileClass: typeof VFile): VFile {
  const file = new VFileClass({cwd: linted.cwd, path: linted.path, value: linted.value})
  file.history = [...linted.history]
  Object.assign(file.data, linted.data)
  for (const fields of linted.messages) addMessage(file, fields)
  return file
}

export function isFatal(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}

/**
 * Finds the files the engine would lint, as its own first step does (see
 * unified-engine/lib/file-set-pipeline/file-system.js of the pinned
 * version): with its finder, so extensions, ignore files and node_modules
 * count the same, and missing or ignored files get its own fatal messages.
 * The engine's later steps compare every file with every other one when a
 * file is done, which makes one run over thousands of files quadratic; the
 * files found are linted in chunks instead. unified-engine exports neither
 * module: see internals.ts. Sorted by path, as the engine sorts them.
 */
export async function discover(paths: readonly string[], options: EngineOptions, cwd: string): Promise<VFile[]> {
  const [finder, Ignore] = await Promise.all([loadFinder(), loadIgnore()])
  const ignore = new Ignore({
    cwd,
    detectIgnore: options.detectIgnore ?? Boolean(options.ignoreName),
    ignoreName: options.ignoreName,
    ignorePath: options.ignorePath,
    ignorePathResolveFrom: options.ignorePathResolveFrom ?? 'dir'
  })
  const found = await new Promise<VFile[]>((resolve, reject) => {
    finder(
      [...paths],
      {
        cwd,
        extensions: (options.extensions ?? []).map((extension) => (extension.startsWith('.') ? extension : `.${extension}`)),
        ignore,
        ignorePatterns: options.ignorePatterns ?? [],
        silentlyIgnore: Boolean(options.silentlyIgnore)
      },
      (error, result) => (result ? resolve(result.files) : reject(error ?? new Error('Cannot find files')))
    )
  })
  for (const file of found) file.data.unifiedEngineGiven = true
  return found.sort((left, right) => (left.path < right.path ? -1 : 1))
}

/**
 * Hands out the paths in chunks, in order. On several lanes the chunks get
 * smaller as the paths run out (a fraction of what is left), so that the
 * lanes finish about together instead of one linting a last large chunk
 * while the others wait.
 */
class ChunkQueue {
  private next = 0
  private readonly fixedSize: number

  constructor(
    private readonly paths: readonly string[],
    private readonly lanes: number
  ) {
    this.fixedSize = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(paths.length / (lanes * CHUNKS_PER_THREAD))))
  }

  get remaining(): number {
    return this.paths.length - this.next
  }

  take(): string[] | undefined {
    if (this.remaining === 0) return undefined
    const size =
      this.lanes === 1
        ? this.fixedSize
        : Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.ceil(this.remaining / (this.lanes * CHUNKS_PER_THREAD))))
    const chunk = this.paths.slice(this.next, this.next + size)
    this.next += chunk.length
    return chunk
  }
}

/** What the lanes share: the chunks left, the files linted, and the first failure, which stops every lane. */
interface Lanes {
  chunks: ChunkQueue
  results: Map<string, VFile>
  failure: Error | undefined
}

/** A worker's lane: it takes the next chunk each time it sends back the files of one. */
function workerLane(worker: Worker, lanes: Lanes, VFileClass: typeof VFile): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let busy = false
    const next = (): void => {
      const chunk = lanes.failure ? undefined : lanes.chunks.take()
      busy = chunk !== undefined
      if (chunk) worker.postMessage(chunk)
      else resolve()
    }
    worker.on('message', (files: LintedFile[]) => {
      for (const file of files) lanes.results.set(file.path, fromLintedFile(file, VFileClass))
      next()
    })
    worker.on('error', reject)
    worker.on('exit', (code) => {
      if (busy) reject(new Error(`A lint thread stopped (exit code ${code}) before its files were linted`))
    })
    next()
  })
}

async function hereLane(lanes: Lanes, lintHere: (chunk: string[]) => Promise<VFile[]>): Promise<void> {
  for (let chunk = lanes.chunks.take(); chunk && !lanes.failure; chunk = lanes.chunks.take()) {
    for (const file of await lintHere(chunk)) lanes.results.set(file.path, file)
  }
}

/**
 * Lints the chunks on `threads` lanes: this thread and `threads - 1` workers,
 * each taking the next chunk when it is done with one. This thread starts
 * linting while the workers start up.
 */
async function lintOnThreads(
  chunks: ChunkQueue,
  threads: number,
  setup: WorkerSetup,
  lintHere: (chunk: string[]) => Promise<VFile[]>
): Promise<Map<string, VFile>> {
  const {VFile} = await import('vfile')
  // Loaded only here: a run over a few files starts no thread.
  const {Worker} = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')
  const shared: Lanes = {chunks, results: new Map<string, VFile>(), failure: undefined}
  const workers: Worker[] = []
  const lanes: Array<Promise<void>> = []
  for (let index = 1; index < threads && chunks.remaining > 0; index++) {
    // The worker sees the command's arguments: libraries that colour their
    // output (the code frame of a bad .remarkrc) read `--no-color` from argv.
    const worker = new Worker(new URL('./lint-worker.js', import.meta.url), {workerData: setup, argv: process.argv.slice(2)})
    workers.push(worker)
    lanes.push(workerLane(worker, shared, VFile))
  }
  lanes.push(hereLane(shared, lintHere))
  try {
    // The first failure stops every lane from taking more chunks.
    await Promise.all(
      lanes.map((lane) =>
        lane.catch((error: unknown) => {
          shared.failure ??= error instanceof Error ? error : new Error(String(error))
          throw shared.failure
        })
      )
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return shared.results
}

/** Whether `paths` may hold enough files for chunks or threads: many files, or a folder. */
function mayBeMany(paths: readonly string[], cwd: string, env: NodeJS.ProcessEnv): boolean {
  if (paths.length > MAX_CHUNK || threadCount(paths.length, env) > 1) return true
  return paths.some((file) => fs.statSync(path.resolve(cwd, file), {throwIfNoEntry: false})?.isDirectory() === true)
}

/**
 * Lints `paths` as `runEngine({...options, files: paths})` would, and
 * returns the same files in the same order. Many files are found first, then
 * linted in chunks, spread over worker threads when there are enough.
 */
export async function lintFiles(
  paths: string[],
  options: EngineOptions,
  setup: WorkerSetup,
  env: NodeJS.ProcessEnv,
  runEngine: RunEngine
): Promise<VFile[]> {
  if (!mayBeMany(paths, setup.cwd, env)) return runEngine({...options, files: paths})

  const found = await discover(paths, options, setup.cwd)
  const lintable = found.filter((file) => !isFatal(file)).map((file) => file.path)
  const threads = threadCount(lintable.length, env)
  const chunks = new ChunkQueue(lintable, threads)
  const lintHere = async (chunk: string[]): Promise<VFile[]> => (await runEngine({...options, files: chunk})).map(withoutCleanText)
  const linted = await lintOnThreads(chunks, threads, setup, lintHere)
  return found.map((file) => {
    if (isFatal(file)) return file
    const result = linted.get(file.path)
    if (!result) throw new Error(`No lint result for \`${file.path}\``)
    return result
  })
}
