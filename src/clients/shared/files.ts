import fs from 'node:fs'
import path from 'node:path'
import {glob, hasMagic} from 'glob'
import {appendAll} from '../../model/support/arrays.js'

export interface ExpandedPatterns {
  /** Paths and globs' matches, for the engine to read (folders it searches itself). */
  paths: string[]
  /** Globs that matched no Markdown file. */
  unmatched: string[]
  /** Files named directly that are not Markdown: never linted, never fixed. */
  skipped: string[]
}

/** What remark-cli reads as Markdown when not told otherwise. */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['md', 'markdown']

const NODE_MODULES = /(?:^|[\\/])node_modules(?:[\\/]|$)/

/** Whether `name` ends in one of `extensions` (`md`, `.markdown`). */
export function hasExtension(name: string, extensions: readonly string[]): boolean {
  const extension = path.extname(name).slice(1).toLowerCase()
  return extension !== '' && extensions.some((wanted) => wanted.replace(/^\./, '').toLowerCase() === extension)
}

function isFile(cwd: string, name: string): boolean {
  try {
    return fs.statSync(path.resolve(cwd, name)).isFile()
  } catch {
    return false
  }
}

/**
 * Expands globs the way unified-engine would, except that only Markdown files
 * (by `extensions`) are kept, whether a glob matched them or they were named
 * directly: `--fix "docs/*"` must never rewrite `docs/config.json`. Matches
 * inside `node_modules` are left out unless the glob itself names
 * `node_modules`. Folders are kept: the engine searches them by extension.
 */
export async function expandPatterns(patterns: readonly string[], cwd: string, extensions: readonly string[] = MARKDOWN_EXTENSIONS): Promise<ExpandedPatterns> {
  const expanded: ExpandedPatterns = {paths: [], unmatched: [], skipped: []}
  for (const pattern of patterns) {
    if (!hasMagic(pattern)) {
      if (isFile(cwd, pattern) && !hasExtension(pattern, extensions)) expanded.skipped.push(pattern)
      else expanded.paths.push(pattern)
      continue
    }
    const ignore = NODE_MODULES.test(pattern) ? [] : ['**/node_modules/**']
    const matches = (await glob(pattern, {cwd, ignore})).filter((match) => !isFile(cwd, match) || hasExtension(match, extensions)).sort()
    if (matches.length === 0) expanded.unmatched.push(pattern)
    appendAll(expanded.paths, matches)
  }
  return expanded
}
