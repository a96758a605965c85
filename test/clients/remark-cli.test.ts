import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {postmortem} from './support/documents.js'
import {npmInstall, packPackage} from './support/package.js'
import {type Finished, ROOT, run} from './support/process.js'

/**
 * The package as users get it: packed with `npm pack`, installed beside
 * remark-cli in a project of its own, configured by `.remarkrc.json`.
 */

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>
}
const REMARK_CLI = `remark-cli@${manifest.devDependencies['remark-cli']}`

let temp: string
let project: string

beforeAll(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-remark-cli-'))
  project = path.join(temp, 'project')
  fs.mkdirSync(project)
  const tarball = await packPackage(temp)
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({name: 'postmortems', private: true}))
  await npmInstall(['--no-package-lock', tarball, REMARK_CLI], project)
})

afterAll(() => {
  if (temp) fs.rmSync(temp, {recursive: true, force: true})
})

/** A folder of the project with its own `.remarkrc.json` and documents. */
function folder(name: string, plugins: unknown[], documents: Record<string, string>): string {
  const dir = path.join(project, name)
  fs.mkdirSync(dir, {recursive: true})
  fs.writeFileSync(path.join(dir, '.remarkrc.json'), JSON.stringify({plugins}, null, 2))
  for (const [file, text] of Object.entries(documents)) fs.writeFileSync(path.join(dir, file), text)
  return dir
}

function remark(args: string[]): Promise<Finished> {
  return run(path.join(project, 'node_modules/.bin/remark'), ['--no-color', '--no-stdout', ...args], {cwd: project})
}

interface Reported {
  place: string
  severity: string
  ruleId: string
}

/** The messages of vfile-reporter's output: `  7:14-7:19  warning  Reason  rule-id  remark-lint`. */
function reported(output: string): Reported[] {
  return output
    .split('\n')
    .map((line) => /^\s*(\d+:\d+(?:-\d+:\d+)?)\s+(warning|error|info)\s.*?\s(\S+)\s+remark-lint\s*$/.exec(line))
    .filter((match) => match !== null)
    .map(([, place = '', severity = '', ruleId = '']) => ({place, severity, ruleId}))
}

describe('remark-cli with the packed package', () => {
  it('reports the preset\'s messages with their places, severities and rule ids', async () => {
    folder('preset', ['remark-preset-lint-postmortem'], {
      'good.md': postmortem(),
      'bad.md': postmortem({zone: '', actionItems: false})
    })
    const result = await remark(['preset/bad.md', 'preset/good.md'])
    expect(result.code).toBe(0)
    expect(reported(result.stderr)).toEqual([
      {place: '7:14-7:19', severity: 'warning', ruleId: 'postmortem-time-zone'},
      {place: '24:1', severity: 'warning', ruleId: 'postmortem-required-sections'}
    ])
    expect(result.stderr).toContain('Unexpected clock times without a time zone, expected a zone such as `UTC`')
    expect(result.stderr).toContain('preset/good.md: no issues found')

    const frail = await remark(['--frail', 'preset/bad.md'])
    expect(frail.code).toBe(1)
  })

  it('applies a rule\'s severity and options from .remarkrc.json', async () => {
    const duration = 'remark-preset-lint-postmortem/rules/duration-consistency'
    // A stated 80 minutes against a one-hour window: 20 minutes off.
    const twentyOff = postmortem({duration: '80 minutes'})

    folder('default-tolerance', ['remark-preset-lint-postmortem'], {'report.md': twentyOff})
    const byDefault = await remark(['default-tolerance/report.md'])
    expect(reported(byDefault.stderr)).toEqual([
      {place: '9:17-9:27', severity: 'warning', ruleId: 'postmortem-duration-consistency'}
    ])
    expect(byDefault.code).toBe(0)

    folder('tolerant', ['remark-preset-lint-postmortem', [duration, ['error', {tolerance: 30}]]], {'report.md': twentyOff})
    const tolerant = await remark(['tolerant/report.md'])
    expect(tolerant.stderr).toContain('tolerant/report.md: no issues found')
    expect(tolerant.code).toBe(0)

    folder('strict-tolerance', ['remark-preset-lint-postmortem', [duration, ['error', {tolerance: 10}]]], {'report.md': twentyOff})
    const strict = await remark(['strict-tolerance/report.md'])
    expect(reported(strict.stderr)).toEqual([
      {place: '9:17-9:27', severity: 'error', ruleId: 'postmortem-duration-consistency'}
    ])
    expect(strict.code).toBe(1)
  })

  it('fails on an invalid option in one line: the rule, the option, what was expected, the configuration file', async () => {
    folder('bad-option', [['remark-preset-lint-postmortem/rules/duration-consistency', {tolerance: 'soon'}]], {
      'report.md': postmortem()
    })
    const result = await remark(['bad-option/report.md'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'bad-option/report.md\n' +
        ' error postmortem-duration-consistency: invalid option `tolerance`: expected a number ≥ 0, got "soon" (in bad-option/.remarkrc.json)\n' +
        '\n✖ 1 error\n'
    )
  })

  it('says a misspelt option, a mistake in settings or in the guard in one line with a did-you-mean, and nothing else of the file', async () => {
    const duration = 'remark-preset-lint-postmortem/rules/duration-consistency'
    folder('misspelt', ['remark-preset-lint-postmortem', [duration, {tolerence: 10}]], {'report.md': postmortem({zone: ''})})
    fs.writeFileSync(
      path.join(folder('settings', ['remark-preset-lint-postmortem'], {'report.md': postmortem()}), '.remarkrc.json'),
      JSON.stringify({plugins: ['remark-preset-lint-postmortem'], settings: {postmortem: {requirePostmortems: true}}})
    )
    folder('guard', ['remark-preset-lint-postmortem', ['remark-preset-lint-postmortem/guard', {maxSize: '5MB'}]], {'report.md': postmortem()})
    const result = await remark(['misspelt/report.md', 'settings/report.md', 'guard/report.md'])
    expect(result.code).toBe(1)
    expect(result.stderr.split('\n').filter((line) => / error /.test(line))).toEqual([
      ' error postmortem guard: invalid option `maxSize`: expected a number of bytes, 0 or more, got "5MB" (in guard/.remarkrc.json)',
      ' error postmortem-duration-consistency: invalid option `tolerence`: expected one of `tolerance`, `synonyms` (did you mean `tolerance`?), got an unknown option (in misspelt/.remarkrc.json)',
      ' error settings: invalid `postmortem.requirePostmortems`: expected one of `synonyms`, `requirePostmortem`, `template` (did you mean `requirePostmortem`?), got an unknown option (in settings/.remarkrc.json)'
    ])
    // The time zone the misspelt folder's report lacks is not reported: the configuration cannot be used.
    expect(result.stderr).not.toMatch(/warning|Cannot process file|\[cause\]|\n\s+at /)
  })

  it('names no configuration file for options given on the command line', async () => {
    folder('no-config', [], {'report.md': postmortem()})
    const result = await remark(['--no-config', '--use', 'remark-preset-lint-postmortem/rules/time-zone=zone:"UTC"', 'no-config/report.md'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(' error postmortem-time-zone: invalid option `zone`: expected the only option, `synonyms`, got an unknown option\n')
  })

  it('prints unified-engine\'s nested causes for a mistyped rule path (docs/cli.md, "Configuration errors")', async () => {
    folder('mistyped-rule', ['remark-preset-lint-postmortem', 'remark-preset-lint-postmortem/rules/timeline-ordr'], {'report.md': postmortem()})
    const result = await remark(['mistyped-rule/report.md'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Cannot process file')
    expect(result.stderr).toContain('Cannot parse file `mistyped-rule/.remarkrc.json`')
    expect(result.stderr).toContain('lib/rules/timeline-ordr.js')
  })

  it('gives stack frames that name files within the package, never the folder it was packed in', async () => {
    folder('missing-plugin', ['remark-lint-not-installed'], {'report.md': postmortem()})
    const bin = path.join(project, 'node_modules/.bin/postmortem-lint')
    const result = await run(bin, ['--verbose', 'missing-plugin/report.md'], {cwd: project})
    expect(result.code).toBe(1)
    const frames = result.stderr.split('\n').filter((line) => /^\s+at /.test(line))
    expect(frames.some((frame) => frame.includes('remark-preset-lint-postmortem/lib/bundle/index.cjs:'))).toBe(true)
    expect(frames.filter((frame) => frame.includes(ROOT))).toEqual([])
  })

  it('honours lint comments', async () => {
    folder('comments', ['remark-preset-lint-postmortem'], {
      'disabled.md': postmortem({
        zone: '',
        actionItems: false,
        preamble: ['<!--lint disable postmortem-time-zone-->', '']
      }),
      'ignored-duration.md': postmortem({
        duration: '3 hours',
        preamble: ['<!--lint disable postmortem-duration-consistency-->', '']
      })
    })
    const result = await remark(['comments/disabled.md', 'comments/ignored-duration.md'])
    // Two preamble lines move the missing section down by two.
    expect(reported(result.stderr)).toEqual([
      {place: '26:1', severity: 'warning', ruleId: 'postmortem-required-sections'}
    ])
    expect(result.stderr).toContain('comments/ignored-duration.md: no issues found')
  })

  it('checks postmortems against the template `settings.postmortem.template` names, a file or a built-in one', async () => {
    const template = '# Postmortem\n\n## Summary\n\n## Detection\n\nSay how the team found out.\n\n## Timeline\n'
    const dir = folder('template', ['remark-preset-lint-postmortem'], {'report.md': postmortem(), 'team-template.md': template})
    // A relative path is read from the working directory, where remark runs.
    fs.writeFileSync(path.join(dir, '.remarkrc.json'), JSON.stringify({settings: {postmortem: {template: 'template/team-template.md'}}, plugins: ['remark-preset-lint-postmortem']}))
    const result = await remark(['template/report.md'])
    expect(result.stderr).toContain('Unexpected missing section `Detection`, expected the template\'s section `Detection`')
    expect(result.code).toBe(0)

    // The built-in templates are in the package.
    fs.writeFileSync(path.join(dir, '.remarkrc.json'), JSON.stringify({settings: {postmortem: {template: 'pagerduty'}}, plugins: ['remark-preset-lint-postmortem']}))
    const builtIn = await remark(['template/report.md'])
    expect(builtIn.stderr).toContain('expected the template\'s section `Responders`')
  })

  it('parses a long list timeline in parts through the preset, within a heap a whole parse overflows', async () => {
    // 1 MB, one list under one heading: remark-parse alone needs over 300 MB of heap for it.
    const entries = Array.from({length: 20_000}, (_, index) => `- 10:${String(index % 60).padStart(2, '0')} UTC - Step ${index} of the rollback finished.\n`)
    folder('long', ['remark-preset-lint-postmortem'], {'timeline.md': `${postmortem()}\n## Timeline of the rollback\n\n${entries.join('')}`})
    const result = await run(path.join(project, 'node_modules/.bin/remark'), ['--no-color', '--no-stdout', 'long/timeline.md'], {
      cwd: project,
      env: {...process.env, NODE_OPTIONS: '--max-old-space-size=150'}
    })
    expect(result.stderr).not.toMatch(/heap|Cannot process file/i)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('long/timeline.md')
  })
})
