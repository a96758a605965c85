import {sectionHeadingDepth} from '../src/model/sections/insertion.js'
import {defineRule} from '../src/lint/rule.js'
import {lineStart as lineStartOf} from '../src/model/text/text.js'
import type {Section} from '../src/model/sections/sections.js'

export type Options = Record<string, never>

// Blockquote markers stay; what follows them is replaced.
const QUOTE_PREFIX = /^(?:[ \t]*>)*/
// Up to three spaces may stand before an ATX heading; more make it code or
// paragraph text, so deeper indentation is replaced along with the line.
const HEADING_INDENT = /^ {0,3}(?! )/
const EMPHASIS_OR_SPACE = /[*_\s]/g

/** Reports a section marked by a bold line or a label line instead of a heading. */
export default defineRule<Options>({
  name: 'heading-style',
  description: 'Require recognised sections to be marked by real headings, not bold lines or label lines',
  fixable: true,
  preset: 'strict',
  defaults: {},
  messages: {
    pseudoHeading: 'Unexpected pseudo-heading `{written}`, expected a heading: `{heading}`',
    labelLine: 'Unexpected label line `{written}`, expected a heading: `{heading}`'
  },
  check({model, report}) {
    if (!model.sections.some((section) => section.style === 'pseudo' || section.style === 'label')) return
    const siblingDepth = sectionHeadingDepth(model)
    // The depth each section has or will have; parents come before their parts.
    const depths = new Map<Section, number>()
    for (const section of model.sections) {
      if (section.style !== 'pseudo' && section.style !== 'label') {
        depths.set(section, section.depth)
        continue
      }
      // "**Root cause:**" under "## Root Cause and Resolution" is one level below it; other sections are siblings.
      let whole = section.parent
      while (whole && !section.kinds.every((kind) => whole?.kinds.includes(kind))) whole = whole.parent
      const depth = whole ? Math.min(6, (depths.get(whole) ?? siblingDepth) + 1) : siblingDepth
      depths.set(section, depth)
      // From the start of the line: the marker itself starts after its indentation.
      const lineStart = lineStartOf(model.source, section.marker.start)
      const line = model.source.slice(lineStart, section.marker.start + section.marker.text.length)
      const quote = QUOTE_PREFIX.exec(line)?.[0].length ?? 0
      const from = quote + (HEADING_INDENT.exec(line.slice(quote))?.[0].length ?? 0)
      const to = line.trimEnd().length
      const written = line.slice(from, to)
      // Emoji and numbering before the title stay in the heading.
      const lead = model.source.slice(lineStart + from, section.titleSpan.start).replace(EMPHASIS_OR_SPACE, '')
      const title = section.title.trim()
      const heading = `${'#'.repeat(depth)} ${lead ? `${lead} ` : ''}${title}`
      report({
        messageId: section.style === 'pseudo' ? 'pseudoHeading' : 'labelLine',
        data: {written: written.trim(), heading},
        place: {start: lineStart + from, end: lineStart + to},
        expected: [heading]
      })
    }
  }
})
