import type {Root} from 'mdast'
import type {Plugin, Preset} from 'unified'
import type {VFile} from 'vfile'
import {formatMinutes} from '../../model/duration/duration.js'
import {isSetAside} from '../../lint/document-guard.js'
import {type IncidentFacts, type SourcedMoment, extractFacts, formatOffset} from '../../model/facts/extract-facts.js'

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
  /** Its action items, for the summary's table of open ones. */
  actionItems: IncidentFacts['actionItems']
}

declare module 'vfile' {
  interface DataMap {
    postmortemIncident: IncidentSummary
  }
}

// Where a moment the summary shows comes from, when the document does not state it.
const SOURCES: Record<SourcedMoment['source'], string> = {stated: '', milestone: ' (from the timeline)', 'first-entry': " (the timeline's first entry)"}

function shownMoment(moment: SourcedMoment | undefined): ShownFact | undefined {
  if (!moment) return undefined
  const parts = [moment.date ?? '', moment.time ?? '', moment.utcOffset === undefined ? '' : moment.utcOffset === 0 ? 'UTC' : `UTC${formatOffset(moment.utcOffset)}`]
  return {value: `${parts.filter(Boolean).join(' ')}${SOURCES[moment.source]}`, line: moment.position.start.line}
}

/**
 * Records on each file the incident facts that `extractFacts` reads (start,
 * end, duration, impact), for the job summary: the Action and
 * `postmortem-facts` give the same facts of the same document.
 */
const collectIncidentFacts: Plugin<[], Root> = function () {
  return (tree, file) => {
    if (isSetAside(file)) return
    const facts = extractFacts(tree, file)
    const start = shownMoment(facts.start)
    const end = shownMoment(facts.end)
    let duration: ShownFact | undefined
    if (facts.duration) {
      const written = facts.duration.text.trim()
      const normalized = formatMinutes(facts.duration.minutes)
      duration = {value: written === normalized ? written : `${written} (${normalized})`, line: facts.duration.position.start.line}
    } else if (facts.timeToResolve !== undefined) {
      duration = {value: `${formatMinutes(facts.timeToResolve)}, from the start and end`}
    }
    const figures = [...facts.impact.percentages, ...facts.impact.counts].sort((a, b) => (a.position.start.offset ?? 0) - (b.position.start.offset ?? 0))
    file.data.postmortemIncident = {
      ...(start ? {start} : {}),
      ...(end ? {end} : {}),
      ...(duration ? {duration} : {}),
      impact: figures.map((figure) => ({value: figure.text.trim(), line: figure.position.start.line})),
      actionItems: facts.actionItems
    }
  }
}

/** The collector as a preset, the form unified-engine's types take for plugins given in code. */
export const incidentFacts: Preset = {plugins: [collectIncidentFacts]}
