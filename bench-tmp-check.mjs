import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {parseInParts} from './lib/src/parse-in-parts.js'
import {generatedPostmortems} from './lib/bench/reliability.js'
const [mb, pl] = process.argv.slice(2).map(Number)
const doc = generatedPostmortems(mb*1048576)
const parts = unified().use(remarkParse).use(parseInParts, {partLength: pl})
const t=process.cpuUsage(); const t0=Date.now(); parts.parse(doc); const u=process.cpuUsage(t)
console.log(mb, 'MB', pl, Math.round((u.user+u.system)/1000), 'ms cpu', Date.now()-t0, 'wall', Math.round(process.memoryUsage().rss/1e6), 'MB rss')
