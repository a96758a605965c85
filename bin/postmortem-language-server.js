#!/usr/bin/env node
import {startLanguageServer} from '../lib/src/language-server/index.js'

startLanguageServer()
