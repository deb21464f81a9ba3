import { z } from 'zod'
import { parseJsonBody, validateBody } from './hf-schema'
import { htmlToPlain } from './markup-text'
import type { DraftAuthor, PaperDraft } from './paper-draft'
import { partialDate, partialDateFromText, readDoi } from './reference-ids'

const text = z.union([z.string(), z.number()]).transform(String)

/** DataCite's `/dois/{doi}` answer (JSON:API): the record's attributes, as far as a paper needs them. */
const dataciteAnswerSchema = z.looseObject({
  data: z.looseObject({
    attributes: z.looseObject({
      doi: z.string(),
      titles: z
        .array(z.looseObject({ title: text, titleType: z.string().nullish() }))
        .max(100)
        .nullish(),
      creators: z
        .array(
          z.looseObject({
            name: text.nullish(),
            givenName: text.nullish(),
            familyName: text.nullish(),
            nameType: z.string().nullish(),
          }),
        )
        .max(10_000)
        .nullish(),
      publicationYear: z.union([z.number(), z.string()]).nullish(),
      dates: z
        .array(z.looseObject({ date: z.string(), dateType: z.string().nullish() }))
        .max(100)
        .nullish(),
      descriptions: z
        .array(
          z.looseObject({ description: text.nullish(), descriptionType: z.string().nullish() }),
        )
        .max(100)
        .nullish(),
      publisher: z.union([text, z.looseObject({ name: text })]).nullish(),
      container: z.looseObject({ title: text.nullish() }).nullish(),
    }),
  }),
})

type Creator = NonNullable<
  z.infer<typeof dataciteAnswerSchema>['data']['attributes']['creators']
>[number]

/**
 * Parses a DataCite record (datasets, software, arXiv's own DOIs) into a draft: the main title,
 * creators in order, the issued date (else the publication year), the abstract, the container
 * or publisher as venue.
 */
export function parseDataciteDoi(body: string, url: string): PaperDraft | null {
  const { attributes } = validateBody(dataciteAnswerSchema, parseJsonBody(body, url), url).data
  const ids = readDoi(attributes.doi)
  const titles = attributes.titles ?? []
  const title = (titles.find((t) => !t.titleType) ?? titles[0])?.title.trim() || null
  if (!title && !ids.doi && !ids.arxiv) return null
  const issued = attributes.dates?.find((d) => d.dateType === 'Issued')?.date
  const abstract = attributes.descriptions?.find(
    (d) => d.descriptionType === 'Abstract',
  )?.description
  const publisher =
    typeof attributes.publisher === 'object' ? attributes.publisher?.name : attributes.publisher
  return {
    arxivId: ids.arxiv?.id ?? null,
    arxivVersion: ids.arxiv?.version ?? null,
    doi: ids.doi,
    title,
    abstract: abstract ? htmlToPlain(abstract).trim() || null : null,
    authors: (attributes.creators ?? []).map(creatorName).filter((a) => a.name !== ''),
    publishedAt: partialDateFromText(issued) ?? partialDate(attributes.publicationYear),
    journalRef: attributes.container?.title ?? publisher ?? null,
    provenance: { line: null, rank: null, section: null, raw: null },
  }
}

/** "Given Family" from the split name, else the name with "Family, Given" turned round. */
function creatorName(creator: Creator): DraftAuthor {
  const split = [creator.givenName, creator.familyName].filter((p) => p && p.trim() !== '')
  const name =
    split.length > 0
      ? split.join(' ')
      : creator.nameType !== 'Organizational' && /^[^,]+,[^,]+$/.test(creator.name ?? '')
        ? (creator.name ?? '').split(',').reverse().join(' ')
        : (creator.name ?? '')
  return { name: name.replace(/\s+/g, ' ').trim(), affiliation: null }
}
