/**
 * The size policy: a document above `maxSize` (5 MB unless told) gets one
 * message instead of minutes of work, through the real bin and in process.
 */
import {afterEach, describe, expect, it} from 'vitest'
import {guardDocument} from '../../src/document-guard.js'
import {recommended} from '../../src/index.js'
import {lint} from '../support/lint.js'
import {makeProject, runCli} from './support/run.js'

const SMALL = '# Queue backlog\n\n## Summary\n\nJobs were delayed for 20% of tenants.\n'
const projects: Array<{remove(): void}> = []
afterEach(() => {
  for (const project of projects.splice(0)) project.remove()
})

describe('maxSize', () => {
  it('postmortem-lint: a file above 5 MB gets one error, before parsing', async () => {
    const project = makeProject({'big.md': `# Big\n\n${'A line of the summary, repeated.\n\n'.repeat(170_000)}`})
    projects.push(project)
    const result = await runCli(['big.md'], {cwd: project.dir})
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/1:1 +error +Unexpected document of 5\.\d MB, expected at most 5\.0 MB \(option `maxSize`\): not checked in depth/)
    expect(result.stderr).toContain('1 error')
  })

  it('postmortem-lint --max-size: the limit is the user\'s, and a wrong value is one line', async () => {
    const project = makeProject({'small.md': SMALL})
    projects.push(project)
    const limited = await runCli(['--max-size=20', 'small.md'], {cwd: project.dir})
    expect(limited.stderr).toContain('Unexpected document of 67 bytes, expected at most 20 bytes')
    const wrong = await runCli(['--max-size', 'lots', 'small.md'], {cwd: project.dir})
    expect(wrong.code).toBe(1)
    expect(wrong.stderr.trim()).toBe('postmortem-lint: Invalid `--max-size`: expected a number of bytes, 0 or more (such as `--max-size 10000000`), got `lots`')
  })

  it('in process: the preset takes the option, reports once and runs no rule', async () => {
    const messages = await lint(SMALL, [recommended, [guardDocument, {maxSize: 20}]])
    expect(messages.map((message) => `${message.ruleId}: ${message.reason}`)).toEqual([
      'postmortem-max-size: Unexpected document of 67 bytes, expected at most 20 bytes (option `maxSize`): not checked in depth, since reading a document this large takes minutes'
    ])
    expect(() => lint(SMALL, [recommended, [guardDocument, {maxSize: 'big'}]])).rejects.toThrow('invalid option `maxSize`')
  })
})
