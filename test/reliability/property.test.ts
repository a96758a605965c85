import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {anyInput, arbitraryText, deepNesting, postmortem, wholePostmortem} from '../../bench/fuzz/arbitraries.js'
import {checkDeterministic, checkPlaces, lintWith, strictProcessor} from '../../bench/fuzz/check.js'

// A few thousand cases in CI; `npm run fuzz` runs 100,000 (bench/fuzz.ts).
// A failure prints its seed and path: pass them back as
// `{seed, path, endOnFailure: true}` to replay exactly that case.
const scale = Number(process.env.PROPERTY_RUNS ?? 2000) / 2000
const runs = (count: number): number => Math.max(1, Math.round(count * scale))
// Generous: a case takes a few milliseconds; more runs, more time.
const timeout = (count: number): number => Math.max(60_000, runs(count) * 100)

describe('the strict preset on any input', () => {
  const shared = strictProcessor()

  test('postmortem-like Markdown: no throw, every message inside the document', async () => {
    await fc.assert(fc.asyncProperty(postmortem, async (text) => {
      await checkPlaces(text, shared)
    }), {numRuns: runs(850)})
  }, timeout(850))

  test('arbitrary strings: any code points and dense Markdown punctuation', async () => {
    await fc.assert(fc.asyncProperty(arbitraryText, async (text) => {
      await checkPlaces(text, shared)
    }), {numRuns: runs(950)})
  }, timeout(950))

  test('a `lint` comment with an unknown keyword: remark-lint\'s one fatal message, at the comment', async () => {
    const text = '# Outage\n\n## Timeline\n\n- 10:05 UTC paged\n\n<!-- lint disabel postmortem-timeline-order -->\n'
    const fatal = (await checkPlaces(text, shared)).filter((message) => message.fatal)
    expect(fatal.map((message) => [message.line, message.column, message.reason])).toEqual([
      [7, 1, "Unknown keyword `disabel`: expected `'enable'`, `'disable'`, or `'ignore'`"]
    ])
  })

  test('deeply nested lists and quotes', async () => {
    await fc.assert(fc.asyncProperty(deepNesting, async (text) => {
      await checkPlaces(text, shared)
    }), {numRuns: runs(50)})
  }, timeout(50))

  test('deterministic: the same messages twice, and with a fresh processor', async () => {
    await fc.assert(fc.asyncProperty(anyInput, (text) => checkDeterministic(text, shared)), {numRuns: runs(150)})
  }, timeout(150))

  test('the generated documents reach every rule of the preset', async () => {
    const samples = [...fc.sample(postmortem, {numRuns: 300, seed: 7}), ...fc.sample(wholePostmortem, {numRuns: 100, seed: 7})]
    const results = await Promise.all(samples.map((text) => lintWith(shared, text)))
    const ruleIds = new Set(results.flat().map((message) => message.ruleId))
    expect([...ruleIds].sort()).toEqual(
      expect.arrayContaining([
        'postmortem-duration-consistency',
        'postmortem-impact-quantified',
        'postmortem-no-empty-sections',
        'postmortem-required-sections',
        'postmortem-section-order',
        'postmortem-time-zone',
        'postmortem-timeline-order',
        'postmortem-timeline-timestamps'
      ])
    )
  })
})
