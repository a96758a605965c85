import remarkFrontmatter from 'remark-frontmatter'
import remarkLint from 'remark-lint'
import {guardDocument, restoreGuardedNodes} from './lint/document-guard.js'
import type {PluggableList, Preset} from 'unified'
import actionItems from '../rules/action-items.js'
import blamelessLanguage from '../rules/blameless-language.js'
import durationConsistency from '../rules/duration-consistency.js'
import frontmatter from '../rules/frontmatter.js'
import headingStyle from '../rules/heading-style.js'
import impactQuantified from '../rules/impact-quantified.js'
import incidentDate from '../rules/incident-date.js'
import noEmptySections from '../rules/no-empty-sections.js'
import noPlaceholders from '../rules/no-placeholders.js'
import requiredSections from '../rules/required-sections.js'
import sectionOrder from '../rules/section-order.js'
import timeZone from '../rules/time-zone.js'
import timelineOrder from '../rules/timeline-order.js'
import timelineTimestamps from '../rules/timeline-timestamps.js'
import type {PostmortemRule} from './lint/rule.js'

export {
  actionItems,
  blamelessLanguage,
  durationConsistency,
  frontmatter,
  headingStyle,
  impactQuantified,
  incidentDate,
  noEmptySections,
  noPlaceholders,
  requiredSections,
  sectionOrder,
  timeZone,
  timelineOrder,
  timelineTimestamps
}
export type {PostmortemRule, RuleMeta} from './lint/rule.js'
export type {PostmortemModel} from './model/model.js'
export {getModel, buildModel} from './model/model.js'
export type {SectionKind, SynonymOption} from './model/sections/synonyms.js'
export {extractFacts, factsOfModel} from './model/facts/extract-facts.js'
export type * from './model/facts/extract-facts.js'

/** Every rule, by id (`postmortem-timeline-order`). */
export const rules: Record<string, PostmortemRule> = Object.fromEntries(
  [
    requiredSections,
    noEmptySections,
    timelineOrder,
    timelineTimestamps,
    timeZone,
    durationConsistency,
    impactQuantified,
    sectionOrder,
    headingStyle,
    blamelessLanguage,
    noPlaceholders,
    actionItems,
    incidentDate,
    frontmatter
  ].map((rule) => [rule.meta.id, rule])
)

// Front matter is parsed as YAML, so its `---` lines are not read as a rule
// and a setext heading by the rules.
function presetOf(names: ReadonlyArray<'recommended' | 'strict'>, configured: PluggableList = []): Preset {
  const configuredRules = new Set(configured.map((entry) => (Array.isArray(entry) ? entry[0] : entry)))
  return {
    plugins: [
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
 * document has it; `{required: true}` on postmortem-frontmatter opts in to
 * requiring it.
 */
export const recommended: Preset = presetOf(['recommended'], [[frontmatter, {required: false}]])

/** The recommended rules and the stricter ones: section order, heading style, action items, incident date, front matter. */
export const strict: Preset = presetOf(['recommended', 'strict'])

export default recommended
