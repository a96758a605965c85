import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {type CodeAction, type Diagnostic, DiagnosticSeverity} from 'vscode-languageserver-protocol/node.js'
import {DOCS_URL} from '../../src/lint/rule.js'
import {postmortem} from './support/documents.js'
import {LspClient} from './support/lsp-client.js'
import {npmEnv, npmInstall} from './support/package.js'
import {ROOT} from './support/process.js'

/**
 * The server as an editor runs it: the bin over stdio, spoken to by
 * vscode-languageserver-protocol's client. One workspace has nothing in it
 * (no node_modules, no configuration); the other installs this package and
 * configures it in `.remarkrc.json`.
 */

let temp: string
let plain: string
let configured: string
let client: LspClient

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-language-server-'))
  plain = path.join(temp, 'plain')
  configured = path.join(temp, 'configured')
  fs.mkdirSync(plain)
  fs.mkdirSync(path.join(configured, 'node_modules'), {recursive: true})
  // As `npm link remark-preset-lint-postmortem` leaves it.
  fs.symlinkSync(ROOT, path.join(configured, 'node_modules/remark-preset-lint-postmortem'), 'dir')
  const rules = 'remark-preset-lint-postmortem/rules'
  fs.writeFileSync(
    path.join(configured, '.remarkrc.json'),
    JSON.stringify({
      plugins: [
        'remark-preset-lint-postmortem',
        [`${rules}/duration-consistency`, ['error', {tolerance: 10}]],
        [`${rules}/time-zone`, false]
      ]
    })
  )
  client = new LspClient(process.execPath, [path.join(ROOT, 'bin/postmortem-language-server.js'), '--stdio'], [plain, configured])
})

afterAll(async () => {
  if (client) expect(await client.close()).toBe(0)
  if (temp) fs.rmSync(temp, {recursive: true, force: true})
})

function uriOf(dir: string, name: string): string {
  return pathToFileURL(path.join(dir, name)).href
}

function byRule(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === code)
  if (!found) throw new Error(`No ${code} among ${diagnostics.map((diagnostic) => diagnostic.code).join(', ')}`)
  return found
}

function applied(text: string, action: CodeAction | undefined, uri: string): string {
  const edits = action?.edit?.changes?.[uri]
  if (!edits) throw new Error(`No edit for ${uri} in ${JSON.stringify(action)}`)
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits)
}

/** A document of `paragraphs` paragraphs with three findings each (a placeholder and blaming words). */
function manyFindings(paragraphs: number): string {
  const body = Array.from({length: paragraphs}, (_, index) => `Paragraph ${index}: TODO fill in. The engineer who broke it was careless.\n`)
  return ['# Outage', '', '## Summary', '', ...body].join('\n')
}

describe('postmortem-language-server over stdio', () => {
  it('starts with quick fixes offered', async () => {
    const result = await client.initialized
    expect(result.capabilities.codeActionProvider).toMatchObject({codeActionKinds: ['quickfix']})
  })

  it('lints, relints on change and fixes with code actions, with no node_modules and no configuration', async () => {
    const uri = uriOf(plain, 'checkout.md')
    let text = postmortem({zone: '', actionItems: false})
    await client.open(uri, text)
    const opened = await client.diagnostics(uri, 1)
    expect(opened.map((diagnostic) => diagnostic.code).sort()).toEqual(['postmortem-required-sections', 'postmortem-time-zone'])

    const zone = byRule(opened, 'postmortem-time-zone')
    expect(zone).toMatchObject({
      range: {start: {line: 6, character: 13}, end: {line: 6, character: 18}},
      severity: DiagnosticSeverity.Warning,
      source: 'remark-lint',
      codeDescription: {href: `${DOCS_URL}time-zone.md`},
      data: {expected: ['14:00 UTC']}
    })
    expect(zone.message).toMatch(/^Unexpected clock times without a time zone, expected a zone such as `UTC`/)
    expect(byRule(opened, 'postmortem-required-sections')).toMatchObject({
      range: {start: {line: 23, character: 0}, end: {line: 23, character: 0}},
      severity: DiagnosticSeverity.Warning,
      codeDescription: {href: `${DOCS_URL}required-sections.md`}
    })

    // Adding the zone by hand leaves the missing section alone.
    text = postmortem({actionItems: false})
    await client.change(uri, 2, text)
    const changed = await client.diagnostics(uri, 2)
    expect(changed.map((diagnostic) => diagnostic.code)).toEqual(['postmortem-required-sections'])

    const [insert, ...others] = await client.codeActions(uri, changed)
    expect(others).toEqual([])
    expect(insert).toMatchObject({kind: 'quickfix', isPreferred: true, title: 'Insert `## Action items`'})
    text = applied(text, insert, uri)
    expect(text).toBe(`${postmortem({actionItems: false})}\n## Action items\n`)

    await client.change(uri, 3, text)
    const fixed = await client.diagnostics(uri, 3)
    expect(fixed.map((diagnostic) => diagnostic.code)).not.toContain('postmortem-required-sections')
  })

  it('adds a time zone with a quick fix', async () => {
    const uri = uriOf(plain, 'zone.md')
    const text = postmortem({zone: ''})
    await client.open(uri, text)
    const diagnostics = await client.diagnostics(uri, 1)
    const zone = byRule(diagnostics, 'postmortem-time-zone')
    const actions = await client.codeActions(uri, [zone])
    expect(actions.map((action) => action.title)).toEqual(['Replace `14:00` with `14:00 UTC`'])
    const fixedText = applied(text, actions[0], uri)
    expect(fixedText.split('\n')[6]).toBe('- **Start:** 14:00 UTC')

    await client.change(uri, 2, fixedText)
    expect(await client.diagnostics(uri, 2)).toEqual([])
  })

  it('publishes a report of 300 findings (past the 16 KiB a pipe nobody reads holds)', async () => {
    const uri = uriOf(plain, 'long.md')
    await client.open(uri, manyFindings(100))
    const diagnostics = await client.diagnostics(uri, 1)
    expect(diagnostics.length).toBeGreaterThan(300)
    // And again after an edit.
    await client.change(uri, 2, manyFindings(101))
    expect((await client.diagnostics(uri, 2)).length).toBeGreaterThan(diagnostics.length)
  })

  it('publishes the diagnostics of the last version of a burst of edits', async () => {
    const uri = uriOf(plain, 'burst.md')
    await client.open(uri, manyFindings(100))
    await client.diagnostics(uri, 1)
    const last = 21
    for (let version = 2; version <= last; version++) await client.change(uri, version, manyFindings(100 + version))
    const diagnostics = await client.diagnostics(uri, last)
    expect(diagnostics.length).toBeGreaterThan(300)
    // One more edit, whose diagnostics come after any the burst could still send.
    await client.change(uri, last + 1, manyFindings(100))
    await client.diagnostics(uri, last + 1)
    const versions = client.history.filter((params) => params.uri === uri).map((params) => params.version ?? 0)
    // Never an older version after a newer one, and the edits that waited behind a lint were not linted.
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(versions.length).toBeLessThan(last / 2)
  })

  it('sends nothing for a document after it is closed, even while a lint of it was running', async () => {
    const uri = uriOf(plain, 'closed.md')
    await client.open(uri, manyFindings(100))
    await client.change(uri, 2, manyFindings(101))
    await client.closeDocument(uri)
    const other = uriOf(plain, 'after-close.md')
    await client.open(other, manyFindings(100))
    await client.diagnostics(other, 1)
    const afterClose = client.history.filter((params) => params.uri === uri)
    expect(afterClose.at(-1)?.diagnostics).toEqual([])
  })

  /** The diagnostics of a postmortem opened in a folder `name` of the configured workspace whose only file is `config` (name → text). */
  async function diagnosticsUnder(name: string, config: Record<string, string>): Promise<Diagnostic[]> {
    const dir = path.join(configured, name)
    fs.mkdirSync(dir, {recursive: true})
    for (const [file, text] of Object.entries(config)) fs.writeFileSync(path.join(dir, file), text)
    const uri = uriOf(dir, 'incident.md')
    await client.open(uri, postmortem({}))
    return client.diagnostics(uri, 1)
  }

  it('shows a configuration mistake as one line, with the did-you-mean', async () => {
    const config = JSON.stringify({plugins: [['remark-preset-lint-postmortem/rules/duration-consistency', {tolerence: 10}]]})
    const [diagnostic, ...others] = await diagnosticsUnder('mistyped', {'.remarkrc.json': config})
    expect(others).toEqual([])
    expect(diagnostic?.message).toBe(
      'postmortem-duration-consistency: invalid option `tolerence`: expected one of `tolerance`, `synonyms` (did you mean `tolerance`?), got an unknown option (in mistyped/.remarkrc.json)'
    )
    expect(diagnostic?.severity).toBe(DiagnosticSeverity.Error)
  })

  it('names the configuration file of a mistake in settings, with the did-you-mean', async () => {
    const config = 'plugins:\n  - remark-preset-lint-postmortem\nsettings:\n  postmortem:\n    requirePostmortems: true\n'
    const diagnostics = await diagnosticsUnder('mistaken-settings', {'.remarkrc.yml': config})
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'settings: invalid `postmortem.requirePostmortems`: expected one of `synonyms`, `requirePostmortem`, `template` (did you mean `requirePostmortem`?), got an unknown option (in mistaken-settings/.remarkrc.yml)'
    ])
  })

  it('names the configuration file of a mistyped rule path, with the rule it was likely meant to be', async () => {
    const config = JSON.stringify({plugins: ['remark-preset-lint-postmortem', 'remark-preset-lint-postmortem/rules/timeline-ordr']})
    const diagnostics = await diagnosticsUnder('mistyped-rule', {'.remarkrc.json': config})
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'Cannot find module `remark-preset-lint-postmortem/rules/timeline-ordr` (did you mean `remark-preset-lint-postmortem/rules/timeline-order`?) (in mistyped-rule/.remarkrc.json)'
    ])
  })

  it('names the configuration file of a plugin that is not installed', async () => {
    const config = JSON.stringify({plugins: ['remark-preset-lint-postmortem', 'remark-lint-not-installed']})
    const diagnostics = await diagnosticsUnder('not-installed', {'.remarkrc.json': config})
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['Cannot find module `remark-lint-not-installed` (in not-installed/.remarkrc.json)'])
  })

  it('says why a configuration file cannot be parsed', async () => {
    const [diagnostic, ...others] = await diagnosticsUnder('broken-yaml', {'.remarkrc.yml': 'plugins:\n  - [remark-preset-lint-postmortem\n'})
    expect(others).toEqual([])
    expect(diagnostic?.message).toMatch(/^Cannot parse file `broken-yaml\/\.remarkrc\.yml`: \S.*\bline 3\b/)
    expect(diagnostic?.message).not.toMatch(/\n/)
  })

  it('checks a document against the template the workspace .remarkrc.json names', async () => {
    const dir = path.join(configured, 'templated')
    fs.mkdirSync(dir, {recursive: true})
    const template = path.join(dir, 'team-template.md')
    fs.writeFileSync(template, '# Postmortem\n\n## Summary\n\n## Detection\n\nSay how the team found out.\n\n## Timeline\n')
    fs.writeFileSync(path.join(dir, '.remarkrc.json'), JSON.stringify({settings: {postmortem: {template}}, plugins: ['remark-preset-lint-postmortem']}))
    const uri = uriOf(dir, 'incident.md')
    await client.open(uri, postmortem({}))
    const diagnostics = await client.diagnostics(uri, 1)
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toContain('Unexpected missing section `Detection`, expected the template\'s section `Detection` (a heading such as `## Detection`)')
  })

  it('honours the workspace .remarkrc.json: severity, options and rules turned off', async () => {
    const uri = uriOf(configured, 'checkout.md')
    // 20 minutes off the stated window, beyond the configured 10; and no zone, with that rule off.
    await client.open(uri, postmortem({zone: '', duration: '80 minutes'}))
    const diagnostics = await client.diagnostics(uri, 1)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({
      code: 'postmortem-duration-consistency',
      severity: DiagnosticSeverity.Error,
      range: {start: {line: 8, character: 16}, end: {line: 8, character: 26}},
      data: {expected: ['60 minutes']}
    })

    await client.change(uri, 2, postmortem({zone: '', duration: '70 minutes'}))
    expect(await client.diagnostics(uri, 2)).toEqual([])
  })
})

describe('postmortem-language-server installed globally from the checkout', () => {
  let prefix: string
  let global: LspClient | undefined

  beforeAll(async () => {
    prefix = path.join(temp, 'global')
    // `npm install --global <folder>` (as `npm link` does) into a prefix of the test's own,
    // which the server is told is npm's global one. lib/ is built already.
    await npmInstall(['--global', '--ignore-scripts', '--prefix', prefix, ROOT], temp)
  })

  afterAll(async () => {
    if (global) expect(await global.close()).toBe(0)
  })

  it('resolves the package a workspace .remarkrc.json names without the workspace installing it', async () => {
    const dir = path.join(temp, 'uninstalled')
    fs.mkdirSync(dir)
    fs.writeFileSync(
      path.join(dir, '.remarkrc.json'),
      JSON.stringify({plugins: ['remark-preset-lint-postmortem', ['remark-preset-lint-postmortem/rules/time-zone', ['error']]]})
    )
    global = new LspClient(path.join(prefix, 'bin/postmortem-language-server'), [], [dir], {...npmEnv, npm_config_prefix: prefix})
    const uri = uriOf(dir, 'incident.md')
    await global.open(uri, postmortem({zone: ''}))
    const diagnostics = await global.diagnostics(uri, 1)
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['postmortem-time-zone', DiagnosticSeverity.Error]])
  })
})
