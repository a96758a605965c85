import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {formatMinutes} from '../../src/duration.js'
import {type PostmortemModel, buildModel} from '../../src/model.js'
import type {SectionKind} from '../../src/synonyms.js'
import type {Span} from '../../src/text.js'
import type {TimelineEntry} from '../../src/timeline.js'

/**
 * One kind of defect, injected into a real document where it applies. The
 * benchmark checks that `rule` reports something new on the mutant.
 */
export interface Injection {
  name: string
  rule: string
  /** The mutant, or undefined when the document has nothing to break this way. */
  apply(markdown: string, model: PostmortemModel): string | undefined
}

interface Edit {
  start: number
  end: number
  text: string
}

export function modelOf(markdown: string): PostmortemModel {
  const tree = unified().use(remarkParse).parse(markdown) as Root
  return buildModel(tree, markdown)
}

/** Applies non-overlapping edits, last first so offsets stay valid. */
function applyEdits(markdown: string, edits: readonly Edit[]): string {
  let result = markdown
  let limit = Number.POSITIVE_INFINITY
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    if (edit.end > limit) continue
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
    limit = edit.start
  }
  return result
}

function end(span: Span): number {
  return span.start + span.text.length
}

/** Removes every section of a kind: its marker and its content. */
function deleteSections(kind: SectionKind): Injection['apply'] {
  return (markdown, model) => {
    const sections = model.sectionsOf(kind)
    if (sections.length === 0) return undefined
    const ranges = sections
      .map((section) => ({start: section.marker.start, end: Math.max(section.contentEnd, end(section.marker))}))
      .sort((a, b) => a.start - b.start)
    const merged: Array<{start: number; end: number}> = []
    for (const range of ranges) {
      const last = merged.at(-1)
      if (last && range.start <= last.end) last.end = Math.max(last.end, range.end)
      else merged.push({...range})
    }
    return applyEdits(markdown, merged.map((range) => ({...range, text: ''})))
  }
}

const CLOCK = /(\d{1,2})[:.](\d{2})(?::\d{2})?(\s?[AaPp]\.?\s?[Mm]\.?)?/g

function lastClock(span: Span): Span | undefined {
  const match = [...span.text.matchAll(CLOCK)].at(-1)
  return match ? {text: match[0], start: span.start + match.index} : undefined
}

/** Rewrites the last clock time in a span, keeping its 12 or 24 hour style. */
function shiftClock(span: Span, minutes: number): Edit | undefined {
  const matches = [...span.text.matchAll(CLOCK)]
  const match = matches.at(-1)
  if (!match) return undefined
  let hour = Number(match[1])
  const meridiem = match[3]
  if (meridiem) hour = (hour % 12) + (/p/i.test(meridiem) ? 12 : 0)
  const total = (((hour * 60 + Number(match[2]) + minutes) % 1440) + 1440) % 1440
  const newHour = Math.floor(total / 60)
  const minute = String(total % 60).padStart(2, '0')
  const text = meridiem
    ? `${newHour % 12 === 0 ? 12 : newHour % 12}:${minute} ${newHour >= 12 ? 'PM' : 'AM'}`
    : `${String(newHour).padStart(2, '0')}:${minute}`
  return {start: span.start + match.index, end: span.start + match.index + match[0].length, text}
}

const DAY = 1440

/** Two neighbouring entries whose swap cannot pass for a midnight rollover. */
function swappablePair(entries: readonly TimelineEntry[]): [TimelineEntry, TimelineEntry] | undefined {
  for (let index = 1; index < entries.length; index++) {
    const first = entries[index - 1]
    const second = entries[index]
    if (!first?.stamp || !second?.stamp || first.at === undefined || second.at === undefined) continue
    if (first.section !== second.section || first.precision !== 'minute' || second.precision !== 'minute') continue
    if (second.at <= first.at || Math.floor(first.at / DAY) !== Math.floor(second.at / DAY)) continue
    return [first, second]
  }
  return undefined
}

export const INJECTIONS: Injection[] = [
  {name: 'delete the timeline section', rule: 'postmortem-required-sections', apply: deleteSections('timeline')},
  {name: 'delete the root-cause section', rule: 'postmortem-required-sections', apply: deleteSections('root-cause')},
  {
    name: 'swap two consecutive timeline times',
    rule: 'postmortem-timeline-order',
    apply(markdown, model) {
      const pair = swappablePair(model.timeline.timed)
      if (!pair) return undefined
      // Only the clock times trade places; dates stay where they are.
      const [first, second] = pair.map((entry) => (entry.stamp ? lastClock(entry.stamp) : undefined))
      if (!first || !second) return undefined
      return applyEdits(markdown, [
        {start: first.start, end: end(first), text: second.text},
        {start: second.start, end: end(second), text: first.text}
      ])
    }
  },
  {
    name: 'stated duration disagrees with start and end',
    rule: 'postmortem-duration-consistency',
    apply(markdown, model) {
      const {start, end: stop, duration} = model.facts
      if (!start || !stop || stop.at <= start.at) return undefined
      const wrong = formatMinutes(stop.at - start.at + 180)
      if (duration) return applyEdits(markdown, [{start: duration.span.start, end: end(duration.span), text: wrong}])
      return applyEdits(markdown, [{start: end(stop.span), end: end(stop.span), text: `, lasting ${wrong}`}])
    }
  },
  {
    name: 'stated end hours after the last timeline entry',
    rule: 'postmortem-duration-consistency',
    apply(markdown, model) {
      const stop = model.facts.end
      const last = model.timeline.timed.filter((entry) => entry.precision === 'minute').at(-1)
      if (!stop || last?.at === undefined) return undefined
      const shift = last.at - stop.at + 180
      // Keep the end on its day: a shift past midnight would read as the next morning.
      const minuteOfDay = stop.time.hour * 60 + stop.time.minute
      if (minuteOfDay + shift >= DAY || minuteOfDay + shift < 0) return undefined
      const edit = shiftClock(stop.span, shift)
      return edit ? applyEdits(markdown, [edit]) : undefined
    }
  },
  {
    name: 'remove every impact percentage and count',
    rule: 'postmortem-impact-quantified',
    apply(markdown, model) {
      if (model.facts.impact.length === 0) return undefined
      let mutant = markdown
      // Replacing one figure can reveal another reading of the text: repeat.
      for (let round = 0; round < 4; round++) {
        const impact = modelOf(mutant).facts.impact
        if (impact.length === 0) return mutant
        mutant = applyEdits(mutant, impact.map((mention) => ({
          start: mention.span.start,
          end: end(mention.span),
          text: mention.noun ? `some ${mention.noun}` : 'some'
        })))
      }
      return mutant
    }
  },
  {
    name: 'raise a percentage above 100',
    rule: 'postmortem-impact-quantified',
    apply(markdown, model) {
      const percentage = model.facts.impact.find((mention) => mention.kind === 'percentage')
      if (!percentage) return undefined
      return applyEdits(markdown, [{start: percentage.span.start, end: end(percentage.span), text: '180%'}])
    }
  },
  {
    name: 'remove every time zone',
    rule: 'postmortem-time-zone',
    apply(markdown, model) {
      if (model.clockTimes.length === 0 || model.facts.zones.length === 0) return undefined
      return applyEdits(markdown, model.facts.zones.map((zone) => ({start: zone.span.start, end: end(zone.span), text: ''})))
    }
  },
  {
    name: 'insert a sentence blaming a person',
    rule: 'postmortem-blameless-language',
    apply(markdown, model) {
      const section = model.sectionsOf('root-cause')[0] ?? model.sectionsOf('summary')[0]
      const at = section ? section.contentEnd : markdown.length
      return applyEdits(markdown, [{start: at, end: at, text: '\n\nThe outage happened because Dave carelessly ran the wrong script.\n\n'}])
    }
  },
  {
    name: 'insert TODO: fill in',
    rule: 'postmortem-no-placeholders',
    apply(markdown, model) {
      const section = model.sectionsOf('summary')[0] ?? model.sections[0]
      const at = section ? section.contentEnd : markdown.length
      return applyEdits(markdown, [{start: at, end: at, text: '\n\nTODO: fill in\n\n'}])
    }
  }
]
