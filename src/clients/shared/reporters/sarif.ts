import {pathToFileURL} from 'node:url'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {planFixes} from '../../../lint/fix.js'
import {type Level, type ReportOptions, levelOf, rangeOf, relativePath, reportedMessages} from './shared.js'

export type {ReportOptions} from './shared.js'

export interface SarifOptions extends ReportOptions {
  /** The tool's name (default: `postmortem-lint`). */
  toolName?: string
  /** The tool's version, when known. */
  toolVersion?: string
  /** Where to read about the tool. */
  informationUri?: string
}

// The subset of SARIF 2.1.0 that this reporter writes.
export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: SarifRun[]
}

export interface SarifRun {
  tool: {driver: SarifDriver}
  originalUriBaseIds?: Record<string, {uri: string}>
  artifacts: Array<{location: SarifArtifactLocation}>
  results: SarifResult[]
  columnKind: 'utf16CodeUnits'
}

export interface SarifDriver {
  name: string
  version?: string
  informationUri?: string
  rules: SarifRule[]
}

export interface SarifRule {
  id: string
  helpUri?: string
}

export interface SarifArtifactLocation {
  uri: string
  uriBaseId?: string
}

export interface SarifRegion {
  startLine: number
  startColumn: number
  endLine?: number
  endColumn?: number
}

export interface SarifResult {
  ruleId?: string
  ruleIndex?: number
  level: 'error' | 'warning' | 'note'
  message: {text: string}
  locations?: Array<{physicalLocation: {artifactLocation: SarifArtifactLocation; region?: SarifRegion}}>
  fixes?: SarifFix[]
}

export interface SarifFix {
  description: {text: string}
  artifactChanges: Array<{
    artifactLocation: SarifArtifactLocation
    replacements: Array<{deletedRegion: {charOffset: number; charLength: number}; insertedContent: {text: string}}>
  }>
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

const LEVELS: Record<Level, SarifResult['level']> = {error: 'error', warning: 'warning', info: 'note'}
const ROOT_ID = 'ROOT'

function regionOf(message: VFileMessage): SarifRegion | undefined {
  const range = rangeOf(message)
  if (!range) return undefined
  const region: SarifRegion = {startLine: range.start.line, startColumn: range.start.column}
  if (range.end) {
    region.endLine = range.end.line
    region.endColumn = range.end.column
  }
  return region
}

// The fix a message carries, as `--fix` would apply it, when it can be applied.
function fixOf(file: VFile, message: VFileMessage, location: SarifArtifactLocation): SarifFix | undefined {
  if (!message.expected || file.value === undefined) return undefined
  const edit = planFixes(String(file), [message]).edits[0]
  if (!edit) return undefined
  return {
    description: {text: `${edit.start === edit.end ? 'Insert' : 'Replace with'} \`${edit.text.trim()}\``},
    artifactChanges: [{
      artifactLocation: location,
      replacements: [{deletedRegion: {charOffset: edit.start, charLength: edit.end - edit.start}, insertedContent: {text: edit.text}}]
    }]
  }
}

/**
 * A SARIF 2.1.0 log of `files`: one run, one result per message, with the
 * rule, the level, the exact region and, where a fix is known, the fix.
 * Paths are relative to `root` (default: each file's `cwd`).
 */
export function toSarif(files: readonly VFile[], options: SarifOptions = {}): SarifLog {
  const rules: SarifRule[] = []
  const ruleIndexes = new Map<string, number>()
  const artifacts: SarifRun['artifacts'] = []
  const results: SarifResult[] = []

  for (const file of files) {
    const uri = relativePath(file, options)
    const location: SarifArtifactLocation | undefined = uri === '' ? undefined : {uri: uriOf(uri), uriBaseId: ROOT_ID}
    // SARIF allows each artifact once (a file can be given twice).
    if (location && !artifacts.some((artifact) => artifact.location.uri === location.uri)) artifacts.push({location})

    for (const message of reportedMessages(file, options)) {
      const result: SarifResult = {level: LEVELS[levelOf(message)], message: {text: message.reason}}
      if (message.ruleId) {
        let index = ruleIndexes.get(message.ruleId)
        if (index === undefined) {
          index = rules.push(message.url ? {id: message.ruleId, helpUri: message.url} : {id: message.ruleId}) - 1
          ruleIndexes.set(message.ruleId, index)
        }
        result.ruleId = message.ruleId
        result.ruleIndex = index
      }
      if (location) {
        const region = regionOf(message)
        result.locations = [{physicalLocation: region ? {artifactLocation: location, region} : {artifactLocation: location}}]
        const fix = fixOf(file, message, location)
        if (fix) result.fixes = [fix]
      }
      results.push(result)
    }
  }

  const driver: SarifDriver = {name: options.toolName ?? 'postmortem-lint', rules}
  if (options.toolVersion) driver.version = options.toolVersion
  if (options.informationUri) driver.informationUri = options.informationUri
  const run: SarifRun = {tool: {driver}, artifacts, results, columnKind: 'utf16CodeUnits'}
  const root = options.root ?? files[0]?.cwd
  if (root) run.originalUriBaseIds = {[ROOT_ID]: {uri: rootUri(root)}}
  return {$schema: SARIF_SCHEMA, version: '2.1.0', runs: [run]}
}

function rootUri(root: string): string {
  const href = pathToFileURL(root).href
  return href.endsWith('/') ? href : `${href}/`
}

/** A relative URI reference: each segment escaped, `/` kept. */
function uriOf(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/')
}
