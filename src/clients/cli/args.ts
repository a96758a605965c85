import type {Options as EngineOptions} from 'unified-engine'
import {type ParsedArgv, loadParseArgv} from './internals.js'
import {UsageError} from '../shared/usage-error.js'

export {UsageError} from '../shared/usage-error.js'

export interface CliArguments {
  fix: boolean
  /** `--max-size <bytes>`: larger files are not checked in depth. */
  maxSize?: number
  /** `--require-postmortem`: every file is checked as a postmortem, even one that does not look like one. */
  requirePostmortem: boolean
  /** `--max-parse-memory <bytes>`: files the parser would need more memory for are not checked in depth. */
  maxParseMemory?: number
  /** `--cache`: reuse the messages of files unchanged since the last run (lint-cache.ts). */
  cache: boolean
  /** `--cache-location <path>`: the cache file, or a folder for it. */
  cacheLocation?: string
  /** `--template <file | name>`: the team's template, as `settings.postmortem.template` (docs/templates.md). */
  template?: string
  /** `--init [name]`: write a built-in template and a .remarkrc.json that uses it, then stop. */
  init?: string
  /** `--force`: `--init` may replace existing files. */
  force: boolean
  help: boolean
  version: boolean
  /** `--color` or `--no-color` when given; otherwise the CLI decides from the terminal. */
  color: boolean | undefined
  engine: EngineOptions
}

// Flags of unified-args that write documents or keep running: a linter that
// never rewrites Markdown (except with `--fix`) does not take them.
const UNSUPPORTED: Array<[flag: string, isSet: (parsed: ParsedArgv) => boolean]> = [
  ['--output', (parsed) => parsed.engine.output !== undefined && parsed.engine.output !== false],
  ['--stdout', (parsed) => parsed.engine.out === true],
  ['--tree', (parsed) => parsed.engine.tree === true],
  ['--tree-in', (parsed) => parsed.engine.treeIn === true],
  ['--tree-out', (parsed) => parsed.engine.treeOut === true],
  ['--inspect', (parsed) => parsed.engine.inspect === true],
  ['--watch', (parsed) => parsed.args.watch]
]

/** The value of `--NAME <value>` or `--NAME=<value>` (the last one given), taken out of the flags unified-args reads. */
function takeValue(flags: readonly string[], name: string): {given?: string; rest: string[]} {
  const rest: string[] = []
  let given: string | undefined
  for (let index = 0; index < flags.length; index++) {
    const flag = flags[index] ?? ''
    if (flag === `--${name}`) given = flags[++index] ?? ''
    else if (flag.startsWith(`--${name}=`)) given = flag.slice(name.length + 3)
    else rest.push(flag)
  }
  return given === undefined ? {rest} : {given, rest}
}

/** `--<name> <bytes>` or `--<name>=<bytes>`: `--max-size`, `--max-parse-memory`. */
function takeBytes(flags: readonly string[], name: string): {bytes?: number; rest: string[]} {
  const {given, rest} = takeValue(flags, name)
  if (given === undefined) return {rest}
  const bytes = Number(given)
  if (given.trim() === '' || !Number.isFinite(bytes) || bytes < 0) {
    throw new UsageError(`Invalid \`--${name}\`: expected a number of bytes, 0 or more (such as \`--${name} 10000000\`), got \`${given}\``)
  }
  return {bytes, rest}
}

/** `--cache` and `--cache-location <path>`, which needs `--cache`. */
function takeCache(flags: readonly string[]): {cache: boolean; cacheLocation?: string; rest: string[]} {
  const cache = flags.includes('--cache')
  const {given, rest} = takeValue(flags.filter((flag) => flag !== '--cache'), 'cache-location')
  if (given === undefined) return {cache, rest}
  if (given.trim() === '') throw new UsageError('Invalid `--cache-location`: expected a file or folder path, got nothing')
  if (!cache) throw new UsageError('Unexpected `--cache-location` without `--cache`, expected both (such as `--cache --cache-location .cache/postmortem-lint`)')
  return {cache, cacheLocation: given, rest}
}

/** `--init`, `--init <name>` or `--init=<name>`: the name defaults to google-sre; a name is the next argument unless it is a flag. */
function takeInit(flags: readonly string[]): {init?: string; rest: string[]} {
  const at = flags.findIndex((flag) => flag === '--init' || flag.startsWith('--init='))
  if (at === -1) return {rest: [...flags]}
  const flag = flags[at] ?? ''
  const next = flags[at + 1]
  const named = flag.startsWith('--init=') ? flag.slice('--init='.length) : next !== undefined && !next.startsWith('-') ? next : undefined
  const taken = flag === '--init' && named !== undefined ? 2 : 1
  return {init: named ?? 'google-sre', rest: [...flags.slice(0, at), ...flags.slice(at + taken)]}
}

/** `--template <file | name>`. */
function takeTemplate(flags: readonly string[]): {template?: string; rest: string[]} {
  const {given, rest} = takeValue(flags, 'template')
  if (given === undefined) return {rest}
  if (given.trim() === '' || given.startsWith('-')) throw new UsageError('Invalid `--template`: expected a Markdown file or a built-in template name (such as `--template postmortem-template.md`), got nothing')
  return {template: given, rest}
}

/** The last `--color` or `--no-color` before `--`, if any. */
function colorFlag(flags: readonly string[]): boolean | undefined {
  let color: boolean | undefined
  for (const flag of flags) {
    if (flag === '--') break
    if (flag === '--color') color = true
    if (flag === '--no-color') color = false
  }
  return color
}

export async function parseArguments(argv: readonly string[]): Promise<CliArguments> {
  const end = argv.indexOf('--')
  const options = end === -1 ? argv : argv.slice(0, end)
  const fix = options.includes('--fix')
  const requirePostmortem = options.includes('--require-postmortem')
  const force = options.includes('--force')
  const {init, rest: withoutInit} = takeInit(options.filter((flag) => flag !== '--fix' && flag !== '--require-postmortem' && flag !== '--force'))
  const {template, rest: withoutTemplate} = takeTemplate(withoutInit)
  const {cache, cacheLocation, rest: withoutCache} = takeCache(withoutTemplate)
  const {bytes: maxSize, rest: withoutSize} = takeBytes(withoutCache, 'max-size')
  const {bytes: maxParseMemory, rest} = takeBytes(withoutSize, 'max-parse-memory')
  const flags = [...rest, ...(end === -1 ? [] : argv.slice(end))]

  const parseArgv = await loadParseArgv()
  let parsed: ParsedArgv
  try {
    parsed = parseArgv(flags, {
      name: 'postmortem-lint',
      description: '',
      version: '',
      extensions: ['md', 'markdown'],
      ignoreName: '.remarkignore',
      packageField: 'remarkConfig',
      pluginPrefix: 'remark',
      rcName: '.remarkrc',
      processor: undefined
    })
  } catch (error) {
    // Its messages end with a table of every unified-args flag, some of which
    // this CLI does not take: the first line says what was wrong.
    const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)
    throw new UsageError(`${message.replace(/, expected:$/, '')} (see \`postmortem-lint --help\`)`)
  }

  for (const [flag, isSet] of UNSUPPORTED) {
    if (isSet(parsed)) {
      throw new UsageError(`Unsupported option \`${flag}\`: postmortem-lint only reports, and changes files only with \`--fix\``)
    }
  }

  return {
    fix,
    requirePostmortem,
    ...(template === undefined ? {} : {template}),
    ...(init === undefined ? {} : {init}),
    force,
    cache,
    ...(cacheLocation === undefined ? {} : {cacheLocation}),
    ...(maxSize === undefined ? {} : {maxSize}),
    ...(maxParseMemory === undefined ? {} : {maxParseMemory}),
    help: parsed.args.help,
    version: parsed.args.version,
    color: colorFlag(flags),
    engine: parsed.engine
  }
}
