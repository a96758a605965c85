import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import AjvModule, {type ValidateFunction} from 'ajv-draft-04'
import addFormatsModule from 'ajv-formats'

const require = createRequire(import.meta.url)
// Both are CommonJS modules whose `module.exports` is also their `default`.
const Ajv = AjvModule.default
const addFormats = addFormatsModule.default

// The OASIS SARIF 2.1.0 schema (the final rtm.5 draft-04 text), as shipped by
// Microsoft's SARIF SDK package.
const SCHEMA_PATH = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json')

let validator: ValidateFunction | undefined

/** The ways `log` breaks the SARIF 2.1.0 schema; none when it is valid. */
export function validateSarif(log: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>
    // The schema has a pattern (`language`) that is invalid with the `u` flag.
    const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
    addFormats(ajv)
    validator = ajv.compile(schema)
  }
  return validator(log) ? [] : (validator.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`)
}
