import type {Root} from 'mdast'
import {type Document, type Node as YamlNode, isMap, isScalar, isSeq, parseDocument} from 'yaml'
import type {FactLabelMention} from './sections/sections.js'
import type {FactLabel} from './sections/synonyms.js'
import {type Span, slice, subspan} from './text/text.js'
import {memoPerObject} from './support/memo.js'

/**
 * The YAML front matter of a postmortem, read from the `yaml` node of
 * remark-frontmatter or, when the processor has no such plugin, from the
 * `---` fenced block at the very start of the source (which remark-parse
 * alone reads as a thematic break and a heading).
 */
export interface FrontMatter {
  /** The whole block, fences included. */
  block: Span
  /** The YAML between the fences. */
  yaml: Span
  /** The closing fence line: where a missing field goes. */
  closing: Span
  document: Document.Parsed
}

/** A field of the front matter as written: its key, and its value when it has one. */
export interface FrontMatterField {
  name: string
  key: Span
  value?: Span
  /** The value as YAML reads it: a string, number, boolean, Date, array or object; null when empty. */
  data: unknown
}

export interface FrontMatterProblem {
  span: Span
  /** Where it is: the span, or the point it is at when it spans nothing (a bracket never closed). */
  place: Span | {start: number}
  /** The parser's message, first line. */
  message: string
}

const OPENING = /^---[ \t]{0,20}\r?\n/
const CLOSING = /^(?:---|\.\.\.)[ \t]{0,20}$/

// Without remark-frontmatter, a `---` block is front matter only if it reads as fields:
// a document may also open with a thematic break.
const FIRST_FIELD = /^\s{0,20}(?:#[^\n]{0,500}\n\s{0,20}){0,20}[\w"'-][^:\n]{0,100}:(?:\s|$)/

function fromYamlNode(tree: Root, source: string): FrontMatter | undefined {
  const [first] = tree.children
  if (first?.type !== 'yaml') return undefined
  const start = first.position?.start.offset
  const end = first.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  return fenced(source, start, end)
}

/** The block `---` … `---` starting at `start`, if it closes before `limit`. */
function fenced(source: string, start: number, limit: number): FrontMatter | undefined {
  const opening = OPENING.exec(source.slice(start, limit))
  if (!opening) return undefined
  const yamlStart = start + opening[0].length
  let lineStart = yamlStart
  while (lineStart <= limit) {
    const newline = source.indexOf('\n', lineStart)
    const lineEnd = newline === -1 || newline > limit ? limit : newline
    const line = source.slice(lineStart, lineEnd).replace(/\r$/, '')
    if (CLOSING.test(line)) {
      const yamlEnd = Math.max(yamlStart, lineStart - (source.charAt(lineStart - 2) === '\r' ? 2 : 1))
      const yaml = slice(source, yamlStart, yamlEnd)
      return {
        block: slice(source, start, lineStart + line.length),
        yaml,
        closing: slice(source, lineStart, lineStart + line.length),
        document: parseDocument(yaml.text, {prettyErrors: false})
      }
    }
    if (lineEnd >= limit) return undefined
    lineStart = lineEnd + 1
  }
  return undefined
}

// One reading per tree.
const memo = memoPerObject<Root, FrontMatter | undefined>()

export function readFrontMatter(tree: Root, source: string): FrontMatter | undefined {
  return memo(tree, 'front matter', () => {
    const raw = fenced(source, 0, source.length)
    return fromYamlNode(tree, source) ?? (raw && FIRST_FIELD.test(raw.yaml.text) ? raw : undefined)
  })
}

function spanOfNode(frontMatter: FrontMatter, node: YamlNode | null | undefined): Span | undefined {
  const range = node?.range
  if (!range) return undefined
  return {text: frontMatter.yaml.text.slice(range[0], range[1]), start: frontMatter.yaml.start + range[0]}
}

/** The first syntax error, or a top level that is not a mapping. */
export function frontMatterProblem(frontMatter: FrontMatter): FrontMatterProblem | undefined {
  const [error] = frontMatter.document.errors
  if (error) {
    const [from, to] = error.pos
    const start = Math.min(from, frontMatter.yaml.text.length)
    const end = Math.max(start, Math.min(to, frontMatter.yaml.text.length))
    const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML'
    return problemAt({text: frontMatter.yaml.text.slice(start, end), start: frontMatter.yaml.start + start}, message)
  }
  const contents = frontMatter.document.contents
  if (contents !== null && !isMap(contents)) {
    return problemAt(spanOfNode(frontMatter, contents) ?? frontMatter.yaml, 'the front matter is not a mapping of fields')
  }
  return undefined
}

function problemAt(span: Span, message: string): FrontMatterProblem {
  return {span, place: span.text === '' ? {start: span.start} : span, message}
}

/** The fields at the top level of the front matter, in order. */
export function frontMatterFields(frontMatter: FrontMatter): FrontMatterField[] {
  const contents = frontMatter.document.contents
  if (!isMap(contents)) return []
  const fields: FrontMatterField[] = []
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null
    const key = spanOfNode(frontMatter, keyNode)
    if (!isScalar(keyNode) || !key) continue
    const valueNode = pair.value as YamlNode | null
    const value = spanOfNode(frontMatter, valueNode)
    const field: FrontMatterField = {name: String(keyNode.value), key, data: valueNode ? valueNode.toJSON() : null}
    // An empty value ("status:") has a range of no length.
    if (value && value.text.trim() !== '') field.value = value
    if (isSeq(valueNode) || isMap(valueNode) || isScalar(valueNode)) fields.push(field)
    else fields.push({...field, data: null})
  }
  return fields
}

/**
 * Front matter fields that state a fact as a label line would: `started_at`,
 * `resolvedWhen`, `end-time`. A key's words are read like a label's title
 * (`resolvedWhen` is "resolved when"); without a match, its first word alone
 * (`resolved`), since keys pad a label with "at", "when" or "time".
 */
export function frontMatterFactLabels(tree: Root, source: string, factLabel: (title: string) => FactLabel | undefined): FactLabelMention[] {
  const frontMatter = readFrontMatter(tree, source)
  if (!frontMatter || frontMatterProblem(frontMatter)) return []
  const labels: FactLabelMention[] = []
  for (const field of frontMatterFields(frontMatter)) {
    // Lists and maps state no single moment.
    if (!field.value || (typeof field.data === 'object' && !(field.data instanceof Date))) continue
    const words = field.name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase()
    const label = factLabel(words) ?? factLabel(words.split(' ')[0] ?? '')
    if (label) labels.push({label, marker: field.key, content: field.value, inFrontMatter: true})
  }
  return labels
}

/** The value of the front matter's `title` field, where a post keeps the title its body has no heading for. */
export function frontMatterTitle(tree: Root, source: string): Span | undefined {
  const frontMatter = readFrontMatter(tree, source)
  if (!frontMatter || frontMatterProblem(frontMatter)) return undefined
  const value = frontMatterFields(frontMatter).find((field) => field.name.toLowerCase() === 'title' && typeof field.data === 'string')?.value
  // `title: "Checkout outage"`: the title is what the quotes hold.
  const quote = value?.text.charAt(0)
  return value && (quote === '"' || quote === "'") && value.text.length > 1 && value.text.endsWith(quote) ? subspan(value, 1, value.text.length - 1) : value
}

/** The fields a postmortem's front matter has, and the statuses and severities it takes, unless a team says otherwise. */
export const DEFAULT_FIELDS: readonly string[] = ['title', 'date', 'status', 'severity', 'authors']
export const DEFAULT_STATUSES: readonly string[] = ['draft', 'in review', 'final']
export const DEFAULT_SEVERITIES: readonly string[] = ['SEV0', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5', 'P0', 'P1', 'P2', 'P3', 'P4', 'critical', 'high', 'medium', 'low']

/** The values `status` and `severity` may take. */
export interface AllowedValues {
  statuses: readonly string[]
  severities: readonly string[]
}

// `2024-03-05`, optionally with a time: `2024-03-05T14:30:00Z`, `2024-03-05 14:30+02:00`.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/** `In-Review`, `in_review` and `in review` are one status; `SEV-1` and `sev1` one severity. */
function normalize(value: string): string {
  return value.toLowerCase().replace(/[\s_-]+/g, ' ').trim()
}

function compact(value: string): string {
  return normalize(value).replaceAll(' ', '')
}

function isCalendarDate(data: unknown): boolean {
  if (data instanceof Date) return !Number.isNaN(data.getTime())
  if (typeof data !== 'string') return false
  const match = ISO_DATE.exec(data.trim())
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function isText(data: unknown): data is string | number {
  return (typeof data === 'string' && data.trim() !== '') || typeof data === 'number'
}

/** Whether a field is there without a value (`status:`, `status: ''`). */
export function isEmptyField(field: FrontMatterField): boolean {
  return field.data === null || field.data === undefined || field.data === ''
}

/** What a field's value is not, for the fields whose values are known. */
export type FieldValueProblem = 'not a date' | 'not an allowed status' | 'not an allowed severity' | 'not names' | 'not text'

/**
 * Reads a field's value: `date` a calendar date, `status` and `severity` one
 * of the allowed values however they are cased or joined (`In-Review`,
 * `SEV-1`), `authors` a name or a list of names, anything else text.
 */
export function fieldValueProblem(field: FrontMatterField, allowed: AllowedValues): FieldValueProblem | undefined {
  switch (field.name) {
    case 'date':
      return isCalendarDate(field.data) ? undefined : 'not a date'
    // An empty list allows any text: a team's own scale (`S2`, `Major`, `published`).
    case 'status':
      if (allowed.statuses.length === 0) return isText(field.data) ? undefined : 'not text'
      return isText(field.data) && allowed.statuses.some((status) => normalize(status) === normalize(String(field.data))) ? undefined : 'not an allowed status'
    case 'severity':
      if (allowed.severities.length === 0) return isText(field.data) ? undefined : 'not text'
      return isText(field.data) && allowed.severities.some((severity) => compact(severity) === compact(String(field.data))) ? undefined : 'not an allowed severity'
    case 'authors': {
      const names = Array.isArray(field.data) ? field.data : [field.data]
      return names.length > 0 && names.every(isText) ? undefined : 'not names'
    }
    default:
      return isText(field.data) || (Array.isArray(field.data) && field.data.length > 0) || field.data instanceof Date ? undefined : 'not text'
  }
}

/** Whether two field names are one word in the singular and the plural: `author` and `authors`. */
function sameWord(one: string, other: string): boolean {
  return one === `${other}s` || other === `${one}s`
}

/** What is wrong with a field: missing or empty where it is required, or a value not of the form its field takes. */
export interface FieldProblem {
  name: string
  problem: 'missing' | 'empty' | FieldValueProblem
  /** At the closing fence for a missing field, at the key of an empty one, at the value of a wrong one. */
  place: Span
  /** The value as written, when there is one. */
  value?: Span
  /** The values the field may take, for `status` and `severity`. */
  allowed: readonly string[]
}

/**
 * The fields of `required.fields` the front matter lacks or leaves empty, in
 * their order; then, in the front matter's order, each value not of the form
 * its field takes, of the required fields and the usual ones (`DEFAULT_FIELDS`).
 * Other fields (`layout`, `tags`) are left alone.
 */
export function fieldProblems(frontMatter: FrontMatter, required: {fields: readonly string[]} & AllowedValues): FieldProblem[] {
  const fields = frontMatterFields(frontMatter)
  const gaps = required.fields.flatMap((name): FieldProblem[] => {
    // `author: Jane Doe` is the `authors` field in the singular, as blogs write it.
    const field = fields.find((candidate) => candidate.name === name) ?? fields.find((candidate) => sameWord(candidate.name, name))
    if (!field) return [{name, problem: 'missing', place: frontMatter.closing, allowed: []}]
    return isEmptyField(field) ? [{name, problem: 'empty', place: field.key, allowed: []}] : []
  })
  const wrong = fields.flatMap((field): FieldProblem[] => {
    if (isEmptyField(field) || (!required.fields.includes(field.name) && !DEFAULT_FIELDS.includes(field.name))) return []
    const problem = fieldValueProblem(field, required)
    const allowed = problem === 'not an allowed status' ? required.statuses : problem === 'not an allowed severity' ? required.severities : []
    return problem ? [{name: field.name, problem, place: field.value ?? field.key, value: field.value, allowed}] : []
  })
  return [...gaps, ...wrong]
}

const EXAMPLE_VALUES: Readonly<Record<string, string>> = {
  title: '`title: Checkout outage`',
  date: '`date: 2024-03-05`',
  status: '`status: draft`',
  severity: '`severity: SEV2`',
  authors: '`authors: [Jane Doe]`'
}

/** A field as a postmortem might write it, in backticks, to show what a missing or empty field looks like filled in. */
export function fieldExample(name: string): string {
  return EXAMPLE_VALUES[name] ?? `\`${name}: …\``
}
