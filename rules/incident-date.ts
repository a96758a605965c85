import {incidentDateOf} from '../src/model/time/incident-date.js'
import {defineRule} from '../src/lint/rule.js'
import {slice, stripTrailingMarkup} from '../src/model/text/text.js'

export type Options = Record<string, never>

/** Reports a postmortem that never says on which day the incident happened. */
export default defineRule<Options>({
  name: 'incident-date',
  description: 'Require the date of the incident',
  preset: 'strict',
  defaults: {},
  messages: {
    missing: 'Unexpected postmortem without the date of the incident, expected a date in the summary or the timeline (such as `Date: 2024-03-05`)'
  },
  check({model, tree, report}) {
    if (incidentDateOf(tree, model)) return
    // At the summary, where the date belongs, else at the title.
    const summary = model.sectionsOf('summary')[0]
    const title = tree.children.find((node) => node.type === 'heading')
    const titleStart = title?.position?.start.offset
    const titleEnd = title?.position?.end.offset
    const place = summary
      ? stripTrailingMarkup(summary.marker)
      : titleStart !== undefined && titleEnd !== undefined
        ? stripTrailingMarkup(slice(model.source, titleStart, titleEnd))
        : {start: 0}
    report({messageId: 'missing', place})
  }
})
