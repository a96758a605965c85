/**
 * postmortem-lint and postmortem-facts parse a document longer than 256 K in
 * parts cut before top-level headings (src/clients/shared/parse-in-parts.ts),
 * so that the parser's time stays linear. Through the real bins, the report
 * must be the one a whole parse gives: the preset, or extractFacts, run in
 * process on remark-parse's tree. (The Action: test/clients/action.test.ts.)
 */
import {describe, expect, it} from 'vitest'
import {recommended} from '../../src/index.js'
import {lint} from '../support/lint.js'
import {gathered} from '../support/long-document.js'
import {runFacts} from '../facts/support/run.js'
import {extractFacts} from '../../src/model/facts/extract-facts.js'
import {rowOf} from '../../src/clients/postmortem-facts/rows.js'
import {runCli, temporaryProjects} from './support/run.js'

const makeProject = temporaryProjects()

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

  it('postmortem-facts reads the facts a whole parse gives', async () => {
    const text = gathered()
    const project = makeProject({'all.md': text})
    const result = await runFacts(['--format', 'json', 'all.md'], project.dir)
    expect(result.stderr).toBe('')
    const [row] = (JSON.parse(result.stdout) as {incidents: unknown[]}).incidents
    expect(row).toEqual(JSON.parse(JSON.stringify(rowOf('all.md', extractFacts(text)))))
  })
})
