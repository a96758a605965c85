import type {Root} from 'mdast'
import type {FactLabelMention, Section} from '../sections/sections.js'
import {statementsIn, statementsWithin, withoutFencedCode} from '../text/statements.js'
import {type DurationMention, findDurations} from '../duration/duration.js'
import {findTableImpact} from '../impact/extent.js'
import {type ImpactMention, findImpact} from '../impact/quantity.js'
import {type Span, slice, splitLines, subspan} from '../text/text.js'
import {type CalendarDate, type ClockTime, type DateOrder, MINUTES_PER_DAY, type TimeMention, dayNumber, findTimes, mayWriteClock, minuteOfDay, zoneOffset} from '../time/time.js'
import {type ZoneMention, findZones} from '../time/zones.js'
import {firstIndexWhere} from '../support/bisect.js'

/** A moment the document states outside its timeline (the start or end of the incident). */
export interface StatedMoment {
  /** Where the moment is stated; for an end reckoned from the start and the duration, the duration. */
  span: Span
  /** Whether the end was reckoned from the stated start and duration, not written. */
  reckoned?: boolean
  time: ClockTime
  date?: CalendarDate
  /** Minutes since 1970 on the same scale as the timeline's entries. */
  at: number
}

/** "The outage lasted 2 hours, from 10:00 to 12:30": a length and its range in one statement. */
export interface StatedWindow {
  duration: DurationMention
  range: TimeMention
  /** Minutes from the range's start to its end (past midnight when the end is earlier). */
  minutes: number
}

export interface StatedFacts {
  date?: {date: CalendarDate; span: Span}
  start?: StatedMoment
  end?: StatedMoment
  duration?: DurationMention
  impact: ImpactMention[]
  /** The sections impact was looked for in; empty when the whole document was. */
  impactSections: Section[]
  zones: ZoneMention[]
  /** Statements that give a duration and the range it measures, each checkable on its own. */
  windows: StatedWindow[]
  /** Minutes east of UTC assumed for times written without a zone. */
  defaultOffset: number
  /** The year assumed for dates written without one. */
  fallbackYear: number
}

// What stands before a duration that is the length of the incident.
const DURATION_CONTEXT = /\b(?:last(?:ed|ing|s)?|duration|down|outage|unavailable|total|period|span(?:ned)?|took|for|during)\b/i
// "a 2.5-hour outage": the phrase names the incident's length when the incident follows it.
const INCIDENT_AFTER = /^\s{0,2}(?:-\s{0,2})?(?:long\s{1,2})?(?:outage|incident|disruption|downtime|interruption)\b/i
// What stands before a duration that is something else ("detected after 10 minutes").
const NOT_INCIDENT_LENGTH = /\b(?:after|in|within|every|each|later|first|next|last|per|ago)\s{1,3}(?:\S{1,12}\s{1,3})?$/i

function linesOf(source: string, start: number, end: number): Span[] {
  return splitLines(source, start, end).filter((line) => /\S/.test(line.text))
}

/**
 * Figures of the impact: any in the impact and summary sections (or in the
 * whole document when it has neither), and elsewhere those that can only be
 * the impact, since a reader takes the impact from wherever it is written.
 * Code blocks are logs and commands, blanked in `prose`.
 */
function impactMentions(statements: readonly Span[], prose: string, sections: readonly Section[], impactSections: readonly Section[]): ImpactMention[] {
  // Action items are plans ("ensure zero data loss next time"), not what
  // happened; lessons learned often retell what happened, and are read.
  const inPlan = insideRanges(mergedRanges(sections, (section) => section.kinds.includes('action-items')))
  const impactRanges = impactSections.length > 0 ? mergedRanges(impactSections, () => true) : [[0, prose.length] as [number, number]]
  // Figures are read in statements, as a reader reads them: "1,200⏎users" wrapped
  // at 80 columns is one count. Impact tables are read by their rows.
  // Statements hold no code block: read from the source, they are the prose's.
  const unplanned = (ranges: ReadonlyArray<[number, number]>): Span[] => statementsWithin(statements, ranges).filter((statement) => !inPlan(statement))
  const impactText = unplanned(impactRanges)
  const tableLines = impactRanges.flatMap(([start, end]) => linesOf(prose, start, end)).filter((line) => !inPlan(line))
  const elsewhere = impactSections.length > 0 ? unplanned([[0, prose.length]]).flatMap((statement) => findImpact(statement, 'anywhere')) : []
  const reach = impactSections.length > 0 ? 'impact' : 'document'
  const seen = new Set<number>()
  return [...impactText.flatMap((statement) => findImpact(statement, reach)), ...findTableImpact(tableLines), ...elsewhere]
    .filter((mention) => {
      // Nested sections read the same lines twice, and the whole document reads them again.
      if (seen.has(mention.span.start)) return false
      seen.add(mention.span.start)
      return true
    })
    .sort((a, b) => a.span.start - b.span.start)
}

/**
 * The contents of the sections that `wanted` picks, merged into sorted,
 * disjoint ranges: nested sections, and label sections that run on to the
 * end of the document, would otherwise be read once per section (quadratic).
 */
function mergedRanges(sections: readonly Section[], wanted: (section: Section) => boolean): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const {contentStart, contentEnd} of sections
    .filter((section) => wanted(section) && section.contentEnd > section.contentStart)
    .sort((a, b) => a.contentStart - b.contentStart)) {
    const last = ranges.at(-1)
    if (last && contentStart <= last[1]) last[1] = Math.max(last[1], contentEnd)
    else ranges.push([contentStart, contentEnd])
  }
  return ranges
}

/** Whether a span starts inside one of `ranges` (sorted and disjoint), by bisection. */
function insideRanges(ranges: ReadonlyArray<[number, number]>): (span: Span) => boolean {
  return (span) => {
    const range = ranges[firstIndexWhere(ranges, ([, end]) => end > span.start)]
    return range !== undefined && span.start >= range[0]
  }
}

/** A test of whether a statement lies outside every timeline section. */
function outsideTimelines(sections: readonly Section[]): (line: Span) => boolean {
  const inTimeline = insideRanges(mergedRanges(sections, (section) => section.kinds.includes('timeline')))
  return (line) => !inTimeline(line)
}

/** The text where a postmortem states its facts: summary, fact labels, preamble. */
function statedText(statements: readonly Span[], sections: readonly Section[], preambleEnd: number): Span[] {
  const ranges: Array<[number, number]> = [[0, preambleEnd], ...mergedRanges(sections, (section) => section.kinds.includes('summary') || section.kinds.includes('impact'))]
  return statementsWithin(statements, ranges).filter(outsideTimelines(sections))
}

function isIncidentLength(line: Span, duration: DurationMention): boolean {
  const offset = duration.span.start - line.start
  const before = line.text.slice(Math.max(0, offset - 40), offset)
  if (NOT_INCIDENT_LENGTH.test(before)) return false
  // "(2 hours 30 minutes)" right after the range it measures.
  if (/\(\s{0,2}$/.test(before) && findTimes({text: before, start: 0}).length > 0) return true
  const after = line.text.slice(offset + duration.span.text.length, offset + duration.span.text.length + 30)
  return DURATION_CONTEXT.test(before) || INCIDENT_AFTER.test(after)
}

/**
 * Every statement that gives exactly one incident length
 * and exactly one range of clock times: the two measure the same stretch, and
 * a reader checks them against each other wherever they are written. Times
 * are read only where a length was found: reading every statement's times
 * would cost a chrono-node pass per paragraph.
 */
function statedWindows(statements: readonly Span[], clockTimesOf: TimesOf, durationsOf: DurationsOf): StatedWindow[] {
  const windows: StatedWindow[] = []
  for (const statement of statements) {
    const lengths = durationsOf(statement).filter((mention) => mention.qualifier !== 'bound' && isIncidentLength(statement, mention))
    if (lengths.length !== 1) continue
    const ranges = clockTimesOf(statement).filter((mention) => mention.time && mention.end?.time)
    const range = ranges[0]
    if (ranges.length !== 1 || !range?.time || !range.end?.time) continue
    let minutes = minuteOfDay(range.end.time) - minuteOfDay(range.time)
    if (range.date && range.end.date) minutes += (dayNumber(range.end.date, 2000) - dayNumber(range.date, 2000)) * MINUTES_PER_DAY
    else if (minutes < 0) minutes += MINUTES_PER_DAY
    windows.push({duration: lengths[0]!, range, minutes})
  }
  return windows
}

type TimesOf = (span: Span) => TimeMention[]
type DurationsOf = (span: Span) => DurationMention[]

function firstTime(spans: readonly Span[], timesOf: TimesOf): TimeMention | undefined {
  for (const span of spans) {
    const found = timesOf(span).find((mention) => mention.time)
    if (found) return found
  }
  return undefined
}

// "the median build went from 4:30 to 11:15": a value that changed, read as
// clock times, is no window of the incident; nor is a range marked as a
// length ("(mm:ss)", "minutes:seconds").
const CHANGED_FROM = /\b(?:went|go|goes|rose|grew|increased|jumped|climbed|spiked|dropped|fell|decreased|slowed|sped|changed|moved)\s{1,3}(?:up\s{1,3}|down\s{1,3})?from\s{1,3}$/i
const LENGTH_NOTATION = /^[^.;]{0,12}\(?(?:mm:ss|m:ss|h:mm|hh:mm:ss|minutes?:seconds?|hours?:minutes?)\)?/i

function isWindow(span: Span, mention: TimeMention): boolean {
  const start = mention.span.start - span.start
  const end = (mention.end?.span.start ?? mention.span.start) - span.start + (mention.end?.span.text.length ?? mention.span.text.length)
  return !CHANGED_FROM.test(span.text.slice(Math.max(0, start - 40), start)) && !LENGTH_NOTATION.test(span.text.slice(end, end + 40))
}

function firstRange(spans: readonly Span[], timesOf: TimesOf): TimeMention | undefined {
  for (const span of spans) {
    const found = timesOf(span).find((mention) => mention.time && mention.end?.time && isWindow(span, mention))
    if (found) return found
  }
  return undefined
}

// What leads into a statement's opening time: markup, "On", "At", "Beginning at", "Starting at".
const OPENING = /^[\s*_>#-]{0,6}(?:(?:beginning|starting)\s{1,3})?(?:(?:on|at|around)\s)?$/i
// "…, until 5:01 PM": the end of what the statement's opening time started.
const UNTIL = /\b(?:until|till)\s{1,3}(?:about\s{1,3}|around\s{1,3})?$/i

/**
 * "At 3:00 PM Eastern time, the release failed … until 5:01 PM." A summary
 * that opens on a clock time tells when the incident began; "until" a later
 * time in the same statement tells when it ended. Only the first statement
 * that holds a time is read: later times in a summary are milestones.
 */
function openingWindow(spans: readonly Span[], timesOf: TimesOf): {start: TimeMention; end?: TimeMention} | undefined {
  const statement = spans.find((span) => timesOf(span).some((mention) => mention.time))
  if (!statement) return undefined
  const times = timesOf(statement).filter((mention) => mention.time)
  const first = times[0]
  if (!first || !OPENING.test(statement.text.slice(0, first.span.start - statement.start))) return undefined
  const end = times.slice(1).find((mention) => UNTIL.test(statement.text.slice(0, mention.span.start - statement.start)))
  return end ? {start: first, end} : {start: first}
}

// "started at 14:02 UTC and ended at 14:47 UTC": the verb before each time says which end of the window it is.
const STARTED = /\b(?:start(?:ed|s)?|began|begins|beginning)\s{1,3}(?:at\s{1,3}|around\s{1,3}|about\s{1,3}|on\s{1,3})?$/i
const ENDED = /\b(?:end(?:ed|s)?|resolved|recovered|restored|mitigated|fixed|finished|stopped|was\s{1,3}over)\s{1,3}(?:at\s{1,3}|by\s{1,3}|around\s{1,3}|about\s{1,3}|on\s{1,3})?$/i

/**
 * A statement that says when something started and when it ended, each
 * time after its verb: "The incident started at 14:02 UTC and ended at
 * 14:47 UTC". Both must be there: "the job started at 02:00" alone may be
 * any job's start.
 */
function verbWindow(spans: readonly Span[], timesOf: TimesOf): {start: TimeMention; end: TimeMention} | undefined {
  for (const statement of spans) {
    const times = timesOf(statement).filter((mention) => mention.time && !mention.end)
    if (times.length < 2) continue
    const before = (mention: TimeMention): string => statement.text.slice(Math.max(0, mention.span.start - statement.start - 40), mention.span.start - statement.start)
    const start = times.find((mention) => STARTED.test(before(mention)))
    const end = start && times.find((mention) => mention.span.start > start.span.start && ENDED.test(before(mention)))
    if (start && end) return {start, end}
  }
  return undefined
}

function contentOf(facts: readonly FactLabelMention[], label: FactLabelMention['label']): Span[] {
  return facts.filter((fact) => fact.label === label).map((fact) => fact.content)
}

function firstZoneOffset(zones: readonly ZoneMention[]): number | undefined {
  for (const zone of zones) {
    const offset = zoneOffset(zone.name)
    if (offset !== undefined) return offset
  }
  return undefined
}

export type StatedMentions = Omit<StatedFacts, 'start' | 'end'> & {
  startMention?: TimeMention
  endMention?: TimeMention
}

/**
 * Reads each statement once, however many readers ask: the stated lines are
 * searched for a range, then for a date, and for a length, and the windows
 * read the same statements, whole where a section's piece of them is the
 * whole (another object, the same start and text).
 */
function memoisedBySpan<Value>(read: (span: Span) => Value): (span: Span) => Value {
  const found = new Map<number, Map<string, Value>>()
  return (span) => {
    let byText = found.get(span.start)
    if (!byText) found.set(span.start, (byText = new Map()))
    if (byText.has(span.text)) return byText.get(span.text) as Value
    const value = read(span)
    byText.set(span.text, value)
    return value
  }
}

/** `timesOf` for readers that want clock times: chrono-node is not asked where none is written. */
function clockTimes(timesOf: TimesOf): TimesOf {
  return (span) => (mayWriteClock(span.text) ? timesOf(span) : [])
}

interface StatedWindowMentions {
  start?: TimeMention | undefined
  end?: TimeMention | undefined
}

/** The start and end as labelled, else a range in the stated text, else a summary's opening time. */
function statedStartAndEnd(factLabels: readonly FactLabelMention[], durationLines: readonly Span[], stated: readonly Span[], timesOf: TimesOf): StatedWindowMentions {
  let start: TimeMention | undefined = firstTime(contentOf(factLabels, 'start'), timesOf)
  let end = firstTime(contentOf(factLabels, 'end'), timesOf)
  if (!start || !end) {
    const range = firstRange([...durationLines, ...stated], timesOf)
    if (range?.end?.time) {
      start ??= {...range, span: range.span}
      // An end without a date of its own is placed after the start (placeMoments).
      end ??= {span: range.end.span, time: range.end.time, ...(range.end.date ? {date: range.end.date} : {})}
    }
  }
  if (!start && !end) {
    const window = verbWindow(stated, timesOf) ?? openingWindow(stated, timesOf)
    return {start: window?.start, end: window?.end}
  }
  return {start, end}
}

/** A duration the text states as the incident's length, when no label gives one. */
function statedLength(stated: readonly Span[], durationsOf: DurationsOf): DurationMention | undefined {
  for (const line of stated) {
    const duration = durationsOf(line).find((mention) => isIncidentLength(line, mention))
    if (duration) return duration
  }
  return undefined
}

/**
 * A date the text states beats the front matter's, which may be the day a
 * post was published ("incident on 17th June 2019" in a post of July 2).
 */
function statedDate(
  factLabels: readonly FactLabelMention[],
  titles: readonly Span[],
  start: TimeMention | undefined,
  stated: readonly Span[],
  timesOf: TimesOf,
  order: DateOrder
): TimeMention | undefined {
  const firstDate = (lines: readonly Span[]): TimeMention | undefined => lines.flatMap((line) => findTimes(line, order)).find((mention) => mention.date)
  const dateLabels = factLabels.filter((fact) => fact.label === 'date')
  return (
    firstDate(dateLabels.filter((fact) => !fact.inFrontMatter).map((fact) => fact.content)) ??
    firstDate(titles) ??
    (start?.date ? start : undefined) ??
    stated.flatMap(timesOf).find((mention) => mention.date) ??
    firstDate(dateLabels.filter((fact) => fact.inFrontMatter).map((fact) => fact.content))
  )
}

/** The date of the first date label (front matter included) that gives a year. */
function firstDatedLabel(factLabels: readonly FactLabelMention[], timesOf: TimesOf): CalendarDate | undefined {
  for (const fact of factLabels) {
    if (fact.label !== 'date') continue
    const date = timesOf(fact.content).find((mention) => mention.date?.year !== undefined)?.date
    if (date) return date
  }
  return undefined
}

const YEAR = /(?<![\p{L}\p{N}.\/:-])(?:19|20)\d{2}(?![\p{L}\p{N}.\/:-])/u

/** A year the document's title names ("March 2024 availability report"), if one. */
function yearOfTitle(titles: readonly Span[]): number | undefined {
  for (const title of titles) {
    const year = YEAR.exec(title.text)?.[0]
    if (year) return Number(year)
  }
  return undefined
}

/** The year of a day written without one, on or before `context` (a post written days after the incident). */
function yearBefore(date: CalendarDate, context: CalendarDate): number {
  const year = context.year ?? 2000
  const later = date.month > context.month || (date.month === context.month && date.day > context.day)
  return later ? year - 1 : year
}

/**
 * Reads what the document states outside its timeline: when the incident
 * started and ended, how long it lasted, on which date, and how many were
 * affected.
 */
export function extractStatedFacts(
  tree: Root,
  source: string,
  sections: readonly Section[],
  factLabels: readonly FactLabelMention[],
  preambleEnd: number,
  order: DateOrder = 'month-first',
  /** The document's title: its front matter `title`, or the heading before its first section. */
  titles: readonly Span[] = []
): StatedMentions {
  // The document's statements, read once for every reader below.
  const statements = statementsIn(tree, source, 0, source.length)
  const stated = statedText(statements, sections, preambleEnd)
  const durationLines = contentOf(factLabels, 'duration')
  const timesOf = memoisedBySpan((span) => findTimes(span, order))
  const durationsOf = memoisedBySpan(findDurations)
  const clockTimesOf = clockTimes(timesOf)
  let {start: startMention, end: endMention} = statedStartAndEnd(factLabels, durationLines, stated, clockTimesOf)
  const labelledDuration = durationLines.flatMap((line) => findDurations(line))[0]
  // "Date/time: 2023-08-26 21:14" beside "Duration: 15 hours 40 minutes" is
  // the window of the incident; alone, a dated label may be the report's date
  // or a log record's.
  if (labelledDuration) startMention ??= firstTime([...contentOf(factLabels, 'date'), ...durationLines], clockTimesOf)
  const duration = labelledDuration ?? statedLength(stated, durationsOf)
  let dateMention = statedDate(factLabels, titles, startMention, stated, timesOf, order)

  const impactSections = sections.filter((section) => section.kinds.includes('impact') || section.kinds.includes('summary'))
  // A `Z` in a pasted log names no zone for the author's own times.
  const prose = withoutFencedCode(tree, source)
  const zones = findZones(slice(prose, 0, prose.length))
  const explicitOffset =
    [startMention?.time, endMention?.time].find((time) => time?.offset !== undefined)?.offset ??
    firstZoneOffset(zones)
  // "Last Tuesday, April 15" in a post dated 2025-04-22 is in 2025.
  const dated = firstDatedLabel(factLabels, timesOf)
  if (dateMention?.date && dateMention.date.year === undefined) {
    // "March 14" under "# March 2024 availability report" is in the title's year.
    const year = dated?.year !== undefined ? yearBefore(dateMention.date, dated) : yearOfTitle(titles)
    // A copy: the mention is also the one every other reader of that statement gets.
    if (year !== undefined) dateMention = {...dateMention, date: {...dateMention.date, year}}
  }
  const year = [dateMention?.date?.year, startMention?.date?.year].find((value) => value !== undefined)

  const result: StatedMentions = {
    impact: impactMentions(statements, prose, sections, impactSections),
    impactSections,
    zones,
    windows: statedWindows(statements, clockTimesOf, durationsOf),
    defaultOffset: explicitOffset ?? 0,
    fallbackYear: year ?? 2000
  }
  if (startMention) result.startMention = startMention
  if (endMention) result.endMention = endMention
  if (duration) result.duration = duration
  if (dateMention?.date) result.date = {date: dateMention.date, span: dateMention.span}
  return result
}

/**
 * "Start: 21:14, Duration: 15 hours 40 minutes" states the end as surely as
 * writing it would; an approximate or bounding duration does not.
 */
function reckonEnd(start: StatedMoment | undefined, duration: DurationMention | undefined): StatedMoment | undefined {
  if (!start || duration?.qualifier !== 'exact') return undefined
  const minute = Math.round(minuteOfDay(start.time) + duration.minutes) % MINUTES_PER_DAY
  const time: ClockTime = {hour: Math.floor(minute / 60), minute: minute % 60, second: 0}
  if (start.time.offset !== undefined) time.offset = start.time.offset
  return {span: duration.span, time, at: start.at + duration.minutes, reckoned: true}
}

/** Places a stated start and end on the timeline's scale. */
export function placeMoments(
  startMention: TimeMention | undefined,
  endMention: TimeMention | undefined,
  anchor: CalendarDate | undefined,
  defaultOffset: number,
  fallbackYear: number,
  duration?: DurationMention
): {start?: StatedMoment; end?: StatedMoment} {
  const place = (mention: TimeMention | undefined, day: CalendarDate | undefined): StatedMoment | undefined => {
    if (!mention?.time) return undefined
    const date = mention.date ?? day
    const moment: StatedMoment = {
      span: mention.span,
      time: mention.time,
      at: (date ? dayNumber(date, fallbackYear) : 0) * MINUTES_PER_DAY + minuteOfDay(mention.time) - (mention.time.offset ?? defaultOffset)
    }
    if (mention.date) moment.date = mention.date
    return moment
  }
  const start = place(startMention, anchor)
  let end = place(endMention, startMention?.date ?? anchor) ?? reckonEnd(start, duration)
  // "from 23:30 to 01:10": an end without a date before its start is on the next day.
  if (start && end && !endMention?.date && end.at < start.at) end = {...end, at: end.at + MINUTES_PER_DAY}
  const moments: {start?: StatedMoment; end?: StatedMoment} = {}
  if (start) moments.start = start
  if (end) moments.end = end
  return moments
}
