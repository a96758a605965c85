import {describe, expect, it} from 'vitest'
import preset, {recommended, rules, strict} from '../src/index.js'
import {lint} from './support/lint.js'

const idsOf = async (markdown: string, plugins: Parameters<typeof lint>[1]) =>
  [...new Set((await lint(markdown, plugins)).map((message) => message.ruleId))].sort()

const VALID_FRONT_MATTER = `---
title: Queue backlog
date: 2024-05-02
status: final
severity: SEV2
authors: [Ana Ruiz]
---

# Queue backlog
`

describe('presets', () => {
  it('exports recommended as the default', () => {
    expect(preset).toBe(recommended)
  })

  it('runs every rule of its preset, and strict runs them all', async () => {
    const bare = '# Notes on the outage\n\nNothing here yet.\n'
    const recommendedIds = await idsOf(bare, [recommended])
    expect(recommendedIds).toContain('postmortem-required-sections')
    expect(recommendedIds).not.toContain('postmortem-section-order')
    const strictIds = await idsOf(bare, [strict])
    expect(strictIds).toContain('postmortem-frontmatter')
    expect(strictIds).toContain('postmortem-incident-date')
    expect(Object.keys(rules).length).toBeGreaterThanOrEqual(14)
  })

  it('checks front matter in recommended only where a document has it', async () => {
    expect(await idsOf('# Notes\n', [recommended])).not.toContain('postmortem-frontmatter')
    const messages = await lint('---\ntitle: Backlog incident\nstatus: done\n---\n\n# Backlog incident\n', [recommended])
    expect(messages.filter((message) => message.ruleId === 'postmortem-frontmatter').length).toBeGreaterThan(0)
  })

  it('parses front matter as YAML, not as a rule and a heading', async () => {
    const messages = await lint(VALID_FRONT_MATTER, [strict])
    expect(messages.filter((message) => message.ruleId === 'postmortem-frontmatter')).toEqual([])
    expect(messages.filter((message) => message.ruleId === 'postmortem-heading-style')).toEqual([])
  })
})
