// A second process that edits the library the way a user does in the app while another process
// imports (one note edit, reindexed, in its own transaction, every few milliseconds), timing each
// edit. Started by import.bench.ts with the library path and the ids to edit; reports on 'stop'.
import { openDatabase } from '../src/main/core/db/open-database'
import { reindexPapers } from '../src/main/core/db/papers-index'
import { setNote } from '../src/main/core/db/user-fields-repo'

const [file, idsJson, pauseText] = process.argv.slice(2)
if (!file || !idsJson) throw new Error('usage: edit-loop <library.sqlite> <ids json> [pause ms]')
const ids = JSON.parse(idsJson) as number[]
const pauseMs = Number(pauseText ?? 20)
const db = openDatabase(file)
const latencies: number[] = []
const errors: string[] = []
let stopping = false
process.on('message', (message) => {
  if (message === 'stop') stopping = true
})
// A benchmark that dies leaves no editor behind.
process.on('disconnect', () => {
  stopping = true
})

for (let n = 0; !stopping; n += 1) {
  const id = ids[n % ids.length] ?? 1
  const started = performance.now()
  try {
    db.transaction(() => {
      if (setNote(db, id, `edit ${n}`, new Date().toISOString()) > 0) reindexPapers(db, [id])
    }).immediate()
    latencies.push(performance.now() - started)
  } catch (error) {
    errors.push((error as Error).message)
  }
  await new Promise((resolve) => setTimeout(resolve, pauseMs))
}
db.close()
process.send?.({ latencies, errors })
