import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {readFrontMatter} from './front-matter.js'
import type {StatedFacts} from './facts/stated-facts.js'
import {type FactLabelMention, type Section, isNamed} from './sections/sections.js'
import type {Span} from './text/text.js'
import type {Timeline} from './timeline/timeline.js'

/**
 * Words an incident report is called by: a title or heading with one of them
 * names the document for what it is (`# Postmortems`, `## Past incidents`,
 * `title: API outage`). They name the genre, not a section, so the list is
 * closed: it does not grow with the sections people invent.
 */
const NAMES_AN_INCIDENT = /\b(?:post[\s\p{Pd}]?mortems?|incidents?|outages?|downtimes?)\b/iu

// `post&#x2011;mortem` in a front-matter title: front matter is not Markdown,
// so no parser decodes its character references.
const NUMERIC_REFERENCE = /&#(x?)([0-9a-f]{1,6});/giu

function decodeNumericReferences(text: string): string {
  return text.replace(NUMERIC_REFERENCE, (whole, hex: string, digits: string) => {
    const code = Number.parseInt(digits, hex ? 16 : 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** What the model read that tells of an incident. */
export interface PostmortemReadings {
  tree: Root
  source: string
  sections: readonly Section[]
  factLabels: readonly FactLabelMention[]
  timeline: Timeline
  facts: StatedFacts
  clockTimes: readonly Span[]
  /** Most headings are in a script the section table does not read. */
  unreadTitles: boolean
}

/** Whether the document states when the incident happened or how long it lasted. */
function statesIncidentFacts(readings: PostmortemReadings): boolean {
  const {facts} = readings
  return readings.factLabels.length > 0 || readings.clockTimes.length > 0 || readings.timeline.timed.length > 0 ||
    facts.date !== undefined || facts.start !== undefined || facts.end !== undefined || facts.duration !== undefined
}

/** The titles of the document's headings: its outline, when it has one. */
function headingTitles(tree: Root): string[] {
  return tree.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
}

function frontMatterText(tree: Root, source: string): string {
  const frontMatter = readFrontMatter(tree, source)
  return frontMatter ? decodeNumericReferences(frontMatter.yaml.text) : ''
}

/**
 * Whether the document looks like a postmortem at all: it has a section of
 * any kind a postmortem has (however it is marked), a fact label, a timeline
 * or another statement of when the incident happened or how long it lasted,
 * or a title that names an incident; or it has no heading, and so no outline
 * that would show it is something else. A README or a guide has none of
 * these: reporting every postmortem section missing from it would be noise.
 */
export function looksLikePostmortem(readings: PostmortemReadings): boolean {
  // Sections in a script the synonyms are not written in cannot be read, so
  // their absence says nothing.
  if (readings.unreadTitles) return true
  if (readings.sections.some((section) => section.kinds.length > 0 && isNamed(section))) return true
  if (statesIncidentFacts(readings)) return true
  const titles = headingTitles(readings.tree)
  // A narrative without a heading shows nothing of being another kind of
  // document: it may be a postmortem still to be given its sections.
  if (titles.length === 0) return true
  return [...titles, frontMatterText(readings.tree, readings.source)].some((title) => NAMES_AN_INCIDENT.test(title))
}
