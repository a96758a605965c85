import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {readFloors} from '../bench/accuracy/floors.js'
import {type CorpusScore, falseAlarmsPerDocument, loadCorpora, precision, recall, scoreCorpus} from '../bench/accuracy/labels.js'
import {type AccuracyReport, runAccuracy} from '../bench/accuracy/run.js'
import {SHARED, hasShared} from './support/shared.js'

/**
 * Accuracy against human labels, held at the levels reached so far
 * (bench/accuracy/floors.json, written by `npm run bench:accuracy -- --write-floors`):
 * a change that makes any rule less precise or miss more on a labelled corpus,
 * or raises the false alarms per document, fails here.
 */
if (!hasShared) {
  console.warn(`accuracy: skipped, no labelled corpora at ${path.relative(process.cwd(), SHARED)} (CI has ../shared beside the checkout)`)
}

describe.skipIf(!hasShared)('accuracy against the human labels of ../shared', () => {
  const floors = readFloors()
  const corpora = hasShared ? loadCorpora(SHARED) : {labelled: [], all: []}
  const scores = new Map<string, CorpusScore>()
  let report: AccuracyReport

  it.each(Object.keys(floors.corpora))('%s: no rule below its floor, no crash', (name) => {
    const documents = corpora.labelled.find((corpus) => corpus.corpus === name)?.documents ?? []
    expect(documents.length, `labelled documents in ${name}`).toBeGreaterThan(0)
    const score = scoreCorpus(name, documents)
    scores.set(name, score)
    expect(score.crashes).toEqual([])
    const floor = floors.corpora[name]!
    const below: string[] = []
    for (const rule of [...score.rules, score.sections]) {
      const expected = floor.rules[rule.rule]
      if (!expected) continue
      if (precision(rule) < expected.precision) below.push(`${rule.rule}: precision ${precision(rule).toFixed(3)} < ${expected.precision} (false alarms: ${rule.falseAlarms.join('; ')})`)
      if (recall(rule) < expected.recall) below.push(`${rule.rule}: recall ${recall(rule).toFixed(3)} < ${expected.recall} (missed: ${rule.misses.join(', ')})`)
    }
    expect(below).toEqual([])
    expect(falseAlarmsPerDocument(score)).toBeLessThanOrEqual(floor.falseAlarmsPerDocument)
  })

  it('catches injected defects at least as often as before, and 95 % of each at least', () => {
    report = runAccuracy(corpora.all)
    expect(report.crashes).toEqual([])
    for (const result of report.injections) {
      const name = result.injection.name
      expect(result.applied, `${name}: applies to no document`).toBeGreaterThan(0)
      const rate = result.caught / result.applied
      expect(rate, `${name}: missed in ${result.missed.join(', ')}`).toBeGreaterThanOrEqual(Math.min(0.95, floors.injections[name] ?? 0.95))
      expect(rate, `${name}: below its floor`).toBeGreaterThanOrEqual(floors.injections[name] ?? 0)
    }
  })
})
