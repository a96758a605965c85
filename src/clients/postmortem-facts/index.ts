import fs from 'node:fs/promises'
import path from 'node:path'
import type {Writable} from 'node:stream'
import {UsageError} from '../shared/usage-error.js'
import {extractFacts, factsParser} from '../../model/facts/extract-facts.js'
import {HELP, isMorgueFormat, parseFactsArguments} from './args.js'
import {morgueRecordOf, morgueReport} from './morgue.js'
import {collectFiles} from './files.js'
import {formatReport} from './formats.js'
import {type ReportIncident, htmlReport} from './html.js'
import {compareRows, rowOf} from './rows.js'
import {summarize} from './periods.js'
import {collectOpenItems, today} from '../shared/open-items.js'
import {recurringGroups} from './recurring.js'
import {linkDestinations, unlinkedIncidents, unlinkedLine} from './related.js'
import {appendAll} from '../../model/support/arrays.js'

// As extractFacts parses: front matter as YAML, a long document in parts.
const parser = factsParser

export interface FactsCliOptions {
  /** Arguments after the executable (`process.argv.slice(2)`). */
  argv: readonly string[]
  version: string
  cwd?: string
  stdout?: Writable
  stderr?: Writable
}

const NAME = 'postmortem-facts'

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())))
}

function describeError(error: unknown): string {
  if (error instanceof UsageError) return `${NAME}: ${error.message}\nTry \`${NAME} --help\`.\n`
  return `${NAME}: ${error instanceof Error ? error.message : String(error)}\n`
}

/** An incident as read: its facts and row, and where its links lead. */
interface ReadIncident extends ReportIncident {
  links: string[]
}


/** Reads every postmortem the paths name, in parallel batches: a folder may hold thousands. */
async function readIncidents(files: readonly string[], cwd: string): Promise<ReadIncident[]> {
  const batch = 32
  const incidents: ReadIncident[] = []
  for (let index = 0; index < files.length; index += batch) {
    const read = await Promise.all(files.slice(index, index + batch).map(async (file) => {
      const text = await fs.readFile(file, 'utf8').catch((error: unknown) => {
        throw new Error(`cannot read \`${path.relative(cwd, file)}\`: ${error instanceof Error ? error.message : String(error)}`)
      })
      // One tree for the facts and the links.
      const tree = parser.parse(text)
      const facts = extractFacts(tree, text)
      const name = path.relative(cwd, file).split(path.sep).join('/')
      return {row: rowOf(name, facts), facts, links: linkDestinations(tree)}
    }))
    appendAll(incidents, read)
  }
  return incidents.sort((a, b) => compareRows(a.row, b.row))
}

/** The lines of `--check-related`, and its exit code: 1 when a postmortem should link an earlier one. */
async function checkRelated(incidents: readonly ReadIncident[], stdout: Writable): Promise<number> {
  const byFile = new Map(incidents.map((incident) => [incident.row.file, incident]))
  const unlinked = unlinkedIncidents(recurringGroups(incidents), (file) => byFile.get(file)?.links ?? [], (file) => byFile.get(file)?.facts.cause?.position)
  await write(stdout, unlinked.map((found) => `${unlinkedLine(found)}\n`).join(''))
  return unlinked.length > 0 ? 1 : 0
}

/**
 * Runs `postmortem-facts` with `options.argv` and resolves to its exit code:
 * 1 when the command is wrong or a path cannot be read or written, 0 otherwise.
 */
export async function main(options: FactsCliOptions): Promise<number> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const stdout = options.stdout ?? process.stdout
  const stderr = options.stderr ?? process.stderr
  try {
    const args = parseFactsArguments(options.argv)
    if (args.help) {
      await write(stdout, HELP)
      return 0
    }
    if (args.version) {
      await write(stdout, `${options.version}\n`)
      return 0
    }
    const incidents = await readIncidents(await collectFiles(args.paths, cwd), cwd)
    if (args.checkRelated) return await checkRelated(incidents, stdout)
    const rows = incidents.map((incident) => incident.row)
    const summary = summarize(rows)
    const openItems = collectOpenItems(incidents.map(({row, facts}) => ({file: row.file, facts})), args.asOf ?? today())
    const insights = {openItems, groups: recurringGroups(incidents)}
    if (args.html) {
      const target = path.resolve(cwd, args.html)
      await fs.writeFile(target, htmlReport(incidents, summary, insights)).catch((error: unknown) => {
        throw new Error(`cannot write the report to \`${args.html}\`: ${error instanceof Error ? error.message : String(error)}`)
      })
    }
    const {format} = args
    const output = isMorgueFormat(format)
      ? morgueReport(format, incidents.map(({row, facts}) => morgueRecordOf(row.file, facts)))
      : formatReport(format, rows, summary, args, insights)
    await write(stdout, output)
    return 0
  } catch (error) {
    await write(stderr, describeError(error))
    return 1
  }
}
