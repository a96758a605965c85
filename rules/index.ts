/**
 * Every rule, one line each: a rule file in this folder is exported here as
 * its name in camelCase (test/rule-list.test.ts fails on one left out). The
 * presets and `rules` in src/index.ts are made from this list.
 */
export {default as actionItems} from './action-items.js'
export {default as blamelessLanguage} from './blameless-language.js'
export {default as durationConsistency} from './duration-consistency.js'
export {default as frontmatter} from './frontmatter.js'
export {default as headingStyle} from './heading-style.js'
export {default as impactQuantified} from './impact-quantified.js'
export {default as incidentDate} from './incident-date.js'
export {default as noEmptySections} from './no-empty-sections.js'
export {default as noPlaceholders} from './no-placeholders.js'
export {default as requiredSections} from './required-sections.js'
export {default as sectionOrder} from './section-order.js'
export {default as timeZone} from './time-zone.js'
export {default as timelineOrder} from './timeline-order.js'
export {default as timelineTimestamps} from './timeline-timestamps.js'
