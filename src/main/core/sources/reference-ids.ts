import type { ArxivRef } from '@shared/model/ids'
import { arxivIdFromDoi, arxivIdFromUrl, normaliseDoi, parseArxivId } from '@shared/model/ids'

const ARXIV_URL = /https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/[^\s"'<>{}\]),;]+/gi
const ARXIV_PREFIXED =
  /\barxiv:\s*((?:[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?)/gi
const ARXIV_DOI = /\b10\.48550\/arxiv\.(\S+)/gi

/**
 * Finds an arXiv id in free text: an arXiv abs/pdf/html URL, an `arXiv:2206.07690` mention
 * (`arXiv preprint arXiv:…`, `arXiv: 1312.5602 [cs]`) or an arXiv DOI. Null when none is there.
 */
export function findArxivId(text: string | null | undefined): ArxivRef | null {
  if (!text) return null
  for (const match of text.matchAll(ARXIV_URL)) {
    const ref = arxivIdFromUrl(match[0].replace(/[.]+$/, ''))
    if (ref) return ref
  }
  for (const match of text.matchAll(ARXIV_PREFIXED)) {
    const ref = parseArxivId(match[1] ?? '')
    if (ref) return ref
  }
  for (const match of text.matchAll(ARXIV_DOI)) {
    const ref = arxivIdFromDoi(`10.48550/arxiv.${(match[1] ?? '').replace(/[.,;]+$/, '')}`)
    if (ref) return ref
  }
  return null
}

/** What a reference's DOI field says: a journal DOI, or the arXiv id behind an arXiv DOI. */
export function readDoi(text: string | null | undefined): {
  doi: string | null
  arxiv: ArxivRef | null
} {
  const doi = text ? normaliseDoi(text) : null
  if (doi === null) return { doi: null, arxiv: null }
  const arxiv = arxivIdFromDoi(doi)
  if (arxiv) return { doi: null, arxiv }
  return { doi: doi.startsWith('10.48550/') ? null : doi, arxiv: null }
}

/** The first arXiv id among several fields, in the order given. */
export function firstArxivId(...texts: ReadonlyArray<string | null | undefined>): ArxivRef | null {
  for (const text of texts) {
    const ref = text ? (parseArxivId(text) ?? findArxivId(text)) : null
    if (ref) return ref
  }
  return null
}

/**
 * The most precise date known, as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: a missing day or month is
 * left out rather than guessed as `01`, so text order still sorts by date. Null when the year is
 * not a plausible four-digit year.
 */
export function partialDate(year: unknown, month?: unknown, day?: unknown): string | null {
  const y = toInt(year)
  if (y === null || y < 1000 || y > 9999) return null
  const m = toInt(month)
  if (m === null || m < 1 || m > 12) return String(y)
  const d = toInt(day)
  const mm = String(m).padStart(2, '0')
  if (d === null || d < 1 || d > daysIn(y, m)) return `${y}-${mm}`
  return `${y}-${mm}-${String(d).padStart(2, '0')}`
}

/** Reads `2014-07-25`, `2016-02`, `2014/06/01/part`, `2013` at the start of a date text. */
export function partialDateFromText(text: string | null | undefined): string | null {
  const match = /^\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?/.exec(text ?? '')
  return match ? partialDate(match[1], match[2], match[3]) : null
}

function toInt(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null
  if (typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value)) return Number(value)
  return null
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
