// A stand-in for the desktop app's main process in end-to-end tests (Electron cannot run there):
// it owns the library in argv[2] exactly as src/main/electron/start-app.ts does — the same
// `openOwnerDoor` with `door: 'app'` and no renderer — prints `ready`, and closes on SIGTERM.
import { openOwnerDoor } from '../../src/main/owner/owner-door'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: app-owner-process <library folder>')
const owner = await openOwnerDoor({
  dataDir,
  door: 'app',
  core: { pdf: { resume: true }, upkeep: true },
  scheduler: {},
})
process.once('SIGTERM', () => {
  owner.close(5_000).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`closing the library failed: ${String(error)}\n`)
      process.exit(1)
    },
  )
})
// Only once SIGTERM is handled: the parent may stop this process the moment it reads `ready`.
process.stdout.write('ready\n')
