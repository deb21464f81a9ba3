import type { PaperId } from '@shared/model/ids'
import { AppError } from '@shared/api/errors'
import type { ResolveReport } from '@shared/model/sync-source'
import type { WritableDb } from '../db/open-database'
import type { EventHub } from '../event-hub'
import { titleKey } from '@shared/model/title-key'
import type { BaseUrls } from '../net/base-urls'
import type { HttpClient } from '../net/http-client'
import { arxivPages } from '../sources/arxiv-api'
import { fetchDoiRecord } from '../sources/doi-record'
import type { FetchContext } from '../sources/fetch-context'
import { fetchHfPaper } from '../sources/hf-paper'
import { fetchHfSearch, hfSearchUrl } from '../sources/hf-search'
import type { PaperDraft } from '../sources/paper-draft'
import { applyDrafts } from '../sync/apply-drafts'
import { METADATA_RANK } from '../sync/metadata-rank'
import type { SyncTuning } from '../sync/sync-tuning'
import type { ParseThread } from '../parse/parse-thread'

/** What resolving runs on. */
export type ResolveDeps = {
  db: WritableDb
  http: HttpClient
  baseUrls: BaseUrls
  now: () => Date
  tuning: SyncTuning
  events: EventHub
  parse: ParseThread
}

type Candidate = { id: PaperId; title: string | null; arxiv_id: string | null; doi: string | null }
type Origin = 'hf' | 'arxiv' | 'crossref' | 'datacite'
type Found = { draft: PaperDraft; origin: Origin } | { unresolved: string }

/** How each origin is named as a source and trusted. */
const ORIGINS: Record<Origin, { name: string; rank: number }> = {
  hf: { name: 'Resolved via Hugging Face', rank: METADATA_RANK['hf-api'] },
  arxiv: { name: 'Resolved via arXiv', rank: METADATA_RANK.arxiv },
  crossref: { name: 'Resolved via Crossref', rank: METADATA_RANK['doi-registry'] },
  datacite: { name: 'Resolved via DataCite', rank: METADATA_RANK['doi-registry'] },
}

/** Titles searched on arXiv are at most this many results deep. */
const ARXIV_TITLE_RESULTS = 10

/**
 * Completes papers the library knows only by title (a copied page), only by arXiv id or only by
 * DOI. A title is looked up on Hugging Face, then on arXiv, and taken only when exactly one result
 * has the same normalised title; an arXiv id on Hugging Face, then arXiv; a DOI at Crossref, then
 * DataCite. Papers named by `ids` are looked up by their identifier even when they have a title
 * ("Look up metadata"). What the registry says is merged by the usual rank rules, and fields the
 * user edited stay as edited. Everything else stays as it was and is listed with the reason. Two
 * library papers are never merged on a title match.
 */
export async function resolvePapers(
  deps: ResolveDeps,
  ids?: ReadonlyArray<number>,
): Promise<ResolveReport> {
  const { db } = deps
  const candidates = db
    .prepare(
      `SELECT id, title, arxiv_id, doi FROM papers
       WHERE (? IS NULL OR id IN (SELECT value FROM json_each(?)))
         AND ((arxiv_id IS NULL AND doi IS NULL AND title_key IS NOT NULL)
              OR ((arxiv_id IS NOT NULL OR doi IS NOT NULL) AND (title IS NULL OR ? IS NOT NULL)))
       ORDER BY id`,
    )
    .all(ids ? 1 : null, JSON.stringify(ids ?? []), ids ? 1 : null) as Candidate[]
  const ctx: FetchContext = {
    http: deps.http,
    baseUrls: deps.baseUrls,
    timeoutMs: deps.tuning.timeoutMs,
    maxBytes: deps.tuning.maxBytes,
    now: deps.now,
    validatorsFor: () => null,
    parse: deps.parse.run,
  }
  const resolved: Array<ResolveReport['resolved'][number]> = []
  const unresolved: Array<ResolveReport['unresolved'][number]> = []
  let networkDown: string | null = null
  for (const paper of candidates) {
    if (networkDown) {
      unresolved.push({ paperId: paper.id, title: paper.title, reason: networkDown })
      continue
    }
    let found: Found
    try {
      found = paper.arxiv_id
        ? await lookUpId(ctx, paper.arxiv_id)
        : paper.doi
          ? await lookUpDoi(ctx, paper.doi)
          : await lookUpTitle(ctx, paper.title ?? '')
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (error instanceof AppError && error.code === 'network') networkDown = message
      unresolved.push({ paperId: paper.id, title: paper.title, reason: message })
      continue
    }
    if ('unresolved' in found) {
      unresolved.push({ paperId: paper.id, title: paper.title, reason: found.unresolved })
      continue
    }
    const holder = found.draft.arxivId
      ? (db.prepare('SELECT id FROM papers WHERE arxiv_id = ?').pluck().get(found.draft.arxivId) as
          number | undefined)
      : undefined
    if (holder !== undefined && holder !== paper.id) {
      unresolved.push({
        paperId: paper.id,
        title: paper.title,
        reason: `it matches arXiv:${found.draft.arxivId}, which is already paper ${holder}; not merged`,
      })
      continue
    }
    db.transaction(() =>
      applyDrafts(db, [found.draft], {
        source: { kind: 'resolve', key: found.origin, name: ORIGINS[found.origin].name },
        metadataRank: ORIGINS[found.origin].rank,
        tags: [],
        now: deps.now().toISOString(),
        targets: new Map([[0, paper.id]]),
      }),
    ).immediate()
    resolved.push({
      paperId: paper.id,
      arxivId: found.draft.arxivId ?? null,
      title: found.draft.title ?? paper.title,
    })
  }
  if (resolved.length > 0) deps.events.emit('library.changed', { reason: 'resolve', paperIds: [] })
  return { resolved, unresolved }
}

async function lookUpTitle(ctx: FetchContext, title: string): Promise<Found> {
  const key = titleKey(title)
  if (!key) return { unresolved: 'the title has no words to search for' }
  const hf = await fetchHfSearch(ctx, hfSearchUrl(ctx.baseUrls.huggingFace, title, 20))
  const hfMatch = unique(hf.drafts, key)
  if (hfMatch !== null) {
    return 'ambiguous' in hfMatch
      ? { unresolved: hfMatch.ambiguous }
      : { draft: hfMatch.draft, origin: 'hf' }
  }
  const drafts: PaperDraft[] = []
  for await (const page of arxivPages(ctx, { query: `ti:"${key}"`, max: ARXIV_TITLE_RESULTS })) {
    drafts.push(...page.drafts)
  }
  const arxivMatch = unique(drafts, key)
  if (arxivMatch !== null) {
    return 'ambiguous' in arxivMatch
      ? { unresolved: arxivMatch.ambiguous }
      : { draft: arxivMatch.draft, origin: 'arxiv' }
  }
  return { unresolved: 'no paper with this exact title on Hugging Face or arXiv' }
}

/** The one result with the normalised title, a note when several different papers have it, else null. */
function unique(
  drafts: ReadonlyArray<PaperDraft>,
  key: string,
): { draft: PaperDraft } | { ambiguous: string } | null {
  const matches = drafts.filter((draft) => draft.arxivId && titleKey(draft.title) === key)
  const ids = [...new Set(matches.map((draft) => draft.arxivId))]
  if (ids.length === 0) return null
  if (ids.length > 1) {
    return {
      ambiguous: `ambiguous: ${ids.length} papers have this title (${ids.map((id) => `arXiv:${id}`).join(', ')})`,
    }
  }
  const [draft] = matches
  return draft ? { draft: { ...draft, provenance: { ...draft.provenance, rank: null } } } : null
}

async function lookUpDoi(ctx: FetchContext, doi: string): Promise<Found> {
  const record = await fetchDoiRecord(ctx, doi)
  if (!record) return { unresolved: `neither Crossref nor DataCite knows doi:${doi}` }
  // The registry's record of this DOI is this paper, even when it spells the DOI otherwise.
  return { draft: { ...record.draft, doi }, origin: record.registry }
}

async function lookUpId(ctx: FetchContext, arxivId: string): Promise<Found> {
  const hf = await fetchHfPaper(ctx, arxivId)
  if (hf) return { draft: { ...hf, featuredOn: null }, origin: 'hf' }
  for await (const page of arxivPages(ctx, { ids: [arxivId] })) {
    const draft = page.drafts.find((d) => d.arxivId === arxivId)
    if (draft) return { draft, origin: 'arxiv' }
  }
  return { unresolved: `neither Hugging Face nor arXiv knows arXiv:${arxivId}` }
}
