import fs from 'node:fs/promises'
import path from 'node:path'
import {expandPatterns} from '../shared/files.js'
import {UsageError} from '../shared/usage-error.js'

const EXTENSIONS = new Set(['.md', '.markdown'])

async function walk(folder: string, found: string[]): Promise<void> {
  const entries = await fs.readdir(folder, {withFileTypes: true})
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    // Hidden folders hold tooling (.git, .github), not postmortems.
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) await walk(full, found)
    else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name).toLowerCase())) found.push(full)
  }
}

/**
 * The Markdown files the paths name: files as given, folders searched for
 * .md and .markdown files, globs expanded. Each file once, in the order found.
 */
export async function collectFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  const {paths, unmatched} = await expandPatterns(patterns, cwd)
  if (unmatched.length > 0) throw new UsageError(`no file matches ${unmatched.map((pattern) => `\`${pattern}\``).join(', ')}`)
  const found: string[] = []
  for (const given of paths) {
    const full = path.resolve(cwd, given)
    const stat = await fs.stat(full).catch(() => undefined)
    if (!stat) throw new UsageError(`cannot read \`${given}\`: no such file or folder`)
    if (stat.isDirectory()) await walk(full, found)
    else found.push(full)
  }
  return [...new Set(found)]
}
