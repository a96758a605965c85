import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {placeProblem, shapeOf, strictProcessor} from '../../bench/fuzz/check.js'

/**
 * Inputs that make backtracking patterns and quadratic loops show: each is
 * linted at a length of 25,000 and of 100,000 characters (documents full of
 * structure at a quarter of that), and the longer one must not take more than
 * LINEAR_RATIO times as long, for parsing and for the rules each. Linear work gives 4×,
 * quadratic 16×; the margin keeps noise on a busy CI machine from failing it.
 */
const LINEAR_RATIO = 8
const BASE = 25_000
// Documents full of structure cost more per character: a quarter the length keeps CI fast.
const STRUCTURED = 6_250
// Below this a run is too short to time: treated as taking this long.
const FLOOR_MS = 10

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

/**
 * Scenarios where remark-parse itself (micromark) is super-linear: its
 * emphasis resolution rescans unmatched delimiters. Upstream code; for these
 * only the time after parsing (the rules and the model) is held to linear.
 */
const PARSER_LIMITS = new Set(['repeated `__` and `*`'])

describe('adversarial inputs through the whole preset take linear time', () => {
  const processor = strictProcessor()
  const timeOf = async (text: string): Promise<{parse: number; rules: number}> => {
    const file = new VFile({path: 'adversarial.md', value: text})
    const start = performance.now()
    const tree = processor.parse(file)
    const parsed = performance.now()
    await processor.run(tree, file)
    const done = performance.now()
    const shape = shapeOf(text)
    for (const message of file.messages) expect(placeProblem(shape, message)).toBeUndefined()
    return {parse: Math.max(FLOOR_MS, parsed - start), rules: Math.max(FLOOR_MS, done - parsed)}
  }
  const fastest = (runs: Array<{parse: number; rules: number}>): {parse: number; rules: number} => ({
    parse: Math.min(...runs.map((run) => run.parse)),
    rules: Math.min(...runs.map((run) => run.rules))
  })

  test.each(Object.keys(SCENARIOS))('%s', async (name) => {
    const scenario = SCENARIOS[name]
    if (!scenario) throw new Error(`no scenario ${name}`)
    const [make, length] = typeof scenario === 'function' ? [scenario, BASE] : scenario
    const small = make(length)
    const large = make(4 * length)
    expect(large.length).toBeGreaterThanOrEqual(3.5 * small.length)
    // Small and large runs alternate, so that load from other processes weighs
    // on both; more rounds are run before failing, as a pause for garbage
    // collection can land on any run.
    await timeOf(small)
    const smallRuns: Array<{parse: number; rules: number}> = []
    const largeRuns: Array<{parse: number; rules: number}> = []
    const ratios = (): {parse: number; rules: number} => {
      const base = fastest(smallRuns)
      const grown = fastest(largeRuns)
      return {parse: grown.parse / base.parse, rules: grown.rules / base.rules}
    }
    const settled = (): boolean => ratios().rules < LINEAR_RATIO && (PARSER_LIMITS.has(name) || ratios().parse < LINEAR_RATIO)
    for (let round = 0; round < 4 && (round === 0 || !settled()); round++) {
      smallRuns.push(await timeOf(small))
      largeRuns.push(await timeOf(large))
    }
    const base = fastest(smallRuns)
    const grown = fastest(largeRuns)
    const report = `parse ${base.parse.toFixed(0)} → ${grown.parse.toFixed(0)} ms, rules ${base.rules.toFixed(0)} → ${grown.rules.toFixed(0)} ms, ${small.length} → ${large.length} characters`
    expect(ratios().rules, report).toBeLessThan(LINEAR_RATIO)
    if (!PARSER_LIMITS.has(name)) expect(ratios().parse, report).toBeLessThan(LINEAR_RATIO)
  })
})
