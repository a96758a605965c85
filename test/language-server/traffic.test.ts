import type {Message} from 'vscode-languageserver/node.js'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {withOneLineErrors} from '../../src/clients/language-server/diagnostics.js'
import {QuickFixTitles, oneLineTitle} from '../../src/clients/language-server/titles.js'
import {DocumentTraffic} from '../../src/clients/language-server/traffic.js'

/**
 * The relay's policy between an editor and unified-language-server, message
 * by message: what reaches the linter and what reaches the editor.
 */

const URI = 'file:///work/incident.md'

const open = (version: number): Message =>
  ({jsonrpc: '2.0', method: 'textDocument/didOpen', params: {textDocument: {uri: URI, languageId: 'markdown', version, text: `v${version}`}}}) as Message
const edit = (version: number, range = false): Message =>
  ({
    jsonrpc: '2.0',
    method: 'textDocument/didChange',
    params: {textDocument: {uri: URI, version}, contentChanges: [range ? {range: {start: {line: 0, character: 0}, end: {line: 0, character: 1}}, text: 'x'} : {text: `v${version}`}]}
  }) as Message
const close = (): Message => ({jsonrpc: '2.0', method: 'textDocument/didClose', params: {textDocument: {uri: URI}}}) as Message
const codeAction = (id: number): Message =>
  ({jsonrpc: '2.0', id, method: 'textDocument/codeAction', params: {textDocument: {uri: URI}, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, context: {diagnostics: []}}}) as Message
const published = (version: number | undefined, count = 1): Message =>
  ({jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: {uri: URI, version, diagnostics: Array.from({length: count}, () => ({message: 'x'}))}}) as Message

function relay(): {traffic: DocumentTraffic; linter: Message[]; editor: Message[]} {
  const linter: Message[] = []
  const editor: Message[] = []
  return {traffic: new DocumentTraffic((message) => linter.push(message), (message) => editor.push(message)), linter, editor}
}

const versions = (messages: Message[]): unknown[] =>
  messages.map((message) => {
    const params = (message as {params?: {version?: number; textDocument?: {version?: number}}}).params
    return params?.textDocument?.version ?? params?.version
  })

afterEach(() => {
  vi.useRealTimers()
})

describe('DocumentTraffic', () => {
  it('lints the first edit at once and, of the edits that arrive during its lint, only the newest', () => {
    const {traffic, linter} = relay()
    traffic.fromEditor(open(1))
    traffic.fromServer(published(1))
    traffic.fromEditor(edit(2))
    traffic.fromEditor(edit(3))
    traffic.fromEditor(edit(4))
    expect(versions(linter)).toEqual([1, 2])
    traffic.fromServer(published(2))
    expect(versions(linter)).toEqual([1, 2, 4])
  })

  it('does not send diagnostics older than ones the editor shows', () => {
    const {traffic, editor} = relay()
    traffic.fromEditor(open(1))
    traffic.fromServer(published(3))
    traffic.fromServer(published(2))
    traffic.fromServer(published(3, 2))
    expect(versions(editor)).toEqual([3, 3])
  })

  it('sends a waiting edit before any other message about the document, so a quick fix sees the newest text', () => {
    const {traffic, linter} = relay()
    traffic.fromEditor(open(1))
    traffic.fromEditor(edit(2))
    traffic.fromEditor(codeAction(7))
    expect(linter.map((message) => (message as {method?: string}).method)).toEqual(['textDocument/didOpen', 'textDocument/didChange', 'textDocument/codeAction'])
  })

  it('passes an edit in parts straight on, after the waiting whole text', () => {
    const {traffic, linter} = relay()
    traffic.fromEditor(open(1))
    traffic.fromEditor(edit(2))
    traffic.fromEditor(edit(3, true))
    expect(versions(linter)).toEqual([1, 2, 3])
  })

  it('drops the waiting edit on close and sends only the empty list for a closed document', () => {
    const {traffic, linter, editor} = relay()
    traffic.fromEditor(open(1))
    traffic.fromEditor(edit(2))
    traffic.fromEditor(close())
    traffic.fromServer(published(1, 0))
    traffic.fromServer(published(1, 3))
    expect(versions(linter)).toEqual([1, undefined])
    expect(editor).toHaveLength(1)
  })

  it('stops waiting for a lint that never publishes', () => {
    vi.useFakeTimers()
    const {traffic, linter} = relay()
    traffic.fromEditor(open(1))
    traffic.fromEditor(edit(2))
    expect(versions(linter)).toEqual([1])
    vi.advanceTimersByTime(10_000)
    expect(versions(linter)).toEqual([1, 2])
    traffic.dispose()
  })

  it('passes on what is not about a document, and messages of any shape, untouched', () => {
    const {traffic, linter, editor} = relay()
    const odd = [{jsonrpc: '2.0', id: 1, result: null}, {jsonrpc: '2.0', method: 42, params: 'x'}, {jsonrpc: '2.0', method: 'textDocument/didChange', params: {textDocument: {uri: 7}}}] as unknown as Message[]
    for (const message of odd) traffic.fromEditor(message)
    for (const message of odd) traffic.fromServer(message)
    traffic.fromServer({jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: null} as unknown as Message)
    expect(linter).toEqual(odd)
    expect(editor).toHaveLength(odd.length + 1)
  })
})

describe('QuickFixTitles', () => {
  it('makes the title of each quick fix one line, and only of answers to quick-fix requests', () => {
    const titles = new QuickFixTitles()
    titles.fromEditor({jsonrpc: '2.0', id: 4, method: 'textDocument/codeAction', params: {}} as Message)
    const answer = titles.fromServer({
      jsonrpc: '2.0',
      id: 4,
      result: [{title: 'Insert `\n## Root cause\n\n`'}, {title: 'Replace `10:05\nUTC` with `10:05 UTC`'}, {title: 'Insert `## Timeline\n\n- 10:05 UTC …\n`'}, {title: 'Remove `x`'}, null]
    } as unknown as Message) as unknown as {result: Array<{title: string} | null>}
    expect(answer.result.map((action) => action?.title)).toEqual(['Insert `## Root cause`', 'Replace `10:05 …` with `10:05 UTC`', 'Insert `## Timeline …`', 'Remove `x`', undefined])
    const other = {jsonrpc: '2.0', id: 5, result: [{title: 'a\nb'}]} as unknown as Message
    expect(titles.fromServer(other)).toBe(other)
  })

  it('cuts a long quoted text with an ellipsis', () => {
    expect(oneLineTitle(`Insert \`${'word '.repeat(40)}\``)).toMatch(/^Insert `(?:word ){11}word…`$/)
    expect(oneLineTitle('Something\nelse')).toBe('Something else')
  })
})

describe('withOneLineErrors', () => {
  it('keeps only the error line of a configuration the linter could not use', () => {
    const publication = {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: {
        uri: 'file:///x.md',
        diagnostics: [
          {message: 'Cannot process file\nError: postmortem-time-zone: invalid option `zone`: expected …\n    at validate (file:///lib/src/rule.js:1:1)'},
          {message: 'Unexpected missing timeline section, expected a heading such as `## Timeline`'},
          {message: 'Unexpected timeline entry at `10:05` after the entry at `10:20`, expected chronological order\n'}
        ]
      }
    } as unknown as Message
    const sent = withOneLineErrors(publication) as unknown as {params: {diagnostics: Array<{message: string}>}}
    expect(sent.params.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'postmortem-time-zone: invalid option `zone`: expected …',
      'Unexpected missing timeline section, expected a heading such as `## Timeline`',
      'Unexpected timeline entry at `10:05` after the entry at `10:20`, expected chronological order'
    ])
  })
})
