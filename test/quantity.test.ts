import {describe, expect, it} from 'vitest'
import {type ImpactMention, findImpact} from '../src/quantity.js'

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
    ['140% of uploads failed', '140%', 140]
  ])('%s', (text, figure, value) => {
    expect(impactIn(text)).toEqual([{text: figure, kind: 'percentage', value}])
  })

  it.each([
    'a 25% increase in bounce rate',
    'the error rate rose to 40%',
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
    ['1 customer called', '1 customer', 1, 'customer']
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
    'costs of $500 customers paid',
    'at 10:30 users noticed'
  ])('not a count of who was affected: %s', (text) => {
    expect(impactIn(text)).toEqual([])
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
