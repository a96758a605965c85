import type {FactMoment, IncidentFacts} from '../../model/facts/extract-facts.js'
import type {Column} from './formats.js'
import {csv} from './formats.js'

/**
 * An incident as Etsy Morgue's `postmortems` table holds it: the same field
 * names and kinds of value (times as Unix seconds, severity as a number), so
 * that rows load into Morgue, a spreadsheet or a table of that shape. Unknown
 * fields are null, not left out: every record has every field.
 */
export interface MorgueRecord {
  title: string
  summary: string | null
  /** Seconds since 1970-01-01 UTC. */
  starttime: number | null
  endtime: number | null
  detecttime: number | null
  /** The level (`SEV-2` → 2) when the document writes one, else the words it writes (`high`). */
  severity: number | string | null
  contact: string | null
  /** Not Morgue's: the postmortem the record was read from. */
  file: string
}

/**
 * Seconds since the epoch, only for a moment known to the minute on a dated
 * day in a named zone: a local time (no zone named) is no instant, and a day
 * alone is no time.
 */
export function unixSeconds(moment: FactMoment | undefined): number | null {
  if (!moment?.time || !moment.iso || moment.utcOffset === undefined) return null
  return Math.round(moment.minutes * 60)
}

export function morgueRecordOf(file: string, facts: IncidentFacts): MorgueRecord {
  const severity = facts.severity
  return {
    title: facts.title?.text ?? file,
    summary: facts.summary?.text.replace(/\s+/g, ' ').trim() ?? null,
    starttime: unixSeconds(facts.start),
    endtime: unixSeconds(facts.end),
    detecttime: unixSeconds(facts.detection),
    severity: severity ? (severity.level ?? severity.text) : null,
    contact: facts.contact ? facts.contact.names.join(', ') : null,
    file
  }
}

const FIELDS = ['title', 'summary', 'starttime', 'endtime', 'detecttime', 'severity', 'contact', 'file'] as const

const MORGUE_COLUMNS: Array<Column<MorgueRecord>> = FIELDS.map((field) => ({header: field, value: (record) => record[field] ?? undefined}))

/** The records as a JSON array (`morgue-json`) or as CSV with Morgue's column names (`morgue-csv`). */
export function morgueReport(format: 'morgue-json' | 'morgue-csv', records: readonly MorgueRecord[]): string {
  return format === 'morgue-json' ? `${JSON.stringify(records, null, 2)}\n` : csv(MORGUE_COLUMNS, records)
}
