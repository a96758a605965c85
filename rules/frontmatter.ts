import {DEFAULT_FIELDS, DEFAULT_SEVERITIES, DEFAULT_STATUSES, type FieldProblem, fieldExample, fieldProblems, frontMatterProblem, readFrontMatter} from '../src/model/front-matter.js'
import {codeList, quoted} from '../src/model/text/prose.js'
import {defineRule, uniqueList} from '../src/lint/rule.js'

export {DEFAULT_FIELDS, DEFAULT_SEVERITIES, DEFAULT_STATUSES} from '../src/model/front-matter.js'

export interface Options {
  /** Report a postmortem without front matter; when false, only front matter that is there is checked. */
  required?: boolean
  /** The fields the front matter must have. */
  fields?: string[]
  /** The values `status` may take; an empty list allows any text. */
  statuses?: string[]
  /** The values `severity` may take; an empty list allows any text. */
  severities?: string[]
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

// The message for each way a field can be wrong.
const FIELD_MESSAGES = {
  missing: 'missingField',
  empty: 'emptyField',
  'not a date': 'badDate',
  'not an allowed status': 'badStatus',
  'not an allowed severity': 'badSeverity',
  'not names': 'badAuthors',
  'not text': 'notText'
} as const satisfies Record<FieldProblem['problem'], keyof typeof MESSAGES>

/** Reports missing or invalid front matter: title, date, status, severity and authors. */
export default defineRule<Options>({
  name: 'frontmatter',
  description: 'Require YAML front matter with the title, date, status, severity and authors of the postmortem',
  preset: 'strict',
  options: {required: {type: 'boolean'}, fields: uniqueList(), statuses: uniqueList(), severities: uniqueList()},
  defaults: {required: true, fields: [...DEFAULT_FIELDS], statuses: [...DEFAULT_STATUSES], severities: [...DEFAULT_SEVERITIES]},
  messages: MESSAGES,
  check({model, tree, options, report}) {
    const frontMatter = readFrontMatter(tree, model.source)
    const invalid = frontMatter && frontMatterProblem(frontMatter)
    if (!frontMatter && options.required) report({messageId: 'absent', data: {fields: codeList(options.fields)}, place: {start: 0}})
    if (invalid) report({messageId: 'invalid', data: {problem: invalid.message}, place: invalid.place})
    if (!frontMatter || invalid) return
    for (const {name, problem, place, value, allowed} of fieldProblems(frontMatter, options)) {
      const data = {name, example: fieldExample(name), value: value ? quoted(value.text) : '', allowed: codeList(allowed)}
      report({messageId: FIELD_MESSAGES[problem], data, place})
    }
  }
})
