/**
 * A small schema for rule options: enough to say precisely which option is
 * wrong and what was expected, the way ESLint's option schemas do.
 */
export type Schema =
  | {type: 'number'; minimum?: number; maximum?: number; integer?: boolean}
  | {type: 'boolean'}
  | {type: 'string'; enum?: readonly string[]; minLength?: number}
  | {type: 'array'; items: Schema; minItems?: number; uniqueItems?: boolean}
  | {type: 'object'; properties: Record<string, Schema>}

type ArraySchema = Extract<Schema, {type: 'array'}>

/** An option that lists values, each once: strings (`markers`, `fields`), or values `items` allows (`sections`). */
export function uniqueList({items = {type: 'string'}, minItems}: {items?: Schema; minItems?: number} = {}): ArraySchema {
  return {type: 'array', items, uniqueItems: true, ...(minItems === undefined ? {} : {minItems})}
}

function bounds(schema: {minimum?: number; maximum?: number}): string {
  const limits = [
    schema.minimum === undefined ? '' : `≥ ${schema.minimum}`,
    schema.maximum === undefined ? '' : `≤ ${schema.maximum}`
  ].filter(Boolean)
  return limits.length > 0 ? ` ${limits.join(' and ')}` : ''
}

function listOf(values: readonly string[], quote: (value: string) => string): string {
  return values.map(quote).join(', ')
}

const code = (value: string): string => `\`${value}\``

/** What many values of `schema` are, for "an array of …": `numbers ≥ 0`, `strings among "a", "b"`. */
function describePlural(schema: Schema): string {
  switch (schema.type) {
    case 'number':
      return `${schema.integer ? 'integers' : 'numbers'}${bounds(schema)}`
    case 'boolean':
      return 'booleans'
    case 'string':
      return schema.enum ? `strings among ${listOf(schema.enum, (value) => JSON.stringify(value))}` : 'non-empty strings'
    case 'array':
      return 'arrays'
    case 'object':
      return `objects with any of ${listOf(Object.keys(schema.properties), code)}`
  }
}

export function describeSchema(schema: Schema): string {
  switch (schema.type) {
    case 'number':
      return `${schema.integer ? 'an integer' : 'a number'}${bounds(schema)}`
    case 'boolean':
      return 'true or false'
    case 'string':
      return schema.enum ? `one of ${listOf(schema.enum, (value) => JSON.stringify(value))}` : 'a non-empty string'
    case 'array': {
      const size = schema.minItems === undefined ? '' : ` with at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`
      return `an array of ${describePlural(schema.items)}${size}${schema.uniqueItems ? ', without duplicates' : ''}`
    }
    case 'object': {
      const keys = Object.keys(schema.properties)
      return keys.length > 0 ? `an object with any of ${listOf(keys, code)}` : 'an object with no fields'
    }
  }
}

/** Edit distance, to suggest the name a misspelt one was meant to be. */
export function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/** The known name closest to a misspelt one, when one is at most `within` edits away. */
export function closestName(name: string, known: readonly string[], within = 2): string | undefined {
  const [closest] = known
    .map((candidate) => ({candidate, far: distance(name.toLowerCase(), candidate.toLowerCase())}))
    .filter(({far}) => far <= within)
    .sort((a, b) => a.far - b.far)
  return closest?.candidate
}

function describeUnknown(key: string, known: readonly string[]): string {
  if (known.length === 0) return 'no options'
  if (known.length === 1) return `the only option, ${code(known[0] ?? '')}`
  const closest = closestName(key, known)
  return `one of ${listOf(known, code)}${closest ? ` (did you mean ${code(closest)}?)` : ''}`
}

function show(value: unknown): string {
  // JSON writes NaN and Infinity as null.
  if (value === undefined || typeof value === 'number') return String(value)
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** The first problem with `value`, as `[path, expected, actual]`, or undefined. */
export function findProblem(schema: Schema, value: unknown, path: string): [string, string, string] | undefined {
  const fail = (): [string, string, string] => [path, describeSchema(schema), show(value)]
  switch (schema.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail()
      if (schema.integer && !Number.isInteger(value)) return fail()
      if (schema.minimum !== undefined && value < schema.minimum) return fail()
      if (schema.maximum !== undefined && value > schema.maximum) return fail()
      return undefined
    case 'boolean':
      return typeof value === 'boolean' ? undefined : fail()
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') return fail()
      if (schema.enum && !schema.enum.includes(value)) {
        const closest = closestName(value, schema.enum)
        return closest ? [path, `${describeSchema(schema)} (did you mean ${JSON.stringify(closest)}?)`, show(value)] : fail()
      }
      return undefined
    case 'array': {
      if (!Array.isArray(value)) return fail()
      if (schema.minItems !== undefined && value.length < schema.minItems) return fail()
      if (schema.uniqueItems && new Set(value.map((item) => show(item))).size !== value.length) return fail()
      for (const [index, item] of value.entries()) {
        const problem = findProblem(schema.items, item, `${path}[${index}]`)
        if (problem) return problem
      }
      return undefined
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail()
      for (const [key, item] of Object.entries(value)) {
        const property = schema.properties[key]
        const inner = path ? `${path}.${key}` : key
        if (!property) return [inner, describeUnknown(key, Object.keys(schema.properties)), 'an unknown option']
        if (item === undefined) continue
        const problem = findProblem(property, item, inner)
        if (problem) return problem
      }
      return undefined
    }
  }
}

/**
 * A mistake in someone's configuration, not in this package. Its stack would
 * point only into our own files (bundled, into the folder the package was
 * packed in), and remark-cli and the language server print a cause's stack
 * under "Cannot process file": so it carries none, only its one line.
 */
export class ConfigurationError extends Error {
  /**
   * @param mentions what the configuration file with the mistake has in it
   *   (`rules/time-zone`), to name that file (src/lint/config-file.ts)
   * @param url the page that documents what is expected, shown with `--verbose`
   */
  constructor(message: string, readonly mentions: string, readonly url?: string) {
    super(message)
    this.stack = `Error: ${message}`
  }
}
