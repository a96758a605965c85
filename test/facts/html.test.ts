import {execFile} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {extractFacts} from '../../src/index.js'
import {timelineChart} from '../../src/clients/postmortem-facts/html.js'
import {distributionChart} from '../../src/clients/postmortem-facts/distribution.js'
import {SHARED, hasShared} from '../support/shared.js'
import {POSTMORTEMS, ROOT, runFacts} from './support/run.js'

const CHROMIUM = '/usr/bin/chromium'
const hasShared2 = fs.existsSync(path.join(SHARED, 'corpus2'))
if (!hasShared2) console.warn(`Skipping the HTML report of ${path.join(SHARED, 'corpus2')}: the folder is absent.`)
const hasChromium = fs.existsSync(CHROMIUM)
if (!hasChromium) {
  console.warn(`Skipping the HTML report's rendering test: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it).`)
}

// Appended to a copy of the report: measures what the browser laid out and
// writes it into the page, which --dump-dom then prints. The report itself has no script.
const MEASURE = `<script>
const box = (element) => element.getBoundingClientRect()
const shown = (element) => {
  const style = getComputedStyle(element)
  return style.visibility !== 'hidden' && style.display !== 'none' && style.fill !== 'none' && Number(style.opacity) > 0
}
const within = (element, frame) => {
  const b = box(element)
  return b.width > 0 && b.height > 0 && b.left >= frame.left - 1 && b.right <= frame.right + 1 && b.top >= frame.top - 1 && b.bottom <= frame.bottom + 1
}
const centre = (element) => box(element).left + box(element).width / 2
const middle = (element) => box(element).top + box(element).height / 2
const texts = (svg, frame) => [...svg.querySelectorAll('text')].map((text) => {
  const b = box(text)
  return {text: text.textContent, kind: text.closest('g.mark') ? 'mark' : text.closest('g.dist-marker') ? 'marker' : text.getAttribute('class'), left: b.left, right: b.right, top: b.top, bottom: b.bottom, inside: within(text, frame)}
})
const timelines = [...document.querySelectorAll('section.incident')].map((section) => {
  const svg = section.querySelector('svg.timeline-chart')
  if (!svg) return {file: section.dataset.file, chart: false}
  const frame = box(svg)
  const entries = [...svg.querySelectorAll('circle.entry')]
  const marks = [...svg.querySelectorAll('g.mark')]
  return {
    file: section.dataset.file,
    chart: true,
    width: frame.width,
    height: frame.height,
    entries: entries.map((entry) => ({index: Number(entry.dataset.entry), x: centre(entry), inside: within(entry, frame), shown: shown(entry)})),
    marks: marks.map((mark) => ({kind: mark.dataset.mark, off: mark.dataset.off, x: centre(mark.querySelector('line')), inside: within(mark, frame), label: mark.querySelector('text').getComputedTextLength()})),
    texts: texts(svg, frame)
  }
})
const tables = [...document.querySelectorAll('table')].map((table) => ({name: table.className, headers: [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim())}))
const trend = document.querySelector('svg.ttr-chart')
const frame = trend && box(trend)
const points = trend ? [...trend.querySelectorAll('circle.ttr-point')].map((point) => ({file: point.dataset.file, x: centre(point), y: middle(point), inside: within(point, frame), shown: shown(point)})) : []
// WCAG's contrast of each text's colour with the background it stands on.
const rgb = (color) => (color.match(/[\\d.]+/g) || []).map(Number)
const luminance = ([r, g, b]) => {
  const channel = (value) => { const c = value / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4 }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}
const backgroundOf = (element) => {
  for (let at = element; at; at = at.parentElement) {
    const [r, g, b, a = 1] = rgb(getComputedStyle(at).backgroundColor)
    if (a > 0) return [r, g, b]
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? [0, 0, 0] : [255, 255, 255]
}
const contrast = [...document.querySelectorAll('h1, h2, h3, p, th, td, a, li, span, dt, dd, svg text')]
  .filter((element) => element.id !== 'measurements' && [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim() !== ''))
  .map((element) => {
    const style = getComputedStyle(element)
    const ink = luminance(rgb(element instanceof SVGElement ? style.fill : style.color))
    const paper = luminance(backgroundOf(element))
    return {text: element.textContent.trim().slice(0, 40), ratio: (Math.max(ink, paper) + 0.05) / (Math.min(ink, paper) + 0.05)}
  })
const distributions = [...document.querySelectorAll('svg.dist-chart, p.no-chart[data-metric]')].map((chart) => {
  const frame = box(chart)
  const plotted = (element) => ({file: element.dataset.file, kind: element.dataset.marker, minutes: Number(element.dataset.minutes), x: centre(element.querySelector('line') || element), y: middle(element), inside: within(element, frame), shown: shown(element)})
  return {
    metric: chart.dataset.metric,
    chart: chart.tagName.toLowerCase() === 'svg',
    label: chart.getAttribute('aria-label'),
    measured: Number(chart.dataset.measured || 0),
    unmeasured: Number(chart.dataset.unmeasured),
    dots: [...chart.querySelectorAll('circle.dist-dot')].map(plotted),
    markers: [...chart.querySelectorAll('g.dist-marker')].map(plotted),
    texts: chart.tagName.toLowerCase() === 'svg' ? texts(chart, frame) : []
  }
})
const links = [...document.querySelectorAll('table.recurring-causes a')].map((link) => ({href: link.getAttribute('href'), target: Boolean(document.querySelector(link.getAttribute('href')))}))
const pre = document.createElement('pre')
pre.id = 'measurements'
pre.textContent = JSON.stringify({dark: matchMedia('(prefers-color-scheme: dark)').matches, page: luminance(backgroundOf(document.body)), contrast, links, timelines, tables, distributions, trend: trend ? {width: frame.width, height: frame.height, points, medians: trend.querySelectorAll('line.ttr-median').length, texts: texts(trend, frame)} : null})
document.body.append(pre)
</script>`

interface TextBox {
  text: string
  kind: string
  left: number
  right: number
  top: number
  bottom: number
  inside: boolean
}

/** A dot or a marker of a distribution chart: what it stands for and where it was laid out. */
interface Plotted {
  file?: string
  kind?: string
  minutes: number
  x: number
  y: number
  inside: boolean
  shown: boolean
}

interface Measured {
  /** Whether the page was laid out in the dark colour scheme. */
  dark: boolean
  /** The relative luminance of the page's background, from 0 (black) to 1 (white). */
  page: number
  contrast: Array<{text: string; ratio: number}>
  /** The links of the recurring causes' table, and whether each leads to an element of the page. */
  links: Array<{href: string; target: boolean}>
  timelines: Array<{
    file: string
    chart: boolean
    width?: number
    height?: number
    entries: Array<{index: number; x: number; inside: boolean; shown: boolean}>
    marks: Array<{kind: string; off?: 'before' | 'after'; x: number; inside: boolean; label: number}>
    texts: TextBox[]
  }>
  tables: Array<{name: string; headers: string[]}>
  /** The distribution chart of each duration, or its note when no incident has it. */
  distributions: Array<{
    metric: string
    chart: boolean
    label: string | null
    measured: number
    unmeasured: number
    dots: Plotted[]
    markers: Plotted[]
    texts: TextBox[]
  }>
  trend: {width: number; height: number; points: Array<{file: string; x: number; y: number; inside: boolean; shown: boolean}>; medians: number; texts: TextBox[]} | null
}

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-report-'))
afterAll(() => fs.rmSync(temporary, {recursive: true, force: true}))

/** Opens the report in headless Chromium and returns what it laid out. */
function render(report: string, {dark = false} = {}): Promise<Measured> {
  const name = `measure-${Math.random().toString(36).slice(2)}`
  const page = path.join(temporary, `${name}.html`)
  fs.writeFileSync(page, fs.readFileSync(report, 'utf8').replace('</body>', `${MEASURE}\n</body>`))
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${path.join(temporary, `${name}-profile`)}`,
    '--window-size=1200,900',
    // The colour scheme a reader in dark mode asks for (prefers-color-scheme: dark).
    ...(dark ? ['--force-dark-mode'] : []),
    '--virtual-time-budget=10000',
    '--dump-dom',
    `file://${page}`
  ]
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM, args, {timeout: 90_000, maxBuffer: 256 * 1024 * 1024}, (error, stdout, stderr) => {
      const found = /<pre id="measurements">([^<]*)<\/pre>/.exec(stdout)
      if (!found) {
        reject(new Error(`Chromium printed no measurements (${error?.message ?? 'no error'}): ${stderr.slice(-2000)}`))
        return
      }
      resolve(JSON.parse((found[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')))
    })
  })
}

/** Writes the report of `folder` with the real bin, and gives its path and rows. */
async function writeReport(folder: string, name: string): Promise<{report: string; rows: Array<Record<string, unknown>>}> {
  const report = path.join(temporary, `${name}.html`)
  const {code, stdout, stderr} = await runFacts(['--format', 'json', '--html', report, folder])
  expect(stderr).toBe('')
  expect(code).toBe(0)
  return {report, rows: JSON.parse(stdout).incidents}
}

/** Checks each timeline chart against the facts of its document. */
function checkTimelines(measured: Measured, cwd: string): void {
  for (const chart of measured.timelines) {
    const facts = extractFacts(fs.readFileSync(path.resolve(cwd, chart.file), 'utf8'))
    // Moments known only to the day (a date line) are not plotted at their midnight.
    const timed = facts.timeline.flatMap((entry, index) => (entry.moment?.time ? [{index, minutes: entry.moment.minutes}] : []))
    const marks = [facts.start?.time && 'start', facts.detection?.time && 'detection', facts.mitigation?.time && 'mitigation', facts.end?.time && 'resolution'].filter(Boolean)
    if (timed.length === 0 && marks.length === 0) {
      expect(chart.chart, chart.file).toBe(false)
      continue
    }
    expect(chart.chart, chart.file).toBe(true)
    expect(chart.width).toBeGreaterThan(300)
    expect(chart.height).toBeGreaterThan(50)
    expect(chart.entries.map((entry) => entry.index), chart.file).toEqual(timed.map((entry) => entry.index))
    expect(chart.entries.every((entry) => entry.inside && entry.shown), chart.file).toBe(true)
    expect([...chart.marks.map((mark) => mark.kind)].sort(), chart.file).toEqual([...marks].sort())
    expect(chart.marks.every((mark) => mark.inside && mark.label > 0), chart.file).toBe(true)
    // Later entries stand further right.
    const byTime = [...chart.entries].sort((a, b) => (timed.find((entry) => entry.index === a.index)?.minutes ?? 0) - (timed.find((entry) => entry.index === b.index)?.minutes ?? 0))
    byTime.forEach((entry, order) => {
      if (order > 0) expect(entry.x, chart.file).toBeGreaterThanOrEqual((byTime[order - 1]?.x ?? 0) - 0.5)
    })
  }
}

const DAY = 24 * 60
const METRICS = ['timeToDetect', 'timeToMitigate', 'timeToResolve'] as const

/** The nearest-rank percentile, as the tables give it: one of the values itself. */
function nearestRank(values: readonly number[], percent: number): number | undefined {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(1, Math.ceil((percent / 100) * sorted.length)) - 1]
}

/**
 * One distribution chart per duration, in order: a dot for each incident
 * measured (longer ones further right), the p50 and p90 drawn where the dot
 * of that duration stands, the counts stated; a note when none is measured.
 */
function checkDistributions(measured: Measured, rows: ReadonlyArray<Record<string, unknown>>): void {
  expect(measured.distributions.map((chart) => chart.metric)).toEqual([...METRICS])
  for (const chart of measured.distributions) {
    const known = rows.flatMap((row) => (typeof row[chart.metric] === 'number' ? [{file: row.file, minutes: row[chart.metric] as number}] : []))
    expect(chart.chart, chart.metric).toBe(known.length > 0)
    expect(chart.unmeasured, chart.metric).toBe(rows.length - known.length)
    if (!chart.chart) continue
    expect(chart.measured, chart.metric).toBe(known.length)
    expect(chart.label, chart.metric).toContain(`${known.length} incident${known.length === 1 ? '' : 's'} measured, ${rows.length - known.length} not measured`)
    expect(chart.dots.map((dot) => [dot.file, dot.minutes]).sort(), chart.metric).toEqual(known.map((row) => [row.file, row.minutes]).sort())
    const byMinutes = [...chart.dots].sort((a, b) => a.minutes - b.minutes)
    byMinutes.forEach((dot, order) => {
      if (order > 0) expect(dot.x, chart.metric).toBeGreaterThanOrEqual((byMinutes[order - 1]?.x ?? 0) - 0.5)
    })
    const values = known.map((row) => row.minutes)
    const expected = {p50: nearestRank(values, 50), p90: nearestRank(values, 90), max: Math.max(...values)}
    expect(Object.fromEntries(chart.markers.map((marker) => [marker.kind, marker.minutes])), chart.metric).toEqual(expected)
    for (const marker of chart.markers) {
      // A nearest-rank percentile is an incident's own duration: its line goes through that incident's dot.
      const dot = chart.dots.find((each) => each.minutes === marker.minutes)
      expect(Math.abs(marker.x - (dot?.x ?? Number.NaN)), `${chart.metric} ${marker.kind}`).toBeLessThan(1)
    }
  }
}

/** Text boxes of one chart that cover each other, as "a / b" pairs (1px of antialiasing allowed). */
function collisions(texts: readonly TextBox[]): string[] {
  return texts.flatMap((a, index) =>
    texts
      .slice(index + 1)
      .filter((b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
      .map((b) => `${a.kind} "${a.text}" / ${b.kind} "${b.text}"`)
  )
}

/**
 * What the issue saw go wrong, checked in the laid-out report: a moment drawn
 * outside the day(s) of the timeline's timed entries, labels over each other,
 * and two table columns of the same name.
 */
function checkLayout(measured: Measured, cwd: string): void {
  // Every problem of the report at once: one Chromium launch shows them all.
  const problems: string[] = []
  for (const chart of measured.timelines.filter((each) => each.chart)) {
    problems.push(...collisions(chart.texts).map((pair) => `${chart.file}: overlapping ${pair}`))
    problems.push(...chart.texts.filter((text) => !text.inside).map((text) => `${chart.file}: ${text.kind} "${text.text}" outside the chart`))
    problems.push(...marksOffTheTimeline(chart, cwd))
  }
  if (measured.trend) {
    problems.push(...collisions(measured.trend.texts).map((pair) => `time to resolve chart: overlapping ${pair}`))
    problems.push(...measured.trend.texts.filter((text) => !text.inside).map((text) => `time to resolve chart: ${text.kind} "${text.text}" outside the chart`))
  }
  for (const chart of measured.distributions) {
    problems.push(...collisions(chart.texts).map((pair) => `${chart.metric} distribution: overlapping ${pair}`))
    problems.push(...chart.texts.filter((text) => !text.inside).map((text) => `${chart.metric} distribution: ${text.kind ?? 'label'} "${text.text}" outside the chart`))
    problems.push(...[...chart.dots, ...chart.markers].filter((dot) => !dot.inside || !dot.shown).map((dot) => `${chart.metric} distribution: ${dot.file ?? dot.kind} outside the plot`))
  }
  for (const table of measured.tables) {
    if (table.headers.length === 0 || table.headers.includes('')) problems.push(`table ${table.name}: a column without a header`)
    if (new Set(table.headers).size !== table.headers.length) problems.push(`table ${table.name}: repeated column names in ${table.headers.join(' | ')}`)
  }
  expect(problems).toEqual([])
}

/**
 * Marks on the axis stay on the days of the timeline's timed entries; one the
 * document states on another day stands at that edge of the chart instead.
 */
function marksOffTheTimeline(chart: Measured['timelines'][number], cwd: string): string[] {
  const facts = extractFacts(fs.readFileSync(path.resolve(cwd, chart.file), 'utf8'))
  const timed = facts.timeline.flatMap((entry) => (entry.moment?.time ? [entry.moment] : []))
  if (timed.length === 0) return chart.marks.filter((mark) => mark.off).map((mark) => `${chart.file}: ${mark.kind} at an edge without timed entries`)
  // The days the timeline covers, in the document's own clock.
  const offset = facts.start?.utcOffset ?? facts.timeZone?.utcOffset ?? 0
  const localDay = (minutes: number): number => Math.floor((minutes + offset) / DAY)
  const first = Math.min(...timed.map((moment) => localDay(moment.minutes)))
  const last = Math.max(...timed.map((moment) => localDay(moment.minutes)))
  const xs = chart.entries.map((entry) => entry.x)
  const moments = {start: facts.start, detection: facts.detection, mitigation: facts.mitigation, resolution: facts.end}
  return chart.marks.flatMap((mark) => {
    const moment = moments[mark.kind as keyof typeof moments]
    const day = moment === undefined ? Number.NaN : localDay(moment.minutes)
    const side = day < first ? 'before' : day > last ? 'after' : undefined
    const where = `${chart.file}: ${mark.kind} ${moment?.iso ?? ''}`
    if (side !== mark.off) return [`${where} drawn ${mark.off ? `at the ${mark.off} edge` : 'on the axis'}, expected ${side ? `at the ${side} edge` : 'on the axis'}`]
    // At its edge: beyond every dot.
    if (side === 'before' && mark.x > Math.min(...xs)) return [`${where} right of an entry`]
    if (side === 'after' && mark.x < Math.max(...xs)) return [`${where} left of an entry`]
    return []
  })
}

describe.skipIf(!hasChromium)('the HTML report in headless Chromium', () => {
  // One Chromium launch per report: each takes seconds on a busy machine.
  let fixtures: {report: string; rows: Array<Record<string, unknown>>}
  let measured: Measured
  beforeAll(async () => {
    fixtures = await writeReport('test/facts/postmortems', 'fixtures')
    measured = await render(fixtures.report)
  }, 120_000)

  it('draws each incident timeline: every timed entry on the axis in time order, and the marks', () => {
    expect(measured.timelines.map((chart) => chart.file)).toEqual(fixtures.rows.map((row) => row.file))
    checkTimelines(measured, ROOT)
    const checkout = measured.timelines[0]
    expect(checkout?.entries).toHaveLength(6)
    expect(checkout?.marks.map((mark) => mark.kind)).toEqual(['start', 'detection', 'mitigation', 'resolution'])
    // The detection mark stands between the start and the resolution.
    const at = (kind: string): number => checkout?.marks.find((mark) => mark.kind === kind)?.x ?? Number.NaN
    expect(at('start')).toBeLessThan(at('detection'))
    expect(at('detection')).toBeLessThan(at('mitigation'))
    expect(at('mitigation')).toBeLessThan(at('resolution'))
  })

  it('draws the time to resolve over time: a dot per dated incident, longer ones higher', () => {
    const trend = measured.trend
    expect(trend).not.toBeNull()
    const dated = fixtures.rows.filter((row) => typeof row.date === 'string' && /^\d{4}/.test(row.date) && row.timeToResolve !== undefined)
    expect(trend?.points.map((point) => point.file)).toEqual(dated.map((row) => row.file))
    expect(trend?.points.every((point) => point.inside && point.shown)).toBe(true)
    expect(trend?.medians).toBe(2)
    const [dns, checkout, queue] = ['2024-03-19-dns.md', '2024-03-05-checkout-errors.md', '2024-04-02-queue.md'].map((name) => trend?.points.find((point) => point.file.endsWith(name)))
    // 31 < 75 < 125 minutes: lower on the page means shorter.
    expect(dns?.y).toBeGreaterThan(checkout?.y ?? 0)
    expect(checkout?.y).toBeGreaterThan(queue?.y ?? 0)
    expect(checkout?.x).toBeLessThan(dns?.x ?? 0)
    expect(dns?.x).toBeLessThan(queue?.x ?? 0)
  })

  it.runIf(hasShared)('renders the report of the whole corpus', async () => {
    const corpus = await writeReport(path.join(SHARED, 'corpus'), 'corpus')
    const measured = await render(corpus.report)
    expect(measured.timelines).toHaveLength(corpus.rows.length)
    checkTimelines(measured, ROOT)
    expect(measured.timelines.filter((chart) => chart.chart).length).toBeGreaterThan(corpus.rows.length / 2)
    expect(measured.trend?.points.length).toBeGreaterThan(10)
    expect(measured.trend?.points.every((point) => point.inside)).toBe(true)
    checkDistributions(measured, corpus.rows)
    checkLayout(measured, ROOT)
  })

  it('draws the distribution of each duration: a dot per incident measured, the p50, p90 and longest marked', () => {
    checkDistributions(measured, fixtures.rows)
    const detect = measured.distributions[0]
    // 2, 7 and 50 minutes measured; game-day-notes.md has no detection.
    expect(detect?.dots.map((dot) => dot.minutes).sort((a, b) => a - b)).toEqual([2, 7, 50])
    expect(detect?.unmeasured).toBe(1)
    const at = (kind: string): number => detect?.markers.find((marker) => marker.kind === kind)?.x ?? Number.NaN
    expect(at('p50')).toBeLessThan(at('p90'))
    expect(at('p90')).toBe(at('max'))
  })

  it('lays out the report without overlapping labels, moments off the timeline\'s days or repeated column names', () => {
    checkLayout(measured, ROOT)
    expect(measured.tables.map((table) => table.name)).toEqual(['months', 'quarters', 'incidents', 'unmeasured', 'open-items'])
    expect(measured.tables[0]?.headers.slice(0, 6)).toEqual(['month', 'incidents', 'median time to detect', 'p90 time to detect', 'max time to detect', 'time to detect known'])
  })

  it('renders the report of the examples the quick start lints', async () => {
    const examples = await writeReport('examples', 'examples')
    const measured = await render(examples.report)
    expect(measured.timelines.map((chart) => chart.file)).toEqual(examples.rows.map((row) => row.file))
    checkTimelines(measured, ROOT)
    checkDistributions(measured, examples.rows)
    checkLayout(measured, ROOT)
  })

  it('draws the distributions of one measured incident, and a note where none is measured', async () => {
    const folder = fs.mkdtempSync(path.join(temporary, 'one-'))
    fs.copyFileSync(path.join(POSTMORTEMS, '2024-03-19-dns.md'), path.join(folder, 'dns.md'))
    // Times of day without a start, detection or end: nothing to measure.
    fs.writeFileSync(path.join(folder, 'notes.md'), '# Notes from a quiet week\n\nNothing broke; we only read dashboards.\n')
    const one = await writeReport(folder, 'one')
    const measured = await render(one.report)
    checkDistributions(measured, one.rows)
    checkLayout(measured, ROOT)
    for (const chart of measured.distributions) {
      expect(chart.dots, chart.metric).toHaveLength(1)
      expect(chart.unmeasured, chart.metric).toBe(1)
      // p50, p90 and the longest are that one incident: three labels, none over another.
      expect(new Set(chart.markers.map((marker) => Math.round(marker.x))).size, chart.metric).toBe(1)
    }
    fs.rmSync(path.join(folder, 'dns.md'))
    const none = await writeReport(folder, 'none')
    const empty = await render(none.report)
    checkDistributions(empty, none.rows)
    expect(empty.distributions.every((chart) => !chart.chart && chart.unmeasured === 1)).toBe(true)
  }, 120_000)

  // The report of test/facts/recurring in the light scheme, rendered once for the two tests that read it: a launch takes seconds.
  let recurringLight: Promise<{report: string; measured: Measured}> | undefined
  const renderRecurring = (): Promise<{report: string; measured: Measured}> =>
    (recurringLight ??= writeReport('test/facts/recurring', 'recurring').then(async ({report}) => ({report, measured: await render(report)})))

  it('lists the recurring causes, each incident linked to its section of the report', async () => {
    const {measured} = await renderRecurring()
    checkLayout(measured, ROOT)
    expect(measured.tables.find((table) => table.name === 'recurring-causes')?.headers).toEqual(['related by', 'cause or tag', 'incidents', 'related incidents'])
    expect(measured.links).toHaveLength(6)
    expect(measured.links.every((link) => link.target)).toBe(true)
  })

  it('is readable in the light and the dark colour scheme: every text stands out from its background', async () => {
    const recurring = await renderRecurring()
    for (const dark of [false, true]) {
      const measured = dark ? await render(recurring.report, {dark}) : recurring.measured
      expect(measured.dark).toBe(dark)
      // The page follows the scheme: a dark page in dark mode, not a light one left as it is.
      if (dark) expect(measured.page).toBeLessThan(0.05)
      else expect(measured.page).toBeGreaterThan(0.9)
      expect(measured.contrast.length).toBeGreaterThan(100)
      // WCAG AA for body text.
      expect(measured.contrast.filter((text) => text.ratio < 4.5), dark ? 'dark' : 'light').toEqual([])
    }
  }, 120_000)

  it.runIf(hasShared2)('renders the report of the second corpus', async () => {
    const corpus = await writeReport(path.join(SHARED, 'corpus2'), 'corpus2')
    const measured = await render(corpus.report)
    expect(measured.timelines).toHaveLength(corpus.rows.length)
    checkTimelines(measured, ROOT)
    checkDistributions(measured, corpus.rows)
    checkLayout(measured, ROOT)
    expect(measured.timelines.filter((chart) => chart.chart).length).toBeGreaterThan(corpus.rows.length / 3)
    // Many incidents detected as they began stack up at the low end instead of hiding each other.
    expect(Math.max(...measured.distributions.map((chart) => new Set(chart.dots.map((dot) => Math.round(dot.y))).size))).toBeGreaterThan(1)
  })
})

describe('the HTML report', () => {
  it('is self-contained and escapes what the documents say', async () => {
    const folder = fs.mkdtempSync(path.join(temporary, 'escape-'))
    fs.copyFileSync(path.join(POSTMORTEMS, '2024-03-19-dns.md'), path.join(folder, 'dns.md'))
    fs.writeFileSync(
      path.join(folder, 'tags.md'),
      '# <script>alert("x")</script> & <img src=x onerror=alert(1)>\n\n## Timeline (UTC)\n\n- 10:00 - <b>Alert</b> fired for "api" & \'web\'.\n- 10:20 - Resolved.\n'
    )
    const {report} = await writeReport(folder, 'escape')
    const html = fs.readFileSync(report, 'utf8')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|\ssrc="|href="(?!#)/i)
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;img src=x onerror=alert(1)&#62;')
    expect(html.match(/<svg class="chart timeline-chart"/g)).toHaveLength(2)
    expect(html.match(/<svg class="chart ttr-chart"/g)).toHaveLength(1)
    expect(html.match(/<svg class="chart dist-chart"/g)).toHaveLength(3)
  })

  it('gives the percentiles per month and per quarter, and the incidents not measured with why', async () => {
    const {report} = await writeReport('test/facts/postmortems', 'percentiles')
    const html = fs.readFileSync(report, 'utf8')
    const row = (table: string, first: string): string | undefined =>
      new RegExp(`<table class="${table}">[\\s\\S]*?(<tr><td>${first}</td>.*?</tr>)`).exec(html)?.[1]?.replace(/<[^>]+>/g, '|')
    expect(row('months', '2024-03')).toBe('||2024-03||2||2m||7m||7m||2||10m||38m||38m||2||31m||1h 15m||1h 15m||2||')
    expect(row('quarters', '2024-Q2')).toBe('||2024-Q2||1||50m||50m||50m||1||1h 15m||1h 15m||1h 15m||1||2h 5m||2h 5m||2h 5m||1||')
    expect(row('unmeasured', 'test/facts/postmortems/game-day-notes.md')).toBe('||test/facts/postmortems/game-day-notes.md||no date||no detection||||no end, no stated duration||')
    expect(html).toContain('<dt>not measured</dt><dd>month: no date; time to detect: no detection; time to resolve: no end, no stated duration</dd>')
  })
})

describe('the timeline chart', () => {
  it('plots no moment known only to the day: a date line is no event at midnight', () => {
    const facts = extractFacts('# Disk full\n\n## Timeline\n\n2025-03-14 (all times UTC)\n\n- 14:05 Disk alarm.\n- 14:40 Old logs removed, service back to normal.\n')
    const chart = timelineChart(facts, 'disk.md')
    expect(chart.match(/<circle class="entry"/g)).toHaveLength(2)
    expect(chart).not.toContain('00:00')
  })

  it('draws a stated end on a later day at the right edge, without stretching the axis', () => {
    const facts = extractFacts('# Disk full\n\nStart: 2025-03-14 14:00 UTC\nEnd: 2025-03-16 09:00 UTC\n\n## Timeline (UTC)\n\n- 2025-03-14 14:05 Disk alarm.\n- 2025-03-14 14:40 Old logs removed.\n')
    const chart = timelineChart(facts, 'disk.md')
    expect(chart).toMatch(/<g class="mark mark-resolution mark-off" data-mark="resolution" data-off="after"><line x1="776"/)
    expect(chart).toContain('resolved 03-16 09:00 →')
    // The axis covers the afternoon only: ticks of minutes, none of a day.
    expect(chart).toContain('>14:30</text>')
    expect(chart).not.toContain('03-15')
  })
})

describe('the distribution chart', () => {
  it('says so when no incident is measured, and draws one incident as a dot with its three markers', () => {
    const none = distributionChart('timeToDetect', [{file: 'a.md', impact: ''}, {file: 'b.md', impact: ''}])
    expect(none).toBe('<p class="no-chart" data-metric="timeToDetect" data-unmeasured="2">No incident has a time to detect (0 incidents measured, 2 not measured).</p>')
    const one = distributionChart('timeToResolve', [{file: 'a.md', impact: '', timeToResolve: 90}, {file: 'b.md', impact: ''}])
    expect(one.match(/<circle class="dist-dot"/g)).toHaveLength(1)
    expect(one.match(/data-marker="(p50|p90|max)" data-minutes="90"/g)).toHaveLength(3)
    expect(one).toContain('aria-label="Distribution of the time to resolve: 1 incident measured, 1 not measured; p50 1h 30m, p90 1h 30m, longest 1h 30m"')
  })

  it('marks durations under a minute at the low end of the log axis', () => {
    const chart = distributionChart('timeToDetect', [{file: 'a.md', impact: '', timeToDetect: 0}, {file: 'b.md', impact: '', timeToDetect: 45}])
    expect(chart).toContain('>≤ 1m</text>')
    expect(chart).toMatch(/<circle class="dist-dot" data-file="a.md" data-minutes="0" cx="24"/)
  })
})
