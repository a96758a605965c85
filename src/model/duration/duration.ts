import parseDuration from 'parse-duration'
import {type Span, spanEnd, subspan} from '../text/text.js'
import {MINUTES_PER_DAY} from '../time/time.js'

export type DurationQualifier = 'exact' | 'approximate' | 'bound'

export interface DurationMention {
  span: Span
  /** The length, or the middle of a range. */
  minutes: number
  qualifier: DurationQualifier
  /** Lowest and highest minutes of a range ("2-3 hours", "between 2 and 3 hours"). */
  range?: [number, number]
}

// parse-duration reads digits only: number words ("nine hours", "an hour")
// and hyphenated units ("2.5-hour") are rewritten for it first.
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8,
  nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15,
  sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, 'forty-five': 45, fifty: 50, sixty: 60, ninety: 90
}
const WORDS = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')
const UNIT = '(?:hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s|days?|d)'
// A digit may follow a unit ("1h30m"); a number word needs a space or hyphen
// before its unit ("and" is not "an d"). Halves are written out: "an hour
// and a half", "one and a half hours", "half an hour", "a half-day".
const AND_A_HALF = String.raw`and\s{1,3}a\s{1,3}half(?![\p{L}])`
const HALF = String.raw`(?:an?\s{1,3})?half[\s-]{1,2}(?:an?\s{1,3})?(?:hours?|days?|minutes?)(?![\p{L}])`
const PART =
  `(?:(?:\\d{1,4}(?:\\.\\d{1,2})?[\\s-]{0,2}|(?:${WORDS})[\\s-]{1,2})(?:${AND_A_HALF}\\s{1,3})?${UNIT}(?![\\p{L}])(?:\\s{1,3}${AND_A_HALF})?|${HALF})`
const PHRASE = new RegExp(
  `(?<![\\p{L}\\p{N}.])${PART}(?:(?:,?\\s{1,3}and\\s{1,3}|,?\\s{0,3})${PART}){0,3}`,
  'giu'
)
const APPROXIMATE = /(?:approximately|approx\.?|about|around|roughly|~|some)\s{0,3}$/i
// A bound, not a length: "under 3 hours", and any comparative ("took longer
// than 10 seconds", "faster than 2 minutes"), a threshold as often as not.
const BOUND = /(?:under|over|less than|more than|at least|at most|nearly|almost|up to|within|no more than|\p{L}{2,20}er than|above|below|beyond|exceed(?:s|ed|ing)?)\s{1,3}$/iu
const WORD_NUMBER = new RegExp(`(?<![\\p{L}])(${Object.keys(NUMBER_WORDS).join('|')})(?![\\p{L}])`, 'giu')

const MAY_HOLD_DURATION = /\d|hour|minute|second|day/i

// Halves as parse-duration reads them: "half an hour" and "a half-hour" are
// 0.5 hour; "and a half" adds half of the unit it follows or precedes.
const HALF_OF_UNIT = /(?<![\p{L}])(?:an?\s{1,3})?half[\s-]{1,2}(?:an?\s{1,3})?(?=hour|day|minute)/gu
const AND_HALF_MARK = /\s{1,3}and\s{1,3}a\s{1,3}half(?![\p{L}])/gu
const HALF_BEFORE_UNIT = /(\d{1,4}(?:\.\d{1,2})?)\u00bd/g
const HALF_AFTER_UNIT = /(\d{1,4}(?:\.\d{1,2})?)(\s{0,2}[a-z]{1,7})\u00bd/g

function readHalves(text: string): string {
  return text.replace(AND_HALF_MARK, '\u00bd').replace(HALF_OF_UNIT, '0.5 ')
}

function addHalves(text: string): string {
  return text
    .replace(HALF_BEFORE_UNIT, (_, figure: string) => String(Number(figure) + 0.5))
    .replace(HALF_AFTER_UNIT, (_, figure: string, unit: string) => `${Number(figure) + 0.5}${unit}`)
}

/** Minutes in a duration phrase (`1h30m`, `2 hours and 30 minutes`, `2.5-hour`, `an hour and a half`). */
export function durationMinutes(text: string): number | undefined {
  const words = readHalves(text.toLowerCase())
  const digits = addHalves(words.replace(WORD_NUMBER, (word) => String(NUMBER_WORDS[word.toLowerCase()] ?? word)))
    .replace(/(\d)\s{0,2}-\s{0,2}(?=[a-z])/g, '$1 ')
    .replaceAll(' and ', ' ')
  const minutes = parseDuration(digits, 'm')
  return minutes === null || minutes === undefined || Number.isNaN(minutes) ? undefined : minutes
}

/** Every duration phrase in a text, with how firmly it is stated. */
export function findDurations(span: Span): DurationMention[] {
  const mentions: DurationMention[] = []
  // A duration has a digit or a unit written out; most statements have neither, and skip the phrase pattern.
  if (!MAY_HOLD_DURATION.test(span.text)) return mentions
  for (const match of span.text.matchAll(PHRASE)) {
    const minutes = durationMinutes(match[0])
    // A bare "a m" or "an s" is not a duration.
    if (minutes === undefined || minutes <= 0 || !/\d|hour|minute|day/i.test(match[0])) continue
    const before = span.text.slice(Math.max(0, match.index - 20), match.index)
    const end = match.index + match[0].length
    const low = rangeStart(before, match[0], minutes)
    if (low) {
      // "2-3 hours", "between 2 and 3 hours": the range as written, approximate.
      const range: [number, number] = [low.minutes, minutes]
      mentions.push({span: subspan(span, match.index - low.length, end), minutes: (low.minutes + minutes) / 2, qualifier: 'approximate', range})
      continue
    }
    const qualifier: DurationQualifier = BOUND.test(before)
      ? 'bound'
      : APPROXIMATE.test(before)
        ? 'approximate'
        : 'exact'
    mentions.push({span: subspan(span, match.index, end), minutes, qualifier})
  }
  return mentions
}

// The first figure of a range, before the duration that ends it: "2-3 hours",
// "2 to 3 hours", "between 2 and 3 hours" (its unit is the second's).
const RANGE_START = /(?:(between)\s{1,3})?(\d{1,4}(?:\.\d{1,2})?)\s{0,2}(?:-|–|—|to|and)\s{0,2}$/i

function rangeStart(before: string, phrase: string, high: number): {minutes: number; length: number} | undefined {
  const match = RANGE_START.exec(before)
  const figure = /^\d{1,4}(?:\.\d{1,2})?/.exec(phrase)?.[0]
  // "and" joins a range only after "between": "2 and 3 hours" may be two things.
  if (!match || !figure || (/and\s{0,2}$/i.test(match[0]) && !match[1])) return undefined
  const low = (high * Number(match[2])) / Number(figure)
  return low > 0 && low < high ? {minutes: low, length: match[0].length} : undefined
}

/** A stated duration as a message quotes it: its minutes, or its range. */
export function formatStated(mention: DurationMention): string {
  return mention.range ? `${formatMinutes(mention.range[0])} to ${formatMinutes(mention.range[1])}` : formatMinutes(mention.minutes)
}

export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes)
  const days = Math.floor(rounded / MINUTES_PER_DAY)
  const hours = Math.floor((rounded % MINUTES_PER_DAY) / 60)
  const rest = rounded % 60
  const parts: string[] = []
  if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`)
  if (hours) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`)
  if (rest || parts.length === 0) parts.push(`${rest} minute${rest === 1 ? '' : 's'}`)
  return parts.join(' ')
}

// One figure of a written duration and its unit: "2 hours", "30m", "1.5 hrs".
const FIGURE = /(\d{1,4}(?:\.\d{1,2})?)(\s{0,2})(days?|d|hours?|hrs?|h|minutes?|mins?|m)(?![\p{L}])/giu
const UNIT_MINUTES: Record<string, number> = {d: MINUTES_PER_DAY, h: 60, m: 1}

function unitOf(word: string): 'd' | 'h' | 'm' {
  const first = word[0]?.toLowerCase()
  return first === 'd' ? 'd' : first === 'h' ? 'h' : 'm'
}

/** "hour" or "hours" as the count needs; abbreviations stay as written. */
function agree(word: string, count: number): string {
  if (word.length <= 3) return word
  const singular = word.replace(/s$/i, '')
  return count === 1 ? singular : `${singular}s`
}

/**
 * Half the smallest unit a duration is written in: "19 hours" is a figure
 * rounded to the hour, so it holds anything within half an hour of it;
 * "2 hours 10 minutes" is exact to the minute. Words count like figures
 * ("nine hours").
 */
export function roundingOf(mention: DurationMention): number {
  const units = [...mention.span.text.matchAll(/(?<![\p{L}])(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![\p{L}])/giu)].map((match) => unitOf(match[1] ?? 'm'))
  if (units.length === 0 || units.some((unit) => unit === 'm')) return 0
  return units.includes('h') ? 30 : MINUTES_PER_DAY / 2
}

/**
 * The text of a stated duration rewritten to `minutes`, changing only its
 * figures (and a unit's plural) so that the author's words, abbreviations and
 * line breaks stay: "2 hours and⏎50 minutes" becomes "2 hours and⏎20 minutes".
 * Undefined when no exact rewrite exists: a duration in words ("nine hours"),
 * a compound ("a 2.5-hour outage"), or units that cannot hold the value
 * over a line break whose units cannot hold the value. Units that cannot
 * hold it on one line ("2 hours" for 80 minutes) give the whole phrase anew.
 */
export function rewriteDuration(text: string, minutes: number): string | undefined {
  const figures = [...text.matchAll(FIGURE)]
  if (figures.length === 0 || /\d\s{0,2}-\s{0,2}\p{L}/u.test(text) || text.replace(FIGURE, '').search(WORD_NUMBER) >= 0) return undefined
  const units = figures.map((figure) => unitOf(figure[3] ?? 'm'))
  if (new Set(units).size !== units.length) return undefined
  let rest = Math.round(minutes)
  const counts = units.map((unit, index) => {
    const size = UNIT_MINUTES[unit] ?? 1
    const count = index === units.length - 1 ? rest / size : Math.floor(rest / size)
    rest -= count * size
    return count
  })
  // Each unit holds a whole number (halves where the author wrote decimals), none of them zero.
  const decimals = figures.some((figure) => figure[1]?.includes('.'))
  const fits = counts.every((count) => Number.isInteger(decimals ? count * 2 : count) && count > 0)
  if (!fits) return /\n/.test(text) ? undefined : formatMinutes(minutes)
  let index = 0
  return text.replace(FIGURE, (_whole, _figure: string, gap: string, unit: string) => {
    const count = counts[index++] ?? 0
    return `${count}${gap}${agree(unit, count)}`
  })
}

/**
 * A stated duration rewritten to `minutes` where it stands, as `rewriteDuration`
 * does: from the source, not the statement's text, so that a wrapped duration
 * keeps its line break.
 */
export function rewriteDurationAt(source: string, mention: DurationMention, minutes: number): string | undefined {
  // A range is the author's estimate: which end to move is theirs to say.
  if (mention.range) return undefined
  return rewriteDuration(source.slice(mention.span.start, spanEnd(mention.span)), minutes)
}

// "About nine hours" may be off by a tenth.
const APPROXIMATE_SHARE = 0.1

/**
 * Whether a stated duration is further from `actual` minutes than
 * `tolerance` allows: a bound ("under 3 hours") never is, an approximate one
 * ("about 2 hours") may be off by a tenth, a range ("2-3 hours") holds its ends.
 */
export function disagreesWith(mention: DurationMention, actual: number, tolerance: number): boolean {
  if (mention.range) return actual > 0 && (actual < mention.range[0] - tolerance || actual > mention.range[1] + tolerance)
  const allowed = mention.qualifier === 'approximate' ? Math.max(tolerance, actual * APPROXIMATE_SHARE) : tolerance
  return mention.qualifier !== 'bound' && actual > 0 && Math.abs(mention.minutes - actual) > allowed
}
