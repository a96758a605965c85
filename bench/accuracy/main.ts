/**
 * `npm run bench:accuracy`: precision and recall of each rule against the
 * human labels of ../shared/corpus and ../shared/corpus2, then the share of
 * injected defects each rule catches. `-- --verbose` lists every false alarm
 * and every miss; `-- --write-floors` records this run's levels as the
 * floors test/accuracy.test.ts holds the rules to.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {FLOORS_FILE, floorsOf} from './floors.js'
import {type CorpusScore, formatCorpus, loadCorpora, scoreCorpus} from './labels.js'
import {formatReport, runAccuracy} from './run.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const shared = path.resolve(root, '../shared')
const verbose = process.argv.includes('--verbose')

if (!fs.existsSync(path.join(shared, 'corpus'))) {
  console.log(`No labelled corpora under ${shared}: nothing to measure.`)
  process.exit(0)
}

let crashes = 0
const scores: CorpusScore[] = []
const {labelled, all: documents} = loadCorpora(shared)
for (const {corpus, documents: folder} of labelled) {
  const score = scoreCorpus(corpus, folder)
  scores.push(score)
  crashes += score.crashes.length
  console.log(`${formatCorpus(score, verbose)}\n`)
}

const report = runAccuracy(documents)
console.log(`### Injected defects (${documents.length} documents)\n`)
console.log(formatReport(report))
for (const crash of report.crashes) console.log(`CRASH ${crash}`)
if (process.argv.includes('--write-floors')) {
  fs.writeFileSync(FLOORS_FILE, `${JSON.stringify(floorsOf(scores, report), null, 2)}\n`)
  console.log(`\nFloors written to ${path.relative(process.cwd(), FLOORS_FILE)}`)
}
process.exitCode = crashes + report.crashes.length > 0 ? 1 : 0
