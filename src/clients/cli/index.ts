import path from 'node:path'
import type {Readable, Writable} from 'node:stream'
import type {Options as EngineOptions} from 'unified-engine'
import {VFile} from 'vfile'
import {type CliArguments, UsageError, parseArguments} from './args.js'
import {HELP} from './help.js'
import type {WorkerSetup} from './parallel.js'
import {appendAll} from '../../model/support/arrays.js'

type Output = Writable & {isTTY?: boolean}

export interface CliOptions {
  /** Arguments after the executable (`process.argv.slice(2)`). */
  argv: readonly string[]
  version: string
  cwd?: string
  env?: NodeJS.ProcessEnv
  stdin?: Readable
  stdout?: Output
  stderr?: Output
}

export interface Io {
  cwd: string
  env: NodeJS.ProcessEnv
  stdin: Readable
  stdout: Output
  stderr: Output
}

const SOURCE = 'postmortem-lint'

function write(stream: Writable, text: string): Promise<void> {
  if (text === '') return Promise.resolve()
  return new Promise((resolve) => stream.write(text.endsWith('\n') ? text : `${text}\n`, () => resolve()))
}

function describeError(error: unknown): string {
  if (error instanceof UsageError) return `${SOURCE}: ${error.message}`
  const lines: string[] = []
  let current: unknown = error
  while (current instanceof Error) {
    lines.push(lines.length === 0 ? `${SOURCE}: ${current.message}` : `  caused by: ${current.message}`)
    current = current.cause
  }
  if (lines.length === 0) lines.push(`${SOURCE}: ${String(error)}`)
  return lines.join('\n')
}

function useColor(args: CliArguments, stream: Output, env: NodeJS.ProcessEnv): boolean {
  if (args.color !== undefined) return args.color
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true
  return Boolean(stream.isTTY) && env.NO_COLOR === undefined
}

/** Whether the files fail the run: an error, or with `--frail` a warning. */
function failed(files: readonly VFile[], frail: boolean): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true || (frail && message.fatal === false)))
}

function isReported(file: VFile): boolean {
  return Boolean(file.data.unifiedEngineGiven) && !file.data.unifiedEngineIgnored
}

export async function runEngine(options: EngineOptions): Promise<VFile[]> {
  const {engine} = await import('unified-engine')
  return new Promise((resolve, reject) => {
    engine(options, (error, _code, context) => {
      if (error) reject(error)
      else resolve(context?.files ?? [])
    })
  })
}

/** `--use` plugins as a list: unified-args gives them as a map of name to options. */
function pluginList(plugins: EngineOptions['plugins']): unknown[] {
  if (!plugins) return []
  return Array.isArray(plugins) ? [...plugins] : Object.entries(plugins)
}

/**
 * `--require-postmortem` is `settings.postmortem.requirePostmortem` and
 * `--template` `settings.postmortem.template` (a path made absolute, as the
 * CLI's working directory may not be each file's), over the configuration's.
 */
function withPostmortemFlags(args: CliArguments, cwd: string): EngineOptions['settings'] {
  const settings = args.engine.settings
  if (!args.requirePostmortem && args.template === undefined) return settings
  const postmortem = {...(settings as {postmortem?: Record<string, unknown>} | undefined)?.postmortem}
  if (args.requirePostmortem) postmortem.requirePostmortem = true
  if (args.template !== undefined) postmortem.template = /\.\w+$/.test(args.template) ? path.resolve(cwd, args.template) : args.template
  return {...settings, postmortem} as EngineOptions['settings']
}

export async function engineOptions(args: CliArguments, io: Io): Promise<EngineOptions> {
  const [{unified}, {default: remarkParse}, {parseInParts}, own, {ownPackageTransform}, {parseMemoryGuard, requireText}, {DEFAULT_MAX_SIZE, guardDocument}] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('../../parse/parse-in-parts.js'),
    import('../../index.js'),
    import('../shared/config.js'),
    import('./text-guard.js'),
    import('../../lint/document-guard.js')
  ])
  return {
    ...args.engine,
    settings: withPostmortemFlags(args, io.cwd),
    // A binary, non-UTF-8 or absurdly nested file gets one error instead of being linted.
    processor: unified()
      .use(remarkParse)
      // A long document is parsed in parts, in linear time; the tree is the same.
      // Each text it parses is estimated first (--max-parse-memory), a part that runs on too.
      .use(parseInParts, {beforeParse: parseMemoryGuard(args.maxParseMemory)})
      .use(requireText, {maxSize: args.maxSize ?? DEFAULT_MAX_SIZE, ...(args.maxParseMemory === undefined ? {} : {maxParseMemory: args.maxParseMemory})}),
    // The size was checked before parsing (above): the preset's own limit does not apply twice.
    plugins: [...pluginList(args.engine.plugins), [guardDocument, {maxSize: Number.POSITIVE_INFINITY}]] as EngineOptions['plugins'],
    cwd: io.cwd,
    // Used when no `.remarkrc*` or `package.json#remarkConfig` applies to a file.
    defaultConfig: own.recommended,
    configTransform: ownPackageTransform({preset: own.recommended, rules: own.rules}),
    // Never print or write documents: reports are made below.
    out: false,
    output: undefined,
    reporter: () => '',
    color: false,
    streamIn: io.stdin,
    streamOut: io.stdout,
    streamError: io.stderr
  }
}

function unmatchedFile(pattern: string, cwd: string): VFile {
  const file = new VFile({path: pattern, cwd})
  const message = file.message('No files match this pattern', {ruleId: 'no-match', source: SOURCE})
  message.fatal = true
  file.data.unifiedEngineGiven = true
  return file
}

function notMarkdownFile(name: string, cwd: string, extensions: readonly string[]): VFile {
  const file = new VFile({path: name, cwd})
  const list = extensions.map((extension) => `.${extension.replace(/^\./, '')}`).join(', ')
  file.message(`Not linted: not a Markdown file (${list}); add its extension with \`--ext\` to lint it`, {ruleId: 'not-markdown', source: SOURCE})
  file.data.unifiedEngineGiven = true
  return file
}

async function openCache(args: CliArguments, io: Io, engine: EngineOptions, version: string): Promise<import('./cached-lint.js').CachedLint> {
  const {CachedLint} = await import('./cached-lint.js')
  const notice = (line: string): void => void io.stderr.write(`${SOURCE}: ${line}\n`)
  return new CachedLint({args, engine, cwd: io.cwd, version, notice})
}

async function lint(args: CliArguments, io: Io, setup: WorkerSetup): Promise<{files: VFile[]; fixSummary?: string}> {
  const patterns = (args.engine.files ?? []).map(String)
  if (patterns.length === 0 && (io.stdin as {isTTY?: boolean}).isTTY) {
    throw new UsageError('No input: give paths or globs (such as `postmortem-lint docs/postmortems`), or pipe a document in')
  }
  if (args.fix && patterns.length === 0) {
    throw new UsageError('`--fix` needs files to rewrite in place; it does not read from stdin')
  }

  const {expandPatterns} = await import('../shared/files.js')
  const extensions = (args.engine.extensions ?? ['md', 'markdown']).map(String)
  const {paths, unmatched, skipped} = await expandPatterns(patterns, io.cwd, extensions)
  const options = await engineOptions(args, io)
  const {lintFiles} = await import('./parallel.js')
  // Many files are linted on worker threads; `--fix` and stdin stay in this one.
  const linted = (inputs: string[]): Promise<VFile[]> =>
    args.fix || patterns.length === 0 ? runEngine({...options, files: inputs}) : lintFiles(inputs, options, setup, io.env, runEngine)
  // Stdin is never cached: it has no path to keep its messages under.
  const cache = args.cache && paths.length > 0 ? await openCache(args, io, options, setup.version) : undefined
  let files = paths.length > 0 || patterns.length === 0 ? await (cache ? cache.lint(paths, linted) : linted(paths)) : []
  let fixSummary: string | undefined

  if (args.fix) {
    const {fixFiles} = await import('./fix-files.js')
    const result = await fixFiles(files.filter(isReported), (inputs) => runEngine({...options, files: inputs}))
    const replaced = new Map(result.files.map((file) => [file.path, file]))
    files = files.map((file) => replaced.get(file.path) ?? file)
    fixSummary = result.summary
    cache?.noteFixed(result.files)
  }
  await cache?.save()

  appendAll(files, unmatched.map((pattern) => unmatchedFile(pattern, io.cwd)))
  appendAll(files, skipped.map((name) => notMarkdownFile(name, io.cwd, extensions)))
  return {files, fixSummary}
}

async function run(argv: readonly string[], version: string, io: Io): Promise<number> {
  const args = await parseArguments(argv)
  if (args.help) {
    await write(io.stdout, HELP)
    return 0
  }
  if (args.version) {
    await write(io.stdout, version)
    return 0
  }
  if (args.template !== undefined) {
    // Said of the flag, once, rather than of every file's configuration.
    const [{resolveTemplate}, {ConfigurationError}] = await Promise.all([import('../../lint/template.js'), import('../../lint/options.js')])
    try {
      resolveTemplate(args.template, io.cwd, 'Invalid `--template`')
    } catch (error) {
      throw error instanceof ConfigurationError ? new UsageError(error.message) : error
    }
  }
  if (args.init !== undefined) {
    const {initTemplate} = await import('./init.js')
    await write(io.stdout, initTemplate(args.init, io.cwd, args.force))
    return 0
  }

  const {resolveReporter} = await import('./reporters.js')
  const reporter = await resolveReporter(args.engine.reporter as string | undefined, {
    cwd: io.cwd,
    version,
    githubWorkspace: io.env.GITHUB_WORKSPACE || undefined
  })
  const {files, fixSummary} = await lint(args, io, {argv, cwd: io.cwd, version})
  const {flattenConfigErrors} = await import('../shared/config-errors.js')
  flattenConfigErrors(files, Boolean(args.engine.verbose))
  const stream = reporter.stream === 'stdout' ? io.stdout : io.stderr
  const quiet = Boolean(args.engine.quiet)
  const silent = Boolean(args.engine.silent)
  const report = await reporter.report(files.filter(isReported), {
    ...args.engine.reporterOptions,
    color: useColor(args, stream, io.env),
    quiet,
    silent,
    verbose: Boolean(args.engine.verbose)
  })
  await write(stream, report)
  if (fixSummary && reporter.stream === 'stderr' && !quiet && !silent) await write(io.stderr, fixSummary)
  return failed(files, Boolean(args.engine.frail)) ? 1 : 0
}

/**
 * Runs `postmortem-lint` with `options.argv` and resolves to its exit code:
 * 1 when a file has an error (or, with `--frail`, a warning) or the CLI could
 * not run, 0 otherwise.
 */
export async function main(options: CliOptions): Promise<number> {
  const io: Io = {
    cwd: path.resolve(options.cwd ?? process.cwd()),
    env: options.env ?? process.env,
    stdin: options.stdin ?? process.stdin,
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr
  }
  try {
    return await run(options.argv, options.version, io)
  } catch (error) {
    await write(io.stderr, describeError(error))
    return 1
  }
}
