import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {applyFixes} from '../src/lint/fix.js'
import {rules} from '../src/index.js'
import {formatMessage, lint} from './support/lint.js'

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures')

/**
 * fixtures/<rule>/ok-*.md must give no message of that rule; each
 * fixtures/<rule>/not-ok-*.md gives exactly the messages in the .txt beside it.
 * <case>.options.json, when present, holds the rule's options; <case>.fixed.md,
 * the text `--fix` makes of the case, after which the rule has nothing to fix.
 */
describe.each(Object.values(rules).map((rule) => [rule.meta.name, rule] as const))('fixtures of %s', (name, rule) => {
  const dir = path.join(FIXTURES, name)
  const cases = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith('.md') && !file.endsWith('.fixed.md')).sort() : []

  it('has ok and not-ok fixtures', () => {
    expect(cases.some((file) => file.startsWith('ok-'))).toBe(true)
    expect(cases.some((file) => file.startsWith('not-ok-'))).toBe(true)
  })

  it.each(cases)('%s', async (file) => {
    const base = path.join(dir, file.replace(/\.md$/, ''))
    const markdown = fs.readFileSync(`${base}.md`, 'utf8')
    const options = fs.existsSync(`${base}.options.json`) ? JSON.parse(fs.readFileSync(`${base}.options.json`, 'utf8')) : undefined
    const messages = await lint(markdown, [[rule, options]])
    for (const message of messages) {
      expect(message.ruleId).toBe(rule.meta.id)
      expect(message.source).toBe('remark-lint')
      expect(message.url).toBe(rule.meta.url)
    }
    const actual = messages.map(formatMessage)
    if (file.startsWith('ok-')) {
      expect(actual).toEqual([])
    } else {
      const expected = fs.readFileSync(`${base}.txt`, 'utf8').split('\n').filter((line) => line.trim() !== '')
      expect(actual).toEqual(expected)
    }
    // <case>.fixed.md: the text after --fix, which the rule must then find nothing to fix in.
    if (fs.existsSync(`${base}.fixed.md`)) {
      const fixed = applyFixes(markdown, messages)
      expect(fixed).toBe(fs.readFileSync(`${base}.fixed.md`, 'utf8'))
      const after = await lint(fixed, [[rule, options]])
      expect(after.filter((message) => message.expected).map(formatMessage)).toEqual([])
      expect(after.length).toBeLessThanOrEqual(messages.filter((message) => !message.expected).length)
    }
  })
})
