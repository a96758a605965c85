import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {placeProblem, shapeOf, strictProcessor} from '../../bench/fuzz/check.js'
import {resetWork} from '../../src/model/support/scan-work.js'

/**
 * Inputs that make quadratic loops show: each is linted at a length of 25,000
 * and of 100,000 characters (documents full of structure at a quarter of
 * that), and the longer one must not make the readers scan more than
 * LINEAR_RATIO times as many characters (src/model/support/scan-work.ts counts them). Linear work
 * gives 4×, quadratic 16×. Work is counted, not timed, so a busy machine
 * cannot fail it; wall-clock growth, the parser's included, is measured by
 * `npm run bench` (docs/reliability.md). Backtracking patterns are checked one
 * by one in regex.test.ts.
 */
const LINEAR_RATIO = 6
const BASE = 25_000
// Documents full of structure cost more per character: a quarter the length keeps CI fast.
const STRUCTURED = 6_250

const clock = (index: number): string => `${String(Math.floor(index / 60) % 24).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}`
const repeatTo = (unit: string, length: number): string => unit.repeat(Math.max(1, Math.floor(length / unit.length)))

const SCENARIOS: Record<string, ((length: number) => string) | [(length: number) => string, number]> = {
  'a long run of digits': (n) => `## Summary\n\n${'7'.repeat(n)}\n`,
  'a long run of digits opening a timeline entry': (n) => `## Timeline\n\n- ${'1'.repeat(n)} paged\n`,
  'a long number before a percent sign': (n) => `## Impact\n\n${'9'.repeat(n)}%\n`,
  'digits and commas': (n) => `## Impact\n\n${repeatTo('1,000', n)} users\n`,
  'digits and dots': (n) => `## Summary\n\n${repeatTo('1.', n)}\n`,
  'digits and colons in a timeline': (n) => `## Timeline\n\n- ${repeatTo('1:', n)}\n`,
  'a 100,000-character line of words, times and figures': (n) => `## Summary\n\n${repeatTo('lasted 2 hours, 10:00 UTC, 5% of users; ', n)}\n`,
  'a long timeline entry': (n) => `## Timeline\n\n- 10:00 ${repeatTo('word ', n)}\n`,
  'repeated `**`': (n) => `${'**'.repeat(n / 2)}\n`,
  'repeated `**` in a timeline item': (n) => `## Timeline\n\n- ${'**'.repeat(n / 2)}\n`,
  'repeated `__` and `*`': [(n) => `## Summary\n\n${repeatTo('__*', n)}\n`, 2_000],
  'many colons': (n) => `${':'.repeat(n)}\n`,
  'words and colons': (n) => `## Summary\n\n${repeatTo('a:', n)}\n`,
  'a long run of spaces before text': (n) => `Summary${' '.repeat(n)}x\n`,
  'a long run of spaces before a colon': (n) => `a${' '.repeat(n)}:x\n`,
  'a long run of spaces after a digit': (n) => `## Summary\n\n1${' '.repeat(n)}x\n`,
  'tabs in a table delimiter row': (n) => `## Timeline\n\n| a | b |\n|${'\t'.repeat(n / 2)}--|-\t${'\t'.repeat(n / 2)}\t-\n`,
  'comments left open': (n) => `## Summary\n\n${repeatTo('<!--', n)}\n`,
  'a word followed by dots or dashes': (n) => `## Summary\n\nThe ${'-'.repeat(n)} and a${'.'.repeat(n)}\n`,
  'a word followed by apostrophes': (n) => `## Lessons learned\n\nit${"'".repeat(n)}\n`,
  'handle-like text': (n) => `## Action items\n\n- ${repeatTo('-a', n)}-\n`,
  'brackets and backticks': (n) => `## Summary\n\n${repeatTo('[`(', n)}\n`,
  'line breaks written as <br>': (n) => `## Timeline\n\n${repeatTo('10:00 x<br>', n)}\n`,
  // Rows pasted from HTML onto one line: each part after a <br> is looked at where it stands.
  'table rows joined by <br> on one line': (n) => `## Timeline\n\n| Time | Event |\n| --- | --- |\n${repeatTo('| 10:00 | step (x) |<br>', n)}| 10:05 | end |\n`,
  'emoji': (n) => `## 🔥 Summary\n\n${repeatTo('🔥⏱️', n)}\n`,
  'many headings': [(n) => repeatTo('## Heading\n\n', n), STRUCTURED],
  'many timeline headings': [(n) => repeatTo('## Timeline\n\nx\n\n', n), STRUCTURED],
  'many summary labels': [(n) => repeatTo('Summary:\n\n', n), STRUCTURED],
  'a timeline of many entries': [
    (n) => `## Timeline\n\n${Array.from({length: Math.floor(n / 24)}, (_, index) => `- ${clock(index)} UTC step\n`).join('')}`,
    STRUCTURED
  ],
  'a timeline whose entries lack times': [(n) => `## Timeline\n\n- 10:00 start\n- 10:05 next\n${repeatTo('- no time here\n', n)}`, STRUCTURED],
  'lines ending in CR only': [(n) => `## Timeline\r\r${repeatTo('- 10:00 step\r', n)}`, STRUCTURED]
}

describe('adversarial inputs through the whole preset take work linear in their length', () => {
  const processor = strictProcessor()
  const workOf = async (text: string): Promise<number> => {
    const file = new VFile({path: 'adversarial.md', value: text})
    resetWork()
    await processor.run(processor.parse(file), file)
    const scanned = resetWork()
    const shape = shapeOf(text)
    for (const message of file.messages) expect(placeProblem(shape, message)).toBeUndefined()
    return scanned
  }

  test.each(Object.keys(SCENARIOS))('%s', async (name) => {
    const scenario = SCENARIOS[name]
    if (!scenario) throw new Error(`no scenario ${name}`)
    const [make, length] = typeof scenario === 'function' ? [scenario, BASE] : scenario
    const small = make(length)
    const large = make(4 * length)
    expect(large.length).toBeGreaterThanOrEqual(3.5 * small.length)
    const base = Math.max(await workOf(small), small.length)
    const grown = await workOf(large)
    expect(grown / base, `${base} → ${grown} characters scanned for ${small.length} → ${large.length} characters`).toBeLessThan(LINEAR_RATIO)
  })
})
