import {describe, expect, it} from 'vitest'
import {DEFAULT_MARKERS, type PlaceholderOptions, findPlaceholders} from '../../src/model/placeholders/placeholders.js'
import {read} from './support.js'

const DEFAULTS: PlaceholderOptions = {markers: DEFAULT_MARKERS, allow: []}

function found(markdown: string, options: Partial<PlaceholderOptions> = {}, frontmatter = false): string[] {
  const {tree, model} = read(markdown, {frontmatter})
  return findPlaceholders(tree, model, {...DEFAULTS, ...options}).map((placeholder) => `${placeholder.kind}: ${placeholder.text}${placeholder.count ? ` ×${placeholder.count}` : ''}`)
}

describe('findPlaceholders', () => {
  it('finds markers, XX and ?? standing alone', () => {
    expect(found('TODO then TBD, FIXME and TBA; XX% of XX:XX and xx ms; [???]')).toEqual([
      'text: TODO', 'text: TBD', 'text: FIXME', 'text: TBA', 'text: XX', 'text: XX:XX', 'text: xx', 'text: ???'
    ])
  })

  it('leaves words that contain them, questions, status classes and code alone', () => {
    expect(found('TODOs, MTBD, XXL, 5xx and 4XX errors. What happened?? `TODO`\n\n```\nFIXME\n```\n')).toEqual([])
  })

  it('finds placeholders whose spaces are markup in the source, which each block is first searched in', () => {
    expect(found('Details: will fill*in here*.')).toEqual(['text: will fill in here'])
    expect(found('The **service name** goes*here*, then [insert*link*].')).toEqual(['text: goes here', 'text: [insert link ]'])
    expect(found('Owner: to be done.', {markers: ['to be done']})).toEqual(['text: to be done'])
  })

  it('takes a marker after a determiner for a noun', () => {
    expect(found('The worker crashed when its TODO list grew; the TBD column was empty. Root cause: TODO')).toEqual(['text: TODO'])
  })

  it('finds TBD written out as all a line or a label says, not in a sentence', () => {
    expect(found('Impact: _to be filled in_\n\nRoot cause: to be determined.\n\nTo be confirmed\n')).toEqual([
      'text: to be filled in', 'text: to be determined', 'text: To be confirmed'
    ])
    expect(found('The cause is yet to be confirmed by the vendor. Owners are to be decided at the review.')).toEqual([])
  })

  it('takes a TODO heading for the title of a list of tasks', () => {
    expect(found('## TODO\n\n- Add an alert\n\n### To-do list\n\n## Root cause: TODO\n')).toEqual(['text: TODO'])
  })

  it('finds prompts in brackets, angle brackets and braces, and formats', () => {
    expect(found('[insert link] [Name] [Manager Name] [Critical/High/Low] <date> <your name> {service} {{owner}} YYYY-MM-DD HH:MM')).toEqual([
      'text: [insert link]', 'text: [Name]', 'text: [Manager Name]', 'text: [Critical/High/Low]', 'text: <date>', 'text: <your name>',
      'text: {service}', 'text: {{owner}}', 'text: YYYY-MM-DD', 'text: HH:MM'
    ])
  })

  it('finds a template slot in brackets by where it stands: all of a value, or after a determiner in a sentence', () => {
    const text = [
      '# [Incident title]',
      '',
      'The [service] was down for [duration].',
      '',
      '**Owner:** [team]',
      '',
      '- [Positive aspects of the response]',
      '',
      '| Action | Owner |',
      '| --- | --- |',
      '| [Preventive action 1] | [owner] |',
      ''
    ].join('\n')
    expect(found(text)).toEqual([
      'text: [Incident title]', 'text: [service]', 'text: [duration]', 'text: [team]', 'text: [Positive aspects of the response]',
      'text: [Preventive action 1]', 'text: [owner]'
    ])
  })

  it('leaves tags, statuses, notes, elisions, an editor\'s words and references without a definition alone', () => {
    const text = [
      'Severity: [SEV-2]',
      '',
      'Status: [Resolved]',
      '',
      'Dashboard: [internal dashboard]',
      '',
      'See the runbook: [Kafka Runbook]',
      '',
      'Errors rose for the [redacted] cluster; the alert said "disk [sic] full". We [the on-call team] confirmed it [\u2026].',
      '',
      '[!NOTE]',
      '',
      '[C#] code in the [WIP] branch; see [JIRA-123] and [the postmortem doc].',
      '',
      'dana [10:22 AM]',
      '',
      '- [Fixed] Pin the config version',
      ''
    ].join('\n')
    expect(found(text)).toEqual([])
    // In front matter a bracket is a YAML list: only a prompt in words is a placeholder there.
    expect(found('---\nauthors: [search team]\nowner: [Your name]\n---\n\n# Outage\n', {}, true)).toEqual(['text: [Your name]'])
  })

  it('leaves links, checkboxes, HTML, sets and shell variables alone', () => {
    expect(found('[the runbook][rb] [x] [ ] [1] <b>bold</b> <br> {a, b} ${HOME}\n\n[rb]: https://x.example\n')).toEqual([])
  })

  it('finds template phrases', () => {
    expect(found('Lorem ipsum. Will fill here. To fill in later. Your name goes here. Put the date here.')).toEqual([
      'text: Lorem ipsum', 'text: Will fill here', 'text: To fill in later', 'text: Your name goes here', 'text: Put the date here'
    ])
  })

  it('finds dates of zeros and prose in angle brackets after an element name', () => {
    expect(found('# 0000-00-00 outage, or 00/00/0000\n\nCall: <Link to the recording> <input disabled>')).toEqual([
      'text: 0000-00-00', 'text: 00/00/0000', 'text: <Link to the recording>'
    ])
  })

  it('leaves names in braces that are code alone: attribute values, subscripts, arguments', () => {
    expect(found('<Card item={post} /> and $E_{i}$ and \\mathrm{P} and fs.read{Sync}')).toEqual([])
  })

  it('takes question marks in one timeline entry\'s time slot for an unknown time', () => {
    expect(found('## Timeline\n\n- [???] Disk fills\n- [10:02] Alert\n- 10:09 Cause ??\n')).toEqual(['text: ??'])
    expect(found('## Timeline\n\n- [??:??] Disk fills\n- [??:??] Alert\n')).toEqual(['text: ??', 'text: ??', 'text: ??', 'text: ??'])
  })

  it('finds instructions of a template left in place of the text', () => {
    expect(found('## Impact\n\nWhat was the impact on users?\n\n## Went well\n\nA bulleted list of things that helped.\n\n## Lessons\n\n- List anything that went well\n- Include a short summary of the fix\n')).toEqual([
      'prompt: What was the impact on users?', 'prompt: A bulleted list of things that helped', 'prompt: List anything that went well',
      'prompt: Include a short summary of the fix'
    ])
  })

  it('leaves questions on other subjects, captions, sentences about lists and action items alone', () => {
    expect(found('## Detection\n\nWhy did no alert fire?\n\nA list of the hosts:\n\n- a\n\nA list of them is kept in the ticket.\n\n- List all hosts in the inventory\n')).toEqual([])
  })

  it('finds placeholder images', () => {
    expect(found('![a](https://via.placeholder.com/10) ![b](https://placehold.co/5) ![c](https://example.com/x.png) ![d](not a url)')).toEqual([
      'image: via.placeholder.com', 'image: placehold.co'
    ])
  })

  it('takes an empty header row for a table without a header, no blank', () => {
    expect(found('| | |\n|---|---|\n| **Date** | 2024-04-09 |\n| **Status** | Complete |\n')).toEqual([])
    expect(found('|  |  |\n|---|---|\n| **Date** | 2024-04-09 |\n|  |  |\n')).toEqual(['empty-rows:  ×1'])
  })

  it('finds runs of empty table rows', () => {
    expect(found('| a | b |\n| - | - |\n| 1 | 2 |\n|   |   |\n|   |   |\n| 3 | 4 |\n|  |  |\n')).toEqual(['empty-rows:  ×2', 'empty-rows:  ×1'])
    expect(found('Not a table:\n\n|   |   |\n')).toEqual([])
  })

  it('finds a timeline whose entries all have one time, from three entries on', () => {
    expect(found('## Timeline\n\n- 12:31 PM a\n- 12:31 PM b\n- 12:31 PM c\n')).toEqual(['same-time: 12:31 ×3'])
    expect(found('## Timeline\n\n- 12:31 PM a\n- 12:31 PM b\n')).toEqual([])
    expect(found('## Timeline\n\n- 12:31 PM a\n- 12:31 PM b\n- 12:32 PM c\n')).toEqual([])
  })

  it('takes markers and allowed placeholders from options', () => {
    expect(found('PENDING and TBD and [Name]', {markers: ['PENDING'], allow: ['[Name]']})).toEqual(['text: PENDING'])
  })

  it('reads front matter as text, with or without remark-frontmatter', () => {
    expect(found('---\ntitle: TBD\n---\n\n# Outage\n')).toEqual(['text: TBD'])
    expect(found('---\ntitle: TBD\n---\n\n# Outage\n', {}, true)).toEqual(['text: TBD'])
  })
})
