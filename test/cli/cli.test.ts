/**
 * The real `postmortem-lint` bin, run as a child process in temporary folders
 * outside the project (so nothing is found from its node_modules by accident).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeProject, runCli, snapshot} from './support/run.js'
import {validateSarif} from './support/sarif.js'

const GOOD = `# Checkout outage on 2024-03-12

## Summary

Card payments failed for 35% of checkout attempts for 40 minutes.

## Timeline

All times are UTC.

- 09:10 A configuration change reached the payment gateway.
- 09:14 Error alerts fired and the on-call engineer was paged.
- 09:35 The change was identified as the cause and reverted.
- 09:50 Payment success rates were back to normal.

## Root cause

A timeout value was set in seconds where the gateway expected milliseconds.

## Resolution

The configuration change was reverted and the gateway restarted.

## Action items

- Validate units in gateway configuration before deploying.
`

// Three warnings, each with a fix: no time zone, no root cause, no action items.
const FIXABLE = `# Search slowdown

## Summary

Search queries took over five seconds for 12% of users.

## Timeline

- 14:02 Latency alerts fired.
- 14:30 The index rebuild was paused.

## Resolution

The rebuild was moved to a quieter hour.
`

const FIXED = `# Search slowdown

## Summary

Search queries took over five seconds for 12% of users.

## Timeline

- 14:02 UTC Latency alerts fired.
- 14:30 The index rebuild was paused.

## Root cause

## Resolution

The rebuild was moved to a quieter hour.

## Action items
`

// Each test runs the bin in its own process: they run side by side.
describe.concurrent('postmortem-lint', () => {
  const project = makeProject({
    'docs/good.md': GOOD,
    'docs/fixable.markdown': FIXABLE,
    'docs/notes.txt': FIXABLE,
    'node_modules/some-package/readme.md': FIXABLE,
    'docs/node_modules/nested/readme.md': FIXABLE
  })
  const dir = project.dir
  let before: Record<string, string>

  beforeAll(() => {
    before = snapshot(dir)
  })
  afterAll(() => {
    // Without --fix, no run below wrote to any file.
    expect(snapshot(dir)).toEqual(before)
    project.remove()
  })

  it('exits 0 on a clean postmortem and says so', async () => {
    const result = await runCli(['docs/good.md'], {cwd: dir})
    expect(result).toMatchObject({code: 0, stdout: ''})
    expect(result.stderr).toBe('docs/good.md: no issues found\n')
  })

  it('lints the .md and .markdown files of a folder, skipping node_modules, and exits 0 on warnings', async () => {
    const result = await runCli(['.'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('docs/good.md: no issues found')
    expect(result.stderr).toContain('docs/fixable.markdown\n')
    expect(result.stderr).toMatch(/9:3-9:8 +warning +Unexpected clock times without a time zone/)
    expect(result.stderr).toContain('⚠ 3 warnings')
    expect(result.stderr).not.toContain('node_modules')
    expect(result.stderr).not.toContain('notes.txt')
  })

  it('skips node_modules in globs too', async () => {
    const result = await runCli(['**/*.md', '--report', 'json'], {cwd: dir})
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as Array<{path: string}>
    expect(report.map((file) => file.path)).toEqual(['docs/good.md'])
  })

  it('exits 1 on warnings with --frail', async () => {
    expect((await runCli(['--frail', 'docs'], {cwd: dir})).code).toBe(1)
  })

  it('leaves clean files out with --quiet, and warnings with --silent', async () => {
    const quiet = await runCli(['--quiet', 'docs'], {cwd: dir})
    expect(quiet.stderr).not.toContain('good.md')
    expect(quiet.stderr).toContain('Unexpected missing root cause section')
    const silent = await runCli(['--silent', 'docs'], {cwd: dir})
    expect(silent).toMatchObject({code: 0, stdout: '', stderr: ''})
  })

  it('reports a vfile-reporter-json array on stdout with --report json, from any folder', async () => {
    const result = await runCli(['--report', 'json', 'docs/fixable.markdown', 'docs/good.md'], {cwd: dir})
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string; line: number; expected?: string[]}>}>
    expect(report.map((file) => file.path)).toEqual(['docs/fixable.markdown', 'docs/good.md'])
    expect(report[0]?.messages.map((message) => [message.ruleId, message.line, message.expected])).toEqual([
      ['postmortem-required-sections', 12, ['## Root cause\n\n']],
      ['postmortem-required-sections', 15, ['\n## Action items\n']],
      ['postmortem-time-zone', 9, ['14:02 UTC']]
    ])
    expect(report[1]?.messages).toEqual([])
  })

  it('writes GitHub workflow commands with --report github', async () => {
    const result = await runCli(['--report', 'github', 'docs'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      '::warning file=docs/fixable.markdown,line=9,endLine=9,col=3,endColumn=8,title=postmortem-time-zone::Unexpected clock times without a time zone, expected a zone such as `UTC` (for example `14:02 UTC`)',
      '::warning file=docs/fixable.markdown,line=12,col=1,title=postmortem-required-sections::Unexpected missing root cause section, expected a heading such as `## Root cause`',
      '::warning file=docs/fixable.markdown,line=15,col=1,title=postmortem-required-sections::Unexpected missing action items section, expected a heading such as `## Action items`'
    ])
  })

  it('makes GitHub paths relative to GITHUB_WORKSPACE', async () => {
    const result = await runCli(['--report', 'github', 'fixable.markdown'], {cwd: path.join(dir, 'docs'), env: {GITHUB_WORKSPACE: dir}})
    expect(result.stdout).toContain('::warning file=docs/fixable.markdown,line=9,')
  })

  it('writes a valid SARIF 2.1.0 log with --report sarif', async () => {
    const result = await runCli(['--report', 'sarif', '--frail', 'docs'], {cwd: dir})
    expect(result.code).toBe(1)
    const log = JSON.parse(result.stdout) as {runs: Array<{results: Array<{ruleId: string; level: string}>}>}
    expect(validateSarif(log)).toEqual([])
    expect(log.runs[0]?.results.map((item) => [item.ruleId, item.level])).toEqual([
      ['postmortem-time-zone', 'warning'],
      ['postmortem-required-sections', 'warning'],
      ['postmortem-required-sections', 'warning']
    ])
  })

  it('lints a document piped in', async () => {
    const result = await runCli(['--report', 'json'], {cwd: dir, input: FIXABLE})
    const report = JSON.parse(result.stdout) as Array<{messages: unknown[]}>
    expect(report[0]?.messages).toHaveLength(3)
  })

  it('fails clearly on a glob that matches nothing, a missing file and a wrong option', async () => {
    const missing = await runCli(['postmortems/*.md', 'nope.md', 'docs/good.md'], {cwd: dir})
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/postmortems\/\*\.md\n +error +No files match this pattern/)
    expect(missing.stderr).toMatch(/nope\.md\n +error +No such file or folder/)
    expect(missing.stderr).toContain('docs/good.md: no issues found')
    const unknown = await runCli(['--frial', 'docs'], {cwd: dir})
    expect(unknown).toMatchObject({code: 1, stdout: ''})
    expect(unknown.stderr).toBe('postmortem-lint: Unknown option `--frial` (see `postmortem-lint --help`)\n')
    const output = await runCli(['-o', 'docs/good.md'], {cwd: dir})
    expect(output.code).toBe(1)
    expect(output.stderr).toContain('Unsupported option `--output`')
    const reporter = await runCli(['--report', 'nope', 'docs'], {cwd: dir})
    expect(reporter.code).toBe(1)
    expect(reporter.stderr).toContain('Cannot find reporter `nope` (built in: json, github, sarif)')
  })

  it('prints help and version', async () => {
    const help = await runCli(['--help'], {cwd: dir})
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: postmortem-lint [options] [path | glob ...]')
    expect(help.stdout).toContain('--fix')
    const version = await runCli(['--version'], {cwd: dir})
    const {version: expected} = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
    expect(version.stdout).toBe(`${expected}\n`)
  })
})

describe('postmortem-lint configuration', () => {
  it('uses a .remarkrc instead of the built-in preset: severities and options apply', async () => {
    const project = makeProject({
      'fixable.md': FIXABLE,
      '.remarkrc.json': JSON.stringify({
        plugins: [
          'remark-preset-lint-postmortem',
          ['remark-preset-lint-postmortem/rules/time-zone', false],
          ['remark-preset-lint-postmortem/rules/required-sections', ['error', {sections: ['summary', 'timeline', 'action-items']}]]
        ]
      })
    })
    try {
      const result = await runCli(['--report', 'json', 'fixable.md'], {cwd: project.dir})
      expect(result.code).toBe(1)
      const [file] = JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string; fatal: boolean; reason: string}>}>
      expect(file?.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['postmortem-required-sections', true]])
      expect(file?.messages[0]?.reason).toContain('missing action items section')
    } finally {
      project.remove()
    }
  })

  it('uses package.json#remarkConfig, and the preset again with --no-config', async () => {
    const project = makeProject({
      'fixable.md': FIXABLE,
      'package.json': JSON.stringify({name: 'postmortems', remarkConfig: {plugins: ['remark-preset-lint-postmortem/rules/time-zone']}})
    })
    try {
      const configured = await runCli(['--report', 'json', 'fixable.md'], {cwd: project.dir})
      const rulesOf = (stdout: string) =>
        (JSON.parse(stdout) as Array<{messages: Array<{ruleId: string}>}>)[0]?.messages.map((message) => message.ruleId)
      expect(rulesOf(configured.stdout)).toEqual(['postmortem-time-zone'])
      const preset = await runCli(['--report', 'json', '--no-config', 'fixable.md'], {cwd: project.dir})
      expect(rulesOf(preset.stdout)).toHaveLength(3)
    } finally {
      project.remove()
    }
  })
})

describe('postmortem-lint --fix', () => {
  it('applies the fixes in place, reports what is left, and a second run changes nothing', async () => {
    const project = makeProject({'docs/fixable.md': FIXABLE, 'docs/good.md': GOOD})
    try {
      const first = await runCli(['--fix', 'docs'], {cwd: project.dir})
      expect(first.code).toBe(0)
      expect(readFileSync(path.join(project.dir, 'docs/fixable.md'), 'utf8')).toBe(FIXED)
      expect(readFileSync(path.join(project.dir, 'docs/good.md'), 'utf8')).toBe(GOOD)
      // The inserted headings are empty sections now, for a person to fill in.
      expect(first.stderr).toMatch(/Unexpected empty section `Root cause`/)
      expect(first.stderr).toContain('postmortem-lint: fixed 3 problems in 1 file')

      const files = snapshot(project.dir)
      const second = await runCli(['--fix', 'docs'], {cwd: project.dir})
      expect(snapshot(project.dir)).toEqual(files)
      expect(second.stderr).not.toContain('fixed')
    } finally {
      project.remove()
    }
  })

  it('keeps CRLF line endings and a byte order mark', async () => {
    const crlf = FIXABLE.replace(/\n/g, '\r\n')
    const project = makeProject({'crlf.md': `\uFEFF${crlf}`})
    try {
      expect((await runCli(['--fix', 'crlf.md'], {cwd: project.dir})).code).toBe(0)
      expect(readFileSync(path.join(project.dir, 'crlf.md'), 'utf8')).toBe(`\uFEFF${FIXED.replace(/\n/g, '\r\n')}`)
    } finally {
      project.remove()
    }
  })

  it('does not touch a file that is not valid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from(FIXABLE), Buffer.from([0xff, 0xfe, 0x0a])])
    const project = makeProject({'broken.md': bytes})
    try {
      const result = await runCli(['--fix', '--report', 'json', 'broken.md'], {cwd: project.dir})
      expect(readFileSync(path.join(project.dir, 'broken.md')).equals(bytes)).toBe(true)
      const [file] = JSON.parse(result.stdout) as Array<{messages: Array<{reason: string}>}>
      // Such a file is not linted at all (src/clients/cli/text-guard.ts), so there is nothing to fix.
      expect(file?.messages.map((message) => message.reason)).toEqual([
        'Unexpected bytes that are not UTF-8, expected UTF-8 text: save the file as UTF-8'
      ])
    } finally {
      project.remove()
    }
  })

  it('refuses to fix a document read from stdin', async () => {
    const result = await runCli(['--fix'], {cwd: process.cwd(), input: FIXABLE})
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('postmortem-lint: `--fix` needs files to rewrite in place; it does not read from stdin\n')
  })
})
