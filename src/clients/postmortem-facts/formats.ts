import type {TableFormat} from './args.js'
import {type IncidentRow, METRICS, type Metric, type Unmeasured} from './rows.js'
import {type OpenItem, type OpenItems, byUrgency, itemFlags, openItemsCounts} from '../shared/open-items.js'
import type {RecurringGroup, RelatedIncident} from './recurring.js'
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

/** Which tables to print: with none, the incidents, every aggregate, the recurring causes and the open action items. */
export interface ReportView {
  byMonth: boolean
  byQuarter: boolean
  causes: boolean
  actionItems: boolean
}

function showsAll(view: ReportView): boolean {
  return !view.byMonth && !view.byQuarter && !view.causes && !view.actionItems
}

/** An incident of a group, as a row of the table of recurring causes. */
export interface RecurringRow extends RelatedIncident {
  group: RecurringGroup
  /** Whether it is the group's first row: a Markdown table names the group there only. */
  first: boolean
}

export function recurringRows(groups: readonly RecurringGroup[]): RecurringRow[] {
  return groups.flatMap((group) => group.incidents.map((incident, index) => ({...incident, group, first: index === 0})))
}

export const RECURRING_COLUMNS: Array<Column<RecurringRow>> = [
  {header: 'related by', value: (row) => row.group.kind, show: (row) => (row.first ? row.group.kind : '')},
  {header: 'cause or tag', value: (row) => row.group.label, show: (row) => (row.first ? row.group.label : '')},
  {header: 'incidents', value: (row) => row.group.incidents.length, show: (row) => (row.first ? row.group.incidents.length : '')},
  {header: 'title', value: (row) => row.title},
  {header: 'date', value: (row) => row.date},
  {header: 'file', value: (row) => row.file},
  {header: 'cause', value: (row) => row.cause, show: (row) => (row.cause && row.cause.length > 120 ? `${row.cause.slice(0, 119)}…` : row.cause)}
]

/** The open items as a table shows them: where, what, who, when, and why to chase it. */
export const OPEN_ITEM_COLUMNS: Array<Column<OpenItem>> = [
  {header: 'postmortem', value: (item) => `${item.file}:${item.line}`},
  {header: 'action item', value: (item) => item.text},
  {header: 'owner', value: (item) => item.owner},
  {header: 'due', value: (item) => item.due},
  {header: 'tracking', value: (item) => item.tracking},
  {header: 'flags', value: (item) => itemFlags(item)}
]

// The CSV keeps each fact in a column of its own, the flags as true or false.
const OPEN_ITEM_CSV_COLUMNS: Array<Column<OpenItem>> = [
  {header: 'file', value: (item) => item.file},
  {header: 'line', value: (item) => item.line},
  {header: 'action item', value: (item) => item.text},
  {header: 'owner', value: (item) => item.owner},
  {header: 'due', value: (item) => item.due},
  {header: 'due date', value: (item) => item.dueDate},
  {header: 'tracking', value: (item) => item.tracking},
  {header: 'past due', value: (item) => String(item.overdue)},
  {header: 'without owner', value: (item) => String(item.withoutOwner)}
]

/** What the report has besides the incidents and their times. */
export interface Insights {
  openItems: OpenItems
  groups: readonly RecurringGroup[]
}

/** The incidents that lack a figure, with why, for the JSON report. */
function unmeasuredList(rows: readonly IncidentRow[]): Array<{file: string} & Unmeasured> {
  return rows.flatMap((row) => (row.unmeasured ? [{file: row.file, ...row.unmeasured}] : []))
}

function jsonReport(rows: readonly IncidentRow[], summary: Summary, view: ReportView, insights: Insights): string {
  const all = showsAll(view)
  const report = {
    ...(all ? {incidents: rows} : {}),
    ...(all || view.byMonth ? {months: summary.months} : {}),
    ...(all || view.byQuarter ? {quarters: summary.quarters} : {}),
    ...(all || view.byMonth || view.byQuarter ? {overall: summary.overall, unmeasured: unmeasuredList(rows)} : {}),
    ...(all || view.causes ? {recurringCauses: insights.groups} : {}),
    ...(all || view.actionItems ? {actionItems: insights.openItems} : {})
  }
  return `${JSON.stringify(report, null, 2)}\n`
}

function openItemsMarkdown(openItems: OpenItems): string {
  const counts = openItemsCounts(openItems)
  return `## Open action items\n\n${counts}\n${openItems.open > 0 ? `\n${markdownTable(OPEN_ITEM_COLUMNS, byUrgency(openItems.items))}\n` : ''}`
}

function recurringMarkdown(groups: readonly RecurringGroup[]): string {
  if (groups.length === 0) return '## Recurring causes\n\nNo two incidents share a cause or a tag.\n'
  return `## Recurring causes\n\n${markdownTable(RECURRING_COLUMNS, recurringRows(groups))}\n`
}

function markdownReport(rows: readonly IncidentRow[], summary: Summary, view: ReportView, insights: Insights): string {
  const all = showsAll(view)
  const parts: string[] = []
  if (all) parts.push(`## Incidents\n\n${rows.length > 0 ? markdownTable(INCIDENT_COLUMNS, rows) : 'No postmortem found.'}\n`)
  if (all || view.byMonth) parts.push(`## Per month\n\n${markdownTable(MONTH_COLUMNS, [...summary.months, summary.overall])}\n`)
  if (all || view.byQuarter) parts.push(`## Per quarter\n\n${markdownTable(QUARTER_COLUMNS, [...summary.quarters, {...summary.overall, quarter: 'all'}])}\n`)
  const unmeasured = rows.filter((row) => row.unmeasured)
  if (unmeasured.length > 0 && (all || view.byMonth || view.byQuarter)) parts.push(`## Not measured\n\n${markdownTable(UNMEASURED_COLUMNS, unmeasured)}\n`)
  if (all || view.causes) parts.push(recurringMarkdown(insights.groups))
  if (all || view.actionItems) parts.push(openItemsMarkdown(insights.openItems))
  return parts.join('\n')
}

/**
 * What `postmortem-facts` prints: the incidents, the aggregates, the
 * recurring causes and the open action items, or with `byMonth`,
 * `byQuarter`, `causes` or `actionItems` those parts alone. The CSV is one
 * table: the incidents, with why each missing figure is, or the months, the
 * quarters, the incidents of each recurring cause, or the open action items.
 */
export function formatReport(format: TableFormat, rows: readonly IncidentRow[], summary: Summary, view: ReportView, insights: Insights): string {
  switch (format) {
    case 'json':
      return jsonReport(rows, summary, view, insights)
    case 'csv':
      if (view.byMonth) return csv(MONTH_COLUMNS, [...summary.months, summary.overall])
      if (view.byQuarter) return csv(QUARTER_COLUMNS, [...summary.quarters, {...summary.overall, quarter: 'all'}])
      if (view.causes) return csv(RECURRING_COLUMNS, recurringRows(insights.groups))
      if (view.actionItems) return csv(OPEN_ITEM_CSV_COLUMNS, byUrgency(insights.openItems.items))
      return csv([...INCIDENT_COLUMNS, ...REASON_COLUMNS], rows)
    case 'markdown':
      return markdownReport(rows, summary, view, insights)
  }
}
