import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {DEFAULT_MAX_SIZE, MAX_SIZE_KEY} from '../../lint/document-guard.js'

/**
 * The guard checks nothing in a document above `maxSize`, but in the
 * language server the document has been parsed by then, on every edit: for
 * a 30 MB document, tens of seconds and gigabytes each time. So the server's
 * parser does not parse such a document (or keep it for the next edit); it
 * gives a tree of one empty node, which the guard then reports on, as it
 * does in `postmortem-lint`. The limit is the one the guard was given in the
 * workspace's configuration, else the default. Formatting such a document
 * gives its text back unchanged (a tree that holds none of it must not
 * replace it).
 */
export function skipOversizedDocuments(this: Processor): void {
  const processor = this
  const {parser: parse, compiler: compile} = this
  if (!parse || !compile) throw new Error('skipOversizedDocuments comes after a parser and a compiler, such as remark-parse and remark-stringify')
  const unparsed = new WeakSet<Root>()
  this.parser = (document: string, file: VFile): Root => {
    const limit = processor.data(MAX_SIZE_KEY) ?? DEFAULT_MAX_SIZE
    // UTF-8 takes at most three bytes per UTF-16 unit: most documents need no count.
    if (document.length * 3 <= limit || Buffer.byteLength(document) <= limit) return parse(document, file) as Root
    const tree = placeholderTree(document)
    unparsed.add(tree)
    return tree
  }
  this.compiler = (tree, file) => (unparsed.has(tree as Root) ? String(file.value) : compile(tree, file))
}

/**
 * A root spanning the document, holding one node that spans it too but holds
 * none of its text: remark-lint drops messages where a tree has no node.
 */
function placeholderTree(document: string): Root {
  let lines = 1
  let lineStart = 0
  for (let index = document.indexOf('\n'); index !== -1; index = document.indexOf('\n', index + 1)) {
    lines++
    lineStart = index + 1
  }
  const start = {line: 1, column: 1, offset: 0}
  const end = {line: lines, column: document.length - lineStart + 1, offset: document.length}
  return {type: 'root', children: [{type: 'html', value: '', position: {start, end}}], position: {start, end}}
}
