import type {Heading, Html, List, ListItem, Nodes, Paragraph, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {type FactLabel, type SectionKind, type SectionMatcher} from './synonyms.js'
import {type Span, isBlank, slice, splitLines, stripLeadingMarkup, stripTrailingMarkup, subspan} from './text.js'
import {readLeadingTime} from './time.js'

/**
 * How a section is marked: a real heading (ATX, setext or HTML), a bold or
 * italic line standing alone (`**Timeline:**`), a plain label line
 * (`Issue Summary:`), or a label at the start of a line or list item with its
 * content after it (`- **Impact:** 30% of users`).
 */
export type SectionStyle = 'atx' | 'setext' | 'html' | 'pseudo' | 'label' | 'inline-label'

export interface Section {
  kinds: SectionKind[]
  /** The title as written, without markup. */
  title: string
  style: SectionStyle
  /** 1–6 for headings; pseudo-headings and label lines rank below any heading. */
  rank: number
  /** The line that marks the section. */
  marker: Span
  /** Where the title text stands within the marker. */
  titleSpan: Span
  contentStart: number
  contentEnd: number
  /** Whether anything but white space, comments and rules is in the section. */
  hasContent: boolean
}

export interface FactLabelMention {
  label: FactLabel
  marker: Span
  /** The text after the label, up to the end of its item or line. */
  content: Span
}

export interface SectionScan {
  sections: Section[]
  factLabels: FactLabelMention[]
  /** Offset where the first section marker starts (the end of the preamble). */
  preambleEnd: number
}

const PSEUDO_RANK = 7
const INLINE_RANK = 8
const MAX_TITLE = 80

// `**Title**`, `__Title:__`, `*Title*:` standing alone on a line.
const WRAPPED = /^(\*\*|__|\*|_)([^*_\n]{1,80}?)\1\s{0,3}:?\s{0,3}$/u
// `**Label:** rest` or `**Label**: rest`.
const BOLD_LABEL = /^(\*\*|__)([^*_:\n]{1,80}?)(?::\s{0,3}\1|\s{0,3}\1\s{0,3}:)\s{0,3}/u
// `Label: rest`.
const PLAIN_LABEL = /^([^*_:\n|]{1,80}?)\s{0,3}:(?!\/\/)\s{0,3}/u
// What may stand before a label: indentation, quotes, bullets, numbering,
// heading hashes and emoji, but not the emphasis that makes a pseudo-heading.
const LABEL_LEAD = /^(?:[\s>]|[-+*•](?=\s)|\d{1,3}[.)](?=\s)|#{1,6}(?=\s)|\p{Extended_Pictographic}|\uFE0F|\u200D)*/u
const HTML_HEADING = /^<h([1-6])\b[^>]{0,200}>([^<]{0,200})<\/h\1>\s{0,3}$/iu

interface Label {
  title: string
  titleSpan: Span
  /** The text after the label on the same line. */
  rest: Span
  wrapped: boolean
}

/** Reads `Label:` or `**Label**` at the start of a line, if any. */
function readLabel(line: Span): Label | undefined {
  const start = subspan(line, LABEL_LEAD.exec(line.text)?.[0].length ?? 0)
  const trimmed = stripTrailingMarkup(start)
  const wrapped = WRAPPED.exec(trimmed.text)
  if (wrapped) {
    const inner = wrapped[2] ?? ''
    const at = trimmed.text.indexOf(inner)
    return {title: inner.replace(/:\s*$/, ''), titleSpan: subspan(trimmed, at, at + inner.length), rest: subspan(trimmed, trimmed.text.length), wrapped: true}
  }
  const bold = BOLD_LABEL.exec(start.text)
  const match = bold ?? PLAIN_LABEL.exec(start.text)
  if (!match) return undefined
  const title = (bold ? match[2] : match[1]) ?? ''
  const at = start.text.indexOf(title)
  const rest = stripTrailingMarkup(subspan(start, match[0].length))
  return {title, titleSpan: subspan(start, at, at + title.length), rest, wrapped: Boolean(bold)}
}

function offsets(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

function meaningful(source: string, start: number, end: number): boolean {
  if (end <= start) return false
  const text = source
    .slice(start, end)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^[ \t]{0,3}(?:[-*_=][ \t]*){3,}$/gm, '')
  return !isBlank(text)
}

interface Marker {
  kinds: SectionKind[]
  title: string
  titleSpan: Span
  style: SectionStyle
  rank: number
  marker: Span
  contentStart: number
  /** Inline labels end where their item or line ends. */
  contentEnd?: number
}

/**
 * Finds the sections of a postmortem, however they are marked, and the fact
 * labels (`Duration:`, `Start Time:`) standing at the start of lines.
 */
export function scanSections(tree: Root, source: string, matcher: SectionMatcher): SectionScan {
  const markers: Marker[] = []
  const facts: FactLabelMention[] = []
  let openTimeline: Marker | undefined

  const startsWithTime = (span: Span): boolean => {
    const lead = readLeadingTime(stripLeadingMarkup(span))
    return lead !== undefined && lead.kind !== 'relative'
  }

  const addBlock = (marker: Marker): void => {
    // A heading that starts with a time or date inside a timeline is one of its
    // entries ("### 10:05 - rollback"), not the end of the timeline.
    if (openTimeline && marker.kinds.length === 0 && (openTimeline.rank === PSEUDO_RANK || marker.rank > openTimeline.rank) && startsWithTime(marker.marker)) {
      return
    }
    if (openTimeline && marker.rank <= openTimeline.rank) openTimeline = undefined
    markers.push(marker)
    if (marker.kinds.includes('timeline')) openTimeline = marker
  }

  const addFact = (label: FactLabel, marker: Span, content: Span): void => {
    facts.push({label, marker, content})
  }

  /** Labels at the start of a paragraph's lines; `itemEnd` when it opens a list item. */
  const scanParagraph = (paragraph: Paragraph, itemEnd: number | undefined, topLevel: boolean): void => {
    const range = offsets(paragraph)
    if (!range) return
    const lines = splitLines(source, range[0], range[1])
    lines.forEach((line, index) => {
      const label = readLabel(line)
      if (!label || label.title.length > MAX_TITLE) return
      const atItemStart = index === 0 && itemEnd !== undefined
      const kinds = matcher.match(label.title)
      const fact = kinds.length === 0 ? matcher.factLabel(label.title) : undefined
      const lineEnd = line.start + line.text.length
      const next = lines[index + 1]
      if (fact) {
        const contentEnd = atItemStart ? (itemEnd ?? lineEnd) : label.rest.text === '' && next ? next.start + next.text.length : lineEnd
        addFact(fact, line, slice(source, label.rest.start, contentEnd))
        return
      }
      if (kinds.length === 0) return
      if (topLevel && label.rest.text === '') {
        addBlock({
          kinds,
          title: label.title,
          titleSpan: label.titleSpan,
          style: label.wrapped ? 'pseudo' : 'label',
          rank: PSEUDO_RANK,
          marker: line,
          contentStart: next ? next.start : range[1]
        })
        return
      }
      markers.push({
        kinds,
        title: label.title,
        titleSpan: label.titleSpan,
        style: 'inline-label',
        rank: INLINE_RANK,
        marker: line,
        contentStart: label.rest.start,
        contentEnd: atItemStart ? (itemEnd ?? lineEnd) : lineEnd
      })
    })
  }

  const scanHeading = (heading: Heading): void => {
    const range = offsets(heading)
    if (!range) return
    const marker = slice(source, range[0], range[1])
    const title = toString(heading)
    const setext = !/^\s{0,3}#/.test(marker.text)
    const titleAt = Math.max(0, marker.text.indexOf(title.slice(0, 20)))
    const base = {
      title,
      titleSpan: subspan(marker, titleAt, titleAt + title.length),
      style: (setext ? 'setext' : 'atx') as SectionStyle,
      rank: heading.depth,
      marker,
      contentStart: range[1]
    }
    const kinds = matcher.match(title)
    if (kinds.length > 0) {
      addBlock({...base, kinds})
      return
    }
    // "# Root Cause: a typo in the config" is a label written as a heading.
    const label = readLabel({text: title, start: 0})
    const labelKinds = label && label.rest.text !== '' ? matcher.match(label.title) : []
    if (label && labelKinds.length > 0) {
      addBlock({...base, kinds: labelKinds, title: label.title, contentStart: range[0] + titleAt + label.rest.start})
      return
    }
    addBlock({...base, kinds: []})
  }

  const scanHtml = (html: Html): void => {
    const range = offsets(html)
    const match = HTML_HEADING.exec(html.value.trim())
    if (!range || !match) return
    const title = match[2] ?? ''
    const marker = slice(source, range[0], range[1])
    const titleAt = Math.max(0, marker.text.indexOf(title))
    addBlock({
      kinds: matcher.match(title),
      title,
      titleSpan: subspan(marker, titleAt, titleAt + title.length),
      style: 'html',
      rank: Number(match[1]),
      marker,
      contentStart: range[1]
    })
  }

  const scanList = (list: List): void => {
    for (const item of list.children) scanItem(item)
  }

  const scanItem = (item: ListItem): void => {
    const range = offsets(item)
    if (!range) return
    item.children.forEach((child, index) => {
      if (child.type === 'paragraph') scanParagraph(child, index === 0 ? range[1] : undefined, false)
      else if (child.type === 'list') scanList(child)
    })
  }

  const scanBlocks = (nodes: readonly Nodes[]): void => {
    for (const node of nodes) {
      if (!node.position) continue
      switch (node.type) {
        case 'heading': scanHeading(node); break
        case 'html': scanHtml(node); break
        case 'paragraph': scanParagraph(node, undefined, true); break
        case 'list': scanList(node); break
        case 'blockquote': scanBlocks(node.children); break
        default: break
      }
    }
  }

  scanBlocks(tree.children)

  const blocks = markers.filter((marker) => marker.contentEnd === undefined)
  const sections: Section[] = markers
    .filter((marker) => marker.kinds.length > 0)
    .map((marker) => {
      let contentEnd = marker.contentEnd
      if (contentEnd === undefined) {
        const next = blocks.find((other) => other.marker.start > marker.marker.start && other.rank <= marker.rank)
        contentEnd = next ? next.marker.start : source.length
      }
      const {contentEnd: _ignored, ...rest} = marker
      return {...rest, contentEnd, hasContent: meaningful(source, marker.contentStart, contentEnd)}
    })
    .sort((a, b) => a.marker.start - b.marker.start)

  const firstBlock = blocks.reduce((min, marker) => Math.min(min, marker.marker.start), source.length)
  return {sections, factLabels: facts, preambleEnd: firstBlock}
}
