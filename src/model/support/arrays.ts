/**
 * Array helpers that hold for any length. `target.push(...items)` and
 * `Math.max(...values)` pass every item as an argument, and overflow the
 * stack past about 100,000 items (a timeline of 150,000 lines, a glob of as
 * many files): these loop instead.
 */

/** Appends `items` to `target` and returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item)
  return target
}

/** The largest of `values`, or undefined when there are none. */
export function maxOf(values: Iterable<number>): number | undefined {
  let max: number | undefined
  for (const value of values) if (max === undefined || value > max) max = value
  return max
}

/** The smallest of `values`, or undefined when there are none. */
export function minOf(values: Iterable<number>): number | undefined {
  let min: number | undefined
  for (const value of values) if (min === undefined || value < min) min = value
  return min
}
