import parseDuration from 'parse-duration'
import {type Span, subspan} from './text.js'

export type DurationQualifier = 'exact' | 'approximate' | 'bound'

export interface DurationMention {
  span: Span
  minutes: number
  qualifier: DurationQualifier
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
// before its unit ("and" is not "an d").
const PART = `(?:\\d{1,4}(?:\\.\\d{1,2})?[\\s-]{0,2}|(?:${WORDS})[\\s-]{1,2})${UNIT}(?![\\p{L}])`
const PHRASE = new RegExp(
  `(?<![\\p{L}\\p{N}.])${PART}(?:(?:,?\\s{1,3}and\\s{1,3}|,?\\s{0,3})${PART}){0,3}`,
  'giu'
)
const APPROXIMATE = /(?:approximately|approx\.?|about|around|roughly|~|some)\s{0,3}$/i
const BOUND = /(?:under|over|less than|more than|at least|at most|nearly|almost|up to|within|no more than)\s{1,3}$/i
const WORD_NUMBER = new RegExp(`(?<![\\p{L}])(${Object.keys(NUMBER_WORDS).join('|')})(?![\\p{L}])`, 'giu')

/** Minutes in a duration phrase (`1h30m`, `2 hours and 30 minutes`, `2.5-hour`). */
export function durationMinutes(text: string): number | undefined {
  const digits = text
    .toLowerCase()
    .replace(WORD_NUMBER, (word) => String(NUMBER_WORDS[word.toLowerCase()] ?? word))
    .replace(/(\d)\s{0,2}-\s{0,2}(?=[a-z])/g, '$1 ')
    .replaceAll(' and ', ' ')
  const minutes = parseDuration(digits, 'm')
  return minutes === null || minutes === undefined || Number.isNaN(minutes) ? undefined : minutes
}

/** Every duration phrase in a text, with how firmly it is stated. */
export function findDurations(span: Span): DurationMention[] {
  const mentions: DurationMention[] = []
  for (const match of span.text.matchAll(PHRASE)) {
    const minutes = durationMinutes(match[0])
    // A bare "a m" or "an s" is not a duration.
    if (minutes === undefined || minutes <= 0 || !/\d|hour|minute|day/i.test(match[0])) continue
    const before = span.text.slice(Math.max(0, match.index - 20), match.index)
    const qualifier: DurationQualifier = BOUND.test(before)
      ? 'bound'
      : APPROXIMATE.test(before)
        ? 'approximate'
        : 'exact'
    mentions.push({span: subspan(span, match.index, match.index + match[0].length), minutes, qualifier})
  }
  return mentions
}

export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes)
  const days = Math.floor(rounded / 1440)
  const hours = Math.floor((rounded % 1440) / 60)
  const rest = rounded % 60
  const parts: string[] = []
  if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`)
  if (hours) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`)
  if (rest || parts.length === 0) parts.push(`${rest} minute${rest === 1 ? '' : 's'}`)
  return parts.join(' ')
}
