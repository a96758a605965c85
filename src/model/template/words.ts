import {normalizeTitle} from '../sections/synonyms.js'

/**
 * Words as the template readings compare them: lower case, letters and
 * digits only, a plural `s` dropped ("Root causes" is "root cause"), so that
 * a title, a label or a sentence written a little differently still matches.
 */

// Words that add nothing to a title or a label: "The Timeline", "Incident Owner".
const FILLER = new Set(['the', 'a', 'an', 'of', 'our', 'this', 'incident', 'and'])

export function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word
}

/** The words of a text, in order, stemmed. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem)
}

/** The words of a title or label that name it: normalised as section titles are, without filler. */
export function titleWords(title: string): string[] {
  return wordsOf(normalizeTitle(title)).filter((word) => !FILLER.has(word))
}

/** One key per title or label: "Owners", "**Owner:**" and "The owner" are one. */
export function titleKey(title: string): string {
  return titleWords(title).join(' ')
}
