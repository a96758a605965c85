#!/usr/bin/env node
import {existsSync, readFileSync} from 'node:fs'
import v8 from 'node:v8'

// V8 first interprets a regular expression, then compiles it again on its
// second use; chrono-node's large expressions cost some 50 ms that way in a
// one-file run. Compiling them once, straight away, is as fast when linting
// many files.
v8.setFlagsFromString('--no-regexp-tier-up')
// Linting thousands of files makes much short-lived garbage, and V8 let the
// heap grow to over 300 MB for 10,000 files; doubling it at most after each
// collection keeps it near 220 MB for about the same time (docs/performance.md).
v8.setFlagsFromString('--heap-growing-percent=100')

// `npm run build` bundles the CLI into one file, which starts much faster than
// the modules tsc compiled; those still run where the bundle could not be made.
const bundle = new URL('../lib/bundle/index.js', import.meta.url)
const {main} = await import(existsSync(bundle) ? bundle.href : '../lib/src/cli/index.js')

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

process.exitCode = await main({argv: process.argv.slice(2), version})
