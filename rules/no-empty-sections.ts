import {defineRule} from '../src/lint/rule.js'

export type Options = Record<string, never>

/** Reports a recognised section that has nothing in it. */
export default defineRule<Options>({
  name: 'no-empty-sections',
  description: 'Disallow recognised sections with no content',
  preset: 'recommended',
  defaults: {},
  messages: {
    empty: 'Unexpected empty section `{title}`, expected content before the next section'
  },
  check({model, report}) {
    for (const section of model.sections) {
      if (section.hasContent) continue
      report({messageId: 'empty', data: {title: section.title.trim()}, place: section.marker})
    }
  }
})
