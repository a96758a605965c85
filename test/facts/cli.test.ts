import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {aggregate} from '../../src/facts-cli/rows.js'
import {SHARED, hasShared} from '../support/shared.js'
import {POSTMORTEMS, ROOT, parseCsv, runFacts} from './support/run.js'

const FOLDER = 'test/facts/postmortems'

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
        end: '2024-03-05T15:17Z',
        duration: 75,
        timeToDetect: 7,
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
        end: '2024-03-19T09:41Z',
        duration: 31,
        timeToDetect: 2,
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
        end: '2024-04-02T10:05+03:00',
        duration: 125,
        timeToDetect: 50,
        timeToResolve: 125,
        impact: '2,100 customers'
      },
      {file: `${FOLDER}/game-day-notes.md`, title: 'Game day notes', start: '10:00', impact: ''}
    ])
    expect(report.months).toEqual([
      {month: '2024-03', incidents: 2, timeToResolve: {count: 2, median: 53, mean: 53}, timeToDetect: {count: 2, median: 4.5, mean: 4.5}},
      {month: '2024-04', incidents: 1, timeToResolve: {count: 1, median: 125, mean: 125}, timeToDetect: {count: 1, median: 50, mean: 50}},
      {month: 'unknown', incidents: 1, timeToResolve: {count: 0}, timeToDetect: {count: 0}}
    ])
    expect(report.overall).toEqual({
      month: 'all',
      incidents: 4,
      timeToResolve: {count: 3, median: 75, mean: 77},
      timeToDetect: {count: 3, median: 7, mean: 19.7}
    })
  })

  it('prints CSV a spreadsheet reads: the incidents, or with --by-month the months', async () => {
    const incidents = await runFacts(['--format', 'csv', FOLDER])
    expect(incidents.code).toBe(0)
    const rows = parseCsv(incidents.stdout)
    expect(rows[0]).toEqual(['file', 'date', 'start', 'end', 'duration', 'time_to_detect', 'time_to_resolve', 'impact_percent', 'impact'])
    expect(rows).toHaveLength(5)
    expect(rows[1]).toEqual([`${FOLDER}/2024-03-05-checkout-errors.md`, '2024-03-05', '2024-03-05T14:02Z', '2024-03-05T15:17Z', '75', '7', '75', '12', '12%; 340 orders'])
    expect(rows[3]?.[8]).toBe('2,100 customers')
    expect(incidents.stdout).toContain('"2,100 customers"\r\n')

    const months = await runFacts(['--format', 'csv', '--by-month', FOLDER])
    expect(parseCsv(months.stdout)).toEqual([
      ['month', 'incidents', 'median_time_to_resolve', 'mean_time_to_resolve', 'time_to_resolve_known', 'median_time_to_detect', 'mean_time_to_detect', 'time_to_detect_known'],
      ['2024-03', '2', '53', '53', '2', '4.5', '4.5', '2'],
      ['2024-04', '1', '125', '125', '1', '50', '50', '1'],
      ['unknown', '1', '', '', '0', '', '', '0'],
      ['all', '4', '75', '77', '3', '7', '19.7', '3']
    ])
  })

  it('prints Markdown tables by default, durations written for people', async () => {
    const {code, stdout} = await runFacts([FOLDER])
    expect(code).toBe(0)
    expect(stdout).toContain('## Incidents\n\n| file | date | start | end | duration | time to detect | time to resolve | impact % | impact |\n| --- |')
    expect(stdout).toContain(`| ${FOLDER}/2024-04-02-queue.md | 2024-04-02 | 2024-04-02T08:00+03:00 | 2024-04-02T10:05+03:00 | 2h 5m | 50m | 2h 5m |  | 2,100 customers |`)
    expect(stdout).toContain('## Per month\n\n| month | incidents |')
    expect(stdout).toContain('| 2024-03 | 2 | 53m | 53m | 2 | 5m | 5m | 2 |')
    expect(stdout).toContain('| all | 4 | 1h 15m | 1h 17m | 3 | 7m | 20m | 3 |')
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
    expect(format.stderr).toBe('postmortem-facts: invalid option `--format`: expected one of markdown, json, csv, got "xml"\nTry `postmortem-facts --help`.\n')
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

  it('computes medians and means', () => {
    expect(aggregate([])).toEqual({count: 0})
    expect(aggregate([30])).toEqual({count: 1, median: 30, mean: 30})
    expect(aggregate([90, 10, 20])).toEqual({count: 3, median: 20, mean: 40})
    expect(aggregate([10, 20, 40, 1000])).toEqual({count: 4, median: 30, mean: 267.5})
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

  it('reads the seeds as a reviewer would', () => {
    const byFile = new Map(seeds.incidents.map((row) => [path.basename(String(row.file)), row]))
    expect(byFile.get('000_c3fc74443aaab66f.md')).toMatchObject({date: '2024-02-16', start: '2024-02-16T10:00Z', end: '2024-02-16T11:30Z', timeToDetect: 0, timeToResolve: 90, impactPercent: 30})
    expect(byFile.get('002_2b274fbec69ad9e0.md')).toMatchObject({date: '2023-06-01', timeToResolve: 240, impactPercent: 80})
    expect(byFile.get('003_894dfe6a21085ccf.md')).toMatchObject({date: '2023-10-05', start: '2023-10-05T14:30Z', end: '2023-10-05T18:45Z', timeToResolve: 255, impactPercent: 75})
    expect(byFile.get('004_77251f1b0b770ab7.md')).toMatchObject({start: '01:06+03:00', end: '02:46+03:00', timeToResolve: 100})
  })
})
