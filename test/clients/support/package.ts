import fs from 'node:fs'
import path from 'node:path'
import {ROOT, run, runOrThrow} from './process.js'

// The variables npm sets for a script (`npm test`) would point a nested npm at this checkout.
export const npmEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD')
)

/** Packs the checkout as `npm publish` would; lib/ is built by `npm test` before vitest runs. Returns the tarball. */
export async function packPackage(destination: string): Promise<string> {
  const packed = await runOrThrow('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], {cwd: ROOT, env: npmEnv})
  const [{filename}] = JSON.parse(packed.stdout) as [{filename: string}]
  return path.join(destination, filename)
}

/**
 * `npm install` from npm's cache when it holds everything (it does after
 * `npm ci`), from the registry otherwise.
 */
export async function npmInstall(args: string[], cwd: string): Promise<void> {
  fs.mkdirSync(cwd, {recursive: true})
  const common = ['install', '--no-audit', '--no-fund', ...args]
  const offline = await run('npm', [...common, '--offline'], {cwd, env: npmEnv})
  if (offline.code !== 0) await runOrThrow('npm', [...common, '--prefer-offline'], {cwd, env: npmEnv})
}
