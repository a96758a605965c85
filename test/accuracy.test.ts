import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {type AccuracyReport, runAccuracy} from '../bench/accuracy/run.js'
import {hasShared, sharedDocuments} from './support/shared.js'

interface Review {
  file: string
  rule: string
  count: number
  why: string
}

const REVIEWED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bench/accuracy/reviewed.json')

describe.skipIf(!hasShared)('accuracy on the shared postmortems', () => {
  let report: AccuracyReport
  const documents = () => [
    ...sharedDocuments('seeds').map((doc) => ({name: `seeds/${doc.name}`, text: doc.text})),
    ...sharedDocuments('corpus').map((doc) => ({name: `corpus/${doc.name}`, text: doc.text}))
  ]

  it('lints every document and mutant without a crash', () => {
    report = runAccuracy(documents())
    expect(report.crashes).toEqual([])
  })

  it('catches at least 95 % of each kind of injected defect', () => {
    for (const result of report.injections) {
      expect(result.applied, result.injection.name).toBeGreaterThan(0)
      expect(result.caught / result.applied, `${result.injection.name}: missed in ${result.missed.join(', ')}`).toBeGreaterThanOrEqual(0.95)
    }
  })

  it('gives only messages that were reviewed as true findings', () => {
    const reviews: Review[] = JSON.parse(fs.readFileSync(REVIEWED, 'utf8'))
    const counts = new Map<string, number>()
    for (const finding of report.findings) {
      const key = `${finding.file} ${finding.rule}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    const reviewed = new Map(reviews.map((review) => [`${review.file} ${review.rule}`, review.count]))
    const unreviewed = [...counts].filter(([key, count]) => reviewed.get(key) !== count).map(([key, count]) => `${key} ×${count} (reviewed ×${reviewed.get(key) ?? 0})`)
    const gone = [...reviewed].filter(([key]) => !counts.has(key)).map(([key]) => key)
    expect(unreviewed, 'messages not reviewed in bench/accuracy/reviewed.json').toEqual([])
    expect(gone, 'reviewed messages no longer given: update bench/accuracy/reviewed.json').toEqual([])
  })
})
