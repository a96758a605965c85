import type {Message} from 'vscode-languageserver/node.js'

/**
 * How long an edit waits for the lint before it. A lint that never publishes
 * (a document the workspace ignores, a crash) must not hold edits back for
 * good; after this the edit goes on, as it would without the relay.
 */
const LINT_PATIENCE_MS = 5000

type Send = (message: Message) => void

interface DocumentState {
  /** The version whose lint the server is running, and the timer that stops waiting for it. */
  linting?: {version: number; timer: NodeJS.Timeout}
  /** The newest edit that arrived while a lint ran: the only one of them worth linting. */
  pending?: Message
  /** The newest version whose diagnostics the editor was sent. */
  shown?: number
}

interface DocumentMessage {
  method?: unknown
  params?: {uri?: unknown; version?: unknown; diagnostics?: unknown; textDocument?: {uri?: unknown; version?: unknown}; contentChanges?: unknown}
}

function fieldsOf(message: Message): DocumentMessage {
  const {params} = message as DocumentMessage
  return {method: (message as DocumentMessage).method, params: params && typeof params === 'object' ? params : undefined}
}

function documentOf(message: Message): string | undefined {
  const uri = fieldsOf(message).params?.textDocument?.uri
  return typeof uri === 'string' ? uri : undefined
}

function versionOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** An edit that sends the whole text (what a server with full sync is sent) makes every earlier edit moot. */
function replacesText(message: Message): boolean {
  const {method, params} = fieldsOf(message)
  const changes = params?.contentChanges
  return (
    method === 'textDocument/didChange' &&
    versionOf(params?.textDocument?.version) !== undefined &&
    Array.isArray(changes) &&
    changes.some((change: unknown) => Boolean(change) && typeof change === 'object' && !('range' in (change as object)))
  )
}

/**
 * The relay's policy, per document: at most one lint runs and one edit waits
 * (the newest; those it replaced are never linted), and diagnostics of a
 * version older than ones the editor already shows are not sent.
 */
export class DocumentTraffic {
  private readonly documents = new Map<string, DocumentState>()

  constructor(
    private readonly toServer: Send,
    private readonly toEditor: Send
  ) {}

  fromEditor(message: Message): void {
    const uri = documentOf(message)
    if (uri === undefined) return this.toServer(message)
    const {method} = fieldsOf(message)
    const state = this.documents.get(uri)
    if (state && replacesText(message)) {
      if (state.linting) state.pending = message
      else this.lint(state, message)
      return
    }
    if (method === 'textDocument/didOpen') {
      if (state) this.forget(uri, state)
      const fresh: DocumentState = {}
      this.documents.set(uri, fresh)
      return this.lint(fresh, message)
    }
    if (method === 'textDocument/didClose') {
      if (state) this.forget(uri, state)
      return this.toServer(message)
    }
    // Anything else about the document (a quick fix, formatting, an edit in
    // parts) must see its newest text: the waiting edit goes first.
    if (state?.pending) this.lint(state, state.pending)
    this.toServer(message)
  }

  fromServer(message: Message): void {
    const {method, params} = fieldsOf(message)
    const uri = params?.uri
    if (method !== 'textDocument/publishDiagnostics' || typeof uri !== 'string') return this.toEditor(message)
    const state = this.documents.get(uri)
    const version = versionOf(params?.version)
    // A closed document keeps only the empty list the server sends on closing.
    if (!state) return Array.isArray(params?.diagnostics) && params.diagnostics.length === 0 ? this.toEditor(message) : undefined
    if (version !== undefined && state.shown !== undefined && version < state.shown) return
    if (version !== undefined) state.shown = version
    this.toEditor(message)
    if (state.linting && (version === undefined || version >= state.linting.version)) this.lintEnded(state)
  }

  dispose(): void {
    for (const state of this.documents.values()) clearTimeout(state.linting?.timer)
    this.documents.clear()
  }

  private lint(state: DocumentState, edit: Message): void {
    clearTimeout(state.linting?.timer)
    state.pending = undefined
    const version = versionOf(fieldsOf(edit).params?.textDocument?.version)
    if (version !== undefined) {
      const timer = setTimeout(() => this.lintEnded(state), LINT_PATIENCE_MS)
      timer.unref()
      state.linting = {version, timer}
    }
    this.toServer(edit)
  }

  private lintEnded(state: DocumentState): void {
    clearTimeout(state.linting?.timer)
    state.linting = undefined
    if (state.pending) this.lint(state, state.pending)
  }

  private forget(uri: string, state: DocumentState): void {
    clearTimeout(state.linting?.timer)
    this.documents.delete(uri)
  }
}
