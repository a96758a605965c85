import {type FactMoment, type IncidentFacts, formatOffset} from '../extract-facts.js'
import {maxOf} from '../arrays.js'

/** One incident, as a row of the table: times as ISO 8601, durations in minutes. */
export interface IncidentRow {
  /** The file, relative to the working directory, with `/` separators. */
  file: string
  title?: string
  /** `2024-02-16`; `--02-16` when the document never gives the year. */
  date?: string
  start?: string
  detection?: string
  end?: string
  /** The stated duration, or the minutes from start to end. */
  duration?: number
  timeToDetect?: number
  timeToResolve?: number
  /** The largest share of who or what was affected, in percent, as the document writes it (`all users` is not counted). */
  impactPercent?: number
  /** Every figure of the impact, as written, joined by `; `. */
  impact: string
}

export interface Aggregate {
  /** Number of incidents with the figure. */
  count: number
  median?: number
  mean?: number
}

export interface PeriodSummary {
  /** `2024-02`; `unknown` for incidents without a dated year. */
  month: string
  /** Number of incidents. */
  incidents: number
  timeToResolve: Aggregate
  timeToDetect: Aggregate
}

export interface Summary {
  months: PeriodSummary[]
  overall: PeriodSummary
}

/** `2024-02-16T10:00Z`, or what is known of the moment: `--02-16 10:00`, `10:00+03:00`. */
export function momentText(moment: FactMoment | undefined): string | undefined {
  if (!moment) return undefined
  if (moment.iso) return moment.iso
  const offset = moment.time && moment.utcOffset !== undefined ? formatOffset(moment.utcOffset) : ''
  return [moment.date, moment.time && `${moment.time}${offset}`].filter(Boolean).join(' ') || undefined
}

export function rowOf(file: string, facts: IncidentFacts): IncidentRow {
  const measured = facts.start && facts.end && facts.end.minutes >= facts.start.minutes ? facts.end.minutes - facts.start.minutes : undefined
  const shares = facts.impact.percentages.flatMap((figure) => (figure.kind === 'percentage' && figure.value !== undefined && figure.value <= 100 ? [figure.value] : []))
  const row: IncidentRow = {
    file,
    title: facts.title?.text,
    date: facts.date?.value,
    start: momentText(facts.start),
    detection: momentText(facts.detection),
    end: momentText(facts.end),
    duration: facts.duration?.minutes ?? measured,
    timeToDetect: facts.timeToDetect,
    timeToResolve: facts.timeToResolve,
    impactPercent: maxOf(shares),
    impact: [...facts.impact.percentages, ...facts.impact.counts]
      .sort((a, b) => (a.position.start.offset ?? 0) - (b.position.start.offset ?? 0))
      .map((figure) => figure.text)
      .join('; ')
  }
  // Unknown facts are left out, not written as null.
  for (const key of Object.keys(row) as Array<keyof IncidentRow>) if (row[key] === undefined) delete row[key]
  return row
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

export function aggregate(values: readonly number[]): Aggregate {
  if (values.length === 0) return {count: 0}
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length
  return {count: sorted.length, median: round(median), mean: round(mean)}
}

function periodOf(month: string, rows: readonly IncidentRow[]): PeriodSummary {
  const figures = (key: 'timeToResolve' | 'timeToDetect'): number[] => rows.flatMap((row) => (row[key] === undefined ? [] : [row[key]]))
  return {month, incidents: rows.length, timeToResolve: aggregate(figures('timeToResolve')), timeToDetect: aggregate(figures('timeToDetect'))}
}

const UNKNOWN_MONTH = 'unknown'

/** The month of a row: `2024-02`, or `unknown` when its date or year is unknown. */
export function monthOf(row: IncidentRow): string {
  return row.date && /^\d{4}-\d{2}/.test(row.date) ? row.date.slice(0, 7) : UNKNOWN_MONTH
}

/** Count, median and mean time to resolve and to detect, overall and per month (unknown last). */
export function summarize(rows: readonly IncidentRow[]): Summary {
  const byMonth = new Map<string, IncidentRow[]>()
  for (const row of rows) {
    const month = monthOf(row)
    const group = byMonth.get(month)
    if (group) group.push(row)
    else byMonth.set(month, [row])
  }
  const months = [...byMonth.keys()].sort((a, b) => (a === UNKNOWN_MONTH ? 1 : b === UNKNOWN_MONTH ? -1 : a < b ? -1 : a > b ? 1 : 0))
  return {months: months.map((month) => periodOf(month, byMonth.get(month) ?? [])), overall: periodOf('all', rows)}
}

/** Dated incidents first, by date and start; then the others; by file among equals. */
export function compareRows(a: IncidentRow, b: IncidentRow): number {
  const key = (row: IncidentRow): string => (row.date && /^\d/.test(row.date) ? `0${row.date} ${row.start ?? ''}` : `1${row.date ?? ''}`)
  const [left, right] = [key(a), key(b)]
  if (left !== right) return left < right ? -1 : 1
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0
}
