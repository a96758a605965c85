#!/usr/bin/env node
// `npm run build` unless lib/ was built from exactly the files there are now.
//
// npm runs `prepare` on `npm install` in a checkout and again on `npm pack`;
// installing the pre-commit hook does both, and `npm test` after `npm ci`
// would build a third time. Each build is the same tsc run and bundle, so a
// build is skipped when its inputs are unchanged: every file tsc compiles or
// the bundles read (src/, rules/, tooling/, bench/, the tsconfigs, package.json
// and package-lock.json, which pins every dependency bundled) and the Node
// version (the V8 code cache is made for it). This file is plain JavaScript
// because it runs before tsc has compiled anything.
import {spawnSync} from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const FOLDERS = ['src', 'rules', 'tooling', 'bench']
const FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json']
const STAMP = path.join(ROOT, 'lib/.build-inputs')
// What a finished build leaves: if any is gone, build again whatever the stamp says.
const OUTPUTS = ['lib/src/index.js', 'lib/src/clients/cli/index.js']

function filesUnder(folder) {
  const absolute = path.join(ROOT, folder)
  if (!fs.existsSync(absolute)) return []
  return fs.readdirSync(absolute, {recursive: true, encoding: 'utf8'})
    .map((name) => path.join(folder, name))
    .filter((name) => fs.statSync(path.join(ROOT, name)).isFile())
    .sort()
}

function inputsHash() {
  const hash = crypto.createHash('sha256').update(process.version)
  for (const file of [...FOLDERS.flatMap(filesUnder), ...FILES]) {
    hash.update(`\0${file}\0`)
    if (fs.existsSync(path.join(ROOT, file))) hash.update(fs.readFileSync(path.join(ROOT, file)))
  }
  return hash.digest('hex')
}

const hash = inputsHash()
const built = fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash && OUTPUTS.every((file) => fs.existsSync(path.join(ROOT, file)))
if (built) {
  process.stdout.write('lib/ is built from the current sources; skipping the build\n')
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['run', 'build'], {cwd: ROOT, stdio: 'inherit'})
  if (result.status !== 0) process.exit(result.status ?? 1)
  fs.writeFileSync(STAMP, hash)
}
