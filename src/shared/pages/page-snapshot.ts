/**
 * What a page offers for finding papers, read from its DOM (the extension's content script) or
 * its HTML (`papershelf add <url>`): plain data, so the same extraction runs in both places and
 * crosses process boundaries as JSON.
 */
export type PageSnapshot = {
  /** The page's address (after redirects). */
  url: string
  /** The document title. */
  title: string
  /** `<meta name|property content>` pairs in document order; names are lower-case. */
  meta: ReadonlyArray<{ name: string; content: string }>
  /** Absolute `<a href>` targets with their text, in document order. */
  links: ReadonlyArray<{ href: string; text: string }>
}

/** The most links and meta tags a snapshot keeps (a listing page has a few hundred). */
export const MAX_SNAPSHOT_LINKS = 5_000
export const MAX_SNAPSHOT_META = 2_000
