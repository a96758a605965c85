import {type IncidentRow, METRICS, type Metric} from './rows.js'

/**
 * Percentiles of one duration over the incidents that have it. Incident
 * durations are skewed (a few outages of days among many of minutes), so a
 * mean says little: the median, the 90th percentile and the longest do.
 */
export interface Aggregate {
  /** Number of incidents with the figure: the count behind the percentiles. */
  count: number
  /** The 50th percentile, nearest-rank. */
  median?: number
  /** The 90th percentile, nearest-rank. */
  p90?: number
  max?: number
}

/** The figures of a period: its incidents and the percentiles of each duration. */
export type PeriodFigures = {incidents: number} & Record<Metric, Aggregate>

export type MonthSummary = {month: string} & PeriodFigures
export type QuarterSummary = {quarter: string} & PeriodFigures

export interface Summary {
  months: MonthSummary[]
  quarters: QuarterSummary[]
  /** Every incident, `month: 'all'`. */
  overall: MonthSummary
}

/**
 * The nearest-rank percentile: the smallest value that at least `percent` of
 * the values are at or below. It is always one of the values (a duration an
 * incident really had), never an interpolation between two.
 */
export function percentile(sorted: readonly number[], percent: number): number | undefined {
  if (sorted.length === 0) return undefined
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length))
  return sorted[rank - 1]
}

export function aggregate(values: readonly number[]): Aggregate {
  if (values.length === 0) return {count: 0}
  const sorted = [...values].sort((a, b) => a - b)
  return {count: sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90), max: sorted.at(-1)}
}

function figuresOf(rows: readonly IncidentRow[]): PeriodFigures {
  const values = (metric: Metric): number[] => rows.flatMap((row) => (row[metric] === undefined ? [] : [row[metric]]))
  const [timeToDetect, timeToMitigate, timeToResolve] = METRICS.map((metric) => aggregate(values(metric))) as [Aggregate, Aggregate, Aggregate]
  return {incidents: rows.length, timeToDetect, timeToMitigate, timeToResolve}
}

export const UNKNOWN_PERIOD = 'unknown'

/** The month of a row: `2024-02`, or `unknown` when its date or year is unknown. */
export function monthOf(row: IncidentRow): string {
  return row.date && /^\d{4}-\d{2}/.test(row.date) ? row.date.slice(0, 7) : UNKNOWN_PERIOD
}

/** The quarter of a row: `2024-Q1`, or `unknown` when its date or year is unknown. */
export function quarterOf(row: IncidentRow): string {
  const month = monthOf(row)
  if (month === UNKNOWN_PERIOD) return month
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`
}

/** The rows grouped by period, periods in order and `unknown` last. */
function groupBy(rows: readonly IncidentRow[], periodOf: (row: IncidentRow) => string): Array<[string, IncidentRow[]]> {
  const groups = new Map<string, IncidentRow[]>()
  for (const row of rows) {
    const period = periodOf(row)
    const group = groups.get(period)
    if (group) group.push(row)
    else groups.set(period, [row])
  }
  const order = (period: string): string => (period === UNKNOWN_PERIOD ? '\uffff' : period)
  return [...groups].sort(([a], [b]) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
}

/** The percentiles of time to detect, mitigate and resolve, per month, per quarter and for all incidents. */
export function summarize(rows: readonly IncidentRow[]): Summary {
  return {
    months: groupBy(rows, monthOf).map(([month, group]) => ({month, ...figuresOf(group)})),
    quarters: groupBy(rows, quarterOf).map(([quarter, group]) => ({quarter, ...figuresOf(group)})),
    overall: {month: 'all', ...figuresOf(rows)}
  }
}
