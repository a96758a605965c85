import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {type PluggableList, type Processor, unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {generateLongPostmortem, generatePostmortem} from '../bench/corpus.js'
import {recommended} from '../src/index.js'
import {DEFAULT_MIN_LENGTH, type PartsOptions, parseInParts} from '../src/parse/parse-in-parts.js'
import {sharedDocuments} from './support/shared.js'
import {propertyRuns} from './support/runs.js'

/**
 * A long document is parsed in parts cut before top-level ATX headings and
 * between the items of a top-level list (src/parse/parse-in-parts.ts). Whatever the document, the tree must be the tree
 * of a whole parse, node for node and position for position; the cuts are
 * made far closer than the real ones (parts of tens of characters, not 32 K)
 * so that every document is cut wherever it can be.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures')

function fixtureTexts(): string[] {
  return fs
    .readdirSync(FIXTURES, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8'))
}

const GENERATED = Array.from({length: 40}, (_, index) => generatePostmortem(11, index))
const LONG = [generateLongPostmortem(11, 1, 600), generateLongPostmortem(11, 2, 1500)]
const SHARED = (['corpus', 'corpus2', 'seeds'] as const).flatMap((folder) => sharedDocuments(folder).map((document) => document.text))
const FIXTURE_TEXTS = fixtureTexts()

/** A plugin that counts the parses asked of the parser before it (as parseInParts asks for each part), and the count. */
function parseCounter(): {countParses: (this: Processor) => void; calls: () => number; reset: () => void} {
  let calls = 0
  function countParses(this: Processor): void {
    const parse = this.parser
    if (!parse) throw new Error('remark-parse comes first')
    this.parser = (text, file) => {
      calls++
      return parse(text, file)
    }
  }
  return {
    countParses,
    calls: () => calls,
    reset: () => {
      calls = 0
    }
  }
}

function parsers(plugins: PluggableList = [], options: PartsOptions = {minLength: 0, partLength: 40}) {
  // Counts the parses that parseInParts asks for, to show that documents are cut.
  const {countParses, calls, reset} = parseCounter()
  const inParts = unified().use(remarkParse).use(plugins).use(countParses).use(parseInParts, options).freeze()
  const whole = unified().use(remarkParse).use(plugins).freeze()
  return {
    inParts: (text: string): Root => inParts.parse(new VFile({path: '/docs/postmortems.md', value: text})),
    whole: (text: string): Root => whole.parse(text),
    calls,
    resetCalls: reset
  }
}

/** Expects the parts-parse of `text` to equal its whole parse; returns how many parses it took. */
function expectSameTree(parse: ReturnType<typeof parsers>, text: string): number {
  parse.resetCalls()
  expect(parse.inParts(text)).toStrictEqual(parse.whole(text))
  return parse.calls()
}

/** `texts` one after another, as in a file that gathers a team's postmortems. */
const gather = (texts: readonly string[]): string => texts.join('\n\n')

describe('parsing a document in parts', () => {
  it('gives the tree of a whole parse for every fixture, shared postmortem and generated document', () => {
    const parse = parsers()
    for (const text of [...FIXTURE_TEXTS, ...SHARED, ...GENERATED]) expectSameTree(parse, text)
    // The long ones in parts of a few lines: cut every 40 characters, they would take a thousand parses each.
    const long = parsers([], {minLength: 0, partLength: 400})
    for (const text of LONG) expect(expectSameTree(long, text)).toBeGreaterThan(text.length / 800)
    // The same with front matter read as such: the extension reads only a fence that starts the document.
    const frontmatter = parsers([[remarkFrontmatter, ['yaml', 'toml']]])
    const withFences = [...FIXTURE_TEXTS, ...SHARED].filter((text) => /^(?:---|\+\+\+)/.test(text))
    expect(withFences.length).toBeGreaterThan(5)
    for (const text of withFences) expectSameTree(frontmatter, text)
  })

  it('cuts documents gathered in one file into many parts, with the tree of a whole parse', () => {
    const parse = parsers([[remarkFrontmatter, ['yaml', 'toml']]], {minLength: 0, partLength: 2000})
    const gathered = [gather(FIXTURE_TEXTS), gather(GENERATED), gather([...GENERATED.slice(0, 10), ...LONG, ...GENERATED.slice(10, 15)])]
    if (SHARED.length > 0) gathered.push(gather(SHARED))
    for (const text of gathered) {
      const parses = expectSameTree(parse, text)
      // One parse for each part (the long generated postmortems have no ATX heading to cut at).
      expect(parses).toBeGreaterThan(5)
    }
  })

  it('gives the tree of a whole parse where a cut does not hold', () => {
    const parse = parsers([[remarkFrontmatter, ['yaml', 'toml']]])
    const postmortems = GENERATED.slice(0, 8)
    const variants = [
      // Fences and HTML left open across headings: `# comment` lines are not headings.
      postmortems.map((text, index) => (index % 2 === 0 ? `${text}\n\n\`\`\`bash\n# restart the queue\nsystemctl restart queue\n` : `${text}\n\`\`\`\n`)),
      postmortems.map((text, index) => (index % 3 === 0 ? `${text}\n<!--\n# not a heading\n` : `${text}\n-->\n`)),
      postmortems.map((text) => `<pre>\n# kept as it is\n\n${text}\n</pre>\n`),
      // Setext headings, and headings right after a paragraph line, a list, a quote.
      postmortems.map((text) => `Incident review\n===============\n\n${text}\nA last line\n# Next`),
      postmortems.map((text) => `- an item\n# Heading after a list\n> a quote\n# Heading after a quote\n${text}`),
      postmortems.map((text) => `> # A heading in a quote\n# Heading\n    # indented code\n#\tTab heading\n###### Six\n####### Seven\n#Not\n${text}`),
      // Front matter, closed and left open (then only the whole parse reads the text alike).
      postmortems.map((text, index) => (index === 0 ? `---\ntitle: Outage\n---\n${text}` : text)),
      postmortems.map((text, index) => (index === 0 ? `---\ntitle: Outage\n# Not a heading\n${text}\n---\n` : text)),
      postmortems.map((text, index) => (index === 0 ? `+++\ntitle = "x"\n# Still front matter\n+++\n${text}` : text))
    ]
    for (const texts of variants) {
      const text = gather(texts)
      expectSameTree(parse, text)
      expectSameTree(parse, text.replaceAll('\n', '\r\n'))
      expectSameTree(parse, text.replaceAll('\n', '\r'))
      expectSameTree(parse, `\uFEFF${text}`)
      expectSameTree(parse, `\uFEFF\uFEFF${text}`)
    }
  })

  it('resolves references to definitions in other parts, as a whole parse does', () => {
    const parse = parsers()
    const texts = [
      '# One\n\nSee [the runbook] and [Runbook][the  RUNBOOK], ![graph][g].\n\n# Two\n\nText.\n\n[the runbook]: https://example.com/runbook\n',
      '# Three\n\n[g]: https://example.com/g.png "Graph"\n\n# Four\n\n> [quoted]: https://example.com/q\n\n- [listed\n  label]: https://example.com/l\n',
      '# Five\n\n[quoted] [listed label] [unknown] ![alt with [g]](x.png) `[g]` [g][]\n\n# Six\n\n[the runbook]: https://example.com/other\n',
      '# Seven\n\nA note[^1] and another[^missing].\n\n# Eight\n\n[^1]: The note.\n'
    ]
    expectSameTree(parse, gather(texts))
    expectSameTree(parse, gather([...texts].reverse()))
    expectSameTree(parse, gather(GENERATED.slice(0, 6).map((text, index) => `${text}\n\nSee [ref ${index % 3}] and [ref ${(index + 1) % 3}].\n\n[ref ${index % 3}]: https://example.com/${index}\n`)))
  })

  it('parses the whole document where copying definitions to each part would cost more than that', () => {
    const parse = parsers()
    const definitions = Array.from({length: 300}, (_, index) => `[source ${index}]: https://example.com/${index}\n`).join('')
    const sections = Array.from({length: 50}, (_, index) => `## Part ${index}\n\nSee [source ${index * 6}].\n`).join('\n')
    const text = `# Sources\n\n${definitions}\n${sections}`
    // The parses that cut it, as without references; then a few parts again with the definitions, until they would add more than the document, and the whole document (not every part again).
    const cutting = expectSameTree(parse, text.replaceAll('See [source', 'See source'))
    expect(cutting).toBeGreaterThan(25)
    expect(expectSameTree(parse, text)).toBeLessThanOrEqual(cutting + 6)
  })

  it('gives the tree of a whole parse for random gatherings of our documents, cut anywhere', () => {
    const documents = [...FIXTURE_TEXTS, ...SHARED, ...GENERATED]
    const separator = fc.constantFrom('\n\n', '\n', '', '\r\n', '\n```\n', '\n<!--\n', '\n-->\n', '\n[a]: x\n', '\n---\n', '\n===\n', '\n> ')
    const gathering = fc.array(fc.tuple(fc.constantFrom(...documents), separator), {minLength: 2, maxLength: 8}).map((pairs) => pairs.flat().join(''))
    const frontmatter = [[remarkFrontmatter, ['yaml', 'toml']]] as PluggableList
    fc.assert(
      fc.property(gathering, fc.integer({min: 1, max: 5000}), (text, partLength) => {
        expectSameTree(parsers(frontmatter, {minLength: 0, partLength}), text)
      }),
      {numRuns: propertyRuns(150)}
    )
  })

  it('cuts one long list between its items, and joins them in one list as a whole parse does', () => {
    const parse = parsers([], {minLength: 0, partLength: 300})
    const items = (count: number, item: (index: number) => string): string => Array.from({length: count}, (_, index) => item(index)).join('')
    const clock = (index: number): string => `${String(10 + Math.floor(index / 60) % 14).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}`
    const tight = items(400, (index) => `- ${clock(index)} Step ${index} of the rollback finished.\n`)
    const lists = [
      tight,
      `## Timeline\n\n${tight}\nThe rollback ended there.\n`,
      // Loose everywhere, and loose by one blank line only somewhere in the middle.
      items(300, (index) => `- ${clock(index)} Step ${index}.\n\n`),
      tight.replace('Step 200 of the rollback finished.\n', 'Step 200 of the rollback finished.\n\n'),
      // An item spread by its own lines, lazy lines, nested lists and code.
      items(300, (index) => (index === 150 ? `- ${clock(index)} Step.\n\n  Its second paragraph.\n` : `- ${clock(index)} Step ${index}\nrunning on lazily.\n`)),
      items(300, (index) => `- ${clock(index)} Step ${index}:\n  - checked the queue\n    1. twice\n  \`\`\`\n  # not a heading\n  \`\`\`\n`),
      // Ordered, from 7, with `)`; markers that start another list; a list that ends in a part.
      items(300, (index) => `${index + 7}) ${clock(index)} Step.\n`),
      items(300, (index) => `${index % 97 === 96 ? '*' : '-'} ${clock(index)} Step.\n`),
      items(300, (index) => `${index % 50 === 49 ? 'A paragraph between lists.\n\n' : ''}- ${clock(index)} Step.\n`),
      items(300, (index) => `${index % 50 === 49 ? '# Heading between lists\n' : ''}1. ${clock(index)} Step.\n`)
    ]
    for (const text of lists) {
      const parses = expectSameTree(parse, text)
      expect(parses, text.slice(0, 80)).toBeGreaterThan(text.length / 600)
    }
    for (const text of lists.slice(0, 4)) expectSameTree(parse, text.replaceAll('\n', '\r\n'))
    // The list of a whole parse: one list, spread when any two items have a blank line between them.
    const [whole] = parse.inParts(lists[3]!).children
    expect(whole).toMatchObject({type: 'list', spread: true})
    expect(parse.inParts(lists[6]!).children).toMatchObject([{type: 'list', ordered: true, start: 7}])
  })

  it('cuts text under bold and setext headings before its blocks, and checks what a block starts there', () => {
    const parse = parsers([], {minLength: 0, partLength: 300})
    const sections = (count: number, section: (index: number) => string): string => Array.from({length: count}, (_, index) => section(index)).join('')
    const texts = [
      sections(200, (index) => `**Finding ${index}**\n\nThe queue ${index} drained and the error rate fell.\n\n`),
      sections(200, (index) => `Finding ${index}\n${index % 2 === 0 ? '==========' : '----------'}\n\nThe queue ${index} drained.\n\n`),
      // After indented code and a blank line, micromark reads `3. x` and `> 1. x` as text, where a document starting with them has a list.
      sections(200, (index) => `Run:\n\n    systemctl restart queue-${index}\n\n${index % 2 === 0 ? '3. restarted' : '> 1. restarted'}\n\n`)
    ]
    for (const text of texts) {
      const parses = expectSameTree(parse, text)
      expect(parses, text.slice(0, 40)).toBeGreaterThan(text.length / 600)
    }
  })

  it('cuts lists the same with front matter and definitions in other parts', () => {
    const parse = parsers([[remarkFrontmatter, ['yaml', 'toml']]], {minLength: 0, partLength: 200})
    const list = Array.from({length: 200}, (_, index) => `- Step ${index}, see [runbook ${index % 3}].\n`).join('')
    const definitions = '\n[runbook 0]: https://example.com/0\n[runbook 1]: https://example.com/1\n'
    for (const text of [`${list}${definitions}`, `---\ntitle: Outage\n---\n${list}${definitions}`, `# Timeline\n\n${list}\n[^1]: note\n${definitions}`]) {
      expectSameTree(parse, text)
    }
  })

  it('gives the tree of a whole parse for random lists, cut between any items', () => {
    const lines = [
      '- a\n', '- b\n', '* c\n', '+ d\n', '1. e\n', '2. f\n', '7) g\n', '-\n', '\n', '\n\n', '  - nested\n', '    1. deeper\n', '  more of the item\n',
      'lazy text\n', '    indented\n', '  ```\n', '```\n', '  > quoted\n', '> quote\n', '# Heading\n', 'Text\n', '---\n', '- - -\n', '===\n',
      '  [a]: x\n', '[b]: y\n', '[a] [b]\n', '<!--\n', '-->\n', '- [a]\n', '\t- tab\n'
    ]
    const document = fc.array(fc.constantFrom(...lines), {maxLength: 60}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(document, fc.integer({min: 1, max: 40}), (text, partLength) => {
        expectSameTree(parsers([], {minLength: 0, partLength}), text)
      }),
      {numRuns: propertyRuns(600)}
    )
  })

  it('is what the presets do where remark parses (remark-cli), with the tree of a whole parse', () => {
    // Short sections, which remark-parse reads whole in linear time too.
    const sentence = 'The queue drained, the error rate fell back under one percent and the on-call engineer closed the alert. '
    const text = `---\ntitle: Outage\n---\n# Outage\n\n${Array.from({length: 900}, (_, index) => `## Step ${index}\n\n${sentence.repeat(3)}\n\n`).join('')}`
    expect(text.length).toBeGreaterThan(DEFAULT_MIN_LENGTH)
    const {countParses, calls, reset} = parseCounter()
    const remark = unified().use(remarkParse).use(remarkStringify).use(countParses).use(recommended).freeze()
    expect(remark.parse(text)).toStrictEqual(unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(text))
    expect(calls()).toBeGreaterThan(20)
    // Where parseInParts comes first (postmortem-lint, whose text guard after it must see the whole document), the preset leaves the parser alone.
    reset()
    unified().use(remarkParse).use(parseInParts).use(countParses).use(recommended).parse(text)
    expect(calls()).toBe(1)
  })

  it('parses a document shorter than minLength whole, in one parse', () => {
    const parse = parsers([], {minLength: 100_000, partLength: 40})
    const text = gather(GENERATED.slice(0, 3))
    expect(expectSameTree(parse, text)).toBe(1)
    const defaults = parsers([], {})
    expect(expectSameTree(defaults, text)).toBe(1)
  })

  it('gives the tree of a whole parse for documents of random snippets, cut anywhere', () => {
    const snippets = [
      '\n', '\n\n', '\r\n', '\r', ' ', '  ', '    ', '\t', 'x', 'word ', '# ', '## Timeline\n', '\n## Impact\n', '\n# ', '#', '\n#\n', '\n####### x\n',
      '- ', '\n- ', '* ', '1. ', '2) ', '  - ', '> ', '\n> ', '```', '\n```\n', '~~~', '\n~~~\n', '<div>', '\n<div>\n', '</div>', '<!--', '-->',
      '<pre>', '</pre>', '---', '\n---\n', '+++', '\n+++\n', '===', '\n===\n', '| a | b |\n|---|---|\n', '[a]: https://example.com\n', '\n[b]: x\n',
      '[a]', '[b]', '[A]', '![i][a]', '[^1]', '\n[^1]: note\n', '**', '_', '`', '\\', '&amp;', '10:05 ', '- 10:05 Deploy started.\n', '\uFEFF',
      '\n- a\n', '\n+ b\n', '\n3) c\n', '\n10. d\n', '\n  - nested\n', '\n-\n', '\n- - -\n', '\n* * *\n', '\n1.\n'
    ]
    const document = fc.array(fc.constantFrom(...snippets), {maxLength: 80}).map((parts) => parts.join(''))
    const parse = parsers()
    const frontmatter = parsers([[remarkFrontmatter, ['yaml', 'toml']]], {minLength: 0, partLength: 10})
    fc.assert(
      fc.property(document, fc.integer({min: 1, max: 60}), (text, partLength) => {
        expectSameTree(parse, text)
        expectSameTree(frontmatter, text)
        const again = parsers([], {minLength: 0, partLength})
        expectSameTree(again, text)
      }),
      {numRuns: propertyRuns(1500)}
    )
  })
})
