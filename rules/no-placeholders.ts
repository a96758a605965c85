import {DEFAULT_MARKERS, type Placeholder, findPlaceholders} from '../src/placeholders.js'
import {quoted} from '../src/prose.js'
import {defineRule} from '../src/rule.js'

export interface Options {
  /** Words that mark unfinished text, matched whole and with their case. */
  markers?: string[]
  /** Placeholder texts never reported, as the message quotes them. */
  allow?: string[]
}

const STRINGS = {type: 'array', items: {type: 'string'}, uniqueItems: true} as const

function reasonOf(placeholder: Placeholder): string {
  switch (placeholder.kind) {
    case 'text':
      return `Unexpected placeholder ${quoted(placeholder.text)}, expected the finished text`
    case 'prompt':
      return `Unexpected template prompt ${quoted(placeholder.text)}, expected the answer in its place`
    case 'image':
      return `Unexpected placeholder image from ${quoted(placeholder.text)}, expected the real image`
    case 'empty-rows':
      return placeholder.count === 1
        ? 'Unexpected empty table row, expected it filled in or removed'
        : `Unexpected ${placeholder.count ?? 0} empty table rows, expected them filled in or removed`
    case 'same-time':
      return `Unexpected timeline whose ${placeholder.count ?? 0} entries are all at ${quoted(placeholder.text)}, expected the time of each event`
  }
}

/** Reports text left from a template or not written yet. */
export default defineRule<Options>({
  name: 'no-placeholders',
  description: 'Forbid text left from a template or not written yet: TODO, TBD, `XX`, `[insert …]`, `<date>`, template instructions, template times',
  preset: 'recommended',
  options: {markers: STRINGS, allow: STRINGS},
  defaults: {markers: [...DEFAULT_MARKERS], allow: []},
  check({model, tree, options, report}) {
    for (const placeholder of findPlaceholders(tree, model, options)) report(reasonOf(placeholder), placeholder.span)
  }
})
