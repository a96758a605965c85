import fs from 'node:fs'
import path from 'node:path'
import {CONFIG_FILE_NAMES, PACKAGE_FIELD, hasPackageField, isFile, readManifest} from '../../lint/config-file.js'
import {distance} from '../../lint/options.js'

// Re-exported for the clients: the framework names the configuration file of a mistake (src/lint/config-file.ts).
export {PACKAGE_FIELD, RC_NAME, hasPackageField} from '../../lint/config-file.js'

const EXECUTABLE = /\.[cm]?js$/

export function isExecutableConfig(filePath: string): boolean {
  return EXECUTABLE.test(filePath)
}

/** A key of a package.json without `remarkConfig` that looks like a misspelling of it (`remarkconfig`, `remarkConfigs`). */
export function misspeltPackageField(filePath: string): string | undefined {
  const manifest = readManifest(filePath)
  if (!manifest || PACKAGE_FIELD in manifest) return undefined
  return Object.keys(manifest).find((key) => distance(key.toLowerCase(), PACKAGE_FIELD.toLowerCase()) <= 2)
}

/** Why a configuration file was passed over: it would run code, or it is a link out of the workspace. */
export type PassedOver = 'executable' | 'outside'

function realPath(filePath: string): string {
  try {
    return fs.realpathSync(filePath)
  } catch {
    return path.resolve(filePath)
  }
}

function isInside(filePath: string, folder: string): boolean {
  const relative = path.relative(folder, filePath)
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}

/**
 * Whether `filePath`, in the `workspace` by its name, is a link (or in a
 * linked folder) that leads out of it. Reading such a file would print what
 * it holds in the parser's error: `.remarkrc` → `/proc/self/environ`.
 */
export function leavesWorkspace(filePath: string, workspace: string): boolean {
  const absolute = path.resolve(filePath)
  if (!isInside(absolute, path.resolve(workspace))) return false
  return !isInside(realPath(absolute), realPath(workspace))
}

export interface FinderOptions {
  /** Whether executable configuration files (`.remarkrc.js`, `.cjs`, `.mjs`) may be used. */
  allowExecutable: boolean
  /** A folder whose configuration files are used only when they are files in it, not links out of it. */
  workspace?: string
}

/**
 * Finds the configuration file that applies to a document the way
 * unified-engine does (the first of `.remarkrc`, `.remarkrc.json`, …,
 * `package.json#remarkConfig` in the document's folder or the nearest one
 * above), except that executable ones (`.remarkrc.js`, `.cjs`, `.mjs`) are
 * passed over unless allowed: a pull request could add one to run code in CI.
 * So are links out of the `workspace`, when one is given.
 */
export class ConfigFinder {
  /** Configuration files passed over, each with the reason. */
  readonly skipped = new Map<string, PassedOver>()
  /** Each package.json passed over that has a key like `remarkConfig`, with that key. */
  readonly misspelt = new Map<string, string>()
  private readonly byFolder = new Map<string, string | undefined>()

  constructor(private readonly options: FinderOptions) {}

  find(documentPath: string): string | undefined {
    return this.inFolder(path.dirname(path.resolve(documentPath)))
  }

  private inFolder(folder: string): string | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder)
    let found = CONFIG_FILE_NAMES.map((name) => path.join(folder, name)).find((candidate) => this.applies(candidate))
    if (!found) {
      const parent = path.dirname(folder)
      found = parent === folder ? undefined : this.inFolder(parent)
    }
    this.byFolder.set(folder, found)
    return found
  }

  private applies(candidate: string): boolean {
    if (!isFile(candidate)) return false
    const reason = this.reasonToSkip(candidate)
    if (reason) {
      this.skipped.set(candidate, reason)
      return false
    }
    if (path.basename(candidate) === 'package.json') {
      const misspelt = misspeltPackageField(candidate)
      if (misspelt) this.misspelt.set(candidate, misspelt)
      return hasPackageField(candidate)
    }
    return true
  }

  private reasonToSkip(candidate: string): PassedOver | undefined {
    if (isExecutableConfig(candidate) && !this.options.allowExecutable) return 'executable'
    const {workspace} = this.options
    return workspace && leavesWorkspace(candidate, workspace) ? 'outside' : undefined
  }
}
