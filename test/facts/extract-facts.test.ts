import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {type IncidentFacts, type Located, extractFacts} from '../../src/index.js'
import {sharedDocuments} from '../support/shared.js'

const POSTMORTEMS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'postmortems')
const read = (name: string): string => fs.readFileSync(path.join(POSTMORTEMS, name), 'utf8')

/** Every fact with a place: its text must stand at that place. */
function located(facts: IncidentFacts): Located[] {
  const found: Located[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      if ('position' in value && 'text' in value) found.push(value as Located)
      Object.values(value).forEach(visit)
    }
  }
  visit(facts)
  return found
}

function checkPlaces(source: string, facts: IncidentFacts): void {
  for (const fact of located(facts)) {
    const {start, end} = fact.position
    expect(source.slice(start.offset, end.offset), JSON.stringify(fact.position)).toBe(fact.text)
    const line = source.split('\n')[start.line - 1] ?? ''
    expect(line.slice(start.column - 1).startsWith(fact.text.split('\n')[0] ?? '')).toBe(true)
  }
}

describe('extractFacts', () => {
  const checkout = read('2024-03-05-checkout-errors.md')

  it('reads the date, start, detection, mitigation, end, durations and impact', () => {
    const facts = extractFacts(checkout)
    expect(facts.title?.text).toBe('Checkout errors after the payment client upgrade')
    expect(facts.date?.value).toBe('2024-03-05')
    expect(facts.start).toMatchObject({iso: '2024-03-05T14:02Z', time: '14:02', utcOffset: 0, source: 'stated', text: '14:02'})
    expect(facts.start?.position.start).toMatchObject({line: 5, column: 63})
    expect(facts.detection).toMatchObject({iso: '2024-03-05T14:09Z', cue: {text: 'On-call engineer paged'}})
    expect(facts.detection?.cue.position.start).toMatchObject({line: 12})
    expect(facts.mitigation).toMatchObject({iso: '2024-03-05T14:40Z', cue: {text: 'rolled back'}})
    expect(facts.end).toMatchObject({iso: '2024-03-05T15:17Z', source: 'stated'})
    expect(facts.duration).toMatchObject({minutes: 75, qualifier: 'exact', text: '1 hour 15 minutes'})
    expect(facts.timeToDetect).toBe(7)
    expect(facts.timeToMitigate).toBe(38)
    expect(facts.timeToResolve).toBe(75)
    expect(facts.impact.percentages.map((figure) => [figure.kind, figure.value])).toEqual([['percentage', 12]])
    expect(facts.impact.counts.map((figure) => [figure.value, figure.noun])).toEqual([[340, 'orders']])
    expect(facts.timeZone).toMatchObject({name: 'UTC', utcOffset: 0})
  })

  it('gives every timeline entry with its moment and milestones, and every section', () => {
    const facts = extractFacts(checkout)
    expect(facts.timeline.map((entry) => [entry.moment?.time, entry.milestones])).toEqual([
      ['13:55', []],
      ['14:02', []],
      ['14:09', ['detection']],
      ['14:31', []],
      ['14:40', ['mitigation']],
      ['15:17', ['mitigation', 'resolution']]
    ])
    expect(facts.timeline[0]).toMatchObject({kind: 'timed', source: 'item', precision: 'minute', position: {start: {line: 10, column: 3}}})
    expect(facts.sections.map((section) => [section.kinds, section.style, section.depth, section.position.start.line])).toEqual([
      [['summary'], 'atx', 2, 3],
      [['timeline'], 'atx', 2, 8],
      [['root-cause'], 'atx', 2, 17],
      [['resolution'], 'atx', 2, 22],
      [['action-items'], 'atx', 2, 26]
    ])
    expect(facts.sections[1]?.contentPosition).toMatchObject({start: {line: 8}, end: {line: 17, column: 1}})
  })

  it('places each fact exactly, for the fixtures and every shared document', () => {
    const documents = [
      ...fs.readdirSync(POSTMORTEMS).map((name) => read(name)),
      ...sharedDocuments('seeds').map((document) => document.text),
      ...sharedDocuments('corpus').map((document) => document.text)
    ]
    for (const source of documents) checkPlaces(source, extractFacts(source))
  })

  it('gives plain data: JSON round-trips it unchanged', () => {
    const facts = extractFacts(checkout)
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts)
  })

  it('takes a parsed tree with its text or VFile, and refuses a tree alone', () => {
    const tree = unified().use(remarkParse).parse(checkout)
    expect(extractFacts(tree, checkout)).toEqual(extractFacts(checkout))
    expect(extractFacts(tree, new VFile({value: checkout}))).toEqual(extractFacts(checkout))
    expect(extractFacts(new VFile({value: checkout}))).toEqual(extractFacts(checkout))
    expect(() => (extractFacts as (tree: unknown) => unknown)(tree)).toThrow(/pass the text the tree was parsed from/)
  })

  it('uses extra section titles', () => {
    const text = '## Event log\n\n- 10:00 UTC - Alert fired.\n- 10:30 UTC - Service restored.\n'
    expect(extractFacts(text).timeline).toEqual([])
    const facts = extractFacts(text, {synonyms: {timeline: ['Event log']}})
    expect(facts.timeline).toHaveLength(2)
    expect(facts.timeToResolve).toBe(30)
  })

  it('reads the end off the entry that says the incident was resolved, and a table timeline', () => {
    const facts = extractFacts(read('2024-03-19-dns.md'))
    expect(facts.date).toMatchObject({value: '2024-03-19', text: '2024-03-19'})
    expect(facts.start).toMatchObject({iso: '2024-03-19T09:10Z', source: 'first-entry'})
    expect(facts.detection).toMatchObject({time: '09:12', cue: {text: 'Alert'}})
    expect(facts.mitigation).toMatchObject({time: '09:20', cue: {text: 'reverted'}})
    expect(facts.end).toMatchObject({iso: '2024-03-19T09:41Z', source: 'milestone'})
    expect(facts.timeToResolve).toBe(31)
    expect(facts.timeline.filter((entry) => entry.moment).map((entry) => [entry.source, entry.moment?.time])).toEqual([
      ['row', '09:10'],
      ['row', '09:12'],
      ['row', '09:20'],
      ['row', '09:41']
    ])
  })

  it('gives the clock of a moment as placed: an hour past noon written without a meridiem', () => {
    const markdown = '# VPN outage\n\n## Timeline (BST)\n\n- 11:50 VPN concentrator reboots.\n- 12:35 Concentrator found in recovery mode.\n- 1:25 All tunnels back up.\n'
    const facts = extractFacts(`---\ndate: 2025-05-06\n---\n\n${markdown}`)
    expect(facts.timeline.filter((entry) => entry.moment).map((entry) => entry.moment?.time)).toEqual(['11:50', '12:35', '13:25'])
  })

  it('keeps the zone of the document and the date of a date line', () => {
    const facts = extractFacts(read('2024-04-02-queue.md'))
    expect(facts.timeZone).toMatchObject({name: 'EAT', utcOffset: 180})
    expect(facts.start).toMatchObject({iso: '2024-04-02T08:00+03:00', date: '2024-04-02', time: '08:00', utcOffset: 180})
    expect(facts.detection).toMatchObject({time: '08:50', cue: {text: 'noticed'}})
    expect(facts.end).toMatchObject({iso: '2024-04-02T10:05+03:00'})
    expect(facts.timeToDetect).toBe(50)
    expect(facts.impact.counts.map((figure) => [figure.value, figure.noun])).toEqual([[2100, 'customers']])
  })

  it('reads no window from a value that changed or a range marked as a length', () => {
    const facts = extractFacts('# Builds\n\n## Summary\n\nThe median build went from 4:30 to 11:15 (minutes:seconds) on 2025-05-05.\n')
    expect(facts.start).toBeUndefined()
    expect(extractFacts('# Builds\n\n## Summary\n\nBuilds took 4:30 to 11:15 (mm:ss) on 2025-05-05.\n').start).toBeUndefined()
    expect(extractFacts('# Builds\n\n## Summary\n\nFrom 4:30 to 11:15 UTC on 2025-05-05 builds failed.\n').start).toMatchObject({time: '04:30'})
  })

  it('reads the start and end of a statement that gives each after its verb', () => {
    const facts = extractFacts('# Backlog\n\n## Summary\n\nOn 2025-04-03 the incident started at 14:02 UTC and ended at 14:47 UTC.\n')
    expect(facts.start).toMatchObject({time: '14:02', source: 'stated'})
    expect(facts.end).toMatchObject({time: '14:47', source: 'stated'})
    expect(extractFacts('# Backlog\n\n## Summary\n\nThe nightly job started at 02:00 UTC as usual.\n').start).toBeUndefined()
  })

  it('reads a blog post as the rules do: front matter as YAML, the day of the incident over the day of the post', () => {
    const post = '---\nlayout: post\ntitle: "What we learned from the database outage"\ndate: 2025-04-22\nauthor: Platform team\n---\n\nLast Tuesday, April 15, the primary database ran out of disk space.\n\n## How we fixed it\n\nWe cleared the temporary files.\n'
    const facts = extractFacts(post)
    expect(facts.title).toMatchObject({text: 'What we learned from the database outage'})
    expect(facts.date).toMatchObject({value: '2025-04-15'})
    // A day after the post's is in the year before: "December 28" in a post of January 3.
    expect(extractFacts('---\ndate: 2025-01-03\n---\n\nOn December 28 the queue stalled.\n').date).toMatchObject({value: '2024-12-28'})
  })

  it('reads the end off an entry that says what works again', () => {
    const facts = extractFacts('# Purges\n\n## Timeline (UTC)\n\n2025-07-14\n\n- 08:03 Purge API returns 429s.\n- 08:20 Stale images reported.\n- 08:55 Limit raised; purges succeed again.\n')
    expect(facts.end).toMatchObject({time: '08:55', source: 'milestone'})
  })

  it('says what it does not know: no date, no zone, no end', () => {
    const facts = extractFacts(read('game-day-notes.md'))
    expect(facts.date).toBeUndefined()
    expect(facts.start).toMatchObject({time: '10:00', source: 'first-entry'})
    expect(facts.start?.iso).toBeUndefined()
    expect(facts.start?.date).toBeUndefined()
    expect(facts.start?.utcOffset).toBeUndefined()
    expect(facts.end).toBeUndefined()
    expect(facts.timeToResolve).toBeUndefined()
    expect(facts.timeZone).toBeUndefined()
    expect(facts.impact).toEqual({percentages: [], counts: []})
  })

  it('gives a date without its year as --MM-DD, and takes the date of the title', () => {
    const noYear = extractFacts('## Timeline\n\n- **March 3, 10:00 UTC** - Alert.\n- **March 3, 10:20 UTC** - Resolved.\n')
    expect(noYear.date?.value).toBe('--03-03')
    expect(noYear.start).toMatchObject({date: '--03-03', time: '10:00'})
    expect(noYear.start?.iso).toBeUndefined()
    expect(noYear.timeToResolve).toBe(20)
    const titled = extractFacts('# 2023-11-07 Partial outage of the build farm\n\n## Timeline\n\n- 08:00 PST - Builds queue.\n')
    expect(titled.date).toMatchObject({value: '2023-11-07', text: '2023-11-07', position: {start: {line: 1, column: 3}}})
    // A year the title names places a day written without one.
    const report = extractFacts('# March 2024 availability report\n\n## March 14 14:03 UTC\n\nOn March 14 at 14:03 UTC, webhooks were delivered late for 40% of events.\n')
    expect(report.date?.value).toBe('2024-03-14')
    expect(report.start?.iso).toBe('2024-03-14T14:03Z')
  })

  it('takes a date line with an aside for the day of the entries under it, not an entry', () => {
    const facts = extractFacts('## Timeline\n\n**Tuesday, April 16, 2024 (all times UTC)**\n\n- 11:45 PM Backlog alert fires.\n\n**Wednesday, April 17, 2024**\n\n- 1:45 AM Backlog cleared.\n')
    expect(facts.start?.iso).toBe('2024-04-16T23:45Z')
    expect(facts.timeline.map((entry) => entry.moment?.iso)).toEqual(['2024-04-16T23:45Z', '2024-04-17T01:45Z'])
  })

  it('takes the opening time of the text before the sections for the start, also after "Beginning at"', () => {
    const opened = extractFacts('# Storage event\n\nBeginning at 9:37 AM PST on March 2, 2024, storage servers became unavailable.\n')
    expect(opened.start?.iso).toBe('2024-03-02T09:37-08:00')
  })

  it('knows an entry known only to the day from one known to the minute', () => {
    const facts = extractFacts('## Timeline\n\n- 2022-06-01: Vulnerability reported by a researcher.\n- 2022-06-03: Patched release published.\n')
    expect(facts.timeline.map((entry) => [entry.precision, entry.moment?.iso, entry.moment?.time])).toEqual([
      ['day', '2022-06-01', undefined],
      ['day', '2022-06-03', undefined]
    ])
    expect(facts.detection?.cue.text).toBe('reported')
    expect(facts.mitigation?.cue.text).toBe('Patched')
  })

  it('reads milestones from wrapped lines and the paragraph under a time heading, and skips negated ones', () => {
    const facts = extractFacts(
      [
        '## Timeline (UTC)',
        '',
        '### 21:14',
        '',
        'Config change takes effect. **START OF',
        'OUTAGE**',
        '',
        '### 21:30',
        '',
        'A customer reports the site is down.',
        '',
        '### 22:05',
        '',
        'Restart attempted, the site was not restored.',
        '',
        '### 22:40',
        '',
        'Config reverted; the site is back online.',
        ''
      ].join('\n')
    )
    expect(facts.start).toMatchObject({time: '21:14', source: 'milestone'})
    expect(facts.detection).toMatchObject({time: '21:30', cue: {text: 'reports'}})
    expect(facts.mitigation).toMatchObject({time: '22:05', cue: {text: 'Restart'}})
    expect(facts.end).toMatchObject({time: '22:40', source: 'milestone'})
    expect(facts.timeline.find((entry) => entry.moment?.time === '22:05')?.milestones).toEqual(['mitigation'])
    expect(facts.timeToDetect).toBe(16)
    expect(facts.timeToResolve).toBe(86)
  })

  it('reads the summary, severity and contact a tracker files, each where it is written', () => {
    const source = [
      '---',
      'severity: SEV-2',
      'authors:',
      '  - Ada Example',
      '  - name: Bo Example',
      '---',
      '# Login outage',
      '',
      '## Summary',
      '',
      'Logins failed for twenty minutes after a certificate expired.',
      '',
      'Nobody could sign in.',
      ''
    ].join('\n')
    const facts = extractFacts(source)
    checkPlaces(source, facts)
    expect(facts.summary?.text).toBe('Logins failed for twenty minutes after a certificate expired.')
    expect(facts.severity).toMatchObject({text: 'SEV-2', level: 2, position: {start: {line: 2, column: 11}}})
    expect(facts.contact?.names).toEqual(['Ada Example', 'Bo Example'])
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts)
  })

  it('reads the severity from a label line or a table, its level when it has one', () => {
    const severity = (text: string): IncidentFacts['severity'] => extractFacts(text).severity
    expect(severity('# Disk full\n\n**Severity:** P1 (critical)\n\n## Summary\n\nThe disk filled up.\n')).toMatchObject({text: 'P1 (critical)', level: 1})
    expect(severity('# Disk full\n\nSeverity: Critical (Sev 0)\n')).toMatchObject({level: 0})
    expect(severity('# Queue\n\n| Severity | Duration |\n| --- | --- |\n| High | 2h |\n')).toEqual(expect.objectContaining({text: 'High'}))
    expect(severity('# Queue\n\n| Severity | Duration |\n| --- | --- |\n| High | 2h |\n')?.level).toBeUndefined()
    expect(severity('# Queue\n\nSeverity level: 3\n')).toMatchObject({text: '3', level: 3})
    // A template's prompt, and a sentence that mentions severity, are no severity.
    expect(severity('# Template\n\nSeverity: [Critical/High/Medium/Low]\n')).toBeUndefined()
    expect(severity('# Queue\n\nThe severity was debated at length.\n')).toBeUndefined()
  })

  it('takes as summary the first statement of the summary that says what happened, not a fact line', () => {
    const facts = extractFacts('# Cache\n\n## Summary\n\nDate: 2024-05-02\n\nThe cache evicted every key at 09:14, and pages slowed down.\n')
    expect(facts.summary?.text).toBe('The cache evicted every key at 09:14, and pages slowed down.')
    expect(extractFacts('# Cache\n\n## Timeline\n\n- 10:00 Alert.\n').summary).toBeUndefined()
  })

  it('gives the action items with their owner, reference and due day', () => {
    const source = '# Disk\n\n## Action items\n\n- [ ] Add a disk alarm at 80% - @ada, due 2024-05-01\n- [x] Roll back the config\n- [ ] Write a runbook, due June 3\n- Rotate the keys, OPS-12\n'
    const facts = extractFacts(source)
    checkPlaces(source, facts)
    expect(facts.actionItems.map((item) => [item.text, item.done, item.owner?.text, item.tracking?.text, item.due?.text, item.due?.date])).toEqual([
      ['Add a disk alarm at 80% - @ada, due 2024-05-01', false, '@ada', undefined, '2024-05-01', '2024-05-01'],
      ['Roll back the config', true, undefined, undefined, undefined, undefined],
      ['Write a runbook, due June 3', false, undefined, undefined, 'June 3', '--06-03'],
      ['Rotate the keys, OPS-12', false, undefined, 'OPS-12', undefined, undefined]
    ])
    expect(extractFacts('# Disk\n').actionItems).toEqual([])
  })

  it('does not throw on any shape of document', () => {
    for (const text of ['', '\n', '# Only a title', '## Timeline\n\n- 25:99 - nonsense\n- 10:00', '**Timeline:**\n\n| a |\n| - |\n| 10:00 |', '\u0000\uFFFF'.repeat(20)]) {
      const facts = extractFacts(text)
      expect(facts.impact).toMatchObject({percentages: expect.any(Array), counts: expect.any(Array)})
      checkPlaces(text, facts)
    }
  })
})
