import {randomBytes} from 'node:crypto'
import {constants, promises as fs} from 'node:fs'
import path from 'node:path'

/**
 * Replaces a file's content so that it is never seen half written: the text
 * goes to a new file in the same folder, is flushed to disk, gets the old
 * file's mode, and is renamed over the old file (an atomic step). A kill at
 * any moment leaves the old file or the new one, never an empty one. A
 * symbolic link is followed only to a file inside `root`; a read-only file
 * is left alone. Resolves to why the file was not written, or undefined.
 */
export async function replaceFile(file: string, text: string, root: string): Promise<string | undefined> {
  let target = file
  if ((await fs.lstat(file)).isSymbolicLink()) {
    target = await fs.realpath(file)
    const inside = path.relative(await fs.realpath(root), target)
    if (inside.startsWith('..') || path.isAbsolute(inside)) return 'it is a symbolic link to a file outside the linted folder'
  }
  const mode = (await fs.stat(target)).mode & 0o7777
  // No write bit is read-only even to root, who may write anything.
  const writable = (mode & 0o222) !== 0 && (await fs.access(target, constants.W_OK).then(() => true, () => false))
  if (!writable) return 'the file is read-only'
  return writeFileAtomically(target, text, mode)
}

/**
 * Writes `text` to `target` (made or replaced) through a temporary file in
 * the same folder, flushed to disk and renamed over `target`: a kill at any
 * moment leaves the old file, or none, or the new one, never half of one.
 * `mode` is given to the file exactly, else the umask narrows the default.
 * Resolves to why it was not written, or undefined.
 */
export async function writeFileAtomically(target: string, text: string, mode?: number): Promise<string | undefined> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(temporary, 'wx', mode ?? 0o666)
    await handle.writeFile(text)
    await handle.sync()
    await handle.close()
    handle = undefined
    // The mode given to open() is narrowed by the umask.
    if (mode !== undefined) await fs.chmod(temporary, mode)
    await fs.rename(temporary, target)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await fs.rm(temporary, {force: true})
    return `it could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`
  }
  await syncFolder(path.dirname(target))
  return undefined
}

/** Flushes a folder's entries, so that the rename survives a power loss; not every system allows it. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, 'r').catch(() => undefined)
  await handle?.sync().catch(() => undefined)
  await handle?.close().catch(() => undefined)
}
