import * as chrono from 'chrono-node'
import {type Span, spanEnd, subspan} from '../text/text.js'
import {namedZoneOffset} from './zones.js'
import {countScanned} from '../support/scan-work.js'

export interface ClockTime {
  hour: number
  minute: number
  second: number
  /** Minutes east of UTC, when the text names a zone. */
  offset?: number
}

export interface CalendarDate {
  year?: number
  month: number
  day: number
}

/** A date and/or clock time read from the text, with where it stands. */
export interface TimeMention {
  span: Span
  time?: ClockTime
  date?: CalendarDate
  /** The end of a range (`8:20 - 8:24`, `from 10:00 to 11:30`). */
  end?: {time?: ClockTime; date?: CalendarDate; span: Span}
}

/** A time-like token that is not a time of day (`25:10`, `13:05 PM`). */
export interface ImpossibleTime {
  span: Span
  reason: string
}

export type LeadingTime =
  | {kind: 'absolute'; mention: TimeMention}
  | {kind: 'relative'; span: Span}
  | {kind: 'impossible'; impossible: ImpossibleTime}

// A fixed reference keeps results deterministic; only explicitly written
// values are used, never the ones chrono implies from the reference.
const REFERENCE = new Date(Date.UTC(2000, 0, 1))
// Strict mode: the casual parser reads "Now", "Today" or "Monday" at the start
// of ordinary sentences as dates.
// chrono-node's strict configuration also reads lengths as moments relative
// to the reference: "10 minutes later", "2 hours ago", "within 5 minutes".
// Only the head of a timeline entry needs them (an offset from the entry
// before); everywhere else findTimes drops them (RELATIVE), and without
// their three expressions chrono-node reads prose a third faster (measured
// over the corpora's paragraphs). Named as chrono-node names its classes: a
// build that renamed them would keep the parsers, and be slower, not wrong.
const RELATIVE_PARSERS = new Set(['ENTimeUnitWithinFormatParser', 'ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser'])

function strictParser(dayFirst: boolean, relative: boolean): chrono.Chrono {
  const configuration = chrono.en.configuration.createConfiguration(true, dayFirst)
  if (!relative) configuration.parsers = configuration.parsers.filter((candidate) => !RELATIVE_PARSERS.has(candidate.constructor.name))
  return new chrono.Chrono(configuration)
}

/** How a document writes numeric dates: `03/04/2024` is March 4th month first, April 3rd day first. */
export type DateOrder = 'month-first' | 'day-first'

// Made on first use: a run that reads no time compiles none of their expressions.
const parsers = new Map<string, chrono.Chrono>()

/** chrono-node reading numeric dates in `order` (03/04/2024 is the 3rd of April day first), with relative moments or without. */
function parserOf(order: DateOrder, relative = false): chrono.Chrono {
  const key = `${order} ${relative}`
  let found = parsers.get(key)
  if (!found) {
    found = strictParser(order === 'day-first', relative)
    parsers.set(key, found)
  }
  return found
}

// A numeric date with a year: 15/01/2021, 28-11-2024, 3.4.2024, also at the end
// of a sentence ("on 07/05/2024."), not in a version (1.2.2024.3).
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/-]|\.\d)/g

const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec'
// A date written with its month's name, day first ("Tuesday 7 May", "7th of May") or month first ("May 7th").
const DAY_MONTH = new RegExp(`(?<![\\d.,/-])(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?(${MONTH_NAMES})\\b`, 'gi')
const MONTH_DAY = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])`, 'gi')

function monthNumber(name: string): number {
  return MONTH_NAMES.split('|').findIndex((month) => month.startsWith(name.slice(0, 3).toLowerCase())) + 1
}

/**
 * How the document's written dates ("Tuesday 7 May", "May 7") settle its
 * numeric dates that read both ways: 07/05/2024 beside "Tuesday 7 May" is day
 * first. Undefined when they settle nothing.
 */
function orderByWrittenDates(source: string, ambiguous: ReadonlySet<string>): DateOrder | undefined {
  let dayFirst = 0
  let monthFirst = 0
  const vote = (day: number, month: number): void => {
    if (ambiguous.has(`${day}/${month}`)) dayFirst++
    if (ambiguous.has(`${month}/${day}`)) monthFirst++
  }
  for (const match of source.matchAll(DAY_MONTH)) vote(Number(match[1]), monthNumber(match[2] ?? ''))
  for (const match of source.matchAll(MONTH_DAY)) vote(Number(match[2]), monthNumber(match[1] ?? ''))
  if (dayFirst === monthFirst) return undefined
  return dayFirst > monthFirst ? 'day-first' : 'month-first'
}

// A clock time right after a date makes it a moment of the incident, which
// lie close together; a date alone may be a deadline weeks later.
const TIME_AFTER_DATE = /^(?:,?\s{1,3}(?:at\s{1,3})?|T)\d{1,2}:\d{2}/
// A week: how much closer together one reading must put a document's dates.
const CLEARLY_CLOSER_DAYS = 7

/**
 * How close together each reading puts the moments (dates with a clock
 * time) that read both ways: the moments of one incident lie days apart,
 * not months. 05/01/2025 22:10 and 06/01/2025 01:40 are hours apart day
 * first (January 5 and 6), a month month first. Undefined when neither
 * reading is clearly closer (one moment alone).
 */
function orderBySpan(dates: ReadonlyArray<readonly [number, number, number]>): DateOrder | undefined {
  const span = (dayFirst: boolean): number => {
    const days = dates.map(([first, second, year]) => Date.UTC(year < 100 ? 2000 + year : year, (dayFirst ? second : first) - 1, dayFirst ? first : second) / 86_400_000)
    return Math.max(...days) - Math.min(...days)
  }
  const dayFirst = span(true)
  const monthFirst = span(false)
  if (Math.abs(dayFirst - monthFirst) < CLEARLY_CLOSER_DAYS) return undefined
  return dayFirst < monthFirst ? 'day-first' : 'month-first'
}

/**
 * The order a document writes its numeric dates in, from the ones that can
 * only be read one way: a first number over 12 is a day (15/01/2021), a
 * second one over 12 a day too (01/15/2021). Where every one reads both
 * ways, dates all written with dots are day first (12.03.2024, as German,
 * Russian or Nordic writers write them), else the dates it writes with a
 * month's name settle it, else the reading
 * that puts its moments closer together; else month first, as chrono-node
 * reads them.
 */
export function dateOrderOf(source: string): DateOrder {
  let dayFirst = 0
  let monthFirst = 0
  const ambiguous = new Set<string>()
  const ambiguousDates: Array<[number, number, number]> = []
  let undotted = 0
  for (const match of source.matchAll(NUMERIC_DATE)) {
    const first = Number(match[1])
    const second = Number(match[2])
    if (first > 12 && second <= 12) dayFirst++
    else if (second > 12 && first <= 12) monthFirst++
    else if (first !== second) {
      ambiguous.add(`${first}/${second}`)
      if (!match[0].includes('.')) undotted++
      const end = match.index + match[0].length
      if (first > 0 && second > 0 && TIME_AFTER_DATE.test(source.slice(end, end + 12))) ambiguousDates.push([first, second, Number(match[3])])
    }
  }
  if (dayFirst > 0 || monthFirst > 0) return dayFirst > 0 && monthFirst === 0 ? 'day-first' : 'month-first'
  if (ambiguous.size === 0) return 'month-first'
  // Dates written with dots (12.03.2024) are written day first wherever that is the custom.
  if (undotted === 0) return 'day-first'
  return orderByWrittenDates(source, ambiguous) ?? orderBySpan(ambiguousDates) ?? 'month-first'
}
// Long lines are cut before parsing: a leading time is near the start.
const LOOKAHEAD = 120

// chrono reads "9:55 AM GMT+1 to 11:20" as the range "1 to 11:20" and loses
// the first time; it reads "(GMT+1)" right. Zones with a bare offset are
// parenthesised before parsing, and positions are mapped back.
const BARE_OFFSET_ZONE = /(?<![\p{L}(])(?:GMT|UTC)\s?[+-]\d{1,2}(?::?\d{2})?(?![\p{N}:)])/gu

interface Parsed {
  /** Offset of the result in the original text. */
  index: number
  text: string
  result: chrono.ParsedResult
}

// chrono-node's year-then-month pattern tries two runs of white space from every position
// of a run of white space: quadratic, a minute for 200,000 spaces. A run longer
// than any aligned table pads is kept as two spaces around filler no pattern
// of chrono's crosses, same length, so offsets hold.
const LONG_SPACE = /\s{65,}/g

// Emphasis and code marks glued to a time (`_10:07_`, `**10:00**`) stop chrono
// from reading it: they are blanked, keeping every offset.
const INLINE_MARKS = /[*_`]/g

// After a time and a range word, chrono-node reads the year of an ISO date as
// a time and its month as a zone: "21:00 to 2025-02-11 03:30" ended at 20:25,
// two hours west of UTC. Written with slashes, the same length, it reads the
// date: "to 2025/02/11 03:30".
const ISO_DATE_AFTER_RANGE = /(?<=(?:\d|\s)(?:to|until|till|through|-|–|—)\s{1,3})(\d{4})-(\d{2})-(\d{2})(?![\dT])/giu
// Before a range word and a time, it reads the day as the range's first hour:
// "22:00 UTC on 2024-05-10 to 00:00 UTC on 2024-05-12" began at 10:00 on the
// 12th. Written as a numeric date in the document's order, the same length,
// it reads the range: "on 05/10/2024 to 00:00".
const ISO_DATE_BEFORE_RANGE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?=\s{1,3}(?:to|until|till|through|-|–)\s{1,3}\d)/giu

// chrono-node tries some forty expressions on every text, and cost more than
// the rest of the model together. In strict mode it reads nothing from a text
// without a digit, a month or weekday name or a unit of time (its number words
// only count units): such texts, most lines of prose, skip it.
const CHRONO_CUES = new RegExp(
  `\\d|(?<!\\p{L})(?:${[
    ...MONTH_NAMES.split('|'),
    'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sun', 'mon', 'tue', 'tues', 'wed',
    'thu', 'thur', 'thurs', 'fri', 'sat',
    'seconds?', 'minutes?', 'hours?', 'days?', 'weeks?', 'months?', 'quarters?', 'years?'
  ].join('|')})(?!\\p{L})`,
  'iu'
)

// The commonest timeline entry, a clock time and then a separator ("10:22 AM -
// what happened", "14:05: …", "9:14 | … |"), is read without chrono-node when
// nothing after it could be read by chrono: the result is then the time alone.
const PLAIN_LEADING_CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp])[Mm])?(?=\s{0,3}(?:[-–—:|]|$))/

function plainLeadingClock(span: Span): TimeMention | undefined {
  const match = PLAIN_LEADING_CLOCK.exec(span.text)
  if (!match || mayHoldTime(span.text.slice(match[0].length))) return undefined
  let hour = Number(match[1])
  const minute = Number(match[2])
  const second = match[3] === undefined ? 0 : Number(match[3])
  const meridiem = match[4]?.toLowerCase()
  // Impossible times are left to chrono-node, which refuses them, and to explainImpossible.
  if (minute > 59 || second > 59 || hour > (meridiem ? 12 : 23) || (meridiem && hour === 0)) return undefined
  if (meridiem === 'a' && hour === 12) hour = 0
  if (meridiem === 'p' && hour < 12) hour += 12
  return {span: subspan(span, 0, match[0].length), time: {hour, minute, second}}
}

/** Whether chrono-node could read anything from `text` (it reads nothing when this is false). */
export function mayHoldTime(text: string): boolean {
  return CHRONO_CUES.test(text)
}

// chrono-node keeps every result of a text until it returns them: on one
// paragraph of megabytes, hundreds of megabytes. A text longer than a window
// is read window by window, each with a margin of context on either side
// longer than any result, and keeps the results that start inside it: each
// result sees the text a whole reading gives it, and only one window's
// results are alive at a time.
const WINDOW = 16 * 1024
const MARGIN = 1024

interface Located {
  index: number
  length: number
  result: chrono.ParsedResult
}

function* chronoResults(text: string, order: DateOrder, window: number, relative: boolean): Generator<Located> {
  const chronoParser = parserOf(order, relative)
  if (text.length <= window + 2 * MARGIN) {
    for (const result of chronoParser.parse(text, REFERENCE)) yield {index: result.index, length: result.text.length, result}
    return
  }
  let covered = 0
  for (let start = 0; start < text.length; start += window) {
    const from = Math.max(0, start - MARGIN)
    const results = chronoParser.parse(text.slice(from, Math.min(text.length, start + window + MARGIN)), REFERENCE)
    for (const result of results) {
      const index = from + result.index
      // A result of the margin before belongs to the window before, and so does what it covers.
      if (index < start || index < covered || index >= start + window) continue
      covered = index + result.text.length
      yield {index, length: result.text.length, result}
    }
  }
}

function* parseText(original: string, order: DateOrder = 'month-first', window = WINDOW, relative = false): Generator<Parsed> {
  countScanned(original.length)
  if (!mayHoldTime(original)) return
  const text = original
    .replace(INLINE_MARKS, ' ')
    .replace(LONG_SPACE, (run) => ` ${'~'.repeat(run.length - 2)} `)
    .replace(ISO_DATE_AFTER_RANGE, '$1/$2/$3')
    .replace(ISO_DATE_BEFORE_RANGE, order === 'day-first' ? '$3/$2/$1' : '$2/$3/$1')
  if (!/(?:GMT|UTC)\s?[+-]\d/.test(text)) {
    for (const {index, length, result} of chronoResults(text, order, window, relative)) yield {index, text: original.slice(index, index + length), result}
    return
  }
  const {protectedText, toOriginal} = protectBareOffsets(text)
  for (const {index, length, result} of chronoResults(protectedText, order, window, relative)) {
    const start = toOriginal[index] ?? 0
    const end = toOriginal[index + length] ?? text.length
    yield {index: start, text: original.slice(start, end), result}
  }
}

/** `text` with zones written as a bare offset parenthesised, and where each of its characters came from. */
function protectBareOffsets(text: string): {protectedText: string; toOriginal: number[]} {
  // toOriginal[i] is the offset in `text` of character i of the protected text.
  const toOriginal: number[] = []
  let protectedText = ''
  let from = 0
  const copy = (end: number): void => {
    for (let i = from; i < end; i++) toOriginal.push(i)
    protectedText += text.slice(from, end)
  }
  for (const match of text.matchAll(BARE_OFFSET_ZONE)) {
    copy(match.index)
    toOriginal.push(match.index)
    protectedText += '('
    from = match.index
    copy(match.index + match[0].length)
    from = match.index + match[0].length
    toOriginal.push(from)
    protectedText += ')'
  }
  copy(text.length)
  toOriginal.push(text.length)
  return {protectedText, toOriginal}
}

// Words that may stand before a time at the start of an entry ("At 3:15 PM").
const LEAD_WORDS = /^(?:at|around|about|approx\.?|approximately|by|on|circa|~)\s{1,3}$/i
// chrono reads "10 minutes later" as a date relative to now: for a timeline
// that is an offset from the entry before, not a time.
// It also reads "for 47 minutes" as a date 47 minutes from now.
const RELATIVE = /\b(?:later|after|afterwards?|ago|before|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\b/i
// A part of a day after the entry before, which chrono-node's strict parsers
// do not read: "Next morning:", "The following day", "Later that evening", "Overnight".
const RELATIVE_DAY = /^(?:(?:the\s{1,2})?(?:next|following)\s{1,2}(?:morning|day|afternoon|evening|night)|later\s{1,2}that\s{1,2}(?:day|morning|afternoon|evening|night)|that\s{1,2}(?:morning|afternoon|evening|night)|overnight)(?![\p{L}])/iu
// chrono drops the date of `[03-26 23:04]` (month-day before a time).
const MONTH_DAY_PREFIX = /^(\d{1,2})-(\d{1,2})\s{1,3}$/
const ZONE_WORDS_AFTER = /^\s{1,2}(?:africa|african|european)\b/i
const MERIDIEM_TAIL = /^\.?\s?m\b\.?/i
const MIDNIGHT_AFTER = /^\s{0,2}midnight\b/i
// chrono does not read "Midnight" alone.
const MIDNIGHT = /^midnight\b/i
// Spaced dashes and words separate a range; an unspaced dash only before a
// clock time ("8:20-8:24"), never the dashes of an ISO date.
const RANGE_SEPARATOR = /\s{1,3}(?:-|–|—|to|until|till|and)\s{1,3}|\s{0,3}[–—]\s{0,3}|(?<=\d)-(?=\d{1,2}[:.]\d{2})/
const RANGE_LEAD = /^(?:from|between)\s{1,3}/i
// chrono reads neither "between 8:00 PM and 1:00 AM" nor "8:00 PM — 1:00 AM"
// as a range: two mentions with only this between them are one.
const RANGE_JOIN = /^\s{0,3}(?:and|—|–|-{1,2}|until|till|through|to)\s{0,3}$/i
// What a clock time looks like, to explain why chrono refused one.
const CLOCK_LIKE = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s{0,2}([ap]\.?\s?m\b\.?)?/i

// chrono gives an hour to numbers that no reader takes for a time: "10-12.5
// seconds", "Nov 21-24", "**2026-07-02** to **2026-07-05**". A time of day is
// written as one: hours and minutes, an hour with a meridiem, a military time
// with its zone, noon or midnight.
const CLOCK_WRITTEN = /\d{1,2}\s?[:.h]\s?\d{2}(?!\d)|\d{1,2}\s?[ap]\.?\s?m(?![a-z])|\d{4}\s?(?:z|utc|gmt)\b|\b(?:noon|midnight)\b/i

/** Whether `text` writes a time of day, not only numbers chrono may take for one. */
export function writesClock(text: string): boolean {
  return CLOCK_WRITTEN.test(text)
}

// CLOCK_WRITTEN loosened to hold wherever it holds for a part of the text: a
// digit before a colon, a meridiem or a zone, or noon or midnight.
const CLOCK_CUE = /\d\s?[:.h]\s?\d|\d\s?[ap]\.?\s?m|\d\s?(?:z|utc|gmt)|noon|midnight/i

/**
 * Whether `findTimes` may find a clock time in `text`. A mention only has a
 * time when its own text `writesClock`, and that text is a part of `text`:
 * where this is false, every mention is a date alone, and readers that want
 * a time need not ask chrono-node (a summary's "30% of users for 2 hours").
 */
export function mayWriteClock(text: string): boolean {
  return CLOCK_CUE.test(text)
}

function clockOf(component: chrono.ParsedComponents): ClockTime | undefined {
  if (!component.isCertain('hour')) return undefined
  const time: ClockTime = {
    hour: component.get('hour') ?? 0,
    minute: component.get('minute') ?? 0,
    second: component.get('second') ?? 0
  }
  if (component.isCertain('timezoneOffset')) {
    time.offset = component.get('timezoneOffset') ?? 0
  }
  return time
}

function dateOf(component: chrono.ParsedComponents): CalendarDate | undefined {
  if (!component.isCertain('day') || !component.isCertain('month')) return undefined
  const date: CalendarDate = {month: component.get('month') ?? 1, day: component.get('day') ?? 1}
  if (component.isCertain('year')) date.year = component.get('year') ?? undefined
  return date
}

function mentionOf({index, text: matched, result}: Parsed, span: Span): TimeMention | undefined {
  // chrono stops "3:00 a.m" after the "a", and keeps a trailing space of "March 11 ".
  const rest = span.text.slice(index + matched.length)
  const meridiemTail = /[ap]$/i.test(matched) ? (MERIDIEM_TAIL.exec(rest)?.[0] ?? '') : ''
  // chrono takes the article of "10:42 a rollback begins" for a.m.: a lone
  // letter followed by a word is no meridiem, and the hour is as written.
  const article = meridiemTail === '' && /\d\s[ap]$/i.test(matched) && /^\s\p{L}/u.test(rest)
  const text = (article ? matched.slice(0, -1) : matched + meridiemTail).trimEnd()
  const mention: TimeMention = {span: subspan(span, index, index + text.length)}
  const written = writesClock(text)
  const time = written ? clockOf(result.start) : undefined
  if (time && article) time.hour = Number(/(\d{1,2})[:.]\d{2}\s?$/.exec(text)?.[1] ?? time.hour)
  // "12:00 midnight" is the start of the day, not noon.
  if (time && time.hour === 12 && MIDNIGHT_AFTER.test(span.text.slice(index + text.length))) time.hour = 0
  // chrono reads the "East" of "9:05 PM East African Time" as a zone of its
  // own, and gives it to both ends of a range.
  const lastWord = /\p{L}{1,20}$/u.exec(text)?.[0]
  const namedZone = lastWord && ZONE_WORDS_AFTER.test(span.text.slice(index + text.length))
    ? {offset: namedZoneOffset(lastWord + span.text.slice(index + text.length, index + text.length + 40))}
    : undefined
  const setZone = (clock: ClockTime | undefined): void => {
    if (!clock || !namedZone) return
    if (namedZone.offset === undefined) delete clock.offset
    else clock.offset = namedZone.offset
  }
  setZone(time)
  const date = dateOf(result.start)
  if (time) mention.time = time
  if (date) mention.date = date
  if (!time && !date) return undefined
  if (result.end) {
    const endTime = written ? clockOf(result.end) : undefined
    const endDate = dateOf(result.end)
    const separator = RANGE_SEPARATOR.exec(text)
    const whole = mention.span
    if (separator) {
      // The mention's own span is its start; the end has its own.
      const lead = RANGE_LEAD.exec(text)?.[0].length ?? 0
      mention.span = subspan(whole, lead, separator.index)
      mention.end = {span: subspan(whole, separator.index + separator[0].length)}
    } else {
      mention.end = {span: whole}
    }
    setZone(endTime)
    if (endTime) mention.end.time = endTime
    if (endDate) mention.end.date = endDate
    // "from 10:00 to 11:30 UTC": the zone written once applies to both ends.
    if (mention.time && mention.time.offset === undefined && endTime?.offset !== undefined) mention.time.offset = endTime.offset
    dateRangeStart(mention)
  }
  return mention
}

function explainImpossible(span: Span): ImpossibleTime | undefined {
  const match = CLOCK_LIKE.exec(span.text)
  if (!match) return undefined
  const hour = Number(match[1])
  const minute = Number(match[2])
  const second = match[3] === undefined ? 0 : Number(match[3])
  const meridiem = match[4]
  const token = subspan(span, 0, match[0].trimEnd().length)
  if (meridiem && (hour > 12 || hour === 0)) {
    return {span: token, reason: `hour ${hour} with ${meridiem.trim().toUpperCase()}`}
  }
  if (hour > 23) return {span: token, reason: `hour ${hour}`}
  if (minute > 59) return {span: token, reason: `minute ${minute}`}
  if (second > 59) return {span: token, reason: `second ${second}`}
  return undefined
}

/**
 * Reads the date or time that an entry starts with, or tells that it starts
 * with a relative time or an impossible one. `span` has its markup stripped;
 * `dotted` says the timeline writes its clocks with a dot (`14.35`).
 */
export function readLeadingTime(span: Span, order: DateOrder = 'month-first', dotted = false): LeadingTime | undefined {
  const head = subspan(span, 0, Math.min(span.text.length, LOOKAHEAD))
  const alternate = ALTERNATE_CLOCK.exec(head.text) ?? (dotted ? DOTTED_CLOCK.exec(head.text) : null)
  if (!alternate) return readHead(head, order)
  // Read with a colon in its place, then quoted as written.
  const hours = alternate[1]?.length ?? 0
  const read = readHead({text: `${head.text.slice(0, hours)}:${head.text.slice(hours + 1)}`, start: head.start}, order)
  if (read?.kind !== 'absolute') return read
  const written = (place: Span): Span => subspan(head, place.start - head.start, place.start - head.start + place.text.length)
  const {mention} = read
  const end = mention.end && {...mention.end, span: written(mention.end.span)}
  return {kind: 'absolute', mention: {...mention, span: written(mention.span), ...(end ? {end} : {})}}
}

// An entry's clock written with `h` ("14h20: …", "9h05 - …"), as French and
// other writers do, read only where a separator follows. Not with a dot:
// "14.04: Pulling from library/ubuntu" is a version.
const ALTERNATE_CLOCK = /^(\d{1,2})h(?=[0-5]\d\s{0,3}[-–—:|])/
// An entry's clock written with a dot ("14.35 Alert fired"), read only where
// the timeline writes its clocks so (`dotted`): a dot alone may be a version.
// Not a dotted date: "12.03.2024".
const DOTTED_CLOCK = /^([01]?\d|2[0-3])\.(?=[0-5]\d(?![.,\d]))/

function readHead(head: Span, order: DateOrder): LeadingTime | undefined {
  const plain = plainLeadingClock(head)
  return plain ? {kind: 'absolute', mention: plain} : readLeadingTimeWithChrono(head, order)
}

/**
 * `readLeadingTime` without its fast path for plain clock times, exported
 * for the test that compares the two.
 */
export function readLeadingTimeWithChrono(head: Span, order: DateOrder = 'month-first'): LeadingTime | undefined {
  // The head of an entry may be an offset from the one before: "10 minutes later".
  const [first] = parseText(head.text, order, WINDOW, true)
  if (first) {
    const before = head.text.slice(0, first.index)
    if (first.index === 0 || LEAD_WORDS.test(before) || MONTH_DAY_PREFIX.test(before)) {
      if (RELATIVE.test(first.text)) {
        return {kind: 'relative', span: subspan(head, first.index, first.index + first.text.length)}
      }
      const mention = mentionOf(first, head)
      if (mention) {
        const monthDay = MONTH_DAY_PREFIX.exec(before)
        if (monthDay && !mention.date) {
          mention.date = {month: Number(monthDay[1]), day: Number(monthDay[2])}
          mention.span = subspan(head, 0, first.index + first.text.length)
        }
        return {kind: 'absolute', mention}
      }
    }
  }
  const midnight = MIDNIGHT.exec(head.text)
  if (midnight) return {kind: 'absolute', mention: {span: subspan(head, 0, midnight[0].length), time: {hour: 0, minute: 0, second: 0}}}
  const day = RELATIVE_DAY.exec(head.text)
  if (day) return {kind: 'relative', span: subspan(head, 0, day[0].length)}
  const impossible = explainImpossible(head)
  return impossible ? {kind: 'impossible', impossible} : undefined
}

const DATE_AFTER_TIME = /^[\s,]{0,3}(?:on\s{1,2})?$/i

/**
 * "Between 9:55 PM and 11:20 PM CET on 14/03/2024": a date written after a
 * range is the whole range's, so its start, written without one, is on that
 * day too. A range that crosses midnight ("between 23:40 and 00:25 UTC on
 * 2024-09-10") began on that day, as an incident "on" a day does: its end,
 * then dateless, falls on the next day.
 */
function dateRangeStart(mention: TimeMention): void {
  const {end} = mention
  if (mention.date || !end?.date || !mention.time || !end.time) return
  mention.date = {...end.date}
  if (minuteOfDay(mention.time) > minuteOfDay(end.time)) delete end.date
}

// A meridiem written after a clock time: "4:45 PM", "4:45 p.m.".
const WRITTEN_MERIDIEM = /\d\s?[ap]\.?\s?m(?![a-z])/i

/**
 * "Between 2:10 and 4:45 PM": the meridiem written once is the whole range's,
 * as chrono-node reads "from 2:10 to 4:45 PM"; where the start would then
 * come after the end ("between 11:30 and 1:15 PM"), it is the morning's.
 */
function shareMeridiem(start: TimeMention, end: TimeMention): void {
  const {time} = start
  if (!time || !end.time || time.hour >= 12 || end.time.hour < 12) return
  if (WRITTEN_MERIDIEM.test(start.span.text) || !WRITTEN_MERIDIEM.test(end.span.text)) return
  if (minuteOfDay(time) + 12 * 60 <= minuteOfDay(end.time)) time.hour += 12
}

// "…10:10 PM on March 3 to 12:45 AM…": the start's date, then the word that ends the range.
const DATE_THEN_RANGE_END = new RegExp(`^\\s{0,3}(?:on\\s{1,3})?(${MONTH_NAMES})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}(?:to|until|till|through|and|-|–|—)\\s{1,3}$`, 'i')

/**
 * chrono-node reads "from 10:10 PM on March 3 to 12:45 AM on March 4, 2024"
 * as "10:10 PM" and then the range "3 to 12:45 AM on March 4, 2024", taking
 * the day for an hour (and moving the end a day on). Where a range's start is
 * a bare number after a month's name that follows a time, the range is that
 * time's: its day is the one written, its end the one written after it.
 * Returns whether it joined them.
 */
function joinDayTakenForHour(previous: TimeMention | undefined, mention: TimeMention, span: Span, order: DateOrder): boolean {
  if (!previous?.time || previous.end || previous.date || !mention.end || !/^\d{1,2}$/.test(mention.span.text)) return false
  const gap = span.text.slice(spanEnd(previous.span) - span.start, mention.end.span.start - span.start)
  const written = DATE_THEN_RANGE_END.exec(gap)
  const [end] = written ? findTimes(mention.end.span, order) : []
  if (!written || !end?.time) return false
  previous.date = {month: monthNumber(written[1] ?? ''), day: Number(written[2])}
  if (end.date?.year !== undefined) previous.date.year = end.date.year
  previous.end = {span: end.span, time: end.time}
  if (end.date) previous.end.date = end.date
  if (previous.time.offset === undefined && end.time.offset !== undefined) previous.time.offset = end.time.offset
  return true
}

/**
 * Every date and time mentioned in a text, in order. `window` is the length
 * chrono-node reads at a time (see WINDOW); the tests compare readings.
 */
export function findTimes(span: Span, order: DateOrder = 'month-first', window = WINDOW): TimeMention[] {
  const mentions: TimeMention[] = []
  for (const parsed of parseText(span.text, order, window)) {
    if (RELATIVE.test(parsed.text)) continue
    const mention = mentionOf(parsed, span)
    if (!mention) continue
    const previous = mentions.at(-1)
    if (joinDayTakenForHour(previous, mention, span, order)) continue
    const between = previous ? span.text.slice(previous.span.start + previous.span.text.length - span.start, mention.span.start - span.start) : ''
    if (previous && !previous.end && previous.time && mention.time && RANGE_JOIN.test(between)) {
      // The end keeps only a date of its own: "8:00 PM — 1:00 AM" ends the next day.
      previous.end = {span: mention.span, time: mention.time}
      if (previous.time.offset === undefined && mention.time.offset !== undefined) previous.time.offset = mention.time.offset
      if (mention.date) previous.end.date = mention.date
      shareMeridiem(previous, mention)
      dateRangeStart(previous)
      continue
    }
    // chrono-node joins "2 a.m. on 17/01/2021" but not "2 a.m 17/01/2021": a
    // time written right before a date is on that date.
    if (previous && !previous.end && previous.time && !previous.date && mention.date && !mention.time && !mention.end && DATE_AFTER_TIME.test(between)) {
      previous.date = mention.date
      previous.span = subspan(span, previous.span.start - span.start, spanEnd(mention.span) - span.start)
      continue
    }
    mentions.push(mention)
  }
  return mentions
}

export function formatClock(time: ClockTime): string {
  const hh = String(time.hour).padStart(2, '0')
  const mm = String(time.minute).padStart(2, '0')
  return time.second ? `${hh}:${mm}:${String(time.second).padStart(2, '0')}` : `${hh}:${mm}`
}

export function formatDate(date: CalendarDate): string {
  const mm = String(date.month).padStart(2, '0')
  const dd = String(date.day).padStart(2, '0')
  return date.year === undefined ? `${mm}-${dd}` : `${date.year}-${mm}-${dd}`
}

/** Days since 1970-01-01; a date without a year falls in `fallbackYear`. */
export function dayNumber(date: CalendarDate, fallbackYear: number): number {
  return Math.floor(Date.UTC(date.year ?? fallbackYear, date.month - 1, date.day) / 86_400_000)
}

/** Minutes in a day: the unit of every moment's arithmetic. */
export const MINUTES_PER_DAY = 1440

export function minuteOfDay(time: ClockTime): number {
  return time.hour * 60 + time.minute + time.second / 60
}

/** Minutes east of UTC of a zone name, as chrono knows it (`EAT` → 180). */
export function zoneOffset(name: string): number | undefined {
  const text = `12:00 ${name}`
  const [result] = parserOf('month-first').parse(text, REFERENCE)
  // chrono reads the "East" of "East African Time" as a zone of its own.
  if (result?.text.length !== text.length) return undefined
  return result.start.isCertain('timezoneOffset') ? (result.start.get('timezoneOffset') ?? undefined) : undefined
}
