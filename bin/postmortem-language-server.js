#!/usr/bin/env node
import {startLanguageServer} from '../lib/src/clients/language-server/index.js'

startLanguageServer().catch((error) => {
  process.stderr.write(`postmortem-language-server: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
