import type {Nodes, Root} from 'mdast'

/**
 * Visits every node of a tree in document order (pre-order), as
 * unist-util-visit does, and skips a node's children when `visitor` returns
 * `true`. unist-util-visit-parents names the function it makes for each node
 * (for stack traces), which made its walks cost a tenth of a parse in a
 * profile of the preset; the model's walks need neither parents nor names.
 */
export function walkTree(tree: Root, visitor: (node: Nodes) => boolean | void): void {
  const walk = (node: Nodes): void => {
    if (visitor(node) === true || !('children' in node)) return
    for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
}
