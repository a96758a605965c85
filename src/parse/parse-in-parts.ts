/**
 * Parsing a long document in independent parts. micromark, under
 * remark-parse, rebuilds its whole list of events each time a list or a block
 * quote ends and for each setext heading, so its time grows with the length
 * of the document times the number of such constructs: 10 MB of postmortems
 * gathered in one file took 30 to 80 times as long as 1 MB. Parsed in parts of
 * some kilobytes each, the cost stays linear.
 *
 * micromark also keeps every event of the document until its end, some
 * kilobytes per line (3.4 GB for a 10 MB list timeline); in parts, it holds
 * the events of one part at a time, and only the tree stays.
 *
 * Markdown is read line by line, and some lines start afresh whatever came
 * before them, as long as nothing before them is left open (a fence, an HTML
 * block, a container of some extension): a top-level ATX heading
 * (`## Timeline`); an item of a top-level list (`- 10:05 ...` in a long
 * timeline), whose list goes on in the next part and is joined back into
 * one list; and a line after a blank line that starts a top-level node (a
 * paragraph under a bold heading). The document can be cut before such a
 * line and each part parsed alone. That is checked, not assumed: each part
 * is parsed with the line that follows it, which must come out as a
 * top-level heading, the next item of the list that ends the part, or
 * (with the line after it, which may underline it) the very node those
 * lines start alone at the start of a document (micromark reads some lines
 * after indented code unlike at the start), starting on that line; where it
 * does not, the part runs on to a later cut. The next part, parsed alone,
 * must start with a node of that kind (else the whole document is parsed). A list's `spread` is the whole list's: mdast-util-from-markdown
 * makes a list spread when a blank line is between any two of its items,
 * which the part before a cut sees (it is parsed with the next item), and an
 * item spread by its own lines. Two things reach across any cut, and are
 * handled whole:
 *
 * - front matter left open in the first part, which remark-frontmatter would
 *   close further on: the whole document is parsed;
 * - definitions (`[id]: url`, `[^note]: text`), which turn `[id]` anywhere
 *   into a reference: a part that may name a definition of another part is
 *   parsed again with copies of those definitions beside it.
 *
 * The tree is then the tree of a whole parse, node for node and position for
 * position (test/parse-in-parts.test.ts). The language server's incremental
 * parser (src/clients/language-server/incremental.ts) shares the helpers
 * below, list cuts and joins included. This is a parser concern, below the
 * model: extractFacts(markdown), the presets (for `remark`) and every client
 * parse long documents so.
 */
import type {List, Nodes, Root, RootContent} from 'mdast'
import type {Point} from 'unist'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {compactNodes, compactTree} from './compact-tree.js'

export type Parse = (text: string) => Root

export interface PartsOptions {
  /** Documents shorter than this (in characters) are parsed whole: 256 K. */
  minLength?: number
  /** The length a part reaches before it is cut at the next heading or list item: 8 K. */
  partLength?: number
  /**
   * Called with each text before it is parsed: a part, a part again with
   * what reaches it from others, or the whole document. It may throw to
   * stop the parse (postmortem-lint refuses a text that would need too much
   * memory, src/clients/cli/text-guard.ts).
   */
  beforeParse?: (text: string) => void
}

// Below this, a whole parse takes a fraction of a second: parts gain nothing.
export const DEFAULT_MIN_LENGTH = 256 * 1024
// Parts of this length parse in linear time, and a part's fixed cost is small.
export const DEFAULT_PART_LENGTH = 8 * 1024

export const FRONTMATTER_FENCE = /^(?:---|\+\+\+)/
const FRONTMATTER_TYPES: ReadonlySet<string> = new Set(['yaml', 'toml'])
const DEFINITION_TYPES: ReadonlySet<string> = new Set(['definition', 'footnoteDefinition'])

export function hasDefinition(nodes: readonly Nodes[]): boolean {
  for (const node of nodes) {
    if (DEFINITION_TYPES.has(node.type)) return true
    if ('children' in node && hasDefinition(node.children)) return true
  }
  return false
}

/**
 * Whether `text` opens front matter that `first`, its first node, does not
 * close: remark-frontmatter then parses the rest of the document unlike any
 * part of it parsed alone (`- a` lists become paragraphs).
 */
export function opensFrontmatter(text: string, first: RootContent | undefined): boolean {
  return FRONTMATTER_FENCE.test(text) && !FRONTMATTER_TYPES.has(first?.type ?? '')
}

export function shiftedPoint(point: Point, lines: number, offset: number): Point {
  return point.offset === undefined
    ? {line: point.line + lines, column: point.column}
    : {line: point.line + lines, column: point.column, offset: point.offset + offset}
}

/** The point after the last character of `text`, as micromark counts lines. */
export function endOf(text: string): Point {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++
      lineStart = index + 1
    }
  }
  return {line, column: text.length - lineStart + 1, offset: text.length}
}

export function lineBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) count++
  }
  return count
}

/** The end of the line that starts at `start`, after its line ending. */
export function lineEnd(text: string, start: number): number {
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) return index + 1
    if (code === 13) return text.charCodeAt(index + 1) === 10 ? index + 2 : index + 1
  }
  return text.length
}

/** Moves the positions of `nodes` and all their descendants by `lines` and `offset`, in place (a loop: trees may be deep). */
function shiftInPlace(nodes: readonly Nodes[], lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return
  const stack: Nodes[] = [...nodes]
  for (let node = stack.pop(); node; node = stack.pop()) {
    const {position} = node
    if (position) node.position = {start: shiftedPoint(position.start, lines, offset), end: shiftedPoint(position.end, lines, offset)}
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

const isSpace = (code: number): boolean => code === 32 || code === 9
const isLineEndOrEnd = (code: number): boolean => code === 10 || code === 13 || Number.isNaN(code)

/** Whether a list marker (`-`, `*`, `+`, `1.`, `1)`) followed by white space or the line's end starts at `index`. */
export function isListMarker(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code === 45 || code === 42 || code === 43) return isSpace(text.charCodeAt(index + 1)) || isLineEndOrEnd(text.charCodeAt(index + 1))
  let end = index
  while (end - index < 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++
  const mark = text.charCodeAt(end)
  return end > index && (mark === 46 || mark === 41) && (isSpace(text.charCodeAt(end + 1)) || isLineEndOrEnd(text.charCodeAt(end + 1)))
}

/** Whether an ATX heading (one to six `#`, then a space, a tab or the end of the line) starts at `at`. */
function isHeadingLine(text: string, at: number): boolean {
  let end = at
  while (end < at + 7 && text.charCodeAt(end) === 35) end++
  return end > at && end - at <= 6 && (isSpace(text.charCodeAt(end)) || isLineEndOrEnd(text.charCodeAt(end)))
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (!isBlankChar(text.charCodeAt(index))) return false
  return true
}

/**
 * Whether the last line before the line that starts at `at` that is not
 * blank may be a line of an item of a top-level list: it starts with a list
 * marker or is indented (cutFrom also follows lazy lines). Only after such a
 * line is a list item tried as a cut: after a paragraph, a list starts anew
 * and the cut would not hold. A guess that keeps failed cuts rare; parsing
 * checks each cut.
 */
function followsListLine(text: string, at: number): boolean {
  let index = at - 1
  // Back over blank lines to the last character of the line before.
  while (index >= 0 && isBlankChar(text.charCodeAt(index))) index--
  let start = index
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--
  return index >= 0 && isItemLine(text, start)
}

const isLineBreak = (code: number): boolean => code === 10 || code === 13
const isBlankChar = (code: number): boolean => isSpace(code) || isLineBreak(code)
const isItemLine = (text: string, start: number): boolean => isListMarker(text, start) || isSpace(text.charCodeAt(start))

/**
 * Where a part may end: before a top-level ATX heading (`heading`), before
 * an item of a top-level list (`item`: the list goes on in the next part),
 * or before a line after a blank line that starts a top-level node
 * (`block`: a paragraph under a bold or setext heading).
 */
export type CutKind = 'heading' | 'item' | 'block'

interface Cut {
  at: number
  kind: CutKind
}

/**
 * The first line at or after `from`, past the start of the document, that
 * opens an ATX heading, a list item after a line that may be one of a list
 * item (followsListLine), or that starts, not indented, after a blank line;
 * undefined if there is none. Lines that would make the cut fail are not
 * tried (parsing checks every cut): a fence line, which closes a fence as
 * often as it opens one, a line a part starting with it would read as front
 * matter, and a byte order mark, which it would skip.
 */
function cutFrom(text: string, from: number): Cut | undefined {
  let at = Math.max(from, 1)
  if (!(isLineBreak(text.charCodeAt(at - 1)) && !(text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10))) at = lineEnd(text, at)
  let afterItemLine = at < text.length && followsListLine(text, at)
  let afterBlank = at < text.length && followsBlankLine(text, at)
  while (at < text.length) {
    if (isHeadingLine(text, at)) return {at, kind: 'heading'}
    const marker = isListMarker(text, at)
    if (marker && afterItemLine) return {at, kind: 'item'}
    if (afterBlank && startsBlock(text, at)) return {at, kind: 'block'}
    const end = lineEnd(text, at)
    const blank = isBlank(text, at, end)
    // A line of text right under a line of an item may be a lazy line of that item.
    if (!blank) afterItemLine = marker || isSpace(text.charCodeAt(at)) || (afterItemLine && !afterBlank)
    afterBlank = blank
    at = end
  }
  return undefined
}

const OPENS_FENCE_OR_FRONTMATTER = /^(?:---|\+\+\+|```|~~~)/

function startsBlock(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return !isBlankChar(code) && code !== 0xfe_ff && !OPENS_FENCE_OR_FRONTMATTER.test(text.slice(at, at + 3))
}

/** Whether the line before the line that starts at `at` is blank. */
function followsBlankLine(text: string, at: number): boolean {
  let index = at - 1
  if (text.charCodeAt(index) === 10 && text.charCodeAt(index - 1) === 13) index--
  for (index--; index >= 0; index--) {
    const code = text.charCodeAt(index)
    if (isLineBreak(code)) return true
    if (!isSpace(code)) return false
  }
  return false
}

/**
 * Where the parts of `text` end when every cut holds, as parseParts first
 * tries them (each cut `partLength` or more after the one before), in one
 * pass; none where `text` is parsed whole for its length. A cut that does
 * not hold (a fence or HTML left open across it) makes a part run on.
 */
export function plannedCuts(text: string, options: PartsOptions = {}): number[] {
  const cuts: number[] = []
  if (text.length < (options.minLength ?? DEFAULT_MIN_LENGTH)) return cuts
  const partLength = options.partLength ?? DEFAULT_PART_LENGTH
  for (let cut = cutFrom(text, partLength); cut; cut = cutFrom(text, cut.at + partLength)) cuts.push(cut.at)
  return cuts
}

/**
 * Whether a list can be cut before `item`, one of its items that comes
 * after `before`: `item` starts its line right after the last line of
 * `before` (a blank line between items makes the whole list spread, so the
 * list must be seen with both).
 */
export function isListCut(item: Nodes, before: Nodes): boolean {
  const start = item.position?.start
  const end = before.position?.end
  return start?.offset !== undefined && start.column === 1 && end !== undefined && end.line === start.line - 1
}

/** Whether two nodes are of the same kind: micromark reads `3. x` after indented code and a blank line as text, not as a list. */
export function sameKind(node: RootContent, other: RootContent): boolean {
  return node.type === other.type && (node.type !== 'list' || other.type !== 'list' || node.ordered === other.ordered)
}

/**
 * Takes off `nodes` the item that starts at offset `at`, when it is the last
 * item of the list that ends `nodes`, at the start of its line, and the
 * list can be cut before it: right under the item before (isListCut), or
 * also after blank lines when `afterBlank`, for a parse that saw them (the
 * list is then spread); the list then ends where the item before it ends.
 * False, and `nodes` unchanged, when the line at `at` does not go on that
 * list so.
 */
export function takeNextItem(nodes: readonly RootContent[], at: number, afterBlank = false): boolean {
  const list = nodes.at(-1)
  if (list?.type !== 'list') return false
  const item = list.children.at(-1)
  const previous = list.children.at(-2)
  if (item?.position?.start.offset !== at || item.position.start.column !== 1 || !previous?.position) return false
  if (!afterBlank && !isListCut(item, previous)) return false
  list.children.pop()
  if (list.position) list.position.end = previous.position.end
  return true
}

/**
 * Joins to `list` the items of `continuation`, the list a part starting at
 * a list cut begins with, as a whole parse makes one list of them:
 * mdast-util-from-markdown makes a list spread when a blank line is between
 * any two of its items (none is at a cut) and each item spread by its own
 * lines, so the list is spread when either part is, and its items keep
 * their own. The list keeps its own `start`.
 */
export function joinList(list: List, continuation: List): void {
  for (const item of continuation.children) list.children.push(item)
  list.spread = list.spread || continuation.spread
  if (list.position && continuation.position) list.position.end = continuation.position.end
}

/**
 * A part of the document: from `start` (line `line`) to `end`, where a cut
 * of kind `cut` is (undefined at the end of the document). `continuesList`
 * when it starts at an item cut: its first node is then a list whose items
 * join the list that ends the part before.
 */
interface Part {
  start: number
  end: number
  line: number
  cut: CutKind | undefined
  continuesList: boolean
  nodes: RootContent[]
}

/** A part's nodes, and the node its next line starts where it was parsed with the part, if one does. */
interface Parsed {
  nodes: RootContent[]
  next?: RootContent
}

/**
 * The nodes of the part of `text` from `part.start` to `part.end`, positioned
 * in `text`, parsed with the line at `part.end` after them (two lines at a
 * block cut), and
 * `definitions` (Markdown of definitions, each followed by a blank line)
 * before them, or after that line in a first part that opens with a line
 * that could open front matter. Undefined when the line at `part.end` does
 * not start afresh there (a top-level heading, the next item of the
 * top-level list that ends the part, or a top-level node of the kind the
 * line starts alone): something before it is left open; or when the
 * definitions do not come out as definitions.
 */
function parsePart(text: string, part: Omit<Part, 'nodes'>, parse: Parse, definitions: readonly string[] = []): Parsed | undefined {
  const body = text.slice(part.start, part.end)
  const added = definitions.join('')
  // The line after the part; at a block cut the line after it too, which makes a setext heading of a line of text.
  const seen = part.end < text.length ? text.slice(part.end, lineEnd(text, part.cut === 'block' ? lineEnd(text, part.end) : part.end)) : ''
  let next = seen
  const after = part.start === 0 && FRONTMATTER_FENCE.test(text)
  // After the next line, definitions would end a list there with a blank line, making it spread.
  if (after && added && part.cut === 'item') return undefined
  const prefix = after ? '' : added
  if (after && added) next = `${next}${/[\n\r]$/.test(next) ? '' : '\n'}\n${added}`
  const from = prefix.length
  const to = from + body.length
  const kept: RootContent[] = []
  const extra: RootContent[] = []
  let cutNode: RootContent | undefined
  for (const node of parse(prefix + body + next).children) {
    const offset = node.position?.start.offset ?? -1
    if (offset === to) cutNode = node
    else if (offset >= from && offset < to) kept.push(node)
    else if (offset < to || offset >= to + seen.length) extra.push(node)
  }
  if (part.cut === 'heading' && cutNode?.type !== 'heading') return undefined
  if (part.cut === 'item' && (cutNode || !takeNextItem(kept, to, true))) return undefined
  if (part.cut === 'block' && !(cutNode && startsAlike(cutNode, seen, parse))) return undefined
  if (extra.length !== definitions.length || !extra.every((node) => DEFINITION_TYPES.has(node.type))) return undefined
  shiftInPlace(kept, part.line - 1 - lineBreaks(prefix, 0, prefix.length), part.start - from)
  compactNodes(kept)
  return cutNode ? {nodes: kept, next: cutNode} : {nodes: kept}
}

/**
 * Whether `node`, which `lines` start after a part, is the node `lines`
 * start at the start of a document, all the way down: micromark reads
 * `3. x`, and `> 1. x`, after indented code and a blank line as text, not as
 * a list.
 */
function startsAlike(node: RootContent, lines: string, parse: Parse): boolean {
  const [alone] = parse(lines).children
  return alone !== undefined && alone.position?.start.offset === 0 && sameTree(node, alone)
}

/** Whether two trees have the same nodes, but for their positions (a loop: quotes may nest deep). */
function sameTree(tree: Nodes, other: Nodes): boolean {
  const pairs: Array<[Nodes, Nodes]> = [[tree, other]]
  for (let pair = pairs.pop(); pair; pair = pairs.pop()) {
    const [a, b] = pair
    const aChildren: readonly Nodes[] = 'children' in a ? a.children : []
    const bChildren: readonly Nodes[] = 'children' in b ? b.children : []
    if (!sameFields(a, b) || aChildren.length !== bChildren.length) return false
    aChildren.forEach((child, index) => pairs.push([child, bChildren[index] as Nodes]))
  }
  return true
}

/** Whether two nodes have the same fields of plain values (type, value, ordered, spread, depth…). */
function sameFields(a: Nodes, b: Nodes): boolean {
  const fields = (node: Nodes): Array<[string, unknown]> => Object.entries(node).filter(([, value]) => value === null || typeof value !== 'object')
  const aFields = fields(a)
  return aFields.length === fields(b).length && aFields.every(([key, value]) => (b as unknown as Record<string, unknown>)[key] === value)
}

/**
 * `text` cut where a cut holds about `partLength` apart, each part parsed
 * alone; undefined where a part that starts at an item cut does not start
 * with a list. A cut that does not hold is skipped for one at least twice
 * as far from the part's start, which bounds the work of parsing again a
 * part that runs on (a fence full of `# comments`) to twice its length.
 */
function cutParts(text: string, parse: Parse, partLength: number): Part[] | undefined {
  const parts: Part[] = []
  let start = 0
  let line = 1
  let reach = partLength
  let continuesList = false
  // The node the line at `start` started where it was parsed with the part before.
  let expected: RootContent | undefined
  while (start < text.length) {
    const cut = cutFrom(text, start + reach)
    const end = cut?.at ?? text.length
    const part = {start, end, line, cut: cut?.kind, continuesList}
    const parsed = parsePart(text, part, parse)
    if (!parsed) {
      reach = 2 * (end - start)
      continue
    }
    if (!startsAsExpected(parsed.nodes[0], start, continuesList, expected)) return undefined
    parts.push({...part, nodes: parsed.nodes})
    line += lineBreaks(text, start, end)
    start = end
    reach = partLength
    continuesList = cut?.kind === 'item'
    expected = parsed.next
  }
  return parts
}

/**
 * Whether `first`, the first node of a part that starts at `start`, starts
 * there as it did where the line was parsed after the part before: a list
 * at an item cut, else a node of the kind `expected` (none in the first part).
 */
function startsAsExpected(first: RootContent | undefined, start: number, continuesList: boolean, expected: RootContent | undefined): boolean {
  if (start === 0) return true
  if (first?.position?.start.offset !== start) return false
  return continuesList ? first.type === 'list' : expected !== undefined && sameKind(first, expected)
}

/** The top-level nodes of `parts`, with the lists cut between parts joined; undefined if a list cannot be joined. */
function joinParts(parts: readonly Part[]): RootContent[] | undefined {
  const children: RootContent[] = []
  for (const part of parts) {
    const [first, ...rest] = part.nodes
    const last = children.at(-1)
    if (part.continuesList) {
      if (last?.type !== 'list' || first?.type !== 'list' || last.ordered !== first.ordered) return undefined
      joinList(last, first)
      for (const node of rest) children.push(node)
    } else {
      for (const node of part.nodes) children.push(node)
    }
  }
  return children
}

/** A definition and the Markdown that makes it again, in a document of its own. */
interface Definition {
  identifier: string
  markdown: string
}

/** The definitions within `nodes`; undefined if one has no label to make it again with. */
function definitionsIn(nodes: readonly Nodes[]): Definition[] | undefined {
  const found: Definition[] = []
  const stack: Nodes[] = [...nodes]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      if (node.label === undefined) return undefined
      // Blank lines between them: a footnote's text would run on into the next line.
      const label = node.type === 'definition' ? `[${node.label}]: x` : `[^${node.label}]: x`
      found.push({identifier: `${node.type}:${node.identifier}`, markdown: `${label}\n\n`})
    } else if ('children' in node) {
      for (const child of node.children) stack.push(child)
    }
  }
  return found
}

/**
 * Whether `nodes` may hold a reference that a definition elsewhere would
 * resolve: micromark leaves the `]` of an unresolved one in the text, or in
 * an image's alt text.
 */
function mayName(nodes: readonly Nodes[]): boolean {
  const stack: Nodes[] = [...nodes]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'text' && node.value.includes(']')) return true
    if ((node.type === 'image' || node.type === 'imageReference') && node.alt?.includes(']')) return true
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  return false
}

/**
 * Parses again, with copies of the definitions of the other parts, each part
 * that lacks some of them and may name one. False where the whole document
 * must be parsed: a definition cannot be copied, or the copies would add
 * more text to parse than the document has (thousands of definitions).
 */
function resolveAcrossParts(text: string, parts: Part[], parse: Parse): boolean {
  const own = parts.map((part) => definitionsIn(part.nodes))
  if (own.some((found) => found === undefined)) return false
  const all = new Map<string, string>()
  for (const found of own) for (const {identifier, markdown} of found ?? []) if (!all.has(identifier)) all.set(identifier, markdown)
  if (all.size === 0) return true
  let budget = text.length
  for (const [index, part] of parts.entries()) {
    const defined = new Set((own[index] ?? []).map((definition) => definition.identifier))
    const missing = [...all].filter(([identifier]) => !defined.has(identifier)).map(([, markdown]) => markdown)
    if (missing.length === 0 || !mayName(part.nodes)) continue
    for (const markdown of missing) budget -= markdown.length
    if (budget < 0) return false
    const parsed = parsePart(text, part, parse, missing)
    if (!parsed) return false
    part.nodes = parsed.nodes
  }
  return true
}

/**
 * The tree of `text` parsed in parts, equal to `parse(text)`; the tree of a
 * whole parse where `text` is shorter than `minLength` or cannot be cut.
 * Either tree of a long document is made smaller (compact-tree.ts).
 */
export function parseParts(text: string, parse: Parse, options: PartsOptions = {}): Root {
  const minLength = options.minLength ?? DEFAULT_MIN_LENGTH
  if (text.length < minLength) return parse(text)
  const parts = cutParts(text, parse, options.partLength ?? DEFAULT_PART_LENGTH)
  const whole = (): Root => compactTree(parse(text))
  if (!parts) return whole()
  if (parts.length === 1) return {type: 'root', children: parts[0]?.nodes ?? [], position: {start: {line: 1, column: 1, offset: 0}, end: endOf(text)}}
  if (opensFrontmatter(text, parts[0]?.nodes[0]) || !resolveAcrossParts(text, parts, parse)) return whole()
  const children = joinParts(parts)
  if (!children) return whole()
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: endOf(text)}}
}

/**
 * Parses with `parse`, the processor's own parser, the text of `document`
 * after a leading byte order mark (micromark skips it and counts lines and
 * offsets after it); a second one is text, which a part starting with it
 * would skip, so such a document is parsed whole.
 */
export function parseDocumentInParts(document: string, parseText: Parse, options?: PartsOptions): Root {
  const {beforeParse} = options ?? {}
  const parse: Parse = beforeParse
    ? (text) => {
        beforeParse(text)
        return parseText(text)
      }
    : parseText
  if (document.length < (options?.minLength ?? DEFAULT_MIN_LENGTH)) return parse(document)
  const text = document.charCodeAt(0) === 0xfe_ff ? document.slice(1) : document
  if (text.charCodeAt(0) === 0xfe_ff) return compactTree(parse(document))
  return parseParts(text, parse, options)
}

/**
 * A unified plugin, after remark-parse, that parses a long document in parts
 * (see above) with the processor's parser and the extensions other plugins
 * register; the tree is that of a whole parse.
 */
export function parseInParts(this: Processor, options?: PartsOptions): void {
  const parseWhole = this.parser
  if (!parseWhole) throw new Error('parseInParts comes after a parser, such as remark-parse')
  this.parser = (document: string, file: VFile): Root => parseDocumentInParts(document, (part) => parseWhole(part, file) as Root, options)
}

/**
 * The mark of a plugin that parses long documents in parts (parseInParts,
 * the language server's incremental parser): the presets' own plugin then
 * leaves the parser as it is. A registered symbol, so that every copy of
 * this module (the bundled preset, the Action's bundle) knows it, where a
 * bundler may rename a function.
 */
const PARSES_IN_PARTS = Symbol.for('remark-preset-lint-postmortem.parsesInParts')

/** Marks `plugin` as one that parses long documents in parts. */
export function markPartsPlugin<T extends object>(plugin: T): T {
  Object.defineProperty(plugin, PARSES_IN_PARTS, {value: true})
  return plugin
}

markPartsPlugin(parseInParts)

/**
 * The presets' plugin: parses long documents in parts (parseInParts) when
 * the processor has a parser, as `remark` (remark-cli) and unified-engine's
 * processors do, and no plugin marked so parses in parts already (our
 * clients' parseInParts, before a plugin such as the CLI's text guard that
 * must see the whole document; the language server's incremental parser).
 * unified marks the list of attachers internal, but nothing else tells what
 * a processor runs; a copy of the processor runs its attachers again, so a
 * mark in its data would be copied to a processor whose parser is new.
 */
export function longDocumentsInParts(this: Processor): void {
  if (!this.parser || this.attachers.some(([plugin]) => PARSES_IN_PARTS in plugin)) return
  parseInParts.call(this)
}
