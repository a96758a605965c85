import {execFile} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
const MAIN = path.join(ROOT, 'lib/bench/main.js')

interface Row {
  measure: string
  value: number
  target: string
}

// The benchmark at a tiny scale, to check it still runs end to end with every
// tool; its figures mean nothing at this size and are not checked.
describe('npm run bench', () => {
  it('measures every row on a tiny corpus', async () => {
    expect(fs.existsSync(MAIN), `${MAIN} is built by \`npm run build\``).toBe(true)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'))
    const json = path.join(dir, 'result.json')
    try {
      const {stdout} = await promisify(execFile)(process.execPath, [MAIN, '--smoke', '--json', json], {cwd: ROOT})
      const result = JSON.parse(fs.readFileSync(json, 'utf8')) as {rows: Row[]; machine: Record<string, unknown>}
      expect(result.rows.map((row) => row.target)).toEqual([
        '≤ 1.5×',
        'reference',
        '≤ 11×',
        '≤ 0.6×',
        '≤ 0.8×',
        'reference',
        '≤ 0.05×',
        '≤ 0.4×',
        'reference',
        '≤ 50 ms',
        '≤ 11×',
        '≤ 300 MB',
        // Two threads, then two processes, against one thread, for the smoke run's one number of files.
        'reference',
        'reference'
      ])
      for (const row of result.rows) {
        expect(Number.isFinite(row.value) && row.value > 0, `${row.measure}: ${row.value}`).toBe(true)
      }
      expect(result.machine).toHaveProperty('nproc')
      expect(stdout).toContain('| measure |')
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  })

  it('measures the reliability targets on tiny inputs (only when named)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'))
    const json = path.join(dir, 'result.json')
    try {
      const {stdout} = await promisify(execFile)(process.execPath, [MAIN, '--smoke', '--only', 'reliability', '--json', json], {cwd: ROOT})
      const {reliability} = JSON.parse(fs.readFileSync(json, 'utf8')) as {
        reliability: {
          scaled: Array<{shape: string; bytes: number[]; peakBytes: number[]; exitCodes: number[]; parseOnly?: {peakBytes: number}}>
          huge: Array<{exitCode: number; documentedExit: number}>
        }
      }
      // The smoke run measures a few shapes; the full run measures them all.
      expect(reliability.scaled.map((row) => row.shape)).toEqual(['generated postmortems', 'timeline as a list', 'timeline as a table', 'many dates'])
      for (const row of reliability.scaled) {
        expect(row.exitCodes, row.shape).toEqual([0, 0])
        expect(row.peakBytes.every((bytes) => bytes > 0), row.shape).toBe(true)
      }
      // remark-parse alone, in the smoke run on the first shape only.
      expect(reliability.scaled[0]?.parseOnly?.peakBytes).toBeGreaterThan(0)
      expect(reliability.huge).toHaveLength(4)
      for (const row of reliability.huge) expect(row.exitCode).toBe(row.documentedExit)
      expect(stdout).toContain('| shape |')
      expect(stdout).toContain('| input, default settings |')
    } finally {
      fs.rmSync(dir, {recursive: true, force: true})
    }
  }, 180_000)
})
