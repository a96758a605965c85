/**
 * The accuracy reached so far, as floors a change may not go below (a
 * ratchet). `npm run bench:accuracy -- --write-floors` records the levels of
 * the current run; test/accuracy.test.ts fails when a rule falls below them.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {type CorpusScore, falseAlarmsPerDocument, precision, recall} from './labels.js'
import type {AccuracyReport} from './run.js'

export interface Floors {
  corpora: Record<string, {falseAlarmsPerDocument: number; rules: Record<string, {precision: number; recall: number}>}>
  /** Share of each injected defect caught. */
  injections: Record<string, number>
}

/** The package root, found upwards from here: this module runs from bench/ in tests and from lib/bench/ once built. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  return dir
}

export const FLOORS_FILE = path.join(packageRoot(), 'bench/accuracy/floors.json')

export function readFloors(): Floors {
  return JSON.parse(fs.readFileSync(FLOORS_FILE, 'utf8')) as Floors
}

// Floors are rounded towards the safe side, so that the run they come from passes.
const down = (value: number): number => Math.floor(value * 1000) / 1000
const up = (value: number): number => Math.ceil(value * 1000) / 1000

export function floorsOf(corpora: readonly CorpusScore[], report: AccuracyReport): Floors {
  const floors: Floors = {corpora: {}, injections: {}}
  for (const corpus of corpora) {
    const rules: Floors['corpora'][string]['rules'] = {}
    for (const score of [...corpus.rules, corpus.sections]) rules[score.rule] = {precision: down(precision(score)), recall: down(recall(score))}
    floors.corpora[corpus.corpus] = {falseAlarmsPerDocument: up(falseAlarmsPerDocument(corpus)), rules}
  }
  for (const result of report.injections) {
    if (result.applied > 0) floors.injections[result.injection.name] = down(result.caught / result.applied)
  }
  return floors
}
