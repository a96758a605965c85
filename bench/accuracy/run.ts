import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {rules, strict} from '../../src/index.js'
import {INJECTIONS, type Injection} from './injections.js'

export interface Document {
  name: string
  text: string
}

export interface Finding {
  file: string
  rule: string
  line: number
  column: number
  reason: string
}

export interface InjectionResult {
  injection: Injection
  applied: number
  caught: number
  missed: string[]
}

export interface AccuracyReport {
  findings: Finding[]
  injections: InjectionResult[]
  crashes: string[]
  milliseconds: number
}

// Made once: a frozen processor lints any number of files, each with a tree and model of its own.
const strictProcessor = unified().use(remarkParse).use(strict).freeze()

/** Lints with every rule, as the strict preset does. */
export function lintAll(name: string, markdown: string): Finding[] {
  const file = new VFile({path: name, value: markdown})
  strictProcessor.runSync(strictProcessor.parse(file), file)
  return file.messages.map((message) => ({
    file: name,
    rule: message.ruleId ?? '',
    line: message.line ?? 0,
    column: message.column ?? 0,
    reason: message.reason
  }))
}

/** Whether `rule` says something on the mutant that it did not say on the original. */
function caughtBy(rule: string, before: readonly Finding[], after: readonly Finding[]): boolean {
  const reasons = new Set(before.filter((finding) => finding.rule === rule).map((finding) => finding.reason))
  const now = after.filter((finding) => finding.rule === rule)
  return now.length > reasons.size || now.some((finding) => !reasons.has(finding.reason))
}

export function runAccuracy(documents: readonly Document[]): AccuracyReport {
  const started = performance.now()
  const crashes: string[] = []
  const findings: Finding[] = []
  const available = INJECTIONS.filter((injection) => injection.rule in rules)
  const results = available.map((injection): InjectionResult => ({injection, applied: 0, caught: 0, missed: []}))

  for (const document of documents) {
    let before: Finding[]
    try {
      before = lintAll(document.name, document.text)
    } catch (error) {
      crashes.push(`${document.name}: ${String(error)}`)
      continue
    }
    findings.push(...before)
    for (const result of results) {
      let mutant: string | undefined
      try {
        const {injection} = result
        const {present} = injection
        if (present && before.some((finding) => finding.rule === injection.rule && present.test(finding.reason))) continue
        mutant = injection.apply(document.text, documents.indexOf(document))
        if (mutant === undefined || mutant === document.text) continue
        result.applied++
        if (caughtBy(result.injection.rule, before, lintAll(document.name, mutant))) result.caught++
        else result.missed.push(document.name)
      } catch (error) {
        crashes.push(`${document.name} (${result.injection.name}): ${String(error)}`)
      }
    }
  }
  return {findings, injections: results, crashes, milliseconds: performance.now() - started}
}

export function formatReport(report: AccuracyReport): string {
  const lines: string[] = []
  lines.push('| injection | rule | caught / applied | rate | missed in |', '|---|---|---|---|---|')
  for (const result of report.injections) {
    const rate = result.applied === 0 ? 'n/a' : `${((100 * result.caught) / result.applied).toFixed(1)} %`
    lines.push(`| ${result.injection.name} | ${result.injection.rule} | ${result.caught} / ${result.applied} | ${rate} | ${result.missed.join(', ') || '–'} |`)
  }
  lines.push('', '| rule | messages on the unmodified documents |', '|---|---|')
  const perRule = new Map<string, number>()
  for (const finding of report.findings) perRule.set(finding.rule, (perRule.get(finding.rule) ?? 0) + 1)
  for (const id of Object.keys(rules)) lines.push(`| ${id} | ${perRule.get(id) ?? 0} |`)
  lines.push('', `crashes: ${report.crashes.length}`, `time: ${(report.milliseconds / 1000).toFixed(2)} s`)
  return lines.join('\n')
}
