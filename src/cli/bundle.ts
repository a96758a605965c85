/**
 * Bundles the compiled CLI (lib/src/cli) and its lint thread into
 * lib/bundle/, which bin/postmortem-lint.js loads. One file starts much
 * faster than the hundreds of small modules of the unified ecosystem, and a
 * pre-commit hook starts the CLI on every commit. Run by `npm run build`
 * after tsc.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Plugin} from 'esbuild'
import {INTERNAL_MODULES} from './internals.js'

// The package's folder, whether this runs from src/cli/ or lib/src/cli/.
function packageRoot(from: string): string {
  const parent = path.dirname(from)
  if (fs.existsSync(path.join(from, 'package.json')) || parent === from) return from
  return packageRoot(parent)
}

const ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)))
export const CLI_BUNDLE_DIR = path.join(ROOT, 'lib/bundle')

/**
 * Replaces internals.ts, which loads unexported modules of unified-args and
 * unified-engine from their folders at run time, with static imports of the
 * same files: esbuild then bundles them once, with the copies of their
 * dependencies that the engine already uses.
 */
function internalsPlugin(): Plugin {
  const resolveFrom = createRequire(path.join(ROOT, 'package.json'))
  const file = (name: keyof typeof INTERNAL_MODULES): string => {
    const [dependency, relative] = INTERNAL_MODULES[name]
    return JSON.stringify(path.join(path.dirname(resolveFrom.resolve(dependency)), relative))
  }
  const contents = [
    `import {parseArgv} from ${file('parseArgv')}`,
    `import {finder} from ${file('finder')}`,
    `import {Ignore} from ${file('ignore')}`,
    'export const loadParseArgv = async () => parseArgv',
    'export const loadFinder = async () => finder',
    'export const loadIgnore = async () => Ignore'
  ].join('\n')
  const internals = path.join(ROOT, 'lib/src/cli/internals.js')
  return {
    name: 'internals',
    setup(build) {
      build.onResolve({filter: /^\.\/internals\.js$/}, (args) => {
        if (path.join(args.resolveDir, args.path) !== internals) return undefined
        return {path: internals, namespace: 'internals'}
      })
      build.onLoad({filter: /.*/, namespace: 'internals'}, () => ({contents, loader: 'js', resolveDir: ROOT}))
    }
  }
}

export async function bundleCli(): Promise<void> {
  let esbuild: typeof import('esbuild')
  try {
    esbuild = await import('esbuild')
  } catch {
    // Without esbuild (a production-only install) the bin runs lib/src/cli;
    // a bundle left from an earlier build would run old code.
    fs.rmSync(CLI_BUNDLE_DIR, {recursive: true, force: true})
    console.warn('esbuild is not installed: postmortem-lint runs unbundled, and starts slower')
    return
  }
  // Built aside and moved in place, so that a CLI starting meanwhile finds
  // either no bundle (and runs lib/src/cli) or a whole one.
  const staging = `${CLI_BUNDLE_DIR}-${process.pid}`
  await esbuild.build({
    absWorkingDir: ROOT,
    // The thread is found next to the CLI (`new URL('./lint-worker.js', import.meta.url)`),
    // so both keep their names.
    entryPoints: {index: 'lib/src/cli/index.js', 'lint-worker': 'lib/src/cli/lint-worker.js'},
    outdir: staging,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minifyWhitespace: true,
    minifySyntax: true,
    // Bundled CommonJS dependencies `require` Node's built-in modules, which an
    // ES module can only do through `createRequire`.
    banner: {js: "import {createRequire as __createRequire} from 'node:module';\nconst require = __createRequire(import.meta.url);"},
    legalComments: 'eof',
    plugins: [internalsPlugin()],
    logLevel: 'warning'
  })
  fs.rmSync(CLI_BUNDLE_DIR, {recursive: true, force: true})
  try {
    fs.renameSync(staging, CLI_BUNDLE_DIR)
  } catch (error) {
    // Another build moved its bundle in first: it is as new as this one.
    fs.rmSync(staging, {recursive: true, force: true})
    if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleCli()
}
