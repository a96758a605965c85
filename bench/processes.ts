import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir)
  return dir
}

/** The checkout, whether this runs compiled from lib/bench or as source. */
export const ROOT = packageRoot()

const PROBE = pathToFileURL(path.join(ROOT, 'lib/bench/usage-probe.js')).href

export interface Tool {
  name: string
  /** The script node runs and the arguments before the paths to lint. */
  script: string
  args: string[]
  /** Turns the folder or file to lint into arguments. */
  inputs(target: string, isFolder: boolean): string[]
  /**
   * Exit codes of a run that linted every file: our CLI and remark-cli exit 1
   * only on a fatal error (such as a preset they could not load), while
   * markdownlint-cli2 exits 1 whenever it finds a problem.
   */
  exitCodes: number[]
  /** Extra environment variables. */
  env?: Record<string, string>
  /** Keep what the tool writes to stdout (a report), which is otherwise dropped. */
  keepStdout?: boolean
}

export const TOOLS = {
  ours: {
    name: 'postmortem-lint',
    script: path.join(ROOT, 'bin/postmortem-lint.js'),
    args: ['--quiet'],
    inputs: (target: string) => [target],
    exitCodes: [0]
  },
  remark: {
    name: 'remark-cli + remark-preset-lint-recommended',
    script: path.join(ROOT, 'node_modules/remark-cli/cli.js'),
    args: ['--use', 'remark-preset-lint-recommended', '--no-stdout', '--quiet'],
    inputs: (target: string) => [target],
    exitCodes: [0]
  },
  /** Ours with one linting thread per core instead of the default. */
  oursThreaded: {
    name: `postmortem-lint, POSTMORTEM_LINT_THREADS=${os.availableParallelism()}`,
    script: path.join(ROOT, 'bin/postmortem-lint.js'),
    args: ['--quiet'],
    inputs: (target: string) => [target],
    exitCodes: [0],
    env: {POSTMORTEM_LINT_THREADS: String(os.availableParallelism())}
  },
  /** Ours in this thread alone, whatever the default for the number of files. */
  oursOneThread: {
    name: 'postmortem-lint, POSTMORTEM_LINT_THREADS=1',
    script: path.join(ROOT, 'bin/postmortem-lint.js'),
    args: ['--quiet'],
    inputs: (target: string) => [target],
    exitCodes: [0],
    env: {POSTMORTEM_LINT_THREADS: '1'}
  },
  /** Ours with `--cache`, its cache filled by a first run: what a second run over unchanged files costs. */
  oursCached: {
    name: 'postmortem-lint --cache, second run',
    script: path.join(ROOT, 'bin/postmortem-lint.js'),
    args: ['--quiet', '--cache', '--cache-location', path.join(os.tmpdir(), `postmortem-lint-bench-cache-${process.pid}.json`)],
    inputs: (target: string) => [target],
    exitCodes: [0]
  },
  markdownlint: {
    name: 'markdownlint-cli2',
    script: path.join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'),
    args: [],
    inputs: (target: string, isFolder: boolean) => [isFolder ? `${target}/**/*.md` : target],
    exitCodes: [0, 1]
  }
} satisfies Record<string, Tool>

export interface ProcessRun {
  wallMs: number
  cpuMs: number
  peakRssBytes: number
  exitCode: number | null
  stderr: string
  /** What the tool wrote to stdout, when it keeps it (`keepStdout`). */
  stdout: string
}

/**
 * Runs `tool` on `target` in a fresh node process and measures it from spawn
 * to exit. An exit code the tool does not give after linting every file
 * means it did not run as measured, which fails the benchmark.
 */
export async function runTool(tool: Tool, target: string): Promise<ProcessRun> {
  return runToolOn(tool, tool.inputs(target, fs.statSync(target).isDirectory()))
}

/** Runs `tool` on files or folders given as they are, measured as `runTool` measures. */
export async function runToolOn(tool: Tool, inputs: readonly string[]): Promise<ProcessRun> {
  const usageFile = path.join(os.tmpdir(), `bench-usage-${process.pid}-${Math.random().toString(36).slice(2)}.json`)
  const args = ['--import', PROBE, tool.script, ...tool.args, ...inputs]
  const target = inputs.length === 1 ? inputs[0] : `${inputs.length} paths`
  const started = performance.now()
  const {exitCode, stderr, stdout} = await new Promise<{exitCode: number | null; stderr: string; stdout: string}>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {...process.env, ...tool.env, BENCH_USAGE_FILE: usageFile, NO_COLOR: '1', FORCE_COLOR: '0'},
      stdio: ['ignore', tool.keepStdout ? 'pipe' : 'ignore', 'pipe']
    })
    let errors = ''
    const output: string[] = []
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk))
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      // Only the end matters when something goes wrong; reports can be long.
      errors = (errors + chunk).slice(-4000)
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({exitCode: code, stderr: errors, stdout: output.join('')}))
  })
  const wallMs = performance.now() - started
  if (exitCode === null || !tool.exitCodes.includes(exitCode)) {
    throw new Error(`${tool.name} exited with ${exitCode} on ${target}:\n${stderr}`)
  }
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as {peakRssBytes: number; cpuMs: number}
  fs.rmSync(usageFile, {force: true})
  return {wallMs, exitCode, stderr, stdout, ...usage}
}
