import * as chrono from 'chrono-node'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {generateLongPostmortem, generatePostmortem} from '../bench/corpus.js'
import {findTimes, mayHoldTime, mayWriteClock, readLeadingTime, readLeadingTimeWithChrono} from '../src/model/time/time.js'
import {stripLeadingMarkup} from '../src/model/text/text.js'
import {sharedDocuments} from './support/shared.js'

/**
 * src/model/time/time.ts skips chrono-node where it can: texts it can read nothing from,
 * and lines that start with a plain clock time. Both shortcuts must give what
 * chrono-node gives, on every line of every postmortem we have.
 */
const documents = [
  ...sharedDocuments('corpus').map((document) => document.text),
  ...sharedDocuments('seeds').map((document) => document.text),
  ...Array.from({length: 300}, (_, index) => generatePostmortem(20_240_917, index)),
  generateLongPostmortem(20_240_917, 1, 600)
]
const lines = [...new Set(documents.flatMap((text) => text.split('\n')))]

function leadingBothWays(text: string): void {
  const span = stripLeadingMarkup({text, start: 0})
  expect(readLeadingTime(span), text).toEqual(readLeadingTimeWithChrono(span))
}

describe('time fast paths', () => {
  it('chrono-node reads nothing from a text without a digit, a month, a weekday or a unit', () => {
    const skipped = lines.filter((line) => !mayHoldTime(line))
    expect(skipped.length).toBeGreaterThan(500)
    for (const line of skipped) expect(chrono.strict.parse(line, new Date(Date.UTC(2000, 0, 1))), line).toEqual([])
  })

  it('chrono-node reads nothing from sentences of time-ish words without those cues', () => {
    const word = fc.constantFrom(
      'a', 'an', 'few', 'half', 'couple', 'several', 'the', 'of', 'one', 'twelve', 'first', 'twenty-first', 'last',
      'next', 'this', 'ago', 'later', 'within', 'in', 'at', 'on', 'by', 'from', 'to', 'until', 'noon', 'midnight',
      'now', 'today', 'tonight', 'tomorrow', 'yesterday', 'morning', 'evening', 'weekend', 'christmas', 'EST', 'UTC',
      'GMT+', 'PST', 'AM', 'PM', 'a.m.', 'o\'clock', 'h', 'hr', 'min', 'mins', 'sec', 'wk', 'yr', 'mo', 'qtr',
      'fortnight', 'decade', 'Marketing', 'Monitor', 'Sunny', 'Mayday', 'Decimal', 'Octopus', '-', ',', '/', ':', '.'
    )
    fc.assert(
      fc.property(fc.array(word, {minLength: 1, maxLength: 8}), (words) => {
        const text = words.join(' ')
        if (!mayHoldTime(text)) expect(chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1))), text).toEqual([])
      }),
      {numRuns: 3000}
    )
  })

  it('finds no clock time where mayWriteClock says none is written, on every line and paragraph we have', () => {
    const texts = [...documents, ...sharedDocuments('corpus2').map((document) => document.text)]
    const paragraphs = [...new Set(texts.flatMap((text) => text.split(/\n\s*\n/)))]
    const skipped = [...new Set(texts.flatMap((text) => text.split('\n'))), ...paragraphs].filter((text) => mayHoldTime(text) && !mayWriteClock(text))
    expect(skipped.length).toBeGreaterThan(500)
    for (const text of skipped) {
      for (const order of ['month-first', 'day-first'] as const) {
        const mentions = findTimes({text, start: 0}, order)
        expect(mentions.filter((mention) => mention.time || mention.end?.time), text).toEqual([])
      }
    }
  })

  it('finds no clock time where mayWriteClock says none is written, in sentences of numbers and time words', () => {
    const word = fc.constantFrom(
      '10', '7', '2024', '1200', '03/04/2024', '2024-03-04', 'at', 'from', 'to', 'until', 'and', '-', '—', 'on', 'March', 'May',
      'Monday', 'noon', 'hours', 'minutes', 'a', 'm', 'am', 'pm', 'p.m.', 'UTC', 'GMT', 'GMT+1', 'Z', 'h', 'o\'clock', 'the',
      'morning', 'tonight', 'ago', 'later', ':', '.', ',', '(', ')', '10th', 'first', 'T'
    )
    fc.assert(
      fc.property(fc.array(word, {minLength: 1, maxLength: 8}), fc.constantFrom(' ', '', '  '), (words, gap) => {
        const text = words.join(gap)
        if (mayWriteClock(text)) return
        const mentions = findTimes({text, start: 0})
        expect(mentions.filter((mention) => mention.time || mention.end?.time), text).toEqual([])
      }),
      {numRuns: 3000}
    )
  })

  it('reads the time a line starts with as chrono-node does, on every line we have', () => {
    for (const line of lines) leadingBothWays(line)
  })

  it('reads plain clock times followed by anything as chrono-node does', () => {
    const clock = fc.tuple(fc.integer({min: 0, max: 29}), fc.integer({min: 0, max: 69}), fc.option(fc.integer({min: 0, max: 65})))
      .map(([hour, minute, second]) => `${hour}:${String(minute).padStart(2, '0')}${second === null ? '' : `:${String(second).padStart(2, '0')}`}`)
    const meridiem = fc.constantFrom('', ' AM', 'PM', ' pm', ' am', ' a.m.', ' P.M', ' ')
    const separator = fc.constantFrom('', ' - ', ': ', ' | ', ' — ', '  -', ':', ' ', '-', ' UTC - ', ' (PST) ')
    const rest = fc.constantFrom(
      'service restored',
      'rollback on Monday',
      'paged again 10 minutes later',
      'March 3 deploy',
      'until 11:30',
      '+02:00 offset',
      'midnight batch',
      'noon',
      'a.m. shift',
      'in a few hours',
      'the 5th retry',
      'Jan. release',
      'East African Time',
      ''
    )
    fc.assert(
      fc.property(clock, meridiem, separator, rest, (time, mark, between, words) => leadingBothWays(`${time}${mark}${between}${words}`)),
      {numRuns: 3000}
    )
  })
})
