import {type Span, subspan} from '../text/text.js'
import {appendAll} from '../support/arrays.js'
import {AFFECTED, AFFECTED_WORDS, USUALLY_HARMED, isPluralThing, isUsersAttempts} from './affected.js'
import {findExtent} from './extent.js'
import {HARM, isHarmed, isHarmedAfter} from './harm.js'

export type ImpactKind = 'percentage' | 'count' | 'everyone'

/** A figure saying how much or how many were affected. */
export interface ImpactMention {
  span: Span
  kind: ImpactKind
  /** The figure, when the text gives one ("hundreds of users" gives none); 0 for "none was lost". */
  value?: number
  /** What was counted, when the text says it ("users", "requests"). */
  noun?: string
}

/**
 * Where a text stands: `impact` is an impact or summary section, where any
 * count of things that failed is the impact; `document` is the whole text of
 * a document with neither section, read as its impact except that "all" and
 * "every" there must name who or what is usually affected ("all of the
 * decisions" is no extent); `anywhere` is the rest of a document that has
 * them, where only shares of who was harmed, sums of money, statements that
 * nothing was lost and counts of who or what is usually affected (users,
 * requests…) or said to have failed tell how much was affected, not counts
 * of steps, commits or entries.
 */
export type Reach = 'impact' | 'document' | 'anywhere'

// Nouns that stand for a whole mass and count as many: "100 percent of traffic".
const MASS = new Set(['people', 'staff', 'personnel', 'traffic', 'userbase'])
// Words between a number and its noun that end the noun phrase: the number
// counts none of the words after them ("1 - some users", "4 when the server").
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'of', 'on', 'in', 'at', 'for', 'by', 'to', 'from', 'with', 'and', 'or', 'per', 'during',
  'after', 'before', 'some', 'many', 'few', 'several', 'when', 'while', 'if', 'that', 'which', 'who', 'our',
  'their', 'its', 'his', 'her', 'my', 'your', 'this', 'these', 'those', 'is', 'are', 'was', 'were', 'be',
  'been', 'has', 'have', 'had', 'not', 'no', 'than', 'into', 'as', 'since', 'until', 'ago'
])
const FAILURE_NOUN = /^(?:failures|errors|restarts|crashes|outages|timeouts|disconnections|disconnects)$/i
// "500 server errors" is a status code, not a count of servers or errors.
const STATUS_WORDS = /^(?:server|errors?|responses?|status|codes?|pages?)$/i

const WORD_AFTER = /\s{1,2}(\p{L}[\p{L}'’-]{0,29})/uy
const NUMBER_WORDS = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12]
])
const MAGNITUDE = new Map([['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12]])

const PERCENTAGE = /(?<![\p{L}\p{N}.,])(\d{1,6}(?:[.,]\d{1,4})?)\s{0,2}(?:%|percent\b|per cent\b)/giu
// "1,200", "2k", "1.5M", "1.8 million", "500+", "twelve"; a decimal only with a multiplier ("version 2.3 users" is no count).
const NUMBER = /(?<![\p{L}\p{N}.,:$€£#/-])(?:(\d{1,3}(?:,\d{3})+|\d{1,3}\.\d{1,2}(?=[km]\b|\s{1,2}(?:thousand|million|billion|trillion)\b)|\d{1,9})(\+|k\b|m\b)?|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)/giu
const MULTIPLIER: Record<string, number> = {k: 1e3, m: 1e6}
const MONEY = /(?<![\p{L}\p{N}])[$€£]\s?(\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.\d{1,2})?(?:\s?(?:k|m|mil|bn|b|thousand|million|billion|trillion)\b)?/giu
// "$4/month", "$20 per seat": a price, not a sum lost.
const PRICE_AFTER = /^\s{0,2}(?:\/|per\b|an?\s{1,2}(?:month|year|day|hour|seat|user)\b)/i
const MULTITUDE = new RegExp(
  `\\b(?:dozens|hundreds|thousands|tens of thousands|hundreds of thousands|millions)\\s{1,2}of\\s{1,2}(?:[\\p{L}-]{1,20}\\s{1,2})?(${AFFECTED_WORDS})(?![\\p{L}])`,
  'giu'
)
// "half of our users", "two thirds of requests": shares written in words.
const FRACTION = new RegExp(
  `\\b(half|(?:a|one)\\s{1,2}third|(?:a|one)\\s{1,2}quarter|two\\s{1,2}thirds|three\\s{1,2}quarters)\\s{1,2}of\\s{1,2}(?:(?:the|our|all|its|their)\\s{1,2})?(?:[\\p{L}-]{1,20}\\s{1,2})?(${AFFECTED_WORDS})(?![\\p{L}])`,
  'giu'
)
// In the impact section a share in words needs no noun anyone listed: "about
// a third of checkout attempts failed", as "35% of checkout attempts" would.
const FRACTION_IN_IMPACT =
  /\b(half|(?:a|one)\s{1,2}(?:third|quarter|fifth|tenth)|two\s{1,2}thirds|three\s{1,2}quarters)\s{1,2}of\s{1,2}(?:(?:the|our|all|its|their)\s{1,2})?([\p{L}-]{1,20})/giu
// "1 in 5 customers", "one in ten requests", "3 out of 4 regions": a share
// written as a ratio of what is counted.
const RATIO_WORDS = new Map([...NUMBER_WORDS, ['twenty', 20], ['hundred', 100]])
const RATIO_TERM = `(\\d{1,3}|${[...RATIO_WORDS.keys()].join('|')})`
const RATIO = new RegExp(
  `(?<![\\p{L}\\p{N}.,])${RATIO_TERM}\\s{1,2}(?:in|out\\s{1,2}of|of)\\s{1,2}(?:a\\s{1,2})?${RATIO_TERM.replace('\\d{1,3}', '\\d{1,3}(?:,\\d{3})?')}\\s{1,2}(?:of\\s{1,2}(?:the|our|all|its|their)\\s{1,2})?([\\p{L}-]{1,30})(\\s{1,2}[\\p{L}-]{1,30})?(?![\\p{L}])`,
  'giu'
)
// In the impact, a ratio in brackets after what it counts: "enterprise tenants (12 of 40)".
const BRACKETED_RATIO = /\(\s{0,2}(\d{1,6}(?:,\d{3})?)\s{1,2}(?:of|out\s{1,2}of|in)\s{1,2}(\d{1,6}(?:,\d{3})?)\s{0,2}\)/g
// The whole of a ratio is no count: "1 in 5 customers" counts no 5 customers.
const RATIO_WHOLE_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}.,])${RATIO_TERM}\\s{1,2}(?:in|out\\s{1,2}of)\\s{1,2}(?:a\\s{1,2})?$`, 'iu')
const ratioTerm = (term: string): number => RATIO_WORDS.get(term.toLowerCase()) ?? Number(term.replaceAll(',', ''))
// "1/3 of traffic": a share written as a fraction, never a date (no second slash).
const SLASH_FRACTION = /(?<![\d/.])(\d{1,2})\/(\d{1,3})(?![\d/])(?=\s{1,2}of\s)/g
const FRACTION_VALUE: Record<string, number> = {half: 50, third: 33.3, quarter: 25, thirds: 66.7, quarters: 75, fifth: 20, tenth: 10}
// A rate of failure (or of success) is a share of what was tried: "the error
// rate peaked at 35%", "a 12% timeout rate", "availability fell to 60%".
const HARM_RATE = '(?:error|errors|failure|timeout|5xx|4xx|packet\\s{1,2}loss|loss|drop|success)\\s{1,2}rates?|availability'
// "rose by 40%" is a change of the rate, not the rate.
const HARM_RATE_BEFORE = new RegExp(`\\b(?:${HARM_RATE})\\b[^.;:!?]{0,30}(?<!\\bby\\s{1,3})$`, 'i')
const HARM_RATE_AFTER = new RegExp(`^\\s{0,2}(?:${HARM_RATE})\\b`, 'i')
// A percentage that measures a change or a resource is not a share of who
// was affected: "a 25% increase in bounce rate", "CPU at 95%".
const CHANGE_BEFORE = /(?:increase[sd]?|decrease[sd]?|rose|fell|grew|dropped|spiked|jumped|up|down|by|cpu|memory|disk|load|utili[sz]ation|usage|capacity|at)\s{0,3}(?:of\s{1,2}|to\s{1,2}|by\s{1,2}|at\s{1,2})?$/i
const CHANGE_AFTER = /^\s{0,2}(?:increase|decrease|rise|drop|spike|growth|jump|higher|lower|faster|slower|more|less|cpu|memory|disk|load|utili[sz]ation|usage|capacity|bounce|engagement|conversion|rate|of (?:the )?(?:cpu|memory|disk|capacity|bandwidth|normal|usual|peak|expected|baseline|previous))/i
// "disk usage hit 100%", "CPU reached 95%".
const RESOURCE_BEFORE = /(?:cpu|memory|disk|load|usage|utili[sz]ation|capacity)(?:\s{1,2}(?:usage|utili[sz]ation|load))?\s{1,2}(?:hit|reached|peaked at|rose to|climbed to|spiked to|was|at)\s{1,3}$/i
// Outside the impact, a percentage is a share of who was affected only when
// it says of what and the clause says they were harmed: "affecting 100% of
// our users", not "sent 60% of traffic to one origin".
const SHARE_OF = /^\s{0,2}of\s/i

// Outside the impact, "250 messages per consumer", "100 requests/s" and "a
// limit of 500 users" are rates and settings, not how many were affected.
const RATE_AFTER = /^\s{0,2}(?:per\b|\/|an?\s{1,2}(?:second|minute|hour|day)\b|each\b)/i
const LIMIT_BEFORE = /\b(?:limit|limited|max|maximum|capacity|quota|threshold|prefetch|up\s{1,2}to|at\s{1,2}most|at\s{1,2}least)\s{1,2}(?:of\s{1,2}|to\s{1,2}|is\s{1,2}|was\s{1,2}|at\s{1,2})?(?:~|about\s{1,2}|around\s{1,2})?$/i

function isSetting(text: string, start: number, end: number): boolean {
  return RATE_AFTER.test(text.slice(end, end + 16)) || LIMIT_BEFORE.test(text.slice(Math.max(0, start - 30), start))
}

// "E.g. … 0.024% of alerts": a template's example is no figure of this incident.
const EXAMPLE = /\b(?:e\.?\s?g\b|for example|for instance)/i

const YEAR = /^(?:19|20)\d{2}$/
// What each expression needs: a digit, a currency, or a word of quantity or of none.
const QUANTITY_CUE = /\d|[$€£]|\b(?:dozens|hundreds|thousands|millions|all|every|everyone|everybody|entire|whole|none|nobody|no|never|not|zero|one|half|third|quarter|thirds|quarters|fifth|tenth|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|completely|entirely|totally|fully|wholly|total|full|complete)\b|n['’]t\b/i

function parseNumber(text: string): number {
  return Number(text.replaceAll(',', ''))
}

/** Shares written as ratios: "1 in 5 customers", "3 out of 4 regions were down", "12 of 40 tenants". */
function ratios(span: Span, reach: Reach): ImpactMention[] {
  const text = span.text
  const found: ImpactMention[] = []
  for (const match of /\s(?:in|out|of)\s/i.test(text) ? text.matchAll(RATIO) : []) {
    const [part, whole] = [ratioTerm(match[1] ?? '0'), ratioTerm(match[2] ?? '0')]
    // The noun, or the one a modifier comes before: "1 in 5 mobile users".
    const first = match[3] ?? ''
    const second = match[4] ?? ''
    const firstIsNoun = AFFECTED.test(first) || isPluralThing(first) || second === ''
    const noun = firstIsNoun ? first : second.trim()
    const end = match.index + match[0].length - (firstIsNoun ? second.length : 0)
    // Of users and the like anywhere the clause says they were harmed; of any things in the impact.
    const harmed = (): boolean => isHarmed(text, match.index, end)
    const affected = AFFECTED.test(noun) ? reach !== 'anywhere' || harmed() : isPluralThing(noun) && (reach === 'impact' || harmed())
    if (part === 0 || part >= whole || !affected) continue
    found.push({span: subspan(span, match.index, end), kind: 'percentage', value: Math.round((1000 * part) / whole) / 10, noun})
  }
  for (const match of reach === 'impact' && text.includes('(') ? text.matchAll(BRACKETED_RATIO) : []) {
    const [part, whole] = [ratioTerm(match[1] ?? '0'), ratioTerm(match[2] ?? '0')]
    if (part > 0 && part < whole) found.push({span: subspan(span, match.index, match.index + match[0].length), kind: 'percentage', value: Math.round((1000 * part) / whole) / 10})
  }
  return found
}

function percentages(span: Span, reach: Reach): ImpactMention[] {
  const text = span.text
  const found: ImpactMention[] = []
  for (const match of text.matchAll(PERCENTAGE)) {
    const before = text.slice(Math.max(0, match.index - 24), match.index)
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 30)
    const rate = reach !== 'anywhere' && (HARM_RATE_BEFORE.test(before) || HARM_RATE_AFTER.test(after))
    if (!rate && (CHANGE_BEFORE.test(before) || RESOURCE_BEFORE.test(before) || CHANGE_AFTER.test(after))) continue
    if (reach === 'anywhere' && !(SHARE_OF.test(after) && isHarmed(text, match.index, match.index + match[0].length))) continue
    const digits = match[1] ?? '0'
    // "12,5 %" is a decimal comma; "1,000 %" is not a share.
    const value = /,\d{3}$/.test(digits) ? parseNumber(digits) : Number(digits.replace(',', '.'))
    found.push({span: subspan(span, match.index, match.index + match[0].length), kind: 'percentage', value})
  }
  for (const match of reach === 'impact' && text.includes('/') ? text.matchAll(SLASH_FRACTION) : []) {
    const [numerator, denominator] = [Number(match[1]), Number(match[2])]
    if (numerator === 0 || numerator >= denominator) continue
    found.push({span: subspan(span, match.index, match.index + match[0].length), kind: 'percentage', value: Math.round((1000 * numerator) / denominator) / 10})
  }
  appendAll(found, ratios(span, reach))
  const fraction = reach === 'impact' ? FRACTION_IN_IMPACT : FRACTION
  for (const match of /\b(?:half|thirds?|quarters?|fifth|tenth)\s/i.test(text) ? text.matchAll(fraction) : []) {
    const end = match.index + match[0].length
    if (reach === 'anywhere' && !isHarmed(text, match.index, end)) continue
    const value = FRACTION_VALUE[(match[1] ?? '').toLowerCase().split(/\s+/).at(-1) ?? ''] ?? 50
    found.push({span: subspan(span, match.index, end), kind: 'percentage', value, noun: match[2] ?? ''})
  }
  return found
}

interface CountedNoun {
  noun: string
  end: number
  multiplier: number
  /** Whether a word before the noun says it failed ("missing", "stuck"). */
  harmed: boolean
}

const PARTITIVE_DETERMINER = /^(?:our|the|such|these|those|their|its|your|all)$/
const NEXT_WORD = /^\s{1,2}(\p{L}[\p{L}'’-]{0,29})/u

/** "1 character pod names": a noun followed by another is its modifier. */
function nounFollows(text: string, end: number): boolean {
  const next = NEXT_WORD.exec(text.slice(end, end + 40))?.[1]
  return next !== undefined && (AFFECTED.test(next) || isPluralThing(next))
}

/**
 * The noun a number counts, read word by word: "8 paying customers",
 * "47 missing validators", "60 PRs were stuck". Any plural noun counts when
 * a word before it says it failed, and in an impact section also when the
 * noun is a failure or the words after it say so; otherwise only nouns of
 * who or what is usually affected do.
 */
function countedNoun(text: string, from: number, value: number, reach: Reach): CountedNoun | undefined {
  let multiplier = 1
  let harmed = false
  let previous: string | undefined
  WORD_AFTER.lastIndex = from
  for (let words = 0; words < 4; words++) {
    const match = WORD_AFTER.exec(text)
    const word = match?.[1]
    if (!match || !word) return undefined
    const lower = word.toLowerCase()
    const end = match.index + match[0].length
    // "127 of our users", "12 of such emails": a part of the things counted.
    const partitive = (words === 0 && lower === 'of') || (words === 1 && PARTITIVE_DETERMINER.test(lower) && /^\s{1,2}of$/i.test(text.slice(from, match.index)))
    if (partitive) {
      WORD_AFTER.lastIndex = end
      continue
    }
    if (FUNCTION_WORDS.has(lower)) return undefined
    if (value >= 400 && value < 600 && STATUS_WORDS.test(lower)) return undefined
    const magnitude = MAGNITUDE.get(lower)
    if (magnitude) multiplier = magnitude
    else if (AFFECTED.test(word)) {
      // "500 server errors": a singular after a number other than one is a modifier.
      if ((value === 1 && !nounFollows(text, end)) || /s$/i.test(word) || MASS.has(lower)) return {noun: word, end, multiplier, harmed}
    } else if (isUsersAttempts(word, previous, value * multiplier)) {
      // What users tried counts as what they sent: "210k sign-in attempts" as "210k requests".
      return {noun: word, end, multiplier, harmed}
    } else if (isPluralThing(word)) {
      // "47 missing validators" says what failed wherever it stands; "60 PRs were stuck" only in the impact.
      // In the impact, the clause before may say it too: "internal users were affected (about 30 engineers)".
      const harmedHere = reach !== 'anywhere' && (FAILURE_NOUN.test(word) || isHarmedAfter(text, end) || isHarmed(text, from, end))
      if (harmed || harmedHere) return {noun: word, end, multiplier, harmed}
    }
    harmed ||= HARM.test(word)
    previous = word
    WORD_AFTER.lastIndex = end
  }
  return undefined
}

/**
 * Whether a count says how many were affected where it stands. Outside the
 * impact, "restarted 3 pods" or "scaled to 10 nodes" is what was done, and
 * "250 messages per consumer" a setting: only people and what they send or
 * own, or things the clause says failed, count there.
 */
function countsHere(text: string, start: number, counted: CountedNoun, reach: Reach): boolean {
  if (reach !== 'anywhere') return true
  if (isSetting(text, start, counted.end)) return false
  return USUALLY_HARMED.test(counted.noun) || counted.harmed || isHarmed(text, start, counted.end)
}

// A label that names who was affected, before the figure that is all its
// value: "Affected users: 1,204", "**Customers impacted:** ~300".
const AFFECTED_LABEL = new RegExp(
  `(?:^|\\n)\\s{0,3}[*_]{0,2}\\s{0,2}(?:(?:affected|impacted)\\s{1,2}(${AFFECTED_WORDS})|(${AFFECTED_WORDS})\\s{1,2}(?:affected|impacted))\\s{0,2}[*_]{0,2}\\s{0,2}:\\s{0,2}[*_]{0,2}\\s{0,3}(?:(?:~|≈|about|approx\\.?|approximately|around|roughly)\\s{0,2})?$`,
  'iu'
)
const VALUE_ENDS = /^(?:[km]\b|\+)?\s{0,3}(?:\([^()]{0,60}\)\s{0,3})?(?:[.;]|$)/iu

/** The noun of a figure that is all a label's value, the label naming who was affected. */
function labelledNoun(text: string, start: number, end: number): CountedNoun | undefined {
  const label = AFFECTED_LABEL.exec(text.slice(Math.max(0, start - 80), start))
  const noun = label?.[1] ?? label?.[2]
  return noun && VALUE_ENDS.test(text.slice(end)) ? {noun, end, multiplier: 1, harmed: true} : undefined
}

function counts(span: Span, reach: Reach): ImpactMention[] {
  const text = span.text
  const found: ImpactMention[] = []
  for (const match of text.matchAll(NUMBER)) {
    const digits = match[1]
    const value = digits ? parseNumber(digits) * (MULTIPLIER[match[2]?.toLowerCase() ?? ''] ?? 1) : NUMBER_WORDS.get((match[3] ?? '').toLowerCase()) ?? 0
    const counted = countedNoun(text, match.index + match[0].length, value, reach) ?? labelledNoun(text, match.index, match.index + match[0].length)
    if (!counted || !countsHere(text, match.index, counted, reach)) continue
    if (RATIO_WHOLE_BEFORE.test(text.slice(Math.max(0, match.index - 16), match.index))) continue
    // "In 2019 most users …" is a year; "2019 users" would still count.
    if (digits && YEAR.test(digits) && !match[2] && counted.end - match.index > match[0].length + counted.noun.length + 2) continue
    found.push({span: subspan(span, match.index, counted.end), kind: 'count', value: value * counted.multiplier, noun: counted.noun})
  }
  for (const match of /[$€£]/.test(text) ? text.matchAll(MONEY) : []) {
    const end = match.index + match[0].length
    if (PRICE_AFTER.test(text.slice(end, end + 16))) continue
    found.push({span: subspan(span, match.index, end), kind: 'count', value: parseNumber(match[1] ?? '0'), noun: match[0].charAt(0)})
  }
  for (const match of /(?:dozens|hundreds|thousands|millions)\s/i.test(text) ? text.matchAll(MULTITUDE) : []) {
    found.push({span: subspan(span, match.index, match.index + match[0].length), kind: 'count', noun: match[1] ?? ''})
  }
  return found
}

/**
 * Whether a span overlaps any of `spans`, in logarithmic time: a paragraph of
 * a megabyte has tens of thousands of percentages and counts, and testing
 * each count against every percentage took minutes.
 */
function overlapTest(spans: readonly Span[]): (span: Span) => boolean {
  const ranges = spans.map((each) => ({from: each.start, to: each.start + each.text.length})).sort((a, b) => a.from - b.from)
  // furthest[i]: the furthest end among the first i + 1 ranges.
  const furthest: number[] = []
  for (const {to} of ranges) furthest.push(Math.max(to, furthest.at(-1) ?? to))
  return (span) => {
    const end = span.start + span.text.length
    // How many ranges start before the span ends.
    let low = 0
    let high = ranges.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((ranges[middle] as {from: number}).from < end) low = middle + 1
      else high = middle
    }
    return low > 0 && (furthest[low - 1] as number) > span.start
  }
}

/** Percentages, counts, sums and statements of none or all that say how much was affected. */
export function findImpact(span: Span, reach: Reach = 'impact'): ImpactMention[] {
  // Most lines have no figure and no word of quantity; the expressions
  // below cost more than this test on every line of a long impact section.
  if (!QUANTITY_CUE.test(span.text)) return []
  const shares = percentages(span, reach)
  const overlapsShare = overlapTest(shares.map((mention) => mention.span))
  const example = EXAMPLE.exec(span.text)
  return [...shares, ...counts(span, reach).filter((mention) => !overlapsShare(mention.span)), ...findExtent(span, reach)]
    .filter((mention) => !example || mention.span.start - span.start < example.index)
    .sort((a, b) => a.span.start - b.span.start)
}
