import {describe, expect, it} from 'vitest'
import {firstIndexWhere} from '../src/model/support/bisect.js'

describe('firstIndexWhere', () => {
  it('finds the first item past a point in a sorted array', () => {
    const starts = [2, 5, 5, 9]
    expect(firstIndexWhere(starts, (start) => start >= 5)).toBe(1)
    expect(firstIndexWhere(starts, (start) => start > 5)).toBe(3)
    expect(firstIndexWhere(starts, (start) => start > 9)).toBe(4)
    expect(firstIndexWhere(starts, (start) => start >= 0)).toBe(0)
    expect(firstIndexWhere([], () => true)).toBe(0)
  })
})
