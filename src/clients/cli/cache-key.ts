/**
 * What, besides a document's own bytes, decides the messages it gets: the
 * configuration file that applies to it and what that file loads, the CLI
 * flags that change messages, and the versions of this package, of Node and
 * of the plugins. `postmortem-lint --cache` keeps a document's messages under
 * a hash of these (lint-cache.ts); any change to one of them is a new hash.
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL, fileURLToPath} from 'node:url'
import {parse as parseYaml} from 'yaml'
import {ConfigFinder, PACKAGE_FIELD, isExecutableConfig} from '../shared/config-finder.js'
import {PACKAGE_NAME} from '../shared/config.js'

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

export interface KeyOptions {
  cwd: string
  /** This package's version. */
  version: string
  /** The flags that change messages, as plain data (`--setting`, `--use`, `--max-size`, …). */
  flags: unknown
  /** `--use` plugins by name, resolved from `cwd`. */
  usePlugins: readonly string[]
  /** `--rc-path`: the one configuration file for every document. */
  rcPath?: string
  /** False with `--no-config`: no configuration file applies. */
  detectConfig: boolean
}

// Lockfiles: when one changes, a plugin or a plugin's dependency may have.
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb']
const OWN_NAMES = [PACKAGE_NAME, PACKAGE_NAME.slice('remark-'.length)]

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file)
  } catch {
    return undefined
  }
}

/** The `plugins` of a configuration file's content, or undefined when it cannot be read as data. */
function pluginsOf(file: string, bytes: Buffer): unknown {
  try {
    const text = bytes.toString('utf8')
    const data: unknown = /\.ya?ml$/.test(file) ? parseYaml(text) : JSON.parse(text)
    const config = path.basename(file) === 'package.json' ? (data as Record<string, unknown> | null)?.[PACKAGE_FIELD] : data
    return config !== null && typeof config === 'object' ? ((config as {plugins?: unknown}).plugins ?? []) : []
  } catch {
    return undefined
  }
}

/**
 * The contents of the templates named by a `template` setting or option
 * (docs/templates.md) in `value`: a changed template changes the messages
 * of documents that did not change. A built-in name is covered by the version.
 */
function templateHashes(value: unknown, cwd: string, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) templateHashes(item, cwd, found)
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'template' && typeof item === 'string') found.push(`${item} ${sha256(readOrUndefined(path.resolve(cwd, item)) ?? '')}`)
      else templateHashes(item, cwd, found)
    }
  }
  return found
}

function parsedConfig(file: string, bytes: Buffer): unknown {
  try {
    return /\.ya?ml$/.test(file) ? parseYaml(bytes.toString('utf8')) : JSON.parse(bytes.toString('utf8'))
  } catch {
    return undefined
  }
}

/** Every plugin name in a `plugins` list (or object form), nested presets included. */
function pluginNames(plugins: unknown, names: string[] = []): string[] {
  if (Array.isArray(plugins)) {
    for (const entry of plugins) {
      if (typeof entry === 'string') names.push(entry)
      else if (Array.isArray(entry)) {
        if (typeof entry[0] === 'string') names.push(entry[0])
        else pluginNames(entry, names)
      } else if (entry !== null && typeof entry === 'object') pluginNames((entry as {plugins?: unknown}).plugins, names)
    }
  } else if (plugins !== null && typeof plugins === 'object') names.push(...Object.keys(plugins))
  return names
}

function isOwn(name: string): boolean {
  return OWN_NAMES.some((own) => name === own || name.startsWith(`${own}/`))
}

/** A plugin named by a path or URL: its code, and what it imports, are files no lockfile versions. */
function isLocal(name: string): boolean {
  return name.startsWith('.') || path.isAbsolute(name) || /^[a-z][a-z\d+.-]*:/i.test(name)
}

/** The package.json above a resolved module file. */
function manifestAbove(file: string): string | undefined {
  for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
    const manifest = readOrUndefined(path.join(folder, 'package.json'))
    if (manifest) return manifest.toString('utf8')
    if (path.dirname(folder) === folder) return undefined
  }
}

/** Finds each configuration file and hashes the configuration a document gets; undefined when it cannot be known from files. */
export class CacheKeys {
  private readonly finder = new ConfigFinder({allowExecutable: true})
  private readonly byConfig = new Map<string, Promise<string | undefined>>()
  private readonly lockfiles = new Map<string, string>()

  constructor(private readonly options: KeyOptions) {}

  /** The hash of everything but the content that decides the messages of the document at `absolutePath`. */
  async keyFor(absolutePath: string): Promise<string | undefined> {
    const {rcPath, detectConfig, cwd} = this.options
    const config = rcPath ? path.resolve(cwd, rcPath) : detectConfig ? this.finder.find(absolutePath) : undefined
    const id = config ?? ''
    let key = this.byConfig.get(id)
    if (!key) {
      key = this.configKey(config)
      this.byConfig.set(id, key)
    }
    return key
  }

  private async configKey(config: string | undefined): Promise<string | undefined> {
    const {cwd, version, flags, usePlugins} = this.options
    const parts: Record<string, unknown> = {
      version,
      node: process.version,
      // Dates without a zone are read in the local one.
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      flags
    }
    const used = await this.pluginVersions(usePlugins, cwd)
    if (!used) return undefined
    parts.use = used
    if (config) {
      // A script configuration can import anything: its documents are linted each time.
      if (isExecutableConfig(config)) return undefined
      const bytes = readOrUndefined(config)
      const plugins = bytes && pluginsOf(config, bytes)
      if (!bytes || plugins === undefined) return undefined
      const versions = await this.pluginVersions(pluginNames(plugins), path.dirname(config))
      if (!versions) return undefined
      Object.assign(parts, {config, content: sha256(bytes), plugins: versions, templates: templateHashes(parsedConfig(config, bytes), cwd)})
    }
    parts.flagTemplates = templateHashes(flags, cwd)
    return sha256(JSON.stringify(parts))
  }

  /**
   * The name, resolved file and package.json of each plugin named (and the
   * lockfile above `from` when there are any), or undefined when a plugin is
   * a local file.
   */
  private async pluginVersions(names: readonly string[], from: string): Promise<string[] | undefined> {
    const others = names.filter((name) => !isOwn(name))
    if (others.length === 0) return []
    if (others.some(isLocal)) return undefined
    const {resolvePlugin} = await import('load-plugin')
    const versions = await Promise.all(
      others.map(async (name) => {
        try {
          const resolved = await resolvePlugin(name, {from: pathToFileURL(from + path.sep).href, prefix: 'remark'})
          const file = resolved.startsWith('file:') ? fileURLToPath(resolved) : resolved
          return `${name} ${file} ${sha256(manifestAbove(file) ?? '')}`
        } catch {
          // The engine then reports it cannot load it: an error, never cached.
          return `${name} unresolved`
        }
      })
    )
    return [...versions, `lockfile ${this.lockfileAbove(from)}`]
  }

  private lockfileAbove(folder: string): string {
    const known = this.lockfiles.get(folder)
    if (known !== undefined) return known
    const here = LOCKFILES.map((name) => readOrUndefined(path.join(folder, name))).find((bytes) => bytes !== undefined)
    const parent = path.dirname(folder)
    const hash = here ? sha256(here) : parent === folder ? 'none' : this.lockfileAbove(parent)
    this.lockfiles.set(folder, hash)
    return hash
  }
}
