import {type DurationMention, disagreesWith, formatMinutes, rewriteDuration} from '../src/duration.js'
import type {StatedFacts} from '../src/facts.js'
import {defineRule} from '../src/rule.js'
import {MINUTES_PER_DAY, formatClock} from '../src/time.js'
import {spanEnd} from '../src/text.js'
import {minuteBounds, stampText} from '../src/timeline.js'
import {closestTimelineWindow, readingSlack} from '../src/timeline-window.js'

export interface Options {
  /** Minutes a stated figure may be off before it is reported. */
  tolerance?: number
}

// A fix rewrites only the figures, and only where that is exact ("nine hours" in prose is left to the author).
// The source, not the statement's text: a wrapped duration keeps its line break.
function fixOf(source: string, length: DurationMention, minutes: number): {expected: string[]} | undefined {
  const text = rewriteDuration(source.slice(length.span.start, spanEnd(length.span)), minutes)
  return text === undefined ? undefined : {expected: [text]}
}

function endStated({start, end, duration}: StatedFacts): string {
  if (!end) return ''
  if (end.reckoned && start && duration) return `end at ${formatClock(end.time)} (the stated start at ${formatClock(start.time)} plus ${formatMinutes(duration.minutes)})`
  return `stated end at ${formatClock(end.time)}`
}

const dayGap = (minutes: number): string => (minutes >= MINUTES_PER_DAY ? ` (${formatMinutes(minutes)} before it)` : '')

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
  check({model, options, report}) {
    const {start, end, duration} = model.facts
    const mismatch = start && end && duration && disagreesWith(duration, end.at - start.at, options.tolerance)
    if (mismatch) {
      const actual = end.at - start.at
      report(`Unexpected stated duration of ${formatMinutes(duration.minutes)}, expected ${formatMinutes(actual)} from the stated start at ${formatClock(start.time)} to the end at ${formatClock(end.time)}`, duration.span, fixOf(model.source, duration, actual))
    }
    // A statement that gives a length and its own range is checked on its own.
    for (const {duration: length, range, minutes} of model.facts.windows) {
      if ((mismatch && length.span.start === duration.span.start) || !range.time || !range.end?.time || !disagreesWith(length, minutes, options.tolerance)) continue
      report(`Unexpected stated duration of ${formatMinutes(length.minutes)}, expected ${formatMinutes(minutes)} from ${formatClock(range.time)} to ${formatClock(range.end.time)} in the same sentence`, length.span, fixOf(model.source, length, minutes))
    }

    // With neither start nor end stated, the timeline tells the length: a reading, never a sure fix.
    const reading = duration && !start && !end ? closestTimelineWindow(model, duration.minutes) : undefined
    if (duration && reading && disagreesWith(duration, reading.minutes, readingSlack(duration, options.tolerance))) {
      report(`Unexpected stated duration of ${formatMinutes(duration.minutes)}, expected ${formatMinutes(reading.minutes)} from the timeline entry at ${stampText(reading.from)} to the one at ${stampText(reading.to)}`, duration.span)
    }

    const {first, last} = minuteBounds(model.timeline)
    if (start && first?.at !== undefined && first.stamp && first.at - start.at > options.tolerance) {
      report(`Unexpected first timeline entry at ${stampText(first)} after the stated start at ${formatClock(start.time)}, expected the timeline to begin when the incident began`, first.stamp)
    }
    // An undated timeline of an incident that lasted days is placed from the
    // start's day by its midnights only when its first entry is the start.
    const anchored = start && first?.at !== undefined && Math.abs(first.at - start.at) <= options.tolerance
    const placeable = model.timeline.dated || !start || end === undefined || end.at - start.at < MINUTES_PER_DAY || anchored
    if (end && placeable && last?.at !== undefined && last.stamp && end.at - last.at > options.tolerance) {
      report(`Unexpected ${endStated(model.facts)} after the last timeline entry at ${stampText(last)}${dayGap(end.at - last.at)}, expected the timeline to reach the end of the incident`, end.span)
    }
  }
})
