import type * as Writers from './format-writers'

/** The BibTeX, RIS and citation writers (see `format-writers.ts`). */
export type FormatWriters = typeof Writers

/** Loads the writers on first use; later calls get the same module. */
export const loadFormatWriters = (): Promise<FormatWriters> => import('./format-writers')
