import type {List, ListItem, Nodes, Root} from 'mdast'
import type {Section} from '../sections/sections.js'
import {type Span, isBlank, slice, spanEnd, splitLines, stripLeadingMarkup, subspan} from '../text/text.js'
import {
  type CalendarDate,
  type ClockTime,
  type DateOrder,
  MINUTES_PER_DAY,
  type ImpossibleTime,
  type LeadingTime,
  type TimeMention,
  dayNumber,
  findTimes,
  minuteOfDay,
  readLeadingTime
} from '../time/time.js'
import {appendAll} from '../support/arrays.js'
import {blocksFrom, statementsIn} from '../text/statements.js'

/** Where an entry was written: a list item, a table row, a line of a paragraph or a sub-heading. */
export type EntrySource = 'item' | 'row' | 'line' | 'heading' | 'prose'

export interface TimelineEntry {
  /** The timeline section the entry is in. */
  section: Section
  /** The entry's first line, markup stripped. */
  line: Span
  source: EntrySource
  kind: 'timed' | 'dated' | 'relative' | 'impossible' | 'untimed'
  /** The date or time the entry starts with. */
  timestamp?: Span
  mention?: TimeMention
  impossible?: ImpossibleTime
  /** The entry's own date, or the one set by a date line, sub-heading or earlier entry. */
  date?: CalendarDate
  /** Minutes since 1970 (local to the document's zone when none is written); undefined when unknown. */
  epochMinute?: number
  /** `day` when only the date is known. */
  precision?: 'minute' | 'day'
  /** The day as written (days since 1970), before any zone is applied. */
  day?: number
}

export interface Timeline {
  entries: TimelineEntry[]
  /**
   * Items and rows without a time in a list or table whose other entries
   * mostly have one: entries that lack their time, not notes.
   */
  untimed: TimelineEntry[]
  /** Entries with a known moment, in document order. */
  timed: TimelineEntry[]
  /** Whether any entry has a date of its own or from a date line: otherwise only midnight rollovers place entries on days. */
  dated: boolean
  /**
   * Clock times told in the sentences of a timeline section that has no
   * timed entries ("The issue was detected at 11 a.m"), in document order: where
   * such a timeline begins and ends, but not entries to put in order.
   */
  told: TimelineEntry[]
}

/** The earliest and latest entries timed to the minute: where the timeline begins and ends. */
export function minuteBounds(timeline: Timeline): {first?: TimelineEntry; last?: TimelineEntry} {
  const bounds: {first?: TimelineEntry; last?: TimelineEntry} = {}
  for (const entry of [...timeline.timed, ...timeline.told]) {
    if (entry.precision !== 'minute' || entry.epochMinute === undefined) continue
    if (bounds.first?.epochMinute === undefined || entry.epochMinute < bounds.first.epochMinute) bounds.first = entry
    if (bounds.last?.epochMinute === undefined || entry.epochMinute > bounds.last.epochMinute) bounds.last = entry
  }
  return bounds
}

interface Candidate {
  line: Span
  source: EntrySource
  /** The list or table the entry belongs to. */
  group?: Nodes
  /** The time the line starts with, when already read. */
  lead?: {time: LeadingTime | undefined}
}

function offsets(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

// A delimiter row is checked cell by cell: one pattern for the whole row
// backtracks polynomially on long runs of white space (found by recheck).
const FIRST_DELIMITER_CELL = /^:?-{2,}:?$/
const DELIMITER_CELL = /^:?-+:?$/
function isTableDelimiter(line: string): boolean {
  let row = line.trim()
  if (row.startsWith('|')) row = row.slice(1)
  if (row.endsWith('|')) row = row.slice(0, -1)
  const [first = '', ...rest] = row.split('|')
  return FIRST_DELIMITER_CELL.test(first.trim()) && rest.every((cell) => DELIMITER_CELL.test(cell.trim()))
}
/** Two lines or more, each with a pipe, and a delimiter row under the first. */
function looksLikeTable(source: string, range: [number, number]): boolean {
  const lines = splitLines(source, range[0], range[1])
  return lines.length >= 2 && isTableDelimiter(lines[1]?.text ?? '') && lines.every((line) => line.text.includes('|'))
}

const FENCE = /^\s{0,3}(?:```|~~~)/
// Between a date and the time that follows it in the next cell or after a dash.
const DATE_TIME_GAP = /^[\s|,:\-–—*_`[\]()~]{0,12}/

/** Collects the lines of one section, block by block, that may be timeline entries. */
class CandidateCollector {
  readonly found: Candidate[] = []

  constructor(
    private readonly source: string,
    private readonly start: number,
    private readonly end: number,
    private readonly order: DateOrder,
    private readonly dotted: boolean
  ) {}

  /** The part of a line inside the section, if any. */
  private clip(line: Span): Span | undefined {
    const from = Math.max(line.start, this.start)
    const to = Math.min(spanEnd(line), this.end)
    return to > from ? slice(this.source, from, to) : undefined
  }

  private outside(range: [number, number]): boolean {
    return range[1] <= this.start || range[0] >= this.end
  }

  private pushLines(range: [number, number], kind: EntrySource, skipFirst = false): void {
    splitLines(this.source, range[0], range[1]).forEach((line, index) => {
      if (skipFirst && index === 0) return
      const clipped = this.clip(line)
      if (clipped && !isBlank(clipped.text)) this.found.push({line: clipped, source: kind})
    })
  }

  /**
   * The rows under a table's header. A part of a row after a `<br>` goes on
   * with its cell ("empty index<br>(automated job)"), unless it starts with a
   * time: then it is an entry of its own, as in a cell that lists several
   * ("09:05 deploy<br>09:10 rollback"), read once here.
   */
  private pushRows(range: [number, number], table: Nodes): void {
    splitLines(this.source, range[0], range[1]).forEach((line, index) => {
      const clipped = this.clip(line)
      if (index === 0 || !clipped || isTableDelimiter(clipped.text)) return
      // splitLines cut there at a `<br>` when the character before is its `>`, not a line ending.
      if (this.source.charAt(clipped.start - 1) !== '>') {
        this.found.push({line: clipped, source: 'row', group: table})
        return
      }
      const time = readLeadingTime(stripLeadingMarkup(clipped), this.order, this.dotted)
      if (time) this.found.push({line: clipped, source: 'row', group: table, lead: {time}})
    })
  }

  visit(node: Nodes): void {
    const range = offsets(node)
    if (!range || this.outside(range)) return
    switch (node.type) {
      case 'heading':
        this.pushLines(range, 'heading')
        return
      case 'paragraph':
        // Without remark-gfm a table is a paragraph of pipe rows: still rows.
        if (looksLikeTable(this.source, range)) this.pushRows(range, node)
        else this.pushLines(range, 'line')
        return
      case 'html':
        this.pushLines(range, 'line')
        return
      case 'code':
        // An indented block in a timeline is a timeline indented by mistake;
        // fenced blocks hold logs and commands.
        if (!FENCE.test(this.source.slice(range[0], range[1]))) this.pushLines(range, 'line')
        return
      case 'table':
        this.pushRows(range, node)
        return
      case 'list':
        for (const item of node.children) this.visitItem(item, node)
        return
      default:
        if ('children' in node) for (const child of node.children) this.visit(child as Nodes)
    }
  }

  private visitItem(item: ListItem, list: List): void {
    const range = offsets(item)
    if (!range || this.outside(range)) return
    const [first, ...rest] = item.children
    const firstRange = first ? offsets(first) : undefined
    if (first?.type !== 'paragraph' || !firstRange) {
      for (const child of item.children) this.visit(child)
      return
    }
    const [head] = splitLines(this.source, firstRange[0], firstRange[1])
    const clipped = head ? this.clip(head) : undefined
    if (clipped) {
      const lead = {time: readLeadingTime(stripLeadingMarkup(clipped), this.order, this.dotted)}
      this.found.push({line: clipped, source: 'item', group: list, lead})
      // An entry's sub-bullets and wrapped lines are its details.
      if (lead.time !== undefined) return
    }
    this.pushLines(firstRange, 'line', true)
    for (const child of rest) this.visit(child)
  }
}

/** The lines of a section that may be timeline entries, nested details left out. */
function candidates(tree: Root, source: string, start: number, end: number, order: DateOrder, dotted: boolean): Candidate[] {
  const collector = new CandidateCollector(source, start, end, order, dotted)
  // Only the top-level blocks inside the section, found by bisection: many
  // timeline sections would otherwise each walk the whole document (quadratic).
  for (const block of blocksFrom(tree, start, end)) collector.visit(block)
  return collector.found
}

interface LineReading {
  kind: TimelineEntry['kind'] | 'date-line'
  timestamp?: Span
  mention?: TimeMention
  impossible?: ImpossibleTime
}

function read({line, source, lead: known}: Candidate, order: DateOrder, dotted: boolean): LineReading {
  const text = stripLeadingMarkup(line)
  const lead = known ? known.time : readLeadingTime(text, order, dotted)
  if (!lead) {
    // A list item or row that gives its time later in the sentence
    // ("Support forwarded the ticket at 3:17 PM") still has one; a line of
    // prose does not make an entry of every time it mentions.
    const later = source === 'item' || source === 'row' ? findTimes(text, order).find((mention) => mention.time) : undefined
    return later ? {kind: 'timed', timestamp: later.span, mention: later} : {kind: 'untimed'}
  }
  if (lead.kind === 'relative') return {kind: 'relative', timestamp: lead.span}
  if (lead.kind === 'impossible') return {kind: 'impossible', timestamp: lead.impossible.span, impossible: lead.impossible}
  const mention = lead.mention
  if (mention.time) return {kind: 'timed', timestamp: mention.span, mention}
  // A date alone may be followed by the time in the next cell or after a dash.
  const after = subspan(text, mention.span.start - text.start + mention.span.text.length)
  const gap = DATE_TIME_GAP.exec(after.text)?.[0].length ?? 0
  const next = readLeadingTime(subspan(after, gap), order, dotted)
  if (next?.kind === 'absolute' && next.mention.time && !next.mention.date) {
    const from = mention.span.start - text.start
    const to = spanEnd(next.mention.span) - text.start
    const combined: TimeMention = {...next.mention, span: subspan(text, from, to)}
    if (mention.date) combined.date = mention.date
    return {kind: 'timed', timestamp: combined.span, mention: combined}
  }
  if (next?.kind === 'impossible') return {kind: 'impossible', timestamp: next.impossible.span, impossible: next.impossible}
  // A date with nothing after it but an aside sets the day of the entries
  // below it: "**Tuesday, April 16 (all times ET)**".
  const rest = after.text.replace(/\([^()]{0,60}\)/g, '').replace(/[\s|,:\-–—*_`[\]()#.]/g, '')
  return {kind: rest === '' ? 'date-line' : 'dated', timestamp: mention.span, mention}
}

function untimedIn(entries: readonly TimelineEntry[], groups: ReadonlyMap<TimelineEntry, Nodes>): TimelineEntry[] {
  const tally = new Map<Nodes, {timed: number; all: number}>()
  for (const [entry, group] of groups) {
    const count = tally.get(group) ?? {timed: 0, all: 0}
    count.all++
    if (entry.kind !== 'untimed') count.timed++
    tally.set(group, count)
  }
  return entries.filter((entry) => {
    const group = groups.get(entry)
    const count = group ? tally.get(group) : undefined
    return entry.kind === 'untimed' && count !== undefined && count.timed >= 2 && count.timed * 2 >= count.all && !ASIDE.test(entry.line.text)
  })
}

// An item all in parentheses is a note between entries: "(no further action
// overnight)"; the line as read has lost its leading markup, the bracket with it.
const ASIDE = /^\s{0,3}\(?[^()]{0,200}\)[.!]?\s{0,3}$/

const EVENING = 18 * 60
const MORNING = 12 * 60
const NOON = 12 * 60
const LATE_MORNING = 11 * 60
// How far past the entry before an hour read as afternoon may be: "1:17" after
// "11:57" is an hour and a quarter on, "10:00" after "11:30" is out of order.
const AFTERNOON_STEP = 180
const DAY = MINUTES_PER_DAY
const MERIDIEM_WRITTEN = /\d\s?([ap])\.?\s?m(?![a-z])/i

/** The meridiem written with a time; "1:42-1:59 PM": a range's end gives the start its own. */
function meridiemOf(mention: TimeMention): 'am' | 'pm' | undefined {
  const written = MERIDIEM_WRITTEN.exec(`${mention.span.text} ${mention.end?.span.text ?? ''}`)?.[1]
  return written === undefined ? undefined : written.toLowerCase() === 'p' ? 'pm' : 'am'
}
const modulo = (value: number, divisor: number): number => ((value % divisor) + divisor) % divisor

// A year-less date more than this many days before the one above it is in the next year ("11-28" then "02-14").
const YEAR_ROLLOVER_DAYS = 60

/**
 * Places the entries of one timeline section in time, in the order written:
 * dates carry over to the entries below them, a date without a year takes
 * the year of the dates above it, undated entries that step from late evening
 * to early morning roll over to the next day, and in a timeline written with
 * a 12-hour clock and no meridiem, a step from late morning to one o'clock is
 * the afternoon.
 */
class SectionPlacer {
  #date: CalendarDate | undefined
  #dayShift = 0
  /** The entry placed before: its minute of the day and offset as written, and its moment. */
  #previous: {minute: number; offset: number; epoch: number} | undefined
  #twentyFourHour = false
  /** The meridiem of the sub-heading above ("### 5:38-10:57 PM"), for the times under it. */
  #headingMeridiem: 'am' | 'pm' | undefined

  constructor(
    private readonly defaultOffset: number,
    private readonly fallbackYear: number,
    private readonly anchorDay: number
  ) {}

  /** A date line or sub-heading: the day of the entries below it. */
  setDate(date: CalendarDate | undefined): void {
    if (date) this.#date = this.#withYear(date)
    this.#dayShift = 0
    this.#previous = undefined
  }

  /** "Day 2": the day of the entries from here, counted from the timeline's first. */
  setDayNumber(day: number): void {
    this.#dayShift = day - 1
    this.#previous = undefined
  }

  place(entry: TimelineEntry, mention: TimeMention): void {
    if (mention.date) this.setDate(mention.date)
    if (entry.source === 'heading') this.#headingMeridiem = meridiemOf(mention)
    const time: ClockTime | undefined = mention.time
    const date = this.#date
    if (time) {
      const minute = this.#minuteOf(time, mention)
      const offset = time.offset ?? this.defaultOffset
      const baseDay = date ? dayNumber(date, this.fallbackYear) : this.anchorDay
      const previous = mention.date ? undefined : this.#previous
      // "18:05 UTC" then "09:25 PST" is 40 minutes back, not a new morning: the
      // step is read on the clock of the entry before.
      const seen = previous && previous.offset !== offset ? modulo(minute - offset + previous.offset, DAY) : minute
      const rollsOver = previous !== undefined && previous.minute >= EVENING && seen < MORNING
      if (rollsOver) this.#dayShift++
      if (previous && seen !== minute) {
        entry.epochMinute = previous.epoch + seen - previous.minute + (rollsOver ? DAY : 0)
        entry.day = Math.floor((entry.epochMinute + offset) / DAY)
        this.#dayShift = entry.day - baseDay
      } else {
        entry.day = baseDay + this.#dayShift
        entry.epochMinute = entry.day * DAY + minute - offset
      }
      this.#previous = {minute, offset, epoch: entry.epochMinute}
      entry.precision = 'minute'
    } else if (date) {
      entry.day = dayNumber(date, this.fallbackYear)
      entry.epochMinute = entry.day * DAY
      entry.precision = 'day'
      this.#previous = undefined
    }
    if (date) entry.date = date
  }

  // "11:57" then "1:17" with no meridiem anywhere near is 13:17, unless the
  // timeline has shown that it counts hours past twelve.
  #minuteOf(time: ClockTime, mention: TimeMention): number {
    const minute = minuteOfDay(time)
    const meridiem = meridiemOf(mention)
    if (meridiem || time.hour === 0 || time.hour > 12) {
      if (time.hour > 12 && !meridiem) this.#twentyFourHour = true
      return minute
    }
    if (this.#headingMeridiem === 'pm' && time.hour < 12) return minute + NOON
    const previous = this.#previous?.minute
    const afternoon = minute + NOON
    if (!this.#twentyFourHour && !mention.date && previous !== undefined && minute < previous && previous >= LATE_MORNING && afternoon >= previous && afternoon - previous <= AFTERNOON_STEP) {
      return afternoon
    }
    return minute
  }

  // Timelines that span a new year write "Dec 30" then "Jan 2" without years.
  #withYear(date: CalendarDate): CalendarDate {
    const above = this.#date
    if (date.year !== undefined || above?.year === undefined) return date
    const sameYear = {...date, year: above.year}
    const back = dayNumber(above, this.fallbackYear) - dayNumber(sameYear, this.fallbackYear)
    return back > YEAR_ROLLOVER_DAYS ? {...date, year: above.year + 1} : sameYear
  }
}

/**
 * Reads the entries of the timeline sections and places each in time (see
 * `SectionPlacer`).
 */
export function buildTimeline(
  tree: Root,
  source: string,
  sections: readonly Section[],
  defaultOffset: number,
  fallbackYear: number,
  /** The day of entries written without a date. */
  anchorDay: number,
  order: DateOrder = 'month-first'
): Timeline {
  const entries: TimelineEntry[] = []
  const told: TimelineEntry[] = []
  const groups = new Map<TimelineEntry, Nodes>()
  for (const section of sections) {
    if (!section.kinds.includes('timeline')) continue
    const placer = new SectionPlacer(defaultOffset, fallbackYear, anchorDay)
    const before = entries.length
    const dotted = writesDottedClocks(source.slice(section.contentStart, section.contentEnd))
    for (const candidate of candidates(tree, source, section.contentStart, section.contentEnd, order, dotted)) {
      const reading = read(candidate, order, dotted)
      if (reading.kind === 'date-line') {
        placer.setDate(reading.mention?.date)
        continue
      }
      // "Day 2, 06:45 — …" or a "**Day 2**" line: days counted from the first, where no date is written.
      const day = DAY_NUMBER.exec(stripLeadingMarkup(candidate.line).text)
      if (day && !reading.mention?.date) placer.setDayNumber(Number(day[1]))
      const entry: TimelineEntry = {section, line: stripLeadingMarkup(candidate.line), source: candidate.source, kind: reading.kind}
      if (reading.timestamp) entry.timestamp = reading.timestamp
      if (reading.impossible) entry.impossible = reading.impossible
      if (reading.mention) {
        entry.mention = reading.mention
        placer.place(entry, reading.mention)
      }
      entries.push(entry)
      if (candidate.group) groups.set(entry, candidate.group)
    }
    if (!entries.slice(before).some((entry) => entry.mention?.time)) appendAll(told, toldMoments(tree, source, section, placer, order))
  }
  return {
    entries,
    untimed: untimedIn(entries, groups),
    timed: entries.filter((entry) => entry.epochMinute !== undefined),
    dated: entries.some((entry) => entry.date !== undefined),
    told
  }
}

const DAY_NUMBER = /^day\s{1,2}(\d{1,3})(?![\d:])/i

// A line's lead (a list marker, a cell's pipe, emphasis), then a clock
// written with a dot or a colon: "- 14.35 Alert fired", "| **14:35** |".
const LINE_LEAD = String.raw`^[ \t]{0,3}(?:[-*+][ \t]{1,4}|\d{1,3}[.)][ \t]{1,4})?(?:\|[ \t]{0,3})?[*_]{0,2}`
const DOTTED_LEAD = new RegExp(`${LINE_LEAD}(?:[01]?\\d|2[0-3])\\.[0-5]\\d(?![.,\\d])`, 'gm')
const COLON_LEAD = new RegExp(`${LINE_LEAD}\\d{1,2}:[0-5]\\d`, 'gm')

/**
 * Whether a timeline writes its clocks with a dot, as some European writers
 * do: two lines or more start with one, and more than start with a colon's.
 * One line may start with a version ("1.20 is out"); a timeline's lines agree.
 */
function writesDottedClocks(text: string): boolean {
  if (!text.includes('.')) return false
  const dotted = text.match(DOTTED_LEAD)?.length ?? 0
  return dotted >= 2 && dotted > (text.match(COLON_LEAD)?.length ?? 0)
}

/** The clock times told in a timeline section written as prose, placed like entries. */
function toldMoments(tree: Root, source: string, section: Section, placer: SectionPlacer, order: DateOrder): TimelineEntry[] {
  const moments: TimelineEntry[] = []
  for (const statement of statementsIn(tree, source, section.contentStart, section.contentEnd)) {
    for (const mention of findTimes(statement, order)) {
      if (!mention.time) continue
      const entry: TimelineEntry = {section, line: statement, source: 'prose', kind: 'timed', timestamp: mention.span, mention}
      placer.place(entry, mention)
      if (entry.epochMinute !== undefined) moments.push(entry)
    }
  }
  return moments
}

// Fewer stamped blocks than this are dated sections of a report, not a log.
const MIN_LOG_BLOCKS = 3

/** Whether a line is a date and a time and nothing more (a zone may follow). */
function isStampLine(line: Span): boolean {
  const lead = readLeadingTime(stripLeadingMarkup(line))
  if (lead?.kind !== 'absolute' || !lead.mention.date || !lead.mention.time) return false
  const rest = line.text.slice(spanEnd(lead.mention.span) - line.start)
  return lead.mention.span.start - line.start < 8 && !hasTwoWords(rest.slice(0, 40))
}

/** Whether text holds two words of two letters or more: prose rather than a zone or a code. */
function hasTwoWords(text: string): boolean {
  // Counting tokens, not one pattern with `.*` between words, keeps the test linear (recheck).
  return text.split(/\s+/).filter((token) => /^\p{L}{2}/u.test(token)).length >= 2
}

/** A heading that starts with a date and a time, or a paragraph with a line that is one. */
function isStampedBlock(node: Nodes, source: string): boolean {
  const range = offsets(node)
  if (!range) return false
  if (node.type === 'heading') {
    const lead = readLeadingTime(stripLeadingMarkup(slice(source, range[0], range[1])))
    return lead?.kind === 'absolute' && lead.mention.date !== undefined && lead.mention.time !== undefined
  }
  return node.type === 'paragraph' && splitLines(source, range[0], range[1]).some(isStampLine)
}

/**
 * A log of timestamped updates with no section named for it, as status pages
 * publish incidents: headings that are each a date and a time
 * (`## 2025-01-21T14:00:00 - service back`), or updates each closed by a line
 * that is a date and a time. It is the document's timeline for reading times,
 * though the document still lacks a section named so. Only looked for when no
 * section is named a timeline.
 */
export function unnamedLog(tree: Root, source: string): Section | undefined {
  const stamped = tree.children.filter((node) => isStampedBlock(node, source))
  const first = stamped[0] ? offsets(stamped[0]) : undefined
  if (stamped.length < MIN_LOG_BLOCKS || !first) return undefined
  const marker = slice(source, first[0], first[1])
  return {
    kinds: ['timeline'],
    title: '',
    style: 'atx',
    depth: 2,
    marker,
    titleSpan: marker,
    contentStart: first[0],
    contentEnd: source.length,
    hasContent: true
  }
}

/**
 * Whether `entry` happened before `other`, to the precision both are known:
 * the day as written when either has no time, the minute otherwise
 * ("17:55" is not before "17:55:08").
 */
export function isBefore(entry: TimelineEntry, other: TimelineEntry): boolean {
  if (entry.epochMinute === undefined || other.epochMinute === undefined) return false
  if (entry.precision === 'day' || other.precision === 'day') {
    return entry.day !== undefined && other.day !== undefined && entry.day < other.day
  }
  return Math.floor(entry.epochMinute) < Math.floor(other.epochMinute)
}

/** The entry's date or time as written, for messages. */
export function stampText(entry: TimelineEntry): string {
  return `\`${(entry.timestamp?.text ?? entry.line.text).trim()}\``
}
