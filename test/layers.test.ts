import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

// The layers of docs/architecture.md, lowest first. A module may import its
// own layer and the layers below it, never one above: the parser (long
// documents in parts) knows no model, the model knows no
// rule, a rule knows no client, and nothing shipped knows the build tooling.
const LAYERS = [
  {name: 'parser', folder: 'src/parse/'},
  {name: 'model', folder: 'src/model/'},
  {name: 'lint framework', folder: 'src/lint/'},
  {name: 'rules', folder: 'rules/'},
  {name: 'rule list', folder: 'src/rules.ts'},
  {name: 'public API', folder: 'src/index.ts'},
  {name: 'clients', folder: 'src/clients/'},
  {name: 'build tooling', folder: 'tooling/'}
] as const

const root = path.resolve(import.meta.dirname, '..')

function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => file === layer.folder || file.startsWith(layer.folder))
}

function modules(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')))
}

// Static and dynamic imports and re-exports with a relative specifier.
const SPECIFIER = /(?:\bfrom|\bimport\s*\(?)\s*['"](\.{1,2}\/[^'"]+)['"]/g

function relativeImports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8')
  return [...text.matchAll(SPECIFIER)].map((match) => path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!)).replace(/\.js$/, '.ts'))
}

describe('layers', () => {
  const files = [...modules('src'), ...modules('rules'), ...modules('tooling')]

  it('puts every module of src/, rules/ and tooling/ in a layer', () => {
    expect(files.filter((file) => layerOf(file) < 0)).toEqual([])
    expect(files.length).toBeGreaterThan(80)
  })

  it('imports only point down', () => {
    const upward: string[] = []
    for (const file of files) {
      for (const target of relativeImports(file)) {
        const to = layerOf(target)
        if (to > layerOf(file)) upward.push(`${file} (${LAYERS[layerOf(file)]!.name}) imports ${target} (${LAYERS[to]!.name})`)
      }
    }
    expect(upward).toEqual([])
  })

  it('resolves every relative import to a module that exists', () => {
    const missing = files.flatMap((file) => relativeImports(file).filter((target) => !fs.existsSync(path.join(root, target)) && !target.endsWith('.json')).map((target) => `${file} → ${target}`))
    expect(missing).toEqual([])
  })
})
