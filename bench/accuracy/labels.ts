/**
 * Accuracy against human labels: each labelled corpus in ../shared has one
 * JSON per document (schema: ../shared/corpus2/LABELING.md). The recommended
 * preset lints every document; a rule "flags" a document when it says
 * anything about it, and the labels say whether it should have.
 */
import fs from 'node:fs'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {recommended} from '../../src/index.js'
import {SECTION_KINDS, SECTION_LABELS, type SectionKind} from '../../src/model/sections/synonyms.js'

export interface Label {
  file: string
  missing_sections: SectionKind[]
  timeline_out_of_order: boolean
  duration_mismatch: boolean
  timeline_outside_window: boolean
  impact_unquantified: boolean
  impact_percent_invalid: boolean
  blame: boolean
  placeholders: boolean
  no_time_zone: boolean
  has_timeline: boolean
  notes?: string
}

export interface LabelledDocument {
  name: string
  text: string
  label: Label
}

export interface LintMessage {
  rule: string
  line: number
  column: number
  reason: string
}

/** Which label says a rule should speak about a document. */
export const LABELLED_RULES: Record<string, (label: Label) => boolean> = {
  'postmortem-timeline-order': (label) => label.timeline_out_of_order,
  'postmortem-duration-consistency': (label) => label.duration_mismatch || label.timeline_outside_window,
  'postmortem-impact-quantified': (label) => label.impact_unquantified || label.impact_percent_invalid,
  'postmortem-required-sections': (label) => label.missing_sections.length > 0,
  'postmortem-no-placeholders': (label) => label.placeholders,
  'postmortem-blameless-language': (label) => label.blame,
  'postmortem-time-zone': (label) => label.no_time_zone
}

const REQUIRED_RULE = 'postmortem-required-sections'
/** The sections the labels know about, as required-sections checks them. */
const LABELLED_SECTIONS: readonly SectionKind[] = ['summary', 'timeline', 'root-cause', 'resolution', 'action-items']

export function loadLabelled(folder: string): LabelledDocument[] {
  const labels = path.join(folder, 'labels')
  if (!fs.existsSync(labels)) return []
  return fs
    .readdirSync(labels)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const label = JSON.parse(fs.readFileSync(path.join(labels, name), 'utf8')) as Label
      return {name: label.file, text: fs.readFileSync(path.join(folder, label.file), 'utf8'), label}
    })
}

/** The labelled corpora under `shared`, by name. */
export const LABELLED_CORPORA = ['corpus', 'corpus2'] as const

export interface AccuracyCorpora {
  labelled: Array<{corpus: string; documents: LabelledDocument[]}>
  /** The seeds and every labelled report, named `folder/file`: what defects are injected into. */
  all: Array<{name: string; text: string}>
}

export function loadCorpora(shared: string): AccuracyCorpora {
  const labelled = LABELLED_CORPORA.map((corpus) => ({corpus, documents: loadLabelled(path.join(shared, corpus))}))
  const seedsDir = path.join(shared, 'seeds')
  const seeds = fs.existsSync(seedsDir)
    ? fs.readdirSync(seedsDir).filter((name) => name.endsWith('.md')).sort().map((name) => ({name: `seeds/${name}`, text: fs.readFileSync(path.join(seedsDir, name), 'utf8')}))
    : []
  // The corpora's README and LABELING pages are no postmortems: only labelled files count.
  const all = [...seeds, ...labelled.flatMap(({corpus, documents}) => documents.map((document) => ({name: `${corpus}/${document.name}`, text: document.text})))]
  return {labelled, all}
}

// Made once: a frozen processor lints any number of files, each with a tree and model of its own.
const recommendedProcessor = unified().use(remarkParse).use(recommended).freeze()

export function lintRecommended(name: string, markdown: string): LintMessage[] {
  const file = new VFile({path: name, value: markdown})
  recommendedProcessor.runSync(recommendedProcessor.parse(file), file)
  return file.messages.map((message) => ({
    rule: message.ruleId ? `${message.ruleId}` : '',
    line: message.line ?? 0,
    column: message.column ?? 0,
    reason: message.reason
  }))
}

/** The section a required-sections message names (`Unexpected missing root cause section…`). */
function missingKind(reason: string): SectionKind | undefined {
  return SECTION_KINDS.find((kind) => reason.startsWith(`Unexpected missing ${SECTION_LABELS[kind].toLowerCase()} section`))
}

export interface RuleScore {
  rule: string
  truePositives: number
  falsePositives: number
  falseNegatives: number
  /** Labelled positives (documents, or document × section for required sections). */
  positives: number
  falseAlarms: string[]
  misses: string[]
}

export interface CorpusScore {
  corpus: string
  documents: number
  /** Document-level scores, as the rules are judged. */
  rules: RuleScore[]
  /** Required sections judged per document and section: a stricter view of the same rule. */
  sections: RuleScore
  crashes: string[]
}

function emptyScore(rule: string): RuleScore {
  return {rule, truePositives: 0, falsePositives: 0, falseNegatives: 0, positives: 0, falseAlarms: [], misses: []}
}

function tally(score: RuleScore, expected: boolean, flagged: boolean, where: string, evidence: string): void {
  if (expected) score.positives++
  if (expected && flagged) score.truePositives++
  else if (flagged) {
    score.falsePositives++
    score.falseAlarms.push(`${where}: ${evidence}`)
  } else if (expected) {
    score.falseNegatives++
    score.misses.push(where)
  }
}

export function scoreCorpus(corpus: string, documents: readonly LabelledDocument[]): CorpusScore {
  const scores = new Map(Object.keys(LABELLED_RULES).map((rule) => [rule, emptyScore(rule)]))
  const crashes: string[] = []
  const sections = emptyScore(`${REQUIRED_RULE} (per section)`)
  for (const document of documents) {
    let messages: LintMessage[]
    try {
      messages = lintRecommended(document.name, document.text)
    } catch (error) {
      crashes.push(`${corpus}/${document.name}: ${String(error)}`)
      continue
    }
    for (const [rule, expectedOf] of Object.entries(LABELLED_RULES)) {
      const score = scores.get(rule)!
      const own = messages.filter((message) => message.rule === rule)
      if (rule === REQUIRED_RULE) {
        for (const kind of LABELLED_SECTIONS) {
          const said = own.find((message) => missingKind(message.reason) === kind)
          tally(sections, document.label.missing_sections.includes(kind), said !== undefined, `${document.name} (${kind})`, said ? `${said.line}:${said.column} ${said.reason}` : '')
        }
      }
      const first = own[0]
      tally(score, expectedOf(document.label), first !== undefined, document.name, first ? `${first.line}:${first.column} ${first.reason}` : '')
    }
  }
  return {corpus, documents: documents.length, rules: [...scores.values()], sections, crashes}
}

export function precision(score: RuleScore): number {
  const flagged = score.truePositives + score.falsePositives
  return flagged === 0 ? 1 : score.truePositives / flagged
}

export function recall(score: RuleScore): number {
  return score.positives === 0 ? 1 : score.truePositives / score.positives
}

/** False alarms per document: every rule's false positives, over the documents. */
export function falseAlarmsPerDocument(corpus: CorpusScore): number {
  return corpus.rules.reduce((sum, score) => sum + score.falsePositives, 0) / Math.max(1, corpus.documents)
}

export function formatCorpus(corpus: CorpusScore, verbose = false): string {
  const lines = [
    `### ${corpus.corpus} (${corpus.documents} documents)`,
    '',
    '| rule | precision | recall | TP | FP | FN | labelled positives |',
    '|---|---|---|---|---|---|---|'
  ]
  for (const score of [...corpus.rules, corpus.sections]) {
    lines.push(`| ${score.rule} | ${precision(score).toFixed(2)} | ${recall(score).toFixed(2)} | ${score.truePositives} | ${score.falsePositives} | ${score.falseNegatives} | ${score.positives} |`)
  }
  lines.push('', `false alarms per document: ${falseAlarmsPerDocument(corpus).toFixed(3)}`, `crashes: ${corpus.crashes.length}`)
  if (verbose) {
    for (const score of [...corpus.rules, corpus.sections]) {
      for (const alarm of score.falseAlarms) lines.push(`FP ${score.rule} ${alarm}`)
      for (const miss of score.misses) lines.push(`FN ${score.rule} ${miss}`)
    }
    for (const crash of corpus.crashes) lines.push(`CRASH ${crash}`)
  }
  return lines.join('\n')
}
