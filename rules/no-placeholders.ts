import {DEFAULT_MARKERS, type Placeholder, findPlaceholders} from '../src/model/placeholders/placeholders.js'
import {quoted} from '../src/model/text/prose.js'
import {defineRule, uniqueList} from '../src/lint/rule.js'
import {keptTemplateText} from '../src/model/template/template-text.js'
import {overlaps} from '../src/model/text/text.js'

export interface Options {
  /** Words that mark unfinished text, matched whole and with their case. */
  markers?: string[]
  /** Placeholder texts never reported, as the message quotes them. */
  allow?: string[]
  /** The team's template (docs/templates.md): its own text left in a postmortem is a placeholder. */
  template?: string
}

const MESSAGES = {
  text: 'Unexpected placeholder {text}, expected the finished text',
  prompt: 'Unexpected template prompt {text}, expected the answer in its place',
  image: 'Unexpected placeholder image from {text}, expected the real image',
  emptyRow: 'Unexpected empty table row, expected it filled in or removed',
  emptyRows: 'Unexpected {count} empty table rows, expected them filled in or removed',
  sameTime: 'Unexpected timeline whose {count} entries are all at {text}, expected the time of each event',
  templateText: 'Unexpected text left from the template {text}, expected your own words in its place'
} as const

function messageOf(placeholder: Placeholder): {messageId: keyof typeof MESSAGES; data: {text: string; count: number}} {
  const data = {text: quoted(placeholder.text), count: placeholder.count ?? 0}
  switch (placeholder.kind) {
    case 'empty-rows':
      return {messageId: placeholder.count === 1 ? 'emptyRow' : 'emptyRows', data}
    case 'same-time':
      return {messageId: 'sameTime', data}
    default:
      return {messageId: placeholder.kind, data}
  }
}

/** Reports text left from a template or not written yet. */
export default defineRule<Options>({
  name: 'no-placeholders',
  description: 'Forbid text left from a template or not written yet: TODO, TBD, `XX`, `[insert …]`, `<date>`, template instructions, template times',
  preset: 'recommended',
  options: {markers: uniqueList(), allow: uniqueList()},
  defaults: {markers: [...DEFAULT_MARKERS], allow: []},
  readsTemplate: true,
  messages: MESSAGES,
  check({model, tree, options, template, report}) {
    const found = findPlaceholders(tree, model, options)
    for (const placeholder of found) report({...messageOf(placeholder), place: placeholder.span})
    if (!template) return
    // Text the template left is said once, not again where a placeholder of its own is found in it.
    const reported = found.map((placeholder) => placeholder.span)
    for (const {span} of keptTemplateText(tree, model.source, template.texts)) {
      if (reported.some((other) => overlaps(other, span)) || options.allow.includes(span.text.trim())) continue
      report({messageId: 'templateText', data: {text: quoted(span.text)}, place: span})
      reported.push(span)
    }
  }
})
