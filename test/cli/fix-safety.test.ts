/**
 * `--fix` touches only Markdown, writes atomically, keeps mode bits, follows no
 * link out of the linted folder, and reports what it cannot write: the real
 * bin, on real files, including a kill in the middle of a run.
 */
import {spawn} from 'node:child_process'
import {chmodSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {strict} from '../../src/index.js'
import {lint} from '../support/lint.js'
import {BIN, runCli, temporaryProjects} from './support/run.js'

// No time zone and no root cause: two fixes.
const FIXABLE = `# Queue backlog

## Summary

Jobs were delayed for 20% of tenants.

## Timeline

- 10:05 Queue depth alert.
- 10:40 Consumers scaled out.

## Resolution

Consumers scaled out.

## Action items

- Alert on queue age.
`

const newProject = temporaryProjects()

const project = (files: Record<string, string>): string => newProject(files).dir

describe('postmortem-lint --fix: data safety', () => {
  it('lints and fixes Markdown only, whether a glob matched a file or it was named', async () => {
    const dir = project({'g/config.json': '{"a": 1}\n', 'g/deploy.sh': 'echo hi\n', 'g/postmortem.md': FIXABLE})
    const result = await runCli(['--fix', 'g/*', 'g/config.json'], {cwd: dir})
    expect(readFileSync(path.join(dir, 'g/config.json'), 'utf8')).toBe('{"a": 1}\n')
    expect(readFileSync(path.join(dir, 'g/deploy.sh'), 'utf8')).toBe('echo hi\n')
    expect(readFileSync(path.join(dir, 'g/postmortem.md'), 'utf8')).toContain('10:05 UTC')
    expect(result.stderr).toContain('Not linted: not a Markdown file (.md, .markdown)')
    expect(result.stderr).not.toContain('deploy.sh')
  })

  it('keeps mode bits, leaves a read-only file and a link out of the folder alone, and fixes the rest', async () => {
    const outside = path.join(os.tmpdir(), `outside-${process.pid}-${Date.now()}.md`)
    writeFileSync(outside, FIXABLE)
    const dir = project({'a.md': FIXABLE, 'b.md': FIXABLE})
    chmodSync(path.join(dir, 'a.md'), 0o640)
    chmodSync(path.join(dir, 'b.md'), 0o444)
    symlinkSync(outside, path.join(dir, 'c.md'))
    const result = await runCli(['--fix', '.'], {cwd: dir})
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toContain('10:05 UTC')
    expect(statSync(path.join(dir, 'a.md')).mode & 0o777).toBe(0o640)
    expect(readFileSync(path.join(dir, 'b.md'), 'utf8')).toBe(FIXABLE)
    expect(readFileSync(outside, 'utf8')).toBe(FIXABLE)
    expect(result.stderr).toContain('Not fixed: the file is read-only')
    expect(result.stderr).toContain('Not fixed: it is a symbolic link to a file outside the linted folder')
  })

  it('leaves the old or the fixed file, never a partial one, when killed at any moment', async () => {
    const entries = Array.from({length: 1500}, (_, index) => `- ${String(10 + Math.floor(index / 600)).padStart(2, '0')}:${String(Math.floor(index / 10) % 60).padStart(2, '0')} Step ${index} of the recovery ran.`)
    const original = FIXABLE.replace('- 10:40 Consumers scaled out.', entries.join('\n'))
    const reference = project({'postmortem.md': original})
    const started = performance.now()
    await runCli(['--fix', 'postmortem.md'], {cwd: reference})
    const fullRun = performance.now() - started
    const fixed = readFileSync(path.join(reference, 'postmortem.md'), 'utf8')
    expect(fixed).not.toBe(original)

    for (const share of [0.3, 0.6, 0.8, 0.9, 0.97]) {
      const dir = project({'postmortem.md': original})
      const child = spawn(process.execPath, [BIN, '--fix', 'postmortem.md'], {cwd: dir, stdio: 'ignore'})
      const exited = new Promise((resolve) => child.on('exit', resolve))
      const timer = setTimeout(() => child.kill('SIGKILL'), fullRun * share)
      await exited
      clearTimeout(timer)
      const after = readFileSync(path.join(dir, 'postmortem.md'), 'utf8')
      expect(after === original || after === fixed, `killed at ${Math.round(share * 100)} % of a run: ${after.length} bytes`).toBe(true)
    }
  }, 120_000)

  it('reports a document nested 10,000 levels deep instead of overflowing the stack, in process too', async () => {
    const deep = `# Deep\n\n## Summary\n\n${'>'.repeat(10_000)} text\n`
    const messages = await lint(deep, [strict])
    expect(messages.filter((message) => message.ruleId === 'postmortem-nesting').map((message) => message.reason)).toEqual([
      'Unexpected nesting deeper than 1000 levels, expected less: the content below that depth is not checked'
    ])
    const dir = project({'deep.md': deep})
    const result = await runCli(['deep.md'], {cwd: dir})
    expect(result.stderr).toContain('nested past 256 columns')
    expect(result.stderr).not.toContain('RangeError')
  })
})
