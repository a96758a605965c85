/**
 * Odd files: empty, binary, not UTF-8, with a byte order mark, NUL bytes, CR
 * line endings, 10 MB, a 100,000-line timeline, 1,000 levels of nesting.
 * Each gives a clean result or one clear message for that file, through the
 * preset and through the real `postmortem-lint` bin, which goes on with the
 * other files and exits as docs/cli.md says. The files are made at test time.
 */
import type {Blockquote, List, ListItem, Paragraph, Root, RootContent} from 'mdast'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {placeProblem, shapeOf, strictProcessor} from '../../bench/fuzz/check.js'
import {type RunResult, makeProject, runCli} from '../cli/support/run.js'

const CLEAN = `# Login outage on 2024-06-03

## Summary

Logins failed for 20% of users for 45 minutes.

## Impact

About 3,000 users could not sign in.

## Timeline

All times are UTC.

- 10:00 A new session store was rolled out.
- 10:06 Login errors were reported by the alerting system.
- 10:30 The rollout was reverted.
- 10:45 Logins were back to normal.

## Root cause

The new session store rejected tokens issued by the old one.

## Resolution

The session store change was reverted.

## Action items

- Test token compatibility before replacing the session store.
`

/** Bytes that look like an image: a PNG signature and a fixed pseudo-random body with NUL bytes. */
function binaryBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length)
  let state = 20_240_603
  for (let index = 0; index < length; index++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    bytes[index] = state >> 16
  }
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]).copy(bytes)
  return bytes
}

const clock = (index: number): string => `${String(Math.floor(index / 60) % 24).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}`
const LOG_LINE = '2024-06-03T10:06:12Z auth[web.3]: POST /login 500 session token rejected by store\n'
const TEN_MB = 10 * 1024 * 1024

/** What each odd file must give: a clean lint, or the one error of a file that is not text. */
const FILES: Record<string, {bytes: () => Buffer; notText?: true}> = {
  'clean.md': {bytes: () => Buffer.from(CLEAN)},
  'empty.md': {bytes: () => Buffer.alloc(0)},
  'blank.md': {bytes: () => Buffer.from('\n   \n\t\n\n')},
  'bom.md': {bytes: () => Buffer.from(`\uFEFF${CLEAN}`)},
  'bom-only.md': {bytes: () => Buffer.from('\uFEFF')},
  'crlf.md': {bytes: () => Buffer.from(CLEAN.replace(/\n/g, '\r\n'))},
  'cr.md': {bytes: () => Buffer.from(CLEAN.replace(/\n/g, '\r'))},
  'binary.md': {bytes: () => binaryBytes(4096), notText: true},
  'nul.md': {bytes: () => Buffer.from(CLEAN.replace('Logins failed', 'Logins\0 failed')), notText: true},
  'invalid-utf8.md': {bytes: () => Buffer.concat([Buffer.from(CLEAN.slice(0, 80)), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(CLEAN.slice(80))]), notText: true},
  'utf16.md': {bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN, 'utf16le')]), notText: true},
  'nested-lists.md': {bytes: () => Buffer.from(Array.from({length: 1000}, (_, depth) => `${'  '.repeat(depth)}- ${clock(depth)} step`).join('\n')), notText: true},
  'nested-quotes.md': {bytes: () => Buffer.from(Array.from({length: 1000}, (_, depth) => `${'> '.repeat(depth + 1)}a quote`).join('\n')), notText: true},
  // Labels that link nowhere, in one paragraph: the parser is quadratic in them. In a log, or a paragraph each, they are fine.
  'labels-in-one-paragraph.md': {bytes: () => Buffer.from(`${CLEAN}\n${'the [service] was down for [duration] and '.repeat(6000)}\n`), notText: true},
  'labels-in-a-log.md': {bytes: () => Buffer.from(`${CLEAN}\n\`\`\`text\n${'[ERROR] [db] timeout\n'.repeat(6000)}\`\`\`\n`)},
  'labels-in-paragraphs.md': {bytes: () => Buffer.from(`${CLEAN}\n${'The [service] was down for [duration].\n\n'.repeat(6000)}`)},
  // Above the default maxSize (5 MB): one error, before parsing.
  'ten-megabytes.md': {
    bytes: () => Buffer.from(`${CLEAN}\n## Appendix: logs\n\n\`\`\`text\n${LOG_LINE.repeat(Math.ceil(TEN_MB / LOG_LINE.length))}\`\`\`\n`),
    notText: true
  },
  // A table: as a list, linting takes some 15 s and 2 GB, most of it parsing (see docs/reliability.md).
  'long-timeline.md': {
    bytes: () =>
      Buffer.from(
        CLEAN.replace(
          /- 10:00[^]*?normal\.\n/,
          `| Time | Event |\n| --- | --- |\n${Array.from({length: 100_000}, (_, index) => `| ${clock(Math.floor(index / 100))} | step ${index} of the rollback |\n`).join('')}`
        )
      )
  }
}

interface ReportedMessage {
  reason: string
  ruleId: string | null
  fatal: boolean | null
  line: number | null
  column: number | null
  place?: unknown
}
interface ReportedFile {
  path: string
  messages: ReportedMessage[]
}

describe('odd files through the preset', () => {
  const processor = strictProcessor()
  // As unified-engine reads a file: decoded as UTF-8.
  const small = Object.entries(FILES).filter(([name]) => !['ten-megabytes.md', 'long-timeline.md', 'nested-lists.md', 'nested-quotes.md'].includes(name))

  test.each(small.map(([name]) => name))('%s: no throw, every message inside the document', async (name) => {
    const text = FILES[name]?.bytes().toString('utf8') ?? ''
    const file = new VFile({path: name, value: text})
    await processor.run(processor.parse(file), file)
    const shape = shapeOf(text)
    for (const message of file.messages) {
      expect(message.fatal).toBe(false)
      expect(placeProblem(shape, message)).toBeUndefined()
    }
  })

  test('a byte order mark and CRLF or CR line endings change no message', async () => {
    const lint = async (text: string): Promise<string[]> => {
      const file = new VFile({path: 'postmortem.md', value: text})
      await processor.run(processor.parse(file), file)
      return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
    }
    const expected = await lint(CLEAN)
    expect(await lint(`\uFEFF${CLEAN}`)).toEqual(expected)
    expect(await lint(CLEAN.replace(/\n/g, '\r\n'))).toEqual(expected)
    expect(await lint(CLEAN.replace(/\n/g, '\r'))).toEqual(expected)
  })

  // The parser itself takes minutes on 1,000 levels (the CLI refuses such
  // files before parsing): the walks of the model and the rules are tested on
  // trees built directly. (Past some 5,000 levels unist-util-visit, which
  // remark-lint uses too, overflows the stack; no parser makes such a tree.)
  test.each([1_000])('lists and quotes %i levels deep: no stack overflow in the rules', async (depth) => {
    for (const kind of ['list', 'quote'] as const) {
      const {text, tree} = nestedDocument(depth, kind)
      const file = new VFile({path: 'nested.md', value: text})
      await processor.run(tree, file)
      const shape = shapeOf(text)
      for (const message of file.messages) expect(placeProblem(shape, message)).toBeUndefined()
    }
  })
})

/** `depth` levels of lists (`- 10:00 step`) or quotes, as text and as the mdast tree remark-parse makes of it. */
function nestedDocument(depth: number, kind: 'list' | 'quote'): {text: string; tree: Root} {
  const lines = Array.from({length: depth}, (_, level) => (kind === 'list' ? `${'  '.repeat(level)}- ${clock(level)} step` : `${'> '.repeat(level + 1)}quote`))
  const starts: number[] = []
  let offset = 0
  for (const line of lines) {
    starts.push(offset)
    offset += line.length + 1
  }
  const text = `## Timeline\n\n${lines.join('\n')}\n`
  const base = '## Timeline\n\n'.length
  const end = {line: depth + 2, column: (lines.at(-1)?.length ?? 0) + 1, offset: base + offset - 1}
  const point = (level: number, column: number): {line: number; column: number; offset: number} => ({
    line: level + 3,
    column: column + 1,
    offset: base + (starts[level] ?? 0) + column
  })
  const paragraph = (level: number, column: number): Paragraph => {
    const value = (lines[level] ?? '').slice(column)
    return {
      type: 'paragraph',
      children: [{type: 'text', value, position: {start: point(level, column), end: point(level, column + value.length)}}],
      position: {start: point(level, column), end: point(level, column + value.length)}
    }
  }
  // Built from the innermost level out, so that no recursion is needed here either.
  let inner: RootContent | undefined
  for (let level = depth - 1; level >= 0; level--) {
    if (kind === 'list') {
      const item: ListItem = {type: 'listItem', spread: false, children: [paragraph(level, 2 * level + 2), ...(inner ? [inner as List] : [])], position: {start: point(level, 2 * level), end}}
      inner = {type: 'list', ordered: false, spread: false, children: [item], position: {start: point(level, 2 * level), end}}
    } else {
      const quote: Blockquote = {type: 'blockquote', children: [paragraph(level, 2 * level + 2), ...(inner ? [inner as Blockquote] : [])], position: {start: point(level, 2 * level), end}}
      inner = quote
    }
  }
  const heading: RootContent = {
    type: 'heading',
    depth: 2,
    children: [{type: 'text', value: 'Timeline', position: {start: {line: 1, column: 4, offset: 3}, end: {line: 1, column: 12, offset: 11}}}],
    position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 12, offset: 11}}
  }
  return {text, tree: {type: 'root', children: inner ? [heading, inner] : [heading], position: {start: {line: 1, column: 1, offset: 0}, end: {...end, line: end.line + 1, column: 1, offset: text.length}}}}
}

describe('odd files through the postmortem-lint bin', () => {
  let project: {dir: string; remove(): void}
  let all: RunResult
  let reported: Map<string, ReportedFile>

  beforeAll(async () => {
    project = makeProject(Object.fromEntries(Object.entries(FILES).map(([name, spec]) => [name, spec.bytes()])))
    all = await runCli(['--report', 'json', '.'], {cwd: project.dir})
    reported = new Map((JSON.parse(all.stdout) as ReportedFile[]).map((file) => [file.path, file]))
  }, 240_000)
  afterAll(() => project?.remove())

  test('goes on past every odd file: each one is in the report, and the run fails for the files that are not text', () => {
    expect(all.stderr).toBe('')
    expect([...reported.keys()].sort()).toEqual(Object.keys(FILES).sort())
    expect(all.code).toBe(1)
  })

  test.each(Object.entries(FILES).filter(([, spec]) => spec.notText).map(([name]) => name))('%s: one clear error, nothing else', (name) => {
    const messages = reported.get(name)?.messages ?? []
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ruleId: 'not-text', fatal: true})
    expect(messages[0]?.reason).toMatch(/^Unexpected .+, expected .+/)
    expect(messages[0]?.line).toBeGreaterThan(0)
  })

  test.each(Object.entries(FILES).filter(([, spec]) => !spec.notText).map(([name]) => name))('%s: linted, no error, every message inside the file', (name) => {
    const text = FILES[name]?.bytes().toString('utf8') ?? ''
    const shape = shapeOf(text)
    for (const message of reported.get(name)?.messages ?? []) {
      expect(message.fatal).toBe(false)
      expect(placeProblem(shape, message as never)).toBeUndefined()
    }
  })

  test('the clean postmortem stays clean with a byte order mark, CRLF and with 100,000 timeline entries; 10 MB is over the size limit', () => {
    for (const name of ['clean.md', 'bom.md', 'crlf.md', 'long-timeline.md']) {
      expect(reported.get(name)?.messages, name).toEqual([])
    }
    expect(reported.get('ten-megabytes.md')?.messages[0]?.reason).toMatch(/^Unexpected document of 10\.\d MB, expected at most 5\.0 MB \(option `maxSize`\)/)
  })

  test('exit codes: 0 for warnings alone, 1 with --frail, 0 for clean files with --frail', async () => {
    const warnings = await runCli(['--report', 'json', 'clean.md', 'empty.md', 'blank.md', 'bom-only.md'], {cwd: project.dir})
    expect(warnings.code).toBe(0)
    expect((JSON.parse(warnings.stdout) as ReportedFile[]).flatMap((file) => file.messages).length).toBeGreaterThan(0)
    expect((await runCli(['--frail', 'empty.md'], {cwd: project.dir})).code).toBe(1)
    expect((await runCli(['--frail', 'clean.md', 'bom.md', 'crlf.md'], {cwd: project.dir})).code).toBe(0)
  }, 60_000)
})
