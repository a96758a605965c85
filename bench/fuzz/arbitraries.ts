/**
 * fast-check generators of postmortem-like Markdown: the headings, labels,
 * lists, tables, times, dates, durations and figures real postmortems are
 * written with, combined at random, plus arbitrary strings. Shared by the
 * property test (a few thousand cases in CI) and `npm run fuzz`.
 */
import fc from 'fast-check'

const pad = (value: number): string => String(value).padStart(2, '0')

const hour24 = fc.integer({min: 0, max: 23})
const hour12 = fc.integer({min: 1, max: 12})
const minute = fc.integer({min: 0, max: 59})
const meridiem = fc.constantFrom('AM', 'PM', 'am', 'pm', 'a.m.', 'p.m.', 'A.M.', ' PM', ' am')
const zone = fc.constantFrom('UTC', 'GMT', 'GMT+3', 'UTC-05:00', 'EAT', 'WAT', 'PST', 'CEST', 'Z', '+02:00', '(UTC)', 'IST', 'eastern time')

/** Clock times as people write them, impossible ones included. */
export const clockTime: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(hour24, minute).map(([h, m]) => `${pad(h)}:${pad(m)}`),
  fc.tuple(hour24, minute).map(([h, m]) => `${h}:${pad(m)}`),
  fc.tuple(hour24, minute, minute).map(([h, m, s]) => `${pad(h)}:${pad(m)}:${pad(s)}`),
  fc.tuple(hour12, minute, meridiem).map(([h, m, a]) => `${h}:${pad(m)}${a.startsWith(' ') ? a : ` ${a}`}`),
  fc.tuple(hour12, meridiem).map(([h, a]) => `${h}${a.trim()}`),
  fc.tuple(hour24, minute).map(([h, m]) => `${pad(h)}${pad(m)}`),
  fc.tuple(hour24, minute).map(([h, m]) => `${pad(h)}.${pad(m)}`),
  fc.tuple(hour24, minute, zone).map(([h, m, z]) => `${pad(h)}:${pad(m)} ${z}`),
  fc.tuple(hour24, minute, zone).map(([h, m, z]) => `${pad(h)}:${pad(m)}${z}`),
  fc.tuple(fc.integer({min: 24, max: 99}), minute).map(([h, m]) => `${h}:${pad(m)}`),
  fc.tuple(fc.integer({min: 13, max: 23}), minute).map(([h, m]) => `${h}:${pad(m)} PM`),
  fc.tuple(hour24, fc.integer({min: 60, max: 99})).map(([h, m]) => `${pad(h)}:${m}`),
  fc.tuple(hour24, minute, hour24, minute).map(([a, b, c, d]) => `${pad(a)}:${pad(b)} - ${pad(c)}:${pad(d)}`),
  fc.tuple(hour24, minute, hour24, minute).map(([a, b, c, d]) => `from ${a}:${pad(b)} to ${c}:${pad(d)}`),
  fc.constantFrom('midnight', 'noon', '12 AM', '12:00 PM', '00:00', '23:59:59', '10 minutes later', 'T+5m', '~14:00', 'approx. 9am')
)

/** Calendar dates in ISO, written, numeric and partial forms. */
export const calendarDate: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({min: 1990, max: 2040}), fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 31})).map(
    ([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`
  ),
  fc.tuple(
    fc.constantFrom('January', 'Feb', 'March', 'Apr.', 'June', 'Sept', 'October', 'Dec'),
    fc.integer({min: 1, max: 31}),
    fc.option(fc.integer({min: 1990, max: 2040}), {nil: undefined})
  ).map(([month, day, year]) => `${month} ${day}${year === undefined ? '' : `, ${year}`}`),
  fc.tuple(fc.integer({min: 1, max: 31}), fc.constantFrom('Jan', 'May', 'August', 'Nov')).map(([d, m]) => `${d} ${m} 2023`),
  fc.tuple(fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 31})).map(([m, d]) => `${pad(m)}/${pad(d)}/2022`),
  fc.tuple(fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 31})).map(([m, d]) => `${pad(m)}-${pad(d)}`),
  fc.tuple(fc.constantFrom('Monday', 'Tue', 'Friday', 'Sun'), fc.integer({min: 1, max: 28})).map(([w, d]) => `${w}, March ${d}`),
  fc.tuple(calendarDateIso(), hour24, minute).map(([date, h, m]) => `${date}T${pad(h)}:${pad(m)}:00Z`),
  fc.constantFrom('2021-02-30', '2023-13-01', '0000-00-00', 'Feb 29 2023', '31/31/2031')
)

function calendarDateIso(): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({min: 2000, max: 2030}), fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 28})).map(
    ([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`
  )
}

/** Durations, exact, approximate and odd. */
export const duration: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({min: 0, max: 500}), fc.constantFrom('hours', 'hour', 'minutes', 'mins', 'm', 'h', 'seconds', 'days', 'hrs')).map(
    ([n, unit]) => `${n} ${unit}`
  ),
  fc.tuple(fc.integer({min: 0, max: 48}), fc.integer({min: 0, max: 59})).map(([h, m]) => `${h}h${m}m`),
  fc.tuple(fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 59})).map(([h, m]) => `${h} hour and ${m} minutes`),
  fc.tuple(fc.integer({min: 0, max: 20}), fc.integer({min: 0, max: 9})).map(([h, d]) => `${h}.${d}-hour`),
  fc.constantFrom('about nine hours', 'an hour', 'forty-five minutes', 'under 5 minutes', 'nearly two days', '1,5 hours', '0 minutes', '99999 hours')
)

/** Shares and counts of who was affected, out-of-range ones included. */
export const figure: fc.Arbitrary<string> = fc.oneof(
  fc.integer({min: -50, max: 250}).map((n) => `${n}%`),
  fc.tuple(fc.integer({min: 0, max: 100}), fc.integer({min: 0, max: 99})).map(([a, b]) => `${a}.${b} percent`),
  fc.tuple(fc.integer({min: 0, max: 100}), fc.integer({min: 0, max: 9})).map(([a, b]) => `${a},${b} %`),
  fc.tuple(fc.integer({min: 1, max: 999_999}), fc.constantFrom('users', 'customers', 'requests', 'API calls', 'paying merchants')).map(
    ([n, noun]) => `${n.toLocaleString('en-US')} ${noun}`
  ),
  fc.constantFrom('all users', 'every customer', 'hundreds of users', '2k requests', 'no one', '100% of traffic', 'CPU at 95%', 'a 25% increase')
)

const emoji = fc.constantFrom('🔥', '⏱️', '🚨', '👩‍💻', '🇺🇸', '✅', '1️⃣', '📉', '\u200d', '\ufe0f')

const sectionTitle = fc.constantFrom(
  'Summary', 'Issue Summary', 'Executive Summary', 'TL;DR', 'Overview', 'Impact', 'Customer Impact', 'Timeline',
  'Timeline (UTC)', 'Chronology', 'Sequence of Events', 'Root Cause', 'Root Causes', 'Root Cause Analysis',
  'Contributing Factors', 'Trigger', 'Resolution', 'Mitigation', 'Recovery', 'Root Cause and Resolution',
  'Action Items', 'Corrective and Preventative Measures', 'Follow-ups', 'Remediation', 'Lessons Learned',
  'Duration', 'Start Time', 'End', 'Date', 'Detection', 'Appendix', 'Notes'
)

const word = fc.constantFrom(
  'the', 'database', 'failover', 'was', 'paged', 'on-call', 'rolled', 'back', 'deploy', 'latency', 'errors', 'at',
  'and', 'users', 'saw', 'timeouts', 'DNS', 'cache', 'at', 'around', 'until', 'restored', 'http://example.test/a:b',
  'v1.2.3', 'p99', '5xx', 'e.g.', 'i.e.:', '—', '–', '…', 'naïve', '日本語', 'עברית', 'Ω'
)

/** A run of inline text mixing words, times, dates, durations, figures and inline markup. */
export const inlineText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      {weight: 6, arbitrary: word},
      {weight: 2, arbitrary: clockTime},
      {weight: 1, arbitrary: calendarDate},
      {weight: 1, arbitrary: duration},
      {weight: 1, arbitrary: figure},
      {weight: 1, arbitrary: emoji},
      {weight: 1, arbitrary: sectionTitle},
      {weight: 1, arbitrary: fc.constantFrom('**', '*', '_', '__', '`', '~~', ':', '|', '<br>', '\\', '[', ']', '(', ')', '<!--', '-->', '&amp;')}
    ),
    {minLength: 0, maxLength: 10}
  )
  .map((parts) => parts.join(' '))

const wrap = (text: string, style: string): string => {
  switch (style) {
    case 'bold': return `**${text}**`
    case 'italic': return `_${text}_`
    case 'code': return `\`${text}\``
    case 'bracket': return `[${text}]`
    default: return text
  }
}
const wrapping = fc.constantFrom('plain', 'plain', 'bold', 'italic', 'code', 'bracket')

/** A timeline entry: a time or date (possibly wrapped in markup), a separator and text. */
export const entryText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(clockTime, calendarDate, fc.tuple(calendarDate, clockTime).map(([d, t]) => `${d} ${t}`), fc.constant('')),
    wrapping,
    fc.constantFrom(' ', ' - ', ': ', ' – ', ' | ', ' — ', ''),
    inlineText
  )
  .map(([stamp, style, separator, text]) => `${stamp === '' ? '' : wrap(stamp, style)}${separator}${text}`)

const bullet = fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '• ', '-  ')

/** A block of Markdown: a heading, label, paragraph, list, table, quote, code or break. */
export const block: fc.Arbitrary<string> = fc.letrec<{block: string; list: string}>((tie) => ({
  block: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    fc.tuple(fc.integer({min: 1, max: 7}), fc.option(emoji, {nil: ''}), fc.constantFrom('', '1. ', 'II. '), sectionTitle, fc.constantFrom('', ':', ' #', ' ##'))
      .map(([depth, icon, number, title, end]) => `${'#'.repeat(depth)} ${icon}${number}${title}${end}`),
    fc.tuple(sectionTitle, fc.constantFrom('=', '-'), fc.integer({min: 1, max: 12})).map(([title, char, n]) => `${title}\n${char.repeat(n)}`),
    fc.tuple(sectionTitle, fc.constantFrom('**', '__', '*', '_'), fc.constantFrom(':', '', ' :')).map(
      ([title, mark, colon]) => `${mark}${title}${colon}${mark}`
    ),
    fc.tuple(fc.integer({min: 1, max: 6}), sectionTitle).map(([depth, title]) => `${'#'.repeat(depth)} **${title}:**`),
    fc.tuple(sectionTitle, fc.constantFrom(':', ' :', '')).map(([title, colon]) => `${title}${colon}`),
    fc.tuple(bullet, sectionTitle, inlineText).map(([b, title, text]) => `${b}**${title}:** ${text}`),
    fc.tuple(sectionTitle, inlineText).map(([title, text]) => `${title}: ${text}`),
    fc.tuple(fc.constantFrom('h1', 'h2', 'h3', 'h6'), sectionTitle).map(([tag, title]) => `<${tag}>${title}</${tag}>`),
    inlineText,
    fc.array(entryText, {minLength: 1, maxLength: 4}).map((lines) => lines.join('\n')),
    tie('list'),
    fc.tuple(fc.array(entryText, {minLength: 0, maxLength: 5}), fc.constantFrom('|---|---|', '| :-- | --: |', '|-|-|', '--- | ---'))
      .map(([rows, delimiter]) => ['| Time | Event |', delimiter, ...rows.map((row) => `| ${row.replace(/ - |: /, ' | ')} |`)].join('\n')),
    fc.tuple(fc.integer({min: 1, max: 4}), tie('block')).map(([depth, inner]) =>
      inner.split('\n').map((line) => `${'> '.repeat(depth)}${line}`).join('\n')
    ),
    fc.tuple(fc.constantFrom('```', '~~~', '    '), fc.array(entryText, {maxLength: 3})).map(([fence, lines]) =>
      fence === '    ' ? lines.map((line) => `    ${line}`).join('\n') : [fence, ...lines, fence].join('\n')
    ),
    fc.constantFrom('---', '***', '___', '* * *', '<!-- lint disable postmortem-timeline-order -->', '<!-- comment', '-->', '', '   ', '\t', '<br/>')
  ),
  list: fc
    .array(
      fc.tuple(fc.integer({min: 0, max: 6}), fc.constantFrom(2, 3, 4), bullet, fc.oneof(entryText, inlineText)),
      {minLength: 1, maxLength: 8}
    )
    .map((items) => items.map(([depth, width, b, text]) => `${' '.repeat(depth * width)}${b}${text}`).join('\n'))
}))
  .block

/** Nesting far deeper than people write: lists, quotes and both. */
export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.integer({min: 1, max: 60}), fc.constantFrom('list', 'quote', 'mixed'), entryText)
  .map(([depth, kind, text]) =>
    Array.from({length: depth}, (_, level) => {
      const indent = kind === 'quote' ? '> '.repeat(level + 1) : kind === 'list' ? '  '.repeat(level) + '- ' : `${'> '.repeat(level % 3)}${'  '.repeat(level)}- `
      return `${indent}${text}`
    }).join('\n')
  )

const SECTION_ORDER = ['Summary', 'Impact', 'Timeline', 'Root Cause', 'Resolution', 'Action Items', 'Lessons Learned']
const headingStyle = fc.constantFrom('## ', '### ', '# ', '**', 'label', 'setext')
const marked = (title: string, style: string): string => {
  switch (style) {
    case '**': return `**${title}:**`
    case 'label': return `${title}:`
    case 'setext': return `${title}\n${'-'.repeat(title.length)}`
    default: return `${style}${title}`
  }
}

/**
 * A whole postmortem: the usual sections, in order or shuffled, each marked in
 * its own style, with a timeline of entries, so that every rule has something
 * to check besides missing sections.
 */
export const wholePostmortem: fc.Arbitrary<string> = fc
  .tuple(
    fc.shuffledSubarray(SECTION_ORDER, {minLength: 4}),
    fc.boolean(),
    fc.array(headingStyle, {minLength: 7, maxLength: 7}),
    fc.array(entryText, {minLength: 1, maxLength: 8}),
    fc.constantFrom('- ', '* ', '1. ', '', '| '),
    fc.array(inlineText, {minLength: 7, maxLength: 7}),
    fc.tuple(inlineText, duration, figure, clockTime, clockTime)
  )
  .map(([titles, sorted, styles, entries, bulletMark, bodies, [lead, length, share, start, end]]) => {
    const order = sorted ? [...titles].sort((a, b) => SECTION_ORDER.indexOf(a) - SECTION_ORDER.indexOf(b)) : titles
    const parts = [`# Postmortem: ${lead}`, `Duration: ${length}. Start: ${start}. End: ${end}.`]
    order.forEach((title, index) => {
      parts.push(marked(title, styles[index] ?? '## '))
      if (title === 'Timeline') parts.push(entries.map((entry) => `${bulletMark}${entry}`).join('\n'))
      else if (title === 'Impact') parts.push(`${share} ${bodies[index] ?? ''}`)
      else parts.push(bodies[index] ?? '')
    })
    return parts.join('\n\n')
  })

/** A document: blocks joined with LF, CRLF or CR, maybe with a BOM and trailing space. */
export const postmortem: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      {weight: 3, arbitrary: fc.array(fc.oneof({weight: 12, arbitrary: block}, {weight: 1, arbitrary: deepNesting}), {minLength: 0, maxLength: 8})},
      {weight: 1, arbitrary: fc.tuple(wholePostmortem, fc.array(block, {maxLength: 3})).map(([whole, extra]) => [whole, ...extra])}
    ),
    fc.constantFrom('\n', '\n', '\r\n', '\r'),
    fc.constantFrom('\n', '\n\n', '\n\n\n'),
    fc.boolean(),
    fc.constantFrom('', '\n', '\r\n', '  ', '\n\n\n')
  )
  .map(([blocks, eol, separator, bom, end]) => {
    const text = `${bom ? '\ufeff' : ''}${blocks.join(separator)}${end}`
    return eol === '\n' ? text : text.replace(/\n/g, eol)
  })

const markdownChar = fc.constantFrom(
  '*', '_', '#', '-', ':', '|', '>', '\n', '\r', ' ', '\t', '1', '2', '0', '9', '`', '[', ']', '(', ')', '<', '!', '.', 'a', 'M', 'P', '%', '~', '='
)

/** Arbitrary strings: any code points (lone surrogates included), and dense Markdown punctuation. */
export const arbitraryText: fc.Arbitrary<string> = fc.oneof(
  fc.string({unit: 'binary', maxLength: 300}),
  fc.string({unit: 'grapheme', maxLength: 300}),
  fc.string({unit: markdownChar, maxLength: 400}),
  fc.tuple(postmortem, fc.string({unit: 'binary', maxLength: 40}), fc.nat()).map(([doc, noise, at]) => {
    const cut = doc.length === 0 ? 0 : at % doc.length
    return doc.slice(0, cut) + noise + doc.slice(cut)
  })
)

/** Everything above, in the proportions the fuzz run uses. */
export const anyInput: fc.Arbitrary<string> = fc.oneof(
  {weight: 12, arbitrary: postmortem},
  {weight: 7, arbitrary: arbitraryText},
  {weight: 1, arbitrary: deepNesting}
)
