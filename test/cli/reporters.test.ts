import {describe, expect, it} from 'vitest'
import type {Point} from 'unist'
import {VFile} from 'vfile'
import recommended from '../../src/index.js'
import {toGithubCommands} from '../../src/clients/shared/reporters/github.js'
import {toSarif} from '../../src/clients/shared/reporters/sarif.js'
import {lint} from '../support/lint.js'
import {validateSarif} from './support/sarif.js'

const DOCUMENT = `# Outage of the billing API

## Summary

The billing API failed for 40% of requests.

## Timeline

- 10:05 Alerts fired, 100% of checkouts failed
- 10:20 Rolled back

## Resolution

The release was rolled back.
`

async function lintedFile(document = DOCUMENT, filePath = 'docs/postmortems/billing api.md'): Promise<VFile> {
  const file = new VFile({path: filePath, cwd: '/repo', value: document})
  file.messages.push(...(await lint(document, [recommended], filePath)))
  return file
}

function fileWith(reason: string, fatal: boolean | undefined, place?: Point): VFile {
  const file = new VFile({path: 'a.md', cwd: '/repo', value: 'text\n'})
  const message = file.message(reason, place)
  message.fatal = fatal
  return file
}

describe('toGithubCommands', () => {
  it('writes one workflow command per message, at its lines and columns, titled with its rule', async () => {
    expect(toGithubCommands([await lintedFile()])).toEqual([
      '::warning file=docs/postmortems/billing api.md,line=9,endLine=9,col=3,endColumn=8,title=postmortem-time-zone::Unexpected clock times without a time zone, expected a zone such as `UTC` (for example `10:05 UTC`)',
      '::warning file=docs/postmortems/billing api.md,line=12,col=1,title=postmortem-required-sections::Unexpected missing root cause section, expected a heading such as `## Root cause`',
      '::warning file=docs/postmortems/billing api.md,line=15,col=1,title=postmortem-required-sections::Unexpected missing action items section, expected a heading such as `## Action items`'
    ])
  })

  it('uses ::error for errors and ::notice for information', () => {
    expect(toGithubCommands([fileWith('Broken', true, {line: 1, column: 1})])).toEqual(['::error file=a.md,line=1,col=1::Broken'])
    expect(toGithubCommands([fileWith('By the way', undefined)])).toEqual(['::notice file=a.md::By the way'])
  })

  it('escapes data and properties as the runner reads them', () => {
    const file = new VFile({path: 'odd, name:1.md', cwd: '/repo'})
    file.message('50% done\nnext line\r', {place: {line: 2, column: 3}, ruleId: 'rule:with,comma'})
    expect(toGithubCommands([file])).toEqual([
      '::warning file=odd%2C name%3A1.md,line=2,col=3,title=rule%3Awith%2Ccomma::50%25 done%0Anext line%0D'
    ])
  })

  it('makes paths relative to a root, and reports only errors when silent', () => {
    const file = fileWith('Broken', true, {line: 1, column: 1})
    file.cwd = '/repo/docs'
    const warning = file.message('Hmm', {line: 2, column: 1})
    warning.fatal = false
    expect(toGithubCommands([file], {root: '/repo', silent: true})).toEqual(['::error file=docs/a.md,line=1,col=1::Broken'])
  })
})

describe('toSarif', () => {
  it('writes a log valid against the SARIF 2.1.0 schema, with rules, levels, regions and fixes', async () => {
    const broken = fileWith('Cannot read', true)
    const info = fileWith('By the way', undefined, {line: 1, column: 1})
    const log = toSarif([await lintedFile(), broken, info], {root: '/repo', toolVersion: '1.2.3', informationUri: 'https://example.com/'})
    expect(validateSarif(log)).toEqual([])

    const [run] = log.runs
    expect(run?.tool.driver).toMatchObject({name: 'postmortem-lint', version: '1.2.3'})
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toEqual(['postmortem-time-zone', 'postmortem-required-sections'])
    expect(run?.originalUriBaseIds).toEqual({ROOT: {uri: 'file:///repo/'}})
    expect(run?.results.map((result) => result.level)).toEqual(['warning', 'warning', 'warning', 'error', 'note'])

    const zone = run?.results[0]
    expect(zone).toMatchObject({
      ruleId: 'postmortem-time-zone',
      ruleIndex: 0,
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: 'docs/postmortems/billing%20api.md', uriBaseId: 'ROOT'},
            region: {startLine: 9, startColumn: 3, endLine: 9, endColumn: 8}
          }
        }
      ]
    })
    const offset = DOCUMENT.indexOf('10:05')
    expect(zone?.fixes?.[0]?.artifactChanges[0]?.replacements).toEqual([
      {deletedRegion: {charOffset: offset, charLength: 5}, insertedContent: {text: '10:05 UTC'}}
    ])
    expect(run?.results[3]).toEqual({
      level: 'error',
      message: {text: 'Cannot read'},
      locations: [{physicalLocation: {artifactLocation: {uri: 'a.md', uriBaseId: 'ROOT'}}}]
    })
  })

  it('writes a valid log for no files and for a document from stdin', () => {
    expect(validateSarif(toSarif([]))).toEqual([])
    const stdin = new VFile({value: '# Hi\n'})
    stdin.message('Unexpected thing, expected another', {line: 1, column: 1})
    const log = toSarif([stdin])
    expect(validateSarif(log)).toEqual([])
    expect(log.runs[0]?.results[0]?.locations).toBeUndefined()
  })

  it('is checked by a validator that rejects what the schema forbids', () => {
    expect(validateSarif({version: '2.1.0', runs: [{tool: {driver: {}}}]})).not.toEqual([])
    expect(validateSarif({...toSarif([]), version: '2.0.0'})).not.toEqual([])
  })
})
