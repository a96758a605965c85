import {defineRule} from '../src/rule.js'
import {SECTION_KINDS, SECTION_LABELS, type SectionKind} from '../src/synonyms.js'
import {insertionFor} from '../src/insertion.js'
import {isNamed} from '../src/sections.js'

export interface Options {
  /** The sections every postmortem must have. */
  sections?: SectionKind[]
}

export const DEFAULT_REQUIRED: SectionKind[] = ['summary', 'timeline', 'root-cause', 'resolution', 'action-items']

/** `Unexpected document without any postmortem section, …`: said once, at 1:1, of a README or a guide. */
export function notPostmortemReason(sections: readonly SectionKind[]): string {
  const names = sections.map((kind) => SECTION_LABELS[kind].toLowerCase()).join(', ')
  return `Unexpected document without any postmortem section, expected a postmortem (${names}); not checked for sections`
}

/** Reports each required section the postmortem lacks, with the heading to insert. */
export default defineRule<Options>({
  name: 'required-sections',
  description: 'Require the sections every postmortem needs: summary, timeline, root cause, resolution and action items',
  fixable: true,
  preset: 'recommended',
  options: {sections: {type: 'array', items: {type: 'string', enum: SECTION_KINDS}, uniqueItems: true}},
  defaults: {sections: DEFAULT_REQUIRED},
  judgesAnyDocument: true,
  check({model, options, settings, report}) {
    // Headings in a script the synonyms are not written in name sections we
    // cannot read: saying that every section is missing would be wrong.
    if (model.unreadTitles) return
    // Six messages of missing sections on a README bury the one thing to say:
    // it is not a postmortem (`settings.postmortem.requirePostmortem` says every file is).
    if (!model.looksLikePostmortem && !settings.requirePostmortem) {
      if (options.sections.length > 0) report(notPostmortemReason(options.sections), {start: 0})
      return
    }
    for (const kind of options.sections) {
      if (model.sectionsOf(kind).some(isNamed)) continue
      const insertion = insertionFor(model, kind)
      report(
        `Unexpected missing ${SECTION_LABELS[kind].toLowerCase()} section, expected a heading such as \`${insertion.heading}\``,
        {start: insertion.offset},
        {expected: [insertion.text]}
      )
    }
  }
})
