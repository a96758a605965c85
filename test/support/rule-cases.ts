/**
 * A rule's cases, from its two sources: the files in fixtures/<rule>/ and the
 * examples of its page in docs/rules/<rule>.md. An example on the page is a
 * fixture like any other, so a case lives in one place only: a page shows the
 * cases a reader should see, fixtures/ holds the rest (fixtures/README.md).
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const ROOT = path.resolve(import.meta.dirname, '../..')
export const FIXTURES = path.join(ROOT, 'fixtures')
export const DOCS = path.join(ROOT, 'docs/rules')

/** `ok.md`, `ok-case.md`, `not-ok.md`, `not-ok-case.md`. */
export const CASE_NAME = /^(not-)?ok(-[a-z0-9]+(?:-[a-z0-9]+)*)?\.md$/

export interface RuleCase {
  name: string
  ok: boolean
  /** Where the case is written: `fixtures/<rule>/<name>` or `docs/rules/<rule>.md:<line>`. */
  where: string
  markdown?: string
  options?: unknown
  /** The messages a not-ok case gives, one `line:column-line:column: reason` each. */
  expected?: string[]
  /** The text `--fix` makes of the case (fixtures only). */
  fixed?: string
  /** Code blocks of a language the page format does not know. */
  strays: string[]
}

export interface Page {
  file: string
  tree: Root
  text: string
}

export function readPage(file: string): Page {
  const text = fs.readFileSync(path.join(DOCS, file), 'utf8')
  return {file, text, tree: unified().use(remarkParse).parse(text)}
}

export function isHeading(node: RootContent, depth?: number): node is Heading {
  return node.type === 'heading' && (depth === undefined || node.depth === depth)
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '')
}

/** `##### ok.md` / `##### not-ok-case.md` headings of a page, each with the code blocks up to the next heading. */
export function pageExamples(page: Page): RuleCase[] {
  const examples: RuleCase[] = []
  let current: RuleCase | undefined
  for (const node of page.tree.children) {
    if (isHeading(node)) {
      const name = toString(node).trim()
      const line = node.position?.start.line ?? 0
      current = node.depth === 5 && CASE_NAME.test(name) ? {name, ok: !name.startsWith('not-'), where: `docs/rules/${page.file}:${line}`, strays: []} : undefined
      if (current) examples.push(current)
      continue
    }
    if (!current || node.type !== 'code') continue
    if (node.lang === 'markdown') {
      if (current.markdown !== undefined) current.strays.push('a second markdown block')
      // A file ends with a line ending; a code block's value does not.
      current.markdown = `${node.value}\n`
    } else if (node.lang === 'json') {
      current.options = JSON.parse(node.value)
    } else if (node.lang === 'text') {
      current.expected = lines(node.value)
    } else {
      current.strays.push(`a \`${node.lang ?? ''}\` block`)
    }
  }
  return examples
}

/** fixtures/<rule>/<case>.md with <case>.txt, <case>.options.json and <case>.fixed.md beside it. */
export function fixtureFiles(rule: string): RuleCase[] {
  const dir = path.join(FIXTURES, rule)
  if (!fs.existsSync(dir)) return []
  const read = (file: string): string | undefined => (fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), 'utf8') : undefined)
  return fs.readdirSync(dir)
    .filter((file) => file.endsWith('.md') && !file.endsWith('.fixed.md'))
    .sort()
    .map((name) => {
      const base = name.replace(/\.md$/, '')
      const options = read(`${base}.options.json`)
      const expected = read(`${base}.txt`)
      return {
        name,
        ok: !name.startsWith('not-'),
        where: `fixtures/${rule}/${name}`,
        markdown: read(name),
        options: options === undefined ? undefined : JSON.parse(options),
        expected: expected === undefined ? undefined : lines(expected),
        fixed: read(`${base}.fixed.md`),
        strays: []
      }
    })
}

/** Every case of a rule: its fixture files, then its page's examples. */
export function ruleCases(rule: string): RuleCase[] {
  const page = fs.existsSync(path.join(DOCS, `${rule}.md`)) ? pageExamples(readPage(`${rule}.md`)) : []
  return [...fixtureFiles(rule), ...page]
}
