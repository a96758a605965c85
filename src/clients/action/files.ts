import fs from 'node:fs'
import path from 'node:path'
import {glob} from 'glob'
import {expandPatterns} from '../shared/files.js'
import {appendAll} from '../../model/support/arrays.js'

export const MARKDOWN_GLOB = '**/*.{md,markdown}'

export interface ExpandedFiles {
  /** Every document to lint, relative to `cwd` (or as given when absolute). */
  files: string[]
  /** Patterns that matched no document. */
  unmatched: string[]
}

/**
 * Turns the `files` input into documents: globs are expanded, folders
 * searched for Markdown (skipping node_modules), files kept as given. Each
 * document has to be known before linting, since each is linted with the
 * configuration found for it.
 */
export async function expandFiles(patterns: readonly string[], cwd: string): Promise<ExpandedFiles> {
  const {paths, unmatched} = await expandPatterns(patterns, cwd)
  const files: string[] = []
  for (const given of paths) {
    let stats: fs.Stats | undefined
    try {
      stats = fs.statSync(path.resolve(cwd, given))
    } catch {
      unmatched.push(given)
      continue
    }
    if (!stats.isDirectory()) {
      files.push(given)
      continue
    }
    const found = await glob(MARKDOWN_GLOB, {cwd: path.resolve(cwd, given), ignore: ['**/node_modules/**'], nodir: true})
    if (found.length === 0) unmatched.push(given)
    appendAll(files, found.sort().map((name) => path.join(given, name)))
  }
  return {files: [...new Set(files)], unmatched}
}
