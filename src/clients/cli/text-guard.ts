/**
 * A file that is not Markdown text a person wrote (a binary file, UTF-16
 * text, bytes that are not UTF-8, lists or quotes nested hundreds of levels
 * deep) gets one clear error and is not linted: read as UTF-8 such a file
 * gives a page of warnings about text that is not there, and the Markdown
 * parser takes time cubic in the depth of nesting (a minute and a half for
 * 1,000 levels), so the check runs before parsing, in linear time. So do
 * the size limit (`--max-size`, 5 MB by default) and the limit on the memory
 * the parser would need (`--max-parse-memory`, 1 GB by default: a 4 MB list
 * of one-word items would need 20 GB parsed whole; a long document is parsed
 * in parts, and estimated so, each part again before it is parsed).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {DEFAULT_MAX_SIZE, formatBytes, tooLargeReason} from '../../lint/document-guard.js'
import {DEFAULT_MAX_PARSE_MEMORY, type ParseCost, parseCost, partsParseCost} from './parse-cost.js'

const SOURCE = 'postmortem-lint'
// What the engine's UTF-8 decoding leaves of a byte that is not UTF-8.
const REPLACEMENT = '\uFFFD'
// A UTF-16 byte order mark (FF FE or FE FF) decodes to two replacement characters.
const UTF16_BOM = REPLACEMENT + REPLACEMENT
// Columns of indentation, quote markers and list markers before a line's
// text. Real documents stay under 40; past this the parser slows down.
const MAX_NESTING_COLUMNS = 256

interface Problem {
  reason: string
  offset: number
}

function bytesAreUtf8(file: VFile, text: string): boolean {
  if (!file.path) return true
  try {
    return Buffer.from(text, 'utf8').equals(readFileSync(path.resolve(file.cwd, file.path)))
  } catch {
    return true
  }
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57
const isSpace = (code: number): boolean => code === 32 || code === 9

/** The end of an ordered list marker (`1. `, `12) `) starting at `index`, if one does. */
function orderedMarkerEnd(text: string, index: number): number | undefined {
  let end = index
  while (end - index < 9 && isDigit(text.charCodeAt(end))) end++
  const mark = text.charCodeAt(end)
  return (mark === 46 || mark === 41) && isSpace(text.charCodeAt(end + 1)) ? end + 1 : undefined
}

/** Where a line's container prefix grows past MAX_NESTING_COLUMNS, if one does. */
function tooDeep(text: string): number | undefined {
  let columns = 0
  let atLineStart = true
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || code === 13) {
      columns = 0
      atLineStart = true
      continue
    }
    if (!atLineStart) continue
    const next = text.charCodeAt(index + 1)
    if (isSpace(code)) columns += code === 9 ? 4 : 1
    else if (code === 62) columns++ // `>`
    else if ((code === 45 || code === 42 || code === 43) && isSpace(next)) columns++ // `-`, `*`, `+` bullets
    else {
      const marker = isDigit(code) ? orderedMarkerEnd(text, index) : undefined
      if (marker === undefined) {
        atLineStart = false
      } else {
        columns += marker - index
        index = marker - 1
      }
    }
    if (columns > MAX_NESTING_COLUMNS) return index
  }
  return undefined
}

// micromark resolves each setext heading by walking back over the events of
// the document so far: 20,000 of them (400 KB) take minutes to parse. Real
// postmortems have a few dozen.
const MAX_SETEXT_HEADINGS = 2000
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/

/** Calls `visit` with each line of `text` (without its LF) and where it starts, in one pass. */
function eachLine(text: string, visit: (line: string, start: number) => void): void {
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    visit(text.slice(start, end), start)
    start = end + 1
  }
}

/** Lines of `---` or `===` right under a line of text, and where the first is. */
function setextUnderlines(text: string): {count: number; first: number} {
  let count = 0
  let first = 0
  let previousBlank = true
  eachLine(text, (raw, start) => {
    const line = raw.replace(/\r$/, '')
    // A long line is no underline: the pattern only ever sees short ones.
    if (!previousBlank && line.length <= 200 && UNDERLINE.test(line)) {
      if (count === 0) first = start
      count++
    }
    previousBlank = line.trim() === ''
  })
  return {count, first}
}

// micromark resolves each bracketed label that links nowhere (`[service]`,
// no definition) by looking back over the paragraph's labels: 20,000 of them
// in one paragraph (800 KB) take 10 seconds, 80,000 two minutes. A blank line
// ends a paragraph, and with it the search.
const MAX_BRACKETS_IN_PARAGRAPH = 10_000

// Code is no paragraph: a fence opens or closes, an indented line is code or
// the indented rest of a paragraph (counting less is the safe side).
const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})/
const CODE_LINE = /^(?: {4}|\t)/

/**
 * The most `[` any one paragraph (a run of lines between blank lines, outside
 * fenced and indented code: a pasted log of `[ERROR]` lines is no paragraph)
 * has, and where that paragraph starts.
 */
function bracketsInParagraph(text: string): {count: number; first: number} {
  let most = {count: 0, first: 0}
  let current = {count: 0, first: 0}
  let fenced = false
  eachLine(text, (line, start) => {
    const fence = FENCE_LINE.test(line)
    if (fence) fenced = !fenced
    if (fence || fenced || line.trim() === '') current = {count: 0, first: start + line.length + 1}
    else if (!CODE_LINE.test(line)) {
      for (let at = line.indexOf('['); at !== -1; at = line.indexOf('[', at + 1)) current.count++
      if (current.count > most.count) most = {...current}
    }
  })
  return most
}

export interface TextGuardOptions {
  /** Bytes above which a document is not parsed. Default: 5 MB. */
  maxSize?: number
  /** Estimated bytes of parser memory above which a document is not parsed. Default: 1 GB. */
  maxParseMemory?: number
}

function parseMemoryReason(cost: ParseCost, maxParseMemory: number): string {
  const items = cost.listItems > 0 ? `, ${cost.listItems.toLocaleString('en-US')} list items` : ''
  return `Unexpected document that needs about ${formatBytes(cost.bytes)} of memory to parse${items}, expected at most ${formatBytes(maxParseMemory)} (option \`maxParseMemory\`): not checked in depth, since the Markdown parser holds some 20 KB for each list item and 14 KB for each paragraph`
}

// Checked before parsing as the document will be parsed: in parts when it is long.
function parseMemoryProblem(text: string, maxParseMemory: number): Problem | undefined {
  const cost = partsParseCost(text, maxParseMemory)
  return cost.offset === undefined ? undefined : {reason: parseMemoryReason(cost, maxParseMemory), offset: cost.offset}
}

/** Thrown by parseMemoryGuard: a text the parser was about to parse needs more memory than allowed. */
class ParseMemoryError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.reason)
  }
}

/**
 * parseInParts's `beforeParse` for the CLI: a part that runs on past a cut
 * that does not hold (a fence left open), or a document parsed whole after
 * all, is estimated again before it is parsed, and not parsed when it
 * needs more than `maxParseMemory`; requireText reports it.
 */
export function parseMemoryGuard(maxParseMemory = DEFAULT_MAX_PARSE_MEMORY): (text: string) => void {
  return (text) => {
    const cost = parseCost(text, maxParseMemory)
    if (cost.offset !== undefined) throw new ParseMemoryError({reason: parseMemoryReason(cost, maxParseMemory), offset: 0})
  }
}

function problemOf(file: VFile, text: string, limits: Required<TextGuardOptions>): Problem | undefined {
  // Counted before anything else is read: parsing a document this large takes minutes.
  const bytes = Buffer.byteLength(text)
  if (bytes > limits.maxSize) return {reason: tooLargeReason(bytes, limits.maxSize), offset: 0}
  const nul = text.indexOf('\0')
  if (nul !== -1) {
    return text.startsWith(UTF16_BOM)
      ? {reason: 'Unexpected UTF-16 text, expected UTF-8: save the file as UTF-8', offset: 0}
      : {reason: 'Unexpected NUL byte, expected Markdown text: this looks like a binary file', offset: nul}
  }
  const replaced = text.indexOf(REPLACEMENT)
  // A replacement character may be written in the file itself: only bytes that are not UTF-8 count.
  if (replaced !== -1 && !bytesAreUtf8(file, text)) {
    return {reason: 'Unexpected bytes that are not UTF-8, expected UTF-8 text: save the file as UTF-8', offset: replaced}
  }
  const underlines = setextUnderlines(text)
  if (underlines.count > MAX_SETEXT_HEADINGS) {
    return {
      reason: `Unexpected ${underlines.count} setext headings (a line of \`---\` or \`===\` under text), expected at most ${MAX_SETEXT_HEADINGS}: the Markdown parser takes time quadratic in their number`,
      offset: underlines.first
    }
  }
  const brackets = bracketsInParagraph(text)
  if (brackets.count > MAX_BRACKETS_IN_PARAGRAPH) {
    return {
      reason: `Unexpected ${brackets.count.toLocaleString('en-US')} brackets in one paragraph, expected at most ${MAX_BRACKETS_IN_PARAGRAPH.toLocaleString('en-US')}: the Markdown parser takes time quadratic in the labels of a paragraph`,
      offset: brackets.first
    }
  }
  const deep = tooDeep(text)
  if (deep !== undefined) {
    return {
      reason: `Unexpected lists or quotes nested past ${MAX_NESTING_COLUMNS} columns, expected a document nested as people write them`,
      offset: deep
    }
  }
  return parseMemoryProblem(text, limits.maxParseMemory)
}

/**
 * A remark plugin for the CLI, used after remark-parse: a file that is not
 * Markdown text is not parsed, and fails with one message.
 */
export function requireText(this: Processor, options?: TextGuardOptions): (tree: Root, file: VFile) => void {
  const limits = {maxSize: options?.maxSize ?? DEFAULT_MAX_SIZE, maxParseMemory: options?.maxParseMemory ?? DEFAULT_MAX_PARSE_MEMORY}
  const found = new WeakMap<VFile, Problem>()
  const parse = this.parser
  if (parse) {
    this.parser = (document, file) => {
      const problem = problemOf(file, document, limits)
      if (!problem) {
        try {
          return parse(document, file)
        } catch (error) {
          if (!(error instanceof ParseMemoryError)) throw error
          found.set(file, error.problem)
          return {type: 'root', children: []}
        }
      }
      found.set(file, problem)
      return {type: 'root', children: []}
    }
  }
  return (_tree, file) => {
    const problem = found.get(file)
    if (!problem) return
    const place = location(String(file.value)).toPoint(problem.offset)
    file.fail(problem.reason, {...(place ? {place} : {}), ruleId: 'not-text', source: SOURCE})
  }
}
