import {memoPerObject, memoPerOptions} from './support/memo.js'
import type {Root} from 'mdast'
import {type ProseBlock, type Word, isHandle, proseOf, sentencesOf} from './text/prose.js'
import {type Span, slice} from './text/text.js'

/**
 * Finds blame in a postmortem: a person presented as the cause of a failure
 * ("an intern mistakenly executed…", "the engineer did not test…", "caused by
 * a developer"), and words that judge people ("human error", "careless",
 * "should have known"). People who act are fine ("engineers noticed",
 * "escalated to the network team"): blame is a person joined to a failure.
 */

export interface BlameOptions {
  /** Phrases that blame whoever they are said of. */
  phrases: readonly string[]
  /** Words and names that stand for people, besides the built-in roles and the names the document introduces. */
  people: readonly string[]
  /** Phrases never reported, even when they contain a blaming one. */
  allow: readonly string[]
}

export interface Blame {
  span: Span
  kind: 'phrase' | 'person'
}

export const DEFAULT_BLAME_PHRASES: readonly string[] = [
  'human error',
  'operator error',
  'pilot error',
  'careless',
  'carelessly',
  'carelessness',
  'negligent',
  'negligently',
  'negligence',
  'reckless',
  'recklessly',
  'incompetent',
  'incompetence',
  'should have known',
  "should've known",
  'ought to have known',
  'should have been more careful',
  'dropped the ball',
  'not paying attention',
  "wasn't paying attention",
  "weren't paying attention"
]

// Roles that name people; teams, users and customers are not blamed by name.
const ROLES = new Set([
  'intern', 'engineer', 'developer', 'dev', 'programmer', 'coder', 'operator', 'administrator', 'admin', 'sysadmin',
  'sre', 'dba', 'on-call', 'oncall', 'on-caller', 'oncaller', 'employee', 'contractor', 'staffer', 'teammate',
  'colleague', 'coworker', 'co-worker', 'hire', 'newcomer', 'trainee', 'person', 'individual', 'member', 'manager',
  'tester', 'reviewer', 'analyst', 'technician', 'someone', 'somebody', 'responder', 'approver', 'lead'
])
// People who hold no role but may still be named as a cause ("a child hit the
// switch"). They also name things ("the guest OS"), so they never introduce a
// name ("Windows, the guest OS"), and count only right before what they did.
const PEOPLE = new Set(['child', 'kid', 'kids', 'visitor', 'visitors', 'guest', 'guests', 'volunteer', 'volunteers', 'maintainer', 'maintainers'])
// Groups of people, blamed only as the doers of a fault ("ignored by the team")
// or when judged ("inexperienced management"); "escalated to the team" is no blame.
const GROUPS: readonly string[][] = [['team'], ['teams'], ['staff'], ['maintainers'], ['management'], ['leadership']]
const SUBJECT_PRONOUNS = new Set(['he', 'she'])
const OBJECT_PRONOUNS = new Set(['him', 'her'])
const POSSESSIVE_PRONOUNS = new Set(['his', 'her'])
const DETERMINERS = new Set(['a', 'an', 'the', 'our', 'one', 'of', 'another', 'some', 'new', 'junior', 'senior', 'same'])

// Said of a person, these make the person the cause.
const BLAME_ADVERBS = new Set([
  'mistakenly', 'accidentally', 'inadvertently', 'erroneously', 'wrongly', 'incorrectly', 'improperly',
  'unintentionally', 'carelessly', 'negligently', 'recklessly', 'unknowingly', 'blindly', 'hastily', 'sloppily',
  'lazily', 'thoughtlessly'
])
const FAILURE_VERBS = new Set([
  'forgot', 'forget', 'forgets', 'neglected', 'overlooked', 'ignored', 'botched', 'broke', 'misconfigured',
  'mistyped', 'fat-fingered', 'screwed', 'messed', 'caused', 'skipped'
])
// Faults that a passive sentence says people did: "the warnings were dismissed by the team".
const FAULT_PARTICIPLES = new Set(['dismissed', 'ignored', 'overlooked', 'neglected', 'disregarded', 'mishandled', 'botched'])
// Words of character that judge the person they qualify: "inexperienced management".
const JUDGEMENTS = new Set(['inexperienced', 'greedy', 'lazy', 'sloppy', 'clueless', 'irresponsible', 'unqualified', 'incapable'])
// Care a person's action went without: "looked it over without being thorough", "merged it without testing".
const CARE = new Set(['thorough', 'careful', 'attentive', 'diligent'])
// A person singled out by the investigation: "Sam was identified as the engineer who…".
const SINGLED_OUT = new Set(['identified', 'singled'])
const MISTAKES = new Set(['mistake', 'mistakes', 'error', 'errors', 'typo', 'typos', 'blunder', 'misconfiguration', 'oversight'])
const NOT_DONE = new Set([
  'notice', 'test', 'run', 'check', 'verify', 'follow', 'review', 'read', 'validate', 'catch', 'see', 'update',
  'realize', 'realise', 'communicate', 'escalate', 'respond', 'double-check', 'confirm'
])
// What may stand between a person and what they did: "the engineer who then accidentally…".
const FILLERS = new Set(['who', 'had', 'has', 'have', 'then', 'also', 'just', 'apparently', 'simply', 'unfortunately', 'again'])
// What a person may have done that caused the failure, said before "by <person>".
const CAUSING_ACTIONS = new Set([
  'execution', 'executed', 'configuration', 'configured', 'misconfiguration', 'misconfigured', 'change', 'changes',
  'changed', 'mistake', 'error', 'typo', 'deletion', 'deleted', 'deployment', 'deployed', 'push', 'pushed', 'commit',
  'committed', 'caused', 'introduced', 'made', 'done', 'run', 'ran', 'triggered', 'typed', 'entered', 'update',
  'updated', 'edit', 'edited', 'merge', 'merged', 'applied', 'command', 'oversight', 'blunder'
])
// A sentence that speaks of a cause or a fault.
const CAUSE_CUES = new Set([
  'root', 'cause', 'caused', 'causing', 'due', 'because', 'mistake', 'error', 'typo', 'improper', 'improperly',
  'incorrect', 'incorrectly', 'wrong', 'wrongly', 'bad', 'faulty', 'accidental', 'accidentally', 'inadvertent',
  'inadvertently', 'mistakenly', 'misconfiguration', 'misconfigured', 'broke', 'broken'
])
// Participles of what happens to a person, not of what they do.
const UNDERGONE = new Set(['been', 'received', 'gotten', 'got', 'had', 'needed'])
// Past forms of a person's action that are no participle: "ran it without checking".
const PAST_FORMS = new Set(['ran', 'took', 'went', 'wrote', 'did', 'gave', 'saw', 'began'])
const IRREGULAR_PARTICIPLES = new Set(['made', 'done', 'run', 'set', 'put', 'written', 'taken', 'given', 'broken', 'sent', 'found', 'brought', 'seen', 'shown'])

const NAME = /^\p{Lu}[\p{Ll}'’-]{1,30}$/u

// Words without which a sentence holds no blame: what findInSentence starts
// from (a blaming phrase's first word, "fault", a mistake, "by") or needs
// after a person (what they did wrong). Most blocks hold none of them and are
// skipped on their raw text, before they are split into words.
const TRIGGERS: ReadonlySet<string> = new Set([
  'fault', 'by', 'made', 'makes', 'failed', "didn't", 'never', 'did', 'without', 'should', "should've", ...MISTAKES, ...BLAME_ADVERBS,
  ...FAILURE_VERBS, ...JUDGEMENTS, ...SINGLED_OUT
])

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Finds any of `words` (lowercase, straight apostrophes) standing alone in a
 * lowercased text. A word of a sentence is found in its block's raw text:
 * blanking markup only ever turns characters into spaces.
 */
function anyWordPattern(words: Iterable<string>): RegExp {
  const alternatives = [...new Set(words)].map((word) => escapeRegExp(word).replaceAll("'", "['’]"))
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u')
}

// A name is introduced next to a role or a handle ("Dana, our engineer", "developer Sam").
const ROLE_OR_HANDLE = anyWordPattern([...ROLES].flatMap((role) => [role, `${role}s`]))

function phraseWords(phrase: string): string[] {
  return phrase.toLowerCase().replaceAll('’', "'").split(/\s+/).filter(Boolean)
}

function matchesAt(words: readonly Word[], index: number, phrase: readonly string[]): boolean {
  return phrase.every((part, offset) => words[index + offset]?.lower === part && (offset === 0 || !words[index + offset]?.afterBreak))
}

function singular(word: string): string {
  return word.endsWith('s') && ROLES.has(word.slice(0, -1)) ? word.slice(0, -1) : word
}

interface People {
  names: Set<string>
  extra: readonly string[][]
  /** Whether people who hold no role (`PEOPLE`) count. */
  common: boolean
}

/** A person at `index`: the number of words the reference takes, or 0. */
function personAt(words: readonly Word[], index: number, people: People): number {
  const word = words[index]
  if (!word) return 0
  for (const phrase of people.extra) if (matchesAt(words, index, phrase)) return phrase.length
  if ((people.common && PEOPLE.has(word.lower)) || ROLES.has(singular(word.lower))) {
    // "on-call engineer", "team member": roles that qualify one another are one reference.
    let length = 1
    while (ROLES.has(singular(words[index + length]?.lower ?? '')) && !words[index + length]?.afterBreak) length++
    return length
  }
  if (isHandle(word.text) || people.names.has(word.text)) {
    // "Jane Doe": a known first name followed by a surname.
    const next = words[index + 1]
    if (people.names.has(word.text) && next && !next.afterBreak && NAME.test(next.text) && people.names.has(next.text)) return 2
    return 1
  }
  return 0
}

/** A person reference that starts at `index` after determiners: [first word, words taken]. */
function personPhraseAt(words: readonly Word[], index: number, people: People): [number, number] | undefined {
  let at = index
  while (at < words.length && at - index < 4 && DETERMINERS.has(words[at]?.lower ?? '') && !words[at + 1]?.afterBreak) at++
  // Adjectives may stand between a determiner and the role ("a new backend engineer").
  const adjectives = at > index ? 2 : 0
  for (let skip = 0; skip <= adjectives && at + skip < words.length; skip++) {
    const length = personAt(words, at + skip, people)
    if (length > 0) return [index, at + skip + length - index]
    if (words[at + skip + 1]?.afterBreak) break
  }
  return undefined
}

function spanOf(source: string, words: readonly Word[], from: number, to: number): Span {
  const first = words[from]
  const last = words[to - 1]
  return slice(source, first?.start ?? 0, last?.end ?? first?.end ?? 0)
}

/**
 * What a person at the end of `[.., index)` did: the number of words the
 * failure takes after `index`, or 0. After an apposition ("Jordan (the
 * release manager) skipped…") the verb follows a bracket or a comma.
 */
function failureAfter(words: readonly Word[], index: number, afterApposition = false): number {
  const lapse = lapseInRelativeClause(words, index)
  if (lapse > 0) return lapse
  let at = index
  while (FILLERS.has(words[at]?.lower ?? '') && !words[at]?.afterBreak) at++
  const word = words[at]
  if (!word || (word.afterBreak && !(afterApposition && at === index))) return 0
  const taken = (length: number): number => at - index + length
  if (BLAME_ADVERBS.has(word.lower)) return taken(words[at + 1] && !words[at + 1]?.afterBreak ? 2 : 1)
  if (FAILURE_VERBS.has(word.lower)) return harmedNothing(words, at) ? 0 : taken(1)
  if (word.lower === 'made' || word.lower === 'makes') {
    for (let look = 1; look <= 3; look++) {
      const next = words[at + look]
      if (!next || next.afterBreak) return 0
      if (MISTAKES.has(next.lower)) return taken(look + 1)
    }
    return 0
  }
  if (word.lower === 'failed' && words[at + 1]?.lower === 'to' && words[at + 2]) return taken(3)
  // "the developer should have tested it": what a person ought to have done; "should have been paged",
  // "should have received an alert" say what the system owed them.
  const ought = word.lower === "should've" ? 1 : word.lower === 'should' && words[at + 1]?.lower === 'have' ? 2 : 0
  const done = words[at + ought]
  if (ought > 0 && done && !UNDERGONE.has(done.lower) && isParticiple(done.lower)) return taken(ought + 1)
  const negation = word.lower === "didn't" || word.lower === 'never' ? 1 : word.lower === 'did' && words[at + 1]?.lower === 'not' ? 2 : 0
  const verb = words[at + negation]
  if (negation > 0 && verb && NOT_DONE.has(verb.lower)) return taken(negation + 1)
  if (['was', 'were', 'is'].includes(word.lower) && SINGLED_OUT.has(words[at + 1]?.lower ?? '')) {
    const singled = singledOutAs(words, at + 2)
    if (singled > 0) return taken(2 + singled)
  }
  const careless = withoutCareAfter(words, at) || faultInClause(words, at)
  return careless > 0 ? taken(careless) : 0
}

// "broke nothing", "caused no errors": a failure verb undone by its object.
const NOTHING = new Set(['nothing', 'no', 'none'])
const harmedNothing = (words: readonly Word[], verb: number): boolean => NOTHING.has(words[verb + 1]?.lower ?? '') && !words[verb + 1]?.afterBreak

// Lapses only a person commits, which may follow a relative clause: "the
// developer who wrote the migration forgot to add an index".
const LAPSES = new Set(['forgot', 'neglected', 'overlooked', 'ignored', 'skipped', 'mistyped', 'misconfigured', 'fat-fingered', 'misread'])
const RELATIVE_PRONOUNS = new Set(['who', 'that'])

/** "who wrote the migration forgot": the words from `index` to the lapse after a short relative clause, or 0. */
function lapseInRelativeClause(words: readonly Word[], index: number): number {
  const pronoun = words[index]
  if (!pronoun || pronoun.afterBreak || !RELATIVE_PRONOUNS.has(pronoun.lower)) return 0
  for (let at = index + 2; at < words.length && at - index <= 8; at++) {
    const word = words[at]
    if (!word || word.afterBreak || CLAUSE_ENDS.has(word.lower)) return 0
    if (LAPSES.has(word.lower) || BLAME_ADVERBS.has(word.lower)) return at - index + 1
    // "who ran the script did not double-check the target".
    const negation = word.lower === "didn't" || word.lower === 'never' ? 1 : word.lower === 'did' && words[at + 1]?.lower === 'not' ? 2 : 0
    if (negation > 0 && NOT_DONE.has(words[at + negation]?.lower ?? '')) return at - index + negation + 1
  }
  return 0
}

// "by mistake", "by accident": a manner that makes the action a fault, as "mistakenly" does.
const BY_FAULT = new Set(['mistake', 'accident'])
// Verbs that find or mend what is wrong: "found the wrong config" is no fault of the finder.
const FINDING = new Set(['found', 'noticed', 'saw', 'spotted', 'identified', 'discovered', 'detected', 'flagged', 'reported', 'fixed', 'corrected', 'replaced', 'reverted', 'caught', 'traced'])

/**
 * A person's past action made a fault later in its clause: done "by mistake",
 * to "the wrong" thing, or followed by a failure ("pushed to main and broke
 * the build"). The words taken from `at`, or 0.
 */
function faultInClause(words: readonly Word[], at: number): number {
  const verb = words[at]?.lower ?? ''
  if (!isParticiple(verb) && !PAST_FORMS.has(verb)) return 0
  for (let look = at + 1; look < words.length && look - at <= 8; look++) {
    const word = words[look]
    const next = words[look + 1]
    if (!word || word.afterBreak) return 0
    if (word.lower === 'by' && next && !next.afterBreak && BY_FAULT.has(next.lower)) return look - at + 2
    if (word.lower === 'wrong' && ['the', 'a'].includes(words[look - 1]?.lower ?? '') && !FINDING.has(verb)) return look - at + 1
    if (word.lower === 'and' && next && !next.afterBreak && FAILURE_VERBS.has(next.lower)) return harmedNothing(words, look + 1) ? 0 : look - at + 2
    if (CLAUSE_ENDS.has(word.lower)) return 0
  }
  return 0
}

// What says a person singled out is the one who acted: "the engineer who ran it", "the member tasked with it".
const DOER_MARKS = new Set(['who', 'that', 'tasked', 'responsible'])

/**
 * "…identified as the engineer who ran the job": the investigation singles out
 * the person who did what failed. The words taken from `at` ("as" and the
 * role), or 0; "identified as the incident commander" names a role only.
 */
function singledOutAs(words: readonly Word[], at: number): number {
  if (words[at]?.lower !== 'as') return 0
  const role = personPhraseAt(words, at + 1, NO_NAMES)
  if (!role) return 0
  const end = role[0] + role[1]
  return DOER_MARKS.has(words[end]?.lower ?? '') && !words[end]?.afterBreak ? end - at : 0
}

// Checks a person may skip: "without testing". Not "without seeing an alert" nor
// "without running into trouble", which say what did not happen to them.
const CHECKS = new Set(['test', 'check', 'verify', 'review', 'validate', 'confirm', 'double-check', 'inspect', 'consult'])

/** "checking", "validating": a check not done, said after "without". */
function isCheckGerund(word: string): boolean {
  if (!word.endsWith('ing')) return false
  const stem = word.slice(0, -3)
  return CHECKS.has(stem) || CHECKS.has(`${stem}e`)
}

// Words that end the clause of a person's action: what follows is another's.
const CLAUSE_ENDS = new Set(['and', 'but', 'while', 'so', 'because', 'which', 'that', 'who', 'when', 'after', 'before', 'until'])
// Words between "without" and the care: "without being thorough", "without first checking".
const CARE_FILLERS = new Set(['being', 'first', 'properly', 'fully', 'really', 'any', 'more'])

/**
 * A person's verb at `at` done without care, in the same clause: "looked over
 * it without being thorough", "merged the change without testing it". The
 * words the action takes from `at`, or 0. "restarted it without data loss" is
 * no fault: only care or a check may follow.
 */
function withoutCareAfter(words: readonly Word[], at: number): number {
  const verb = words[at]?.lower ?? ''
  if (!isParticiple(verb) && !PAST_FORMS.has(verb)) return 0
  for (let look = at + 1; look < words.length && look - at <= 8; look++) {
    const word = words[look]
    if (!word || word.afterBreak || CLAUSE_ENDS.has(word.lower)) return 0
    if (word.lower !== 'without') continue
    let next = look + 1
    while (CARE_FILLERS.has(words[next]?.lower ?? '') && !words[next]?.afterBreak) next++
    const care = words[next]
    if (!care || care.afterBreak) return 0
    if (CARE.has(care.lower) || isCheckGerund(care.lower)) return next - at + 1
    const checks = checksRunAfter(words, next)
    return checks > 0 ? next - at + checks : 0
  }
  return 0
}

// Gerunds that run checks named after them: "without running the smoke tests".
const RUNNING = new Set(['running', 'doing', 'performing', 'executing'])

/** "running the smoke tests" at `at`: the words up to the checks, or 0 ("running into trouble" runs none). */
function checksRunAfter(words: readonly Word[], at: number): number {
  if (!RUNNING.has(words[at]?.lower ?? '')) return 0
  for (let look = at + 1; look < words.length && look - at <= 4; look++) {
    const word = words[look]
    if (!word || word.afterBreak) return 0
    const stem = word.lower.endsWith('s') ? word.lower.slice(0, -1) : word.lower
    if (CHECKS.has(stem)) return look - at + 1
  }
  return 0
}

function isParticiple(word: string): boolean {
  return (word.length > 4 && word.endsWith('ed')) || IRREGULAR_PARTICIPLES.has(word)
}

/**
 * "…the execution of a command by an intern": a causing action said before
 * "by <person>" in a sentence about a cause. The participle nearest before
 * "by" decides: "corrected by the on-call engineer" is no blame.
 */
function causedBy(words: readonly Word[], by: number): boolean {
  for (let at = by - 1; at >= 0 && by - at <= 10; at--) {
    const word = words[at]
    if (!word) return false
    if (CAUSING_ACTIONS.has(word.lower)) return true
    if (isParticiple(word.lower)) return false
    if (word.afterBreak) return false
  }
  return false
}

const NO_NAMES: People = {names: new Set(), extra: [], common: false}
// Pronouns and determiners, capitalised at a sentence's start: "It was the engineer who…" names no one.
const NOT_NAMES = new Set([
  'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'he', 'she', 'they', 'we', 'you', 'one', 'who', 'what',
  'which', 'nobody', 'everyone', 'everybody', 'anyone', 'anybody', 'each', 'every', 'all', 'both', 'none', 'either',
  'neither', 'another', 'the', 'an', 'our', 'their', 'his', 'her', 'my', 'your'
])
// What may follow a role that ends its phrase: "the engineer who…", "the DBA on call".
const ROLE_FOLLOWERS = new Set(['who', 'that', 'on', 'for', 'of', 'in', 'at', 'with', 'and', 'tasked', 'responsible', 'assigned', 'during', 'from', 'to'])

/**
 * "Sam Reyes was the engineer on call", "Sam is our DBA", "Sam was identified
 * as the developer who…": a name, or a first name and surname, that a copula
 * gives a role. Both words of a full name are the person.
 */
function namedByRole(words: readonly Word[], index: number): boolean {
  const surname = words[index + 1]
  let at = surname && !surname.afterBreak && NAME.test(surname.text) ? index + 2 : index + 1
  if (!['is', 'was'].includes(words[at]?.lower ?? '') || words[at]?.afterBreak) return false
  at++
  if (SINGLED_OUT.has(words[at]?.lower ?? '') && words[at + 1]?.lower === 'as') at += 2
  const role = personPhraseAt(words, at, NO_NAMES)
  if (!role) return false
  // The role must end its phrase: "Postgres was the developer database" gives no role.
  const after = words[role[0] + role[1]]
  return !after || after.afterBreak || ROLE_FOLLOWERS.has(after.lower)
}

// What only people do to or with each other: "Dana asked", "Sam suggested",
// "paged Lee". A tool may run, fail, say or write (a log), join (a cluster),
// be called or pinged; it does not ask, suggest or agree, nor get paged.
const SPOKE = new Set(['asked', 'replied', 'suggested', 'proposed', 'agreed', 'apologized', 'apologised'])
const REACHED = new Set(['paged', 'messaged', 'phoned', 'woke'])
const SOCIAL_CUE = anyWordPattern([...SPOKE, ...REACHED])

/** Whether the name at `index` is said to do or undergo what only a person does. */
function actsAsPerson(words: readonly Word[], index: number): boolean {
  const next = words[index + 1]
  const previous = words[index - 1]
  return (next !== undefined && !next.afterBreak && SPOKE.has(next.lower)) || (previous !== undefined && !words[index]?.afterBreak && REACHED.has(previous.lower))
}

/** Names the document says are people: "Dana, our on-call engineer", "developer Sam", "paged Lee", "Sam suggested". */
function introducedNames(blocks: readonly ProseBlock[]): Set<string> {
  const names = new Set<string>()
  for (const block of blocks) {
    const social = SOCIAL_CUE.test(block.lowerRaw)
    if (!social && !ROLE_OR_HANDLE.test(block.lowerRaw) && !block.raw.text.includes('@')) continue
    for (const words of block.eachSentence()) {
      words.forEach((word, index) => {
        if (!NAME.test(word.text) || NOT_NAMES.has(word.lower)) return
        if (social && actsAsPerson(words, index)) names.add(word.text)
        const next = words[index + 1]
        const previous = words[index - 1]
        const apposition = next?.afterBreak && personPhraseAt(words, index + 1, NO_NAMES) !== undefined
        // "developer Sam", "one of our developers, Sam, …".
        const titled = previous && ROLES.has(singular(previous.lower)) && !['someone', 'somebody', 'person'].includes(previous.lower)
        if (apposition || titled || namedByRole(words, index)) names.add(word.text)
        // "Jane Doe, our engineer": the surname is the person too.
        if (apposition && previous && !word.afterBreak && NAME.test(previous.text)) names.add(previous.text)
      })
    }
  }
  return names
}

interface Sentence {
  source: string
  words: readonly Word[]
  people: People
  /** `people` without those who hold no role, made once for every sentence. */
  roleHolders: People
  phrases: readonly string[][]
  /** Whether the sentence speaks of a cause or a fault. */
  cause: boolean
}

/** Blame read from the words `[from, to)`. */
interface Found {
  from: number
  to: number
  kind: Blame['kind']
}

type Reader = (sentence: Sentence, index: number) => Found | undefined

function personFound(from: number, person: readonly [number, number] | undefined): Found | undefined {
  return person ? {from, to: person[0] + person[1], kind: 'person'} : undefined
}

const phraseAt: Reader = ({words, phrases}, index) => {
  const phrase = phrases.find((candidate) => matchesAt(words, index, candidate))
  return phrase ? {from: index, to: index + phrase.length, kind: 'phrase'} : undefined
}

// "the fault of the intern".
const faultOf: Reader = ({words, people}, index) =>
  words[index]?.lower === 'fault' && words[index + 1]?.lower === 'of' ? personFound(index, personPhraseAt(words, index + 2, people)) : undefined

// What only a person is said to make: a tool has errors, never a mistake. (A
// fault may be a company's: "not the provider's fault", "Cloudflare's fault".)
const HUMAN_MISTAKES = new Set(['mistake', 'mistakes', 'blunder', 'oversight'])

// Work judged by its maker's character, a name's or a role's: "Ahmed's sloppy
// change", "the developer's lazy review" (not "the script's sloppy parsing").
const judgedWork: Reader = ({words}, index) => {
  const [word, judgement, work] = [words[index], words[index + 1], words[index + 2]]
  if (!word || !judgement || !work || judgement.afterBreak || work.afterBreak || !JUDGEMENTS.has(judgement.lower)) return undefined
  const possessor = word.lower.endsWith("'s") ? word.text.slice(0, -2) : undefined
  const person = possessor !== undefined && (NAME.test(possessor) ? !NOT_NAMES.has(possessor.toLowerCase()) : ROLES.has(possessor.toLowerCase()))
  return POSSESSIVE_PRONOUNS.has(word.lower) || person ? {from: index, to: index + 3, kind: 'person'} : undefined
}

// "his fault", "the engineer's mistake", and any name's mistake: "it was Kim's mistake".
const ownedFault: Reader = ({words, people}, index) => {
  const word = words[index]
  const owned = words[index + 1]
  if (!word || !owned || owned.afterBreak || (owned.lower !== 'fault' && !MISTAKES.has(owned.lower))) return undefined
  const possessor = word.lower.endsWith("'s") ? word.text.slice(0, -2) : undefined
  const named = possessor !== undefined && HUMAN_MISTAKES.has(owned.lower) && NAME.test(possessor) && !NOT_NAMES.has(possessor.toLowerCase())
  const possessive = POSSESSIVE_PRONOUNS.has(word.lower) || named ||
    (possessor !== undefined && (ROLES.has(possessor.toLowerCase()) || people.names.has(possessor) || isHandle(possessor)))
  return possessive ? {from: index, to: index + 2, kind: 'person'} : undefined
}

// "by an intern" after a causing action, in a sentence about a cause.
const causedByPerson: Reader = ({words, people, cause}, index) => {
  if (words[index]?.lower !== 'by' || !cause || !causedBy(words, index)) return undefined
  const next = words[index + 1]
  const pronoun = OBJECT_PRONOUNS.has(next?.lower ?? '') && !next?.afterBreak
  return personFound(index, pronoun ? [index + 1, 1] : personPhraseAt(words, index + 1, people))
}

// "the warnings were dismissed by the team": a fault done by people, groups included.
const faultByAgent: Reader = ({words, people}, index) => {
  if (words[index]?.lower !== 'by' || words[index]?.afterBreak) return undefined
  const from = index - 1
  if (!FAULT_PARTICIPLES.has(words[from]?.lower ?? '') || APPROVING.has(words[from - 1]?.lower ?? '')) return undefined
  const agent = personPhraseAt(words, index + 1, {...people, extra: [...people.extra, ...GROUPS]})
  // The agent must end its phrase: "ignored by the SRE tooling" names a tool.
  const after = agent ? words[agent[0] + agent[1]] : undefined
  return !after || after.afterBreak || AGENT_FOLLOWERS.has(after.lower) ? personFound(from, agent) : undefined
}

// "inexperienced management", "a sloppy reviewer": a person judged by a word of character.
const judgedPerson: Reader = ({words, people}, index) => {
  // Read from the determiner, as a person phrase takes it with its adjectives: "a sloppy reviewer".
  let at = index
  while (DETERMINERS.has(words[at]?.lower ?? '') && at - index < 3) at++
  const word = words[at]
  if (!word || !JUDGEMENTS.has(word.lower) || words[at + 1]?.afterBreak) return undefined
  const length = personAt(words, at + 1, {...people, extra: [...people.extra, ...GROUPS]})
  return length > 0 ? {from: index, to: at + 1 + length, kind: 'person'} : undefined
}

// Adverbs that make a dismissal right: "the false alarm was correctly dismissed by the on-call engineer".
const APPROVING = new Set(['correctly', 'rightly', 'safely', 'appropriately', 'properly', 'deliberately', 'intentionally'])
// What may follow the people a passive fault names: "ignored by the team until…", "…for a week".
const AGENT_FOLLOWERS = new Set([...ROLE_FOLLOWERS, 'because', 'until', 'as', 'since', 'so', 'but', 'when', 'after', 'before', 'despite', 'while', 'even'])

// Faults only a person commits: no service "forgets" or "fat-fingers".
const HUMAN_FAULTS = new Set(['forgot', 'forgets', 'neglected', 'mistyped', 'fat-fingered', 'misread'])

// "Dana forgot to rotate the key": a name no one introduced, made a person by
// what only a person does, or how, at the start of a clause.
const namedForgetter: Reader = ({words}, index) => {
  const word = words[index]
  if (!word || !NAME.test(word.text) || NOT_NAMES.has(word.lower) || !clauseStartsAt(words, index)) return undefined
  let at = index + 1
  while (FILLERS.has(words[at]?.lower ?? '') && !words[at]?.afterBreak) at++
  if (words[at]?.afterBreak) return undefined
  if (HUMAN_FAULTS.has(words[at]?.lower ?? '')) return {from: index, to: at + 1, kind: 'person'}
  // "Maria blindly approved": a manner only a person acts in, before what was done.
  const done = words[at + 1]
  return CARELESS.has(words[at]?.lower ?? '') && done && !done.afterBreak ? {from: index, to: at + 2, kind: 'person'} : undefined
}
// How only a person acts; a tool may act "mistakenly" or "incorrectly", never carelessly.
const CARELESS = new Set(['carelessly', 'negligently', 'recklessly', 'blindly', 'hastily', 'sloppily', 'lazily', 'thoughtlessly'])

const READERS: readonly Reader[] = [phraseAt, faultOf, ownedFault, judgedWork, causedByPerson, faultByAgent, judgedPerson, namedForgetter]

// A duty said after a role: "the SRE on call", "the engineer on shift", "the manager in charge".
const DUTIES = new Map([['on', new Set(['call', 'duty', 'shift'])], ['in', new Set(['charge'])]])

/**
 * Past an apposition set off after a person ("Jordan (the release manager)",
 * "Jordan, our SRE,") or a duty ("the SRE on call"), else `end`.
 */
function appositionEnd(words: readonly Word[], end: number): number {
  const duty = words[end + 1]
  if (!words[end]?.afterBreak && !duty?.afterBreak && DUTIES.get(words[end]?.lower ?? '')?.has(duty?.lower ?? '')) return end + 2
  if (!words[end]?.afterBreak) return end
  const role = personPhraseAt(words, end, NO_NAMES)
  const after = role ? role[0] + role[1] : end
  return role && words[after]?.afterBreak ? after : end
}

function clauseStartsAt(words: readonly Word[], index: number): boolean {
  const word = words[index]
  return index === 0 || word?.afterBreak === true || CLAUSE_ENDS.has(words[index - 1]?.lower ?? '')
}

function findInSentence(sentence: Sentence): Blame[] {
  const {source, words, people} = sentence
  const found: Blame[] = []
  for (let index = 0; index < words.length; index++) {
    const read = READERS.reduce<Found | undefined>((hit, reader) => hit ?? reader(sentence, index), undefined)
    if (read) {
      found.push({kind: read.kind, span: spanOf(source, words, read.from, read.to)})
      index = read.to - 1
      continue
    }
    // A person as the subject of a failure: "an intern mistakenly executed", "the engineer did not test".
    // People who hold no role count only where a clause starts: "requests from guests failed" is no guest's failure.
    const subjects = clauseStartsAt(words, index) ? people : sentence.roleHolders
    const person = SUBJECT_PRONOUNS.has(words[index]?.lower ?? '') ? ([index, 1] as const) : personPhraseAt(words, index, subjects)
    if (!person) continue
    const end = appositionEnd(words, person[0] + person[1])
    const failure = failureAfter(words, end, end > person[0] + person[1])
    if (failure > 0) found.push({kind: 'person', span: spanOf(source, words, index, end + failure)})
    index = end + failure - 1
  }
  return found
}

// One reading per tree and options.
const readings = memoPerObject<Root, Blame[]>()

export function findBlame(tree: Root, source: string, options: BlameOptions): Blame[] {
  return readings(tree, JSON.stringify(options), () => readBlame(tree, source, options))
}

interface Vocabulary {
  phrases: string[][]
  triggers: Set<string>
  triggerPattern: RegExp
}

const vocabularies = memoPerOptions<Vocabulary>()

function vocabularyOf(phraseOption: readonly string[]): Vocabulary {
  return vocabularies(JSON.stringify(phraseOption), () => {
    // An empty phrase would match everywhere without taking a word.
    const phrases = phraseOption.map(phraseWords).filter((phrase) => phrase.length > 0).sort((a, b) => b.length - a.length)
    const triggers = new Set([...TRIGGERS, ...phrases.map(([first = '']) => first)])
    return {phrases, triggers, triggerPattern: anyWordPattern(triggers)}
  })
}

function readBlame(tree: Root, source: string, options: BlameOptions): Blame[] {
  const {phrases, triggers, triggerPattern} = vocabularyOf(options.phrases)
  const blocks = proseOf(tree, source)
  const suspect = blocks.filter((block) => triggerPattern.test(block.lowerRaw))
  if (suspect.length === 0) return []

  const names = introducedNames(blocks)
  const extra: string[][] = []
  for (const person of options.people) {
    const words = person.trim().split(/\s+/)
    if (words.length === 1 && NAME.test(person.trim())) names.add(person.trim())
    else extra.push(phraseWords(person))
  }
  const people: People = {names, extra, common: true}
  const roleHolders: People = {...people, common: false}
  const allowed = options.allow.map((phrase) => phrase.toLowerCase())

  const found: Blame[] = []
  for (const block of suspect) {
    for (const words of block.eachSentence()) {
      if (!words.some((word) => triggers.has(word.lower))) continue
      const cause = words.some((word) => CAUSE_CUES.has(word.lower))
      for (const blame of findInSentence({source, words, people, roleHolders, phrases, cause})) {
        const sentence = source.slice(words[0]?.start ?? 0, words.at(-1)?.end ?? 0).toLowerCase()
        if (allowed.some((phrase) => sentence.includes(phrase) && phrase.includes(blame.span.text.toLowerCase()))) continue
        found.push(blame)
      }
    }
  }
  return found
}
