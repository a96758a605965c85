/**
 * The size policy: a document above `maxSize` (5 MB unless told) gets one
 * message instead of minutes of work, through the real bin and in process;
 * through the bin, so does a smaller document the Markdown parser would need
 * more than `maxParseMemory` (1 GB unless told) to read.
 */
import {describe, expect, it} from 'vitest'
import {guardDocument} from '../../src/lint/document-guard.js'
import {recommended} from '../../src/index.js'
import {lint} from '../support/lint.js'
import {runCli, temporaryProjects} from './support/run.js'

const SMALL = '# Queue backlog\n\n## Summary\n\nJobs were delayed for 20% of tenants.\n'
const makeProject = temporaryProjects()

describe('maxSize', () => {
  it('postmortem-lint: a file above 5 MB gets one error, before parsing', async () => {
    const project = makeProject({'big.md': `# Big\n\n${'A line of the summary, repeated.\n\n'.repeat(170_000)}`})
    const result = await runCli(['big.md'], {cwd: project.dir})
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/1:1 +error +Unexpected document of 5\.\d MB, expected at most 5\.0 MB \(option `maxSize`\): not checked in depth/)
    expect(result.stderr).toContain('1 error')
  })

  it('postmortem-lint --max-size: the limit is the user\'s, and a wrong value is one line', async () => {
    const project = makeProject({'small.md': SMALL})
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
    await expect(() => lint(SMALL, [recommended, [guardDocument, {maxSize: 'big'}]])).rejects.toThrow('invalid option `maxSize`')
  })
})

// 60,000 one-word list items: 240 KB, far below maxSize, but some 1.2 GB in the parser.
const MANY_ITEMS = `# Deploy log\n\n## Timeline\n\n${'- x\n'.repeat(60_000)}`

describe('maxParseMemory', () => {
  it('postmortem-lint: a small document the parser would need over 1 GB for gets one error, before parsing', async () => {
    const project = makeProject({'items.md': MANY_ITEMS, 'small.md': SMALL})
    const result = await runCli(['--report', 'json', 'items.md', 'small.md'], {cwd: project.dir})
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{reason: string; ruleId: string; fatal: boolean; line: number}>}>
    const items = report.find((file) => file.path.endsWith('items.md'))
    expect(items?.messages).toHaveLength(1)
    const [message] = items?.messages ?? []
    expect(message?.reason).toMatch(
      /^Unexpected document that needs about 1\.\d GB of memory to parse, 60,000 list items, expected at most 1\.0 GB \(option `maxParseMemory`\): not checked in depth/
    )
    expect(message).toMatchObject({ruleId: 'not-text', fatal: true})
    // Placed where the estimate went over the limit: past the first 50,000 items, before the end.
    expect(message?.line).toBeGreaterThan(50_000)
    expect(message?.line).toBeLessThan(60_005)
    // The other file is linted as usual.
    expect(report.find((file) => file.path.endsWith('small.md'))?.messages.some((each) => each.ruleId === 'not-text')).toBe(false)
  })

  it('postmortem-lint --max-parse-memory: the limit is the user\'s, and a wrong value is one line', async () => {
    const project = makeProject({'small.md': SMALL})
    const limited = await runCli(['--max-parse-memory=20000', 'small.md'], {cwd: project.dir})
    expect(limited.code).toBe(1)
    expect(limited.stderr).toMatch(/Unexpected document that needs about \d+ KB of memory to parse, expected at most 20 KB \(option `maxParseMemory`\)/)
    const plenty = await runCli(['--max-parse-memory', '100000000', 'small.md'], {cwd: project.dir})
    expect(plenty.stderr).not.toContain('maxParseMemory')
    const wrong = await runCli(['--max-parse-memory', '1GB', 'small.md'], {cwd: project.dir})
    expect(wrong.code).toBe(1)
    expect(wrong.stderr.trim()).toBe(
      'postmortem-lint: Invalid `--max-parse-memory`: expected a number of bytes, 0 or more (such as `--max-parse-memory 10000000`), got `1GB`'
    )
  })
})
