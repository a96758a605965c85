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

// A place's time: "Berlin time", "New York time", "Sydney time zone"; a zone
// when the place is a city the tz database names its zones by (cityOfZone).
const CITY_TIME = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}{2,20}(?: \p{Lu}\p{Ll}{1,20}){0,2})(?: local)? time(?![\p{L}])/gu
// The same said the other way round: "local time in Sydney" (not "a long time in Paris").
const TIME_IN_CITY = /(?<![\p{L}])local\s{1,3}time\s{1,3}in\s{1,3}(\p{Lu}\p{Ll}{2,20}(?: \p{Lu}\p{Ll}{1,20}){0,2})(?![\p{L}])/gu
// A region's zone named without "time", where a sentence says what the
// document's times are in: "All times are Pacific", "timestamps in Eastern".
const TIMES_IN_REGION = /\b(?:[Tt]imes|[Tt]imestamps)\s{1,3}(?:(?:below|above|here)\s{1,3})?(?:are\s{1,3})?(?:(?:in|shown\s{1,3}in|given\s{1,3}in)\s{1,3})?(Pacific|Eastern|Central|Mountain|Atlantic)(?![\p{L}])/gu

let zoneCities: Set<string> | undefined

/** Whether `place` is a city the tz database names a zone by: "Berlin" (Europe/Berlin), "New York". */
function isZoneCity(place: string): boolean {
  zoneCities ??= new Set(Intl.supportedValuesOf('timeZone').map((zone) => (zone.split('/').at(-1) ?? '').replaceAll('_', ' ')))
  return zoneCities.has(place)
}

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
  for (const match of span.text.includes(' time') ? span.text.matchAll(CITY_TIME) : []) {
    if (isZoneCity(match[1] ?? '')) zones.push({span: {text: match[0], start: span.start + match.index}, name: match[0]})
  }
  for (const match of span.text.includes('local time in ') ? span.text.matchAll(TIME_IN_CITY) : []) {
    if (isZoneCity(match[1] ?? '')) zones.push({span: {text: match[0], start: span.start + match.index}, name: match[0]})
  }
  for (const match of span.text.matchAll(TIMES_IN_REGION)) {
    const region = match[1] ?? ''
    const start = match.index + match[0].length - region.length
    zones.push({span: {text: region, start: span.start + start}, name: region})
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
