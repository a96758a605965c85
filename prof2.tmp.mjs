import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import fs from 'node:fs'
import {recommended} from './lib/src/index.js'
const docs = []
for (const c of ['corpus','corpus2']) for (const f of fs.readdirSync(`/work/shared/${c}`)) if (f.endsWith('.md')) docs.push(fs.readFileSync(`/work/shared/${c}/${f}`,'utf8'))
const p = unified().use(remarkParse).use(recommended).freeze()
const bare = unified().use(remarkParse).freeze()
for (let k = 0; k < 3; k++) {
let t = performance.now(); for (let r = 0; r < 5; r++) for (const d of docs) p.parse(new VFile({value: d})); const ours = performance.now()-t
t = performance.now(); for (let r = 0; r < 5; r++) for (const d of docs) bare.parse(d); const parse = performance.now()-t
const trees = docs.map(d => p.parse(new VFile({value: d})))
t = performance.now(); for (let r = 0; r < 5; r++) for (const d of docs) { const f = new VFile({value: d}); p.runSync(p.parse(f), f) }; const full = performance.now()-t
console.log('ours-parse', ours.toFixed(0), 'bare', parse.toFixed(0), 'full', full.toFixed(0), 'ratio', (full/parse).toFixed(2))
}
