/**
 * Makes the V8 code cache of the CLI bundle (launch.ts) at build time, in a
 * node process of its own that sets the CLI's V8 flags first, as the bin
 * does: `node code-cache.js BUNDLE_DIR SAMPLE.md...`. The bundle first lints
 * the samples and reads their facts, as postmortem-facts does, so that the
 * cache also holds the functions a run compiles (parsing, the rules, the
 * report), not only the bundle's top level.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {CACHED_SCRIPT_NAME, CACHE_FILE, CLI_BUNDLE_DIR, loadBundle, setV8Flags} from '../src/clients/cli/launch.js'

export async function makeCodeCache(dir: string, samples: readonly string[]): Promise<void> {
  setV8Flags()
  // Made where the build puts the bundle, as the bin then loads it, under a
  // name that is no folder of this machine (CACHED_SCRIPT_NAME).
  const loaded = loadBundle(dir, {useCache: false, runsFrom: CLI_BUNDLE_DIR, scriptName: CACHED_SCRIPT_NAME})
  if (!loaded) throw new Error(`No bundle in ${dir}, or this Node cannot load it`)
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-lint-cache-'))
  try {
    for (const sample of samples) fs.copyFileSync(sample, path.join(cwd, path.basename(sample)))
    const sink = (): Writable => new Writable({write: (_chunk, _encoding, done) => done()})
    const argv = samples.map((sample) => path.basename(sample))
    await loaded.cli.main({argv, version: '0.0.0', cwd, env: {}, stdin: Readable.from([]), stdout: sink(), stderr: sink()})
    // postmortem-facts runs from the same bundle: its functions go in the cache too.
    await loaded.cli.factsMain({argv: ['--format', 'json', ...argv], version: '0.0.0', cwd, stdout: sink(), stderr: sink()})
  } finally {
    fs.rmSync(cwd, {recursive: true, force: true})
  }
  fs.writeFileSync(path.join(dir, CACHE_FILE), loaded.script.createCachedData())
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, ...samples] = process.argv.slice(2)
  if (!dir) throw new Error('Usage: node code-cache.js BUNDLE_DIR SAMPLE.md...')
  await makeCodeCache(dir, samples)
}
