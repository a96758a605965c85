/**
 * A long document's tree, made smaller without changing what it says.
 * mdast-util-from-markdown builds every `children` array by pushing onto an
 * empty one, which V8 backs with room for 17 items: a list item or a
 * paragraph with one child carries 128 bytes it never uses. It also gives
 * every node two point objects of its own (48 bytes each), where a
 * paragraph starts and ends where its only text does and an item ends where
 * its paragraph does. Measured on a 10 MB list timeline, the tree was about
 * 1 KB per entry, over 20 bytes per byte of Markdown, most of the memory the
 * whole lint needs (docs/reliability.md).
 *
 * compactTree copies each `children` array to its exact length and lets a
 * first child use the very point object its parent starts at, a last child
 * the one its parent ends at, and a node start at the object its sibling
 * before it ends at, wherever they are equal: same line,
 * column and offset, one object. Points are values nobody changes in place
 * (every shift in this project makes new ones: parse-in-parts, the language
 * server's incremental parser), so sharing them is safe; it runs on each
 * part of a long document once that part is shifted to its place
 * (parse-in-parts.ts), while what it drops is still young garbage, cheap to
 * collect, and on the whole tree where a long document is parsed whole. The tree is equal, node for
 * node and position for position, to the one it was.
 */
import type {Nodes, Root} from 'mdast'
import type {Point} from 'unist'

const samePoint = (one: Point, other: Point): boolean =>
  one.offset === other.offset && one.line === other.line && one.column === other.column

/**
 * Gives the children of `parent` its points, and each child the end of the
 * one before, where they are equal; copies `children` to its length. Top
 * down, so that a point handed on is handed on again: an item's end becomes
 * its paragraph's, then that paragraph's text's.
 */
function compactChildren(parent: Nodes & {children: Nodes[]}): void {
  const children = parent.children.slice()
  parent.children = children as typeof parent.children
  const position = parent.position
  const first = children[0]?.position
  const last = children.at(-1)?.position
  if (position && first && samePoint(position.start, first.start)) first.start = position.start
  if (position && last && samePoint(position.end, last.end)) last.end = position.end
  for (let index = 1; index < children.length; index++) {
    const before = children[index - 1]?.position
    const after = children[index]?.position
    if (before && after && samePoint(before.end, after.start)) after.start = before.end
  }
}

/** Makes `nodes` and their descendants smaller in place (see above); a loop, since trees may be deep. */
export function compactNodes(nodes: readonly Nodes[]): void {
  const stack: Nodes[] = [...nodes]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!('children' in node)) continue
    compactChildren(node)
    for (const child of node.children) stack.push(child)
  }
}

/** Makes `tree` smaller in place (see above). */
export function compactTree(tree: Root): Root {
  compactNodes([tree])
  return tree
}
