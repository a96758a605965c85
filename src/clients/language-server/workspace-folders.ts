import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Message} from 'vscode-languageserver/node.js'

function pathOf(uri: unknown): string | undefined {
  return typeof uri === 'string' && uri.startsWith('file:') ? fileURLToPath(uri) : undefined
}

function urisOf(folders: unknown): unknown[] {
  return Array.isArray(folders) ? folders.map((folder) => (folder as {uri?: unknown} | null)?.uri) : []
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/**
 * The workspace folders the editor opened, read from what it sends. The
 * relay names a configuration file relative to the folder a document is
 * linted in, as unified-engine names files: unified-language-server lints a
 * document in the workspace folder that holds it.
 */
export class WorkspaceFolders {
  private readonly folders = new Set<string>()

  fromEditor(message: Message): void {
    const {method, params} = message as {method?: unknown; params?: Record<string, unknown> | null}
    if (!params) return
    if (method === 'initialize') {
      const given = Array.isArray(params.workspaceFolders) ? urisOf(params.workspaceFolders) : [params.rootUri]
      for (const folder of given.map(pathOf)) if (folder) this.folders.add(folder)
    } else if (method === 'workspace/didChangeWorkspaceFolders') {
      const {added, removed} = (params.event ?? {}) as {added?: unknown; removed?: unknown}
      for (const folder of urisOf(removed).map(pathOf)) if (folder) this.folders.delete(folder)
      for (const folder of urisOf(added).map(pathOf)) if (folder) this.folders.add(folder)
    }
  }

  /** The deepest workspace folder that holds the document, else the document's own folder. */
  folderOf(documentPath: string): string {
    const holding = [...this.folders].filter((folder) => isInside(documentPath, folder))
    return holding.sort((a, b) => b.length - a.length)[0] ?? path.dirname(documentPath)
  }
}
