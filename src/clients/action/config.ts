import type {ConfigTransform, Preset as EnginePreset} from 'unified-engine'
import {type OwnModules, ownPackageTransform} from '../shared/config.js'

type Entry = unknown

/** The plugins a configuration file named that were left out. */
export interface SkippedPlugins {
  names: Set<string>
  /** Whether none of its plugins left is on, so the preset lints its documents instead. */
  presetInstead: boolean
}

function pluginOf(entry: Entry): unknown {
  return Array.isArray(entry) ? entry[0] : entry
}

function pluginsOf(preset: unknown): unknown[] {
  const {plugins} = (preset ?? {}) as {plugins?: unknown}
  return Array.isArray(plugins) ? plugins : []
}

// The severities with which a remark-lint rule is off (`[rule, false]`, `[rule, ['off', options]]`).
const OFF: unknown[] = [false, 'off', 0]

function turnsOff(entry: Entry): boolean {
  if (!Array.isArray(entry) || entry.length < 2) return false
  const value: unknown = entry[1]
  return OFF.includes(Array.isArray(value) ? value[0] : value)
}

/** Whether a (transformed) preset still turns a plugin on, itself or through an inline preset. */
function turnsPluginOn(preset: unknown): boolean {
  return pluginsOf(preset).some((entry) => {
    const plugin = pluginOf(entry)
    if (typeof plugin === 'function') return !turnsOff(entry)
    return plugin !== null && typeof plugin === 'object' && turnsPluginOn(plugin)
  })
}

/**
 * Maps this package's names in `config` (its own list and those of inline
 * presets) to the bundled modules with `toOwn`, and leaves out every other
 * plugin named by a string: a module of the repository or its node_modules.
 */
function withoutModules(config: unknown, toOwn: (config: unknown) => EnginePreset, skip: (name: string) => void): EnginePreset {
  const mapped = toOwn(config)
  if (mapped === null || typeof mapped !== 'object' || !Array.isArray(mapped.plugins)) return mapped
  const plugins = mapped.plugins.flatMap((entry: Entry): Entry[] => {
    const plugin = pluginOf(entry)
    if (typeof plugin === 'string') {
      skip(plugin)
      return []
    }
    // An inline preset: its plugins are held to the same rule.
    if (plugin !== null && typeof plugin === 'object' && !Array.isArray(plugin)) {
      const preset = withoutModules(plugin, toOwn, skip)
      return [Array.isArray(entry) ? [preset, ...entry.slice(1)] : preset]
    }
    return [entry]
  })
  return {...mapped, plugins} as EnginePreset
}

/**
 * A configuration transform that keeps the configuration's settings and the
 * plugins it can use without running code from the repository: this
 * package's preset and rules (by name or `/rules/<name>` subpath), which
 * become the bundled ones. Any other plugin a configuration names is a
 * module of the repository or its node_modules, so it is left out and its
 * name recorded in `skipped` under the configuration's path.
 *
 * A configuration left with no plugin turned on gets the preset as well:
 * otherwise a pull request could switch the linter off by naming a plugin of
 * its own, and every document would pass unchecked.
 */
export function ownPluginsOnly(own: OwnModules, skipped: Map<string, SkippedPlugins>): ConfigTransform {
  const toOwn = ownPackageTransform(own)
  return (config: unknown, filePath: string): EnginePreset => {
    const names = new Set<string>()
    const restricted = withoutModules(config, (value) => toOwn(value, filePath), (name) => names.add(name))
    if (names.size === 0) return restricted
    const presetInstead = !turnsPluginOn(restricted)
    skipped.set(filePath, {names, presetInstead})
    // The preset first: what the configuration sets of its rules (a rule off) still applies.
    return presetInstead ? ({...restricted, plugins: [own.preset, ...pluginsOf(restricted)]} as EnginePreset) : restricted
  }
}
