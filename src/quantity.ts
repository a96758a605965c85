import {type Span, subspan} from './text.js'

export type ImpactKind = 'percentage' | 'count' | 'everyone'

/** A figure saying how much or how many were affected. */
export interface ImpactMention {
  span: Span
  kind: ImpactKind
  /** The figure, when the text gives one ("hundreds of users" gives none). */
  value?: number
  /** What was counted, when the text says it ("users", "requests"). */
  noun?: string
}

const AFFECTED = [
  'users?', 'customers?', 'clients?', 'visitors?', 'requests?', 'emails?', 'e-mails?', 'tickets?',
  'orders?', 'transactions?', 'accounts?', 'sessions?', 'messages?', 'calls?', 'queries',
  'subscribers?', 'members?', 'people', 'players?', 'students?', 'merchants?', 'builds?', 'jobs?',
  'deployments?', 'pages?', 'sites?', 'websites?', 'servers?', 'hosts?', 'nodes?', 'pods?',
  'services?', 'devices?', 'downloads?', 'payments?', 'traffic', 'user base', 'userbase',
  'applications?', 'apps?', 'repositories', 'repos?', 'tenants?', 'teams?', 'organizations?',
  'sign-?ups?', 'logins?', 'uploads?', 'participants?', 'contestants?', 'submissions?'
].join('|')

const PERCENTAGE = /(?<![\p{L}\p{N}.,])(\d{1,6}(?:[.,]\d{1,4})?)\s{0,2}(?:%|percent\b|per cent\b)/giu
const COUNT = new RegExp(
  `(?<![\\p{L}\\p{N}.,:$#-])(\\d{1,3}(?:,\\d{3})+|\\d{1,9})(\\+|k\\b)?\\s{1,2}(?:(?!(?:on|in|at|for|by|to|from|with|and|or|per|during|after|before)\\s)[\\p{L}-]{1,20}\\s{1,2}){0,3}(${AFFECTED})(?![\\p{L}])`,
  'giu'
)
const MULTITUDE = new RegExp(
  `\\b(?:dozens|hundreds|thousands|tens of thousands|hundreds of thousands|millions)\\s{1,2}of\\s{1,2}(?:[\\p{L}-]{1,20}\\s{1,2})?(${AFFECTED})(?![\\p{L}])`,
  'giu'
)
const EVERYONE = new RegExp(
  `\\b(?:all|every|entire)\\s{1,2}(?:of\\s{1,2})?(?:the\\s{1,2}|our\\s{1,2}|its\\s{1,2})?(?:[\\p{L}-]{1,20}\\s{1,2})?(${AFFECTED})(?![\\p{L}])`,
  'giu'
)
// A percentage that measures a change or a resource is not a share of who
// was affected: "a 25% increase in bounce rate", "CPU at 95%".
const CHANGE_BEFORE = /(?:increase[sd]?|decrease[sd]?|rose|fell|grew|dropped|spiked|jumped|up|down|by|cpu|memory|disk|load|utili[sz]ation|usage|capacity|at)\s{0,3}(?:of\s{1,2}|to\s{1,2}|by\s{1,2}|at\s{1,2})?$/i
const CHANGE_AFTER = /^\s{0,2}(?:increase|decrease|rise|drop|spike|growth|jump|higher|lower|faster|slower|more|less|cpu|memory|disk|load|utili[sz]ation|usage|capacity|bounce|engagement|conversion|rate|of (?:the )?(?:cpu|memory|disk|capacity|bandwidth|normal|usual|peak|expected|baseline|previous))/i
// "disk usage hit 100%", "CPU reached 95%".
const RESOURCE_BEFORE = /(?:cpu|memory|disk|load|usage|utili[sz]ation|capacity)(?:\s{1,2}(?:usage|utili[sz]ation|load))?\s{1,2}(?:hit|reached|peaked at|rose to|climbed to|spiked to|was|at)\s{1,3}$/i

const YEAR = /^(?:19|20)\d{2}$/
// What each expression above needs: a digit, or a word of MULTITUDE or EVERYONE.
const QUANTITY_CUE = /\d|dozens|hundreds|thousands|millions|all|every|entire/i

function parseNumber(text: string): number {
  return Number(text.replaceAll(',', ''))
}

/** Percentages and counts that say how much was affected. */
export function findImpact(span: Span): ImpactMention[] {
  const text = span.text
  const mentions: ImpactMention[] = []
  // Most lines have no figure and no word of quantity; the expressions
  // below cost more than this test on every line of a long impact section.
  if (!QUANTITY_CUE.test(text)) return mentions
  for (const match of text.matchAll(PERCENTAGE)) {
    const before = text.slice(Math.max(0, match.index - 24), match.index)
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 30)
    if (CHANGE_BEFORE.test(before) || RESOURCE_BEFORE.test(before) || CHANGE_AFTER.test(after)) continue
    const digits = match[1] ?? '0'
    // "12,5 %" is a decimal comma; "1,000 %" is not a share.
    const value = /,\d{3}$/.test(digits) ? parseNumber(digits) : Number(digits.replace(',', '.'))
    mentions.push({span: subspan(span, match.index, match.index + match[0].length), kind: 'percentage', value})
  }
  const percentages = mentions.map((mention) => [mention.span.start - span.start, mention.span.start - span.start + mention.span.text.length] as const)
  for (const match of text.matchAll(COUNT)) {
    // "100 percent of traffic" is a percentage, not a count of 100.
    if (percentages.some(([from, to]) => match.index < to && from < match.index + match[0].length)) continue
    // "In 2019 the server …" is a year; "2019 users" would still count.
    if (YEAR.test(match[1] ?? '') && !match[2] && /\s\S+\s/.test(match[0])) continue
    const multiplier = match[2]?.toLowerCase() === 'k' ? 1000 : 1
    mentions.push({
      span: subspan(span, match.index, match.index + match[0].length),
      kind: 'count',
      value: parseNumber(match[1] ?? '0') * multiplier,
      noun: match[3]
    })
  }
  for (const match of text.matchAll(MULTITUDE)) {
    mentions.push({span: subspan(span, match.index, match.index + match[0].length), kind: 'count', noun: match[1]})
  }
  for (const match of text.matchAll(EVERYONE)) {
    mentions.push({span: subspan(span, match.index, match.index + match[0].length), kind: 'everyone', value: 100, noun: match[1]})
  }
  return mentions.sort((a, b) => a.span.start - b.span.start)
}
