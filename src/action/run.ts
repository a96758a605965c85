import fs from 'node:fs'
import path from 'node:path'
import {PassThrough} from 'node:stream'
import * as core from '@actions/core'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {type ConfigTransform, type Options as EngineOptions, engine} from 'unified-engine'
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {ownPackageTransform} from '../cli/config.js'
import {recommended, rules} from '../index.js'
import {toGithubCommands} from '../reporters/github.js'
import {toSarif} from '../reporters/sarif.js'
import {ConfigFinder, isExecutableConfig, ownPluginsOnly} from './config.js'
import {incidentFacts} from './facts.js'
import {expandFiles} from './files.js'
import {type ActionInputs, readInputs} from './inputs.js'
import {type Counts, countMessages, jobSummary} from './summary.js'

const PACKAGE = 'remark-preset-lint-postmortem'
const HOME = `https://github.com/${PACKAGE}/${PACKAGE}`

function lintGroup(files: string[], config: string | undefined, transform: ConfigTransform, cwd: string): Promise<VFile[]> {
  const options: EngineOptions = {
    processor: unified().use(remarkParse),
    cwd,
    files,
    ignoreName: '.remarkignore',
    silentlyIgnore: true,
    detectConfig: false,
    ...(config ? {rcPath: config} : {}),
    defaultConfig: recommended,
    configTransform: transform,
    plugins: [incidentFacts],
    out: false,
    color: false,
    streamOut: new PassThrough(),
    streamError: new PassThrough()
  }
  return new Promise((resolve, reject) => {
    engine(options, (error, _code, context) => {
      if (error) reject(error)
      else resolve(context?.files ?? [])
    })
  })
}

/** Groups documents by the configuration file that applies to each (`undefined`: none, the built-in preset). */
function groupByConfig(files: readonly string[], inputs: ActionInputs, cwd: string): Map<string | undefined, string[]> {
  if (inputs.config) {
    const config = path.resolve(cwd, inputs.config)
    if (isExecutableConfig(config) && !inputs.allowJsConfig) {
      throw new Error(`Input \`config\` names an executable configuration (\`${inputs.config}\`); set \`allow-js-config: true\` to load it, or use JSON or YAML`)
    }
    return new Map([[config, [...files]]])
  }
  const finder = new ConfigFinder(inputs.allowJsConfig)
  const groups = new Map<string | undefined, string[]>()
  for (const file of files) {
    const config = finder.find(path.resolve(cwd, file))
    groups.set(config, [...(groups.get(config) ?? []), file])
  }
  for (const skipped of finder.skipped) {
    core.warning(`Did not load ${path.relative(cwd, skipped)}: executable configuration runs only with \`allow-js-config: true\``, {
      file: path.relative(cwd, skipped),
      title: 'Configuration not loaded'
    })
  }
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

/**
 * The action: lints the `files`, annotates every message on its lines,
 * writes the job summary (and a SARIF log when asked), sets the `errors`
 * and `warnings` outputs and fails as `fail-on` says.
 */
export async function runAction(): Promise<void> {
  const inputs = readInputs()
  const cwd = process.cwd()
  const root = process.env.GITHUB_WORKSPACE || cwd

  const {files: paths, unmatched} = await expandFiles(inputs.files, cwd)
  for (const pattern of unmatched) core.error(`No Markdown files match \`${pattern}\``, {title: 'files'})

  const skippedPlugins = new Set<string>()
  const own = {preset: recommended, rules}
  const transform = inputs.allowJsConfig ? ownPackageTransform(own) : ownPluginsOnly(own, skippedPlugins)
  const files: VFile[] = []
  for (const [config, group] of groupByConfig(paths, inputs, cwd)) {
    files.push(...(await lintGroup(group, config, transform, cwd)))
  }
  files.sort((a, b) => a.path.localeCompare(b.path))
  for (const plugin of skippedPlugins) {
    core.warning(`Did not load plugin \`${plugin}\` named in configuration: only this package's preset and rules run unless \`allow-js-config\` is true`, {
      title: 'Plugin not loaded'
    })
  }

  core.startGroup(`Postmortem lint of ${files.length} file${files.length === 1 ? '' : 's'}`)
  core.info(reporter(files, {color: false}))
  core.endGroup()
  for (const command of toGithubCommands(files, {root})) process.stdout.write(`${command}\n`)

  const found = countMessages(files.flatMap((file) => file.messages))
  const counts = {errors: found.errors + unmatched.length, warnings: found.warnings}

  if (process.env.GITHUB_STEP_SUMMARY) {
    const url = blobUrl()
    await core.summary.addRaw(jobSummary(files, {root, ...(url ? {blobUrl: url} : {})})).write()
  }
  if (inputs.sarif) {
    const sarifPath = path.resolve(cwd, inputs.sarif)
    fs.mkdirSync(path.dirname(sarifPath), {recursive: true})
    const version = process.env.POSTMORTEM_VERSION
    const log = toSarif(files, {root, toolName: PACKAGE, informationUri: HOME, ...(version ? {toolVersion: version} : {})})
    fs.writeFileSync(sarifPath, `${JSON.stringify(log, null, 2)}\n`)
  }

  core.setOutput('errors', counts.errors)
  core.setOutput('warnings', counts.warnings)
  if (shouldFail(counts, inputs)) {
    core.setFailed(`Postmortem lint found ${counts.errors} error(s) and ${counts.warnings} warning(s) (fail-on: ${inputs.failOn})`)
  }
}

export function main(): Promise<void> {
  return runAction().catch((error: unknown) => {
    core.setFailed(error instanceof Error ? error.message : String(error))
  })
}
