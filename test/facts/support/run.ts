import {execFile} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const POSTMORTEMS = path.join(ROOT, 'test/facts/postmortems')
const BIN = path.join(ROOT, 'bin/postmortem-facts.js')

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs the real `postmortem-facts` bin (lib/ built by `npm test`) in `cwd`. */
export function runFacts(args: readonly string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], {cwd, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({code, stdout, stderr})
    })
  })
}

/** Splits CSV text (RFC 4180, CRLF lines, quoted fields) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index)
    if (quoted) {
      if (character === '"' && text.charAt(index + 1) === '"') {
        field += '"'
        index++
      } else if (character === '"') quoted = false
      else field += character
    } else if (character === '"') quoted = true
    else if (character === ',') {
      row.push(field)
      field = ''
    } else if (character === '\r' && text.charAt(index + 1) === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      index++
    } else field += character
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}
