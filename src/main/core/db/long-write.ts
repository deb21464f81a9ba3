import type { WritableDb } from './open-database'

/** WAL pages (4 KB each) a long write lets accumulate before SQLite checkpoints on its own. */
const LONG_WRITE_CHECKPOINT_PAGES = 65_536

/** Long writes running on a connection, and the checkpoint threshold they put aside. */
const running = new WeakMap<WritableDb, { writes: number; checkpointPages: number }>()

/**
 * Starts a write of many transactions (an import's batches, a sync's pages). Checkpointing the
 * WAL every 4 MB (SQLite's default) would copy it into the database, with two fsyncs, after every
 * batch or two; during a long write the WAL grows instead, and is checkpointed once the last long
 * write on the connection ends. Returns that end (calling it again does nothing).
 */
export function startLongWrite(db: WritableDb): () => void {
  const state = running.get(db) ?? {
    writes: 0,
    checkpointPages: db.pragma('wal_autocheckpoint', { simple: true }) as number,
  }
  if (state.writes === 0) db.pragma(`wal_autocheckpoint = ${LONG_WRITE_CHECKPOINT_PAGES}`)
  state.writes += 1
  running.set(db, state)
  let ended = false
  return () => {
    if (ended) return
    ended = true
    state.writes -= 1
    if (state.writes > 0) return
    running.delete(db)
    if (!db.open) return
    db.pragma(`wal_autocheckpoint = ${state.checkpointPages}`)
    db.pragma('wal_checkpoint(PASSIVE)')
  }
}

/**
 * Runs `transaction`, one of a long write's that is not its last, without waiting at its commit
 * for the disk to hold it (`synchronous = NORMAL` for it alone). A power cut may then lose it and
 * the ones after it, never one before it (the WAL is replayed in order, up to its first torn
 * frame), so a long write that journals its own undo (an import) comes back as a prefix of its
 * transactions, which it undoes; its last transaction, written with the usual full sync, makes
 * every one before it durable too.
 */
export function commitWithoutFlush<T>(db: WritableDb, transaction: () => T): T {
  const level = db.pragma('synchronous', { simple: true }) as number
  db.pragma('synchronous = NORMAL')
  try {
    return transaction()
  } finally {
    db.pragma(`synchronous = ${level}`)
  }
}
