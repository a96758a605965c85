import fs from 'node:fs'
import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkLint from 'remark-lint'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {rules} from '../src/index.js'
import {formatMessage, lint} from './support/lint.js'
import {DOCS, isHeading, pageExamples, readPage} from './support/rule-cases.js'

/**
 * Runs the rule pages in docs/rules/ as tests, in the format docs/rules/README.md
 * describes: its examples are cases of the rule, run with its fixtures
 * (test/fixtures.test.ts) to give exactly the messages the page shows; its facts
 * (preset, fixable, options) agree with the rule's `meta`, and the way it says to
 * turn the rule off does turn it off.
 */

const INDEX = 'README.md'
const REQUIRED_SECTIONS = ['What it checks', 'Why', 'Options', 'Examples', 'Turning it off']
const PACKAGE = 'remark-preset-lint-postmortem'

/** The top-level nodes under the H2 titled `title`, up to the next H1 or H2. */
function sectionNodes(tree: Root, title: string): RootContent[] | undefined {
  const start = tree.children.findIndex((node) => isHeading(node, 2) && toString(node).trim() === title)
  if (start < 0) return undefined
  const after = tree.children.slice(start + 1)
  const end = after.findIndex((node) => isHeading(node) && node.depth <= 2)
  return end < 0 ? after : after.slice(0, end)
}

/** `- **Preset**: \`recommended\`` items of the first list: the page's facts, by lowercase name. */
function factsOf(tree: Root): Map<string, string> {
  const list = tree.children.find((node) => node.type === 'list')
  const facts = new Map<string, string>()
  if (list?.type !== 'list') return facts
  for (const item of list.children) {
    const text = toString(item)
    const colon = text.indexOf(':')
    if (colon > 0) facts.set(text.slice(0, colon).trim().toLowerCase(), text.slice(colon + 1).trim())
  }
  return facts
}

/** The names of the `### \`option\`` headings under `## Options`. */
function documentedOptions(tree: Root): string[] {
  return (sectionNodes(tree, 'Options') ?? [])
    .filter((node): node is Heading => isHeading(node, 3))
    .map((node) => toString(node).trim())
}

function codeBlocks(nodes: readonly RootContent[], lang: string): string[] {
  const values: string[] = []
  for (const node of nodes) {
    visit(node, 'code', (code) => {
      if (code.lang === lang) values.push(code.value)
    })
  }
  return values
}

const pages = fs.readdirSync(DOCS).filter((file) => file.endsWith('.md') && file !== INDEX).sort()
const ruleList = Object.values(rules)

describe('docs/rules', () => {
  it('has a page for every rule, at the address its messages link to', () => {
    for (const rule of ruleList) {
      expect(pages, `no docs/rules/${rule.meta.name}.md for ${rule.meta.id}`).toContain(`${rule.meta.name}.md`)
      expect(rule.meta.url.endsWith(`/docs/rules/${rule.meta.name}.md`), rule.meta.url).toBe(true)
    }
  })

  it('has no page for a rule that does not exist', () => {
    const names = new Set(ruleList.map((rule) => `${rule.meta.name}.md`))
    expect(pages.filter((file) => !names.has(file))).toEqual([])
  })

  it('links every rule from the index', () => {
    const index = readPage(INDEX)
    const links = new Map<string, string>()
    visit(index.tree, 'link', (link) => {
      links.set(link.url.replace(/^\.\//, ''), toString(link))
    })
    for (const rule of ruleList) {
      expect(links.get(`${rule.meta.name}.md`), `README.md does not link ${rule.meta.name}.md`).toContain(rule.meta.id)
    }
  })
})

describe.each(pages)('docs/rules/%s', (file) => {
  const page = readPage(file)
  const name = file.replace(/\.md$/, '')
  const rule = ruleList.find((candidate) => candidate.meta.name === name)
  const examples = pageExamples(page)

  it('is titled with the rule id and has every section', () => {
    expect(rule?.meta.name, `no rule has meta.name ${name}`).toBe(name)
    const title = page.tree.children.find((node) => isHeading(node, 1))
    expect(title && toString(title).trim()).toBe(rule?.meta.id)
    for (const section of REQUIRED_SECTIONS) {
      expect(sectionNodes(page.tree, section)?.length, `no \`## ${section}\` or nothing under it`).toBeGreaterThan(0)
    }
  })

  it('states the preset and whether the rule is fixable as its meta does', () => {
    const facts = factsOf(page.tree)
    expect(facts.get('preset')).toBe(rule?.meta.preset)
    expect(facts.get('fixable')?.split(/[\s,(]/)[0]).toBe(rule?.meta.fixable ? 'yes' : 'no')
  })

  it('documents every option of the rule and no other', () => {
    const options = Object.keys(rule?.meta.schema.properties ?? {}).sort()
    expect(documentedOptions(page.tree).sort()).toEqual(options)
  })

  // The examples run with the rule's fixtures (test/fixtures.test.ts).
  it('has an ok and a not-ok example', () => {
    expect(examples.some((example) => example.ok)).toBe(true)
    expect(examples.some((example) => !example.ok)).toBe(true)
  })

  it('turns the rule off as it says: with a comment and in .remarkrc', async () => {
    if (!rule) return
    const off = sectionNodes(page.tree, 'Turning it off') ?? []
    const comment = `<!--lint disable ${rule.meta.id}-->`
    expect(codeBlocks(off, 'markdown').some((block) => block.includes(comment)), `no \`${comment}\` example`).toBe(true)

    const configs = codeBlocks(off, 'json').map((block) => JSON.parse(block) as {plugins?: unknown[]})
    const entry = [`${PACKAGE}/rules/${rule.meta.name}`, false]
    expect(configs.some((config) => config.plugins?.[0] === PACKAGE && config.plugins.some((plugin) => JSON.stringify(plugin) === JSON.stringify(entry)))).toBe(true)

    // remark-lint honours the comment for every message the rule gives.
    for (const example of examples.filter((candidate) => !candidate.ok && candidate.markdown !== undefined)) {
      const messages = await lint(`${comment}\n\n${example.markdown}`, [remarkLint, [rule, example.options]])
      expect(messages.map(formatMessage), `${file} ${example.name}`).toEqual([])
    }
  })
})
