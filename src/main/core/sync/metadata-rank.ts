/**
 * How much each kind of source is trusted for titles, abstracts and authors: a source fills blanks
 * left by any other, but only overwrites what a source of the same or lower rank wrote.
 * arXiv > Hugging Face API and DOI registries (Crossref, DataCite) > reference managers > copied pages > bare id lists.
 */
export const METADATA_RANK = {
  ids: 0,
  'hf-page': 1,
  'reference-file': 2,
  'awesome-list': 2,
  'web-page': 2,
  feed: 3,
  'hf-api': 4,
  'doi-registry': 4,
  arxiv: 5,
} as const

export type MetadataOrigin = keyof typeof METADATA_RANK
