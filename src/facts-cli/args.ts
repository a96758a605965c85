import {parseArgs} from 'node:util'
import {UsageError} from '../cli/args.js'

export const FORMATS = ['markdown', 'json', 'csv'] as const
export type Format = (typeof FORMATS)[number]

export interface FactsArguments {
  format: Format
  /** Where to write the HTML report, when asked for. */
  html?: string
  /** Only the aggregates per month, not the incidents. */
  byMonth: boolean
  help: boolean
  version: boolean
  /** Files, folders and globs; the working directory when none. */
  paths: string[]
}

export const HELP = `Usage: postmortem-facts [options] [path | glob ...]

  Read the facts of incident postmortems written in Markdown (.md, .markdown):
  one row per incident with its file, date, start, end, duration, time to
  detect, time to resolve and impact, then the count, median and mean time to
  resolve and to detect, per month. Folders are searched (node_modules and
  hidden folders are skipped); with no path, the working directory is.
  Durations are in minutes. The postmortems are only read, never written.

Options:

      --format <format>      markdown (default), json or csv
      --by-month             only the aggregates per month (csv gives the
                             incidents unless this is set)
      --html <file>          also write a self-contained HTML report: a
                             timeline chart per incident and a chart of time
                             to resolve over time
  -h, --help                 output usage information
  -v, --version              output version number

Exit status: 1 when the command is wrong or a path cannot be read; 0 otherwise.

Examples:

  # A table of the incidents in a folder, and the monthly aggregates
  $ postmortem-facts docs/postmortems

  # A spreadsheet of the incidents, and one of the months
  $ postmortem-facts --format csv docs/postmortems > incidents.csv
  $ postmortem-facts --format csv --by-month docs/postmortems > months.csv

  # Everything as JSON, and an HTML report to share
  $ postmortem-facts --format json --html report.html docs/postmortems
`

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
  if (values.html !== undefined && values.html.trim() === '') {
    throw new UsageError('invalid option `--html`: expected the path of the report to write')
  }
  const result: FactsArguments = {
    format: format as Format,
    byMonth: values['by-month'] ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    paths: positionals.length > 0 ? positionals : ['.']
  }
  if (values.html !== undefined) result.html = values.html
  return result
}
