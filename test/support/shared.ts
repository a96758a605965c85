import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** ../shared beside the checkout, present on CI and developers' machines, absent elsewhere. */
export const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared')
export const hasShared = fs.existsSync(path.join(SHARED, 'corpus'))

export function sharedDocuments(folder: 'corpus' | 'corpus2' | 'seeds'): Array<{name: string; path: string; text: string}> {
  const dir = path.join(SHARED, folder)
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({name, path: path.join(dir, name), text: fs.readFileSync(path.join(dir, name), 'utf8')}))
}
