import type {Plugin, Preset, Processor} from 'unified'

type PresetModule = {default: Preset; rules: Record<string, {meta: {name: string}}>}

/**
 * The recommended preset as `npm run build` bundled it (tooling/bundle.ts),
 * whose tree walks leave out what only a debugger reads: remark-lint walks a
 * long document twice on every edit. Where there is no bundle (tests of the
 * sources, an install without esbuild), the modules themselves.
 */
async function loadPackage(): Promise<PresetModule> {
  try {
    return (await import(new URL('../../../bundle/preset.mjs', import.meta.url).href)) as PresetModule
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error
    return (await import('../../index.js')) as PresetModule
  }
}

const loaded = await loadPackage()
const recommended = loaded.default
/** The names of this package's rules (`timeline-order`), for a did-you-mean on a mistyped rule path. */
export const ruleNames: readonly string[] = Object.values(loaded.rules).map((rule) => rule.meta.name)

// Every rule's plugin is named after its origin, whichever copy of this
// package it comes from (the server's own or a workspace's node_modules).
const RULE_PLUGIN_NAME = /^remark-lint:postmortem-/

function isPostmortemRule(plugin: unknown): boolean {
  return typeof plugin === 'function' && RULE_PLUGIN_NAME.test(plugin.name)
}

/**
 * Adds the recommended preset unless the workspace's configuration already
 * sets up postmortem rules, in which case that configuration is used as
 * written (its severities, options and rules turned off).
 *
 * unified-engine attaches this plugin after the configuration's, so when it
 * runs every configured plugin is in the processor's list of attachers.
 * unified marks that list internal, but it is the one place that tells what
 * the configuration set up: unified-language-server hands no hook between
 * finding the configuration and running it.
 */
export function builtinPreset(this: Processor, _options: unknown, fileSet?: unknown): void {
  const configured = this.attachers.some(([plugin]) => isPostmortemRule(plugin))
  if (configured) return
  // Each plugin gets the engine's file set, as the configuration's plugins
  // do: a rule then reports a mistake in `settings.postmortem` in one line
  // naming the configuration file (src/lint/config-file.ts).
  for (const entry of recommended.plugins ?? []) {
    const [plugin, options] = Array.isArray(entry) ? entry : [entry]
    this.use(plugin as Plugin<unknown[]>, options, fileSet)
  }
}
