import fs from 'node:fs'
import {setDefaultHighWaterMark} from 'node:stream'
import {createUnifiedLanguageServer} from 'unified-language-server'
import {builtinPreset} from './builtin-preset.js'
import {startRelay} from './relay.js'

const USAGE = `Usage: postmortem-language-server [--stdio | --node-ipc | --socket=PORT]

A language server (LSP) that lints incident postmortems written in Markdown
with remark-preset-lint-postmortem. It talks over standard input and output
unless told otherwise. A workspace's .remarkrc, .remarkrc.json, .remarkrc.yml,
.remarkrc.js or package.json "remarkConfig" is used when present; otherwise
the recommended preset applies.`

// Bytes a stream may buffer before a write waits: more than any report of one document.
const REPORT_ROOM = 1024 * 1024 * 1024

function version(): string {
  const manifest = new URL('../../../../package.json', import.meta.url)
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as {version: string}).version
}

/**
 * Starts the server, which reads its transport from `argv` as every
 * vscode-languageserver does; with none given it uses standard input and
 * output, so `postmortem-language-server` alone is a working command.
 * The editor talks to a relay (./relay.ts), which talks to
 * unified-language-server over a pipe of this process.
 */
export async function startLanguageServer(argv: string[] = process.argv): Promise<void> {
  const args = argv.slice(2)
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${version()}\n`)
    return
  }
  // unified-language-server hands unified-engine a PassThrough for its report
  // that nothing reads: past the default 16 KiB (about 150 findings) a write
  // waits for a reader forever, the lint never ends and nothing is published.
  // It takes no option for those streams, so new streams in this process get
  // room for any report instead (they hold text, and are dropped after each lint).
  setDefaultHighWaterMark(false, REPORT_ROOM)

  // vscode-languageserver takes the first transport in process.argv: the relay's pipe.
  const pipe = await startRelay(args)
  process.argv = [...process.argv.slice(0, 2), pipe, ...process.argv.slice(2)]
  createUnifiedLanguageServer({
    configurationSection: 'postmortem',
    ignoreName: '.remarkignore',
    packageField: 'remarkConfig',
    pluginPrefix: 'remark',
    rcName: '.remarkrc',
    // A URL, not a package name, so that the server's own processor is used
    // in every workspace, whatever it has installed.
    processorName: new URL('processor.js', import.meta.url).href,
    plugins: [builtinPreset]
  })
}
