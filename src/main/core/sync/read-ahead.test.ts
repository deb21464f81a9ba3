import { describe, expect, it } from 'vitest'
import { readAhead } from './read-ahead'

/** A source that logs when each item is requested and when the consumer sees it. */
function loggedSource(log: string[], items: number, failAt?: number, signal?: AbortSignal) {
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (let i = 0; i < items; i += 1) {
          if (signal?.aborted) throw new Error('stopped')
          log.push(`fetch ${i}`)
          await new Promise((resolve) => setTimeout(resolve, 1))
          if (i === failAt) throw new Error(`page ${i} failed`)
          yield i
        }
      } finally {
        log.push('source closed')
      }
    },
  }
}

describe('readAhead', () => {
  it('requests the next item before the caller handles the current one', async () => {
    const log: string[] = []
    for await (const item of readAhead(loggedSource(log, 3))) log.push(`apply ${item}`)
    expect(log).toEqual([
      'fetch 0',
      'fetch 1',
      'apply 0',
      'fetch 2',
      'apply 1',
      // the source learns it is done while the last item is being handled
      'source closed',
      'apply 2',
    ])
  })

  it('keeps as many items requested as asked for while the caller is busy', async () => {
    const handled = async (depth: number) => {
      const log: string[] = []
      for await (const item of readAhead(loggedSource(log, 4), { depth })) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        log.push(`handled ${item}`)
      }
      return log
    }
    const two = await handled(2)
    // While item 0 is handled, items 1 and 2 are fetched; one ahead stops at item 1.
    expect(two.slice(0, two.indexOf('handled 0'))).toEqual(['fetch 0', 'fetch 1', 'fetch 2'])
    const one = await handled(1)
    expect(one.slice(0, one.indexOf('handled 0'))).toEqual(['fetch 0', 'fetch 1'])
    expect(two.filter((line) => line.startsWith('handled'))).toEqual([
      'handled 0',
      'handled 1',
      'handled 2',
      'handled 3',
    ])
  })

  it('surfaces an error of the next item only after the current one was handled', async () => {
    const log: string[] = []
    const run = async () => {
      for await (const item of readAhead(loggedSource(log, 5, 2))) log.push(`apply ${item}`)
    }
    await expect(run()).rejects.toThrow('page 2 failed')
    expect(log.filter((line) => line.startsWith('apply'))).toEqual(['apply 0', 'apply 1'])
  })

  it('closes the source when the caller stops early, after telling it to stop', async () => {
    const log: string[] = []
    const stop = new AbortController()
    for await (const item of readAhead(loggedSource(log, 5, undefined, stop.signal), {
      depth: 2,
      onStop: () => {
        log.push('stop asked')
        stop.abort()
      },
    })) {
      log.push(`apply ${item}`)
      break
    }
    // The item on its way is awaited; the one asked for after it sees the stop and is not fetched.
    expect(log).toEqual(['fetch 0', 'fetch 1', 'apply 0', 'stop asked', 'source closed'])
  })

  it('closes a source that would go on, when the caller stops early', async () => {
    const log: string[] = []
    for await (const item of readAhead(loggedSource(log, 5))) {
      log.push(`apply ${item}`)
      break
    }
    expect(log).toEqual(['fetch 0', 'fetch 1', 'apply 0', 'source closed'])
  })

  it('leaves no unhandled rejection when the caller stops before a failing item', async () => {
    const log: string[] = []
    for await (const item of readAhead(loggedSource(log, 5, 1))) {
      log.push(`apply ${item}`)
      break
    }
    expect(log).toEqual(['fetch 0', 'fetch 1', 'apply 0', 'source closed'])
  })
})
