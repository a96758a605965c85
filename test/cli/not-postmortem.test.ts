/**
 * A file that does not look like a postmortem (a README, a guide) gets one
 * message instead of one per missing section; `--require-postmortem` checks
 * it as a postmortem. Through the real bin, in this thread and on workers.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeProject, runCli} from './support/run.js'

// In our own words: a README and a guide with outlines of their own.
const README = `# tidy-queue

A job queue that retries failed jobs with backoff.

## Installation

\`npm install tidy-queue\`

## License

MIT
`

const GUIDE = `# Deploying

## Steps

1. Merge to the main branch.
2. Approve the release in the pipeline.
`

// A postmortem without a root cause or action items, with a time zone.
const POSTMORTEM = `# Queue backlog on 2024-05-02

## Summary

Order confirmations were delayed for 18% of customers.

## Timeline

- 07:40 UTC The message queue started to back up.
- 08:05 UTC Consumers were scaled up and the backlog drained.

## Resolution

Consumer capacity was raised for the morning peak.
`

const NOT_POSTMORTEM = 'Unexpected document without any postmortem section, expected a postmortem (summary, timeline, root cause, resolution, action items); not checked for sections'

interface JsonFile {
  path: string
  messages: Array<{reason: string; ruleId: string; line: number; column: number}>
}

function byPath(stdout: string): Map<string, string[]> {
  const files = JSON.parse(stdout) as JsonFile[]
  return new Map(files.map((file) => [file.path.replace(/\\/g, '/'), file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.reason}`)]))
}

describe('postmortem-lint on files that are not postmortems', () => {
  let project: {dir: string; remove(): void}
  beforeAll(() => {
    project = makeProject({'README.md': README, 'docs/guide.md': GUIDE, 'postmortems/queue-backlog.md': POSTMORTEM})
  })
  afterAll(() => project.remove())

  it.each([['this thread', '1'], ['worker threads', '2']])('says once that a README and a guide are no postmortems (%s)', async (_name, threads) => {
    const result = await runCli(['--report', 'json', 'README.md', 'docs', 'postmortems'], {cwd: project.dir, env: {...process.env, POSTMORTEM_LINT_THREADS: threads}})
    const files = byPath(result.stdout)
    expect(files.get('README.md')).toEqual([`1:1 postmortem-required-sections: ${NOT_POSTMORTEM}`])
    expect(files.get('docs/guide.md')).toEqual([`1:1 postmortem-required-sections: ${NOT_POSTMORTEM}`])
    const postmortem = files.get('postmortems/queue-backlog.md') ?? []
    expect(postmortem.filter((message) => message.includes('Unexpected missing'))).toEqual([
      '12:1 postmortem-required-sections: Unexpected missing root cause section, expected a heading such as `## Root cause`',
      '15:1 postmortem-required-sections: Unexpected missing action items section, expected a heading such as `## Action items`'
    ])
    expect(postmortem.join('\n')).not.toContain('without any postmortem section')
  })

  it('--require-postmortem checks every file as a postmortem', async () => {
    const result = await runCli(['--require-postmortem', '--report', 'json', 'README.md'], {cwd: project.dir})
    const readme = byPath(result.stdout).get('README.md') ?? []
    expect(readme.filter((message) => message.includes('Unexpected missing'))).toHaveLength(5)
    expect(readme.join('\n')).not.toContain('without any postmortem section')
  })

  it('so does `settings.postmortem.requirePostmortem` in .remarkrc, and a misspelt setting is one line', async () => {
    const configured = makeProject({
      'README.md': README,
      '.remarkrc.json': JSON.stringify({settings: {postmortem: {requirePostmortem: true}}, plugins: ['remark-preset-lint-postmortem']})
    })
    const misspelt = makeProject({
      'README.md': README,
      '.remarkrc.json': JSON.stringify({settings: {postmortem: {requirePostmortems: true}}, plugins: ['remark-preset-lint-postmortem']})
    })
    try {
      const checked = byPath((await runCli(['--report', 'json', 'README.md'], {cwd: configured.dir})).stdout).get('README.md') ?? []
      expect(checked.filter((message) => message.includes('Unexpected missing'))).toHaveLength(5)
      const wrong = await runCli(['README.md'], {cwd: misspelt.dir})
      expect(wrong.code).toBe(1)
      expect(wrong.stderr).toContain('settings: invalid `postmortem.requirePostmortems`: expected one of `synonyms`, `requirePostmortem`, `template` (did you mean `requirePostmortem`?), got an unknown option')
    } finally {
      configured.remove()
      misspelt.remove()
    }
  })
})
