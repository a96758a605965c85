import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {type Section, type SectionStyle, isNamed, scanSections} from '../src/model/sections/sections.js'
import {type SynonymOption, createSectionMatcher} from '../src/model/sections/synonyms.js'

function scan(markdown: string, synonyms: SynonymOption = {}) {
  const tree = unified().use(remarkParse).parse(markdown) as Root
  return scanSections(tree, markdown, createSectionMatcher(synonyms))
}

interface Seen {
  kinds: string[]
  title: string
  style: SectionStyle
  marker: string
  content: string
  hasContent: boolean
}

/** What a reader sees of each section: its kinds, title, style, marker and content. */
function sectionsOf(markdown: string, synonyms: SynonymOption = {}): Seen[] {
  return scan(markdown, synonyms).sections.map((section: Section) => ({
    kinds: [...section.kinds],
    title: section.title,
    style: section.style,
    marker: section.marker.text,
    content: markdown.slice(section.contentStart, section.contentEnd).trim(),
    hasContent: section.hasContent
  }))
}

function kindsAndTitles(markdown: string, synonyms: SynonymOption = {}): Array<[string, string]> {
  return sectionsOf(markdown, synonyms).map((section) => [section.kinds.join('+'), section.title])
}

describe('scanSections: headings', () => {
  it('reads ATX headings of any depth, each up to the next of the same or a lower depth', () => {
    const markdown = '# Outage\n\n## Summary\n\nText.\n\n### Timeline\n\n- 10:00 UTC x\n\n#### Root cause\n\nA.\n\n##### Resolution\n\nB.\n\n###### Action items\n\n- C\n\n## Lessons learned\n\nD.\n'
    expect(sectionsOf(markdown).map((section) => [section.kinds.join('+'), section.style, section.marker])).toEqual([
      ['summary', 'atx', '## Summary'],
      ['timeline', 'atx', '### Timeline'],
      ['root-cause', 'atx', '#### Root cause'],
      ['resolution', 'atx', '##### Resolution'],
      ['action-items', 'atx', '###### Action items'],
      ['lessons-learned', 'atx', '## Lessons learned']
    ])
    const [summary, timeline] = sectionsOf(markdown)
    // A deeper heading is part of the section above it.
    expect(summary?.content).toContain('- C')
    expect(summary?.content).not.toContain('D.')
    expect(timeline?.content.startsWith('- 10:00 UTC x')).toBe(true)
  })

  it('reads setext headings of both levels', () => {
    const markdown = 'Summary\n=======\n\nText.\n\nTimeline\n--------\n\n- 10:00 UTC x\n'
    expect(sectionsOf(markdown)).toEqual([
      {kinds: ['summary'], title: 'Summary', style: 'setext', marker: 'Summary\n=======', content: 'Text.\n\nTimeline\n--------\n\n- 10:00 UTC x', hasContent: true},
      {kinds: ['timeline'], title: 'Timeline', style: 'setext', marker: 'Timeline\n--------', content: '- 10:00 UTC x', hasContent: true}
    ])
  })

  it('ignores numbering, emoji, notes in parentheses and a trailing colon in titles', () => {
    const markdown = '## 1. Overview\n\nA.\n\n## 📋 Timeline (UTC)\n\nB.\n\n## IV. Root Cause Analysis:\n\nC.\n\n## 🛠️ Follow-ups\n\nD.\n'
    expect(sectionsOf(markdown).map((section) => section.kinds)).toEqual([['summary'], ['timeline'], ['root-cause'], ['action-items']])
  })

  it('reads a heading holding a bold label as that section', () => {
    expect(sectionsOf('### **Timeline:**\n\n- 10:00 UTC x\n')).toEqual([
      {kinds: ['timeline'], title: 'Timeline', style: 'atx', marker: '### **Timeline:**', content: '- 10:00 UTC x', hasContent: true}
    ])
  })

  it('counts "Root Cause and Resolution" as both sections', () => {
    expect(kindsAndTitles('## Root Cause and Resolution\n\nA typo; fixed.\n')).toEqual([['root-cause+resolution', 'Root Cause and Resolution']])
    expect(kindsAndTitles('## Root Cause & Resolution\n\nA typo; fixed.\n')).toEqual([['root-cause+resolution', 'Root Cause & Resolution']])
  })

  it('does not read other headings as sections', () => {
    expect(sectionsOf('# Database outage\n\n## Appendix: graphs\n\nA.\n\n## Who was on call\n\nB.\n')).toEqual([])
  })
})

describe('scanSections: pseudo-headings and labels', () => {
  it.each([
    ['**Timeline:**', 'Timeline'],
    ['**Timeline**', 'Timeline'],
    ['**Timeline**:', 'Timeline'],
    ['__Timeline__', 'Timeline'],
    ['*Timeline*', 'Timeline'],
    ['_Timeline:_', 'Timeline'],
    ['***Timeline***', 'Timeline']
  ])('reads %s standing alone as a pseudo-heading', (line, title) => {
    expect(sectionsOf(`${line}\n\n- 10:00 UTC x\n`)).toEqual([
      {kinds: ['timeline'], title, style: 'pseudo', marker: line, content: '- 10:00 UTC x', hasContent: true}
    ])
  })

  it('reads a plain label line, with its content on the next lines', () => {
    expect(sectionsOf('Issue Summary:\nThe cache filled up.\n\nTimeline:\n10:00 UTC - alert\n')).toEqual([
      {kinds: ['summary'], title: 'Issue Summary', style: 'label', marker: 'Issue Summary:', content: 'The cache filled up.', hasContent: true},
      {kinds: ['timeline'], title: 'Timeline', style: 'label', marker: 'Timeline:', content: '10:00 UTC - alert', hasContent: true}
    ])
  })

  it('reads labels at the start of list items, each holding the rest of its item', () => {
    const markdown = '- **Impact:** 30% of users.\n- **Root cause:** a typo.\n  - in the config\n- Owner: the platform team\n'
    expect(sectionsOf(markdown).map((section) => [section.kinds.join('+'), section.style, section.content])).toEqual([
      ['impact', 'inline-label', '30% of users.'],
      ['root-cause', 'inline-label', 'a typo.\n  - in the config']
    ])
  })

  it('reads a bold label at the start of a paragraph line', () => {
    expect(sectionsOf('**TL;DR:** the cache filled up.\n')).toMatchObject([{kinds: ['summary'], title: 'TL;DR', style: 'inline-label', content: 'the cache filled up.'}])
  })

  it('does not take sentences or other labels for sections', () => {
    expect(sectionsOf('We reviewed the timeline: nothing stood out.\n\nNote: the impact was small.\n\n**Important:** read this.\n\nThe root cause of this is unknown: see below.\n')).toEqual([])
  })

  it('reads labels inside block quotes', () => {
    expect(kindsAndTitles('> **Summary:**\n>\n> The cache filled up.\n')).toEqual([['summary', 'Summary']])
  })

  it('reads a question alone in its paragraph as a title', () => {
    expect(kindsAndTitles('What was the root cause?\n\nA typo.\n\nHow did we fix it?\n\nWe reverted.\n')).toEqual([
      ['root-cause', 'What was the root cause?'],
      ['resolution', 'How did we fix it?']
    ])
    expect(kindsAndTitles('We asked ourselves a question.\nHow did we fix it?\n')).toEqual([])
  })

  it('reads "What went wrong" as the root cause where nothing else is, but not among a review\'s lessons', () => {
    expect(kindsAndTitles('## Summary\n\nA.\n\n## What went wrong?\n\nThe alias swap ran early.\n')).toEqual([
      ['summary', 'Summary'],
      ['root-cause', 'What went wrong?']
    ])
    // Under a lessons section, and beside "What went well", it is one of the lessons.
    expect(kindsAndTitles('## Lessons learned\n\n### What went wrong\n\n- Paging.\n\n#### Details\n\nMore.\n')).toEqual([['lessons-learned', 'Lessons learned']])
    expect(kindsAndTitles('## What went well\n\n- The alert.\n\n## What went wrong\n\n- Paging.\n')).toEqual([])
    // Beside a section named for the root cause, it tells the story.
    expect(kindsAndTitles('## What went wrong\n\nLogins failed.\n\n## Root cause\n\nA key expired.\n')).toEqual([['root-cause', 'Root cause']])
  })

  it('reads "Remediation" as the resolution where the action items have a title of their own and nothing else is the resolution', () => {
    expect(kindsAndTitles('## Remediation\n\nWe moved the consumer.\n\n## Next steps\n\n- Split the queue.\n')).toEqual([
      ['resolution', 'Remediation'],
      ['action-items', 'Next steps']
    ])
    expect(kindsAndTitles('## Remediation\n\n- Split the queue.\n')).toEqual([['action-items', 'Remediation']])
    expect(kindsAndTitles('## Recovery\n\nRestarted.\n\n## Remediation\n\n- Split the queue.\n\n## Follow-ups\n\n- Alert.\n')).toEqual([
      ['resolution', 'Recovery'],
      ['action-items', 'Remediation'],
      ['action-items', 'Follow-ups']
    ])
  })

  it('reads bold labels in the first column of a table', () => {
    const markdown = '| Field | Value |\n|---|---|\n| **Summary** | The cache filled up. |\n| **Resolution** | Cache flushed. |\n| Owner | the platform team |\n'
    // The content is the rest of the row.
    expect(sectionsOf(markdown).map((section) => [section.kinds.join('+'), section.title, section.style, section.content])).toEqual([
      ['summary', 'Summary', 'inline-label', 'The cache filled up. |'],
      ['resolution', 'Resolution', 'inline-label', 'Cache flushed. |']
    ])
  })

  it('reads a label that shares a kind with the empty label above it as its first part', () => {
    const [measures, improvements] = sectionsOf('Corrective and Preventative Measures:\nImprovements:\n- Alert on queue age.\n')
    expect(measures).toMatchObject({kinds: ['action-items'], hasContent: true})
    expect(improvements).toMatchObject({kinds: ['action-items'], hasContent: true})
  })
})

describe('scanSections: context', () => {
  it('does not read labels after a break inside a timeline as sections', () => {
    const markdown = '## Timeline\n\n| Time | Event |\n|---|---|\n| 10:05 | web<br>**Mitigation:** traffic drained |\n\n- **Resolution:** rolled back\n'
    expect(kindsAndTitles(markdown)).toEqual([
      ['timeline', 'Timeline'],
      ['resolution', 'Resolution']
    ])
  })

  it('reads fixes under the action items as action items, and a recovery there as the resolution', () => {
    expect(kindsAndTitles('## Action items\n\n- A.\n\n### Fixes\n\n- B.\n\n### Recovery\n\nC.\n')).toEqual([
      ['action-items', 'Action items'],
      ['action-items', 'Fixes'],
      ['resolution', 'Recovery']
    ])
  })

  it('reads a heading that starts with a time inside a timeline as an entry, whatever its words', () => {
    expect(kindsAndTitles('## Timeline\n\n### 10:40 UTC: Fix deployed\n\nText.\n')).toEqual([['timeline', 'Timeline']])
  })

  it('tells when most headings are in a script the table does not read', () => {
    expect(scan('# Сбой\n\n## Сводка\n\nТекст.\n\n## Причина\n\nТекст.\n').unreadTitles).toBe(true)
    expect(scan('# Outage\n\n## Summary\n\nA.\n\n## Причина\n\nB.\n').unreadTitles).toBe(false)
    expect(scan('No headings at all.\n').unreadTitles).toBe(false)
  })

  it('keeps an unheaded opening paragraph as the summary, though it is not named', () => {
    const [opening] = scan('# Outage\n\nThe cache filled up and every page took ten seconds to load for an hour.\n\n## Timeline\n\n- 10:00 UTC x\n').sections
    expect(opening).toMatchObject({kinds: ['summary'], style: 'opening'})
    expect(opening && isNamed(opening)).toBe(false)
  })
})

describe('scanSections: content', () => {
  it('counts comments, thematic breaks and white space as no content', () => {
    const markdown = '## Root cause\n\n<!-- TODO -->\n\n## Resolution\n\n---\n\n## Action items\n\n   \n'
    expect(sectionsOf(markdown).map((section) => [section.title, section.hasContent])).toEqual([
      ['Root cause', false],
      ['Resolution', false],
      ['Action items', false]
    ])
  })

  it('counts tables, code and nested lists as content', () => {
    const markdown = '## Timeline\n\n| Time | Event |\n| --- | --- |\n| 10:00 | x |\n\n## Root cause\n\n```\nnull pointer\n```\n\n- **Impact:**\n  - 5 users\n'
    expect(sectionsOf(markdown).map((section) => [section.title, section.hasContent])).toEqual([
      ['Timeline', true],
      ['Root cause', true],
      ['Impact', true]
    ])
  })

  it('ends a pseudo-heading at the next pseudo-heading or heading', () => {
    const markdown = '**Summary:**\n\nA.\n\n**Resolution:**\n\n## Action items\n\n- B\n'
    expect(sectionsOf(markdown).map((section) => [section.title, section.content, section.hasContent])).toEqual([
      ['Summary', 'A.', true],
      ['Resolution', '', false],
      ['Action items', '- B', true]
    ])
  })
})

describe('scanSections: timeline entries written as sub-headings', () => {
  it('keeps a timeline open across sub-headings that start with a time or a date', () => {
    const markdown = '## Timeline\n\n### 2024-03-11\n\n- 10:00 UTC x\n\n### 10:05 Deploy\n\nText.\n\n## Root cause\n\nA.\n'
    const [timeline, rootCause] = sectionsOf(markdown)
    expect(timeline?.content).toContain('### 10:05 Deploy')
    expect(timeline?.content).not.toContain('Root cause')
    expect(rootCause?.kinds).toEqual(['root-cause'])
  })
})

describe('scanSections: fact labels', () => {
  it('finds duration, start, end and date labels with their content', () => {
    const markdown = '## Summary\n\n- **Duration:** 2 hours\n- **Start time:** 10:00 UTC\n- End: 12:00 UTC\n\nDate: 2024-03-11\n'
    expect(scan(markdown).factLabels.map((fact) => [fact.label, fact.content.text])).toEqual([
      ['duration', '2 hours'],
      ['start', '10:00 UTC'],
      ['end', '12:00 UTC'],
      ['date', '2024-03-11']
    ])
  })
})

describe('scanSections: synonyms option', () => {
  it('reads extra titles as the kind they are given for', () => {
    const markdown = '## Event log\n\n- 10:00 UTC x\n\n## Todo\n\n- A\n'
    expect(kindsAndTitles(markdown)).toEqual([])
    expect(kindsAndTitles(markdown, {timeline: ['Event log'], 'action-items': ['todo']})).toEqual([
      ['timeline', 'Event log'],
      ['action-items', 'Todo']
    ])
  })
})

describe('scanSections: positions', () => {
  it('places markers and titles at their offsets in the document', () => {
    const markdown = 'Intro.\n\n## 2. Timeline\n\n- 10:00 UTC x\n'
    const result = scan(markdown)
    const [timeline] = result.sections
    expect(timeline?.marker).toEqual({text: '## 2. Timeline', start: 8})
    expect(markdown.slice(timeline?.titleSpan.start, (timeline?.titleSpan.start ?? 0) + (timeline?.titleSpan.text.length ?? 0))).toBe(timeline?.titleSpan.text)
    expect(timeline?.titleSpan.text).toContain('Timeline')
    expect(result.preambleEnd).toBe(8)
  })
})
