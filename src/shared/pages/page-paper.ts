import { z } from 'zod'

/**
 * A paper a web page shows: identities first, then what the page says about it. It becomes a
 * paper draft in the app and meets the library through the same identity rules as every source.
 */
export type PagePaper = {
  /** Versionless arXiv id. */
  arxivId: string | null
  arxivVersion: number | null
  /** Lower-case bare DOI of the published work (an arXiv DOI becomes `arxivId`). */
  doi: string | null
  title: string | null
  abstract: string | null
  /** Names as "First Last", in order; empty when unknown. */
  authors: ReadonlyArray<string>
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  publishedAt: string | null
  /** A PDF the app may download (the extension never does). */
  pdfUrl: string | null
  /** The page the paper was found on. */
  pageUrl: string
  /** Journal or venue, as the page names it. */
  venue: string | null
}

/** What a page holds: one paper (abstract pages), a list (daily pages), or none. */
export type PageFindings = {
  /** Which reader understood the page (`arxiv`, `hf-paper`, `hf-list`, `openreview`, `acl`, `citation-meta`, `doi`). */
  site: string
  kind: 'single' | 'list' | 'none'
  papers: ReadonlyArray<PagePaper>
}

const shortText = z.string().trim().max(5_000)

/** A page paper as it arrives from the extension or a script. */
export const pagePaperSchema = z.strictObject({
  arxivId: z.string().trim().max(100).nullable(),
  arxivVersion: z.number().int().positive().nullable(),
  doi: z.string().trim().max(500).nullable(),
  title: shortText.nullable(),
  abstract: z.string().max(100_000).nullable(),
  authors: z.array(z.string().trim().max(500)).max(5_000),
  publishedAt: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD')
    .nullable(),
  pdfUrl: z
    .url({ protocol: /^https?$/ })
    .max(4096)
    .nullable(),
  pageUrl: z.url({ protocol: /^https?$/ }).max(4096),
  venue: shortText.nullable(),
})
