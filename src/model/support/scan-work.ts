/**
 * A tally of the characters the readers scan, so that tests tell linear from
 * quadratic growth by counting work instead of timing it (a busy machine skews
 * any clock). One tally for the process, like a profiler's: it is only ever
 * read and reset by tests and benchmarks, holds no document, and costs one
 * addition per scan.
 */
export const work = {scanned: 0}

/** Adds `characters` to the tally of characters scanned. */
export function countScanned(characters: number): void {
  work.scanned += characters
}

/** Resets the tally, and returns what it held. */
export function resetWork(): number {
  const scanned = work.scanned
  work.scanned = 0
  return scanned
}
