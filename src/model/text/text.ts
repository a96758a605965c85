import {countScanned} from '../support/scan-work.js'
/**
 * Source text with its offset in the document, so that every fact the model
 * finds can be reported at its exact place.
 */
export interface Span {
  text: string
  /** Offset in the document of `text[0]`. */
  start: number
}

/**
 * The text that mdast positions count in: micromark skips a leading byte
 * order mark, so offsets into `String(file)` would be one off in such files.
 */
export function markdownText(file: {toString(): string}): string {
  const text = String(file)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

export function spanEnd(span: Span): number {
  return span.start + span.text.length
}

/** Whether two spans share a character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < spanEnd(b) && b.start < spanEnd(a)
}

export function slice(source: string, start: number, end: number): Span {
  countScanned(end - start)
  return {text: source.slice(start, end), start}
}

export function subspan(span: Span, from: number, to = span.text.length): Span {
  countScanned(to - from)
  return {text: span.text.slice(from, to), start: span.start + from}
}

// A line ends as CommonMark says (LF, CRLF or a CR alone, as old Mac files
// and some editors write), and `<br>` separates entries as a line break would
// (timelines pasted from HTML).
const LINE_BREAK = /\r\n?|\n|<br\s{0,3}\/?>/gi

/**
 * Where the line holding `offset` starts: after an LF, a CRLF or a CR alone.
 * The scan back is counted: on one long line, a lookup per part of it is quadratic.
 */
export function lineStart(source: string, offset: number): number {
  const start = Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf('\r', offset - 1)) + 1
  countScanned(offset - start)
  return start
}

/** Splits `source[start, end)` into lines; line endings are not included. */
export function splitLines(source: string, start: number, end: number): Span[] {
  const text = source.slice(start, end)
  countScanned(text.length)
  const lines: Span[] = []
  let from = 0
  for (const match of text.matchAll(LINE_BREAK)) {
    lines.push({text: text.slice(from, match.index), start: start + from})
    from = match.index + match[0].length
  }
  lines.push({text: text.slice(from), start: start + from})
  return lines
}

// Markup that can stand before the words of a line: indentation, quotes, list
// bullets (also the "•" of text pasted from word processors), heading hashes,
// table pipes, emphasis, code ticks and opening brackets.
const LEADING_MARKUP =
  /^(?:[\s>|`[(]|[-+*•](?=\s)|\d{1,3}[.)](?=\s)|#{1,6}(?=\s)|\*{1,3}|_{1,3}|~~|\\)*/u
const TRAILING_MARKUP_CHARS = new Set([' ', '\t', '\r', '\n', '*', '_', '`', '~', '|'])

/** Drops the markup before the first word of a line. */
export function stripLeadingMarkup(span: Span): Span {
  const skipped = LEADING_MARKUP.exec(span.text)?.[0].length ?? 0
  return subspan(span, skipped)
}

// A loop, not a regular expression anchored at the end: that would be quadratic
// on long runs of spaces.
export function stripTrailingMarkup(span: Span): Span {
  let kept = span.text.length
  while (kept > 0 && TRAILING_MARKUP_CHARS.has(span.text.charAt(kept - 1))) kept--
  return subspan(span, 0, kept)
}

/** Drops white space at both ends, keeping offsets. */
export function trimSpan(span: Span): Span {
  const leading = span.text.length - span.text.trimStart().length
  return subspan(span, leading, Math.max(leading, span.text.trimEnd().length))
}

export function isBlank(text: string): boolean {
  return !/\S/.test(text)
}
