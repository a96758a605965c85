import {glob, hasMagic} from 'glob'

export interface ExpandedPatterns {
  /** Paths and globs' matches, for the engine to read (folders it searches itself). */
  paths: string[]
  /** Globs that matched no file. */
  unmatched: string[]
}

const NODE_MODULES = /(?:^|[\\/])node_modules(?:[\\/]|$)/

/**
 * Expands globs the way unified-engine would, except that matches inside
 * `node_modules` are left out unless the glob itself names `node_modules`
 * (the engine already skips it when searching folders, but not in globs).
 */
export async function expandPatterns(patterns: readonly string[], cwd: string): Promise<ExpandedPatterns> {
  const paths: string[] = []
  const unmatched: string[] = []
  for (const pattern of patterns) {
    if (!hasMagic(pattern)) {
      paths.push(pattern)
      continue
    }
    const ignore = NODE_MODULES.test(pattern) ? [] : ['**/node_modules/**']
    const matches = (await glob(pattern, {cwd, ignore})).sort()
    if (matches.length === 0) unmatched.push(pattern)
    paths.push(...matches)
  }
  return {paths, unmatched}
}
