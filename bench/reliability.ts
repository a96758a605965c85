/**
 * `npm run bench -- --only reliability`: the reliability targets of issue 16,
 * measured on the real bin (`postmortem-lint --report json`) in fresh
 * processes. For each shape of document, real-postmortem-like text and each
 * hostile shape, the wall time and peak memory at one size and at ten times
 * that size; then the huge inputs with the default settings: a million
 * spaces, a million-line timeline, a million one-word list items, 50 MB of
 * text. See docs/reliability.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import {DEFAULT_MAX_PARSE_MEMORY, parseCost} from '../src/clients/cli/parse-cost.js'
import {DEFAULT_MAX_SIZE, formatBytes} from '../src/lint/document-guard.js'
import {generatePostmortem} from './corpus.js'
import {type ProcessRun, ROOT, type Tool, runTool} from './processes.js'
import {formatMs, min} from './stats.js'

const MB = 1024 * 1024

/** Whole-process targets: 10× the input in at most 11× the time, memory at most 30 bytes per input byte above Node's own. */
export const TARGETS = {timeRatio: 11, bytesPerByte: 30, hugeMs: 10_000, peakBytes: 1.5 * 1024 * MB}

/** A generator of about `bytes` bytes of one shape of document. */
type Generate = (bytes: number) => string

/** Repeats `unit(index)` until the text reaches `bytes`; `head` and `tail` frame it. */
function repeatUnits(bytes: number, unit: (index: number) => string, head = '', tail = ''): string {
  const parts = [head]
  let size = head.length + tail.length
  for (let index = 0; size < bytes; index++) {
    const part = unit(index)
    parts.push(part)
    size += part.length
  }
  parts.push(tail)
  return parts.join('')
}

function clock(index: number): string {
  const minutes = index % (24 * 60)
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

const HEAD = '# Postmortem: the checkout API returned errors\n\n## Summary\n\nOn 2024-03-04 the checkout API returned errors for 40 minutes.\n\n'
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The hostile shapes of the issue, each in our own words. */
export const HOSTILE_SHAPES: Record<string, Generate> = {
  'one huge paragraph': (bytes) =>
    repeatUnits(bytes, (index) => `At ${clock(index)} UTC the error rate reached ${index % 100}% on ${index * 7} hosts and `, HEAD, 'then it stopped.\n'),
  'long white space runs': (bytes) => repeatUnits(bytes, (index) => `On 2024${' '.repeat(100_000)}step ${index} happened.\n\n`, HEAD),
  'long digit and punctuation runs': (bytes) =>
    repeatUnits(bytes, (index) => `${'7'.repeat(40_000)} ${'1,000.'.repeat(5000)} ${'.:;!?-'.repeat(5000)}% ${index}\n\n`, HEAD),
  'many headings': (bytes) => repeatUnits(bytes, (index) => `## Finding ${index}\n\nThe queue ${index} drained at ${clock(index)}.\n\n`, HEAD),
  'timeline as a list': (bytes) => repeatUnits(bytes, (index) => `- ${clock(index)} - Step ${index} of the rollback finished.\n`, `${HEAD}## Timeline (UTC)\n\n`),
  'timeline as a table': (bytes) =>
    repeatUnits(bytes, (index) => `| ${clock(index)} | Step ${index} of the rollback finished. |\n`, `${HEAD}## Timeline (UTC)\n\n| Time | Event |\n| --- | --- |\n`),
  'many dates': (bytes) =>
    repeatUnits(
      bytes,
      (index) => `On ${MONTHS[index % 12]} ${(index % 28) + 1}, ${2019 + (index % 7)} at ${clock(index)} UTC, and again on 2024-${String((index % 12) + 1).padStart(2, '0')}-0${(index % 9) + 1}.\n\n`,
      HEAD
    )
}

// A line of `---` or `===` under a line of text: a setext heading's underline.
const SETEXT_UNDERLINE = /\n[^\n]+\n(?:-+|=+)\n/

/**
 * Generated postmortems one after another, as in a file that gathers a team's
 * postmortems; those with setext titles are left out, since the CLI refuses
 * more than 2,000 setext headings in a document (the parser is quadratic in
 * their number) and 10 MB of them would have some 5,000.
 */
export const generatedPostmortems: Generate = (bytes) => {
  let index = 0
  return repeatUnits(bytes, () => {
    let text = generatePostmortem(20_240_917, index++)
    while (SETEXT_UNDERLINE.test(text)) text = generatePostmortem(20_240_917, index++)
    return `${text}\n\n`
  })
}

/** The real postmortems of ../shared (read at bench time, never copied into the project), repeated; undefined without them. */
export function sharedCorpus(): Generate | undefined {
  const folders = ['corpus', 'corpus2'].map((name) => path.join(ROOT, '..', 'shared', name)).filter((folder) => fs.existsSync(folder))
  const texts = folders.flatMap((folder) =>
    fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.md') && name !== 'README.md' && name !== 'LABELING.md')
      .sort()
      .map((name) => fs.readFileSync(path.join(folder, name), 'utf8'))
  )
  if (texts.length === 0) return undefined
  return (bytes) => repeatUnits(bytes, (index) => `${texts[index % texts.length]}\n\n`)
}

export interface ReliabilitySettings {
  /** Bytes of the 1× documents (1 MB); the 10× ones are ten times that. */
  baseBytes: number
  /** The size of the huge inputs: a million spaces, lines and list items (1,000,000). */
  huge: number
  /** Bytes of the large file linted with the default settings (50 MB). */
  largeBytes: number
  /** Timed runs of each 1× document; the fastest counts (other work only adds time). */
  reps: number
  /** How many shapes remark-parse alone also parses (all of them; the smoke run, which only checks the measure works, one). */
  parseOnlyShapes?: number
  /** The shapes measured (all of them; the smoke run, a few). */
  shapes?: readonly string[]
}

export interface ScaledRow {
  shape: string
  bytes: [number, number]
  ms: [number, number]
  cpuMs: [number, number]
  /** Of CPU time, which other work on a busy machine inflates far less than wall time. */
  timeRatio: number
  peakBytes: [number, number]
  /** Bytes of peak memory above Node's own, per byte of the 10× input. */
  bytesPerByte: number
  /** remark-parse alone on the 10× input, in a process of its own (not measured for every shape in the smoke run). */
  parseOnly?: {cpuMs: number; peakBytes: number}
  exitCodes: [number | null, number | null]
  /** The error of a document the CLI refused instead of linting, which makes the row meaningless. */
  refused?: string
}

export interface HugeRow {
  input: string
  bytes: number
  ms: number
  peakBytes: number
  exitCode: number | null
  /** The exit code docs/reliability.md gives for it: 1 for a document above a limit, else 0 (warnings only). */
  documentedExit: number
  /** The first message of the report, to show what happened. */
  reason: string
}

export interface ReliabilityResult {
  fixedPeakBytes: number
  scaled: ScaledRow[]
  huge: HugeRow[]
}

/** The bin with the JSON reporter; `extra` raises the limits so that large documents are linted, not refused. */
function binTool(extra: string[]): Tool {
  return {
    name: 'postmortem-lint --report json',
    script: path.join(ROOT, 'bin/postmortem-lint.js'),
    args: ['--report', 'json', ...extra],
    inputs: (target) => [target],
    exitCodes: [0, 1],
    keepStdout: true
  }
}

// Raised so that every document of the scaled rows is parsed and linted, whatever it costs.
const RAISED = binTool(['--max-size', String(1024 * MB), '--max-parse-memory', String(1024 * 1024 * MB)])
const DEFAULTS = binTool([])

/** remark-parse alone on the same file: the parser's share of the bin's time and memory. */
const PARSE_ONLY: Tool = {
  name: 'remark-parse only',
  script: path.join(ROOT, 'lib/bench/parse-only.js'),
  args: [],
  inputs: (target) => [target],
  exitCodes: [0]
}

function log(line: string): void {
  process.stderr.write(`${line}\n`)
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, `${name.replace(/\W+/g, '-')}.md`)
  fs.writeFileSync(file, text)
  return file
}

/** The run of least CPU time among `reps`. */
async function fastest(tool: Tool, file: string, reps: number): Promise<ProcessRun> {
  const runs: ProcessRun[] = []
  for (let rep = 0; rep < reps; rep++) runs.push(await runTool(tool, file))
  const best = min(runs.map((run) => run.cpuMs))
  return runs.find((run) => run.cpuMs === best) as ProcessRun
}

async function measureScaled(dir: string, shape: string, generate: Generate, settings: ReliabilitySettings, fixedPeak: number, withParseOnly: boolean): Promise<ScaledRow> {
  log(`  ${shape}`)
  const small = generate(settings.baseBytes)
  const large = generate(settings.baseBytes * 10)
  const smallRun = await fastest(RAISED, write(dir, `${shape}-1x`, small), settings.reps)
  const largeFile = write(dir, `${shape}-10x`, large)
  const largeRun = await runTool(RAISED, largeFile)
  const parseOnly = withParseOnly ? await runTool(PARSE_ONLY, largeFile) : undefined
  const largeBytes = Buffer.byteLength(large)
  const refused = [smallRun, largeRun].map((run) => refusal(run.stdout)).find((reason) => reason !== undefined)
  return {
    ...(refused ? {refused} : {}),
    shape,
    bytes: [Buffer.byteLength(small), largeBytes],
    ms: [smallRun.wallMs, largeRun.wallMs],
    cpuMs: [smallRun.cpuMs, largeRun.cpuMs],
    timeRatio: largeRun.cpuMs / smallRun.cpuMs,
    peakBytes: [smallRun.peakRssBytes, largeRun.peakRssBytes],
    bytesPerByte: Math.max(0, largeRun.peakRssBytes - fixedPeak) / largeBytes,
    ...(parseOnly ? {parseOnly: {cpuMs: parseOnly.cpuMs, peakBytes: parseOnly.peakRssBytes}} : {}),
    exitCodes: [smallRun.exitCode, largeRun.exitCode]
  }
}

/** The reason of the CLI's one error for a document it did not lint (rule `not-text`), if it gave one. */
function refusal(stdout: string): string | undefined {
  try {
    const report = JSON.parse(stdout) as Array<{messages: Array<{reason: string; ruleId: string}>}>
    return report.flatMap((file) => file.messages).find((message) => message.ruleId === 'not-text')?.reason
  } catch {
    return undefined
  }
}

function firstReason(stdout: string): string {
  try {
    const report = JSON.parse(stdout) as Array<{messages: Array<{reason: string}>}>
    return report.flatMap((file) => file.messages)[0]?.reason ?? '(no message)'
  } catch {
    return '(no report)'
  }
}

/** The huge inputs, each linted once with the default settings. */
function hugeInputs(count: number, largeBytes: number): Array<{input: string; text: string}> {
  const many = count.toLocaleString('en-US')
  return [
    {input: `${many} spaces in a paragraph`, text: `${HEAD}On 2024${' '.repeat(count)}the queue drained.\n`},
    {input: `${many}-line timeline`, text: `${HEAD}## Timeline (UTC)\n\n${Array.from({length: count}, (_, index) => `- ${clock(index)} - Step ${index}.\n`).join('')}`},
    {input: `${many} one-word list items`, text: `${HEAD}## Timeline\n\n${'- x\n'.repeat(count)}`},
    {input: `${formatBytes(largeBytes)} of postmortems`, text: generatedPostmortems(largeBytes)}
  ]
}

/** As docs/reliability.md says: a document above the size or parse-memory limit is an error (exit code 1); others only get warnings. */
function documentedExit(text: string): number {
  if (Buffer.byteLength(text) > DEFAULT_MAX_SIZE) return 1
  return parseCost(text).bytes > DEFAULT_MAX_PARSE_MEMORY ? 1 : 0
}

async function measureHuge(dir: string, settings: ReliabilitySettings): Promise<HugeRow[]> {
  const rows: HugeRow[] = []
  for (const {input, text} of hugeInputs(settings.huge, settings.largeBytes)) {
    log(`  ${input}, default settings`)
    const run = await runTool(DEFAULTS, write(dir, input, text))
    const row = {input, bytes: Buffer.byteLength(text), ms: run.wallMs, peakBytes: run.peakRssBytes, exitCode: run.exitCode}
    rows.push({...row, documentedExit: documentedExit(text), reason: firstReason(run.stdout)})
  }
  return rows
}

export async function measureReliability(workDir: string, settings: ReliabilitySettings): Promise<ReliabilityResult> {
  const dir = path.join(workDir, 'reliability')
  fs.mkdirSync(dir, {recursive: true})
  // Node, the bin and the preset loaded, on a document of a few lines: the fixed cost the targets leave out.
  const fixedPeakBytes = (await fastest(RAISED, write(dir, 'tiny', HEAD), settings.reps)).peakRssBytes
  log('Reliability: 1× and 10× documents of each shape')
  const shapes: Array<[string, Generate]> = [['generated postmortems', generatedPostmortems]]
  const shared = sharedCorpus()
  if (shared) shapes.push(['real postmortems (../shared), repeated', shared])
  shapes.push(...Object.entries(HOSTILE_SHAPES))
  const chosen = settings.shapes ? shapes.filter(([shape]) => settings.shapes?.includes(shape)) : shapes
  const scaled: ScaledRow[] = []
  for (const [index, [shape, generate]] of chosen.entries()) {
    scaled.push(await measureScaled(dir, shape, generate, settings, fixedPeakBytes, index < (settings.parseOnlyShapes ?? chosen.length)))
    for (const file of fs.readdirSync(dir)) if (file.startsWith(shape.replace(/\W+/g, '-'))) fs.rmSync(path.join(dir, file))
  }
  log('Reliability: huge inputs, default settings')
  const huge = await measureHuge(dir, settings)
  return {fixedPeakBytes, scaled, huge}
}

const mark = (met: boolean): string => (met ? 'yes' : 'no')

export function formatReliability(result: ReliabilityResult): string {
  const scaled = [
    '| shape | 1× → 10× | CPU 1× → 10× | CPU ratio (≤ 11) | wall 1× → 10× | peak 1× → 10× | MB per input MB above Node (≤ 30) | met | remark-parse alone at 10×: CPU, peak |',
    '|---|---|---|---|---|---|---|---|---|',
    ...result.scaled.map((row) => {
      if (row.refused) return `| ${row.shape} | ${formatBytes(row.bytes[0])} → ${formatBytes(row.bytes[1])} | refused: ${row.refused.slice(0, 80)} | | | | | no | |`
      const met = row.timeRatio <= TARGETS.timeRatio && row.bytesPerByte <= TARGETS.bytesPerByte
      return `| ${row.shape} | ${formatBytes(row.bytes[0])} → ${formatBytes(row.bytes[1])} | ${formatMs(row.cpuMs[0])} → ${formatMs(row.cpuMs[1])} | ${row.timeRatio.toFixed(1)}× | ${formatMs(row.ms[0])} → ${formatMs(row.ms[1])} | ${formatBytes(row.peakBytes[0])} → ${formatBytes(row.peakBytes[1])} | ${row.bytesPerByte.toFixed(1)} | ${mark(met)} | ${row.parseOnly ? `${formatMs(row.parseOnly.cpuMs)}, ${formatBytes(row.parseOnly.peakBytes)}` : '—'} |`
    })
  ]
  const huge = [
    '| input, default settings | size | time (< 10 s) | peak (< 1.5 GB) | exit code (documented) | met | first message |',
    '|---|---|---|---|---|---|---|',
    ...result.huge.map((row) => {
      const met = row.ms < TARGETS.hugeMs && row.peakBytes < TARGETS.peakBytes && row.exitCode === row.documentedExit
      return `| ${row.input} | ${formatBytes(row.bytes)} | ${formatMs(row.ms)} | ${formatBytes(row.peakBytes)} | ${row.exitCode} (${row.documentedExit}) | ${mark(met)} | ${row.reason.slice(0, 90)} |`
    })
  ]
  return [...scaled, '', ...huge, '', `Node with the bin and preset loaded, on a few lines: peak ${formatBytes(result.fixedPeakBytes)}.`].join('\n')
}
