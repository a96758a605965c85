/**
 * When a document looks like a postmortem at all (PostmortemModel.looksLikePostmortem),
 * from what the model reads, in documents of our own words.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {buildModel} from '../src/model/model.js'

function looksLikePostmortem(markdown: string): boolean {
  const file = new VFile({value: markdown})
  const tree = unified().use(remarkParse).use(remarkFrontmatter).parse(file)
  return buildModel(tree, markdown).looksLikePostmortem
}

describe('looksLikePostmortem', () => {
  it.each([
    ['a section of any kind, as a heading', '# Cache\n\n## Lessons learned\n\nWarm it first.\n'],
    ['sections of three kinds, however titled', '# Cache\n\n## How we fixed it\n\nWe warmed it.\n\n## Impact on reads\n\nSlow pages.\n\n## Follow-up work\n\nAlert on misses.\n'],
    ['sections read loosely, and a clock time in its prose', '# Cache\n\n## Fixing stale reads\n\nThe cache was flushed at 10:40 UTC on May 2.\n'],
    ['a section marked by a label line', '# Cache\n\nRoot cause:\nNo eviction policy.\n'],
    ['a question title', '# Cache\n\n## Why did this happen?\n\nNo eviction.\n'],
    ['a fact label', '# Cache\n\n## Notes\n\nDuration: 40 minutes\n'],
    ['a log of timestamped updates', '# Cache\n\n## 2024-05-02T10:40:00\n\nFixed.\n\n## 2024-05-02T10:20:00\n\nFound.\n\n## 2024-05-02T10:00:00\n\nLooking.\n'],
    ['a heading that names an incident', '# Team notes\n\n## Past incidents\n\n### Router reboot\n\nThe router was rebooted.\n'],
    ['a front-matter title that names one, with a character reference', '---\ntitle: "Mirror rate limiting post&#x2011;mortem"\n---\n\n## Shallow clones\n\nThey cost the server more.\n'],
    ['no heading at all', 'The printers stopped taking jobs after the server moved.\n'],
    ['headings in a script the synonyms are not written in', '# Сбой\n\n## Что случилось\n\nТекст.\n\n## Почему\n\nТекст.\n']
  ])('is true with %s', (_name, markdown) => {
    expect(looksLikePostmortem(markdown)).toBe(true)
  })

  it.each([
    ['a README', '# tidy-queue\n\nA job queue that retries failed jobs.\n\n## Installation\n\n`npm install tidy-queue`\n\n## License\n\nMIT\n'],
    ['a guide with front matter', '---\ntitle: Deploying\n---\n\n# Deploying\n\n## Steps\n\n1. Merge.\n2. Approve.\n'],
    ['an opening paragraph, which is no named summary', '# Shop\n\nHow to run the shop on your laptop, with the database in a container.\n'],
    ['a README whose sections are read loosely, without a clock time', '# tidy-queue\n\n## Fixing stuck jobs\n\nRestart the worker.\n\n## Impact of retries on throughput\n\nRetries slow the queue.\n'],
    ['times in code only', '# Cron\n\n## Example\n\n```\n10:00 run backup\n11:00 run report\n```\n'],
    ['a runbook whose only length is a bound', '# Failover\n\nUse this when the primary is unreachable for more than 5 minutes.\n\n## Steps\n\n1. Promote the replica.\n']
  ])('is false for %s', (_name, markdown) => {
    expect(looksLikePostmortem(markdown)).toBe(false)
  })
})
