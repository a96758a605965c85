/**
 * A memo per object and key: computed once for a tree (or a model) and the
 * options it is read with, and dropped with the object. Never a module-level
 * value that outlives the document.
 */
export function memoPerObject<Owner extends object, Value>(): (owner: Owner, key: string, compute: () => Value) => Value {
  const cache = new WeakMap<Owner, Map<string, Value>>()
  return (owner, key, compute) => {
    let byKey = cache.get(owner)
    if (!byKey) {
      byKey = new Map()
      cache.set(owner, byKey)
    }
    if (byKey.has(key)) return byKey.get(key) as Value
    const value = compute()
    byKey.set(key, value)
    return value
  }
}

/**
 * A memo of what is derived from options alone (a compiled pattern, a section
 * matcher), never from a document: kept from one document to the next, as
 * building it again for each costs more than reading a short document. Few
 * options are ever in use; the memo is emptied should a caller use many.
 */
export function memoPerOptions<Value>(limit = 32): (key: string, compute: () => Value) => Value {
  const cache = new Map<string, Value>()
  return (key, compute) => {
    if (cache.has(key)) return cache.get(key) as Value
    if (cache.size >= limit) cache.clear()
    const value = compute()
    cache.set(key, value)
    return value
  }
}
