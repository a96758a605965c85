import type {Nodes, Root} from 'mdast'
import type {Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'
import {attachedByEngine, failEachFile} from './config-file.js'
import {ConfigurationError} from './options.js'

/**
 * Trees nested deeper than this (10,000 `>` in a row) overflow the stack of
 * every recursive walker, ours and remark-lint's comment reader alike. Real
 * postmortems nest a few levels.
 */
export const MAX_DEPTH = 1000

type Parent = Extract<Nodes, {children: unknown}> | Root

const detached = new WeakMap<Root, Array<{parent: Parent; children: Nodes[]}>>()

/** Every node at `MAX_DEPTH` that has children, with the top-level block it is in, found without recursion. */
function tooDeep(tree: Root): Array<{parent: Parent; block: Nodes}> {
  const found: Array<{parent: Parent; block: Nodes}> = []
  const stack: Array<[Nodes, number, Nodes]> = tree.children.map((child) => [child, 1, child])
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth, block] = next
    if (!('children' in node) || node.children.length === 0) continue
    if (depth >= MAX_DEPTH) found.push({parent: node as Parent, block})
    else for (const child of node.children) stack.push([child as Nodes, depth + 1, block])
  }
  return found
}

export interface GuardOptions {
  /** Bytes above which a document is not checked in depth. Default: 5 MB. */
  maxSize?: number
}

/** 5 MB: ten times the longest real postmortem we know, read in a few seconds. */
export const DEFAULT_MAX_SIZE = 5 * 1024 * 1024

/** The processor data key under which the guard leaves its `maxSize`. */
export const MAX_SIZE_KEY = 'postmortemMaxSize'

declare module 'unified' {
  interface Data {
    postmortemMaxSize?: number
  }
}

/** `5.0 MB`, `12 KB`, `67 bytes`; 1.0 GB and more in GB. */
export function formatBytes(value: number): string {
  if (value >= 1024 ** 3) return `${(value / 1024 ** 3).toFixed(1)} GB`
  if (value >= 1024 ** 2) return `${(value / 1024 ** 2).toFixed(1)} MB`
  return value >= 1024 ? `${Math.round(value / 1024)} KB` : `${value} bytes`
}

/** The one-line message for a document above `maxSize`, shared with the CLI's check before parsing. */
export function tooLargeReason(bytes: number, maxSize: number): string {
  return `Unexpected document of ${formatBytes(bytes)}, expected at most ${formatBytes(maxSize)} (option \`maxSize\`): not checked in depth, since reading a document this large takes minutes`
}

/** Whether the guard set the document aside: rules then have nothing to check. */
export function isSetAside(file: VFile): boolean {
  return file.data.postmortemSetAside === true
}

function validMaxSize(options: GuardOptions | undefined): number {
  const maxSize = options?.maxSize ?? DEFAULT_MAX_SIZE
  if (typeof maxSize !== 'number' || !(maxSize >= 0)) {
    throw new ConfigurationError(`postmortem guard: invalid option \`maxSize\`: expected a number of bytes, 0 or more, got ${JSON.stringify(maxSize)}`, 'guard')
  }
  return maxSize
}

/**
 * Before the rules: a document larger than `maxSize` gets one message and is
 * not checked; what is nested deeper than `MAX_DEPTH` is laid aside with one
 * message, instead of a stack overflow. Either way the tree is put back after
 * the rules (`restoreGuardedNodes`).
 */
export const guardDocument: Plugin<[GuardOptions?], Root> = function (this: Processor, options, ...engine: unknown[]) {
  let maxSize: number
  try {
    maxSize = validMaxSize(options)
  } catch (error) {
    // Through unified-engine, reported by each file in one line (config-file.ts).
    if (error instanceof ConfigurationError && attachedByEngine(engine[0])) return failEachFile(error)
    throw error
  }
  // Told to the processor too: the language server's parser reads it to skip
  // parsing what this would not check (src/clients/language-server/size-limit.ts).
  this.data(MAX_SIZE_KEY, maxSize)
  return (tree: Root, file: VFile) => {
    const bytes = Buffer.byteLength(String(file.value ?? ''))
    if (bytes > maxSize) {
      detached.set(tree, [{parent: tree, children: tree.children as Nodes[]}])
      // The first block stays: remark-lint drops messages where the tree has no node.
      tree.children = tree.children.slice(0, 1)
      file.data.postmortemSetAside = true
      file.message(tooLargeReason(bytes, maxSize), {place: {line: 1, column: 1}, ruleId: 'postmortem-max-size', source: 'remark-lint'})
      return
    }
    setAsideDeepNodes(tree, file)
  }
}

function setAsideDeepNodes(tree: Root, file: VFile): void {
  const deep = tooDeep(tree)
  if (deep.length === 0) return
  detached.set(tree, deep.map(({parent}) => ({parent, children: parent.children as Nodes[]})))
  for (const {parent} of deep) parent.children = []
  // At the top-level block: remark-lint drops messages inside the stretch that was laid aside.
  const place = deep.at(-1)?.block.position?.start
  const message = file.message(`Unexpected nesting deeper than ${MAX_DEPTH} levels, expected less: the content below that depth is not checked`, {
    ...(place ? {place} : {}),
    ruleId: 'postmortem-nesting',
    source: 'remark-lint'
  })
  message.fatal = false
}

declare module 'vfile' {
  interface DataMap {
    /** Set by `guardDocument` on a document too large to check. */
    postmortemSetAside: boolean
  }
}

const putBack: Plugin<[], Root> = () => (tree: Root) => {
  for (const {parent, children} of detached.get(tree) ?? []) (parent as {children: Nodes[]}).children = children
  detached.delete(tree)
}

/**
 * After the rules: puts back what `setAsideDeepNodes` laid aside, so the tree
 * leaves as it came. remark-lint adds its comment reader (which walks the
 * tree) when the processor is frozen, after every plugin of the preset; this
 * plugin adds its own transformer the same way, so that it runs after that.
 */
export const restoreGuardedNodes: Plugin<[], Root> = function (this: Processor) {
  this.use(putBack)
}

export default guardDocument
