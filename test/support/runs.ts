/**
 * How many cases a property test tries. `npm test` tries a quarter of the
 * full count, so that the suite stays quick on two cores; each run draws new
 * cases, so CI still covers the full count over a few runs.
 * `PROPERTY_RUNS_SCALE=1 npm test` tries them all at once (and more with a
 * larger scale); `npm run fuzz` is the long run over the readers.
 */
export function propertyRuns(full: number): number {
  const scale = Number(process.env.PROPERTY_RUNS_SCALE ?? '0.25')
  return Math.max(10, Math.round(full * (Number.isFinite(scale) && scale > 0 ? scale : 0.25)))
}
