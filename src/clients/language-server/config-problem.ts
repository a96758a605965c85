import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse as parseYaml} from 'yaml'
import {unknownRuleReason} from '../shared/config.js'

// A rule subpath of this package as a configuration names it, in any format.
const RULE_SUBPATH = /((?:remark-)?preset-lint-postmortem\/rules\/)([\w.-]+)/g

/**
 * The configuration file that unified-engine named relative to the
 * workspace folder (`docs/.remarkrc.json`), found from the document's folder
 * up: the relay is not told the workspace folder the document is linted in.
 */
function locate(named: string, documentUri: string): string | undefined {
  if (!documentUri.startsWith('file:')) return undefined
  for (let folder = path.dirname(fileURLToPath(documentUri)); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, named)
    if (fs.existsSync(candidate)) return candidate
    if (path.dirname(folder) === folder) return undefined
  }
}

/** A rule subpath in `text` that names none of `ruleNames`, said with the rule it was likely meant to be. */
function unknownRuleIn(text: string, ruleNames: readonly string[]): string | undefined {
  for (const [, prefix = '', written = ''] of text.matchAll(RULE_SUBPATH)) {
    const name = written.replace(/\.js$/, '')
    if (!ruleNames.includes(name)) return unknownRuleReason(prefix, name, ruleNames)
  }
  return undefined
}

/** The syntax error of a JSON or YAML configuration, in one line. */
function syntaxError(file: string, text: string): string | undefined {
  try {
    if (/\.ya?ml$/.test(file)) parseYaml(text)
    else if (!/\.[cm]?js$/.test(file)) JSON.parse(text)
    return undefined
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.replace(/:\s*$/, '')
  }
}

/**
 * Why unified-engine could not load the configuration file it names as
 * `named` ("Cannot parse file `named`", whose causes unified-language-server
 * leaves out): a rule subpath that names no rule, with a did-you-mean, or
 * the file's syntax error. Undefined when its text does not tell.
 */
export function explainConfigFile(named: string, documentUri: string, ruleNames: readonly string[]): string | undefined {
  const file = locate(named, documentUri)
  if (!file) return undefined
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const unknownRule = unknownRuleIn(text, ruleNames)
  if (unknownRule) return `${unknownRule} (in ${named})`
  const syntax = syntaxError(file, text)
  return syntax ? `Cannot parse file \`${named}\`: ${syntax}` : undefined
}
