/**
 * Bundles the compiled CLI (lib/src/clients/cli), its lint thread included, into one
 * CommonJS file in lib/bundle/, with a V8 code cache of it (code-cache.ts),
 * which bin/postmortem-lint.js loads through launch.ts. One file starts much
 * faster than the hundreds of small modules of the unified ecosystem, and
 * from the cache V8 neither parses it nor compiles what a run calls: a
 * pre-commit hook starts the CLI on every commit. It also bundles the
 * recommended preset on its own for the language server. Run by `npm run
 * build` after tsc.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Plugin} from 'esbuild'
import {INTERNAL_MODULES} from '../src/clients/cli/internals.js'
import {BUNDLE_FILE, CACHE_FILE, CLI_BUNDLE_DIR, PRESET_BUNDLE_FILE} from '../src/clients/cli/launch.js'

// CLI_BUNDLE_DIR is lib/bundle in the package's folder.
const ROOT = path.dirname(path.dirname(CLI_BUNDLE_DIR))
// Documents that the build lints to make the code cache (code-cache.ts).
const CACHE_SAMPLES = ['examples/good-postmortem.md', 'examples/needs-work-postmortem.md']

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
  const internals = path.join(ROOT, 'lib/src/clients/cli/internals.js')
  return {
    name: 'internals',
    setup(build) {
      build.onResolve({filter: /^\.\/internals\.js$/}, (args) => {
        if (path.join(args.resolveDir, args.path) !== internals) return undefined
        // Relative: the bundle names each module by its path, and none by a folder of the machine it was built on.
        return {path: path.relative(ROOT, internals), namespace: 'internals'}
      })
      build.onLoad({filter: /.*/, namespace: 'internals'}, () => ({contents, loader: 'js', resolveDir: ROOT}))
    }
  }
}

/**
 * Writes the code cache next to the bundle in `dir`. Without one the CLI
 * still runs, compiling the bundle each time, so a failure only warns.
 */
function makeCodeCache(dir: string): void {
  const samples = CACHE_SAMPLES.map((sample) => path.join(ROOT, sample)).filter((sample) => fs.existsSync(sample))
  const script = path.join(ROOT, 'lib/tooling/code-cache.js')
  const result = spawnSync(process.execPath, [script, dir, ...samples], {encoding: 'utf8'})
  if (result.status !== 0 || !fs.existsSync(path.join(dir, CACHE_FILE))) {
    console.warn(`Cannot make the code cache of the CLI bundle: postmortem-lint starts slower\n${result.stderr ?? result.error}`)
  }
}

// The dependencies' `import()` of plugins and reporters, which the bundle
// routes through the bin's own `import()` (launch.ts): V8 forgets how a
// `vm.Script` made from a code cache imports (Node 20), and a script can only
// be given Node's importer as an experimental feature, which warns.
const DYNAMIC_IMPORTS: Record<string, string> = {
  'load-plugin/lib/index.js': '(await import(href))',
  'unified-engine/lib/configuration.js': 'await import(fileUrl)'
}
const DYNAMIC_IMPORT = /(?<![\w$.])import\(/g

function dynamicImportPlugin(): Plugin {
  const files = new Map(
    Object.entries(DYNAMIC_IMPORTS).map(([file, code]) => {
      const [dependency = '', ...rest] = file.split('/')
      return [path.join(path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve(dependency)), ...rest), code]
    })
  )
  return {
    name: 'dynamic-import',
    setup(build) {
      build.onLoad({filter: /\.js$/}, (args) => {
        const code = files.get(args.path)
        if (code === undefined) return undefined
        const contents = fs.readFileSync(args.path, 'utf8')
        if (contents.split(code).length !== 2) throw new Error(`Expected \`${code}\` once in ${args.path}: update DYNAMIC_IMPORTS`)
        return {contents: contents.replace(code, code.replace('import(', '__bundleImport(')), loader: 'js'}
      })
    }
  }
}

// unist-util-visit-parents names the function it makes for each node it
// visits (`node (paragraph)`) for stack traces, with Object.defineProperty:
// three quarters of the time of a walk (5.8 against 1.3 ms for the 7,761 nodes
// of a 2,000-line postmortem, docs/performance.md). remark-lint's message
// control walks every tree twice after the rules. The bundles leave the naming
// out; only a debugger shows the names.
const VISITOR_FILE = /unist-util-visit-parents[\\/]lib[\\/]index\.js$/
const VISITOR_NAMING = /Object\.defineProperty\(visit, 'name', \{[^}]{0,200}\}\)/g

export function unnamedVisitorsPlugin(): Plugin {
  return {
    name: 'unnamed-visitors',
    setup(build) {
      build.onLoad({filter: VISITOR_FILE}, (args) => {
        const contents = fs.readFileSync(args.path, 'utf8')
        const found = contents.match(VISITOR_NAMING)?.length ?? 0
        if (found !== 1) throw new Error(`Expected the naming of visitors once in ${args.path}, found it ${found} times: update VISITOR_NAMING`)
        return {contents: contents.replace(VISITOR_NAMING, ''), loader: 'js'}
      })
    }
  }
}

/**
 * unified-engine imports load-plugin, and with it npm's configuration
 * reader, though it only calls it for plugins and reporters named in a
 * configuration or on the command line: the bundle runs that module when it
 * is first called, which saves a one-file run several milliseconds.
 */
function lazyLoadPluginPlugin(): Plugin {
  const real = createRequire(path.join(ROOT, 'package.json')).resolve('load-plugin')
  const contents = [
    `const load = () => import(${JSON.stringify(real)})`,
    'export async function loadPlugin(name, options) { return (await load()).loadPlugin(name, options) }',
    'export async function resolvePlugin(name, options) { return (await load()).resolvePlugin(name, options) }'
  ].join('\n')
  return substituteImport({name: 'lazy-load-plugin', filter: /^load-plugin$/, importer: 'unified-engine', contents, resolveDir: ROOT})
}

/**
 * A plugin that gives the files of package `importer` the module `contents`
 * where they import what `filter` matches, resolving its own imports from
 * `resolveDir` (else from where the importer is).
 */
function substituteImport(options: {name: string; filter: RegExp; importer: string; contents: string; resolveDir?: string}): Plugin {
  const {name, filter, importer, contents} = options
  return {
    name,
    setup(build) {
      build.onResolve({filter}, (args) =>
        args.namespace === 'file' && args.importer.includes(`${path.sep}${importer}${path.sep}`)
          ? {path: args.path, namespace: name, pluginData: options.resolveDir ?? args.resolveDir}
          : undefined
      )
      build.onLoad({filter: /.*/, namespace: name}, (args) => ({contents, loader: 'js', resolveDir: args.pluginData as string}))
    }
  }
}

/**
 * vfile-reporter measures every cell of its table with string-width, which
 * splits each string into graphemes with Intl.Segmenter: some 10 µs a cell,
 * a third of a `--cache` run over 2,000 files with warnings. A string of
 * printable ASCII is as wide as it is long (test/cli/string-width.test.ts checks
 * string-width agrees), so the bundle answers that case at once.
 */
export const PRINTABLE_ASCII = /^[\x20-\x7E]*$/

function asciiStringWidthPlugin(): Plugin {
  const contents = [
    "import stringWidth from 'string-width'",
    `const printableAscii = ${PRINTABLE_ASCII.toString()}`,
    "export default function width(text, options) { return typeof text === 'string' && printableAscii.test(text) ? text.length : stringWidth(text, options) }"
  ].join('\n')
  // The real string-width is found from vfile-reporter's folder, as before.
  return substituteImport({name: 'ascii-string-width', filter: /^string-width$/, importer: 'vfile-reporter', contents})
}

type Esbuild = typeof import('esbuild')

/** The CLI, as CommonJS with everything it imports, and the preset alone, as an ES module. */
async function buildBundles(esbuild: Esbuild, staging: string): Promise<void> {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['lib/src/clients/cli/entry.js'],
    outfile: path.join(staging, BUNDLE_FILE),
    bundle: true,
    platform: 'node',
    target: 'node20',
    // CommonJS, which launch.ts runs as a `vm.Script` with a code cache; an
    // ES module cannot use one in Node 20.
    format: 'cjs',
    // launch.ts passes the bundle's URL, which parallel.ts finds the lint
    // thread's entry next to.
    define: {'import.meta.url': '__bundleUrl'},
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    plugins: [internalsPlugin(), dynamicImportPlugin(), lazyLoadPluginPlugin(), unnamedVisitorsPlugin(), asciiStringWidthPlugin()],
    logLevel: 'warning'
  })
  // The preset alone, as an ES module, for the language server's built-in
  // preset (builtin-preset.ts), which lints a long document on every edit.
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['lib/src/index.js'],
    outfile: path.join(staging, PRESET_BUNDLE_FILE),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Some dependencies (yaml) are CommonJS and require Node's modules.
    banner: {js: "import {createRequire as __createRequire} from 'node:module';\nconst require = __createRequire(import.meta.url);"},
    plugins: [unnamedVisitorsPlugin()],
    logLevel: 'warning'
  })
}

/** Moves a finished bundle in place of the old one. */
function replaceBundle(staging: string): void {
  fs.rmSync(CLI_BUNDLE_DIR, {recursive: true, force: true})
  try {
    fs.renameSync(staging, CLI_BUNDLE_DIR)
  } catch (error) {
    // Another build moved its bundle in first: it is as new as this one.
    fs.rmSync(staging, {recursive: true, force: true})
    if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}

export async function bundleCli(): Promise<void> {
  let esbuild: Esbuild
  try {
    esbuild = await import('esbuild')
  } catch {
    // Without esbuild (a production-only install) the bin runs lib/src/clients/cli;
    // a bundle left from an earlier build would run old code.
    fs.rmSync(CLI_BUNDLE_DIR, {recursive: true, force: true})
    console.warn('esbuild is not installed: postmortem-lint runs unbundled, and starts slower')
    return
  }
  // Built aside and moved in place, so that a CLI starting meanwhile finds
  // either no bundle (and runs lib/src/clients/cli) or a whole one.
  const staging = `${CLI_BUNDLE_DIR}-${process.pid}`
  await buildBundles(esbuild, staging)
  const bundled = fs.readFileSync(path.join(staging, BUNDLE_FILE), 'utf8')
  if (DYNAMIC_IMPORT.test(bundled)) {
    throw new Error('The CLI bundle has an `import()` that launch.ts cannot run: route it through `__bundleImport` (DYNAMIC_IMPORTS)')
  }
  fs.writeFileSync(
    path.join(staging, 'lint-worker.js'),
    "// The lint thread's entry next to the bundle (parallel.ts starts it).\n" +
      "import {loadCli} from '../src/clients/cli/launch.js'\n\nawait (await loadCli()).startLintThread()\n"
  )
  makeCodeCache(staging)
  replaceBundle(staging)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleCli()
}
