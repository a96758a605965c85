import type {Message} from 'vscode-languageserver/node.js'
import {ruleNames} from './builtin-preset.js'
import {explainConfigFile} from './config-problem.js'

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
const CANNOT_PARSE = /^Cannot parse file `(.+)`$/

function oneLineMessage(message: string, documentUri: string): string {
  if (!message.startsWith(CANNOT_PROCESS)) return message
  const cause = message.slice(CANNOT_PROCESS.length).split(/\r\n|\r|\n/)[0] ?? ''
  const said = cause.replace(ERROR_NAME, '').trim()
  if (said === '') return message
  const named = CANNOT_PARSE.exec(said)?.[1]
  return (named && explainConfigFile(named, documentUri, ruleNames)) || said
}

/**
 * A publication of diagnostics with each configuration error in one line,
 * and no message ending in a line break: unified-language-server appends a
 * cause's stack, which a rule's related place (a `VFileMessage`) has empty.
 */
export function withOneLineErrors(message: Message): Message {
  const {method, params} = message as {method?: unknown; params?: {diagnostics?: unknown}}
  if (method !== 'textDocument/publishDiagnostics' || !params || !Array.isArray(params.diagnostics)) return message
  const uri = typeof (params as {uri?: unknown}).uri === 'string' ? (params as {uri: string}).uri : ''
  const diagnostics: unknown[] = params.diagnostics.map((diagnostic: unknown) => {
    const text = (diagnostic as {message?: unknown} | null)?.message
    if (typeof text !== 'string' || !/[\r\n]/.test(text)) return diagnostic
    return {...(diagnostic as object), message: text.startsWith(CANNOT_PROCESS) ? oneLineMessage(text, uri) : text.trimEnd()}
  })
  return {...message, params: {...params, diagnostics}} as Message
}
