#!/usr/bin/env node
import {readFileSync} from 'node:fs'
import {main} from '../lib/src/clients/postmortem-facts/index.js'

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

process.exitCode = await main({argv: process.argv.slice(2), version})
