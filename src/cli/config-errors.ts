import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import {closestName} from '../options.js'

// What unified-engine says of a file whose configuration could not be used.
const CANNOT_PROCESS = 'Cannot process file'
const CONFIG_NAMES = ['.remarkrc', '.remarkrc.json', '.remarkrc.yaml', '.remarkrc.yml', '.remarkrc.js', '.remarkrc.cjs', '.remarkrc.mjs']
const RULE_PATH = /^(remark-preset-lint-postmortem\/rules\/)(.+)$/

/** The configuration file the engine found for `file`: the nearest one in its folder or above. */
function configFileOf(file: VFile): string | undefined {
  if (!file.path) return undefined
  for (let dir = path.dirname(path.resolve(file.cwd, file.path)); ; dir = path.dirname(dir)) {
    const found = CONFIG_NAMES.find((name) => fs.existsSync(path.join(dir, name)))
    if (found) return path.relative(file.cwd, path.join(dir, found))
    const manifest = path.join(dir, 'package.json')
    if (fs.existsSync(manifest) && /"remarkConfig"\s*:/.test(fs.readFileSync(manifest, 'utf8'))) return path.relative(file.cwd, manifest)
    if (path.dirname(dir) === dir) return undefined
  }
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
