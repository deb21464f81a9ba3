import { z } from 'zod'
import { parseArxivId } from '@shared/model/ids'
import type { SuggestedTag } from '@shared/model/paper'
import type { PaperDraft } from './paper-draft'
import { ParseError } from './parse-error'

const text = z.string()
const optionalText = z.string().nullish()
const count = z.number().int().min(0).nullish()

/** A Hugging Face paper record (`/api/papers/{id}`, or `paper` inside a daily or search item). */
export const hfPaperSchema = z.object({
  id: z.string().min(1),
  title: text,
  summary: optionalText,
  authors: z.array(z.object({ name: z.string(), hidden: z.boolean().nullish() })).nullish(),
  publishedAt: optionalText,
  submittedOnDailyAt: optionalText,
  upvotes: count,
  projectPage: optionalText,
  githubRepo: optionalText,
  githubStars: count,
  ai_keywords: z.array(z.string()).nullish(),
  organization: z.object({ name: z.string(), fullname: z.string().nullish() }).nullish(),
  withdrawnAt: optionalText,
})
export type HfPaper = z.infer<typeof hfPaperSchema>

/** One item of `/api/daily_papers` or `/api/papers/search`. */
export const hfListItemSchema = z.object({
  paper: hfPaperSchema,
  numComments: count,
  organization: z.object({ name: z.string(), fullname: z.string().nullish() }).nullish(),
})
export type HfListItem = z.infer<typeof hfListItemSchema>

/** Parses a JSON body, naming the URL when it is not JSON. */
export function parseJsonBody(body: string, url: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch (error) {
    throw new ParseError(`the response is not valid JSON (${(error as Error).message})`, null, url)
  }
}

/** Validates a body against a schema; the error names the URL, the item and the field. */
export function validateBody<T>(schema: z.ZodType<T>, value: unknown, url: string): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const path = issue?.path.length
    ? issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '')
    : 'the body'
  throw new ParseError(
    `unexpected response shape at ${path}: ${issue?.message ?? 'invalid'}`,
    null,
    url,
  )
}

/** A Hugging Face paper as a draft; null when its id is not an arXiv id. */
export function hfPaperToDraft(
  paper: HfPaper,
  extra: {
    rank: number | null
    numComments?: number | null | undefined
    section?: string | null
    featured: boolean
  },
  listOrganization?: HfListItem['organization'],
): PaperDraft | null {
  const ref = parseArxivId(paper.id)
  if (!ref) return null
  const organization = paper.organization ?? listOrganization ?? null
  const keywords = [
    ...new Set(
      (paper.ai_keywords ?? []).map((k) => k.trim()).filter((k) => k !== '' && k.length <= 200),
    ),
  ]
  const suggestedTags: SuggestedTag[] = keywords.map((label) => ({ label, origin: 'hf-keyword' }))
  const authors = (paper.authors ?? [])
    .map((a) => ({ name: a.name }))
    .filter((a) => a.name.trim() !== '')
  return {
    arxivId: ref.id,
    title: paper.title,
    abstract: paper.summary ?? null,
    authors,
    authorCount: authors.length > 0 ? authors.length : null,
    organization: organization
      ? { handle: organization.name, name: organization.fullname ?? organization.name }
      : null,
    // The item's top-level publishedAt is shifted by the New York offset; the paper's is right.
    publishedAt: dateOnly(paper.publishedAt),
    upvotes: paper.upvotes ?? null,
    commentCount: extra.numComments ?? null,
    withdrawn: paper.withdrawnAt ? true : undefined,
    codeUrl: httpUrl(paper.githubRepo),
    codeStars: paper.githubStars ?? null,
    projectUrl: httpUrl(paper.projectPage),
    featuredOn: extra.featured ? dateOnly(paper.submittedOnDailyAt) : null,
    suggestedTags,
    provenance: { line: null, rank: extra.rank, section: extra.section ?? null, raw: null },
  }
}

function dateOnly(value: string | null | undefined): string | null {
  const match = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null
  return match?.[1] ?? null
}

/** Only absolute http(s) links are kept: a link from the network is data, never a script. */
function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
