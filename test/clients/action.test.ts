import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ACTION_BUNDLE, buildAction} from '../../tooling/build-action.js'
import {durationMinutes} from '../../src/model/duration/duration.js'
import {extractFacts} from '../../src/model/facts/extract-facts.js'
import {DOCS_URL} from '../../src/lint/rule.js'
import {postmortem} from './support/documents.js'
import {gathered} from '../support/long-document.js'
import {lint} from '../support/lint.js'
import {recommended} from '../../src/index.js'
import {type Finished, run} from './support/process.js'

/**
 * The committed bundle that action.yml runs, run with node as the runner
 * does: inputs in INPUT_* variables, outputs and the job summary in the
 * files GITHUB_OUTPUT and GITHUB_STEP_SUMMARY name, workflow commands on
 * standard output.
 */

const BLOB = 'https://github.com/acme/postmortems/blob/0123abc/'

let temp: string

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-action-'))
})

afterAll(() => {
  if (temp) fs.rmSync(temp, {recursive: true, force: true})
})

let workspaces = 0

/** A fresh repository checkout holding `files` (path → text). */
function workspace(files: Record<string, string>): string {
  const dir = path.join(temp, `workspace-${++workspaces}`)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

interface ActionRun extends Finished {
  outputs: Record<string, string>
  summary: string
  /** The annotations printed (workflow commands with properties), one a line. */
  commands: string[]
}

/** `name<<delimiter` … `delimiter`, as @actions/core writes GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
    const [, name = '', , value = ''] = match
    outputs[name] = value
  }
  return outputs
}

async function runAction(dir: string, inputs: Record<string, string>): Promise<ActionRun> {
  const runnerFiles = path.join(dir, '..', `${path.basename(dir)}-runner`)
  fs.mkdirSync(runnerFiles, {recursive: true})
  const outputFile = path.join(runnerFiles, 'output')
  const summaryFile = path.join(runnerFiles, 'summary')
  fs.writeFileSync(outputFile, '')
  fs.writeFileSync(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/postmortems',
    GITHUB_SHA: '0123abc',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]))
  }
  const result = await run(process.execPath, [ACTION_BUNDLE], {cwd: dir, env})
  return {
    ...result,
    outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    commands: result.stdout.split('\n').filter((line) => /^::(?:error|warning|notice) /.test(line))
  }
}

/**
 * The commands a runner reads in `stdout`, as actions/runner parses each
 * line: `::name …` after leading spaces, or the legacy `##[name …]` anywhere.
 * A line ends at LF, CRLF or CR.
 */
function runnerCommands(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).flatMap((line) => {
    const trimmed = line.replace(/^[\s\u0085]+/, '')
    if (trimmed.startsWith('::')) return [/^::([^ :]*)/.exec(trimmed)?.[1] ?? '']
    const legacy = /##\[([^ \]]*)/.exec(line)
    return legacy ? [legacy[1] ?? ''] : []
  })
}

/** A property of a workflow command as the runner reads it. */
function unescapeProperty(value: string): string {
  return value.replace(/%(0D|0A|3A|2C|25)/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)))
}

/** "2024-03-05 14:02 UTC+03:00 (the timeline's first entry) ([line 11](…))" as postmortem-facts writes a moment: "2024-03-05T14:02+03:00". */
function momentOfCell(cell: string): string | undefined {
  const value = cell.replace(/ \((?:\[)?line \d+.*$/, '').replace(/ \((?:the timeline's first entry|from the timeline)\)$/, '').trim()
  if (value === '—') return undefined
  const parts = value.split(' ')
  const date = parts.find((part) => /^(?:\d{4}|-)-/.test(part))
  const time = parts.find((part) => /^\d{1,2}:\d{2}/.test(part))
  const zone = parts.find((part) => part.startsWith('UTC'))
  const offset = zone === undefined ? '' : zone === 'UTC' ? 'Z' : zone.slice(3)
  if (date && /^\d{4}/.test(date)) return time ? `${date}T${time}${offset}` : date
  return [date, time && `${time}${offset}`].filter(Boolean).join(' ')
}

/** The minutes a duration cell shows: its normalised form, in parentheses when the document wrote it otherwise. */
function minutesOfCell(cell: string): number | undefined {
  const value = cell.replace(/ \((?:\[)?line \d+.*$/, '').replace(/, from the start and end$/, '').trim()
  if (value === '—') return undefined
  const normalized = /\(([^()]*)\)$/.exec(value)?.[1] ?? value
  return durationMinutes(normalized.replace(/\s+/g, ' '))
}

/** The Start, End, Duration and Impact cells of each file's facts table in a job summary. */
function summaryFacts(summary: string): Map<string, string[]> {
  const facts = new Map<string, string[]>()
  for (const part of summary.split(/^### /m).slice(1)) {
    const name = (part.split('\n')[0] ?? '').replace(/\\(.)/g, '$1')
    const row = part.split('\n').find((line, index, lines) => lines[index - 2]?.startsWith('| Start | End | Duration | Impact |'))
    if (row) facts.set(name, row.slice(2, -2).split(/ (?<!\\)\| /))
  }
  return facts
}

describe('the GitHub Action', () => {
  it('gives, in its job summary, the start, end, duration and impact postmortem-facts gives, for every fixture', async () => {
    const fixtures = path.resolve(import.meta.dirname, '../../fixtures')
    const files = Object.fromEntries(
      fs
        .readdirSync(fixtures, {recursive: true, encoding: 'utf8'})
        .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md'))
        .map((name) => [`postmortems/${name.replaceAll(path.sep, '/')}`, fs.readFileSync(path.join(fixtures, name), 'utf8')])
    )
    const dir = workspace(files)
    const action = await runAction(dir, {files: 'postmortems/**/*.md', 'fail-on': 'never'})
    expect(action.code, action.stderr).toBe(0)
    const shown = summaryFacts(action.summary)
    const facts = await run(process.execPath, [path.resolve(import.meta.dirname, '../../bin/postmortem-facts.js'), '--format', 'json', 'postmortems'], {cwd: dir})
    const rows = (JSON.parse(facts.stdout) as {incidents: Array<{file: string; start?: string; end?: string; duration?: number; impact: string}>}).incidents
    expect(rows.length).toBeGreaterThan(100)
    let compared = 0
    for (const row of rows) {
      const cells = shown.get(row.file)
      // A document the guard set aside has no facts in either.
      if (!cells) continue
      const [start = '', end = '', duration = '', impact = ''] = cells
      expect(momentOfCell(start), `${row.file} start`).toBe(row.start)
      expect(momentOfCell(end), `${row.file} end`).toBe(row.end)
      expect(minutesOfCell(duration), `${row.file} duration`).toBe(row.duration)
      expect(impact === '—' ? '' : impact.split('; ').map((figure) => figure.replace(/ \((?:\[)?line \d+.*$/, '')).join('; '), `${row.file} impact`).toBe(row.impact)
      compared++
    }
    expect(compared).toBeGreaterThan(100)
    // Not a comparison of nothing: many fixtures state these facts.
    expect(rows.filter((row) => row.start && row.end).length).toBeGreaterThan(40)
    expect(rows.filter((row) => row.impact !== '').length).toBeGreaterThan(40)
  }, 120_000)

  it('shows the facts extractFacts (and postmortem-facts) gives, also when they come from the timeline', async () => {
    const text = '# Cache stampede\n\n## Summary\n\nSearch failed for 12% of users.\n\n## Timeline\n\nAll times UTC.\n\n- 2025-02-03 09:10 Hit rate drops.\n- 2025-02-03 09:55 Search is back to normal.\n'
    const dir = workspace({'postmortems/cache.md': text})
    const result = await runAction(dir, {files: 'postmortems/*.md'})
    const facts = extractFacts(text)
    expect(facts.start?.time).toBe('09:10')
    expect(facts.end?.time).toBe('09:55')
    expect(result.summary).toContain(`| ${facts.start?.date} ${facts.start?.time} UTC (the timeline's first entry) ([line 11]`)
    expect(result.summary).toContain(`${facts.end?.date} ${facts.end?.time} UTC`)
    expect(result.summary).toContain('45 minutes, from the start and end')
  })

  it('lists the open action items in its job summary, past due as of the `as-of` input and without owner first', async () => {
    const folder = path.resolve(import.meta.dirname, '../facts/recurring')
    const files = Object.fromEntries(fs.readdirSync(folder).map((name) => [`postmortems/${name}`, fs.readFileSync(path.join(folder, name), 'utf8')]))
    const dir = workspace(files)
    const result = await runAction(dir, {files: 'postmortems/*.md', 'fail-on': 'never', 'as-of': '2024-03-10'})
    expect(result.code, result.stderr).toBe(0)
    expect(result.summary).toContain('### Open action items\n\n6 action items, 5 open: 2 past their due date as of 2024-03-10, 2 without owner.\n')
    // Each item's place links to its line: `| [postmortems/….md:23](…#L23) |`.
    const rows = result.summary.split('\n').filter((line) => /^\| \[postmortems\/[^\]]*:\d+\]\(/.test(line))
    expect(rows.map((row) => row.split(' | ').at(-1))).toEqual(['past due |', 'past due |', 'no owner |', 'no owner |', '— |'])
    expect(rows[0]).toContain('| Bound the query cache (owner: @ines, due 2024-02-01) | @ines | 2024-02-01 |')
    expect(rows[0]).toMatch(/^\| \[postmortems\/2024-01-09-search-memory\.md:23\]\(https:\/\/github\.com\/[^)]*\/blob\/0123abc\/postmortems\/2024-01-09-search-memory\.md#L23\) \|/)
    const wrong = await runAction(dir, {files: 'postmortems/*.md', 'as-of': '10/03/2024'})
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toContain('Input `as-of` must be a day as YYYY-MM-DD')
  })

  it('annotates each message on its lines, summarises, sets outputs and passes on warnings', async () => {
    const dir = workspace({
      'postmortems/2025/checkout.md': postmortem({zone: '', actionItems: false}),
      'postmortems/2025/search.md': postmortem(),
      'postmortems/drafts/unfinished.md': '# Database failover\n\nTo be written.\n',
      '.remarkignore': 'postmortems/drafts/\n',
      'README.md': '# Not a postmortem\n'
    })
    const result = await runAction(dir, {files: 'postmortems/**/*.md', sarif: 'reports/postmortems.sarif'})

    expect(result.commands).toEqual([
      '::warning file=postmortems/2025/checkout.md,line=7,endLine=7,col=14,endColumn=19,title=postmortem-time-zone::' +
        'Unexpected clock times without a time zone, expected a zone such as `UTC` (for example `14:00 UTC`)',
      '::warning file=postmortems/2025/checkout.md,line=24,col=1,title=postmortem-required-sections::' +
        'Unexpected missing action items section, expected a heading such as `## Action items`'
    ])
    expect(result.outputs).toEqual({errors: '0', warnings: '2'})
    expect(result.code).toBe(0)

    const file = (name: string, line: number): string => `${BLOB}postmortems/2025/${name}#L${line}`
    expect(result.summary).toContain('0 errors and 2 warnings in 2 files.')
    expect(result.summary).toContain(`| [postmortems/2025/checkout.md](${file('checkout.md', 1)}) | 0 | 2 |`)
    expect(result.summary).toContain(`| [postmortems/2025/search.md](${file('search.md', 1)}) | 0 | 0 |`)
    // The incident's facts, with the zone the document names.
    expect(result.summary).toContain(
      `| 14:00 UTC ([line 7](${file('search.md', 7)})) | 15:00 UTC ([line 8](${file('search.md', 8)})) | ` +
        `1 hour ([line 9](${file('search.md', 9)})) | 20% ([line 5](${file('search.md', 5)})) |`
    )
    expect(result.summary).toContain(
      `| [7:14](${file('checkout.md', 7)}) | warning | [\`postmortem-time-zone\`](${DOCS_URL}time-zone.md) | ` +
        'Unexpected clock times without a time zone, expected a zone such as `UTC` (for example `14:00 UTC`) |'
    )
    expect(result.summary).not.toContain('README.md')
    expect(result.summary).not.toContain('unfinished.md')

    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'reports/postmortems.sarif'), 'utf8')) as {
      version: string
      runs: Array<{results: Array<{ruleId: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>
    }
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]?.results.map((entry) => [entry.ruleId, entry.locations[0]?.physicalLocation.artifactLocation.uri])).toEqual([
      ['postmortem-time-zone', 'postmortems/2025/checkout.md'],
      ['postmortem-required-sections', 'postmortems/2025/checkout.md']
    ])
  })

  it('fails on warnings with fail-on: warning, and never with fail-on: never', async () => {
    const dir = workspace({'incident.md': postmortem({zone: ''})})
    const strict = await runAction(dir, {files: 'incident.md', 'fail-on': 'warning'})
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('::error::Postmortem lint found 0 error(s) and 1 warning(s) (fail-on: warning)')
    expect(strict.outputs).toEqual({errors: '0', warnings: '1'})

    const lenient = await runAction(dir, {files: 'incident.md', 'fail-on': 'never'})
    expect(lenient.code).toBe(0)
  })

  it('applies a YAML configuration\'s severities and options, and fails on errors', async () => {
    const dir = workspace({
      '.remarkrc.yml': [
        'plugins:',
        '  - remark-preset-lint-postmortem',
        '  - - remark-preset-lint-postmortem/rules/duration-consistency',
        '    - - error',
        '      - tolerance: 10',
        ''
      ].join('\n'),
      'docs/late.md': postmortem({duration: '80 minutes'}),
      'docs/close.md': postmortem({duration: '65 minutes'})
    })
    // No node_modules: the configuration's names are the bundled preset and rules.
    const result = await runAction(dir, {files: 'docs'})
    expect(result.commands).toEqual([
      '::error file=docs/late.md,line=9,endLine=9,col=17,endColumn=27,title=postmortem-duration-consistency::' +
        'Unexpected stated duration of 1 hour 20 minutes, expected 1 hour from the stated start at 14:00 to the end at 15:00'
    ])
    expect(result.outputs).toEqual({errors: '1', warnings: '0'})
    expect(result.stdout).toContain('::error::Postmortem lint found 1 error(s) and 0 warning(s) (fail-on: error)')
    expect(result.code).toBe(1)
  })

  it('does not run an executable configuration unless allow-js-config is true', async () => {
    const dir = workspace({
      // Turns the time-zone rule off, and leaves a trace when run.
      '.remarkrc.mjs':
        "import fs from 'node:fs'\nfs.writeFileSync(new URL('ran', import.meta.url), '')\n" +
        "export default {plugins: ['remark-preset-lint-postmortem', ['remark-preset-lint-postmortem/rules/time-zone', false]]}\n",
      'incident.md': postmortem({zone: ''})
    })
    const guarded = await runAction(dir, {files: 'incident.md'})
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false)
    expect(guarded.commands).toEqual([
      '::warning title=Configuration not loaded,file=.remarkrc.mjs::Did not load .remarkrc.mjs: executable configuration runs only with `allow-js-config: true`',
      expect.stringMatching(/^::warning file=incident\.md,line=7,.*title=postmortem-time-zone::/)
    ])

    const explicit = await runAction(dir, {files: 'incident.md', config: '.remarkrc.mjs'})
    expect(explicit.code).toBe(1)
    expect(explicit.stdout).toContain('::error::Input `config` names an executable configuration (`.remarkrc.mjs`)')
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false)

    const allowed = await runAction(dir, {files: 'incident.md', 'allow-js-config': 'true'})
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(true)
    expect(allowed.commands).toEqual([])
    expect(allowed.outputs).toEqual({errors: '0', warnings: '0'})
  })

  it('reads the configuration of a package.json from its remarkConfig, as remark-cli does', async () => {
    const manifest = {
      name: 'postmortems',
      version: '1.0.0',
      remarkConfig: {plugins: ['remark-preset-lint-postmortem', ['remark-preset-lint-postmortem/rules/time-zone', ['error']]]}
    }
    const dir = workspace({'package.json': JSON.stringify(manifest), 'docs/incident.md': postmortem({zone: ''})})
    const expected = [expect.stringMatching(/^::error file=docs\/incident\.md,line=7,.*title=postmortem-time-zone::/)]
    const inputsList: Array<Record<string, string>> = [{files: 'docs'}, {files: 'docs', config: 'package.json'}]
    for (const inputs of inputsList) {
      const result = await runAction(dir, inputs)
      expect(result.commands).toEqual(expected)
      expect(result.outputs).toEqual({errors: '1', warnings: '0'})
      expect(result.code).toBe(1)
    }

    // A package.json without the field is passed over for the preset, but not when named.
    const plain = workspace({'package.json': JSON.stringify({name: 'postmortems'}), 'incident.md': postmortem({zone: ''})})
    expect((await runAction(plain, {files: 'incident.md'})).outputs).toEqual({errors: '0', warnings: '1'})
    const named = await runAction(plain, {files: 'incident.md', config: 'package.json'})
    expect(named.code).toBe(1)
    expect(named.stdout).toContain('::error::Input `config` names package.json, which has no `remarkConfig` field\n')

    // A misspelt field is passed over as remark-cli does, but said.
    const misspelt = workspace({'package.json': JSON.stringify({name: 'x', remarkconfig: manifest.remarkConfig}), 'incident.md': postmortem({zone: ''})})
    const warned = await runAction(misspelt, {files: 'incident.md'})
    expect(warned.commands[0]).toBe(
      '::warning title=Configuration not loaded,file=package.json::Did not read package.json: it has `remarkconfig`, not `remarkConfig` (did you mean `remarkConfig`?)'
    )
    // The preset's finding; the warning about the configuration is not a finding.
    expect(warned.outputs).toEqual({errors: '0', warnings: '1'})
    const namedMisspelt = await runAction(misspelt, {files: 'incident.md', config: 'package.json'})
    expect(namedMisspelt.stdout).toContain(
      '::error::Input `config` names package.json, which has no `remarkConfig` field (it has `remarkconfig`: did you mean `remarkConfig`?)\n'
    )
  })

  it('fails, in one line, on a configuration that loads no rule', async () => {
    const cases: Array<[string, string, string]> = [
      ['.remarkrc.json', '[1, 2, 3]', '.remarkrc.json loads no rule: it is an array, not an object with `plugins`'],
      ['.remarkrc.json', '{}', '.remarkrc.json loads no rule: it has no `plugins`'],
      ['.remarkrc.yml', 'plugin:\n  - remark-preset-lint-postmortem\n', '.remarkrc.yml loads no rule: unknown key `plugin` (did you mean `plugins`?)'],
      ['.remarkrc.json', '{"plugins": []}', '.remarkrc.json loads no rule: its `plugins` are an empty list'],
      ['.remarkrc.json', '"remark-preset-lint-postmortem"', '.remarkrc.json loads no rule: it is a string, not an object with `plugins`'],
      ['package.json', '{"name": "x", "remarkConfig": {}}', 'package.json loads no rule: it has no `plugins`']
    ]
    for (const [name, text, message] of cases) {
      const dir = workspace({[name]: text, 'incident.md': postmortem({zone: ''})})
      // Even with fail-on: never, since nothing was checked.
      const result = await runAction(dir, {files: 'incident.md', 'fail-on': 'never'})
      expect(result.stdout.split('\n').filter((line) => line.includes('loads no rule'))).toEqual([`::error title=Configuration,file=${name}::${message}`])
      expect(result.outputs).toEqual({errors: '1', warnings: '0'})
      expect(result.stdout).toContain('::error::Postmortem lint ran no rule on the files of 1 configuration (see above)')
      expect(result.code).toBe(1)
    }
  })

  it('fails, in one line naming the configuration file, on a bad option or a mistyped rule path', async () => {
    const cases: Array<[unknown[], string]> = [
      [
        ['remark-preset-lint-postmortem', ['remark-preset-lint-postmortem/rules/duration-consistency', {tolerence: 10}]],
        'postmortem-duration-consistency: invalid option `tolerence`: expected one of `tolerance`, `synonyms` (did you mean `tolerance`?), got an unknown option (in .remarkrc.json)'
      ],
      [
        ['remark-preset-lint-postmortem', 'remark-preset-lint-postmortem/rules/timeline-ordr'],
        'Cannot find module `remark-preset-lint-postmortem/rules/timeline-ordr` (did you mean `remark-preset-lint-postmortem/rules/timeline-order`?) (in .remarkrc.json)'
      ]
    ]
    for (const [plugins, message] of cases) {
      const dir = workspace({'.remarkrc.json': JSON.stringify({plugins}), 'incident.md': postmortem({zone: ''})})
      const result = await runAction(dir, {files: 'incident.md'})
      expect(result.commands).toEqual([`::error file=incident.md::${message}`])
      expect(result.code).toBe(1)
    }
  })

  it('warns of a misspelt key in a configuration that loads rules', async () => {
    const dir = workspace({'.remarkrc.json': '{"plugins": ["remark-preset-lint-postmortem"], "setings": {}}', 'incident.md': postmortem()})
    const result = await runAction(dir, {files: 'incident.md'})
    expect(result.commands).toEqual(['::warning title=Configuration,file=.remarkrc.json::.remarkrc.json has unknown key `setings` (did you mean `settings`?)'])
    expect(result.code).toBe(0)
  })

  it('does not load plugins a JSON configuration names from the repository by default', async () => {
    const dir = workspace({
      '.remarkrc.json': JSON.stringify({
        plugins: ['remark-preset-lint-postmortem', './local-plugin.mjs', 'remark-lint-no-dead-urls', ['remark-preset-lint-postmortem/rules/time-zone', false]]
      }),
      'local-plugin.mjs': "import fs from 'node:fs'\nfs.writeFileSync(new URL('ran', import.meta.url), '')\nexport default function () {}\n",
      'incident.md': postmortem({zone: ''})
    })
    const result = await runAction(dir, {files: '.'})
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false)
    // One line for the configuration; the rest of it applies (the time-zone rule is off).
    expect(result.commands).toEqual([
      '::warning title=Plugin not loaded,file=.remarkrc.json::Did not load plugins `./local-plugin.mjs` and `remark-lint-no-dead-urls` named in .remarkrc.json: ' +
        'only this package\'s preset and rules run unless `allow-js-config` is true'
    ])
    expect(result.code).toBe(0)
  })

  it('lints with the preset when a configuration turns on no plugin it loads, also in inline presets', async () => {
    const timeZone = expect.stringMatching(/^::warning file=incident\.md,line=7,.*title=postmortem-time-zone::/)
    const actionItems = expect.stringMatching(/^::warning file=incident\.md,line=24,.*title=postmortem-required-sections::/)
    const timeZoneRule = 'remark-preset-lint-postmortem/rules/time-zone'
    const cases: Array<[object, unknown[]]> = [
      [{plugins: ['./local-plugin.mjs']}, [timeZone, actionItems]],
      [{plugins: {'./local-plugin.mjs': {}}}, [timeZone, actionItems]],
      [{plugins: [{plugins: ['./local-plugin.mjs']}], settings: {bullet: '*'}}, [timeZone, actionItems]],
      [{plugins: [[{plugins: [['./local-plugin.mjs', {}]]}, {}]]}, [timeZone, actionItems]],
      // What it sets of the preset's rules still applies.
      [{plugins: ['./local-plugin.mjs', [timeZoneRule, false]]}, [actionItems]],
      [{plugins: ['./local-plugin.mjs', [timeZoneRule, ['off', {}]]]}, [actionItems]]
    ]
    for (const [config, findings] of cases) {
      const dir = workspace({
        '.remarkrc.json': JSON.stringify(config),
        'local-plugin.mjs': "import fs from 'node:fs'\nfs.writeFileSync(new URL('ran', import.meta.url), '')\nexport default function () {}\n",
        'incident.md': postmortem({zone: '', actionItems: false})
      })
      const result = await runAction(dir, {files: '.'})
      expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false)
      expect(result.commands).toEqual([
        '::warning title=Plugin not loaded,file=.remarkrc.json::Did not load plugin `./local-plugin.mjs` named in .remarkrc.json: ' +
          'only this package\'s preset and rules run unless `allow-js-config` is true; no other plugin it names is on, so the recommended preset checks its documents',
        ...findings
      ])
    }
  })

  it('reads no configuration that links out of the workspace, which could print a secret in a parse error', async () => {
    const outside = path.join(temp, 'outside-secret')
    fs.writeFileSync(outside, 'TOKEN=do-not-print\n')
    const dir = workspace({'team/incident.md': postmortem({zone: ''})})
    fs.symlinkSync(outside, path.join(dir, 'team/.remarkrc'))
    const found = await runAction(dir, {files: '.'})
    expect(found.stdout).not.toContain('do-not-print')
    expect(found.commands).toEqual([
      '::warning title=Configuration not loaded,file=team/.remarkrc::Did not load team/.remarkrc: it is a link to a file outside the workspace, read only with `allow-js-config: true`',
      expect.stringMatching(/^::warning file=team\/incident\.md,line=7,.*title=postmortem-time-zone::/)
    ])

    const named = await runAction(dir, {files: '.', config: 'team/.remarkrc'})
    expect(named.stdout).not.toContain('do-not-print')
    expect(named.stdout).toContain('::error::Input `config` names team/.remarkrc, which is a link to a file outside the workspace; set `allow-js-config: true` to read it\n')
    expect(named.code).toBe(1)
  })

  it('checks no document above max-size in depth, and says so once', async () => {
    const dir = workspace({'incident.md': postmortem({zone: ''})})
    const result = await runAction(dir, {files: 'incident.md', 'max-size': '100'})
    expect(result.commands).toEqual([
      expect.stringMatching(/^::warning file=incident\.md,line=1,col=1,title=postmortem-max-size::Unexpected document of \d+ bytes, expected at most 100 bytes \(option `maxSize`\): not checked in depth/)
    ])
    expect(result.outputs).toEqual({errors: '0', warnings: '1'})
  })

  it('says clearly what is wrong with its inputs', async () => {
    const dir = workspace({'incident.md': postmortem()})
    const badFailOn = await runAction(dir, {files: 'incident.md', 'fail-on': 'sometimes'})
    expect(badFailOn.code).toBe(1)
    expect(badFailOn.stdout).toContain('::error::Input `fail-on` must be error, warning, never, not `sometimes`')

    const noFiles = await runAction(dir, {})
    expect(noFiles.code).toBe(1)
    expect(noFiles.stdout).toContain('::error::Input required and not supplied: files')

    const badSize = await runAction(dir, {files: 'incident.md', 'max-size': 'big'})
    expect(badSize.code).toBe(1)
    expect(badSize.stdout).toContain('::error::Input `max-size` must be a number of bytes, 0 or more (such as `10000000`), not `big`')

    const unmatched = await runAction(dir, {files: 'incident.md\nincidents/**/*.md'})
    expect(unmatched.commands).toEqual(['::error title=files::No Markdown files match `incidents/**/*.md`'])
    expect(unmatched.outputs).toEqual({errors: '1', warnings: '0'})
    expect(unmatched.code).toBe(1)
  })

  it('prints no line a runner reads as a command but its own, whatever the repository names its files', async () => {
    // A name that breaks the line and opens commands, one that starts a line
    // with a command, and one with the legacy form; all hold findings.
    const injected = 'postmortems/x\n::error::injected\n::add-mask::secret\r::set-output name=leak::1.md'
    // NEL, which the runner's TrimStart drops, before the command.
    const leading = '\u0085::add-mask::leak.md'
    const plainStart = '::add-mask::plain.md'
    const legacy = 'postmortems/##[set-output name=leak;]1.md'
    const names = [injected, leading, plainStart, legacy]
    const dir = workspace(Object.fromEntries(names.map((name) => [name, postmortem({zone: ''})])))
    const result = await runAction(dir, {files: '.'})

    expect(runnerCommands(result.stdout).filter((name) => !['warning', 'group', 'endgroup'].includes(name))).toEqual([])
    expect(result.outputs).toEqual({errors: '0', warnings: '4'})
    expect(result.code).toBe(0)
    // Each file is still annotated on its lines: the runner unescapes the property.
    const annotated = result.commands.map((line) => /^::warning file=([^,]*),/.exec(line)?.[1]).map((name) => unescapeProperty(name ?? ''))
    expect(annotated.sort()).toEqual([...names].sort())
    // The report names the files escaped, on one line each.
    expect(result.stdout).toContain('postmortems/x%0A::error::injected%0A::add-mask::secret%0D::set-output name=leak::1.md\n')
    expect(result.stdout).toContain('\u0085%3A:add-mask::leak.md\n')
    expect(result.stdout).toContain('\n%3A:add-mask::plain.md\n')
    expect(result.stdout).toContain('postmortems/##%5Bset-output name=leak;]1.md\n')
    // The job summary shows the names escaped, links them to the real files and makes no link of its own.
    expect(result.summary).toContain(
      '| [postmortems/x%0A::error::injected%0A::add-mask::secret%0D::set-output name=leak::1.md]' +
        `(${BLOB}postmortems/x%0A%3A%3Aerror%3A%3Ainjected%0A%3A%3Aadd-mask%3A%3Asecret%0D%3A%3Aset-output%20name%3Dleak%3A%3A1.md#L1) | 0 | 1 |`
    )
    expect(result.summary).toContain('### postmortems/\\#\\#\\[set-output name=leak;\\]1.md\n')
    expect(result.summary.split('\n').filter((line) => line.includes('add-mask')).every((line) => line.startsWith('|') || line.startsWith('###'))).toBe(true)
  })

  it('reports a document of 300 findings (more than a pipe holds)', async () => {
    const paragraphs = Array.from({length: 100}, (_, index) => `Paragraph ${index}: TODO fill in. The engineer who broke it was careless.\n`)
    const dir = workspace({'long.md': ['# Outage', '', '## Summary', '', ...paragraphs].join('\n')})
    const result = await runAction(dir, {files: 'long.md', 'fail-on': 'never'})
    expect(result.code).toBe(0)
    expect(Number(result.outputs.warnings)).toBeGreaterThan(300)
    expect(result.commands).toHaveLength(Number(result.outputs.warnings))
  })

  it('reports on a document past 256 K (parsed in parts) what a whole parse gives', async () => {
    const text = gathered()
    const dir = workspace({'all.md': text})
    const result = await runAction(dir, {files: 'all.md', 'fail-on': 'never'})
    expect(result.code).toBe(0)
    const places = result.commands.map((command) => /,line=(\d+),.*?col=(\d+)/.exec(command)?.slice(1).join(':'))
    const expected = (await lint(text, [recommended], 'all.md')).map((message) => `${message.line}:${message.column}`)
    expect(expected.length).toBeGreaterThan(0)
    expect(places.sort()).toEqual(expected.sort())
  })

  it('runs a bundle in sync with the sources (else: npm run build:action)', async () => {
    const rebuilt = path.join(temp, 'rebuilt/index.js')
    await buildAction(rebuilt)
    const inSync = fs.readFileSync(rebuilt, 'utf8') === fs.readFileSync(ACTION_BUNDLE, 'utf8')
    expect(inSync, 'dist/action/index.js is stale: run `npm run build:action` and commit it').toBe(true)
  })
})

/**
 * Every form a pull request can give a configuration in, each naming a
 * plugin that leaves a marker file when it is loaded: by path, or as a
 * package of the workspace's node_modules. An executable configuration
 * leaves a marker of its own when run.
 */
type ConfigForm = '.remarkrc' | '.remarkrc.json' | '.remarkrc.yml' | '.remarkrc.yaml' | '.remarkrc.js' | '.remarkrc.cjs' | '.remarkrc.mjs' | 'package.json'
type Placement = 'at the root' | 'in a sub-folder' | 'linked from a sub-folder'

const FORMS: ConfigForm[] = ['.remarkrc', '.remarkrc.json', '.remarkrc.yml', '.remarkrc.yaml', '.remarkrc.js', '.remarkrc.cjs', '.remarkrc.mjs', 'package.json']
const PLACEMENTS: Placement[] = ['at the root', 'in a sub-folder', 'linked from a sub-folder']
const PATH_PLUGIN = './marker-plugin.mjs'
const PACKAGE_PLUGIN = 'remark-marker'

function isExecutable(form: ConfigForm): boolean {
  return /\.[cm]?js$/.test(form)
}

/** The text of a configuration in `form` whose plugins are `plugins`; an executable one writes `marker` when run. */
function configText(form: ConfigForm, plugins: string[], marker: string): string {
  const config = {plugins}
  const write = `writeFileSync(${JSON.stringify(marker)}, '')`
  if (form === 'package.json') return JSON.stringify({name: 'postmortems', private: true, remarkConfig: config})
  if (form === '.remarkrc.yml' || form === '.remarkrc.yaml') return `plugins:\n${plugins.map((plugin) => `  - '${plugin}'\n`).join('')}`
  if (form === '.remarkrc.mjs') return `import {writeFileSync} from 'node:fs'\n${write}\nexport default ${JSON.stringify(config)}\n`
  // `.js` is CommonJS in a folder without a package.json of `"type": "module"`.
  if (isExecutable(form)) return `const {writeFileSync} = require('node:fs')\n${write}\nmodule.exports = ${JSON.stringify(config)}\n`
  return JSON.stringify(config)
}

/** A module that writes `marker` as soon as it is loaded. */
function markerPlugin(marker: string): string {
  return `import {writeFileSync} from 'node:fs'\nwriteFileSync(${JSON.stringify(marker)}, '')\nexport default function marker() {}\n`
}

/** The sample postmortem without its root cause section. */
function withoutRootCause(): string {
  const text = postmortem()
  const start = text.indexOf('## Root cause')
  return text.slice(0, start) + text.slice(text.indexOf('## Resolution'))
}

interface ConfigCase {
  dir: string
  /** The configurations' paths in the workspace (the link's, when linked), one for each placement. */
  configs: string[]
  /** The flawed postmortems, two beside each configuration, each linted with it. */
  documents: string[]
  markers: string[]
}

/** Where a configuration of `form` placed as `placement` is, in a workspace that holds all three placements. */
function configPath(form: ConfigForm, placement: Placement): string {
  if (placement === 'at the root') return form
  return placement === 'in a sub-folder' ? `team/${form}` : `linked/${form}`
}

/**
 * A workspace with a configuration in `form` in each placement (at the root,
 * in a sub-folder, and in another sub-folder as a link to a file elsewhere),
 * each naming `plugins`, with two flawed postmortems beside each. The engine
 * reads the nearest configuration of a document, so one run shows all three.
 */
function configWorkspace(form: ConfigForm, plugins: string[]): ConfigCase {
  const dir = workspace({})
  const markers = [path.join(dir, 'ran-config'), path.join(dir, 'ran-path-plugin'), path.join(dir, 'ran-package-plugin')]
  const text = configText(form, plugins, markers[0] ?? '')
  const configs = PLACEMENTS.map((placement) => configPath(form, placement))
  const folders = ['', 'team/', 'linked/']
  const documents = folders.flatMap((folder) => [`${folder}incident.md`, `${folder}follow-up.md`])
  // A link keeps the name of its target's form for Node (`.mjs` is a module), not for the engine.
  const target = `shared/settings${path.extname(form)}`
  const files: Record<string, string> = {
    ...Object.fromEntries(documents.map((document) => [document, withoutRootCause()])),
    ...Object.fromEntries(folders.map((folder) => [`${folder}marker-plugin.mjs`, markerPlugin(markers[1] ?? '')])),
    [`node_modules/${PACKAGE_PLUGIN}/package.json`]: JSON.stringify({name: PACKAGE_PLUGIN, version: '1.0.0', type: 'module', main: 'index.js'}),
    [`node_modules/${PACKAGE_PLUGIN}/index.js`]: markerPlugin(markers[2] ?? ''),
    [configPath(form, 'at the root')]: text,
    [configPath(form, 'in a sub-folder')]: text,
    [target]: text
  }
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    fs.writeFileSync(path.join(dir, name), content)
  }
  fs.symlinkSync(path.join('..', target), path.join(dir, configPath(form, 'linked from a sub-folder')))
  return {dir, configs, documents, markers}
}

/** The one annotation the action makes on the configuration when it loads none of it. */
function notLoaded(form: ConfigForm, config: string, plugins: readonly string[]): string {
  if (isExecutable(form)) {
    return `::warning title=Configuration not loaded,file=${config}::Did not load ${config}: executable configuration runs only with \`allow-js-config: true\``
  }
  const names = plugins.map((plugin) => `\`${plugin}\``)
  const listed = names.length > 1 ? `plugins ${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : `plugin ${names[0]}`
  return (
    `::warning title=Plugin not loaded,file=${config}::Did not load ${listed} named in ${config}: ` +
    "only this package's preset and rules run unless `allow-js-config` is true; " +
    'no other plugin it names is on, so the recommended preset checks its documents'
  )
}

const MISSING_ROOT_CAUSE = 'title=postmortem-required-sections::Unexpected missing root cause section, expected a heading such as `## Root cause`'

/** The annotations of findings in `documents`, having checked that each has the preset's finding of the missing root cause. */
function findingsIn(result: ActionRun, documents: readonly string[]): string[] {
  const findings = result.commands.filter((line) => documents.some((document) => line.startsWith(`::warning file=${document},`)))
  for (const document of documents) {
    const own = findings.filter((line) => line.startsWith(`::warning file=${document},`) && line.includes(MISSING_ROOT_CAUSE))
    expect(own, document).toHaveLength(1)
  }
  return findings
}

/** What the action does when its `config` input names `config` for every document: the same, or refuse an executable one. */
function expectNamedGuarded(result: ActionRun, form: ConfigForm, config: string, documents: readonly string[], plugins: readonly string[]): void {
  if (isExecutable(form)) {
    expect(result.stdout).toContain(`::error::Input \`config\` names an executable configuration (\`${config}\`)`)
    expect(result.code).toBe(1)
    return
  }
  const findings = findingsIn(result, documents)
  expect(result.commands.filter((line) => !findings.includes(line))).toEqual([notLoaded(form, config, plugins)])
  expect(result.code).toBe(0)
}

describe('the GitHub Action, on configuration a pull request adds', () => {
  // Each run costs a Node process: one workspace holds the three placements,
  // each configuration naming both plugins (by path and as a package).
  const plugins = [PATH_PLUGIN, PACKAGE_PLUGIN]
  it.each(FORMS)('in %s, at the root, in a sub-folder and linked, runs none of its code, says so once for each and lints with the preset', async (form) => {
    const {dir, configs, documents, markers} = configWorkspace(form, plugins)
    const result = await runAction(dir, {files: '.'})
    const findings = findingsIn(result, documents)
    expect(result.commands.filter((line) => !findings.includes(line)).sort()).toEqual(configs.map((config) => notLoaded(form, config, plugins)).sort())
    expect(result.outputs).toEqual({errors: '0', warnings: String(findings.length)})
    expect(result.code).toBe(0)

    // Named by the `config` input: the link, for every document.
    const named = configs[2] ?? ''
    expectNamedGuarded(await runAction(dir, {files: '.', config: named}), form, named, documents, plugins)
    expect(markers.filter((marker) => fs.existsSync(marker)), 'code that ran').toEqual([])
  })

  it.each(FORMS)('loads %s and its plugins with allow-js-config: true', async (form) => {
    const {dir, documents, markers} = configWorkspace(form, [PATH_PLUGIN, PACKAGE_PLUGIN, 'remark-preset-lint-postmortem'])
    const result = await runAction(dir, {files: '.', 'allow-js-config': 'true'})
    expect(markers.filter((marker) => fs.existsSync(marker))).toEqual(isExecutable(form) ? markers : markers.slice(1))
    expect(findingsIn(result, documents)).toEqual(result.commands)
  })
})
