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

export function describeSchema(schema: Schema): string {
  switch (schema.type) {
    case 'number': {
      const kind = schema.integer ? 'an integer' : 'a number'
      const bounds = [
        schema.minimum === undefined ? '' : `≥ ${schema.minimum}`,
        schema.maximum === undefined ? '' : `≤ ${schema.maximum}`
      ].filter(Boolean)
      return bounds.length > 0 ? `${kind} ${bounds.join(' and ')}` : kind
    }
    case 'boolean':
      return 'true or false'
    case 'string':
      return schema.enum ? `one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}` : 'a non-empty string'
    case 'array':
      return `an array of ${describeSchema(schema.items).replace(/^(a|an|one) /, '')}s${schema.uniqueItems ? ' without duplicates' : ''}`
    case 'object':
      return `an object with ${Object.keys(schema.properties).map((key) => `\`${key}\``).join(', ') || 'no fields'}`
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined'
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
      if (schema.enum && !schema.enum.includes(value)) return fail()
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
        if (!property) return [inner, `no such option (known: ${Object.keys(schema.properties).join(', ') || 'none'})`, show(item)]
        if (item === undefined) continue
        const problem = findProblem(property, item, inner)
        if (problem) return problem
      }
      return undefined
    }
  }
}
