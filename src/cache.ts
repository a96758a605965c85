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
