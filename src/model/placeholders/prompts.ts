import type {ProseBlock, Word} from '../text/prose.js'
import {type Span, lineStart, slice} from '../text/text.js'

/**
 * Finds a template's instructions left in a postmortem: text that tells the
 * author what to write instead of saying it. Three shapes are read:
 *
 * - a description of the content, a noun phrase with no verb of its own:
 *   "A bulleted list of things that went wrong." (where the list should be);
 * - a question that asks for the section's own subject, first under its
 *   heading: "## Impact" then "What was the impact on users?";
 * - an instruction to the author, whose object is the content asked for:
 *   "List anything that went well.", "Include a short summary of…".
 *
 * A description that introduces what follows ("A list of the affected
 * hosts is below", "A list of the hosts:") and a question under a heading
 * about something else ("## Detection" then "Why did no alert fire?") are
 * the author's own words, and so is an action item ("Add a summary panel
 * to the dashboard", "List all hosts in the inventory").
 */

export interface Prompt {
  span: Span
}

// "A list of", "A bulleted list of", "a short list of".
const LIST_KINDS = new Set(['bulleted', 'numbered', 'short', 'brief', 'full', 'complete'])
// A finite verb of the main clause: the phrase is a sentence, not a description.
const FINITE_VERBS = new Set([
  'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'has', 'have', 'had', 'follows', 'appears', 'shows',
  'includes', 'contains', 'lives', 'sits'
])
// Words that open a question.
const QUESTION_OPENERS = new Set([
  'what', 'which', 'how', 'when', 'who', 'where', 'why', 'did', 'was', 'were', 'is', 'are', 'do', 'does', 'has', 'have'
])
// Words of a heading that do not name its subject.
const HEADING_FILLERS = new Set(['what', 'which', 'when', 'where', 'went', 'with', 'from', 'about', 'this', 'that', 'there', 'have', 'were'])
// Long enough to name a subject; its first letters stand for the word ("learned", "learn").
const STEM = 5

function listDescriptionLength(words: readonly Word[]): number {
  let at = words[0]?.lower === 'a' || words[0]?.lower === 'an' ? 1 : 0
  if (at === 0) return 0
  if (LIST_KINDS.has(words[at]?.lower ?? '')) at++
  return words[at]?.lower === 'list' && words[at + 1]?.lower === 'of' && !words[at + 1]?.afterBreak ? at + 2 : 0
}

/** "A bulleted list of things that went wrong.": the first sentence describes what the block should hold. */
function contentDescription(block: ProseBlock, source: string): Prompt | undefined {
  const sentence = block.sentences[0]
  const first = sentence?.[0]
  const last = sentence?.at(-1)
  if (!sentence || !first || !last || listDescriptionLength(sentence) === 0) return undefined
  if (sentence.some((word) => FINITE_VERBS.has(word.lower))) return undefined
  // "A list of the hosts:" introduces the list that follows, and so does a caption above a list or table.
  if (/^[\s)*_]*:/.test(source.slice(last.end, last.end + 4)) || isCaption(block, source)) return undefined
  return {span: slice(source, first.start, last.end)}
}

// How far after a paragraph its next content is looked for.
const NEXT_LINES = 200
// The next line that holds anything starts a list or a table row.
const LIST_OR_TABLE = /^\n*[ \t]{0,8}(?:[-*+]|\d{1,9}[.)]|\|)[ \t]/

/** A paragraph of its own (not a list item) followed by a list or a table: the caption of what it describes. */
function isCaption(block: ProseBlock, source: string): boolean {
  const start = lineStart(source, block.raw.start)
  if (source.slice(start, block.raw.start).trim() !== '') return false
  // Blank lines and the rest of the paragraph's line, not the rest of the document.
  const end = block.raw.start + block.raw.text.length
  return LIST_OR_TABLE.test(source.slice(end, end + NEXT_LINES).replace(/^[ \t]*\n/, '\n'))
}

// Verbs that tell the author what to write, and what they are told to write
// about: "List anything that went well", "Include a short summary of…".
const WRITING_VERBS = new Set(['describe', 'explain', 'summarize', 'summarise', 'list', 'include'])
const ANY_CONTENT = new Set(['anything', 'any', 'everything', 'what', 'how', 'why', 'who', 'when', 'where'])
const CONTENT_NOUNS = new Set(['description', 'summary', 'sentence', 'sentences', 'explanation', 'paragraph', 'list', 'overview'])
const CONTENT_SIZES = new Set(['short', 'brief', 'one', 'two', 'few'])
// Tested on a block's raw text before it is split into words: most blocks start otherwise.
const WRITING_START = /^[*_<[]{0,3}(?:describe|explain|summari[sz]e|list|include)\s/i

/** "List anything the team did well.": an instruction to the author, its object the content it asks for. */
function writingInstruction(block: ProseBlock, source: string): Prompt | undefined {
  const sentence = block.sentences[0]
  const [verb, object, next] = sentence ?? []
  const last = sentence?.at(-1)
  if (!verb || !object || !last || !WRITING_VERBS.has(verb.lower) || object.afterBreak) return undefined
  const article = object.lower === 'a' || object.lower === 'an'
  const noun = next && CONTENT_SIZES.has(next.lower) ? sentence?.[3] : next
  const asked = ANY_CONTENT.has(object.lower) || (article && noun !== undefined && CONTENT_NOUNS.has(noun.lower))
  return asked ? {span: slice(source, verb.start, last.end)} : undefined
}

function stemsOf(words: readonly Word[], skip: ReadonlySet<string>): Set<string> {
  return new Set(words.filter((word) => word.lower.length >= 4 && !skip.has(word.lower)).map((word) => word.lower.slice(0, STEM)))
}

/** "What was the impact?" first under "## Impact": the section's question asked of the author. */
function sectionQuestion(heading: ProseBlock, block: ProseBlock, source: string): Prompt | undefined {
  if (block.node.type !== 'paragraph' || !/^\s*$/.test(source.slice(heading.raw.start + heading.raw.text.length, block.raw.start))) return undefined
  const [question, ...more] = block.sentences
  const first = question?.[0]
  const last = question?.at(-1)
  if (!question || !first || !last || more.length > 0 || !QUESTION_OPENERS.has(first.lower)) return undefined
  if (!/^[\s*_]*\?/.test(source.slice(last.end, last.end + 4))) return undefined
  const subject = stemsOf(heading.sentences.flat(), HEADING_FILLERS)
  const asked = [...stemsOf(question, HEADING_FILLERS)].some((stem) => subject.has(stem))
  return asked ? {span: slice(source, first.start, last.end + 1)} : undefined
}

/** Instructions of a template left in the prose blocks, in document order. */
export function findPrompts(blocks: readonly ProseBlock[], source: string): Prompt[] {
  const found: Prompt[] = []
  blocks.forEach((block, index) => {
    const lower = block.lowerRaw
    const previous = blocks[index - 1]
    const question = lower.includes('?') && previous?.node.type === 'heading' ? sectionQuestion(previous, block, source) : undefined
    const description = lower.includes('list of') ? contentDescription(block, source) : undefined
    const instruction = WRITING_START.test(block.raw.text) ? writingInstruction(block, source) : undefined
    const prompt = question ?? description ?? instruction
    if (prompt) found.push(prompt)
  })
  return found
}
