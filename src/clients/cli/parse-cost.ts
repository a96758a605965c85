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
import {isListMarker, plannedCuts} from '../../parse/parse-in-parts.js'

/** Bytes of parser memory per line of each kind, and per byte of text. */
const COST = {listItem: 20 * 1024, blockStart: 14 * 1024, quoted: 8 * 1024, continuation: 5 * 1024, perByte: 32}
/**
 * Bytes a line adds to what stays until the document is reported: its tree
 * (0.9 KB per list item, 1.3 KB per paragraph or heading, with their text
 * and positions), the model's reading of it and what the collector has not
 * yet freed: postmortem-lint peaked 600 MB above Node's own on a 10 MB list
 * timeline of 210,000 entries parsed in parts (2.8 KB each), 620 MB on 10 MB
 * of short sections (1.5 KB per heading or paragraph). Rounded up.
 */
const KEPT_COST = {listItem: 3 * 1024, blockStart: 2 * 1024, continuation: 512, perByte: 16}

/** 1 GB: with Node and the preset, the process stays under 1.5 GB. Some 50,000 list items. */
export const DEFAULT_MAX_PARSE_MEMORY = 1024 * 1024 * 1024

export interface ParseCost {
  /** Estimated bytes of parser memory. */
  bytes: number
  listItems: number
  /** Where the line that took the estimate over `limit` starts, if one did. */
  offset?: number
}

const isSpace = (code: number): boolean => code === 32 || code === 9
const isEnd = (code: number): boolean => code === 10 || code === 13 || Number.isNaN(code)

/** Past the indentation and `>` markers that open the line at `start`. */
function afterContainers(text: string, start: number, end: number): number {
  let index = start
  while (index < end && (isSpace(text.charCodeAt(index)) || text.charCodeAt(index) === 62)) index++
  return index
}

interface LineCost {
  /** What parsing the line costs while its part is parsed. */
  cost: number
  /** What the line adds to the tree and the model, kept until the end. */
  kept: number
  blank: boolean
  listItem: boolean
}

/** The parser's cost of the line from `start` to `end`, given whether the line before it was blank. */
function lineCost(text: string, start: number, end: number, afterBlank: boolean): LineCost {
  const content = afterContainers(text, start, end)
  if (content >= end) return {cost: 0, kept: 0, blank: true, listItem: false}
  const listItem = isListMarker(text, content)
  // A heading opens a block even right under another line; a table row never does.
  const code = text.charCodeAt(content)
  const opensBlock = (afterBlank && code !== 124) || code === 35
  const quoted = content > start && text.slice(start, content).includes('>')
  const kind = listItem ? COST.listItem : opensBlock ? COST.blockStart : quoted ? COST.quoted : COST.continuation
  const kept = listItem ? KEPT_COST.listItem : opensBlock || quoted ? KEPT_COST.blockStart : KEPT_COST.continuation
  return {cost: kind + (end - start) * COST.perByte, kept: kept + (end - start) * KEPT_COST.perByte, blank: false, listItem}
}

/** The end of the line starting at `start`: its `\n`, `\r` or the end of the text. */
function lineEnd(text: string, start: number): number {
  let end = start
  while (end < text.length && !isEnd(text.charCodeAt(end))) end++
  return end
}

/** The parser's estimated memory for `text`, parsed whole, read in one pass; `offset` is where the estimate went over `limit`, if it did. */
export function parseCost(text: string, limit = Number.POSITIVE_INFINITY): ParseCost {
  return costOf(text, limit, [])
}

/**
 * The estimated memory for `text` parsed as postmortem-lint parses it: a
 * document shorter than 256 K whole; a longer one in parts
 * (src/parse/parse-in-parts.ts), where the parser holds the events of one
 * part at a time, and the tree and the model of the whole document: the
 * largest part's cost plus what every line keeps, with the parts that the parser first tries (where
 * every cut holds). Where a cut does not hold, a part runs on: the parser
 * estimates each text again before it parses it (text-guard.ts).
 */
export function partsParseCost(text: string, limit = Number.POSITIVE_INFINITY): ParseCost {
  return costOf(text, limit, plannedCuts(text))
}

/** The cost of `text` read in one pass, as parts that end at `cuts` (none: whole). */
function costOf(text: string, limit: number, cuts: readonly number[]): ParseCost {
  let largest = 0
  let part = 0
  let kept = 0
  let listItems = 0
  let offset: number | undefined
  let afterBlank = true
  let cut = 0
  for (let start = 0; start < text.length; ) {
    if (start === cuts[cut]) {
      cut++
      part = 0
    }
    const end = lineEnd(text, start)
    const line = lineCost(text, start, end, afterBlank)
    part += line.cost
    largest = Math.max(largest, part)
    // A document parsed whole holds its events and its tree at once: the events are weighed to cover both.
    if (cuts.length > 0) kept += line.kept
    if (line.listItem) listItems++
    if (largest + kept > limit && offset === undefined) offset = start
    afterBlank = line.blank
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1
  }
  const bytes = largest + kept
  return offset === undefined ? {bytes, listItems} : {bytes, listItems, offset}
}
