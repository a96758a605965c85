/**
 * Loads the CLI for bin/postmortem-lint.js and its lint threads: the bundle
 * that `npm run build` made (bundle.ts), with the V8 code cache made for it
 * at build time, or else the modules tsc compiled.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'

export interface CliModule {
  main: typeof import('./index.js').main
  startLintThread: typeof import('./lint-thread.js').startLintThread
  factsMain: typeof import('../postmortem-facts/index.js').main
}

// The package's folder, whether this runs from src/clients/cli/ or lib/src/clients/cli/.
function packageRoot(from: string): string {
  const parent = path.dirname(from)
  if (fs.existsSync(path.join(from, 'package.json')) || parent === from) return from
  return packageRoot(parent)
}

export const CLI_BUNDLE_DIR = path.join(packageRoot(path.dirname(fileURLToPath(import.meta.url))), 'lib/bundle')
export const BUNDLE_FILE = 'index.cjs'
export const CACHE_FILE = 'index.cache'
/** The recommended preset bundled on its own, for the language server (builtin-preset.ts). */
export const PRESET_BUNDLE_FILE = 'preset.mjs'

/**
 * V8 flags for the CLI, set before any of it is compiled. The code cache is
 * only accepted by a V8 with the same flags, so the build sets them too.
 */
export function setV8Flags(): void {
  // V8 first interprets a regular expression, then compiles it again on its
  // second use; chrono-node's large expressions cost some 50 ms that way in a
  // one-file run. Compiling them once, straight away, is as fast when linting
  // many files.
  v8.setFlagsFromString('--no-regexp-tier-up')
  // Linting thousands of files makes much short-lived garbage, and V8 let the
  // heap grow to over 300 MB for 10,000 files; doubling it at most after each
  // collection keeps it near 220 MB for about the same time (docs/performance.md).
  v8.setFlagsFromString('--heap-growing-percent=100')
}

export interface LoadedBundle {
  cli: CliModule
  script: vm.Script
}

/**
 * The name the code cache is made with. V8 keeps the name a cache was made
 * with, whatever name the script is later given (Node 20), and stack traces
 * show it: the path of the folder the package was built and packed in would
 * appear in every user's stack traces. A cache made under this name shows it
 * instead, which names the file within the package.
 */
export const CACHED_SCRIPT_NAME = 'remark-preset-lint-postmortem/lib/bundle/index.cjs'

export interface BundleOptions {
  /** Whether to compile from the code cache next to the bundle. */
  useCache: boolean
  /** The folder the bundle is made for, when it is still being built elsewhere. */
  runsFrom?: string
  /** The script's name in stack traces, where V8 compiles it (no cache, or one it rejects). */
  scriptName?: string
}

/**
 * Runs the CommonJS bundle in `dir` as a `vm.Script`, which, unlike an ES
 * module, can be compiled from a code cache: V8 then neither parses the
 * 1.3 MB bundle nor compiles the functions a run needs. A cache V8 rejects
 * (another Node version or other flags) is ignored. Without a bundle,
 * resolves to undefined.
 */
export function loadBundle(dir: string, {useCache, runsFrom = dir, scriptName}: BundleOptions): LoadedBundle | undefined {
  const source = path.join(dir, BUNDLE_FILE)
  if (!fs.existsSync(source)) return undefined
  let cachedData: Buffer | undefined
  if (useCache) {
    try {
      cachedData = fs.readFileSync(path.join(dir, CACHE_FILE))
    } catch {
      // Built without a cache: compiled as any script.
    }
  }
  // As Node wraps a CommonJS module, plus the URL that the bundle uses for
  // `import.meta.url` and the `import()` it loads plugins and reporters with
  // (bundle.ts).
  const code = `(function (exports, require, module, __filename, __dirname, __bundleUrl, __bundleImport) {${fs.readFileSync(source, 'utf8')}\n})`
  const file = path.join(runsFrom, BUNDLE_FILE)
  // From a cache V8 accepts, stack traces show the name the cache was made with (CACHED_SCRIPT_NAME).
  const script = new vm.Script(code, {filename: scriptName ?? file, cachedData})
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void
  const module = {exports: {} as CliModule}
  const bundleImport = (specifier: string): Promise<unknown> => import(specifier)
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, runsFrom, pathToFileURL(file).href, bundleImport)
  return {cli: module.exports, script}
}

export async function loadCli(): Promise<CliModule> {
  const bundled = loadBundle(CLI_BUNDLE_DIR, {useCache: true})
  if (bundled) return bundled.cli
  const [{main}, {startLintThread}, {main: factsMain}] = await Promise.all([
    import('./index.js'),
    import('./lint-thread.js'),
    import('../postmortem-facts/index.js')
  ])
  return {main, startLintThread, factsMain}
}
