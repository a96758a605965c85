import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {createIncrementalParse} from './incremental.js'
import {skipOversizedDocuments} from './size-limit.js'

/**
 * The processor the language server lints with (and formats with, when the
 * editor asks): this package's own remark, so a workspace needs no
 * node_modules and every workspace gets the same positions. It parses again
 * only the part of a document that an edit changed, and not at all a
 * document too large to check.
 */
export default unified().use(remarkParse).use(createIncrementalParse()).use(remarkStringify).use(skipOversizedDocuments).freeze()
