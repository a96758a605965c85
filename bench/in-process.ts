import remarkParse from 'remark-parse'
import remarkPresetLintRecommended from 'remark-preset-lint-recommended'
import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import recommended from '../src/index.js'
import {median, min} from './stats.js'

export interface Document {
  path: string
  text: string
}

export interface Timing {
  /** Fastest pass over every document. */
  ms: number
  /** Median pass. */
  medianMs: number
  messages: number
}

export interface InProcessResult {
  parse: Timing
  /** Our recommended preset. */
  preset: Timing
  /** remark-preset-lint-recommended, for reference. */
  remarkRecommended: Timing
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

function timing(times: readonly number[], messages: number): Timing {
  return {ms: min(times), medianMs: median(times), messages}
}

/**
 * Parses the documents with bare remark-parse, lints them with our
 * recommended preset and with remark-preset-lint-recommended, in this thread,
 * in turn so that a busy machine slows each alike; one warm-up pass each,
 * then `rounds` timed ones, of which the fastest counts.
 */
export async function measurePresetAgainstParse(documents: readonly Document[], rounds: number): Promise<InProcessResult> {
  const passes = [
    parseOnly(unified().use(remarkParse).freeze()),
    lintWith(unified().use(remarkParse).use(recommended).freeze()),
    lintWith(unified().use(remarkParse).use(remarkPresetLintRecommended).freeze())
  ]
  const messages: number[] = []
  for (const pass of passes) messages.push(await pass(documents))
  const times: number[][] = passes.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (const [index, pass] of passes.entries()) times[index]?.push((await timed(pass, documents)).ms)
  }
  const [parse, preset, remarkRecommended] = times.map((list, index) => timing(list, messages[index] ?? 0)) as [Timing, Timing, Timing]
  return {parse, preset, remarkRecommended}
}

/** Fastest time of linting each set with the preset, alternating between the sets. */
export async function measurePresetOnSets(sets: ReadonlyArray<readonly Document[]>, rounds: number): Promise<number[]> {
  const lint = lintWith(unified().use(remarkParse).use(recommended).freeze())
  for (const set of sets) await lint(set)
  const times: number[][] = sets.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (const [index, set] of sets.entries()) times[index]?.push((await timed(lint, set)).ms)
  }
  return times.map((list) => min(list))
}
