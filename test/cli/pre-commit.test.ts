/**
 * The hook in .pre-commit-hooks.yaml, installed and run by the real pre-commit
 * framework (`pre-commit try-repo`), in temporary git repositories.
 *
 * The test makes a snapshot repository of this checkout as it is on disk
 * (tracked and untracked files, as git lists them) and points each user
 * repository's .pre-commit-config.yaml at it, by path and commit, as a user
 * points at ours by URL and tag. Installing the hook (npm install, npm pack,
 * npm install -g) is the slow part; pre-commit keys an installed hook by
 * repository and commit, and all runs share one pre-commit home, so it
 * happens once.
 */
import {execFileSync, spawn} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ROOT} from './support/run.js'

// An incident postmortem in our own words, with problems the recommended
// preset warns about: no time zone, no root cause, no action items.
const BAD = `# Queue backlog on 2024-05-02

## Summary

Order confirmations were delayed for 18% of customers.

## Timeline

- 07:40 The message queue started to back up.
- 08:05 Consumers were scaled up and the backlog drained.

## Resolution

Consumer capacity was raised for the morning peak.
`

// The same postmortem once fixed.
const FIXED = `# Queue backlog on 2024-05-02

## Summary

Order confirmations were delayed for 18% of customers.

## Timeline

- 07:40 UTC The message queue started to back up.
- 08:05 UTC Consumers were scaled up and the backlog drained.

## Root cause

Consumers were sized for the evening peak, not the morning one.

## Resolution

Consumer capacity was raised for the morning peak.

## Action items

- Scale consumers on queue depth instead of a schedule.
`

const GIT = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false']

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...GIT, ...args], {cwd, encoding: 'utf8'})
}

/** A git repository of this checkout's files as they are on disk. */
function snapshotRepository(target: string): void {
  const files = git(ROOT, 'ls-files', '--cached', '--others', '--exclude-standard', '-z').split('\0').filter(Boolean)
  for (const file of files) {
    const from = path.join(ROOT, file)
    const to = path.join(target, file)
    mkdirSync(path.dirname(to), {recursive: true})
    try {
      copyFileSync(from, to)
    } catch (error) {
      // A tracked file deleted on disk is not part of the checkout.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  // The build this checkout already has, which the hook's install (npm's
  // \`prepare\`, tooling/build-if-stale.mjs) then finds up to date for the
  // same sources, as after \`npm ci\`: tsc and the bundles do not run again.
  // .ci/run builds from a clean checkout, so a build that fails is seen there.
  const built = path.join(ROOT, 'lib')
  for (const file of readdirSync(built, {recursive: true, encoding: 'utf8'})) {
    if (!statSync(path.join(built, file)).isFile()) continue
    mkdirSync(path.dirname(path.join(target, 'lib', file)), {recursive: true})
    copyFileSync(path.join(built, file), path.join(target, 'lib', file))
  }
  git(target, 'init', '--quiet')
  git(target, 'add', '--all')
  git(target, 'add', '--force', 'lib')
  git(target, 'commit', '--quiet', '--no-verify', '-m', 'snapshot')
}

// Markdown that is no postmortem: the hook's pattern leaves it alone, and
// linted all the same it gets one message.
const README = '# Shop\n\nHow to run the shop locally.\n'
const GUIDE = '# Deploying\n\nRun `make deploy` from the main branch.\n'

/** A repository with a README, a docs page and two postmortems, one of them `postmortem`. */
function userRepository(target: string, postmortem: string): void {
  for (const [name, text] of [
    ['README.md', README],
    ['docs/deploying.md', GUIDE],
    ['postmortems/2024-05-02-queue-backlog.md', postmortem],
    ['docs/2024-04-11-incident-search.md', FIXED]
  ] as const) {
    mkdirSync(path.dirname(path.join(target, name)), {recursive: true})
    writeFileSync(path.join(target, name), text)
  }
  git(target, 'init', '--quiet')
  git(target, 'add', '--all')
}

/** `pre-commit` with a home of its own and npm kept quiet and offline where it can. */
function preCommit(cwd: string, args: readonly string[], home: string): Promise<{code: number | null; output: string}> {
  const env = {
    ...process.env,
    PRE_COMMIT_HOME: home,
    // Installing the hook reads packages from npm's cache when it can.
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false'
  }
  return new Promise((resolve, reject) => {
    const child = spawn('pre-commit', [...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, output}))
  })
}

/**
 * A .pre-commit-config.yaml that uses the hook of `repository` at its HEAD,
 * with the hook's own `files:` pattern or, when given, the user's.
 */
function configureHook(target: string, repository: string, files?: string): void {
  const rev = git(repository, 'rev-parse', 'HEAD').trim()
  const hook = ['      - id: postmortem-lint', ...(files ? [`        files: '${files}'`] : [])]
  const config = ['repos:', `  - repo: ${JSON.stringify(repository)}`, `    rev: ${rev}`, '    hooks:', ...hook, ''].join('\n')
  writeFileSync(path.join(target, '.pre-commit-config.yaml'), config)
  git(target, 'add', '--all')
}

/** `pre-commit run` over every file of the repository, as a hook sees a commit of all of them. */
function runHook(cwd: string, home: string): Promise<{code: number | null; output: string}> {
  return preCommit(cwd, ['run', '--all-files', '--verbose', '--color', 'never'], home)
}

const NOT_POSTMORTEM = 'Unexpected document without any postmortem section, expected a postmortem (summary, timeline, root cause, resolution, action items); not checked for sections'

describe('the pre-commit hook', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'postmortem-pre-commit-'))
  const home = path.join(base, 'home')
  const snapshot = path.join(base, 'hook')
  beforeAll(() => snapshotRepository(snapshot))
  afterAll(() => rmSync(base, {recursive: true, force: true}))

  it('lints the postmortems only, fails on a bad one and passes once it is fixed', {timeout: 300_000}, async () => {
    const bad = path.join(base, 'bad')
    const fixed = path.join(base, 'fixed')
    userRepository(bad, BAD)
    userRepository(fixed, FIXED)
    configureHook(bad, snapshot)
    configureHook(fixed, snapshot)

    const failing = await runHook(bad, home)
    const passing = await runHook(fixed, home)

    // Anything but the hook's own verdict (such as the hook failing to install) is shown whole.
    for (const run of [failing, passing]) {
      if (!/postmortem-lint\.+(?:Failed|Passed)/.test(run.output)) throw new Error(`pre-commit did not run the hook:\n${run.output}`)
    }
    expect(failing.output).toMatch(/postmortem-lint\.+Failed/)
    expect(failing.output).toContain('- exit code: 1')
    expect(failing.output).toContain('postmortems/2024-05-02-queue-backlog.md')
    expect(failing.output).not.toContain('README.md')
    expect(failing.output).not.toContain('docs/deploying.md')
    expect(failing.output).toMatch(/9:3-9:8 +warning +Unexpected clock times without a time zone/)
    expect(failing.output).toContain('Unexpected missing root cause section')
    expect(failing.output).toContain('Unexpected missing action items section')
    expect(failing.code).toBe(1)

    expect(passing.output).toMatch(/postmortem-lint\.+Passed/)
    expect(passing.code).toBe(0)
  })

  it('with `files:` set to every Markdown file, says once of the README and the guide that they are no postmortems', {timeout: 300_000}, async () => {
    const every = path.join(base, 'every')
    userRepository(every, BAD)
    configureHook(every, snapshot, '\\.md$')

    const run = await runHook(every, home)
    if (!/postmortem-lint\.+(?:Failed|Passed)/.test(run.output)) throw new Error(`pre-commit did not run the hook:\n${run.output}`)
    expect(run.output).toMatch(/postmortem-lint\.+Failed/)
    // The README and the guide: the one message each, and nothing else.
    for (const name of ['README.md', 'docs/deploying.md']) {
      const lines = run.output.split('\n').map((line) => line.trimEnd())
      const at = lines.indexOf(name)
      expect(at, run.output).toBeGreaterThan(-1)
      expect(lines[at + 1]).toMatch(/^1:1 +warning +Unexpected document without any postmortem section/)
      expect(lines[at + 1]).toContain(NOT_POSTMORTEM)
      expect(lines[at + 2]).not.toMatch(/^\d+:\d+/)
    }
    // The postmortems are checked as before.
    expect(run.output).toContain('Unexpected missing root cause section')
    expect(run.output).toMatch(/9:3-9:8 +warning +Unexpected clock times without a time zone/)
    expect(run.output.match(/Unexpected missing/g)).toHaveLength(2)
    expect(run.code).toBe(1)
  })
})
