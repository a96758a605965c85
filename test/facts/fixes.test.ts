import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {buildModel} from '../../src/model/model.js'
import {headingStyle, requiredSections, sectionOrder, timeZone} from '../../src/index.js'
import type {PostmortemRule} from '../../src/lint/rule.js'
import {formatMessage, lint} from '../support/lint.js'
import {sharedDocuments} from '../support/shared.js'

/**
 * Messages that know their fix carry it in `expected`: the text to put in
 * place of the message's start–end (an insertion when they are equal). As
 * markdownlint tests its fixtures' fixed text again, every such edit is
 * applied here, alone and all together, and the document linted again.
 */

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures')

interface Edit {
  start: number
  end: number
  text: string
}

function editOf(message: VFileMessage): Edit {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : start
  const [text] = message.expected ?? []
  if (start?.offset === undefined || end?.offset === undefined || text === undefined) {
    throw new Error(`no edit in ${formatMessage(message)}`)
  }
  return {start: start.offset, end: end.offset, text}
}

function apply(source: string, edits: readonly Edit[]): string {
  // From the end backwards, so earlier offsets stay true.
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((text, edit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end), source)
}

function sectionKinds(markdown: string): string[] {
  const model = buildModel(unified().use(remarkParse).parse(markdown), markdown)
  return model.sections.filter((section) => section.style !== 'inline-label').map((section) => section.kinds.join('+'))
}

/** The fixtures of `rules`; the options of the rule's own fixtures when `own` is that rule. */
function fixtureDocuments(own: string, ...rules: string[]): Array<{name: string; text: string; options?: unknown}> {
  return [own, ...rules].flatMap((rule) => {
    const dir = path.join(FIXTURES, rule)
    if (!fs.existsSync(dir)) return []
    return fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => {
        const base = path.join(dir, file.replace(/\.md$/, ''))
        const optionsFile = `${base}.options.json`
        const options = rule === own && fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : undefined
        return {name: `${rule}/${file}`, text: fs.readFileSync(`${base}.md`, 'utf8'), options}
      })
  })
}

const shared: Array<{name: string; text: string; options?: unknown}> = [...sharedDocuments('seeds'), ...sharedDocuments('corpus')].map(
  (document) => ({name: document.name, text: document.text})
)

async function messagesOf(rule: PostmortemRule, text: string, options?: unknown): Promise<VFileMessage[]> {
  return lint(text, [[rule, options]])
}

/**
 * Checks that each edit of `rule` alone removes its message (later messages
 * may suggest another depth once one is fixed), and that all edits together
 * leave none.
 */
async function checkFixes(rule: PostmortemRule, text: string, options?: unknown): Promise<void> {
  const messages = await messagesOf(rule, text, options)
  const edits = messages.map(editOf)
  for (const [index, edit] of edits.entries()) {
    const after = await messagesOf(rule, apply(text, [edit]), options)
    const label = `after ${formatMessage(messages[index] as VFileMessage)}`
    expect(after.length, label).toBe(messages.length - 1)
    expect(after.filter((message) => {
      const offset = editOf(message).start
      return offset >= edit.start && offset <= edit.start + edit.text.length
    }), label).toEqual([])
  }
  if (edits.length > 0) expect(await messagesOf(rule, apply(text, edits), options)).toEqual([])
}

describe('postmortem-heading-style: expected edits', () => {
  const documents = [...fixtureDocuments('heading-style', 'required-sections', 'no-empty-sections', 'section-order'), ...shared]

  it.each(documents)('$name', async ({text, options}) => {
    await checkFixes(headingStyle, text, options)
  })

  it('turns a pseudo-heading into a heading at the depth of its siblings', async () => {
    const text = '# Outage\n\n## Summary\n\n5% of logins failed.\n\n**Timeline:**\n\n- 10:00 UTC - Alert.\n'
    const [message] = await messagesOf(headingStyle, text)
    expect(message?.expected).toEqual(['## Timeline'])
    expect(apply(text, [editOf(message as VFileMessage)])).toBe('# Outage\n\n## Summary\n\n5% of logins failed.\n\n## Timeline\n\n- 10:00 UTC - Alert.\n')
  })

  it('keeps the sections the document had, in the same order', async () => {
    const sources = [...fixtureDocuments('heading-style'), ...shared]
    let fixedSome = 0
    for (const {name, text} of sources) {
      const edits = (await messagesOf(headingStyle, text)).map(editOf)
      if (edits.length === 0) continue
      fixedSome++
      expect(sectionKinds(apply(text, edits)), name).toEqual(sectionKinds(text))
    }
    expect(fixedSome).toBeGreaterThan(3)
  })
})

describe('postmortem-required-sections: expected insertions', () => {
  const documents = [...fixtureDocuments('required-sections', 'heading-style', 'section-order'), ...shared]
  // A template's missing or empty field has no fix: only sections are inserted.
  const sectionMessagesOf = async (text: string, options?: unknown): Promise<VFileMessage[]> =>
    (await messagesOf(requiredSections, text, options)).filter((message) => !/^Unexpected (?:missing|empty) field /.test(message.reason))

  it.each(documents)('$name', async ({text, options}) => {
    const all = await sectionMessagesOf(text, options)
    // A document that is no postmortem gets one message, with nothing to insert.
    const messages = all.filter((message) => message.expected)
    expect(all.filter((message) => !message.expected).map((message) => message.reason)).toEqual(
      all.length === messages.length ? [] : [expect.stringMatching(/^Unexpected document without any postmortem section/)]
    )
    const orderBefore = (await messagesOf(sectionOrder, text)).length
    for (const message of messages) {
      const edit = editOf(message)
      expect(edit.end).toBe(edit.start)
      const fixed = apply(text, [edit])
      // The heading starts a line, and is recognised as the missing section.
      expect(fixed.slice(0, edit.start).endsWith('\n') || edit.start === 0 || edit.text.startsWith('\n')).toBe(true)
      expect((await sectionMessagesOf(fixed, options)).length).toBe(messages.length - 1)
      // Where the canonical order puts it: no new section-order message.
      expect((await messagesOf(sectionOrder, fixed)).length, formatMessage(message)).toBeLessThanOrEqual(orderBefore)
    }
    if (messages.length > 0) {
      expect(await sectionMessagesOf(apply(text, messages.map(editOf)), options)).toEqual([])
    }
  })

  it('inserts before the first section that comes after the missing one', async () => {
    const text = '# Outage\n\n## Summary\n\nSome.\n\n## Root cause\n\nA typo.\n\n## Resolution\n\nFixed.\n\n## Action items\n\n- Lint configs.\n'
    const [message] = await messagesOf(requiredSections, text)
    expect(message?.expected).toEqual(['## Timeline\n\n'])
    expect(apply(text, [editOf(message as VFileMessage)])).toContain('Some.\n\n## Timeline\n\n## Root cause\n')
  })
})

describe('postmortem-time-zone: expected zone', () => {
  const documents = [...fixtureDocuments('time-zone', 'timeline-order', 'timeline-timestamps', 'heading-style'), ...shared]

  it.each(documents)('$name', async ({text}) => {
    const messages = await messagesOf(timeZone, text)
    expect(messages.length).toBeLessThanOrEqual(1)
    const [message] = messages
    if (!message) return
    const edit = editOf(message)
    const fixed = apply(text, [edit])
    expect(await messagesOf(timeZone, fixed)).toEqual([])
    // Only the zone was added: the timeline reads the same.
    const before = buildModel(unified().use(remarkParse).parse(text), text).timeline.entries.map((entry) => entry.epochMinute)
    const after = buildModel(unified().use(remarkParse).parse(fixed), fixed).timeline.entries.map((entry) => entry.epochMinute)
    expect(after).toEqual(before)
    expect(edit.text).toBe(`${text.slice(edit.start, edit.end)} UTC`)
  })
})
