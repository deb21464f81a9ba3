import { isArxivDoi } from '@shared/model/ids'
import type { ExportRecord } from './export-records'
import { splitName } from './person-names'

/** A CSL-JSON item as Papershelf writes it (the fields citation-js and reference managers read). */
export type CslOutItem = {
  id: string
  'citation-key': string
  type: 'article' | 'article-journal'
  title?: string
  author?: Array<{ given?: string; family: string; suffix?: string }>
  issued?: { 'date-parts': [number[]] }
  DOI?: string
  URL?: string
  number?: string
  publisher?: string
  'container-title'?: string
  abstract?: string
  keyword?: string
}

/** What an export adds beyond the bibliographic record. */
export type RecordOptions = { keywords: boolean; abstracts: boolean }

/** An arXiv paper's abstract page. */
export const arxivAbsUrl = (id: string) => `https://arxiv.org/abs/${id}`

/**
 * A paper as a CSL-JSON item: a preprint (`article`, publisher arXiv) unless it has a venue or a
 * publisher's DOI; names split into given and family; the date as precise as known; a URL only
 * where no DOI already links the paper.
 */
export function toCslItem(record: ExportRecord, options: RecordOptions): CslOutItem {
  const publisherDoi = record.doi !== null && !isArxivDoi(record.doi) ? record.doi : null
  const published = record.venue !== null || publisherDoi !== null
  const item: CslOutItem = {
    id: record.citationKey,
    'citation-key': record.citationKey,
    type: published ? 'article-journal' : 'article',
  }
  if (record.title) item.title = record.title
  if (record.authors.length > 0) {
    item.author = record.authors.map((name) => {
      const { given, family, suffix } = splitName(name)
      return { family, ...(given ? { given } : {}), ...(suffix ? { suffix } : {}) }
    })
  }
  const parts = dateParts(record.publishedAt)
  if (parts) item.issued = { 'date-parts': [parts] }
  if (record.doi) item.DOI = record.doi
  if (record.venue) item['container-title'] = record.venue
  if (record.arxivId) {
    item.URL = arxivAbsUrl(record.arxivId)
    if (!published) {
      item.number = `arXiv:${record.arxivId}`
      item.publisher = 'arXiv'
    }
  } else if (!publisherDoi && record.pdfUrl) {
    item.URL = record.pdfUrl
  }
  if (options.abstracts && record.abstract) item.abstract = record.abstract
  if (options.keywords && record.tags.length > 0) item.keyword = record.tags.join(', ')
  return item
}

/** `2017-06-12` → [2017, 6, 12]; `2017-06` → [2017, 6]; null when not a date. */
export function dateParts(date: string | null): number[] | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date ?? '')
  if (!match) return null
  return [match[1], match[2], match[3]].filter((p): p is string => p !== undefined).map(Number)
}
