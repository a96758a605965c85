import {DEFAULT_BLAME_PHRASES, findBlame} from '../src/model/blame.js'
import {defineRule} from '../src/lint/rule.js'
import {quoted} from '../src/model/text/prose.js'

export interface Options {
  /** Phrases that blame whoever they are said of. */
  phrases?: string[]
  /** Names and words that stand for people, besides the built-in roles and the names the document introduces. */
  people?: string[]
  /** Phrases never reported, though they contain a blaming one. */
  allow?: string[]
}

const STRINGS = {type: 'array', items: {type: 'string'}, uniqueItems: true} as const

/** Reports a person presented as the cause of a failure, and words that judge people. */
export default defineRule<Options>({
  name: 'blameless-language',
  description: 'Forbid blaming people: describe the system condition that allowed the failure instead',
  preset: 'recommended',
  options: {phrases: STRINGS, people: STRINGS, allow: STRINGS},
  defaults: {phrases: [...DEFAULT_BLAME_PHRASES], people: [], allow: []},
  messages: {
    blamingPhrase: 'Unexpected blaming phrase {text}, expected the system condition that allowed the failure (a missing check, safeguard or signal)',
    blamedPerson: 'Unexpected blame of a person in {text}, expected the system condition that allowed the failure (a missing check, safeguard or signal)'
  },
  check({model, tree, options, report}) {
    for (const blame of findBlame(tree, model.source, options)) {
      report({messageId: blame.kind === 'phrase' ? 'blamingPhrase' : 'blamedPerson', data: {text: quoted(blame.span.text)}, place: blame.span})
    }
  }
})
