/**
 * The memory the Markdown parser (micromark, under remark-parse) will need
 * for a document, estimated from its lines before parsing. micromark keeps
 * every event of the document until the end, some kilobytes per line: about
 * 20 KB per list item, 11 to 14 KB per paragraph or heading, 8 KB per line
 * of a quote, 4 to 5 KB per table row or line that continues a block (measured with Node 20, see
 * docs/reliability.md). So a 4 MB list of one-word items needs 20 GB, far
 * below the size limit; the CLI refuses such a document before parsing.
 * The weights are the measured costs rounded up, so that the estimate stays
 * above the real cost.
 */

/** Bytes of parser memory per line of each kind, and per byte of text. */
const COST = {listItem: 20 * 1024, blockStart: 14 * 1024, quoted: 8 * 1024, continuation: 5 * 1024, perByte: 32}

/** 1 GB: with Node and the preset, the process stays under 1.5 GB. Some 50,000 list items. */
export const DEFAULT_MAX_PARSE_MEMORY = 1024 * 1024 * 1024

export interface ParseCost {
  /** Estimated bytes of parser memory. */
  bytes: number
  listItems: number
  /** Where the line that took the estimate over `limit` starts, if one did. */
  offset?: number
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57
const isSpace = (code: number): boolean => code === 32 || code === 9
const isEnd = (code: number): boolean => code === 10 || code === 13 || Number.isNaN(code)

/** Past the indentation and `>` markers that open the line at `start`. */
function afterContainers(text: string, start: number, end: number): number {
  let index = start
  while (index < end && (isSpace(text.charCodeAt(index)) || text.charCodeAt(index) === 62)) index++
  return index
}

/** Whether a list marker (`-`, `*`, `+`, `1.`, `1)`) followed by white space or the line's end starts at `index`. */
function isListMarker(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code === 45 || code === 42 || code === 43) return isSpace(text.charCodeAt(index + 1)) || isEnd(text.charCodeAt(index + 1))
  let end = index
  while (end - index < 9 && isDigit(text.charCodeAt(end))) end++
  const mark = text.charCodeAt(end)
  return end > index && (mark === 46 || mark === 41) && (isSpace(text.charCodeAt(end + 1)) || isEnd(text.charCodeAt(end + 1)))
}

/** The parser's cost of the line from `start` to `end`, given whether the line before it was blank. */
function lineCost(text: string, start: number, end: number, afterBlank: boolean): {cost: number; blank: boolean; listItem: boolean} {
  const content = afterContainers(text, start, end)
  if (content >= end) return {cost: 0, blank: true, listItem: false}
  const listItem = isListMarker(text, content)
  // A heading opens a block even right under another line; a table row never does.
  const code = text.charCodeAt(content)
  const opensBlock = (afterBlank && code !== 124) || code === 35
  const quoted = content > start && text.slice(start, content).includes('>')
  const kind = listItem ? COST.listItem : opensBlock ? COST.blockStart : quoted ? COST.quoted : COST.continuation
  return {cost: kind + (end - start) * COST.perByte, blank: false, listItem}
}

/** The end of the line starting at `start`: its `\n`, `\r` or the end of the text. */
function lineEnd(text: string, start: number): number {
  let end = start
  while (end < text.length && !isEnd(text.charCodeAt(end))) end++
  return end
}

/** The parser's estimated memory for `text`, read in one pass; `offset` is where the estimate went over `limit`, if it did. */
export function parseCost(text: string, limit = Number.POSITIVE_INFINITY): ParseCost {
  let bytes = 0
  let listItems = 0
  let offset: number | undefined
  let afterBlank = true
  for (let start = 0; start < text.length; ) {
    const end = lineEnd(text, start)
    const line = lineCost(text, start, end, afterBlank)
    bytes += line.cost
    if (line.listItem) listItems++
    if (bytes > limit && offset === undefined) offset = start
    afterBlank = line.blank
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1
  }
  return offset === undefined ? {bytes, listItems} : {bytes, listItems, offset}
}
