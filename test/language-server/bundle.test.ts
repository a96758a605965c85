import fs from 'node:fs'
import path from 'node:path'
import {type Preset, unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {generatePostmortem} from '../../bench/corpus.js'
import recommended from '../../src/index.js'
import {formatMessage, lint} from '../support/lint.js'
import {sharedDocuments} from '../support/shared.js'

/**
 * `npm run build` (which `npm test` runs first) bundles the recommended
 * preset for the language server, and the CLI, leaving out the names
 * unist-util-visit-parents gives its visitors (tooling/bundle.ts). The
 * bundled preset must lint exactly as the modules do.
 */

const ROOT = path.resolve(import.meta.dirname, '../..')
const BUNDLE_DIR = path.join(ROOT, 'lib/bundle')
const PRESET_BUNDLE = path.join(BUNDLE_DIR, 'preset.mjs')
const FIXTURES = path.join(ROOT, 'fixtures')

function documents(): Array<{name: string; text: string}> {
  const fixtures = fs
    .readdirSync(FIXTURES, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({name, text: fs.readFileSync(path.join(FIXTURES, name), 'utf8')}))
  return [
    ...fixtures,
    ...Array.from({length: 20}, (_, index) => ({name: `generated-${index}.md`, text: generatePostmortem(11, index)})),
    ...sharedDocuments('corpus'),
    ...sharedDocuments('seeds')
  ]
}

async function bundledPreset(): Promise<{default: Preset; rules: Record<string, unknown>}> {
  return (await import(PRESET_BUNDLE)) as {default: Preset; rules: Record<string, unknown>}
}

describe('the bundled preset of the language server', () => {
  it('gives the same messages as the modules, with the same fixes', async () => {
    const bundled = (await bundledPreset()).default
    const summary = (messages: Awaited<ReturnType<typeof lint>>): string[] =>
      messages.map((message) => `${message.ruleId} ${formatMessage(message)} ${JSON.stringify(message.expected ?? null)} ${message.url}`)
    for (const {name, text} of documents()) {
      const fromBundle = summary(await lint(text, [bundled], name))
      expect(fromBundle, name).toEqual(summary(await lint(text, [recommended], name)))
    }
  })

  it('is what the built language server lints with when the workspace sets up no postmortem rules', async () => {
    const {builtinPreset} = (await import(path.join(ROOT, 'lib/src/clients/language-server/builtin-preset.js'))) as {builtinPreset: () => void}
    const {rules} = await bundledPreset()
    const processor = unified().use(builtinPreset)
    processor.freeze()
    const attached: unknown[] = processor.attachers.map(([plugin]) => plugin)
    expect(rules['postmortem-timeline-order']).toBeTypeOf('function')
    expect(attached).toContain(rules['postmortem-timeline-order'])
  })

  it('leaves out the names of tree visitors, in the preset and in the CLI bundle', () => {
    const naming = "Object.defineProperty(visit, 'name'"
    const source = fs.readFileSync(path.join(ROOT, 'node_modules/unist-util-visit-parents/lib/index.js'), 'utf8')
    expect(source).toContain(naming)
    for (const file of [PRESET_BUNDLE, path.join(BUNDLE_DIR, 'index.cjs')]) {
      const bundle = fs.readFileSync(file, 'utf8')
      expect(bundle, file).toContain('function visitParents(')
      expect(bundle, file).not.toContain(naming)
    }
  })
})
