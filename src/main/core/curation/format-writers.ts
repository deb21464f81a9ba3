// The writers that need citation-js and citeproc, whose loading costs a one-shot command most of
// its start-up. They are reached through `loadFormatWriters` only, so they load on the first
// export or citation.
export { citeItems } from './cite'
export { writeBibtex } from './bibtex-writer'
export { writeRis } from './ris-writer'
