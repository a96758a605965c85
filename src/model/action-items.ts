import {memoPerObject} from './support/memo.js'
import type {List, ListItem, Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {PostmortemModel} from './model.js'
import {type ProseBlock, type Word, isHandle, proseOf, sentencesOf} from './text/prose.js'
import {type Span, slice, spanEnd, splitLines, stripLeadingMarkup, stripTrailingMarkup, subspan} from './text/text.js'
import {cellsOf, isDelimiterRow} from './text/tables.js'
import {findTimes} from './time/time.js'
import {appendAll} from './support/arrays.js'

/**
 * The action items of a postmortem: the items of the lists (or the rows of
 * the tables, or, without either, the lines that start with an action verb)
 * in its action-items sections, each with what makes it trackable: an owner,
 * a tracking reference and a due date.
 */
export interface ActionItem {
  /** The item's first line, markup stripped: where it is reported. */
  line: Span
  /** What the item asks for, its label ("**Monitoring:**") left out. */
  action: Span
  owner?: Span
  tracking?: Span
  due?: Span
  /** Marked done ("(done)", `[x]`) or told as done ("was updated", "Added …"): it needs no owner. */
  done: boolean
}

export interface ActionItemOptions {
  /** Words that start an item without saying what will be done ("improve"). */
  vagueVerbs: readonly string[]
}

export const DEFAULT_VAGUE_VERBS: readonly string[] = [
  'improve', 'improved', 'improving', 'enhance', 'enhanced', 'enhancing', 'better', 'more', 'strengthen', 'increase',
  'increased', 'optimize', 'optimise', 'boost', 'investigate', 'consider', 'explore', 'revisit', 'rethink', 'look', 'work'
]

// A vague verb with this many words or fewer says nothing concrete ("Improve our monitoring").
const VAGUE_MAX_WORDS = 4

// Verbs that start an action; in a section written as lines of text, a line starting with one is an item.
const ACTION_VERBS = new Set([
  'add', 'alert', 'audit', 'automate', 'backfill', 'block', 'build', 'change', 'check', 'conduct', 'configure',
  'create', 'deactivate', 'define', 'delete', 'deploy', 'develop', 'disable', 'document', 'enable', 'enforce',
  'ensure', 'establish', 'fix', 'implement', 'install', 'institute', 'introduce', 'limit', 'migrate', 'monitor',
  'move', 'patch', 'perform', 'pin', 'reduce', 'remove', 'rename', 'replace', 'require', 'restrict', 'review',
  'roll', 'rotate', 'run', 'schedule', 'set', 'setup', 'split', 'test', 'train', 'update', 'upgrade', 'use',
  'validate', 'verify', 'write', 'improve', 'enhance', 'strengthen', 'increase', 'optimize', 'optimise', 'harden'
])

const OWNER_LABEL = /\b(?:owners?|assignees?|assigned to|dri|poc|responsible)\s{0,2}(?::|-|–|\bis\b)?\s{0,3}(?=[\p{L}@[])/iu
const ISSUE_NUMBER = /(?<![\p{L}\p{N}_&#/])#\d{1,7}(?![\p{L}\p{N}_])/u
const TICKET_KEY = /(?<![\p{L}\p{N}_-])([A-Z][A-Z0-9]{1,9})-\d{1,7}(?![\p{L}\p{N}_])/gu
// Prefixes of things that look like ticket keys and are not: zones, standards, severities, hashes.
const NOT_TICKETS = new Set([
  'UTC', 'GMT', 'SEV', 'ISO', 'UTF', 'SHA', 'TLS', 'SSL', 'CVE', 'COVID', 'IPV', 'HTTP', 'MD', 'AES', 'RSA', 'EST',
  'EDT', 'PST', 'PDT', 'CST', 'CDT', 'MST', 'MDT', 'CET', 'CEST', 'EAT', 'WAT', 'SAST', 'IST', 'BST', 'JST', 'AM', 'PM'
])
const BARE_URL = /\bhttps?:\/\/[^\s<>"'`)\]]{1,2048}/
const DUE_LABEL = /\b(?:due|deadline|eta|target date)\s{0,2}:?\s{0,3}(?=\S)/i
const DONE_NOTE = /\((?:done|fixed|finished|completed?|resolved|merged|shipped|added|implemented)\b/i
const DONE_MARK = /\bDONE\b|^\s{0,3}(?:[-+*]\s{1,4})?(?:\[[xX]\]|~~|✅|☑|✔)/u
// "The script was updated to …": told as done, within the first words.
const PASSIVE_WITHIN = 9
const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'been'])
const NOT_PARTICIPLES = new Set(['not', 'never', 'to', 'being', 'a', 'an', 'the', 'no'])
// "We added …", "The team implemented …".
const DOING_US = new Set(['we', 'i', 'they', 'team'])
// A label before the item's text: "**Monitoring:** add…", "Improvements: add…".
const ITEM_LABEL = /^(?:\*\*|__)[^*_\n]{1,60}?(?::\s{0,3}(?:\*\*|__)|(?:\*\*|__)\s{0,3}:?)\s{1,3}(?=\S)|^[^*_:,.\n]{1,40}:\s{1,3}(?=\S)/u
const LEADING_SYMBOLS = /^(?:[\s>]|\d{1,3}[.)]\s|[-+*•](?=\s)|\[[ xX]\]\s|\p{Extended_Pictographic}|\uFE0F|\u200D)*/u
// An item that is only a template's bracketed prompt ("[Preventive action 1]").
const BRACKETED = /^\[[^\]]{1,120}\]$/
// A list under "Examples:" shows what items could be; it has none.
const EXAMPLES_LEAD = /\b(?:examples?|for example|for instance|e\.g\.)\s{0,2}:\s{0,3}$/i

// Column titles of an action-items table.
const ACTION_COLUMN = /^(?:actions?|action items?|tasks?|items?|description|what)$/i
const OWNER_COLUMN = /^(?:owners?|who|assignees?|assigned to|dri|responsible)$/i
const TRACKING_COLUMN = /^(?:ticket|issue|bug|bug #|link|tracking|jira|pr)$/i
const DUE_COLUMN = /^(?:due|due date|deadline|eta|target date)$/i
const STATUS_COLUMN = /^(?:status|state|done)$/i
const DONE_STATUS = /^(?:done|closed|complete|completed|fixed|resolved|✅|\[x\])$/i

function offsets(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

function firstMatch(span: Span, pattern: RegExp): Span | undefined {
  const match = pattern.exec(span.text)
  return match ? subspan(span, match.index, match.index + match[0].length) : undefined
}

function ticketIn(span: Span): Span | undefined {
  for (const match of span.text.matchAll(TICKET_KEY)) {
    if (!NOT_TICKETS.has(match[1] ?? '')) return subspan(span, match.index, match.index + match[0].length)
  }
  return undefined
}

function linkIn(node: Nodes | undefined, source: string): Span | undefined {
  if (!node) return undefined
  if (node.type === 'link' || node.type === 'linkReference') {
    const range = offsets(node)
    return range ? slice(source, range[0], range[1]) : undefined
  }
  if ('children' in node) {
    for (const child of node.children) {
      const found = linkIn(child as Nodes, source)
      if (found) return found
    }
  }
  return undefined
}

function ownerIn(span: Span): Span | undefined {
  const label = OWNER_LABEL.exec(span.text)
  if (label) {
    const value = subspan(span, label.index + label[0].length)
    // The name ends at a comma, a sentence's end, a bracket or a dash.
    const end = value.text.search(/[,;)\n]|\.\s|\s\(|\s[-–—]\s|$/)
    const owner = stripTrailingMarkup(subspan(value, 0, end))
    // "Owner: [Name]" is the template's, not an owner.
    if (owner.text !== '' && !BRACKETED.test(owner.text)) return owner
  }
  const handle = sentencesOf(span).flat().find((word) => isHandle(word.text))
  return handle ? {text: handle.text, start: handle.start} : undefined
}

function trackingIn(span: Span, node: Nodes | undefined, source: string): Span | undefined {
  return linkIn(node, source) ?? firstMatch(span, ISSUE_NUMBER) ?? ticketIn(span) ?? firstMatch(span, BARE_URL)
}

function dueIn(span: Span): Span | undefined {
  const dated = findTimes(span).find((mention) => mention.date)
  return dated?.span ?? firstMatch(span, DUE_LABEL)
}

/** The item's own text after its bullet, numbering, checkbox, emoji and label. */
function actionOf(line: Span): Span {
  const lead = LEADING_SYMBOLS.exec(line.text)?.[0].length ?? 0
  const text = stripLeadingMarkup(subspan(line, lead))
  const label = ITEM_LABEL.exec(text.text)
  return stripTrailingMarkup(label ? subspan(text, label[0].length) : text)
}

/** The first word of an action, adverbs ("regularly") passed over. */
function verbOf(action: Span): Word | undefined {
  const [words] = sentencesOf(action)
  return words?.find((word) => !word.lower.endsWith('ly'))
}

/** "Added …", "Conducted …": a past form of an action verb. */
function isPastVerb(word: Word | undefined): boolean {
  const lower = word?.lower ?? ''
  if (!lower.endsWith('ed')) return false
  const stems = [lower.slice(0, -1), lower.slice(0, -2), lower.slice(0, -3), lower.replace(/ied$/, 'y')]
  return stems.some((stem) => ACTION_VERBS.has(stem))
}

/** "The script was updated", "We added…": the action is told as done. */
function isToldAsDone(action: Span): boolean {
  const [words = []] = sentencesOf(action)
  const passive = words.slice(0, PASSIVE_WITHIN).some((word, index) => {
    const next = words[index + 1]
    return PASSIVE_AUXILIARIES.has(word.lower) && next !== undefined && !NOT_PARTICIPLES.has(next.lower) && next.lower.length > 1
  })
  // "We added…", "The team then implemented…".
  const subject = words.findIndex((word, index) => index < 3 && DOING_US.has(word.lower))
  const verb = subject >= 0 ? words.slice(subject + 1, subject + 3).find((word) => !word.lower.endsWith('ly') && word.lower !== 'then') : undefined
  return passive || (verb !== undefined && verb.lower.endsWith('ed'))
}

function itemOf(line: Span, whole: Span, node: Nodes | undefined, source: string): ActionItem {
  const action = actionOf(line)
  const item: ActionItem = {
    line: stripTrailingMarkup(stripLeadingMarkup(line)),
    action,
    done: DONE_NOTE.test(whole.text) || DONE_MARK.test(whole.text) || isToldAsDone(action)
  }
  const owner = ownerIn(whole)
  const tracking = trackingIn(whole, node, source)
  const due = dueIn(whole)
  if (owner) item.owner = owner
  if (tracking) item.tracking = tracking
  if (due) item.due = due
  return item
}

/** A list item that only names a group of items ("- **Tasks:**" with a list under it). */
function isGroupLabel(line: Span): boolean {
  const text = stripTrailingMarkup(stripLeadingMarkup(line)).text
  return text.endsWith(':') || /^(?:\*\*|__)[^*_]{1,80}(?:\*\*|__)$/.test(text) || text === ''
}

function listItems(list: List, source: string, items: ActionItem[]): void {
  const own: ActionItem[] = []
  for (const child of list.children) listItem(child, source, own, items)
  // A list whose every item starts with a past verb tells what was done ("Added…", "Conducted…").
  if (own.length >= 2 && own.every((item) => isPastVerb(verbOf(item.action)))) for (const item of own) item.done = true
  appendAll(items, own)
}

function listItem(item: ListItem, source: string, own: ActionItem[], items: ActionItem[]): void {
  const range = offsets(item)
  if (!range) return
  const [first] = item.children
  const firstRange = first ? offsets(first) : undefined
  const nested = item.children.filter((child): child is List => child.type === 'list')
  const head = firstRange && first?.type === 'paragraph' ? splitLines(source, firstRange[0], firstRange[1])[0] : undefined
  if (!head || (isGroupLabel(head) && (nested.length > 0 || item.children.length === 1))) {
    for (const list of nested) listItems(list, source, items)
    return
  }
  if (BRACKETED.test(head.text.trim())) return
  own.push(itemOf(head, slice(source, range[0], range[1]), item, source))
}

/** Rows of a pipe table, as items, reading the owner, ticket, due date and status from their columns. */
function tableItems(table: Span, source: string): ActionItem[] {
  const lines = splitLines(source, table.start, spanEnd(table)).filter((line) => line.text.trim() !== '')
  const [header, delimiter, ...rows] = lines
  if (!header || !delimiter || !isDelimiterRow(delimiter)) return []
  const titles = cellsOf(header).map((title) => title.text.replace(/[*_`]/g, '').trim())
  const column = (pattern: RegExp): number => titles.findIndex((title) => pattern.test(title))
  const actionColumn = Math.max(0, column(ACTION_COLUMN))
  const items: ActionItem[] = []
  for (const row of rows) {
    const cells = cellsOf(row)
    const action = cells[actionColumn]
    if (!action || action.text === '' || BRACKETED.test(action.text)) continue
    const cell = (pattern: RegExp): Span | undefined => {
      const found = cells[column(pattern)]
      return found && found.text !== '' && !BRACKETED.test(found.text) ? found : undefined
    }
    const item = itemOf(row, row, undefined, source)
    item.action = action
    const owner = cell(OWNER_COLUMN)
    const tracking = cell(TRACKING_COLUMN)
    const due = cell(DUE_COLUMN)
    if (owner) item.owner = owner
    if (tracking) item.tracking = tracking
    if (due) item.due = due
    if (DONE_STATUS.test(cell(STATUS_COLUMN)?.text ?? '')) item.done = true
    items.push(item)
  }
  return items
}

/** Lines that start with an action verb, in a section that has neither list nor table. */
function proseItems(block: ProseBlock, source: string, start: number, end: number): ActionItem[] {
  // A label line ("Corrective Measures:") may open the section inside the paragraph.
  const lines = splitLines(source, block.raw.start, spanEnd(block.raw)).filter((line) => line.text.trim() !== '' && line.start >= start && line.start < end)
  // Lines that each end a sentence are items of their own; wrapped prose is one item.
  const separate = lines.slice(0, -1).every((line) => /[.:!?)]\s*$/.test(line.text))
  const units = separate ? lines : [block.raw]
  const items: ActionItem[] = []
  for (const unit of units) {
    const [first] = splitLines(source, unit.start, spanEnd(unit))
    if (!first) continue
    const text = stripTrailingMarkup(first).text
    // Labels ("Tasks:"), introductions ("…the following:") and exclamations are not items.
    if (text.endsWith(':') || text.endsWith('!')) continue
    const verb = verbOf(actionOf(first))?.lower ?? ''
    if (ACTION_VERBS.has(verb)) items.push(itemOf(first, unit, block.node, source))
  }
  return items
}

function isTable(block: ProseBlock, source: string): boolean {
  const delimiter = splitLines(source, block.raw.start, spanEnd(block.raw))[1]
  return block.node.type === 'paragraph' && delimiter !== undefined && isDelimiterRow(delimiter)
}

/** The outermost lists and tables in `[start, end)`, lists of examples left out. */
function containersIn(tree: Root, start: number, end: number): Nodes[] {
  const found: Nodes[] = []
  const visit = (node: Nodes, previous: Nodes | undefined): void => {
    const range = offsets(node)
    if (range && (range[1] <= start || range[0] >= end)) return
    if ((node.type === 'list' || node.type === 'table') && range && range[0] >= start) {
      const examples = node.type === 'list' && previous?.type === 'paragraph' && EXAMPLES_LEAD.test(toString(previous))
      if (!examples) found.push(node)
      return
    }
    if ('children' in node) node.children.forEach((child, index) => visit(child as Nodes, node.children[index - 1] as Nodes | undefined))
  }
  visit(tree, undefined)
  return found
}

// One reading per model (itself one per tree and synonyms) and options.
const readings = memoPerObject<PostmortemModel, ActionItem[]>()

export function actionItemsOf(tree: Root, model: PostmortemModel, options: ActionItemOptions): ActionItem[] {
  return readings(model, JSON.stringify(options), () => readActionItems(tree, model, options))
}

function readActionItems(tree: Root, model: PostmortemModel, options: ActionItemOptions): ActionItem[] {

  const source = model.source
  const blocks = proseOf(tree, source)
  const items: ActionItem[] = []
  for (const section of model.sectionsOf('action-items')) {
    const start = section.contentStart
    const end = section.contentEnd
    const inSection = blocks.filter((block) => block.raw.start >= start && block.raw.start < end)
    const overlapping = blocks.filter((block) => block.raw.start < end && spanEnd(block.raw) > start)
    const containers = containersIn(tree, start, end)
    const tables = inSection.filter((block) => isTable(block, source))
    for (const container of containers) {
      const range = offsets(container)
      if (container.type === 'list') listItems(container, source, items)
      else if (range) appendAll(items, tableItems(slice(source, range[0], range[1]), source))
    }
    for (const table of tables) appendAll(items, tableItems(table.raw, source))
    if (containers.length > 0 || tables.length > 0) continue
    for (const block of overlapping) if (block.node.type === 'paragraph') appendAll(items, proseItems(block, source, start, end))
  }
  // A section inside another ("- **Action Items:**" under "## Corrective Measures") lists its items once.
  const seen = new Set<number>()
  const unique = items
    .filter((item) => {
      if (seen.has(item.line.start)) return false
      seen.add(item.line.start)
      return true
    })
    .sort((a, b) => a.line.start - b.line.start)
  return unique
}

/** Whether an item names an action no one could check was done: a vague verb and almost nothing after it. */
export function isVague(item: ActionItem, options: ActionItemOptions): boolean {
  const [words = []] = sentencesOf(item.action)
  const first = words[0]
  if (!first || !options.vagueVerbs.includes(first.lower)) return false
  const extras = [item.owner, item.tracking, item.due].filter((span): span is Span => span !== undefined && span.start > first.start)
  const counted = words.filter((word) => !extras.some((span) => word.start >= span.start && word.start < spanEnd(span)) && !/^\d+$/.test(word.text))
  return counted.length <= VAGUE_MAX_WORDS
}

/** The action as a message quotes it: up to the owner, reference or date written after it. */
export function actionText(item: ActionItem): Span {
  const cut = [item.owner, item.tracking, item.due]
    .filter((span): span is Span => span !== undefined && span.start > item.action.start && span.start < spanEnd(item.action))
    .reduce((end, span) => Math.min(end, span.start), spanEnd(item.action))
  const text = subspan(item.action, 0, cut - item.action.start)
  let kept = text.text.length
  while (kept > 0 && ' \t-–—,;:(['.includes(text.text.charAt(kept - 1))) kept--
  return subspan(text, 0, kept)
}
