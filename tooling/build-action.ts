import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {type Plugin, build} from 'esbuild'

// The package's folder, whether this runs from src/clients/action/ or lib/src/clients/action/.
function packageRoot(from: string): string {
  const parent = path.dirname(from)
  if (fs.existsSync(path.join(from, 'package.json')) || parent === from) return from
  return packageRoot(parent)
}

export const ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)))
/** The committed bundle that action.yml runs. */
export const ACTION_BUNDLE = path.join(ROOT, 'dist/action/index.js')

// @actions/core imports its OIDC client, and with it @actions/http-client,
// undici and tunnel, whose modules esbuild must keep for their side effects
// unless told they have none. The action never asks for a token or makes a
// request: declared free of side effects, they are left out when unused,
// which makes the bundle 0.8 MB smaller and each run start some 15 ms sooner
// (a quarter of the time spent loading the bundle). Anything the action
// did use would be kept, as with any import.
const NETWORK_PACKAGES = /^(?:@actions\/http-client|undici|tunnel)(?:\/|$)/

const unusedNetworkCode: Plugin = {
  name: 'unused-network-code',
  setup(builder) {
    builder.onResolve({filter: NETWORK_PACKAGES}, async (args) => {
      if (args.pluginData === 'resolving') return undefined
      const resolved = await builder.resolve(args.path, {kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'resolving'})
      return {...resolved, sideEffects: false}
    })
  }
}

/**
 * Bundles the action with everything it imports into one ES module, so that
 * the runner needs no `npm install`. Bundled CommonJS dependencies `require`
 * Node's built-in modules, which an ES module can only do through
 * `createRequire`.
 */
export async function buildAction(outfile: string = ACTION_BUNDLE): Promise<void> {
  const {version} = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {version: string}
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/clients/action/index.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: {js: "import {createRequire as __createRequire} from 'node:module';\nconst require = __createRequire(import.meta.url);"},
    define: {'process.env.POSTMORTEM_VERSION': JSON.stringify(version)},
    legalComments: 'eof',
    plugins: [unusedNetworkCode],
    logLevel: 'warning'
  })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAction(process.argv[2] ? path.resolve(process.argv[2]) : ACTION_BUNDLE)
}
