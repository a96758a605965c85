import {defineRule} from '../src/lint/rule.js'
import {stripTrailingMarkup} from '../src/model/text/text.js'

export type Options = Record<string, never>

/** Reports timeline entries with an impossible time, or without any time. */
export default defineRule<Options>({
  name: 'timeline-timestamps',
  description: 'Require every timeline entry to start with a possible time',
  preset: 'recommended',
  defaults: {},
  messages: {
    impossible: 'Unexpected impossible time `{time}` ({reason}), expected a time of day such as `10:05` or `10:05 PM`',
    untimed: 'Unexpected timeline entry without a time, expected it to start with one (such as `10:05 UTC`) or a relative time (such as `10 minutes later`)'
  },
  check({model, report}) {
    for (const entry of model.timeline.entries) {
      if (entry.kind === 'impossible' && entry.impossible) {
        report({messageId: 'impossible', data: {time: entry.impossible.span.text, reason: entry.impossible.reason}, place: entry.impossible.span})
      }
    }
    for (const entry of model.timeline.untimed) {
      report({messageId: 'untimed', place: stripTrailingMarkup(entry.line)})
    }
  }
})
