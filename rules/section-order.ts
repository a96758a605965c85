import {CANONICAL_ORDER} from '../src/model/sections/insertion.js'
import {defineRule} from '../src/lint/rule.js'
import {SECTION_KINDS, SECTION_LABELS, type SectionKind} from '../src/model/sections/synonyms.js'
import {outlineSections} from '../src/model/sections/sections.js'
import {templateOrderProblems, templateSectionsIn} from '../src/model/template/template-sections.js'
import type {RuleContext} from '../src/lint/rule.js'

export interface Options {
  /** The order sections must come in; sections not listed may stand anywhere. */
  order?: SectionKind[]
  /** The team's template (docs/templates.md): its sections' order replaces `order`. */
  template?: string
}

// The order missing sections are inserted in, so that inserting one never puts another out of order.
export const DEFAULT_ORDER: SectionKind[] = [...CANONICAL_ORDER]

/** The template's sections out of its order, each said once, against a section in order. */
function checkTemplateOrder({model, template, report}: RuleContext<unknown, 'outOfTemplateOrder' | 'earlyForTemplate'>): void {
  if (!template) return
  for (const problem of templateOrderProblems(templateSectionsIn(model, model.titledLines(), template.sections))) {
    const title = problem.found.title
    if (problem.after) {
      report({messageId: 'outOfTemplateOrder', data: {title, previous: problem.after.found.title, expected: problem.after.section.title}, place: problem.found.marker})
    } else if (problem.before) {
      report({messageId: 'earlyForTemplate', data: {title, next: problem.before.found.title, expected: problem.before.section.title}, place: problem.found.marker})
    }
  }
}

/** Reports sections out of the canonical order. */
export default defineRule<Options>({
  name: 'section-order',
  description: 'Require sections in a canonical order',
  preset: 'strict',
  options: {order: {type: 'array', items: {type: 'string', enum: SECTION_KINDS}, uniqueItems: true}},
  defaults: {order: DEFAULT_ORDER},
  readsTemplate: true,
  messages: {
    outOfOrder: 'Unexpected {section} section `{title}` after `{previous}`, expected it before {previousSection}',
    outOfTemplateOrder: 'Unexpected section `{title}` after `{previous}`, expected it before the template\'s section `{expected}`',
    earlyForTemplate: 'Unexpected section `{title}` before `{next}`, expected it after the template\'s section `{expected}`'
  },
  check(context) {
    const {model, options, report} = context
    if (context.template) {
      checkTemplateOrder(context)
      return
    }
    const position = (kind: SectionKind): number => options.order.indexOf(kind)
    let latest: {kind: SectionKind; title: string} | undefined
    // Where each section stands: parts of other sections do not count.
    for (const section of outlineSections(model.sections)) {
      const kinds = section.kinds.filter((kind) => position(kind) >= 0)
      if (kinds.length === 0) continue
      const kind = kinds.reduce((a, b) => (position(a) <= position(b) ? a : b))
      if (latest && position(kind) < position(latest.kind)) {
        const data = {section: SECTION_LABELS[kind].toLowerCase(), title: section.title.trim(), previous: latest.title, previousSection: SECTION_LABELS[latest.kind].toLowerCase()}
        report({messageId: 'outOfOrder', data, place: section.marker})
        continue
      }
      const last = kinds.reduce((a, b) => (position(a) >= position(b) ? a : b))
      if (!latest || position(last) >= position(latest.kind)) latest = {kind: last, title: section.title.trim()}
    }
  }
})
