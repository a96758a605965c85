import {describe, expect, it} from 'vitest'
import {DEFAULT_VAGUE_VERBS, actionItemsOf, actionText, isVague} from '../../src/model/action-items.js'
import {read} from './support.js'

const OPTIONS = {vagueVerbs: DEFAULT_VAGUE_VERBS}

function items(markdown: string, frontmatter = false) {
  const {tree, model} = read(markdown, {frontmatter})
  return actionItemsOf(tree, model, OPTIONS).map((item) => ({
    action: actionText(item).text,
    owner: item.owner?.text,
    tracking: item.tracking?.text,
    due: item.due?.text,
    done: item.done,
    vague: isVague(item, OPTIONS)
  }))
}

describe('actionItemsOf', () => {
  it('reads owners, tracking references and due dates of list items', () => {
    expect(items('## Action items\n\n- Add a lag alert - @mara, OPS-412, due 2024-09-30\n- Owner: Sam Lee. Pin the image (#88)\n- Move it ([T-7](https://t.example/7)) jonas@\n')).toEqual([
      {action: 'Add a lag alert', owner: '@mara', tracking: 'OPS-412', due: '2024-09-30', done: false, vague: false},
      {action: 'Sam Lee. Pin the image', owner: 'Sam Lee', tracking: '#88', due: undefined, done: false, vague: false},
      {action: 'Move it', owner: 'jonas@', tracking: '[T-7](https://t.example/7)', due: undefined, done: false, vague: false}
    ])
  })

  it('does not take zones, standards or e-mail addresses for references or owners', () => {
    expect(items('## Action items\n\n- Move the job to 10:00 UTC-4 and hash with SHA-256; mail ops@example.com\n')).toEqual([
      {action: 'Move the job to 10:00 UTC-4 and hash with SHA-256; mail ops@example.com', owner: undefined, tracking: undefined, due: undefined, done: false, vague: false}
    ])
  })

  it('takes group labels for groups and leaves example lists and template prompts out', () => {
    const found = items('## Corrective measures\n\n- **Tasks:**\n  - Add an alert\n  - Patch the proxy\n  - [How to prevent it]\n\nExamples:\n\n1. any fixes we need\n')
    expect(found.map((item) => item.action)).toEqual(['Add an alert', 'Patch the proxy'])
  })

  it('knows done items', () => {
    const found = items('## Action items\n\n- [x] Roll back\n- Drain the queue (done)\n- Pin it. OWNER: ana@ (DONE)\n- The script was updated to retry\n- We added a check\n- Add a test\n')
    expect(found.map((item) => item.done)).toEqual([true, true, true, true, true, false])
    expect(items('## Action items\n\n- Added a canary\n- Conducted a review\n').map((item) => item.done)).toEqual([true, true])
    expect(items('## Action items\n\n- Added a canary\n- Review the alerts\n').map((item) => item.done)).toEqual([false, false])
  })

  it('reads tables by their column titles and skips empty and template rows', () => {
    const table = '## Action items\n\n| Action | Owner | Ticket | Status |\n| --- | --- | --- | --- |\n| Add a canary | @ana | | done |\n| Alert on expiry | | OPS-8 | open |\n|  |  |  |  |\n| [Preventive action 1] | [Name] | | |\n'
    expect(items(table)).toEqual([
      {action: 'Add a canary', owner: '@ana', tracking: undefined, due: undefined, done: true, vague: false},
      {action: 'Alert on expiry', owner: undefined, tracking: 'OPS-8', due: undefined, done: false, vague: false}
    ])
  })

  it('reads lines that start with an action verb in a section of plain lines', () => {
    const found = items('Corrective and Preventive Measures:\nTasks:\nSet up an expiry check.\nUpdate the runbook (DOCS-31).\nWe will keep watching.\nDon\'t let this be you!\n')
    expect(found.map((item) => [item.action, item.tracking])).toEqual([['Set up an expiry check.', undefined], ['Update the runbook', 'DOCS-31']])
  })

  it('knows vague items: a vague verb and almost nothing after it', () => {
    const found = items('## Action items\n\n- Improve monitoring (#4)\n- Better alerting\n- Enhance monitoring to page on certificate expiry\n- Investigate k8s training\n')
    expect(found.map((item) => [item.action, item.vague])).toEqual([
      ['Improve monitoring', true],
      ['Better alerting', true],
      ['Enhance monitoring to page on certificate expiry', false],
      ['Investigate k8s training', true]
    ])
  })

  it('lists the items of a section inside another once', () => {
    const found = items('## Corrective and Preventative Measures\n\n- **Action Items:**\n  1. Add an alert\n')
    expect(found.map((item) => item.action)).toEqual(['Add an alert'])
  })
})
