import type {Root} from 'mdast'
import {frontMatterFields, frontMatterProblem, readFrontMatter} from '../front-matter.js'
import type {Section} from '../sections/sections.js'
import {type Word, sentencesOf} from '../text/prose.js'
import {statementsIn} from '../text/statements.js'
import {type Span, slice, trimSpan} from '../text/text.js'
import {NOUN_PHRASE_OPENERS, contentStem, isClosedClass} from './cause-words.js'

/**
 * What a postmortem gives as the cause of its incident: the first statement
 * of its root-cause section (or, without one, the summary's statement that
 * says what caused it), the noun phrase that names the cause in it, and the
 * stems of its content words, which documents with the same cause share.
 */
export interface CauseReading {
  statement: Span
  /** The noun phrase naming the cause: `a misconfigured firewall rule`, `memory leak`. */
  phrase?: Span
  /** Stems of the phrase's content words: `configur`, `firewall`, `rul`. */
  keyTerms: string[]
  /** Stems of the content words of the cause's first sentences, the phrase's among them. */
  terms: string[]
  /** Stems of neighbouring content words of those sentences: `deposit contract`, `memory leak`. */
  compounds: string[]
}

// Enough words of a cause to compare, few enough that its elaboration does not dilute it.
const MOST_TERMS = 24
const MOST_PHRASE_WORDS = 6

/** A heading, a table row or a template's prompt (`[Brief root cause summary]`, `<Include …>`) is no cause. */
function isNotACause(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed.startsWith('#') || trimmed.startsWith('|')) return true
  const inner = trimmed.slice(1, -1)
  return (trimmed.startsWith('[') && trimmed.endsWith(']') && !inner.includes(']')) || (trimmed.startsWith('<') && !inner.includes('>'))
}

// Connectives after which a sentence names the cause: `caused by X`, `due to X`, `because of X`, `stemmed from X`.
const CONNECTIVES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:caused|triggered|driven|brought)$/, 'by'],
  [/^(?:due|owing|attributed|traced)$/, 'to'],
  [/^(?:because|result|consequence)$/, 'of'],
  [/^(?:stemmed|stems|resulted|arose|originated|came)$/, 'from']
]

const tellsNothing = (word: Word): boolean => contentStem(word.lower) === undefined

/** Where the words after a connective at `index` start ("traced back to X" too), or -1 when none is there. */
function afterConnective(words: readonly Word[], index: number): number {
  const word = words[index]?.lower ?? ''
  const skip = words[index + 1]?.lower === 'back' ? 1 : 0
  const particle = words[index + 1 + skip]?.lower
  return CONNECTIVES.some(([verb, expected]) => verb.test(word) && particle === expected) ? index + 2 + skip : -1
}

/**
 * Where the noun phrase naming the cause starts: after a connective; after
 * `was` when the subject only tells of a cause ("the root cause of the
 * outage was X"); after a label of such words ("Root cause: X"); else at the start.
 */
function phraseStart(words: readonly Word[]): number {
  for (let index = 0; index + 1 < words.length; index++) {
    const after = afterConnective(words, index)
    if (after >= 0) return after
  }
  const copula = words.findIndex((word) => /^(?:was|were|is|are)$/.test(word.lower))
  // The subject's head is the words before its first preposition.
  const preposition = words.findIndex((word) => /^(?:of|for|behind|in)$/.test(word.lower))
  const head = words.slice(0, preposition > 0 && preposition < copula ? preposition : copula)
  if (copula > 0 && copula < 12 && head.every(tellsNothing)) return copula + 1
  const label = words.findIndex((word) => word.afterBreak)
  if (label > 0 && label < 4 && words.slice(0, label).every(tellsNothing)) return label
  return 0
}

// A participle followed by an article starts a clause, not a noun: "attack targeting a…".
function startsClause(words: readonly Word[], index: number): boolean {
  const word = words[index]!.lower
  const next = words[index + 1]?.lower ?? ''
  return /(?:ing|ed)$/.test(word) && NOUN_PHRASE_OPENERS.has(next)
}

/**
 * The noun phrase from `start`: its opening article or possessive left out,
 * up to a closed-class word, a comma or a clause; with one `of` complement
 * ("removal of in-use providers"), since such a head names an act on a thing.
 */
function nounPhrase(words: readonly Word[], start: number): Word[] {
  let index = start
  while (index < words.length && NOUN_PHRASE_OPENERS.has(words[index]!.lower)) index++
  const phrase: Word[] = []
  let complements = 0
  for (; index < words.length && phrase.length < MOST_PHRASE_WORDS; index++) {
    const word = words[index]!
    if (phrase.length > 0 && word.afterBreak) break
    if (word.lower === 'of' && phrase.length > 0 && complements === 0) {
      complements++
      while (index + 1 < words.length && NOUN_PHRASE_OPENERS.has(words[index + 1]!.lower)) index++
      continue
    }
    if (isClosedClass(word.lower) || (phrase.length > 0 && startsClause(words, index))) break
    phrase.push(word)
  }
  return phrase
}

function hasConnective(words: readonly Word[]): boolean {
  return words.some((_word, index) => afterConnective(words, index) >= 0)
}

/** Stems of content words that stand next to each other, as `deposit contract`: a compound names a thing more closely than its words apart. */
function compoundsOf(sentences: ReadonlyArray<readonly Word[]>): string[] {
  const found = new Set<string>()
  for (const words of sentences) {
    for (let index = 0; index + 1 < words.length && found.size < MOST_TERMS; index++) {
      const [left, right] = [contentStem(words[index]!.lower), contentStem(words[index + 1]!.lower)]
      if (left && right && !words[index + 1]!.afterBreak) found.add(`${left} ${right}`)
    }
  }
  return [...found]
}

/** The cause of a statement, from its first sentence, or with `causal` from its first sentence that says what caused what. */
function causeOf(statement: Span, source: string, causal: boolean): CauseReading | undefined {
  const all = sentencesOf(statement).filter((words) => words.some((word) => contentStem(word.lower)))
  const sentences = causal ? all.slice(Math.max(0, all.findIndex(hasConnective))) : all
  const first = sentences[0]
  if (!first || first.length < 3) return undefined
  const start = phraseStart(first)
  const phrase = nounPhrase(first, start)
  const keyTerms = [...new Set(phrase.flatMap((word) => contentStem(word.lower) ?? []))]
  const terms = new Set(keyTerms)
  // Before `caused by` or `due to` stands the effect ("users could not log in"), not the cause.
  for (const word of [...first.slice(start), ...(sentences[1] ?? [])]) {
    if (terms.size >= MOST_TERMS) break
    const stemmed = contentStem(word.lower)
    if (stemmed) terms.add(stemmed)
  }
  const compounds = compoundsOf([first.slice(start), sentences[1] ?? []])
  const reading: CauseReading = {statement: trimSpan(slice(source, statement.start, statement.start + statement.text.length)), keyTerms, terms: [...terms], compounds}
  const [head, last] = [phrase[0], phrase.at(-1)]
  if (head && last && keyTerms.length > 0) reading.phrase = slice(source, head.start, last.end)
  return reading
}

/** The first statement of a stretch that reads as a cause: words, not a heading, prompt or table rule. */
function firstCause(tree: Root, source: string, start: number, end: number, accept?: (statement: Span) => boolean): CauseReading | undefined {
  for (const statement of statementsIn(tree, source, start, end)) {
    if (isNotACause(statement.text) || (accept && !accept(statement))) continue
    const cause = causeOf(statement, source, accept !== undefined)
    if (cause && cause.terms.length > 0) return cause
  }
  return undefined
}

// A summary statement that tells the cause: "…was caused by", "due to", "because of", "root cause".
const TELLS_CAUSE = /\b(?:caused by|due to|because of|root cause|triggered by|stemmed from|as a result of)\b/i

/**
 * The cause a postmortem gives: from its first root-cause section with
 * words, else from the first summary statement that says what caused the
 * incident. Undefined when it gives none.
 */
export function readCause(tree: Root, source: string, sections: readonly Section[]): CauseReading | undefined {
  for (const section of sections) {
    if (!section.kinds.includes('root-cause') || !section.hasContent) continue
    const found = firstCause(tree, source, section.contentStart, section.contentEnd)
    if (found) return found
  }
  for (const section of sections) {
    if (!section.kinds.includes('summary') || !section.hasContent) continue
    const found = firstCause(tree, source, section.contentStart, section.contentEnd, (statement) => TELLS_CAUSE.test(statement.text))
    if (found) return found
  }
  return undefined
}

// Front matter keys that file a post under topics: Jekyll's and Hugo's names.
const TAG_KEYS = new Set(['tags', 'tag', 'categories', 'category'])

/** Topic names of a front matter value: a list, or Jekyll's string of names split by commas, else spaces. */
function topicNames(data: unknown): string[] {
  if (Array.isArray(data)) return data.flatMap(topicNames)
  if (typeof data !== 'string' && typeof data !== 'number') return []
  const text = String(data).trim()
  return text.split(text.includes(',') ? ',' : /\s+/).map((name) => name.trim().toLowerCase()).filter(Boolean)
}

/**
 * The front matter's `tags` and `categories` (or `tag`, `category`): the
 * topics a blog files the post under, lower case, each once. Located at the
 * first such field's value.
 */
export function readTags(tree: Root, source: string): (Span & {names: string[]}) | undefined {
  const frontMatter = readFrontMatter(tree, source)
  if (!frontMatter || frontMatterProblem(frontMatter)) return undefined
  const fields = frontMatterFields(frontMatter).filter((field) => field.value && TAG_KEYS.has(field.name.toLowerCase()))
  const names = [...new Set(fields.flatMap((field) => topicNames(field.data)))]
  const first = fields[0]?.value
  return first && names.length > 0 ? {...first, names} : undefined
}
