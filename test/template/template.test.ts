import path from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {readTemplate} from '../../src/model/template/template.js'
import {keptTemplateText} from '../../src/model/template/template-text.js'
import {loadTemplate} from '../../src/lint/template.js'
import {resetWork} from '../../src/model/support/scan-work.js'
import {noEmptySections, noPlaceholders, recommended, requiredSections, sectionOrder, strict} from '../../src/index.js'
import {formatMessage} from '../support/lint.js'

const parse = (text: string) => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(text)

function template(text: string) {
  return readTemplate(parse(text), text)
}

async function lintWith(markdown: string, settings: Record<string, unknown>, preset = recommended): Promise<string[]> {
  const file = new VFile({path: 'postmortem.md', value: markdown})
  const processor = unified().use(remarkParse).data('settings', settings).use(preset)
  await processor.run(processor.parse(file), file)
  return file.messages.map(formatMessage)
}

describe('readTemplate: the template read with the postmortem model', () => {
  it('takes its sections of the shallowest depth after its title, with the kinds the model reads, and which are optional', () => {
    const read = template(['# Postmortem: [title]', '', '## Overview', '', '### Detail', '', '## What triggered it?', '', '## Detection', '<!-- optional -->', '', '## Glossary (optional)', '', '**Timeline:**', ''].join('\n'))
    expect(read.sections.map((section) => [section.title, section.kinds, section.optional])).toEqual([
      ['Overview', ['summary'], false],
      ['What triggered it?', ['root-cause'], false],
      ['Detection', [], true],
      ['Glossary', [], true]
    ])
  })

  it('asks for the fields of its label lines and two-column tables, not its guidance labels nor example rows', () => {
    const read = template(['# Report', '', '**Severity:** [SEV-1 to SEV-4]', '', 'Owner:', '', 'Note: keep it short.', '', '## Summary', '', '| Field | Value |', '| --- | --- |', '| Status | [open or closed] |', '', '| Time | Event |', '| --- | --- |', '| [hh:mm] | [what happened] |', ''].join('\n'))
    expect(read.fields.map((field) => field.label)).toEqual(['Severity', 'Owner', 'Status'])
  })

  it('reads each built-in template, Google\'s with the sections of the SRE book\'s example', () => {
    const google = loadTemplate('google-sre', process.cwd(), 'test')
    expect(google.sections.filter((section) => !section.optional).map((section) => section.title)).toEqual([
      'Summary', 'Impact', 'Root causes', 'Trigger', 'Resolution', 'Detection', 'Action items', 'Lessons learned', 'Timeline'
    ])
    for (const name of ['atlassian', 'pagerduty']) expect(loadTemplate(name, process.cwd(), 'test').sections.length).toBeGreaterThan(6)
  })
})

describe('keptTemplateText: the template\'s own text, matched by its words', () => {
  const texts = template(['## Impact', '', 'Say who was affected and how much, in numbers.', '', '- Owner: [person responsible for the fix]', ''].join('\n')).texts

  function kept(markdown: string): string[] {
    return keptTemplateText(parse(markdown), markdown, texts).map((piece) => piece.span.text)
  }

  it('finds a sentence or a prompt with its case, punctuation or one word changed', () => {
    expect(kept('say who was affected and how much in numbers\n')).toEqual(['say who was affected and how much in numbers'])
    expect(kept('- Owner: [person accountable for the fix]\n')).toContain('person accountable for the fix')
    expect(kept('Say who was affected. About 40% of buyers, for an hour.\n')).toEqual([])
  })

  it('finds an example row of the template\'s tables left in, with a cell changed', () => {
    const table = template(['## Timeline', '', '| Time | Event |', '| --- | --- |', '| 09:00 | The first alert fires on the dashboard |', ''].join('\n')).texts
    const markdown = ['| Time | Event |', '| --- | --- |', '| 09:05 | The first alert fires on the dashboard |', '| 09:20 | Rollback of the release |', ''].join('\n')
    expect(keptTemplateText(parse(markdown), markdown, table).map((piece) => piece.span.text)).toEqual(['| 09:05 | The first alert fires on the dashboard |'])
  })

  it('never finds a text by a common word alone, and compares a sentence only with the texts that share a word with it', () => {
    const many = template(Array.from({length: 200}, (_, index) => `The step number ${index} is to check the thing called item${index}.`).join('\n\n')).texts
    // "the", "is", "to" are in every text: they find none by themselves.
    expect(many.index.get('the')?.length).toBe(200)
    const markdown = 'The plan is to check the gauges.\n'
    expect(keptTemplateText(parse(markdown), markdown, many)).toEqual([])
    const again = 'The step number 7 is to check the thing called item7.\n'
    expect(keptTemplateText(parse(again), again, many).map((piece) => piece.span.text)).toEqual([again.trim()])
  })
})

describe('the work of finding template text', () => {
  it('grows with the postmortem, not with the postmortem times the template', () => {
    // Each text shares a rarer word with many others: every sentence has candidates to compare.
    const sentence = (index: number) => `Check gauge${index % 40} valve${index % 37} and report pump${index % 31} readings daily.`
    const texts = template(Array.from({length: 2000}, (_, index) => sentence(index)).join('\n\n')).texts
    const workFor = (count: number): number => {
      const markdown = Array.from({length: count}, (_, index) => sentence(index * 3 + 1).replace('daily', 'weekly')).join('\n\n')
      const tree = parse(markdown)
      resetWork()
      keptTemplateText(tree, markdown, texts)
      return resetWork()
    }
    const small = workFor(500)
    const large = workFor(2000)
    expect(small).toBeGreaterThan(0)
    expect(large / small).toBeLessThan(4.5)
    // At most 32 candidates of at most 80 words for each of the 2,000 sentences.
    expect(large).toBeLessThanOrEqual(2000 * 32 * 80)
  })
})

describe('the template setting', () => {
  const REPORT = ['# Outage', '', '## Summary', '', 'Search failed for 20% of users for 30 minutes.', '', '## Timeline', '', '- 10:00 UTC deploy', '- 10:30 UTC rollback', '', '## Root cause', '', 'A bad index.', ''].join('\n')

  it('changes nothing when it is not given', async () => {
    const without = await lintWith(REPORT, {})
    expect(without).toEqual(await lintWith(REPORT, {postmortem: {requirePostmortem: false}}))
    expect(without.join('\n')).toContain('Unexpected missing resolution section')
  })

  it('makes the template\'s sections, order and text what the rules check', async () => {
    const messages = await lintWith(REPORT, {postmortem: {template: 'google-sre'}}, strict)
    expect(messages).toContain('7:1: Unexpected missing section `Trigger`, expected the template\'s section `Trigger` (a heading such as `## Trigger`)')
    expect(messages).toContain('1:3: Unexpected missing field `Status`, expected the template\'s field `Status:` with its value')
    expect(messages.some((message) => message.includes('Unexpected missing resolution section'))).toBe(false)
    expect(messages).toContain('12:1-12:14: Unexpected section `Root cause` after `Timeline`, expected it before the template\'s section `Timeline`')
  })

  it('says a misspelt built-in name, a file that is not Markdown or does not exist, in one line naming the setting', async () => {
    await expect(lintWith(REPORT, {postmortem: {template: 'atlasian'}})).rejects.toThrow('settings: invalid `postmortem.template`: expected a Markdown file (.md) or one of "google-sre", "atlassian", "pagerduty" (did you mean "atlassian"?), got "atlasian"')
    await expect(lintWith(REPORT, {postmortem: {template: 'template.json'}})).rejects.toThrow('expected a Markdown file (.md)')
    await expect(lintWith(REPORT, {postmortem: {template: path.join(process.cwd(), 'no-such-template.md')}})).rejects.toThrow(/which does not exist$/)
    expect(() => requiredSections.call(unified(), {template: 'pagerduty!'})).toThrow('postmortem-required-sections: invalid option `template`')
  })

  it('is also a rule option of the four rules that read it', () => {
    for (const rule of [requiredSections, sectionOrder, noPlaceholders, noEmptySections]) expect(Object.keys(rule.meta.schema.properties)).toContain('template')
  })
})
