/**
 * Whether words say that something failed or was harmed: what makes a count
 * of validators, PRs or pods, or a share outside the impact section, a
 * figure of the impact ("47 missing validators", "60 PRs were stuck",
 * "affecting 100% of our users"), read within the figure's own clause.
 */

// A word before a counted noun that says it failed: "47 missing validators".
export const HARM = /^(?:affected|impacted|failed|failing|lost|missing|missed|stuck|offline|down|broken|dropped|delayed|crashed|crashing|corrupted|deleted|blocked|rejected|unavailable|unreachable|unsearchable|inaccessible|stalled|dead|errored|exposed|leaked|compromised|orphaned|degraded|stranded|duplicated|frozen)$/i

// "… were stuck", "… could not log in", "… timed out", "… took longer than
// 10 seconds": what the counted things went through, failed or degraded.
const HARM_AFTER = /^[^.,;:!?()]{0,40}?\b(?:affected|impacted|failed|lost|stuck|offline|down|dropped|delayed|crashed|corrupted|deleted|blocked|rejected|unavailable|unreachable|unsearchable|inaccessible|missed|stalled|late|froze|frozen|hung|stopped|could\s{1,2}not|couldn['’]t|cannot|can['’]t|unable|timed\s{1,2}out|errored|degraded|slow|slowed|slower|took\s{1,2}longer|(?:returned|served|threw|gave|showed)\s{1,2}(?:\w{1,20}\s{1,2})?errors)\b/i
// "affecting 100% of our users", "loss of all database clusters".
// A separator inside a figure ("1,300", "2.5") ends no clause.
const HARM_BEFORE = /\b(?:affect(?:ed|ing)?|impact(?:ed|ing)?|fail(?:ed|ing|ures?)?|lost|loss|los(?:e|ing)|down|unavailable|errors?|could\s{1,2}not|couldn['’]t|unable|dropped|missed|timed\s{1,2}out|broken?)\b(?:[^.,;:!?]|(?<=\d)[.,](?=\d)){0,40}$/i

// A clause ends at punctuation or a conjunction: in "deployed 2 fixes but the
// site stayed down" the fixes did not fail.
const CLAUSE_END = /\s(?:but|and|while|although|though|so|because|until|yet)\s/i
const CLAUSE_ENDS = new RegExp(CLAUSE_END.source, 'gi')

/** The words after a figure, to the end of its clause. */
function clauseAfter(text: string, end: number): string {
  const rest = text.slice(end, end + 60)
  const stop = CLAUSE_END.exec(rest)
  return stop ? rest.slice(0, stop.index) : rest
}

/** The words before a figure, from the start of its clause. */
function clauseBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 60), start)
  const last = [...before.matchAll(CLAUSE_ENDS)].at(-1)
  return last ? before.slice(last.index + last[0].length) : before
}

// A parenthesis right after the counted things names them: "Two regions
// (us-east-1 and eu-west-1) served errors".
const LEADING_ASIDE = /^\s{0,2}\([^()]{0,60}\)/

/** Whether the words after `text[end]`, within its clause, say what stands before was harmed. */
export function isHarmedAfter(text: string, end: number): boolean {
  const aside = LEADING_ASIDE.exec(text.slice(end, end + 64))?.[0].length ?? 0
  return HARM_AFTER.test(clauseAfter(text, end + aside))
}

/** Whether the clause around `text[start, end)` says it was harmed. */
export function isHarmed(text: string, start: number, end: number): boolean {
  return HARM_BEFORE.test(clauseBefore(text, start)) || isHarmedAfter(text, end)
}
