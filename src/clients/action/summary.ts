import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {levelOf, rangeOf, relativePath} from '../shared/reporters/shared.js'
import type {IncidentSummary, ShownFact} from './incident-summary.js'
import {safeName} from './log.js'
import {type OpenItems, byUrgency, collectOpenItems, itemFlags, openItemsCounts} from '../shared/open-items.js'

export interface SummaryOptions {
  /** The repository's root, which paths are relative to. */
  root: string
  /** `https://github.com/owner/repo/blob/<sha>/`, to link files and lines; none when unknown. */
  blobUrl?: string
  /** The day due dates are compared with, `2024-06-01`: the \`as-of\` input, else today. */
  asOf: string
}

// Past due and ownerless items come first; past this many, the rest are counted, not listed.
const MOST_ITEMS = 50

// GitHub caps a step's summary at 1 MiB; past this the files' details are left out.
const DETAILS_BUDGET = 900_000

export interface Counts {
  errors: number
  warnings: number
}

/** Errors are fatal messages; warnings are all others (remark-lint's `warn` and information). */
export function countMessages(messages: readonly VFileMessage[]): Counts {
  const errors = messages.filter((message) => levelOf(message) === 'error').length
  return {errors, warnings: messages.length - errors}
}

function cell(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;')
}

// Markdown's punctuation, escaped in file names so that a name cannot make a
// link, an image, code or a table cell of its own.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+!|<>~&]/g

/** A file name of the repository as Markdown text: one line, its punctuation escaped. */
function nameCell(name: string): string {
  return safeName(name).replace(MARKDOWN_PUNCTUATION, '\\$&')
}

// A path in a URL, each segment encoded; parentheses too, as a `)` would end
// a Markdown link's destination.
function urlPath(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/')
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function table(header: string[], rows: string[][]): string {
  const lines = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`)
  return `${lines.join('\n')}\n`
}

function link(text: string, url: string | undefined): string {
  return url ? `[${text}](${url})` : text
}

function lineUrl(file: string, line: number, options: SummaryOptions): string | undefined {
  return options.blobUrl ? `${options.blobUrl}${urlPath(file)}#L${line}` : undefined
}

function fact(shown: ShownFact | undefined, file: string, options: SummaryOptions): string {
  if (!shown) return '—'
  if (shown.line === undefined) return cell(shown.value)
  return `${cell(shown.value)} (${link(`line ${shown.line}`, lineUrl(file, shown.line, options))})`
}

function factsTable(incident: IncidentSummary | undefined, file: string, options: SummaryOptions): string {
  if (!incident) return ''
  const impact = incident.impact.length > 0 ? incident.impact.map((shown) => fact(shown, file, options)).join('; ') : '—'
  return table(
    ['Start', 'End', 'Duration', 'Impact'],
    [[fact(incident.start, file, options), fact(incident.end, file, options), fact(incident.duration, file, options), impact]]
  )
}

function byPlace(a: VFileMessage, b: VFileMessage): number {
  const first = rangeOf(a)?.start
  const second = rangeOf(b)?.start
  return (first?.line ?? 0) - (second?.line ?? 0) || (first?.column ?? 0) - (second?.column ?? 0)
}

function findingsTable(file: VFile, name: string, options: SummaryOptions): string {
  if (file.messages.length === 0) return 'No findings.\n'
  const rows = [...file.messages].sort(byPlace).map((message) => {
    const range = rangeOf(message)
    const place = range ? link(`${range.start.line}:${range.start.column}`, lineUrl(name, range.start.line, options)) : '—'
    const rule = message.ruleId ? link(`\`${message.ruleId}\``, message.url) : '—'
    return [place, levelOf(message), rule, cell(message.reason)]
  })
  return table(['Place', 'Severity', 'Rule', 'Message'], rows)
}

/** The open action items of every postmortem: counts, then a table, past due and without owner first. */
function actionItemsPart(named: ReadonlyArray<{file: VFile; name: string}>, options: SummaryOptions): string {
  const openItems: OpenItems = collectOpenItems(
    named.flatMap(({file, name}) => (file.data.postmortemIncident ? [{file: name, facts: file.data.postmortemIncident}] : [])),
    options.asOf
  )
  const heading = `### Open action items\n\n${openItemsCounts(openItems)}\n`
  if (openItems.open === 0) return heading
  const items = byUrgency(openItems.items)
  const rows = items.slice(0, MOST_ITEMS).map((item) => [
    link(`${nameCell(item.file)}:${item.line}`, lineUrl(item.file, item.line, options)),
    cell(item.text),
    cell(item.owner ?? '—'),
    cell(item.due ?? '—'),
    cell(itemFlags(item) || '—')
  ])
  const more = items.length > MOST_ITEMS ? `\n${items.length - MOST_ITEMS} more open items are left out.\n` : ''
  return `${heading}\n${table(['Postmortem', 'Action item', 'Owner', 'Due', 'Flags'], rows)}${more}`
}

/**
 * The job summary: the counts, the open action items across the
 * postmortems, a table of findings per file and, for each postmortem, the
 * incident's facts as the linter read them.
 */
export function jobSummary(files: readonly VFile[], options: SummaryOptions): string {
  const total = countMessages(files.flatMap((file) => file.messages))
  const named = files.map((file) => ({file, name: relativePath(file, {root: options.root})}))
  const parts = [
    '## Postmortem lint\n',
    `${plural(total.errors, 'error')} and ${plural(total.warnings, 'warning')} in ${plural(files.length, 'file')}.\n`,
    table(
      ['File', 'Errors', 'Warnings'],
      named.map(({file, name}) => {
        const counts = countMessages(file.messages)
        return [link(nameCell(name), lineUrl(name, 1, options)), String(counts.errors), String(counts.warnings)]
      })
    ),
    actionItemsPart(named, options)
  ]
  let size = parts.join('\n').length
  for (const {file, name} of named) {
    const details = [`### ${nameCell(name)}\n`, factsTable(file.data.postmortemIncident, name, options), findingsTable(file, name, options)]
      .filter(Boolean)
      .join('\n')
    size += details.length
    if (size > DETAILS_BUDGET) {
      parts.push('The details of the remaining files are left out: the summary would pass GitHub\'s size limit. The annotations and the SARIF file have every finding.\n')
      break
    }
    parts.push(details)
  }
  return parts.join('\n')
}
