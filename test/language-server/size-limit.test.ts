import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {guardDocument} from '../../src/lint/document-guard.js'
import recommended from '../../src/index.js'
import processor from '../../src/clients/language-server/processor.js'

/** The language server's parser skips what the guard would not check, at the guard's own limit. */

const TEXT = '# Outage\n\n## Summary\n\nCheckout failed for 20% of users.\n'

async function lint(text: string, maxSize?: number): Promise<{children: number; messages: string[]; formatted: string}> {
  const configured = processor().use(recommended)
  if (maxSize !== undefined) configured.use(guardDocument, {maxSize})
  const file = new VFile({value: text, path: `limit-${maxSize}-${text.length}.md`})
  const tree = configured.parse(file)
  const children = tree.children.length
  await configured.run(tree, file)
  return {children, messages: file.messages.map((message) => String(message.ruleId)), formatted: String(configured.stringify(tree, file))}
}

describe('skipOversizedDocuments', () => {
  it('parses a document within the limit the workspace gave the guard', async () => {
    const result = await lint(TEXT, 1000)
    expect(result.children).toBe(3)
    expect(result.messages).not.toContain('postmortem-max-size')
  })

  it('does not parse a document above it: one message, and its text given back as it is when formatted', async () => {
    const result = await lint(`${TEXT}\n${'More text.\n'.repeat(20)}`, 100)
    expect(result.children).toBe(1)
    expect(result.messages).toEqual(['postmortem-max-size'])
    expect(result.formatted).toBe(`${TEXT}\n${'More text.\n'.repeat(20)}`)
  })

  it('counts bytes, not characters', async () => {
    expect((await lint(`${TEXT}${'é'.repeat(60)}\n`, 150)).messages).toEqual(['postmortem-max-size'])
  })
})
