import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {type PluggableList, type Processor, unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {generateLongPostmortem, generatePostmortem} from '../../bench/corpus.js'
import {createIncrementalParse} from '../../src/clients/language-server/incremental.js'
import processor from '../../src/clients/language-server/processor.js'
import {sharedDocuments} from '../support/shared.js'
import {propertyRuns} from '../support/runs.js'

/**
 * The language server's parser reuses the parts of a document an edit did
 * not touch. Whatever the document and the edits, its tree must be the tree
 * of a whole parse, node for node and position for position.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures')

function fixtureTexts(): string[] {
  return fs
    .readdirSync(FIXTURES, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8'))
}

const DOCUMENTS = [
  ...Array.from({length: 40}, (_, index) => generatePostmortem(7, index)),
  generateLongPostmortem(7, 3, 400),
  ...fixtureTexts(),
  ...sharedDocuments('corpus').map((document) => document.text),
  ...sharedDocuments('seeds').map((document) => document.text)
]

/** Text that opens, closes and cuts Markdown constructs, typed anywhere. */
const SNIPPETS = [
  '\n', '\n\n', '\r\n', ' ', '  ', '\t', 'x', 'word ', '# ', '## Timeline\n', '\n## Impact\n', '#', '- ', '\n- ', '* ', '+ ',
  '1. ', '2) ', '\n3. ', '  - ', '    ', '> ', '```', '\n```\n', '~~~', '<div>', '\n<div>\n', '</div>', '<!--', '-->',
  '<!--lint disable-->', '---', '\n---\n', '===', '| a | b |\n|---|---|\n', '|', '[a]: https://example.com\n', '[a]', '[^1]',
  '![x](y)', '**', '_', '`', '\\', '&amp;', '10:05 ', '- 10:05 Deploy started.\n', '- [ ] ', '\uFEFF'
]

const edit = fc.record({
  at: fc.double({min: 0, max: 1, noNaN: true}),
  remove: fc.nat({max: 40}),
  insert: fc.array(fc.constantFrom(...SNIPPETS), {maxLength: 3}).map((parts) => parts.join(''))
})

function applyEdit(text: string, {at, remove, insert}: {at: number; remove: number; insert: string}): string {
  const start = Math.floor(at * text.length)
  return text.slice(0, start) + insert + text.slice(start + remove)
}

/**
 * A plugin with a transformer, which could change the trees it is given:
 * the parser then copies every node it hands out (changesNoTree).
 */
function mayChangeTrees(): () => void {
  return () => {}
}

function parsers(plugins: PluggableList = []) {
  let parsedCharacters = 0
  // Counts what remark-parse is given, to show that edits parse little.
  function countParsed(this: Processor): void {
    const parse = this.parser
    if (!parse) throw new Error('remark-parse comes first')
    this.parser = (text, file) => {
      parsedCharacters += text.length
      return parse(text, file)
    }
  }
  const incremental = unified().use(remarkParse).use(plugins).use(countParsed).use(createIncrementalParse()).freeze()
  const whole = unified().use(remarkParse).use(plugins).freeze()
  return {
    // unified-engine lints each version with a new copy of the processor.
    incremental: (text: string, name = '/workspace/postmortem.md'): Root => incremental().parse(new VFile({path: name, value: text})),
    whole: (text: string): Root => whole.parse(text),
    parsed: () => parsedCharacters,
    resetCount: () => {
      parsedCharacters = 0
    }
  }
}

describe('incremental parsing in the language server', () => {
  it('gives the tree of a whole parse after any edits, on every document we have, and never changes a tree it gave', () => {
    // Only plugins that change no tree: unmoved nodes are shared between trees.
    const shared = unified().use(remarkParse).use(createIncrementalParse()).freeze()
    const {whole} = parsers()
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENTS), fc.array(edit, {minLength: 1, maxLength: 6}), (document, edits) => {
        let text = document
        const given: Array<{tree: Root; snapshot: Root}> = []
        const parse = (): void => {
          const tree = shared().parse(new VFile({path: '/workspace/postmortem.md', value: text}))
          expect(tree).toEqual(whole(text))
          given.push({tree, snapshot: structuredClone(tree)})
        }
        parse()
        for (const change of edits) {
          text = applyEdit(text, change)
          parse()
        }
        for (const {tree, snapshot} of given) expect(tree).toEqual(snapshot)
      }),
      {numRuns: propertyRuns(400)}
    )
  })

  it('gives the tree of a whole parse after any edits when a plugin may change trees', () => {
    const {incremental, whole} = parsers([mayChangeTrees])
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENTS), fc.array(edit, {minLength: 1, maxLength: 6}), (document, edits) => {
        let text = document
        expect(incremental(text)).toEqual(whole(text))
        for (const change of edits) {
          text = applyEdit(text, change)
          expect(incremental(text)).toEqual(whole(text))
        }
      }),
      {numRuns: propertyRuns(150)}
    )
  })

  it('gives the tree of a whole parse with the extensions of other plugins (front matter)', () => {
    const {incremental, whole} = parsers([[remarkFrontmatter, ['yaml', 'toml']]])
    const withFrontmatter = DOCUMENTS.slice(0, 20).map((text) => `---\ntitle: x\n# not a heading\n---\n${text}`)
    fc.assert(
      fc.property(fc.constantFrom(...withFrontmatter), fc.array(edit, {minLength: 1, maxLength: 4}), (document, edits) => {
        let text = document
        incremental(text)
        for (const change of edits) {
          text = applyEdit(text, change)
          expect(incremental(text)).toEqual(whole(text))
        }
      }),
      {numRuns: propertyRuns(150)}
    )
  })

  it('parses a new document in parts, then edits, with the trees of a whole parse', () => {
    let newDocuments = 0
    // Parts far shorter than the real ones (32 K past 256 K), so that every document is cut.
    const inParts = unified().use(remarkParse).use(createIncrementalParse({minLength: 0, partLength: 100})).freeze()
    const {whole} = parsers()
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENTS), fc.array(edit, {maxLength: 4}), (document, edits) => {
        let text = document
        // A new path each time: the first parse is of a document the parser has not seen.
        const name = `/workspace/new-${newDocuments++}.md`
        expect(inParts().parse(new VFile({path: name, value: text}))).toEqual(whole(text))
        for (const change of edits) {
          text = applyEdit(text, change)
          expect(inParts().parse(new VFile({path: name, value: text}))).toEqual(whole(text))
        }
      }),
      {numRuns: propertyRuns(200)}
    )
  })

  it('types a document one character at a time and deletes it again', () => {
    const {incremental, whole} = parsers()
    const target = '# Outage\n\n## Timeline\n\n- 10:00 Alert.\n- 10:05 Page.\n\n```\n# inside\n```\n\n## Impact\n\n40% of users.\n'
    for (let length = 0; length <= target.length; length++) expect(incremental(target.slice(0, length))).toEqual(whole(target.slice(0, length)))
    for (let length = target.length; length >= 0; length--) expect(incremental(target.slice(length))).toEqual(whole(target.slice(length)))
  })

  it('parses only around the edit in a long postmortem', () => {
    const {incremental, whole, parsed, resetCount} = parsers()
    const lines = generateLongPostmortem(20_240_917, 0, 2000).split('\n')
    incremental(lines.join('\n'))
    const fractions: number[] = []
    // As a person types: each version is the one before with one line changed.
    for (let index = 1; index <= 10; index++) {
      const at = Math.floor(((index * 7919) % 97) / 97 * lines.length)
      lines[at] = `${lines[at]} edited`
      const text = lines.join('\n')
      resetCount()
      expect(incremental(text)).toEqual(whole(text))
      fractions.push(parsed() / text.length)
    }
    fractions.sort((a, b) => a - b)
    expect(fractions[5]).toBeLessThan(0.02)
  })

  it('shares the nodes an edit did not move only where no plugin may change a tree', () => {
    const text = generatePostmortem(7, 4)
    const changed = `${text}\nA paragraph added at the end.\n`
    const twice = (processor: {parse(file: VFile): Root}): [Root, Root] => [
      processor.parse(new VFile({path: '/a.md', value: text})),
      processor.parse(new VFile({path: '/a.md', value: changed}))
    ]
    const keeping = unified().use(remarkParse).use(createIncrementalParse()).freeze()
    const [before, after] = twice(keeping())
    expect(after.children[0]).toBe(before.children[0])
    const changing = unified().use(remarkParse).use(mayChangeTrees).use(createIncrementalParse()).freeze()
    const [copiedBefore, copiedAfter] = twice(changing())
    expect(copiedAfter.children[0]).not.toBe(copiedBefore.children[0])
    expect(copiedAfter.children[0]).toEqual(copiedBefore.children[0])
  })

  it('keeps documents apart by path, and hands out trees no later parse changes', () => {
    const {incremental, whole} = parsers([mayChangeTrees])
    const one = generatePostmortem(7, 1)
    const two = generatePostmortem(7, 2)
    const first = incremental(one, '/a.md')
    expect(incremental(two, '/b.md')).toEqual(whole(two))
    const snapshot = structuredClone(first)
    first.children.length = 0
    expect(incremental(`${one}\nMore.\n`, '/a.md')).toEqual(whole(`${one}\nMore.\n`))
    expect(incremental(one, '/a.md')).toEqual(snapshot)
  })

  it('parses the whole document where a definition could change references elsewhere', () => {
    const {incremental, whole} = parsers()
    const text = '# Outage\n\nSee [the runbook].\n\n## Timeline\n\n- 10:00 Alert.\n- 10:05 Page.\n'
    incremental(text)
    const defined = `${text}\n[the runbook]: https://example.com/runbook\n`
    expect(incremental(defined)).toEqual(whole(defined))
    expect(incremental(text)).toEqual(whole(text))
  })

  it('is the language server processor’s parser for a long document (parsed in parts)', () => {
    // Over 256 K: postmortems gathered in one file.
    const parts: string[] = []
    for (let index = 0; parts.join('\n\n').length < 300_000; index++) parts.push(generatePostmortem(7, index))
    const text = parts.join('\n\n')
    expect(processor().parse(new VFile({path: '/workspace/all.md', value: text}))).toEqual(unified().use(remarkParse).parse(text))
  })

  it('is the language server processor’s parser', () => {
    const text = generatePostmortem(7, 5)
    const file = new VFile({path: '/workspace/x.md', value: text})
    expect(processor().parse(file)).toEqual(unified().use(remarkParse).parse(text))
    const changed = text.replace('\n\n', '\n\nAn added paragraph.\n\n')
    expect(processor().parse(new VFile({path: '/workspace/x.md', value: changed}))).toEqual(unified().use(remarkParse).parse(changed))
  })
})
