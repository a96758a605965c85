/** What the SVG charts of the HTML report share: escaping, coordinates and the log scale's ticks. */

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/** A coordinate to one decimal: enough for the eye, short in the page. */
export function fixed(value: number): string {
  return String(Math.round(value * 10) / 10)
}

// Gridlines of a duration on a log scale: a minute to a year.
export const LOG_TICKS = [1, 5, 15, 60, 240, 720, 1440, 4320, 10_080, 43_200, 129_600, 525_600]

/**
 * The log scale's ends for durations from `least` to `most` minutes: ticks
 * around them, so that an outage of days does not flatten those of minutes.
 * A duration under a minute (detected as it began) stands at the low end.
 */
export function logRange(least: number, most: number): {low: number; high: number} {
  const floor = Math.max(1, least)
  const low = [...LOG_TICKS].reverse().find((tick) => tick <= floor) ?? 1
  const high = LOG_TICKS.find((tick) => tick >= Math.max(floor, most) && tick > low) ?? Math.max(floor, most)
  return {low, high}
}

/** Where a duration falls between `low` and `high` on a log scale, from 0 to 1. */
export function logShare(minutes: number, low: number, high: number): number {
  return (Math.log(Math.max(minutes, low)) - Math.log(low)) / (Math.log(high) - Math.log(low))
}
