import fs from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {ConfigurationError} from './options.js'

export const RC_NAME = '.remarkrc'
export const PACKAGE_FIELD = 'remarkConfig'

// The names unified-engine looks for in each folder, in its order.
export const CONFIG_FILE_NAMES = [RC_NAME, ...['.json', '.cjs', '.mjs', '.js', '.yaml', '.yml'].map((extension) => RC_NAME + extension), 'package.json']

export function isFile(filePath: string): boolean {
  try {
    return fs.statSync(filePath).isFile()
  } catch {
    return false
  }
}

/** A package.json's fields; `{}` for one that is not an object, undefined for one that cannot be read. */
export function readManifest(filePath: string): object | undefined {
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

/** The configuration file unified-engine uses for a document in `folder`: the first of its names there, or in the nearest folder above. */
function nearestConfigFile(folder: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    const found = CONFIG_FILE_NAMES.map((name) => path.join(current, name)).find(
      (candidate) => isFile(candidate) && (path.basename(candidate) !== 'package.json' || hasPackageField(candidate))
    )
    if (found || path.dirname(current) === current) return found
  }
}

/**
 * The configuration file a mistake in the configuration of `document` is in,
 * relative to `cwd`, for the one line that reports it. unified-engine hands a
 * plugin its options, never the file they came from (remark-cli and the
 * language server have no hook for it), so the file is found again as the
 * engine finds it, and named only when it mentions `mentions`: options given
 * on the command line (`--use`) or by a shared preset are in no such file,
 * and a wrong name would send someone to the wrong file.
 */
export function configFileMentioning(document: {cwd: string; path?: string | undefined}, mentions: string): string | undefined {
  if (!document.path) return undefined
  const found = nearestConfigFile(path.dirname(path.resolve(document.cwd, document.path)))
  if (!found) return undefined
  try {
    if (!fs.readFileSync(found, 'utf8').includes(mentions)) return undefined
  } catch {
    return undefined
  }
  return path.relative(document.cwd, found) || found
}

/**
 * Whether unified-engine attached a plugin: it gives the plugin its file set
 * as a second argument (its readme, "Plugins"), which nothing else does.
 */
export function attachedByEngine(fileSet: unknown): boolean {
  if (typeof fileSet !== 'object' || fileSet === null) return false
  const {add, use} = fileSet as {add?: unknown; use?: unknown}
  return typeof add === 'function' && typeof use === 'function'
}

/**
 * The transformer of a plugin whose configuration cannot be used, attached
 * by unified-engine (remark-cli, postmortem-lint, the language server, the
 * Action). Thrown when attached, the error would be printed as "Cannot
 * process file" with the error and its stack under "[cause]"; a message the
 * file already has is printed as it is, in one line:
 * `error postmortem-time-zone: invalid option … (in .remarkrc.json)`.
 */
export function failEachFile(error: ConfigurationError): (tree: unknown, file: VFile) => never {
  return (_tree, file) => {
    const config = configFileMentioning(file, error.mentions)
    // What plugins before this one found under a configuration that cannot
    // be used is beside the point: as in ESLint, the mistake alone is reported.
    file.messages.length = 0
    const message = file.message(config ? `${error.message} (in ${config})` : error.message)
    if (error.url) message.url = error.url
    message.fatal = true
    throw message
  }
}
