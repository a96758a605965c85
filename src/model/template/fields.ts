import type {Nodes, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import type {PostmortemModel} from '../model.js'
import {frontMatterFields, readFrontMatter} from '../front-matter.js'
import {readLabel} from '../sections/sections.js'
import {cellsOf, isDelimiterRow} from '../text/tables.js'
import {type Span, slice, splitLines} from '../text/text.js'
import {titleKey, titleWords} from './words.js'

/**
 * Fields: what a `Label:` line, a two-column table row or a front matter key
 * states under a name (`Severity: SEV-2`, `| Owner | Ana |`, `status: done`).
 * A template's fields are the ones it asks for; a postmortem's, the ones it
 * fills in (or leaves empty).
 */

export interface TemplateField {
  /** As the template writes it (`Severity`). */
  label: string
  key: string
}

export interface FilledField {
  key: string
  label: Span
  /** What follows the label; empty when nothing does. */
  value: Span
  /** A table's column (`| Owner |` over rows): it fills a field, but a template's column is an example, not one it asks for. */
  column?: boolean
}

const MAX_LABEL_WORDS = 4
const FIELD_LABEL = /^\p{L}[\p{L}\p{M} '’/&-]{0,60}$/u
// Labels that introduce guidance or an example, not a value to fill in.
const NOT_FIELDS = new Set(['note', 'example', 'eg', 'e g', 'tip', 'hint', 'for example', 'see', 'source', 'http', 'https'])

export function isFieldLabel(title: string): boolean {
  const words = titleWords(title)
  // Words only: "14:05 UTC: alert fired" is a timeline entry, "| [hh:mm] | … |" an example row, "- [ ] [task] (owner: …)" an item.
  return words.length > 0 && words.length <= MAX_LABEL_WORDS && FIELD_LABEL.test(title.replace(/[*_`]/g, '').trim()) && !NOT_FIELDS.has(words.join(' '))
}

/** The rows of a pipe table written in a paragraph or a table node: its header and body rows. */
function tableRows(source: string, start: number, end: number): {head: Span; body: Span[]} | undefined {
  const [head, delimiter, ...body] = splitLines(source, start, end)
  if (!head?.text.includes('|') || !delimiter || !isDelimiterRow(delimiter)) return undefined
  return {head, body: body.filter((row) => row.text.includes('|'))}
}

const bare = (text: string): string => text.replace(/[*_`]/g, '').trim()

/** Label lines of a paragraph: the value is the rest of the line, or the lines below up to the next label. */
function paragraphFields(source: string, start: number, end: number): FilledField[] {
  const lines = splitLines(source, start, end)
  const labels = lines.map((line) => readLabel(line))
  return lines.flatMap((_line, index) => {
    const label = labels[index]
    if (!label || label.bare || !isFieldLabel(label.title)) return []
    let value = label.rest
    if (value.text === '') {
      const stop = labels.findIndex((other, at) => at > index && other !== undefined && !other.bare)
      const last = lines[(stop === -1 ? lines.length : stop) - 1]
      if (last && last !== lines[index]) value = slice(source, lines[index + 1]?.start ?? last.start, last.start + last.text.length)
    }
    return [{key: titleKey(label.title), label: label.titleSpan, value}]
  })
}

/** Two-column rows (`| Owner | Ana |`) and columns of a table (`| Owner |` over rows). */
function tableFields(rows: {head: Span; body: Span[]}): FilledField[] {
  const headers = cellsOf(rows.head)
  const cells = rows.body.map((row) => cellsOf(row))
  const byRow = headers.length === 2 ? cells.flatMap(([key, value]) => (key && value && isFieldLabel(bare(key.text)) ? [{key: titleKey(bare(key.text)), label: key, value}] : [])) : []
  const byColumn = headers.flatMap((header, column) => {
    const filled = cells.map((row) => row[column]).find((cell) => cell && bare(cell.text) !== '')
    return isFieldLabel(bare(header.text)) ? [{key: titleKey(bare(header.text)), label: header, value: filled ?? {text: '', start: header.start}, column: true}] : []
  })
  return [...byRow, ...byColumn]
}

function span(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

/** Every field a document states, in the body and in its front matter. */
export function filledFields(tree: Root, source: string): FilledField[] {
  const found: FilledField[] = []
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'table') return
    const range = span(node)
    if (!range) return
    const rows = tableRows(source, range[0], range[1])
    found.push(...(rows ? tableFields(rows) : node.type === 'paragraph' ? paragraphFields(source, range[0], range[1]) : []))
  })
  const frontMatter = readFrontMatter(tree, source)
  for (const field of frontMatter ? frontMatterFields(frontMatter) : []) {
    found.push({key: titleKey(field.name.replace(/[_-]/g, ' ')), label: field.key, value: field.value ?? {text: '', start: field.key.start + field.key.text.length}})
  }
  return found
}

/**
 * The fields a template asks for: its labels that are neither a section
 * (`Summary:`) nor guidance (`Note:`), once each, in order.
 */
export function templateFields(tree: Root, source: string, model: PostmortemModel): TemplateField[] {
  const sectionStarts = new Set(model.sections.map((section) => section.titleSpan.start))
  const seen = new Set<string>()
  return filledFields(tree, source).flatMap((field) => {
    if (field.column || field.key === '' || seen.has(field.key) || sectionStarts.has(field.label.start)) return []
    seen.add(field.key)
    return [{label: bare(field.label.text).replace(/:$/, ''), key: field.key}]
  })
}

/** "## Date" over "2024-06-03": a field written as a heading, its value the text up to the next title. */
function headingFields(model: PostmortemModel): FilledField[] {
  const titled = model.titledLines()
  return titled.flatMap((line, index) => {
    if (!isFieldLabel(line.title)) return []
    const start = line.marker.start + line.marker.text.length
    const end = titled[index + 1]?.marker.start ?? model.source.length
    return [{key: titleKey(line.title), label: line.marker, value: slice(model.source, start, end)}]
  })
}

export interface FieldGap {
  field: TemplateField
  /** The label left without a value; none when the postmortem lacks the field. */
  empty?: Span
}

/** The template's fields a postmortem lacks, or states without a value (under every label it gives the field). */
export function templateFieldGaps(model: PostmortemModel, fields: readonly TemplateField[]): FieldGap[] {
  const byKey = new Map<string, FilledField[]>()
  for (const field of [...model.fields(), ...headingFields(model)]) byKey.set(field.key, [...(byKey.get(field.key) ?? []), field])
  return fields.flatMap((field) => {
    const filled = byKey.get(field.key) ?? []
    if (filled.length === 0) return [{field}]
    const empty = filled.every((candidate) => !/[\p{L}\p{N}]/u.test(candidate.value.text))
    return empty && filled[0] ? [{field, empty: filled[0].label}] : []
  })
}
