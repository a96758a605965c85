/**
 * The readings the rules ask the model for, each on a document of our own
 * words: what a rule reports is its policy over these.
 */
import {describe, expect, it} from 'vitest'
import {DEFAULT_SEVERITIES, DEFAULT_STATUSES, fieldExample, fieldProblems, frontMatterProblem, readFrontMatter} from '../../src/model/front-matter.js'
import {durationReading, measuredLengths, statedEndText, timelineReach} from '../../src/model/duration/measures.js'
import {rewriteDurationAt} from '../../src/model/duration/duration.js'
import {missingSections} from '../../src/model/sections/insertion.js'
import {sectionsOutOfOrder} from '../../src/model/sections/order.js'
import {missingTemplateSections} from '../../src/model/template/template-sections.js'
import {readTemplate} from '../../src/model/template/template.js'
import {formatClock} from '../../src/model/time/time.js'
import {stampText} from '../../src/model/timeline/timeline.js'
import {read} from './support.js'

describe('fieldProblems: the front matter held against the fields a team requires', () => {
  const required = {fields: ['title', 'owner', 'status'], statuses: DEFAULT_STATUSES, severities: DEFAULT_SEVERITIES}

  it('gives missing fields at the closing fence, empty ones at their key, then wrong values at the value', () => {
    const document = '---\ndate: 2024-02-30\nstatus: Shipped\nowner:\nlayout: wide\n---\n\n# Outage\n'
    const frontMatter = readFrontMatter(read(document).tree, document)
    if (!frontMatter) throw new Error('no front matter')
    const problems = fieldProblems(frontMatter, required).map(({name, problem, place, allowed}) => [name, problem, place.text, allowed.length])
    expect(problems).toEqual([
      ['title', 'missing', '---', 0],
      ['owner', 'empty', 'owner', 0],
      // `date` is a usual field, so its value is read though the team does not require it; `layout` is left alone.
      ['date', 'not a date', '2024-02-30', 0],
      ['status', 'not an allowed status', 'Shipped', DEFAULT_STATUSES.length]
    ])
  })

  it('shows a field filled in, for the usual fields and any other', () => {
    expect(fieldExample('date')).toBe('`date: 2024-03-05`')
    expect(fieldExample('owner')).toBe('`owner: …`')
  })

  it('points at a parser error that spans nothing (a bracket never closed), and spans one that has text', () => {
    const problemOf = (document: string) => {
      const frontMatter = readFrontMatter(read(document).tree, document)
      return frontMatter && frontMatterProblem(frontMatter)
    }
    const unclosed = '---\ntitle: Outage\nauthors: [Ana\n---\n\n# Outage\n'
    expect(problemOf(unclosed)?.place).toEqual({start: unclosed.indexOf('\n---\n')})
    const nested = '---\ntitle: a: b: c\n---\n'
    expect(problemOf(nested)?.place).toEqual({text: 'a', start: nested.indexOf('a')})
  })
})

describe('measures: what the stated figures of an incident measure', () => {
  it('holds the stated duration against the stated start and end, and a sentence against its own range', () => {
    const {model} = read('# Outage\n\n## Summary\n\nStart: 10:00 UTC\n\nEnd: 12:00 UTC\n\nDuration: 3 hours\n\nThe API was down for 40 minutes, from 10:05 to 10:25 UTC.\n')
    const lengths = measuredLengths(model.stated).map(({duration, minutes, from, to, inSentence}) => [duration.span.text, minutes, formatClock(from), formatClock(to), inSentence])
    expect(lengths).toEqual([
      ['3 hours', 120, '10:00', '12:00', false],
      ['40 minutes', 20, '10:05', '10:25', true]
    ])
    expect(statedEndText(model.stated)).toBe('stated end at 12:00')
  })

  it('names an end reckoned from the start and the duration as such', () => {
    const {model} = read('# Outage\n\n## Summary\n\nStart: 08:10 UTC\n\nDuration: 3 hours 20 minutes\n')
    expect(statedEndText(model.stated)).toBe('end at 11:30 (the stated start at 08:10 plus 3 hours 20 minutes)')
  })

  it('reads a duration with neither start nor end against the timeline, with the slack of a reading', () => {
    const {model} = read('# Outage\n\n## Summary\n\nThe outage lasted 2 hours.\n\n## Timeline\n\n- 09:00 UTC Alert fired\n- 09:30 UTC Rolled back the deploy\n- 10:00 UTC Recovered\n')
    const reading = durationReading(model, 5)
    expect(reading && [reading.duration.span.text, reading.minutes, stampText(reading.from), stampText(reading.to), reading.slack]).toEqual(['2 hours', 60, '`09:00 UTC`', '`10:00 UTC`', 30])
  })

  it('gives where the timeline begins and ends', () => {
    const {model} = read('# Outage\n\n## Summary\n\nStart: 09:00 UTC\n\nEnd: 11:00 UTC\n\n## Timeline\n\n- 09:10 UTC Alert fired\n- 10:00 UTC Recovered\n')
    const {first, last} = timelineReach(model, 5)
    expect([first && stampText(first), last && stampText(last)]).toEqual(['`09:10 UTC`', '`10:00 UTC`'])
  })

  it('rewrites a wrapped duration where it stands, keeping its line break', () => {
    const source = 'It lasted 2 hours and\n50 minutes.'
    const start = source.indexOf('2 hours')
    const mention = {span: {text: '2 hours and 50 minutes', start}, minutes: 170, qualifier: 'exact' as const}
    expect(rewriteDurationAt(source, mention, 140)).toBe('2 hours and\n20 minutes')
  })
})

describe('sections: the missing and the misplaced', () => {
  it('gives each section of the kinds asked for that the document does not name, with where it goes', () => {
    const source = '# Outage\n\n## Summary\n\nIt broke.\n\n## Resolution\n\nWe fixed it.\n'
    const {model} = read(source)
    const missing = missingSections(model, ['summary', 'timeline', 'action-items']).map(({kind, insertion}) => [kind, insertion.offset, insertion.text])
    expect(missing).toEqual([
      ['timeline', source.indexOf('## Resolution'), '## Timeline\n\n'],
      ['action-items', source.length, '\n## Action items\n']
    ])
  })

  it('gives each section out of the order once, against the section in order before it', () => {
    const {model} = read('# Outage\n\n## Timeline\n\n- 09:00 Alert\n\n## Summary\n\nIt broke.\n\n## Impact\n\nAll users.\n\n## Root cause\n\nA bug.\n')
    const found = sectionsOutOfOrder(model.sections, ['summary', 'impact', 'timeline', 'root-cause'])
    expect(found.map(({title, kind, after}) => [title, kind, after.title, after.kind])).toEqual([
      ['Summary', 'summary', 'Timeline', 'timeline'],
      ['Impact', 'impact', 'Timeline', 'timeline']
    ])
  })

  it('gives the template\'s sections a postmortem lacks, but the optional ones, and inserts at a line start with any line ending', () => {
    const templateText = '# Title\n\n## Summary\n\n## Detection\n\n## Follow-up (optional)\n\n## Timeline\n'
    const template = readTemplate(read(templateText).tree, templateText)
    const source = '# Outage\r\r## Summary\r\rIt broke.\r\r## Timeline\r\r- 09:00 Alert\r'
    const {model} = read(source)
    const missing = missingTemplateSections(model, template.sections).map(({section, insertion}) => [section.title, insertion.offset])
    expect(missing).toEqual([['Detection', source.indexOf('## Timeline')]])
  })
})
