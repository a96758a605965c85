import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

/**
 * The README's and docs' examples pin a release by tag (docs/releasing.md):
 * `rev: v<version>` for pre-commit, `@v<major>` for the Action. They must
 * name the version package.json is at, which the release step tags.
 */

const ROOT = path.resolve(import.meta.dirname, '..')
const {version} = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {version: string}
const PAGES = ['README.md', 'docs/cli.md', 'docs/action.md']
const read = (page: string): string => fs.readFileSync(path.join(ROOT, page), 'utf8')

describe('pinned versions in the examples', () => {
  it('pre-commit examples pin this release', () => {
    const revs = PAGES.flatMap((page) => [...read(page).matchAll(/^\s*rev:\s*(\S+)/gm)].map((match) => [page, match[1]]))
    expect(revs.length).toBeGreaterThan(0)
    for (const [page, rev] of revs) expect(rev, page).toBe(`v${version}`)
  })

  it('Action examples pin this major version', () => {
    const uses = PAGES.flatMap((page) => [...read(page).matchAll(/uses:\s*remark-preset-lint-postmortem\/remark-preset-lint-postmortem@(\S+)/g)].map((match) => [page, match[1]]))
    expect(uses.length).toBeGreaterThan(0)
    for (const [page, ref] of uses) expect(ref, page).toBe(`v${version.split('.')[0]}`)
  })
})
