import { z } from 'zod'

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

const text = (max: number) => z.string().max(max)

/** A snapshot as it arrives from another process. */
export const pageSnapshotSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(4096),
  title: text(10_000),
  meta: z.array(z.strictObject({ name: text(200), content: text(100_000) })).max(MAX_SNAPSHOT_META),
  links: z.array(z.strictObject({ href: text(4096), text: text(2000) })).max(MAX_SNAPSHOT_LINKS),
})
