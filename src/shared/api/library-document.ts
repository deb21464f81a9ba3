import { z } from 'zod'
import { TRIAGE_STATES } from './triage-api'

/** The `format` value that marks a Papershelf library document. */
export const LIBRARY_DOCUMENT_FORMAT = 'papershelf-library' as const
/** The version of the document layout (not of the database schema). */
export const LIBRARY_DOCUMENT_VERSION = 1 as const

/** A database row as plain JSON values. */
export type Row = Record<string, string | number | null>

const cell = z.union([z.string(), z.number(), z.null()])
const rowSchema = z.record(z.string(), cell)

/**
 * One paper with everything that hangs off it: its columns as stored (snake_case), its authors,
 * categories, stored files and provenance rows, and its tags by name. Its triage state travels
 * with it (`inbox`, `library`, `dismissed`, `trash`, or `purged`: a tombstone, the identity of a
 * paper whose trash was emptied, so a sync into the new library does not bring it back), with
 * when it was triaged and which arrival rules acted on it; a document from before triage has
 * none, and its papers are in the library.
 */
export const documentPaperSchema = z.looseObject({
  id: z.number().int().positive(),
  triage: z.enum(TRIAGE_STATES).optional(),
  triaged_at: z.string().max(64).nullable().optional(),
  rule_note: z.string().max(100_000).nullable().optional(),
  authors: z.array(rowSchema),
  categories: z.array(rowSchema),
  tags: z.array(z.strictObject({ name: z.string(), added_at: z.string() })),
  sources: z.array(rowSchema),
  files: z.array(rowSchema),
})

/** A user list with its papers in order. */
export const documentListSchema = z.looseObject({
  id: z.number().int().positive(),
  name: z.string(),
  papers: z.array(rowSchema),
})

/** The whole library as one JSON document: nothing in the database is left out. */
export const libraryDocumentSchema = z.strictObject({
  format: z.literal(LIBRARY_DOCUMENT_FORMAT),
  formatVersion: z.literal(LIBRARY_DOCUMENT_VERSION),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  tags: z.array(rowSchema),
  sources: z.array(rowSchema),
  lists: z.array(documentListSchema),
  papers: z.array(documentPaperSchema),
  /** Every other table, row by row, so data added by later schema versions travels too. */
  tables: z.record(z.string(), z.array(rowSchema)),
})

/** The portable form of a library (`papershelf export --format json`). */
export type LibraryDocument = z.infer<typeof libraryDocumentSchema>

/** True when a text looks like a library document (cheap check before parsing it whole). */
export function looksLikeLibraryDocument(text: string): boolean {
  const head = text.slice(0, 200).trimStart()
  return (
    head.startsWith('{') &&
    head.includes(`"format"`) &&
    head.includes(`"${LIBRARY_DOCUMENT_FORMAT}"`)
  )
}
