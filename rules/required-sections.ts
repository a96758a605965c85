import {defineRule} from '../src/lint/rule.js'
import {SECTION_KINDS, SECTION_LABELS, type SectionKind} from '../src/model/sections/synonyms.js'
import {insertionFor} from '../src/model/sections/insertion.js'
import {isNamed} from '../src/model/sections/sections.js'

export interface Options {
  /** The sections every postmortem must have. */
  sections?: SectionKind[]
}

export const DEFAULT_REQUIRED: SectionKind[] = ['summary', 'timeline', 'root-cause', 'resolution', 'action-items']

/** Reports each required section the postmortem lacks, with the heading to insert. */
export default defineRule<Options>({
  name: 'required-sections',
  description: 'Require the sections every postmortem needs: summary, timeline, root cause, resolution and action items',
  fixable: true,
  preset: 'recommended',
  options: {sections: {type: 'array', items: {type: 'string', enum: SECTION_KINDS}, uniqueItems: true}},
  defaults: {sections: DEFAULT_REQUIRED},
  judgesAnyDocument: true,
  messages: {
    // Said once, at 1:1, of a README or a guide.
    notPostmortem: 'Unexpected document without any postmortem section, expected a postmortem ({sections}); not checked for sections',
    missing: 'Unexpected missing {section} section, expected a heading such as `{heading}`'
  },
  check({model, options, settings, report}) {
    // Headings in a script the synonyms are not written in name sections we
    // cannot read: saying that every section is missing would be wrong.
    if (model.unreadTitles) return
    // Six messages of missing sections on a README bury the one thing to say:
    // it is not a postmortem (`settings.postmortem.requirePostmortem` says every file is).
    if (!model.looksLikePostmortem && !settings.requirePostmortem) {
      const sections = options.sections.map((kind) => SECTION_LABELS[kind].toLowerCase()).join(', ')
      if (options.sections.length > 0) report({messageId: 'notPostmortem', data: {sections}, place: {start: 0}})
      return
    }
    for (const kind of options.sections) {
      if (model.sectionsOf(kind).some(isNamed)) continue
      const insertion = insertionFor(model, kind)
      report({
        messageId: 'missing',
        data: {section: SECTION_LABELS[kind].toLowerCase(), heading: insertion.heading},
        place: {start: insertion.offset},
        expected: [insertion.text]
      })
    }
  }
})
