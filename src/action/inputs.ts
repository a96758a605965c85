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
  const sarif = core.getInput('sarif')
  return {
    files,
    ...(config ? {config} : {}),
    failOn,
    ...(sarif ? {sarif} : {}),
    allowJsConfig: core.getInput('allow-js-config') !== '' && core.getBooleanInput('allow-js-config')
  }
}
