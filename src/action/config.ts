import fs from 'node:fs'
import path from 'node:path'
import type {ConfigTransform, Preset as EnginePreset} from 'unified-engine'
import {type OwnModules, ownPackageTransform} from '../cli/config.js'
import {distance} from '../options.js'

export const RC_NAME = '.remarkrc'
export const PACKAGE_FIELD = 'remarkConfig'

// The names unified-engine looks for in each folder, in its order.
const CANDIDATES = [RC_NAME, ...['.json', '.cjs', '.mjs', '.js', '.yaml', '.yml'].map((extension) => RC_NAME + extension), 'package.json']
const EXECUTABLE = /\.[cm]?js$/

export function isExecutableConfig(filePath: string): boolean {
  return EXECUTABLE.test(filePath)
}

function isFile(filePath: string): boolean {
  try {
    return fs.statSync(filePath).isFile()
  } catch {
    return false
  }
}

function readManifest(filePath: string): object | undefined {
  try {
    const manifest: unknown = JSON.parse(fs.readFileSync(filePath, 'utf8'))
    return manifest !== null && typeof manifest === 'object' ? manifest : {}
  } catch {
    return undefined
  }
}

/** Whether a package.json has the configuration field (a broken one counts, for the engine to report, as remark-cli would). */
export function hasPackageField(filePath: string): boolean {
  const manifest = readManifest(filePath)
  return manifest === undefined || PACKAGE_FIELD in manifest
}

/** A key of a package.json without `remarkConfig` that looks like a misspelling of it (`remarkconfig`, `remarkConfigs`). */
export function misspeltPackageField(filePath: string): string | undefined {
  const manifest = readManifest(filePath)
  if (!manifest || PACKAGE_FIELD in manifest) return undefined
  return Object.keys(manifest).find((key) => distance(key.toLowerCase(), PACKAGE_FIELD.toLowerCase()) <= 2)
}

/**
 * Finds the configuration file that applies to a document the way
 * unified-engine does (the first of `.remarkrc`, `.remarkrc.json`, …,
 * `package.json#remarkConfig` in the document's folder or the nearest one
 * above), except that executable ones (`.remarkrc.js`, `.cjs`, `.mjs`) are
 * passed over unless allowed: a pull request could add one to run code in CI.
 */
export class ConfigFinder {
  /** Executable configuration files passed over. */
  readonly skipped = new Set<string>()
  /** Each package.json passed over that has a key like `remarkConfig`, with that key. */
  readonly misspelt = new Map<string, string>()
  private readonly byFolder = new Map<string, string | undefined>()

  constructor(private readonly allowExecutable: boolean) {}

  find(documentPath: string): string | undefined {
    return this.inFolder(path.dirname(path.resolve(documentPath)))
  }

  private inFolder(folder: string): string | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder)
    let found = CANDIDATES.map((name) => path.join(folder, name)).find((candidate) => this.applies(candidate))
    if (!found) {
      const parent = path.dirname(folder)
      found = parent === folder ? undefined : this.inFolder(parent)
    }
    this.byFolder.set(folder, found)
    return found
  }

  private applies(candidate: string): boolean {
    if (!isFile(candidate)) return false
    if (path.basename(candidate) === 'package.json') {
      const misspelt = misspeltPackageField(candidate)
      if (misspelt) this.misspelt.set(candidate, misspelt)
      return hasPackageField(candidate)
    }
    if (isExecutableConfig(candidate) && !this.allowExecutable) {
      this.skipped.add(candidate)
      return false
    }
    return true
  }
}

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
