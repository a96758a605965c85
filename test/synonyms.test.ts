import {describe, expect, it} from 'vitest'
import {DEFAULT_SYNONYMS, SECTION_KINDS, type SectionKind, createSectionMatcher, normalizeTitle} from '../src/model/sections/synonyms.js'

describe('normalizeTitle', () => {
  it.each([
    ['Timeline', 'timeline'],
    ['TIMELINE:', 'timeline'],
    ['Timeline (UTC)', 'timeline'],
    ['Timeline (all times PST):', 'timeline'],
    ['2. Root Cause', 'root cause'],
    ['IV. Root Cause', 'root cause'],
    ['a) Impact', 'impact'],
    ['📋 Timeline', 'timeline'],
    ['🛠️ Follow-ups', 'follow ups'],
    ['TL;DR', 'tl dr'],
    ['Root Cause & Resolution', 'root cause and resolution'],
    ['  **Lessons   learned**  ', 'lessons learned']
  ])('%j → %j', (title, normal) => {
    expect(normalizeTitle(title)).toBe(normal)
  })
})

describe('createSectionMatcher: the default table', () => {
  const matcher = createSectionMatcher()

  it.each(SECTION_KINDS.flatMap((kind) => DEFAULT_SYNONYMS[kind].map((title) => [title, kind] as const)))('%s is %s', (title, kind) => {
    expect(matcher.match(title)).toEqual([kind])
  })

  it.each([
    ['Issue Summary', 'summary'],
    ['Overview', 'summary'],
    ['Executive Summary', 'summary'],
    ['TL;DR', 'summary'],
    ['Customer Impact', 'impact'],
    ['Chronology', 'timeline'],
    ['Sequence of Events', 'timeline'],
    ['Timeline (UTC)', 'timeline'],
    ['Root Causes', 'root-cause'],
    ['Root Cause Analysis', 'root-cause'],
    ['Contributing Factors', 'root-cause'],
    ['Trigger', 'root-cause'],
    ['Mitigation', 'resolution'],
    ['Recovery', 'resolution'],
    ['Corrective and Preventative Measures', 'action-items'],
    ['Corrective and Preventive Measures', 'action-items'],
    ['Corrective Actions', 'action-items'],
    ['Follow-ups', 'action-items'],
    ['Follow ups', 'action-items'],
    ['Remediation', 'action-items'],
    ['Lessons Learned', 'lessons-learned']
  ] as Array<[string, SectionKind]>)('issue 2 names %s as %s', (title, kind) => {
    expect(matcher.match(title)).toEqual([kind])
  })

  it('reads a title made of known titles joined by "and" as all of them', () => {
    expect(matcher.match('Root Cause and Resolution')).toEqual(['root-cause', 'resolution'])
    expect(matcher.match('Impact & Timeline')).toEqual(['impact', 'timeline'])
    expect(matcher.match('Resolution and Recovery')).toEqual(['resolution'])
  })

  it('does not read a title with an unknown part as a section when it is exact', () => {
    expect(matcher.match('Root Cause and Budget')).toEqual([])
    expect(matcher.match('Our plans for the summer')).toEqual([])
    expect(matcher.match('')).toEqual([])
    expect(matcher.match('🔥')).toEqual([])
  })

  it('reads fact labels, which are not sections', () => {
    expect(matcher.factLabel('Duration')).toBe('duration')
    expect(matcher.factLabel('Total duration:')).toBe('duration')
    expect(matcher.factLabel('Start Time')).toBe('start')
    expect(matcher.factLabel('Resolved at')).toBe('end')
    expect(matcher.factLabel('Date of incident')).toBe('date')
    expect(matcher.factLabel('Timeline')).toBeUndefined()
    expect(matcher.match('Duration')).toEqual([])
  })
})

describe('createSectionMatcher: extra titles', () => {
  it('adds the titles of the synonyms option to the defaults', () => {
    const matcher = createSectionMatcher({timeline: ['Event log'], 'action-items': ['TODO list']})
    expect(matcher.match('Event Log:')).toEqual(['timeline'])
    expect(matcher.match('## todo list')).toEqual(['action-items'])
    expect(matcher.match('Timeline')).toEqual(['timeline'])
  })

  it('joins extra titles with "and" like the built-in ones', () => {
    const matcher = createSectionMatcher({'root-cause': ['What broke'], resolution: ['How we fixed it']})
    expect(matcher.match('What broke and how we fixed it')).toEqual(['root-cause', 'resolution'])
  })

  it('does not change the matcher of other rules', () => {
    createSectionMatcher({timeline: ['Event log']})
    expect(createSectionMatcher().match('Event log')).toEqual([])
  })
})

describe('createSectionMatcher: titles read by their grammar', () => {
  const matcher = createSectionMatcher()
  const loose = (title: string): SectionKind[] => matcher.match(title, true)

  it.each([
    ['Root Cause Remediations', ['action-items']],
    ['Root cause of the outage', ['root-cause']],
    ['Timeline of the recovery', ['timeline']],
    ['Recovery actions', ['resolution']],
    ['Immediate actions', ['action-items']],
    ['Actions taken', ['resolution']],
    ['Incident response and fixes', ['resolution']],
    ['Improvements/Fixes', ['action-items', 'resolution']],
    ['Short-term fix', ['resolution']],
    ['Long-term solution', ['action-items']],
    ['Permanent fixes implemented', ['resolution']],
    ['Lessons learned & future safeguards', ['lessons-learned', 'action-items']],
    ['Resolution summary', ['resolution']],
    ['Details of the root cause', ['root-cause']],
    ['Root cause — a two-step chain', ['root-cause']]
  ] as Array<[string, SectionKind[]]>)('%s is %j by its head', (title, kinds) => {
    expect(loose(title)).toEqual(kinds)
  })

  it('reads a summary of something else as no summary', () => {
    expect(loose('Quick overview of the incident')).toEqual(['summary'])
    expect(loose('Executive summary')).toEqual(['summary'])
    expect(loose('Network overview')).toEqual([])
    expect(loose('Overview of the network setup')).toEqual([])
    expect(loose('Release summary')).toEqual([])
    expect(loose('Incident 2 summary')).toEqual(['summary'])
    expect(loose('March 5 outage overview')).toEqual(['summary'])
    expect(loose('Incident report summary')).toEqual(['summary'])
    expect(loose('Summary of impact')).toEqual(['impact'])
  })

  it('reads a clause as no section', () => {
    expect(loose('A fix for this was proposed')).toEqual([])
    expect(loose('Can be improved')).toEqual([])
  })

  it('reads a status as no section', () => {
    expect(loose('Resolved')).toEqual([])
    expect(loose('Resolving the issue')).toEqual(['resolution'])
  })

  it.each([
    ['Why did this break?', ['root-cause']],
    ['Why did it happen again?', ['root-cause']],
    ['What caused the incident?', ['root-cause']],
    ['What allowed this to happen?', ['root-cause']],
    ['How did we fix it?', ['resolution']],
    ['How it was resolved', ['resolution']],
    ['What are we doing to prevent it?', ['action-items']],
    ['What is being done about this?', ['action-items']],
    ['Will this happen again?', ['action-items']],
    ['What happens now', ['action-items']],
    ['What we learned', ['lessons-learned']],
    ['What was the root cause?', ['root-cause']],
    ['What we\'re changing', ['action-items']],
    ['What we will do', ['action-items']],
    ['What are we changing?', ['action-items']],
    ['What will we do?', ['action-items']],
    ['What are we going to do?', ['action-items']],
    ['Are we vulnerable?', []],
    ['Why?', ['root-cause']],
    ['What did we do?', ['resolution']],
    ['What did we do well?', []],
    ['5 Whys', ['root-cause']],
    ['Five whys', ['root-cause']],
    ['What went wrong?', ['root-cause']],
    ['What went well?', []],
    ['Why was the queue not draining?', []],
    ['How does this affect the release?', []],
    ['What happened?', []]
  ] as Array<[string, SectionKind[]]>)('%s asks for %j', (title, kinds) => {
    expect(loose(title)).toEqual(kinds)
  })

  it('reads exact titles only in labels inside sentences', () => {
    expect(matcher.match('Root Cause Remediations')).toEqual([])
    expect(matcher.match('Why did this break?')).toEqual([])
    expect(matcher.match('Action point')).toEqual(['action-items'])
  })
})
