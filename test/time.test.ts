import {describe, expect, it} from 'vitest'
import {stripLeadingMarkup} from '../src/model/text/text.js'
import {
  type ClockTime,
  type LeadingTime,
  dayNumber,
  dateOrderOf,
  findTimes,
  formatClock,
  formatDate,
  minuteOfDay,
  readLeadingTime,
  zoneOffset
} from '../src/model/time/time.js'

/** Reads an entry's leading time as the timeline does: markup stripped first. */
function lead(line: string): LeadingTime | undefined {
  return readLeadingTime(stripLeadingMarkup({text: line, start: 0}))
}

function leadingClock(line: string): ClockTime | undefined {
  const read = lead(line)
  return read?.kind === 'absolute' ? read.mention.time : undefined
}

function clock(hour: number, minute: number, second = 0, offset?: number): ClockTime {
  return offset === undefined ? {hour, minute, second} : {hour, minute, second, offset}
}

describe('readLeadingTime: clock times', () => {
  it.each([
    ['10:05 - deploy starts', clock(10, 5)],
    ['9:05 - deploy starts', clock(9, 5)],
    ['0:00 - counters reset', clock(0, 0)],
    ['00:00 UTC - counters reset', clock(0, 0, 0, 0)],
    ['23:59 - last request served', clock(23, 59)],
    ['10:05:30 - first error', clock(10, 5, 30)],
    ['13:00:56 - first error', clock(13, 0, 56)],
    ['11:59:59 PM - last backup', clock(23, 59, 59)]
  ])('%s', (line, expected) => {
    expect(leadingClock(line)).toEqual(expected)
  })
})

describe('readLeadingTime: 12-hour clocks', () => {
  it.each([
    ['12:00 AM - nightly job starts', clock(0, 0)],
    ['12 AM - nightly job starts', clock(0, 0)],
    ['12:30 AM - nightly job stalls', clock(0, 30)],
    ['12:00 PM - lunch traffic peaks', clock(12, 0)],
    ['12 PM - lunch traffic peaks', clock(12, 0)],
    ['12:45 PM - traffic falls', clock(12, 45)],
    ['1:30 PM - deploy', clock(13, 30)],
    ['1pm - deploy', clock(13, 0)],
    ['1am - deploy', clock(1, 0)],
    ['10:20 AM - deploy', clock(10, 20)],
    ['8.35 AM - alert fires', clock(8, 35)],
    ['8.35 PM - alert fires', clock(20, 35)],
    ['3:00 a.m. - disk fills up', clock(3, 0)],
    ['3:00 a.m - disk fills up', clock(3, 0)],
    ['3:00 p.m. - disk fills up', clock(15, 0)]
  ])('%s', (line, expected) => {
    expect(leadingClock(line)).toEqual(expected)
  })

  it.each(['Midnight - nightly job starts', '12:00 midnight - nightly job starts'])('reads %j as the start of the day', (line) => {
    expect(leadingClock(line)).toEqual(clock(0, 0))
  })

  it('reads an entry clock written with `h`, quoted as written, but no version with a dot', () => {
    const read = readLeadingTime({text: '14h20: On-call confirms the errors', start: 0})
    expect(read).toMatchObject({kind: 'absolute', mention: {span: {text: '14h20', start: 0}, time: {hour: 14, minute: 20}}})
    expect(readLeadingTime({text: '14.04: Pulling from library/ubuntu', start: 0})).toBeUndefined()
    expect(readLeadingTime({text: '2h30 of downtime in total', start: 0})?.kind).not.toBe('absolute')
  })

  it('reads an entry clock written with a dot where the timeline writes its clocks so, but no dotted date', () => {
    const read = readLeadingTime({text: '14.35 Alert on payment latency fired', start: 0}, 'month-first', true)
    expect(read).toMatchObject({kind: 'absolute', mention: {span: {text: '14.35', start: 0}, time: {hour: 14, minute: 35}}})
    expect(readLeadingTime({text: '14.35 Alert on payment latency fired', start: 0})).toBeUndefined()
    const dated = readLeadingTime({text: '12.03.2024 09.10 Index rebuild started', start: 0}, 'day-first', true)
    expect(dated?.kind === 'absolute' && dated.mention.time).not.toEqual({hour: 12, minute: 3, second: 0})
    expect(readLeadingTime({text: '24.10 was the last build', start: 0}, 'month-first', true)?.kind).not.toBe('absolute')
  })

  it('keeps the whole of `a.m` in the stamp', () => {
    const read = lead('3:00 a.m - disk fills up')
    expect(read?.kind === 'absolute' && read.mention.span.text).toBe('3:00 a.m')
  })
})

describe('readLeadingTime: zones', () => {
  it.each([
    ['10:05 UTC - deploy', 0],
    ['10:05 GMT - deploy', 0],
    ['10:05 GMT+3 - deploy', 180],
    ['10:05 GMT-5 - deploy', -300],
    ['10:05 UTC+03:00 - deploy', 180],
    ['10:05 (UTC) - deploy', 0],
    ['10:05 EAT - deploy', 180],
    ['10:05 WAT - deploy', 60],
    ['10:05 CET - deploy', 60],
    ['10:05 PST - deploy', -480],
    ['3 PM EAT - deploy', 180],
    ['1:30pm PST - deploy', -480],
    ['2024-03-11T10:05:00Z - deploy', 0]
  ])('%s', (line, offset) => {
    expect(leadingClock(line)?.offset).toBe(offset)
  })

  it('leaves the zone unknown when none is written', () => {
    expect(leadingClock('10:05 - deploy')).not.toHaveProperty('offset')
  })
})

describe('readLeadingTime: markup around the time', () => {
  it.each([
    ['- **10:05** - deploy'],
    ['- **10:05 UTC** - deploy'],
    ['- *10:05* - deploy'],
    ['- _10:05_ - deploy'],
    ['- `10:05` - deploy'],
    ['- [10:05] deploy'],
    ['- (10:05) deploy'],
    ['| 10:05 | deploy |'],
    ['### 10:05 deploy'],
    ['At 10:05 the deploy started'],
    ['Around 10:05 the deploy started']
  ])('%s', (line) => {
    expect(leadingClock(line)).toMatchObject({hour: 10, minute: 5})
  })

  it('places the stamp on the time, not on the markup', () => {
    const read = lead('- **10:05 UTC** - deploy')
    expect(read?.kind).toBe('absolute')
    if (read?.kind !== 'absolute') return
    expect(read.mention.span).toEqual({text: '10:05 UTC', start: 4})
  })
})

describe('readLeadingTime: dates', () => {
  it.each([
    ['2024-03-11 10:05 - deploy', {year: 2024, month: 3, day: 11}, clock(10, 5)],
    ['March 11, 2024 at 10:05 - deploy', {year: 2024, month: 3, day: 11}, clock(10, 5)],
    ['Mar 11, 2024 10:05 PM - deploy', {year: 2024, month: 3, day: 11}, clock(22, 5)],
    ['03/26/2024 10:00 AM - deploy', {year: 2024, month: 3, day: 26}, clock(10, 0)],
    ['26-03-2024 10:00 - deploy', {year: 2024, month: 3, day: 26}, clock(10, 0)],
    ['[03-26 23:04] deploy', {month: 3, day: 26}, clock(23, 4)],
    ['`2024-03-11T10:05:00Z` deploy', {year: 2024, month: 3, day: 11}, clock(10, 5, 0, 0)]
  ])('%s', (line, date, time) => {
    const read = lead(line)
    expect(read?.kind).toBe('absolute')
    if (read?.kind !== 'absolute') return
    expect(read.mention.date).toEqual(date)
    expect(read.mention.time).toEqual(time)
  })

  it.each([
    ['2024-03-11', {year: 2024, month: 3, day: 11}],
    ['### 2024-03-11', {year: 2024, month: 3, day: 11}],
    ['**March 4, 2024**', {year: 2024, month: 3, day: 4}],
    ['11 March 2024', {year: 2024, month: 3, day: 11}],
    ['Monday, March 11 2024', {year: 2024, month: 3, day: 11}],
    ['March 11 - release', {month: 3, day: 11}]
  ])('a date alone: %s', (line, date) => {
    const read = lead(line)
    expect(read?.kind).toBe('absolute')
    if (read?.kind !== 'absolute') return
    expect(read.mention.date).toEqual(date)
    expect(read.mention.time).toBeUndefined()
  })

  it('ends the stamp of a written date at its last character', () => {
    const read = lead('March 11 - release')
    expect(read?.kind === 'absolute' && read.mention.span.text).toBe('March 11')
  })
})

describe('readLeadingTime: ranges and relative times', () => {
  it('starts a range at its first time and keeps the end', () => {
    const read = lead('8:20 - 8:24 - four deploys fail')
    expect(read?.kind).toBe('absolute')
    if (read?.kind !== 'absolute') return
    expect(read.mention.time).toEqual(clock(8, 20))
    expect(read.mention.end?.time).toEqual(clock(8, 24))
    expect(read.mention.end?.span).toEqual({text: '8:24', start: 7})
  })

  it.each([
    '10 minutes later - pool resized',
    '2 hours after - pool resized',
    'Two days later the fix shipped',
    'Next morning: the volume was extended',
    'The following day the fix shipped',
    'Later that evening the backlog cleared',
    'Overnight the queue drained'
  ])('%s', (line) => {
    expect(lead(line)?.kind).toBe('relative')
  })
})

describe('readLeadingTime: impossible times', () => {
  it.each([
    ['25:10 - job fails', '25:10', 'hour 25'],
    ['24:30 - job fails', '24:30', 'hour 24'],
    ['13:05 PM - job fails', '13:05 PM', 'hour 13 with PM'],
    ['14:12 AM - job fails', '14:12 AM', 'hour 14 with AM'],
    ['10:61 - job fails', '10:61', 'minute 61'],
    ['10:15:75 - job fails', '10:15:75', 'second 75'],
    ['**25:10** - job fails', '25:10', 'hour 25']
  ])('%s', (line, token, reason) => {
    const read = lead(line)
    expect(read?.kind).toBe('impossible')
    if (read?.kind !== 'impossible') return
    expect(read.impossible.span.text).toBe(token)
    expect(read.impossible.reason).toBe(reason)
  })
})

describe('readLeadingTime: lines that do not start with a time', () => {
  it.each([
    'Now the server restarts',
    'Today we rolled back',
    'Monday morning the team met',
    'The team met at 10:05',
    'Version 2.10 released',
    '3 engineers joined the call',
    'All times UTC',
    ''
  ])('%j', (line) => {
    expect(lead(line)).toBeUndefined()
  })
})

describe('findTimes', () => {
  it('finds every time in prose, in order, with its zone', () => {
    const found = findTimes({text: 'The deploy at 10:05 UTC and the rollback at 10:40 UTC', start: 100})
    expect(found.map((mention) => mention.time)).toEqual([clock(10, 5, 0, 0), clock(10, 40, 0, 0)])
    expect(found.map((mention) => mention.span.start)).toEqual([100 + 11, 100 + 41])
  })

  it.each([
    ['from 10:00 to 11:30 UTC', clock(10, 0, 0, 0), clock(11, 30, 0, 0), '11:30 UTC'],
    ['between 10:00 and 11:30 UTC', clock(10, 0, 0, 0), clock(11, 30, 0, 0), '11:30 UTC'],
    ['from 23:30 to 01:10', clock(23, 30), clock(1, 10), '01:10'],
    ['9:55 AM GMT+1 to 11:20 AM GMT+1', clock(9, 55, 0, 60), clock(11, 20, 0, 60), '11:20 AM GMT+1']
  ])('reads the range %s', (text, start, end, endText) => {
    const [range, ...rest] = findTimes({text, start: 0})
    expect(rest).toEqual([])
    expect(range?.time).toEqual(start)
    expect(range?.end?.time).toEqual(end)
    expect(range?.end?.span.text).toBe(endText)
  })

  it('reads written and ISO dates', () => {
    const [written] = findTimes({text: 'On March 11, 2024 the cache failed', start: 0})
    expect(written?.date).toEqual({year: 2024, month: 3, day: 11})
    const [iso] = findTimes({text: 'Date: 2024-03-11', start: 0})
    expect(iso?.date).toEqual({year: 2024, month: 3, day: 11})
  })

  it('skips relative times and text without times', () => {
    expect(findTimes({text: 'Ten minutes later the pool was resized', start: 0})).toEqual([])
    expect(findTimes({text: 'The team went to eat and then to the west office', start: 0})).toEqual([])
  })

  it('puts a time written right before a date on that date, which chrono-node joins only after "a.m."', () => {
    const [joined, ...rest] = findTimes({text: 'It was fixed at 2 a.m 17/01/2021 by the team', start: 0}, 'day-first')
    expect(rest).toEqual([])
    expect(joined?.time).toEqual(clock(2, 0))
    expect(joined?.date).toEqual({year: 2021, month: 1, day: 17})
    expect(joined?.span.text).toBe('at 2 a.m 17/01/2021')
    // Words between them keep them apart.
    expect(findTimes({text: 'It failed at 2 a.m; by 17/01/2021 all was well', start: 0}, 'day-first')).toHaveLength(2)
  })

  it.each([
    'Between 9:55 PM and 11:20 PM CET on 14/03/2024 logins failed',
    'From 9:55 PM to 11:20 PM CET on 14/03/2024 logins failed',
    '9:55 PM - 11:20 PM CET on 14/03/2024: logins failed'
  ])('puts both ends of a range on the date written after it: %s', (text) => {
    const [range] = findTimes({text, start: 0}, 'day-first')
    expect(range?.date).toEqual({year: 2024, month: 3, day: 14})
    expect(range?.end?.date).toEqual({year: 2024, month: 3, day: 14})
  })

  it('puts the start of a range that crosses midnight on the date written after it, and leaves the end to the next day', () => {
    const [range] = findTimes({text: 'It ran between 23:40 and 00:25 UTC on 2024-09-10', start: 0})
    expect(range?.date).toEqual({year: 2024, month: 9, day: 10})
    expect(range?.end?.date).toBeUndefined()
  })

  it.each([
    ['Checkout failed between 2:10 and 4:45 PM PST', 14],
    ['Checkout failed between 11:30 and 1:15 PM PST', 11],
    ['Checkout failed between 2:10 and 4:45 AM PST', 2],
    ['Checkout failed between 2:10 AM and 4:45 PM PST', 2],
    ['Checkout failed between 14:10 and 16:45 PST', 14]
  ])('reads the start of %j with the meridiem written after the end', (text, hour) => {
    const [range] = findTimes({text, start: 0})
    expect(range?.time?.hour).toBe(hour)
    expect(range?.end?.time).toBeDefined()
  })

  it('reads a range whose ends each have a date, which chrono-node reads as a day taken for an hour', () => {
    const [range, ...rest] = findTimes({text: 'From 10:10 PM on March 3 to 12:45 AM on March 4, 2024 (PST), checkout failed', start: 0})
    expect(rest).toEqual([])
    expect(range?.time).toMatchObject({hour: 22, minute: 10})
    expect(range?.date).toEqual({year: 2024, month: 3, day: 3})
    expect(range?.end?.time).toMatchObject({hour: 0, minute: 45})
    expect(range?.end?.date).toEqual({year: 2024, month: 3, day: 4})
  })

  it.each([
    'From 2025-02-10 21:00 to 2025-02-11 03:30 UTC the replica lagged',
    'From 2025-02-10 21:00 until 2025-02-11 03:30 UTC the replica lagged',
    'From 2025-02-10 21:00 - 2025-02-11 03:30 UTC the replica lagged'
  ])('reads an ISO date after a range word as the date of its end, not a time and a zone: %s', (text) => {
    const [range, ...rest] = findTimes({text, start: 0})
    expect(rest).toEqual([])
    expect(range?.date).toEqual({year: 2025, month: 2, day: 10})
    expect(range?.time).toMatchObject({hour: 21, minute: 0, offset: 0})
    expect(range?.end?.date).toEqual({year: 2025, month: 2, day: 11})
    expect(range?.end?.time).toMatchObject({hour: 3, minute: 30, offset: 0})
  })

  it.each(['month-first', 'day-first'] as const)('reads an ISO date before a range word as the date of its start, not its day as an hour (%s)', (order) => {
    const [range, ...rest] = findTimes({text: 'Mail was queued from 22:00 UTC on 2024-05-10 to 00:00 UTC on 2024-05-12.', start: 0}, order)
    expect(rest).toEqual([])
    expect(range?.span.text).toBe('22:00 UTC on 2024-05-10')
    expect(range?.date).toEqual({year: 2024, month: 5, day: 10})
    expect(range?.time).toMatchObject({hour: 22, minute: 0, offset: 0})
    expect(range?.end?.date).toEqual({year: 2024, month: 5, day: 12})
    expect(range?.end?.time).toMatchObject({hour: 0, minute: 0, offset: 0})
  })

  it('reads 12 AM and 12 PM', () => {
    const found = findTimes({text: 'It failed at 12:10 AM and again at 12:10 PM', start: 0})
    expect(found.map((mention) => mention.time)).toEqual([clock(0, 10), clock(12, 10)])
  })
})

describe('formatting and arithmetic', () => {
  it('formats clock times with seconds only when there are some', () => {
    expect(formatClock(clock(9, 5))).toBe('09:05')
    expect(formatClock(clock(13, 0, 56))).toBe('13:00:56')
  })

  it('formats dates with and without a year', () => {
    expect(formatDate({year: 2024, month: 3, day: 9})).toBe('2024-03-09')
    expect(formatDate({month: 3, day: 9})).toBe('03-09')
  })

  it('counts days and minutes', () => {
    expect(dayNumber({year: 1970, month: 1, day: 2}, 2000)).toBe(1)
    expect(dayNumber({month: 1, day: 1}, 2000)).toBe(dayNumber({year: 2000, month: 1, day: 1}, 1999))
    expect(dayNumber({year: 2024, month: 3, day: 1}, 2000) - dayNumber({year: 2024, month: 2, day: 28}, 2000)).toBe(2)
    expect(minuteOfDay(clock(0, 0))).toBe(0)
    expect(minuteOfDay(clock(23, 59, 30))).toBe(23 * 60 + 59.5)
  })

  it('knows the offsets of zone names', () => {
    expect(zoneOffset('UTC')).toBe(0)
    expect(zoneOffset('EAT')).toBe(180)
    expect(zoneOffset('WAT')).toBe(60)
    expect(zoneOffset('PST')).toBe(-480)
    expect(zoneOffset('GMT+3')).toBe(180)
    expect(zoneOffset('Nowhere')).toBeUndefined()
  })
})

describe('findTimes: only times written as times', () => {
  const times = (text: string) => findTimes({text, start: 0}).map((mention) => mention.time && formatClock(mention.time))

  it('reads no time of day in numbers chrono-node takes for hours', () => {
    expect(times('Block times rose to 10-12.5 seconds during the incident.')).toEqual([])
    expect(times('Jobs failed between **2026-07-02** to **2026-07-05**.')).not.toContain('02:00')
    expect(times('The bot was down (Nov 21-24, 2025).').filter(Boolean)).toEqual([])
  })

  it('reads hours and minutes and meridiems', () => {
    expect(times('Paged at 10:05 UTC')).toEqual(['10:05'])
    expect(times('Paged at 3pm')).toEqual(['15:00'])
    expect(times('Paged at 3 a.m.')).toEqual(['03:00'])
  })

  it('takes a lone letter followed by a word for an article, not a meridiem', () => {
    expect(times('10:42 a rollback begins')).toEqual(['10:42'])
    expect(times('12:10 a new alert fires')).toEqual(['12:10'])
    expect(times('1:30 p rollout paused')).toEqual(['01:30'])
    expect(findTimes({text: '10:42 a rollback begins', start: 0})[0]?.span.text).toBe('10:42')
    expect(times('10:42 a.m. the rollback')).toEqual(['10:42'])
    expect(times('2:15 pm the rollback')).toEqual(['14:15'])
  })
})

describe('dateOrderOf: numeric dates as the document writes them', () => {
  it('is day first when only day-first dates are unambiguous', () => {
    expect(dateOrderOf('Began 13/03/2024, ended 02/04/2024.')).toBe('day-first')
    expect(dateOrderOf('Began 28-11-2024 21:00.')).toBe('day-first')
  })

  it('is month first otherwise, as chrono-node reads them', () => {
    expect(dateOrderOf('Began 03/13/2024, ended 02/04/2024.')).toBe('month-first')
    expect(dateOrderOf('Began 02/04/2024.')).toBe('month-first')
    expect(dateOrderOf('13/03/2024 and 03/13/2024')).toBe('month-first')
    expect(dateOrderOf('Version 13.2.2024 of the chart, 2024-03-13.')).toBe('day-first')
  })

  it('settles dates that read both ways by the dates written with a month name', () => {
    expect(dateOrderOf('**Date:** 07/05/2024\n\n### Tuesday 7 May\n\n- 11:50 AM job started')).toBe('day-first')
    expect(dateOrderOf('Date: 07/05/2024. On the 5th of July the job failed.')).toBe('month-first')
    expect(dateOrderOf('Date: 07/05/2024. On July 5th the job failed.')).toBe('month-first')
    expect(dateOrderOf('Date: 07/05/2024. On May 7, at 10:00, the job failed.')).toBe('day-first')
    // Nothing to settle it, or as much each way: month first.
    expect(dateOrderOf('Date: 07/05/2024. On 9 June the fix shipped.')).toBe('month-first')
    expect(dateOrderOf('07/05/2024: 7 May, then July 5.')).toBe('month-first')
    // A numeric date at the end of a sentence counts; one in a version does not.
    expect(dateOrderOf('It began on 13/05/2024.')).toBe('day-first')
    expect(dateOrderOf('Chart 13.05.2024.1 was deployed.')).toBe('month-first')
    // An unambiguous numeric date decides alone.
    expect(dateOrderOf('Began 07/05/2024, ended 13/05/2024; July 5 was a Friday.')).toBe('day-first')
  })

  it('is day first where every date that reads both ways is written with dots', () => {
    expect(dateOrderOf('On 12.03.2024 search was down; fixed on 13.03.')).toBe('day-first')
    expect(dateOrderOf('From 05.04.2024 to 06.04.2024.')).toBe('day-first')
    // With slashes too, the other evidence decides.
    expect(dateOrderOf('On 12.03.2024, filed 03/04/2024.')).toBe('month-first')
  })

  it('settles moments that read both ways by the reading that puts them closer together', () => {
    expect(dateOrderOf('| Start | 05/01/2025 22:10 UTC |\n| End | 06/01/2025 01:40 UTC |')).toBe('day-first')
    expect(dateOrderOf('Start: 03/04/2024 10:00. End: 03/05/2024 02:00.')).toBe('month-first')
    // Dates without a time may be deadlines weeks later; one moment alone settles nothing.
    expect(dateOrderOf('Began 05/01/2025 22:10. Fix due 06/01/2025.')).toBe('month-first')
  })

  it('reads an ambiguous date in that order', () => {
    const date = (text: string, order: 'day-first' | 'month-first') => findTimes({text, start: 0}, order)[0]?.date
    expect(date('03/04/2024 10:00', 'day-first')).toMatchObject({day: 3, month: 4})
    expect(date('03/04/2024 10:00', 'month-first')).toMatchObject({day: 4, month: 3})
  })
})
