import {defineRule, insertAt, uniqueList} from '../src/lint/rule.js'
import {SECTION_KINDS, SECTION_LABELS, type SectionKind, sectionName} from '../src/model/sections/synonyms.js'
import {missingSections} from '../src/model/sections/insertion.js'
import {templateFieldGaps} from '../src/model/template/fields.js'
import {missingTemplateSections} from '../src/model/template/template-sections.js'

export interface Options {
  /** The sections every postmortem must have; a `template` gives its own. */
  sections?: SectionKind[]
  /** The team's template (docs/templates.md): its sections, but those marked optional, and its fields are required. */
  template?: string
}

export const DEFAULT_REQUIRED: SectionKind[] = ['summary', 'timeline', 'root-cause', 'resolution', 'action-items']

/** Reports each required section the postmortem lacks, with the heading to insert; with a template, its sections and fields. */
export default defineRule<Options>({
  name: 'required-sections',
  description: 'Require the sections every postmortem needs: summary, timeline, root cause, resolution and action items, or those of the team\'s template',
  fixable: true,
  preset: 'recommended',
  options: {sections: uniqueList({items: {type: 'string', enum: SECTION_KINDS}})},
  defaults: {sections: DEFAULT_REQUIRED},
  readsTemplate: true,
  judgesAnyDocument: true,
  messages: {
    // Said once, at 1:1, of a README or a guide.
    notPostmortem: 'Unexpected document without any postmortem section, expected a postmortem ({sections}); not checked for sections',
    missing: 'Unexpected missing {section} section, expected a heading such as `{heading}`',
    missingTemplateSection: 'Unexpected missing section `{title}`, expected the template\'s section `{title}` (a heading such as `{heading}`)',
    missingField: 'Unexpected missing field `{field}`, expected the template\'s field `{field}:` with its value',
    emptyField: 'Unexpected empty field `{field}`, expected the value the template asks for'
  },
  check({model, options, settings, template, report}) {
    // Headings in a script the synonyms are not written in name sections we
    // cannot read: saying that every section is missing would be wrong.
    if (model.unreadTitles) return
    // Six messages of missing sections on a README bury the one thing to say:
    // it is not a postmortem (`settings.postmortem.requirePostmortem` says every file is).
    if (!model.looksLikePostmortem && !settings.requirePostmortem) {
      const titles = template ? template.sections.map((section) => section.title) : options.sections.map((kind) => SECTION_LABELS[kind])
      if (titles.length > 0) report({messageId: 'notPostmortem', data: {sections: titles.map((title) => title.toLowerCase()).join(', ')}, place: {start: 0}})
      return
    }
    if (template) {
      for (const {section, insertion} of missingTemplateSections(model, template.sections)) {
        report({messageId: 'missingTemplateSection', data: {title: section.title, heading: insertion.heading}, ...insertAt(insertion)})
      }
      for (const gap of templateFieldGaps(model, template.fields)) {
        const data = {field: gap.field.label}
        report(gap.empty ? {messageId: 'emptyField', data, place: gap.empty} : {messageId: 'missingField', data, place: {start: model.title?.start ?? 0}})
      }
      return
    }
    for (const {kind, insertion} of missingSections(model, options.sections)) {
      const data = {section: sectionName(kind), heading: insertion.heading}
      report({messageId: 'missing', data, ...insertAt(insertion)})
    }
  }
})
