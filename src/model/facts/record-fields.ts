import type {Root} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import {frontMatterFields, frontMatterProblem, readFrontMatter} from '../front-matter.js'
import {type Section, readLabel} from '../sections/sections.js'
import {statementsIn} from '../text/statements.js'
import {keyedCells} from '../text/tables.js'
import {type Span, slice, splitLines, stripTrailingMarkup, trimSpan} from '../text/text.js'

/**
 * What a postmortem says of itself, as an incident tracker files it: its
 * summary, severity and contact (Etsy Morgue's `summary`, `severity`,
 * `contact`).
 */
export interface RecordFields {
  /** The first statement of the summary section. */
  summary?: Span
  /** The severity as written: `SEV-2`, `P1`, `high`; `level` when it is a number from 0 to 5. */
  severity?: Span & {level?: number}
  /** Who to ask: the front matter's `owner`, `contact` or `authors`, names in order. */
  contact?: Span & {names: string[]}
}

// Names a line, a table row or a front matter key gives the severity.
const SEVERITY_NAMES = new Set(['severity', 'sev', 'incident severity', 'severity level'])
// Front matter keys naming who to ask, the most specific first.
const CONTACT_KEYS = ['contact', 'contacts', 'owner', 'owners', 'incident owner', 'author', 'authors']
// `SEV-2`, `Sev 1`, `Critical (P0)`, `Severity 3`: a number from 0 to 5 after such a prefix; else a bare `2`, `2 (major)`.
const PREFIXED_LEVEL = /\b(?:sev(?:erity)?|p|level)[\s_:-]{0,3}([0-5])(?!\d)/i
const BARE_LEVEL = /^\W{0,3}([0-5])(?![\d.,:])/
// A template's prompt (`[Critical/High/Medium/Low]`) is no severity yet.
const PROMPT = /^\[[^\]]*\]$/

function keyName(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/[_-]+/g, ' ').replace(/:\s*$/, '').trim().toLowerCase()
}

function withLevel(value: Span): Span & {level?: number} {
  const trimmed = trimSpan(stripTrailingMarkup(value))
  const bare = trimmed.text.replace(/[*_`]/g, '')
  const level = (PREFIXED_LEVEL.exec(bare) ?? BARE_LEVEL.exec(bare))?.[1]
  return level === undefined ? trimmed : {...trimmed, level: Number(level)}
}

/** A `Severity: SEV-2` line or a `| Severity | SEV-2 |` row, wherever it stands. */
function severityInBody(tree: Root, source: string): Span | undefined {
  let found: Span | undefined
  visit(tree, (node) => {
    if (found) return SKIP
    if (node.type !== 'paragraph' && node.type !== 'table') return undefined
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return SKIP
    const lines = splitLines(source, start, end)
    const cell = keyedCells(lines).find(({key, value}) => SEVERITY_NAMES.has(keyName(key.text)) && !PROMPT.test(value.text.trim()))
    if (cell) found = cell.value
    for (const line of cell ? [] : lines) {
      const label = readLabel(line)
      if (label && !label.bare && SEVERITY_NAMES.has(keyName(label.title)) && /\S/.test(label.rest.text) && !PROMPT.test(label.rest.text.trim())) {
        found = label.rest
        break
      }
    }
    return SKIP
  })
  return found
}

function namesOf(data: unknown): string[] {
  if (typeof data === 'string' || typeof data === 'number') return [String(data).trim()].filter(Boolean)
  if (Array.isArray(data)) return data.flatMap(namesOf)
  // `- name: Ada` lists people as maps.
  if (data && typeof data === 'object' && 'name' in data) return namesOf((data as {name: unknown}).name)
  return []
}

function fromFrontMatter(tree: Root, source: string): Pick<RecordFields, 'severity' | 'contact'> {
  const frontMatter = readFrontMatter(tree, source)
  if (!frontMatter || frontMatterProblem(frontMatter)) return {}
  const fields = frontMatterFields(frontMatter)
  const named = (keys: readonly string[]): typeof fields => fields.filter((field) => field.value && keys.includes(keyName(field.name)))
  const severity = named([...SEVERITY_NAMES])[0]
  const contacts = CONTACT_KEYS.flatMap((key) => named([key]))
  const contact = contacts.find((field) => namesOf(field.data).length > 0)
  return {
    ...(severity?.value && typeof severity.data !== 'object' ? {severity: withLevel(severity.value)} : {}),
    ...(contact?.value ? {contact: {...contact.value, names: namesOf(contact.data)}} : {})
  }
}

/** The record fields of a postmortem: front matter first, then the body's lines and tables. */
export function readRecordFields(tree: Root, source: string, summaries: readonly Section[]): RecordFields {
  const fields: RecordFields = fromFrontMatter(tree, source)
  if (!fields.severity) {
    const written = severityInBody(tree, source)
    if (written) fields.severity = withLevel(written)
  }
  for (const section of summaries) {
    // A table row or a `Date: …` line in an opening summary states a fact, not what happened.
    const first = statementsIn(tree, source, section.contentStart, section.contentEnd).find((statement) => {
      const label = readLabel(statement)
      const factLine = label && !label.bare && label.rest.text.trim() !== '' && /^[\p{L} ]{1,40}$/u.test(label.title.trim())
      return !statement.text.trimStart().startsWith('|') && !factLine
    })
    if (first) {
      // As written: a statement reads soft line breaks as spaces.
      fields.summary = trimSpan(slice(source, first.start, first.start + first.text.length))
      break
    }
  }
  return fields
}
