import type {Format} from './args.js'
import type {Aggregate, IncidentRow, PeriodSummary, Summary} from './rows.js'
import {MINUTES_PER_DAY} from '../time.js'

type Cell = string | number | undefined

interface Column<Row> {
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
  {header: 'time to resolve', value: (row) => row.timeToResolve, show: (row) => shortMinutes(row.timeToResolve)},
  {header: 'impact %', value: (row) => row.impactPercent},
  {header: 'impact', value: (row) => row.impact}
]

const aggregateColumns = (name: string, pick: (period: PeriodSummary) => Aggregate): Array<Column<PeriodSummary>> => [
  {header: `median ${name}`, value: (period) => pick(period).median, show: (period) => shortMinutes(pick(period).median)},
  {header: `mean ${name}`, value: (period) => pick(period).mean, show: (period) => shortMinutes(pick(period).mean)},
  {header: `${name} known`, value: (period) => pick(period).count}
]

const MONTH_COLUMNS: Array<Column<PeriodSummary>> = [
  {header: 'month', value: (period) => period.month},
  {header: 'incidents', value: (period) => period.incidents},
  ...aggregateColumns('time to resolve', (period) => period.timeToResolve),
  ...aggregateColumns('time to detect', (period) => period.timeToDetect)
]

// CSV headers are identifiers: `time to resolve` → `time_to_resolve`, `impact %` → `impact_percent`.
function csvHeader(header: string): string {
  return header.replace('%', 'percent').replace(/\s+/g, '_')
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(cell: Cell): string {
  const text = cell === undefined ? '' : String(cell)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function csv<Row>(columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]): string {
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

/** What `postmortem-facts` prints: the incidents and the aggregates, or with `byMonth` the aggregates alone. */
export function formatReport(format: Format, rows: readonly IncidentRow[], summary: Summary, byMonth: boolean): string {
  const periods = [...summary.months, summary.overall]
  switch (format) {
    case 'json':
      return `${JSON.stringify(byMonth ? summary : {incidents: rows, ...summary}, null, 2)}\n`
    case 'csv':
      return byMonth ? csv(MONTH_COLUMNS, periods) : csv(INCIDENT_COLUMNS, rows)
    case 'markdown': {
      const months = `## Per month\n\n${markdownTable(MONTH_COLUMNS, periods)}\n`
      if (byMonth) return months
      const incidents = rows.length > 0 ? markdownTable(INCIDENT_COLUMNS, rows) : 'No postmortem found.'
      return `## Incidents\n\n${incidents}\n\n${months}`
    }
  }
}
