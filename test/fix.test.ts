import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import recommended from '../src/index.js'
import {applyFixes, planFixes} from '../src/lint/fix.js'
import {lint} from './support/lint.js'

interface FixSpec {
  start: number
  end?: number
  expected: string[]
  actual?: string
  /** Leave offsets out of the points, as some plugins do. */
  withoutOffsets?: boolean
}

/** Messages as rules make them: a place from offsets, `expected` and `actual`. */
function messagesFor(source: string, specs: FixSpec[]): VFileMessage[] {
  const file = new VFile({value: source})
  const locator = location(source)
  for (const spec of specs) {
    const point = (offset: number) => {
      const found = locator.toPoint(offset)
      if (!found) throw new Error(`No point at ${offset}`)
      return spec.withoutOffsets ? {line: found.line, column: found.column} : found
    }
    const place = spec.end === undefined ? point(spec.start) : {start: point(spec.start), end: point(spec.end)}
    const message = file.message('Unexpected thing, expected another', {place, ruleId: 'test-rule', source: 'test'})
    message.expected = spec.expected
    if (spec.actual !== undefined) message.actual = spec.actual
  }
  return file.messages
}

describe('applyFixes', () => {
  const source = '# Outage\n\n## Timeline\n\n- 10:05 Alert fired\n'

  it('replaces the text at a range', () => {
    const start = source.indexOf('10:05')
    expect(applyFixes(source, messagesFor(source, [{start, end: start + 5, expected: ['10:05 UTC'], actual: '10:05'}]))).toBe(
      '# Outage\n\n## Timeline\n\n- 10:05 UTC Alert fired\n'
    )
  })

  it('inserts at a point', () => {
    const at = source.indexOf('## Timeline')
    expect(applyFixes(source, messagesFor(source, [{start: at, expected: ['## Summary\n\n'], actual: ''}]))).toBe(
      '# Outage\n\n## Summary\n\n## Timeline\n\n- 10:05 Alert fired\n'
    )
  })

  it('finds offsets from lines and columns when points have none', () => {
    const start = source.indexOf('10:05')
    const messages = messagesFor(source, [{start, end: start + 5, expected: ['10:05 UTC'], withoutOffsets: true}])
    expect(applyFixes(source, messages)).toContain('- 10:05 UTC Alert')
  })

  it('changes nothing without fixable messages', () => {
    const file = new VFile({value: source})
    file.message('Unexpected thing, expected another', {line: 1, column: 1})
    expect(applyFixes(source, file.messages)).toBe(source)
    expect(applyFixes(source, [])).toBe(source)
  })

  it('skips a message whose `actual` is not the text at its place', () => {
    const start = source.indexOf('10:05')
    const plan = planFixes(source, messagesFor(source, [{start, end: start + 5, expected: ['11:00'], actual: '09:00'}]))
    expect(plan.edits).toEqual([])
    expect(plan.skipped.map((skip) => skip.reason)).toEqual(['text at the place differs from `actual`'])
  })

  it('skips a message with several expected values (alternatives to choose from)', () => {
    const start = source.indexOf('10:05')
    const plan = planFixes(source, messagesFor(source, [{start, end: start + 5, expected: ['10:05 UTC', '10:05 PST']}]))
    expect(plan.edits).toEqual([])
    expect(plan.skipped.map((skip) => skip.reason)).toEqual(['no single expected value'])
  })

  it('skips an edit that overlaps an earlier one, and applies the rest', () => {
    const text = 'alpha beta gamma\n'
    const messages = messagesFor(text, [
      {start: 6, end: 16, expected: ['B G']},
      {start: 0, end: 10, expected: ['A B']},
      {start: 8, expected: ['inside']},
      {start: 16, expected: ['!']}
    ])
    const plan = planFixes(text, messages)
    expect(plan.edits).toEqual([
      {start: 0, end: 10, text: 'A B'},
      {start: 16, end: 16, text: '!'}
    ])
    expect(plan.skipped.map((skip) => skip.reason)).toEqual(['overlaps another fix', 'overlaps another fix'])
    expect(applyFixes(text, messages)).toBe('A B gamma!\n')
  })

  it('applies edits that touch without overlapping', () => {
    const text = 'abcdef'
    const messages = messagesFor(text, [
      {start: 2, end: 4, expected: ['CD']},
      {start: 0, end: 2, expected: ['AB']},
      {start: 4, expected: ['-']},
      {start: 2, expected: ['+']}
    ])
    expect(applyFixes(text, messages)).toBe('AB+CD-ef')
  })

  it('keeps message order for insertions at one point and drops repeats', () => {
    const text = '# Title\n\n## Resolution\n'
    const at = text.indexOf('## Resolution')
    const messages = messagesFor(text, [
      {start: at, expected: ['## Timeline\n\n']},
      {start: at, expected: ['## Root cause\n\n']},
      {start: at, expected: ['## Timeline\n\n']}
    ])
    expect(applyFixes(text, messages)).toBe('# Title\n\n## Timeline\n\n## Root cause\n\n## Resolution\n')
  })

  it('writes inserted line endings as the document does', () => {
    const text = '# Title\r\n\r\n## Resolution\r\n'
    const at = text.indexOf('## Resolution')
    expect(applyFixes(text, messagesFor(text, [{start: at, expected: ['## Timeline\n\n']}]))).toBe(
      '# Title\r\n\r\n## Timeline\r\n\r\n## Resolution\r\n'
    )
  })

  it('skips a place outside the document', () => {
    const file = new VFile({value: 'short'})
    const message = file.message('Unexpected thing, expected another', {
      start: {line: 1, column: 1, offset: 2},
      end: {line: 1, column: 1, offset: 99}
    })
    message.expected = ['x']
    expect(planFixes('short', file.messages)).toMatchObject({edits: [], skipped: [{reason: 'place outside the document'}]})
  })

  it('applies the fixes of the real rules and then has nothing left to fix', async () => {
    const document = '# Outage\n\n## Summary\n\nThe API failed for 20% of users.\n\n## Timeline\n\n- 10:05 Alert fired\n- 10:30 Fixed\n\n## Resolution\n\nRolled back.\n'
    const fixed = applyFixes(document, await lint(document, [recommended]))
    expect(fixed).toBe(
      '# Outage\n\n## Summary\n\nThe API failed for 20% of users.\n\n## Timeline\n\n- 10:05 UTC Alert fired\n- 10:30 Fixed\n\n' +
        '## Root cause\n\n## Resolution\n\nRolled back.\n\n## Action items\n'
    )
    expect(applyFixes(fixed, await lint(fixed, [recommended]))).toBe(fixed)
  })
})
