/**
 * Nouns of who or what an incident usually affects, as a regular expression
 * source (singular and plural), and nouns that measure time: "3 hours" and
 * "all day" say how long, never how many.
 */
export const AFFECTED_WORDS = [
  'users?', 'customers?', 'clients?', 'visitors?', 'requests?', 'emails?', 'e-mails?', 'tickets?', 'cases',
  'orders?', 'transactions?', 'accounts?', 'sessions?', 'messages?', 'calls?', 'queries',
  'subscribers?', 'members?', 'people', 'staff', 'personnel', 'players?', 'students?', 'merchants?', 'builds?', 'jobs?',
  'deployments?', 'pages?', 'sites?', 'websites?', 'servers?', 'hosts?', 'nodes?', 'pods?',
  'services?', 'devices?', 'downloads?', 'payments?', 'traffic', 'userbase',
  'applications?', 'apps?', 'repositories', 'repos?', 'tenants?', 'teams?', 'organizations?',
  'sign-?ups?', 'logins?', 'uploads?', 'participants?', 'contestants?', 'submissions?'
].join('|')

export const AFFECTED = new RegExp(`^(?:${AFFECTED_WORDS})$`, 'i')

/**
 * People and what they send or own: counted anywhere in a postmortem they are
 * the impact ("300 customers cannot pay"). Machines and work items (servers,
 * pods, builds, teams) are as often what responders acted on ("restarted
 * 3 pods").
 */
export const USUALLY_HARMED = /^(?:users?|customers?|clients?|visitors?|requests?|e-?mails?|tickets?|cases|orders?|transactions?|accounts?|messages?|queries|subscribers?|people|players?|students?|merchants?|downloads?|payments?|traffic|userbase|tenants?|organizations?|sign-?ups?|logins?|uploads?|participants?|contestants?|submissions?)$/i

const TIME_UNIT = /^(?:milli)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|months?|years?|ms|times?|mornings?|evenings?|afternoons?|steps?|points?)$/i

/** Whether a word measures time or counts repetitions (`hours`, `times`), not things. */
export function isTimeUnit(word: string): boolean {
  return TIME_UNIT.test(word)
}

// What monitors and responders do, counted: "3 failed attempts", "2 missed
// heartbeats" say how the incident was seen or fought, not who it affected.
const TRIAL = /^(?:attempts|tries|retries|checks|health-?checks|probes|pings|heartbeats|alerts|alarms)$/i

/** Whether a word is a plural noun that may count what was affected (`validators`, `PRs`; not `hours`, `access`, `retries`). */
export function isPluralThing(word: string): boolean {
  return /^\p{L}[\p{L}'’-]{0,29}s$/u.test(word) && !/ss$/i.test(word) && !isTimeUnit(word) && !TRIAL.test(word)
}

// Attempts are users' where many are counted ("4,000 checkout attempts") or
// where they are named by what users tried ("sign-in attempts", "login
// attempts"): a responder's are few and bare ("3 failed attempts").
const ATTEMPTS = /^(?:attempts|tries)$/i
const MANY_ATTEMPTS = 100

/** Whether `word`, after `before` and counted `value`, counts attempts of users. */
export function isUsersAttempts(word: string, before: string | undefined, value: number): boolean {
  if (!ATTEMPTS.test(word)) return false
  return value >= MANY_ATTEMPTS || (before !== undefined && (/\p{L}-\p{L}/u.test(before) || AFFECTED.test(before)))
}
