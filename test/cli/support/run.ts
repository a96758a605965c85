import {type Finished, run} from '../../clients/support/process.js'
import {mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach} from 'vitest'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const BIN = path.join(ROOT, 'bin', 'postmortem-lint.js')

export type RunResult = Finished

/** Runs the real bin in `cwd`, as a user would, with `input` on stdin. */
export function runCli(args: readonly string[], options: {cwd: string; input?: string; env?: NodeJS.ProcessEnv}): Promise<RunResult> {
  // A report must not depend on where the tests run.
  const {GITHUB_WORKSPACE, FORCE_COLOR, NO_COLOR, ...inherited} = process.env
  return run(process.execPath, [BIN, ...args], {cwd: options.cwd, env: {...inherited, ...options.env}, input: options.input ?? ''})
}

/** A temporary folder with `files` (path → content) in it. */
export function makeProject(files: Record<string, string | Buffer>): {dir: string; remove(): void} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'postmortem-lint-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), content)
  }
  return {dir, remove: () => rmSync(dir, {recursive: true, force: true})}
}

/**
 * `makeProject` for a test file: each project it makes is removed after the
 * test that made it. Call it once, at the top of the file.
 */
export function temporaryProjects(): (files: Record<string, string | Buffer>) => {dir: string; remove(): void} {
  const made: Array<{remove(): void}> = []
  afterEach(() => {
    for (const project of made.splice(0)) project.remove()
  })
  return (files) => {
    const project = makeProject(files)
    made.push(project)
    return project
  }
}

/** Every file under `dir` and its bytes, to show that a run wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    result[path.relative(dir, full)] = readFileSync(full).toString('base64')
  }
  return result
}
