import {type DurationMention, disagreesWith, formatMinutes, rewriteDuration} from '../src/model/duration/duration.js'
import type {StatedFacts} from '../src/model/facts/stated-facts.js'
import {defineRule} from '../src/lint/rule.js'
import {MINUTES_PER_DAY, formatClock} from '../src/model/time/time.js'
import {spanEnd} from '../src/model/text/text.js'
import {minuteBounds, stampText} from '../src/model/timeline/timeline.js'
import {closestTimelineWindow, readingSlack} from '../src/model/duration/timeline-window.js'

export interface Options {
  /** Minutes a stated figure may be off before it is reported. */
  tolerance?: number
}

// A fix rewrites only the figures, and only where that is exact ("nine hours" in prose is left to the author).
// The source, not the statement's text: a wrapped duration keeps its line break.
function fixOf(source: string, length: DurationMention, minutes: number): {expected: string[]} | Record<string, never> {
  const text = rewriteDuration(source.slice(length.span.start, spanEnd(length.span)), minutes)
  return text === undefined ? {} : {expected: [text]}
}

function endStated({start, end, duration}: StatedFacts): string {
  if (!end) return ''
  if (end.reckoned && start && duration) return `end at ${formatClock(end.time)} (the stated start at ${formatClock(start.time)} plus ${formatMinutes(duration.minutes)})`
  return `stated end at ${formatClock(end.time)}`
}

const dayGap = (minutes: number): string => (minutes >= MINUTES_PER_DAY ? ` (${formatMinutes(minutes)} before it)` : '')

const MESSAGES = {
  statedWindow: 'Unexpected stated duration of {stated}, expected {actual} from the stated start at {start} to the end at {end}',
  sentenceWindow: 'Unexpected stated duration of {stated}, expected {actual} from {start} to {end} in the same sentence',
  timelineReading: 'Unexpected stated duration of {stated}, expected {actual} from the timeline entry at {from} to the one at {to}',
  lateTimeline: 'Unexpected first timeline entry at {entry} after the stated start at {start}, expected the timeline to begin when the incident began',
  shortTimeline: 'Unexpected {end} after the last timeline entry at {entry}{gap}, expected the timeline to reach the end of the incident'
} as const

/**
 * Reports a stated duration that disagrees with the stated start and end, and
 * a timeline that starts after the stated start or stops before the stated end.
 */
export default defineRule<Options>({
  name: 'duration-consistency',
  description: 'Require the stated duration, start, end and timeline to agree',
  fixable: true,
  preset: 'recommended',
  options: {tolerance: {type: 'number', minimum: 0}},
  defaults: {tolerance: 5},
  messages: MESSAGES,
  check({model, options, report}) {
    const {start, end, duration} = model.stated
    const mismatch = start && end && duration && disagreesWith(duration, end.at - start.at, options.tolerance)
    if (mismatch) {
      const actual = end.at - start.at
      const data = {stated: formatMinutes(duration.minutes), actual: formatMinutes(actual), start: formatClock(start.time), end: formatClock(end.time)}
      report({messageId: 'statedWindow', data, place: duration.span, ...fixOf(model.source, duration, actual)})
    }
    // A statement that gives a length and its own range is checked on its own.
    for (const {duration: length, range, minutes} of model.stated.windows) {
      if ((mismatch && length.span.start === duration.span.start) || !range.time || !range.end?.time || !disagreesWith(length, minutes, options.tolerance)) continue
      const data = {stated: formatMinutes(length.minutes), actual: formatMinutes(minutes), start: formatClock(range.time), end: formatClock(range.end.time)}
      report({messageId: 'sentenceWindow', data, place: length.span, ...fixOf(model.source, length, minutes)})
    }

    // With neither start nor end stated, the timeline tells the length: a reading, never a sure fix.
    const reading = duration && !start && !end ? closestTimelineWindow(model, duration.minutes) : undefined
    if (duration && reading && disagreesWith(duration, reading.minutes, readingSlack(duration, options.tolerance))) {
      const data = {stated: formatMinutes(duration.minutes), actual: formatMinutes(reading.minutes), from: stampText(reading.from), to: stampText(reading.to)}
      report({messageId: 'timelineReading', data, place: duration.span})
    }

    const {first, last} = minuteBounds(model.timeline)
    if (start && first?.epochMinute !== undefined && first.timestamp && first.epochMinute - start.at > options.tolerance) {
      report({messageId: 'lateTimeline', data: {entry: stampText(first), start: formatClock(start.time)}, place: first.timestamp})
    }
    // An undated timeline of an incident that lasted days is placed from the
    // start's day by its midnights only when its first entry is the start.
    const anchored = start && first?.epochMinute !== undefined && Math.abs(first.epochMinute - start.at) <= options.tolerance
    const placeable = model.timeline.dated || !start || end === undefined || end.at - start.at < MINUTES_PER_DAY || anchored
    if (end && placeable && last?.epochMinute !== undefined && last.timestamp && end.at - last.epochMinute > options.tolerance) {
      report({messageId: 'shortTimeline', data: {end: endStated(model.stated), entry: stampText(last), gap: dayGap(end.at - last.epochMinute)}, place: end.span})
    }
  }
})
