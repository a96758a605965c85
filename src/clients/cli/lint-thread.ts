/**
 * A lint thread of `postmortem-lint` (see parallel.ts): sets up the engine
 * from the same arguments as the main thread, then lints each chunk of paths
 * it is sent and sends the files back as plain data.
 */
import {createRequire} from 'node:module'
import {parseArguments} from './args.js'
import {engineOptions, runEngine} from './index.js'
import {type LintedFile, type WorkerSetup, toLintedFile} from './parallel.js'

export async function startLintThread(): Promise<void> {
  // Loaded only here, as the bundle that holds this also runs the main thread.
  const {parentPort, workerData} = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')
  const setup = workerData as WorkerSetup
  const port = parentPort
  if (!port) throw new Error('lint-worker.js runs as a worker thread of postmortem-lint')

  const args = await parseArguments(setup.argv)
  const options = await engineOptions(args, {
    cwd: setup.cwd,
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr
  })

  port.on('message', async (paths: string[]) => {
    const files = await runEngine({...options, files: paths})
    const linted: LintedFile[] = files.map(toLintedFile)
    port.postMessage(linted)
  })
}
