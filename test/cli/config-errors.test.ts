/**
 * A configuration mistake is one line through the real bin: what is wrong,
 * a did-you-mean, the configuration file; the stack only with --verbose.
 */
import {describe, expect, it} from 'vitest'
import {runCli, temporaryProjects} from './support/run.js'

const POSTMORTEM = '# Queue backlog\n\n## Summary\n\nJobs were delayed for 20% of tenants.\n'
const makeProject = temporaryProjects()

async function lintWith(config: unknown, ...flags: string[]) {
  const project = makeProject({'.remarkrc.json': JSON.stringify(config), 'incident.md': POSTMORTEM})
  return runCli([...flags, 'incident.md'], {cwd: project.dir})
}

describe('configuration errors', () => {
  it('a misspelt option: one line with the rule, the option, what was expected and the file', async () => {
    const result = await lintWith({plugins: [['remark-preset-lint-postmortem/rules/duration-consistency', {tolerence: 3}]]})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'error postmortem-duration-consistency: invalid option `tolerence`: expected one of `tolerance`, `synonyms` (did you mean `tolerance`?), got an unknown option (in .remarkrc.json)'
    )
    expect(result.stderr).not.toMatch(/\[cause\]|\n\s+at /)
  })

  it('a mistyped rule path: one line with the rule it was likely meant to be', async () => {
    const result = await lintWith({plugins: ['remark-preset-lint-postmortem/rules/duration-consistancy']})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'error Cannot find module `remark-preset-lint-postmortem/rules/duration-consistancy` (did you mean `remark-preset-lint-postmortem/rules/duration-consistency`?) (in .remarkrc.json)'
    )
    expect(result.stderr).not.toMatch(/\[cause\]|\n\s+at /)
  })

  it('the stack with --verbose', async () => {
    const result = await lintWith({plugins: [['remark-preset-lint-postmortem/rules/duration-consistency', {tolerance: -3}]]}, '--verbose')
    expect(result.stderr).toContain('invalid option `tolerance`: expected a number ≥ 0, got -3 (in .remarkrc.json)')
    expect(result.stderr).toContain('[cause]')
  })
})
