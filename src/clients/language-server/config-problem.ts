import fs from 'node:fs'
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import {configFileMentioning} from '../../lint/config-file.js'
import {unknownRuleReason} from '../shared/config.js'

/** A document as unified-engine sees it: its path, and the folder it is linted in. */
export interface LintedDocument {
  cwd: string
  path: string
}

// A rule subpath of this package as a configuration names it, in any format.
const RULE_SUBPATH = /((?:remark-)?preset-lint-postmortem\/rules\/)([\w.-]+)/g
const CANNOT_PARSE = /^Cannot parse file `(.+)`$/
const CANNOT_FIND = /^Cannot find module `(.+)`$/

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

/** Why unified-engine could not load the configuration file `named`: a rule subpath that names no rule, or its syntax. */
function whyNotLoaded(named: string, document: LintedDocument, ruleNames: readonly string[]): string | undefined {
  let text: string
  try {
    text = fs.readFileSync(path.resolve(document.cwd, named), 'utf8')
  } catch {
    return undefined
  }
  const unknownRule = unknownRuleIn(text, ruleNames)
  if (unknownRule) return `${unknownRule} (in ${named})`
  const syntax = syntaxError(named, text)
  return syntax ? `Cannot parse file \`${named}\`: ${syntax}` : undefined
}

/**
 * The error line unified-language-server shows for a configuration that
 * could not be used, made to say what postmortem-lint says of it.
 * unified-language-server leaves out an error's causes: of a configuration
 * file it could not load, "Cannot parse file `docs/.remarkrc.json`" is all
 * that is left, so the file is read to say why (a rule subpath that names no
 * rule, with a did-you-mean; the syntax error); "Cannot find module `x`"
 * gets the configuration file that names `x`.
 */
export function explainConfigError(said: string, document: LintedDocument, ruleNames: readonly string[]): string {
  const named = CANNOT_PARSE.exec(said)?.[1]
  if (named) return whyNotLoaded(named, document, ruleNames) ?? said
  const missing = CANNOT_FIND.exec(said)?.[1]
  const config = missing ? configFileMentioning(document, missing) : undefined
  return config ? `${said} (in ${config})` : said
}
