/**
 * The words of a cause as a comparison takes them: closed-class words
 * (articles, pronouns, prepositions, conjunctions, auxiliaries) and the words
 * every cause is told in ("the root cause of the issue was") carry no
 * content; the rest are reduced to a stem, so that "misconfigured",
 * "misconfiguration" and "configurations" meet.
 */

// Closed classes of English: a fixed set, not a list of phrases.
const DETERMINERS = ['a', 'an', 'the', 'this', 'that', 'these', 'those', 'some', 'any', 'each', 'every', 'no', 'all', 'both', 'another', 'other', 'such', 'several', 'many', 'much', 'more', 'most', 'few', 'one', 'two']
const PRONOUNS = ['i', 'me', 'my', 'we', 'us', 'our', 'ours', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its', 'they', 'them', 'their', 'which', 'who', 'whom', 'whose', 'what', 'there', 'here']
const PREPOSITIONS = ['of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'without', 'within', 'into', 'onto', 'over', 'under', 'after', 'before', 'during', 'since', 'until', 'about', 'across', 'against', 'among', 'between', 'through', 'via', 'per', 'than', 'as', 'like', 'upon', 'behind', 'instead', 'out', 'up', 'off', 'down']
const CONJUNCTIONS = ['and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'because', 'while', 'when', 'where', 'whether', 'then', 'also', 'not', 'only', 'just', 'very', 'still', 'even', 'however', 'thus', 'therefore']
const AUXILIARIES = ['is', 'was', 'are', 'were', 'be', 'been', 'being', 'am', 'has', 'had', 'have', 'having', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', "wasn't", "weren't", "didn't", "don't", "doesn't", "isn't", "hadn't", "hasn't", "couldn't", "wouldn't"]
const CLOSED_CLASS = new Set([...DETERMINERS, ...PRONOUNS, ...PREPOSITIONS, ...CONJUNCTIONS, ...AUXILIARIES])

/** Words that start a noun phrase without being part of what it names. */
export const NOUN_PHRASE_OPENERS = new Set([...DETERMINERS, 'our', 'my', 'your', 'their', 'its', 'his', 'her'])

// How a cause is told, whatever it is: these name no cause of their own.
const CAUSE_TALK = ['root', 'cause', 'reason', 'issue', 'problem', 'incident', 'outage', 'due', 'result', 'lead', 'led', 'primary', 'main', 'underlying', 'actual', 'real', 'initial', 'trigger', 'believe', 'found', 'identified', 'determined', 'investigation', 'stemmed', 'traced', 'factor', 'contributing']

/**
 * A light suffix stripper for comparing words, not a dictionary stemmer:
 * plurals, -ing, -ed, -ation, -ment, -ly and -er go; the prefix `mis`
 * (a misconfiguration is a configuration gone wrong) goes too.
 */
export function stem(lower: string): string {
  let word = lower.replace(/'s$/, '').replace(/[’']/g, '')
  if (word.length > 6 && word.startsWith('mis')) word = word.slice(3)
  const rules: Array<[RegExp, string]> = [
    [/ies$/, 'y'], [/ied$/, 'y'], [/(ss)$/, '$1'], [/sses$/, 'ss'], [/([^s])s$/, '$1'],
    [/ations?$/, ''], [/ments?$/, ''], [/ness$/, ''], [/ings?$/, ''], [/ed$/, ''], [/ly$/, ''], [/er$/, ''], [/e$/, '']
  ]
  for (const [pattern, replacement] of rules) {
    const next = word.replace(pattern, replacement)
    // Three letters left at least: `uses` → `us` would meet `us`.
    if (next !== word && next.length >= 3) word = next
  }
  return word
}

// Compared as stems, so that every form of them is left out: `causing`, `issues`, `triggered`.
const CAUSE_TALK_STEMS = new Set(CAUSE_TALK.map(stem))

/** Whether a word (lowercase) is a closed-class word. */
export function isClosedClass(lower: string): boolean {
  return CLOSED_CLASS.has(lower)
}

/** The stem of a word that names something a cause could share with another, or undefined. */
export function contentStem(lower: string): string | undefined {
  // Numbers, versions and single letters compare nothing.
  if (!/\p{L}/u.test(lower) || lower.length < 2 || /^v?\d/.test(lower) || CLOSED_CLASS.has(lower)) return undefined
  const stemmed = stem(lower)
  return CAUSE_TALK_STEMS.has(stemmed) ? undefined : stemmed
}
