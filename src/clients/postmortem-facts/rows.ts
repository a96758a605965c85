import {type FactMoment, type IncidentFacts, formatOffset} from '../../model/facts/extract-facts.js'
import {maxOf} from '../../model/support/arrays.js'

/** The durations measured per incident and summed up per period. */
export const METRICS = ['timeToDetect', 'timeToMitigate', 'timeToResolve'] as const
export type Metric = (typeof METRICS)[number]

/**
 * Why an incident is left out of a figure: of the month and quarter (\`no date\`,
 * \`no year\`), or of a duration (\`no start\`, \`detection before start\`…).
 */
export type Unmeasured = Partial<Record<Metric | 'month', string>>

/** One incident, as a row of the table: times as ISO 8601, durations in minutes. */
export interface IncidentRow {
  /** The file, relative to the working directory, with `/` separators. */
  file: string
  title?: string
  /** `2024-02-16`; `--02-16` when the document never gives the year. */
  date?: string
  start?: string
  detection?: string
  mitigation?: string
  end?: string
  /** The stated duration, or the minutes from start to end. */
  duration?: number
  timeToDetect?: number
  timeToMitigate?: number
  timeToResolve?: number
  /** Why a figure is missing, for each figure that is: see `unmeasuredOf`. */
  unmeasured?: Unmeasured
  /** The largest share of who or what was affected, in percent, as the document writes it (`all users` is not counted). */
  impactPercent?: number
  /** Every figure of the impact, as written, joined by `; `. */
  impact: string
}

/** Why a time from the start to a milestone is missing: a moment is, or the milestone comes first. */
function whyNoTimeTo(start: FactMoment | undefined, milestone: FactMoment | undefined, name: string): string {
  if (!start && !milestone) return `no start, no ${name}`
  if (!start) return 'no start'
  if (!milestone) return `no ${name}`
  return `${name} before start`
}

/** The time to resolve falls back on the stated duration, so it is missing only when that is too. */
function whyNoTimeToResolve(facts: IncidentFacts): string {
  const why = whyNoTimeTo(facts.start, facts.end, 'end')
  return why === 'end before start' ? why : `${why}, no stated duration`
}

/**
 * For each figure the incident lacks, why: the reasons read from the facts
 * the model gives, never from the text again. Undefined when nothing is missing.
 */
export function unmeasuredOf(facts: IncidentFacts): Unmeasured | undefined {
  const why: Unmeasured = {}
  if (!facts.date) why.month = 'no date'
  else if (!/^\d{4}-/.test(facts.date.value)) why.month = 'no year'
  if (facts.timeToDetect === undefined) why.timeToDetect = whyNoTimeTo(facts.start, facts.detection, 'detection')
  if (facts.timeToMitigate === undefined) why.timeToMitigate = whyNoTimeTo(facts.start, facts.mitigation, 'mitigation')
  if (facts.timeToResolve === undefined) why.timeToResolve = whyNoTimeToResolve(facts)
  return Object.keys(why).length > 0 ? why : undefined
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
    mitigation: momentText(facts.mitigation),
    end: momentText(facts.end),
    duration: facts.duration?.minutes ?? measured,
    timeToDetect: facts.timeToDetect,
    timeToMitigate: facts.timeToMitigate,
    timeToResolve: facts.timeToResolve,
    impactPercent: maxOf(shares),
    impact: [...facts.impact.percentages, ...facts.impact.counts]
      .sort((a, b) => (a.position.start.offset ?? 0) - (b.position.start.offset ?? 0))
      .map((figure) => figure.text)
      .join('; '),
    unmeasured: unmeasuredOf(facts)
  }
  // Unknown facts are left out, not written as null.
  for (const key of Object.keys(row) as Array<keyof IncidentRow>) if (row[key] === undefined) delete row[key]
  return row
}

/** Dated incidents first, by date and start; then the others; by file among equals. */
export function compareRows(a: IncidentRow, b: IncidentRow): number {
  const key = (row: IncidentRow): string => (row.date && /^\d/.test(row.date) ? `0${row.date} ${row.start ?? ''}` : `1${row.date ?? ''}`)
  const [left, right] = [key(a), key(b)]
  if (left !== right) return left < right ? -1 : 1
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0
}
