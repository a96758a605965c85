import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {memoPerObject, memoPerOptions} from './support/memo.js'
import {type StatedFacts, extractStatedFacts, placeMoments} from './facts/stated-facts.js'
import {frontMatterFactLabels, frontMatterTitle} from './front-matter.js'
import {looksLikePostmortem} from './postmortem-signs.js'
import {type FactLabelMention, type Section, scanSections} from './sections/sections.js'
import {type SectionKind, type SectionMatcher, type SynonymOption, createSectionMatcher} from './sections/synonyms.js'
import {tableFactLabels} from './text/tables.js'
import {type RecordFields, readRecordFields} from './facts/record-fields.js'
import {type ActionItem, DEFAULT_VAGUE_VERBS, actionItemsOf} from './action-items.js'
import {type CauseReading, readCause, readTags} from './causes/cause.js'
import {type TitledLine, titledLines} from './template/titles.js'
import {type FilledField, filledFields} from './template/fields.js'
import {type Span, markdownText, slice, spanEnd, splitLines, stripLeadingMarkup, stripTrailingMarkup} from './text/text.js'
import {type Timeline, buildTimeline, unnamedLog} from './timeline/timeline.js'
import {type DateOrder, type TimeMention, dateOrderOf, dayNumber} from './time/time.js'

/** Everything the rules know about a postmortem, read in one pass. */
export interface PostmortemModel {
  source: string
  sections: Section[]
  factLabels: FactLabelMention[]
  timeline: Timeline
  stated: StatedFacts
  /** Clock times the document states, in the timeline or outside it. */
  clockTimes: Span[]
  /** How the document writes numeric dates (03/04/2024), from its unambiguous ones. */
  dateOrder: DateOrder
  /** The document's title: a heading before its first section, else its front matter `title`. */
  title?: Span
  sectionsOf(kind: SectionKind): Section[]
  /** Most headings are in a script the section table does not read (Japanese, Cyrillic…). */
  unreadTitles: boolean
  /** Whether anything in the document tells of an incident (see `looksLikePostmortem`): a README does not. */
  looksLikePostmortem: boolean
  /** Its summary's first statement, severity and contact, read on first call: the rules do not need them. */
  recordFields(): RecordFields
  /** Its action items, read on first call as the `action-items` rule reads them. */
  actionItems(): ActionItem[]
  /** The cause it gives and the words to compare it by, read on first call: the rules do not need it. */
  cause(): CauseReading | undefined
  /** Its front matter's tags and categories, read on first call. */
  tags(): (Span & {names: string[]}) | undefined
  /** Every title it gives a part of itself, known to the section table or not; read on first call, for a template's sections. */
  titledLines(): TitledLine[]
  /** What it states under a label (`Severity: SEV-2`, `| Owner | Ana |`, front matter); read on first call, for a template's fields. */
  fields(): FilledField[]
}

/**
 * A time with the end of its range: a zone written after `07:50` of
 * `07:50-08:30` would read as an offset (`07:50 UTC-08:30`).
 */
function throughRangeEnd(source: string, stamp: Span, mention: TimeMention): Span {
  const end = mention.end?.span
  return end && end.start >= spanEnd(stamp) && end.start - spanEnd(stamp) <= 12 ? slice(source, stamp.start, spanEnd(end)) : stamp
}

// A heading before the first section: the title, which often carries the
// date (`# 2019-02-05 Partial outage`). A top-level one is surely the title;
// a post keeps its title in the front matter; else any heading up there.
const TOP_HEADING = /^[ \t]{0,3}#[ \t]/
const ANY_HEADING = /^[ \t]{0,3}#{1,6}[ \t]/

function titleOf(tree: Root, source: string, preambleEnd: number): Span | undefined {
  // Not the front matter's own lines, where `# …` is a YAML comment.
  const first = tree.children[0]
  const bodyStart = first?.type === 'yaml' || (first?.type as string) === 'toml' ? (first?.position?.end.offset ?? 0) : 0
  const lines = splitLines(source, bodyStart, Math.max(bodyStart, preambleEnd))
  const line = lines.find((candidate) => TOP_HEADING.test(candidate.text))
  if (line) return stripTrailingMarkup(stripLeadingMarkup(line))
  const other = lines.find((candidate) => ANY_HEADING.test(candidate.text))
  return frontMatterTitle(tree, source) ?? (other ? stripTrailingMarkup(stripLeadingMarkup(other)) : undefined)
}

// Building a matcher normalises every known title.
const matchers = memoPerOptions<SectionMatcher>()

function matcherFor(synonyms: SynonymOption): SectionMatcher {
  return matchers(JSON.stringify(synonyms), () => createSectionMatcher(synonyms))
}

export function buildModel(tree: Root, source: string, synonyms: SynonymOption = {}): PostmortemModel {
  const matcher = matcherFor(synonyms)
  const scan = scanSections(tree, source, matcher)
  const factLabels = [
    ...frontMatterFactLabels(tree, source, (title) => matcher.factLabel(title)),
    ...scan.factLabels,
    ...tableFactLabels(tree, source, (title) => matcher.factLabel(title))
  ]
  // 03/04/2024 is read as the document's unambiguous numeric dates are written.
  const order = dateOrderOf(source)
  const title = titleOf(tree, source, scan.sections[0]?.marker.start ?? source.length)
  const {startMention, endMention, ...stated} = extractStatedFacts(tree, source, scan.sections, factLabels, scan.preambleEnd, order, title ? [title] : [])
  const statedDay = startMention?.date ?? stated.date?.date
  const log = scan.sections.some((section) => section.kinds.includes('timeline')) ? undefined : unnamedLog(tree, source)
  const timeline = buildTimeline(
    tree,
    source,
    log ? [...scan.sections, log] : scan.sections,
    stated.defaultOffset,
    stated.fallbackYear,
    statedDay ? dayNumber(statedDay, stated.fallbackYear) : 0,
    order
  )
  // A start written without a date is on the day the timeline starts.
  const anchor = statedDay ?? timeline.timed.find((entry) => entry.date)?.date
  const facts: StatedFacts = {
    ...stated,
    ...placeMoments(startMention, endMention, anchor, stated.defaultOffset, stated.fallbackYear, stated.duration)
  }
  const clockTimes = [
    ...timeline.entries.flatMap((entry) => (entry.mention?.time && entry.timestamp ? [throughRangeEnd(source, entry.timestamp, entry.mention)] : [])),
    ...[facts.start?.span, facts.end?.span].filter((span): span is Span => span !== undefined)
  ].sort((a, b) => a.start - b.start)

  let recordFields: RecordFields | undefined
  let cause: {reading: CauseReading | undefined} | undefined
  let titled: TitledLine[] | undefined
  let fields: FilledField[] | undefined
  const model: PostmortemModel = {
    source,
    sections: scan.sections,
    factLabels,
    timeline,
    stated: facts,
    clockTimes,
    dateOrder: order,
    ...(title ? {title} : {}),
    sectionsOf: (kind) => scan.sections.filter((section) => section.kinds.includes(kind)),
    unreadTitles: scan.unreadTitles,
    recordFields: () => (recordFields ??= readRecordFields(tree, source, scan.sections.filter((section) => section.kinds.includes('summary') && section.hasContent))),
    actionItems: () => actionItemsOf(tree, model, {vagueVerbs: DEFAULT_VAGUE_VERBS}),
    cause: () => (cause ??= {reading: readCause(tree, source, scan.sections)}).reading,
    tags: () => readTags(tree, source),
    titledLines: () => (titled ??= titledLines(tree, source)),
    fields: () => (fields ??= filledFields(tree, source)),
    looksLikePostmortem: looksLikePostmortem({tree, source, sections: scan.sections, factLabels, timeline, facts, clockTimes, unreadTitles: scan.unreadTitles, matcher})
  }
  return model
}

// One model per tree and synonym table, dropped with the tree.
const models = memoPerObject<Root, PostmortemModel>()

export function getModel(tree: Root, file: VFile, synonyms: SynonymOption = {}): PostmortemModel {
  return models(tree, JSON.stringify(synonyms), () => buildModel(tree, markdownText(file), synonyms))
}
