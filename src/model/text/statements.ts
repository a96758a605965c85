import type {Nodes, Root} from 'mdast'
import {type Span, slice, spanEnd, subspan} from './text.js'
import {appendAll} from '../support/arrays.js'
import {countScanned} from '../support/scan-work.js'
import {firstIndexWhere} from '../support/bisect.js'
import {walkTree} from '../support/walk.js'

/**
 * The statements of a stretch of a document as a reader takes them: each
 * paragraph, heading or table cell, cut at hard line breaks (`<br>`, a
 * backslash or two spaces before the line end), with soft line breaks and
 * the quote markers and indentation after them read as spaces. Prose wrapped
 * at 80 columns ("lasted 2 hours and⏎20 minutes") is one statement. The text
 * keeps the document's length, so offsets are the document's.
 */
export function statementsIn(tree: Root, source: string, start: number, end: number): Span[] {
  const statements: Span[] = []
  const collect = (node: Nodes): void => {
    const from = node.position?.start.offset
    const to = node.position?.end.offset
    if (from === undefined || to === undefined || to <= start || from >= end) return
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      appendAll(statements, splitStatements(slice(source, Math.max(from, start), Math.min(to, end))))
      return
    }
    if ('children' in node) for (const child of node.children) collect(child as Nodes)
  }
  for (const block of blocksFrom(tree, start, end)) collect(block)
  return statements
}

/**
 * The parts of `statements` (a document's, in order) inside `ranges` (sorted,
 * disjoint): what `statementsIn` gives for each range, without reading the
 * document again for every reader and range.
 */
export function statementsWithin(statements: readonly Span[], ranges: ReadonlyArray<readonly [number, number]>): Span[] {
  const found: Span[] = []
  for (const [start, end] of ranges) {
    for (let index = firstIndexWhere(statements, (statement) => spanEnd(statement) > start); index < statements.length; index++) {
      const statement = statements[index]
      if (!statement || statement.start >= end) break
      const piece = subspan(statement, Math.max(start - statement.start, 0), Math.min(end, spanEnd(statement)) - statement.start)
      if (/\S/.test(piece.text)) found.push(piece)
    }
  }
  return found
}

// A hard break ends a statement; `<br>` is one in pasted HTML. The last two
// spaces of a longer run are enough, and matching only them stays linear on a long run.
const HARD_BREAK = /<br\s{0,3}\/?>|\\\r?\n| {2}\r?\n/gi
// A soft break, with what continues the paragraph on the next line: indentation and quote markers.
const SOFT_BREAK = /\r?\n[ \t>]*/g

function splitStatements(paragraph: Span): Span[] {
  countScanned(paragraph.text.length)
  const statements: Span[] = []
  let from = 0
  const push = (to: number): void => {
    const text = paragraph.text.slice(from, to).replace(SOFT_BREAK, (gap) => ' '.repeat(gap.length))
    if (/\S/.test(text)) statements.push({text, start: paragraph.start + from})
  }
  for (const match of paragraph.text.matchAll(HARD_BREAK)) {
    push(match.index)
    from = match.index + match[0].length
  }
  push(paragraph.text.length)
  return statements
}

/**
 * The top-level blocks that overlap [start, end), found by bisection: blocks
 * are in document order, and walking all of them for every section would be
 * quadratic in documents with many sections.
 */
export function blocksFrom(tree: Root, start: number, end: number): Nodes[] {
  const blocks = tree.children
  const found: Nodes[] = []
  for (let index = firstIndexWhere(blocks, (block) => (block.position?.end.offset ?? end) > start); index < blocks.length; index++) {
    const block = blocks[index]
    if (!block || (block.position?.start.offset ?? start) >= end) break
    found.push(block)
  }
  return found
}

const FENCE = /^\s{0,3}(?:```|~~~)/

/** The source with fenced code blocks blanked, offsets kept. */
export function withoutFencedCode(tree: Root, source: string): string {
  const pieces: string[] = []
  let at = 0
  walkTree(tree, (node) => {
    if (node.type !== 'code') return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined || start < at || !FENCE.test(source.slice(start, start + 8))) return
    pieces.push(source.slice(at, start), source.slice(start, end).replace(/[^\r\n]/g, ' '))
    at = end
  })
  if (at === 0) return source
  pieces.push(source.slice(at))
  return pieces.join('')
}

