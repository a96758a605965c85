/**
 * `--fix` loses no text: over the corpus, the seeds and generated postmortems,
 * every line of the original is still in the fixed text, in order (a line a
 * fix replaces part of is there with that part replaced), fixes settle, and
 * fixing the fixed text changes nothing.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {strict} from '../src/index.js'
import {applyEdits, fixUntilSettled} from '../src/lint/fix.js'
import {postmortem, wholePostmortem} from './reliability/support/arbitraries.js'
import {lint} from './support/lint.js'
import {hasShared, sharedDocuments} from './support/shared.js'
import {propertyRuns} from './support/runs.js'

const BOM = '\uFEFF'
const LINE = /\r\n|\r|\n/

interface Line {
  text: string
  start: number
  end: number
}

function linesOf(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (const match of text.matchAll(new RegExp(LINE, 'g'))) {
    lines.push({text: text.slice(start, match.index), start, end: match.index})
    start = match.index + match[0].length
  }
  lines.push({text: text.slice(start), start, end: text.length})
  return lines
}

/**
 * The original lines as they must read after fixing: unchanged, or with the
 * replacements that fall inside them made. Lines a replacement runs across
 * are left out (none of the rules makes one).
 */
function expectedLines(body: string, replacements: Array<{start: number; end: number; text: string}>): string[] {
  const result: string[] = []
  for (const line of linesOf(body)) {
    const inside = replacements.filter((edit) => edit.start < line.end && edit.end > line.start)
    if (inside.some((edit) => edit.start < line.start || edit.end > line.end)) continue
    let text = line.text
    for (const edit of [...inside].reverse()) {
      text = text.slice(0, edit.start - line.start) + edit.text + text.slice(edit.end - line.start)
    }
    result.push(text)
  }
  return result
}

/** Describes the first original line missing from `fixed` (in order), or returns undefined. */
function lostLine(source: string, fixed: string, replacements: Array<{start: number; end: number; text: string}>): string | undefined {
  const body = source.startsWith(BOM) ? source.slice(1) : source
  if (source.startsWith(BOM) && !fixed.startsWith(BOM)) return 'the byte order mark'
  const fixedLines = linesOf(fixed.startsWith(BOM) ? fixed.slice(1) : fixed).map((line) => line.text)
  let cursor = 0
  for (const line of expectedLines(body, replacements)) {
    const found = fixedLines.indexOf(line, cursor)
    if (found === -1) return JSON.stringify(line)
    cursor = found + 1
  }
  return undefined
}

// The strict preset: every rule, so every kind of fix.
const lintText = (text: string) => lint(text, [strict])

/** Fixes `source` as `--fix` does, checking that no pass loses a line; resolves to the number of passes. */
async function checkNothingLost(source: string): Promise<number> {
  const settled = await fixUntilSettled(source, await lintText(source), lintText)
  let text = source
  for (const [index, edits] of settled.passes.entries()) {
    const fixed = applyEdits(text, edits)
    const lost = lostLine(text, fixed, edits.filter((edit) => edit.end > edit.start))
    if (lost !== undefined) throw new Error(`Pass ${index + 1} lost ${lost} of ${JSON.stringify(text)}`)
    text = fixed
  }
  expect(text).toBe(settled.value)
  const again = await fixUntilSettled(settled.value, await lintText(settled.value), lintText)
  expect(again.value, 'fixing the fixed text changed it').toBe(settled.value)
  return settled.passes.length
}

describe('the property check itself', () => {
  it('notices a lost line, a split line and a reordering', () => {
    const source = 'one\ntwo\nthree\n'
    expect(lostLine(source, 'one\nthree\n', [])).toBe('"two"')
    expect(lostLine(source, 'one\ntw\n## X\no\nthree\n', [])).toBe('"two"')
    expect(lostLine(source, 'two\none\nthree\n', [])).toBe('"two"')
    expect(lostLine(source, 'one\n## Inserted\n\ntwo\nthree\n', [])).toBeUndefined()
    expect(lostLine(source, 'one\ntwo UTC\nthree\n', [{start: 4, end: 7, text: 'two UTC'}])).toBeUndefined()
    expect(lostLine(`${BOM}${source}`, source, [])).toBe('the byte order mark')
  })
})

describe('fixing loses no text and is idempotent', () => {
  it('on generated postmortems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({weight: 2, arbitrary: wholePostmortem}, {weight: 1, arbitrary: postmortem}), async (source) => {
        await checkNothingLost(source)
      }),
      {numRuns: propertyRuns(100)}
    )
  })

  const documents = [...sharedDocuments('corpus'), ...sharedDocuments('seeds')]
  it.skipIf(!hasShared)('on every corpus and seed document', async () => {
    let fixedSome = 0
    for (const document of documents) {
      const passes = await checkNothingLost(document.text).catch((error: unknown) => {
        throw new Error(`${document.name}: ${error instanceof Error ? error.message : String(error)}`)
      })
      if (passes > 0) fixedSome++
    }
    // The check is only worth something if fixes were made.
    expect(fixedSome).toBeGreaterThan(0)
  })
})
