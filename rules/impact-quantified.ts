import {defineRule} from '../src/rule.js'

export type Options = Record<string, never>

/** Reports an impact that says neither how many nor what share were affected, and impossible shares. */
export default defineRule<Options>({
  name: 'impact-quantified',
  description: 'Require the impact as a percentage or count of who or what was affected',
  preset: 'recommended',
  defaults: {},
  check({model, report}) {
    const {impact, impactSections} = model.facts
    for (const mention of impact) {
      if (mention.kind === 'percentage' && mention.value !== undefined && (mention.value < 0 || mention.value > 100)) {
        report(
          `Unexpected impact of ${mention.span.text.trim()}, expected a percentage between 0 and 100`,
          mention.span
        )
      }
    }
    if (impact.length > 0) return
    const where = impactSections.find((section) => section.kinds.includes('impact')) ?? impactSections[0]
    report(
      'Unexpected impact without a percentage or count, expected who or what was affected in figures (such as `30% of users` or `1,200 requests`)',
      where ? where.marker : {start: 0}
    )
  }
})
