import {headKind, isWhClause, questionKinds} from './section-titles.js'

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

/** A kind as a sentence names it: `root cause`, `action items`. */
export function sectionName(kind: SectionKind): string {
  return SECTION_LABELS[kind].toLowerCase()
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
    'action points',
    'action point',
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
  // A window ("Time: 10:00 - 11:30 UTC") states the start and end the way a duration label does.
  duration: ['duration', 'incident duration', 'outage duration', 'total duration', 'incident date and time', 'date and time', 'date time', 'time', 'time window', 'outage window', 'period'],
  start: ['start', 'start time', 'started', 'began', 'outage start', 'incident start'],
  end: ['end', 'end time', 'ended', 'outage end', 'incident end', 'resolved', 'resolved at'],
  date: ['date', 'incident date', 'date of incident']
} as const

export type FactLabel = keyof typeof FACT_LABELS

// Emoji, pictographs and their joiners carry no meaning in a title.
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{20E3}]/gu
const LEADING_NUMBER = /^(?:(?:\d{1,3}|[ivx]{1,4}|[a-h])[.)]|\d{1,3}\s)\s*/
const PARENTHESISED = /\([^()]{0,80}\)/g
const NOT_WORD = /[^\p{L}\p{N}]+/gu
// A link in a title ("source: https://…/root-cause-analysis") names nothing.
const URL = /\b(?:https?|ftp):\/\/\S{1,2000}/gi

export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(URL, ' ')
    .replace(EMOJI, ' ')
    .replace(PARENTHESISED, ' ')
    .replaceAll('&', ' and ')
    .trim()
    .replace(LEADING_NUMBER, '')
    .replace(NOT_WORD, ' ')
    .trim()
}

export interface SectionMatcher {
  /**
   * The sections a title names. `loose` is for titles that stand alone (headings,
   * pseudo-headings, label lines): they may also start with a known title
   * ("Root cause of the outage") or name it by a keyword ("Correction and
   * prevention measures"); a label inside a sentence must match exactly.
   */
  match(title: string, loose?: boolean): SectionKind[]
  factLabel(title: string): FactLabel | undefined
}

// Words that add nothing to a title: "The Timeline", "Incident Impact", "Timeline of Events".
const FILLER = new Set(['the', 'a', 'an', 'of', 'our', 'this', 'issue', 'incident', 'event', 'events', 'outage', 'detailed', 'brief', 'full', 'report', 'initial'])
const FILLER_WORD = new RegExp(`\\b(?:${[...FILLER].join('|')})\\b`)
const MAX_LOOSE_WORDS = 10
// The words before the first spaced dash or colon: "Prevention — the broader lesson".
const LEAD = /^([^:—–\n]{1,80}?)(?:\s[—–-]\s|:\s)/u
// "Events/Timeline", "Improvements/Fixes": a slash between words joins them as "and" does.
const SLASH = /(?<=\p{L})\/(?=\p{L})/gu

function withoutFiller(normal: string): string {
  // Most titles are one or two words: no need to split them when no filler is there.
  if (!FILLER_WORD.test(normal)) return normal
  return normal.split(' ').filter((word) => !FILLER.has(word)).join(' ')
}

/** The section each known title names, normalised: the default table plus the user's extra titles. */
function kindsByTitle(extra: SynonymOption): Map<string, SectionKind> {
  const byTitle = new Map<string, SectionKind>()
  for (const kind of SECTION_KINDS) {
    for (const title of [...DEFAULT_SYNONYMS[kind], ...(extra[kind] ?? [])]) {
      byTitle.set(normalizeTitle(title), kind)
    }
  }
  return byTitle
}

function factLabelsByName(): Map<string, FactLabel> {
  const facts = new Map<string, FactLabel>()
  for (const [label, names] of Object.entries(FACT_LABELS) as Array<[FactLabel, readonly string[]]>) {
    for (const name of names) facts.set(normalizeTitle(name), label)
  }
  return facts
}

/** Builds a matcher from the default table plus the user's extra titles. */
export function createSectionMatcher(extra: SynonymOption = {}): SectionMatcher {
  const byTitle = kindsByTitle(extra)
  // Longest first, so "root cause analysis" wins over "root cause".
  const titles = [...byTitle.keys()].sort((a, b) => b.length - a.length)
  const facts = factLabelsByName()

  const exact = (phrase: string): SectionKind | undefined => byTitle.get(phrase) ?? byTitle.get(withoutFiller(phrase))
  const prefixed = (phrase: string): SectionKind | undefined => {
    for (const candidate of [phrase, withoutFiller(phrase)]) {
      const title = titles.find((known) => candidate.startsWith(`${known} `))
      if (title) return byTitle.get(title)
    }
    return undefined
  }
  // A part of a title that stands alone: by its head, else by starting with a
  // known title ("Event log for Tuesday", with the user's extra titles).
  const loosely = (part: string): SectionKind | undefined => {
    const head = headKind(part)
    return head === null ? undefined : head ?? prefixed(part)
  }

  // "Root Cause and Resolution" is both sections. Normalised again only when
  // a slash joins words, the common case being a title without one.
  const partsOf = (title: string, normal: string): string[] =>
    (title.includes('/') ? normalizeTitle(title.replace(URL, ' ').replace(SLASH, ' and ')) : normal).split(' and ')
  const readLoose = (title: string, normal = normalizeTitle(title), parts = partsOf(title, normal)): SectionKind[] => {
    if (normal === '' || normal.split(' ').length > MAX_LOOSE_WORDS) return []
    if (isWhClause(normal)) return questionKinds(normal)
    const kinds = parts.map((part) => exact(part) ?? loosely(part))
    return [...new Set(kinds.filter((kind): kind is SectionKind => kind !== undefined))]
  }

  return {
    match(title, loose = false) {
      const normal = normalizeTitle(title)
      if (normal === '') return []
      const whole = exact(normal)
      if (whole) return [whole]
      const parts = partsOf(title, normal)
      const exactParts = parts.map(exact)
      if (parts.length > 1 && exactParts.every((kind) => kind !== undefined)) return [...new Set(exactParts as SectionKind[])]
      if (!loose) return []
      // "Root cause — two-step exposure chain": the words before a dash or a
      // colon are the title, the rest a note on it.
      const lead = LEAD.exec(title)?.[1]
      const leadKinds = lead ? readLoose(lead) : []
      return leadKinds.length > 0 ? leadKinds : readLoose(title, normal, parts)
    },
    factLabel(title) {
      return facts.get(normalizeTitle(title))
    }
  }
}
