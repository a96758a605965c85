import {describe, expect, it} from 'vitest'
import {incidentDateOf} from '../../src/model/time/incident-date.js'
import {read} from './support.js'

function dateOf(markdown: string): {from: string; date: string} | undefined {
  const {tree, model} = read(markdown)
  const found = incidentDateOf(tree, model)
  return found && {from: found.from, date: `${found.date.year ?? '?'}-${found.date.month}-${found.date.day}`}
}

describe('incidentDateOf', () => {
  it('takes the stated date first', () => {
    expect(dateOf('## Summary\n\nDate: 2024-03-05\n\n## Timeline\n\n- 2024-03-04 10:00 UTC a\n')).toEqual({from: 'facts', date: '2024-3-5'})
  })

  it('takes a dated timeline entry or date heading next', () => {
    expect(dateOf('## Summary\n\nCheckouts failed.\n\n## Timeline\n\n- 2024-03-04 10:00 UTC a\n')).toEqual({from: 'timeline', date: '2024-3-4'})
    expect(dateOf('## Timeline\n\n### 2024-03-06\n\n- 10:00 UTC a\n')).toEqual({from: 'timeline', date: '2024-3-6'})
  })

  it('takes the date of the title as stated, before a front matter date, which may be the day a post was published', () => {
    expect(dateOf('# Outage of March 5, 2024\n\n## Summary\n\nCheckouts failed.\n')).toEqual({from: 'facts', date: '2024-3-5'})
    expect(dateOf('---\ntitle: Report on the outage of 17th June 2019\ndate: 2019-07-02\n---\n\n## Summary\n\nIt failed.\n')).toEqual({from: 'facts', date: '2019-6-17'})
    expect(dateOf('---\ntitle: Report on the outage\ndate: 2019-07-02\n---\n\n## Summary\n\nIt failed.\n')).toEqual({from: 'facts', date: '2019-7-2'})
  })

  it('takes the introduction last, but not the date of the document', () => {
    expect(dateOf('# Outage\n\nThe outage occurred on `July 2nd, 2023`.\n\n## Summary\n\nIt failed.\n')).toEqual({from: 'introduction', date: '2023-7-2'})
    expect(dateOf('# Outage\n\nLast updated: 2024-03-09\n\n## Summary\n\nIt failed.\n')).toBeUndefined()
  })

  it('finds none in a document that gives only clock times', () => {
    expect(dateOf('## Summary\n\nFrom 2:00 PM to 4:00 PM GMT+3 the site was down.\n')).toBeUndefined()
  })
})
