import {type DurationMention, formatMinutes} from './duration.js'
import type {StatedFacts} from '../facts/stated-facts.js'
import type {PostmortemModel} from '../model.js'
import {type ClockTime, MINUTES_PER_DAY, formatClock} from '../time/time.js'
import {minuteBounds} from '../timeline/timeline.js'
import {type MinuteEntry, type TimelineWindow, closestTimelineWindow, isMinute, readingSlack} from './timeline-window.js'

/**
 * What the figures a postmortem states about the length of its incident
 * measure, so that each can be held against the other: a stated duration
 * against the stated start and end or its own sentence's range, or else
 * against the timeline; the stated start and end against where the timeline
 * begins and ends.
 */

/** A stated length of the incident and the stretch of clock time it measures. */
export interface MeasuredLength {
  duration: DurationMention
  /** Minutes from `from` to `to`. */
  minutes: number
  from: ClockTime
  to: ClockTime
  /** Whether the stretch is the range in the length's own sentence, not the stated start and end. */
  inSentence: boolean
}

/**
 * The stated duration with the stated start and end, then each statement that
 * gives one length and one range of its own ("unreachable for 3 hours, from
 * 09:10 to 09:40"): the two measure the same stretch.
 */
export function measuredLengths({start, end, duration, windows}: StatedFacts): MeasuredLength[] {
  const stated = start && end && duration ? [{duration, minutes: end.at - start.at, from: start.time, to: end.time, inSentence: false}] : []
  const inSentences = windows.flatMap(({duration: length, range, minutes}) => {
    return range.time && range.end?.time ? [{duration: length, minutes, from: range.time, to: range.end.time, inSentence: true}] : []
  })
  return [...stated, ...inSentences]
}

/**
 * For a document that states a duration but neither start nor end: the
 * duration, the reading of the timeline closest to it, and how far apart the
 * two may be (`readingSlack`).
 */
export function durationReading(model: PostmortemModel, tolerance: number): (TimelineWindow & {duration: DurationMention; slack: number}) | undefined {
  const {start, end, duration} = model.stated
  const window = duration && !start && !end ? closestTimelineWindow(model, duration.minutes) : undefined
  return duration && window ? {...window, duration, slack: readingSlack(duration, tolerance)} : undefined
}

/**
 * Where the timeline begins and ends, to hold the stated start and end
 * against: its earliest and latest entries timed to the minute. An undated
 * timeline of an incident that lasted days is placed from the start's day by
 * its midnights only when its first entry is the start (within `tolerance`
 * minutes): else it may have skipped days, and its last entry says nothing of
 * the end. A timeline of one moment has a beginning but no end.
 */
export function timelineReach(model: PostmortemModel, tolerance: number): {first?: MinuteEntry; last?: MinuteEntry} {
  const {start, end} = model.stated
  const {first, last} = minuteBounds(model.timeline)
  const anchored = start && first?.epochMinute !== undefined && Math.abs(first.epochMinute - start.at) <= tolerance
  const placeable = model.timeline.dated || !start || end === undefined || end.at - start.at < MINUTES_PER_DAY || anchored
  // One moment is no stretch of time: a timeline told in prose with a single
  // clock time ("by 08:00 GMT … 10 minutes afterward") stops nowhere.
  const spans = last !== undefined && last !== first
  return {...(isMinute(first) ? {first} : {}), ...(placeable && spans && isMinute(last) ? {last} : {})}
}

/** The stated end as a message names it: written, or reckoned from the stated start and duration. */
export function statedEndText({start, end, duration}: StatedFacts): string {
  if (!end) return ''
  if (end.reckoned && start && duration) return `end at ${formatClock(end.time)} (the stated start at ${formatClock(start.time)} plus ${formatMinutes(duration.minutes)})`
  return `stated end at ${formatClock(end.time)}`
}
