/**
 * The language server under abuse, over stdio as an editor talks to it:
 * unknown methods, requests with wrong parameters, bytes that are not JSON,
 * documents opened and closed in a rush, 1,000 edits in a row. After each, it
 * must still be running and still answer.
 */
import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection
} from 'vscode-languageserver-protocol/node.js'
import {ROOT} from './support/patterns.js'

const SERVER = path.join(ROOT, 'bin', 'postmortem-language-server.js')
const WAIT_MS = 30_000

const POSTMORTEM = `# Cache outage

## Summary

Page loads failed for 25% of users.

## Timeline

- 13:00 UTC The cache cluster restarted.
- 13:20 UTC Page loads recovered.

## Root cause

A restart script skipped the warm-up step.

## Resolution

The cache was warmed by hand.

## Action items

- Add the warm-up step to the restart script.
`

/** The peak resident memory of process `pid`, in bytes (Linux: VmHWM in /proc). */
function peakMemory(pid: number | undefined): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]
  if (kilobytes === undefined) throw new Error(`No VmHWM in /proc/${pid}/status`)
  return Number(kilobytes) * 1024
}

describe('postmortem-language-server stays up under abuse', () => {
  let dir: string
  let server: ChildProcessWithoutNullStreams
  let connection: ProtocolConnection
  let stderr = ''
  const published: PublishDiagnosticsParams[] = []
  const waiters: Array<{accepts: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void}> = []

  const uri = (name: string): string => pathToFileURL(path.join(dir, name)).href
  const diagnostics = (target: string, version: number): Promise<PublishDiagnosticsParams> => {
    const accepts = (params: PublishDiagnosticsParams): boolean => params.uri === target && params.version === version
    const early = published.find(accepts)
    if (early) return Promise.resolve(early)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${target} v${version}; stderr:\n${stderr}`)), WAIT_MS)
      waiters.push({accepts, resolve: (params) => (clearTimeout(timer), resolve(params))})
    })
  }
  /** Opens a document and waits for its diagnostics: the proof that the server still works. */
  const answers = async (name: string, text = POSTMORTEM): Promise<PublishDiagnosticsParams> => {
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri: uri(name), languageId: 'markdown', version: 1, text}})
    const result = await diagnostics(uri(name), 1)
    await connection.sendNotification(DidCloseTextDocumentNotification.type, {textDocument: {uri: uri(name)}})
    return result
  }
  const alive = (): void => {
    expect(server.exitCode, stderr).toBeNull()
    expect(server.signalCode, stderr).toBeNull()
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-ls-reliability-'))
    server = spawn(process.execPath, [SERVER, '--stdio'], {cwd: dir, stdio: ['pipe', 'pipe', 'pipe']})
    server.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const waiter = waiters.find((candidate) => candidate.accepts(params))
      if (waiter) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(params)
      } else {
        published.push(params)
      }
    })
    connection.listen()
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{uri: pathToFileURL(dir).href, name: 'reliability'}],
      capabilities: {textDocument: {publishDiagnostics: {versionSupport: true}}}
    })
    await connection.sendNotification(InitializedNotification.type, {})
  }, 60_000)

  afterAll(async () => {
    if (server.exitCode === null) server.kill()
    connection?.dispose()
    fs.rmSync(dir, {recursive: true, force: true})
  })

  test('answers at all', async () => {
    const result = await answers('first.md')
    expect(result.diagnostics).toEqual([])
  })

  test('an unknown request gets "method not found", an unknown notification nothing, and the server goes on', async () => {
    const error = await connection.sendRequest('postmortem/noSuchMethod', {anything: true}).then(
      () => undefined,
      (reason: unknown) => reason
    )
    expect(error).toBeInstanceOf(ResponseError)
    expect((error as ResponseError<unknown>).code).toBe(ErrorCodes.MethodNotFound)
    await connection.sendNotification('postmortem/noSuchNotification', {anything: true})
    await connection.sendNotification('$/noSuchNotification', null)
    alive()
    expect((await answers('after-unknown.md')).diagnostics).toEqual([])
  })

  test('requests and notifications with wrong parameters do not bring it down', async () => {
    const settle = (request: Promise<unknown>): Promise<unknown> => request.then(() => 'answered', () => 'refused')
    const outcomes = await Promise.all([
      settle(connection.sendRequest(CodeActionRequest.type.method, {})),
      settle(connection.sendRequest(CodeActionRequest.type.method, null)),
      settle(connection.sendRequest(CodeActionRequest.type.method, {textDocument: {uri: uri('never-opened.md')}, range: {start: {line: -1, character: 0}, end: {line: 99_999, character: 5}}, context: {diagnostics: []}})),
      settle(connection.sendRequest('textDocument/formatting', {textDocument: {uri: 'not a uri'}, options: {tabSize: 'x'}})),
      settle(connection.sendRequest('textDocument/hover', {textDocument: {uri: uri('never-opened.md')}, position: {line: 0, character: 0}}))
    ])
    expect(outcomes).toHaveLength(5)
    await connection.sendNotification(DidOpenTextDocumentNotification.type.method, {textDocument: {uri: uri('no-text.md')}})
    await connection.sendNotification(DidOpenTextDocumentNotification.type.method, {})
    await connection.sendNotification(DidChangeTextDocumentNotification.type.method, {textDocument: {uri: uri('never-opened.md'), version: 2}, contentChanges: [{text: 'x'}]})
    await connection.sendNotification(DidChangeTextDocumentNotification.type.method, {textDocument: {uri: uri('never-opened.md'), version: 3}, contentChanges: [{range: {start: {line: 5, character: 0}, end: {line: 1, character: 0}}, text: 'y'}]})
    await connection.sendNotification(DidCloseTextDocumentNotification.type.method, {textDocument: {uri: uri('never-opened.md')}})
    alive()
    expect((await answers('after-wrong-parameters.md')).diagnostics).toEqual([])
  })

  test('bytes that are not JSON, and JSON that is not a message, do not bring it down', async () => {
    const raw = (body: string): Promise<void> =>
      new Promise((resolve) => server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, () => resolve()))
    await raw('{this is not json')
    await raw('[1, 2, 3]')
    await raw('{"jsonrpc": "2.0", "id": 77}')
    await raw('{"jsonrpc": "2.0", "method": 42, "params": "x"}')
    await raw('{"jsonrpc": "2.0", "id": 78, "method": "textDocument/codeAction", "params": "not an object"}')
    alive()
    expect((await answers('after-garbage.md')).diagnostics).toEqual([])
  })

  test('documents opened and closed in a rush, and odd documents, leave it answering', async () => {
    for (let index = 0; index < 200; index++) {
      const target = uri(`rush-${index % 7}.md`)
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri: target, languageId: 'markdown', version: index, text: index % 2 ? POSTMORTEM : `# Draft ${index}\n`}})
      if (index % 3 !== 0) await connection.sendNotification(DidCloseTextDocumentNotification.type, {textDocument: {uri: target}})
    }
    for (const [name, text] of Object.entries({'empty.md': '', 'nul.md': 'a\0b', 'bom.md': `\uFEFF${POSTMORTEM}`, 'cr.md': POSTMORTEM.replace(/\n/g, '\r'), 'binary.md': '\uFFFD\uFFFD#\0 \0S\0'})) {
      const result = await answers(name, text)
      expect(Array.isArray(result.diagnostics)).toBe(true)
    }
    alive()
    expect((await answers('after-rush.md')).diagnostics).toEqual([])
  }, 120_000)

  test('1,000 edits in a row: it keeps up and reports on the last text', async () => {
    const target = uri('typing.md')
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri: target, languageId: 'markdown', version: 0, text: POSTMORTEM}})
    const typed = '## Lessons learned\n\nWarm caches before traffic.'
    let text = POSTMORTEM
    for (let version = 1; version <= 1_000; version++) {
      // Typing at the end, and now and then breaking the timeline's order.
      text = version === 1_000 ? POSTMORTEM.replace('13:20 UTC', '12:20 UTC') : `${POSTMORTEM}\n${typed.slice(0, version % typed.length)}`
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri: target, version}, contentChanges: [{text}]})
    }
    const last = await diagnostics(target, 1_000)
    expect(last.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['postmortem-timeline-order'])
    alive()
  }, 120_000)

  test('a document above maxSize is reported once per version without being parsed, and formatting leaves it alone', async () => {
    const target = uri('huge.md')
    // 12 MB of timeline: parsed, this would take about 25 s and 4 GB on every edit.
    const huge = `${POSTMORTEM}\n${'- 13:05 UTC The cache cluster restarted a node.\n'.repeat(250_000)}`
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri: target, languageId: 'markdown', version: 1, text: huge}})
    const opened = await diagnostics(target, 1)
    expect(opened.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start])).toEqual([['postmortem-max-size', {line: 0, character: 0}]])
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri: target, version: 2}, contentChanges: [{text: `${huge}x\n`}]})
    expect((await diagnostics(target, 2)).diagnostics).toHaveLength(1)
    // Not parsed: a parse would take the server past 2 GB (memory, unlike time, a busy machine does not change).
    expect(peakMemory(server.pid)).toBeLessThan(1024 ** 3)
    const edits = await connection.sendRequest('textDocument/formatting', {textDocument: {uri: target}, options: {tabSize: 2, insertSpaces: true}})
    expect(edits ?? []).toEqual([])
    await connection.sendNotification(DidCloseTextDocumentNotification.type, {textDocument: {uri: target}})
    alive()
    expect((await answers('after-huge.md')).diagnostics).toEqual([])
  }, 120_000)

  test('shuts down cleanly when asked', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)))
    await connection.sendRequest(ShutdownRequest.type)
    await connection.sendNotification(ExitNotification.type)
    expect(await exited).toBe(0)
  })
})
