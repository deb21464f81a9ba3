import { z } from 'zod'
import { cslItemSchema, cslItemToDraft } from './csl-item'
import { parseJsonBody, validateBody } from './hf-schema'
import { htmlToPlain } from './markup-text'
import type { PaperDraft } from './paper-draft'

const texts = z.array(z.union([z.string(), z.number()]).transform(String)).max(100)

/**
 * Crossref's `/works/{doi}` answer: `{ status: "ok", message }`, where the message is CSL-JSON
 * except that titles are arrays, abstracts are JATS XML and group authors carry `name`.
 */
const crossrefAnswerSchema = z.looseObject({
  status: z.literal('ok'),
  message: z.looseObject({
    DOI: z.string(),
    title: texts.optional(),
    'container-title': texts.optional(),
    abstract: z.string().optional(),
    author: z
      .array(z.looseObject({ name: z.string().optional() }))
      .max(10_000)
      .optional(),
    volume: z.union([z.string(), z.number()]).transform(String).optional(),
    page: z.string().optional(),
  }),
})

/** Crossref's JATS abstract as plain text, without its "Abstract" heading. */
export function jatsToPlain(jats: string): string {
  const html = jats
    .replace(/<(\/?)jats:/g, '<$1')
    .replace(/<title\b[^>]*>[\s\S]*?<\/title\s*>/gi, '')
  return htmlToPlain(html).trim()
}

/** Parses a Crossref work into a draft: title, authors, issued date, venue, abstract and DOI. */
export function parseCrossrefWork(body: string, url: string): PaperDraft | null {
  const { message } = validateBody(crossrefAnswerSchema, parseJsonBody(body, url), url)
  const venue = message['container-title']?.[0]
  const item = validateBody(
    cslItemSchema,
    {
      ...message,
      title: message.title?.[0],
      'container-title': venue,
      abstract: message.abstract === undefined ? undefined : jatsToPlain(message.abstract),
      author: message.author?.map(({ name, ...rest }) =>
        name !== undefined && rest.family === undefined ? { ...rest, literal: name } : rest,
      ),
      keyword: undefined,
    },
    url,
  )
  const draft = cslItemToDraft(item, { line: null, rank: null, section: null, raw: null })
  if (!draft) return null
  const where = [venue, message.volume, message.page].filter((part) => part && part.trim() !== '')
  return { ...draft, journalRef: where.length > 0 ? where.join(', ') : null }
}
