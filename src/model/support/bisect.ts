/**
 * Bisection over sorted arrays, shared by the readers that find the part of a
 * document a section or a line falls in: testing every item instead would be
 * quadratic in documents with many sections.
 */

/**
 * The index of the first item for which `reached` holds, where it holds for
 * no item before some index and for every item from it (the items are
 * sorted by what it tests); `items.length` when it holds for none.
 */
export function firstIndexWhere<T>(items: readonly T[], reached: (item: T) => boolean): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    const item = items[middle] as T
    if (reached(item)) high = middle
    else low = middle + 1
  }
  return low
}
