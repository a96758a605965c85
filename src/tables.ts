import {type Span, subspan} from './text.js'

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
