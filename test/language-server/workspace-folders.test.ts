import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import type {Message} from 'vscode-languageserver/node.js'
import {WorkspaceFolders} from '../../src/clients/language-server/workspace-folders.js'

const root = path.resolve('/work/space')
const uri = (folder: string): string => pathToFileURL(path.join(root, folder)).href
const message = (method: string, params: unknown): Message => ({jsonrpc: '2.0', method, params}) as unknown as Message

describe('WorkspaceFolders', () => {
  it('names the deepest opened folder that holds a document, else the document\'s folder', () => {
    const folders = new WorkspaceFolders()
    folders.fromEditor(message('initialize', {workspaceFolders: [{uri: uri('a'), name: 'a'}, {uri: uri('a/b'), name: 'b'}]}))
    expect(folders.folderOf(path.join(root, 'a/b/c/incident.md'))).toBe(path.join(root, 'a/b'))
    expect(folders.folderOf(path.join(root, 'a/incident.md'))).toBe(path.join(root, 'a'))
    expect(folders.folderOf(path.join(root, 'elsewhere/incident.md'))).toBe(path.join(root, 'elsewhere'))
  })

  it('follows folders added and removed, and a root URI alone', () => {
    const folders = new WorkspaceFolders()
    folders.fromEditor(message('initialize', {rootUri: uri('a')}))
    folders.fromEditor(message('workspace/didChangeWorkspaceFolders', {event: {added: [{uri: uri('b'), name: 'b'}], removed: [{uri: uri('a'), name: 'a'}]}}))
    expect(folders.folderOf(path.join(root, 'b/x/incident.md'))).toBe(path.join(root, 'b'))
    expect(folders.folderOf(path.join(root, 'a/x/incident.md'))).toBe(path.join(root, 'a/x'))
  })
})
