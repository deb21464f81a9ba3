import { createClient } from '@shared/rpc/create-client'
import type { LibraryApi } from '@shared/api/library-api'
import { afterEach } from 'vitest'
import { createCore, type Core, type CoreOptions } from '../../src/main/core/create-core'
import { inProcessTransport } from '../../src/main/transport/in-process-transport'

/** The clock every core test runs at (the day the copied page is dated against). */
export const TEST_NOW = new Date('2026-11-26T12:00:00Z')

/** A real core on a real SQLite file in `dataDir`, closed after the test. */
export function useTestCore(): (
  dataDir: string,
  now?: () => Date,
  options?: Omit<CoreOptions, 'dataDir' | 'now'>,
) => { core: Core; api: LibraryApi } {
  const open: Core[] = []
  afterEach(() => {
    for (const core of open.splice(0)) core.close()
  })
  return (dataDir, now = () => TEST_NOW, options = {}) => {
    const core = createCore({ ...options, dataDir, now })
    open.push(core)
    const api = createClient(inProcessTransport(core))
    return { core, api }
  }
}
