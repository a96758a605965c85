#!/usr/bin/env node
import {readFileSync} from 'node:fs'
import {loadCli, setV8Flags} from '../lib/src/clients/cli/launch.js'

setV8Flags()
// `npm run build` bundles the CLI into one file, which starts much faster than
// the modules tsc compiled; those still run where the bundle could not be made.
const {main} = await loadCli()

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

process.exitCode = await main({argv: process.argv.slice(2), version})
