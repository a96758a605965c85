/**
 * The CLI bundle measures printable ASCII by its length instead of asking
 * string-width (tooling/bundle.ts): the same widths, so the same report.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {PRINTABLE_ASCII} from '../../tooling/bundle.js'
import {ROOT} from './support/run.js'

describe('the bundle\'s width of printable ASCII (bundle.ts)', () => {
  it('is what string-width, as vfile-reporter loads it, says', async () => {
    const reporter = createRequire(path.join(ROOT, 'package.json')).resolve('vfile-reporter')
    const widthPath = createRequire(reporter).resolve('string-width')
    const {default: stringWidth} = (await import(pathToFileURL(widthPath).href)) as {default: (text: string) => number}
    const printable = Array.from({length: 0x7f - 0x20}, (_, index) => String.fromCharCode(0x20 + index)).join('')
    expect(PRINTABLE_ASCII.test(printable)).toBe(true)
    for (const character of printable) expect(stringWidth(character), character).toBe(1)
    expect(stringWidth(printable)).toBe(printable.length)
    // Anything else goes to string-width.
    for (const text of ['\u001B[31mred\u001B[39m', 'tab\t', 'café', '障害', '🔥']) expect(PRINTABLE_ASCII.test(text), text).toBe(false)
  })
})
