import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {type PostmortemModel, buildModel} from '../../src/model/model.js'

/** A document parsed as remark does, with its model. */
export function read(markdown: string, options: {frontmatter?: boolean} = {}): {tree: Root; model: PostmortemModel; source: string} {
  const processor = options.frontmatter ? unified().use(remarkParse).use(remarkFrontmatter) : unified().use(remarkParse)
  const tree = processor.runSync(processor.parse(markdown)) as Root
  return {tree, model: buildModel(tree, markdown), source: markdown}
}
