import type { BaseUrls } from '../net/base-urls'

/** The knobs of network syncs; defaults are polite to the real servers, tests shrink the delays. */
export type SyncTuning = {
  /** Spacing between requests to arXiv hosts (arXiv asks for one request every 3 s). */
  arxivDelayMs: number
  /** Retries after the first attempt on network errors, 429 and 5xx. */
  retries: number
  /** First backoff step before a retry (doubled per retry, with jitter). */
  backoffBaseMs: number
  /** Deadline of one request. */
  timeoutMs: number
  /** Size cap of one response body (decoded). */
  maxBytes: number
}

/** The defaults. */
export const DEFAULT_SYNC_TUNING: SyncTuning = {
  arxivDelayMs: 3000,
  retries: 3,
  backoffBaseMs: 1000,
  timeoutMs: 30_000,
  maxBytes: 32 * 1024 * 1024,
}

/** Tuning from `PAPERSHELF_ARXIV_DELAY_MS` and `PAPERSHELF_HTTP_BACKOFF_MS` over the defaults. */
export function syncTuningFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  overrides: Partial<SyncTuning> = {},
): SyncTuning {
  const number = (name: string): number | undefined => {
    const value = env[name]?.trim()
    if (!value) return undefined
    const parsed = Number(value)
    return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined
  }
  const fromEnv: Partial<SyncTuning> = {}
  const delay = number('PAPERSHELF_ARXIV_DELAY_MS')
  const backoff = number('PAPERSHELF_HTTP_BACKOFF_MS')
  if (delay !== undefined) fromEnv.arxivDelayMs = delay
  if (backoff !== undefined) fromEnv.backoffBaseMs = backoff
  return { ...DEFAULT_SYNC_TUNING, ...fromEnv, ...overrides }
}

/** The per-host spacing: arXiv's API, site and feeds share arXiv's limit. */
export function hostDelays(baseUrls: BaseUrls, tuning: SyncTuning): Map<string, number> {
  const hosts = [baseUrls.arxivApi, baseUrls.arxiv, baseUrls.arxivRss].map(
    (url) => new URL(url).host,
  )
  return new Map(hosts.map((host) => [host, tuning.arxivDelayMs]))
}
