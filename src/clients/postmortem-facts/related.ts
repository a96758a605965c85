import path from 'node:path'
import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import type {Position} from '../../model/facts/extract-facts.js'
import type {RecurringGroup, RelatedIncident} from './recurring.js'

/** The destinations of a document's links and link definitions, as written. */
export function linkDestinations(tree: Root): string[] {
  const found: string[] = []
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') found.push(node.url)
  })
  return found
}

/** `2024-03-05-dns`: a file's or a URL's last segment without its extension, which a site's address keeps too. */
function slugOf(name: string): string {
  return (name.split(/[\\/]/).filter(Boolean).at(-1) ?? '').replace(/\.(?:md|markdown|html?)$/i, '').toLowerCase()
}

/**
 * Whether a link of `from` leads to `to` (both relative to the working
 * directory): a relative path to its file, or any address (a site's, a
 * repository's) whose last segment is the file's name with or without extension.
 */
export function linksTo(from: string, destinations: readonly string[], to: string): boolean {
  const target = slugOf(to)
  return destinations.some((destination) => {
    const bare = destination.replace(/[?#].*$/s, '')
    let decoded = bare
    try {
      decoded = decodeURIComponent(bare)
    } catch {
      // A stray `%` leaves the address as written.
    }
    if (!/^[a-z][a-z\d+.-]*:/i.test(decoded) && path.posix.normalize(path.posix.join(path.posix.dirname(from), decoded)) === to) return true
    return slugOf(decoded) === target && target !== ''
  })
}

/** A postmortem that links none of the earlier incidents with its cause. */
export interface UnlinkedIncident {
  file: string
  /** Where its cause is written, to point at. */
  position?: Position
  group: RecurringGroup
  /** The earlier incidents of the group, none of them linked. */
  earlier: RelatedIncident[]
}

const fullDate = (incident: RelatedIncident): string | undefined => (incident.date && /^\d{4}-\d{2}-\d{2}$/.test(incident.date) ? incident.date : undefined)

/**
 * For each group of a cause, each incident that has earlier ones in the
 * group (by their dates: undated ones are not compared) but links none of
 * them. A tag groups posts by topic (a project, a team), not by what went
 * wrong, so it asks for no link.
 */
export function unlinkedIncidents(groups: readonly RecurringGroup[], linksOf: (file: string) => readonly string[], causeAt: (file: string) => Position | undefined): UnlinkedIncident[] {
  return groups.filter((group) => group.kind === 'cause').flatMap((group) =>
    group.incidents.flatMap((incident) => {
      const date = fullDate(incident)
      const earlier = date ? group.incidents.filter((other) => (fullDate(other) ?? date) < date) : []
      if (earlier.length === 0 || earlier.some((other) => linksTo(incident.file, linksOf(incident.file), other.file))) return []
      const position = causeAt(incident.file)
      return [{file: incident.file, ...(position ? {position} : {}), group, earlier}]
    })
  )
}

/** `b.md:12:1: Unexpected postmortem without a link to an earlier incident with the same cause (memory leak), expected a link to a.md (2024-03-05)` */
export function unlinkedLine({file, position, group, earlier}: UnlinkedIncident): string {
  const place = position ? `${file}:${position.start.line}:${position.start.column}` : file
  const targets = earlier.map((other) => `${other.file}${other.date ? ` (${other.date})` : ''}`).join(', ')
  return `${place}: Unexpected postmortem without a link to an earlier incident with the same cause (${group.label}), expected a link to ${earlier.length === 1 ? '' : 'one of '}${targets}`
}
