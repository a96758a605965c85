/**
 * postmortem-lint parses a document longer than 256 K in parts cut before
 * top-level headings (src/clients/shared/parse-in-parts.ts), so that the parser's time stays
 * linear. Through the real bin, the report must be the one a whole parse
 * gives: the preset run in process on remark-parse's tree.
 */
import {describe, expect, it} from 'vitest'
import {generatePostmortem} from '../../bench/corpus.js'
import {recommended} from '../../src/index.js'
import {lint} from '../support/lint.js'
import {runCli, temporaryProjects} from './support/run.js'

const makeProject = temporaryProjects()

/**
 * Postmortems gathered in one file, past 256 K, with what reaches across a
 * heading: a fence holding `# comment` lines, a reference to a definition in
 * another postmortem, a setext heading.
 */
function gathered(): string {
  const parts = ['Incident reviews of the year\n============================\n\nSee [the runbook] before editing.\n']
  for (let index = 0; parts.join('\n\n').length < 300_000; index++) {
    const text = generatePostmortem(5, index)
    parts.push(index % 10 === 3 ? `${text}\n\n\`\`\`bash\n# drain the node first\nkubectl drain node-7\n\n# then restart\n` : text)
    if (index % 10 === 3) parts.push('```\n')
  }
  parts.push('[the runbook]: https://example.com/runbook\n')
  return parts.join('\n\n')
}

interface ReportedMessage {
  line: number
  column: number
  reason: string
  ruleId: string
}

describe('a long document', () => {
  it('postmortem-lint reports what a whole parse gives', async () => {
    const text = gathered()
    const project = makeProject({'all.md': text})
    const result = await runCli(['--report', 'json', 'all.md'], {cwd: project.dir})
    const [file] = JSON.parse(result.stdout) as Array<{messages: ReportedMessage[]}>
    const reported = (file?.messages ?? []).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
    const expected = (await lint(text, [recommended], 'all.md')).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
    expect(expected.length).toBeGreaterThan(0)
    expect(reported).toEqual(expected)
  })
})
