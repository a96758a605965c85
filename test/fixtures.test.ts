import {describe, expect, it} from 'vitest'
import {applyFixes} from '../src/lint/fix.js'
import {rules} from '../src/index.js'
import {formatMessage, lint} from './support/lint.js'
import {CASE_NAME, fixtureFiles, pageExamples, readPage, ruleCases} from './support/rule-cases.js'

/**
 * A rule's cases are the files of fixtures/<rule>/ and the examples of its page
 * docs/rules/<rule>.md (test/support/rule-cases.ts), run alike: an ok case
 * gives no message of the rule; a not-ok case gives exactly the messages its
 * .txt or its page lists, in document order. <case>.options.json (or the
 * example's json block) holds the rule's options; <case>.fixed.md, the text
 * `--fix` makes of the case, after which the rule has nothing to fix.
 */
describe.each(Object.values(rules).map((rule) => [rule.meta.name, rule] as const))('cases of %s', (name, rule) => {
  const cases = ruleCases(name)

  it('has ok and not-ok cases, each named once and written once', () => {
    expect(cases.some((test) => test.ok)).toBe(true)
    expect(cases.some((test) => !test.ok)).toBe(true)
    expect(cases.filter((test) => !CASE_NAME.test(test.name)).map((test) => test.where)).toEqual([])
    const names = cases.map((test) => test.name)
    expect(names.filter((test, index) => names.indexOf(test) !== index), 'a name used twice').toEqual([])
    // A page's example is not copied into fixtures/: it runs from the page.
    const shown = new Set(pageExamples(readPage(`${name}.md`)).map((example) => example.markdown))
    expect(fixtureFiles(name).filter((fixture) => shown.has(fixture.markdown)).map((fixture) => fixture.where), 'fixtures that copy an example of the page').toEqual([])
  })

  it.each(cases.map((test) => [test.where, test] as const))('%s', async (where, test) => {
    expect(test.strays, where).toEqual([])
    expect(test.markdown, `${where} has no Markdown`).toBeTypeOf('string')
    const markdown = test.markdown ?? ''
    const messages = await lint(markdown, [[rule, test.options]])
    for (const message of messages) {
      expect(message.ruleId).toBe(rule.meta.id)
      expect(message.source).toBe('remark-lint')
      expect(message.url).toBe(rule.meta.url)
    }
    // Listed in document order, the order remark's reporters show them in.
    const inOrder = [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    if (test.ok) {
      expect(test.expected, `${where} is ok but lists messages`).toBeUndefined()
      expect(inOrder.map(formatMessage), where).toEqual([])
    } else {
      expect(test.expected?.length, `${where} lists no messages`).toBeGreaterThan(0)
      expect(inOrder.map(formatMessage), where).toEqual(test.expected)
    }
    if (test.fixed === undefined) return
    const fixed = applyFixes(markdown, messages)
    expect(fixed).toBe(test.fixed)
    const after = await lint(fixed, [[rule, test.options]])
    expect(after.filter((message) => message.expected).map(formatMessage)).toEqual([])
    expect(after.length).toBeLessThanOrEqual(messages.filter((message) => !message.expected).length)
  })
})
