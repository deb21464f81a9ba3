import { DEFAULT_EXTENSION_PORT } from '@shared/api/browser-api'
import { startHeadless, type HeadlessOptions } from '../headless'
import { processIo } from './cli-io'
import { runCli, type ServeHook } from './run-cli'

/** `serve`: the browser door until Ctrl+C or SIGTERM. */
const serve: ServeHook = async (dataDir, port, io) => {
  const server = await startOnPort({ dataDir, scheduler: {} }, port)
  io.stdout(
    `Papershelf is serving ${dataDir}. Open this address (it carries the access token):\n${server.url}\n`,
  )
  // Damage found by the background check, and restores, are said where the server was started.
  server.subscribe((event) => {
    if (event.type === 'library.damaged') io.stderr(`papershelf: ${event.payload.message}\n`)
    if (event.type === 'pairing.requested') {
      const { client, code } = event.payload
      io.stderr(
        `papershelf: the ${client} extension asks to pair: type ${code} into it (within 5 minutes).\n`,
      )
    }
    if (event.type === 'library.changed' && event.payload.reason === 'restore') {
      io.stderr('papershelf: the library was restored; every open tab reloads it.\n')
    }
  })
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await server.close()
}

/**
 * Without `--port`, the port the browser extension looks at first when it is free, else any:
 * the extension can also be given the address by hand.
 */
async function startOnPort(options: HeadlessOptions, port: number | undefined) {
  if (port !== undefined) return startHeadless({ ...options, port })
  try {
    return await startHeadless({ ...options, port: DEFAULT_EXTENSION_PORT })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    return startHeadless(options)
  }
}

process.exitCode = await runCli(process.argv.slice(2), processIo(), serve)
