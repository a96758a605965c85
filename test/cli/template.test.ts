/**
 * `postmortem-lint --template` and `--init`, with the real bin in temporary
 * folders: the template's sections, fields and text are checked, and `--init`
 * writes a template and a configuration only when asked, never over a file.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runCli, temporaryProjects} from './support/run.js'

const project = temporaryProjects()

const TEMPLATE = `# Postmortem: [title]

**Severity:** [SEV-1 to SEV-4]

## Summary

Tell in two sentences what went wrong and how it ended.

## Detection

Say whether an alert, a customer or a teammate noticed first.

## Timeline

## Root cause
`

const REPORT = `# Login errors on 3 June

**Severity:**

## Summary

Tell in two sentences what went wrong and how it ended.

## Timeline

- 10:02 UTC a certificate expired
- 10:40 UTC a new certificate was deployed

## Root cause

Nobody was warned that the certificate was about to expire.
`

describe('postmortem-lint --template', () => {
  it('checks a postmortem against the team\'s template: sections, fields, text', async () => {
    const {dir} = project({'team-template.md': TEMPLATE, 'report.md': REPORT})
    const result = await runCli(['--no-color', '--template', 'team-template.md', 'report.md'], {cwd: dir})
    expect(result.stderr).toContain('Unexpected missing section `Detection`, expected the template\'s section `Detection` (a heading such as `## Detection`)')
    expect(result.stderr).toContain('Unexpected empty field `Severity`, expected the value the template asks for')
    expect(result.stderr).toContain('Unexpected text left from the template `Tell in two sentences what went wrong and how it ended.`')
    expect(result.code).toBe(0)
    // Without the flag, the same report is checked as before: no template section is asked for.
    const plain = await runCli(['--no-color', 'report.md'], {cwd: dir})
    expect(plain.stderr).not.toContain('template')
  })

  it('takes a built-in template by name, and says a misspelt name or a missing file in one line', async () => {
    const {dir} = project({'report.md': REPORT})
    const builtIn = await runCli(['--no-color', '--template', 'google-sre', 'report.md'], {cwd: dir})
    expect(builtIn.stderr).toContain('expected the template\'s section `Trigger`')
    const misspelt = await runCli(['--template', 'google-sr', 'report.md'], {cwd: dir})
    expect(misspelt.code).toBe(1)
    expect(misspelt.stderr.trim()).toBe('postmortem-lint: Invalid `--template`: expected a Markdown file (.md) or one of "google-sre", "atlassian", "pagerduty" (did you mean "google-sre"?), got "google-sr"')
    const missing = await runCli(['--template', 'nowhere.md', 'report.md'], {cwd: dir})
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).toContain('got "nowhere.md", which does not exist')
  })
})

describe('postmortem-lint --cache with a template', () => {
  it('lints again when the template changes, though the postmortem did not', async () => {
    const {dir} = project({'team-template.md': TEMPLATE, 'report.md': REPORT, '.remarkrc.json': JSON.stringify({settings: {postmortem: {template: 'team-template.md'}}, plugins: ['remark-preset-lint-postmortem']})})
    const first = await runCli(['--no-color', '--cache', 'report.md'], {cwd: dir})
    expect(first.stderr).toContain('expected the template\'s section `Detection`')
    fs.writeFileSync(path.join(dir, 'team-template.md'), TEMPLATE.replace('## Detection', '## Responders'))
    const second = await runCli(['--no-color', '--cache', 'report.md'], {cwd: dir})
    expect(second.stderr).not.toContain('`Detection`')
    expect(second.stderr).toContain('expected the template\'s section `Responders`')
  })
})

describe('postmortem-lint --init', () => {
  it('writes the template and a .remarkrc.json that uses it, which the next run reads', async () => {
    const {dir} = project({'report.md': REPORT})
    const init = await runCli(['--init', 'pagerduty'], {cwd: dir})
    expect(init.code).toBe(0)
    const read = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8')
    expect(read('postmortem-template.md')).toBe(fs.readFileSync(path.join(ROOT, 'templates/pagerduty.md'), 'utf8'))
    expect(JSON.parse(read('.remarkrc.json'))).toEqual({settings: {postmortem: {template: 'postmortem-template.md'}}, plugins: ['remark-preset-lint-postmortem']})
    const lint = await runCli(['--no-color', 'report.md'], {cwd: dir})
    expect(lint.stderr).toContain('expected the template\'s section `Responders`')
  })

  it('refuses to replace existing files in one line, unless --force', async () => {
    const {dir} = project({'postmortem-template.md': '# Ours\n'})
    const refused = await runCli(['--init'], {cwd: dir})
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim()).toBe('postmortem-lint: Unexpected existing `postmortem-template.md`, expected none (use `--force` to replace)')
    expect(fs.readdirSync(dir)).toEqual(['postmortem-template.md'])
    expect(fs.readFileSync(path.join(dir, 'postmortem-template.md'), 'utf8')).toBe('# Ours\n')
    const forced = await runCli(['--init', '--force'], {cwd: dir})
    expect(forced.code).toBe(0)
    expect(fs.readFileSync(path.join(dir, 'postmortem-template.md'), 'utf8')).toContain('## Trigger')
  })

  it('says a misspelt template name with a did-you-mean, and writes nothing', async () => {
    const {dir} = project({})
    const result = await runCli(['--init', 'atlasian'], {cwd: dir})
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe('postmortem-lint: Invalid `--init`: expected one of `google-sre`, `atlassian`, `pagerduty` (did you mean `atlassian`?), got `atlasian`')
    expect(fs.readdirSync(dir)).toEqual([])
  })
})
