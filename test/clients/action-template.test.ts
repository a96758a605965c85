import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ACTION_BUNDLE} from '../../tooling/build-action.js'
import {run} from './support/process.js'

/**
 * The `template` input of the committed Action bundle, run as the runner
 * does (inputs in INPUT_* variables, annotations on standard output).
 */

let temp: string

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-action-template-'))
})

afterAll(() => {
  if (temp) fs.rmSync(temp, {recursive: true, force: true})
})

const REPORT = `# Login errors on 3 June

## Summary

Logins failed for 12% of users for 38 minutes.

## Timeline

- 10:02 UTC a certificate expired
- 10:40 UTC a new certificate was deployed

## Root cause

Nobody was warned that the certificate was about to expire.

## Resolution

A new certificate was deployed.

## Action items

- Alert 30 days before a certificate expires.
`

async function runAction(files: Record<string, string>, inputs: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(temp, 'workspace-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    fs.writeFileSync(path.join(dir, name), text)
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: path.join(dir, '..', `${path.basename(dir)}-output`),
    GITHUB_STEP_SUMMARY: path.join(dir, '..', `${path.basename(dir)}-summary`),
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]))
  }
  fs.writeFileSync(env.GITHUB_OUTPUT ?? '', '')
  fs.writeFileSync(env.GITHUB_STEP_SUMMARY ?? '', '')
  return run(process.execPath, [ACTION_BUNDLE], {cwd: dir, env})
}

describe('the Action\'s template input', () => {
  it('checks every postmortem against the repository\'s template', async () => {
    const template = '# Postmortem\n\n## Summary\n\n## Detection\n\nSay how the team found out.\n\n## Timeline\n'
    const result = await runAction({'docs/template.md': template, 'postmortems/login.md': REPORT}, {files: 'postmortems', template: 'docs/template.md', 'fail-on': 'never'})
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^::warning file=postmortems\/login\.md,line=7,col=1,title=postmortem-required-sections::Unexpected missing section `Detection`, expected the template's section `Detection`/m)
    const without = await runAction({'postmortems/login.md': REPORT}, {files: 'postmortems', 'fail-on': 'never'})
    expect(without.stdout).not.toContain('template')
  })

  it('takes a built-in template by name', async () => {
    const result = await runAction({'postmortems/login.md': REPORT}, {files: 'postmortems', template: 'google-sre', 'fail-on': 'never'})
    expect(result.stdout).toContain('expected the template\'s section `Trigger`')
  })

  it('fails in one line naming the input when the template is misspelt or missing', async () => {
    const misspelt = await runAction({'postmortems/login.md': REPORT}, {files: 'postmortems', template: 'pagerduty.mdd'})
    expect(misspelt.code).toBe(1)
    expect(misspelt.stdout).toContain('::error::Input `template`: expected a Markdown file (.md) or one of "google-sre", "atlassian", "pagerduty", got "pagerduty.mdd"')
    const missing = await runAction({'postmortems/login.md': REPORT}, {files: 'postmortems', template: 'docs/template.md'})
    expect(missing.code).toBe(1)
    expect(missing.stdout).toContain('::error::Input `template`: expected a Markdown file or one of "google-sre", "atlassian", "pagerduty", got "docs/template.md", which does not exist')
  })
})
