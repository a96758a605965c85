import type {Heading, Html, List, ListItem, Nodes, Paragraph, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {type FactLabel, type SectionKind, type SectionMatcher, normalizeTitle} from './synonyms.js'
import {type Span, isBlank, lineStart, slice, splitLines, stripLeadingMarkup, stripTrailingMarkup, subspan, trimSpan} from '../text/text.js'
import {readLeadingTime} from '../time/time.js'
import {asksWhatWentWell, asksWhatWentWrong, isQuestion, namesFixesOnly} from './section-titles.js'
import {countScanned} from '../support/scan-work.js'
import {firstIndexWhere} from '../support/bisect.js'

/**
 * How a section is marked: a real heading (ATX, setext or HTML), a bold or
 * italic line standing alone (`**Timeline:**`), a plain label line
 * (`Issue Summary:`), or a label at the start of a line or list item with its
 * content after it (`- **Impact:** 30% of users`).
 */
export type SectionStyle = 'atx' | 'setext' | 'html' | 'pseudo' | 'label' | 'inline-label' | 'opening'

export interface Section {
  kinds: SectionKind[]
  /** The title as written, without markup. */
  title: string
  style: SectionStyle
  /** 1–6 for headings, as in mdast; pseudo-headings, label lines and inline labels nest below any heading (PSEUDO_HEADING_DEPTH and after). */
  depth: number
  /** The line that marks the section. */
  marker: Span
  /** Where the title text stands within the marker. */
  titleSpan: Span
  contentStart: number
  contentEnd: number
  /** Whether anything but white space, comments and rules is in the section. */
  hasContent: boolean
  /** The recognised section this one stands in, if any. */
  parent?: Section
}

export interface FactLabelMention {
  label: FactLabel
  marker: Span
  /** The text after the label, up to the end of its item or line. */
  content: Span
  /** A field of the front matter, which describes the file (a blog post's `date` is when it was published). */
  inFrontMatter?: boolean
}

export interface SectionScan {
  sections: Section[]
  factLabels: FactLabelMention[]
  /** Offset where the first section marker starts (the end of the preamble). */
  preambleEnd: number
  /** Most headings are in a script the section table does not read. */
  unreadTitles: boolean
}

const MAX_BARE_TITLE = 60
const LABEL_SENTENCE_WORDS = 4
// Words only: not a sentence (closing punctuation), not a table row (pipes or
// tabs). A question mark may close it: "What went wrong?" stands as a title.
const BARE_TITLE = /^[\p{L}\p{N} &'’/+-]+\??$/u
const PARENTHESISED = /\([^()]{0,80}\)/g
const MAX_TITLE_WORDS = 8
const PSEUDO_HEADING_DEPTH = 7
// "Impact:" and "Root Cause:" under a bare "Issue Summary" line are its parts.
const LABEL_LINE_DEPTH = 7.5
const INLINE_LABEL_DEPTH = 8
const MAX_TITLE = 80

// `**Title**`, `__Title:__`, `*Title*:` standing alone on a line.
const WRAPPED = /^(\*\*\*|\*\*|__|\*|_)([^*_\n]{1,80}?)\1\s{0,3}:?\s{0,3}$/u
// `**Label:** rest` or `**Label**: rest`.
const BOLD_LABEL = /^(\*\*|__)([^*_:\n]{1,80}?)(?::\s{0,3}\1|\s{0,3}\1\s{0,3}:)\s{0,3}/u
// `Label: rest`.
const PLAIN_LABEL = /^([^*_:\n|]{1,80}?)\s{0,3}:(?!\/\/)\s{0,3}/u
// What may stand before a label: indentation, quotes, bullets, numbering,
// heading hashes and emoji, but not the emphasis that makes a pseudo-heading.
const LABEL_LEAD = /^(?:[\s>]|[-+*•](?=\s)|\d{1,3}[.)](?=\s)|#{1,6}(?=\s)|\p{Extended_Pictographic}|\uFE0F|\u200D)*/u
// `| **Summary** | what happened |`: a table used as a form, labels in bold in
// its first column.
const TABLE_LABEL = /^[ \t]{0,3}\|[ \t]{0,40}(\*\*|__)([^*_|\n]{1,80}?)\1:?[ \t]{0,40}\|/u
const HTML_HEADING = /^<h([1-6])\b[^>]{0,200}>([^<]{0,200})<\/h\1>\s{0,3}$/iu

export interface Label {
  title: string
  titleSpan: Span
  /** The text after the label on the same line. */
  rest: Span
  wrapped: boolean
  /** A title alone on its line with neither colon nor emphasis ("Issue Summary"). */
  bare: boolean
}

/**
 * Whether a line reads as a title: short, no closing punctuation, its longer
 * words capitalised ("PREVENTIVE ACTIONS", "Events Timeline"). Only such
 * lines may name a section loosely, by a keyword; a sentence never does.
 */
function looksLikeTitle(text: string): boolean {
  const words = text.trim().split(/\s+/)
  return words.length <= MAX_TITLE_WORDS && !/[.!?,;]$/.test(text.trim()) && words.every((word) => word.length < 4 || !/^\p{Ll}/u.test(word))
}

/** Reads `Label:`, `**Label**` or a bare title at the start of a line, if any. */
export function readLabel(line: Span): Label | undefined {
  const cell = TABLE_LABEL.exec(line.text)
  if (cell) {
    const title = cell[2] ?? ''
    const at = line.text.indexOf(title)
    return {title, titleSpan: subspan(line, at, at + title.length), rest: stripTrailingMarkup(subspan(line, cell[0].length)), wrapped: true, bare: false}
  }
  const start = subspan(line, LABEL_LEAD.exec(line.text)?.[0].length ?? 0)
  const trimmed = stripTrailingMarkup(start)
  // Read before the closing `**` is stripped as trailing markup.
  const wrapped = WRAPPED.exec(start.text.trimEnd())
  if (wrapped) {
    const inner = wrapped[2] ?? ''
    const at = trimmed.text.indexOf(inner)
    const end = start.text.trimEnd().length
    return {title: inner.replace(/:\s*$/, ''), titleSpan: subspan(trimmed, at, at + inner.length), rest: subspan(start, end, end), wrapped: true, bare: false}
  }
  const bold = BOLD_LABEL.exec(start.text)
  const match = bold ?? PLAIN_LABEL.exec(start.text)
  if (!match) {
    if (trimmed.text.length === 0 || trimmed.text.length > MAX_BARE_TITLE || !BARE_TITLE.test(trimmed.text.replace(PARENTHESISED, ''))) return undefined
    return {title: trimmed.text, titleSpan: trimmed, rest: subspan(trimmed, trimmed.text.length), wrapped: false, bare: true}
  }
  const title = (bold ? match[2] : match[1]) ?? ''
  const at = start.text.indexOf(title)
  const rest = stripTrailingMarkup(subspan(start, match[0].length))
  return {title, titleSpan: subspan(start, at, at + title.length), rest, wrapped: Boolean(bold), bare: false}
}

function offsets(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

// With indexOf, not `/<!--[\s\S]*?-->/g`: that pattern rescans to the end of the
// text from every `<!--` when a comment is left open (quadratic, found by recheck).
function withoutComments(text: string): string {
  let kept = ''
  let from = 0
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4)
    if (close === -1) break
    kept += text.slice(from, open)
    from = close + 3
  }
  return kept + text.slice(from)
}

/** The index of the first span that ends after `offset` (spans sorted, not overlapping). */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  return firstIndexWhere(spans, (span) => span.start + span.text.length > offset)
}

// `<br>` at the end of what comes before a line on its source line.
const BREAK_BEFORE = /<br\s{0,3}\/?>[ \t]{0,40}$/i

/** Whether the line at `start` begins after a `<br>` on the same source line. */
function afterBreak(source: string, start: number): boolean {
  return BREAK_BEFORE.test(source.slice(Math.max(lineStart(source, start), start - 60), start))
}

/** The index of the first of the sorted `offsets` above `offset`. */
function firstAbove(offsets: readonly number[], offset: number): number {
  return firstIndexWhere(offsets, (value) => value > offset)
}

// GitHub's issue forms write a field left empty as `_No response_`: a
// postmortem filed as an issue says so for each section it did not fill.
const NO_RESPONSE = /^[ \t]{0,3}_No response_[ \t]{0,3}$/gm

function meaningful(source: string, start: number, end: number): boolean {
  if (end <= start) return false
  countScanned(end - start)
  const text = withoutComments(source.slice(start, end)).replace(/^[ \t]{0,3}(?:[-*_=][ \t]*){3,}$/gm, '').replace(NO_RESPONSE, '')
  return !isBlank(text)
}

interface Marker {
  kinds: SectionKind[]
  title: string
  titleSpan: Span
  style: SectionStyle
  depth: number
  marker: Span
  contentStart: number
  /** Inline labels end where their item or line ends. */
  contentEnd?: number
  /** An inline label after a `<br>`, inside a table row or a pasted entry. */
  entry?: boolean
  /**
   * A label alone in its list item (`- **Improvements:**`): what it labels
   * follows the item, up to the next label or heading.
   */
  runsOn?: boolean
}

/**
 * "Root Cause and Resolution:" followed by "Root Cause:" and "Resolution:"
 * labels of the same depth: the labels are its parts, not its end. So is a
 * label that shares a kind with the one just above it, with nothing between
 * them ("Corrective measures:" then "Improvements:"): its first part.
 */
function isPartOf(inner: Marker, outer: Marker, source: string): boolean {
  if (inner.depth !== outer.depth || inner.kinds.length === 0) return false
  if (inner.kinds.length < outer.kinds.length && inner.kinds.every((kind) => outer.kinds.includes(kind))) return true
  return inner.depth > 6 && inner.kinds.some((kind) => outer.kinds.includes(kind)) && !meaningful(source, outer.contentStart, inner.marker.start)
}

const OPENING_WORDS = 12

/**
 * Whether a reader finds the section by a name: a heading, pseudo-heading or
 * label. An unheaded opening paragraph tells the story in short, and the facts
 * in it count, but a reader looking for the summary does not find it there.
 */
export function isNamed(section: Section): boolean {
  return section.style !== 'opening'
}

/**
 * Many postmortems open with an unheaded paragraph that tells the story in
 * short, between the title and the first section: that paragraph is their
 * summary. A first heading of no known kind is the title, unless the
 * document's title is elsewhere (front matter) and that paragraph comes
 * before it: "## What happened" after the story is a section, not a title.
 */
function openingSummary(tree: Root, source: string, blocks: readonly Marker[]): Section | undefined {
  const ordered = [...blocks].sort((a, b) => a.marker.start - b.marker.start)
  const [first, second] = ordered
  const untitledFirst = first !== undefined && first.kinds.length === 0 && first.depth > 1 && first.depth <= 6
  const before = untitledFirst ? openingParagraph(tree, source, 0, first.marker.start) : undefined
  if (before) return before
  const titled = first !== undefined && first.kinds.length === 0 && first.depth <= 6
  const start = titled ? first.marker.start + first.marker.text.length : 0
  return openingParagraph(tree, source, start, (titled ? second : first)?.marker.start ?? source.length)
}

/** The first paragraph of some words in `[start, end)`, as a summary section that runs to `end`. */
function openingParagraph(tree: Root, source: string, start: number, end: number): Section | undefined {
  for (const node of tree.children) {
    const range = offsets(node)
    if (!range || range[0] < start) continue
    if (range[0] >= end) break
    if (node.type !== 'paragraph' || toString(node).split(/\s+/).length < OPENING_WORDS) continue
    const [line] = splitLines(source, range[0], range[1])
    const marker = line ?? slice(source, range[0], range[0])
    return {
      kinds: ['summary'],
      title: '',
      titleSpan: slice(source, range[0], range[0]),
      style: 'opening',
      depth: PSEUDO_HEADING_DEPTH,
      marker,
      contentStart: range[0],
      contentEnd: end,
      hasContent: true
    }
  }
  return undefined
}

/**
 * Where each block's section ends: at the next block of the same or a higher
 * depth that is not part of it. One pass with a stack of open blocks finds every
 * end: a search per section is quadratic in documents with many headings.
 * Blocks of one depth left open together each contain the next, so popping may
 * stop at the first that the new block is part of.
 */
function blockEndsOf(blocks: readonly Marker[], source: string): Map<Marker, number> {
  const blockEnds = new Map<Marker, number>()
  const open: Marker[] = []
  for (const block of [...blocks].sort((a, b) => a.marker.start - b.marker.start)) {
    for (let top = open.at(-1); top && block.depth <= top.depth && !isPartOf(block, top, source); top = open.at(-1)) {
      blockEnds.set(top, block.marker.start)
      open.pop()
    }
    open.push(block)
  }
  return blockEnds
}

/**
 * Whether a section has content of its own. A section whose only content is
 * headings of empty sub-sections is empty too: the lines of block markers
 * inside it do not count as content.
 */
function ownContentReader(blocks: readonly Marker[], source: string): (marker: Marker, contentEnd: number) => boolean {
  const lines = blocks.map((block) => block.marker).sort((a, b) => a.start - b.start)
  // Whether the text between a marker line and the next has content, read
  // once: each section rescanning the lines after it is quadratic when
  // labels run on to the end of the document.
  let reach = 0
  const ends = lines.map((line) => (reach = Math.max(reach, line.start + line.text.length)))
  const gapHasContent = lines.map((_line, index) => {
    const next = lines[index + 1]
    return next !== undefined && meaningful(source, ends[index] ?? 0, next.start)
  })
  // The first gap with content at or after each line.
  const nextContent: number[] = []
  for (let index = lines.length - 1, found = Number.POSITIVE_INFINITY; index >= 0; index--) {
    if (gapHasContent[index]) found = index
    nextContent[index] = found
  }
  return (marker, contentEnd) => {
    const from = marker.contentStart
    const index = firstEndingAfter(lines, from)
    const first = lines[index]
    if (!first || first.start >= contentEnd) return meaningful(source, from, contentEnd)
    if (meaningful(source, from, first.start)) return true
    // The last marker line that starts before the end: the gaps up to it are whole.
    const last = firstStartingAt(lines, contentEnd) - 1
    if ((nextContent[index] ?? Number.POSITIVE_INFINITY) < last) return true
    return meaningful(source, Math.max(from, ends[last] ?? from), contentEnd)
  }
}

/** The index of the first span that starts at or after `offset` (spans sorted by start). */
function firstStartingAt(spans: readonly Span[], offset: number): number {
  return firstIndexWhere(spans, (span) => span.start >= offset)
}

/** Sets the section each one stands in: "### Root cause" under "## Summary". */
function nest(sections: Section[]): void {
  const enclosing: Section[] = []
  for (const section of sections) {
    while (enclosing.length > 0 && (enclosing.at(-1)?.contentEnd ?? 0) <= section.marker.start) enclosing.pop()
    const parent = enclosing.at(-1)
    if (parent) section.parent = parent
    if (section.style !== 'inline-label') enclosing.push(section)
  }
}

/**
 * A heading named by fixes alone ("### Fixes") under the action items lists
 * fixes still to make: one of the action items, not the resolution.
 */
function readFixesInContext(sections: readonly Section[]): void {
  for (const section of sections) {
    const parentKinds = section.parent?.kinds ?? []
    if (section.kinds.length !== 1 || section.kinds[0] !== 'resolution') continue
    if (!parentKinds.includes('action-items') || parentKinds.includes('resolution')) continue
    if (namesFixesOnly(normalizeTitle(section.title))) section.kinds = ['action-items']
  }
}

/**
 * "What went wrong" stands for the root cause where nothing else does. It is
 * one of a review's lessons under a lessons section or in a document that
 * also asks "What went well", and the story of the incident beside a section
 * named for the root cause. Those are left out, as they were before the
 * title was read at all; a section under one moves up to the one above.
 */
function readWhatWentWrong(sections: readonly Section[], titles: readonly string[]): Section[] {
  const wentWrong = sections.filter((section) => asksWhatWentWrong(normalizeTitle(section.title)))
  if (wentWrong.length === 0) return [...sections]
  const reviewTrio = titles.some((title) => asksWhatWentWell(normalizeTitle(title)))
  const namedCause = sections.some((section) => section.kinds.includes('root-cause') && !wentWrong.includes(section))
  const inLessons = (section: Section): boolean => section.parent?.kinds.includes('lessons-learned') === true
  const dropped = new Set(wentWrong.filter((section) => reviewTrio || namedCause || inLessons(section)))
  for (const section of sections) {
    while (section.parent && dropped.has(section.parent)) section.parent = section.parent.parent
  }
  return sections.filter((section) => !dropped.has(section))
}

// "Remediation" names what was done to remedy the incident as often as what
// is still to do.
const REMEDIATION = /^remediations?$/

/**
 * A "Remediation" section is the resolution in a document whose action items
 * stand under a title of their own and that has no resolution otherwise:
 * the remedy was applied, the work ahead is listed elsewhere.
 */
function readRemediationInContext(sections: readonly Section[]): void {
  const remedies = sections.filter((section) => section.kinds.length === 1 && section.kinds[0] === 'action-items' && REMEDIATION.test(normalizeTitle(section.title)))
  if (remedies.length !== 1 || sections.some((section) => section.kinds.includes('resolution'))) return
  const actions = sections.some((section) => section.kinds.includes('action-items') && !remedies.includes(section))
  if (actions && remedies[0]) remedies[0].kinds = ['resolution']
}

/**
 * A label after a `<br>` inside a timeline ("| 10:05 | web<br>**Mitigation:**
 * rolled back |") describes that entry's moment: it is not a section.
 */
function withoutEntryLabels(sections: readonly Section[], entries: ReadonlySet<number>): Section[] {
  return sections.filter((section) => {
    const inTimeline = section.parent?.kinds.includes('timeline') === true && !section.kinds.includes('timeline')
    return !(inTimeline && section.style === 'inline-label' && entries.has(section.marker.start))
  })
}

// Letters of the Latin script, which the section table is written in.
const LATIN_LETTER = /\p{Script=Latin}/u
const LETTER = /\p{L}/u

/**
 * Whether most headings are written in a script the section table cannot read
 * (Japanese, Cyrillic…): a heading whose letters are mostly not Latin names
 * its section in words no synonym matches.
 */
function unreadTitles(blocks: readonly Marker[]): boolean {
  let unread = 0
  let headings = 0
  for (const block of blocks) {
    if (block.depth > 6) continue
    const letters = [...block.title].filter((char) => LETTER.test(char))
    if (letters.length === 0) continue
    headings++
    const latin = letters.filter((char) => LATIN_LETTER.test(char)).length
    if (latin * 2 < letters.length) unread++
  }
  return headings > 0 && unread * 2 > headings
}

function startsWithTime(span: Span): boolean {
  const lead = readLeadingTime(stripLeadingMarkup(span))
  return lead !== undefined && lead.kind !== 'relative'
}

/** Where a paragraph stands: opening a list item (up to `itemEnd`), in a list, or at the top. */
interface ParagraphPlace {
  itemEnd: number | undefined
  topLevel: boolean
}

/** Collects the markers of sections and the fact labels, block by block. */
class MarkerScanner {
  readonly markers: Marker[] = []
  readonly facts: FactLabelMention[] = []
  private openTimeline: Marker | undefined

  constructor(
    private readonly source: string,
    private readonly matcher: SectionMatcher
  ) {}

  scanBlocks(nodes: readonly Nodes[]): void {
    for (const node of nodes) {
      if (!node.position) continue
      switch (node.type) {
        case 'heading': this.scanHeading(node); break
        case 'html': this.scanHtml(node); break
        case 'paragraph': this.scanParagraph(node, {itemEnd: undefined, topLevel: true}); break
        case 'list': this.scanList(node); break
        case 'blockquote': this.scanBlocks(node.children); break
        default: break
      }
    }
  }

  private addBlock(marker: Marker): void {
    const open = this.openTimeline
    // A heading that starts with a time or date inside a timeline is one of its
    // entries ("### 10:05 - rollback", "### 10:40: Fix deployed"), not the end
    // of the timeline nor another section.
    if (open && !marker.kinds.includes('timeline') && (open.depth > 6 || marker.depth > open.depth) && startsWithTime(marker.marker)) return
    if (open && marker.depth <= open.depth) this.openTimeline = undefined
    this.markers.push(marker)
    if (marker.kinds.includes('timeline')) this.openTimeline = marker
  }

  private scanList(list: List): void {
    for (const item of list.children) this.scanItem(item)
  }

  private scanItem(item: ListItem): void {
    const range = offsets(item)
    if (!range) return
    item.children.forEach((child, index) => {
      if (child.type === 'paragraph') this.scanParagraph(child, {itemEnd: index === 0 ? range[1] : undefined, topLevel: false})
      else if (child.type === 'list') this.scanList(child)
    })
  }

  /** Labels at the start of a paragraph's lines. */
  private scanParagraph(paragraph: Paragraph, place: ParagraphPlace): void {
    const range = offsets(paragraph)
    if (!range) return
    const lines = splitLines(this.source, range[0], range[1])
    lines.forEach((line, index) => {
      const label = readLabel(line)
      if (label && label.title.length <= MAX_TITLE) this.scanLabel(label, lines, index, place, range[1])
    })
  }

  /** A label at the start of a line: a fact, a section of its own, or a section inside a line. */
  private scanLabel(label: Label, lines: readonly Span[], index: number, place: ParagraphPlace, paragraphEnd: number): void {
    const line = lines[index] ?? label.titleSpan
    const atItemStart = index === 0 && place.itemEnd !== undefined
    const standalone = label.rest.text === ''
    // A question alone in its paragraph is a title ("How did we fix it?").
    const titled = looksLikeTitle(label.title) || (lines.length === 1 && isQuestion(label.title))
    const kinds = this.matcher.match(label.title, label.wrapped || (standalone && titled))
    const fact = kinds.length === 0 && !label.bare ? this.matcher.factLabel(label.title) : undefined
    const lineEnd = line.start + line.text.length
    const itemEnd = atItemStart ? (place.itemEnd ?? lineEnd) : undefined
    if (fact) {
      this.addFact(fact, label, line, lines.slice(index + 1), itemEnd)
      return
    }
    if (kinds.length === 0) return
    const base = {kinds, title: label.title, titleSpan: label.titleSpan, marker: line}
    if (place.topLevel && standalone) {
      // A bold pseudo-heading or a `Label:` line alone in its paragraph marks a
      // section that runs on past its paragraph, as a heading's does.
      const style: SectionStyle = label.wrapped ? 'pseudo' : 'label'
      this.addBlock({...base, style, depth: label.wrapped || label.bare ? PSEUDO_HEADING_DEPTH : LABEL_LINE_DEPTH, contentStart: lines[index + 1]?.start ?? paragraphEnd})
      return
    }
    this.markers.push({
      ...base,
      style: 'inline-label',
      depth: INLINE_LABEL_DEPTH,
      contentStart: label.rest.start,
      contentEnd: itemEnd ?? lineEnd,
      entry: afterBreak(this.source, line.start),
      runsOn: atItemStart && standalone && isBlank(this.source.slice(lineEnd, itemEnd ?? lineEnd))
    })
  }

  /**
   * A fact runs on over wrapped lines ("Duration: 19 / hours") up to the next
   * label; one that opens a list item runs to the item's end.
   */
  private addFact(fact: FactLabel, label: Label, line: Span, following: readonly Span[], itemEnd: number | undefined): void {
    const stop = following.findIndex((other) => readLabel(other)?.bare === false)
    const last = stop === -1 ? following.at(-1) : following[stop - 1]
    const contentEnd = itemEnd ?? (last ? last.start + last.text.length : line.start + line.text.length)
    this.facts.push({label: fact, marker: line, content: slice(this.source, label.rest.start, contentEnd)})
  }

  private scanHeading(heading: Heading): void {
    const range = offsets(heading)
    if (!range) return
    const marker = slice(this.source, range[0], range[1])
    const written = toString(heading)
    const title = written.replace(/\s{0,3}:\s{0,3}$/, '')
    const titleAt = Math.max(0, marker.text.indexOf(title.slice(0, 20)))
    const style: SectionStyle = /^\s{0,3}#/.test(marker.text) ? 'atx' : 'setext'
    const base = {title, titleSpan: subspan(marker, titleAt, titleAt + title.length), style, depth: heading.depth, marker, contentStart: range[1]}
    // "# Root Cause: the broker ran out of file handles" is a label with its
    // content; "## Timeline: all times UTC" is a title with a note.
    const label = readLabel({text: title, start: 0})
    const sentence = label !== undefined && !label.bare && label.rest.text.split(/\s+/).length >= LABEL_SENTENCE_WORDS
    const kinds = sentence ? [] : this.matcher.match(title, true)
    if (kinds.length > 0) {
      this.addBlock({...base, kinds})
      return
    }
    // "# Root Cause: a typo in the config" is a label written as a heading: it
    // is content of the section it stands in, not the end of that section.
    if (label && !label.bare && label.rest.text !== '') {
      this.scanHeadingLabel(label, base)
      return
    }
    // "## The following steps were taken:" introduces what follows it.
    if (/:\s*$/.test(written)) return
    this.addBlock({...base, kinds: []})
  }

  /** A heading written as `Label: content`: a fact, or a section inside its line. */
  private scanHeadingLabel(label: Label, base: Omit<Marker, 'kinds'>): void {
    const {marker} = base
    const end = marker.start + marker.text.length
    const restAt = marker.text.indexOf(label.rest.text.slice(0, 20))
    const rest = restAt >= 0 ? subspan(marker, restAt) : slice(this.source, end, end)
    const kinds = this.matcher.match(label.title)
    const fact = kinds.length === 0 ? this.matcher.factLabel(label.title) : undefined
    if (fact) this.facts.push({label: fact, marker, content: rest})
    if (kinds.length > 0) {
      this.markers.push({...base, kinds, title: label.title, style: 'inline-label', depth: INLINE_LABEL_DEPTH, contentStart: rest.start, contentEnd: end})
    }
  }

  private scanHtml(html: Html): void {
    const range = offsets(html)
    const match = HTML_HEADING.exec(html.value.trim())
    if (!range || !match) return
    const title = match[2] ?? ''
    const marker = slice(this.source, range[0], range[1])
    const titleAt = Math.max(0, marker.text.indexOf(title))
    this.addBlock({
      kinds: this.matcher.match(title, true),
      title,
      titleSpan: subspan(marker, titleAt, titleAt + title.length),
      style: 'html',
      depth: Number(match[1]),
      marker,
      contentStart: range[1]
    })
  }
}

/** The sections of the markers found, with their content, nesting and context. */
function assembleSections(markers: readonly Marker[], source: string): Section[] {
  const blocks = markers.filter((marker) => marker.contentEnd === undefined)
  const blockEnds = blockEndsOf(blocks, source)
  const hasOwnContent = ownContentReader(blocks, source)
  const starts = markers.map((marker) => marker.marker.start).sort((a, b) => a - b)
  // Up to the line of the next marker: its bullet is not content.
  const nextMarker = (offset: number): number => {
    const next = starts[firstAbove(starts, offset)]
    return next === undefined ? source.length : Math.max(offset, lineStart(source, next))
  }
  const sections: Section[] = markers
    .filter((marker) => marker.kinds.length > 0)
    .map((marker) => {
      const contentEnd = marker.runsOn ? nextMarker(marker.marker.start) : (marker.contentEnd ?? blockEnds.get(marker) ?? source.length)
      const {contentEnd: _ignored, entry: _entry, runsOn: _runsOn, ...rest} = marker
      return {...rest, marker: trimSpan(marker.marker), contentEnd, hasContent: hasOwnContent(marker, contentEnd)}
    })
    .sort((a, b) => a.marker.start - b.marker.start)
  nest(sections)
  readFixesInContext(sections)
  readRemediationInContext(sections)
  const entries = new Set(markers.filter((marker) => marker.entry).map((marker) => marker.marker.start))
  return readWhatWentWrong(withoutEntryLabels(sections, entries), markers.map((marker) => marker.title))
}

/**
 * Finds the sections of a postmortem, however they are marked, and the fact
 * labels (`Duration:`, `Start Time:`) standing at the start of lines.
 */
export function scanSections(tree: Root, source: string, matcher: SectionMatcher): SectionScan {
  const scanner = new MarkerScanner(source, matcher)
  scanner.scanBlocks(tree.children)
  const {markers, facts} = scanner
  const sections = assembleSections(markers, source)
  const blocks = markers.filter((marker) => marker.contentEnd === undefined)
  const firstBlock = blocks.reduce((min, marker) => Math.min(min, marker.marker.start), source.length)
  const opening = sections.some((section) => section.kinds.includes('summary')) ? undefined : openingSummary(tree, source, blocks)
  if (opening) sections.unshift(opening)
  return {sections, factLabels: facts, preambleEnd: firstBlock, unreadTitles: unreadTitles(blocks)}
}
