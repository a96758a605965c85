/**
 * `npm run bench:accuracy`: precision and recall of each rule against the
 * human labels of ../shared/corpus and ../shared/corpus2, then the share of
 * injected defects each rule catches. `-- --verbose` lists every false alarm
 * and every miss.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {formatCorpus, loadLabelled, scoreCorpus} from './labels.js'
import {formatReport, runAccuracy} from './run.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const shared = path.resolve(root, '../shared')
const verbose = process.argv.includes('--verbose')

if (!fs.existsSync(path.join(shared, 'corpus'))) {
  console.log(`No labelled corpora under ${shared}: nothing to measure.`)
  process.exit(0)
}

let crashes = 0
for (const corpus of ['corpus', 'corpus2']) {
  const score = scoreCorpus(corpus, loadLabelled(path.join(shared, corpus)))
  crashes += score.crashes.length
  console.log(`${formatCorpus(score, verbose)}\n`)
}

const documents = ['seeds', 'corpus', 'corpus2'].flatMap((folder) => {
  const dir = path.join(shared, folder)
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({name: `${folder}/${name}`, text: fs.readFileSync(path.join(dir, name), 'utf8')}))
})
const report = runAccuracy(documents)
console.log(`### Injected defects (${documents.length} documents)\n`)
console.log(formatReport(report))
for (const crash of report.crashes) console.log(`CRASH ${crash}`)
process.exitCode = crashes + report.crashes.length > 0 ? 1 : 0
