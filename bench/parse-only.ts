/**
 * `node lib/bench/parse-only.js FILE`: parses FILE with remark-parse and
 * nothing else, so that the reliability measure can tell the parser's share
 * of the time and memory the bin takes on the same file.
 */
import fs from 'node:fs'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const file = process.argv[2]
if (!file) throw new Error('Expected the path of a file to parse')
const tree = unified().use(remarkParse).parse(fs.readFileSync(file, 'utf8'))
process.stdout.write(`${tree.children.length} top-level nodes\n`)
