import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {aggregate, percentile} from '../../src/clients/postmortem-facts/periods.js'
import {SHARED, hasShared} from '../support/shared.js'
import {POSTMORTEMS, ROOT, parseCsv, runFacts} from './support/run.js'

const FOLDER = 'test/facts/postmortems'

// The JSON report of a shared corpus, made once for the tests that read it.
const corpusRuns = new Map<string, ReturnType<typeof runFacts>>()
function corpusJson(folder: string): ReturnType<typeof runFacts> {
  if (!corpusRuns.has(folder)) corpusRuns.set(folder, runFacts(['--format', 'json', path.join(SHARED, folder)]))
  return corpusRuns.get(folder)!
}

describe('postmortem-facts', () => {
  it('prints one row per incident and the aggregates per month as JSON', async () => {
    const {code, stdout, stderr} = await runFacts(['--format', 'json', FOLDER])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.incidents).toEqual([
      {
        file: `${FOLDER}/2024-03-05-checkout-errors.md`,
        title: 'Checkout errors after the payment client upgrade',
        date: '2024-03-05',
        start: '2024-03-05T14:02Z',
        detection: '2024-03-05T14:09Z',
        mitigation: '2024-03-05T14:40Z',
        end: '2024-03-05T15:17Z',
        duration: 75,
        timeToDetect: 7,
        timeToMitigate: 38,
        timeToResolve: 75,
        impactPercent: 12,
        impact: '12%; 340 orders'
      },
      {
        file: `${FOLDER}/2024-03-19-dns.md`,
        title: 'Internal DNS outage',
        date: '2024-03-19',
        start: '2024-03-19T09:10Z',
        detection: '2024-03-19T09:12Z',
        mitigation: '2024-03-19T09:20Z',
        end: '2024-03-19T09:41Z',
        duration: 31,
        timeToDetect: 2,
        timeToMitigate: 10,
        timeToResolve: 31,
        impactPercent: 30,
        impact: '30%'
      },
      {
        file: `${FOLDER}/2024-04-02-queue.md`,
        title: 'Order queue backlog',
        date: '2024-04-02',
        start: '2024-04-02T08:00+03:00',
        detection: '2024-04-02T08:50+03:00',
        mitigation: '2024-04-02T09:15+03:00',
        end: '2024-04-02T10:05+03:00',
        duration: 125,
        timeToDetect: 50,
        timeToMitigate: 75,
        timeToResolve: 125,
        impact: '2,100 customers'
      },
      {
        file: `${FOLDER}/game-day-notes.md`,
        title: 'Game day notes',
        start: '10:00',
        mitigation: '10:00',
        timeToMitigate: 0,
        impact: '',
        unmeasured: {month: 'no date', timeToDetect: 'no detection', timeToResolve: 'no end, no stated duration'}
      }
    ])
    const figures = (median: number, p90: number, max: number, count: number): object => ({count, median, p90, max})
    expect(report.months).toEqual([
      {month: '2024-03', incidents: 2, timeToDetect: figures(2, 7, 7, 2), timeToMitigate: figures(10, 38, 38, 2), timeToResolve: figures(31, 75, 75, 2)},
      {month: '2024-04', incidents: 1, timeToDetect: figures(50, 50, 50, 1), timeToMitigate: figures(75, 75, 75, 1), timeToResolve: figures(125, 125, 125, 1)},
      {month: 'unknown', incidents: 1, timeToDetect: {count: 0}, timeToMitigate: figures(0, 0, 0, 1), timeToResolve: {count: 0}}
    ])
    expect(report.quarters.map((quarter: {quarter: string; incidents: number}) => [quarter.quarter, quarter.incidents])).toEqual([['2024-Q1', 2], ['2024-Q2', 1], ['unknown', 1]])
    expect(report.quarters[0]).toEqual({...report.months[0], month: undefined, quarter: '2024-Q1'})
    expect(report.overall).toEqual({
      month: 'all',
      incidents: 4,
      timeToDetect: figures(7, 50, 50, 3),
      timeToMitigate: figures(10, 75, 75, 4),
      timeToResolve: figures(75, 125, 125, 3)
    })
    expect(report.unmeasured).toEqual([{file: `${FOLDER}/game-day-notes.md`, month: 'no date', timeToDetect: 'no detection', timeToResolve: 'no end, no stated duration'}])
  })

  it('says, per incident and figure, why a figure could not be measured', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-facts-'))
    try {
      fs.writeFileSync(path.join(dir, 'no-year.md'), '# Billing retries\n\nDate: May 14\n\n## Timeline (UTC)\n\n- 09:00 - Invoices start failing.\n- 09:05 - Alert fired.\n- 09:40 - Retries disabled, invoices back to normal.\n')
      fs.writeFileSync(path.join(dir, 'backwards.md'), '# Cache flush\n\nStart: 2024-06-10 12:00 UTC\nEnd: 2024-06-10 11:30 UTC\n\n## Timeline (UTC)\n\n- 2024-06-10 12:10 - Latency alarm paged the on-call engineer.\n')
      fs.writeFileSync(path.join(dir, 'untimed.md'), '# Search slowness\n\nDate: 2024-07-02\n\n## Summary\n\nSearch was slow for part of the afternoon.\n')
      const json = JSON.parse((await runFacts(['--format', 'json'], dir)).stdout)
      expect(json.unmeasured).toEqual([
        {file: 'backwards.md', timeToMitigate: 'no mitigation', timeToResolve: 'end before start'},
        {file: 'untimed.md', timeToDetect: 'no start, no detection', timeToMitigate: 'no start, no mitigation', timeToResolve: 'no start, no end, no stated duration'},
        {file: 'no-year.md', month: 'no year'}
      ])
      // Counted in the durations, under the unknown month and quarter.
      expect(json.months.at(-1)).toMatchObject({month: 'unknown', incidents: 1, timeToResolve: {count: 1, median: 40}})
      expect(json.quarters.map((quarter: {quarter: string}) => quarter.quarter)).toEqual(['2024-Q2', '2024-Q3', 'unknown'])

      const csv = parseCsv((await runFacts(['--format', 'csv'], dir)).stdout)
      expect(csv[0]?.slice(-4)).toEqual(['why_no_month', 'why_no_time_to_detect', 'why_no_time_to_mitigate', 'why_no_time_to_resolve'])
      expect(csv[1]?.slice(-4)).toEqual(['', '', 'no mitigation', 'end before start'])

      const markdown = (await runFacts([], dir)).stdout
      expect(markdown).toContain('## Not measured\n\n| file | month | time to detect | time to mitigate | time to resolve |\n| --- | --- | --- | --- | --- |\n| backwards.md |  |  | no mitigation | end before start |')
      expect(markdown).toContain('| no-year.md | no year |  |  |  |')
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })

  it('prints CSV a spreadsheet reads: the incidents, or with --by-month the months', async () => {
    const incidents = await runFacts(['--format', 'csv', FOLDER])
    expect(incidents.code).toBe(0)
    const rows = parseCsv(incidents.stdout)
    expect(rows[0]).toEqual([
      'file', 'date', 'start', 'end', 'duration', 'time_to_detect', 'time_to_mitigate', 'time_to_resolve', 'impact_percent', 'impact',
      'why_no_month', 'why_no_time_to_detect', 'why_no_time_to_mitigate', 'why_no_time_to_resolve'
    ])
    expect(rows).toHaveLength(5)
    expect(rows[1]).toEqual([`${FOLDER}/2024-03-05-checkout-errors.md`, '2024-03-05', '2024-03-05T14:02Z', '2024-03-05T15:17Z', '75', '7', '38', '75', '12', '12%; 340 orders', '', '', '', ''])
    expect(rows[3]?.[9]).toBe('2,100 customers')
    expect(rows[4]?.slice(-4)).toEqual(['no date', 'no detection', '', 'no end, no stated duration'])
    expect(incidents.stdout).toContain('"no end, no stated duration"\r\n')

    const months = await runFacts(['--format', 'csv', '--by-month', FOLDER])
    const header = (name: string): string[] => ['median', 'p90', 'max'].map((figure) => `${figure}_${name}`).concat(`${name}_known`)
    expect(parseCsv(months.stdout)).toEqual([
      ['month', 'incidents', ...header('time_to_detect'), ...header('time_to_mitigate'), ...header('time_to_resolve')],
      ['2024-03', '2', '2', '7', '7', '2', '10', '38', '38', '2', '31', '75', '75', '2'],
      ['2024-04', '1', '50', '50', '50', '1', '75', '75', '75', '1', '125', '125', '125', '1'],
      ['unknown', '1', '', '', '', '0', '0', '0', '0', '1', '', '', '', '0'],
      ['all', '4', '7', '50', '50', '3', '10', '75', '75', '4', '75', '125', '125', '3']
    ])

    const quarters = parseCsv((await runFacts(['--format', 'csv', '--by-quarter', FOLDER])).stdout)
    expect(quarters.map((row) => row.slice(0, 2))).toEqual([['quarter', 'incidents'], ['2024-Q1', '2'], ['2024-Q2', '1'], ['unknown', '1'], ['all', '4']])
    expect(quarters[1]?.slice(2)).toEqual(parseCsv(months.stdout)[1]?.slice(2))
  })

  it('prints Markdown tables by default, durations written for people', async () => {
    const {code, stdout} = await runFacts([FOLDER])
    expect(code).toBe(0)
    expect(stdout).toContain('## Incidents\n\n| file | date | start | end | duration | time to detect | time to mitigate | time to resolve | impact % | impact |\n| --- |')
    expect(stdout).toContain(`| ${FOLDER}/2024-04-02-queue.md | 2024-04-02 | 2024-04-02T08:00+03:00 | 2024-04-02T10:05+03:00 | 2h 5m | 50m | 1h 15m | 2h 5m |  | 2,100 customers |`)
    expect(stdout).toContain('## Per month\n\n| month | incidents | median time to detect | p90 time to detect | max time to detect | time to detect known |')
    expect(stdout).toContain('| 2024-03 | 2 | 2m | 7m | 7m | 2 | 10m | 38m | 38m | 2 | 31m | 1h 15m | 1h 15m | 2 |')
    expect(stdout).toContain('## Per quarter\n\n| quarter | incidents |')
    expect(stdout).toContain('| 2024-Q2 | 1 | 50m | 50m | 50m | 1 | 1h 15m | 1h 15m | 1h 15m | 1 | 2h 5m | 2h 5m | 2h 5m | 1 |')
    expect(stdout).toContain(`## Not measured\n\n| file | month | time to detect | time to mitigate | time to resolve |\n| --- | --- | --- | --- | --- |\n| ${FOLDER}/game-day-notes.md | no date | no detection |  | no end, no stated duration |`)
    const byQuarter = await runFacts(['--by-quarter', FOLDER])
    expect(byQuarter.stdout).not.toContain('## Incidents')
    expect(byQuarter.stdout).not.toContain('## Per month')
    expect(byQuarter.stdout).toContain('## Per quarter')
  })

  it('exports the incidents in Etsy Morgue\'s schema, as JSON and as CSV', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-facts-'))
    try {
      fs.copyFileSync(path.join(POSTMORTEMS, '2024-03-05-checkout-errors.md'), path.join(dir, 'checkout.md'))
      fs.writeFileSync(
        path.join(dir, 'login.md'),
        '---\nseverity: SEV-2\nowner: Ada Example\n---\n# Login outage\n\n## Summary\n\nLogins failed after a certificate\nexpired.\n\n## Timeline\n\n- 10:00 Logins fail.\n- 10:06 Alert fired.\n- 10:20 Certificate renewed, logins back to normal.\n'
      )
      fs.writeFileSync(path.join(dir, 'notes.md'), 'Severity: high\n\nSome notes without a title.\n')
      const run = await runFacts(['--format', 'morgue-json'], dir)
      expect(run.code).toBe(0)
      expect(JSON.parse(run.stdout)).toEqual([
        {
          title: 'Checkout errors after the payment client upgrade',
          summary: 'On March 5, 2024 the checkout failed for 12% of shoppers from 14:02 to 15:17 UTC; the outage lasted 1 hour 15 minutes. 340 orders were lost.',
          starttime: Date.UTC(2024, 2, 5, 14, 2) / 1000,
          endtime: Date.UTC(2024, 2, 5, 15, 17) / 1000,
          detecttime: Date.UTC(2024, 2, 5, 14, 9) / 1000,
          severity: null,
          contact: null,
          file: 'checkout.md'
        },
        // No zone named and no year: its times are no instants.
        {title: 'Login outage', summary: 'Logins failed after a certificate expired.', starttime: null, endtime: null, detecttime: null, severity: 2, contact: 'Ada Example', file: 'login.md'},
        {title: 'notes.md', summary: null, starttime: null, endtime: null, detecttime: null, severity: 'high', contact: null, file: 'notes.md'}
      ])
      const csv = parseCsv((await runFacts(['--format', 'morgue-csv'], dir)).stdout)
      expect(csv[0]).toEqual(['title', 'summary', 'starttime', 'endtime', 'detecttime', 'severity', 'contact', 'file'])
      expect(csv[2]).toEqual(['Login outage', 'Logins failed after a certificate expired.', '', '', '', '2', 'Ada Example', 'login.md'])
      const aggregates = await runFacts(['--format', 'morgue-csv', '--by-month'], dir)
      expect(aggregates.code).toBe(1)
      expect(aggregates.stderr).toContain('invalid option `--by-month`: expected no other table with `--format morgue-csv`')
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })

  it('lists the open action items, those past their due date (as of --as-of) and those without owner', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-facts-'))
    try {
      fs.writeFileSync(
        path.join(dir, 'cache.md'),
        [
          '# Cache stampede',
          '',
          '## Action items',
          '',
          '- [ ] Add jitter to cache expiry - owner: @kim, due 2024-05-01',
          '- [ ] Write a runbook for cache warm-up, due 2024-07-01',
          '- [x] Roll back the eviction change - owner: @lou',
          '- [ ] Alert on the hit ratio, OPS-77',
          ''
        ].join('\n')
      )
      const run = await runFacts(['--format', 'json', '--as-of', '2024-06-01', '--html', 'report.html', '.'], dir)
      expect(run.stderr).toBe('')
      const {actionItems} = JSON.parse(run.stdout)
      expect(actionItems).toEqual({
        asOf: '2024-06-01',
        total: 4,
        open: 3,
        overdue: 1,
        withoutOwner: 2,
        items: [
          {file: 'cache.md', text: 'Add jitter to cache expiry - owner: @kim, due 2024-05-01', line: 5, owner: '@kim', due: '2024-05-01', dueDate: '2024-05-01', overdue: true, withoutOwner: false},
          {file: 'cache.md', text: 'Write a runbook for cache warm-up, due 2024-07-01', line: 6, due: '2024-07-01', dueDate: '2024-07-01', overdue: false, withoutOwner: true},
          {file: 'cache.md', text: 'Alert on the hit ratio, OPS-77', line: 8, tracking: 'OPS-77', overdue: false, withoutOwner: true}
        ]
      })
      const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8')
      expect(html).toContain('4 action items, 3 open: 1 past their due date as of 2024-06-01, 2 without owner.')
      expect(html).toMatch(/<table class="open-items">.*<th>flags<\/th>/)
      expect(html).toContain('<td>cache.md:5</td><td>Add jitter to cache expiry - owner: @kim, due 2024-05-01</td><td>@kim</td><td>2024-05-01</td><td></td><td>past due</td>')
      // A later day makes the second item past due too.
      const later = JSON.parse((await runFacts(['--format', 'json', '--as-of', '2024-08-01', '.'], dir)).stdout)
      expect(later.actionItems.overdue).toBe(2)
      const wrong = await runFacts(['--as-of', '2024-02-30', '.'], dir)
      expect(wrong.code).toBe(1)
      expect(wrong.stderr).toContain('invalid option `--as-of`: expected a day as YYYY-MM-DD, got "2024-02-30"')
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })

  it('searches folders, skipping node_modules and hidden folders, and takes globs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-facts-'))
    try {
      fs.mkdirSync(path.join(dir, 'incidents/2024'), {recursive: true})
      fs.mkdirSync(path.join(dir, 'node_modules/pkg'), {recursive: true})
      fs.mkdirSync(path.join(dir, '.github'), {recursive: true})
      fs.copyFileSync(path.join(POSTMORTEMS, '2024-03-19-dns.md'), path.join(dir, 'incidents/2024/dns.markdown'))
      fs.copyFileSync(path.join(POSTMORTEMS, '2024-04-02-queue.md'), path.join(dir, 'incidents/queue.md'))
      fs.writeFileSync(path.join(dir, 'node_modules/pkg/README.md'), '# Not a postmortem\n')
      fs.writeFileSync(path.join(dir, '.github/template.md'), '# Template\n')
      fs.writeFileSync(path.join(dir, 'incidents/notes.txt'), 'not Markdown\n')
      const all = JSON.parse((await runFacts(['--format', 'json'], dir)).stdout)
      expect(all.incidents.map((row: {file: string}) => row.file)).toEqual(['incidents/2024/dns.markdown', 'incidents/queue.md'])
      const globbed = JSON.parse((await runFacts(['--format', 'json', 'incidents/*.md'], dir)).stdout)
      expect(globbed.incidents.map((row: {file: string}) => row.file)).toEqual(['incidents/queue.md'])
      const empty = await runFacts(['--format', 'json', 'incidents/2024'], path.join(dir, 'node_modules'))
      expect(empty.code).toBe(1)
      expect(empty.stderr).toContain('cannot read `incidents/2024`: no such file or folder')
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })

  it('says clearly what is wrong with the command, and exits with 1', async () => {
    const format = await runFacts(['--format', 'xml', FOLDER])
    expect(format.code).toBe(1)
    expect(format.stdout).toBe('')
    expect(format.stderr).toBe('postmortem-facts: invalid option `--format`: expected one of markdown, json, csv, morgue-json, morgue-csv, got "xml"\nTry `postmortem-facts --help`.\n')
    const both = await runFacts(['--format', 'csv', '--by-month', '--by-quarter', FOLDER])
    expect(both.code).toBe(1)
    expect(both.stderr).toContain('invalid options `--by-month` and `--by-quarter`: expected one of them with `--format csv`')
    const unknown = await runFacts(['--frail'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain("Unknown option '--frail'")
    const glob = await runFacts(['nothing-here/*.md'])
    expect(glob.code).toBe(1)
    expect(glob.stderr).toContain('no file matches `nothing-here/*.md`')
    const html = await runFacts(['--html', path.join(ROOT, 'no-such-folder/report.html'), FOLDER])
    expect(html.code).toBe(1)
    expect(html.stderr).toContain('cannot write the report to')
  })

  it('prints its usage and version', async () => {
    const help = await runFacts(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: postmortem-facts [options] [path | glob ...]')
    const version = await runFacts(['--version'])
    const {version: expected} = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
    expect(version.stdout).toBe(`${expected}\n`)
  })

  it('computes nearest-rank percentiles: each one of the values, never a mean of two', () => {
    expect(aggregate([])).toEqual({count: 0})
    expect(aggregate([30])).toEqual({count: 1, median: 30, p90: 30, max: 30})
    expect(aggregate([90, 10, 20])).toEqual({count: 3, median: 20, p90: 90, max: 90})
    expect(aggregate([10, 20, 40, 1000])).toEqual({count: 4, median: 20, p90: 1000, max: 1000})
    const hundred = Array.from({length: 100}, (_, index) => index + 1)
    expect([percentile(hundred, 50), percentile(hundred, 90), percentile(hundred, 91), percentile(hundred, 100)]).toEqual([50, 90, 91, 100])
    expect(percentile(Array.from({length: 10}, (_, index) => index + 1), 90)).toBe(9)
    expect(percentile([], 50)).toBeUndefined()
  })
})

describe.runIf(hasShared)('postmortem-facts over ../shared', () => {
  let corpus: {incidents: Array<Record<string, unknown>>; months: Array<{month: string; incidents: number}>; overall: {incidents: number}}
  let seeds: typeof corpus

  beforeAll(async () => {
    const [corpusRun, seedsRun] = await Promise.all([
      runFacts(['--format', 'json', path.join(SHARED, 'corpus')]),
      runFacts(['--format', 'json', path.join(SHARED, 'seeds')])
    ])
    expect(corpusRun.stderr).toBe('')
    expect(corpusRun.code).toBe(0)
    expect(seedsRun.code).toBe(0)
    corpus = JSON.parse(corpusRun.stdout)
    seeds = JSON.parse(seedsRun.stdout)
  })

  it('gives a row per corpus document, with sensible values', () => {
    const files = fs.readdirSync(path.join(SHARED, 'corpus')).filter((name) => name.endsWith('.md'))
    expect(corpus.incidents).toHaveLength(files.length)
    expect(corpus.overall.incidents).toBe(files.length)
    expect(corpus.months.reduce((sum, month) => sum + month.incidents, 0)).toBe(files.length)
    for (const row of corpus.incidents) {
      if (row.date !== undefined) expect(row.date).toMatch(/^(?:\d{4}|-)-\d{2}-\d{2}$/)
      for (const key of ['duration', 'timeToDetect', 'timeToResolve']) {
        if (row[key] !== undefined) expect(row[key], `${row.file} ${key}`).toBeGreaterThanOrEqual(0)
      }
      if (row.impactPercent !== undefined) expect(row.impactPercent).toBeLessThanOrEqual(100)
    }
    // Most real postmortems state or show how long they lasted.
    const resolved = corpus.incidents.filter((row) => row.timeToResolve !== undefined)
    expect(resolved.length).toBeGreaterThanOrEqual(files.length / 2)
  })

  it.each(['corpus', 'corpus2'])('measures every document of %s or says why not, figure by figure', async (folder) => {
    const run = await corpusJson(folder)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.incidents.length).toBeGreaterThan(0)
    const reasons = new Set<string>()
    for (const row of report.incidents) {
      for (const metric of ['timeToDetect', 'timeToMitigate', 'timeToResolve']) {
        const why = row.unmeasured?.[metric]
        // Exactly one of them: the figure, or why it is missing.
        expect(row[metric] === undefined, `${row.file} ${metric}`).toBe(typeof why === 'string')
        if (why) reasons.add(why)
      }
      expect(/^\d{4}-/.test(row.date ?? ''), `${row.file} month`).toBe(row.unmeasured?.month === undefined)
    }
    expect(report.unmeasured).toEqual(report.incidents.filter((row: {unmeasured?: object}) => row.unmeasured).map((row: {file: string; unmeasured: object}) => ({file: row.file, ...row.unmeasured})))
    for (const why of reasons) expect(why).toMatch(/^(?:no (?:start|detection|mitigation|end)(?:, no (?:detection|mitigation|end))?(?:, no stated duration)?|(?:detection|mitigation|end) before start)$/)
    // The count behind each figure is the number of incidents that have it.
    for (const metric of ['timeToDetect', 'timeToMitigate', 'timeToResolve'] as const) {
      const known = report.incidents.filter((row: Record<string, unknown>) => row[metric] !== undefined).length
      expect(report.overall[metric].count).toBe(known)
      expect(report.months.reduce((sum: number, month: Record<string, {count: number}>) => sum + (month[metric]?.count ?? 0), 0)).toBe(known)
      expect(report.quarters.reduce((sum: number, quarter: Record<string, {count: number}>) => sum + (quarter[metric]?.count ?? 0), 0)).toBe(known)
    }
  })

  it.each(['corpus', 'corpus2'])('gives a Morgue record of every document of %s', async (folder) => {
    const [records, rows] = await Promise.all([runFacts(['--format', 'morgue-json', path.join(SHARED, folder)]), corpusJson(folder)])
    expect(records.stderr).toBe('')
    expect(records.code).toBe(0)
    const parsed: Array<Record<string, unknown>> = JSON.parse(records.stdout)
    const incidents: Array<{file: string; title?: string}> = JSON.parse(rows.stdout).incidents
    expect(parsed.map((record) => record.file)).toEqual(incidents.map((row) => row.file))
    for (const record of parsed) {
      expect(Object.keys(record)).toEqual(['title', 'summary', 'starttime', 'endtime', 'detecttime', 'severity', 'contact', 'file'])
      expect(typeof record.title).toBe('string')
      for (const key of ['starttime', 'endtime', 'detecttime']) {
        // Seconds, in a plausible span of years, or unknown.
        if (record[key] !== null) expect(record[key], `${record.file} ${key}`).toSatisfy((value: number) => Number.isInteger(value) && value > Date.UTC(1990, 0) / 1000 && value < Date.UTC(2100, 0) / 1000)
      }
      if (record.starttime !== null && record.endtime !== null) expect(record.endtime).toBeGreaterThanOrEqual(record.starttime as number)
    }
    expect(parsed.filter((record) => record.summary !== null).length).toBeGreaterThan(parsed.length / 3)
  })

  it('reads the seeds as a reviewer would', () => {
    const byFile = new Map(seeds.incidents.map((row) => [path.basename(String(row.file)), row]))
    expect(byFile.get('000_c3fc74443aaab66f.md')).toMatchObject({date: '2024-02-16', start: '2024-02-16T10:00Z', end: '2024-02-16T11:30Z', timeToDetect: 0, timeToResolve: 90, impactPercent: 30})
    expect(byFile.get('002_2b274fbec69ad9e0.md')).toMatchObject({date: '2023-06-01', timeToResolve: 240, impactPercent: 80})
    expect(byFile.get('003_894dfe6a21085ccf.md')).toMatchObject({date: '2023-10-05', start: '2023-10-05T14:30Z', end: '2023-10-05T18:45Z', timeToResolve: 255, impactPercent: 75})
    expect(byFile.get('004_77251f1b0b770ab7.md')).toMatchObject({start: '01:06+03:00', end: '02:46+03:00', timeToResolve: 100})
  })
})
