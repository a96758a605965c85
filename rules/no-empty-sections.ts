import {defineRule} from '../src/lint/rule.js'
import {templateSectionsIn} from '../src/model/template/template-sections.js'

export interface Options {
  /** The team's template (docs/templates.md): its sections of the team's own ("Detection") are checked too. */
  template?: string
}

/** Reports a recognised section that has nothing in it, and an empty section of the team's template. */
export default defineRule<Options>({
  name: 'no-empty-sections',
  description: 'Disallow recognised sections with no content',
  preset: 'recommended',
  defaults: {},
  readsTemplate: true,
  messages: {
    empty: 'Unexpected empty section `{title}`, expected content before the next section'
  },
  check({model, template, report}) {
    const judged = new Set<number>()
    for (const section of model.sections) {
      judged.add(section.marker.start)
      if (section.hasContent) continue
      report({messageId: 'empty', data: {title: section.title.trim()}, place: section.marker})
    }
    // Sections of kinds the table knows are judged above; those of the team's own are found by their title.
    const own = template?.sections.filter((section) => section.kinds.length === 0) ?? []
    if (own.length === 0) return
    for (const place of templateSectionsIn(model, own)) {
      for (const found of place.found.filter((candidate) => candidate.empty && !judged.has(candidate.marker.start))) report({messageId: 'empty', data: {title: found.title}, place: found.marker})
    }
  }
})
