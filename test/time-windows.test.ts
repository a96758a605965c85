import {describe, expect, it} from 'vitest'
import {generatePostmortem} from '../bench/corpus.js'
import {HOSTILE_SHAPES} from '../bench/reliability.js'
import {findTimes} from '../src/model/time/time.js'

/**
 * findTimes reads a text longer than a window (16 K) window by window, so
 * that chrono-node's results of one paragraph of megabytes are not all alive
 * at once. The reading must be the one a whole reading gives.
 */
const WHOLE = Number.POSITIVE_INFINITY
const joined = (count: number, separator: string): string =>
  Array.from({length: count}, (_, index) => generatePostmortem(20_240_917, index).replace(/\n+/g, separator)).join(separator)

const texts: Record<string, string> = {
  'one huge paragraph of times, figures and zones': HOSTILE_SHAPES['one huge paragraph']?.(60_000) ?? '',
  'many dates written out and in ISO form': (HOSTILE_SHAPES['many dates']?.(60_000) ?? '').replace(/\n+/g, ' '),
  'postmortems run into one line': joined(40, ' '),
  'postmortems run into one line, with ranges and bare offsets': joined(40, ' ').replaceAll('UTC', 'UTC+2 to 11:30 GMT-3')
}

describe('findTimes on long texts', () => {
  for (const [name, text] of Object.entries(texts)) {
    it(`reads ${name} window by window as a whole reading does`, () => {
      expect(text.length).toBeGreaterThan(50_000)
      const span = {text, start: 7}
      const whole = findTimes(span, 'month-first', WHOLE)
      expect(whole.length).toBeGreaterThan(100)
      // Windows of several sizes, so that their edges fall everywhere.
      for (const window of [2000, 3001, 16 * 1024]) expect(findTimes(span, 'month-first', window)).toEqual(whole)
      expect(findTimes(span, 'day-first', 2500)).toEqual(findTimes(span, 'day-first', WHOLE))
    })
  }
})
