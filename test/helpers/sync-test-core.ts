import type { LibraryApi } from '@shared/api/library-api'
import { createClient } from '@shared/rpc/create-client'
import { afterEach } from 'vitest'
import { createCore, type Core } from '../../src/main/core/create-core'
import { inProcessTransport } from '../../src/main/transport/in-process-transport'
import { sourceUrlsAt } from './fixture-http-server'
import { TEST_NOW } from './test-core'

/** A real core whose every remote endpoint is `serverUrl` (plus an optional path prefix), with fast retries. */
export function useSyncTestCore(): (
  dataDir: string,
  serverUrl: string,
  options?: { prefix?: string; now?: () => Date; arxivDelayMs?: number },
) => { core: Core; api: LibraryApi } {
  const open: Core[] = []
  afterEach(() => {
    for (const core of open.splice(0)) core.close()
  })
  return (dataDir, serverUrl, options = {}) => {
    const base = `${serverUrl}${options.prefix ?? ''}`
    const core = createCore({
      dataDir,
      now: options.now ?? (() => TEST_NOW),
      baseUrls: {
        ...sourceUrlsAt(base),
        crossref: `${base}/crossref`,
        datacite: `${base}/datacite`,
      },
      sync: {
        arxivDelayMs: options.arxivDelayMs ?? 0,
        backoffBaseMs: 1,
        retries: 2,
        timeoutMs: 1000,
        maxBytes: 4 * 1024 * 1024,
      },
    })
    open.push(core)
    return { core, api: createClient(inProcessTransport(core)) }
  }
}
