import { z } from 'zod'
import type { SourceId } from './ids'

/** The kinds of list Papershelf follows over the network (file imports keep their own `file:*` kinds). */
export const SYNC_KINDS = ['hf-daily', 'hf-search', 'arxiv', 'feed', 'awesome'] as const
export const syncKindSchema = z.enum(SYNC_KINDS)
export type SyncKind = z.infer<typeof syncKindSchema>

const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date is YYYY-MM-DD')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'not a calendar date',
  )
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value)
      return url.protocol === 'http:' || url.protocol === 'https:'
    } catch {
      return false
    }
  }, 'give an http(s) address')

/**
 * Hugging Face daily papers: the latest batch, a day, an ISO week, a month, a range of days, or
 * every day since a date up to today and on (`since`: a backfill that then follows).
 */
export const hfDailyParamsSchema = z
  .strictObject({
    date: isoDate.optional(),
    since: isoDate.optional(),
    week: z
      .string()
      .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-2])$/, 'a week is YYYY-Www (W01–W52)')
      .optional(),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM')
      .optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine(
    (p) =>
      [p.date, p.since, p.week, p.month, p.from ?? p.to].filter((v) => v !== undefined).length <= 1,
    'give one of date, since, week, month or from/to',
  )
  .refine((p) => (p.from === undefined) === (p.to === undefined), 'a range needs both from and to')
  .refine(
    (p) => p.from === undefined || p.to === undefined || p.from <= p.to,
    'the range ends before it starts',
  )

/**
 * Whether a source can bring new papers on a later sync: everything but a Hugging Face daily list
 * of a fixed day, week, month or range (whose later syncs only refresh what it holds).
 */
export function keepsFollowing(kind: SyncKind, params: Readonly<Record<string, unknown>>): boolean {
  if (kind !== 'hf-daily') return true
  return ['date', 'week', 'month', 'from'].every((key) => params[key] === undefined)
}

/** The parameters of each kind of source. */
export const syncParamsSchemas = {
  'hf-daily': hfDailyParamsSchema,
  'hf-search': z.strictObject({ query: z.string().trim().min(1).max(250) }),
  arxiv: z
    .strictObject({
      query: z.string().trim().min(1).max(2000).optional(),
      ids: z.array(z.string().trim().min(1).max(100)).min(1).max(30_000).optional(),
      max: z.number().int().min(1).max(30_000).optional(),
    })
    .refine(
      (p) => p.query !== undefined || p.ids !== undefined,
      'give a search query or a list of ids',
    ),
  feed: z.strictObject({ url: httpUrl }),
  awesome: z.strictObject({ url: httpUrl }),
} as const

/** Parameters of any kind (checked against the kind's own schema by the service). */
export const syncParamsSchema = z.record(z.string(), z.unknown())
export type SyncParams = z.infer<typeof syncParamsSchema>

/** The state of one sync run. */
/** `interrupted`: the process running it stopped before it ended (found when the library next opens). */
export const SYNC_RUN_STATUSES = ['running', 'ok', 'failed', 'cancelled', 'interrupted'] as const
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number]

/** What one sync of a source did. */
export type SyncRun = {
  id: number
  sourceId: SourceId
  status: SyncRunStatus
  startedAt: string
  finishedAt: string | null
  pages: number
  added: number
  updated: number
  unchanged: number
  failed: number
  /** The list came back with the same papers as the run before: it has not moved on. */
  stale: boolean
  error: string | null
}

/** A followed source as the UI and CLI show it. */
export type SourceSummary = {
  id: SourceId
  kind: SyncKind
  name: string
  params: SyncParams
  enabled: boolean
  /** Minutes between background syncs; null means only on demand. */
  intervalMinutes: number | null
  /** Tags every paper from this source gets. */
  tags: ReadonlyArray<string>
  /** Its papers in the library (kept or added directly): what its view lists. */
  paperCount: number
  /** Its papers waiting in the inbox. Dismissed and deleted papers count in neither. */
  inboxCount: number
  lastGoodSyncAt: string | null
  lastRun: Omit<SyncRun, 'sourceId'> | null
}

/** The outcome of resolving title-only or id-only papers. */
export type ResolveReport = {
  resolved: ReadonlyArray<{ paperId: number; arxivId: string | null; title: string | null }>
  unresolved: ReadonlyArray<{ paperId: number; title: string | null; reason: string }>
}
