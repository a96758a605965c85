import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {type AttackPattern, check} from 'recheck'
import remarkLint from 'remark-lint'
import type {PluggableList} from 'unified'
import {describe, expect, test, vi} from 'vitest'
import type {PostmortemRule} from '../../src/lint/rule.js'
import {lint} from '../support/lint.js'
import {type Pattern, ROOT, recordConstructed, scanSources, sourceFiles} from './support/patterns.js'
import {SAMPLE_POSTMORTEM} from './support/sample.js'

// recheck runs its native binary when the platform package is installed (the
// npm registry ships it for linux-x64), and its pure JavaScript build in a
// worker otherwise. Its automaton checker decides exactly, bounded repetitions
// included. It cannot read some patterns (case-insensitive Unicode classes,
// lookahead inside a repetition) and takes long on others (a bounded
// repetition inside a star): the fuzz checker, with a fixed seed, decides those, and as it takes large bounded repetitions such as `{0,38}` for
// unbounded ones, an attack it reports is replayed on V8 to see whether the
// time really grows faster than the input.
const AUTOMATON = {checker: 'automaton', timeout: 2_000} as const
const FUZZ = {checker: 'fuzz', timeout: 10_000, randomSeed: 20_240_601} as const

function attackText(attack: AttackPattern, length: number): string {
  const pumped = attack.pumps.reduce((sum, pump) => sum + pump.pump.length, 0)
  const times = Math.max(1, Math.ceil(length / Math.max(1, pumped)))
  return attack.pumps.map((pump) => pump.prefix + pump.pump.repeat(times)).join('') + attack.suffix
}

function matchTime(pattern: Pattern, text: string): number {
  const expression = new RegExp(pattern.source, pattern.flags)
  const start = performance.now()
  if (expression.global) for (const _match of text.matchAll(expression));
  else expression.test(text)
  return performance.now() - start
}

/** How much longer the attack takes on V8 at 4× the length, the length grown until it takes a few milliseconds. */
function replayGrowth(pattern: Pattern, attack: AttackPattern): {length: number; ratio: number} {
  let length = 1_000
  while (length < 256_000 && matchTime(pattern, attackText(attack, length)) < 5) length *= 2
  const base = Math.min(...[0, 1, 2].map(() => matchTime(pattern, attackText(attack, length))))
  const grown = Math.min(...[0, 1].map(() => matchTime(pattern, attackText(attack, 4 * length))))
  return {length, ratio: grown / Math.max(base, 0.05)}
}

/** Why `pattern` may backtrack super-linearly, or undefined when it cannot. */
async function problemOf(pattern: Pattern): Promise<string | undefined> {
  const exact = await check(pattern.source, pattern.flags, AUTOMATON)
  if (exact.status === 'safe') return undefined
  if (exact.status === 'vulnerable') return `${exact.complexity.type} (automaton), attack ${exact.attack.pattern}`
  const fuzzed = await check(pattern.source, pattern.flags, FUZZ)
  if (fuzzed.status === 'safe') return undefined
  if (fuzzed.status === 'unknown') return `undecided: ${exact.error.kind}, then ${fuzzed.error.kind}`
  const growth = replayGrowth(pattern, fuzzed.attack)
  return growth.ratio < LINEAR_RATIO
    ? undefined
    : `${fuzzed.complexity.type} (fuzz), attack ${fuzzed.attack.pattern}: ${growth.ratio.toFixed(1)}× the time at 4× the length (from ${growth.length} characters)`
}
// Linear time gives 4×, quadratic 16×; the margin keeps noise from failing CI.
const LINEAR_RATIO = 8

/** Default options, then every list-of-strings option given values, so patterns built from options are built. */
function configurations(rule: PostmortemRule): unknown[] {
  const lists = Object.entries(rule.meta.schema.properties).filter(
    ([name, schema]) => name !== 'synonyms' && schema.type === 'array' && schema.items.type === 'string' && !schema.items.enum
  )
  return lists.length === 0 ? [undefined] : [undefined, Object.fromEntries(lists.map(([name]) => [name, ['Dana', 'N/A', 'to be (re)written']]))]
}

describe('no regular expression in src/ or rules/ can backtrack super-linearly', () => {
  const files = sourceFiles()
  const ruleFiles = files.filter((file) => file.startsWith(path.join(ROOT, 'rules') + path.sep))
  const {literals, constructors} = scanSources(files)
  const building = [...new Set(constructors.filter((site) => !site.literal).map((site) => path.join(ROOT, site.site.replace(/:\d+$/, ''))))]
  let constructed: Pattern[] = []

  const loadAndLint = async (): Promise<void> => {
    for (const file of building) await import(pathToFileURL(file).href)
    const rules: PostmortemRule[] = []
    for (const file of ruleFiles) {
      const rule = ((await import(pathToFileURL(file).href)) as {default?: unknown}).default
      if (typeof rule === 'function' && 'meta' in rule) rules.push(rule as PostmortemRule)
    }
    for (const rule of rules) {
      for (const options of configurations(rule)) {
        const plugins: PluggableList = [remarkLint, options === undefined ? rule : [rule, options]]
        await lint(SAMPLE_POSTMORTEM, plugins)
      }
    }
  }

  test('every `new RegExp(…)` is built when its module loads or a rule runs, so it can be checked', async () => {
    // Once so that dependencies are loaded and cached, then afresh to record.
    await loadAndLint()
    vi.resetModules()
    constructed = await recordConstructed(loadAndLint)
    const recordedSites = new Set(constructed.map((pattern) => pattern.site))
    const unchecked = constructors.filter((site) => !site.literal && !recordedSites.has(site.site)).map((site) => site.site)
    expect(unchecked, 'patterns never built on the sample: build them at module level or when a rule runs').toEqual([])
  })

  test('the collection finds the patterns the model is made of', () => {
    const all = [...literals, ...constructed]
    expect(all.length).toBeGreaterThan(30)
    // Spot checks that both ways of collecting work.
    expect(literals.some((pattern) => pattern.site.startsWith('src/model/text/text.ts') && pattern.source.startsWith('^(?:[\\s>|`[(]'))).toBe(true)
    expect(constructed.some((pattern) => pattern.site.startsWith('src/model/duration/duration.ts'))).toBe(true)
  })

  test('recheck finds every one safe, or V8 takes linear time on the attack it found', async () => {
    const patterns = [...literals, ...constructors.flatMap((site) => (site.literal ? [site.literal] : [])), ...constructed]
    const unique = new Map(patterns.map((pattern) => [`/${pattern.source}/${pattern.flags}`, pattern]))
    const problems: string[] = []
    for (const [shown, pattern] of unique) {
      const started = performance.now()
      const problem = await problemOf(pattern)
      if (problem) problems.push(`${pattern.site} ${shown}: ${problem}`)
      if (process.env.RECHECK_TIMES) console.log(`${(performance.now() - started).toFixed(0)} ms ${pattern.site}`)
    }
    expect(problems).toEqual([])
  }, 120_000)
})
