import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { LibraryApi } from '@shared/api/library-api'
import { TOKEN_PARAM } from '@shared/rpc/protocol'
import { createClient } from '@shared/rpc/create-client'
import { startHeadless, type HeadlessOptions } from '../../src/main/headless'
import { createNodeHttpTransport } from './node-http-client'

/** The renderer build the end-to-end tests serve. */
export const BUILT_RENDERER = fileURLToPath(new URL('../../out/renderer', import.meta.url))

/** A headless library server for a test, with an API client talking to it over HTTP. */
export type TestServer = {
  /** The address `papershelf serve` would print, token included. */
  url: string
  origin: string
  /** The library over the same loopback door the page uses. */
  api: LibraryApi
  close(): Promise<void>
}

/**
 * Starts `startHeadless` on `dataDir` with the built renderer; fails clearly without a build. Its
 * remotes are local stand-ins, so arXiv's 3 s spacing between requests is off unless `sync` asks
 * for it (the spacing itself is tested in `net/http-client.test.ts` and `cli-one-shot.e2e.ts`).
 */
export async function startTestServer(
  dataDir: string,
  options: Pick<HeadlessOptions, 'baseUrls' | 'scheduler' | 'rendererDir' | 'port' | 'sync'> = {},
): Promise<TestServer> {
  const rendererDir = options.rendererDir ?? BUILT_RENDERER
  if (!existsSync(`${rendererDir}/index.html`)) {
    throw new Error(`No renderer build in ${rendererDir}: run \`npm run build\` first.`)
  }
  const sync = options.sync ?? { arxivDelayMs: 0 }
  const server = await startHeadless({ ...options, dataDir, rendererDir, sync })
  const url = new URL(server.url)
  const token = url.searchParams.get(TOKEN_PARAM)
  if (!token) throw new Error(`The server url has no token: ${server.url}`)
  return {
    url: server.url,
    origin: url.origin,
    api: createClient(createNodeHttpTransport(url.origin, token)),
    close: () => server.close(),
  }
}
