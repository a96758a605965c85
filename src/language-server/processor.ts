import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'

/**
 * The processor the language server lints with (and formats with, when the
 * editor asks): this package's own remark, so a workspace needs no
 * node_modules and every workspace gets the same positions.
 */
export default unified().use(remarkParse).use(remarkStringify).freeze()
