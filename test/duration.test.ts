import {describe, expect, it} from 'vitest'
import {type DurationMention, disagreesWith, durationMinutes, findDurations, formatMinutes, formatStated, rewriteDuration, rewriteDurationAt} from '../src/model/duration/duration.js'

function durationsIn(text: string): Array<Pick<DurationMention, 'minutes' | 'qualifier'> & {text: string}> {
  return findDurations({text, start: 0}).map((mention) => ({text: mention.span.text, minutes: mention.minutes, qualifier: mention.qualifier}))
}

describe('durationMinutes', () => {
  it.each([
    ['2 hours', 120],
    ['1 hour and 20 minutes', 80],
    ['2 hours, 30 minutes', 150],
    ['2 hours 30 minutes', 150],
    ['90 minutes', 90],
    ['45 mins', 45],
    ['1 hr 5 min', 65],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['2.5-hour', 150],
    ['2.5 hours', 150],
    ['an hour', 60],
    ['nine hours', 540],
    ['3 days', 4320],
    ['30 seconds', 0.5],
    ['an hour and a half', 90],
    ['one and a half hours', 90],
    ['3 hours and a half', 210],
    ['a day and a half', 2160],
    ['two and a half days', 3600],
    ['half an hour', 30],
    ['a half-hour', 30],
    ['half a day', 720]
  ])('%s is %d minutes', (text, minutes) => {
    expect(durationMinutes(text)).toBe(minutes)
  })

  it('finds halves written out as one duration', () => {
    const found = findDurations({text: 'The API was slow (an hour and a half); the fix took half an hour; review took 2 and a half days.', start: 0})
    expect(found.map((mention) => [mention.span.text, mention.minutes])).toEqual([
      ['an hour and a half', 90],
      ['half an hour', 30],
      ['2 and a half days', 3600]
    ])
  })

  it('finds a range of durations, approximate, with its ends', () => {
    const found = findDurations({text: 'Duration: 2-3 hours. It took between 45 and 90 minutes; 2 and 3 hours later it was back.', start: 0})
    expect(found.map((mention) => [mention.span.text, mention.minutes, mention.qualifier, mention.range])).toEqual([
      ['2-3 hours', 150, 'approximate', [120, 180]],
      ['between 45 and 90 minutes', 67.5, 'approximate', [45, 90]],
      ['3 hours', 180, 'exact', undefined]
    ])
    const [range] = found
    expect(range && [disagreesWith(range, 130, 5), disagreesWith(range, 190, 5), disagreesWith(range, 100, 5)]).toEqual([false, true, true])
    expect(range && formatStated(range)).toBe('2 hours to 3 hours')
    expect(range && rewriteDurationAt('Duration: 2-3 hours.', range, 100)).toBeUndefined()
  })

  it('reads no duration where there is none', () => {
    expect(durationMinutes('ten past')).toBeUndefined()
    expect(durationMinutes('')).toBeUndefined()
  })
})

describe('findDurations', () => {
  it.each([
    ['The outage lasted 2 hours.', '2 hours', 120],
    ['Down for 1 hour and 20 minutes in total.', '1 hour and 20 minutes', 80],
    ['It took 90 minutes to recover.', '90 minutes', 90],
    ['Duration: 1h30m', '1h30m', 90],
    ['A 2.5-hour outage of the API.', '2.5-hour', 150],
    ['Unavailable for 15 hours 40 minutes.', '15 hours 40 minutes', 940],
    ['(2 hours 30 minutes)', '2 hours 30 minutes', 150]
  ])('%s', (text, phrase, minutes) => {
    expect(durationsIn(text)).toEqual([{text: phrase, minutes, qualifier: 'exact'}])
  })

  it.each([
    ['about nine hours', 'approximate'],
    ['approximately 2 hours', 'approximate'],
    ['roughly 3h', 'approximate'],
    ['~45 minutes', 'approximate'],
    ['under 3 hours', 'bound'],
    ['at least seven hours', 'bound'],
    ['more than 2 hours', 'bound'],
    ['nearly 40 minutes', 'bound'],
    ['took longer than 10 seconds', 'bound'],
    ['were faster than 2 minutes', 'bound'],
    ['latency above 500 ms for 3 minutes', 'exact'],
    ['queries exceeding 30 seconds', 'bound']
  ])('%s is %s', (text, qualifier) => {
    expect(durationsIn(text).map((mention) => mention.qualifier)).toEqual([qualifier])
  })

  it('places each duration in the document', () => {
    expect(findDurations({text: 'Detected in 5 minutes, fixed in 2 hours', start: 10}).map((mention) => mention.span)).toEqual([
      {text: '5 minutes', start: 22},
      {text: '2 hours', start: 42}
    ])
  })

  it('takes neither clock times, versions nor bare letters for durations', () => {
    expect(durationsIn('At 10:05 we deployed v2.3 to a m5 host')).toEqual([])
    expect(durationsIn('5xx errors on 3 hosts')).toEqual([])
  })
})

describe('formatMinutes', () => {
  it.each([
    [0, '0 minutes'],
    [1, '1 minute'],
    [61, '1 hour 1 minute'],
    [90, '1 hour 30 minutes'],
    [120, '2 hours'],
    [120.4, '2 hours'],
    [1500, '1 day 1 hour']
  ])('%d minutes', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text)
  })
})

describe('rewriteDuration: a fix only where it is exact', () => {
  it('changes the figures and keeps the words, abbreviations and line breaks', () => {
    expect(rewriteDuration('2 hours and\n50 minutes', 140)).toBe('2 hours and\n20 minutes')
    expect(rewriteDuration('1h30m', 125)).toBe('2h5m')
    expect(rewriteDuration('90 minutes', 80)).toBe('80 minutes')
    expect(rewriteDuration('2 hours', 60)).toBe('1 hour')
  })

  it('writes the phrase anew on one line when its units cannot hold the value', () => {
    expect(rewriteDuration('2 hours', 80)).toBe('1 hour 20 minutes')
    expect(rewriteDuration('1 hour 20 minutes', 60)).toBe('1 hour')
  })

  it('offers nothing for words, compounds, or a wrapped phrase whose units cannot hold the value', () => {
    expect(rewriteDuration('nine hours', 420)).toBeUndefined()
    expect(rewriteDuration('2.5-hour', 80)).toBeUndefined()
    expect(rewriteDuration('2\nhours', 80)).toBeUndefined()
  })
})
