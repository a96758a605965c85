import type {Root} from 'mdast'
import {buildModel} from '../model.js'
import type {SectionKind, SynonymOption} from '../sections/synonyms.js'
import {type TitledLine, titledLines} from './titles.js'
import {titleKey} from './words.js'
import {type TemplateField, templateFields} from './fields.js'
import {type TemplateTexts, templateTexts} from './template-text.js'
import {minOf} from '../support/arrays.js'

/**
 * A team's postmortem template, read with the same model as a postmortem:
 * its sections (in order, each required unless marked optional), the fields
 * it asks for in `Label:` lines and tables, and its own text, which a
 * postmortem should not keep (docs/templates.md).
 */

export interface TemplateSection {
  /** As the template writes it, without its optional mark. */
  title: string
  /** The sections of the table it names, as the model reads it; none for a section of the team's own ("Detection"). */
  kinds: SectionKind[]
  /** Its words, normalised (`titleKey`), to find a section of the team's own by. */
  key: string
  optional: boolean
}

export interface Template {
  sections: TemplateSection[]
  fields: TemplateField[]
  texts: TemplateTexts
}

const OPTIONAL_NOTE = /\(\s*optional\s*\)/gi
const COMMENT = /<!--[\s\S]{0,200}?-->/g
const OPTIONAL_COMMENT = /<!--\s*optional\s*-->/i

function isOptional(line: TitledLine): boolean {
  const next = line.next?.type === 'html' ? line.next.value : ''
  return /\(\s*optional\s*\)/i.test(line.title) || OPTIONAL_COMMENT.test(line.title) || OPTIONAL_COMMENT.test(next.trim().slice(0, 40))
}

/** The lines that mark the template's sections: those of the shallowest depth, after its title. */
function sectionLines(lines: readonly TitledLine[]): TitledLine[] {
  const [first, ...rest] = lines
  // "# Postmortem: [title]" over "## Summary", "## Impact": the title is no section.
  const titled = first?.depth === 1 && !rest.some((line) => line.depth === 1)
  const body = titled ? rest : [...lines]
  const depth = minOf(body.map((line) => line.depth))
  return body.filter((line) => line.depth === depth)
}

export function readTemplate(tree: Root, source: string, synonyms: SynonymOption = {}): Template {
  const model = buildModel(tree, source, synonyms)
  const kindsAt = new Map(model.sections.map((section) => [section.marker.start, section.kinds]))
  const lines = titledLines(tree, source)
  const sections = sectionLines(lines).map((line) => {
    const title = line.title.replace(COMMENT, ' ').replace(OPTIONAL_NOTE, ' ').replace(/\s+/g, ' ').trim()
    return {title, kinds: kindsAt.get(line.marker.start) ?? [], key: titleKey(title), optional: isOptional(line)}
  })
  const titles = new Set(lines.map((line) => line.marker.start))
  return {
    sections: sections.filter((section) => section.key !== ''),
    fields: templateFields(tree, source, model),
    texts: templateTexts(tree, source, titles)
  }
}
