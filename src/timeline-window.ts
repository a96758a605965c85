import {getMilestones} from './milestones.js'
import type {PostmortemModel} from './model.js'
import {type TimelineEntry, minuteBounds} from './timeline.js'

/**
 * How long the incident lasted as its timeline tells it, for a document
 * that states a duration but neither start nor end. A timeline does not say
 * which entry began the incident: it may open with the change that caused
 * it, hours before, or with the alert; and impact may end with the
 * mitigation, with the resolution or with the last entry. So every reading
 * is kept: from the first entry, the entry that says the outage began, or
 * the detection, to the entry that tells of mitigation or of resolution, or
 * the last entry. A stated duration
 * that matches none of them disagrees with the timeline.
 */
export interface TimelineWindow {
  from: TimelineEntry
  to: TimelineEntry
  minutes: number
}

/** Whether every timed entry is at or after the one before: only then do its entries bound anything. */
function inOrder(entries: readonly TimelineEntry[]): boolean {
  let previous = Number.NEGATIVE_INFINITY
  for (const entry of entries) {
    if (entry.at === undefined) continue
    if (entry.at < previous) return false
    previous = entry.at
  }
  return true
}

function minuteEntries(entries: ReadonlyArray<TimelineEntry | undefined>): TimelineEntry[] {
  const kept = entries.filter((entry): entry is TimelineEntry => entry?.at !== undefined && entry.precision === 'minute' && entry.stamp !== undefined)
  return [...new Set(kept)]
}

export function timelineWindows(model: PostmortemModel): TimelineWindow[] {
  if (!inOrder(model.timeline.timed)) return []
  const milestones = getMilestones(model)
  const {first, last} = minuteBounds(model.timeline)
  const starts = minuteEntries([first, milestones.start?.entry, milestones.detection?.entry])
  // Without an entry that tells of the end, the last one may be any follow-up.
  if (!milestones.mitigation && !milestones.resolution) return []
  const ends = minuteEntries([milestones.mitigation?.entry, milestones.resolution?.entry, last])
  return starts.flatMap((from) =>
    ends.flatMap((to) => (to.at !== undefined && from.at !== undefined && to.at > from.at ? [{from, to, minutes: to.at - from.at}] : []))
  )
}
