import {describe, expect, it} from 'vitest'
import {DEFAULT_SYNONYMS, SECTION_KINDS, type SectionKind, createSectionMatcher, normalizeTitle} from '../src/synonyms.js'

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
