import {readFileSync, readdirSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'

// Issue 17: a function should fit on a screen, so a reader sees all of it at once.
const maximumLines = 60
const root = fileURLToPath(new URL('..', import.meta.url))

interface LongFunction {
  where: string
  lines: number
}

function typeScriptFilesUnder(folder: string): string[] {
  return readdirSync(folder, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Every function-like node: declarations, expressions, arrows, methods, accessors, constructors. */
function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  )
}

function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (node.name) return node.name.getText()
  const parent = node.parent
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText()
  return '(anonymous)'
}

/** Functions longer than the limit, counted from their first line to their last, nested ones included. */
function longFunctionsIn(file: string): LongFunction[] {
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: LongFunction[] = []
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line
      const lines = last - first + 1
      if (lines > maximumLines) {
        found.push({where: `${relative(root, file)}:${first + 1} ${nameOf(node)}`, lines})
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

// A rule is policy only and reads like its doc page: its reading belongs in the model or the framework.
const maximumRuleFileLines = 60

/** Lines of a file as an editor numbers them: a final newline starts no line of its own. */
function lineCount(file: string): number {
  return readFileSync(file, 'utf8').replace(/\r?\n$/, '').split(/\r?\n/).length
}

describe('rule file length', () => {
  it(`keeps every file in rules/ within ${maximumRuleFileLines} lines, imports and doc comment included`, () => {
    const files = typeScriptFilesUnder(join(root, 'rules'))
    expect(files.length).toBeGreaterThan(10)
    const long = files.filter((file) => lineCount(file) > maximumRuleFileLines).map((file) => `${relative(root, file)} (${lineCount(file)} lines)`)
    expect(long).toEqual([])
  })
})

describe('function length', () => {
  it(`keeps every function in src/, rules/ and tooling/ within ${maximumLines} lines`, () => {
    const files = [...typeScriptFilesUnder(join(root, 'src')), ...typeScriptFilesUnder(join(root, 'rules')), ...typeScriptFilesUnder(join(root, 'tooling'))]
    expect(files.length).toBeGreaterThan(20)
    const long = files.flatMap(longFunctionsIn).map(({where, lines}) => `${where} (${lines} lines)`)
    expect(long).toEqual([])
  })
})
