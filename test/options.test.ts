import {describe, expect, it} from 'vitest'
import {type Schema, describeSchema, findProblem} from '../src/lint/options.js'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {recommended, strict} from '../src/index.js'

const KINDS = ['summary', 'timeline'] as const
const SCHEMA: Schema = {
  type: 'object',
  properties: {
    tolerance: {type: 'number', minimum: 0},
    retries: {type: 'number', integer: true, minimum: 1, maximum: 5},
    strict: {type: 'boolean'},
    label: {type: 'string'},
    kind: {type: 'string', enum: KINDS},
    sections: {type: 'array', items: {type: 'string', enum: KINDS}, uniqueItems: true},
    names: {type: 'array', items: {type: 'string'}, minItems: 1},
    synonyms: {type: 'object', properties: {summary: {type: 'array', items: {type: 'string'}}, timeline: {type: 'array', items: {type: 'string'}}}}
  }
}

describe('describeSchema', () => {
  it.each([
    [{type: 'number'}, 'a number'],
    [{type: 'number', minimum: 0}, 'a number ≥ 0'],
    [{type: 'number', integer: true, minimum: 1, maximum: 5}, 'an integer ≥ 1 and ≤ 5'],
    [{type: 'boolean'}, 'true or false'],
    [{type: 'string'}, 'a non-empty string'],
    [{type: 'string', enum: KINDS}, 'one of "summary", "timeline"'],
    [{type: 'array', items: {type: 'string'}}, 'an array of non-empty strings'],
    [{type: 'array', items: {type: 'number', minimum: 0}, minItems: 1}, 'an array of numbers ≥ 0 with at least 1 item'],
    [{type: 'array', items: {type: 'string', enum: KINDS}, uniqueItems: true}, 'an array of strings among "summary", "timeline", without duplicates'],
    [{type: 'object', properties: {a: {type: 'boolean'}, b: {type: 'boolean'}}}, 'an object with any of `a`, `b`'],
    [{type: 'object', properties: {}}, 'an object with no fields']
  ] as Array<[Schema, string]>)('%j', (schema, text) => {
    expect(describeSchema(schema)).toBe(text)
  })
})

describe('findProblem', () => {
  it.each([
    [{}],
    [{tolerance: 0}],
    [{tolerance: 12.5}],
    [{retries: 5}],
    [{strict: false}],
    [{label: 'x'}],
    [{kind: 'timeline'}],
    [{sections: []}],
    [{sections: ['timeline', 'summary']}],
    [{names: ['a']}],
    [{synonyms: {timeline: ['Event log']}}],
    [{tolerance: undefined}]
  ])('accepts %j', (value) => {
    expect(findProblem(SCHEMA, value, '')).toBeUndefined()
  })

  it.each([
    [{tolerance: '5m'}, ['tolerance', 'a number ≥ 0', '"5m"']],
    [{tolerance: -1}, ['tolerance', 'a number ≥ 0', '-1']],
    [{tolerance: Number.NaN}, ['tolerance', 'a number ≥ 0', 'NaN']],
    [{tolerance: Number.POSITIVE_INFINITY}, ['tolerance', 'a number ≥ 0', 'Infinity']],
    [{retries: 2.5}, ['retries', 'an integer ≥ 1 and ≤ 5', '2.5']],
    [{retries: 6}, ['retries', 'an integer ≥ 1 and ≤ 5', '6']],
    [{strict: 'yes'}, ['strict', 'true or false', '"yes"']],
    [{label: ''}, ['label', 'a non-empty string', '""']],
    [{label: '  '}, ['label', 'a non-empty string', '"  "']],
    [{kind: 'impact'}, ['kind', 'one of "summary", "timeline"', '"impact"']],
    [{sections: 'summary'}, ['sections', 'an array of strings among "summary", "timeline", without duplicates', '"summary"']],
    [{sections: ['summary', 'summary']}, ['sections', 'an array of strings among "summary", "timeline", without duplicates', '["summary","summary"]']],
    [{sections: ['summary', 'impact']}, ['sections[1]', 'one of "summary", "timeline"', '"impact"']],
    [{kind: 'sumary'}, ['kind', 'one of "summary", "timeline" (did you mean "summary"?)', '"sumary"']],
    [{sections: ['Timeline']}, ['sections[0]', 'one of "summary", "timeline" (did you mean "timeline"?)', '"Timeline"']],
    [{names: []}, ['names', 'an array of non-empty strings with at least 1 item', '[]']],
    [{synonyms: {timeline: 'Event log'}}, ['synonyms.timeline', 'an array of non-empty strings', '"Event log"']],
    [{synonyms: {timeline: [5]}}, ['synonyms.timeline[0]', 'a non-empty string', '5']],
    [{synonyms: []}, ['synonyms', 'an object with any of `summary`, `timeline`', '[]']],
    [{synonyms: null}, ['synonyms', 'an object with any of `summary`, `timeline`', 'null']]
  ])('rejects %j', (value, problem) => {
    expect(findProblem(SCHEMA, value, '')).toEqual(problem)
  })

  it('rejects values that are not an object of options', () => {
    const expected = 'an object with any of `tolerance`, `retries`, `strict`, `label`, `kind`, `sections`, `names`, `synonyms`'
    expect(findProblem(SCHEMA, 'summary', '')).toEqual(['', expected, '"summary"'])
    expect(findProblem(SCHEMA, ['summary'], '')).toEqual(['', expected, '["summary"]'])
    expect(findProblem(SCHEMA, 3, '')).toEqual(['', expected, '3'])
  })

  it('names an unknown option, the known ones, and the likely one', () => {
    expect(findProblem(SCHEMA, {tolerence: 5}, '')).toEqual([
      'tolerence',
      'one of `tolerance`, `retries`, `strict`, `label`, `kind`, `sections`, `names`, `synonyms` (did you mean `tolerance`?)',
      'an unknown option'
    ])
    expect(findProblem(SCHEMA, {zone: 'UTC'}, '')?.[1]).not.toContain('did you mean')
    expect(findProblem(SCHEMA, {synonyms: {timelines: []}}, '')).toEqual([
      'synonyms.timelines',
      'one of `summary`, `timeline` (did you mean `timeline`?)',
      'an unknown option'
    ])
    expect(findProblem({type: 'object', properties: {synonyms: {type: 'boolean'}}}, {synonym: true}, '')?.[1]).toBe('the only option, `synonyms`')
  })

  it('describes values that JSON cannot show', () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect(findProblem(SCHEMA, {strict: circular}, '')).toEqual(['strict', 'true or false', '[object Object]'])
    expect(findProblem(SCHEMA, {strict: () => 1}, '')?.[2]).toContain('=>')
  })
})

describe('settings.postmortem.synonyms: one table for every rule', () => {
  const DOCUMENT = '# Outage\n\n## Summary\n\n20% of users.\n\n## Story of the day\n\n- 10:05 UTC Alert.\n- 10:20 UTC Fixed.\n\n## Root cause\n\nA bug.\n\n## Resolution\n\nRolled back.\n\n## Action items\n\n- Test more.\n'

  async function messagesWith(settings: unknown): Promise<string[]> {
    const file = new VFile({path: 'postmortem.md', value: DOCUMENT})
    const processor = unified().use(remarkParse).data('settings', settings as never).use(recommended)
    await processor.run(processor.parse(file), file)
    return file.messages.map((message) => `${message.ruleId}: ${message.reason}`)
  }

  it('reaches required-sections and the timeline rules from the processor settings', async () => {
    expect((await messagesWith({})).some((message) => message.includes('missing timeline'))).toBe(true)
    expect(await messagesWith({postmortem: {synonyms: {timeline: ['Story of the day']}}})).toEqual([])
  })

  it('fails once, in one line, when the table is not one', async () => {
    await expect(messagesWith({postmortem: {synonyms: {timeline: 'Story of the day'}}})).rejects.toThrow(/^settings: invalid `postmortem\.synonyms\.timeline`: expected /)
  })
})

describe('settings.postmortem.requirePostmortem: every file is a postmortem', () => {
  // A README in our own words: headings of its own, none a postmortem's.
  const README = '# tidy-queue\n\nA job queue that retries failed jobs.\n\n## Installation\n\n`npm install tidy-queue`\n\n## License\n\nMIT\n'

  async function messagesWith(settings: unknown, preset = recommended): Promise<string[]> {
    const file = new VFile({path: 'README.md', value: README})
    const processor = unified().use(remarkParse).data('settings', settings as never).use(preset)
    await processor.run(processor.parse(file), file)
    return file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.reason}`)
  }

  it('says once, and only once, that a README is no postmortem', async () => {
    const once = [
      '1:1 postmortem-required-sections: Unexpected document without any postmortem section, expected a postmortem (summary, timeline, root cause, resolution, action items); not checked for sections'
    ]
    expect(await messagesWith({})).toEqual(once)
    expect(await messagesWith({}, strict)).toEqual(once)
    expect(await messagesWith({postmortem: {requirePostmortem: false}})).toEqual(once)
  })

  it('checks the README as a postmortem when every file is one', async () => {
    const messages = await messagesWith({postmortem: {requirePostmortem: true}})
    expect(messages.filter((message) => message.includes('Unexpected missing'))).toHaveLength(5)
    expect(messages.some((message) => message.includes('postmortem-impact-quantified'))).toBe(true)
  })

  it('fails once, in one line, on a wrong value or a misspelt name', async () => {
    await expect(messagesWith({postmortem: {requirePostmortem: 'yes'}})).rejects.toThrow(
      'settings: invalid `postmortem.requirePostmortem`: expected true or false, got "yes"'
    )
    await expect(messagesWith({postmortem: {requirePostmortems: true}})).rejects.toThrow(
      'settings: invalid `postmortem.requirePostmortems`: expected one of `synonyms`, `requirePostmortem`, `template` (did you mean `requirePostmortem`?), got an unknown option'
    )
  })
})
