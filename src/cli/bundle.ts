/**
 * Bundles the compiled CLI (lib/src/cli) and its lint thread into
 * lib/bundle/, which bin/postmortem-lint.js loads. One file starts much
 * faster than the hundreds of small modules of the unified ecosystem, and a
 * pre-commit hook starts the CLI on every commit. Run by `npm run build`
 * after tsc.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

// The package's folder, whether this runs from src/cli/ or lib/src/cli/.
function packageRoot(from: string): string {
  const parent = path.dirname(from)
  if (fs.existsSync(path.join(from, 'package.json')) || parent === from) return from
  return packageRoot(parent)
}

const ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)))
export const CLI_BUNDLE_DIR = path.join(ROOT, 'lib/bundle')

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
