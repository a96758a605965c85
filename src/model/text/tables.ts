import type {Root} from 'mdast'
import type {FactLabelMention} from '../sections/sections.js'
import type {FactLabel} from '../sections/synonyms.js'
import {type Span, splitLines, subspan} from './text.js'
import {walkTree} from '../support/walk.js'

/**
 * Pipe tables as written, read line by line: without remark-gfm they are
 * paragraphs, and with it their rows are still the source lines.
 */

const DELIMITER_CELL = /^:?-{1,2000}:?$/

/** The cells of a row, each trimmed, with their places; `\|` stays inside its cell. */
export function cellsOf(row: Span): Span[] {
  const cells: Span[] = []
  let from = 0
  const push = (to: number): void => {
    const cell = subspan(row, from, to)
    const lead = cell.text.length - cell.text.trimStart().length
    cells.push(subspan(cell, lead, cell.text.trimEnd().length))
  }
  for (let at = 0; at < row.text.length; at++) {
    if (row.text.charAt(at) !== '|' || row.text.charAt(at - 1) === '\\') continue
    push(at)
    from = at + 1
  }
  push(row.text.length)
  // The empty text before a leading pipe and after a trailing one is no cell.
  if (row.text.trimStart().startsWith('|')) cells.shift()
  if (row.text.trimEnd().endsWith('|')) cells.pop()
  return cells
}

/** `|---|:--:|`, `:---|---`: the line under a table's header. */
export function isDelimiterRow(line: Span): boolean {
  if (!line.text.includes('-')) return false
  const cells = cellsOf(line)
  return cells.length > 0 && cells.every((cell) => DELIMITER_CELL.test(cell.text))
}

/** A row whose every cell is empty (`|   |   |`). */
export function isEmptyRow(line: Span): boolean {
  const cells = cellsOf(line)
  return line.text.includes('|') && cells.length > 0 && cells.every((cell) => cell.text === '')
}

/** A cell and the header or key that says what it holds. */
export interface KeyedCell {
  key: Span
  value: Span
}

function bareText(cell: Span): string {
  return cell.text.replace(/[*_`]/g, '').trim()
}

/**
 * The cells of a table that states single facts, each with what names it:
 * a table of one row under its header (`| Severity | Duration |` over
 * `| High | 15h |`), or a table of two columns whose rows each start with a
 * name (`| Duration | 2 hours |`). A table of many rows lists things (a
 * timeline, action items) and states no single fact.
 */
export function keyedCells(lines: readonly Span[]): KeyedCell[] {
  const [head, delimiter, ...rows] = lines
  if (!head?.text.includes('|') || !delimiter || !isDelimiterRow(delimiter)) return []
  const body = rows.filter((row) => row.text.includes('|') && !isEmptyRow(row))
  const headers = cellsOf(head)
  if (body.length === 1 && body[0]) {
    return cellsOf(body[0]).flatMap((value, column) => {
      const key = headers[column]
      return key && bareText(key) && bareText(value) ? [{key, value}] : []
    })
  }
  if (headers.length !== 2) return []
  return body.flatMap((row) => {
    const [key, value] = cellsOf(row)
    return key && value && bareText(key) && bareText(value) ? [{key, value}] : []
  })
}

/**
 * Facts a table states under a name the fact labels know (`Incident
 * Duration`, `Start`), as a `Label:` line states them. Without remark-gfm a
 * table is a paragraph; with it, a table node: either way its lines are read.
 */
export function tableFactLabels(tree: Root, source: string, factLabel: (title: string) => FactLabel | undefined): FactLabelMention[] {
  const found: FactLabelMention[] = []
  walkTree(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'table') return false
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined && source.slice(start, end).includes('|')) {
      for (const {key, value} of keyedCells(splitLines(source, start, end))) {
        const label = factLabel(bareText(key))
        if (label) found.push({label, marker: key, content: value})
      }
    }
    return true
  })
  return found
}
