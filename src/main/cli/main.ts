import { startHeadless } from '../headless'
import { processIo } from './cli-io'
import { runCli, type ServeHook } from './run-cli'

/** `serve`: the browser door until Ctrl+C or SIGTERM. */
const serve: ServeHook = async (dataDir, port, io) => {
  // Without --port: the port the browser extension looks at first when it is free, else any.
  const server = await startHeadless({ dataDir, scheduler: {}, port: port ?? 'extension' })
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

process.exitCode = await runCli(process.argv.slice(2), processIo(), serve)
