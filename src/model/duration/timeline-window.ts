import {type DurationMention, roundingOf} from './duration.js'
import {getMilestones} from '../timeline/milestones.js'
import type {PostmortemModel} from '../model.js'
import type {Span} from '../text/text.js'
import {type TimelineEntry, isBefore, minuteBounds} from '../timeline/timeline.js'

/**
 * How long the incident lasted as its timeline tells it, for a document
 * that states a duration but neither start nor end. A timeline does not say
 * which entry began the incident: it may open with the change that caused
 * it, days before, with the alert, or with the first sign of impact. Nor
 * does impact always end at the same entry: the mitigation, the resolution
 * or the last entry. So every reading is kept, from any entry to one of
 * those, and a stated duration is held against the reading closest to it.
 */
export interface TimelineWindow {
  from: TimelineEntry
  to: TimelineEntry
  minutes: number
}

/** Whether no timed entry is before the one above it, as timeline-order judges: only then do its entries bound anything. */
function inOrder(entries: readonly TimelineEntry[]): boolean {
  return entries.every((entry, index) => {
    const previous = entries[index - 1]
    return previous === undefined || !isBefore(entry, previous)
  })
}

/** An entry timed to the minute, at a timestamp of its own. */
export type MinuteEntry = TimelineEntry & {epochMinute: number; timestamp: Span}

export function isMinute(entry: TimelineEntry | undefined): entry is MinuteEntry {
  return entry?.epochMinute !== undefined && entry.precision === 'minute' && entry.timestamp !== undefined
}

/** The reading of the timeline closest to `minutes`, if the timeline tells where the incident ended. */
export function closestTimelineWindow(model: PostmortemModel, minutes: number): TimelineWindow | undefined {
  const entries = model.timeline.timed
  const milestones = getMilestones(model)
  // Without an entry that tells of the end, the last one may be any follow-up.
  if ((!milestones.mitigation && !milestones.resolution) || !inOrder(entries)) return undefined
  const ends = new Set([milestones.mitigation?.entry, milestones.resolution?.entry, minuteBounds(model.timeline).last].filter(isMinute))
  let closest: TimelineWindow | undefined
  for (const to of ends) {
    for (const from of entries) {
      if (!isMinute(from) || from.epochMinute >= to.epochMinute) continue
      const length = to.epochMinute - from.epochMinute
      if (!closest || Math.abs(length - minutes) < Math.abs(closest.minutes - minutes)) closest = {from, to, minutes: length}
    }
  }
  return closest
}

// A length read from the timeline may be off by a tenth, as "about 2 hours" may.
const READING_SHARE = 0.1

/** Minutes a stated duration may differ from a timeline's reading: a tenth of it, its rounding, or the tolerance. */
export function readingSlack(duration: DurationMention, tolerance: number): number {
  return Math.max(tolerance, roundingOf(duration), duration.minutes * READING_SHARE)
}
