import {type FactMoment, type IncidentFacts, formatOffset} from '../../model/facts/extract-facts.js'
import type {IncidentRow} from './rows.js'
import {type OpenItems, byUrgency, openItemsCounts} from '../shared/open-items.js'
import type {RecurringGroup} from './recurring.js'
import {type MonthSummary, type PeriodFigures, type Summary, monthOf} from './periods.js'
import {type Column, type Insights, METRIC_NAMES, OPEN_ITEM_COLUMNS, UNMEASURED_COLUMNS, periodColumns, shortMinutes} from './formats.js'
import {maxOf, minOf} from '../../model/support/arrays.js'
import {MINUTES_PER_DAY} from '../../model/time/time.js'
import {LOG_TICKS, escape, fixed, logRange, logShare} from './svg.js'
import {DISTRIBUTION_STYLE, distributionCharts} from './distribution.js'

/** An incident as the report shows it: its row and the facts behind it. */
export interface ReportIncident {
  row: IncidentRow
  facts: IncidentFacts
}


function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

// Tick steps in minutes, from five minutes to a year: the first that gives few enough ticks.
const STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10_080, 20_160, 43_200, 129_600, 525_600]

function stepFor(span: number, most: number): number {
  return STEPS.find((step) => span / step <= most) ?? Math.ceil(span / most)
}

function clock(minutes: number): string {
  const date = new Date(minutes * 60_000)
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`
}

function day(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 10)
}

type MarkKind = 'start' | 'detection' | 'mitigation' | 'resolution'

const MARK_LABELS: Record<MarkKind, string> = {
  start: 'start',
  detection: 'detected',
  mitigation: 'mitigated',
  resolution: 'resolved'
}

interface Mark {
  kind: MarkKind
  moment: FactMoment
  /** Set when the moment is on a day none of the timed entries is on: drawn at that edge. */
  off?: 'before' | 'after'
}

// The caption has a row of its own under the tick labels: at their height it
// covered the last tick's time.
const TIMELINE = {width: 800, height: 184, left: 24, right: 24, axis: 138, labelRows: [14, 30, 46, 62]}
// Of the 12px bold labels, enough to keep them apart.
const LABEL_CHARACTER_WIDTH = 7.5

type TimedEntry = {entry: IncidentFacts['timeline'][number]; moment: FactMoment; index: number}

/**
 * The start, detection, mitigation and end that have a clock time. One stated
 * on a day the timeline's timed entries do not reach (an end "two days later"
 * while the entries cover one afternoon) would squeeze the whole timeline to
 * one side of the axis, so it is drawn at that edge, its label giving the day.
 */
function marksOf(facts: IncidentFacts, entries: readonly TimedEntry[], offset: number): Mark[] {
  const stated: Array<[MarkKind, FactMoment | undefined]> = [
    ['start', facts.start],
    ['detection', facts.detection],
    ['mitigation', facts.mitigation],
    ['resolution', facts.end]
  ]
  const localDay = (minutes: number): number => Math.floor((minutes + offset) / MINUTES_PER_DAY)
  const days = entries.map(({moment}) => localDay(moment.minutes))
  const first = minOf(days)
  const last = maxOf(days)
  return stated.flatMap(([kind, moment]) => {
    if (!moment?.time) return []
    if (first !== undefined && localDay(moment.minutes) < first) return [{kind, moment, off: 'before' as const}]
    if (last !== undefined && localDay(moment.minutes) > last) return [{kind, moment, off: 'after' as const}]
    return [{kind, moment}]
  })
}

function markText({kind, moment, off}: Mark, offset: number): string {
  const when = moment.time ?? moment.date ?? ''
  if (off === 'before') return `← ${MARK_LABELS[kind]} ${day(moment.minutes + offset).slice(5)} ${when}`
  if (off === 'after') return `${MARK_LABELS[kind]} ${day(moment.minutes + offset).slice(5)} ${when} →`
  return `${MARK_LABELS[kind]} ${when}`.trim()
}

/**
 * The marks with their labels. Each label takes the first row where it
 * overlaps no other label; there are as many rows as kinds of mark, so one
 * is always free and labels never cover each other.
 */
function drawMarks(marks: readonly Mark[], x: (minutes: number) => number, offset: number): string[] {
  const rowEnds = TIMELINE.labelRows.map(() => Number.NEGATIVE_INFINITY)
  const edge = {before: TIMELINE.left, after: TIMELINE.width - TIMELINE.right}
  const placed = marks.map((mark) => ({mark, at: mark.off ? edge[mark.off] : x(mark.moment.minutes)}))
  return placed
    .sort((a, b) => a.at - b.at)
    .map(({mark, at}) => {
      const text = markText(mark, offset)
      const width = text.length * LABEL_CHARACTER_WIDTH
      const anchor = at + 4 + width > TIMELINE.width ? 'end' : 'start'
      const left = anchor === 'end' ? at - 4 - width : at + 4
      const free = rowEnds.findIndex((end) => end < left)
      const row = free === -1 ? rowEnds.indexOf(minOf(rowEnds) ?? 0) : free
      rowEnds[row] = left + width + 6
      const y = TIMELINE.labelRows[row] ?? 14
      const off = mark.off ? ` data-off="${mark.off}"` : ''
      return `<g class="mark mark-${mark.kind}${mark.off ? ' mark-off' : ''}" data-mark="${mark.kind}"${off}><line x1="${fixed(at)}" x2="${fixed(at)}" y1="${y + 4}" y2="${TIMELINE.axis}"/><text x="${fixed(anchor === 'end' ? at - 4 : at + 4)}" y="${y}" text-anchor="${anchor}">${escape(text)}</text><title>${escape(`${MARK_LABELS[mark.kind]}: ${mark.moment.text}`)}</title></g>`
    })
}

function drawTicks(from: number, to: number, x: (minutes: number) => number, offset: number): string[] {
  const step = stepFor(to - from, 7)
  const ticks: string[] = []
  for (let local = Math.ceil((from + offset) / step) * step; local - offset <= to; local += step) {
    const text = step >= MINUTES_PER_DAY ? day(local) : to - from > MINUTES_PER_DAY ? `${day(local).slice(5)} ${clock(local)}` : clock(local)
    const at = fixed(x(local - offset))
    ticks.push(`<line class="tick" x1="${at}" x2="${at}" y1="${TIMELINE.axis}" y2="${TIMELINE.axis + 5}"/><text class="tick-label" x="${at}" y="${TIMELINE.axis + 18}">${escape(text)}</text>`)
  }
  return ticks
}

/**
 * A timeline chart: each timed entry a dot on a time axis, the start,
 * detection, mitigation and end as labelled vertical marks.
 */
export function timelineChart(facts: IncidentFacts, label: string): string {
  // Only moments with a clock time are plotted: a date line ("2025-03-14 (all
  // times UTC)") is known to the day, and at its midnight it would stretch the
  // axis over hours where nothing happened.
  const entries = facts.timeline.flatMap((entry, index) => (entry.moment?.time ? [{entry, moment: entry.moment, index}] : []))
  // Labels are in the document's time zone; offset 0 when it names none.
  const offset = facts.start?.utcOffset ?? facts.timeZone?.utcOffset ?? 0
  const marks = marksOf(facts, entries, offset)
  if (entries.length === 0 && marks.length === 0) return '<p class="no-chart">No timeline entry or stated moment has a time.</p>'

  // Marks drawn at an edge do not stretch the axis.
  const all = [...entries.map(({moment}) => moment.minutes), ...marks.filter((mark) => !mark.off).map(({moment}) => moment.minutes)]
  let from = minOf(all) ?? Number.POSITIVE_INFINITY
  let to = maxOf(all) ?? Number.NEGATIVE_INFINITY
  // A single moment gets half an hour either side.
  if (to - from < 10) {
    from -= 30
    to += 30
  }
  const pad = (to - from) * 0.04
  from -= pad
  to += pad
  const plot = TIMELINE.width - TIMELINE.left - TIMELINE.right
  const x = (minutes: number): number => TIMELINE.left + ((minutes - from) / (to - from)) * plot
  const zone = facts.start?.utcOffset !== undefined || facts.timeZone?.utcOffset !== undefined ? `UTC${formatOffset(offset) === 'Z' ? '' : formatOffset(offset)}` : 'as written (no time zone named)'

  // Dots in three lanes so that entries minutes apart stay apart.
  const dots = entries.map(({entry, moment, index}, order) => {
    const lane = order % 3
    const kinds = entry.milestones.join(' ')
    const title = `${moment.time ?? moment.date ?? ''} — ${clip(entry.text, 240)}`
    return `<circle class="entry" data-entry="${index}"${kinds ? ` data-milestones="${escape(kinds)}"` : ''} cx="${fixed(x(moment.minutes))}" cy="${TIMELINE.axis - 18 - lane * 16}" r="5"><title>${escape(title)}</title></circle>`
  })

  return [
    `<svg class="chart timeline-chart" viewBox="0 0 ${TIMELINE.width} ${TIMELINE.height}" role="img" aria-label="${escape(`Timeline of ${label}`)}" data-entries="${entries.length}" data-marks="${marks.length}">`,
    `<line class="axis" x1="${TIMELINE.left}" x2="${TIMELINE.width - TIMELINE.right}" y1="${TIMELINE.axis}" y2="${TIMELINE.axis}"/>`,
    ...drawTicks(from, to, x, offset),
    ...drawMarks(marks, x, offset),
    ...dots,
    `<text class="caption" x="${TIMELINE.width - TIMELINE.right}" y="${TIMELINE.height - 4}" text-anchor="end">${escape(`times ${zone}`)}</text>`,
    '</svg>'
  ].join('\n')
}

const TREND = {width: 800, height: 320, left: 64, right: 24, top: 20, bottom: 44}

interface TrendPoint {
  row: ReportIncident['row']
  /** The incident's day, in minutes since 1970. */
  date: number
  minutes: number
}

/** Where the trend chart draws a day (x) and a time to resolve (y, on a log scale). */
interface TrendScale {
  from: number
  to: number
  low: number
  high: number
  bottom: number
  x: (minutes: number) => number
  y: (minutes: number) => number
}

/** The incidents with both a full date and a time to resolve, in date order. */
function trendPoints(incidents: readonly ReportIncident[]): TrendPoint[] {
  return incidents
    .flatMap(({row}) => {
      const date = row.date && /^\d{4}-\d{2}-\d{2}$/.test(row.date) ? Date.parse(`${row.date}T00:00Z`) / 60_000 : undefined
      return date !== undefined && row.timeToResolve !== undefined ? [{row, date, minutes: row.timeToResolve}] : []
    })
    .sort((a, b) => a.date - b.date)
}

function trendScale(points: readonly TrendPoint[]): TrendScale {
  let from = points[0]?.date ?? 0
  let to = points.at(-1)?.date ?? 0
  if (to - from < 15 * MINUTES_PER_DAY) {
    from -= 15 * MINUTES_PER_DAY
    to += 15 * MINUTES_PER_DAY
  }
  // A log scale: an outage of days must not flatten those of minutes.
  const minutes = points.map((point) => point.minutes)
  const {low, high} = logRange(minOf(minutes) ?? 1, maxOf(minutes) ?? 1)
  const plotWidth = TREND.width - TREND.left - TREND.right
  const plotHeight = TREND.height - TREND.top - TREND.bottom
  const x = (minutes: number): number => TREND.left + ((minutes - from) / (to - from)) * plotWidth
  const y = (minutes: number): number => TREND.top + plotHeight - logShare(minutes, low, high) * plotHeight
  return {from, to, low, high, bottom: TREND.top + plotHeight, x, y}
}

function trendTicks({from, to, low, high, bottom, x, y}: TrendScale): {yTicks: string[]; xTicks: string[]} {
  const yTicks = LOG_TICKS.filter((tick) => tick >= low && tick <= high).map((value) =>
    `<line class="grid" x1="${TREND.left}" x2="${TREND.width - TREND.right}" y1="${fixed(y(value))}" y2="${fixed(y(value))}"/><text class="tick-label y-label" x="${TREND.left - 8}" y="${fixed(y(value) + 4)}">${escape(shortMinutes(value))}</text>`
  )
  const xStep = stepFor(to - from, 6)
  const xTicks: string[] = []
  for (let value = Math.ceil(from / xStep) * xStep; value <= to; value += xStep) {
    const text = xStep >= 28 * MINUTES_PER_DAY ? day(value).slice(0, 7) : day(value)
    xTicks.push(`<line class="tick" x1="${fixed(x(value))}" x2="${fixed(x(value))}" y1="${bottom}" y2="${bottom + 5}"/><text class="tick-label" x="${fixed(x(value))}" y="${bottom + 20}">${escape(text)}</text>`)
  }
  return {yTicks, xTicks}
}

/** Each month's median time to resolve, as a bar across the month. */
function monthMedians(summary: Summary, {x, y}: TrendScale): string[] {
  return summary.months.flatMap((period: MonthSummary) => {
    if (period.timeToResolve.median === undefined || !/^\d{4}-\d{2}$/.test(period.month)) return []
    const start = Date.parse(`${period.month}-01T00:00Z`) / 60_000
    const [year, month] = period.month.split('-').map(Number)
    const end = Date.UTC(year ?? 1970, month ?? 1, 1) / 60_000
    const left = Math.max(TREND.left, x(start))
    const right = Math.min(TREND.width - TREND.right, x(end))
    const at = fixed(y(period.timeToResolve.median))
    return [`<line class="ttr-median" data-month="${period.month}" x1="${fixed(left)}" x2="${fixed(right)}" y1="${at}" y2="${at}"><title>${escape(`${period.month}: median ${shortMinutes(period.timeToResolve.median)} over ${period.timeToResolve.count} incident(s)`)}</title></line>`]
  })
}

/**
 * Time to resolve over time: one dot per dated incident, joined in date
 * order, and each month's median as a bar across the month.
 */
export function resolveTrendChart(incidents: readonly ReportIncident[], summary: Summary): string {
  const points = trendPoints(incidents)
  if (points.length === 0) return '<p class="no-chart">No incident has both a full date and a time to resolve.</p>'
  const scale = trendScale(points)
  const {x, y, bottom} = scale
  const {yTicks, xTicks} = trendTicks(scale)
  const line = points.map((point) => `${fixed(x(point.date))},${fixed(y(point.minutes))}`).join(' ')
  const dots = points.map((point) => {
    const title = `${point.row.date} — ${point.row.title ?? point.row.file}: ${shortMinutes(point.minutes)}`
    return `<circle class="ttr-point" data-file="${escape(point.row.file)}" cx="${fixed(x(point.date))}" cy="${fixed(y(point.minutes))}" r="5"><title>${escape(title)}</title></circle>`
  })

  return [
    `<svg class="chart ttr-chart" viewBox="0 0 ${TREND.width} ${TREND.height}" role="img" aria-label="Time to resolve of each incident over time" data-points="${points.length}">`,
    ...yTicks,
    `<line class="axis" x1="${TREND.left}" x2="${TREND.width - TREND.right}" y1="${bottom}" y2="${bottom}"/>`,
    ...xTicks,
    ...monthMedians(summary, scale),
    `<polyline class="ttr-line" points="${line}"/>`,
    ...dots,
    `<text class="caption" x="${TREND.width - TREND.right}" y="${TREND.height - 4}" text-anchor="end">time to resolve (log scale); bars: median of the month</text>`,
    '</svg>'
  ].join('\n')
}

const STYLE = `
:root { color-scheme: light dark; --ink: #1f2328; --paper: #ffffff; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa; --link: #0969da; --entry: #0969da; --start: #8250df; --detection: #bf3989; --mitigation: #9a6700; --resolution: #1a7f37; }
/* The same roles in GitHub's dark palette: every colour keeps its contrast on the dark page. */
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6edf3; --paper: #0d1117; --muted: #9198a1; --line: #3d444d; --head: #151b23; --link: #4493f8; --entry: #4493f8; --start: #ab7df8; --detection: #e85aad; --mitigation: #d29922; --resolution: #3fb950; }
}
body { background: var(--paper); }
a { color: var(--link); }
ul.related { margin: 0; padding-left: 1.2rem; }
ul.related .date { color: var(--muted); white-space: nowrap; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { line-height: 1.25; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
/* Fourteen columns of percentiles: narrower type, and a scroll of their own on a small screen. */
table.months, table.quarters { font-size: 13px; display: block; overflow-x: auto; max-width: 100%; }
table.months th, table.months td, table.quarters th, table.quarters td { padding: 3px 5px; }
.chart { width: 100%; height: auto; display: block; margin: 0.5rem 0 1rem; }
.chart text { font-size: 12px; fill: var(--muted); }
.chart .tick-label { text-anchor: middle; }
.chart .y-label { text-anchor: end; }
.axis, .tick { stroke: var(--muted); stroke-width: 1; }
.grid { stroke: var(--line); stroke-width: 1; }
.entry { fill: var(--entry); fill-opacity: 0.8; }
.mark line { stroke-width: 2; stroke-dasharray: 4 3; }
.mark-off line { stroke-dasharray: 1 3; }
.mark text { font-weight: 600; }
.mark-start line { stroke: var(--start); } .mark-start text { fill: var(--start); }
.mark-detection line { stroke: var(--detection); } .mark-detection text { fill: var(--detection); }
.mark-mitigation line { stroke: var(--mitigation); } .mark-mitigation text { fill: var(--mitigation); }
.mark-resolution line { stroke: var(--resolution); } .mark-resolution text { fill: var(--resolution); }
.ttr-line { fill: none; stroke: var(--entry); stroke-width: 1.5; stroke-opacity: 0.5; }
.ttr-point { fill: var(--entry); }
.ttr-median { stroke: var(--resolution); stroke-width: 3; }
.incident { border-top: 1px solid var(--line); margin-top: 2rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 1rem; margin: 0.5rem 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.no-chart, .note { color: var(--muted); }
.legend span { margin-right: 1rem; white-space: nowrap; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; }
`

function cell(value: string | number | undefined, numeric = false): string {
  return `<td${numeric ? ' class="number"' : ''}>${escape(value === undefined ? '' : String(value))}</td>`
}

/** A table of rows by columns, cells as a Markdown table shows them; numbers right-aligned. */
function htmlTable<Row>(name: string, columns: ReadonlyArray<Column<Row>>, rows: readonly Row[]): string {
  const head = columns.map((column) => `<th>${escape(column.header)}</th>`).join('')
  const body = rows.map((row) => `<tr>${columns.map((column) => cell((column.show ?? column.value)(row), typeof column.value(row) === 'number')).join('')}</tr>`)
  return `<table class="${name}"><thead><tr>${head}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`
}

function periodTables(summary: Summary): string {
  const months = htmlTable('months', periodColumns<MonthSummary>('month', (period) => period.month), [...summary.months, summary.overall])
  const quarterRows = [...summary.quarters, {...summary.overall, quarter: 'all'}]
  const quarters = htmlTable('quarters', periodColumns<PeriodFigures & {quarter: string}>('quarter', (period) => period.quarter), quarterRows)
  return `<h2>Per month</h2>\n${months}\n<h2>Per quarter</h2>\n${quarters}`
}

/** The open action items: counts, then a table, past-due and ownerless ones first. */
function openItemsPart(openItems: OpenItems): string {
  const {open, overdue, withoutOwner} = openItems
  const counts = `<p class="open-items-counts" data-open="${open}" data-overdue="${overdue}" data-without-owner="${withoutOwner}">${escape(openItemsCounts(openItems))}</p>`
  if (open === 0) return counts
  return `${counts}\n${htmlTable('open-items', OPEN_ITEM_COLUMNS, byUrgency(openItems.items))}`
}

/** The recurring causes: each group a row, its incidents linked to their sections below. */
function recurringPart(groups: readonly RecurringGroup[], anchors: ReadonlyMap<string, string>): string {
  if (groups.length === 0) return '<p class="note">No two incidents share a cause or a tag.</p>'
  const rows = groups.map((group) => {
    const incidents = group.incidents.map((incident) => {
      const name = escape(incident.title ?? incident.file)
      const anchor = anchors.get(incident.file)
      return `<li>${anchor ? `<a href="#${anchor}">${name}</a>` : name}${incident.date ? ` <span class="date">${escape(incident.date)}</span>` : ''}</li>`
    })
    return `<tr data-kind="${group.kind}"><td>${escape(group.kind)}</td><td>${escape(group.label)}</td>${cell(group.incidents.length, true)}<td><ul class="related">${incidents.join('')}</ul></td></tr>`
  })
  return `<table class="recurring-causes"><thead><tr><th>related by</th><th>cause or tag</th><th>incidents</th><th>related incidents</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
}

function unmeasuredTable(rows: readonly IncidentRow[]): string {
  const unmeasured = rows.filter((row) => row.unmeasured)
  if (unmeasured.length === 0) return '<p class="note">Every incident has a month and every time.</p>'
  return htmlTable('unmeasured', UNMEASURED_COLUMNS, unmeasured)
}

function incidentsTable(incidents: readonly ReportIncident[]): string {
  const rows = incidents.map(({row}, index) => `<tr>${[
    `<td><a href="#incident-${index + 1}">${escape(row.title ?? row.file)}</a></td>`,
    cell(row.date),
    cell(shortMinutes(row.duration), true),
    cell(shortMinutes(row.timeToDetect), true),
    cell(shortMinutes(row.timeToMitigate), true),
    cell(shortMinutes(row.timeToResolve), true),
    cell(row.impact)
  ].join('')}</tr>`)
  return `<table class="incidents"><thead><tr><th>incident</th><th>date</th><th>duration</th><th>time to detect</th><th>time to mitigate</th><th>time to resolve</th><th>impact</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
}

const FIGURE_NAMES: Record<string, string> = {month: 'month', ...METRIC_NAMES}

function incidentSection({row, facts}: ReportIncident, index: number): string {
  const details = [
    ['file', row.file],
    ['date', row.date],
    ['start', row.start],
    ['detected', row.detection],
    ['mitigated', row.mitigation],
    ['end', row.end],
    ['duration', shortMinutes(row.duration)],
    ['time to detect', shortMinutes(row.timeToDetect)],
    ['time to mitigate', shortMinutes(row.timeToMitigate)],
    ['time to resolve', shortMinutes(row.timeToResolve)],
    ['impact', row.impact],
    ['not measured', Object.entries(row.unmeasured ?? {}).map(([figure, why]) => `${FIGURE_NAMES[figure] ?? figure}: ${why}`).join('; ')]
  ].filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
  const label = row.title ?? row.file
  return [
    `<section class="incident" id="incident-${index + 1}" data-file="${escape(row.file)}">`,
    `<h3>${escape(label)}</h3>`,
    `<dl class="facts">${details.map(([name, value]) => `<dt>${escape(name)}</dt><dd>${escape(value)}</dd>`).join('')}</dl>`,
    timelineChart(facts, label),
    '</section>'
  ].join('\n')
}

/**
 * A self-contained HTML page (inline CSS and SVG, no script, font or image
 * to load): the aggregates per month, the time to resolve over time, the
 * distribution of each duration, and each incident's facts and timeline.
 */
export function htmlReport(incidents: readonly ReportIncident[], summary: Summary, {openItems, groups}: Insights): string {
  const anchors = new Map(incidents.map(({row}, index) => [row.file, `incident-${index + 1}`]))
  const undated = incidents.filter(({row}) => monthOf(row) === 'unknown').length
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Postmortem report: ${incidents.length} incident${incidents.length === 1 ? '' : 's'}</title>
<style>${STYLE}${DISTRIBUTION_STYLE}</style>
</head>
<body>
<h1>Postmortem report</h1>
<p>${incidents.length} postmortem${incidents.length === 1 ? '' : 's'}${undated > 0 ? `, ${undated} without a dated year` : ''}. Durations are from the stated start (or the first timeline entry) to the stated end (or the entry that says the incident was resolved).</p>
<h2>Time to resolve over time</h2>
${resolveTrendChart(incidents, summary)}
<h2>Distribution of each duration</h2>
<p class="note">A dot per incident measured, on a log scale; p50, p90 and the longest marked.</p>
${distributionCharts(incidents.map(({row}) => row))}
${periodTables(summary)}
<p class="note">Median (p50) and p90 are nearest-rank percentiles: each is the duration of one of the incidents counted in its row's "known" column.</p>
<h2>Incidents</h2>
${incidentsTable(incidents)}
<h2>Not measured</h2>
${unmeasuredTable(incidents.map(({row}) => row))}
<h2>Recurring causes</h2>
${recurringPart(groups, anchors)}
<h2>Open action items</h2>
${openItemsPart(openItems)}
<p class="legend"><span><i style="background: var(--entry)"></i>timeline entry</span><span><i style="background: var(--start)"></i>start</span><span><i style="background: var(--detection)"></i>detected</span><span><i style="background: var(--mitigation)"></i>mitigated</span><span><i style="background: var(--resolution)"></i>resolved</span></p>
${incidents.map(incidentSection).join('\n')}
</body>
</html>
`
}
