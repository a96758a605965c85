import * as core from '@actions/core'

export const FAIL_ON = ['error', 'warning', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]

export interface ActionInputs {
  /** Paths, folders or globs, one a line. */
  files: string[]
  /** A configuration file for every document, instead of the one found for each. */
  config?: string
  failOn: FailOn
  /** Where to write a SARIF log. */
  sarif?: string
  /** Whether executable configuration and plugins named by configuration may be loaded. */
  allowJsConfig: boolean
  /** Bytes above which a document is not checked in depth (the preset's `maxSize`). */
  maxSize?: number
  /** The day action items' due dates are compared with, `2024-06-01`; today (UTC) when not given. */
  asOf?: string
  /** The team's template (a Markdown file of the repository, or a built-in name), as `settings.postmortem.template`. */
  template?: string
}

function isFailOn(value: string): value is FailOn {
  return (FAIL_ON as readonly string[]).includes(value)
}

/** Reads and checks the inputs; throws with the input's name when one is wrong. */
export function readInputs(): ActionInputs {
  const files = core.getMultilineInput('files', {required: true})
  const failOn = core.getInput('fail-on') || 'error'
  if (!isFailOn(failOn)) {
    throw new Error(`Input \`fail-on\` must be ${FAIL_ON.join(', ')}, not \`${failOn}\``)
  }
  const config = core.getInput('config')
  const template = core.getInput('template')
  const sarif = core.getInput('sarif')
  const maxSizeInput = core.getInput('max-size')
  const maxSize = Number(maxSizeInput)
  if (maxSizeInput !== '' && !(Number.isFinite(maxSize) && maxSize >= 0)) {
    throw new Error(`Input \`max-size\` must be a number of bytes, 0 or more (such as \`10000000\`), not \`${maxSizeInput}\``)
  }
  const asOf = core.getInput('as-of')
  if (asOf !== '' && !(/^\d{4}-\d{2}-\d{2}$/.test(asOf) && !Number.isNaN(Date.parse(`${asOf}T00:00Z`)) && new Date(`${asOf}T00:00Z`).toISOString().startsWith(asOf))) {
    throw new Error(`Input \`as-of\` must be a day as YYYY-MM-DD (such as \`2024-06-01\`), not \`${asOf}\``)
  }
  return {
    ...(maxSizeInput === '' ? {} : {maxSize}),
    ...(asOf === '' ? {} : {asOf}),
    files,
    ...(config ? {config} : {}),
    ...(template ? {template} : {}),
    failOn,
    ...(sarif ? {sarif} : {}),
    allowJsConfig: core.getInput('allow-js-config') !== '' && core.getBooleanInput('allow-js-config')
  }
}
