import {describe, expect, it} from 'vitest'
import {frontMatterFields, frontMatterProblem, readFrontMatter} from '../../src/model/front-matter.js'
import {read} from './support.js'

function frontMatter(markdown: string, frontmatter = false) {
  const {tree, source} = read(markdown, {frontmatter})
  return readFrontMatter(tree, source)
}

describe('readFrontMatter', () => {
  const document = '---\ntitle: Outage\ndate: 2024-03-05\nauthors: [Ana, Sam]\nstatus:\n---\n\n# Outage\n'

  it('reads the same block with and without remark-frontmatter', () => {
    for (const withPlugin of [false, true]) {
      const found = frontMatter(document, withPlugin)
      expect(found?.block.start).toBe(0)
      expect(found?.yaml.text).toBe('title: Outage\ndate: 2024-03-05\nauthors: [Ana, Sam]\nstatus:')
      expect(found?.closing).toEqual({text: '---', start: document.indexOf('\n---\n') + 1})
    }
  })

  it('gives each field with the places of its key and value', () => {
    const found = frontMatter(document)
    if (!found) throw new Error('no front matter')
    const fields = frontMatterFields(found)
    expect(fields.map((field) => [field.name, field.value?.text, field.data])).toEqual([
      ['title', 'Outage', 'Outage'],
      ['date', '2024-03-05', '2024-03-05'],
      ['authors', '[Ana, Sam]', ['Ana', 'Sam']],
      ['status', undefined, null]
    ])
    const date = fields[1]
    expect(date && document.slice(date.key.start, date.key.start + 4)).toBe('date')
  })

  it('handles CRLF line endings and `...` as the closing line', () => {
    const found = frontMatter('---\r\ntitle: Outage\r\n...\r\n\r\n# Outage\r\n')
    expect(found?.yaml.text).toBe('title: Outage')
    expect(found?.closing.text).toBe('...')
  })

  it('does not take a thematic break that opens a document for front matter', () => {
    expect(frontMatter('---\n\nSome intro.\n\n---\n\n# Outage\n')).toBeUndefined()
    expect(frontMatter('---\ntitle: never closed\n')).toBeUndefined()
    expect(frontMatter('# Outage\n\n---\ntitle: x\n---\n')).toBeUndefined()
  })

  it('reports YAML errors and front matter that is not a mapping', () => {
    const broken = frontMatter('---\ntitle: [unclosed\n---\n')
    expect(broken && frontMatterProblem(broken)?.message).toMatch(/^Flow sequence/)
    const list = frontMatter('---\n- a\n- b\n---\n', true)
    expect(list && frontMatterProblem(list)?.message).toBe('the front matter is not a mapping of fields')
    const fine = frontMatter(document)
    expect(fine && frontMatterProblem(fine)).toBeUndefined()
  })
})
