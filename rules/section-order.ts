import {defineRule} from '../src/rule.js'
import {SECTION_KINDS, SECTION_LABELS, type SectionKind} from '../src/synonyms.js'
import {stripTrailingMarkup} from '../src/text.js'

export interface Options {
  /** The order sections must come in; sections not listed may stand anywhere. */
  order?: SectionKind[]
}

/** Reports sections out of the canonical order. */
export default defineRule<Options>({
  name: 'section-order',
  description: 'Require sections in a canonical order',
  preset: 'strict',
  options: {order: {type: 'array', items: {type: 'string', enum: SECTION_KINDS}, uniqueItems: true}},
  defaults: {order: [...SECTION_KINDS]},
  check({model, options, report}) {
    const rank = (kind: SectionKind): number => options.order.indexOf(kind)
    let latest: {kind: SectionKind; title: string} | undefined
    // Labels inside other sections ("- **Root cause:** …" in a summary) are not where a section stands.
    for (const section of model.sections.filter((candidate) => candidate.style !== 'inline-label')) {
      const kinds = section.kinds.filter((kind) => rank(kind) >= 0)
      if (kinds.length === 0) continue
      const kind = kinds.reduce((a, b) => (rank(a) <= rank(b) ? a : b))
      if (latest && rank(kind) < rank(latest.kind)) {
        report(
          `Unexpected ${SECTION_LABELS[kind].toLowerCase()} section \`${section.title.trim()}\` after \`${latest.title}\`, expected it before ${SECTION_LABELS[latest.kind].toLowerCase()}`,
          stripTrailingMarkup(section.marker)
        )
        continue
      }
      const last = kinds.reduce((a, b) => (rank(a) >= rank(b) ? a : b))
      if (!latest || rank(last) >= rank(latest.kind)) latest = {kind: last, title: section.title.trim()}
    }
  }
})
