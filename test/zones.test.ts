import {describe, expect, it} from 'vitest'
import {findZones} from '../src/model/time/zones.js'

function zonesIn(text: string): string[] {
  return findZones({text, start: 0}).map((zone) => zone.name)
}

describe('findZones', () => {
  it.each([
    ['10:05 UTC', ['UTC']],
    ['10:05 GMT+3', ['GMT+3']],
    ['9:55 AM GMT-5', ['GMT-5']],
    ['3 PM EAT', ['EAT']],
    ['15:00 WAT', ['WAT']],
    ['10:05 PST', ['PST']],
    ['## Timeline (UTC)', ['UTC']],
    ['All times UTC.', ['UTC']],
    ['All times are in Pacific Time.', ['Pacific Time']],
    ['East Africa Time', ['East Africa Time']],
    ['Coordinated Universal Time', ['Coordinated Universal Time']],
    ['`2024-03-11T10:05:00Z`', ['10:05:00Z']],
    ['08:26+02:00', ['08:26+02:00']],
    ['## Timeline (all times US/Eastern)', ['US/Eastern']],
    ['Times are in Europe/Berlin, 09:10 to 09:40.', ['Europe/Berlin']],
    ['09:10 America/Argentina/Salta', ['America/Argentina/Salta']],
    ['Etc/UTC', ['Etc/UTC']],
    ['Times below are Berlin time.', ['Berlin time']],
    ['All times in New York time.', ['New York time']],
    ['Times are Sydney local time.', ['Sydney local time']],
    ['All timestamps are local time in Sydney.', ['local time in Sydney']],
    ['All times are Pacific.', ['Pacific']],
    ['Timestamps in Eastern, as the pager shows them.', ['Eastern']],
    ['All times are Pacific Time.', ['Pacific Time']]
  ])('%s', (text, names) => {
    expect(zonesIn(text)).toEqual(names)
  })

  it('does not take words for zones', () => {
    expect(zonesIn('The team went to eat; the west cluster and the cat service failed.')).toEqual([])
    expect(zonesIn('UTCNOW() and GMTOFFSET are function names')).toEqual([])
    // A path or a pair of names is a zone only where the tz database has it.
    expect(zonesIn('See Docs/Runbook, the Read/Write split and Europe/Atlantis.')).toEqual([])
    expect(zonesIn('src/Europe/Berlin.ts')).toEqual([])
    // A place's time only where the tz database names a zone by it; a region only as what times are in.
    expect(zonesIn('The first time we saw it, Atlantis time ran out. The Pacific region failed.')).toEqual([])
    expect(zonesIn('We spent a long time in Paris. It is local time in Atlantis.')).toEqual([])
  })

  it('places each zone in the document', () => {
    expect(findZones({text: 'Start 10:05 UTC, end 11:00 UTC', start: 40}).map((zone) => zone.span)).toEqual([
      {text: 'UTC', start: 52},
      {text: 'UTC', start: 67}
    ])
  })

  it('reads a zone written in lowercase where it cannot be a word', () => {
    expect(zonesIn('all times in utc')).toEqual(['utc'])
  })
})
