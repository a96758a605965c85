import {AFFECTED, AFFECTED_WORDS, isPluralThing, isTimeUnit} from './affected.js'
import {isHarmed} from './harm.js'
import type {ImpactMention, Reach} from './quantity.js'
import {cellsOf, isDelimiterRow} from '../text/tables.js'
import {type Span, subspan} from '../text/text.js'

/**
 * How far an impact reached without a figure: everyone ("every customer",
 * "the site was completely down") or no one ("no customer data loss", "existing
 * connections were not affected"). Both say how many as surely as a count:
 * all of them, or none.
 */

// "all users", "every checkout kiosk", "all of our hosted instances": the words after are read one by one.
const TOTALITY = /\b(all|every)(?:\s{1,2}of)?(?:\s{1,2}(?:the|our|its|their|your))?(?=\s)/giu
// "Everyone visiting the site"; not "a list of everyone involved", where
// everyone is no subject, unless the clause says they were harmed:
// "checkout was unavailable for everyone".
const EVERYONE = /\b(?:everyone|everybody)\b/giu
const OBJECT_OF = /\b(?:of|to|for|with|by)\s{1,2}$/i
const ENTIRE = new RegExp(`\\b(?:entire|whole)\\s{1,2}(?:[\\p{L}-]{1,20}\\s{1,2})?(?:user\\s?base|customer\\s?base|${AFFECTED_WORDS})(?![\\p{L}])`, 'giu')
// "the entire EU region was unavailable": anything whole, where the clause says it failed.
const ENTIRE_THING = /\b(?:entire|whole)\s{1,2}(?:[\p{L}-]{1,20}\s{1,2})?[\p{L}-]{1,20}(?![\p{L}])/giu
// "completely non-functional", "a total outage": all of it, for everyone.
const WHOLLY = /\b(?:completely|entirely|totally|fully|wholly)\s{1,2}(?:down|unavailable|inaccessible|unreachable|offline|non-?functional|unusable)\b|\b(?:total|full|complete)\s{1,2}(?:service\s{1,2})?(?:outage|downtime|blackout)\b/giu
const WORD_AFTER = /\s{1,2}(\p{L}[\p{L}'’-]{0,29})/uy
// Words that end the noun phrase after "all": "all of a sudden", "all in all".
const STOP = /^(?:the|a|an|of|on|in|at|for|by|to|from|with|and|or|is|are|was|were|be|been|that|which|this|these|those|other|over|along|around|through|but)$/i

// Statements that nothing, or no one, was lost or affected.
const NONE = [
  /\b(?:no|zero)\s{1,2}(?:\p{L}[\p{L}-]{0,19}\s{1,2}){0,2}(?:loss|impact)\b/giu,
  /\bno\s{1,2}(?:\p{L}[\p{L}-]{0,19}\s{1,2}){1,2}(?:was|were|being|been)\s{1,2}(?:lost|accessed|exposed|compromised|leaked|affected|impacted)\b/giu,
  /\bnever\s{1,2}(?:lost|affected|impacted)\b/giu,
  /\b(?:none|nobody|no\s{1,2}one)\s{1,2}(?:of\s{1,2}(?:the|our|its|their)\s{1,2}\p{L}[\p{L}-]{0,29}\s{1,2})?(?:was|were)\s{1,2}(?:affected|impacted|accessed|lost|exposed|compromised|leaked)\b/giu
]
// "… did not affect existing connections", "X was not affected": what the
// incident spared, told in the past. In the present ("users aren't impacted
// yet", "does not affect your installation") it is a state during the
// incident or advice to the reader.
const NOT_AFFECTED = /\b(?:did|was|were|had)(?:\s{1,2}not|n['’]t)\s{1,2}(?:been\s{1,2})?(?:affect|affected|impact|impacted|lose|lost)\b/giu

function mention(span: Span, from: number, to: number, kind: 'everyone' | 'count', noun?: string): ImpactMention {
  const found: ImpactMention = {span: subspan(span, from, to), kind, value: kind === 'everyone' ? 100 : 0}
  if (noun !== undefined) found.noun = noun
  return found
}

/**
 * The noun "all" or "every" takes: a plural after "all", any noun but a time
 * after "every"; with `named`, only a noun of who or what is usually affected.
 */
function totalNoun(text: string, from: number, every: boolean, named: boolean): {noun: string; end: number} | undefined {
  WORD_AFTER.lastIndex = from
  for (let words = 0; words < 4; words++) {
    const match = WORD_AFTER.exec(text)
    const word = match?.[1]
    // "every day", "all times": how often or how long, not who.
    if (!match || !word || STOP.test(word) || isTimeUnit(word)) return undefined
    const end = match.index + match[0].length
    if (AFFECTED.test(word)) return {noun: word, end}
    // Other nouns reach as far as the incident only when their clause says
    // they failed: "loss of all database clusters", not "all changes were reverted".
    if (!named && (every || isPluralThing(word)) && isHarmed(text, from, end)) return {noun: word, end}
    WORD_AFTER.lastIndex = end
  }
  return undefined
}

// Cheap tests before the expressions: most lines hold none of these words.
const TOTALITY_CUE = /\b(?:all|every|everyone|everybody|entire|whole|completely|entirely|totally|fully|wholly|total|full|complete)\b/i
const NONE_CUE = /\b(?:no|zero|never|none|nobody|not)\b|n['’]t\b/i

function totality(span: Span, named: boolean): ImpactMention[] {
  const found: ImpactMention[] = []
  if (!TOTALITY_CUE.test(span.text)) return found
  for (const match of span.text.matchAll(TOTALITY)) {
    const noun = totalNoun(span.text, match.index + match[0].length, (match[1] ?? '').toLowerCase() === 'every', named)
    if (noun) found.push(mention(span, match.index, noun.end, 'everyone', noun.noun))
  }
  for (const match of span.text.matchAll(EVERYONE)) {
    const end = match.index + match[0].length
    if (OBJECT_OF.test(span.text.slice(Math.max(0, match.index - 8), match.index)) && !isHarmed(span.text, match.index, end)) continue
    found.push(mention(span, match.index, end, 'everyone'))
  }
  for (const pattern of [ENTIRE, WHOLLY]) {
    for (const match of span.text.matchAll(pattern)) found.push(mention(span, match.index, match.index + match[0].length, 'everyone'))
  }
  for (const match of named ? [] : span.text.matchAll(ENTIRE_THING)) {
    const end = match.index + match[0].length
    if (isHarmed(span.text, match.index, end)) found.push(mention(span, match.index, end, 'everyone'))
  }
  return found
}

/**
 * Everyone and no one: in the impact (`reach` `impact` or `document`) both;
 * elsewhere only statements that nothing was lost, since "all nodes
 * restarted" in a timeline says what was done, not who was affected.
 */
export function findExtent(span: Span, reach: Reach): ImpactMention[] {
  const found = !NONE_CUE.test(span.text) ? [] : [...NONE, NOT_AFFECTED].flatMap((pattern) => [...span.text.matchAll(pattern)].map((match) => mention(span, match.index, match.index + match[0].length, 'count')))
  return reach === 'anywhere' ? found : [...found, ...totality(span, reach === 'document')]
}

// A column of who or what was affected, or of what was lost: "Customers Impacted", "Customer Data Loss".
const AFFECTED_COLUMN = new RegExp(`(?:^|\\s)(?:${AFFECTED_WORDS}|impacted|affected|loss|lost)(?:\\s|$)`, 'i')
// "4,000", "~4,000", "about 1.2k", "500+".
const CELL_COUNT = /^(?:(?:~|≈|about|approx\.?|approximately|around|roughly)\s{0,2})?(\d{1,3}(?:,\d{3})+|\d{1,9}|\d{1,3}(?:\.\d{1,2})?(?=[km]))([km])?\+?$/i

function cellCount(match: RegExpExecArray): number {
  const multiplier = match[2]?.toLowerCase() === 'k' ? 1e3 : match[2]?.toLowerCase() === 'm' ? 1e6 : 1
  return Number((match[1] ?? '0').replaceAll(',', '')) * multiplier
}
const CELL_ALL = /^(?:all|everyone|everybody)$/i
const CELL_NONE = /^(?:none|no|zero|nobody|no one)$/i

function cellFigure(cell: Span, header: string): ImpactMention | undefined {
  const text = cell.text.replace(/^[*_`]{1,3}|[*_`]{1,3}$/g, '').trim()
  if (!AFFECTED_COLUMN.test(header)) return undefined
  if (CELL_ALL.test(text)) return mention(cell, 0, cell.text.length, 'everyone', header)
  if (CELL_NONE.test(text)) return mention(cell, 0, cell.text.length, 'count', header)
  const count = CELL_COUNT.exec(text)
  if (count) return {span: cell, kind: 'count', value: cellCount(count), noun: header}
  return undefined
}

/**
 * Figures in a table of the impact: `| Customers Impacted | … |` over
 * `| All | … |`, or a row of a name and its value, `| Users affected |
 * ~4,000 |`. A cell says how many only with its column's header or its
 * row's name.
 */
export function findTableImpact(lines: readonly Span[]): ImpactMention[] {
  const found: ImpactMention[] = []
  for (let index = 0; index + 1 < lines.length; index++) {
    const head = lines[index]
    if (!head?.text.includes('|') || !isDelimiterRow(lines[index + 1] ?? {text: '', start: 0})) continue
    const headers = cellsOf(head).map((cell) => cell.text.replace(/[*_`]/g, ''))
    for (let row = index + 2; row < lines.length && lines[row]?.text.includes('|'); row++) {
      const cells = cellsOf(lines[row] ?? {text: '', start: 0})
      cells.forEach((cell, column) => {
        const figure = cellFigure(cell, headers[column] ?? '')
        if (figure) found.push(figure)
      })
      const [name, value] = cells
      const named = cells.length === 2 && name && value ? cellFigure(value, name.text.replace(/[*_`]/g, '')) : undefined
      if (named && !found.some((figure) => figure.span.start === named.span.start)) found.push(named)
    }
  }
  return found
}
