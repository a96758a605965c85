/**
 * `npm run bench`: generates one corpus of postmortems in a temporary folder
 * and measures, in the same run and on the same files, our preset and CLIs
 * against remark-parse, remark-cli and markdownlint-cli2. Prints a table of
 * ratios; `--json FILE` also writes the figures. See docs/performance.md.
 *
 *   --files N   documents for the in-process and many-files measures (2000)
 *   --many N    documents for the memory and linearity measures (10000)
 *   --lines N   lines of the document edited in the language server (2000)
 *   --reps N    timed repetitions of each whole-process run (5)
 *   --smoke     a tiny run that only checks everything still works
 *   --keep      keep the generated corpus
 *   --only A,B  run only these measures: in-process, scaled, files, one-file,
 *               language-server, many, threads (all by default), reliability (only
 *               when named: some five minutes and gigabytes of memory; see
 *               bench/reliability.ts)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {copySharedDocuments, generateLongPostmortem, generatePostmortem, writeCorpus} from './corpus.js'
import {type Document, measurePresetAgainstParse, measurePresetOnSets} from './in-process.js'
import {measureEditLatency} from './language-server.js'
import {threadCount} from '../src/clients/cli/parallel.js'
import {type ProcessRun, TOOLS, type Tool, runTool} from './processes.js'
import {type ReliabilityResult, type ReliabilitySettings, formatReliability, measureReliability} from './reliability.js'
import {formatMb, formatMs, median, min} from './stats.js'
import {measureScaling} from './scaling.js'

const SEED = 20_240_917

export interface Row {
  measure: string
  ours: string
  baseline: string
  /** Ours over the baseline: time, or memory for the memory row. */
  ratio?: number
  /** The value compared with the target: the ratio, or milliseconds, or bytes. */
  value: number
  target: string
  met?: boolean
}

export interface BenchResult {
  machine: Record<string, string | number>
  settings: Omit<Settings, 'only'> & {only: Measure[]}
  rows: Row[]
  notes: string[]
  /** The reliability targets, when measured (`--only reliability`). */
  reliability?: ReliabilityResult
}

interface Settings {
  files: number
  many: number
  lines: number
  reps: number
  singleReps: number
  edits: number
  rounds: number
  scaledDocuments: number
  /** At most this many real postmortems (../shared) among the `files` documents. */
  realDocuments: number
  /** Whether each tool runs once untimed before the timed runs. */
  warmup: boolean
  /** The measures to run. */
  only: ReadonlySet<Measure>
  /** Sizes of the reliability measure. */
  reliability: ReliabilitySettings
}

const MEASURES = ['in-process', 'scaled', 'files', 'one-file', 'language-server', 'many', 'threads', 'reliability'] as const
type Measure = (typeof MEASURES)[number]
/** Run unless `--only` says otherwise: the reliability measure takes minutes and gigabytes, so only when named. */
const DEFAULT_MEASURES = MEASURES.filter((measure) => measure !== 'reliability')

function measuresFrom(value: string | undefined): Set<Measure> {
  if (value === undefined) return new Set(DEFAULT_MEASURES)
  const chosen = value.split(',').map((name) => name.trim())
  const unknown = chosen.filter((name) => !(MEASURES as readonly string[]).includes(name))
  if (unknown.length > 0) throw new Error(`Unknown measure \`${unknown.join(', ')}\`, expected some of ${MEASURES.join(', ')}`)
  return new Set(chosen as Measure[])
}

function settingsFrom(argv: string[]): {settings: Settings; keep: boolean; json?: string} {
  const {values} = parseArgs({
    args: argv,
    options: {
      files: {type: 'string'},
      many: {type: 'string'},
      lines: {type: 'string'},
      reps: {type: 'string'},
      smoke: {type: 'boolean', default: false},
      keep: {type: 'boolean', default: false},
      json: {type: 'string'},
      only: {type: 'string'}
    }
  })
  const number = (value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback
    const parsed = Number(value)
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`Expected a positive whole number, got \`${value}\``)
    return parsed
  }
  const smoke = values.smoke === true
  const reps = number(values.reps, smoke ? 1 : 5)
  const files = number(values.files, smoke ? 6 : 2000)
  const settings: Settings = {
    files,
    many: number(values.many, smoke ? 20 : 10_000),
    lines: number(values.lines, smoke ? 150 : 2000),
    reps,
    singleReps: smoke ? 1 : Math.max(reps, 15),
    edits: smoke ? 2 : 30,
    rounds: smoke ? 1 : 5,
    scaledDocuments: Math.min(files, 100),
    realDocuments: smoke ? 0 : Math.floor(files / 10),
    warmup: !smoke,
    only: measuresFrom(values.only),
    reliability: smoke
      ? {
          baseBytes: 4096,
          huge: 1000,
          largeBytes: 64 * 1024,
          reps: 1,
          parseOnlyShapes: 1,
          shapes: ['generated postmortems', 'timeline as a list', 'timeline as a table', 'many dates']
        }
      : {baseBytes: 1024 * 1024, huge: 1_000_000, largeBytes: 50 * 1024 * 1024, reps: 2}
  }
  return {settings, keep: values.keep === true, json: values.json}
}

function machine(): Record<string, string | number> {
  const [one, five] = os.loadavg()
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    nproc: os.availableParallelism(),
    memory: formatMb(os.totalmem()),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: `${one?.toFixed(2)} (1 min), ${five?.toFixed(2)} (5 min)`
  }
}

function log(line: string): void {
  process.stderr.write(`${line}\n`)
}

function ratioRow(measure: string, ours: number, baseline: number, baselineName: string, limit?: number): Row {
  const ratio = ours / baseline
  return {
    measure,
    ours: formatMs(ours),
    baseline: `${baselineName} ${formatMs(baseline)}`,
    ratio,
    value: ratio,
    target: limit === undefined ? 'reference' : `≤ ${limit}×`,
    met: limit === undefined ? undefined : ratio <= limit
  }
}

/** Runs the tools in turn, `reps` times, after one untimed run each (disk cache) unless `warmup` is off. */
async function timeTools(tools: readonly Tool[], target: string, reps: number, warmup: boolean): Promise<Map<Tool, ProcessRun[]>> {
  const runs = new Map<Tool, ProcessRun[]>(tools.map((tool) => [tool, []]))
  if (warmup) for (const tool of tools) await runTool(tool, target)
  for (let rep = 0; rep < reps; rep++) {
    for (const tool of tools) runs.get(tool)?.push(await runTool(tool, target))
  }
  return runs
}

function medianOf(runs: readonly ProcessRun[] | undefined, key: 'wallMs' | 'cpuMs' | 'peakRssBytes'): number {
  return median((runs ?? []).map((run) => run[key]))
}

/** The fastest run's wall time, which the ratios compare: other work on the machine only adds time. */
function bestWall(runs: readonly ProcessRun[] | undefined): number {
  return min((runs ?? []).map((run) => run.wallMs))
}

function describeRuns(label: string, runs: Map<Tool, ProcessRun[]>): string {
  const parts = [...runs].map(
    ([tool, list]) =>
      `${tool.name}: wall best ${formatMs(bestWall(list))}, median ${formatMs(medianOf(list, 'wallMs'))}; CPU ${formatMs(medianOf(list, 'cpuMs'))}; peak ${formatMb(medianOf(list, 'peakRssBytes'))}`
  )
  return `${label}: ${parts.join('; ')}`
}

function readDocuments(paths: readonly string[]): Document[] {
  return paths.map((file) => ({path: file, text: fs.readFileSync(file, 'utf8')}))
}

export async function runBenchmarks(settings: Settings, workDir: string): Promise<BenchResult> {
  const rows: Row[] = []
  const notes: string[] = []
  const tenth = Math.max(1, Math.round(settings.many / 10))

  const {only} = settings
  if (only.size === 1 && only.has('reliability')) {
    return {machine: machine(), settings: {...settings, only: [...only]}, rows, notes, reliability: await measureReliability(workDir, settings.reliability)}
  }
  log(`Writing ${settings.files}${only.has('many') ? ` + ${tenth} + ${settings.many}` : ''} postmortems under ${workDir}`)
  const filesDir = path.join(workDir, `corpus-${settings.files}`)
  // Real postmortems first (as many as there are, up to a tenth), then generated ones.
  const real = copySharedDocuments(path.join(filesDir, 'shared'), settings.realDocuments)
  const filePaths = [...writeCorpus(filesDir, SEED, settings.files - real.length), ...real]
  const tenthDir = path.join(workDir, `corpus-${tenth}`)
  const manyDir = path.join(workDir, `corpus-${settings.many}`)
  if (only.has('many')) {
    writeCorpus(tenthDir, SEED, tenth)
    writeCorpus(manyDir, SEED, settings.many)
  }
  const lineCount = filePaths.reduce((sum, file) => sum + fs.readFileSync(file, 'utf8').split('\n').length, 0)
  notes.push(
    `Corpus: ${real.length} real postmortems of ../shared/corpus and ../shared/corpus2 and ${settings.files - real.length} generated ones (seed ${SEED}); ` +
      `the ${settings.files} documents average ${Math.round(lineCount / settings.files)} lines.`
  )

  const documents = readDocuments(filePaths)
  if (only.has('in-process')) {
    log('In process: recommended preset against bare remark-parse')
    const inProcess = await measurePresetAgainstParse(documents, settings.rounds)
    rows.push(
      ratioRow(`recommended preset, in process, one core, ${settings.files} files`, inProcess.preset.ms, inProcess.parse.ms, 'remark-parse', 1.5)
    )
    rows.push({
      ...ratioRow('remark-preset-lint-recommended, in process (reference)', inProcess.remarkRecommended.ms, inProcess.parse.ms, 'remark-parse'),
      measure: 'remark-preset-lint-recommended, in process (reference)',
      ours: `theirs: ${formatMs(inProcess.remarkRecommended.ms)}`
    })
    notes.push(
      `In process: fastest of ${settings.rounds} passes (medians: ours ${formatMs(inProcess.preset.medianMs)}, remark-parse ${formatMs(inProcess.parse.medianMs)}, ` +
        `remark-preset-lint-recommended ${formatMs(inProcess.remarkRecommended.medianMs)}); ${inProcess.preset.messages} messages from ours, ` +
        `${inProcess.remarkRecommended.messages} from remark-preset-lint-recommended.`
    )
  }

  if (only.has('scaled')) {
    log('In process: documents ten times as long')
    const scaled = documents.slice(0, settings.scaledDocuments)
    const scaledLong = scaled.map((document, index) => ({
      path: document.path,
      text: generatePostmortem(SEED, index, {size: 10})
    }))
    const [shortMs = Number.NaN, longMs = Number.NaN] = await measurePresetOnSets([scaled, scaledLong], settings.rounds)
    const shortChars = scaled.reduce((sum, document) => sum + document.text.length, 0)
    const longChars = scaledLong.reduce((sum, document) => sum + document.text.length, 0)
    rows.push({
      ...ratioRow(`10× larger documents, preset in process (${scaled.length} files)`, longMs, shortMs, '1×', 11),
      ours: `10×: ${formatMs(longMs)}`,
      baseline: `1×: ${formatMs(shortMs)}`
    })
    notes.push(`Larger documents: ${(longChars / shortChars).toFixed(1)}× the characters of the 1× set.`)
  }

  if (only.has('files')) {
    log(`Whole process: ${settings.files} files`)
    const manyRuns = await timeTools([TOOLS.ours, TOOLS.remark, TOOLS.markdownlint, TOOLS.oursThreaded], filesDir, settings.reps, settings.warmup)
    const oursMany = bestWall(manyRuns.get(TOOLS.ours))
    rows.push(ratioRow(`postmortem-lint, ${settings.files} files, whole process`, oursMany, bestWall(manyRuns.get(TOOLS.remark)), 'remark-cli', 0.6))
    rows.push(ratioRow(`postmortem-lint, ${settings.files} files, whole process`, oursMany, bestWall(manyRuns.get(TOOLS.markdownlint)), 'markdownlint-cli2', 0.8))
    rows.push({
      ...ratioRow(`${TOOLS.oursThreaded.name}, ${settings.files} files (reference)`, bestWall(manyRuns.get(TOOLS.oursThreaded)), oursMany, 'default'),
      measure: `${TOOLS.oursThreaded.name}, ${settings.files} files (reference)`
    })
    // The first run (the warm-up, always made) fills the cache; the runs timed take every file from it.
    const cachedRuns = await timeTools([TOOLS.oursCached], filesDir, settings.reps, true)
    fs.rmSync(TOOLS.oursCached.args.at(-1) as string, {force: true})
    rows.push(ratioRow(`postmortem-lint --cache, ${settings.files} unchanged files, second run`, bestWall(cachedRuns.get(TOOLS.oursCached)), bestWall(manyRuns.get(TOOLS.remark)), 'remark-cli', 0.05))
    notes.push(`postmortem-lint lints ${settings.files} files on ${threadCount(settings.files, process.env)} thread(s) by default here.`)
    notes.push(describeRuns(`${settings.files} files`, new Map([...manyRuns, ...cachedRuns])))
  }

  const single = filePaths[0] as string
  let singleRuns: Map<Tool, ProcessRun[]> | undefined
  if (only.has('one-file')) {
    log('Whole process: one file')
    singleRuns = await timeTools([TOOLS.ours, TOOLS.remark, TOOLS.markdownlint], single, settings.singleReps, settings.warmup)
    const oursSingle = bestWall(singleRuns.get(TOOLS.ours))
    rows.push(ratioRow('postmortem-lint, one file, whole process', oursSingle, bestWall(singleRuns.get(TOOLS.remark)), 'remark-cli', 0.4))
    rows.push(ratioRow('postmortem-lint, one file (reference)', oursSingle, bestWall(singleRuns.get(TOOLS.markdownlint)), 'markdownlint-cli2'))
    notes.push(describeRuns('One file', singleRuns))
  }

  if (only.has('language-server')) {
    log('Language server: edits of a long postmortem')
    const longText = generateLongPostmortem(SEED, 0, settings.lines)
    const lines = longText.split('\n').length
    try {
      const latency = await measureEditLatency(path.join(workDir, 'workspace'), longText, settings.edits)
      rows.push({
        measure: `language server, edit to diagnostics, ${lines}-line postmortem`,
        ours: `median ${formatMs(latency.medianMs)}, max ${formatMs(latency.maxMs)}`,
        baseline: '—',
        value: latency.medianMs,
        target: '≤ 50 ms',
        met: latency.medianMs <= 50
      })
      const inThread = await measurePresetAgainstParse([{path: 'long-postmortem.md', text: longText}], settings.rounds)
      notes.push(
        `Language server: first diagnostics ${formatMs(latency.openMs)} after opening (${latency.diagnostics} diagnostics); ${settings.edits} edits timed. ` +
          `The same ${Math.round(longText.length / 1024)} KB document in process: remark-parse ${formatMs(inThread.parse.ms)}, parse and our preset ${formatMs(inThread.preset.ms)}.`
      )
    } catch (error) {
      rows.push({measure: `language server, ${lines}-line postmortem`, ours: 'not measured', baseline: '—', value: Number.NaN, target: '≤ 50 ms', met: false})
      notes.push(`Language server not measured: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  if (only.has('many')) {
    log(`Whole process: ${tenth} and ${settings.many} files`)
    const linearRuns = new Map<string, ProcessRun[]>([
      ['tenth', []],
      ['many', []]
    ])
    const linearReps = Math.min(settings.reps, 2)
    for (let rep = 0; rep < linearReps; rep++) {
      linearRuns.get('tenth')?.push(await runTool(TOOLS.ours, tenthDir))
      linearRuns.get('many')?.push(await runTool(TOOLS.ours, manyDir))
    }
    const tenthMs = bestWall(linearRuns.get('tenth'))
    const manyMs = bestWall(linearRuns.get('many'))
    rows.push({
      ...ratioRow(`10× more files, postmortem-lint (${tenth} → ${settings.many})`, manyMs, tenthMs, '1×', 11),
      ours: `10×: ${formatMs(manyMs)}`,
      baseline: `1×: ${formatMs(tenthMs)}`
    })
    const manyPeak = Math.max(...(linearRuns.get('many') ?? []).map((run) => run.peakRssBytes))
    const singlePeak = singleRuns
      ? medianOf(singleRuns.get(TOOLS.ours), 'peakRssBytes')
      : (await runTool(TOOLS.ours, single)).peakRssBytes
    rows.push({
      measure: `peak memory, postmortem-lint, ${settings.many} files`,
      ours: formatMb(manyPeak),
      baseline: `one file ${formatMb(singlePeak)}`,
      ratio: manyPeak / singlePeak,
      value: manyPeak,
      target: '≤ 300 MB',
      met: manyPeak <= 300 * 1024 * 1024
    })
    notes.push(`${settings.many} files: CPU ${formatMs(medianOf(linearRuns.get('many'), 'cpuMs'))} for ${formatMs(manyMs)} of wall time.`)
  }

  if (only.has('threads')) {
    log('Whole process: one thread, two threads and two processes')
    for (const scaling of await measureScaling(workDir, SEED, settings.files, settings.reps, settings.warmup)) {
      const measure = (way: string): string => `${way}, ${scaling.files} files (default here: ${scaling.defaultThreads} thread${scaling.defaultThreads > 1 ? 's' : ''})`
      rows.push({...ratioRow(measure('postmortem-lint, two threads'), scaling.twoThreads, scaling.oneThread, 'one thread'), measure: measure('postmortem-lint, two threads')})
      rows.push({...ratioRow(measure('postmortem-lint, two processes side by side'), scaling.twoProcesses, scaling.oneThread, 'one thread'), measure: measure('postmortem-lint, two processes side by side')})
      notes.push(`${scaling.files} files by path: ${scaling.notes.join('; ')}`)
    }
  }

  const reliability = only.has('reliability') ? await measureReliability(workDir, settings.reliability) : undefined
  return {machine: machine(), settings: {...settings, only: [...only]}, rows, notes, ...(reliability ? {reliability} : {})}
}

export function formatTable(result: BenchResult): string {
  const lines = [
    '| measure | ours | baseline, same run | ratio | target | met |',
    '|---|---|---|---|---|---|',
    ...result.rows.map((row) =>
      [
        row.measure,
        row.ours,
        row.baseline,
        row.ratio === undefined || Number.isNaN(row.ratio) ? '—' : `${row.ratio.toFixed(2)}×`,
        row.target,
        row.met === undefined ? '' : row.met ? 'yes' : 'no'
      ].join(' | ')
    ).map((line) => `| ${line} |`)
  ]
  const machineLine = Object.entries(result.machine)
    .map(([key, value]) => `${key}: ${value}`)
    .join('; ')
  const reliability = result.reliability ? ['', formatReliability(result.reliability)] : []
  const table = result.rows.length > 0 ? [lines.join('\n'), ''] : []
  return [...table, ...reliability.slice(table.length > 0 ? 0 : 1), '', `Machine: ${machineLine}`, '', ...result.notes.map((note) => `- ${note}`)].join('\n')
}

async function main(): Promise<void> {
  const {settings, keep, json} = settingsFrom(process.argv.slice(2))
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-bench-'))
  const startedMachine = machine()
  try {
    const result = await runBenchmarks(settings, workDir)
    const [oneMinute] = os.loadavg()
    result.machine = {...startedMachine, loadAverageAtEnd: `${oneMinute?.toFixed(2)} (1 min)`}
    console.log(formatTable(result))
    if (json) fs.writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`)
  } finally {
    if (keep) log(`Corpus kept in ${workDir}`)
    else fs.rmSync(workDir, {recursive: true, force: true})
  }
}

await main()
