import type {CauseFact, IncidentFacts} from '../../model/facts/extract-facts.js'
import {contentStem} from '../../model/causes/cause-words.js'
import type {IncidentRow} from './rows.js'

/** An incident as a group of related incidents lists it. */
export interface RelatedIncident {
  file: string
  title?: string
  date?: string
  /** The cause as the document writes it. */
  cause?: string
}

/** Incidents with the same cause, or filed under the same tag. */
export interface RecurringGroup {
  /** `cause`: read from the root-cause wording; `tag`: a front matter tag or category. */
  kind: 'cause' | 'tag'
  /** The cause in one document's words (`expired SSL certificate`), or the tag. */
  label: string
  /** The stems the causes share (`expir`, `ssl`, `certificat`); none for a tag. */
  terms?: string[]
  /** In date order. */
  incidents: RelatedIncident[]
}

interface Reading {
  index: number
  cause: CauseFact
  keys: Set<string>
  terms: Set<string>
  /** The compounds both of whose words tell causes apart. */
  compounds: Set<string>
}

/** Below this weighted share of their words, two causes are not the same. */
const SAME_WORDING = 0.3
/** With a word of their naming phrases in common, less of the rest is needed. */
const SAME_WORDING_WITH_KEY = 0.15

/**
 * A word in more than this many causes tells them apart no better than
 * "server" would: it is not compared (five at least, so that a small
 * repository keeps the words its few causes share).
 */
function commonLimit(count: number): number {
  return Math.max(5, Math.ceil(count / 6))
}

function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((term) => b.has(term))
}

/** The causes, each with only the words that tell causes apart; a word's weight is its inverse document frequency. */
function readings(incidents: ReadonlyArray<{facts: IncidentFacts}>): {readings: Reading[]; weight: (term: string) => number} {
  const found = incidents.flatMap(({facts}, index) => (facts.cause && facts.cause.terms.length > 0 ? [{index, cause: facts.cause}] : []))
  const frequency = new Map<string, number>()
  for (const {cause} of found) for (const term of new Set(cause.terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1)
  const limit = commonLimit(found.length)
  const telling = (term: string): boolean => (frequency.get(term) ?? 0) <= limit
  const weight = (term: string): number => Math.log(1 + found.length / (frequency.get(term) ?? 1))
  return {
    readings: found.map(({index, cause}) => ({
      index,
      cause,
      keys: new Set(cause.keyTerms.filter(telling)),
      terms: new Set([...cause.terms, ...cause.keyTerms].filter(telling)),
      compounds: new Set(cause.compounds.filter((compound) => compound.split(' ').every(telling)))
    })),
    weight
  }
}

/** How much of their words two causes share, each word weighted by how rare it is (a weighted Jaccard index). */
function similarity(a: Reading, b: Reading, weight: (term: string) => number): number {
  const sum = (terms: Iterable<string>): number => [...terms].reduce((total, term) => total + weight(term), 0)
  const shared = sum(intersection(a.terms, b.terms))
  const all = sum(new Set([...a.terms, ...b.terms]))
  return all === 0 ? 0 : shared / all
}

/** Whether the other cause names what this one's phrase does, every telling word of it, two at least ("memory leak" in "the process was leaking memory"). */
function namedIn(a: Reading, b: Reading): boolean {
  const named = intersection(a.keys, b.terms).length
  return named >= 2 && named === a.keys.size
}

/** Whether two causes name the same thing with the same compound (`deposit contract`) and share a word besides. */
function sameCompound(a: Reading, b: Reading): boolean {
  const compounds = intersection(a.compounds, b.compounds)
  if (compounds.length === 0) return false
  const inCompounds = new Set(compounds.flatMap((compound) => compound.split(' ')))
  return intersection(a.terms, b.terms).some((term) => !inCompounds.has(term))
}

/** Whether two causes are the same: one names the other's phrase, they share a compound and a word, or enough of their words. */
function sameCause(a: Reading, b: Reading, weight: (term: string) => number): number | undefined {
  const keys = intersection(a.keys, b.keys).length
  const score = similarity(a, b, weight)
  if (namedIn(a, b) || namedIn(b, a) || sameCompound(a, b) || score >= SAME_WORDING || (keys === 1 && score >= SAME_WORDING_WITH_KEY)) return score + keys
  return undefined
}

/** Pairs of causes that share a telling word, found through an index of the words: never every pair. */
function candidatePairs(all: readonly Reading[]): Array<[number, number]> {
  const postings = new Map<string, number[]>()
  all.forEach((reading, at) => {
    for (const term of reading.terms) {
      const list = postings.get(term)
      if (list) list.push(at)
      else postings.set(term, [at])
    }
  })
  const pairs = new Set<string>()
  for (const list of postings.values()) for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.add(`${list[i]},${list[j]}`)
  return [...pairs].map((pair) => pair.split(',').map(Number) as [number, number])
}

/**
 * Clusters the linked causes: the strongest links first, and two clusters
 * join only when more than half of the pairs across them are linked (a
 * cause joins a pair only when like both), so that a chain of causes each
 * like the next does not make one group of unlike ones.
 */
function cluster(count: number, links: ReadonlyArray<{a: number; b: number; score: number}>): number[][] {
  const linked = new Set(links.map(({a, b}) => `${Math.min(a, b)},${Math.max(a, b)}`))
  const clusterOf = Array.from({length: count}, (_, index) => index)
  const members = new Map(clusterOf.map((index) => [index, [index]]))
  for (const {a, b} of [...links].sort((x, y) => y.score - x.score)) {
    const [left, right] = [clusterOf[a]!, clusterOf[b]!]
    if (left === right) continue
    const [one, other] = [members.get(left)!, members.get(right)!]
    const across = one.reduce((sum, i) => sum + other.filter((j) => linked.has(`${Math.min(i, j)},${Math.max(i, j)}`)).length, 0)
    if (across * 2 <= one.length * other.length) continue
    for (const index of other) clusterOf[index] = left
    members.set(left, [...one, ...other])
    members.delete(right)
  }
  return [...members.values()].filter((group) => group.length > 1)
}

/** The compound most of a cluster's causes share, if any. */
function sharedCompound(group: readonly Reading[]): string | undefined {
  const counts = new Map<string, number>()
  for (const reading of group) for (const compound of reading.compounds) counts.set(compound, (counts.get(compound) ?? 0) + 1)
  const [best] = [...counts].filter(([, count]) => count >= 2).sort((a, b) => b[1] - a[1])
  return best?.[0]
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_.-]*/gu

/** A compound's words as a cause writes them: `deposit contract` for `deposit contract`, `test environments` for `test environ`. */
function compoundAsWritten(compound: string, group: readonly Reading[]): string | undefined {
  for (const {cause} of group) {
    const words = [...cause.text.matchAll(WORD)].map((match) => match[0])
    const at = words.findIndex((word, index) => `${contentStem(word.toLowerCase()) ?? ''} ${contentStem(words[index + 1]?.toLowerCase() ?? '') ?? ''}` === compound)
    if (at >= 0) return `${words[at]} ${words[at + 1]}`
  }
  return undefined
}

/**
 * A cluster's label: the naming phrase of the member that holds most of the
 * words the members share; else the compound they share, as written; else
 * those words' stems.
 */
function causeGroup(group: readonly Reading[], toIncident: (index: number) => RelatedIncident): RecurringGroup {
  const counts = new Map<string, number>()
  for (const reading of group) for (const term of reading.terms) counts.set(term, (counts.get(term) ?? 0) + 1)
  const shared = [...counts].filter(([, count]) => count * 2 >= group.length && count >= 2).map(([term]) => term)
  const cover = (reading: Reading): number => shared.filter((term) => reading.keys.has(term)).length
  const best = [...group].sort((a, b) => cover(b) - cover(a) || (a.cause.phrase?.text.length ?? 999) - (b.cause.phrase?.text.length ?? 999))[0]!
  const compound = sharedCompound(group)
  const label = cover(best) > 0 && best.cause.phrase ? best.cause.phrase.text : ((compound && compoundAsWritten(compound, group)) ?? shared.slice(0, 4).join(' '))
  return {kind: 'cause', label, terms: shared, incidents: group.map((reading) => toIncident(reading.index))}
}

/** Groups of tags that more than one incident, and not every one, is filed under. */
function tagGroups(incidents: ReadonlyArray<{facts: IncidentFacts}>, toIncident: (index: number) => RelatedIncident): RecurringGroup[] {
  const tagged = new Map<string, number[]>()
  incidents.forEach(({facts}, index) => {
    for (const name of facts.tags?.names ?? []) tagged.set(name, [...(tagged.get(name) ?? []), index])
  })
  return [...tagged]
    .filter(([, members]) => members.length > 1 && (members.length < incidents.length || incidents.length < 3))
    .map(([name, members]) => ({kind: 'tag' as const, label: name, incidents: members.map(toIncident)}))
}

/**
 * The incidents that recur: grouped by the wording of their causes (see
 * docs/facts.md, "Recurring causes") and by their front matter tags and
 * categories. Incidents are expected in date order; groups come largest first.
 */
export function recurringGroups(incidents: ReadonlyArray<{row: IncidentRow; facts: IncidentFacts}>): RecurringGroup[] {
  const toIncident = (index: number): RelatedIncident => {
    const {row, facts} = incidents[index]!
    const related: RelatedIncident = {file: row.file}
    if (row.title) related.title = row.title
    if (row.date) related.date = row.date
    if (facts.cause) related.cause = facts.cause.text.replace(/\s+/g, ' ')
    return related
  }
  const {readings: all, weight} = readings(incidents)
  const links = candidatePairs(all).flatMap(([a, b]) => {
    const score = sameCause(all[a]!, all[b]!, weight)
    return score === undefined ? [] : [{a, b, score}]
  })
  const causes = cluster(all.length, links).map((group) => causeGroup(group.sort((a, b) => a - b).map((at) => all[at]!), toIncident))
  return [...causes, ...tagGroups(incidents, toIncident)].sort((a, b) => b.incidents.length - a.incidents.length || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.label < b.label ? -1 : 1))
}
