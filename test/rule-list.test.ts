import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../src/index.js'

/**
 * A rule is its file in rules/, its fixtures and its page. Everything else
 * that lists the rules is checked here against the rules themselves: the
 * list in src/rules.ts, and the tables of README.md and docs/rules/README.md.
 */
const ROOT = path.resolve(import.meta.dirname, '..')
const ruleFiles = fs.readdirSync(path.join(ROOT, 'rules')).filter((file) => file.endsWith('.ts')).map((file) => file.replace(/\.ts$/, '')).sort()
const camelCase = (name: string): string => name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase())

/** The rows of the first table in `file` that link a rule page: id → the row's cells. */
function tableRows(file: string): Map<string, string[]> {
  const rows = new Map<string, string[]>()
  for (const line of fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n')) {
    const id = /^\|\s*\[`?(postmortem-[a-z-]+)`?\]\(/.exec(line)?.[1]
    if (id) rows.set(id, line.split('|').slice(1, -1).map((cell) => cell.trim()))
  }
  return rows
}

describe('the list of rules', () => {
  it('exports every file of rules/ from src/rules.ts, and nothing else', () => {
    const listed = Object.values(rules).map((rule) => rule.meta.name).sort()
    const missing = ruleFiles.filter((name) => !listed.includes(name)).map((name) => `add \`export {default as ${camelCase(name)}} from '../rules/${name}.js'\` to src/rules.ts`)
    expect(missing).toEqual([])
    expect(listed).toEqual(ruleFiles)
  })

  it.each(['README.md', 'docs/rules/README.md'])('has one row per rule in the table of %s, with its preset and whether it is fixable', (file) => {
    const rows = tableRows(file)
    expect([...rows.keys()].sort()).toEqual(Object.keys(rules).sort())
    for (const rule of Object.values(rules)) {
      const cells = rows.get(rule.meta.id) ?? []
      expect(cells[0], `${file}: ${rule.meta.id}`).toContain(`${rule.meta.name}.md`)
      expect(cells[2], `${file}: preset of ${rule.meta.id}`).toBe(rule.meta.preset)
      expect(cells[3] === 'yes', `${file}: fixable of ${rule.meta.id}`).toBe(Boolean(rule.meta.fixable))
    }
  })
})
