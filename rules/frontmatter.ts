import {type FrontMatterField, frontMatterFields, frontMatterProblem, readFrontMatter} from '../src/model/front-matter.js'
import {quoted} from '../src/model/text/prose.js'
import {defineRule} from '../src/lint/rule.js'

export interface Options {
  /** Report a postmortem without front matter; when false, only front matter that is there is checked. */
  required?: boolean
  /** The fields the front matter must have. */
  fields?: string[]
  /** The values `status` may take. */
  statuses?: string[]
  /** The values `severity` may take. */
  severities?: string[]
}

export const DEFAULT_FIELDS = ['title', 'date', 'status', 'severity', 'authors']
export const DEFAULT_STATUSES = ['draft', 'in review', 'final']
export const DEFAULT_SEVERITIES = ['SEV0', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5', 'P0', 'P1', 'P2', 'P3', 'P4', 'critical', 'high', 'medium', 'low']

const STRINGS = {type: 'array', items: {type: 'string'}, uniqueItems: true} as const
// `2024-03-05`, optionally with a time: `2024-03-05T14:30:00Z`, `2024-03-05 14:30+02:00`.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/** `In-Review`, `in_review` and `in review` are one status; `SEV-1` and `sev1` one severity. */
function normalize(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, ' ').trim()
}

function compact(value: string): string {
  return normalize(value).replaceAll(' ', '')
}

function isCalendarDate(data: unknown): boolean {
  if (data instanceof Date) return !Number.isNaN(data.getTime())
  if (typeof data !== 'string') return false
  const match = ISO_DATE.exec(data.trim())
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function isText(data: unknown): data is string | number {
  return (typeof data === 'string' && data.trim() !== '') || typeof data === 'number'
}

function oneOf(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ')
}

const EXAMPLE_VALUES: Record<string, string> = {
  title: '`title: Checkout outage`',
  date: '`date: 2024-03-05`',
  status: '`status: draft`',
  severity: '`severity: SEV2`',
  authors: '`authors: [Jane Doe]`'
}

const MESSAGES = {
  absent: 'Unexpected postmortem without front matter, expected YAML between `---` lines at the top with {fields}',
  invalid: 'Unexpected invalid front matter ({problem}), expected YAML fields such as `title: Checkout outage`',
  missingField: 'Unexpected front matter without `{name}`, expected a field such as {example}',
  emptyField: 'Unexpected empty `{name}`, expected a value such as {example}',
  badDate: 'Unexpected date {value}, expected a calendar date such as `2024-03-05`',
  badStatus: 'Unexpected status {value}, expected one of {allowed}',
  badSeverity: 'Unexpected severity {value}, expected one of {allowed}',
  badAuthors: 'Unexpected authors {value}, expected a name or a list of names',
  notText: 'Unexpected {name} {value}, expected text'
} as const

type Problem = {messageId: keyof typeof MESSAGES; data: {name: string; value: string; allowed: string}}

/** What is wrong with a field's value, as one of the rule's messages, or undefined. */
function problemOf(field: FrontMatterField, options: Required<Omit<Options, 'required' | 'fields'>>): Problem | undefined {
  const data = {name: field.name, value: field.value ? quoted(field.value.text) : '', allowed: ''}
  switch (field.name) {
    case 'date':
      return isCalendarDate(field.data) ? undefined : {messageId: 'badDate', data}
    case 'status':
      return isText(field.data) && options.statuses.some((status) => normalize(status) === normalize(String(field.data)))
        ? undefined
        : {messageId: 'badStatus', data: {...data, allowed: oneOf(options.statuses)}}
    case 'severity':
      return isText(field.data) && options.severities.some((severity) => compact(severity) === compact(String(field.data)))
        ? undefined
        : {messageId: 'badSeverity', data: {...data, allowed: oneOf(options.severities)}}
    case 'authors': {
      const names = Array.isArray(field.data) ? field.data : [field.data]
      return names.length > 0 && names.every(isText) ? undefined : {messageId: 'badAuthors', data}
    }
    default:
      return isText(field.data) || (Array.isArray(field.data) && field.data.length > 0) || field.data instanceof Date ? undefined : {messageId: 'notText', data}
  }
}

/** Reports missing or invalid front matter: title, date, status, severity and authors. */
export default defineRule<Options>({
  name: 'frontmatter',
  description: 'Require YAML front matter with the title, date, status, severity and authors of the postmortem',
  preset: 'strict',
  options: {required: {type: 'boolean'}, fields: STRINGS, statuses: {...STRINGS, minItems: 1}, severities: {...STRINGS, minItems: 1}},
  defaults: {required: true, fields: DEFAULT_FIELDS, statuses: DEFAULT_STATUSES, severities: DEFAULT_SEVERITIES},
  messages: MESSAGES,
  check({model, tree, options, report}) {
    const frontMatter = readFrontMatter(tree, model.source)
    if (!frontMatter) {
      if (options.required) {
        report({messageId: 'absent', data: {fields: oneOf(options.fields)}, place: {start: 0}})
      }
      return
    }
    const problem = frontMatterProblem(frontMatter)
    if (problem) {
      // A parser error at a point (a bracket never closed) is reported there.
      const place = problem.span.text === '' ? {start: problem.span.start} : problem.span
      report({messageId: 'invalid', data: {problem: problem.message}, place})
      return
    }
    const fields = frontMatterFields(frontMatter)
    for (const name of options.fields) {
      const field = fields.find((candidate) => candidate.name === name)
      if (!field) {
        report({messageId: 'missingField', data: {name, example: EXAMPLE_VALUES[name] ?? `\`${name}: …\``}, place: frontMatter.closing})
      } else if (field.data === null || field.data === undefined || field.data === '') {
        report({messageId: 'emptyField', data: {name, example: EXAMPLE_VALUES[name] ?? `\`${name}: …\``}, place: field.key})
      }
    }
    for (const field of fields) {
      if (field.data === null || field.data === undefined || field.data === '') continue
      if (!options.fields.includes(field.name) && !DEFAULT_FIELDS.includes(field.name)) continue
      const problem = problemOf(field, options)
      if (problem) report({...problem, place: field.value ?? field.key})
    }
  }
})
