// The library's owner for contention.bench.ts, in a process of its own as `serve` or the app
// would be: it opens the owner door on the library given in argv[2], prints its address and
// secret as one JSON line, and closes the library when its parent disconnects.
import { openOwnerDoor } from '../src/main/owner/owner-door'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: contention-owner <library folder>')
const owner = await openOwnerDoor({ dataDir, door: 'serve', core: { upkeep: true } })
process.stdout.write(
  `${JSON.stringify({ origin: owner.server.origin, token: owner.server.token })}\n`,
)
process.once('disconnect', () => {
  void owner.close().finally(() => process.exit(0))
})
