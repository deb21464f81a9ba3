import { getPriority } from 'node:os'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/api/errors'
import type { SleepyRequest } from '../../../../test/helpers/sleepy-worker'
import { createWorkerClient, type WorkerClient } from './worker-client'

const HELPERS = fileURLToPath(new URL('../../../../test/helpers', import.meta.url))

describe('workers/worker-client', () => {
  let client: WorkerClient<SleepyRequest> | null = null
  const open = (heapMb?: number) => {
    client = createWorkerClient<SleepyRequest>({
      name: 'sleepy-worker',
      sourceDir: HELPERS,
      label: 'test thread',
      revive: (failure) => new Error(`revived: ${failure.message}`),
      ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}),
    })
    return client
  }
  afterEach(async () => {
    await client?.close()
    client = null
  })

  it('answers requests and revives failures', async () => {
    const threads = open()
    expect(await threads.request({ ms: 0, value: 'one' }, 30_000, 'a')).toBe('one')
    await expect(threads.request({ ms: 0, fail: 'bad input' }, 30_000, 'b')).rejects.toThrow(
      'revived: bad input',
    )
  })

  it.runIf(process.platform === 'linux')(
    'a background thread lowers its own priority, not the whole process priority',
    async () => {
      const before = getPriority(0)
      const threads = open()
      expect(await threads.request({ ms: 0, background: true }, 30_000, 'nice')).toBe(
        Math.max(before, 10),
      )
      expect(getPriority(0)).toBe(before)
    },
  )

  it('ends a stuck thread at the deadline; requests to the next thread are not failed by its end', async () => {
    const threads = open()
    await threads.request({ ms: 0 }, 30_000, 'warm-up')
    await expect(threads.request({ ms: 3_000 }, 200, 'stuck.bib')).rejects.toThrow(
      'The test thread took longer than 0 s on stuck.bib.',
    )
    // A fresh thread; the old one's exit arrives while this request is still pending.
    expect(await threads.request({ ms: 1_500, value: 'fresh' }, 30_000, 'next.bib')).toBe('fresh')
  })

  it('refuses requests once closed, and fails the pending ones as cancelled', async () => {
    const threads = open()
    const pendingOne = expect(threads.request({ ms: 2_000 }, 30_000, 'slow')).rejects.toMatchObject(
      {
        code: 'cancelled',
      },
    )
    await threads.close()
    await pendingOne
    await expect(threads.request({ ms: 0 }, 30_000, 'late')).rejects.toMatchObject({
      code: 'cancelled',
    })
  })

  it('ends a thread that outgrows its heap cap with a too-large error; the next request gets a fresh one', async () => {
    const threads = open(24)
    const failure = await threads.request({ ms: 0, growMb: 400 }, 60_000, 'huge.bib').then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(AppError)
    expect(failure).toMatchObject({ code: 'too-large' })
    expect((failure as AppError).message).toBe(
      'huge.bib needs more memory than the test thread may use (24 MB); it was stopped and nothing was changed.',
    )
    expect(await threads.request({ ms: 0, value: 'fresh' }, 30_000, 'next.bib')).toBe('fresh')
  })
})
