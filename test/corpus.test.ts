import {describe, expect, it} from 'vitest'
import preset, {rules, strict} from '../src/index.js'
import {lint} from './support/lint.js'
import {hasShared, sharedDocuments} from './support/shared.js'

const CORE_RULES = [
  'postmortem-required-sections',
  'postmortem-no-empty-sections',
  'postmortem-timeline-order',
  'postmortem-timeline-timestamps',
  'postmortem-time-zone',
  'postmortem-duration-consistency',
  'postmortem-impact-quantified'
]

describe.skipIf(!hasShared)('the shared documents', () => {
  it.each(sharedDocuments('seeds').map((doc) => [doc.name, doc] as const))('seed %s gives what the core issue expects', async (name, doc) => {
    const messages = (await lint(doc.text, [preset], name)).filter((message) => CORE_RULES.includes(message.ruleId ?? ''))
    if (name.startsWith('003')) {
      expect(messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['postmortem-duration-consistency', 6, 15]])
      expect(messages[0]?.reason).toContain('18:45')
      expect(messages[0]?.reason).toContain('16:30')
    } else {
      expect(messages.map((message) => message.reason)).toEqual([])
    }
  })

  it.each(sharedDocuments('corpus').map((doc) => [doc.name, doc] as const))('corpus %s lints with every rule without a crash', async (name, doc) => {
    const messages = await lint(doc.text, [strict], name)
    const lines = doc.text.split(/\r?\n/).length
    for (const message of messages) {
      expect(message.fatal, message.reason).not.toBe(true)
      expect(Object.keys(rules)).toContain(message.ruleId)
      expect(message.line ?? 0).toBeGreaterThan(0)
      expect(message.line ?? 0).toBeLessThanOrEqual(lines)
    }
  })
})
