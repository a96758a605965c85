import net from 'node:net'
import {
  type Message,
  type MessageReader,
  type MessageWriter,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  createServerPipeTransport,
  createServerSocketTransport,
  generateRandomPipeName
} from 'vscode-languageserver/node.js'
import {withOneLineErrors} from './diagnostics.js'
import {QuickFixTitles} from './titles.js'
import {DocumentTraffic} from './traffic.js'
import {WorkspaceFolders} from './workspace-folders.js'

/**
 * unified-language-server lints every version of a document it is sent, all
 * at once, and publishes each result when its lint ends: a burst of edits
 * costs a lint per keystroke, and an older version's lint that ends last
 * leaves its diagnostics on screen. It has no hook for either. So the editor
 * talks to this relay, and the relay to unified-language-server over a pipe
 * of this process; between them, `DocumentTraffic` holds back edits while a
 * lint of the same document runs and drops diagnostics older than ones
 * already shown; `QuickFixTitles` makes each quick fix's title one line,
 * and `withOneLineErrors` each configuration error.
 */

/** The transport the editor asked for, read from the arguments as vscode-languageserver reads them. */
function editorTransport(args: string[]): [MessageReader, MessageWriter] {
  for (const [index, arg] of args.entries()) {
    if (arg === '--node-ipc') return [new IPCMessageReader(process), new IPCMessageWriter(process)]
    const [name, value = args[index + 1] ?? ''] = arg.split('=')
    if (name === '--socket') return createServerSocketTransport(Number.parseInt(value, 10))
    if (name === '--pipe') return createServerPipeTransport(value)
  }
  return [new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)]
}

/** Anything the server's code logs goes to standard error: standard output carries the protocol. */
function keepStdoutForProtocol(): void {
  const toStderr = (...values: unknown[]): void => {
    process.stderr.write(`${values.map(String).join(' ')}\n`)
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[method] = toStderr
}

function relay(from: MessageReader, to: (message: Message) => void, what: string): void {
  from.onError((error) => process.stderr.write(`postmortem-language-server: ${what}: ${error.message}\n`))
  from.listen(to)
}

/**
 * Opens the pipe unified-language-server will connect to and relays between
 * it and the editor. Resolves with the argument that points the server at
 * the pipe, in place of the editor's transport.
 */
export async function startRelay(args: string[]): Promise<string> {
  const [editorReader, editorWriter] = editorTransport(args)
  if (!args.some((arg) => /^--(?:node-ipc|socket|pipe)\b/.test(arg))) keepStdoutForProtocol()
  const pipeName = generateRandomPipeName()
  const pipe = net.createServer((socket) => {
    pipe.close()
    const serverReader = new StreamMessageReader(socket)
    const serverWriter = new StreamMessageWriter(socket)
    const traffic = new DocumentTraffic(
      (message) => void serverWriter.write(message),
      (message) => void editorWriter.write(message)
    )
    const titles = new QuickFixTitles()
    const folders = new WorkspaceFolders()
    relay(editorReader, (message) => (folders.fromEditor(message), titles.fromEditor(message), traffic.fromEditor(message)), 'from the editor')
    relay(serverReader, (message) => traffic.fromServer(withOneLineErrors(titles.fromServer(message), folders)), 'from the linter')
    // The editor hanging up ends the server as it would without the relay.
    editorReader.onClose(() => socket.end())
    socket.on('close', () => traffic.dispose())
  })
  await new Promise<void>((resolve, reject) => {
    pipe.once('error', reject)
    pipe.listen(pipeName, resolve)
  })
  return `--pipe=${pipeName}`
}
