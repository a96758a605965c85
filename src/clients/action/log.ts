import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {escapeData} from '../shared/reporters/github.js'

/**
 * Everything the action prints that is not a workflow command of its own
 * goes through here. The runner reads each line of a step's output as a
 * command when it starts with `::` after spaces, and also (the legacy form)
 * when it holds `##[` anywhere; a line break ends one (CR alone too). A file
 * of the repository named `x\n::add-mask::…` or `##[set-output …]` would
 * otherwise run a command of the pull request's choosing.
 */

// The runner trims what .NET counts as white space, which is JavaScript's
// plus NEL (U+0085).
const LEADING_SPACE = /^[\s\u0085]*/
const LEGACY_COMMAND = /##\[/g

/**
 * A file name as one line of workflow-command data (`%`, CR and LF as
 * `%25`, `%0D`, `%0A`), as @actions/core escapes data: reversible, so that
 * a name that holds `%0A` is told from one that holds a line break.
 */
export function safeName(name: string): string {
  return escapeData(name)
}

/**
 * One line of output that no runner reads as a command: a CR becomes
 * `%0D`, a leading `:` of `::` becomes `%3A` and `##[` becomes `##%5B`.
 */
export function safeLine(line: string): string {
  const flat = line.replace(/\r/g, '%0D').replace(LEGACY_COMMAND, '##%5B')
  const indent = LEADING_SPACE.exec(flat)?.[0] ?? ''
  return flat.startsWith('::', indent.length) ? `${indent}%3A${flat.slice(indent.length + 1)}` : flat
}

/** `text`, line by line, made safe to print. */
export function safeText(text: string): string {
  return text.split('\n').map(safeLine).join('\n')
}

/**
 * The lint report as remark-cli prints it, with each file named safely:
 * vfile-reporter prints names as they are, so it is given files whose
 * names are escaped and whose messages are the originals'.
 */
export function safeReport(files: readonly VFile[]): string {
  const shown = files.map((file) => {
    const name = file.history[0] ?? file.path
    const copy = new VFile({cwd: file.cwd, ...(name ? {path: safeName(name)} : {})})
    copy.messages = file.messages
    return copy
  })
  return safeText(reporter(shown, {color: false}))
}
