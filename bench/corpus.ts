/**
 * A deterministic generator of postmortems for the benchmarks: the same seed
 * and index always give the same document, whatever the count, so a corpus of
 * 2,000 files is the first 2,000 of the corpus of 10,000.
 *
 * Documents vary the way real ones do: ATX, setext, bold and label-line
 * section titles; timelines as lists, tables, paragraph lines or
 * sub-headings; 12 h and 24 h times, zones, ISO and written dates, stated
 * durations and percentages; midnight crossings and date lines. About one in
 * six carries a defect a rule reports.
 */
import fs from 'node:fs'
import path from 'node:path'
import {ROOT} from './processes.js'

/** mulberry32: small, fast and good enough to pick words. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Picker {
  constructor(readonly random: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.random() < probability
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T
  }
}

const SERVICES = [
  'checkout API',
  'search cluster',
  'payments gateway',
  'login service',
  'image resizer',
  'notification queue',
  'billing database',
  'edge load balancer',
  'build farm',
  'metrics pipeline',
  'customer dashboard',
  'DNS resolver fleet'
]
const FAILURES = [
  'returned 502 errors',
  'timed out under load',
  'ran out of disk space',
  'served stale data',
  'dropped connections',
  'rejected valid tokens',
  'stopped accepting writes',
  'fell behind on replication'
]
const CAUSES = [
  'a configuration push set the connection pool size to zero',
  'a certificate expired on the internal proxy',
  'a schema migration locked the largest table',
  'a retry loop in the client multiplied traffic tenfold',
  'log rotation was disabled and the volume filled up',
  'a firewall rule change blocked the health checks',
  'a dependency upgrade changed the default timeout',
  'a cron job deleted the cache directory while it was in use'
]
const EVENTS = [
  'Alert fired for elevated error rate',
  'On-call engineer acknowledged the page',
  'Dashboards showed latency climbing on every node',
  'Incident channel opened and an incident commander named',
  'Recent deploys reviewed; one config change stood out',
  'Traffic shifted away from the affected region',
  'Rollback of the configuration started',
  'Error rate began to drop',
  'Caches warmed up again',
  'Customer support notified and a status page update posted',
  'Health checks green across the fleet',
  'Monitoring period started',
  'Incident declared resolved',
  'Follow-up ticket filed for the missing alert',
  'Database failover completed',
  'Queue backlog drained',
  'Disk usage back under the warning threshold',
  'Second responder joined to look at the network graphs'
]
const DETAILS = [
  'The graphs showed the drop within a minute of the change.',
  'Nobody had touched this setting in over a year.',
  'The runbook step for this case was out of date.',
  'Requests queued at the load balancer until they timed out.',
  'The alert threshold was set too high to catch the early signs.',
  'Retries from mobile clients made the recovery slower.'
]
const ACTIONS = [
  'Add an alert on connection pool saturation',
  'Validate configuration changes in CI before they ship',
  'Automate certificate renewal and alert thirty days before expiry',
  'Document the rollback procedure in the runbook',
  'Run a game day on regional failover',
  'Cap client retries with exponential backoff',
  'Review log retention on every volume',
  'Add a canary stage to the deploy pipeline'
]
const LESSONS = [
  'Small configuration changes deserve the same review as code.',
  'Our alerts watched symptoms too late in the chain.',
  'Rolling back first and investigating second shortened the outage.',
  'The status page was updated late; support heard about the outage from customers.'
]

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]
const ZONES = [
  {name: 'UTC', offset: 0},
  {name: 'GMT', offset: 0},
  {name: 'PST', offset: -480},
  {name: 'EAT', offset: 180},
  {name: 'WAT', offset: 60},
  {name: 'GMT+2', offset: 120},
  {name: 'CET', offset: 60}
]

type Titles = 'atx' | 'setext' | 'bold' | 'label'
type TimelineShape = 'list' | 'bold-list' | 'table' | 'lines' | 'headings'
type Defect = 'none' | 'out-of-order' | 'impossible-time' | 'missing-section' | 'duration' | 'no-zone' | 'percentage' | 'empty-section'

const DEFECTS: readonly Defect[] = ['out-of-order', 'impossible-time', 'missing-section', 'duration', 'no-zone', 'percentage', 'empty-section']

interface Day {
  year: number
  month: number
  day: number
}

function nextDay({year, month, day}: Day): Day {
  const date = new Date(Date.UTC(year, month - 1, day + 1))
  return {year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate()}
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

function clock(minuteOfDay: number, twelveHour: boolean): string {
  const hour = Math.floor(minuteOfDay / 60)
  const minute = minuteOfDay % 60
  if (!twelveHour) return `${pad(hour)}:${pad(minute)}`
  const suffix = hour < 12 ? 'AM' : 'PM'
  return `${hour % 12 === 0 ? 12 : hour % 12}:${pad(minute)} ${suffix}`
}

function writtenDate(day: Day, iso: boolean): string {
  return iso ? `${day.year}-${pad(day.month)}-${pad(day.day)}` : `${MONTHS[day.month - 1]} ${day.day}, ${day.year}`
}

function spokenDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} minutes`
  if (rest === 0) return `${hours} hour${hours === 1 ? '' : 's'}`
  return `${hours} hour${hours === 1 ? '' : 's'} and ${rest} minutes`
}

interface Moment {
  day: Day
  minute: number
}

export interface GenerateOptions {
  /** Multiplies the length of the timeline and of the prose: 10 gives a document about ten times as long. */
  size?: number
}

/** The postmortem numbered `index` of the corpus made from `seed`. */
export function generatePostmortem(seed: number, index: number, options: GenerateOptions = {}): string {
  const size = options.size ?? 1
  const p = new Picker(createRandom((seed * 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)))
  const titles: Titles = p.pick(['atx', 'atx', 'setext', 'bold', 'label'])
  const shape: TimelineShape = p.pick(['list', 'list', 'bold-list', 'table', 'lines', 'headings'])
  const twelveHour = p.chance(0.4)
  const zone = p.pick(ZONES)
  const defect: Defect = p.chance(1 / 6) ? p.pick(DEFECTS) : 'none'
  const service = p.pick(SERVICES)
  const failure = p.pick(FAILURES)
  const cause = p.pick(CAUSES)
  const isoDates = p.chance(0.5)
  const zoneInHeading = p.chance(0.5)

  // Entries step forward a few minutes at a time; a long timeline spans days,
  // each new day announced by a date line, and some short ones cross midnight
  // without one (the model rolls them over).
  const crossesMidnight = p.chance(0.2)
  const entryCount = p.int(6, 14) * size
  const firstDay: Day = {year: p.int(2019, 2025), month: p.int(1, 12), day: p.int(1, 28)}
  let day = firstDay
  let minute = crossesMidnight ? p.int(22 * 60, 23 * 60 + 20) : p.int(6 * 60, 15 * 60)
  const moments: Moment[] = []
  for (let entry = 0; entry < entryCount; entry++) {
    moments.push({day, minute})
    minute += p.int(1, size > 1 ? 6 : 25)
    if (minute >= 24 * 60) {
      minute -= 24 * 60
      day = nextDay(day)
    }
  }
  const first = moments[0] as Moment
  const last = moments[moments.length - 1] as Moment
  const days = new Set(moments.map((moment) => moment.day)).size
  const spanMinutes = (days - 1) * 24 * 60 + last.minute - first.minute
  const percentage = defect === 'percentage' ? p.int(101, 180) : p.int(1, 99)

  const out: string[] = []
  const heading = (text: string, depth = 2): void => {
    const colon = depth === 1 ? '' : ':'
    if (titles === 'atx') out.push(`${'#'.repeat(depth)} ${text}`, '')
    else if (titles === 'setext') out.push(text, (depth === 1 ? '=' : '-').repeat(text.length), '')
    else if (titles === 'bold') out.push(`**${text}${colon}**`, '')
    else out.push(`${text}${colon}`, '')
  }
  const zoneName = defect === 'no-zone' ? '' : zone.name
  const stamp = (moment: Moment): string => clock(moment.minute, twelveHour)

  heading(`Postmortem: the ${service} ${failure}`, 1)

  heading(p.pick(['Summary', 'Issue Summary', 'Overview', 'Incident Summary']))
  const stated = defect === 'duration' ? spanMinutes + p.int(40, 120) : spanMinutes
  const zoneSuffix = zoneName ? ` ${zoneName}` : ''
  out.push(
    `On ${writtenDate(first.day, isoDates)}, from ${stamp(first)}${zoneSuffix} to ${stamp(last)}${zoneSuffix}` +
      `${last.day === first.day ? '' : ` on ${writtenDate(last.day, isoDates)}`}, the ${service} ${failure}. ` +
      `The outage lasted ${spokenDuration(stated)}.`,
    ''
  )
  for (let paragraph = 1; paragraph < size; paragraph++) out.push(p.pick(DETAILS) + ' ' + p.pick(DETAILS), '')

  if (defect !== 'missing-section' || p.chance(0.5)) {
    heading(p.pick(['Impact', 'Customer Impact', 'User Impact']))
    out.push(
      `About ${percentage}% of requests failed and ${p.int(2, 90) * 100} users saw errors. ` +
        `${p.int(10, 400)} support tickets were opened.`,
      ''
    )
  }

  const timelineTitle = p.pick(['Timeline', 'Chronology', 'Sequence of Events', 'Incident Timeline'])
  heading(zoneName && zoneInHeading ? `${timelineTitle} (${zoneName})` : timelineTitle)
  if (zoneName && !zoneInHeading) out.push(`All times are ${zoneName}.`, '')
  if (defect === 'out-of-order' && moments.length > 3) {
    const at = p.int(1, moments.length - 2)
    ;[moments[at], moments[at + 1]] = [moments[at + 1] as Moment, moments[at] as Moment]
  }
  const impossibleAt = defect === 'impossible-time' ? p.int(1, moments.length - 1) : -1
  if (shape === 'table') out.push('| Time | Event |', '|------|-------|')
  let shownDay = first.day
  moments.forEach((moment, position) => {
    if (moment.day !== shownDay && (days > 2 || !crossesMidnight)) {
      if (shape === 'table') out.push(`| ${writtenDate(moment.day, isoDates)} | Next day |`)
      else out.push('', `**${writtenDate(moment.day, isoDates)}**`, '')
    }
    shownDay = moment.day
    const time = position === impossibleAt ? (twelveHour ? '13:05 PM' : '25:10') : stamp(moment)
    const event = p.pick(EVENTS)
    switch (shape) {
      case 'list':
        out.push(`- ${time} - ${event}.`)
        if (p.chance(0.15)) out.push(`  - ${p.pick(DETAILS)}`)
        break
      case 'bold-list':
        out.push(`- **${time}:** ${event}.`)
        break
      case 'table':
        out.push(`| ${time} | ${event} |`)
        break
      case 'lines':
        out.push(`${time}: ${event}.`, '')
        break
      case 'headings':
        out.push(`### ${time}`, '', `${event}. ${p.pick(DETAILS)}`, '')
        break
    }
  })
  out.push('')

  heading(p.pick(['Root Cause', 'Root Causes', 'Contributing Factors']))
  out.push(`The ${service} ${failure} because ${cause}. ${p.pick(DETAILS)}`, '')
  for (let paragraph = 1; paragraph < size; paragraph++) out.push(`${p.pick(DETAILS)} ${p.pick(DETAILS)}`, '')

  if (defect !== 'missing-section') {
    heading(p.pick(['Resolution', 'Mitigation', 'Recovery']))
    if (defect !== 'empty-section') out.push(`The team rolled the change back at ${stamp(last)} and watched the error rate for an hour.`, '')
  }

  heading(p.pick(['Action Items', 'Corrective and Preventative Measures', 'Follow-ups', 'Remediation']))
  const actionCount = p.int(2, 5) * size
  if (p.chance(0.3)) {
    out.push('| Action | Owner | Status |', '|---|---|---|')
    for (let action = 0; action < actionCount; action++) out.push(`| ${p.pick(ACTIONS)} | team-${p.int(1, 9)} | open |`)
  } else {
    for (let action = 0; action < actionCount; action++) out.push(`- [ ] ${p.pick(ACTIONS)}`)
  }
  out.push('')

  if (p.chance(0.5)) {
    heading('Lessons Learned')
    out.push(p.pick(LESSONS), '')
  }
  return out.join('\n')
}

/**
 * A postmortem of at least `lines` lines, made by growing the size of
 * document `index` until it is long enough.
 */
export function generateLongPostmortem(seed: number, index: number, lines: number): string {
  for (let size = 1; ; size++) {
    const text = generatePostmortem(seed, index, {size})
    if (text.split('\n').length >= lines) return text
  }
}

/**
 * Writes documents 0 to `count - 1` as `dir/<group>/pm-<index>.md`, a hundred
 * to a folder, and returns their paths.
 */
export function writeCorpus(dir: string, seed: number, count: number, options: GenerateOptions = {}): string[] {
  const paths: string[] = []
  for (let index = 0; index < count; index++) {
    const folder = path.join(dir, `group-${String(Math.floor(index / 100)).padStart(3, '0')}`)
    if (index % 100 === 0) fs.mkdirSync(folder, {recursive: true})
    const file = path.join(folder, `pm-${String(index).padStart(5, '0')}.md`)
    fs.writeFileSync(file, generatePostmortem(seed, index, options))
    paths.push(file)
  }
  return paths
}

/**
 * Copies up to `limit` real postmortems of ../shared/corpus and
 * ../shared/corpus2 (test data, read at benchmark time, never kept in the
 * project) into `dir`, and returns their paths; none when they are missing.
 */
export function copySharedDocuments(dir: string, limit: number): string[] {
  const shared = path.resolve(ROOT, '../shared')
  const paths: string[] = []
  for (const corpus of ['corpus', 'corpus2']) {
    const from = path.join(shared, corpus)
    if (!fs.existsSync(from)) continue
    // Numbered documents only: README.md and LABELING.md describe the corpus.
    const names = fs.readdirSync(from).filter((name) => /^\d.*\.md$/.test(name)).sort()
    for (const name of names.slice(0, Math.max(0, limit - paths.length))) {
      fs.mkdirSync(path.join(dir, corpus), {recursive: true})
      const to = path.join(dir, corpus, name)
      fs.copyFileSync(path.join(from, name), to)
      paths.push(to)
    }
  }
  return paths
}
