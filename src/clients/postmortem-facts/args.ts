import {parseArgs} from 'node:util'
import {UsageError} from '../shared/usage-error.js'

export const FORMATS = ['markdown', 'json', 'csv', 'morgue-json', 'morgue-csv'] as const
export type Format = (typeof FORMATS)[number]
/** The formats of the incidents and their aggregates; the others give records in Etsy Morgue's schema. */
export type TableFormat = Exclude<Format, MorgueFormat>
export type MorgueFormat = 'morgue-json' | 'morgue-csv'

export function isMorgueFormat(format: Format): format is MorgueFormat {
  return format.startsWith('morgue-')
}

export interface FactsArguments {
  format: Format
  /** Where to write the HTML report, when asked for. */
  html?: string
  /** Only the aggregates per month, not the incidents. */
  byMonth: boolean
  /** Only the aggregates per quarter, not the incidents. */
  byQuarter: boolean
  /** Only the groups of incidents with the same cause or tag. */
  causes: boolean
  /** Only the open action items. */
  actionItems: boolean
  /** Instead of the report, the postmortems that link none of the earlier incidents with the same cause. */
  checkRelated: boolean
  /** The day due dates of action items are compared with, `2024-05-01`; today when not given. */
  asOf?: string
  help: boolean
  version: boolean
  /** Files, folders and globs; the working directory when none. */
  paths: string[]
}

export const HELP = `Usage: postmortem-facts [options] [path | glob ...]

  Read the facts of incident postmortems written in Markdown (.md, .markdown):
  one row per incident with its file, date, start, end, duration, time to
  detect, to mitigate and to resolve, and impact; then, per month and per
  quarter, the median (p50), 90th percentile (p90) and longest of each time,
  with the count of incidents behind each (nearest-rank percentiles); then the
  incidents that could not be measured, and why (no date, no start, no end,
  end before start...); then the recurring causes: incidents grouped by the
  wording of their root cause and by their front matter tags; then the open
  action items, those past their due date and those without owner. Folders are
  searched (node_modules and hidden folders are skipped); with no path, the
  working directory is. Durations are in minutes. The postmortems are only
  read, never written.

Options:

      --format <format>      markdown (default), json or csv; or morgue-json
                             or morgue-csv: one record per incident in the
                             schema of Etsy Morgue (title, summary, starttime,
                             endtime, detecttime, severity, contact, file)
      --by-month             only the aggregates per month (csv gives the
                             incidents, with why a figure is missing, unless
                             this or --by-quarter is set)
      --by-quarter           only the aggregates per quarter
      --causes               only the recurring causes: the incidents with
                             the same cause or tag, one row each
      --action-items         only the open action items, past due and
                             without owner first
      --check-related        instead of a report, list each postmortem that
                             links none of the earlier incidents with the
                             same cause; exit status 1 if any
      --html <file>          also write a self-contained HTML report: a
                             timeline chart per incident, a chart of time
                             to resolve over time, the aggregates, the
                             incidents not measured, the recurring causes
                             and the open action items
      --as-of <YYYY-MM-DD>   the day action items' due dates are compared
                             with (default: today, UTC)
  -h, --help                 output usage information
  -v, --version              output version number

Exit status: 1 when the command is wrong or a path cannot be read, or when
--check-related finds a postmortem to link; 0 otherwise.

Examples:

  # A table of the incidents in a folder, and the aggregates
  $ postmortem-facts docs/postmortems

  # A spreadsheet of the incidents, one of the months, one of the quarters
  $ postmortem-facts --format csv docs/postmortems > incidents.csv
  $ postmortem-facts --format csv --by-month docs/postmortems > months.csv
  $ postmortem-facts --format csv --by-quarter docs/postmortems > quarters.csv

  # The incidents as records to load into Morgue or a database
  $ postmortem-facts --format morgue-csv docs/postmortems > postmortems.csv

  # Incidents with the same cause, and the open action items, as CSV
  $ postmortem-facts --format csv --causes docs/postmortems > causes.csv
  $ postmortem-facts --format csv --action-items docs/postmortems > items.csv

  # Which postmortems should link an earlier incident with the same cause
  $ postmortem-facts --check-related docs/postmortems

  # Everything as JSON, and an HTML report to share
  $ postmortem-facts --format json --html report.html docs/postmortems
`

// The options that choose the parts of the report; CSV prints one of them.
const VIEWS = ['by-month', 'by-quarter', 'causes', 'action-items'] as const

/** `2024-02-29` yes, `2023-02-29` and `2024-2-1` no. */
function isCalendarDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00Z`).toISOString().startsWith(text)
}

/** Throws when the options that choose the parts of the report do not go with the format. */
function checkCombination(format: string, values: Partial<Record<(typeof VIEWS)[number] | 'check-related', boolean>>): void {
  const views = VIEWS.filter((view) => values[view])
  if (format.startsWith('morgue-') && views.length > 0) {
    throw new UsageError(`invalid option \`--${views[0]}\`: expected no other table with \`--format ${format}\`, which gives one record per incident`)
  }
  if (format === 'csv' && views.length > 1) {
    throw new UsageError(`invalid options ${views.map((view) => `\`--${view}\``).join(' and ')}: expected one of them with \`--format csv\`, which prints one table`)
  }
  if (values['check-related'] && format !== 'markdown') {
    throw new UsageError(`invalid option \`--format\`: expected none with \`--check-related\`, which prints one line per postmortem to link, got ${JSON.stringify(format)}`)
  }
}

export function parseFactsArguments(argv: readonly string[]): FactsArguments {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string'},
        html: {type: 'string'},
        'by-month': {type: 'boolean', default: false},
        'by-quarter': {type: 'boolean', default: false},
        causes: {type: 'boolean', default: false},
        'action-items': {type: 'boolean', default: false},
        'check-related': {type: 'boolean', default: false},
        'as-of': {type: 'string'},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false}
      }
    })
  } catch (error) {
    // Node's messages name the option and what is wrong with it.
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error))
  }
  const {values, positionals} = parsed
  const format = values.format ?? 'markdown'
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`invalid option \`--format\`: expected one of ${FORMATS.join(', ')}, got ${JSON.stringify(format)}`)
  }
  checkCombination(format, values)
  const asOf = values['as-of']
  if (asOf !== undefined && !isCalendarDay(asOf)) {
    throw new UsageError(`invalid option \`--as-of\`: expected a day as YYYY-MM-DD, got ${JSON.stringify(asOf)}`)
  }
  if (values.html !== undefined && values.html.trim() === '') {
    throw new UsageError('invalid option `--html`: expected the path of the report to write')
  }
  const result: FactsArguments = {
    format: format as Format,
    byMonth: values['by-month'] ?? false,
    byQuarter: values['by-quarter'] ?? false,
    causes: values.causes ?? false,
    actionItems: values['action-items'] ?? false,
    checkRelated: values['check-related'] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    paths: positionals.length > 0 ? positionals : ['.']
  }
  if (values.html !== undefined) result.html = values.html
  if (asOf !== undefined) result.asOf = asOf
  return result
}
