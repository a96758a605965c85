import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {type IncidentFacts, extractFacts} from '../../src/index.js'
import {recurringGroups} from '../../src/clients/postmortem-facts/recurring.js'
import {SHARED} from '../support/shared.js'
import {ROOT, parseCsv, runFacts} from './support/run.js'

const FOLDER = 'test/facts/recurring'

interface Group {
  kind: 'cause' | 'tag'
  label: string
  terms?: string[]
  incidents: Array<{file: string; title?: string; date?: string; cause?: string}>
}

async function groupsOf(folder: string): Promise<Group[]> {
  const result = await runFacts(['--format', 'json', '--causes', folder])
  expect(result.code, result.stderr).toBe(0)
  return (JSON.parse(result.stdout) as {recurringCauses: Group[]}).recurringCauses
}

const names = (group: Group | undefined): string[] => (group?.incidents ?? []).map((incident) => path.basename(incident.file))

describe('the cause a postmortem gives', () => {
  it('is the first statement of its root-cause section, with the noun phrase naming the cause', () => {
    const facts = extractFacts('# Outage\n\n## Summary\n\nThe site was down.\n\n## Root cause\n\nThe root cause of the outage was a misconfigured firewall rule that blocked port 443.\n')
    expect(facts.cause?.text).toBe('The root cause of the outage was a misconfigured firewall rule that blocked port 443.')
    expect(facts.cause?.phrase?.text).toBe('misconfigured firewall rule')
    expect(facts.cause?.keyTerms).toEqual(['configur', 'firewall', 'rul'])
    expect(facts.cause?.compounds).toEqual(['configur firewall', 'firewall rul', 'block port'])
    expect(facts.cause?.position.start.line).toBe(9)
  })

  it('is, without a root-cause section, the summary statement that says what caused the incident', () => {
    const facts = extractFacts('# Outage\n\n## Summary\n\nLogins failed for an hour.\nIt was caused by an expired signing key.\n')
    expect(facts.cause?.phrase?.text).toBe('expired signing key')
    expect(facts.cause?.terms).not.toContain('login')
  })

  it('is absent when the document gives none, and a template prompt is none', () => {
    expect(extractFacts('# Outage\n\n## Summary\n\nThe site was down.\n').cause).toBeUndefined()
    expect(extractFacts('# Outage\n\n## Root cause\n\n[Brief root cause summary]\n').cause).toBeUndefined()
  })

  it('reads the front matter tags and categories, a string of names split as Jekyll splits it', () => {
    expect(extractFacts('---\ntags: [Search, capacity]\ncategories: ops infra\n---\n\n# Outage\n').tags?.names).toEqual(['search', 'capacity', 'ops', 'infra'])
  })
})

/** An incident whose cause names `keys` and also says `terms`: the words compared, without a document around them. */
function incident(file: string, keys: string[], terms: string[]): {row: {file: string; impact: string}; facts: IncidentFacts} {
  const position = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}}
  const cause = {text: [...keys, ...terms].join(' '), position, keyTerms: keys, terms: [...keys, ...terms], compounds: []}
  return {row: {file, impact: ''}, facts: {impact: {percentages: [], counts: []}, timeline: [], sections: [], actionItems: [], cause}}
}

describe('recurring causes, as groups', () => {
  it('makes no group of unlike causes out of a chain of causes each like the next', () => {
    // Each names the words of the one before it, and words of its own.
    const chain = [
      incident('a.md', ['anvil', 'bolt'], []),
      incident('b.md', ['crane', 'drill'], ['anvil', 'bolt']),
      incident('c.md', ['easel', 'forge'], ['crane', 'drill']),
      incident('d.md', ['gauge', 'hinge'], ['easel', 'forge'])
    ]
    const groups = recurringGroups(chain).map((group) => group.incidents.map((member) => member.file))
    expect(groups.length).toBeGreaterThan(0)
    // No group holds two causes that share no word.
    for (const group of groups) expect(group.length).toBe(2)
    expect(groups.flat().length).toBe(new Set(groups.flat()).size)
  })

  it('groups the causes that each name the same thing', () => {
    const alike = [incident('a.md', ['memory', 'leak'], ['cache']), incident('b.md', ['process'], ['leak', 'memory']), incident('c.md', ['leak', 'memory'], ['session']), incident('d.md', ['disk'], ['full'])]
    expect(recurringGroups(alike).map((group) => group.incidents.map((member) => member.file))).toEqual([['a.md', 'b.md', 'c.md']])
  })
})

describe('postmortem-facts: recurring causes', () => {
  it('groups incidents whose causes are worded alike, and incidents under the same tag', async () => {
    const groups = await groupsOf(FOLDER)
    const certificate = groups.find((group) => group.kind === 'cause' && group.label === 'expired TLS certificate')
    const memory = groups.find((group) => group.kind === 'cause' && group.label === 'memory leak')
    expect(names(certificate)).toEqual(['2024-02-20-expired-certificate.md', '2024-05-02-certificate-again.md'])
    expect(names(memory)).toEqual(['2024-01-09-search-memory.md', '2024-03-14-search-again.md'])
    expect(names(groups.find((group) => group.kind === 'tag' && group.label === 'search'))).toEqual(names(memory))
    // The full disk shares its cause with nothing; the tag `capacity` is on one document only.
    expect(groups.flatMap(names)).not.toContain('2024-04-11-disk-full.md')
    expect(groups).toHaveLength(3)
    expect(memory?.incidents[0]).toMatchObject({title: 'Search nodes ran out of memory', date: '2024-01-09'})
  })

  it('prints the groups in Markdown and, with --causes, as CSV: one row per incident', async () => {
    const markdown = await runFacts([FOLDER])
    expect(markdown.stdout).toContain('## Recurring causes')
    expect(markdown.stdout).toMatch(/\| cause \| memory leak \| 2 \| Search nodes ran out of memory \| 2024-01-09 \| test\/facts\/recurring\/2024-01-09-search-memory.md \|/)
    const csv = await runFacts(['--format', 'csv', '--causes', FOLDER])
    const [header, ...rows] = parseCsv(csv.stdout)
    expect(header).toEqual(['related_by', 'cause_or_tag', 'incidents', 'title', 'date', 'file', 'cause'])
    expect(rows).toHaveLength(6)
    expect(rows.filter((row) => row[1] === 'memory leak').map((row) => row[4])).toEqual(['2024-01-09', '2024-03-14'])
  })

  it('--check-related lists the postmortem that links no earlier incident with its cause, and exits with 1', async () => {
    const result = await runFacts(['--check-related', FOLDER])
    expect(result.code).toBe(1)
    // The March incident links the January one; the May one links nothing.
    expect(result.stdout).toBe(
      'test/facts/recurring/2024-05-02-certificate-again.md:9:1: Unexpected postmortem without a link to an earlier incident with the same cause (expired TLS certificate), expected a link to test/facts/recurring/2024-02-20-expired-certificate.md (2024-02-20)\n'
    )
  })

  const temporary: string[] = []
  afterAll(() => {
    for (const dir of temporary) fs.rmSync(dir, {recursive: true, force: true})
  })

  it('--check-related is content once the postmortem links the earlier one, by path or by an address ending in its name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'related-'))
    temporary.push(dir)
    for (const name of fs.readdirSync(path.join(ROOT, FOLDER))) fs.copyFileSync(path.join(ROOT, FOLDER, name), path.join(dir, name))
    const later = path.join(dir, '2024-05-02-certificate-again.md')
    fs.appendFileSync(later, '\nSee [the checkout incident](https://wiki.example.com/postmortems/2024-02-20-expired-certificate/).\n')
    const result = await runFacts(['--check-related', '.'], dir)
    expect(result.stdout).toBe('')
    expect(result.code).toBe(0)
    expect((await runFacts(['--check-related', '--format', 'json', '.'], dir)).stderr).toContain('expected none with `--check-related`')
  })

  it('--check-related asks no link between incidents that share only a tag: a topic, not a cause', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'related-'))
    temporary.push(dir)
    fs.copyFileSync(path.join(ROOT, FOLDER, '2024-01-09-search-memory.md'), path.join(dir, 'memory.md'))
    fs.writeFileSync(path.join(dir, 'disk.md'), fs.readFileSync(path.join(ROOT, FOLDER, '2024-04-11-disk-full.md'), 'utf8').replace(/^/, '---\ntags: [search]\n---\n\n'))
    const groups = await groupsOf(dir)
    expect(groups.map((group) => [group.kind, group.label, names(group)])).toEqual([['tag', 'search', ['memory.md', 'disk.md']]])
    const result = await runFacts(['--check-related', '.'], dir)
    expect(result.stdout).toBe('')
    expect(result.code).toBe(0)
  })

  it('prints the open action items in Markdown and, with --action-items, as CSV, past due and ownerless first', async () => {
    const markdown = await runFacts(['--as-of', '2024-03-10', FOLDER])
    expect(markdown.stdout).toContain('## Open action items\n\n6 action items, 5 open: 2 past their due date as of 2024-03-10, 2 without owner.')
    const csv = await runFacts(['--format', 'csv', '--action-items', '--as-of', '2024-03-10', FOLDER])
    const [header, ...rows] = parseCsv(csv.stdout)
    expect(header).toEqual(['file', 'line', 'action_item', 'owner', 'due', 'due_date', 'tracking', 'past_due', 'without_owner'])
    expect(rows.map((row) => [path.basename(row[0] ?? ''), row[7], row[8]])).toEqual([
      ['2024-01-09-search-memory.md', 'true', 'false'],
      ['2024-02-20-expired-certificate.md', 'true', 'false'],
      ['2024-03-14-search-again.md', 'false', 'true'],
      ['2024-04-11-disk-full.md', 'false', 'true'],
      ['2024-05-02-certificate-again.md', 'false', 'false']
    ])
    expect((await runFacts(['--format', 'csv', '--causes', '--action-items', FOLDER])).stderr).toContain('invalid options `--causes` and `--action-items`')
  })
})

const corpora = ['corpus', 'corpus2'].filter((folder) => {
  const present = fs.existsSync(path.join(SHARED, folder))
  if (!present) console.warn(`Skipping the recurring causes of ${path.join(SHARED, folder)}: the folder is absent.`)
  return present
})

describe.runIf(corpora.length === 2)('postmortem-facts: recurring causes of the shared corpora', () => {
  it('finds the incidents of corpus with the same cause told in other words, and no group of unlike ones', async () => {
    const groups = await groupsOf(path.join(SHARED, 'corpus'))
    const byLabel = new Map(groups.map((group) => [group.label, names(group)]))
    expect(byLabel.get('memory leak')).toEqual(['026-peinnotfound-session-leak-emoji.md', '025-abuegila-memory-leak-oom.md'])
    expect(byLabel.get('DDoS attack')).toEqual(['027-sarakhaled95-ddos-midnight-wat.md', '002-nanakzy-ddos-sast.md'])
    expect(byLabel.get('expired SSL certificate')).toContain('023-felixayot-haproxy-ssl-eat.md')
    // The same typo in a PHP file's extension, one told as "a typo in the php file name".
    expect(byLabel.get('Incorrect PHP file extension')).toEqual(['008-ayaelsaid-wp-phpp-pdt.md', '003-rennleon-wp-typo.md'])
    // Unlike causes that share words stay apart: a load balancer's misconfiguration is no expired certificate on one.
    expect(groups.some((group) => names(group).includes('018-isaac-nyarko-lb-mixed-timeline.md'))).toBe(false)
    expect(groups.every((group) => group.incidents.length >= 2 && group.incidents.length <= 4)).toBe(true)
    // An incident has one cause.
    const grouped = groups.filter((group) => group.kind === 'cause').flatMap(names)
    expect(new Set(grouped).size).toBe(grouped.length)
  }, 60_000)

  it('finds in corpus2 the two memory leaks, the two testnets\' deposit contracts and the posts filed under the same category', async () => {
    const groups = await groupsOf(path.join(SHARED, 'corpus2'))
    expect(groups.map((group) => [group.kind, group.label, names(group)])).toEqual([
      ['tag', 'cocoapods', ['049-cocoapods-broken-specs-repository.md', '006-cocoapods-spec-repo-rate-limiting.md', '007-cocoapods-trunk-rce.md']],
      // Told without a phrase in common: the label is the compound both write.
      ['cause', 'deposit contract', ['002-ethereum-sepolia-pectra.md', '001-ethereum-holesky-pectra.md']],
      ['cause', 'memory leak', ['040-student-salomon700-game-server-memory-leak.md', '037-student-binyammamo-nginx-gmt.md']]
    ])
  }, 60_000)
})
