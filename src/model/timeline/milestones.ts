import type {PostmortemModel} from '../model.js'
import {type Span, slice, subspan} from '../text/text.js'
import type {TimelineEntry} from './timeline.js'
import {memoPerObject} from '../support/memo.js'

/**
 * The moments of an incident that its timeline marks in words: when people
 * learnt of it, when they first reduced its impact, and when it was over.
 */
export type MilestoneKind = 'start' | 'detection' | 'mitigation' | 'resolution'

export const MILESTONE_KINDS: readonly MilestoneKind[] = ['start', 'detection', 'mitigation', 'resolution']

/** A timeline entry whose words say it is a milestone. */
export interface Milestone {
  kind: MilestoneKind
  entry: TimelineEntry
  /** The words that say so (`paged`, `rolled back`). */
  cue: Span
}

export interface Milestones {
  /** The earliest timed entry that says the outage began here (`START OF OUTAGE`, `outage begins`). */
  start?: Milestone
  /** The earliest timed entry that tells of the incident being detected. */
  detection?: Milestone
  /** The earliest timed entry, at or after the detection, that tells of impact being reduced. */
  mitigation?: Milestone
  /** The latest timed entry that tells of the incident being over. */
  resolution?: Milestone
  /** What each entry was classified as, for every entry of the timeline (timed or not). */
  kinds: Map<TimelineEntry, MilestoneKind[]>
}

// Each pattern is a flat alternation of bounded words: linear on any line.
// Words may be split over lines or spaced twice: a space stands for `\s{1,3}`.
const CUE_WORDS: Record<MilestoneKind, RegExp> = {
  start: /\b(?:start of (?:the )?(?:outage|incident|impact)|(?:outage|incident|impact) (?:begins|began|starts|started))\b/gi,
  detection:
    /\b(?:detect(?:ed|s|ion)?|alert(?:ed|s|ing)?|alarm(?:s|ed)?|notic(?:ed|es)|paged|page (?:was |went )?(?:sent|out|fired)|report(?:ed|s|ing)|first e-?mail|discover(?:ed|s|y)|spotted|observed|flagged|became aware|aware of|complain(?:ed|ts?)|first (?:sign|report|error|alert)s?|(?:monitor(?:ing|s)?|pagerduty|nagios|datadog|grafana|prometheus) (?:triggered|fired|showed|raised|reported)|on-?call (?:engineer )?(?:was )?(?:notified|paged))\b/gi,
  mitigation:
    /\b(?:mitigat(?:ed|es|e|ion|ing)|roll(?:ed|ing)?[ -]?back|rollback|revert(?:ed|ing|s)?|restor(?:ed|ing|es|e)|resolv(?:ed|es|e)|recover(?:ed|y|s)?|fixed|(?:deploy|appl|push|roll|submit|merg|ship)\w{0,4} (?:out )?(?:a |the )?(?:hot)?fix|(?:hot)?fix(?:es)? (?:was |were )?(?:deployed|applied|pushed|rolled out|implemented)|hotfix|patch(?:ed)?|workaround|fail(?:ed)?[ -]?over|back (?:online|up|to normal)|resum(?:ed|es)|return(?:s|ed)? to normal|stabili[sz]ed|restart(?:ed|ing)?|reboot(?:ed|ing)?|re-?enabled|disabled|scaled (?:up|out))\b/gi,
  resolution:
    /\b(?:resolv(?:ed|es)|fully (?:restored|recovered|operational|functional)|restored|recovered|back (?:online|up|to normal)|return(?:s|ed)? to normal|resum(?:ed|es)|all clear|incident (?:closed|ended|over|resolved)|closed the incident|normal (?:operations?|service)|(?:operational|stable|healthy|available|responsive|online|succeed(?:ed|s|ing)?|work(?:s|ed|ing)?) again|stabili[sz]ed|end of (?:the )?(?:outage|incident|impact)|(?:outage|incident|impact) (?:ends|ended|is over|was over))\b/gi
}

// Words in the same clause before a cue that undo it: "not resolved", "failed to restore".
const NEGATION = /(?:n't|\b(?:not|never|no longer|failed|unable|attempt(?:ed|s|ing)?|tried|trying|without|until|before|if|whether)\b)/i
const CLAUSE_BREAK = /[.;:,!?]/
const CLAUSE_LOOKBEHIND = 40

function clauseBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - CLAUSE_LOOKBEHIND), index)
  let cut = before.length
  while (cut > 0 && !CLAUSE_BREAK.test(before.charAt(cut - 1))) cut--
  return before.slice(cut)
}

const CUES = Object.fromEntries(
  Object.entries(CUE_WORDS).map(([kind, pattern]) => [kind, new RegExp(pattern.source.replaceAll(' ', '\\s{1,3}'), 'gi')])
) as Record<MilestoneKind, RegExp>

/** The first words of `text` that mark it as a milestone of `kind` and are not negated. */
export function findCue(text: Span, kind: MilestoneKind): Span | undefined {
  for (const match of text.text.matchAll(CUES[kind])) {
    if (!NEGATION.test(clauseBefore(text.text, match.index))) return subspan(text, match.index, match.index + match[0].length)
  }
  return undefined
}

// What an entry says rarely runs longer; the cap keeps a runaway entry cheap.
const MAX_BODY = 3000

/**
 * The words of each entry after its time: up to the next entry that has a
 * time, so that wrapped lines, sub-bullets and the paragraph under a time
 * heading (`### 4:27`) count as what the entry says.
 */
function bodiesOf(model: PostmortemModel): Map<TimelineEntry, Span> {
  const bodies = new Map<TimelineEntry, Span>()
  // Walked backwards, so the next entry with a time is known at each step.
  let next: TimelineEntry | undefined
  for (const entry of [...model.timeline.entries].reverse()) {
    const from = entry.timestamp && entry.timestamp.start >= entry.line.start ? entry.timestamp.start + entry.timestamp.text.length : entry.line.start
    let to = entry.line.start + entry.line.text.length
    if (entry.kind !== 'untimed') {
      to = next && next.section === entry.section ? next.line.start : entry.section.contentEnd
      next = entry
    }
    bodies.set(entry, slice(model.source, from, Math.max(from, Math.min(to, from + MAX_BODY))))
  }
  return bodies
}

/** Classifies every timeline entry and picks the detection, mitigation and resolution. */
function classify(model: PostmortemModel): Milestones {
  const kinds = new Map<TimelineEntry, MilestoneKind[]>()
  const cues = new Map<TimelineEntry, Partial<Record<MilestoneKind, Span>>>()
  const bodies = bodiesOf(model)
  for (const entry of model.timeline.entries) {
    const words = bodies.get(entry) ?? entry.line
    const found: Partial<Record<MilestoneKind, Span>> = {}
    for (const kind of MILESTONE_KINDS) {
      const cue = findCue(words, kind)
      if (cue) found[kind] = cue
    }
    cues.set(entry, found)
    kinds.set(entry, MILESTONE_KINDS.filter((kind) => found[kind] !== undefined))
  }

  // Time order, document order among equals: timelines are not always sorted.
  const timed = model.timeline.timed
    .map((entry, index) => ({entry, index}))
    .sort((a, b) => (a.entry.epochMinute ?? 0) - (b.entry.epochMinute ?? 0) || a.index - b.index)
    .map(({entry}) => entry)
  const milestone = (kind: MilestoneKind, entry: TimelineEntry | undefined): Milestone | undefined => {
    const cue = entry ? cues.get(entry)?.[kind] : undefined
    return entry && cue ? {kind, entry, cue} : undefined
  }
  const has = (kind: MilestoneKind) => (entry: TimelineEntry): boolean => cues.get(entry)?.[kind] !== undefined

  const start = milestone('start', timed.find(has('start')))
  const detection = milestone('detection', timed.find(has('detection')))
  const detectedAt = detection?.entry.epochMinute ?? Number.NEGATIVE_INFINITY
  const mitigation = milestone('mitigation', timed.find((entry) => (entry.epochMinute ?? 0) >= detectedAt && has('mitigation')(entry)))
  const resolution = milestone('resolution', [...timed].reverse().find(has('resolution')))

  const milestones: Milestones = {kinds}
  if (start) milestones.start = start
  if (detection) milestones.detection = detection
  if (mitigation) milestones.mitigation = mitigation
  if (resolution) milestones.resolution = resolution
  return milestones
}

const memo = memoPerObject<PostmortemModel, Milestones>()

/** The milestones of a postmortem's timeline, computed once per model. */
export function getMilestones(model: PostmortemModel): Milestones {
  return memo(model, 'milestones', () => classify(model))
}
