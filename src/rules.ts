/**
 * Every rule, one line each: a rule file in rules/ is exported here as
 * its name in camelCase (test/rule-list.test.ts fails on one left out). The
 * presets and `rules` in src/index.ts are made from this list.
 */
export {default as actionItems} from '../rules/action-items.js'
export {default as blamelessLanguage} from '../rules/blameless-language.js'
export {default as durationConsistency} from '../rules/duration-consistency.js'
export {default as frontmatter} from '../rules/frontmatter.js'
export {default as headingStyle} from '../rules/heading-style.js'
export {default as impactQuantified} from '../rules/impact-quantified.js'
export {default as incidentDate} from '../rules/incident-date.js'
export {default as noEmptySections} from '../rules/no-empty-sections.js'
export {default as noPlaceholders} from '../rules/no-placeholders.js'
export {default as requiredSections} from '../rules/required-sections.js'
export {default as sectionOrder} from '../rules/section-order.js'
export {default as timeZone} from '../rules/time-zone.js'
export {default as timelineOrder} from '../rules/timeline-order.js'
export {default as timelineTimestamps} from '../rules/timeline-timestamps.js'
