import { keepsFollowing, type SourceSummary } from '@shared/model/sync-source'

/**
 * What to say when a source's last sync went fine but found no papers, so an empty list after
 * "Sync today's papers" is explained ("no papers posted yet today — the next check is at 14:00")
 * instead of looking broken. Null when the last sync found papers, failed or has not finished.
 */
export function emptySyncNotice(source: SourceSummary, now: Date = new Date()): string | null {
  const run = source.lastRun
  if (!run || run.status !== 'ok' || run.added + run.updated + run.unchanged > 0) return null
  const latestDaily =
    source.kind === 'hf-daily' &&
    keepsFollowing(source.kind, source.params) &&
    source.params['since'] === undefined
  const found = latestDaily ? 'No papers posted yet today' : 'The last sync found no papers'
  if (!source.enabled || source.intervalMinutes === null) return `${found}.`
  const next = new Date(Date.parse(run.startedAt) + source.intervalMinutes * 60_000)
  return `${found} — the next check is ${nextCheck(next, now)}.`
}

function nextCheck(next: Date, now: Date): string {
  if (next.getTime() <= now.getTime()) return 'due now'
  const time = next.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  return next.toDateString() === now.toDateString() ? `at ${time}` : `tomorrow at ${time}`
}
