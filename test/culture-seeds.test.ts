import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {recommended, rules} from '../src/index.js'
import {hasShared, sharedDocuments} from './support/shared.js'

const CULTURE_RULES = [
  'postmortem-blameless-language',
  'postmortem-no-placeholders',
  'postmortem-action-items',
  'postmortem-incident-date',
  'postmortem-frontmatter'
]

async function recommendedMessages(text: string, name: string): Promise<Array<{ruleId: string; line: number}>> {
  const file = new VFile({path: name, value: text})
  const processor = unified().use(remarkParse).use(recommended)
  await processor.run(processor.parse(file), file)
  return file.messages.map((message) => ({ruleId: message.ruleId ?? '', line: message.line ?? 0}))
}

/**
 * With the culture rules in the recommended preset, seed 000 (which blames an
 * intern) gets postmortem-blameless-language and the other seeds get nothing
 * new: the only other message is 003's from postmortem-duration-consistency.
 */
describe.skipIf(!hasShared)('culture rules on the seeds', () => {
  const seeds = sharedDocuments('seeds')

  it('puts the recommended culture rules in the recommended preset', () => {
    const recommendedIds = CULTURE_RULES.filter((id) => rules[id]?.meta.preset === 'recommended')
    expect(recommendedIds).toEqual(['postmortem-blameless-language', 'postmortem-no-placeholders'])
  })

  it('reports the blamed intern of seed 000 and nothing else new', async () => {
    expect(seeds.map((seed) => seed.name.slice(0, 3))).toEqual(['000', '001', '002', '003', '004'])
    const found = await Promise.all(seeds.map(async (seed) => [seed.name.slice(0, 3), await recommendedMessages(seed.text, seed.name)] as const))
    const byRule = Object.fromEntries(found.map(([seed, messages]) => [seed, messages.map((message) => message.ruleId)]))
    expect(byRule['000']?.length).toBeGreaterThan(0)
    expect(new Set(byRule['000'])).toEqual(new Set(['postmortem-blameless-language']))
    expect(byRule['001']).toEqual([])
    expect(byRule['002']).toEqual([])
    expect(byRule['003']).toEqual(['postmortem-duration-consistency'])
    expect(byRule['004']).toEqual([])
  })

  it('places the blame of seed 000 on the lines that name the intern', async () => {
    const seed = seeds.find((candidate) => candidate.name.startsWith('000'))
    if (!seed) throw new Error('seed 000 missing')
    const lines = seed.text.split(/\r?\n/)
    const messages = await recommendedMessages(seed.text, seed.name)
    for (const message of messages) expect(lines[message.line - 1]).toMatch(/\bintern\b/)
  })
})
