/**
 * The lint thread's entry where the CLI runs unbundled; the bundle has its
 * own next to it (bundle.ts).
 */
import {startLintThread} from './lint-thread.js'

await startLintThread()
