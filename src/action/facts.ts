import type {Root} from 'mdast'
import type {Plugin, Preset} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {formatMinutes} from '../duration.js'
import type {StatedMoment} from '../facts.js'
import {getModel} from '../model.js'
import type {Span} from '../text.js'
import {formatClock, formatDate} from '../time.js'

/** A fact as the job summary shows it: its value and the line it is stated on (none when worked out). */
export interface ShownFact {
  value: string
  line?: number
}

export interface IncidentSummary {
  start?: ShownFact
  end?: ShownFact
  duration?: ShownFact
  impact: ShownFact[]
}

declare module 'vfile' {
  interface DataMap {
    postmortemIncident: IncidentSummary
  }
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC'
  const sign = minutes > 0 ? '+' : '-'
  const hours = Math.floor(Math.abs(minutes) / 60)
  const rest = Math.abs(minutes) % 60
  return `UTC${sign}${hours}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`
}

/**
 * Records on each file the incident facts its model reads (start, end,
 * duration, impact), for the job summary.
 */
const collectIncidentFacts: Plugin<[], Root> = function () {
  return (tree, file) => {
    const {facts} = getModel(tree, file)
    const locator = location(file)
    const lineOf = (span: Span): number => locator.toPoint(span.start)?.line ?? 0
    // A time written without a zone is in the document's zone, when it names one.
    const zoned = facts.zones.length > 0
    const moment = (stated: StatedMoment | undefined): ShownFact | undefined => {
      if (!stated) return undefined
      const offset = stated.time.offset ?? (zoned ? facts.defaultOffset : undefined)
      const parts = [stated.date ? formatDate(stated.date) : '', formatClock(stated.time), offset === undefined ? '' : formatOffset(offset)]
      return {value: parts.filter(Boolean).join(' '), line: lineOf(stated.span)}
    }
    const start = moment(facts.start)
    const end = moment(facts.end)
    let duration: ShownFact | undefined
    if (facts.duration) {
      const written = facts.duration.span.text.trim()
      const normalized = formatMinutes(facts.duration.minutes)
      duration = {value: written === normalized ? written : `${written} (${normalized})`, line: lineOf(facts.duration.span)}
    } else if (facts.start && facts.end && facts.end.at >= facts.start.at) {
      duration = {value: `${formatMinutes(facts.end.at - facts.start.at)}, from the start and end`}
    }
    file.data.postmortemIncident = {
      ...(start ? {start} : {}),
      ...(end ? {end} : {}),
      ...(duration ? {duration} : {}),
      impact: facts.impact.map((mention) => ({value: mention.span.text.trim(), line: lineOf(mention.span)}))
    }
  }
}

/** The collector as a preset, the form unified-engine's types take for plugins given in code. */
export const incidentFacts: Preset = {plugins: [collectIncidentFacts]}
