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

  it('holds exactly the rules of its preset, and strict holds them all', () => {
    const idsIn = (preset: typeof recommended): string[] =>
      (preset.plugins ?? []).map((plugin) => (Array.isArray(plugin) ? plugin[0] : plugin)).filter((plugin) => Object.values(rules).includes(plugin as never)).map((plugin) => (plugin as (typeof rules)[string]).meta.id).sort()
    const recommendedIds = [
      'postmortem-blameless-language',
      'postmortem-duration-consistency',
      'postmortem-frontmatter',
      'postmortem-impact-quantified',
      'postmortem-no-empty-sections',
      'postmortem-no-placeholders',
      'postmortem-required-sections',
      'postmortem-time-zone',
      'postmortem-timeline-order',
      'postmortem-timeline-timestamps'
    ]
    expect(idsIn(recommended)).toEqual(recommendedIds)
    expect(idsIn(strict)).toEqual([...recommendedIds, 'postmortem-action-items', 'postmortem-heading-style', 'postmortem-incident-date', 'postmortem-section-order'].sort())
    expect(Object.keys(rules).sort()).toEqual(idsIn(strict))
  })

  it('runs the rules of its preset on a postmortem barely begun', async () => {
    const bare = '# Notes on the outage\n\nNothing here yet.\n'
    expect(await idsOf(bare, [recommended])).toEqual(['postmortem-impact-quantified', 'postmortem-required-sections'])
    expect(await idsOf(bare, [strict])).toEqual(['postmortem-frontmatter', 'postmortem-impact-quantified', 'postmortem-incident-date', 'postmortem-required-sections'])
  })

  it('checks front matter in recommended only where a document has it', async () => {
    expect(await idsOf('# Notes\n', [recommended])).not.toContain('postmortem-frontmatter')
    const messages = await lint('---\ntitle: Backlog incident\ndate: 2024-02-30\nstatus: done\n---\n\n# Backlog incident\n', [recommended])
    expect(messages.filter((message) => message.ruleId === 'postmortem-frontmatter').map((message) => message.reason)).toEqual([
      'Unexpected date `2024-02-30`, expected a calendar date such as `2024-03-05`'
    ])
    // A team's own scale of statuses and severities is as good as the default one, which strict checks.
    const own = '---\ntitle: Backlog incident\nstatus: published\nseverity: S2\n---\n\n# Backlog incident\n'
    expect((await lint(own, [recommended])).filter((message) => message.ruleId === 'postmortem-frontmatter')).toEqual([])
    expect((await lint(own, [strict])).filter((message) => message.ruleId === 'postmortem-frontmatter').map((message) => message.reason)).toEqual([
      expect.stringMatching(/^Unexpected front matter without `date`/),
      expect.stringMatching(/^Unexpected front matter without `authors`/),
      expect.stringMatching(/^Unexpected status `published`/),
      expect.stringMatching(/^Unexpected severity `S2`/)
    ])
    // A blog's front matter lacks severity and status by design: recommended checks values, not fields.
    const blog = await lint('---\nlayout: post\ntitle: Backlog incident\ndate: 2025-04-22\nauthor: Platform team\n---\n\n# Backlog incident\n', [recommended])
    expect(blog.filter((message) => message.ruleId === 'postmortem-frontmatter')).toEqual([])
    const strictBlog = await lint('---\ntitle: Backlog incident\ndate: 2025-04-22\nauthor: Platform team\n---\n\n# Backlog incident\n', [strict])
    expect(strictBlog.filter((message) => message.ruleId === 'postmortem-frontmatter').map((message) => message.reason)).toEqual([
      'Unexpected front matter without `status`, expected a field such as `status: draft`',
      'Unexpected front matter without `severity`, expected a field such as `severity: SEV2`'
    ])
  })

  it('parses front matter as YAML, not as a rule and a heading', async () => {
    const messages = await lint(VALID_FRONT_MATTER, [strict])
    expect(messages.filter((message) => message.ruleId === 'postmortem-frontmatter')).toEqual([])
    expect(messages.filter((message) => message.ruleId === 'postmortem-heading-style')).toEqual([])
  })
})
