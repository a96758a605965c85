import {describe, expect, it} from 'vitest'
import {rules} from '../src/index.js'
import {formatMessage} from '../src/lint/rule.js'

/** Every rule declares its messages with ids, in the house style, and fills in every name it uses. */
describe('declared messages', () => {
  for (const rule of Object.values(rules)) {
    it(`${rule.meta.id} declares its messages`, () => {
      const entries = Object.entries(rule.meta.messages)
      expect(entries.length).toBeGreaterThan(0)
      for (const [id, template] of entries) {
        expect(id).toMatch(/^[a-z][A-Za-z]+$/)
        // A finding says what it found and what was expected; a related place (a cause) says what it is.
        if (template.startsWith('Unexpected')) expect(template, id).toMatch(/, expected /)
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '')
        const data = Object.fromEntries(names.map((name) => [name, `<${name}>`]))
        expect(formatMessage(rule.meta.messages, id, data)).not.toMatch(/\{\w+\}/)
        if (names.length > 0) expect(() => formatMessage(rule.meta.messages, id, {})).toThrow(/needs a value/)
      }
    })
  }
})
