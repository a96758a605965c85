import {defineRule} from '../src/lint/rule.js'

export type Options = Record<string, never>

/** Reports clock times when the document names no time zone anywhere. */
export default defineRule<Options>({
  name: 'time-zone',
  description: 'Require a time zone when the postmortem gives clock times',
  fixable: true,
  preset: 'recommended',
  defaults: {},
  messages: {
    missing: 'Unexpected clock times without a time zone, expected a zone such as `UTC` (for example `{written} UTC`)'
  },
  check({model, report}) {
    const [first] = model.clockTimes
    if (!first || model.stated.zones.length > 0) return
    const written = first.text.trimEnd()
    report({messageId: 'missing', data: {written}, place: {start: first.start, end: first.start + written.length}, expected: [`${written} UTC`]})
  }
})
