import {memoPerObject, memoPerOptions} from '../support/memo.js'
import type {Html, Image, Root} from 'mdast'
import {walkTree} from '../support/walk.js'
import type {PostmortemModel} from '../model.js'
import {type ProseBlock, proseLines, proseOf} from '../text/prose.js'
import {findPrompts} from './prompts.js'
import {type Span, slice, spanEnd, splitLines, subspan} from '../text/text.js'
import {isDelimiterRow, isEmptyRow} from '../text/tables.js'
import {formatClock} from '../time/time.js'
import {appendAll} from '../support/arrays.js'

/**
 * Finds text left from a template or not written yet: TODO and its kin, `XX`,
 * `??`, `[insert …]`, `<date>`, `{service}`, date formats (`YYYY-MM-DD`),
 * "lorem ipsum", "will fill here", a template's instructions left in
 * ("A list of…", the section's question), placeholder images, empty table
 * rows, and a timeline whose entries all have the same time.
 */

export interface PlaceholderOptions {
  /** Words that mark unfinished text, matched whole and with their case. */
  markers: readonly string[]
  /** Texts never reported (`TBD` where a team means it). */
  allow: readonly string[]
}

export type PlaceholderKind = 'text' | 'prompt' | 'image' | 'empty-rows' | 'same-time'

export interface Placeholder {
  kind: PlaceholderKind
  span: Span
  /** What is shown in the message: the placeholder, the image host, the repeated time. */
  text: string
  /** Rows for `empty-rows`, entries for `same-time`. */
  count?: number
}

export const DEFAULT_MARKERS: readonly string[] = ['TODO', 'TBD', 'TBC', 'TBA', 'FIXME']
const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{N}_])`
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{N}_])`
// Patterns run over prose with code, HTML and link targets blanked. Each has
// a needle, which every text it matches contains (lowercased), tested first on
// the block's raw text: most blocks hold none, and fourteen expressions on
// every line of every block cost more than the rest of the rule. Needles hold
// no spaces, as a space of the prose may be blanked markup in the raw text.
interface TextPattern {
  pattern: RegExp
  needle: RegExp
  /** A marker word (TODO), which a determiner makes a noun: "its TODO list" is no unfinished text. */
  marker?: boolean
}
const TEXT_PATTERNS: readonly TextPattern[] = [
  // XX, XXX, xx:xx, XX/XX, XX%.
  {pattern: new RegExp(`${NOT_WORD_BEFORE}(?:X{2,8}(?:[:/.-]X{2,4}){0,2}|x{2,8}(?:[:/.-]x{2,4}){0,2})${NOT_WORD_AFTER}`, 'gu'), needle: /xx/},
  // ?? standing alone, not an emphatic question ("what??").
  {pattern: /(?<![\p{L}\p{N}?!])\?{2,8}/gu, needle: /\?\?/},
  // Date and time formats written out instead of a value.
  {
    pattern: new RegExp(`${NOT_WORD_BEFORE}(?:YYYY(?:[-/.]MM(?:[-/.]DD)?)?|(?:DD|MM)[-/.](?:MM|DD)[-/.]YYYY|HH:MM(?::SS)?|hh:mm(?::ss)?)${NOT_WORD_AFTER}`, 'gu'),
    needle: /yyyy|hh:mm/
  },
  // A date of zeros (`0000-00-00`, `00/00/0000`): no day is written so.
  {pattern: new RegExp(`${NOT_WORD_BEFORE}(?:0000[-/.]00[-/.]00|00[-/.]00[-/.]0000)${NOT_WORD_AFTER}`, 'gu'), needle: /0000/},
  // {service}, {{owner}}; not ${VAR} nor a set written in braces ("{a, b}"),
  // nor code: an attribute's value (`article={post}`), a subscript (`E_{i}`),
  // an argument of a command or a name (`\mathrm{P}`, `user{id}`).
  {pattern: /(?<![$\\{=_^\p{L}\p{N}])\{\{?[\p{L}_][\p{L}\p{N}_ .-]{0,40}\}\}?/gu, needle: /\{/},
  {pattern: /\blorem ipsum\b/giu, needle: /lorem/},
  {pattern: /\b(?:will|to) fill (?:it |this )?(?:in |out )?(?:here|later)\b/giu, needle: /fill/},
  {pattern: /\bfill (?:in|out) (?:here|later|this)\b/giu, needle: /fill/},
  {pattern: /\b(?:[\p{L}/'-]{1,20} ){0,3}goes here\b/giu, needle: /goes/},
  {pattern: /\b(?:insert|paste|put) (?:[\p{L}\p{N}/'-]{1,20} ){0,4}here\b/giu, needle: /insert|paste|put/},
  // TBD written out, as all a line or a label's value says: "Impact: _to be
  // filled in_". In a sentence ("the cause is yet to be confirmed by the
  // vendor") it states where the work stands.
  {
    pattern: /(?<=^\s{0,3}(?:[^:\n]{1,40}:\s{0,3})?[_*([]{0,2})to be (?:filled (?:in|out)|determined|confirmed|decided|added|written|completed)(?=[_*)\].]{0,3}\s{0,3}$)/giu,
    needle: /filled|determined|confirmed|decided|added|written|completed/
  }
]
// A determiner or a possessive before a marker makes it a noun: "its TODO list", "the cache's TODO list".
const DETERMINER_BEFORE = /(?:\b(?:a|an|the|its|our|their|his|her|this|that|these|those|my|your|every|each)|\p{L}['’]s)\s{1,3}$/iu
// `[Name]`, `[insert date]`, `[Critical/High/Low]`: brackets that are not a link.
const BRACKETS = /\[([^[\]\n]{1,80})\]/g
const BRACKET_LEAD = /^(?:insert|add|enter|fill|put|your|describe|description|link|placeholder|todo|tbd|name|date|time|owner|who|number|list of|brief|short|e\.g\.|yyyy|hh:mm)\b/i
const BRACKET_END = /\b(?:name|description|describe|here|date|time|link|url|summary|details?)$/i
const BRACKET_CHOICES = /^\p{Lu}[\p{L} -]{0,20}(?:\/\p{Lu}[\p{L} -]{0,20}){1,6}$/u
const CHECKBOX = /^[ xX]$/
// A heading that names a list of tasks ("## TODO", "### TODO list") is a title, not a placeholder.
const TODO_TITLE = /^\W{0,4}to-?do(?:s|\s(?:list|items?))?\W{0,4}$/i

// HTML elements: anything else alone in angle brackets (`<date>`, `<service name>`) is a placeholder.
const HTML_ELEMENTS = new Set([
  'a', 'abbr', 'address', 'area', 'article', 'aside', 'audio', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'body', 'br',
  'button', 'canvas', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'data', 'dd', 'del', 'details', 'dfn',
  'dialog', 'div', 'dl', 'dt', 'em', 'embed', 'fieldset', 'figcaption', 'figure', 'font', 'footer', 'form', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'ins', 'kbd',
  'label', 'legend', 'li', 'link', 'main', 'mark', 'meta', 'meter', 'nav', 'object', 'ol', 'optgroup', 'option',
  'output', 'p', 'param', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'script', 'section',
  'select', 'small', 'source', 'span', 'strike', 'strong', 'style', 'sub', 'summary', 'sup', 'svg', 'table', 'tbody',
  'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'title', 'tr', 'track', 'tt', 'u', 'ul', 'var',
  'video', 'wbr'
])
const ANGLE_PLACEHOLDER = /^<([A-Za-z][\w -]{0,40})>$/
// Words of a sentence, never names of attributes: `<Link to the recording>` is a prompt, not an element.
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'to', 'of', 'or', 'and', 'for', 'in', 'on', 'with', 'your', 'our', 'here', 'this', 'that'])

// Services that serve stand-in images.
const PLACEHOLDER_HOSTS = ['placeholder.com', 'placehold.co', 'placehold.it', 'dummyimage.com', 'fakeimg.pl', 'placekitten.com', 'picsum.photos']

// At least this many entries at one time make a timeline of template times.
const SAME_TIME_ENTRIES = 3

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function isTodoTitle(block: ProseBlock): boolean {
  return block.node.type === 'heading' && TODO_TITLE.test(block.text.text.trim())
}

function isBracketPlaceholder(inner: string): boolean {
  const text = inner.trim()
  if (CHECKBOX.test(inner) || text === '') return false
  return BRACKET_LEAD.test(text) || BRACKET_END.test(text) || BRACKET_CHOICES.test(text)
}

// A template's slot names what goes in it in words of its own: `[service]`,
// `[Incident title]`, `[Positive aspects of the response]`. What is not one:
// a status or kind tag in capitals (`[WIP]`, `[SEV-1]`), a GitHub alert
// (`[!NOTE]`), a footnote (`[^1]`), a clock (`[08:47]`), an elision (`[…]`).
const SLOT_WORDS = /^\p{L}[\p{L}' -]{0,60}(?: \d{1,2})?$/u
const TAG = /^[\p{Lu}\d-]+$/u
// Where a slot stands for all a line, a label's value, a table cell or a heading says.
const WHOLE_BEFORE = /^(?:\s{0,6}|.{0,200}\|\s{0,3}|[^:|\n]{1,40}:\s{0,6})$/u
const WHOLE_AFTER = /^\s{0,6}(?:\|.{0,200})?$/u
// Inside a sentence, after a determiner or a preposition: "the [service] was down for [duration]".
const SLOT_AFTER_WORD = /(?:^|\s)(?:a|an|the|our|their|your|this|that|for|in|at|on|by|of|to|from|with|about|after|before)\s{1,3}$/iu
// An editor's words are no slot: `the [redacted] cluster`, `[sic]`, and what
// a public report holds back (`Dashboard: [internal dashboard]`).
const EDITORIAL = /(?:ed|sic|snip)$|^(?:internal|private|confidential)\b/iu

/**
 * Whether `[inner]`, at `index` of `line`, is a template's slot: a phrase in
 * its own words (sentence case, or any case as a heading's whole text) that
 * stands for a whole value, or a lowercase one a determiner or a preposition
 * puts inside a sentence. Outside a heading, a capital on every word may be
 * a status (`Status: [Resolved]`) or a reference whose definition is missing
 * (`See: [Kafka Runbook]`).
 */
function isBracketSlot(line: string, index: number, inner: string, heading: boolean): boolean {
  const text = inner.trim()
  if (!SLOT_WORDS.test(text) || TAG.test(text) || EDITORIAL.test(text)) return false
  const words = text.split(/\s+/)
  const before = line.slice(0, index)
  const after = line.slice(index + inner.length + 2)
  if (WHOLE_BEFORE.test(before) && WHOLE_AFTER.test(after)) {
    // A capital on every word (`[Resolved]`, `[Kafka Runbook]`) may be a status or a name.
    return heading || !words.every((word) => /^\p{Lu}/u.test(word))
  }
  return words.length <= 4 && text === text.toLowerCase() && SLOT_AFTER_WORD.test(before.slice(-24))
}

function textPlaceholders(block: ProseBlock, markers: Markers): Placeholder[] {
  const lower = block.lowerRaw
  const brackets = lower.includes('[')
  // One test of every needle at once first: most blocks hold none.
  const patterns = markers.anyNeedle.test(lower) ? markers.patterns.filter(({needle}) => needle.test(lower)) : []
  if (patterns.length === 0 && !brackets) return []
  const found: Placeholder[] = []
  const todoTitle = isTodoTitle(block)
  const heading = block.node.type === 'heading'
  // In front matter `[search team]` is a YAML list; only a prompt in words (`[Your name]`) is a placeholder there.
  const slots = block.node.type !== 'yaml'
  for (const line of proseLines(block)) {
    for (const pattern of patterns) {
      for (const match of line.text.matchAll(pattern.pattern)) {
        if (todoTitle && /^to-?do$/i.test(match[0])) continue
        if (pattern.marker && DETERMINER_BEFORE.test(line.text.slice(Math.max(0, match.index - 12), match.index))) continue
        found.push({kind: 'text', span: subspan(line, match.index, match.index + match[0].length), text: match[0]})
      }
    }
    if (!brackets) continue
    for (const match of line.text.matchAll(BRACKETS)) {
      const inner = match[1] ?? ''
      if (!isBracketPlaceholder(inner) && !(slots && isBracketSlot(line.text, match.index, inner, heading))) continue
      found.push({kind: 'text', span: subspan(line, match.index, match.index + match[0].length), text: match[0]})
    }
  }
  return found
}

function htmlPlaceholder(node: Html, source: string): Placeholder | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const match = ANGLE_PLACEHOLDER.exec(node.value.trim())
  const [tag, ...rest] = (match?.[1] ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  if (!match || !tag) return undefined
  if (HTML_ELEMENTS.has(tag) && !rest.some((word) => FUNCTION_WORDS.has(word))) return undefined
  return {kind: 'text', span: slice(source, start, end), text: node.value.trim()}
}

function imagePlaceholder(node: Image, source: string): Placeholder | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  let host: string
  try {
    host = new URL(node.url).hostname.toLowerCase()
  } catch {
    return undefined
  }
  const service = PLACEHOLDER_HOSTS.find((candidate) => host === candidate || host.endsWith(`.${candidate}`))
  return service ? {kind: 'image', span: slice(source, start, end), text: host} : undefined
}

/**
 * Runs of table rows with nothing in any cell, one placeholder per run. An
 * empty header row (`| | |` over a delimiter row) is how Markdown writes a
 * table without a header, as a table of labels and values: it is no blank.
 */
function emptyRows(table: Span): Placeholder[] {
  const lines = splitLines(table.text, 0, table.text.length).map((line) => subspan(table, line.start, line.start + line.text.length))
  const delimiter = lines.findIndex(isDelimiterRow)
  if (delimiter < 0) return []
  if (delimiter > 0) lines.splice(delimiter - 1, 1)
  const found: Placeholder[] = []
  let run: Span[] = []
  const close = (): void => {
    const first = run[0]
    const last = run.at(-1)
    if (first && last) {
      found.push({kind: 'empty-rows', span: subspan(table, first.start - table.start, spanEnd(last) - table.start), text: '', count: run.length})
    }
    run = []
  }
  for (const line of lines) {
    if (isEmptyRow(line)) run.push(line)
    else close()
  }
  close()
  return found
}

/** A timeline of three or more entries all at one clock time: the template's sample time left in. */
function sameTime(model: PostmortemModel): Placeholder | undefined {
  const timed = model.timeline.entries.filter((entry) => entry.mention?.time && entry.timestamp)
  const first = timed[0]
  const time = first?.mention?.time
  if (!first?.timestamp || !time || timed.length < SAME_TIME_ENTRIES) return undefined
  const same = timed.every((entry) => {
    const other = entry.mention?.time
    return other !== undefined && other.hour === time.hour && other.minute === time.minute && other.second === time.second
  })
  return same ? {kind: 'same-time', span: first.timestamp, text: formatClock(time), count: timed.length} : undefined
}

/**
 * `[???]` or `[??:??]` where a timeline entry's time would be, in a timeline
 * whose other entries have times: the author saying the time is unknown, not
 * a template's blank (a template leaves every entry's time blank alike). The
 * offsets of the question marks that lead the entries' lines.
 */
function unknownTimes(model: PostmortemModel): Set<number> {
  const offsets = new Set<number>()
  if (model.timeline.timed.length === 0) return offsets
  for (const entry of model.timeline.entries) {
    const lead = STAMP_SLOT.exec(entry.line.text)?.[0] ?? ''
    for (let at = lead.indexOf('?'); at >= 0; at = lead.indexOf('?', at + 1)) offsets.add(entry.line.start + at)
  }
  return offsets
}
// What may stand where an entry's time is written: brackets, emphasis, question marks, colons.
const STAMP_SLOT = /^[\s[(*_?:]{1,40}/

function markerPattern(marker: string): TextPattern {
  return {
    pattern: new RegExp(`${NOT_WORD_BEFORE}${escapeRegExp(marker)}${NOT_WORD_AFTER}`, 'gu'),
    needle: new RegExp(escapeRegExp(marker.toLowerCase().trim().split(/\s/)[0] ?? ''), 'u'),
    marker: true
  }
}

/** The patterns of the markers and the built-in ones, and a needle any of whose needles is. */
interface Markers {
  patterns: readonly TextPattern[]
  anyNeedle: RegExp
}

function markersOf(markers: readonly string[]): Markers {
  const patterns = [...markers.map(markerPattern), ...TEXT_PATTERNS]
  return {patterns, anyNeedle: new RegExp(patterns.map(({needle}) => `(?:${needle.source})`).join('|'), 'u')}
}

const markerPatterns = memoPerOptions<Markers>()

// One reading per tree and options.
const readings = memoPerObject<Root, Placeholder[]>()

export function findPlaceholders(tree: Root, model: PostmortemModel, options: PlaceholderOptions): Placeholder[] {
  return readings(tree, JSON.stringify(options), () => readPlaceholders(tree, model, options))
}

function readPlaceholders(tree: Root, model: PostmortemModel, options: PlaceholderOptions): Placeholder[] {
  const source = model.source
  const markers = markerPatterns(JSON.stringify(options.markers), () => markersOf(options.markers))
  const found: Placeholder[] = []
  const blocks = proseOf(tree, source)
  for (const prompt of findPrompts(blocks, source)) found.push({kind: 'prompt', span: prompt.span, text: prompt.span.text})
  for (const block of blocks) {
    appendAll(found, textPlaceholders(block, markers))
    // Without remark-gfm a table is a paragraph of pipes.
    if (block.node.type === 'paragraph' && block.raw.text.includes('|')) appendAll(found, emptyRows(block.raw))
  }
  walkTree(tree, (node) => {
    if (node.type === 'table') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) appendAll(found, emptyRows(slice(source, start, end)))
      return
    }
    const placeholder = node.type === 'html' ? htmlPlaceholder(node, source) : node.type === 'image' ? imagePlaceholder(node, source) : undefined
    if (placeholder) found.push(placeholder)
  })
  const timeline = sameTime(model)
  if (timeline) found.push(timeline)

  const allowed = new Set(options.allow)
  // Where patterns overlap (`[YYYY-MM-DD]`), the longest, earliest one is kept.
  const kept: Placeholder[] = []
  const unknown = found.some((placeholder) => placeholder.text.startsWith('?')) ? unknownTimes(model) : new Set<number>()
  const candidates = found.filter((placeholder) => !allowed.has(placeholder.text) && !unknown.has(placeholder.span.start))
  for (const placeholder of candidates.sort((a, b) => a.span.start - b.span.start || b.span.text.length - a.span.text.length)) {
    const previous = kept.at(-1)
    if (previous && placeholder.span.start < spanEnd(previous.span)) continue
    kept.push(placeholder)
  }
  return kept
}
