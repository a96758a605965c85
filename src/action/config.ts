import type {ConfigTransform, Preset as EnginePreset} from 'unified-engine'
import {type OwnModules, ownPackageTransform} from '../cli/config.js'

type Entry = unknown

/** The plugins a configuration file named that were left out. */
export interface SkippedPlugins {
  names: Set<string>
  /** Whether none of its plugins was left, so the preset lints its documents instead. */
  presetInstead: boolean
}

function pluginOf(entry: Entry): unknown {
  return Array.isArray(entry) ? entry[0] : entry
}

function pluginsOf(preset: unknown): unknown[] {
  const {plugins} = (preset ?? {}) as {plugins?: unknown}
  return Array.isArray(plugins) ? plugins : []
}

/** Whether a (transformed) preset still sets up a plugin, itself or through an inline preset. */
function setsUpPlugin(preset: unknown): boolean {
  return pluginsOf(preset).some((entry) => {
    const plugin = pluginOf(entry)
    return typeof plugin === 'function' || (plugin !== null && typeof plugin === 'object' && setsUpPlugin(plugin))
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
 * A configuration left with no plugin at all gets the preset in their place:
 * otherwise a pull request could switch the linter off by naming a plugin of
 * its own, and every document would pass unchecked.
 */
export function ownPluginsOnly(own: OwnModules, skipped: Map<string, SkippedPlugins>): ConfigTransform {
  const toOwn = ownPackageTransform(own)
  return (config: unknown, filePath: string): EnginePreset => {
    const names = new Set<string>()
    const restricted = withoutModules(config, (value) => toOwn(value, filePath), (name) => names.add(name))
    if (names.size === 0) return restricted
    const presetInstead = !setsUpPlugin(restricted)
    skipped.set(filePath, {names, presetInstead})
    return presetInstead ? {...restricted, plugins: [own.preset]} : restricted
  }
}
