/**
 * `postmortem-lint --cache` (src/clients/cli/cached-lint.ts): a file whose bytes,
 * configuration, flags and versions are unchanged takes its messages from
 * the cache, and the reports are always those of a run without it. Reuse is
 * shown by the cache file itself: an entry taken from it keeps its
 * `lintedAt`, an entry linted again gets a new one.
 */
import {createHash} from 'node:crypto'
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {generatePostmortem} from '../../bench/corpus.js'
import {SHARED, hasShared} from '../support/shared.js'
import {BIN, ROOT, runCli, temporaryProjects} from './support/run.js'

interface Entry {
  content: string
  key: string
  lintedAt: string
  messages: unknown[]
}

const CACHE = 'node_modules/.cache/postmortem-lint/cache.json'
const REPORTS = [['--no-color'], ['--report', 'json'], ['--report', 'sarif'], ['--report', 'github'], ['--verbose', '--no-color']]

const newProject = temporaryProjects()

const project = (files: Record<string, string>): string => newProject(files).dir

function postmortems(count: number, folder = 'docs'): Record<string, string> {
  const files: Record<string, string> = {}
  for (let index = 0; index < count; index++) files[`${folder}/incident-${index}.md`] = generatePostmortem(11, index)
  return files
}

/** The entries of the cache, by path relative to `dir`. */
function entries(dir: string, file = CACHE): Record<string, Entry> {
  const document = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {entries: Record<string, Entry>}
  return Object.fromEntries(Object.entries(document.entries).map(([name, entry]) => [path.relative(dir, name), entry]))
}

function changed(before: Record<string, Entry>, after: Record<string, Entry>): string[] {
  return Object.keys(after)
    .filter((name) => before[name]?.lintedAt !== after[name]?.lintedAt)
    .sort()
}

/** Runs with and without `--cache` and expects the same report, exit code and nothing else on stderr. */
async function expectSameReports(dir: string, inputs: string[], extra: string[] = [], reports = REPORTS): Promise<void> {
  for (const report of reports) {
    const plain = await runCli([...report, ...extra, ...inputs], {cwd: dir})
    const cached = await runCli(['--cache', ...report, ...extra, ...inputs], {cwd: dir})
    expect(cached.stderr, report.join(' ')).toBe(plain.stderr)
    expect(cached.stdout, report.join(' ')).toBe(plain.stdout)
    expect(cached.code).toBe(plain.code)
  }
}

describe('postmortem-lint --cache', {timeout: 240_000}, () => {
  it('reports what a run without the cache reports, in every reporter, on the first run and the next', async () => {
    const dir = project({
      ...postmortems(6),
      // A later entry above an earlier one: a message whose cause is a related place.
      'docs/order.md': '# Outage\n\n## Timeline\n\n- 10:05 UTC paged\n- 09:50 UTC alert fired\n\n## Summary\n\nAn outage.\n',
      'docs/readme.md': '# Notes\n\nNot a postmortem.\n',
      'docs/not-utf8.md': '\uFFFD',
      'docs/clean.md': fs.readFileSync(path.join(ROOT, 'examples/good-postmortem.md'), 'utf8')
    })
    fs.writeFileSync(path.join(dir, 'docs/not-utf8.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]))
    await expectSameReports(dir, ['docs'])
    // One file named, as a pre-commit hook does, and a missing one.
    await expectSameReports(dir, ['docs/order.md', 'missing.md'], [], REPORTS.slice(0, 2))
    // Lint threads send messages as data too (parallel.ts): a cause keeps its place there as well.
    const [single, threaded] = await Promise.all(
      ['1', '2'].map((threads) => runCli(['--verbose', '--no-color', 'docs'], {cwd: dir, env: {POSTMORTEM_LINT_THREADS: threads}}))
    )
    expect(single?.stderr).toMatch(/\[cause\]:\n +5:3-5:12 +info +Entry at `10:05 UTC`/)
    expect(threaded?.stderr).toBe(single?.stderr)
    const cached = entries(dir)
    expect(Object.keys(cached)).toContain('docs/order.md')
    expect(JSON.stringify(cached['docs/order.md']?.messages)).toContain('"cause"')
    // A file that cannot be read as text gets an error, which is never kept.
    expect(Object.keys(cached)).not.toContain('docs/not-utf8.md')
  })

  it('reuses every entry on a second run, and lints again only the file that was edited', async () => {
    const dir = project(postmortems(5))
    const first = await runCli(['--cache', 'docs'], {cwd: dir})
    const before = entries(dir)
    expect(Object.keys(before)).toHaveLength(5)
    const second = await runCli(['--cache', 'docs'], {cwd: dir})
    expect(second.stderr).toBe(first.stderr)
    expect(entries(dir)).toEqual(before)

    fs.appendFileSync(path.join(dir, 'docs/incident-2.md'), '\nAn afterthought, with a placeholder: TODO.\n')
    const edited = await runCli(['--cache', 'docs'], {cwd: dir})
    const after = entries(dir)
    expect(changed(before, after)).toEqual(['docs/incident-2.md'])
    expect(after['docs/incident-2.md']?.content).not.toBe(before['docs/incident-2.md']?.content)
    expect(edited.stderr).toBe((await runCli(['docs'], {cwd: dir})).stderr)

    // A run that finds nothing new leaves the file as it was; a file deleted loses its entry.
    const unchanged = fs.statSync(path.join(dir, CACHE)).mtimeMs
    await runCli(['--cache', 'docs/incident-0.md'], {cwd: dir})
    expect(fs.statSync(path.join(dir, CACHE)).mtimeMs).toBe(unchanged)
    fs.rmSync(path.join(dir, 'docs/incident-4.md'))
    await runCli(['--cache', 'docs/incident-0.md'], {cwd: dir})
    expect(Object.keys(entries(dir)).sort()).toEqual(['docs/incident-0.md', 'docs/incident-1.md', 'docs/incident-2.md', 'docs/incident-3.md'])
  })

  it('lints again the files under a configuration that changed, and only those', async () => {
    const config = (off: string[]) =>
      JSON.stringify({plugins: ['remark-preset-lint-postmortem', ...off.map((rule) => [`remark-preset-lint-postmortem/rules/${rule}`, false])]})
    const dir = project({...postmortems(3, 'team-a'), ...postmortems(3, 'team-b'), 'team-a/.remarkrc.json': config([])})
    await runCli(['--cache', '.'], {cwd: dir})
    const before = entries(dir)
    fs.writeFileSync(path.join(dir, 'team-a/.remarkrc.json'), config(['time-zone', 'required-sections']))
    // Reporters are compared in the first test; here what matters is which entries are linted again.
    await expectSameReports(dir, ['.'], [], REPORTS.slice(0, 2))
    const after = entries(dir)
    expect(changed(before, after)).toEqual(['team-a/incident-0.md', 'team-a/incident-1.md', 'team-a/incident-2.md'])

    // A flag that changes messages is part of the key too; one that filters the report is not.
    await runCli(['--cache', '--quiet', '--frail', '.'], {cwd: dir})
    expect(changed(after, entries(dir))).toEqual([])
    await runCli(['--cache', '--require-postmortem', '.'], {cwd: dir})
    expect(changed(after, entries(dir))).toHaveLength(6)
    await expectSameReports(dir, ['.'], ['--setting', 'postmortem.requirePostmortem:true'], REPORTS.slice(0, 2))
    const beforeSize = entries(dir)
    await runCli(['--cache', '--max-size', '9999999', '.'], {cwd: dir})
    expect(changed(beforeSize, entries(dir))).toHaveLength(6)
  })

  it('lints again when a plugin package changes, and never keeps what a local plugin or a message with nodes reports', async () => {
    // A plugin package of the project's own: one message, with the syntax tree as ancestors in documents about an outage.
    const plugin = (version: string) => ({
      'node_modules/remark-lint-house-words/package.json': JSON.stringify({name: 'remark-lint-house-words', version, type: 'module', main: 'index.js'}),
      'node_modules/remark-lint-house-words/index.js': [
        'export default function houseWords() {',
        '  return (tree, file) => {',
        "    const options = {place: tree.children[0]?.position, ruleId: 'house-words', source: 'house'}",
        "    if (String(file).includes('short outage')) file.message('Unexpected `outage`, expected `incident`', {...options, ancestors: [tree]})",
        "    else file.message('Unexpected document without the word `outage`', options)",
        '  }',
        '}',
        ''
      ].join('\n')
    })
    const dir = project({
      ...postmortems(2),
      'docs/outage.md': '# The outage\n\nA short outage.\n',
      'local/incident.md': '# Incident\n',
      'local/.remarkrc.json': JSON.stringify({plugins: ['remark-preset-lint-postmortem', './words.js']}),
      'local/words.js': "export default function words() {\n  return (tree, file) => {\n    file.message('Unexpected words', {place: tree.position, ruleId: 'words', source: 'local'})\n  }\n}\n",
      '.remarkrc.json': JSON.stringify({plugins: ['remark-preset-lint-postmortem', 'lint-house-words']}),
      ...plugin('1.0.0')
    })
    await expectSameReports(dir, ['docs', 'local'], [], REPORTS.slice(0, 2))
    const before = entries(dir)
    expect(Object.keys(before).sort()).toEqual(['docs/incident-0.md', 'docs/incident-1.md'])
    expect(JSON.stringify(before)).toContain('Unexpected document without the word `outage`')

    for (const [name, content] of Object.entries(plugin('1.0.1'))) fs.writeFileSync(path.join(dir, name), content)
    await runCli(['--cache', 'docs'], {cwd: dir})
    expect(changed(before, entries(dir))).toEqual(['docs/incident-0.md', 'docs/incident-1.md'])
  })

  it('lints every file again after a version change', async () => {
    const dir = project(postmortems(3))
    // The package as another version: its own package.json, the same code.
    const bumped = newProject({}).dir
    fs.mkdirSync(path.join(bumped, 'bin'))
    fs.copyFileSync(BIN, path.join(bumped, 'bin/postmortem-lint.js'))
    for (const name of ['lib', 'node_modules']) fs.symlinkSync(path.join(ROOT, name), path.join(bumped, name))
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {version: string}
    fs.writeFileSync(path.join(bumped, 'package.json'), JSON.stringify({...manifest, version: '99.0.0'}))

    const plain = await runCli(['docs'], {cwd: dir})
    await runCli(['--cache', 'docs'], {cwd: dir})
    const before = entries(dir)
    const {run} = await import('../clients/support/process.js')
    const newer = await run(process.execPath, [path.join(bumped, 'bin/postmortem-lint.js'), '--cache', 'docs'], {cwd: dir, input: ''})
    expect(newer.stderr).toBe(plain.stderr)
    const after = entries(dir)
    expect(changed(before, after)).toEqual(Object.keys(before).sort())
    for (const name of Object.keys(before)) expect(after[name]?.key).not.toBe(before[name]?.key)
  })

  it('ignores a corrupt or foreign cache file with one line, reports the same, and replaces it', async () => {
    const dir = project(postmortems(2))
    const plain = await runCli(['docs'], {cwd: dir})
    fs.mkdirSync(path.join(dir, path.dirname(CACHE)), {recursive: true})
    for (const [content, problem] of [
      ['{"postmortemLintCache": 1, "entr', 'it is not JSON'],
      ['{"version": 3, "files": {}}', 'it is not a postmortem-lint cache of this format']
    ] as const) {
      fs.writeFileSync(path.join(dir, CACHE), content)
      const result = await runCli(['--cache', 'docs'], {cwd: dir})
      expect(result.stderr).toBe(`postmortem-lint: ignoring the cache at ${path.join(dir, CACHE)}: ${problem}; it will be replaced\n${plain.stderr}`)
      expect(Object.keys(entries(dir))).toHaveLength(2)
    }
  })

  it('leaves the old cache or a whole new one when a run is killed', async () => {
    const dir = project(postmortems(60))
    await runCli(['--cache', 'docs'], {cwd: dir})
    const old = fs.readFileSync(path.join(dir, CACHE), 'utf8')
    for (const file of Object.keys(postmortems(60))) fs.appendFileSync(path.join(dir, file), '\nEdited.\n')
    // Killed at several moments of a run; whichever moment it is, the file is whole.
    for (const delay of [20, 60, 120, 250, 400, 700, 1000]) {
      const child = spawn(process.execPath, [BIN, '--cache', 'docs'], {cwd: dir, stdio: 'ignore'})
      // Listened for at once: on a fast machine the run may end before the kill.
      const closed = new Promise((resolve) => child.once('close', resolve))
      await new Promise((resolve) => setTimeout(resolve, delay))
      child.kill('SIGKILL')
      await closed
      const text = fs.readFileSync(path.join(dir, CACHE), 'utf8')
      if (text !== old) expect(Object.keys(entries(dir))).toHaveLength(60)
    }
    const finished = await runCli(['--cache', 'docs'], {cwd: dir})
    expect(finished.stderr).toBe((await runCli(['docs'], {cwd: dir})).stderr)
  })

  it('keeps what --fix wrote, so that the next run takes it from the cache', async () => {
    // No root cause and no action items: both have a fix (a section to fill in).
    const dir = project({
      'docs/outage.md': '# Search slowdown\n\n## Summary\n\nSearch took five seconds for 12% of users.\n\n## Timeline\n\n- 14:02 UTC Alerts fired.\n- 14:30 UTC The rebuild was paused.\n\n## Resolution\n\nThe rebuild moved to a quieter hour.\n'
    })
    const sha = (text: string) => createHash('sha256').update(text).digest('hex')
    const fix = await runCli(['--cache', '--fix', 'docs'], {cwd: dir})
    const text = fs.readFileSync(path.join(dir, 'docs/outage.md'), 'utf8')
    expect(fix.stderr).toMatch(/fixed \d+ problems? in 1 file/)
    const entry = entries(dir)['docs/outage.md']
    expect(entry?.content).toBe(sha(text))
    const next = await runCli(['--cache', 'docs'], {cwd: dir})
    expect(entries(dir)['docs/outage.md']?.lintedAt).toBe(entry?.lintedAt)
    expect(next.stderr).toBe((await runCli(['docs'], {cwd: dir})).stderr)
  })

  it('writes the cache where --cache-location says, and needs --cache for it', async () => {
    const dir = project(postmortems(2))
    await runCli(['--cache', '--cache-location', '.cache/lint/', 'docs'], {cwd: dir})
    expect(Object.keys(entries(dir, '.cache/lint/cache.json'))).toHaveLength(2)
    await runCli(['--cache', '--cache-location=lint-cache.json', 'docs'], {cwd: dir})
    expect(Object.keys(entries(dir, 'lint-cache.json'))).toHaveLength(2)
    expect(fs.existsSync(path.join(dir, CACHE))).toBe(false)

    const alone = await runCli(['--cache-location', 'x.json', 'docs'], {cwd: dir})
    expect(alone.code).toBe(1)
    expect(alone.stderr).toBe(
      'postmortem-lint: Unexpected `--cache-location` without `--cache`, expected both (such as `--cache --cache-location .cache/postmortem-lint`)\n'
    )
    // A cache file that is not one is replaced, so a document is never taken for one.
    const document = await runCli(['--cache', '--cache-location', 'docs/incident-0.md', 'docs'], {cwd: dir})
    expect(document.code).toBe(1)
    expect(document.stderr).toBe(
      'postmortem-lint: Unexpected `--cache-location` `docs/incident-0.md`, a Markdown file, expected a cache file or a folder for it\n'
    )
    expect(fs.readFileSync(path.join(dir, 'docs/incident-0.md'), 'utf8')).toBe(postmortems(1)['docs/incident-0.md'])
    // A document from stdin has no path to keep its messages under.
    await runCli(['--cache', '--cache-location', 'stdin.json'], {cwd: dir, input: '# Outage\n'})
    expect(fs.existsSync(path.join(dir, 'stdin.json'))).toBe(false)
  })

  it.runIf(hasShared)('reports what a run without the cache reports over the shared corpora', async () => {
    const dir = project({})
    const corpora = ['corpus', 'corpus2'].map((name) => path.join(SHARED, name)).filter((folder) => fs.existsSync(folder))
    // The JSON report holds every field of every message; the reporters are compared in the first test.
    const plain = await runCli(['--report', 'json', ...corpora], {cwd: dir})
    for (const run of ['first', 'next']) {
      const cached = await runCli(['--cache', '--report', 'json', ...corpora], {cwd: dir})
      expect(cached.stdout, run).toBe(plain.stdout)
      expect(cached.stderr, run).toBe(plain.stderr)
      expect(cached.code, run).toBe(plain.code)
    }
    expect(Object.keys(entries(dir)).length).toBeGreaterThan(20)
  })
})
