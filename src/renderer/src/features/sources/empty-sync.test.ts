import type { SourceId } from '@shared/model/ids'
import type { SourceSummary } from '@shared/model/sync-source'
import { describe, expect, it } from 'vitest'
import { emptySyncNotice } from './empty-sync'

const run = (counts: { added?: number; unchanged?: number }, status: 'ok' | 'failed' = 'ok') => ({
  id: 1,
  status,
  startedAt: '2026-05-18T08:00:00',
  finishedAt: '2026-05-18T08:00:02',
  pages: 1,
  added: counts.added ?? 0,
  updated: 0,
  unchanged: counts.unchanged ?? 0,
  failed: 0,
  stale: false,
  error: null,
})

const daily = (overrides: Partial<SourceSummary>): SourceSummary => ({
  id: 1 as SourceId,
  kind: 'hf-daily',
  name: 'Hugging Face daily papers',
  params: {},
  enabled: true,
  intervalMinutes: 360,
  tags: [],
  paperCount: 0,
  inboxCount: 0,
  lastGoodSyncAt: '2026-05-18T08:00:02',
  lastRun: run({}),
  ...overrides,
})

describe('sources/empty-sync', () => {
  const now = new Date('2026-05-18T09:00:00')

  it('says no papers were posted yet today and when the next check comes', () => {
    const next = new Date('2026-05-18T14:00:00').toLocaleTimeString(undefined, {
      hour: '2-digit',
      minute: '2-digit',
    })
    expect(emptySyncNotice(daily({}), now)).toBe(
      `No papers posted yet today — the next check is at ${next}.`,
    )
  })

  it('says "tomorrow" when the next check falls after midnight', () => {
    const evening = new Date('2026-05-18T21:00:00')
    const late = daily({ lastRun: { ...run({}), startedAt: '2026-05-18T20:50:00' } })
    const next = new Date('2026-05-19T02:50:00').toLocaleTimeString(undefined, {
      hour: '2-digit',
      minute: '2-digit',
    })
    expect(emptySyncNotice(late, evening)).toBe(
      `No papers posted yet today — the next check is tomorrow at ${next}.`,
    )
  })

  it('says nothing when the sync found papers, failed, or is still to come', () => {
    expect(emptySyncNotice(daily({ lastRun: run({ unchanged: 3 }) }), now)).toBeNull()
    expect(emptySyncNotice(daily({ lastRun: run({}, 'failed') }), now)).toBeNull()
    expect(emptySyncNotice(daily({ lastRun: null }), now)).toBeNull()
  })

  it('speaks of the list, not of today, for other sources and fixed days', () => {
    expect(
      emptySyncNotice(daily({ params: { date: '2026-05-16' }, intervalMinutes: null }), now),
    ).toBe('The last sync found no papers.')
    expect(
      emptySyncNotice(daily({ kind: 'feed', params: { url: 'https://x.test/rss' } }), now),
    ).toMatch(/^The last sync found no papers — the next check is at /)
  })
})
