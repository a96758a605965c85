/**
 * Many files are linted in chunks, on worker threads (src/clients/cli/parallel.ts).
 * The reports must be exactly those of one unified-engine run over the same
 * inputs, whatever the number of threads: the same files in the same order,
 * ignore files, per-folder configuration, broken configuration, missing and
 * ignored files included.
 */
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {reporterJson} from 'vfile-reporter-json'
import {generatePostmortem} from '../../bench/corpus.js'
import {makeProject, runCli} from './support/run.js'

const DOCUMENTS = 24
const INPUTS = ['.', 'drafts/ignored.md', 'missing.md']

// `ROOT/lib/src/cli` is what the bin runs (tsc output), so the reference runs it too.
const CLI = path.resolve(import.meta.dirname, '../../lib/src/clients/cli')

function projectFiles(): Record<string, string> {
  const files: Record<string, string> = {
    '.remarkignore': 'drafts/\n',
    'drafts/ignored.md': generatePostmortem(7, 0),
    'docs/node_modules/dependency/readme.md': generatePostmortem(7, 1),
    'docs/notes.txt': generatePostmortem(7, 2),
    'docs/extra.markdown': generatePostmortem(7, 3),
    // A folder whose configuration turns a rule off, and one whose configuration cannot be read.
    'quiet/.remarkrc.json': JSON.stringify({
      plugins: ['remark-preset-lint-postmortem', ['remark-preset-lint-postmortem/rules/timeline-order', false]]
    }),
    'broken/.remarkrc.json': '{ not json',
    'broken/postmortem.md': generatePostmortem(7, 4)
  }
  for (let index = 0; index < DOCUMENTS; index++) {
    files[`${index % 3 === 0 ? 'quiet' : 'docs'}/postmortem-${String(index).padStart(2, '0')}.md`] = generatePostmortem(7, 10 + index)
  }
  return files
}

/** The JSON report of one engine run over every input, as the CLI ran before it used chunks. */
async function referenceReport(cwd: string, argv: string[]): Promise<string> {
  const {parseArguments} = (await import(path.join(CLI, 'args.js'))) as typeof import('../../src/clients/cli/args.js')
  const {engineOptions, runEngine} = (await import(path.join(CLI, 'index.js'))) as typeof import('../../src/clients/cli/index.js')
  const args = await parseArguments(argv)
  const options = await engineOptions(args, {cwd, env: {}, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr})
  const files = await runEngine({...options, files: INPUTS})
  // As the CLI reports them: a configuration it cannot use in one line.
  const {flattenConfigErrors} = (await import(path.join(CLI, '../shared/config-errors.js'))) as typeof import('../../src/clients/shared/config-errors.js')
  flattenConfigErrors(files, false)
  return reporterJson(files.filter((file) => file.data.unifiedEngineGiven && !file.data.unifiedEngineIgnored))
}

describe('postmortem-lint on many files', () => {
  let project: ReturnType<typeof makeProject>
  beforeAll(() => {
    project = makeProject(projectFiles())
  })
  afterAll(() => project.remove())

  const run = (threads: string, args: string[]) =>
    runCli([...args, ...INPUTS], {cwd: project.dir, env: {POSTMORTEM_LINT_THREADS: threads}})

  it('reports exactly what one engine run reports, on one thread and on three', async () => {
    const reference = await referenceReport(project.dir, ['--report', 'json', ...INPUTS])
    const parsed = JSON.parse(reference) as Array<{path: string; messages: Array<{reason: string; ruleId?: string}>}>
    // The project is what it should be: documents with findings, a rule turned
    // off in one folder, a file that cannot be configured, two fatal inputs.
    expect(parsed.map((file) => file.path)).toContain('docs/extra.markdown')
    expect(parsed.map((file) => file.path)).not.toContain('docs/notes.txt')
    expect(parsed.some((file) => file.path.includes('node_modules'))).toBe(false)
    expect(parsed.find((file) => file.path === 'broken/postmortem.md')?.messages[0]?.reason).toMatch(
      /^Cannot parse file `broken\/\.remarkrc\.json`: Expected property name or '}' in JSON at position 2\b[^\n]*$/
    )
    expect(parsed.find((file) => file.path === 'drafts/ignored.md')?.messages[0]?.reason).toMatch(/ignored/)
    expect(parsed.find((file) => file.path === 'missing.md')?.messages[0]?.reason).toBe('No such file or folder')
    expect(parsed.flatMap((file) => file.messages).filter((message) => message.ruleId?.startsWith('postmortem-')).length).toBeGreaterThan(0)

    for (const threads of ['1', '3']) {
      const result = await run(threads, ['--report', 'json'])
      expect(result.code, result.stderr).toBe(1)
      expect(result.stdout.trim()).toBe(reference)
    }
  })

  it('writes the same human and SARIF reports on one thread and on three', async () => {
    for (const args of [['--no-color'], ['--report', 'sarif']]) {
      const [one, three] = await Promise.all([run('1', args), run('3', args)])
      // Stack traces of the unreadable configuration name the file of the thread that read it.
      const withoutStacks = (text: string) => text.replace(/^\s+at .*$/gm, '')
      expect(withoutStacks(three.stderr)).toBe(withoutStacks(one.stderr))
      expect(three.stdout).toBe(one.stdout)
      expect(three.code).toBe(one.code)
    }
  })

  it('refuses a thread count that is not a whole number', async () => {
    const result = await run('many', [])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'postmortem-lint: Unexpected POSTMORTEM_LINT_THREADS `many`, expected a whole number of threads, 1 or more\n'
    )
  })
})
