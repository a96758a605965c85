import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import fs from 'node:fs'
import {recommended} from './lib/src/index.js'
const docs = []
for (const c of ['corpus','corpus2']) for (const f of fs.readdirSync(`/work/shared/${c}`)) if (f.endsWith('.md')) docs.push(fs.readFileSync(`/work/shared/${c}/${f}`,'utf8'))
const p = unified().use(remarkParse).use(recommended).freeze()
const bare = unified().use(remarkParse).freeze()
const run = (t) => { const f = new VFile({value: t}); p.runSync(p.parse(f), f); return f.messages }
for (let r = 0; r < 3; r++) for (const d of docs) run(d)
let t = performance.now(); for (let r = 0; r < 10; r++) for (const d of docs) run(d); const ours = performance.now()-t
t = performance.now(); for (let r = 0; r < 10; r++) for (const d of docs) bare.parse(d); const parse = performance.now()-t
console.log('ours', ours.toFixed(0), 'parse', parse.toFixed(0), 'ratio', (ours/parse).toFixed(2))
