import type {Span} from '../text/text.js'

/** A place where the document names a time zone. */
export interface ZoneMention {
  span: Span
  name: string
}

// Abbreviations are matched in capitals only: "eat", "cat" and "west" are words.
const ABBREVIATIONS = [
  'UTC', 'GMT', 'EAT', 'WAT', 'CAT', 'SAST', 'CET', 'CEST', 'EET', 'EEST', 'WET', 'WEST',
  'BST', 'IST', 'MSK', 'PST', 'PDT', 'PCT', 'PT', 'MST', 'MDT', 'MT', 'CST', 'CDT', 'CT',
  'EST', 'EDT', 'ET', 'AKST', 'AKDT', 'HST', 'AEST', 'AEDT', 'ACST', 'AWST', 'JST', 'KST',
  'SGT', 'HKT', 'NZST', 'NZDT'
]
const ABBREVIATION = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ABBREVIATIONS.join('|')})(?:\\s?[+-]\\d{1,2}(?::?\\d{2})?)?(?![\\p{L}])`, 'gu')
const NAMED =
  /\b(?:(?:eastern|pacific|central|mountain|atlantic|alaska|hawaii|east africa|west africa|central africa|south africa|(?:central |eastern |western )?european|greenwich mean|coordinated universal|india|japan|singapore|moscow)n?(?: standard| daylight| summer)? time|zulu time)\b/gi
// "utc" and "gmt" are no English words: any case will do ("all times in utc").
const LOWERCASE = /(?<![\p{L}\p{N}])(?:utc|gmt)(?![\p{L}])/gu
// An ISO time with an offset or `Z`: 2021-10-28T08:26:00Z, 08:26+02:00, 08:26:00-05:00.
// A minus offset needs a `T` before or seconds: "02:00-04:30" is a range, not a time and its offset.
const ISO_OFFSET =
  /(?<=T|\b)(?:\d{2}:\d{2}(?::\d{2})?(?:\.\d{1,9})?(?:Z|\+\d{2}:?\d{2})|(?:(?<=T)\d{2}:\d{2}|\d{2}:\d{2}:\d{2})(?:\.\d{1,9})?-\d{2}:?\d{2})(?![\p{L}\p{N}])/gu

// The shape of a tz database name (`Europe/Berlin`, `America/Argentina/Salta`,
// `US/Eastern`, `Etc/UTC`): an area, then one or two places, each capitalised.
// Whether it names a zone is asked of the platform's own tz data (isTzName).
const TZ_NAME = /(?<![\p{L}\p{N}/])[A-Z][A-Za-z]{1,13}(?:\/[A-Z][A-Za-z_+-]{1,30}){1,2}(?![\p{L}\p{N}/])/gu

/** Whether `name` is a zone of the tz database, as Intl (and so the platform's ICU) knows it. */
function isTzName(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', {timeZone: name})
    return true
  } catch {
    return false
  }
}

/** Every time zone the text names, in order. */
export function findZones(span: Span): ZoneMention[] {
  const zones: ZoneMention[] = []
  for (const pattern of [ABBREVIATION, LOWERCASE, NAMED, ISO_OFFSET, TZ_NAME]) {
    for (const match of span.text.matchAll(pattern)) {
      if (pattern === TZ_NAME && !isTzName(match[0])) continue
      zones.push({span: {text: match[0], start: span.start + match.index}, name: match[0]})
    }
  }
  zones.sort((a, b) => a.span.start - b.span.start || b.span.text.length - a.span.text.length)
  // One zone once: `UTC` within `Etc/UTC` is the same mention.
  return zones.filter((zone, index) => {
    const before = zones[index - 1]
    return !before || zone.span.start >= before.span.start + before.span.text.length
  })
}

// Zones chrono does not know by name, in minutes east of UTC.
const NAMED_OFFSETS: Array<[RegExp, number]> = [
  [/^east africa(?:n)? time/i, 180],
  [/^central africa(?:n)? time/i, 120],
  [/^west africa(?:n)? time/i, 60],
  [/^south africa(?:n)? (?:standard )?time/i, 120],
  [/^central european (?:standard )?time/i, 60],
  [/^eastern european (?:standard )?time/i, 120],
  [/^western european (?:standard )?time/i, 0]
]

/** The offset of a zone written out in words at the start of `text` ("East African Time"). */
export function namedZoneOffset(text: string): number | undefined {
  return NAMED_OFFSETS.find(([pattern]) => pattern.test(text))?.[1]
}
