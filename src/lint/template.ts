import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {type Template, readTemplate} from '../model/template/template.js'
import type {SynonymOption} from '../model/sections/synonyms.js'
import {ConfigurationError, closestName} from './options.js'

/**
 * The `template` option: a team's postmortem template, by path, or one of the
 * templates this package ships (templates/*.md) by name. Read once per file
 * version and synonym table, with the same model as a postmortem.
 */

export const BUILT_IN_TEMPLATES = ['google-sre', 'atlassian', 'pagerduty'] as const

const MARKDOWN = /\.(?:md|markdown|mdown|mkd|mdx|txt)$/i

/** The package's templates folder: found upwards, as the module may run from lib/, a bundle or the Action's dist/. */
function builtInFolder(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 6; depth++) {
    const candidate = path.join(folder, 'templates')
    if (fs.existsSync(path.join(candidate, 'google-sre.md'))) return candidate
    folder = path.dirname(folder)
  }
  throw new Error('The built-in templates (templates/*.md) are missing from the package')
}

export function builtInTemplatePath(name: string): string {
  return path.join(builtInFolder(), `${name}.md`)
}

/**
 * Where a `template` option points, or a one-line ConfigurationError naming
 * the option (`subject`). Without a working directory, only the name is
 * checked: a relative path is read against each file's.
 */
export function resolveTemplate(option: string, cwd: string | undefined, subject: string): string {
  if ((BUILT_IN_TEMPLATES as readonly string[]).includes(option)) return builtInTemplatePath(option)
  const names = BUILT_IN_TEMPLATES.map((name) => JSON.stringify(name)).join(', ')
  if (!MARKDOWN.test(option)) {
    const closest = closestName(option, BUILT_IN_TEMPLATES, 3)
    const hint = closest ? ` (did you mean ${JSON.stringify(closest)}?)` : ''
    throw new ConfigurationError(`${subject}: expected a Markdown file (.md) or one of ${names}${hint}, got ${JSON.stringify(option)}`, 'template')
  }
  if (cwd === undefined) return option
  const file = path.resolve(cwd, option)
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new ConfigurationError(`${subject}: expected a Markdown file or one of ${names}, got ${JSON.stringify(option)}, which does not exist${path.isAbsolute(option) ? '' : ` (in ${cwd})`}`, 'template')
  }
  return file
}

const cache = new Map<string, Template>()
const CACHE_LIMIT = 16

/** The template an option names, read (or taken from the cache while the file is unchanged). */
export function loadTemplate(option: string, cwd: string, subject: string, synonyms: SynonymOption = {}): Template {
  const file = resolveTemplate(option, cwd, subject)
  const stat = fs.statSync(file)
  const key = JSON.stringify([file, stat.mtimeMs, stat.size, synonyms])
  const cached = cache.get(key)
  if (cached) return cached
  const source = fs.readFileSync(file, 'utf8')
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(source)
  const template = readTemplate(tree, source, synonyms)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(key, template)
  return template
}
