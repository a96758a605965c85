import {memoPerObject} from '../support/memo.js'
import type {Root} from 'mdast'
import type {PostmortemModel} from '../model.js'
import {proseOf} from '../text/prose.js'
import {type Span, splitLines, stripLeadingMarkup} from '../text/text.js'
import {type CalendarDate, findTimes} from './time.js'

/** Where a postmortem says on which day the incident happened. */
export interface IncidentDate {
  date: CalendarDate
  span: Span
  /** The stated facts (summary, `Date:`), a dated timeline entry, or the title and introduction. */
  from: 'facts' | 'timeline' | 'introduction'
}

// Dates of the document, not of the incident: "Last updated: 2022-05-25".
const DOCUMENT_DATE = /^(?:posted|published|last\s(?:updated|modified|edited|reviewed)|updated|modified|created|written|authored|review(?:ed)?\s(?:date|on)|date\swritten)\b/i

function introductionDate(tree: Root, model: PostmortemModel): IncidentDate | undefined {
  const end = model.sections[0]?.marker.start ?? model.source.length
  for (const block of proseOf(tree, model.source)) {
    if (block.raw.start >= end) break
    for (const line of splitLines(model.source, block.raw.start, Math.min(end, block.raw.start + block.raw.text.length))) {
      if (DOCUMENT_DATE.test(stripLeadingMarkup(line).text)) continue
      const mention = findTimes(line, model.dateOrder).find((candidate) => candidate.date)
      if (mention?.date) return {date: mention.date, span: mention.span, from: 'introduction'}
    }
  }
  return undefined
}

// One reading per model (itself one per tree and synonyms).
const readings = memoPerObject<PostmortemModel, IncidentDate | undefined>()

function readIncidentDate(tree: Root, model: PostmortemModel): IncidentDate | undefined {
  const stated = model.stated.date ?? (model.stated.start?.date && {date: model.stated.start.date, span: model.stated.start.span})
  if (stated) return {date: stated.date, span: stated.span, from: 'facts'}
  const dated = model.timeline.entries.find((entry) => entry.date && entry.timestamp)
  if (dated?.date && dated.timestamp) return {date: dated.date, span: dated.timestamp, from: 'timeline'}
  return introductionDate(tree, model)
}

/**
 * The date of the incident: the one the document states (in its summary,
 * its `Date:` line or its stated start), else the first dated timeline entry,
 * else a date in its title or the text before its first section.
 */
export function incidentDateOf(tree: Root, model: PostmortemModel): IncidentDate | undefined {
  return readings(model, '', () => readIncidentDate(tree, model))
}
