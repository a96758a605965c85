/**
 * The estimate of the parser's memory that the CLI checks before parsing:
 * what each kind of line costs relative to the others (the absolute weights
 * are measured figures, in docs/reliability.md), read in one pass.
 */
import {describe, expect, it} from 'vitest'
import {DEFAULT_MAX_PARSE_MEMORY, parseCost, partsParseCost} from '../../src/clients/cli/parse-cost.js'

const lines = (line: string, count: number, ending = '\n'): string => `${line}${ending}`.repeat(count)

describe('parseCost', () => {
  it('counts list items, bullets and ordered, inside quotes too, and weighs them above table rows and plain lines', () => {
    const bullets = parseCost(lines('- step', 1000))
    expect(parseCost(lines('1. step', 1000)).listItems).toBe(1000)
    expect(parseCost(lines('> * step', 1000)).listItems).toBe(1000)
    expect(bullets.listItems).toBe(1000)
    const rows = parseCost(`| a |\n| - |\n${lines('| step |', 1000)}`)
    const paragraph = parseCost(lines('step', 1000))
    expect(rows.listItems).toBe(0)
    expect(bullets.bytes).toBeGreaterThan(3 * rows.bytes)
    expect(bullets.bytes).toBeGreaterThan(3 * paragraph.bytes)
  })

  it('weighs a paragraph more than a line that continues one, and blank lines not at all', () => {
    const paragraphs = parseCost(lines('step', 1000, '\n\n'))
    const continued = parseCost(lines('step', 1000))
    expect(paragraphs.bytes).toBeGreaterThan(2 * continued.bytes)
    expect(parseCost(lines('', 10_000)).bytes).toBe(0)
  })

  it('ends lines at CR and CRLF as at LF', () => {
    const lf = parseCost(lines('- step', 500))
    expect(parseCost(lines('- step', 500, '\r')).listItems).toBe(500)
    expect(parseCost(lines('- step', 500, '\r\n')).listItems).toBe(500)
    expect(parseCost(lines('- step', 500, '\r')).bytes).toBe(lf.bytes)
  })

  it('is not fooled by what only looks like a marker', () => {
    expect(parseCost(lines('-step', 100)).listItems).toBe(0)
    expect(parseCost(lines('2024. was a year', 1)).listItems).toBe(1)
    expect(parseCost(lines('10:00 - step', 100)).listItems).toBe(0)
  })

  it('says where the estimate went over the limit, and not when it did not', () => {
    const text = lines('- step', 100)
    expect(parseCost(text).offset).toBeUndefined()
    const {offset} = parseCost(text, parseCost(lines('- step', 40)).bytes)
    expect(offset).toBe('- step\n'.length * 40)
  })

  it('lets a real postmortem through by far, and stops a large list timeline', () => {
    const postmortem = `# Outage\n\n## Timeline\n\n${lines('- 10:00 UTC - Alert fired for the checkout API.', 200)}\n## Root cause\n\nA config push.\n`
    expect(parseCost(postmortem).bytes).toBeLessThan(DEFAULT_MAX_PARSE_MEMORY / 100)
    expect(parseCost(lines('- 10:00 - step', 60_000)).bytes).toBeGreaterThan(DEFAULT_MAX_PARSE_MEMORY)
  })

  it('estimates a long document as it is parsed, in parts: the largest part, and what every line keeps', () => {
    const short = `# Outage\n\n${lines('- 10:00 UTC - step', 1000)}`
    expect(partsParseCost(short)).toEqual(parseCost(short))
    const timeline = `# Outage\n\n## Timeline\n\n${lines('- 10:00 UTC - Step of the rollback finished.', 100_000)}`
    const whole = parseCost(timeline)
    const parts = partsParseCost(timeline)
    expect(parts.listItems).toBe(100_000)
    expect(whole.bytes).toBeGreaterThan(DEFAULT_MAX_PARSE_MEMORY)
    expect(parts.bytes).toBeLessThan(whole.bytes / 4)
    expect(parts.bytes).toBeLessThan(DEFAULT_MAX_PARSE_MEMORY)
    // What stays grows with the document; a part's cost does not.
    const twice = partsParseCost(`${timeline}${lines('- 10:00 UTC - Step of the rollback finished.', 100_000)}`)
    expect(twice.bytes).toBeGreaterThan(1.8 * parts.bytes)
    // A million one-word items stay refused.
    expect(partsParseCost(lines('- x', 1_000_000)).bytes).toBeGreaterThan(DEFAULT_MAX_PARSE_MEMORY)
    expect(partsParseCost(timeline, parts.bytes / 2).offset).toBeGreaterThan(0)
  })
})
