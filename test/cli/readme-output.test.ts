import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runCli} from './support/run.js'

/** The README's quick start shows what `npx postmortem-lint examples/` prints, exactly. */
describe('the README quick start', () => {
  it('shows the output the command prints', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const quickStart = readme.slice(readme.indexOf('## Quick start'))
    expect(quickStart).toContain('npx postmortem-lint examples/')
    const shown = /```text\n([\s\S]*?)\n```/.exec(quickStart)?.[1]
    const result = await runCli(['examples/'], {cwd: ROOT, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}})
    expect(result.code).toBe(0)
    expect(`${result.stdout}${result.stderr}`.trimEnd()).toBe(shown)
  })
})
