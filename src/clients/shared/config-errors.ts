import path from 'node:path'
import type {VFile} from 'vfile'
import {ConfigFinder} from './config-finder.js'

// What unified-engine says of a file whose configuration could not be used.
const CANNOT_PROCESS = 'Cannot process file'
// What it says of a configuration file it cannot read or load.
const CANNOT_PARSE = 'Cannot parse file'

/** The configuration file the engine found for `file`, found the way it finds them. */
function configFileOf(file: VFile): string | undefined {
  if (!file.path) return undefined
  const found = new ConfigFinder({allowExecutable: true}).find(path.resolve(file.cwd, file.path))
  return found ? path.relative(file.cwd, found) : undefined
}

// parse-json adds the text it read and the file's absolute path to a JSON
// error: both are beside the point. Cut at the first occurrence (a pattern
// ending in `.*$` would rescan from every later match: polynomial).
const JSON_ERROR_TAIL = ' while parsing '

function firstLine(error: Error): string {
  const line = error.message.split('\n')[0] ?? ''
  const tail = line.indexOf(JSON_ERROR_TAIL)
  return (tail < 0 ? line : line.slice(0, tail)).replace(/:\s*$/, '')
}

/**
 * What went wrong, in one line: "Cannot parse file `.remarkrc.json`" says
 * where, its cause says what (the JSON or YAML error, the module that cannot
 * be imported).
 */
function whatWentWrong(error: Error): string {
  const said = firstLine(error)
  return said.startsWith(CANNOT_PARSE) && error.cause instanceof Error ? `${said}: ${firstLine(error.cause)}` : said
}

/**
 * unified-engine reports a configuration it cannot use (a wrong option, a
 * plugin it cannot find) as "Cannot process file" with the error as a cause,
 * printed with its stack. Made one line instead: what is wrong, with a
 * did-you-mean, and in which configuration file; the stack only with
 * `--verbose`.
 */
export function flattenConfigErrors(files: readonly VFile[], verbose: boolean): void {
  for (const file of files) {
    for (const message of file.messages) {
      if (message.reason !== CANNOT_PROCESS || !(message.cause instanceof Error)) continue
      const config = configFileOf(file)
      const said = whatWentWrong(message.cause)
      const reason = config && !said.includes(config) ? `${said} (in ${config})` : said
      message.reason = reason
      message.message = reason
      if (!verbose) {
        message.cause = undefined
        message.stack = undefined
      }
    }
  }
}
