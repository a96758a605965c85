import {type FieldValueProblem, fieldValueProblem, frontMatterFields, frontMatterProblem, isEmptyField, readFrontMatter} from '../src/model/front-matter.js'
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

// The message for each way a value can be wrong.
const VALUE_MESSAGES = {
  'not a date': 'badDate',
  'not an allowed status': 'badStatus',
  'not an allowed severity': 'badSeverity',
  'not names': 'badAuthors',
  'not text': 'notText'
} as const satisfies Record<FieldValueProblem, keyof typeof MESSAGES>

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
      } else if (isEmptyField(field)) {
        report({messageId: 'emptyField', data: {name, example: EXAMPLE_VALUES[name] ?? `\`${name}: …\``}, place: field.key})
      }
    }
    for (const field of fields) {
      if (isEmptyField(field) || (!options.fields.includes(field.name) && !DEFAULT_FIELDS.includes(field.name))) continue
      const problem = fieldValueProblem(field, options)
      if (!problem) continue
      const allowed = oneOf(problem === 'not an allowed status' ? options.statuses : options.severities)
      report({messageId: VALUE_MESSAGES[problem], data: {name: field.name, value: field.value ? quoted(field.value.text) : '', allowed}, place: field.value ?? field.key})
    }
  }
})
