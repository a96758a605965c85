/**
 * `npm run bench:accuracy`: lints every shared document as it is, lists every
 * message so each can be reviewed, injects one defect at a time and prints
 * what was caught.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {formatReport, runAccuracy} from './run.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const shared = path.resolve(root, '../shared')

const documents = ['seeds', 'corpus'].flatMap((folder) => {
  const dir = path.join(shared, folder)
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({name: `${folder}/${name}`, text: fs.readFileSync(path.join(dir, name), 'utf8')}))
})

if (documents.length === 0) {
  console.log(`No documents under ${shared}: nothing to measure.`)
  process.exit(0)
}

const report = runAccuracy(documents)
console.log('Messages on the unmodified documents:\n')
for (const finding of report.findings) {
  console.log(`${finding.file}:${finding.line}:${finding.column}  ${finding.rule}  ${finding.reason}`)
}
console.log(`\n${documents.length} documents\n`)
console.log(formatReport(report))
for (const crash of report.crashes) console.log(`CRASH ${crash}`)
process.exitCode = report.crashes.length > 0 ? 1 : 0
