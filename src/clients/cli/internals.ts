/**
 * Modules of unified-args and unified-engine that their packages do not
 * export (the exact versions are pinned in package.json). Unbundled, they
 * are loaded from the packages' folders; the bundle (bundle.ts) replaces this
 * module with static imports of the same files, so that they are compiled
 * with the rest of the CLI and share its copies of their dependencies.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'

export interface ParsedArgv {
  args: {help: boolean; version: boolean; watch: boolean}
  engine: EngineOptions
}

export type ParseArgv = (flags: string[], options: Record<string, unknown>) => ParsedArgv

export interface Finder {
  finder(
    input: string[],
    options: Record<string, unknown>,
    callback: (error: Error | undefined, result?: {files: VFile[]}) => void
  ): void
}

export interface IgnoreModule {
  Ignore: new (options: Record<string, unknown>) => unknown
}

/** Where each internal module is, relative to its package's main file. */
export const INTERNAL_MODULES = {
  parseArgv: ['unified-args', 'lib/parse-argv.js'],
  finder: ['unified-engine', 'lib/finder.js'],
  ignore: ['unified-engine', 'lib/ignore.js']
} as const

function load(name: keyof typeof INTERNAL_MODULES): Promise<unknown> {
  const [dependency, file] = INTERNAL_MODULES[name]
  const entry = createRequire(import.meta.url).resolve(dependency)
  return import(pathToFileURL(path.join(path.dirname(entry), file)).href)
}

// unified-args exports only `args()`, which takes over the process and cannot
// pass `defaultConfig`, a reporter function or `--fix` to the engine; its flag
// parser is what remark-cli users know, so the CLI uses that parser directly.
export async function loadParseArgv(): Promise<ParseArgv> {
  const loaded = (await load('parseArgv')) as {parseArgv?: unknown}
  if (typeof loaded.parseArgv !== 'function') throw new Error('Cannot load the argument parser of unified-args')
  return loaded.parseArgv as ParseArgv
}

export async function loadFinder(): Promise<Finder['finder']> {
  return ((await load('finder')) as Finder).finder
}

export async function loadIgnore(): Promise<IgnoreModule['Ignore']> {
  return ((await load('ignore')) as IgnoreModule).Ignore
}
