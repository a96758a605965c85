import type {TableFormat} from './args.js'
import {type IncidentRow, METRICS, type Metric, type Unmeasured} from './rows.js'
import type {OpenItems} from './open-items.js'
import type {MonthSummary, PeriodFigures, QuarterSummary, Summary} from './periods.js'
import {MINUTES_PER_DAY} from '../../model/time/time.js'

export type Cell = string | number | undefined

export interface Column<Row> {
  header: string
  value(row: Row): Cell
  /** How a Markdown table shows it, when not as the value. */
  show?(row: Row): Cell
}

/** `1h 30m`, `45m`, `2d 3h`: minutes, short enough for a table cell. */
export function shortMinutes(minutes: number | undefined): string {
  if (minutes === undefined) return ''
  const rounded = Math.round(minutes)
  const days = Math.floor(rounded / MINUTES_PER_DAY)
  const hours = Math.floor((rounded % MINUTES_PER_DAY) / 60)
  const rest = rounded % 60
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', rest || (!days && !hours) ? `${rest}m` : '']
  return parts.filter(Boolean).join(' ')
}

const INCIDENT_COLUMNS: Array<Column<IncidentRow>> = [
  {header: 'file', value: (row) => row.file},
  {header: 'date', value: (row) => row.date},
  {header: 'start', value: (row) => row.start},
  {header: 'end', value: (row) => row.end},
  {header: 'duration', value: (row) => row.duration, show: (row) => shortMinutes(row.duration)},
  {header: 'time to detect', value: (row) => row.timeToDetect, show: (row) => shortMinutes(row.timeToDetect)},
  {header: 'time to mitigate', value: (row) => row.timeToMitigate, show: (row) => shortMinutes(row.timeToMitigate)},
  {header: 'time to resolve', value: (row) => row.timeToResolve, show: (row) => shortMinutes(row.timeToResolve)},
  {header: 'impact %', value: (row) => row.impactPercent},
  {header: 'impact', value: (row) => row.impact}
]

export const METRIC_NAMES: Record<Metric, string> = {timeToDetect: 'time to detect', timeToMitigate: 'time to mitigate', timeToResolve: 'time to resolve'}

// Why a figure is missing; the CSV of the incidents carries them as `why_no_*` columns.
const REASON_COLUMNS: Array<Column<IncidentRow>> = [
  {header: 'why no month', value: (row) => row.unmeasured?.month},
  ...METRICS.map((metric): Column<IncidentRow> => ({header: `why no ${METRIC_NAMES[metric]}`, value: (row) => row.unmeasured?.[metric]}))
]

export const UNMEASURED_COLUMNS: Array<Column<IncidentRow>> = [
  {header: 'file', value: (row) => row.file},
  {header: 'month', value: (row) => row.unmeasured?.month},
  ...METRICS.map((metric): Column<IncidentRow> => ({header: METRIC_NAMES[metric], value: (row) => row.unmeasured?.[metric]}))
]

const aggregateColumns = (metric: Metric): Array<Column<PeriodFigures>> => {
  const name = METRIC_NAMES[metric]
  const figure = (key: 'median' | 'p90' | 'max'): Column<PeriodFigures> => ({
    header: `${key} ${name}`,
    value: (period) => period[metric][key],
    show: (period) => shortMinutes(period[metric][key])
  })
  return [figure('median'), figure('p90'), figure('max'), {header: `${name} known`, value: (period) => period[metric].count}]
}

/** The columns of a table of periods, the first naming the period: `month` or `quarter`. */
export function periodColumns<Period extends PeriodFigures>(header: string, name: (period: Period) => string): Array<Column<Period>> {
  return [{header, value: name}, {header: 'incidents', value: (period) => period.incidents}, ...METRICS.flatMap(aggregateColumns)]
}

const MONTH_COLUMNS = periodColumns<MonthSummary>('month', (period) => period.month)
const QUARTER_COLUMNS = periodColumns<QuarterSummary>('quarter', (period) => period.quarter)

// CSV headers are identifiers: `time to resolve` → `time_to_resolve`, `impact %` → `impact_percent`.
function csvHeader(header: string): string {
  return header.replace('%', 'percent').replace(/\s+/g, '_')
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(cell: Cell): string {
  const text = cell === undefined ? '' : String(cell)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csv<Row>(columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]): string {
  const lines = [columns.map((column) => csvHeader(column.header)), ...rows.map((row) => columns.map((column) => csvField(column.value(row))))]
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('')
}

function markdownCell(cell: Cell): string {
  return (cell === undefined ? '' : String(cell)).replace(/\r?\n/g, ' ').replaceAll('\\', '\\\\').replaceAll('|', '\\|')
}

function markdownTable<Row>(columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [
    line(columns.map((column) => column.header)),
    line(columns.map(() => '---')),
    ...rows.map((row) => line(columns.map((column) => markdownCell((column.show ?? column.value)(row)))))
  ].join('\n')
}

/** Which tables to print: with neither, the incidents and every aggregate. */
export interface ReportView {
  byMonth: boolean
  byQuarter: boolean
}

/** The incidents that lack a figure, with why, for the JSON report. */
function unmeasuredList(rows: readonly IncidentRow[]): Array<{file: string} & Unmeasured> {
  return rows.flatMap((row) => (row.unmeasured ? [{file: row.file, ...row.unmeasured}] : []))
}

function jsonReport(rows: readonly IncidentRow[], summary: Summary, view: ReportView, openItems?: OpenItems): string {
  const all = !view.byMonth && !view.byQuarter
  const report = {
    ...(all ? {incidents: rows} : {}),
    ...(all || view.byMonth ? {months: summary.months} : {}),
    ...(all || view.byQuarter ? {quarters: summary.quarters} : {}),
    overall: summary.overall,
    unmeasured: unmeasuredList(rows),
    ...(all && openItems ? {actionItems: openItems} : {})
  }
  return `${JSON.stringify(report, null, 2)}\n`
}

function markdownReport(rows: readonly IncidentRow[], summary: Summary, view: ReportView): string {
  const all = !view.byMonth && !view.byQuarter
  const parts: string[] = []
  if (all) parts.push(`## Incidents\n\n${rows.length > 0 ? markdownTable(INCIDENT_COLUMNS, rows) : 'No postmortem found.'}\n`)
  if (all || view.byMonth) parts.push(`## Per month\n\n${markdownTable(MONTH_COLUMNS, [...summary.months, summary.overall])}\n`)
  if (all || view.byQuarter) parts.push(`## Per quarter\n\n${markdownTable(QUARTER_COLUMNS, [...summary.quarters, {...summary.overall, quarter: 'all'}])}\n`)
  const unmeasured = rows.filter((row) => row.unmeasured)
  if (unmeasured.length > 0) parts.push(`## Not measured\n\n${markdownTable(UNMEASURED_COLUMNS, unmeasured)}\n`)
  return parts.join('\n')
}

/**
 * What `postmortem-facts` prints: the incidents and the aggregates, or with
 * `byMonth` / `byQuarter` those aggregates alone. The CSV is one table: the
 * incidents, with why each missing figure is, or the months, or the quarters.
 */
export function formatReport(format: TableFormat, rows: readonly IncidentRow[], summary: Summary, view: ReportView, openItems?: OpenItems): string {
  switch (format) {
    case 'json':
      return jsonReport(rows, summary, view, openItems)
    case 'csv':
      if (view.byMonth) return csv(MONTH_COLUMNS, [...summary.months, summary.overall])
      if (view.byQuarter) return csv(QUARTER_COLUMNS, [...summary.quarters, {...summary.overall, quarter: 'all'}])
      return csv([...INCIDENT_COLUMNS, ...REASON_COLUMNS], rows)
    case 'markdown':
      return markdownReport(rows, summary, view)
  }
}
