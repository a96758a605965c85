/**
 * Injected defects: each is a plain text transformation of a real document,
 * found with patterns of its own. None asks the document model what to
 * change: a benchmark that let the reader choose its own targets would only
 * measure the reader against itself.
 */

/**
 * One kind of defect. `apply` gives the mutant, or undefined when the
 * document has nothing to break this way; `index` varies the wording
 * between documents.
 */
export interface Injection {
  name: string
  rule: string
  /**
   * A message of the rule that already reports the defect on the unmodified
   * document: there, the defect is present already and nothing is injected.
   */
  present?: RegExp
  apply(markdown: string, index: number): string | undefined
}

interface Line {
  text: string
  start: number
}

function linesOf(markdown: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (const text of markdown.split('\n')) {
    lines.push({text, start})
    start += text.length + 1
  }
  return lines
}

function replaceAt(markdown: string, start: number, end: number, text: string): string {
  return markdown.slice(0, start) + text + markdown.slice(end)
}

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*)$/

/** The first ATX heading whose text matches, with the offset where its section ends. */
function sectionByHeading(markdown: string, title: RegExp): {start: number; bodyStart: number; end: number} | undefined {
  const lines = linesOf(markdown)
  let inFence = false
  let inComment = false
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (/^ {0,3}(?:```|~~~)/.test(line.text)) inFence = !inFence
    // A heading in an HTML comment is no heading: deleting it would change nothing a reader sees.
    if (line.text.includes('<!--')) inComment = true
    if (line.text.includes('-->')) inComment = false
    const heading = inFence || inComment ? null : ATX_HEADING.exec(line.text)
    if (!heading || !title.test(heading[2]!)) continue
    const level = heading[1]!.length
    let end = markdown.length
    let fence = false
    for (const next of lines.slice(index + 1)) {
      if (/^ {0,3}(?:```|~~~)/.test(next.text)) fence = !fence
      const deeper = fence ? null : ATX_HEADING.exec(next.text)
      if (deeper && deeper[1]!.length <= level) {
        end = next.start
        break
      }
    }
    return {start: line.start, bodyStart: line.start + line.text.length + 1, end}
  }
  return undefined
}

/**
 * Deletes every section whose heading matches (the heading and its body) and
 * every line that starts with the title as a label (`**Root cause:** …`).
 */
function deleteSection(title: RegExp): Injection['apply'] {
  const label = new RegExp(`^\\W{0,6}(?:${title.source})[^:\\n]{0,30}(?::.*)?$`, 'gim')
  return (markdown) => {
    // Sections first: a heading such as `### Timeline:` is also a label line.
    let mutant = markdown
    for (let section = sectionByHeading(mutant, title); section; section = sectionByHeading(mutant, title)) {
      mutant = replaceAt(mutant, section.start, section.end, '')
    }
    mutant = mutant.replace(label, '')
    return mutant === markdown ? undefined : mutant
  }
}

/** The offset after the document's first paragraph of prose, where a sentence can go. */
function afterFirstParagraph(markdown: string): number {
  const lines = linesOf(markdown)
  // A paragraph of prose: unindented, after a blank line or a heading, outside fences.
  let inParagraph = false
  let inFence = false
  let previous = ''
  for (const line of lines) {
    if (/^ {0,3}(?:```|~~~)/.test(line.text)) inFence = !inFence
    const opens = previous.trim() === '' || ATX_HEADING.test(previous)
    if (!inFence && opens && /^[\p{L}*_]/u.test(line.text) && !line.text.includes('|') && !line.text.startsWith('---')) inParagraph = true
    else if (inParagraph && line.text.trim() === '') return line.start
    previous = line.text
  }
  return markdown.length
}

function insertParagraph(markdown: string, sentence: string): string {
  const at = afterFirstParagraph(markdown)
  return replaceAt(markdown, at, at, `\n${sentence}\n`)
}

// A timeline line that starts with a 24-hour clock time: `- 10:05 …`, `| 10:05 |`, `**10:05** …`.
const ENTRY_TIME = /^\s*(?:[-*+]|\d+\.|\|)?\s*(?:\*\*|`)?(?:\d{4}-\d{2}-\d{2}[ T])?([01]?\d|2[0-3]):([0-5]\d)(?![\d:]*\s*[AaPp]\.?[Mm])/

/**
 * Swaps the clock times of two neighbouring timeline lines a few hours apart
 * at most, so that the swap cannot read as a rollover past midnight.
 */
function swapTimelineTimes(markdown: string): string | undefined {
  const section = sectionByHeading(markdown, /timeline|chronolog/i)
  if (!section) return undefined
  const lines = linesOf(markdown.slice(section.bodyStart, section.end)).filter((line) => line.text.trim() !== '')
  for (let index = 1; index < lines.length; index++) {
    const first = ENTRY_TIME.exec(lines[index - 1]!.text)
    const second = ENTRY_TIME.exec(lines[index]!.text)
    if (!first || !second) continue
    const from = Number(first[1]) * 60 + Number(first[2])
    const to = Number(second[1]) * 60 + Number(second[2])
    if (to - from < 5 || to - from > 360) continue
    const at = (line: Line, match: RegExpExecArray): number => section.bodyStart + line.start + match[0].length - `${match[1]}:${match[2]}`.length
    const firstAt = at(lines[index - 1]!, first)
    const secondAt = at(lines[index]!, second)
    const firstText = `${first[1]}:${first[2]}`
    const secondText = `${second[1]}:${second[2]}`
    const swapped = replaceAt(markdown, secondAt, secondAt + secondText.length, firstText)
    return replaceAt(swapped, firstAt, firstAt + firstText.length, secondText)
  }
  return undefined
}

const BLAME = [
  'The outage happened because Dave carelessly ran the wrong script.',
  'Priya forgot to renew the certificate before it expired.',
  'The on-call engineer failed to check the alert and ignored the pages.',
  'An intern accidentally deleted the production table.',
  'This was caused by human error: Tom should have tested the change.'
]

const PLACEHOLDERS = ['TODO: fill in', 'Root cause: TBD', '[insert the customer impact here]', 'Owner: XX', 'FIXME: add the graphs']

const CONTRADICTIONS = [
  'The outage lasted 5 hours, from 10:00 to 11:00 UTC.',
  'Duration: 45 minutes (from 14:10 to 16:40 UTC).',
  'The service was down for 3 hours and 30 minutes, between 09:15 and 10:05 UTC.'
]

// Zones as writers give them; the bench's own list, not the model's: a
// UTC or GMT offset, an abbreviation ending in T, a named zone, an ISO offset
// after a time with a `T` or seconds ("10:00-11:00" is a range).
const ZONES = [
  /\b(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?(?![\p{L}])/giu,
  /\b[A-Z]{1,4}T\b/g,
  /\b(?:[A-Z][a-z]+ ){1,3}(?:(?:[Ss]tandard|[Dd]aylight|[Ss]ummer) )?[Tt]ime\b/g,
  /(?<=T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?|\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(?:Z|[+-]\d{2}:?\d{2})\b/g
]
const CLOCK = /\b\d{1,2}:\d{2}\b/
const PERCENT = /\b\d{1,3}(?:\.\d+)?\s?%/
// Any written figure or whole-population word, so that no count or share survives.
const FIGURE =
  /\d+(?:[.,]\d+)*\s?[%kKmM]?|\b(?:all|every(?:one|body)?|entire(?:ly)?|whole|complete(?:ly)?|total(?:ly)?|full(?:y)?|no|none|nobody|never|zero|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?)\b/gi

export const INJECTIONS: Injection[] = [
  {
    name: 'delete the timeline section',
    rule: 'postmortem-required-sections',
    present: /missing timeline/,
    apply: deleteSection(/timeline|chronolog/i)
  },
  {
    name: 'delete the root-cause section',
    rule: 'postmortem-required-sections',
    present: /missing root cause/,
    apply: deleteSection(/root[ -]?causes?|causes?|triggers?|contributing factors?/i)
  },
  {name: 'swap two neighbouring timeline times', rule: 'postmortem-timeline-order', apply: swapTimelineTimes},
  {
    name: 'state a duration that contradicts its own start and end',
    rule: 'postmortem-duration-consistency',
    apply: (markdown, index) => insertParagraph(markdown, CONTRADICTIONS[index % CONTRADICTIONS.length]!)
  },
  {
    name: 'replace every figure with a vague word',
    rule: 'postmortem-impact-quantified',
    present: /./,
    apply: (markdown) => (/impact/i.test(markdown) && /\d/.test(markdown) ? markdown.replace(FIGURE, 'some') : undefined)
  },
  {
    name: 'raise a percentage above 100',
    rule: 'postmortem-impact-quantified',
    apply(markdown) {
      // A share of what the incident affected: in the impact section or on an `Impact:` line.
      const section = sectionByHeading(markdown, /impact/i)
      const line = /^\W{0,6}impact\W{0,6}:.*$/im.exec(markdown)
      const [from, to] = section ? [section.bodyStart, section.end] : line ? [line.index, line.index + line[0].length] : [0, 0]
      const match = PERCENT.exec(markdown.slice(from, to))
      return match ? replaceAt(markdown, from + match.index, from + match.index + match[0].length, '180%') : undefined
    }
  },
  {
    name: 'remove every time zone',
    rule: 'postmortem-time-zone',
    present: /./,
    apply(markdown) {
      // The rule asks for a zone where a timeline gives clock times.
      const timeline = sectionByHeading(markdown, /timeline|chronolog/i)
      if (!timeline || !CLOCK.test(markdown.slice(timeline.bodyStart, timeline.end))) return undefined
      const mutant = ZONES.reduce((text, zone) => text.replace(zone, ''), markdown)
      return mutant === markdown ? undefined : mutant
    }
  },
  {
    name: 'insert a sentence blaming a person',
    rule: 'postmortem-blameless-language',
    apply: (markdown, index) => insertParagraph(markdown, BLAME[index % BLAME.length]!)
  },
  {
    name: 'insert a placeholder',
    rule: 'postmortem-no-placeholders',
    apply: (markdown, index) => insertParagraph(markdown, PLACEHOLDERS[index % PLACEHOLDERS.length]!)
  }
]
