import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {readFrontMatter} from './front-matter.js'
import type {StatedFacts} from './facts/stated-facts.js'
import {type FactLabelMention, type Section, isNamed} from './sections/sections.js'
import type {SectionMatcher} from './sections/synonyms.js'
import {statementsIn} from './text/statements.js'
import type {Span} from './text/text.js'
import {findTimes, mayWriteClock} from './time/time.js'
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
  /** The section table: a title it lists ("Impact") names a section exactly, not loosely ("Impact of the cache on reads"). */
  matcher: SectionMatcher
}

/** Whether the document states when the incident happened or how long it lasted. */
function statesIncidentFacts(readings: PostmortemReadings): boolean {
  const {facts} = readings
  return readings.factLabels.length > 0 || readings.clockTimes.length > 0 || readings.timeline.timed.length > 0 ||
    facts.date !== undefined || facts.start !== undefined || facts.end !== undefined ||
    // "when the database is unreachable for more than 5 minutes" sets a bound, as a runbook does: no incident's length.
    (facts.duration !== undefined && facts.duration.qualifier !== 'bound')
}

/** The titles of the document's headings: its outline, when it has one. */
function headingTitles(tree: Root): string[] {
  return tree.children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []))
}

function frontMatterText(tree: Root, source: string): string {
  const frontMatter = readFrontMatter(tree, source)
  return frontMatter ? decodeNumericReferences(frontMatter.yaml.text) : ''
}

/** Whether a statement of its prose (not code) gives a clock time: "fixed as of 11am GMT April 19th 2021". */
function statesClockTime(tree: Root, source: string): boolean {
  return statementsIn(tree, source, 0, source.length).some(
    (statement) => mayWriteClock(statement.text) && findTimes(statement).some((mention) => mention.time !== undefined)
  )
}

/**
 * Whether the document looks like a postmortem at all: it has a section
 * titled as the section table names a postmortem's sections ("Impact",
 * "Action items"), a timeline or root cause section or sections of three
 * kinds however titled, a fact label, a timeline or another statement of when
 * the incident happened or how long it lasted, or a title that names an
 * incident; or it has no heading, and so no outline that would show it is
 * something else. One or two sections read loosely from titles that other
 * documents use too (a README's "Fixing", "Action handler" or "Impact of
 * streams on memory") count only when the document also tells when
 * something happened: a clock time in its prose. A README or a guide has
 * none of these: reporting every postmortem section missing from it would
 * be noise.
 */
export function looksLikePostmortem(readings: PostmortemReadings): boolean {
  // Sections in a script the synonyms are not written in cannot be read, so
  // their absence says nothing.
  if (readings.unreadTitles) return true
  const named = readings.sections.filter((section) => section.kinds.length > 0 && isNamed(section))
  const kinds = new Set(named.flatMap((section) => section.kinds))
  if (kinds.has('timeline') || kinds.has('root-cause') || kinds.size >= 3) return true
  if (named.some((section) => readings.matcher.match(section.title).length > 0)) return true
  if (statesIncidentFacts(readings)) return true
  const titles = headingTitles(readings.tree)
  // A narrative without a heading shows nothing of being another kind of
  // document: it may be a postmortem still to be given its sections.
  if (titles.length === 0) return true
  if ([...titles, frontMatterText(readings.tree, readings.source)].some((title) => NAMES_AN_INCIDENT.test(title))) return true
  return named.length > 0 && statesClockTime(readings.tree, readings.source)
}
