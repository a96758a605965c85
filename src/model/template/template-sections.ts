import type {PostmortemModel} from '../model.js'
import {type Section, isNamed} from '../sections/sections.js'
import type {Span} from '../text/text.js'
import type {TemplateSection} from './template.js'
import type {TitledLine} from './titles.js'
import {titleKey} from './words.js'
import {type Insertion, insertionBefore, sectionHeadingDepth} from '../sections/insertion.js'

/**
 * Where a postmortem has each of its template's sections. A section the
 * table knows ("Root causes", "Trigger") is found as the rules find it, by
 * its kind, with every synonym, label line and question title; when the
 * template has several of one kind, a section goes to the one whose words
 * it shares. A section of the team's own ("Detection") is found by a title
 * with all of its words.
 */

export interface FoundSection {
  title: string
  marker: Span
  /** A section of the document itself, not part of another: one whose place is judged for order. */
  outer: boolean
  /** For a section of the team's own, found by its title: nothing but white space and comments up to the next title of its level or above. */
  empty?: boolean
}

export interface TemplateSectionPlace {
  section: TemplateSection
  /** In document order; empty when the postmortem lacks it. */
  found: FoundSection[]
}

const wordsOf = (title: string): Set<string> => new Set(titleKey(title).split(' ').filter(Boolean))

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0
  for (const word of a) if (b.has(word)) count++
  return count
}

/** Whether nothing but white space and comments follows a title, up to the next title of its level or above (titles of its parts are no content). */
function isEmpty(source: string, titled: readonly TitledLine[], index: number): boolean {
  const line = titled[index]
  if (!line) return false
  let from = line.marker.start + line.marker.text.length
  for (let at = index + 1; ; at++) {
    const next = titled[at]
    const end = next?.marker.start ?? source.length
    if (/\S/.test(withoutComments(source.slice(from, end)))) return false
    if (!next || next.depth <= line.depth) return true
    from = next.marker.start + next.marker.text.length
  }
}

function withoutComments(text: string): string {
  let kept = ''
  let from = 0
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', from)) {
    kept += text.slice(from, open)
    const close = text.indexOf('-->', open + 4)
    if (close === -1) return kept
    from = close + 3
  }
  return kept + text.slice(from)
}

/** The template sections (of those sharing a kind with it) a document section stands for. */
function ownersOf(section: Section, template: readonly TemplateSection[]): TemplateSection[] {
  const group = template.filter((candidate) => candidate.kinds.some((kind) => section.kinds.includes(kind)))
  if (group.length <= 1) return group
  const words = wordsOf(section.title)
  const scores = group.map((candidate) => shared(wordsOf(candidate.title), words))
  const best = Math.max(...scores)
  return best === 0 ? group.slice(0, 1) : group.filter((_candidate, index) => scores[index] === best)
}

export function templateSectionsIn(model: PostmortemModel, template: readonly TemplateSection[]): TemplateSectionPlace[] {
  const titled = model.titledLines()
  const places = new Map(template.map((section) => [section, [] as FoundSection[]]))
  const blocks = model.sections.filter((section) => section.style !== 'inline-label')
  // A title inside a section of a shallower level ("### Detection" under "## Lessons learned") is part of it.
  const isOuter = (line: TitledLine): boolean => !blocks.some((section) => section.depth < line.depth && section.marker.start < line.marker.start && line.marker.start < section.contentEnd)
  for (const section of model.sections.filter(isNamed)) {
    const outer = !section.parent && section.style !== 'inline-label'
    for (const owner of ownersOf(section, template)) places.get(owner)?.push({title: section.title.trim(), marker: section.marker, outer})
  }
  const own = template.filter((section) => section.kinds.length === 0)
  for (const [index, line] of (own.length > 0 ? titled : []).entries()) {
    const words = wordsOf(line.title)
    for (const section of own) {
      const needed = section.key.split(' ')
      if (needed.every((word) => words.has(word))) places.get(section)?.push({title: line.title.trim(), marker: line.marker, outer: isOuter(line), empty: isEmpty(model.source, titled, index)})
    }
  }
  return template.map((section) => ({section, found: (places.get(section) ?? []).sort((a, b) => a.marker.start - b.marker.start)}))
}

/** Where a missing template section goes: before the first later template section the document has, else at its end. */
function templateInsertion(model: PostmortemModel, places: readonly TemplateSectionPlace[], missing: TemplateSection): Insertion {
  const heading = `${'#'.repeat(sectionHeadingDepth(model))} ${missing.title}`
  const rank = places.findIndex((place) => place.section === missing)
  const next = places.slice(rank + 1).flatMap((place) => place.found.filter((found) => found.outer)).sort((a, b) => a.marker.start - b.marker.start)[0]
  return insertionBefore(model.source, heading, next?.marker)
}

/** The template's sections a postmortem lacks, but those marked optional, each with where it would go. */
export function missingTemplateSections(model: PostmortemModel, template: readonly TemplateSection[]): Array<{section: TemplateSection; insertion: Insertion}> {
  const places = templateSectionsIn(model, template)
  const missing = places.filter((place) => place.found.length === 0 && !place.section.optional)
  return missing.map(({section}) => ({section, insertion: templateInsertion(model, places, section)}))
}

export interface OrderProblem {
  section: TemplateSection
  found: FoundSection
  /** A section it stands after, though the template puts that one later. */
  after?: {section: TemplateSection; found: FoundSection}
  /** Else a section it stands before, though the template puts that one earlier. */
  before?: {section: TemplateSection; found: FoundSection}
}

/**
 * The template's sections out of its order: those left out of the longest
 * run of sections in the template's order (so one section in the wrong place
 * is one problem, whether it stands too early or too late), each with the
 * section of that run it is misplaced against. Each template section counts
 * where it first stands as a section of its own; a template has few sections.
 */
export function templateOrderProblems(places: readonly TemplateSectionPlace[]): OrderProblem[] {
  const standing = places
    .flatMap(({section, found}, rank) => {
      const first = found.find((candidate) => candidate.outer)
      return first ? [{section, found: first, rank}] : []
    })
    .sort((a, b) => a.found.marker.start - b.found.marker.start)
  // Longest increasing run of ranks, by the quadratic method: n is the number of template sections.
  const length = standing.map(() => 1)
  const previous = standing.map(() => -1)
  standing.forEach((entry, index) => {
    for (let before = 0; before < index; before++) {
      if ((standing[before]?.rank ?? 0) < entry.rank && (length[before] ?? 0) + 1 > (length[index] ?? 0)) {
        length[index] = (length[before] ?? 0) + 1
        previous[index] = before
      }
    }
  })
  const kept = new Set<number>()
  for (let at = length.indexOf(Math.max(0, ...length)); at >= 0; at = previous[at] ?? -1) kept.add(at)
  return standing.flatMap((entry, index) => {
    if (kept.has(index)) return []
    // Against the first section of the run it should have come before, or the last it should have come after.
    const inRun = (from: number, to: number) => standing.slice(from, to).filter((_other, at) => kept.has(from + at))
    const after = inRun(0, index).filter((other) => other.rank > entry.rank).sort((a, b) => a.rank - b.rank)[0]
    const before = inRun(index + 1, standing.length).filter((other) => other.rank < entry.rank).sort((a, b) => b.rank - a.rank)[0]
    return [{section: entry.section, found: entry.found, ...(after ? {after} : before ? {before} : {})}]
  })
}
