/**
 * Collects every regular expression of src/ and rules/: literals from the
 * TypeScript syntax tree, and patterns built with `new RegExp(…)` by
 * recording the constructor while the modules load.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const FOLDERS = ['src', 'rules']
const THIS_FILE = path.basename(fileURLToPath(import.meta.url))

export interface Pattern {
  /** `src/model/text/text.ts:43` */
  site: string
  source: string
  flags: string
}

export interface ConstructorSite {
  site: string
  /** The pattern, when the arguments are plain strings. */
  literal?: Pattern
}

export function sourceFiles(): string[] {
  const found: string[] = []
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(full)
    }
  }
  for (const folder of FOLDERS) if (fs.existsSync(path.join(ROOT, folder))) walk(path.join(ROOT, folder))
  return found.sort()
}

const siteOf = (file: ts.SourceFile, node: ts.Node): string =>
  `${path.relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`

function stringValue(node: ts.Expression | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text
  return undefined
}

/** Regular expression literals and `RegExp(…)` calls, read from the syntax tree. */
export function scanSources(files: readonly string[] = sourceFiles()): {literals: Pattern[]; constructors: ConstructorSite[]} {
  const literals: Pattern[] = []
  const constructors: ConstructorSite[] = []
  for (const fileName of files) {
    const file = ts.createSourceFile(fileName, fs.readFileSync(fileName, 'utf8'), ts.ScriptTarget.ES2022, true)
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(file)
        const end = text.lastIndexOf('/')
        literals.push({site: siteOf(file, node), source: text.slice(1, end), flags: text.slice(end + 1)})
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [patternArgument, flagsArgument] = node.arguments ?? []
        const source = stringValue(patternArgument)
        const flags = flagsArgument === undefined ? '' : stringValue(flagsArgument)
        const site = siteOf(file, node)
        constructors.push(source !== undefined && flags !== undefined ? {site, literal: {site, source, flags}} : {site})
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
  }
  return {literals, constructors}
}

/**
 * Runs `during` with the global `RegExp` wrapped, and returns the patterns
 * that code of src/ or rules/ builds meanwhile, each with the line that built
 * it. To see patterns built when a module loads, `during` must import a fresh
 * copy (vitest: `vi.resetModules()` first).
 */
export async function recordConstructed(during: () => Promise<void>): Promise<Pattern[]> {
  const recorded: Pattern[] = []
  const Original = globalThis.RegExp
  const frame = new Original('(?:\\(|at )(\\S{1,500}):(\\d{1,7}):\\d{1,7}\\)?$')
  const record = (pattern: RegExp): RegExp => {
    // The first frame outside this file is the code that built the pattern.
    const caller = (new Error().stack ?? '').split('\n').slice(1).find((line) => !line.includes(THIS_FILE))
    const match = caller ? frame.exec(caller.trim()) : null
    if (match?.[1]) {
      const file = path.relative(ROOT, match[1].startsWith('file://') ? fileURLToPath(match[1]) : match[1]).split(path.sep).join('/')
      if (FOLDERS.some((folder) => file.startsWith(`${folder}/`))) recorded.push({site: `${file}:${match[2]}`, source: pattern.source, flags: pattern.flags})
    }
    return pattern
  }
  // A proxy, not a subclass: the patterns built stay plain RegExp objects.
  globalThis.RegExp = new Proxy(Original, {
    construct: (target, args: [string | RegExp, string?]) => record(new target(...args)),
    apply: (target, _this, args: [string | RegExp, string?]) => record(target(...args))
  })
  try {
    await during()
  } finally {
    globalThis.RegExp = Original
  }
  return recorded
}
