import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process'
import {pathToFileURL} from 'node:url'
import {
  type CodeAction,
  CodeActionRequest,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  type TextEdit,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection
} from 'vscode-languageserver-protocol/node.js'

const WAIT_MS = 20_000

interface Waiter {
  accepts(params: PublishDiagnosticsParams): boolean
  resolve(params: PublishDiagnosticsParams): void
}

/** An editor's side of the protocol, talking to a server process over its standard input and output. */
export class LspClient {
  readonly initialized: Promise<InitializeResult>
  private readonly server: ChildProcessWithoutNullStreams
  private readonly connection: ProtocolConnection
  private readonly published: PublishDiagnosticsParams[] = []
  /** Every publication, in the order the server sent them. */
  readonly history: PublishDiagnosticsParams[] = []
  private readonly waiters: Waiter[] = []
  private stderr = ''

  constructor(command: string, args: string[], workspaces: string[], env: NodeJS.ProcessEnv = process.env) {
    this.server = spawn(command, args, {cwd: workspaces[0], env, stdio: ['pipe', 'pipe', 'pipe']})
    this.server.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk))
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.server.stdout),
      new StreamMessageWriter(this.server.stdin)
    )
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.history.push(params)
      const waiter = this.waiters.find((candidate) => candidate.accepts(params))
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1)
        waiter.resolve(params)
      } else {
        this.published.push(params)
      }
    })
    this.connection.listen()
    const folders = workspaces.map((dir) => ({uri: pathToFileURL(dir).href, name: dir}))
    this.initialized = this.connection
      .sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folders[0]?.uri ?? null,
        workspaceFolders: folders,
        capabilities: {textDocument: {publishDiagnostics: {codeDescriptionSupport: true, versionSupport: true}}}
      })
      .then(async (result) => {
        await this.connection.sendNotification(InitializedNotification.type, {})
        return result
      })
  }

  /** The next diagnostics the server publishes for `uri` at `version`. */
  diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    const accepts = (params: PublishDiagnosticsParams): boolean => params.uri === uri && params.version === version
    const early = this.published.find(accepts)
    if (early) {
      this.published.splice(this.published.indexOf(early), 1)
      return Promise.resolve(early.diagnostics)
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`No diagnostics for ${uri} version ${version} within ${WAIT_MS} ms. Server stderr:\n${this.stderr}`))
      }, WAIT_MS)
      this.waiters.push({
        accepts,
        resolve: (params) => {
          clearTimeout(timer)
          resolve(params.diagnostics)
        }
      })
    })
  }

  async open(uri: string, text: string): Promise<void> {
    await this.initialized
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId: 'markdown', version: 1, text}
    })
  }

  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: {uri, version},
      contentChanges: [{text}]
    })
  }

  async format(uri: string): Promise<TextEdit[] | null> {
    return this.connection.sendRequest(DocumentFormattingRequest.type, {textDocument: {uri}, options: {tabSize: 2, insertSpaces: true}})
  }

  /** Sends the editor's settings, as a client that is not asked for them does on each change. */
  async configure(settings: unknown): Promise<void> {
    await this.initialized
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {settings})
  }

  async closeDocument(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, {textDocument: {uri}})
  }

  async codeActions(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const [first] = diagnostics
    if (!first) throw new Error('Code actions are asked for diagnostics')
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: {uri},
      range: first.range,
      context: {diagnostics}
    })
    return (result ?? []).filter((action): action is CodeAction => 'edit' in action || 'kind' in action)
  }

  /** Shuts the server down the way an editor does, and waits for it to exit. */
  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.server.exitCode !== null) resolve(this.server.exitCode)
      else this.server.once('exit', (code) => resolve(code))
    })
    try {
      await this.connection.sendRequest(ShutdownRequest.type)
      await this.connection.sendNotification(ExitNotification.type)
    } finally {
      this.connection.dispose()
    }
    const timer = setTimeout(() => this.server.kill(), WAIT_MS)
    const code = await exited
    clearTimeout(timer)
    return code
  }
}
