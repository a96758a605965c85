import type {Nodes, Root} from 'mdast'
import type {Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'

/**
 * Trees nested deeper than this (10,000 `>` in a row) overflow the stack of
 * every recursive walker, ours and remark-lint's comment reader alike. Real
 * postmortems nest a few levels.
 */
export const MAX_DEPTH = 1000

type Parent = Extract<Nodes, {children: unknown}>

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

/**
 * Before the rules: lays aside what is nested deeper than `MAX_DEPTH` and
 * says once that it was not checked, instead of a stack overflow.
 */
export const setAsideDeepNodes: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
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
export const restoreDeepNodes: Plugin<[], Root> = function (this: Processor) {
  this.use(putBack)
}
