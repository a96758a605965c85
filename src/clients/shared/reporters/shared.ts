import path from 'node:path'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export interface ReportOptions {
  /**
   * Folder that reported paths are relative to (the repository root in CI).
   * Default: each file's `cwd`.
   */
  root?: string
  /** Report only errors (fatal messages), as `--silent` does. */
  silent?: boolean
}

export type Level = 'error' | 'warning' | 'info'

/** `fatal: true` is an error, `false` a warning, anything else information. */
export function levelOf(message: VFileMessage): Level {
  if (message.fatal === true) return 'error'
  if (message.fatal === false) return 'warning'
  return 'info'
}

/** The messages to report, in document order (messages without a place first). */
export function reportedMessages(file: VFile, options: ReportOptions): VFileMessage[] {
  const messages = options.silent ? file.messages.filter((message) => message.fatal === true) : [...file.messages]
  return messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

/** The file's path relative to `root`, with `/` separators, as GitHub and SARIF want. */
export function relativePath(file: VFile, options: ReportOptions): string {
  const absolute = path.resolve(file.cwd, file.path || '')
  const relative = path.relative(path.resolve(options.root ?? file.cwd), absolute)
  return relative.split(path.sep).join('/')
}

export interface Range {
  start: {line: number; column: number}
  end?: {line: number; column: number}
}

function hasLine(point: Point | undefined): point is Point {
  return point !== undefined && typeof point.line === 'number' && point.line > 0
}

/** The message's start and, when it has one, its end; `undefined` when it has no place. */
export function rangeOf(message: VFileMessage): Range | undefined {
  const place: Point | Position | undefined = message.place ?? undefined
  if (!place) return undefined
  const start = 'start' in place ? place.start : place
  const end = 'start' in place ? place.end : undefined
  if (!hasLine(start)) return undefined
  const column = start.column > 0 ? start.column : 1
  if (!hasLine(end)) return {start: {line: start.line, column}}
  return {start: {line: start.line, column}, end: {line: end.line, column: end.column > 0 ? end.column : 1}}
}
