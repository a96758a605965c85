/**
 * The sections a postmortem is made of, and the titles people give them.
 *
 * Titles are compared after `normalizeTitle`, so case, numbering, emoji,
 * punctuation, parenthesised notes and a trailing colon never matter.
 */

export const SECTION_KINDS = [
  'summary',
  'impact',
  'timeline',
  'root-cause',
  'resolution',
  'action-items',
  'lessons-learned'
] as const

export type SectionKind = (typeof SECTION_KINDS)[number]

export type SynonymTable = Record<SectionKind, readonly string[]>

/** Extra titles per section, as users give them in a rule's `synonyms` option. */
export type SynonymOption = Partial<Record<SectionKind, readonly string[]>>

export const SECTION_LABELS: Record<SectionKind, string> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  'root-cause': 'Root cause',
  resolution: 'Resolution',
  'action-items': 'Action items',
  'lessons-learned': 'Lessons learned'
}

export const DEFAULT_SYNONYMS: SynonymTable = {
  summary: [
    'summary',
    'issue summary',
    'overview',
    'executive summary',
    'incident summary',
    'incident overview',
    'tl;dr',
    'tldr'
  ],
  impact: ['impact', 'customer impact', 'user impact', 'business impact', 'impact assessment'],
  timeline: [
    'timeline',
    'chronology',
    'sequence of events',
    'timeline of events',
    'incident timeline',
    'detailed timeline'
  ],
  'root-cause': [
    'root cause',
    'root causes',
    'root cause analysis',
    'contributing factors',
    'trigger',
    'cause'
  ],
  resolution: ['resolution', 'mitigation', 'recovery', 'resolution and recovery'],
  'action-items': [
    'action items',
    'corrective and preventative measures',
    'corrective and preventive measures',
    'corrective actions',
    'corrective measures',
    'preventative measures',
    'preventive measures',
    'follow-ups',
    'follow ups',
    'followups',
    'remediation',
    'next steps'
  ],
  'lessons-learned': ['lessons learned', 'lessons learnt', 'lessons']
}

/** Fact labels are not sections: they name a single fact (`Duration: 2 hours`). */
export const FACT_LABELS = {
  duration: ['duration', 'incident duration', 'outage duration', 'total duration'],
  start: ['start', 'start time', 'started', 'began', 'outage start', 'incident start'],
  end: ['end', 'end time', 'ended', 'outage end', 'incident end', 'resolved at'],
  date: ['date', 'incident date', 'date of incident']
} as const

export type FactLabel = keyof typeof FACT_LABELS

// Emoji, pictographs and their joiners carry no meaning in a title.
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{20E3}]/gu
const LEADING_NUMBER = /^(?:(?:\d{1,3}|[ivx]{1,4}|[a-h])[.)]|\d{1,3}\s)\s*/
const PARENTHESISED = /\([^()]{0,80}\)/g
const NOT_WORD = /[^\p{L}\p{N}]+/gu

export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(EMOJI, ' ')
    .replace(PARENTHESISED, ' ')
    .replaceAll('&', ' and ')
    .trim()
    .replace(LEADING_NUMBER, '')
    .replace(NOT_WORD, ' ')
    .trim()
}

export interface SectionMatcher {
  match(title: string): SectionKind[]
  factLabel(title: string): FactLabel | undefined
}

/** Builds a matcher from the default table plus the user's extra titles. */
export function createSectionMatcher(extra: SynonymOption = {}): SectionMatcher {
  const byTitle = new Map<string, SectionKind>()
  for (const kind of SECTION_KINDS) {
    for (const title of [...DEFAULT_SYNONYMS[kind], ...(extra[kind] ?? [])]) {
      byTitle.set(normalizeTitle(title), kind)
    }
  }
  const facts = new Map<string, FactLabel>()
  for (const [label, titles] of Object.entries(FACT_LABELS) as Array<[FactLabel, readonly string[]]>) {
    for (const title of titles) facts.set(normalizeTitle(title), label)
  }

  return {
    match(title) {
      const normal = normalizeTitle(title)
      if (normal === '') return []
      const whole = byTitle.get(normal)
      if (whole) return [whole]
      // "Root Cause and Resolution" is both sections; every part must be one.
      const parts = normal.split(' and ')
      if (parts.length < 2) return []
      const kinds: SectionKind[] = []
      for (const part of parts) {
        const kind = byTitle.get(part.trim())
        if (!kind) return []
        if (!kinds.includes(kind)) kinds.push(kind)
      }
      return kinds
    },
    factLabel(title) {
      return facts.get(normalizeTitle(title))
    }
  }
}
