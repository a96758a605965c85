import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {check} from 'recheck'
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
// repetition inside a star): the fuzz checker, with a fixed seed, decides
// those (after a second of the automaton checker: those it decides take far
// less). An attack either reports fails the test, with the attack to replay:
// no pattern is let through on a timing of V8, which a busy machine makes
// noisy (a pattern the fuzz checker flags for a large bounded repetition is
// rewritten so that the automaton checker can decide it).
const AUTOMATON = {checker: 'automaton', timeout: 1_000} as const
const FUZZ = {checker: 'fuzz', timeout: 10_000, randomSeed: 20_240_601} as const

/** Why `pattern` may backtrack super-linearly, or undefined when it cannot. */
async function problemOf(pattern: Pattern): Promise<string | undefined> {
  const exact = await check(pattern.source, pattern.flags, AUTOMATON)
  if (exact.status === 'safe') return undefined
  if (exact.status === 'vulnerable') return `${exact.complexity.type} (automaton), attack ${exact.attack.pattern}`
  const fuzzed = await check(pattern.source, pattern.flags, FUZZ)
  if (fuzzed.status === 'safe') return undefined
  if (fuzzed.status === 'unknown') return `undecided: ${exact.error.kind}, then ${fuzzed.error.kind}`
  return `${fuzzed.complexity.type} (fuzz), attack ${fuzzed.attack.pattern}`
}

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

  test('recheck finds every one safe', async () => {
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
