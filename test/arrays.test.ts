import {describe, expect, it} from 'vitest'
import {appendAll, maxOf, minOf} from '../src/model/support/arrays.js'

describe('array helpers for any length', () => {
  const many = Array.from({length: 300_000}, (_, index) => index)

  it('appends and measures 300,000 items, where spreading them as arguments overflows the stack', () => {
    expect(() => [].push(...(many as never[]))).toThrow(RangeError)
    expect(appendAll([-1], many)).toHaveLength(300_001)
    expect(maxOf(many)).toBe(299_999)
    expect(minOf(many)).toBe(0)
  })

  it('gives undefined for no values', () => {
    expect(maxOf([])).toBeUndefined()
    expect(minOf([])).toBeUndefined()
  })
})
