/**
 * What the CLI bundle exports (bundle.ts): postmortem-lint's main and its lint
 * threads, and postmortem-facts' main, which shares nearly all of its code
 * (the parser, the model) and so starts as fast from the same code cache.
 */
export {main} from './index.js'
export {startLintThread} from './lint-thread.js'
export {main as factsMain} from '../postmortem-facts/index.js'
