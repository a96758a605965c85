import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {type Level, type ReportOptions, levelOf, rangeOf, relativePath, reportedMessages} from './shared.js'

export type {ReportOptions} from './shared.js'

const COMMANDS: Record<Level, string> = {error: 'error', warning: 'warning', info: 'notice'}

// The escapes of the runner (and of @actions/core): data ends at a line break,
// and properties also at `,` and `:`.
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function commandOf(file: VFile, message: VFileMessage, options: ReportOptions): string {
  const properties: Array<[string, string | number]> = []
  const filePath = relativePath(file, options)
  if (filePath !== '') properties.push(['file', filePath])
  const range = rangeOf(message)
  if (range) {
    properties.push(['line', range.start.line])
    if (range.end) properties.push(['endLine', range.end.line])
    properties.push(['col', range.start.column])
    if (range.end) properties.push(['endColumn', range.end.column])
  }
  if (message.ruleId) properties.push(['title', message.ruleId])
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
  return `::${COMMANDS[levelOf(message)]}${list === '' ? '' : ` ${list}`}::${escapeData(message.reason)}`
}

/**
 * One GitHub Actions workflow command per message (`::warning file=…,line=…,
 * endLine=…,col=…,endColumn=…,title=<rule id>::reason`), so that each message
 * becomes an annotation on its lines: `::error` for errors (fatal messages),
 * `::warning` for warnings, `::notice` for information.
 */
export function toGithubCommands(files: readonly VFile[], options: ReportOptions = {}): string[] {
  return files.flatMap((file) => reportedMessages(file, options).map((message) => commandOf(file, message, options)))
}
