/**
 * What must hold for any input linted with the strict preset: it does not
 * throw, every message lies inside the document, and the same text gives the
 * same messages every time, with the same processor or a fresh one.
 */
import remarkParse from 'remark-parse'
import {type Processor, unified} from 'unified'
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules, strict} from '../../src/index.js'
import {markdownText} from '../../src/model/text/text.js'

/**
 * The strict preset, plus every exported rule that no preset turns on, so
 * that each rule of the package is held to the same guarantees.
 */
export function strictProcessor(): Processor {
  const inStrict = new Set(strict.plugins)
  const others = Object.values(rules).filter((rule) => !inStrict.has(rule))
  return unified().use(remarkParse).use(strict).use(others).freeze() as unknown as Processor
}

/**
 * Whether `error` is remark-lint's own fatal error for a `lint` comment it
 * cannot read (`<!-- lint disabel … -->`: "Unknown keyword"): remark-lint
 * (remark-message-control) fails the file there, at the comment, as with any
 * remark-lint preset. That is the author's mistake named where it is, not a
 * crash of ours, and the one fatal message the guarantees allow.
 */
export function isLintCommentError(error: unknown): boolean {
  const message = error as Partial<VFileMessage> | null
  const node = message?.ancestors?.[0] as {type?: string; value?: unknown} | undefined
  const comment = node?.type === 'html' && typeof node.value === 'string' ? node.value : ''
  return message?.fatal === true && /^Unknown keyword `/.test(message.reason ?? '') && /^<!--\s*lint\b/.test(comment)
}

export async function lintWith(processor: Processor, text: string): Promise<VFileMessage[]> {
  const file = new VFile({path: 'postmortem.md', value: text})
  try {
    await processor.run(processor.parse(file), file)
  } catch (error) {
    // remark-lint adds its fatal message to the file before it throws it.
    if (!isLintCommentError(error)) throw error
  }
  return file.messages
}

/** A message as a stable string: everything a reporter or a fix reads. */
export function describe(message: VFileMessage): string {
  return JSON.stringify({
    ruleId: message.ruleId,
    source: message.source,
    reason: message.reason,
    place: message.place,
    fatal: message.fatal,
    expected: message.expected,
    actual: message.actual,
    url: message.url,
    note: message.note
  })
}

// The line endings micromark and vfile-location count.
const LINE_ENDING = /\r\n|\r|\n/

/** What places in `text` are checked against. */
export interface DocumentShape {
  length: number
  lineLengths: number[]
}

/** Places count as mdast's do: a leading byte order mark is not a character. */
export function shapeOf(text: string): DocumentShape {
  const counted = markdownText(text)
  return {length: counted.length, lineLengths: counted.split(LINE_ENDING).map((line) => line.length)}
}

/** Why a message's place is outside the document, or undefined when it is inside. */
export function placeProblem({length, lineLengths}: DocumentShape, message: VFileMessage): string | undefined {
  const place = message.place
  if (!place) return message.ruleId?.startsWith('postmortem-') ? 'a postmortem message has no place' : undefined
  const inside = (point: Point, name: string): string | undefined => {
    const lineLength = lineLengths[point.line - 1]
    if (!Number.isInteger(point.line) || lineLength === undefined) return `${name} line ${point.line} not in 1–${lineLengths.length}`
    if (!Number.isInteger(point.column) || point.column < 1 || point.column > lineLength + 1) {
      return `${name} column ${point.column} not in 1–${lineLength + 1} on line ${point.line}`
    }
    if (point.offset !== undefined && (point.offset < 0 || point.offset > length)) return `${name} offset ${point.offset} outside 0–${length}`
    return undefined
  }
  if (!('start' in place)) return inside(place, 'point')
  const position: Position = place
  const problem = inside(position.start, 'start') ?? inside(position.end, 'end')
  if (problem) return problem
  const {start, end} = position
  if (start.line > end.line || (start.line === end.line && start.column > end.column)) {
    return `start ${start.line}:${start.column} after end ${end.line}:${end.column}`
  }
  return undefined
}

/** Lints `text` once and throws if it threw, failed or placed a message outside the document. */
export async function checkPlaces(text: string, processor: Processor): Promise<VFileMessage[]> {
  const messages = await lintWith(processor, text)
  const shape = shapeOf(text)
  for (const message of messages) {
    if (message.fatal && !isLintCommentError(message)) throw new Error(`fatal message: ${describe(message)}`)
    const problem = placeProblem(shape, message)
    if (problem) throw new Error(`message outside the document (${problem}): ${describe(message)}`)
  }
  return messages
}

/**
 * Lints `text` three times (with `shared` twice, then with a fresh processor)
 * and throws, naming the broken guarantee, unless all three give the same
 * messages, every one inside the document.
 */
export async function checkDeterministic(text: string, shared: Processor): Promise<void> {
  const once = (await checkPlaces(text, shared)).map(describe)
  const again = (await lintWith(shared, text)).map(describe)
  if (JSON.stringify(again) !== JSON.stringify(once)) {
    throw new Error(`not deterministic with the same processor:\n${once.join('\n')}\n---\n${again.join('\n')}`)
  }
  const fresh = (await lintWith(strictProcessor(), text)).map(describe)
  if (JSON.stringify(fresh) !== JSON.stringify(once)) {
    throw new Error(`not deterministic with a fresh processor:\n${once.join('\n')}\n---\n${fresh.join('\n')}`)
  }
}
