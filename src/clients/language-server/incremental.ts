/**
 * Incremental parsing for the language server. An editor sends the whole
 * document on every keystroke, and remark has no incremental parser: parsing a
 * 2,000-line postmortem takes far longer than the 50 ms an edit may take to
 * show its diagnostics.
 *
 * Markdown is parsed line by line, and some lines start afresh whatever came
 * before them, as long as nothing before them was left open: a top-level ATX
 * heading (`## Timeline`), and an item of a top-level list right after the
 * previous item's last line (`- 10:05 ...` in a long timeline). The parser
 * keeps the previous text of each document cut before such lines, and on a
 * change parses again only the parts the change touched, reusing the nodes of
 * the others, moved to their new lines and offsets; the items of a list cut
 * in parts are joined back into one list. Nodes that did not move are shared
 * between trees when no plugin can change a tree (changesNoTree).
 *
 * It parses the whole document where a cut does not hold: when a definition
 * (`[id]: url`, `[^note]: text`) is anywhere in the document, as references
 * anywhere depend on it, and when the changed part leaves something open (a
 * fence, an HTML block, a blank line before a list item, a container of some
 * extension) so that the line after it no longer starts afresh, which is
 * checked by parsing that line after the changed part.
 * test/language-server/incremental.test.ts checks that the trees equal those
 * of a whole parse, for generated documents and random edits.
 */
import type {List, Nodes, Root, RootContent} from 'mdast'
import type {Point, Position} from 'unist'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {
  endOf, FRONTMATTER_FENCE, hasDefinition, isListCut, joinList, lineBreaks, lineEnd, markPartsPlugin, opensFrontmatter, type Parse, type PartsOptions, parseParts, sameKind,
  shiftedPoint, takeNextItem
} from '../../parse/parse-in-parts.js'

/** A part of a document: the top-level nodes from one cut to the next. */
interface Segment {
  /** Offset of the first character, in the document. */
  start: number
  /** Line of the first character (1-based). */
  line: number
  /**
   * Whether the part starts with items of the list that ends the part
   * before it (its first node is then a list holding those items).
   */
  continuesList: boolean
  /**
   * The part's nodes, positioned where the part was when they were made: at
   * offset `nodesStart`, line `nodesLine`. They are handed out as they are
   * where they have not moved and no plugin can change a tree (see
   * changesNoTree), and else copied and moved.
   */
  nodes: RootContent[]
  nodesStart: number
  nodesLine: number
}

interface ParsedDocument {
  text: string
  segments: Segment[]
}

// An editor has a few documents open; each one kept is about the size of
// its tree.
const DOCUMENTS_KEPT = 16

// Nodes whose fields are strings, numbers, booleans and null, but for their
// position, children and `data`: copied without looking at each field, as
// every node of a long document is copied on each edit. Other nodes (a
// table's `align`, those of extensions) have each field copied.
const PLAIN_TYPES: ReadonlySet<string> = new Set([
  'blockquote', 'break', 'code', 'definition', 'delete', 'emphasis', 'footnoteDefinition', 'footnoteReference', 'heading',
  'html', 'image', 'imageReference', 'inlineCode', 'link', 'linkReference', 'list', 'listItem', 'paragraph', 'strong',
  'tableCell', 'tableRow', 'text', 'thematicBreak', 'yaml', 'toml'
])

/** A deep copy of `node` whose positions are moved by `lines` and `offset`. */
function copyShifted<T extends Nodes>(node: T, lines: number, offset: number): T {
  const copy: Record<string, unknown> = {...node}
  const {position} = node
  if (position) copy.position = {start: shiftedPoint(position.start, lines, offset), end: shiftedPoint(position.end, lines, offset)}
  if ('children' in node) copy.children = node.children.map((child: Nodes) => copyShifted(child, lines, offset))
  if (node.data) copy.data = structuredClone(node.data)
  if (!PLAIN_TYPES.has(node.type)) {
    for (const key in copy) {
      const field = copy[key]
      if (field !== null && typeof field === 'object' && key !== 'position' && key !== 'children' && key !== 'data') copy[key] = structuredClone(field)
    }
  }
  return copy as T
}

// Plugins that change no tree once it is parsed: parsers and syntax
// extensions, which add no transformer, and lint rules and their message
// control, which only add and drop messages. unified-lint-rule names each
// rule after its origin (`remark-lint:no-tabs`).
const TREE_KEEPING_PLUGINS: ReadonlySet<string> = new Set([
  'remarkParse', 'remarkStringify', 'remarkFrontmatter', 'remarkGfm', 'remarkLint', 'lintMessageControl', 'incrementalParse', 'parseInParts', 'longDocumentsInParts', 'builtinPreset'
])
const LINT_RULE_NAME = /^remark-lint:/

/**
 * Whether no plugin of `processor` can change a tree once it is parsed: its
 * trees may then share the nodes of parts that an edit did not move, which
 * are neither copied nor collected again. Any other plugin (one that adds a
 * table of contents, say) gets trees of its own, which it may change freely.
 * unified marks the list of attachers internal, but nothing else tells what
 * a processor runs.
 */
function changesNoTree(processor: Processor): boolean {
  return processor.attachers.every(([plugin]) => TREE_KEEPING_PLUGINS.has(plugin.name) || LINT_RULE_NAME.test(plugin.name))
}

/**
 * Whether the document can be cut before `node`, a top-level node of `text`
 * (which starts at offset `base`) that comes after `previous`: everything
 * before it is closed, and it parses the same at the start of a document.
 * That holds for an ATX heading, and for a node after a blank line, but for
 * lines that front matter could open (`---`, `+++`) at the start of a
 * document. After a line of text, other nodes may depend on it: a list
 * starts differently after a paragraph, and `===` turns it into a heading.
 */
function isCut(node: RootContent, previous: RootContent | undefined, text: string, base: number): boolean {
  const start = node.position?.start
  const end = previous?.position?.end
  if (start?.offset === undefined || start.column !== 1 || end === undefined) return false
  const at = start.offset - base
  // A part starting with a byte order mark would lose it.
  if (FRONTMATTER_FENCE.test(text.slice(at, at + 3)) || text.charCodeAt(at) === 0xfe_ff) return false
  // A setext heading starts with its text; an ATX one with `#`.
  return (node.type === 'heading' && text.charCodeAt(at) === 35) || end.line < start.line - 1
}

/** Whether any two items of `items` follow each other with a blank line between. */
function hasBlankBetween(items: readonly Nodes[]): boolean {
  for (let index = 1; index < items.length; index++) {
    const before = items[index - 1]?.position?.end.line
    const after = items[index]?.position?.start.line
    if (before === undefined || after === undefined || after - before > 1) return true
  }
  return false
}

/** `list` cut before each item that allows it. */
function listParts(list: List): List[] {
  const parts: List[] = []
  let items: List['children'] = []
  const finish = (last: boolean): void => {
    const first = items[0]
    const start = parts.length === 0 ? list.position?.start : first?.position?.start
    const end = last ? list.position?.end : items.at(-1)?.position?.end
    parts.push({
      ...list,
      spread: parts.length === 0 && last ? list.spread : hasBlankBetween(items),
      children: items,
      position: start && end ? {start, end} : undefined
    })
  }
  list.children.forEach((item, index) => {
    const before = list.children[index - 1]
    if (before && isListCut(item, before)) {
      finish(false)
      items = []
    }
    items.push(item)
  })
  finish(true)
  return parts
}

/**
 * Splits `nodes`, parsed from `text` (which starts at offset `base`, line
 * `line` of the document), into segments; the first one continues the list
 * before it when `continuesList`.
 */
function segmentsOf(nodes: readonly RootContent[], text: string, base: number, line: number, continuesList: boolean): Segment[] {
  const segments: Segment[] = []
  let current: Segment = {start: base, line, continuesList, nodes: [], nodesStart: base, nodesLine: line}
  const add = (node: RootContent): void => {
    current.nodes.push(node)
  }
  const cut = (start: Point, continues: boolean): void => {
    const offset = (start.offset ?? 0) - (start.column - 1)
    if (offset === current.start) return
    segments.push(current)
    current = {start: offset, line: start.line, continuesList: continues, nodes: [], nodesStart: offset, nodesLine: start.line}
  }
  nodes.forEach((node, index) => {
    if (node.position && isCut(node, nodes[index - 1], text, base)) cut(node.position.start, false)
    if (node.type !== 'list') {
      add(node)
      return
    }
    listParts(node).forEach((part, partIndex) => {
      const start = part.children[0]?.position?.start
      if (partIndex > 0 && start) cut(start, true)
      add(part)
    })
  })
  segments.push(current)
  return segments
}

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length)
  let index = 0
  while (index < limit && a.charCodeAt(index) === b.charCodeAt(index)) index++
  return index
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix
  let length = 0
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++
  return length
}

/** A copy of `list` that the items of the next part can join without changing `list`. */
function joinableCopy(list: List): List {
  const copy: List = {...list, children: [...list.children]}
  if (list.position) copy.position = {start: list.position.start, end: list.position.end}
  return copy
}

/**
 * The tree of `text` from its parts. A part's nodes that have moved since
 * they were made are copied to where the part is now; with `share`, the
 * copies replace them, and nodes that have not moved go in the tree as they
 * are.
 */
function assemble(text: string, segments: readonly Segment[], share: boolean): Root {
  const children: RootContent[] = []
  // The list this tree made to join the items of parts, which more items may join.
  let joined: List | undefined
  for (const segment of segments) {
    const lines = segment.line - segment.nodesLine
    const offset = segment.start - segment.nodesStart
    const moved = lines !== 0 || offset !== 0
    const nodes = share && !moved ? segment.nodes : segment.nodes.map((node) => copyShifted(node, lines, offset))
    if (share && moved) {
      segment.nodes = nodes
      segment.nodesStart = segment.start
      segment.nodesLine = segment.line
    }
    nodes.forEach((node, index) => {
      const last = children.at(-1)
      if (index === 0 && segment.continuesList && last?.type === 'list' && node.type === 'list') {
        if (last !== joined) {
          joined = joinableCopy(last)
          children[children.length - 1] = joined
        }
        joinList(joined, node)
      } else {
        children.push(node)
      }
    })
  }
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: endOf(text)}}
}

/**
 * The nodes of `before`, parsed as the start of a document followed by
 * `line`, when that line still starts afresh there as it did in the
 * previous text: a top-level node of the same kind as the first node of
 * `next` starting on it, or (`continuesList`) the next item of the list
 * that ends `before`, right after its last line. The line is parsed
 * too because what ends a document can end differently before another line
 * (an HTML block keeps trailing blank lines at the end of a document).
 */
function nodesBefore(before: string, line: string, next: Segment, parse: Parse): RootContent[] | undefined {
  const text = before + line
  const nodes = parse(text).children
  const last = nodes.at(-1)
  const expected = next.nodes[0]
  if (!last || !expected) return undefined
  if (!next.continuesList) {
    if (last.position?.start.offset !== before.length || !sameKind(last, expected)) return undefined
    nodes.pop()
    return nodes
  }
  return takeNextItem(nodes, before.length) ? nodes : undefined
}

/**
 * Parses `text`, a new version of `previous`, reusing the segments the
 * change did not touch; undefined where the whole document must be parsed.
 */
function reparse(previous: ParsedDocument, text: string, parse: Parse): Segment[] | undefined {
  const old = previous.text
  const {segments} = previous
  const prefix = commonPrefix(old, text)
  const suffix = commonSuffix(old, text, prefix)
  const changedEnd = old.length - suffix
  const delta = text.length - old.length

  // The first segment to parse again is the one the change starts in, or the
  // one before when the change touches its first line (which might no longer
  // start afresh).
  let first = 0
  for (let index = segments.length - 1; index > 0; index--) {
    if (lineEnd(old, (segments[index] as Segment).start) <= prefix) {
      first = index
      break
    }
  }
  let last = first
  while (last + 1 < segments.length && (segments[last + 1] as Segment).start <= changedEnd) last++

  const firstSegment = segments[first] as Segment
  const start = firstSegment.start
  // When the line after the changed part no longer starts afresh (a blank
  // line became text, a fence was opened), the next part is parsed with it,
  // up to a quarter of the document.
  let next: Segment | undefined
  let end: number
  let nodes: RootContent[] | undefined
  for (;;) {
    next = segments[last + 1]
    end = next ? next.start + delta : text.length
    nodes = next ? nodesBefore(text.slice(start, end), text.slice(end, lineEnd(text, end)), next, parse) : parse(text.slice(start, end)).children
    if (nodes) break
    if (end - start > text.length / 4) return undefined
    last++
  }
  if (hasDefinition(nodes) || (first === 0 && opensFrontmatter(text, nodes[0]))) return undefined
  // The changed part is parsed from its first line, which is the same as
  // before: it must start the same kind of node as it did after the parts
  // before it.
  const [parsedFirst] = nodes
  const before = firstSegment.nodes[0]
  if (first > 0 && !(parsedFirst?.position?.start.offset === 0 && before && sameKind(parsedFirst, before))) return undefined

  const parsed = segmentsOf(nodes.map((node) => copyShifted(node, firstSegment.line - 1, start)), text.slice(start, end), start, firstSegment.line, firstSegment.continuesList)
  const lines = lineBreaks(text, start, end) - lineBreaks(old, start, next ? next.start : old.length)
  const after = segments.slice(last + 1).map((segment) => ({...segment, start: segment.start + delta, line: segment.line + lines}))
  return [...segments.slice(0, first), ...parsed, ...after]
}

/**
 * A plugin that makes the processor's parser incremental for the files it
 * sees again (by path). It comes after remark-parse, whose parser (with the
 * extensions other plugins register) it calls for each part. A document it
 * has not seen, or must parse whole, is parsed in parts when it is longer
 * than `options.minLength` (parseParts).
 *
 * unified-engine lints each file with a new copy of the processor the
 * server loads, and a copy runs the same plugin function again: the
 * documents are kept by the plugin this returns, not in a module global.
 */
export function createIncrementalParse(options?: PartsOptions): (this: Processor) => void {
  const documents = new Map<string, ParsedDocument>()

  return markPartsPlugin(function incrementalParse(this: Processor): void {
    const processor = this
    const parseWhole = this.parser
    if (!parseWhole) throw new Error('incrementalParse comes after a parser, such as remark-parse')

    this.parser = (document: string, file: VFile): Root => {
      // micromark skips a byte order mark and counts lines and offsets after
      // it, so the parts are cut from the text after it.
      const text = document.charCodeAt(0) === 0xfe_ff ? document.slice(1) : document
      // A second one is text, which a part starting with it would skip.
      if (text.charCodeAt(0) === 0xfe_ff) return parseWhole(document, file) as Root
      const parse: Parse = (part) => parseWhole(part, file) as Root
      const key = file.path
      const previous = key ? documents.get(key) : undefined
      let segments = previous && previous.text !== text ? reparse(previous, text, parse) : previous?.segments
      let tree: Root
      const share = changesNoTree(processor)
      if (segments) {
        tree = assemble(text, segments, share)
      } else {
        // A long document is parsed in parts, whose cost stays linear (src/parse/parse-in-parts.ts).
        tree = parseParts(text, parse, options)
        segments =
          hasDefinition(tree.children) || opensFrontmatter(text, tree.children[0])
            ? undefined
            : segmentsOf(share ? tree.children : tree.children.map((node) => copyShifted(node, 0, 0)), text, 0, 1, false)
      }
      if (key) {
        documents.delete(key)
        if (segments) documents.set(key, {text, segments})
        if (documents.size > DOCUMENTS_KEPT) documents.delete(documents.keys().next().value as string)
      }
      return tree
    }
  })
}
