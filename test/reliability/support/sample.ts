/**
 * A postmortem that gives every rule something to read: sections in several
 * styles, a timeline with dates, zones and ranges, durations, figures,
 * placeholders, people and blaming words.
 */
export const SAMPLE_POSTMORTEM = `---
title: Search outage
date: 2024-03-05
---

# Search outage on March 5, 2024

**Duration:** 1 hour and 20 minutes (14:05 - 15:25 UTC)

## Summary

Search returned errors for 35% of users and 1,200 requests failed. TODO: add the graph.

## Impact

- **Customers:** about 4,000 customers saw timeouts
- [insert dashboard link]

## Timeline (UTC)

March 5, 2024

| Time | Event |
| --- | --- |
| 14:05 | Error rate alarm fired |
| 14:12 | Dana paged the search on-call |

- 14:20 - rollback started
  - the deploy was reverted by hand
- **14:50** Dana's careless change was found; human error
- 3:25 PM error rate back to normal
- 25:10 impossible entry
- 10 minutes later the cache was warm

### 15:30 follow-up call

## Root Cause

A bad index setting shipped without review. XXX

## Resolution

We rolled back and rebuilt the index.

## Action Items

| Action | Owner | Due |
| --- | --- | --- |
| Add a canary for index settings | @dana | 2024-03-20 |
| TBD | | |
| | | |

- [ ] Alert on rising error rates (owner: TBD)

## Lessons Learned

Nobody should be blamed; Dana should have known better.
`
