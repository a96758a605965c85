import type {PostmortemModel} from '../model.js'
import {SECTION_LABELS, type SectionKind} from './synonyms.js'
import {type Span, isBlank, lineStart, splitLines} from '../text/text.js'
import {isNamed} from './sections.js'

export interface Insertion {
  /** Where the heading goes: before the first section that comes after it in the order, else at the end. */
  offset: number
  /** The heading alone (`## Timeline`). */
  heading: string
  /** The text to insert at `offset`, blank lines included. */
  text: string
}

// An ATX title (`# Outage of May 3`) or a setext one (a line of `=` under it).
const ATX_TITLE = /^[ ]{0,3}(#{1,6})(?:[ \t]|$)/
const SETEXT_TITLE_UNDERLINE = /^[ ]{0,3}=+[ \t]*$/

/**
 * The depth of the headings that mark sections: the one most section headings
 * not inside another section use, the first written on a tie; when no section
 * is a heading, one below
 * the title before the first section; `##` when there is no title either.
 */
export function sectionHeadingDepth(model: PostmortemModel): number {
  // Counted once: counting inside the sort's comparator is quadratic in the number of headings.
  const depthCounts = new Map<number, number>()
  for (const section of model.sections) {
    // Parts ("### Root cause" under "## Root Cause and Resolution") are not siblings.
    if (section.parent) continue
    if (section.style === 'atx' || section.style === 'setext') depthCounts.set(section.depth, (depthCounts.get(section.depth) ?? 0) + 1)
  }
  const common = [...depthCounts].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (common !== undefined) return common
  const preamble = splitLines(model.source, 0, model.sections[0]?.marker.start ?? model.source.length)
  for (const [index, line] of preamble.entries()) {
    const atx = ATX_TITLE.exec(line.text)
    if (atx) return Math.min(6, (atx[1]?.length ?? 1) + 1)
    if (index > 0 && SETEXT_TITLE_UNDERLINE.test(line.text) && !isBlank(preamble[index - 1]?.text ?? '')) return 2
  }
  return 2
}

/**
 * The order postmortem sections are expected in. Lessons learned is left out:
 * guides disagree on whether it comes before or after the action items.
 */
export const CANONICAL_ORDER: readonly SectionKind[] = ['summary', 'impact', 'timeline', 'root-cause', 'resolution', 'action-items']

/** Where a missing section belongs, and the heading that starts it, in the style of its siblings. */
export function insertionFor(model: PostmortemModel, kind: SectionKind, order: readonly SectionKind[] = CANONICAL_ORDER): Insertion {
  // Sections inside others are parts of those, not where a section stands.
  const blocks = model.sections.filter((section) => section.style !== 'inline-label' && !section.parent)
  const heading = `${'#'.repeat(sectionHeadingDepth(model))} ${SECTION_LABELS[kind]}`
  const rank = order.indexOf(kind)
  // Before the first section that comes after it in the order: nothing before
  // it comes after it then, so no section is put out of order, even in a
  // document already out of order. At the end when none does.
  const next = rank < 0 ? undefined : blocks.find((section) => section.kinds.every((other) => order.indexOf(other) > rank))
  return insertionBefore(model.source, heading, next?.marker)
}

/** A heading inserted before the section marked `next`, or at the end of the document when there is none. */
export function insertionBefore(source: string, heading: string, next: Span | undefined): Insertion {
  // At the start of the line: a marker after `> ` or `- ` would be split from its prefix.
  if (next) return {offset: lineStart(source, next.start), heading, text: `${heading}\n\n`}
  const ending = source.endsWith('\n\n') ? '' : source.endsWith('\n') ? '\n' : source === '' ? '' : '\n\n'
  return {offset: source.length, heading, text: `${ending}${heading}\n`}
}

/** Each section of `kinds` the document does not name (an opening paragraph is no summary to look for), where it would go. */
export function missingSections(model: PostmortemModel, kinds: readonly SectionKind[]): Array<{kind: SectionKind; insertion: Insertion}> {
  return kinds.filter((kind) => !model.sectionsOf(kind).some(isNamed)).map((kind) => ({kind, insertion: insertionFor(model, kind)}))
}
