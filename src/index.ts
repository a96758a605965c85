import remarkFrontmatter from 'remark-frontmatter'
import remarkLint from 'remark-lint'
import {guardDocument, restoreGuardedNodes} from './lint/document-guard.js'
import {longDocumentsInParts} from './parse/parse-in-parts.js'
import type {PluggableList, Preset} from 'unified'
import * as ruleList from './rules.js'
import type {PostmortemRule} from './lint/rule.js'

export * from './rules.js'
export type {PostmortemRule, RuleMeta} from './lint/rule.js'
export type {PostmortemModel} from './model/model.js'
export {getModel, buildModel} from './model/model.js'
export type {SectionKind, SynonymOption} from './model/sections/synonyms.js'
export {extractFacts, factsOfModel} from './model/facts/extract-facts.js'
export type * from './model/facts/extract-facts.js'

/** Every rule, by id (`postmortem-timeline-order`), in the order of their names. */
export const rules: Record<string, PostmortemRule> = Object.fromEntries(
  Object.values<PostmortemRule>(ruleList).map((rule) => [rule.meta.id, rule])
)

// Front matter is parsed as YAML, so its `---` lines are not read as a rule
// and a setext heading by the rules. A long document is parsed in parts, in
// linear time and bounded memory, with the tree of a whole parse
// (src/parse/parse-in-parts.ts), also by `remark` with the preset.
function presetOf(names: ReadonlyArray<'recommended' | 'strict'>, configured: PluggableList = []): Preset {
  const configuredRules = new Set(configured.map((entry) => (Array.isArray(entry) ? entry[0] : entry)))
  return {
    plugins: [
      longDocumentsInParts,
      [remarkFrontmatter, ['yaml']],
      guardDocument,
      remarkLint,
      ...Object.values(rules).filter((rule) => names.includes(rule.meta.preset) && !configuredRules.has(rule)),
      ...configured,
      restoreGuardedNodes
    ]
  }
}

/**
 * The rules every postmortem should pass. Front matter is checked when a
 * document has it, for the values it gives (a date that is no date, authors
 * that are no names), not for fields a blog's or a wiki's front matter has no
 * use for, nor against one scale of statuses and severities (a team's own,
 * `S2` or `published`, is as good); `{required: true}` on
 * postmortem-frontmatter opts in to requiring it and its fields, and the
 * strict preset to the default scales.
 */
export const recommended: Preset = presetOf(['recommended'], [[ruleList.frontmatter, {required: false, fields: [], statuses: [], severities: []}]])

/** The recommended rules and the stricter ones: section order, heading style, action items, incident date, front matter. */
export const strict: Preset = presetOf(['recommended', 'strict'])

export default recommended
