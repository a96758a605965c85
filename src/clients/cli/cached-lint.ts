/**
 * `postmortem-lint --cache`: finds the files as the engine would, gives
 * those whose bytes and key (cache-key.ts) match an entry of the cache their
 * messages from it, and lints only the others, whose messages it then keeps.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import {type CliArguments, UsageError} from './args.js'
import {CacheKeys, sha256} from './cache-key.js'
import {MARKDOWN_EXTENSIONS, hasExtension} from '../shared/files.js'
import {LintCache, cacheFilePath, messagesToKeep, restoreMessages} from './lint-cache.js'
import {discover, isFatal} from './parallel.js'

export interface CacheSetup {
  args: CliArguments
  /** The engine options the files are linted with (index.ts). */
  engine: EngineOptions
  cwd: string
  version: string
  /** Writes one line to stderr. */
  notice: (line: string) => void
}

/** A file found, with what its entry is looked up by. */
interface Found {
  file: VFile
  absolutePath: string
  content?: string
  key?: string
  hit: boolean
}

/** The names of `--use` plugins: unified-args gives a map of name to options, or a list. */
function usedNames(plugins: EngineOptions['plugins']): string[] {
  if (!plugins) return []
  const entries: unknown[] = Array.isArray(plugins) ? plugins : Object.keys(plugins)
  return entries.map((entry) => (Array.isArray(entry) ? entry[0] : entry)).filter((name): name is string => typeof name === 'string')
}

function hasFix(fields: Record<string, unknown>): boolean {
  return fields.expected !== undefined
}

export class CachedLint {
  private readonly cache: LintCache
  private readonly keys: CacheKeys
  private readonly linted = new Map<string, Found>()

  constructor(private readonly setup: CacheSetup) {
    const {args, engine, cwd, version, notice} = setup
    const file = cacheFilePath(cwd, args.cacheLocation)
    // A cache that is not one is replaced: never a document, which a typo could name.
    if (hasExtension(file, (engine.extensions ?? MARKDOWN_EXTENSIONS).map(String))) {
      throw new UsageError(`Unexpected \`--cache-location\` \`${args.cacheLocation}\`, a Markdown file, expected a cache file or a folder for it`)
    }
    this.cache = LintCache.open(file, notice)
    this.keys = new CacheKeys({
      cwd,
      version,
      // Only what changes messages: reporters, `--quiet` and the like filter them later.
      flags: {settings: engine.settings ?? null, use: args.engine.plugins ?? null, maxSize: args.maxSize ?? null, maxParseMemory: args.maxParseMemory ?? null},
      usePlugins: usedNames(args.engine.plugins),
      ...(args.engine.rcPath ? {rcPath: args.engine.rcPath} : {}),
      detectConfig: args.engine.detectConfig !== false
    })
  }

  /**
   * Lints `paths` as `lint(paths)` would, in the same order, with the files
   * unchanged since they were cached taken from the cache.
   */
  async lint(paths: readonly string[], lint: (inputs: string[]) => Promise<VFile[]>): Promise<VFile[]> {
    const {engine, cwd} = this.setup
    // Sorted by path, as the engine sorts them.
    const found = await Promise.all((await discover(paths, engine, cwd)).map((file) => this.lookUp(file)))
    const misses = found.filter((entry) => !entry.hit && !isFatal(entry.file))
    const results = misses.length === 0 ? [] : await lint(misses.map((entry) => entry.file.path))
    const byPath = new Map(results.map((file) => [path.resolve(file.cwd, file.path), file]))
    return found.map((entry) => {
      if (entry.hit || isFatal(entry.file)) return entry.file
      const result = byPath.get(entry.absolutePath)
      if (!result) throw new Error(`No lint result for \`${entry.file.path}\``)
      this.keep(entry, result)
      return result
    })
  }

  /** Keeps the messages of files that `--fix` rewrote and linted again, under their new content. */
  noteFixed(files: readonly VFile[]): void {
    for (const file of files) {
      const entry = this.linted.get(path.resolve(file.cwd, file.path))
      if (!entry || file.value === undefined) continue
      const content = sha256(Buffer.from(String(file)))
      if (content !== entry.content) this.keep({...entry, content}, file)
    }
  }

  async save(): Promise<void> {
    const problem = await this.cache.save()
    if (problem) this.setup.notice(`the cache at ${this.cache.file} was not saved: ${problem}`)
  }

  private async lookUp(file: VFile): Promise<Found> {
    const absolutePath = path.resolve(file.cwd, file.path)
    if (isFatal(file)) return {file, absolutePath, hit: false}
    let bytes: Buffer
    try {
      // Read one at a time: thousands of reads at once would run out of file handles.
      bytes = readFileSync(absolutePath)
    } catch {
      // The engine reports why it cannot be read.
      return {file, absolutePath, hit: false}
    }
    const content = sha256(bytes)
    const key = await this.keys.keyFor(absolutePath)
    const entry = key === undefined ? undefined : this.cache.get(absolutePath, content, key)
    // `--fix` needs the document and its tree to fix it: a fixable file is linted.
    if (!entry || (this.setup.args.fix && entry.messages.some(hasFix))) return {file, absolutePath, content, key, hit: false}
    restoreMessages(file, entry)
    // Reporters read the text of a file with messages (SARIF places fixes with it).
    if (file.messages.length > 0) file.value = bytes.toString('utf8')
    return {file, absolutePath, content, key, hit: true}
  }

  /** Keeps the messages of a linted file, unless they cannot be kept or another text was linted than the one hashed. */
  private keep(found: Found, file: VFile): void {
    this.linted.set(found.absolutePath, found)
    const messages = messagesToKeep(file)
    const sameText = file.value === undefined || sha256(Buffer.from(String(file))) === found.content
    if (found.key === undefined || found.content === undefined || !messages || !sameText) {
      this.cache.delete(found.absolutePath)
      return
    }
    this.cache.set(found.absolutePath, {content: found.content, key: found.key, messages})
  }
}
