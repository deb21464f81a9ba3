import { z } from 'zod'
import type { SuggestedTag } from '@shared/model/paper'
import { richTextToPlain } from './markup-text'
import type { DraftAuthor, PaperDraft } from './paper-draft'
import { findArxivId, partialDate, partialDateFromText, readDoi } from './reference-ids'

const text = z.union([z.string(), z.number()]).transform(String)
const nameSchema = z.looseObject({
  family: text.optional(),
  given: text.optional(),
  literal: text.optional(),
  suffix: text.optional(),
  'dropping-particle': text.optional(),
  'non-dropping-particle': text.optional(),
})
const dateSchema = z.union([
  z.looseObject({
    'date-parts': z
      .array(z.array(z.union([z.string(), z.number()])).max(3))
      .max(2)
      .optional(),
    raw: z.string().optional(),
    literal: z.string().optional(),
  }),
  z.string(),
])

/** The CSL-JSON item fields this importer reads; other fields are allowed and ignored. */
export const cslItemSchema = z.looseObject({
  id: text.optional(),
  type: z.string().optional(),
  title: text.optional(),
  abstract: text.optional(),
  author: z.array(nameSchema).max(10_000).optional(),
  issued: dateSchema.optional(),
  DOI: text.optional(),
  URL: text.optional(),
  number: text.optional(),
  note: z.union([text, z.array(text)]).optional(),
  'container-title': text.optional(),
  publisher: text.optional(),
  archive_location: text.optional(),
  keyword: z.union([text, z.array(text)]).optional(),
})
/** A CSL-JSON item as validated. */
export type CslItem = z.infer<typeof cslItemSchema>

/**
 * Turns a CSL-JSON item into a draft: rich-text titles as plain text, `family`/`given`/`literal`
 * names in order, the arXiv id from an arXiv DOI, `URL`, `number`, `note` or `container-title`,
 * the most precise issued date known (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), keywords as suggested
 * tags. Null when the item has neither a title nor an identifier.
 */
export function cslItemToDraft(
  item: CslItem,
  provenance: PaperDraft['provenance'],
): PaperDraft | null {
  const doi = readDoi(item.DOI)
  const notes = Array.isArray(item.note) ? item.note.join('\n') : item.note
  const arxiv =
    doi.arxiv ??
    [item.URL, item.number, notes, item['container-title'], item.archive_location]
      .map((field) => findArxivId(field))
      .find((ref) => ref !== null) ??
    null
  const title = item.title ? richTextToPlain(item.title).trim() || null : null
  if (!title && !arxiv && !doi.doi) return null
  const keywords = (Array.isArray(item.keyword) ? item.keyword : (item.keyword ?? '').split(/[,;]/))
    .map((k) => k.trim())
    .filter((k) => k !== '')
  return {
    arxivId: arxiv?.id ?? null,
    arxivVersion: arxiv?.version ?? null,
    doi: doi.doi,
    title,
    abstract: item.abstract ? richTextToPlain(item.abstract) : null,
    authors: (item.author ?? []).map(toAuthor).filter((a) => a.name !== ''),
    publishedAt: issuedDate(item.issued),
    suggestedTags: [...new Set(keywords)].map((label): SuggestedTag => ({
      label,
      origin: 'keyword',
    })),
    provenance,
  }
}

function toAuthor(name: z.infer<typeof nameSchema>): DraftAuthor {
  const full =
    name.literal ??
    [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix]
      .filter((part) => part && part.trim() !== '')
      .join(' ')
  return { name: richTextToPlain(full).replace(/\s+/g, ' ').trim(), affiliation: null }
}

function issuedDate(issued: CslItem['issued']): string | null {
  if (issued === undefined) return null
  if (typeof issued === 'string') return partialDateFromText(issued)
  const first = issued['date-parts']?.[0]
  if (first && first.length > 0) return partialDate(first[0], first[1], first[2])
  return partialDateFromText(issued.raw ?? issued.literal)
}
