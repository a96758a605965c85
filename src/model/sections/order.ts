import type {Section} from './sections.js'
import type {SectionKind} from './synonyms.js'

/**
 * The sections that stand at the top of the document's outline: not inside
 * another ("### Root cause" under "## Summary", "- **Impact:** …" in a
 * list), not an inline label, and, of real headings, only those at the
 * shallowest level ("#### Summary" of a sub-report deep in the document is
 * not the postmortem's summary); bold pseudo-headings and label lines count.
 */
export function outlineSections(sections: readonly Section[]): Section[] {
  const outer = sections.filter((section) => section.style !== 'inline-label' && !section.parent)
  let shallowest = Number.POSITIVE_INFINITY
  for (const section of outer) if (section.depth <= 6) shallowest = Math.min(shallowest, section.depth)
  return outer.filter((section) => section.depth > 6 || section.depth === shallowest)
}

/** A section that stands after one the order puts later. */
export interface OutOfOrder {
  section: Section
  /** Its title as read, and the kind it stands for: of its kinds, the one the order puts first. */
  title: string
  kind: SectionKind
  /** The latest section in order before it, and the kind it stood for there. */
  after: {title: string; kind: SectionKind}
}

/**
 * The sections of the outline out of `order`. A section of several kinds
 * ("Root Cause and Resolution") is out of order by the first of them, and
 * moves the order on to the last; one out of order does not move it, so each
 * misplaced section is said once, against the section in order before it.
 * Kinds the order leaves out may stand anywhere.
 */
export function sectionsOutOfOrder(sections: readonly Section[], order: readonly SectionKind[]): OutOfOrder[] {
  const position = (kind: SectionKind): number => order.indexOf(kind)
  const found: OutOfOrder[] = []
  let latest: {kind: SectionKind; title: string} | undefined
  for (const section of outlineSections(sections)) {
    const kinds = section.kinds.filter((kind) => position(kind) >= 0)
    if (kinds.length === 0) continue
    const title = section.title.trim()
    const kind = kinds.reduce((a, b) => (position(a) <= position(b) ? a : b))
    if (latest && position(kind) < position(latest.kind)) {
      found.push({section, title, kind, after: latest})
      continue
    }
    const last = kinds.reduce((a, b) => (position(a) >= position(b) ? a : b))
    if (!latest || position(last) >= position(latest.kind)) latest = {kind: last, title}
  }
  return found
}
