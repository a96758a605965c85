#!/usr/bin/env node
import {readFileSync} from 'node:fs'
import {loadCli, setV8Flags} from '../lib/src/clients/cli/launch.js'

setV8Flags()
// The CLI bundle holds postmortem-facts too (src/clients/cli/entry.ts): one
// file compiled from its code cache starts several times faster than the
// modules tsc compiled, which still run where the bundle could not be made.
const {factsMain} = await loadCli()

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

process.exitCode = await factsMain({argv: process.argv.slice(2), version})
