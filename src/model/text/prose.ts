import type {Nodes, Root} from 'mdast'
import {type Span, slice, spanEnd, splitLines} from './text.js'
import {memoPerObject} from '../support/memo.js'

/**
 * The prose of a postmortem: what its author wrote in sentences, with code,
 * HTML, link targets and emphasis markers left out. Blame and placeholder
 * checks read this, never code samples, logs or URLs.
 *
 * The prose text and its sentences are made when first asked for: most
 * blocks are skipped on their raw text (no word that could start a finding),
 * and blanking every block of every document cost more than the checks.
 */
export class ProseBlock {
  #text: Span | undefined
  #sentences: Word[][] | undefined

  constructor(
    readonly node: Nodes,
    /** The block's source as written. */
    readonly raw: Span,
    private readonly source: string
  ) {}

  /** The block's source with everything but its words blanked to spaces: offsets are the document's. */
  get text(): Span {
    this.#text ??= {text: blankUrls(this.node.type === 'code' || this.node.type === 'yaml' ? this.raw.text : wordsOnly(this.node, this.raw, this.source)), start: this.raw.start}
    return this.#text
  }

  /** The sentences of the prose text (`sentencesOf`). */
  get sentences(): Word[][] {
    this.#sentences ??= sentencesOf(this.text)
    return this.#sentences
  }
}

// `@jane` or, as some teams write it, `jane@`; e-mail addresses are words of their own.
const HANDLE = /^@[\p{L}\p{N}][\p{L}\p{N}_-]{0,38}$|^\p{Ll}[\p{Ll}\p{N}._-]{1,30}@$/u

/** Whether a word is a person's handle. */
export function isHandle(word: string): boolean {
  return HANDLE.test(word)
}

export interface Word {
  text: string
  /** Lowercase, with curly apostrophes made straight. */
  lower: string
  start: number
  end: number
  /** Whether a comma, colon, bracket or dash stands between this word and the one before. */
  afterBreak: boolean
}

// Headings, paragraphs and table cells hold prose; an indented code block in
// a postmortem is prose indented by mistake (as the timeline reads it too),
// while fenced blocks hold logs and commands.
const FENCE = /^\s{0,3}(?:```|~~~)/
const URL = /\bhttps?:\/\/[^\s<>"'`)\]]{1,2048}/g
const WORD = /[\p{L}\p{N}@][\p{L}\p{N}@'’_.-]*/gu
const WORD_END_PUNCTUATION = new Set(['.', "'", '’', '_', '-'])
const CLAUSE_BREAK = /[,:;()[\]|—–"“”]|\s-\s/
const SENTENCE_BREAK = /[.!?;|]\s|[.!?;|]$|\n\s*\n/

// A loop, not `/[.'’_-]+$/`: that pattern rescans the rest of the word from
// every character of a long run of dots or dashes (quadratic, found by recheck).
function withoutTrailingPunctuation(word: string): string {
  let end = word.length
  while (end > 0 && WORD_END_PUNCTUATION.has(word.charAt(end - 1))) end--
  return word.slice(0, end)
}

function offsets(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

function blank(text: string): string {
  return text.replace(NOT_LINE_BREAK, ' ')
}
const NOT_LINE_BREAK = /[^\r\n]/g

/** The source of `node` with everything outside its text nodes blanked, built from slices. */
function wordsOnly(node: Nodes, raw: Span, source: string): string {
  const pieces: string[] = []
  let at = raw.start
  const copy = (current: Nodes): void => {
    if (current.type === 'text') {
      const range = offsets(current)
      if (!range || range[0] < at) return
      pieces.push(blank(source.slice(at, range[0])), source.slice(range[0], range[1]))
      at = range[1]
      return
    }
    if ('children' in current) for (const child of current.children) copy(child as Nodes)
  }
  copy(node)
  pieces.push(blank(source.slice(at, spanEnd(raw))))
  return pieces.join('')
}

function blankUrls(text: string): string {
  return text.replace(URL, (url) => ' '.repeat(url.length))
}

function blockOf(node: Nodes, source: string): ProseBlock | undefined {
  const range = offsets(node)
  return range ? new ProseBlock(node, slice(source, range[0], range[1]), source) : undefined
}

function collect(node: Nodes, source: string, blocks: ProseBlock[]): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell': {
      const block = blockOf(node, source)
      if (block) blocks.push(block)
      return
    }
    case 'yaml': {
      // Front matter read by remark-frontmatter: its values are the author's words too.
      const block = blockOf(node, source)
      if (block) blocks.push(block)
      return
    }
    case 'code': {
      const range = offsets(node)
      if (range && !FENCE.test(source.slice(range[0], range[1]))) {
        const block = blockOf(node, source)
        if (block) blocks.push(block)
      }
      return
    }
    default:
      if ('children' in node) for (const child of node.children) collect(child as Nodes, source, blocks)
  }
}

// One reading per tree: several rules ask for it.
const memo = memoPerObject<Root, ProseBlock[]>()

export function proseOf(tree: Root, source: string): ProseBlock[] {
  return memo(tree, 'prose', () => {
    const blocks: ProseBlock[] = []
    collect(tree, source, blocks)
    return blocks
  })
}

/** The blocks that start inside `[start, end)`. */
export function proseIn(blocks: readonly ProseBlock[], start: number, end: number): ProseBlock[] {
  return blocks.filter((block) => block.text.start >= start && block.text.start < end)
}

/**
 * The sentences of a block, each as its words. Sentences end at `.`, `!`, `?`,
 * `;`, a table pipe or a blank line; a line break alone does not end one, as
 * prose is wrapped.
 */
export function sentencesOf(span: Span): Word[][] {
  const sentences: Word[][] = []
  let current: Word[] = []
  let from = 0
  for (const match of span.text.matchAll(WORD)) {
    const word = withoutTrailingPunctuation(match[0])
    if (word === '') continue
    const between = span.text.slice(from, match.index)
    if (current.length > 0 && SENTENCE_BREAK.test(between)) {
      sentences.push(current)
      current = []
    }
    current.push({
      text: word,
      lower: word.toLowerCase().replaceAll('’', "'"),
      start: span.start + match.index,
      end: span.start + match.index + word.length,
      afterBreak: current.length > 0 && CLAUSE_BREAK.test(between)
    })
    from = match.index + word.length
    // A word that ends a sentence with a full stop ("...by an engineer.").
    if (/^[.!?]/.test(match[0].slice(word.length))) {
      sentences.push(current)
      current = []
      from = match.index + word.length + 1
    }
  }
  if (current.length > 0) sentences.push(current)
  return sentences
}

/** The lines of a block's prose text, blank ones left out. */
export function proseLines(block: ProseBlock): Span[] {
  return splitLines(block.text.text, 0, block.text.text.length)
    .filter((line) => /\S/.test(line.text))
    .map((line) => ({text: line.text, start: block.text.start + line.start}))
}

const QUOTE_LENGTH = 60

/** Text for a message, in backticks: markup dropped, white space collapsed, long text cut. */
export function quoted(text: string): string {
  const plain = text.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim()
  const short = plain.length > QUOTE_LENGTH ? `${plain.slice(0, QUOTE_LENGTH - 1).trimEnd()}…` : plain
  return `\`${short}\``
}

/** Values for a message, each in backticks: `` `draft`, `final` ``. */
export function codeList(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ')
}
