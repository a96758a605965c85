import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {readLabel} from '../sections/sections.js'
import {isDelimiterRow} from '../text/tables.js'
import {type Span, splitLines, subspan} from '../text/text.js'
import {wordsOf} from './words.js'
import {isFieldLabel} from './fields.js'
import {countScanned} from '../support/scan-work.js'

/**
 * A template's own text (its guidance sentences, bracketed prompts and
 * example table rows) and where a postmortem keeps it. Compared by their
 * sets of words, not as strings: a prompt with a word changed, a sentence
 * with its case or punctuation changed, is still the template's. Each text
 * is indexed by its words, so a postmortem's sentence is compared only with
 * the few template texts that share a word with it, not with all of them.
 */

export type TemplateTextKind = 'sentence' | 'prompt' | 'row'

interface TemplateText {
  kind: TemplateTextKind
  words: ReadonlySet<string>
}

export interface TemplateTexts {
  texts: TemplateText[]
  /** The texts each word is in. */
  index: Map<string, number[]>
}

export interface KeptText {
  kind: TemplateTextKind
  span: Span
}

// Fewer words say too little to be the template's own ("Severity: SEV-2", "None").
const MIN_WORDS: Record<TemplateTextKind, number> = {sentence: 4, prompt: 2, row: 3}
// Share of the words, of the longer of the two texts, that both have.
const SIMILAR = 0.75
// A longer sentence is no template's prompt; nor is it compared.
const MAX_WORDS = 80
// A word found in more texts than this ("the") finds no text by itself.
const COMMON = 48
// Texts compared with one piece at most, of those sharing a rarer word with it.
const MAX_CANDIDATES = 32
// `[Describe the impact]`, not a link's text (`[runbook](…)`, `[runbook][1]`).
const BRACKETS = /\[([^[\]\n]{1,120})\](?![([])/g
const SENTENCE_END = /(?<=[.!?])\s+(?=\S)/g

interface Piece {
  kind: TemplateTextKind
  span: Span
}

/** A statement's sentences, and its bracketed prompts. */
function sentencesOf(statement: Span): Piece[] {
  const pieces: Piece[] = []
  let from = 0
  for (const match of [...statement.text.matchAll(SENTENCE_END), {index: statement.text.length, 0: ''}]) {
    pieces.push({kind: 'sentence', span: subspan(statement, from, match.index)})
    from = match.index + match[0].length
  }
  pieces.push(...promptsOf(statement))
  return pieces
}

function promptsOf(text: Span): Piece[] {
  return [...text.text.matchAll(BRACKETS)].map((match) => ({kind: 'prompt' as const, span: subspan(text, match.index + 1, match.index + 1 + (match[1]?.length ?? 0))}))
}

/**
 * A paragraph's statements: its lines joined (line breaks read as spaces,
 * offsets kept), a new one at each `Label:` line, whose label is left out,
 * and at each bare title line.
 */
function statementsOf(source: string, lines: readonly Span[]): Span[] {
  const groups: Array<{start: number; end: number}> = []
  for (const line of lines) {
    const read = readLabel(line)
    // "- [ ] [task] (owner: …)" is no label: only a name is.
    const label = read && (read.bare || isFieldLabel(read.title)) ? read : undefined
    const end = line.start + line.text.length
    const last = groups.at(-1)
    if (label && !label.bare) groups.push({start: label.rest.start, end})
    else if (last && !label) last.end = end
    else groups.push({start: line.start, end})
  }
  return groups.map(({start, end}) => ({start, text: source.slice(start, end).replace(/[\r\n]/g, ' ')}))
}

/** The pieces of text of a document, outside its titles: sentences, prompts and table rows. */
function piecesOf(tree: Root, source: string, skip: ReadonlySet<number> = new Set()): Piece[] {
  const pieces: Piece[] = []
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'table') return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined || skip.has(start)) return
    const lines = splitLines(source, start, end)
    if (lines[0]?.text.includes('|') && lines[1] && isDelimiterRow(lines[1])) {
      for (const row of lines.slice(2)) pieces.push({kind: 'row', span: row}, ...promptsOf(row))
    } else if (node.type === 'paragraph') {
      for (const statement of statementsOf(source, lines)) pieces.push(...sentencesOf(statement))
    }
  })
  return pieces
}

function wordSet(text: string): Set<string> {
  return new Set(wordsOf(text.replace(/\[|\]\([^)\n]{0,2000}\)/g, ' ')))
}

/** A template's texts, indexed by their words. */
export function templateTexts(tree: Root, source: string, titles: ReadonlySet<number>): TemplateTexts {
  const texts: TemplateText[] = []
  const index = new Map<string, number[]>()
  for (const piece of piecesOf(tree, source, titles)) {
    const words = wordSet(piece.span.text)
    if (words.size < MIN_WORDS[piece.kind] || words.size > MAX_WORDS) continue
    for (const word of words) {
      const list = index.get(word) ?? []
      list.push(texts.length)
      index.set(word, list)
    }
    texts.push({kind: piece.kind, words})
  }
  return {texts, index}
}

/** Whether two sets of words are one text, as a prompt with one word changed still is. */
function similar(kind: TemplateTextKind, shared: number, a: number, b: number): boolean {
  const longer = Math.max(a, b)
  if (shared / longer >= SIMILAR) return true
  return kind === 'prompt' && longer >= 3 && shared >= longer - 1
}

/** Whether a piece keeps a template text: found through the words they share. */
function keptKind(piece: Piece, texts: TemplateTexts): boolean {
  const words = wordSet(piece.span.text)
  if (words.size < MIN_WORDS[piece.kind] || words.size > MAX_WORDS) return false
  // Candidates are found through the rarer words, the few that share most of
  // them first; their overlap is then counted over all words.
  const hits = new Map<number, number>()
  for (const word of words) {
    const found = texts.index.get(word)
    if (found && found.length <= COMMON) for (const id of found) hits.set(id, (hits.get(id) ?? 0) + 1)
  }
  const candidates = hits.size <= MAX_CANDIDATES ? [...hits.keys()] : [...hits].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES).map(([id]) => id)
  for (const id of candidates) {
    const text = texts.texts[id]
    if (!text || (text.kind !== piece.kind && text.kind !== 'sentence')) continue
    let shared = 0
    for (const word of words) if (text.words.has(word)) shared++
    // Tallied as scanned work, so that tests see the comparisons grow with the document only.
    countScanned(words.size)
    if (similar(piece.kind, shared, words.size, text.words.size)) return true
  }
  return false
}

/** The template's own texts a postmortem keeps, in order. */
export function keptTemplateText(tree: Root, source: string, texts: TemplateTexts): KeptText[] {
  if (texts.texts.length === 0) return []
  // A sentence comes before the prompts inside it: whoever reports them may say the sentence alone.
  return piecesOf(tree, source).filter((piece) => keptKind(piece, texts))
}
