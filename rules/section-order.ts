import {CANONICAL_ORDER} from '../src/model/sections/insertion.js'
import {type RuleContext, defineRule, uniqueList} from '../src/lint/rule.js'
import {SECTION_KINDS, type SectionKind, sectionName} from '../src/model/sections/synonyms.js'
import {sectionsOutOfOrder} from '../src/model/sections/order.js'
import {templateOrderProblems, templateSectionsIn} from '../src/model/template/template-sections.js'

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
  for (const problem of templateOrderProblems(templateSectionsIn(model, template.sections))) {
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
  options: {order: uniqueList({items: {type: 'string', enum: SECTION_KINDS}})},
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
    // Where each section stands in the outline: parts of other sections do not count.
    for (const {section, title, kind, after} of sectionsOutOfOrder(model.sections, options.order)) {
      const data = {section: sectionName(kind), title, previous: after.title, previousSection: sectionName(after.kind)}
      report({messageId: 'outOfOrder', data, place: section.marker})
    }
  }
})
