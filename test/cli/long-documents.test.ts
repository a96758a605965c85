/**
 * postmortem-lint and postmortem-facts parse a document longer than 256 K in
 * parts cut before top-level headings and between the items of a top-level
 * list (src/parse/parse-in-parts.ts), so that the parser's time stays linear
 * and its memory bounded. Through the real bins, the report must be the one
 * a whole parse gives: the preset, or extractFacts, run in process on
 * remark-parse's tree. (The Action: test/clients/action.test.ts; remark-cli:
 * test/clients/remark-cli.test.ts.)
 */
import {describe, expect, it} from 'vitest'
import remarkParse from 'remark-parse'
import {type PluggableList, unified} from 'unified'
import {recommended} from '../../src/index.js'
import {parseInParts} from '../../src/parse/parse-in-parts.js'
import {lint} from '../support/lint.js'
import {gathered} from '../support/long-document.js'
import {runFacts} from '../facts/support/run.js'
import {extractFacts} from '../../src/model/facts/extract-facts.js'
import {rowOf} from '../../src/clients/postmortem-facts/rows.js'
import {parseCost, partsParseCost} from '../../src/clients/cli/parse-cost.js'
import {runCli, temporaryProjects} from './support/run.js'

const makeProject = temporaryProjects()

// The preset parses long documents in parts too; parseInParts that never cuts stops it: a whole parse.
const WHOLE: PluggableList = [[parseInParts, {minLength: Number.POSITIVE_INFINITY}], recommended]

/** A list timeline of `count` entries under one heading, past 256 K: no heading to cut at. */
function listTimeline(count: number): string {
  const entries = Array.from({length: count}, (_, index) => `- ${String(10 + Math.floor(index / 60) % 12).padStart(2, '0')}:${String(index % 60).padStart(2, '0')} UTC - Step ${index} of the rollback finished${index % 500 === 7 ? ', see [the runbook]' : ''}.\n`)
  return `# Checkout outage\n\n## Summary\n\nOn 2024-03-04 the checkout API returned errors for 40 minutes.\n\n## Timeline\n\n${entries.join('')}\n## Action items\n\n- Add an alert.\n\n[the runbook]: https://example.com/runbook\n`
}

async function lintedByCli(text: string, args: readonly string[] = []): Promise<{code: number | null; messages: string[]}> {
  const project = makeProject({'all.md': text})
  const result = await runCli(['--report', 'json', ...args, 'all.md'], {cwd: project.dir})
  const [file] = JSON.parse(result.stdout) as Array<{messages: ReportedMessage[]}>
  return {code: result.code, messages: (file?.messages ?? []).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)}
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
    const expected = (await lint(text, WHOLE, 'all.md')).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
    expect(expected.length).toBeGreaterThan(0)
    expect((await lintedByCli(text)).messages).toEqual(expected)
  })

  it('postmortem-lint reports on a long list timeline what a whole parse gives, within a parser memory limit a whole parse would exceed', async () => {
    // 6,000 entries: parsed whole they would need some 130 MB, over the limit given here; in parts, far less.
    const text = listTimeline(6000)
    expect(text.length).toBeGreaterThan(256 * 1024)
    expect(parseCost(text).bytes).toBeGreaterThan(120_000_000)
    expect(partsParseCost(text).bytes).toBeLessThan(40_000_000)
    const expected = (await lint(text, WHOLE, 'all.md')).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
    const linted = await lintedByCli(text, ['--max-parse-memory', '80000000'])
    expect(linted.code).toBe(0)
    expect(linted.messages).toEqual(expected)
    expect(linted.messages.some((message) => message.includes('not-text'))).toBe(false)
  })

  it('postmortem-lint refuses a part that runs on past the parser memory limit', async () => {
    // A fence left open: no cut holds, and the part that runs on is estimated before it is parsed.
    const open = await lintedByCli(`# Outage\n\n\`\`\`\n${'- x\n'.repeat(100_000)}`)
    expect(open.code).toBe(1)
    expect(open.messages).toEqual([expect.stringMatching(/^1:1 not-text Unexpected document that needs about 1\.\d GB of memory to parse/)])
  })

  it('extractFacts(markdown) reads the facts a whole parse gives from a long list timeline', () => {
    const text = listTimeline(6000)
    expect(extractFacts(text)).toEqual(extractFacts(unified().use(remarkParse).parse(text), text))
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
