import type {ConfigTransform, Preset as EnginePreset} from 'unified-engine'
import type {Pluggable, Plugin, Preset} from 'unified'
import {attachedByEngine, failEachFile} from '../../lint/config-file.js'
import {ConfigurationError, closestName} from '../../lint/options.js'
import type {PostmortemRule} from '../../lint/rule.js'

export const PACKAGE_NAME = 'remark-preset-lint-postmortem'
// How a configuration can name the package: unified-engine also tries the
// `remark-` prefix, so `preset-lint-postmortem` means the same.
const NAMES = [PACKAGE_NAME, PACKAGE_NAME.slice('remark-'.length)]
const RULES_PATH = '/rules/'

export interface OwnModules {
  preset: Preset
  rules: Record<string, PostmortemRule>
}

/**
 * What to say of a `/rules/<name>` subpath that names no rule: the rule it was
 * likely meant to be, or else every rule.
 */
export function unknownRuleReason(prefix: string, ruleName: string, ruleNames: readonly string[]): string {
  const closest = closestName(ruleName, ruleNames, 4)
  const hint = closest ? `did you mean \`${prefix}${closest}\`?` : `rules: ${ruleNames.map((name) => `\`${name}\``).join(', ')}`
  return `Cannot find module \`${prefix}${ruleName}\` (${hint})`
}

/**
 * A plugin for a `/rules/<name>` subpath that names no rule: each file then
 * says so in one line, with the rule it was likely meant to be, where
 * unified-engine would say "Cannot process file" over three nested causes.
 */
function unknownRule(specifier: string, prefix: string, ruleName: string, own: OwnModules): Plugin<[unknown?, unknown?]> {
  const names = Object.values(own.rules).map((rule) => rule.meta.name)
  const error = new ConfigurationError(unknownRuleReason(prefix, ruleName, names), specifier)
  return function (_options, fileSet) {
    if (attachedByEngine(fileSet)) return failEachFile(error)
    throw error
  }
}

/** The preset or rule that `specifier` names in this package, if it names one. */
function ownModule(specifier: string, own: OwnModules): Preset | PostmortemRule | Plugin<[unknown?, unknown?]> | undefined {
  const name = NAMES.find((candidate) => specifier === candidate || specifier.startsWith(candidate + RULES_PATH))
  if (!name) return undefined
  if (specifier === name) return own.preset
  const ruleName = specifier.slice(name.length + RULES_PATH.length).replace(/\.js$/, '')
  return Object.values(own.rules).find((rule) => rule.meta.name === ruleName) ?? unknownRule(specifier, name + RULES_PATH, ruleName, own)
}

function mapEntry(entry: unknown, own: OwnModules): unknown {
  if (typeof entry === 'string') return ownModule(entry, own) ?? entry
  if (Array.isArray(entry) && typeof entry[0] === 'string') {
    const found = ownModule(entry[0], own)
    if (found) return [found, ...entry.slice(1)]
  }
  return entry
}

/**
 * A configuration transform that makes `remark-preset-lint-postmortem` (and
 * its `/rules/<name>` subpaths) in a `.remarkrc` or `package.json#remarkConfig`
 * mean the preset and rules of this very CLI. It then works where the package
 * is not installed next to the configuration (a pre-commit environment, `npx`),
 * and a rule turned off or reconfigured there is the same plugin as the one in
 * the preset, so the setting applies to it.
 */
export function ownPackageTransform(own: OwnModules): ConfigTransform {
  return (config: unknown): EnginePreset => {
    if (config === null || typeof config !== 'object') return config as EnginePreset
    const {plugins, ...rest} = config as {plugins?: unknown}
    if (Array.isArray(plugins)) {
      return {...rest, plugins: plugins.map((entry) => mapEntry(entry, own))} as EnginePreset
    }
    if (plugins !== null && typeof plugins === 'object') {
      // The object form (`{"name": options}`) can only hold names, so it
      // becomes the list form, in the same order.
      const list = Object.entries(plugins).map(([name, value]) => mapEntry([name, value], own) as Pluggable)
      return {...rest, plugins: list} as EnginePreset
    }
    return config as EnginePreset
  }
}
