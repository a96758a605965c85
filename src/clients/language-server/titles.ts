import type {Message} from 'vscode-languageserver/node.js'

/**
 * unified-language-server titles a quick fix with the text it inserts or
 * replaces, line breaks and all ("Insert `## Root cause⏎⏎`"): editors show
 * such a title cut, or over several lines of a menu. The relay rewrites the
 * titles of the quick fixes it passes to the editor so each is one line.
 */

/** Characters of a quoted text kept in a title before it is cut with an ellipsis. */
const QUOTE_ROOM = 60

const LINE_BREAK = /\r\n|\r|\n/

const QUICK_FIX_METHODS = new Set(['textDocument/codeAction', 'codeAction/resolve'])

/** A quoted text as one line: its first line with content, an ellipsis if more follows or it is long. */
function oneLineQuote(text: string): string {
  const lines = text.split(LINE_BREAK).map((line) => line.trim()).filter(Boolean)
  const first = lines[0] ?? ''
  if (first.length > QUOTE_ROOM) return `${first.slice(0, QUOTE_ROOM).trimEnd()}…`
  return lines.length > 1 ? `${first} …` : first
}

/** The quoted texts of unified-language-server's three titles, read without a pattern that could backtrack. */
function quotedParts(title: string): {verb: string; quoted: string[]} | undefined {
  if (!title.endsWith('`')) return undefined
  for (const verb of ['Insert', 'Remove']) {
    if (title.startsWith(`${verb} \``)) return {verb, quoted: [title.slice(verb.length + 2, -1)]}
  }
  const join = title.indexOf('` with `')
  if (!title.startsWith('Replace `') || join === -1) return undefined
  return {verb: 'Replace', quoted: [title.slice('Replace `'.length, join), title.slice(join + '` with `'.length, -1)]}
}

export function oneLineTitle(title: string): string {
  if (!LINE_BREAK.test(title) && title.length <= QUOTE_ROOM * 2) return title
  const parts = quotedParts(title)
  if (!parts) return title.split(LINE_BREAK).map((line) => line.trim()).filter(Boolean).join(' ')
  const [first = '', second] = parts.quoted.map(oneLineQuote)
  return second === undefined ? `${parts.verb} \`${first}\`` : `Replace \`${first}\` with \`${second}\``
}

function withOneLineTitle(action: unknown): unknown {
  if (!action || typeof action !== 'object' || typeof (action as {title?: unknown}).title !== 'string') return action
  return {...action, title: oneLineTitle((action as {title: string}).title)}
}

/** Remembers the editor's quick-fix requests, and gives their answers one-line titles. */
export class QuickFixTitles {
  private readonly asked = new Set<number | string>()

  fromEditor(message: Message): void {
    const {id, method} = message as {id?: unknown; method?: unknown}
    if ((typeof id === 'number' || typeof id === 'string') && typeof method === 'string' && QUICK_FIX_METHODS.has(method)) this.asked.add(id)
  }

  fromServer(message: Message): Message {
    const {id, result} = message as {id?: unknown; method?: unknown; result?: unknown}
    if ((typeof id !== 'number' && typeof id !== 'string') || 'method' in message || !this.asked.delete(id)) return message
    if (Array.isArray(result)) return {...message, result: result.map(withOneLineTitle)} as Message
    return {...message, result: withOneLineTitle(result)} as Message
  }
}
