/**
 * Nothing lost: `postmortem-lint` writes no file unless `--fix` is given,
 * whatever the flags, and `--fix` keeps every line of every file it rewrites
 * (in order, with its byte order mark and line endings) and leaves alone the
 * files it cannot read as text. The property that the fixes themselves never
 * drop text is test/fix.property.test.ts; this drives the real bin.
 */
import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, test} from 'vitest'
import {makeProject, runCli, snapshot} from '../cli/support/run.js'

// Fixable three ways: no time zone, no root cause, no action items.
const FIXABLE = `# Queue backlog

## Summary

Message delivery was delayed for 15% of customers.

## Timeline

- 08:10 The consumer pool was scaled down by a bad autoscaling rule.
- 08:40 The backlog alert fired.
- 09:05 The rule was reverted and the backlog drained.

## Resolution

The autoscaling rule was reverted.
`

/** Whether `text` is `original` with characters inserted. */
function keeps(text: string, original: string): boolean {
  let at = 0
  for (let index = 0; index < text.length && at < original.length; index++) if (text[index] === original[at]) at++
  return at === original.length
}

function files(): Record<string, Buffer> {
  return {
    'lf.md': Buffer.from(FIXABLE),
    'crlf.md': Buffer.from(FIXABLE.replace(/\n/g, '\r\n')),
    'bom.md': Buffer.from(`\uFEFF${FIXABLE}`),
    'nested/deeper/again.md': Buffer.from(FIXABLE.replace('Queue backlog', 'Queue backlog, again')),
    'binary.md': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), Buffer.from(FIXABLE)]),
    'latin1.md': Buffer.from(FIXABLE.replace('Message', 'Message café'), 'latin1'),
    'notes.txt': Buffer.from('not Markdown, never read\n'),
    'node_modules/pkg/readme.md': Buffer.from(FIXABLE)
  }
}

describe('postmortem-lint writes nothing without --fix', () => {
  let project: {dir: string; remove(): void} | undefined
  afterEach(() => project?.remove())

  test('no flag combination changes a byte or a modification time', async () => {
    project = makeProject(files())
    const dir = project.dir
    const before = snapshot(dir)
    const times = Object.keys(before).map((name) => statSync(path.join(dir, name)).mtimeMs)
    const runs = [
      ['.'],
      ['--frail', '.'],
      ['--quiet', '--silent', '.'],
      ['--report', 'json', '.'],
      ['--report', 'github', '.'],
      ['--report', 'sarif', '.'],
      ['--no-config', '--no-ignore', '.'],
      ['--ext', 'md,txt', '.'],
      ['lf.md', 'crlf.md', 'bom.md', 'binary.md'],
      ['**/*.md']
    ]
    for (const args of runs) {
      const result = await runCli(args, {cwd: dir})
      expect(result.code, `${args.join(' ')} ended by ${result.signal}:\n${result.stderr}`).not.toBeNull()
    }
    // Flags that would write documents are refused, and write nothing either.
    for (const flag of ['--output', '--stdout', '--tree-out', '--watch']) {
      const result = await runCli([flag, '.'], {cwd: dir})
      expect(result.code, flag).toBe(1)
    }
    expect(snapshot(dir)).toEqual(before)
    expect(Object.keys(before).map((name) => statSync(path.join(dir, name)).mtimeMs)).toEqual(times)
  }, 120_000)
})

describe('postmortem-lint --fix loses nothing', () => {
  let project: {dir: string; remove(): void} | undefined
  afterEach(() => project?.remove())

  test('every line stays, in order, with the file’s byte order mark and line endings; other files are untouched', async () => {
    const original = files()
    project = makeProject(original)
    const dir = project.dir
    const result = await runCli(['--fix', '--report', 'json', '.'], {cwd: dir})
    expect(result.code).toBe(1)
    const after = snapshot(dir)

    for (const name of ['lf.md', 'crlf.md', 'bom.md', 'nested/deeper/again.md']) {
      const before = original[name]?.toString('utf8') ?? ''
      const now = readFileSync(path.join(dir, name), 'utf8')
      expect(now, `${name} was fixed`).not.toBe(before)
      expect(now.startsWith('\uFEFF'), name).toBe(before.startsWith('\uFEFF'))
      const ending = before.includes('\r\n') ? '\r\n' : '\n'
      if (ending === '\n') expect(now.includes('\r'), name).toBe(false)
      else expect(now.split('\r\n').join('').includes('\n'), `${name} keeps CRLF`).toBe(false)
      // The fixes of these messages only insert (a heading, a zone after a
      // time): every original line is still there, in order, maybe with text
      // inserted into it.
      const lines = now.split(ending)
      let at = 0
      for (const line of before.split(ending)) {
        const found = lines.findIndex((candidate, index) => index >= at && keeps(candidate, line))
        expect(found, `${name}: line ${JSON.stringify(line)} kept`).toBeGreaterThanOrEqual(0)
        at = found + 1
      }
    }
    // Not text, not Markdown, or ignored: never written.
    for (const name of ['binary.md', 'latin1.md', 'notes.txt', 'node_modules/pkg/readme.md']) {
      expect(after[name], name).toBe(original[name]?.toString('base64'))
    }

    // Fixing again changes nothing more: the fixes settle.
    const settled = snapshot(dir)
    await runCli(['--fix', '.'], {cwd: dir})
    expect(snapshot(dir)).toEqual(settled)
  }, 120_000)
})
