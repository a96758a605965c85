import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {readLabel} from '../sections/sections.js'
import {type Span, slice, splitLines} from '../text/text.js'

/**
 * Every title a document gives a part of itself, whether the section table
 * knows it or not ("Detection", "Customer communication"): headings, and
 * bold or plain title lines alone in their paragraph. A template's own
 * sections may have any name, so they are looked for among these.
 */
export interface TitledLine {
  title: string
  /** 1–6 for headings; 7 for a title line. */
  depth: number
  marker: Span
  /** The node after the title, where a template marks it `<!-- optional -->`. */
  next?: RootContent
}

const TITLE_LINE_DEPTH = 7
const MAX_TITLE = 80

function titleOfParagraph(source: string, start: number, end: number): string | undefined {
  const lines = splitLines(source, start, end)
  const label = lines.length === 1 && lines[0] ? readLabel(lines[0]) : undefined
  if (!label || label.rest.text !== '' || label.title.length > MAX_TITLE) return undefined
  return label.wrapped || /:\s*$/.test(lines[0]?.text ?? '') ? label.title : undefined
}

export function titledLines(tree: Root, source: string): TitledLine[] {
  const found: TitledLine[] = []
  tree.children.forEach((node, index) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const next = tree.children[index + 1]
    const marker = slice(source, start, end)
    if (node.type === 'heading') {
      found.push({title: toString(node).replace(/\s{0,3}:\s{0,3}$/, ''), depth: node.depth, marker, ...(next ? {next} : {})})
    } else if (node.type === 'paragraph') {
      const title = titleOfParagraph(source, start, end)
      if (title !== undefined) found.push({title, depth: TITLE_LINE_DEPTH, marker, ...(next ? {next} : {})})
    }
  })
  return found
}
