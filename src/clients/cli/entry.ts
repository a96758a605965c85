/** What the CLI bundle exports (bundle.ts), for the bin and the lint threads (launch.ts). */
export {main} from './index.js'
export {startLintThread} from './lint-thread.js'
