import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import {parseInParts} from '../../parse/parse-in-parts.js'
import {location} from 'vfile-location'
import type {DurationQualifier} from '../duration/duration.js'
import {type Milestone, type MilestoneKind, type Milestones, getMilestones} from '../timeline/milestones.js'
import {type PostmortemModel, buildModel, getModel} from '../model.js'
import type {ImpactKind} from '../impact/quantity.js'
import type {Section, SectionStyle} from '../sections/sections.js'
import type {SectionKind, SynonymOption} from '../sections/synonyms.js'
import {type Span, subspan} from '../text/text.js'
import {type CalendarDate, type ClockTime, type DateOrder, findTimes, formatClock, formatDate, zoneOffset} from '../time/time.js'
import type {ActionItem} from '../action-items.js'
import type {TimelineEntry} from '../timeline/timeline.js'
import type {ZoneMention} from '../time/zones.js'

export type {MilestoneKind} from '../timeline/milestones.js'
export type {Position} from 'unist'

/** Text of the document and where it stands (1-based lines and columns, 0-based offsets). */
export interface Located {
  /** The text as written. */
  text: string
  position: Position
}

/**
 * A moment of the incident: a clock time, and its day when the document gives
 * one, in the document's own time zone.
 */
export interface FactMoment extends Located {
  /**
   * The day, `2024-02-16`; `--02-16` when the document never gives the year;
   * absent when it gives no date at all.
   */
  date?: string
  /** The clock time, 24-hour: `10:00` or `10:00:30`; absent when only the day is known. */
  time?: string
  /** Minutes east of UTC, when the document names a zone (for this time or for the whole document) and the time is known. */
  utcOffset?: number
  /**
   * ISO 8601, when the date and year are known: `2024-02-16T13:00+03:00`,
   * `2024-02-16T10:00Z`, `2024-02-16T10:00` (local time) when no zone is named,
   * or `2024-02-16` when only the day is known.
   */
  iso?: string
  /**
   * Minutes since 1970-01-01 00:00 UTC (in local time when no zone is named),
   * for arithmetic between moments of the same document. A moment whose date
   * is unknown is placed on the day of the incident, or on 1970-01-01; one
   * known only to the day, at its midnight.
   */
  minutes: number
}

/**
 * Where the start or end comes from: stated outside the timeline, a timeline
 * entry whose words mark it (`START OF OUTAGE`, `resolved`), or the
 * timeline's earliest entry.
 */
export type MomentSource = 'stated' | 'milestone' | 'first-entry'

export interface SourcedMoment extends FactMoment {
  source: MomentSource
}

/** A milestone of the timeline: the entry's moment and the words that make it one. */
export interface MilestoneFact extends FactMoment {
  /** Index of the entry in `timeline`. */
  entry: number
  /** The words that say what happened (`paged`, `rolled back`). */
  cue: Located
}

export interface DurationFact extends Located {
  minutes: number
  /** `approximate` for "about 2 hours", `bound` for "under 3 hours". */
  qualifier: DurationQualifier
}

export interface ImpactFigure extends Located {
  /** `everyone` for "all users", counted as 100 percent. */
  kind: ImpactKind
  /** The percentage or count; absent for "hundreds of users". */
  value?: number
  /** What was counted (`users`, `requests`), when the text says it. */
  noun?: string
}

export interface ImpactFacts {
  /** Shares of who or what was affected (`30%`, `all users`). */
  percentages: ImpactFigure[]
  /** Numbers of who or what was affected (`1,200 requests`, `hundreds of users`). */
  counts: ImpactFigure[]
}

export interface TimeZoneFact extends Located {
  /** The zone as written: `UTC`, `EAT`, `GMT+1`, `Pacific time`. */
  name: string
  /** Minutes east of UTC, when the zone is known. */
  utcOffset?: number
}

export interface TimelineEntryFact extends Located {
  /** How the entry starts: with a time, a date only, a relative time, an impossible time, or nothing. */
  kind: TimelineEntry['kind']
  /** Where the entry was written: a list item, a table row, a line or a sub-heading. */
  source: TimelineEntry['source']
  /** The entry's moment, when it starts with a time (or a date only, then `time` is `00:00`). */
  moment?: FactMoment
  /** Whether the moment is known to the minute or only to the day. */
  precision?: 'minute' | 'day'
  /** What the entry's words say it is. */
  milestones: MilestoneKind[]
}

export interface SectionFact extends Located {
  /** What the section is; two kinds for "Root Cause and Resolution". */
  kinds: SectionKind[]
  /** The title without markup. */
  title: string
  /** How the section is marked: a real heading or a pseudo-heading, label line or inline label. */
  style: SectionStyle
  /** The heading depth (1–6); absent for pseudo-headings and labels. */
  depth?: number
  /** Where the section's content stands, from after its heading to the next section. */
  contentPosition: Position
  hasContent: boolean
}

/** An action item: its first line as written (markup around it left out), and what makes it trackable. */
export interface ActionItemFact extends Located {
  /** Marked done (`[x]`, `(done)`, a done status) or told as done ("Added …"). */
  done: boolean
  owner?: Located
  /** A link, issue number or ticket key. */
  tracking?: Located
  /** The due date as written; `date` (`2024-05-01`, `--05-01` without a year) when it names a day. */
  due?: Located & {date?: string}
}

/** The facts of one postmortem, each with its place in the document. */
export interface IncidentFacts {
  /** The heading before the first section (`# Checkout outage of May 3`), without its markup. */
  title?: Located
  /** The day of the incident: a stated date, the start's date, or the timeline's first date. */
  date?: Located & {value: string}
  /** The stated start, or the timeline entry that says the outage began, or the timeline's earliest entry. */
  start?: SourcedMoment
  /** The earliest timeline entry that tells of the incident being detected (detected, alerted, noticed, paged…). */
  detection?: MilestoneFact
  /** The earliest entry, at or after the detection, that tells of impact being reduced (mitigated, rolled back, restored…). */
  mitigation?: MilestoneFact
  /** The stated end, or the latest timeline entry that tells of the incident being over (resolved, back to normal…). */
  end?: SourcedMoment
  /** The duration the document states. */
  duration?: DurationFact
  /** Minutes from start to detection; absent when either is unknown or the detection comes first. */
  timeToDetect?: number
  /** Minutes from start to mitigation; absent when either is unknown or the mitigation comes first. */
  timeToMitigate?: number
  /** Minutes from start to end; the stated duration when either is unknown. */
  timeToResolve?: number
  impact: ImpactFacts
  /** The time zone the document's times are in: the first zone it names that is known, else the first it names. */
  timeZone?: TimeZoneFact
  /** Every timeline entry, in document order. */
  timeline: TimelineEntryFact[]
  /** Every recognised section, in document order. */
  sections: SectionFact[]
  /** The first statement of the summary section, as written. */
  summary?: Located
  /** The severity a `Severity:` line, table row or front matter field gives, as written; `level` when it is a number from 0 to 5 (`SEV-2`, `P1`, `3`). */
  severity?: Located & {level?: number}
  /** Who to ask: the front matter's `contact`, `owner` or `authors`, with `names` in order. */
  contact?: Located & {names: string[]}
  /** The items of the action-items sections, in document order. */
  actionItems: ActionItemFact[]
  /** The cause the document gives: the first statement of its root-cause section, or the summary's statement of what caused the incident. */
  cause?: CauseFact
  /** The front matter's `tags` and `categories`, lower case, located at the first of those fields. */
  tags?: Located & {names: string[]}
}

/** The cause as written, the noun phrase that names it, and the stems it is compared by. */
export interface CauseFact extends Located {
  /** The noun phrase naming the cause: `misconfigured firewall rule`. */
  phrase?: Located
  /** Stems of the phrase's content words: `configur`, `firewall`, `rul`. */
  keyTerms: string[]
  /** Stems of the content words of the cause's first sentences. */
  terms: string[]
  /** Stems of neighbouring content words of those sentences: `deposit contract`. */
  compounds: string[]
}

export interface ExtractOptions {
  /** Extra section titles, as the rules' `synonyms` option takes them. */
  synonyms?: SynonymOption
}

type Locate = (start: number, end: number) => Position

function locatorOf(source: string): Locate {
  const points = location(source)
  return (start, end) => {
    const from = points.toPoint(start) ?? {line: 1, column: 1, offset: 0}
    const to = points.toPoint(end) ?? from
    return {start: from, end: to}
  }
}

/** What every moment of one document shares: its zone, year and day. */
interface Calendar {
  locate: Locate
  /** Minutes east of UTC for times written without a zone; undefined when the document names none. */
  offset?: number
  /** Whether the document states the year of the incident. */
  yearKnown: boolean
}

function dateString(year: number, month: number, day: number, yearKnown: boolean): string {
  return formatDate(yearKnown ? {year, month, day} : {month, day}).replace(/^(?=\d{2}-\d{2}$)/, '--')
}

/** `Z`, `+03:00`, `-05:30`: minutes east of UTC as ISO 8601 writes them. */
export function formatOffset(offset: number): string {
  if (offset === 0) return 'Z'
  const sign = offset < 0 ? '-' : '+'
  const absolute = Math.abs(offset)
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`
}

/**
 * `time` is undefined when only the day is known; `day` is the date the
 * moment was placed on, its own or the incident's, undefined when unknown.
 */
function momentOf(calendar: Calendar, span: Span, minutes: number, time: ClockTime | undefined, day: CalendarDate | undefined): FactMoment {
  const moment: FactMoment = {...located(calendar, span), minutes}
  // Days are placed at their midnight whatever the zone.
  const utcOffset = time ? (time.offset ?? calendar.offset) : undefined
  const local = new Date((minutes + (utcOffset ?? 0)) * 60_000)
  // The clock of the moment as placed, not as written: "1:25" after "12:35" in
  // a timeline without meridiems is 13:25 (timeline.ts).
  if (time) moment.time = formatClock({...time, hour: local.getUTCHours(), minute: local.getUTCMinutes()})
  if (utcOffset !== undefined) moment.utcOffset = utcOffset
  const yearKnown = day?.year !== undefined || calendar.yearKnown
  if (day !== undefined) {
    moment.date = dateString(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), yearKnown)
    if (yearKnown) moment.iso = moment.time ? `${moment.date}T${moment.time}${utcOffset === undefined ? '' : formatOffset(utcOffset)}` : moment.date
  }
  return moment
}

function located(calendar: Calendar, span: Span): Located {
  const text = span.text.trim()
  const start = span.start + (span.text.length - span.text.trimStart().length)
  return {text, position: calendar.locate(start, start + text.length)}
}

function entryMoment(calendar: Calendar, entry: TimelineEntry, statedDay: CalendarDate | undefined): FactMoment | undefined {
  if (entry.epochMinute === undefined) return undefined
  const time = entry.precision === 'minute' ? entry.mention?.time : undefined
  return momentOf(calendar, entry.timestamp ?? entry.line, entry.epochMinute, time, entry.date ?? statedDay)
}

function differenceOf(from: FactMoment | undefined, to: FactMoment | undefined): number | undefined {
  if (!from || !to) return undefined
  const minutes = to.minutes - from.minutes
  return minutes >= 0 ? minutes : undefined
}

/** A zone the document names, with its offset when the name is one we know. */
interface NamedZone {
  zone: ZoneMention
  offset: number | undefined
}

/** The facts being read: the document's calendar and its timeline entries as facts, found once. */
interface FactReading {
  model: PostmortemModel
  calendar: Calendar
  timeline: TimelineEntryFact[]
  entryIndex: Map<TimelineEntry, number>
}

/** The document's calendar: its zone is the one stated with the start or end, else the first known zone it names. */
function calendarOf(model: PostmortemModel, knownZone: NamedZone | undefined): Calendar {
  const {stated: facts} = model
  const offset = facts.start?.time.offset ?? facts.end?.time.offset ?? knownZone?.offset
  const calendar: Calendar = {
    locate: locatorOf(model.source),
    yearKnown: [facts.date?.date.year, facts.start?.date?.year].some((year) => year !== undefined)
  }
  if (offset !== undefined) calendar.offset = offset
  return calendar
}

function timelineFactsOf(model: PostmortemModel, calendar: Calendar, milestones: Milestones): TimelineEntryFact[] {
  const statedDay = model.stated.start?.date ?? model.stated.date?.date
  return model.timeline.entries.map((entry) => {
    const fact: TimelineEntryFact = {
      ...located(calendar, entry.line),
      kind: entry.kind,
      source: entry.source,
      milestones: milestones.kinds.get(entry) ?? []
    }
    const moment = entryMoment(calendar, entry, statedDay)
    if (moment) fact.moment = moment
    if (entry.precision) fact.precision = entry.precision
    return fact
  })
}

/** A milestone as a fact: only when its entry has a moment. */
function milestoneFactOf(reading: FactReading, milestone: Milestone | undefined): MilestoneFact | undefined {
  const index = milestone ? reading.entryIndex.get(milestone.entry) : undefined
  const moment = index === undefined ? undefined : reading.timeline[index]?.moment
  if (!milestone || index === undefined || !moment) return undefined
  return {...moment, entry: index, cue: located(reading.calendar, milestone.cue)}
}

function sectionFactOf(calendar: Calendar, section: Section): SectionFact {
  const fact: SectionFact = {
    ...located(calendar, section.marker),
    kinds: section.kinds,
    title: section.title.trim(),
    style: section.style,
    contentPosition: calendar.locate(section.contentStart, section.contentEnd),
    hasContent: section.hasContent
  }
  if (section.style === 'atx' || section.style === 'setext' || section.style === 'html') fact.depth = section.depth
  return fact
}

function readTitleAndDate(result: IncidentFacts, reading: FactReading): void {
  const {model, calendar} = reading
  const title = model.title
  if (title && title.text !== '') result.title = located(calendar, title)
  const date = incidentDate(model, model.timeline.timed.find((entry) => entry.date), title)
  if (!date) return
  const {year, month, day} = date.date
  const yearKnown = year !== undefined || calendar.yearKnown
  result.date = {...located(calendar, date.span), value: dateString(year ?? model.stated.fallbackYear, month, day, yearKnown)}
}

/** The start, as stated, else the start milestone, else the earliest timed entry. */
function startOf(reading: FactReading, milestones: Milestones, incidentDay: CalendarDate | undefined): SourcedMoment | undefined {
  const {model: {stated: facts, timeline}, calendar} = reading
  if (facts.start) {
    return {...momentOf(calendar, facts.start.span, facts.start.at, facts.start.time, facts.start.date ?? incidentDay), source: 'stated'}
  }
  const startMilestone = milestoneFactOf(reading, milestones.start)
  if (startMilestone) return {...momentOnly(startMilestone), source: 'milestone'}
  const firstTimed = timeline.timed.reduce<TimelineEntry | undefined>((min, entry) => (!min || (entry.epochMinute ?? 0) < (min.epochMinute ?? 0) ? entry : min), undefined)
  const firstMoment = firstTimed ? reading.timeline[reading.entryIndex.get(firstTimed) ?? -1]?.moment : undefined
  return firstMoment ? {...firstMoment, source: 'first-entry'} : undefined
}

/** The end, as stated, else the resolution milestone. */
function endOf(reading: FactReading, resolution: MilestoneFact | undefined, incidentDay: CalendarDate | undefined): SourcedMoment | undefined {
  const {model: {stated: facts}, calendar} = reading
  if (facts.end) {
    return {...momentOf(calendar, facts.end.span, facts.end.at, facts.end.time, facts.end.date ?? facts.start?.date ?? incidentDay), source: 'stated'}
  }
  return resolution ? {...momentOnly(resolution), source: 'milestone'} : undefined
}

function readMoments(result: IncidentFacts, reading: FactReading, milestones: Milestones): void {
  const {stated: facts, timeline} = reading.model
  // A stated start or end without a date is on the incident's day, or the timeline's first.
  const incidentDay = facts.start?.date ?? facts.date?.date ?? timeline.timed.find((entry) => entry.date)?.date
  const start = startOf(reading, milestones, incidentDay)
  if (start) result.start = start
  const detection = milestoneFactOf(reading, milestones.detection)
  const mitigation = milestoneFactOf(reading, milestones.mitigation)
  const resolution = milestoneFactOf(reading, milestones.resolution)
  if (detection) result.detection = detection
  if (mitigation) result.mitigation = mitigation
  const end = endOf(reading, resolution, incidentDay)
  if (end) result.end = end
}

/** The stated duration, and the times to detect, mitigate and resolve measured from the start. */
function readDurations(result: IncidentFacts, reading: FactReading): void {
  const {duration} = reading.model.stated
  if (duration) {
    result.duration = {...located(reading.calendar, duration.span), minutes: duration.minutes, qualifier: duration.qualifier}
  }
  const timeToDetect = differenceOf(result.start, result.detection)
  const timeToMitigate = differenceOf(result.start, result.mitigation)
  const timeToResolve = differenceOf(result.start, result.end) ?? result.duration?.minutes
  if (timeToDetect !== undefined) result.timeToDetect = timeToDetect
  if (timeToMitigate !== undefined) result.timeToMitigate = timeToMitigate
  if (timeToResolve !== undefined) result.timeToResolve = timeToResolve
}

function readImpact(result: IncidentFacts, reading: FactReading): void {
  for (const mention of reading.model.stated.impact) {
    const figure: ImpactFigure = {...located(reading.calendar, mention.span), kind: mention.kind}
    if (mention.value !== undefined) figure.value = mention.value
    if (mention.noun !== undefined) figure.noun = mention.noun
    ;(mention.kind === 'count' ? result.impact.counts : result.impact.percentages).push(figure)
  }
}

/** The facts of a postmortem read from its document model. */
export function factsOfModel(model: PostmortemModel): IncidentFacts {
  const zones: NamedZone[] = model.stated.zones.map((zone) => ({zone, offset: zoneOffset(zone.name)}))
  const knownZone = zones.find((zone) => zone.offset !== undefined)
  const calendar = calendarOf(model, knownZone)
  const milestones = getMilestones(model)
  const timeline = timelineFactsOf(model, calendar, milestones)
  const entryIndex = new Map(model.timeline.entries.map((entry, index) => [entry, index]))
  const reading: FactReading = {model, calendar, timeline, entryIndex}
  // The fields are set in this order so that the facts read as JSON in the same order every time.
  const result: IncidentFacts = {
    impact: {percentages: [], counts: []},
    actionItems: model.actionItems().map((item) => actionItemFact(item, calendar, model.dateOrder)),
    timeline,
    sections: model.sections.map((section) => sectionFactOf(calendar, section))
  }
  readTitleAndDate(result, reading)
  readMoments(result, reading, milestones)
  readDurations(result, reading)
  readImpact(result, reading)
  addRecordFields(result, model, calendar)
  addCause(result, model, calendar)
  const zone = knownZone ?? zones[0]
  if (zone) {
    result.timeZone = {...located(calendar, zone.zone.span), name: zone.zone.name}
    if (zone.offset !== undefined) result.timeZone.utcOffset = zone.offset
  }
  return result
}

function actionItemFact(item: ActionItem, calendar: Calendar, order: DateOrder): ActionItemFact {
  // The line is read past its bullet; what is left of a task box ("[ ]", "[x]") is not the item's.
  const box = /^\[?[ xX]?\]\s*/.exec(item.line.text)?.[0].length ?? 0
  const fact: ActionItemFact = {...located(calendar, subspan(item.line, box)), done: item.done}
  if (item.owner) fact.owner = located(calendar, item.owner)
  if (item.tracking) fact.tracking = located(calendar, item.tracking)
  if (item.due) {
    const day = findTimes(item.due, order).find((mention) => mention.date)?.date
    fact.due = {...located(calendar, item.due), ...(day ? {date: dateString(day.year ?? 0, day.month, day.day, day.year !== undefined)} : {})}
  }
  return fact
}

/** The summary, severity and contact, located. */
function addRecordFields(result: IncidentFacts, model: PostmortemModel, calendar: Calendar): void {
  const {summary, severity, contact} = model.recordFields()
  if (summary) result.summary = located(calendar, summary)
  if (severity) result.severity = {...located(calendar, severity), ...(severity.level === undefined ? {} : {level: severity.level})}
  if (contact) result.contact = {...located(calendar, contact), names: contact.names}
}

/** The cause and the topics, located. */
function addCause(result: IncidentFacts, model: PostmortemModel, calendar: Calendar): void {
  const cause = model.cause()
  if (cause) {
    result.cause = {...located(calendar, cause.statement), keyTerms: cause.keyTerms, terms: cause.terms, compounds: cause.compounds}
    if (cause.phrase) result.cause.phrase = located(calendar, cause.phrase)
  }
  const tags = model.tags()
  if (tags) result.tags = {...located(calendar, tags), names: tags.names}
}

function momentOnly(milestone: MilestoneFact): FactMoment {
  const {entry: _entry, cue: _cue, ...moment} = milestone
  return moment
}

/** The day of the incident: stated, the start's, the timeline's first, or the title's. */
function incidentDate(model: PostmortemModel, firstDated: TimelineEntry | undefined, title: Span | undefined): {date: CalendarDate; span: Span} | undefined {
  const {stated: facts} = model
  if (facts.date) return facts.date
  if (facts.start?.date) return {date: facts.start.date, span: facts.start.span}
  if (firstDated?.date && firstDated.timestamp) return {date: firstDated.date, span: firstDated.timestamp}
  const mention = title ? findTimes(title, model.dateOrder).find((found) => found.date) : undefined
  return mention?.date ? {date: mention.date, span: mention.span} : undefined
}

/**
 * How facts are read from Markdown, as the presets parse it for the rules:
 * front matter as YAML (not a thematic break and a setext heading, which
 * would put its fields among the sections), a long document in parts, with
 * the tree of a whole parse (src/parse/parse-in-parts.ts). postmortem-facts
 * parses with it too.
 */
export const factsParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(parseInParts).freeze()
const parser = factsParser

/**
 * Reads the facts of a postmortem: when it happened, started, was detected,
 * mitigated and ended, how long each took, how many were affected, in which
 * time zone, and its timeline and sections, each with its position.
 *
 * Pass the Markdown (a string or a VFile), or a tree parsed by remark-parse
 * together with the text it was parsed from; in a remark plugin pass the
 * plugin's tree and file, and the model the rules built is reused.
 *
 * @example
 *   const facts = extractFacts(await fs.readFile('2024-02-16-outage.md', 'utf8'))
 *   facts.timeToResolve // 90 (minutes)
 */
export function extractFacts(markdown: string | VFile, options?: ExtractOptions): IncidentFacts
export function extractFacts(tree: Root, source: string | VFile, options?: ExtractOptions): IncidentFacts
export function extractFacts(
  input: string | VFile | Root,
  sourceOrOptions?: string | VFile | ExtractOptions,
  maybeOptions?: ExtractOptions
): IncidentFacts {
  if (typeof input === 'string' || input instanceof VFile) {
    const options = (sourceOrOptions ?? {}) as ExtractOptions
    const source = String(input instanceof VFile ? (input.value ?? '') : input)
    return factsOfModel(buildModel(parser.parse(source), source, options.synonyms))
  }
  if (typeof sourceOrOptions !== 'string' && !(sourceOrOptions instanceof VFile)) {
    throw new TypeError('extractFacts(tree, source): pass the text the tree was parsed from, as a string or VFile')
  }
  const synonyms = maybeOptions?.synonyms ?? {}
  const model = sourceOrOptions instanceof VFile
    ? getModel(input, sourceOrOptions, synonyms)
    : buildModel(input, sourceOrOptions, synonyms)
  return factsOfModel(model)
}
