import type {List, ListItem, Paragraph, Root, Text} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {describe, expect, it} from 'vitest'
import {compactTree} from '../src/parse/compact-tree.js'
import {parseDocumentInParts} from '../src/parse/parse-in-parts.js'

/**
 * A long document's tree is made smaller (src/parse/compact-tree.ts): each
 * `children` array copied to its length, and equal points shared by a parent
 * and its first or last child and by siblings that meet. The tree must stay
 * equal to the one remark-parse makes.
 */

const TIMELINE = `# Queue stall\n\n## Timeline\n\n${Array.from({length: 400}, (_, index) => `- 10:${String(index % 60).padStart(2, '0')} UTC - the *worker* ${index} was restarted\n`).join('')}`

describe('compactTree', () => {
  it('leaves a tree equal to the parse, node for node and position for position', () => {
    expect(compactTree(fromMarkdown(TIMELINE))).toEqual(fromMarkdown(TIMELINE))
  })

  it('hands an item its paragraph, and the paragraph its text, the same point objects', () => {
    const list = compactTree(fromMarkdown(TIMELINE)).children[2] as List
    const item = list.children[7] as ListItem
    const paragraph = item.children[0] as Paragraph
    const [text, emphasis] = paragraph.children as [Text, Paragraph]
    expect(paragraph.position?.end).toBe(item.position?.end)
    expect(paragraph.children.at(-1)?.position?.end).toBe(paragraph.position?.end)
    expect(text.position?.start).toBe(paragraph.position?.start)
    expect(emphasis.position?.start).toBe(text.position?.end)
  })

  it('keeps points apart where they differ: an item starts at its marker, its paragraph after it', () => {
    const item = (compactTree(fromMarkdown(TIMELINE)).children[2] as List).children[0] as ListItem
    expect(item.position?.start.column).toBe(1)
    expect(item.children[0]?.position?.start.column).toBe(3)
  })

  it('is how a long document parsed in parts comes out', () => {
    const long = TIMELINE.repeat(3)
    const tree: Root = parseDocumentInParts(long, fromMarkdown, {minLength: 1024, partLength: 512})
    expect(tree).toEqual(fromMarkdown(long))
    const item = (tree.children[2] as List).children[300] as ListItem
    expect(item.children[0]?.position?.end).toBe(item.position?.end)
  })
})
