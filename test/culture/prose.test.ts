import {describe, expect, it} from 'vitest'
import {isHandle, proseOf, quoted, sentencesOf} from '../../src/model/text/prose.js'
import {cellsOf, isDelimiterRow, isEmptyRow} from '../../src/model/text/tables.js'
import {read} from './support.js'

describe('proseOf', () => {
  it('keeps the words of paragraphs, headings and items and blanks code, HTML, link targets and markup', () => {
    const {tree, source} = read('# Title\n\nSee **the [runbook](https://x.example/a)** and `TODO` <b>bold</b>.\n\n```\nTODO\n```\n')
    const blocks = proseOf(tree, source)
    expect(blocks.map((block) => block.text.text.split(/\s+/).filter(Boolean))).toEqual([['Title'], ['See', 'the', 'runbook', 'and', 'bold', '.']])
    // Blanking keeps every offset: each word stands where it stands in the source.
    for (const block of blocks) {
      expect(block.text.text).toHaveLength(block.raw.text.length)
      for (const match of block.text.text.matchAll(/\S+/g)) expect(source.startsWith(match[0], block.text.start + match.index)).toBe(true)
    }
  })

  it('reads an indented code block as prose and blanks bare URLs', () => {
    const {tree, source} = read('    indented line at https://x.example/path\n')
    expect(proseOf(tree, source).map((block) => block.text.text.trim())).toEqual(['indented line at'])
  })

  it('gives the same blocks for the same tree', () => {
    const {tree, source} = read('Some text.\n')
    expect(proseOf(tree, source)).toBe(proseOf(tree, source))
  })
})

describe('sentencesOf', () => {
  it('splits at full stops and semicolons, not at wrapped lines, and marks clause breaks', () => {
    const sentences = sentencesOf({text: 'An intern ran it.\nThe job, then\nfailed; done', start: 10})
    expect(sentences.map((words) => words.map((word) => word.text).join(' '))).toEqual(['An intern ran it', 'The job then failed', 'done'])
    const job = sentences[1] ?? []
    expect(job.map((word) => word.afterBreak)).toEqual([false, false, true, false])
    expect(sentences[0]?.[1]).toMatchObject({text: 'intern', lower: 'intern', start: 13, end: 19})
  })

  it('gives words spelt alike one lowercase form, and each word its own text', () => {
    const [words = []] = sentencesOf({text: 'Deploy deploy DEPLOY', start: 0})
    expect(words.map((word) => word.text)).toEqual(['Deploy', 'deploy', 'DEPLOY'])
    expect(words.map((word) => word.lower)).toEqual(['deploy', 'deploy', 'deploy'])
    expect(words[0]?.lower).toBe(words[2]?.lower)
  })

  it('cuts text with no sentence end into sentences of at most 1000 words', () => {
    const sentences = sentencesOf({text: 'word '.repeat(2500), start: 0})
    expect(sentences.map((words) => words.length)).toEqual([1000, 1000, 500])
    expect(sentences[1]?.[0]?.afterBreak).toBe(false)
  })

  it('reads the sentences of a long block one by one, as sentencesOf reads them, without keeping them', () => {
    const paragraph = 'At 10:05 the engineer restarted the queue, and the rate fell. '.repeat(2000)
    const {tree, source} = read(`# Title\n\n${paragraph}\n\nShort one.\n`)
    const [, long, short] = proseOf(tree, source)
    expect(long?.raw.text.length).toBeGreaterThan(64 * 1024)
    expect([...(long?.eachSentence() ?? [])]).toEqual(sentencesOf(long?.text ?? {text: '', start: 0}))
    expect(long?.eachSentence()).not.toBe(long?.eachSentence())
    // A short block's sentences are read once and kept.
    expect(short?.eachSentence()).toBe(short?.sentences)
  })

  it('keeps handles, versions and apostrophes inside words', () => {
    const [words = []] = sentencesOf({text: "@lee's v1.2 amirh@ don’t", start: 0})
    expect(words.map((word) => word.lower)).toEqual(["@lee's", 'v1.2', 'amirh@', "don't"])
  })
})

describe('isHandle and quoted', () => {
  it('knows handles from e-mail addresses', () => {
    expect(['@lee', '@ana-b', 'amirh@'].every(isHandle)).toBe(true)
    expect(['lee', 'a@b.com', '@'].some(isHandle)).toBe(false)
  })

  it('quotes text without markup, on one line, cut when long', () => {
    expect(quoted('**an intern**\n  ran')).toBe('`an intern ran`')
    expect(quoted('x'.repeat(100))).toBe(`\`${'x'.repeat(59)}…\``)
  })
})

describe('tables', () => {
  it('splits rows into trimmed cells with their places, escaped pipes kept', () => {
    const cells = cellsOf({text: '| a | b \\| c |  |', start: 5})
    expect(cells.map((cell) => cell.text)).toEqual(['a', 'b \\| c', ''])
    expect(cells[0]?.start).toBe(7)
    expect(cellsOf({text: 'a|b', start: 0}).map((cell) => cell.text)).toEqual(['a', 'b'])
  })

  it('knows delimiter rows and empty rows', () => {
    expect(isDelimiterRow({text: '| --- | :-: |', start: 0})).toBe(true)
    expect(isDelimiterRow({text: ':-----:|:-----:', start: 0})).toBe(true)
    expect(isDelimiterRow({text: '| a | - |', start: 0})).toBe(false)
    expect(isEmptyRow({text: '|   |  |', start: 0})).toBe(true)
    expect(isEmptyRow({text: '| a |  |', start: 0})).toBe(false)
    expect(isEmptyRow({text: '   ', start: 0})).toBe(false)
  })
})
