import type {ConfigTransform, Preset as EnginePreset} from 'unified-engine'
import {type OwnModules, ownPackageTransform} from '../cli/config.js'

type Entry = unknown

function pluginOf(entry: Entry): unknown {
  return Array.isArray(entry) ? entry[0] : entry
}

/**
 * A configuration transform that keeps the configuration's settings and the
 * plugins it can use without running code from the repository: this
 * package's preset and rules (by name or `/rules/<name>` subpath), which
 * become the bundled ones. Any other plugin a configuration names is a
 * module of the repository or its node_modules, so it is left out and its
 * name added to `skipped`.
 */
export function ownPluginsOnly(own: OwnModules, skipped: Set<string>): ConfigTransform {
  const toOwn = ownPackageTransform(own)
  const restrict = (config: unknown, filePath: string): EnginePreset => {
    const mapped = toOwn(config, filePath) as {plugins?: unknown}
    if (!Array.isArray(mapped.plugins)) return mapped as EnginePreset
    const plugins = mapped.plugins.flatMap((entry: Entry): Entry[] => {
      const plugin = pluginOf(entry)
      if (typeof plugin === 'function') return [entry]
      if (typeof plugin === 'string') {
        skipped.add(plugin)
        return []
      }
      // An inline preset: its plugins are held to the same rule.
      if (plugin !== null && typeof plugin === 'object') {
        const preset = restrict(plugin, filePath)
        return [Array.isArray(entry) ? [preset, ...entry.slice(1)] : preset]
      }
      return [entry]
    })
    return {...mapped, plugins} as EnginePreset
  }
  return restrict
}
