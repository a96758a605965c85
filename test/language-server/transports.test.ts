import {type ChildProcess, fork} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InitializedNotification,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  createClientSocketTransport,
  createProtocolConnection
} from 'vscode-languageserver-protocol/node.js'

/**
 * The editor picks the transport; the server relays it to
 * unified-language-server over a pipe of its own (src/clients/language-server/relay.ts).
 * Standard input and output are tested in test/clients; here the others.
 */

const SERVER = path.resolve(import.meta.dirname, '../../bin/postmortem-language-server.js')

let server: ChildProcess | undefined
let connection: ProtocolConnection | undefined

afterEach(() => {
  connection?.dispose()
  if (server?.exitCode === null) server.kill()
})

/** A port nothing listens on now: the system's pick for a server that closes at once. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const {port} = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function lintsOver(reader: MessageReader, writer: MessageWriter): Promise<PublishDiagnosticsParams> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-ls-transport-'))
  connection = createProtocolConnection(reader, writer)
  const published = new Promise<PublishDiagnosticsParams>((resolve) => connection?.onNotification(PublishDiagnosticsNotification.type, resolve))
  connection.listen()
  await connection.sendRequest(InitializeRequest.type, {processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: null, capabilities: {}})
  await connection.sendNotification(InitializedNotification.type, {})
  const uri = pathToFileURL(path.join(dir, 'incident.md')).href
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'markdown', version: 1, text: '# Outage\n\n## Summary\n\nIt broke.\n'}})
  const result = await published
  const exited = new Promise<number | null>((resolve) => server?.once('exit', resolve))
  await connection.sendRequest(ShutdownRequest.type)
  await connection.sendNotification(ExitNotification.type)
  expect(await exited).toBe(0)
  fs.rmSync(dir, {recursive: true, force: true})
  return result
}

describe('postmortem-language-server transports', () => {
  it('speaks over Node IPC (--node-ipc)', async () => {
    server = fork(SERVER, ['--node-ipc'], {stdio: ['ignore', 'ignore', 'pipe', 'ipc']})
    const result = await lintsOver(new IPCMessageReader(server), new IPCMessageWriter(server))
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('postmortem-required-sections')
  }, 30_000)

  it('speaks over a socket the editor listens on (--socket=PORT)', async () => {
    const port = await freePort()
    const transport = await createClientSocketTransport(port)
    server = fork(SERVER, [`--socket=${port}`], {stdio: ['ignore', 'ignore', 'pipe', 'ipc']})
    const [reader, writer] = await transport.onConnected()
    const result = await lintsOver(reader, writer)
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('postmortem-required-sections')
  }, 30_000)
})
