// Writes a generated library into a library folder the way imports do (one source per list,
// chunked transactions), then applies what the user did (tags, notes, status, stars) through the API.
import { join } from 'node:path'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { DATABASE_FILE } from '../src/main/core/create-core'
import { openDatabase, type WritableDb } from '../src/main/core/db/open-database'
import { catchUpSearchIndex } from '../src/main/core/db/papers-index'
import { mergeSearchIndex } from '../src/main/core/db/search-index-merge'
import { applyDrafts } from '../src/main/core/sync/apply-drafts'
import { METADATA_RANK } from '../src/main/core/sync/metadata-rank'
import type { GeneratedLibrary } from './generate-library'

const CHUNK = 5_000

/**
 * Imports every draft into the library in `dataDir` (created and migrated if needed) and returns
 * the paper id of each draft, index-aligned with `library.drafts`. Close any core on the folder
 * first or open it after: this uses its own connection.
 */
export function importGeneratedDrafts(
  dataDir: string,
  library: GeneratedLibrary,
  now: Date = new Date(),
): PaperId[] {
  return withLibrary(dataDir, (db) => {
    const ids: PaperId[] = new Array<PaperId>(library.drafts.length)
    for (const source of library.sources) {
      const indexes = library.drafts.flatMap((_, i) =>
        library.user[i]?.source === source ? [i] : [],
      )
      for (let start = 0; start < indexes.length; start += CHUNK) {
        const chunk = indexes.slice(start, start + CHUNK)
        const result = db
          .transaction(() =>
            applyDrafts(
              db,
              chunk.map((i) => library.drafts[i]!),
              {
                source: { kind: 'file:bench', key: source, name: source },
                metadataRank: METADATA_RANK.arxiv,
                tags: [],
                now: now.toISOString(),
              },
            ),
          )
          .immediate()
        result.paperIds.forEach((id, k) => {
          ids[chunk[k]!] = id
        })
      }
    }
    catchUpSearchIndex(db)
    return ids
  })
}

/** Applies the generated tags, notes, reading status and stars through the API, in bulk calls. */
export async function applyGeneratedUserData(
  api: LibraryApi,
  library: GeneratedLibrary,
  ids: ReadonlyArray<PaperId>,
): Promise<void> {
  const byTag = new Map<string, PaperId[]>()
  const byStatus = new Map<string, PaperId[]>()
  const starred: PaperId[] = []
  const add = (map: Map<string, PaperId[]>, key: string, id: PaperId) => {
    const list = map.get(key)
    if (list) list.push(id)
    else map.set(key, [id])
  }
  library.user.forEach((data, i) => {
    const id = ids[i]
    if (id === undefined) return
    for (const tag of data.tags) add(byTag, tag, id)
    if (data.status !== 'unread') add(byStatus, data.status, id)
    if (data.starred) starred.push(id)
  })
  for (const [tag, tagged] of byTag) await api.tagPapers({ ids: tagged, tags: [tag] })
  for (const [status, papers] of byStatus) {
    await api.setStatus({ ids: papers, status: status as 'reading' | 'read' })
  }
  if (starred.length > 0) await api.setStarred({ ids: starred, starred: true })
  for (const [i, data] of library.user.entries()) {
    const id = ids[i]
    if (id !== undefined && data.note !== null) {
      await api.setNote({ id, note: data.note })
    }
  }
}

/**
 * Indexes what bulk edits queued for search (`applyGeneratedUserData` tags whole libraries at
 * once), as the app's background steps do before a user searches: benches of searching time
 * searching alone, not the catch-up a search does first when the index is behind.
 */
export function indexQueuedPapers(dataDir: string): void {
  withLibrary(dataDir, (db) => catchUpSearchIndex(db))
}

/** Merges the search index as the background steps of a long-running door do after an import. */
export function settleSearchIndex(dataDir: string): void {
  withLibrary(dataDir, (db) => mergeSearchIndex(db))
}

/**
 * The ids of the library's sources, oldest first. `listSources` names the sources a user
 * subscribed to; the benches' papers come from imported files, which are sources too.
 */
export function sourceIds(dataDir: string): number[] {
  return withLibrary(
    dataDir,
    (db) => db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as number[],
  )
}

/** Runs `step` on the library in `dataDir`, opened for it alone. */
function withLibrary<T>(dataDir: string, step: (db: WritableDb) => T): T {
  const db = openDatabase(join(dataDir, DATABASE_FILE))
  try {
    return step(db)
  } finally {
    db.close()
  }
}
