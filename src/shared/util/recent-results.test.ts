import { describe, expect, it } from 'vitest'
import { rememberRecent } from './recent-results'

describe('util/recent-results', () => {
  it('computes each input once while remembered, null results included, and starts over when full', () => {
    const calls: string[] = []
    const lengthOrNull = rememberRecent(2, (input) => {
      calls.push(input)
      return input === '' ? null : input.length
    })
    expect([lengthOrNull('ab'), lengthOrNull(''), lengthOrNull('ab'), lengthOrNull('')]).toEqual([
      2,
      null,
      2,
      null,
    ])
    expect(calls).toEqual(['ab', ''])
    lengthOrNull('xyz') // full: forgets 'ab' and ''
    lengthOrNull('ab')
    expect(calls).toEqual(['ab', '', 'xyz', 'ab'])
  })
})
