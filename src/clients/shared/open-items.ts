import type {IncidentFacts} from '../../model/facts/extract-facts.js'

/** An action item not marked or told as done, with what a reviewer chases. */
export interface OpenItem {
  /** The postmortem it is in. */
  file: string
  /** The item's line as written. */
  text: string
  /** 1-based line of the item in its file. */
  line: number
  owner?: string
  tracking?: string
  /** The due date as written. */
  due?: string
  /** `2024-05-01`: the day it names, when it names one with its year. */
  dueDate?: string
  /** Due before the day compared with. */
  overdue: boolean
  /** No owner named. */
  withoutOwner: boolean
}

export interface OpenItems {
  /** The day due dates are compared with: `--as-of`, else today. */
  asOf: string
  /** Action items in all postmortems, done or not. */
  total: number
  open: number
  overdue: number
  withoutOwner: number
  items: OpenItem[]
}

/** Past due first, then without owner, then the others; in document order among equals. */
export function byUrgency(items: readonly OpenItem[]): OpenItem[] {
  const weight = (item: OpenItem): number => (item.overdue ? 0 : 2) + (item.withoutOwner ? 0 : 1)
  return [...items].sort((a, b) => weight(a) - weight(b))
}

/** `past due, no owner`: what a reviewer chases an item for. */
export function itemFlags(item: OpenItem): string {
  return [item.overdue ? 'past due' : '', item.withoutOwner ? 'no owner' : ''].filter(Boolean).join(', ')
}

/** `5 action items, 3 open: 1 past their due date as of 2024-06-01, 2 without owner.` */
export function openItemsCounts({asOf, total, open, overdue, withoutOwner}: OpenItems): string {
  return `${total} action item${total === 1 ? '' : 's'}, ${open} open: ${overdue} past their due date as of ${asOf}, ${withoutOwner} without owner.`
}

/** Today in UTC, `2026-12-07`: the default day to compare due dates with. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

function openItemsOf(file: string, facts: Pick<IncidentFacts, 'actionItems'>, asOf: string): OpenItem[] {
  return facts.actionItems.flatMap((item) => {
    if (item.done) return []
    // Only a day with its year can be compared; `--05-01` could be in any year.
    const dueDate = item.due?.date && /^\d{4}-/.test(item.due.date) ? item.due.date : undefined
    const open: OpenItem = {file, text: item.text, line: item.position.start.line, overdue: dueDate !== undefined && dueDate < asOf, withoutOwner: !item.owner}
    if (item.owner) open.owner = item.owner.text
    if (item.tracking) open.tracking = item.tracking.text
    if (item.due) open.due = item.due.text
    if (dueDate) open.dueDate = dueDate
    return [open]
  })
}

/** The open action items across the postmortems, and how many are past due or have no owner. */
export function collectOpenItems(incidents: ReadonlyArray<{file: string; facts: Pick<IncidentFacts, 'actionItems'>}>, asOf: string): OpenItems {
  const items = incidents.flatMap(({file, facts}) => openItemsOf(file, facts, asOf))
  return {
    asOf,
    total: incidents.reduce((sum, {facts}) => sum + facts.actionItems.length, 0),
    open: items.length,
    overdue: items.filter((item) => item.overdue).length,
    withoutOwner: items.filter((item) => item.withoutOwner).length,
    items
  }
}
