import {type DurationMention, formatMinutes} from '../src/duration.js'
import {defineRule} from '../src/rule.js'
import {formatClock} from '../src/time.js'

export interface Options {
  /** Minutes a stated figure may be off before it is reported. */
  tolerance?: number
}

const DAY = 1440

// "About nine hours" is allowed to be off by a tenth.
const APPROXIMATE_SHARE = 0.1

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
    const disagrees = (length: DurationMention, actual: number): boolean => {
      const allowed = length.qualifier === 'approximate' ? Math.max(options.tolerance, actual * APPROXIMATE_SHARE) : options.tolerance
      return length.qualifier !== 'bound' && actual > 0 && Math.abs(length.minutes - actual) > allowed
    }
    const mismatch = start && end && duration && disagrees(duration, end.at - start.at)
    if (mismatch) {
      const actual = formatMinutes(end.at - start.at)
      report(`Unexpected stated duration of ${formatMinutes(duration.minutes)}, expected ${actual} from the stated start at ${formatClock(start.time)} to the end at ${formatClock(end.time)}`, duration.span, {expected: [actual]})
    }
    // A statement that gives a length and its own range is checked on its own.
    for (const {duration: length, range, minutes} of model.facts.windows) {
      if ((mismatch && length.span.start === duration.span.start) || !range.time || !range.end?.time || !disagrees(length, minutes)) continue
      report(`Unexpected stated duration of ${formatMinutes(length.minutes)}, expected ${formatMinutes(minutes)} from ${formatClock(range.time)} to ${formatClock(range.end.time)} in the same sentence`, length.span, {expected: [formatMinutes(minutes)]})
    }

    const timed = model.timeline.timed.filter((entry) => entry.precision === 'minute')
    const first = timed.reduce<(typeof timed)[number] | undefined>((min, entry) => (!min || (entry.at ?? 0) < (min.at ?? 0) ? entry : min), undefined)
    const last = timed.reduce<(typeof timed)[number] | undefined>((max, entry) => (!max || (entry.at ?? 0) > (max.at ?? 0) ? entry : max), undefined)
    if (start && first?.at !== undefined && first.stamp && first.at - start.at > options.tolerance) {
      report(
        `Unexpected first timeline entry at \`${first.stamp.text.trim()}\` after the stated start at ${formatClock(start.time)}, expected the timeline to begin when the incident began`,
        first.stamp
      )
    }
    // An undated timeline of an incident that lasted days cannot be placed on
    // those days: only its midnights are known, not the days it skipped.
    const placeable = model.timeline.dated || !start || end === undefined || end.at - start.at < DAY
    if (end && placeable && last?.at !== undefined && last.stamp && end.at - last.at > options.tolerance) {
      const stated = end.reckoned && start && duration ? `end at ${formatClock(end.time)} (the stated start at ${formatClock(start.time)} plus ${formatMinutes(duration.minutes)})` : `stated end at ${formatClock(end.time)}`
      report(`Unexpected ${stated} after the last timeline entry at \`${last.stamp.text.trim()}\`, expected the timeline to reach the end of the incident`, end.span)
    }
  }
})
