import remarkParse from 'remark-parse'
import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import recommended from '../src/index.js'
import {median} from './stats.js'

export interface Document {
  path: string
  text: string
}

export interface InProcessResult {
  /** Median time of one pass over every document. */
  parseMs: number
  presetMs: number
  messages: number
}

type Pass = (documents: readonly Document[]) => Promise<number>

function parseOnly(processor: {parse(file: VFile): Root}): Pass {
  return async (documents) => {
    for (const document of documents) processor.parse(new VFile({path: document.path, value: document.text}))
    return 0
  }
}

function lintWith(processor: {parse(file: VFile): Root; run(tree: Root, file: VFile): Promise<unknown>}): Pass {
  return async (documents) => {
    let messages = 0
    for (const document of documents) {
      const file = new VFile({path: document.path, value: document.text})
      await processor.run(processor.parse(file), file)
      messages += file.messages.length
    }
    return messages
  }
}

async function timed(pass: Pass, documents: readonly Document[]): Promise<{ms: number; messages: number}> {
  const started = performance.now()
  const messages = await pass(documents)
  return {ms: performance.now() - started, messages}
}

/**
 * Parses the documents with bare remark-parse and lints them with the
 * recommended preset, in this thread, alternating the two so that a busy
 * machine slows both alike; one warm-up pass each, then `rounds` timed ones.
 */
export async function measurePresetAgainstParse(documents: readonly Document[], rounds: number): Promise<InProcessResult> {
  const parse = parseOnly(unified().use(remarkParse).freeze())
  const lint = lintWith(unified().use(remarkParse).use(recommended).freeze())
  await parse(documents)
  const messages = await lint(documents)
  const parseTimes: number[] = []
  const presetTimes: number[] = []
  for (let round = 0; round < rounds; round++) {
    parseTimes.push((await timed(parse, documents)).ms)
    presetTimes.push((await timed(lint, documents)).ms)
  }
  return {parseMs: median(parseTimes), presetMs: median(presetTimes), messages}
}

/** Median time of linting each set with the preset, alternating between the sets. */
export async function measurePresetOnSets(sets: ReadonlyArray<readonly Document[]>, rounds: number): Promise<number[]> {
  const lint = lintWith(unified().use(remarkParse).use(recommended).freeze())
  for (const set of sets) await lint(set)
  const times: number[][] = sets.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (const [index, set] of sets.entries()) times[index]?.push((await timed(lint, set)).ms)
  }
  return times.map((list) => median(list))
}
