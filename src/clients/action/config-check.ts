import type {ConfigTransform, Preset as EnginePreset} from 'unified-engine'
import {closestName} from '../../lint/options.js'

/**
 * Checks of what a configuration file holds, made as unified-engine loads
 * it. The engine takes any value for a configuration: an array, `{}` or
 * `{"plugin": […]}` set up no plugin, so no rule runs and every document
 * passes ("no issues found"). The action says so and fails instead.
 */

// The keys unified-engine reads from a configuration.
const KEYS = ['plugins', 'settings'] as const

export interface ConfigReport {
  /** Why the configuration loads no rule; it then fails the run. */
  noRule?: string
  /** Keys it has that the engine does not read, with what they were likely meant to be. */
  unknown: string[]
}

/** `unknown key \`plugin\` (did you mean \`plugins\`?)`, the suggestion when one key is close. */
function describeUnknown(key: string): string {
  const close = closestName(key, KEYS)
  return `unknown key \`${key}\`${close ? ` (did you mean \`${close}\`?)` : ` (a configuration has ${KEYS.map((known) => `\`${known}\``).join(' and ')})`}`
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function pluginCount(plugins: unknown): number {
  if (Array.isArray(plugins)) return plugins.length
  return plugins !== null && typeof plugins === 'object' ? Object.keys(plugins).length : 0
}

/** What is wrong with `config`, a configuration file's value, before any plugin is resolved. */
export function checkConfig(config: unknown): ConfigReport {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    return {noRule: `it is ${kindOf(config)}, not an object with \`plugins\``, unknown: []}
  }
  const unknown = Object.keys(config)
    .filter((key) => !(KEYS as readonly string[]).includes(key))
    .map(describeUnknown)
  const {plugins} = config as {plugins?: unknown}
  if (plugins === undefined) return {noRule: unknown.length > 0 ? unknown.join(', ') : 'it has no `plugins`', unknown}
  if (pluginCount(plugins) === 0) return {noRule: `its \`plugins\` are ${kindOf(plugins) === 'an array' ? 'an empty list' : kindOf(plugins)}`, unknown}
  return {unknown}
}

/**
 * Wraps `transform` to record a report of each configuration file it sees
 * (by path) that has something to report. A configuration that loads no
 * rule becomes an empty one: the engine would throw on some values (a
 * string), and the action reports it in one line of its own. (One whose
 * plugins `transform` leaves out gets the preset from it instead.)
 */
export function checkingTransform(transform: ConfigTransform, reports: Map<string, ConfigReport>): ConfigTransform {
  return (config: unknown, filePath: string): EnginePreset => {
    const report = checkConfig(config)
    if (report.noRule || report.unknown.length > 0) reports.set(filePath, report)
    return report.noRule ? {plugins: []} : transform(config, filePath)
  }
}
