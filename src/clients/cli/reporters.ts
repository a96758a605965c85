import type {VFileReporter} from 'unified-engine'
import {pathToFileURL} from 'node:url'

export interface ResolvedReporter {
  report: VFileReporter
  /** Machine-readable reports go to stdout (so `> report.sarif` works); the human one to stderr, as remark's. */
  stream: 'stdout' | 'stderr'
}

export interface ReporterContext {
  cwd: string
  version: string
  /** The repository root in GitHub Actions, which annotation paths are relative to. */
  githubWorkspace?: string
}

const INFORMATION_URI = 'https://github.com/remark-preset-lint-postmortem/remark-preset-lint-postmortem'

/**
 * The reporter that `--report NAME` asks for. The built-in ones (`json`,
 * `github`, `sarif` and the default) are found wherever the CLI runs; any
 * other name is loaded from the working folder as unified-engine does
 * (`--report pretty` is `vfile-reporter-pretty`).
 */
export async function resolveReporter(name: string | undefined, context: ReporterContext): Promise<ResolvedReporter> {
  switch (name) {
    case undefined:
    case 'vfile-reporter': {
      const {reporter} = await import('vfile-reporter')
      return {report: reporter as VFileReporter, stream: 'stderr'}
    }
    case 'json':
    case 'vfile-reporter-json': {
      const {reporterJson} = await import('vfile-reporter-json')
      return {report: reporterJson as VFileReporter, stream: 'stdout'}
    }
    case 'github': {
      const {toGithubCommands} = await import('../shared/reporters/github.js')
      const root = context.githubWorkspace
      return {
        report: (files, options) => toGithubCommands(files, {root, silent: Boolean(options.silent)}).join('\n'),
        stream: 'stdout'
      }
    }
    case 'sarif': {
      const {toSarif} = await import('../shared/reporters/sarif.js')
      return {
        report: (files, options) =>
          JSON.stringify(
            toSarif(files, {
              root: context.githubWorkspace ?? context.cwd,
              silent: Boolean(options.silent),
              toolVersion: context.version,
              informationUri: INFORMATION_URI
            }),
            null,
            2
          ),
        stream: 'stdout'
      }
    }
    default: {
      const {loadPlugin} = await import('load-plugin')
      let report: unknown
      try {
        report = await loadPlugin(name, {from: pathToFileURL(context.cwd).href + '/', prefix: 'vfile-reporter'})
      } catch (error) {
        throw new Error(`Cannot find reporter \`${name}\` (built in: json, github, sarif)`, {cause: error})
      }
      if (typeof report !== 'function') throw new Error(`Expected reporter \`${name}\` to export a function`)
      return {report: report as VFileReporter, stream: 'stderr'}
    }
  }
}
