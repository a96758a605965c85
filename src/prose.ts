import type {Nodes, Root} from 'mdast'
import {type Span, slice, splitLines} from './text.js'

/**
 * The prose of a postmortem: what its author wrote in sentences, with code,
 * HTML, link targets and emphasis markers left out. Blame and placeholder
 * checks read this, never code samples, logs or URLs.
 */
export interface ProseBlock {
  node: Nodes
  /** The block's source with everything but its words blanked to spaces: offsets are the document's. */
  text: Span
  /** The block's source as written. */
  raw: Span
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

/** Copies the text nodes under `node` into `chars`; everything else stays blank. */
function copyText(node: Nodes, source: string, chars: string[], base: number): void {
  if (node.type === 'text') {
    const range = offsets(node)
    if (!range) return
    for (let offset = range[0]; offset < range[1]; offset++) chars[offset - base] = source.charAt(offset)
    return
  }
  if ('children' in node) for (const child of node.children) copyText(child as Nodes, source, chars, base)
}

function blankUrls(text: string): string {
  return text.replace(URL, (url) => ' '.repeat(url.length))
}

function blockOf(node: Nodes, source: string): ProseBlock | undefined {
  const range = offsets(node)
  if (!range) return undefined
  const raw = slice(source, range[0], range[1])
  if (node.type === 'code' || node.type === 'yaml') return {node, raw, text: {text: blankUrls(raw.text), start: range[0]}}
  const chars = raw.text.split('').map((char) => (char === '\n' || char === '\r' ? char : ' '))
  copyText(node, source, chars, range[0])
  return {node, raw, text: {text: blankUrls(chars.join('')), start: range[0]}}
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
const cache = new WeakMap<Root, ProseBlock[]>()

export function proseOf(tree: Root, source: string): ProseBlock[] {
  let blocks = cache.get(tree)
  if (!blocks) {
    blocks = []
    collect(tree, source, blocks)
    cache.set(tree, blocks)
  }
  return blocks
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
