// Writes large import files (CSL-JSON, BibTeX, RIS, a copied Hugging Face papers page) of a given size from generated papers,
// repeated under new ids and titles, a record at a time so the writer itself stays small.
import { createWriteStream } from 'node:fs'
import type { PaperDraft } from '../src/main/core/sources/paper-draft'

/** The formats a large file is written in. */
export type LargeFormat = 'csl-json' | 'bibtex' | 'ris' | 'hf-page'

/** What was written. */
export type LargeFile = { bytes: number; records: number }

/** Writes records of `format` to `path` until the file holds `megabytes` MB. */
export async function writeLargeFile(
  path: string,
  format: LargeFormat,
  megabytes: number,
  drafts: ReadonlyArray<PaperDraft>,
): Promise<LargeFile> {
  const out = createWriteStream(path)
  const limit = megabytes * 1024 * 1024
  let bytes = 0
  let records = 0
  const put = async (text: string) => {
    bytes += Buffer.byteLength(text)
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  if (format === 'csl-json') await put('[\n')
  if (format === 'hf-page') {
    await put('Daily Papers\n\nbyAK and the research community\n\nDec 17\n\n')
  }
  while (bytes < limit) {
    const draft = drafts[records % drafts.length]!
    const text = RECORD[format](draft, records)
    await put(format === 'csl-json' && records > 0 ? `,\n${text}` : text)
    records += 1
  }
  await new Promise<void>((resolve) => out.end(format === 'csl-json' ? '\n]\n' : '', resolve))
  return { bytes: bytes + (format === 'csl-json' ? 3 : 0), records }
}

const braced = (text: string) => text.replace(/[{}\\]/g, '')

/** One record of each format for generated paper `draft`, the `n`th of the file. */
const RECORD: Record<LargeFormat, (draft: PaperDraft, n: number) => string> = {
  'csl-json': (d, n) =>
    JSON.stringify({
      id: `item${n}`,
      type: 'article-journal',
      title: `${d.title} (${n})`,
      author: (d.authors ?? []).map((a) => ({ literal: a.name })),
      issued: { 'date-parts': [(d.publishedAt ?? '2024').split('-').map(Number)] },
      DOI: `10.5555/large.${n}`,
      abstract: d.abstract,
    }),
  // Better BibTeX's shape, with a TeX accent in every entry so the decoder has work to do.
  bibtex: (d, n) => `@article{key${n},
  title = {${braced(d.title ?? '')} ({\\'e}dition ${n})},
  author = {${(d.authors ?? []).map((a) => braced(a.name)).join(' and ')}},
  journal = {Journal of Generated Results},
  year = {${(d.publishedAt ?? '2024').slice(0, 4)}},
  doi = {10.5555/large.${n}},
  abstract = {${braced(d.abstract ?? '')}},
}

`,
  ris: (d, n) =>
    [
      'TY  - JOUR',
      `TI  - ${d.title} (${n})`,
      ...(d.authors ?? []).map((a) => `AU  - ${a.name}`),
      'T2  - Journal of Generated Results',
      `PY  - ${(d.publishedAt ?? '2024').slice(0, 4)}`,
      `DO  - 10.5555/large.${n}`,
      `AB  - ${d.abstract ?? ''}`,
      'ER  - ',
      '',
      '',
    ].join('\n'),
  // as a browser copies the page: title, abstract, authors or organisation, a `·` line, the date
  'hf-page': (d, n) =>
    `${d.title} (${n})\n\n${d.abstract ?? ''}\n\n  • ${(d.authors ?? []).length || 1} authors\n·\nDec ${1 + (n % 28)}\n\n`,
}
