import type {SectionKind} from './synonyms.js'

/**
 * How a title that is not in the synonym table names a section, read by its
 * grammar rather than by a list of phrases:
 *
 * - a noun phrase is named by its head, the last section word before any
 *   preposition: "Root Cause Remediations" is about remediations (action
 *   items), "Timeline of the recovery" is a timeline;
 * - a question or a wh-clause is named by its verb: "Why did this break?" asks
 *   for the root cause, "How did we fix it?" for the resolution, "What are we
 *   doing to prevent it?" for the action items.
 *
 * Titles arrive normalised (`normalizeTitle`): lower case, words separated by
 * single spaces.
 */

/**
 * Strong words name a section anywhere in a title, not only in its head;
 * generic ones name it only when no other section word is in the head
 * ("Recovery actions" are the recovery, "Immediate actions" action items).
 */
type Strength = 'strong' | 'head' | 'generic'

interface Keyword {
  kind: SectionKind
  pattern: RegExp
  strength: Strength
}

const keyword = (kind: SectionKind, pattern: RegExp, strength: Strength = 'head'): Keyword => ({kind, pattern, strength})

// Word families, matched on whole words. A longer match that ends later wins
// ("actions taken" is what was done, "actions" alone what is to be done). A
// patch names the fix when it is done ("Patched"); "a patch" is the code.
const KEYWORDS: readonly Keyword[] = [
  keyword('timeline', /\b(?:timeline|chronology)\b/g, 'strong'),
  keyword('root-cause', /\broot causes?\b/g, 'strong'),
  keyword('root-cause', /\b(?:causes?|contributing factors?)\b/g),
  // "5 Whys", "Five whys": the method that finds the root cause names the section
  // (a leading number is taken for numbering, so "Whys" alone counts too).
  keyword('root-cause', /\b(?:(?:5|five) )?whys\b/g, 'strong'),
  keyword('action-items', /\b(?:corrective|corrections?|preventive|preventative|prevention|preventation|remediations?|follow ?ups?|action items?|action points?|next steps)\b/g, 'strong'),
  keyword('action-items', /\b(?:improvements?|recommendations?|safeguards?|going forward|moving forward)\b/g),
  keyword('action-items', /\bactions?\b/g, 'generic'),
  keyword('lessons-learned', /\b(?:lessons?|learnings?)\b/g, 'strong'),
  keyword('resolution', /\b(?:resolution|mitigations?|recovery|resolving)\b/g, 'strong'),
  keyword('resolution', /\b(?:fix(?:es|ed|ing)?|patched|patching|solutions?|workarounds?|(?:actions?|steps) (?:taken|performed|implemented))\b/g),
  keyword('impact', /\bimpact\b/g, 'strong'),
  keyword('summary', /\b(?:summary|overview)\b/g, 'strong')
]

// Any section word at all: most titles have none, and need no closer reading.
const ANY_KEYWORD = new RegExp(KEYWORDS.map(({pattern}) => pattern.source).join('|'))

// Prepositions end a noun phrase's head: "Summary of the outage", "Fixes for v2".
const PREPOSITIONS = new Set(['of', 'for', 'on', 'in', 'at', 'after', 'before', 'during', 'from', 'to', 'with', 'by', 'about', 'behind', 'across', 'within', 'into', 'via', 'per', 'under', 'over', 'since', 'until'])

// A fix that is still to come is an action item ("Long term solution").
const FUTURE = /\b(?:long term|longer term|future|planned|proposed|suggested|potential|upcoming)\b/

// What may stand before "summary" or "overview" when the summary is the
// incident's: its kind ("executive", "brief") or the incident itself. Any
// other word makes it a summary of something else ("Network overview",
// "Upgrade summary"), background rather than the report's summary.
const SUMMARY_QUALIFIERS = new Set([
  // the incident and the report on it
  'incident', 'incidents', 'issue', 'outage', 'event', 'events', 'problem', 'failure', 'downtime', 'disruption', 'degradation',
  'postmortem', 'post', 'mortem', 'report', 'retrospective', 'review', 'rca',
  // the kind of summary
  'executive', 'quick', 'brief', 'short', 'high', 'level', 'overall', 'general', 'technical', 'final', 'initial', 'key', 'main', 'full', 'public', 'internal', 'external',
  'the', 'a', 'an', 'our', 'this'
])
// Which incident or when: "Incident 2 summary", "March 5 outage overview".
const WHICH = /^(?:\d{1,4}(?:st|nd|rd|th)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/
const qualifies = (word: string): boolean => SUMMARY_QUALIFIERS.has(word) || WHICH.test(word)
// What a summary may be of: the incident, what happened, its findings.
const SUMMARY_SUBJECTS = new Set(['what', 'happened', 'findings', 'it', 'that', 'on', 'in'])
const isSubject = (word: string): boolean => qualifies(word) || SUMMARY_SUBJECTS.has(word)

interface Found {
  kind: SectionKind
  start: number
  end: number
  generic: boolean
  strong: boolean
}

function findKeywords(phrase: string, strongOnly: boolean): Found[] {
  const found: Found[] = []
  for (const {kind, pattern, strength} of KEYWORDS) {
    if (strongOnly && strength !== 'strong') continue
    for (const match of phrase.matchAll(pattern)) found.push({kind, start: match.index, end: match.index + match[0].length, generic: strength === 'generic', strong: strength === 'strong'})
  }
  return found
}

/** The section word that ends last, the longest on a tie; generic words only when alone. */
function lastOf(found: readonly Found[]): Found | undefined {
  const specific = found.filter((word) => !word.generic)
  return (specific.length > 0 ? specific : found).reduce<Found | undefined>(
    (best, next) => (!best || next.end > best.end || (next.end === best.end && next.start < best.start) ? next : best),
    undefined
  )
}

/** The words before the first preposition, and the words after it. */
function splitHead(phrase: string): [string, string] {
  const words = phrase.split(' ')
  const at = words.findIndex((word, index) => index > 0 && PREPOSITIONS.has(word))
  return at === -1 ? [phrase, ''] : [words.slice(0, at).join(' '), words.slice(at + 1).join(' ')]
}

/**
 * What a summary or overview is of: the incident's summary, a summary of
 * another section ("Resolution Summary", "Summary of impact" are that
 * section), or `null` for a summary of something else.
 */
function summaryKind(head: string, found: Found, complement: string): SectionKind | null {
  const before = head.slice(0, found.start)
  const sectionWord = (phrase: string): Found | undefined => lastOf(findKeywords(phrase, false).filter((word) => !word.generic && word.kind !== 'summary'))
  const of = sectionWord(before) ?? sectionWord(complement)
  if (of) return of.kind
  const qualifiers = before.split(' ').filter(Boolean)
  const subjects = complement.split(' ').filter(Boolean)
  return qualifiers.every(qualifies) && subjects.every(isSubject) ? 'summary' : null
}

// Auxiliaries make a clause of a title: "A fix for this was proposed", "Can be
// improved". A clause tells, it does not name a section.
const AUXILIARY = /\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|can|could|should|would|will|shall|may|might|must)\b/

/**
 * The section a noun phrase names by its head ("Root Cause Remediations",
 * "Quick overview of the outage"), or by a strong section word anywhere in it
 * ("Details of the root cause"); `null` when its head is a summary of
 * something else ("Overview of the network setup"), `undefined` when it has
 * no section word.
 */
export function headKind(phrase: string): SectionKind | null | undefined {
  if (!ANY_KEYWORD.test(phrase) || AUXILIARY.test(phrase)) return undefined
  const [head, complement] = splitHead(phrase)
  const inHead = lastOf(findKeywords(head, false))
  if (inHead) {
    if (inHead.kind === 'summary') return summaryKind(head, inHead, complement)
    if (inHead.kind === 'resolution' && FUTURE.test(head)) return 'action-items'
    return inHead.kind
  }
  const anywhere = complement === '' ? undefined : lastOf(findKeywords(complement, true))
  return anywhere && anywhere.kind !== 'summary' ? anywhere.kind : undefined
}

/**
 * Whether a title names a resolution only by a word of the fix family
 * ("Fixes", "Short-term fix"), not by one of the section's own names
 * ("Recovery", "Mitigation"): such a title takes its meaning from where it
 * stands, and fixes listed under the action items are still to be made.
 */
export function namesFixesOnly(phrase: string): boolean {
  const found = findKeywords(phrase, false).filter((word) => word.kind === 'resolution')
  return found.length > 0 && found.every((word) => !word.strong)
}

const WH_WORDS = new Set(['why', 'what', 'how', 'will', 'did', 'does', 'do', 'is', 'are', 'was', 'were', 'can', 'could', 'should', 'where', 'when', 'who', 'whats', 'hows'])
const FAILURE_VERB = /\b(?:happen|happened|break|broke|broken|fail|failed|occur|occurred|crash|crashed|went down|go down|stop|stopped)\b/
const CAUSE_VERB = /\b(?:cause|caused|causes|allow|allowed|allows|led|lead|leads|trigger|triggered|triggers)\b/
const FIX_VERB = /\b(?:fix|fixed|resolve|resolved|mitigate|mitigated|recover|recovered|restore|restored|solve|solved|patch|patched)\b/
// The future, or a present that goes on: "what happens now", "will this happen
// again", "what is being done", "what are we doing".
const FOLLOW_UP = /\b(?:prevent|prevention|avoid|again|next|now|future|forward|being done|(?:is|are|re|am) (?:\w+ )?doing)\b/
const LEARN_VERB = /\b(?:learn|learned|learnt)\b/
// What we will do or are about to do: "What we're changing", "What we will
// do", and asked: "What are we changing?", "What will we do?" (but "Are we
// vulnerable?" asks of a state, not a plan).
const WE_PLAN = /\b(?:we (?:are|re|will|ll|shall|plan to|intend to) (?:going to )?\w+|are we (?:going to \w+|\w+ing)|(?:will|shall) we (?!be\b)\w+)/
// What was done, asked of the whole response: "What did we do?".
const WE_DID = /^what (?:did we do|have we done|we did)$/
// "What went wrong" names the fault, as a root cause section does; beside
// "What went well" it is one of a review's lessons, beside a root cause
// section the story (sections.ts reads which).
const WENT_WRONG = /^what (?:went|goes|go|has gone|had gone) wrong\b/
const WENT_WELL = /^what (?:went|goes|go|has gone) (?:well|right)\b/
const COPULA = /^what (?:is|are|was|were) (.+)$/

const MAX_QUESTION_WORDS = 14

/** Whether a normalised title asks what went wrong, and not why. */
export const asksWhatWentWrong = (phrase: string): boolean => WENT_WRONG.test(phrase)

/** Whether a normalised title asks what went well: a review's lessons. */
export const asksWhatWentWell = (phrase: string): boolean => WENT_WELL.test(phrase)

/** Whether a line is a short question: "What was the root cause?", "Will this happen again?". */
export function isQuestion(text: string): boolean {
  const words = text.trim().toLowerCase().split(/\s+/)
  return text.trim().endsWith('?') && words.length <= MAX_QUESTION_WORDS && WH_WORDS.has(words[0] ?? '')
}

/** Whether a title is a wh-clause or a yes/no question ("Why did this break?", "What we learned"). */
export function isWhClause(phrase: string): boolean {
  const first = phrase.split(' ', 1)[0] ?? ''
  return WH_WORDS.has(first)
}

/**
 * The section a wh-clause asks for, by its verb; `[]` when it asks for none
 * ("What went well?", "How does this affect the release?"). A noun after
 * "what is/was" names the section as a noun phrase would ("What was the root
 * cause?").
 */
export function questionKinds(phrase: string): SectionKind[] {
  if (phrase === 'why' || (phrase.startsWith('why ') && FAILURE_VERB.test(phrase))) return ['root-cause']
  if (FOLLOW_UP.test(phrase)) return ['action-items']
  if (FIX_VERB.test(phrase)) return ['resolution']
  if (phrase.startsWith('what ') && CAUSE_VERB.test(phrase)) return ['root-cause']
  if (WENT_WRONG.test(phrase)) return ['root-cause']
  if (LEARN_VERB.test(phrase)) return ['lessons-learned']
  if (WE_PLAN.test(phrase)) return ['action-items']
  if (WE_DID.test(phrase)) return ['resolution']
  const complement = COPULA.exec(phrase)?.[1]
  const kind = complement ? headKind(complement) : undefined
  return kind ? [kind] : []
}
