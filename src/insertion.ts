import type {PostmortemModel} from './model.js'
import {SECTION_KINDS, SECTION_LABELS, type SectionKind} from './synonyms.js'

export interface Insertion {
  /** Where the heading goes: before the first section that comes after it in the canonical order. */
  offset: number
  /** The heading alone (`## Timeline`). */
  heading: string
  /** The text to insert at `offset`, blank lines included. */
  text: string
}

/** Where a missing section belongs, and the heading that starts it, in the style of its siblings. */
export function insertionFor(model: PostmortemModel, kind: SectionKind, order: readonly SectionKind[] = SECTION_KINDS): Insertion {
  const blocks = model.sections.filter((section) => section.style !== 'inline-label')
  const headings = blocks.filter((section) => section.style === 'atx' || section.style === 'setext')
  // The depth most sections use; `##` when the document has no headings.
  const depths = headings.map((section) => section.rank)
  const depth = depths.length > 0
    ? depths.sort((a, b) => depths.filter((d) => d === b).length - depths.filter((d) => d === a).length)[0] ?? 2
    : 2
  const heading = `${'#'.repeat(depth)} ${SECTION_LABELS[kind]}`
  const rank = order.indexOf(kind)
  const next = blocks.find((section) => section.kinds.every((other) => order.indexOf(other) > rank))
  if (next) return {offset: next.marker.start, heading, text: `${heading}\n\n`}
  const source = model.source
  const ending = source.endsWith('\n\n') ? '' : source.endsWith('\n') ? '\n' : source === '' ? '' : '\n\n'
  return {offset: source.length, heading, text: `${ending}${heading}\n`}
}
