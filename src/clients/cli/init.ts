import fs from 'node:fs'
import path from 'node:path'
import {BUILT_IN_TEMPLATES, builtInTemplatePath} from '../../lint/template.js'
import {closestName} from '../../lint/options.js'
import {UsageError} from './args.js'

/**
 * `postmortem-lint --init [name]`: a built-in template written as
 * `postmortem-template.md`, and a `.remarkrc.json` whose preset reads it, in
 * the working directory. Existing files are kept unless `--force` is given.
 */

export const TEMPLATE_FILE = 'postmortem-template.md'
export const CONFIG_FILE = '.remarkrc.json'

const CONFIG = {
  settings: {postmortem: {template: TEMPLATE_FILE}},
  plugins: ['remark-preset-lint-postmortem']
}

export function initTemplate(name: string, cwd: string, force: boolean): string {
  if (!(BUILT_IN_TEMPLATES as readonly string[]).includes(name)) {
    const closest = closestName(name, BUILT_IN_TEMPLATES, 3)
    const names = BUILT_IN_TEMPLATES.map((known) => `\`${known}\``).join(', ')
    throw new UsageError(`Invalid \`--init\`: expected one of ${names}${closest ? ` (did you mean \`${closest}\`?)` : ''}, got \`${name}\``)
  }
  const files = [TEMPLATE_FILE, CONFIG_FILE].map((file) => path.join(cwd, file))
  const existing = files.filter((file) => fs.existsSync(file))
  if (existing.length > 0 && !force) {
    throw new UsageError(`Unexpected existing ${existing.map((file) => `\`${path.basename(file)}\``).join(' and ')}, expected none (use \`--force\` to replace)`)
  }
  fs.writeFileSync(files[0] ?? TEMPLATE_FILE, fs.readFileSync(builtInTemplatePath(name), 'utf8'))
  fs.writeFileSync(files[1] ?? CONFIG_FILE, `${JSON.stringify(CONFIG, null, 2)}\n`)
  return `Wrote ${TEMPLATE_FILE} (the ${name} template) and ${CONFIG_FILE}, which uses it; edit the template to make it your team's`
}
