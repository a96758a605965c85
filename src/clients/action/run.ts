import fs from 'node:fs'
import path from 'node:path'
import {Writable} from 'node:stream'
import * as core from '@actions/core'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {type ConfigTransform, type Options as EngineOptions, engine} from 'unified-engine'
import {VFile} from 'vfile'
import {ownPackageTransform} from '../shared/config.js'
import {parseInParts} from '../../parse/parse-in-parts.js'
import {recommended, rules} from '../../index.js'
import {toGithubCommands} from '../shared/reporters/github.js'
import {toSarif} from '../shared/reporters/sarif.js'
import {type ConfigReport, checkingTransform} from './config-check.js'
import {ConfigFinder, PACKAGE_FIELD, type PassedOver, RC_NAME, hasPackageField, isExecutableConfig, leavesWorkspace, misspeltPackageField} from '../shared/config-finder.js'
import {type SkippedPlugins, ownPluginsOnly} from './config.js'
import {incidentFacts} from './incident-summary.js'
import {expandFiles} from './files.js'
import {type ActionInputs, readInputs} from './inputs.js'
import {resolveTemplate} from '../../lint/template.js'
import {safeName, safeReport} from './log.js'
import {type Counts, countMessages, jobSummary} from './summary.js'
import {today} from '../shared/open-items.js'
import {appendAll} from '../../model/support/arrays.js'
import {DEFAULT_MAX_SIZE, guardDocument} from '../../lint/document-guard.js'
import type {Preset} from 'unified'

const PACKAGE = 'remark-preset-lint-postmortem'
const HOME = `https://github.com/${PACKAGE}/${PACKAGE}`

/**
 * A stream that takes and drops what it is given. The engine waits for each
 * write to be taken: a PassThrough nobody reads takes 16 KiB, and a longer
 * report then never returns.
 */
function sink(): Writable {
  return new Writable({write: (_chunk, _encoding, done) => done()})
}

/** The preset's size limit as a preset: the form unified-engine's types take for plugins given in code. */
function sizeLimit(maxSize: number): Preset {
  return {plugins: [[guardDocument, {maxSize}]]}
}

/** The `template` input, checked once (one line naming the input), as the setting every configuration gets. */
function templateSetting(template: string | undefined, cwd: string): EngineOptions['settings'] {
  if (template === undefined) return undefined
  try {
    const file = resolveTemplate(template, cwd, 'Input `template`')
    return {postmortem: {template: file}} as EngineOptions['settings']
  } catch (error) {
    throw new Error(error instanceof Error ? error.message : String(error))
  }
}

function lintGroup(files: string[], config: string | undefined, transform: ConfigTransform, cwd: string, inputs: ActionInputs): Promise<VFile[]> {
  const settings = templateSetting(inputs.template, cwd)
  const maxSize = inputs.maxSize
  const options: EngineOptions = {
    // Merged into each configuration's settings (deeply): the template applies to every file.
    ...(settings ? {settings} : {}),
    // A long document is parsed in parts, in linear time; the tree is that of a whole parse.
    processor: unified().use(remarkParse).use(parseInParts),
    cwd,
    // As files, not paths: the engine reads a path as a glob, and a file named
    // `[draft].md` would match nothing.
    files: files.map((file) => new VFile({cwd, path: path.resolve(cwd, file)})),
    ignoreName: '.remarkignore',
    silentlyIgnore: true,
    // Each group's configuration is found beforehand (see ConfigFinder); the
    // names tell the engine to read `remarkConfig` of a package.json, as
    // remark-cli does, rather than take the whole manifest.
    detectConfig: false,
    rcName: RC_NAME,
    packageField: PACKAGE_FIELD,
    ...(config ? {rcPath: config} : {}),
    defaultConfig: recommended,
    configTransform: transform,
    // The size limit first, so that no fact is read of a document too large to check.
    plugins: [sizeLimit(maxSize ?? DEFAULT_MAX_SIZE), incidentFacts],
    out: false,
    color: false,
    // The action prints its own report, with file names escaped.
    reporter: () => '',
    streamOut: sink(),
    streamError: sink()
  }
  return new Promise((resolve, reject) => {
    engine(options, (error, _code, context) => {
      if (error) reject(error)
      else resolve(context?.files ?? [])
    })
  })
}

/** The configuration the `config` input names, checked as one a pull request may have written. */
function namedConfig(inputs: ActionInputs & {config: string}, cwd: string, root: string): string {
  const config = path.resolve(cwd, inputs.config)
  if (!inputs.allowJsConfig && isExecutableConfig(config)) {
    throw new Error(`Input \`config\` names an executable configuration (\`${inputs.config}\`); set \`allow-js-config: true\` to load it, or use JSON or YAML`)
  }
  if (!inputs.allowJsConfig && leavesWorkspace(config, root)) {
    throw new Error(`Input \`config\` names ${inputs.config}, which is a link to a file outside the workspace; set \`allow-js-config: true\` to read it`)
  }
  if (path.basename(config) === 'package.json' && !hasPackageField(config)) {
    const misspelt = misspeltPackageField(config)
    const hint = misspelt ? ` (it has \`${safeName(misspelt)}\`: did you mean \`${PACKAGE_FIELD}\`?)` : ''
    throw new Error(`Input \`config\` names ${inputs.config}, which has no \`${PACKAGE_FIELD}\` field${hint}`)
  }
  return config
}

const PASSED_OVER: Record<PassedOver, string> = {
  executable: 'executable configuration runs only with `allow-js-config: true`',
  outside: 'it is a link to a file outside the workspace, read only with `allow-js-config: true`'
}

/** One warning, annotated on the file, for each configuration file the finder passed over. */
function reportPassedOver(finder: ConfigFinder, cwd: string): void {
  for (const [manifest, key] of finder.misspelt) {
    const name = path.relative(cwd, manifest)
    core.warning(`Did not read ${safeName(name)}: it has \`${safeName(key)}\`, not \`${PACKAGE_FIELD}\` (did you mean \`${PACKAGE_FIELD}\`?)`, {
      file: name,
      title: 'Configuration not loaded'
    })
  }
  for (const [skipped, reason] of finder.skipped) {
    const name = path.relative(cwd, skipped)
    core.warning(`Did not load ${safeName(name)}: ${PASSED_OVER[reason]}`, {file: name, title: 'Configuration not loaded'})
  }
}

/** Groups documents by the configuration file that applies to each (`undefined`: none, the built-in preset). */
function groupByConfig(files: readonly string[], inputs: ActionInputs, cwd: string, root: string): Map<string | undefined, string[]> {
  if (inputs.config) return new Map([[namedConfig({...inputs, config: inputs.config}, cwd, root), [...files]]])
  const finder = new ConfigFinder({allowExecutable: inputs.allowJsConfig, ...(inputs.allowJsConfig ? {} : {workspace: root})})
  const groups = new Map<string | undefined, string[]>()
  for (const file of files) {
    const config = finder.find(path.resolve(cwd, file))
    groups.set(config, [...(groups.get(config) ?? []), file])
  }
  reportPassedOver(finder, cwd)
  return groups
}

function shouldFail(counts: Counts, inputs: ActionInputs): boolean {
  if (inputs.failOn === 'never') return false
  return counts.errors > 0 || (inputs.failOn === 'warning' && counts.warnings > 0)
}

function blobUrl(): string | undefined {
  const {GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha} = process.env
  return server && repository && sha ? `${server}/${repository}/blob/${sha}/` : undefined
}

/** `\`a\``, `\`a\` and \`b\``, `\`a\`, \`b\` and \`c\``. */
function listNames(names: Iterable<string>): string {
  const quoted = [...names].map((name) => `\`${safeName(name)}\``)
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : (quoted[0] ?? '')
}

/** One warning for each configuration file whose plugins were left out, annotated on it, naming them and why. */
function reportSkippedPlugins(skipped: ReadonlyMap<string, SkippedPlugins>, cwd: string): void {
  for (const [configPath, {names, presetInstead}] of skipped) {
    const name = safeName(path.relative(cwd, configPath))
    const plugins = `plugin${names.size === 1 ? '' : 's'} ${listNames(names)}`
    const instead = presetInstead ? '; no other plugin it names is on, so the recommended preset checks its documents' : ''
    core.warning(`Did not load ${plugins} named in ${name}: only this package's preset and rules run unless \`allow-js-config\` is true${instead}`, {
      file: path.relative(cwd, configPath),
      title: 'Plugin not loaded'
    })
  }
}

/** One line for each configuration file that loads no rule (an error: its files were not checked) or has unknown keys. Returns the number of errors. */
function reportConfigs(reports: ReadonlyMap<string, ConfigReport>, cwd: string): number {
  let brokenConfigs = 0
  for (const [configPath, report] of reports) {
    const name = path.relative(cwd, configPath)
    const annotation = {file: name, title: 'Configuration'}
    if (report.noRule) {
      brokenConfigs++
      core.error(`${safeName(name)} loads no rule: ${report.noRule}`, annotation)
    } else {
      core.warning(`${safeName(name)} has ${report.unknown.join(', ')}`, annotation)
    }
  }
  return brokenConfigs
}

/**
 * Lints every document with the configuration that applies to it. Returns
 * the files and the number of configuration files that load no rule, each
 * reported in one line (an error) and counted as an error.
 */
async function lintAll(paths: readonly string[], inputs: ActionInputs, cwd: string, root: string): Promise<{files: VFile[]; brokenConfigs: number}> {
  const skippedPlugins = new Map<string, SkippedPlugins>()
  const own = {preset: recommended, rules}
  const reports = new Map<string, ConfigReport>()
  const transform = checkingTransform(inputs.allowJsConfig ? ownPackageTransform(own) : ownPluginsOnly(own, skippedPlugins), reports)
  const files: VFile[] = []
  for (const [config, group] of groupByConfig(paths, inputs, cwd, root)) {
    appendAll(files, await lintGroup(group, config, transform, cwd, inputs))
  }
  files.sort((a, b) => a.path.localeCompare(b.path))
  reportSkippedPlugins(skippedPlugins, cwd)
  return {files, brokenConfigs: reportConfigs(reports, cwd)}
}

async function writeReports(files: readonly VFile[], inputs: ActionInputs, cwd: string, root: string): Promise<void> {
  core.startGroup(`Postmortem lint of ${files.length} file${files.length === 1 ? '' : 's'}`)
  core.info(safeReport(files))
  core.endGroup()
  for (const command of toGithubCommands(files, {root})) process.stdout.write(`${command}\n`)

  if (process.env.GITHUB_STEP_SUMMARY) {
    const url = blobUrl()
    await core.summary.addRaw(jobSummary(files, {root, asOf: inputs.asOf ?? today(), ...(url ? {blobUrl: url} : {})})).write()
  }
  if (inputs.sarif) {
    const sarifPath = path.resolve(cwd, inputs.sarif)
    fs.mkdirSync(path.dirname(sarifPath), {recursive: true})
    const version = process.env.POSTMORTEM_VERSION
    const log = toSarif(files, {root, toolName: PACKAGE, informationUri: HOME, ...(version ? {toolVersion: version} : {})})
    fs.writeFileSync(sarifPath, `${JSON.stringify(log, null, 2)}\n`)
  }
}

/**
 * The action: lints the `files`, annotates every message on its lines,
 * writes the job summary (and a SARIF log when asked), sets the `errors`
 * and `warnings` outputs and fails as `fail-on` says, or whatever it says
 * when a configuration loads no rule: then nothing was checked.
 */
export async function runAction(): Promise<void> {
  const inputs = readInputs()
  const cwd = process.cwd()
  const root = process.env.GITHUB_WORKSPACE || cwd

  const {files: paths, unmatched} = await expandFiles(inputs.files, cwd)
  for (const pattern of unmatched) core.error(`No Markdown files match \`${pattern}\``, {title: 'files'})

  const {files, brokenConfigs} = await lintAll(paths, inputs, cwd, root)
  await writeReports(files, inputs, cwd, root)

  const found = countMessages(files.flatMap((file) => file.messages))
  const counts = {errors: found.errors + unmatched.length + brokenConfigs, warnings: found.warnings}
  core.setOutput('errors', counts.errors)
  core.setOutput('warnings', counts.warnings)
  if (brokenConfigs > 0) {
    core.setFailed(`Postmortem lint ran no rule on the files of ${brokenConfigs} configuration${brokenConfigs === 1 ? '' : 's'} (see above)`)
  } else if (shouldFail(counts, inputs)) {
    core.setFailed(`Postmortem lint found ${counts.errors} error(s) and ${counts.warnings} warning(s) (fail-on: ${inputs.failOn})`)
  }
}

export function main(): Promise<void> {
  return runAction().catch((error: unknown) => {
    core.setFailed(error instanceof Error ? error.message : String(error))
  })
}
