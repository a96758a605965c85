import {fileURLToPath} from 'node:url'
import type {Message} from 'vscode-languageserver/node.js'
import {ruleNames} from './builtin-preset.js'
import {type LintedDocument, explainConfigError} from './config-problem.js'
import type {WorkspaceFolders} from './workspace-folders.js'

/**
 * unified-language-server shows a configuration it cannot use (a wrong
 * option, a plugin it cannot find) as "Cannot process file" followed by the
 * error's stack. The error's own line is what a user needs: the relay sends
 * that line alone. Of a configuration file it could not load, that line says
 * only "Cannot parse file `docs/.remarkrc.json`", its causes being left out:
 * the relay reads the file to say why.
 */
const CANNOT_PROCESS = 'Cannot process file\n'
const ERROR_NAME = /^(?:[A-Z][A-Za-z]*Error|Error): /

function oneLineMessage(message: string, document: LintedDocument | undefined): string {
  if (!message.startsWith(CANNOT_PROCESS)) return message
  const cause = message.slice(CANNOT_PROCESS.length).split(/\r\n|\r|\n/)[0] ?? ''
  const said = cause.replace(ERROR_NAME, '').trim()
  if (said === '') return message
  return document ? explainConfigError(said, document, ruleNames) : said
}

/** The document a publication is of, and the folder it was linted in, when it is a file. */
function documentOf(uri: unknown, folders: WorkspaceFolders | undefined): LintedDocument | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:') || !folders) return undefined
  const documentPath = fileURLToPath(uri)
  return {cwd: folders.folderOf(documentPath), path: documentPath}
}

/**
 * A publication of diagnostics with each configuration error in one line,
 * and no message ending in a line break: unified-language-server appends a
 * cause's stack, which a rule's related place (a `VFileMessage`) has empty.
 */
export function withOneLineErrors(message: Message, folders?: WorkspaceFolders): Message {
  const {method, params} = message as {method?: unknown; params?: {diagnostics?: unknown}}
  if (method !== 'textDocument/publishDiagnostics' || !params || !Array.isArray(params.diagnostics)) return message
  const document = documentOf((params as {uri?: unknown}).uri, folders)
  const diagnostics: unknown[] = params.diagnostics.map((diagnostic: unknown) => {
    const text = (diagnostic as {message?: unknown} | null)?.message
    if (typeof text !== 'string' || !/[\r\n]/.test(text)) return diagnostic
    return {...(diagnostic as object), message: text.startsWith(CANNOT_PROCESS) ? oneLineMessage(text, document) : text.trimEnd()}
  })
  return {...message, params: {...params, diagnostics}} as Message
}
