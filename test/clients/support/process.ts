import {spawn} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The checkout's root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

export interface Finished {
  code: number | null
  /** The signal that ended the command, when one did. */
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Written to the command's standard input, which is then closed. */
  input?: string
}

/** Runs a command to its end and keeps what it printed. */
export function run(command: string, args: readonly string[], {cwd, env = process.env, input}: RunOptions): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env, stdio: ['pipe', 'pipe', 'pipe']})
    child.stdin.end(input ?? '')
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}))
  })
}

/** Fails with what the command printed, so a broken install says why. */
export async function runOrThrow(command: string, args: readonly string[], options: RunOptions): Promise<Finished> {
  const result = await run(command, args, options)
  if (result.code !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` exited with ${result.code}:\n${result.stdout}\n${result.stderr}`)
  }
  return result
}
