import {describe, expect, it} from 'vitest'
import {type BlameOptions, DEFAULT_BLAME_PHRASES, findBlame} from '../../src/model/blame.js'
import {read} from './support.js'

const DEFAULTS: BlameOptions = {phrases: DEFAULT_BLAME_PHRASES, people: [], allow: []}

function blames(markdown: string, options: Partial<BlameOptions> = {}): string[] {
  const {tree, source} = read(markdown)
  return findBlame(tree, source, {...DEFAULTS, ...options}).map((blame) => `${blame.kind}: ${blame.span.text}`)
}

describe('findBlame', () => {
  it('finds a person joined to a failure', () => {
    expect(blames('An intern mistakenly ran the job.')).toEqual(['person: An intern mistakenly ran'])
    expect(blames('The on-call engineer accidentally deleted the volume.')).toEqual(['person: The on-call engineer accidentally deleted'])
    expect(blames('A programmer made a typo in the import.')).toEqual(['person: A programmer made a typo'])
    expect(blames('The engineer did not notice the error.')).toEqual(['person: The engineer did not notice'])
    expect(blames("The developer didn't test it.")).toEqual(["person: The developer didn't test"])
    expect(blames('Someone forgot the flag.')).toEqual(['person: Someone forgot'])
    expect(blames('He failed to page anyone.')).toEqual(['person: He failed to page'])
  })

  it('finds a causing action done "by" a person in a sentence about a cause', () => {
    expect(blames('The root cause was the execution of a command by an intern.')).toEqual(['person: by an intern'])
    expect(blames('The outage was due to improper configuration of the files by an engineer.')).toEqual(['person: by an engineer'])
  })

  it('leaves people who act without a failure alone', () => {
    expect(blames('Engineers noticed the spike.')).toEqual([])
    expect(blames('The incident was escalated to the network team.')).toEqual([])
    expect(blames('The engineer attempted to fix the rule, but it did not resolve the issue.')).toEqual([])
    expect(blames('The incorrect configuration was corrected by the on-call engineer.')).toEqual([])
    expect(blames('The fix was deployed by an engineer.')).toEqual([])
    expect(blames('The firewall rule was mistakenly set to block all traffic.')).toEqual([])
    expect(blames('The gem was at fault. Users failed to log in. Nobody is to blame.')).toEqual([])
  })

  it('finds how a person acted, a passive fault, a judged person and a person singled out', () => {
    expect(blames('@mira approved it without being thorough.')).toEqual(['person: @mira approved it without being thorough'])
    expect(blames('The engineer merged it without testing.')).toEqual(['person: The engineer merged it without testing'])
    expect(blames('The alerts were ignored by the platform team.')).toEqual(['person: ignored by the platform team'])
    expect(blames('Inexperienced management rushed it.')).toEqual(['person: Inexperienced management'])
    expect(blames('Sam Lee was identified as the developer who ran it.')).toEqual(['person: Sam Lee was identified as the developer'])
    expect(blames('A visitor accidentally unplugged it.')).toEqual(['person: A visitor accidentally unplugged'])
    expect(blames('The developer should have tested it.')).toEqual(['person: The developer should have tested'])
    // A duty after the role, and a manner only a person acts in, said of a name no one introduced.
    expect(blames('The SRE on call ignored the page.')).toEqual(['person: The SRE on call ignored'])
    expect(blames('Maria blindly approved the pull request.')).toEqual(['person: Maria blindly approved'])
    expect(blames('Jenkins mistakenly deleted the artifacts. Maria quickly approved it. The engineer on call acknowledged the page.')).toEqual([])
    expect(blames("The responder didn't notice the second alert.")).toEqual(["person: The responder didn't notice"])
    expect(blames('The team lead approved the change without reviewing the diff.')).toEqual(['person: The team lead approved the change without reviewing'])
    expect(blames('The lead engineer paged the DBA. That lead turned out to be a dead end.')).toEqual([])
  })

  it('finds a fault later in the clause of what a person did, past an apposition or a relative clause', () => {
    expect(blames('Our DBA dropped the wrong table.')).toEqual(['person: Our DBA dropped the wrong'])
    expect(blames('Someone deleted the DNS record by mistake.')).toEqual(['person: Someone deleted the DNS record by mistake'])
    expect(blames('A new hire pushed directly to main and broke the build.')).toEqual(['person: A new hire pushed directly to main and broke'])
    expect(blames('@kpatel deployed without running the smoke tests.')).toEqual(['person: @kpatel deployed without running the smoke tests'])
    expect(blames('Jordan (the release manager) skipped the canary stage.')).toEqual(['person: Jordan (the release manager) skipped'])
    expect(blames('The developer who wrote the migration forgot to add an index.')).toEqual(['person: The developer who wrote the migration forgot'])
    expect(blames('The engineer who ran the script did not double-check the target.')).toEqual([
      'person: The engineer who ran the script did not double-check'
    ])
  })

  it('leaves finding the wrong thing, running into trouble and a relative clause about another alone', () => {
    expect(blames('The engineer found the wrong config and reverted it. An SRE restarted the pods without running into trouble.')).toEqual([])
    expect(blames('The on-call engineer pushed a hotfix and broke nothing else. The engineer caused no errors.')).toEqual([])
    expect(blames('The engineer who noticed that the job skipped a shard paged the team. Jordan, the release manager, paused the rollout.')).toEqual([])
  })

  it('leaves what only looks like it alone', () => {
    expect(blames('The engineer restarted it without data loss. An engineer noticed it without seeing an alert.')).toEqual([])
    expect(blames('The alert was correctly dismissed by the on-call engineer. It was ignored by the SRE tooling.')).toEqual([])
    expect(blames('Lazy loading and a greedy regex. The child process accidentally exited. Requests from guests failed to load.')).toEqual([])
    expect(blames('Dana was identified as the incident commander. It was the engineer who noticed. It failed to restart.')).toEqual([])
    expect(blames('The engineer should have been paged; the engineer should have received an alert.')).toEqual([])
  })

  it('finds fault and mistakes owned by a person', () => {
    expect(blames('It was the fault of the intern.')).toEqual(['person: fault of the intern'])
    expect(blames('It was the fault of the load balancer.')).toEqual([])
    expect(blames("The intern's error took the site down. His mistake cost an hour.")).toEqual(["person: intern's error", 'person: His mistake'])
    // A mistake is a person's whoever names them; a tool has errors, and a fault may be a company's.
    expect(blames("It was Kim's mistake to deploy on a Friday.")).toEqual(["person: Kim's mistake"])
    expect(blames("Redis's error log filled the disk. It was not Cloudflare's fault.")).toEqual([])
    // Work judged by its maker's character: a person's, named or by role.
    expect(blames("It was caused by Ahmed's sloppy change. The developer's lazy review missed it.")).toEqual([
      "person: Ahmed's sloppy change", "person: developer's lazy review"
    ])
    expect(blames("Our sloppy change process let it through. It was the script's sloppy parsing.")).toEqual([])
  })

  it('finds blaming phrases whoever they are said of', () => {
    expect(blames('Human error, careless edits and negligence; he should have known.')).toEqual([
      'phrase: Human error',
      'phrase: careless',
      'phrase: negligence',
      'phrase: should have known'
    ])
  })

  it('knows a name as a person where it does what only people do', () => {
    expect(blames('PagerDuty paged Dana. Dana should have checked the migration.')).toEqual(['person: Dana should have checked'])
    expect(blames("Tom suggested a rollback. The deploy broke because Tom didn't read the runbook.")).toEqual(["person: Tom didn't read"])
    expect(blames("Datadog said the error rate was 40%. Datadog didn't check the second region. PagerDuty should have escalated.")).toEqual([])
  })

  it('knows names the document introduces as people, and handles', () => {
    const text = 'Dana, our database administrator, ran the migration. Dana forgot the backup. @lee accidentally restarted it. amirh@ made a typo.'
    expect(blames(text)).toEqual(['person: Dana forgot', 'person: @lee accidentally restarted', 'person: amirh@ made a typo'])
    expect(blames('One of our backend developers, Linus, saw it. Linus forgot to pin it.')).toEqual(['person: Linus forgot'])
    // A capitalised word is not a person unless the document says so.
    expect(blames('Terraform accidentally destroyed the database.')).toEqual([])
  })

  it('takes phrases, people and allowed phrases from options', () => {
    expect(blames('A cowboy deploy; Morgan forgot.', {phrases: ['cowboy deploy'], people: ['Morgan']})).toEqual(['phrase: cowboy deploy', 'person: Morgan forgot'])
    expect(blames('The release captain overlooked it.', {people: ['release captain']})).toEqual(['person: The release captain overlooked'])
    expect(blames('We track the human error budget.', {allow: ['human error budget']})).toEqual([])
    expect(blames('Human error again.', {phrases: []})).toEqual([])
    // An empty phrase names nothing (it once matched everywhere and never moved on).
    expect(blames('Human error again.', {phrases: ['', '  ', 'human error']})).toEqual(['phrase: Human error'])
  })

  it('finds blame split by markup, which the raw text is searched through', () => {
    expect(blames('An intern *mistakenly* ran the job.')).toEqual(['person: An intern *mistakenly* ran'])
    expect(blames('It was **human** error.')).toEqual(['phrase: human** error'])
    expect(blames('The [engineer](https://example.com/people) forgot the flag.')).toEqual(['person: The [engineer](https://example.com/people) forgot'])
  })

  it('reads no code', () => {
    expect(blames('`the intern forgot`\n\n```\nhuman error\n```\n')).toEqual([])
  })
})
