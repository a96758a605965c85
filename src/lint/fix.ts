import type {Point, Position} from 'unist'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'

/** A replacement of `source[start, end)` by `text`; an insertion when `start === end`. */
export interface Edit {
  start: number
  end: number
  text: string
}

export interface FixPlan {
  /** The edits to apply, in document order, none overlapping another. */
  edits: Edit[]
  /** The messages whose fixes the edits make. */
  fixed: VFileMessage[]
  /** Messages with an `expected` value that could not be applied, and why. */
  skipped: Array<{message: VFileMessage; reason: string}>
}

type Locator = ReturnType<typeof location>

const BOM = '\uFEFF'

// Positions in the syntax tree never count a byte order mark (micromark drops
// it), so edits are made on the text after it.
function withoutBom(source: string): string {
  return source.startsWith(BOM) ? source.slice(BOM.length) : source
}

function isPosition(place: Point | Position): place is Position {
  return 'start' in place
}

function offsetOf(point: Point, locator: Locator): number | undefined {
  if (typeof point.offset === 'number') return point.offset
  return locator.toOffset(point)
}

// A fix is applied only when there is exactly one: several values are
// alternatives for a person to choose from (the language server offers each).
function editOf(message: VFileMessage, source: string, locator: () => Locator): Edit | string {
  const expected = message.expected
  if (!expected || expected.length !== 1 || typeof expected[0] !== 'string') return 'no single expected value'
  const place = message.place
  if (!place) return 'no place'
  const startPoint = isPosition(place) ? place.start : place
  const endPoint = isPosition(place) ? place.end : place
  const start = offsetOf(startPoint, locator())
  const end = offsetOf(endPoint, locator())
  if (start === undefined || end === undefined || start < 0 || end < start || end > source.length) {
    return 'place outside the document'
  }
  // A message whose `actual` is not the text at its place was made for another
  // version of the text (or with wrong offsets): applying it would corrupt it.
  if (typeof message.actual === 'string' && source.slice(start, end) !== message.actual) {
    return 'text at the place differs from `actual`'
  }
  return {start, end, text: expected[0]}
}

/** Whether `edit` was already accepted (two rules, or one rule twice, asking for the same change). */
function isRepeat(accepted: readonly Edit[], edit: Edit): boolean {
  for (let index = accepted.length - 1; index >= 0 && accepted[index]!.start === edit.start; index--) {
    const other = accepted[index]!
    if (other.end === edit.end && other.text === edit.text) return true
  }
  return false
}

/**
 * The edits that the `expected` values of `messages` make to `source`, with
 * offsets in `source` after its byte order mark, if it has one. An edit
 * that overlaps one earlier in the document is skipped (running the fix again
 * applies it if it still holds); insertions at one point keep message order.
 */
export function planFixes(source: string, messages: readonly VFileMessage[]): FixPlan {
  const body = withoutBom(source)
  let locator: Locator | undefined
  const lazyLocator = () => (locator ??= location(body))
  const candidates: Array<{edit: Edit; message: VFileMessage; order: number}> = []
  const skipped: FixPlan['skipped'] = []

  messages.forEach((message, order) => {
    if (!message.expected) return
    const edit = editOf(message, body, lazyLocator)
    if (typeof edit === 'string') skipped.push({message, reason: edit})
    else candidates.push({edit, message, order})
  })

  candidates.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)

  const edits: Edit[] = []
  const fixed: VFileMessage[] = []
  let reachedEnd = 0
  for (const {edit, message} of candidates) {
    if (isRepeat(edits, edit)) {
      fixed.push(message)
      continue
    }
    if (edit.start < reachedEnd) {
      skipped.push({message, reason: 'overlaps another fix'})
      continue
    }
    edits.push(edit)
    fixed.push(message)
    reachedEnd = edit.end
  }
  return {edits, fixed, skipped}
}

const LINE_ENDING = /\r\n?|\n/

/** Inserted text follows the document's line endings, so a CRLF (or CR) file stays so. */
function withLineEndings(text: string, ending: string): string {
  return ending === '\n' ? text : text.replace(/\r\n?|\n/g, ending)
}

/**
 * Applies non-overlapping edits in document order (offsets as `planFixes`
 * gives them); the rest of `source` is kept byte for byte.
 */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const bom = source.startsWith(BOM) ? BOM : ''
  const body = source.slice(bom.length)
  const ending = LINE_ENDING.exec(body)?.[0] ?? '\n'
  const parts: string[] = [bom]
  let cursor = 0
  for (const edit of edits) {
    parts.push(body.slice(cursor, edit.start), withLineEndings(edit.text, ending))
    cursor = edit.end
  }
  parts.push(body.slice(cursor))
  return parts.join('')
}

/**
 * `source` with the fixes that `messages` carry applied in place: each
 * message's single `expected` value replaces the text at its place (is
 * inserted at it when the place is a point). Nothing else changes.
 */
export function applyFixes(source: string, messages: readonly VFileMessage[]): string {
  return applyEdits(source, planFixes(source, messages).edits)
}

export interface SettledFix {
  /** The fixed text (`source` when nothing could be fixed). */
  value: string
  /** The messages of the last lint of `value`. */
  messages: readonly VFileMessage[]
  /** The edits of each pass that was kept, in order: pass `n` applies to the text after pass `n - 1`. */
  passes: Edit[][]
}

export const MAX_FIX_PASSES = 10

// Messages are told apart by what they say: the same message after a fix
// means the fix did not do what it promised.
function keyOf(message: VFileMessage): string {
  return [message.source, message.ruleId, message.reason, ...(message.expected ?? [])].join('\u0000')
}

/**
 * Fixes `source` (linted into `messages`) in passes until nothing is left to
 * fix: each pass applies the fixes of the last lint, and `lint` checks the
 * result. A fix can change what another rule computes (adding a time zone
 * changes a duration), which the next pass settles. A pass after which a
 * fixed message is still reported (a heading inserted where Markdown cannot
 * see it, such as inside an unclosed HTML comment), or which brings the text
 * back to an earlier state, is undone, and those fixes are not tried again,
 * so fixing never repeats an edit and always ends.
 */
export async function fixUntilSettled(
  source: string,
  messages: readonly VFileMessage[],
  lint: (value: string) => Promise<readonly VFileMessage[]>,
  maxPasses = MAX_FIX_PASSES
): Promise<SettledFix> {
  const seen = new Set([source])
  const blocked = new Set<string>()
  const passes: Edit[][] = []
  let value = source
  let current = messages

  for (let attempt = 0; attempt < maxPasses; attempt++) {
    const plan = planFixes(value, current.filter((message) => !blocked.has(keyOf(message))))
    if (plan.edits.length === 0) break
    const next = applyEdits(value, plan.edits)
    const nextMessages = await lint(next)
    const remaining = new Set(nextMessages.map(keyOf))
    const ineffective = plan.fixed.map(keyOf).filter((key) => remaining.has(key))
    if (ineffective.length > 0) {
      for (const key of ineffective) blocked.add(key)
      continue
    }
    if (seen.has(next)) break
    seen.add(next)
    passes.push(plan.edits)
    value = next
    current = nextMessages
  }
  return {value, messages: current, passes}
}
