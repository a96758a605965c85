import {DEFAULT_VAGUE_VERBS, actionItemsOf, actionText, isVague} from '../src/model/action-items.js'
import {quoted} from '../src/model/text/prose.js'
import {defineRule, uniqueList} from '../src/lint/rule.js'

export interface Options {
  /** Require an owner: `@handle`, `name@` or `Owner: …`. */
  requireOwner?: boolean
  /** Require a tracking reference: `#123`, a ticket key such as `OPS-123`, or a link. */
  requireTracking?: boolean
  /** Require a due date. */
  requireDueDate?: boolean
  /** Words that make a short item vague when it starts with them. */
  vagueVerbs?: string[]
}

const EXAMPLES = {
  owner: 'an owner (`@handle` or `Owner: name`)',
  tracking: 'a tracking reference (`#123`, `OPS-123` or a link)',
  due: 'a due date (such as `due 2024-09-30`)'
} as const

/** Reports action items nobody owns, nobody can track, or that name no concrete action. */
export default defineRule<Options>({
  name: 'action-items',
  description: 'Require every action item to have an owner and a tracking reference, and to name a concrete action',
  preset: 'strict',
  options: {
    requireOwner: {type: 'boolean'},
    requireTracking: {type: 'boolean'},
    requireDueDate: {type: 'boolean'},
    vagueVerbs: uniqueList()
  },
  defaults: {requireOwner: true, requireTracking: true, requireDueDate: false, vagueVerbs: [...DEFAULT_VAGUE_VERBS]},
  messages: {
    vague: 'Unexpected vague action item {item}, expected a concrete action that can be checked as done (such as `Add an alert when disk usage passes 90%`)',
    incomplete: 'Unexpected action item without {missing}, expected {examples}'
  },
  check({model, tree, options, report}) {
    const reading = {vagueVerbs: options.vagueVerbs.map((verb) => verb.toLowerCase())}
    for (const item of actionItemsOf(tree, model, reading)) {
      if (isVague(item, reading)) {
        report({messageId: 'vague', data: {item: quoted(actionText(item).text)}, place: item.line})
      }
      if (item.done) continue
      const missing = [
        options.requireOwner && !item.owner ? 'owner' : undefined,
        options.requireTracking && !item.tracking ? 'tracking' : undefined,
        options.requireDueDate && !item.due ? 'due' : undefined
      ].filter((key): key is keyof typeof EXAMPLES => key !== undefined)
      if (missing.length === 0) continue
      const names = missing.map((key) => (key === 'tracking' ? 'a tracking reference' : key === 'owner' ? 'an owner' : 'a due date'))
      report({messageId: 'incomplete', data: {missing: names.join(' or '), examples: missing.map((key) => EXAMPLES[key]).join(' and ')}, place: item.line})
    }
  }
})
