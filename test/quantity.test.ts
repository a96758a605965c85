import {describe, expect, it} from 'vitest'
import {findTableImpact} from '../src/model/impact/extent.js'
import {type ImpactMention, findImpact} from '../src/model/impact/quantity.js'

function impactIn(text: string): Array<Pick<ImpactMention, 'kind' | 'value' | 'noun'> & {text: string}> {
  return findImpact({text, start: 0}).map((mention) => {
    const read: Pick<ImpactMention, 'kind' | 'value' | 'noun'> & {text: string} = {text: mention.span.text, kind: mention.kind}
    if (mention.value !== undefined) read.value = mention.value
    if (mention.noun !== undefined) read.noun = mention.noun
    return read
  })
}

describe('findImpact: percentages', () => {
  it.each([
    ['30% of users could not log in', '30%', 30],
    ['About 12.5 % of requests failed', '12.5 %', 12.5],
    ['12,5 % of users', '12,5 %', 12.5],
    ['100 percent of traffic was dropped', '100 percent', 100],
    ['75% downtime for the API', '75%', 75],
    ['**`90%`** of uploads failed', '90%', 90],
    ['140% of uploads failed', '140%', 140],
    // A rate of failure is a share of what was tried.
    ['the error rate rose to 40%', '40%', 40],
    ['Error rate peaked at 35 percent.', '35 percent', 35],
    ['a 12% timeout rate on checkout', '12%', 12]
  ])('%s', (text, figure, value) => {
    expect(impactIn(text)).toEqual([{text: figure, kind: 'percentage', value}])
  })

  it.each([
    'a 25% increase in bounce rate',
    'the error rate rose by 40%',
    'latency went up by 300%',
    'CPU at 95% on the database',
    'memory usage of 80%',
    'disk usage hit 100%',
    'a 15% drop in conversion',
    'Retries made 150% of the normal load'
  ])('not a share of who was affected: %s', (text) => {
    expect(impactIn(text)).toEqual([])
  })
})

describe('findImpact: counts', () => {
  it.each([
    ['127 emails were not sent', '127 emails', 127, 'emails'],
    ['50,000 users could not log in', '50,000 users', 50_000, 'users'],
    ['1,200 requests failed', '1,200 requests', 1200, 'requests'],
    ['2k customers saw errors', '2k customers', 2000, 'customers'],
    ['10k requests were dropped', '10k requests', 10_000, 'requests'],
    ['500+ users reported it', '500+ users', 500, 'users'],
    ['8 paying customers complained', '8 paying customers', 8, 'customers'],
    ['12 visitors and', '12 visitors', 12, 'visitors'],
    ['7 tickets were opened', '7 tickets', 7, 'tickets'],
    ['1 customer called', '1 customer', 1, 'customer'],
    ['all 140 staff in the office could not reach internal tools', '140 staff', 140, 'staff'],
    ['roughly 1.8 million notifications were delivered late', '1.8 million notifications', 1_800_000, 'notifications'],
    ['internal users were affected (about 30 engineers)', '30 engineers', 30, 'engineers'],
    ['Two regions (us-east-1 and eu-west-1) served errors', 'Two regions', 2, 'regions']
  ])('%s', (text, figure, value, noun) => {
    expect(impactIn(text)).toEqual([{text: figure, kind: 'count', value, noun}])
  })

  it.each([
    ['hundreds of users were logged out', 'hundreds of users', 'users'],
    ['thousands of requests timed out', 'thousands of requests', 'requests']
  ])('an order of magnitude: %s', (text, figure, noun) => {
    expect(impactIn(text)).toEqual([{text: figure, kind: 'count', noun}])
  })

  it.each([
    ['All users were logged out', 'All users', 'users'],
    ['every customer saw the error page', 'every customer', 'customer']
  ])('everyone: %s', (text, figure, noun) => {
    expect(impactIn(text)).toEqual([{text: figure, kind: 'everyone', value: 100, noun}])
  })

  it.each([
    'the 3 engineers on call',
    'it took 5 minutes',
    'version 2.3 users',
    'issue #123 users mentioned',
    'at 10:30 users noticed'
  ])('not a count of who was affected: %s', (text) => {
    expect(impactIn(text)).toEqual([])
  })
})

describe('findImpact: what a number counts', () => {
  it.each([
    ['127 of our users got the mail twice', '127 of our users', 127, 'users'],
    ['47 missing validators at the peak', '47 missing validators', 47, 'validators'],
    ['60 PRs were stuck in the queue', '60 PRs', 60, 'PRs'],
    ['the agent logged 98 restarts', '98 restarts', 98, 'restarts'],
    ['two offline events on each node', 'two offline events', 2, 'events'],
    ['2 user accounts were locked', '2 user accounts', 2, 'accounts'],
    ['1.5M requests timed out', '1.5M requests', 1_500_000, 'requests'],
    ['one customer wrote in', 'one customer', 1, 'customer'],
    ['around 210k sign-in attempts', '210k sign-in attempts', 210_000, 'attempts'],
    ['4,000 checkout attempts failed', '4,000 checkout attempts', 4000, 'attempts'],
    ['12 login attempts were rejected', '12 login attempts', 12, 'attempts']
  ])('%s', (text, figure, value, noun) => {
    expect(impactIn(text)).toEqual([{text: figure, kind: 'count', value, noun}])
  })

  it.each([
    'the mirror holds ~16K entries',
    'returned 500 server errors',
    '1 character pod names',
    'the 3 engineers on call',
    'down for 3 hours',
    'we retried 4 times before it failed',
    'after 3 failed attempts the job gave up',
    'the job succeeded after 3 attempts',
    'two missed heartbeats paged the on-call engineer',
    'we deployed 2 fixes but the site stayed down'
  ])('no count of what was affected: %s', (text) => {
    expect(impactIn(text)).toEqual([])
  })

  it('counts only who is usually affected, or what a word says failed, outside the impact', () => {
    expect(findImpact({text: '60 PRs were stuck', start: 0}, 'anywhere')).toEqual([])
    expect(findImpact({text: '47 missing validators', start: 0}, 'anywhere')).toHaveLength(1)
    expect(findImpact({text: '10,000 messages were lost', start: 0}, 'anywhere')).toHaveLength(1)
    expect(findImpact({text: '300 customers cannot pay', start: 0}, 'anywhere')).toHaveLength(1)
    expect(findImpact({text: '4 pods are restarted', start: 0}, 'anywhere')).toEqual([])
    expect(findImpact({text: '4 pods are down', start: 0}, 'anywhere')).toHaveLength(1)
    // A separator inside the figure ends no clause: the harm before it still holds.
    expect(findImpact({text: 'delayed on Tuesday, affecting 1,300 integrations', start: 0}, 'document').map((mention) => mention.span.text)).toEqual(['1,300 integrations'])
    expect(findImpact({text: 'a prefetch of 250 messages per consumer', start: 0}, 'anywhere')).toEqual([])
    expect(findImpact({text: 'the plan allows up to 500 users', start: 0}, 'anywhere')).toEqual([])
  })

  it('reads a share outside the impact only when the clause says who was harmed', () => {
    expect(findImpact({text: 'affecting 100% of our users', start: 0}, 'anywhere')).toHaveLength(1)
    expect(findImpact({text: 'the rule sent 60% of traffic to one origin', start: 0}, 'anywhere')).toEqual([])
  })
})

describe('findImpact: shares in words', () => {
  it.each([
    ['half of our users were logged out', 'half of our users', 50, 'users'],
    ['three quarters of requests failed', 'three quarters of requests', 75, 'requests'],
    // In the impact section, of anything: nobody lists every noun.
    ['about a third of checkout attempts failed', 'a third of checkout', 33.3, 'checkout'],
    ['a tenth of the exports were empty', 'a tenth of the exports', 10, 'exports']
  ])('%s', (text, figure, value, noun) => {
    expect(impactIn(text)).toEqual([{text: figure, kind: 'percentage', value, noun}])
  })

  it('reads a share written as a fraction in the impact section, never a date', () => {
    expect(impactIn('Degraded performance for 1/3 of traffic')).toEqual([{text: '1/3', kind: 'percentage', value: 33.3}])
    expect(impactIn('On 1/3/2025 of all days the job failed')).toEqual([])
  })

  it('reads a share written as a ratio, and counts not its whole', () => {
    expect(impactIn('Uploads slowed for 1 in 5 customers')).toEqual([{text: '1 in 5 customers', kind: 'percentage', value: 20, noun: 'customers'}])
    expect(impactIn('one in ten requests failed')).toEqual([{text: 'one in ten requests', kind: 'percentage', value: 10, noun: 'requests'}])
    expect(impactIn('about 1 in 1,000 mobile users saw errors')).toEqual([{text: '1 in 1,000 mobile users', kind: 'percentage', value: 0.1, noun: 'users'}])
    expect(impactIn('3 out of 4 regions were down')).toEqual([{text: '3 out of 4 regions', kind: 'percentage', value: 75, noun: 'regions'}])
    // Outside the impact only where the clause says they were harmed, and never as a count of the whole.
    expect(findImpact({text: 'Uploads slowed for 1 in 5 customers', start: 0}, 'anywhere')).toEqual([])
    expect(findImpact({text: 'one in ten requests failed', start: 0}, 'anywhere')).toHaveLength(1)
    expect(impactIn('2 in 3 times it worked')).toEqual([])
    // "of" too, and in the impact a ratio in brackets after what it counts.
    expect(impactIn('12 of 40 tenants saw errors')).toEqual([{text: '12 of 40 tenants', kind: 'percentage', value: 30, noun: 'tenants'}])
    expect(impactIn('degraded search for enterprise tenants (12 of 40)')).toEqual([{text: '(12 of 40)', kind: 'percentage', value: 30}])
    expect(impactIn('2 of our engineers were paged; 10 of 12 checks passed; step 3 of 5 failed')).toEqual([])
  })

  it('reads a figure that is all the value of a label naming who was affected', () => {
    expect(impactIn('**Affected users:** 1,204')).toEqual([{text: '1,204', kind: 'count', value: 1204, noun: 'users'}])
    expect(impactIn('Customers impacted: ~300 (EU only)')).toEqual([{text: '300', kind: 'count', value: 300, noun: 'Customers'}])
    expect(impactIn('Affected users: 12 hours. Impact: 300')).toEqual([])
  })

  it('reads a share of anything in words only in the impact section', () => {
    expect(findImpact({text: 'a third of checkout attempts failed', start: 0}, 'anywhere')).toEqual([])
  })

  it('the majority of miners is no share', () => {
    expect(impactIn('the majority of miners kept going')).toEqual([])
  })
})

describe('findImpact: sums, everyone and no one', () => {
  it.each([
    ['the exploit drained ~$34 million', '$34 million', 34],
    ['costs of $500 customers paid', '$500', 500]
  ])('a sum: %s', (text, figure, value) => {
    expect(impactIn(text)).toEqual([{text: figure, kind: 'count', value, noun: '$'}])
  })

  it('a price is no sum lost', () => {
    expect(impactIn('the droplet costs $6/month')).toEqual([])
  })

  it.each([
    ['every build agent stopped', 'every build', 'build'],
    ['the loss of all database clusters', 'all database clusters', 'clusters'],
    ['All of our hosted search instances went offline', 'All of our hosted search instances', 'instances']
  ])('everyone: %s', (text, figure, noun) => {
    expect(impactIn(text)).toEqual([{text: figure, kind: 'everyone', value: 100, noun}])
  })

  it.each([
    'Everyone visiting the shop saw a blank page',
    'everybody was logged out',
    'the shop was completely down',
    'a total outage of the shop',
    'checkout was unavailable for everyone',
    'the entire EU region was unavailable'
  ])('everyone: %s', (text) => {
    expect(impactIn(text).map((mention) => mention.kind)).toEqual(['everyone'])
  })

  it.each([
    'a list of everyone involved',
    'all hope was lost',
    'it happened every day',
    'all times are UTC',
    'all changes were reverted',
    'credits for all paid plans',
    'the entire deploy took 10 minutes'
  ])('not everyone: %s', (text) => {
    expect(impactIn(text).filter((mention) => mention.kind === 'everyone')).toEqual([])
  })

  it.each([
    ['no customer data loss', 'no customer data loss'],
    ['No personal data was exposed', 'No personal data was exposed'],
    ['open sessions were not affected', 'were not affected'],
    ['the network never lost finality', 'never lost'],
    ['none was accessed', 'none was accessed']
  ])('no one: %s', (text, figure) => {
    expect(impactIn(text)).toEqual([{text: figure, kind: 'count', value: 0}])
  })

  it('a state in the present is no statement of the impact', () => {
    expect(impactIn('the fix does not affect your local install')).toEqual([])
  })

  it('an example is no figure of this incident', () => {
    expect(impactIn('Say how many were hit, e.g. "3% of users saw errors"')).toEqual([])
  })
})

/** The rows of a table as the lines of a document, each placed after the one before. */
function tableLines(rows: readonly string[]): Array<{text: string; start: number}> {
  let start = 0
  return rows.map((text) => {
    const line = {text, start}
    start += text.length + 1
    return line
  })
}

describe('findTableImpact', () => {
  it('reads a cell with its column', () => {
    const lines = tableLines(['| Accounts Affected | Tickets Raised | Data Loss | Duration |', '|---|---|---|---|', '| All | 4 | None | 2h |'])
    expect(findTableImpact(lines).map((mention) => [mention.span.text, mention.kind, mention.value])).toEqual([
      ['All', 'everyone', 100],
      ['4', 'count', 4],
      ['None', 'count', 0]
    ])
  })

  it('reads a row of a name and its value, figures written as people write them', () => {
    const lines = tableLines(['| Metric | Value |', '|---|---|', '| Users affected | ~4,000 |', '| Orders lost | about 1.2k |', '| Duration | 1h 20m |', '| Revenue impact | none |'])
    expect(findTableImpact(lines).map((mention) => [mention.span.text, mention.kind, mention.value])).toEqual([
      ['~4,000', 'count', 4000],
      ['about 1.2k', 'count', 1200]
    ])
  })
})

describe('findImpact: places', () => {
  it('places figures in the document, in order', () => {
    expect(findImpact({text: '120 orders and 4% of users', start: 50}).map((mention) => mention.span)).toEqual([
      {text: '120 orders', start: 50},
      {text: '4%', start: 65}
    ])
  })
})

describe('findImpact: a long paragraph of figures', () => {
  // Percentages and counts side by side, some overlapping ("40 percent users" reads as a count too):
  // a count inside a percentage's span is dropped, whichever copy it is in.
  const sentence = 'About 40 percent users saw errors, 1,200 requests failed and 12 users of 50% retried. '
  it('finds in each copy of a sentence what it finds in the sentence alone', () => {
    const one = findImpact({text: sentence, start: 0})
    expect(one.length).toBeGreaterThan(1)
    const copies = 2000
    const many = findImpact({text: sentence.repeat(copies), start: 0})
    expect(many).toHaveLength(one.length * copies)
    for (const [index, mention] of many.entries()) {
      const alone = one[index % one.length] as ImpactMention
      expect(mention.span.start - Math.floor(index / one.length) * sentence.length).toBe(alone.span.start)
      expect(mention.span.text).toBe(alone.span.text)
    }
  })
})
