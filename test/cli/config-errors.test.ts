/**
 * A configuration mistake is one line through the real bin: what is wrong,
 * a did-you-mean, the configuration file; the stack only with --verbose.
 */
import {describe, expect, it} from 'vitest'
import {mkdirSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {ROOT, runCli, temporaryProjects} from './support/run.js'

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

  it('a mistyped rule path with the package installed next to the configuration: the same line', async () => {
    const project = makeProject({
      '.remarkrc.json': JSON.stringify({plugins: ['remark-preset-lint-postmortem', 'remark-preset-lint-postmortem/rules/timeline-ordr']}),
      'incident.md': POSTMORTEM
    })
    mkdirSync(path.join(project.dir, 'node_modules'))
    symlinkSync(ROOT, path.join(project.dir, 'node_modules/remark-preset-lint-postmortem'), 'dir')
    const result = await runCli(['incident.md'], {cwd: project.dir})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'error Cannot find module `remark-preset-lint-postmortem/rules/timeline-ordr` (did you mean `remark-preset-lint-postmortem/rules/timeline-order`?) (in .remarkrc.json)'
    )
    expect(result.stderr).not.toMatch(/\[cause\]|\n\s+at /)
  })

  it('a rule path far from any rule: the list of rules', async () => {
    const result = await lintWith({plugins: ['remark-preset-lint-postmortem/rules/postmortem-sections']})
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/error Cannot find module `remark-preset-lint-postmortem\/rules\/postmortem-sections` \(rules: `action-items`, .*`required-sections`, .*`timeline-order`.*\) \(in \.remarkrc\.json\)/)
  })

  it('a mistake in settings, a wrong severity: one line each, naming the file', async () => {
    const settings = await lintWith({plugins: ['remark-preset-lint-postmortem'], settings: {postmortem: {requirePostmortems: true}}})
    expect(settings.code).toBe(1)
    expect(settings.stderr).toContain(
      'error settings: invalid `postmortem.requirePostmortems`: expected one of `synonyms`, `requirePostmortem`, `template` (did you mean `requirePostmortem`?), got an unknown option (in .remarkrc.json)'
    )
    const severity = await lintWith({plugins: ['remark-preset-lint-postmortem', ['remark-preset-lint-postmortem/rules/time-zone', [3]]]})
    expect(severity.code).toBe(1)
    expect(severity.stderr).toContain('error postmortem-time-zone: invalid severity 3: expected 0, 1, 2, "off", "warn" or "error" (in .remarkrc.json)')
    for (const result of [settings, severity]) expect(result.stderr).not.toMatch(/\[cause\]|\n\s+at /)
  })

  it('a configuration file that cannot be parsed: the syntax error', async () => {
    const project = makeProject({'.remarkrc.yml': 'plugins:\n  - [remark-preset-lint-postmortem\n', 'incident.md': POSTMORTEM})
    const result = await runCli(['incident.md'], {cwd: project.dir})
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/error Cannot parse file `\.remarkrc\.yml`: \S.*\bline 3\b/)
    expect(result.stderr).not.toMatch(/\[cause\]|\n\s+at /)
  })

  it('with --verbose, the rule\'s documentation; a mistake in the configuration has no stack', async () => {
    const result = await lintWith({plugins: [['remark-preset-lint-postmortem/rules/duration-consistency', {tolerance: -3}]]}, '--verbose')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('invalid option `tolerance`: expected a number ≥ 0, got -3 (in .remarkrc.json)')
    expect(result.stderr).toContain('[url]:')
    expect(result.stderr).toContain('docs/rules/duration-consistency.md')
    expect(result.stderr).not.toMatch(/\[cause\]|\n\s+at /)
  })

  it('the causes and their stacks with --verbose, for a configuration the engine cannot load', async () => {
    const result = await lintWith({plugins: ['remark-lint-not-installed']}, '--verbose')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('error Cannot find module `remark-lint-not-installed` (in .remarkrc.json)')
    expect(result.stderr).toContain('[cause]')
    expect(result.stderr).toMatch(/\n\s+at /)
  })
})
