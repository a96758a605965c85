import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection
} from 'vscode-languageserver-protocol/node.js'
import {ROOT} from './processes.js'
import {max, median} from './stats.js'

export const SERVER = path.join(ROOT, 'bin/postmortem-language-server.js')
const WAIT_MS = 30_000

export interface EditLatency {
  /** From sending the opened document to its first diagnostics. */
  openMs: number
  medianMs: number
  maxMs: number
  diagnostics: number
}

/** The text after edit `index`: a word typed into, then removed from, lines spread over the document. */
function edited(original: string[], index: number): string {
  const lines = [...original]
  const at = Math.floor(((index * 7919) % 97) / 97 * lines.length)
  if (index % 2 === 1) lines[at] = `${lines[at] ?? ''} edited`
  return lines.join('\n')
}

/**
 * Starts the language server over stdio as an editor does, opens `text` in a
 * workspace of its own, then makes `edits` edits one after the other and
 * times each from the change notification to the diagnostics for that
 * version. `warmup` edits come first and are not counted.
 */
export async function measureEditLatency(
  workspace: string,
  text: string,
  edits: number,
  {warmup = 3, nodeArgs = []}: {warmup?: number; /** Such as `--cpu-prof`, to profile the server. */ nodeArgs?: string[]} = {}
): Promise<EditLatency> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} does not exist yet`)
  fs.mkdirSync(workspace, {recursive: true})
  const documentPath = path.join(workspace, 'long-postmortem.md')
  fs.writeFileSync(documentPath, text)
  const uri = pathToFileURL(documentPath).href

  const server = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], {cwd: workspace, stdio: ['pipe', 'pipe', 'pipe']})
  let stderr = ''
  server.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
  const waiting = new Map<number, (params: PublishDiagnosticsParams) => void>()
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri === uri && params.version !== undefined) waiting.get(params.version)?.(params)
  })
  connection.listen()
  const diagnosticsOf = (version: number): Promise<PublishDiagnosticsParams> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No diagnostics for version ${version}. Server stderr:\n${stderr}`)), WAIT_MS)
      waiting.set(version, (params) => {
        clearTimeout(timer)
        waiting.delete(version)
        resolve(params)
      })
    })

  try {
    const folder = pathToFileURL(workspace).href
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{uri: folder, name: 'bench'}],
      capabilities: {textDocument: {publishDiagnostics: {versionSupport: true}}}
    })
    await connection.sendNotification(InitializedNotification.type, {})

    let started = performance.now()
    const opened = diagnosticsOf(1)
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId: 'markdown', version: 1, text}
    })
    const first = await opened
    const openMs = performance.now() - started

    const lines = text.split('\n')
    const latencies: number[] = []
    for (let edit = 1; edit <= warmup + edits; edit++) {
      const version = edit + 1
      const published = diagnosticsOf(version)
      started = performance.now()
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: {uri, version},
        contentChanges: [{text: edited(lines, edit)}]
      })
      await published
      if (edit > warmup) latencies.push(performance.now() - started)
    }
    return {openMs, medianMs: median(latencies), maxMs: max(latencies), diagnostics: first.diagnostics.length}
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined)
    await connection.sendNotification(ExitNotification.type).catch(() => undefined)
    connection.dispose()
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      const timer = setTimeout(() => server.kill(), 5000)
      await exited
      clearTimeout(timer)
    }
  }
}
