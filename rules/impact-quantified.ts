import {defineRule} from '../src/lint/rule.js'

export type Options = Record<string, never>

/** Reports an impact that says neither how many nor what share were affected, and impossible shares. */
export default defineRule<Options>({
  name: 'impact-quantified',
  description: 'Require the impact as a percentage or count of who or what was affected',
  preset: 'recommended',
  defaults: {},
  messages: {
    impossibleShare: 'Unexpected impact of {share}, expected a percentage between 0 and 100',
    unquantified: 'Unexpected impact without a percentage or count, expected who or what was affected in figures (such as `30% of users` or `1,200 requests`)'
  },
  check({model, report}) {
    const {impact, impactSections} = model.stated
    for (const mention of impact) {
      if (mention.kind === 'percentage' && mention.value !== undefined && (mention.value < 0 || mention.value > 100)) {
        report({messageId: 'impossibleShare', data: {share: mention.span.text.trim()}, place: mention.span})
      }
    }
    if (impact.length > 0) return
    const where = impactSections.find((section) => section.kinds.includes('impact')) ?? impactSections[0]
    report({messageId: 'unquantified', place: where ? where.marker : {start: 0}})
  }
})
