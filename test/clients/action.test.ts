import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ACTION_BUNDLE, buildAction} from '../../src/action/build.js'
import {DOCS_URL} from '../../src/rule.js'
import {postmortem} from './support/documents.js'
import {type Finished, run} from './support/process.js'

/**
 * The committed bundle that action.yml runs, run with node as the runner
 * does: inputs in INPUT_* variables, outputs and the job summary in the
 * files GITHUB_OUTPUT and GITHUB_STEP_SUMMARY name, workflow commands on
 * standard output.
 */

const BLOB = 'https://github.com/acme/postmortems/blob/0123abc/'

let temp: string

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-action-'))
})

afterAll(() => {
  if (temp) fs.rmSync(temp, {recursive: true, force: true})
})

let workspaces = 0

/** A fresh repository checkout holding `files` (path → text). */
function workspace(files: Record<string, string>): string {
  const dir = path.join(temp, `workspace-${++workspaces}`)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

interface ActionRun extends Finished {
  outputs: Record<string, string>
  summary: string
  /** The annotations printed (workflow commands with properties), one a line. */
  commands: string[]
}

/** `name<<delimiter` … `delimiter`, as @actions/core writes GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const match of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
    const [, name = '', , value = ''] = match
    outputs[name] = value
  }
  return outputs
}

async function runAction(dir: string, inputs: Record<string, string>): Promise<ActionRun> {
  const runnerFiles = path.join(dir, '..', `${path.basename(dir)}-runner`)
  fs.mkdirSync(runnerFiles, {recursive: true})
  const outputFile = path.join(runnerFiles, 'output')
  const summaryFile = path.join(runnerFiles, 'summary')
  fs.writeFileSync(outputFile, '')
  fs.writeFileSync(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/postmortems',
    GITHUB_SHA: '0123abc',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]))
  }
  const result = await run(process.execPath, [ACTION_BUNDLE], {cwd: dir, env})
  return {
    ...result,
    outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    commands: result.stdout.split('\n').filter((line) => /^::(?:error|warning|notice) /.test(line))
  }
}

describe('the GitHub Action', () => {
  it('annotates each message on its lines, summarises, sets outputs and passes on warnings', async () => {
    const dir = workspace({
      'postmortems/2025/checkout.md': postmortem({zone: '', actionItems: false}),
      'postmortems/2025/search.md': postmortem(),
      'postmortems/drafts/unfinished.md': '# Database failover\n\nTo be written.\n',
      '.remarkignore': 'postmortems/drafts/\n',
      'README.md': '# Not a postmortem\n'
    })
    const result = await runAction(dir, {files: 'postmortems/**/*.md', sarif: 'reports/postmortems.sarif'})

    expect(result.commands).toEqual([
      '::warning file=postmortems/2025/checkout.md,line=7,endLine=7,col=14,endColumn=19,title=postmortem-time-zone::' +
        'Unexpected clock times without a time zone, expected a zone such as `UTC` (for example `14:00 UTC`)',
      '::warning file=postmortems/2025/checkout.md,line=24,col=1,title=postmortem-required-sections::' +
        'Unexpected missing action items section, expected a heading such as `## Action items`'
    ])
    expect(result.outputs).toEqual({errors: '0', warnings: '2'})
    expect(result.code).toBe(0)

    const file = (name: string, line: number): string => `${BLOB}postmortems/2025/${name}#L${line}`
    expect(result.summary).toContain('0 errors and 2 warnings in 2 files.')
    expect(result.summary).toContain(`| [postmortems/2025/checkout.md](${file('checkout.md', 1)}) | 0 | 2 |`)
    expect(result.summary).toContain(`| [postmortems/2025/search.md](${file('search.md', 1)}) | 0 | 0 |`)
    // The incident's facts, with the zone the document names.
    expect(result.summary).toContain(
      `| 14:00 UTC ([line 7](${file('search.md', 7)})) | 15:00 UTC ([line 8](${file('search.md', 8)})) | ` +
        `1 hour ([line 9](${file('search.md', 9)})) | 20% ([line 5](${file('search.md', 5)})) |`
    )
    expect(result.summary).toContain(
      `| [7:14](${file('checkout.md', 7)}) | warning | [\`postmortem-time-zone\`](${DOCS_URL}time-zone.md) | ` +
        'Unexpected clock times without a time zone, expected a zone such as `UTC` (for example `14:00 UTC`) |'
    )
    expect(result.summary).not.toContain('README.md')
    expect(result.summary).not.toContain('unfinished.md')

    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'reports/postmortems.sarif'), 'utf8')) as {
      version: string
      runs: Array<{results: Array<{ruleId: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>
    }
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]?.results.map((entry) => [entry.ruleId, entry.locations[0]?.physicalLocation.artifactLocation.uri])).toEqual([
      ['postmortem-time-zone', 'postmortems/2025/checkout.md'],
      ['postmortem-required-sections', 'postmortems/2025/checkout.md']
    ])
  })

  it('fails on warnings with fail-on: warning, and never with fail-on: never', async () => {
    const dir = workspace({'incident.md': postmortem({zone: ''})})
    const strict = await runAction(dir, {files: 'incident.md', 'fail-on': 'warning'})
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('::error::Postmortem lint found 0 error(s) and 1 warning(s) (fail-on: warning)')
    expect(strict.outputs).toEqual({errors: '0', warnings: '1'})

    const lenient = await runAction(dir, {files: 'incident.md', 'fail-on': 'never'})
    expect(lenient.code).toBe(0)
  })

  it('applies a YAML configuration\'s severities and options, and fails on errors', async () => {
    const dir = workspace({
      '.remarkrc.yml': [
        'plugins:',
        '  - remark-preset-lint-postmortem',
        '  - - remark-preset-lint-postmortem/rules/duration-consistency',
        '    - - error',
        '      - tolerance: 10',
        ''
      ].join('\n'),
      'docs/late.md': postmortem({duration: '80 minutes'}),
      'docs/close.md': postmortem({duration: '65 minutes'})
    })
    // No node_modules: the configuration's names are the bundled preset and rules.
    const result = await runAction(dir, {files: 'docs'})
    expect(result.commands).toEqual([
      '::error file=docs/late.md,line=9,endLine=9,col=17,endColumn=27,title=postmortem-duration-consistency::' +
        'Unexpected stated duration of 1 hour 20 minutes, expected 1 hour from the stated start at 14:00 to the end at 15:00'
    ])
    expect(result.outputs).toEqual({errors: '1', warnings: '0'})
    expect(result.stdout).toContain('::error::Postmortem lint found 1 error(s) and 0 warning(s) (fail-on: error)')
    expect(result.code).toBe(1)
  })

  it('does not run an executable configuration unless allow-js-config is true', async () => {
    const dir = workspace({
      // Turns every rule off, and leaves a trace when run.
      '.remarkrc.mjs': "import fs from 'node:fs'\nfs.writeFileSync(new URL('ran', import.meta.url), '')\nexport default {plugins: []}\n",
      'incident.md': postmortem({zone: ''})
    })
    const guarded = await runAction(dir, {files: 'incident.md'})
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false)
    expect(guarded.commands).toEqual([
      '::warning title=Configuration not loaded,file=.remarkrc.mjs::Did not load .remarkrc.mjs: executable configuration runs only with `allow-js-config: true`',
      expect.stringMatching(/^::warning file=incident\.md,line=7,.*title=postmortem-time-zone::/)
    ])

    const explicit = await runAction(dir, {files: 'incident.md', config: '.remarkrc.mjs'})
    expect(explicit.code).toBe(1)
    expect(explicit.stdout).toContain('::error::Input `config` names an executable configuration (`.remarkrc.mjs`)')
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false)

    const allowed = await runAction(dir, {files: 'incident.md', 'allow-js-config': 'true'})
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(true)
    expect(allowed.commands).toEqual([])
    expect(allowed.outputs).toEqual({errors: '0', warnings: '0'})
  })

  it('does not load plugins a JSON configuration names from the repository by default', async () => {
    const dir = workspace({
      '.remarkrc.json': JSON.stringify({plugins: ['remark-preset-lint-postmortem', './local-plugin.mjs']}),
      'local-plugin.mjs': "import fs from 'node:fs'\nfs.writeFileSync(new URL('ran', import.meta.url), '')\nexport default function () {}\n",
      'incident.md': postmortem()
    })
    const result = await runAction(dir, {files: '.'})
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false)
    expect(result.commands).toEqual([
      '::warning title=Plugin not loaded::Did not load plugin `./local-plugin.mjs` named in configuration: ' +
        'only this package\'s preset and rules run unless `allow-js-config` is true'
    ])
    expect(result.code).toBe(0)
  })

  it('says clearly what is wrong with its inputs', async () => {
    const dir = workspace({'incident.md': postmortem()})
    const badFailOn = await runAction(dir, {files: 'incident.md', 'fail-on': 'sometimes'})
    expect(badFailOn.code).toBe(1)
    expect(badFailOn.stdout).toContain('::error::Input `fail-on` must be error, warning, never, not `sometimes`')

    const noFiles = await runAction(dir, {})
    expect(noFiles.code).toBe(1)
    expect(noFiles.stdout).toContain('::error::Input required and not supplied: files')

    const unmatched = await runAction(dir, {files: 'incident.md\nincidents/**/*.md'})
    expect(unmatched.commands).toEqual(['::error title=files::No Markdown files match `incidents/**/*.md`'])
    expect(unmatched.outputs).toEqual({errors: '1', warnings: '0'})
    expect(unmatched.code).toBe(1)
  })

  it('runs a bundle in sync with the sources (else: npm run build:action)', async () => {
    const rebuilt = path.join(temp, 'rebuilt/index.js')
    await buildAction(rebuilt)
    const inSync = fs.readFileSync(rebuilt, 'utf8') === fs.readFileSync(ACTION_BUNDLE, 'utf8')
    expect(inSync, 'dist/action/index.js is stale: run `npm run build:action` and commit it').toBe(true)
  })
})
