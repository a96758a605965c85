import fs from 'node:fs'
import path from 'node:path'
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
