import type {IncidentRow, Metric} from './rows.js'
import {METRICS} from './rows.js'
import {aggregate} from './periods.js'
import {METRIC_NAMES, shortMinutes} from './formats.js'
import {LOG_TICKS, escape, fixed, logRange, logShare} from './svg.js'
import {maxOf, minOf} from '../../model/support/arrays.js'

// Labels of the markers in rows at the top, dots stacked up from the axis
// below them: nine lanes of dots stay clear of the lowest label row.
const DIST = {width: 800, height: 186, left: 24, right: 24, axis: 140, labelRows: [14, 30, 46], radius: 4, lane: 9, lanes: 9}
// Of the 12px bold labels, enough to keep them apart.
const LABEL_CHARACTER_WIDTH = 7.5

interface Dot {
  row: IncidentRow
  minutes: number
  x: number
  lane: number
}

type MarkerKind = 'p50' | 'p90' | 'max'

/**
 * Each dot in the lowest lane where it covers no other: incidents of about
 * the same duration stack up instead of hiding each other. Past the last
 * lane a dot goes where the lane ends furthest left (drawn translucent).
 */
function stack(measured: ReadonlyArray<{row: IncidentRow; minutes: number}>, x: (minutes: number) => number): Dot[] {
  const laneEnds = Array.from({length: DIST.lanes}, () => Number.NEGATIVE_INFINITY)
  return [...measured]
    .sort((a, b) => a.minutes - b.minutes)
    .map(({row, minutes}) => {
      const at = x(minutes)
      const free = laneEnds.findIndex((end) => end <= at - 2 * DIST.radius - 1)
      const lane = free === -1 ? laneEnds.indexOf(minOf(laneEnds) ?? 0) : free
      laneEnds[lane] = at
      return {row, minutes, x: at, lane}
    })
}

/**
 * The p50, p90 and longest as labelled vertical lines. Each label takes the
 * first row where it overlaps no other; three rows for three labels, so one
 * is always free.
 */
function drawMarkers(markers: ReadonlyArray<[MarkerKind, number]>, x: (minutes: number) => number): string[] {
  const rowEnds = DIST.labelRows.map(() => Number.NEGATIVE_INFINITY)
  return markers.map(([kind, minutes]) => {
    const at = x(minutes)
    const text = `${kind} ${shortMinutes(minutes)}`
    const width = text.length * LABEL_CHARACTER_WIDTH
    // Right of the line unless that would run past the plot: the estimate of the width is rough.
    const anchor = at + 4 + width > DIST.width - DIST.right ? 'end' : 'start'
    const left = anchor === 'end' ? at - 4 - width : at + 4
    const free = rowEnds.findIndex((end) => end < left)
    const row = free === -1 ? rowEnds.indexOf(minOf(rowEnds) ?? 0) : free
    rowEnds[row] = left + width + 6
    const y = DIST.labelRows[row] ?? 14
    return `<g class="dist-marker dist-${kind}" data-marker="${kind}" data-minutes="${minutes}"><line x1="${fixed(at)}" x2="${fixed(at)}" y1="${y + 4}" y2="${DIST.axis}"/><text x="${fixed(anchor === 'end' ? at - 4 : at + 4)}" y="${y}" text-anchor="${anchor}">${escape(text)}</text></g>`
  })
}

/** The log ticks; the lowest reads `≤ 1m` when shorter durations (detected as the incident began) stand on it. */
function drawTicks(low: number, high: number, least: number, x: (minutes: number) => number): string[] {
  return LOG_TICKS.filter((tick) => tick >= low && tick <= high).map((tick) => {
    const at = fixed(x(tick))
    const text = tick === low && least < low ? `≤ ${shortMinutes(tick)}` : shortMinutes(tick)
    return `<line class="tick" x1="${at}" x2="${at}" y1="${DIST.axis}" y2="${DIST.axis + 5}"/><text class="tick-label" x="${at}" y="${DIST.axis + 18}">${escape(text)}</text>`
  })
}

function drawDots(dots: readonly Dot[]): string[] {
  return dots.map(({row, minutes, x, lane}) => {
    const title = `${row.title ?? row.file}: ${shortMinutes(minutes)}`
    return `<circle class="dist-dot" data-file="${escape(row.file)}" data-minutes="${minutes}" cx="${fixed(x)}" cy="${DIST.axis - 10 - lane * DIST.lane}" r="${DIST.radius}"><title>${escape(title)}</title></circle>`
  })
}

/** How many were measured and how many not, for the caption and the aria-label. */
function counted(measured: number, unmeasured: number): string {
  return `${measured} incident${measured === 1 ? '' : 's'} measured, ${unmeasured} not measured`
}

/**
 * The whole distribution of one duration: a dot per measured incident on a
 * log time axis (minutes to days), stacked where durations are close, with
 * the p50, p90 and longest marked. A mean would hide the long tail.
 */
export function distributionChart(metric: Metric, rows: readonly IncidentRow[]): string {
  const name = METRIC_NAMES[metric]
  const measured = rows.flatMap((row) => (row[metric] === undefined ? [] : [{row, minutes: row[metric]}]))
  const unmeasured = rows.length - measured.length
  const {median, p90, max} = aggregate(measured.map(({minutes}) => minutes))
  if (median === undefined || p90 === undefined || max === undefined) {
    return `<p class="no-chart" data-metric="${metric}" data-unmeasured="${unmeasured}">No incident has a ${escape(name)} (${escape(counted(0, unmeasured))}).</p>`
  }
  const values = measured.map(({minutes}) => minutes)
  const least = minOf(values) ?? 1
  const {low, high} = logRange(least, maxOf(values) ?? 1)
  const x = (minutes: number): number => DIST.left + logShare(minutes, low, high) * (DIST.width - DIST.left - DIST.right)
  const markers: Array<[MarkerKind, number]> = [['p50', median], ['p90', p90], ['max', max]]
  const summary = `p50 ${shortMinutes(median)}, p90 ${shortMinutes(p90)}, longest ${shortMinutes(max)}`
  const label = `Distribution of the ${name}: ${counted(measured.length, unmeasured)}; ${summary}`
  return [
    `<svg class="chart dist-chart" viewBox="0 0 ${DIST.width} ${DIST.height}" role="img" aria-label="${escape(label)}" data-metric="${metric}" data-measured="${measured.length}" data-unmeasured="${unmeasured}">`,
    `<line class="axis" x1="${DIST.left}" x2="${DIST.width - DIST.right}" y1="${DIST.axis}" y2="${DIST.axis}"/>`,
    ...drawTicks(low, high, least, x),
    ...drawMarkers(markers, x),
    ...drawDots(stack(measured, x)),
    `<text class="caption" x="${DIST.width - DIST.right}" y="${DIST.height - 4}" text-anchor="end">${escape(`${name} (log scale), a dot per incident; n = ${counted(measured.length, unmeasured)}`)}</text>`,
    '</svg>'
  ].join('\n')
}

/** A distribution chart for each duration: time to detect, to mitigate, to resolve. */
export function distributionCharts(rows: readonly IncidentRow[]): string {
  return METRICS.map((metric) => `<h3>${escape(METRIC_NAMES[metric])}</h3>\n${distributionChart(metric, rows)}`).join('\n')
}

export const DISTRIBUTION_STYLE = `
.dist-dot { fill: var(--entry); fill-opacity: 0.75; }
.dist-marker line { stroke-width: 2; stroke-dasharray: 4 3; }
/* A halo of the page's colour: a label that crosses an earlier marker's line stays readable. */
.dist-marker text { font-weight: 600; paint-order: stroke; stroke: var(--paper); stroke-width: 4px; stroke-linejoin: round; }
.dist-p50 line { stroke: var(--resolution); } .dist-p50 text { fill: var(--resolution); }
.dist-p90 line { stroke: var(--start); } .dist-p90 text { fill: var(--start); }
.dist-max line { stroke: var(--muted); } .dist-max text { fill: var(--ink); }
`
