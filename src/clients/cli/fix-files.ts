import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {fixUntilSettled} from '../../lint/fix.js'
import {replaceFile} from './replace-file.js'

const SOURCE = 'postmortem-lint'

export interface FixResult {
  /** The files that were fixed, as last linted. */
  files: VFile[]
  summary: string
}

function notFixed(file: VFile, reason: string): void {
  file.info(`Not fixed: ${reason}`, {ruleId: 'fix', source: SOURCE})
}

/**
 * Fixes one file (see `fixUntilSettled`) and writes it when it changed and is
 * still as it was read. Resolves to the number of fixes and the file as last
 * linted.
 */
async function fixFile(file: VFile, lint: (input: VFile) => Promise<VFile>): Promise<{file: VFile; applied: number}> {
  const unchanged = {file, applied: 0}
  if (!file.path || file.value === undefined || file.data.unifiedEngineStreamIn) return unchanged
  if (!file.messages.some((message) => message.expected)) return unchanged
  const absolutePath = path.resolve(file.cwd, file.path)
  const bytes = await readFile(absolutePath)
  const text = bytes.toString('utf8')
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    notFixed(file, 'the file is not valid UTF-8, so it cannot be rewritten without changing other bytes')
    return unchanged
  }
  if (text !== String(file.value)) {
    notFixed(file, 'the file changed while it was being linted')
    return unchanged
  }

  const linted = new Map<string, VFile>([[text, file]])
  const settled = await fixUntilSettled(text, file.messages, async (value) => {
    const result = await lint(new VFile({path: absolutePath, cwd: file.cwd, value}))
    linted.set(value, result)
    return result.messages
  })
  const last = linted.get(settled.value) ?? file
  if (settled.value === text) return {file: last, applied: 0}

  if (!(await readFile(absolutePath)).equals(bytes)) {
    notFixed(file, 'the file changed while it was being fixed')
    return unchanged
  }
  const refused = await replaceFile(absolutePath, settled.value, file.cwd)
  if (refused) {
    notFixed(file, refused)
    return unchanged
  }
  return {file: last, applied: settled.passes.reduce((sum, edits) => sum + edits.length, 0)}
}

/**
 * Applies the fixes that the messages of `files` carry, in place, linting
 * each fixed text again with `lint`; files are written only when they change.
 */
export async function fixFiles(files: readonly VFile[], lint: (inputs: VFile[]) => Promise<VFile[]>): Promise<FixResult> {
  const lintOne = async (input: VFile): Promise<VFile> => {
    const [result] = await lint([input])
    if (!result) throw new Error(`Cannot lint \`${input.path}\` again after fixing it`)
    return result
  }
  // One file that cannot be read or fixed is reported; the others are still fixed.
  const results = await Promise.all(
    files.map((file) =>
      fixFile(file, lintOne).catch((error: unknown) => {
        notFixed(file, error instanceof Error ? error.message : String(error))
        return {file, applied: 0}
      })
    )
  )
  const fixed = results.filter((result) => result.applied > 0)
  const problems = fixed.reduce((sum, result) => sum + result.applied, 0)
  return {
    files: results.map((result) => result.file),
    summary:
      fixed.length === 0
        ? ''
        : `${SOURCE}: fixed ${problems} problem${problems === 1 ? '' : 's'} in ${fixed.length} file${fixed.length === 1 ? '' : 's'}`
  }
}
