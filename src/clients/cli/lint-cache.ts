/**
 * The cache file of `postmortem-lint --cache`: one JSON document holding,
 * for each linted document by absolute path, the hash of its bytes, the hash
 * of what else decides its messages (cache-key.ts) and those messages. It
 * is read once at the start of a run and written once at the end, atomically.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {type Fields, addMessage, messageToFields} from './message-data.js'
import {writeFileAtomically} from './replace-file.js'

/** The cache file's name in a folder given as `--cache-location`, or in the default one. */
export const CACHE_FILE_NAME = 'cache.json'
/** Under the working folder, where tools keep their caches. */
export const DEFAULT_CACHE_FOLDER = path.join('node_modules', '.cache', 'postmortem-lint')
// Marks the file as this CLI's, in this layout: any other is replaced.
const FORMAT_FIELD = 'postmortemLintCache'
const FORMAT = 1

export interface CacheEntry {
  /** sha256 of the document's bytes. */
  content: string
  /** sha256 of its configuration, flags and versions (cache-key.ts). */
  key: string
  /** When it was last linted (not read from the cache). */
  lintedAt: string
  messages: Fields[]
}

/** Where the cache file is: `location` is a file, or a folder when it exists as one or ends with a slash. */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FOLDER, CACHE_FILE_NAME)
  const resolved = path.resolve(cwd, location)
  const isFolder = /[\\/]$/.test(location) || fs.statSync(resolved, {throwIfNoEntry: false})?.isDirectory() === true
  return isFolder ? path.join(resolved, CACHE_FILE_NAME) : resolved
}

function isEntry(value: unknown): value is CacheEntry {
  const entry = value as Partial<CacheEntry> | null
  return (
    typeof entry?.content === 'string' &&
    typeof entry.key === 'string' &&
    Array.isArray(entry.messages) &&
    entry.messages.every((message: unknown) => typeof (message as Fields | null)?.reason === 'string')
  )
}

/**
 * The messages of `file` as data to keep, unless one is an error (a parse or
 * read error, a bad configuration: the file is linted again each time) or
 * holds syntax tree nodes, too large to keep.
 */
export function messagesToKeep(file: VFile): Fields[] | undefined {
  if (file.messages.some((message) => message.fatal === true)) return undefined
  const messages = file.messages.map((message) => messageToFields(message, false))
  return messages.every((message) => message !== undefined) ? (messages as Fields[]) : undefined
}

/** Gives `file` the messages of an entry, as the engine would have. */
export function restoreMessages(file: VFile, entry: CacheEntry): void {
  for (const fields of entry.messages) addMessage(file, fields)
}

/** Why `text` is not a cache of this CLI, or its entries. */
function readEntries(text: string): {entries?: Map<string, unknown>; problem?: string} {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return {problem: 'it is not JSON'}
  }
  const document = data as {[FORMAT_FIELD]?: unknown; entries?: unknown} | null
  if (document?.[FORMAT_FIELD] !== FORMAT || document.entries === null || typeof document.entries !== 'object') {
    return {problem: 'it is not a postmortem-lint cache of this format'}
  }
  return {entries: new Map(Object.entries(document.entries))}
}

export class LintCache {
  private readonly seen = new Set<string>()

  private constructor(
    readonly file: string,
    private readonly entries: Map<string, unknown>,
    /** Whether the file on disk is not what `entries` hold: missing, corrupt, or an entry changed since. */
    private changed: boolean
  ) {}

  /**
   * Reads the cache at `file`. A missing one is empty; an unreadable,
   * corrupt or foreign one is empty too, said in one line to `notice`, and
   * replaced when the run saves.
   */
  static open(file: string, notice: (line: string) => void): LintCache {
    let text: string
    try {
      text = fs.readFileSync(file, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT') notice(`ignoring the cache at ${file}: it cannot be read (${code ?? String(error)})`)
      return new LintCache(file, new Map(), true)
    }
    const {entries, problem} = readEntries(text)
    if (problem) notice(`ignoring the cache at ${file}: ${problem}; it will be replaced`)
    return new LintCache(file, entries ?? new Map(), problem !== undefined)
  }

  /** The entry for a document whose bytes and key hash as given, if it is in the cache. */
  get(absolutePath: string, content: string, key: string): CacheEntry | undefined {
    this.seen.add(absolutePath)
    const entry = this.entries.get(absolutePath)
    return isEntry(entry) && entry.content === content && entry.key === key ? entry : undefined
  }

  set(absolutePath: string, entry: Omit<CacheEntry, 'lintedAt'>): void {
    this.entries.set(absolutePath, {...entry, lintedAt: new Date().toISOString()})
    this.changed = true
  }

  delete(absolutePath: string): void {
    this.changed = this.entries.delete(absolutePath) || this.changed
  }

  /**
   * Writes the cache, when an entry changed: in one atomic replacement, so
   * that a killed run leaves the old cache or the new one. Entries of files
   * this run did not see are dropped when the files no longer exist.
   * Resolves to why it was not written, or undefined.
   */
  async save(): Promise<string | undefined> {
    for (const file of this.entries.keys()) {
      if (!this.seen.has(file) && !fs.existsSync(file)) this.delete(file)
    }
    if (!this.changed) return undefined
    const entries = Object.fromEntries([...this.entries].sort(([left], [right]) => (left < right ? -1 : 1)))
    try {
      await fs.promises.mkdir(path.dirname(this.file), {recursive: true})
    } catch (error) {
      return `its folder could not be made (${(error as NodeJS.ErrnoException).code ?? String(error)})`
    }
    return writeFileAtomically(this.file, JSON.stringify({[FORMAT_FIELD]: FORMAT, entries}))
  }
}
