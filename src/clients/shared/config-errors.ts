import path from 'node:path'
import type {VFile} from 'vfile'
import {closestName} from '../../lint/options.js'
import {ConfigFinder} from './config-finder.js'

// What unified-engine says of a file whose configuration could not be used.
const CANNOT_PROCESS = 'Cannot process file'
const RULE_PATH = /^(remark-preset-lint-postmortem\/rules\/)(.+)$/

/** The configuration file the engine found for `file`, found the way it finds them. */
function configFileOf(file: VFile): string | undefined {
  if (!file.path) return undefined
  const found = new ConfigFinder({allowExecutable: true}).find(path.resolve(file.cwd, file.path))
  return found ? path.relative(file.cwd, found) : undefined
}

/** "Cannot find module `…/rules/duration-consistancy`", with the rule it was likely meant to be. */
function withSuggestion(reason: string, ruleNames: readonly string[]): string {
  const missing = /^Cannot find module `([^`]+)`/.exec(reason)?.[1]
  const rule = missing ? RULE_PATH.exec(missing) : null
  if (!rule) return reason
  const closest = closestName(rule[2] ?? '', ruleNames, 4)
  return closest ? `${reason} (did you mean \`${rule[1]}${closest}\`?)` : `${reason} (rules: ${ruleNames.map((name) => `\`${name}\``).join(', ')})`
}

/**
 * unified-engine reports a configuration it cannot use (a wrong option, a
 * plugin it cannot find) as "Cannot process file" with the error as a cause,
 * printed with its stack. Made one line instead: what is wrong, with a
 * did-you-mean, and in which configuration file; the stack only with
 * `--verbose`.
 */
export function flattenConfigErrors(files: readonly VFile[], ruleNames: readonly string[], verbose: boolean): void {
  for (const file of files) {
    for (const message of file.messages) {
      if (message.reason !== CANNOT_PROCESS || !(message.cause instanceof Error)) continue
      const config = configFileOf(file)
      const said = withSuggestion(message.cause.message.split('\n')[0] ?? '', ruleNames)
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
