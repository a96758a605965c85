import {disagreesWith, formatMinutes, formatStated, rewriteDurationAt} from '../src/model/duration/duration.js'
import {defineRule, replaceWith} from '../src/lint/rule.js'
import {MINUTES_PER_DAY, formatClock} from '../src/model/time/time.js'
import {stampText} from '../src/model/timeline/timeline.js'
import {durationReading, measuredLengths, statedEndText, timelineReach} from '../src/model/duration/measures.js'

export interface Options {
  /** Minutes a stated figure may be off before it is reported. */
  tolerance?: number
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
  messages: {
    statedWindow: 'Unexpected stated duration of {stated}, expected {actual} from the stated start at {start} to the end at {end}',
    sentenceWindow: 'Unexpected stated duration of {stated}, expected {actual} from {start} to {end} in the same sentence',
    timelineReading: 'Unexpected stated duration of {stated}, expected {actual} from the timeline entry at {from} to the one at {to}',
    lateTimeline: 'Unexpected first timeline entry at {entry} after the stated start at {start}, expected the timeline to begin when the incident began',
    shortTimeline: 'Unexpected {end} after the last timeline entry at {entry}{gap}, expected the timeline to reach the end of the incident'
  },
  check({model, options, report}) {
    // A length is said once, though it is both the stated duration and its own sentence's.
    const said = new Set<number>()
    for (const {duration, minutes, from, to, inSentence} of measuredLengths(model.stated)) {
      if (said.has(duration.span.start) || !disagreesWith(duration, minutes, options.tolerance)) continue
      said.add(duration.span.start)
      const data = {stated: formatStated(duration), actual: formatMinutes(minutes), start: formatClock(from), end: formatClock(to)}
      // Only the figures, and only where that is exact: "nine hours" in prose is left to the author.
      const fix = replaceWith(rewriteDurationAt(model.source, duration, minutes))
      report({messageId: inSentence ? 'sentenceWindow' : 'statedWindow', data, place: duration.span, ...fix})
    }
    // With neither start nor end stated, the timeline tells the length: a reading, never a sure fix.
    const reading = durationReading(model, options.tolerance)
    if (reading && disagreesWith(reading.duration, reading.minutes, reading.slack)) {
      const {duration, minutes, from, to} = reading
      const data = {stated: formatStated(duration), actual: formatMinutes(minutes), from: stampText(from), to: stampText(to)}
      report({messageId: 'timelineReading', data, place: duration.span})
    }
    const {start, end} = model.stated
    const {first, last} = timelineReach(model, options.tolerance)
    if (start && first && first.epochMinute - start.at > options.tolerance) {
      report({messageId: 'lateTimeline', data: {entry: stampText(first), start: formatClock(start.time)}, place: first.timestamp})
    }
    if (end && last && end.at - last.epochMinute > options.tolerance) {
      const data = {end: statedEndText(model.stated), entry: stampText(last), gap: dayGap(end.at - last.epochMinute)}
      report({messageId: 'shortTimeline', data, place: end.span})
    }
  }
})
