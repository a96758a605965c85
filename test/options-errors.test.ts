import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {rules} from '../src/index.js'
import {type Schema, describeSchema} from '../src/lint/options.js'
import type {PostmortemRule} from '../src/lint/rule.js'
import {lint} from './support/lint.js'

/** A value of the wrong type for `schema`, as people get options wrong: a bare value for a list, text for a number. */
function wrongValueFor(schema: Schema): unknown {
  switch (schema.type) {
    case 'number':
      return 'five'
    case 'boolean':
      return 'yes'
    case 'string':
      return 42
    case 'array':
      return 'not-a-list'
    case 'object':
      return ['not', 'an', 'object']
  }
}

/** The error a rule configured with `config` fails with when remark sets it up. */
function configurationError(rule: PostmortemRule, config: unknown): string {
  try {
    unified().use(remarkParse).use(rule, config).freeze()
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  return 'no error'
}

const ruleList = Object.values(rules)
const options = ruleList.flatMap((rule) =>
  Object.entries(rule.meta.schema.properties).map(([name, schema]) => [rule.meta.id, name, rule, schema] as const)
)

describe.each(ruleList.map((rule) => [rule.meta.id, rule] as const))('%s options', (id, rule) => {
  const known = Object.keys(rule.meta.schema.properties)

  it('takes synonyms like every rule', () => {
    expect(known).toContain('synonyms')
  })

  it('rejects an unknown option with one message naming the rule, the option and the known ones', async () => {
    const message = configurationError(rule, {notAnOption: 1})
    expect(message.split('\n')).toHaveLength(1)
    expect(message.startsWith(`${id}: invalid option \`notAnOption\`: expected `)).toBe(true)
    for (const name of known) expect(message).toContain(`\`${name}\``)
    await expect(lint('# Outage\n', [[rule, {notAnOption: 1}]])).rejects.toThrow(message)
  })

  it('rejects options that are not an object', () => {
    expect(configurationError(rule, 'UTC')).toBe(`${id}: invalid options: expected ${describeSchema(rule.meta.schema)}, got "UTC"`)
    expect(configurationError(rule, 5)).toBe(`${id}: invalid options: expected ${describeSchema(rule.meta.schema)}, got 5`)
  })

  it('checks options given with a severity', () => {
    expect(configurationError(rule, ['error', {notAnOption: 1}])).toMatch(new RegExp(`^${id}: invalid option \`notAnOption\``))
    expect(configurationError(rule, [2, {notAnOption: 1}])).toMatch(new RegExp(`^${id}: invalid option \`notAnOption\``))
  })

  it('runs with its defaults, turned on or given a severity alone', async () => {
    for (const config of [undefined, true, [1], ['warn'], {}]) {
      expect(configurationError(rule, config)).toBe('no error')
    }
    await expect(lint('# Outage\n', [[rule, {}]])).resolves.toBeInstanceOf(Array)
  })
})

describe.each(options)('%s option `%s`', (id, name, rule, schema) => {
  it('rejects a wrong value with one message naming the rule, the option and what was expected', async () => {
    const wrong = wrongValueFor(schema)
    const message = configurationError(rule, {[name]: wrong})
    expect(message).toBe(`${id}: invalid option \`${name}\`: expected ${describeSchema(schema)}, got ${JSON.stringify(wrong)}`)
    await expect(lint('# Outage\n', [[rule, {[name]: wrong}]])).rejects.toThrow(message)
  })
})

describe('messages for the options of the core rules', () => {
  it.each([
    ['postmortem-duration-consistency', {tolerance: '5m'}, 'postmortem-duration-consistency: invalid option `tolerance`: expected a number ≥ 0, got "5m"'],
    ['postmortem-duration-consistency', {tolerance: -5}, 'postmortem-duration-consistency: invalid option `tolerance`: expected a number ≥ 0, got -5'],
    [
      'postmortem-duration-consistency',
      {tolerence: 5},
      'postmortem-duration-consistency: invalid option `tolerence`: expected one of `tolerance`, `synonyms` (did you mean `tolerance`?), got an unknown option'
    ],
    [
      'postmortem-required-sections',
      {sections: ['summary', 'postmortem']},
      'postmortem-required-sections: invalid option `sections[1]`: expected one of "summary", "impact", "timeline", "root-cause", "resolution", "action-items", "lessons-learned", got "postmortem"'
    ],
    [
      'postmortem-section-order',
      {order: ['summary', 'timeline', 'summary']},
      'postmortem-section-order: invalid option `order`: expected an array of strings among "summary", "impact", "timeline", "root-cause", "resolution", "action-items", "lessons-learned", without duplicates, got ["summary","timeline","summary"]'
    ],
    [
      'postmortem-time-zone',
      {synonyms: {timeline: 'Event log'}},
      'postmortem-time-zone: invalid option `synonyms.timeline`: expected an array of non-empty strings, got "Event log"'
    ],
    [
      'postmortem-timeline-order',
      {synonyms: {timelines: ['Event log']}},
      'postmortem-timeline-order: invalid option `synonyms.timelines`: expected one of `summary`, `impact`, `timeline`, `root-cause`, `resolution`, `action-items`, `lessons-learned` (did you mean `timeline`?), got an unknown option'
    ]
  ])('%s with %j', (id, config, message) => {
    const rule = rules[id]
    expect(rule?.meta.id).toBe(id)
    if (rule) expect(configurationError(rule, config)).toBe(message)
  })
})
