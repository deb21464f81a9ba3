import { z } from 'zod'
import { AppError } from '@shared/api/errors'
import type { LibraryDocument, Row } from '@shared/api/library-document'
import { RULE_ACTIONS } from '@shared/api/triage-api'
import { READING_STATUSES } from '@shared/model/paper'
import { SYNC_RUN_STATUSES } from '@shared/model/sync-source'
import { PAPER_CHILDREN } from './library-tables'

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest is 64 lower-case hex digits')
const webUrl = z
  .string()
  .max(8192)
  .refine((text) => /^https?:$/.test(safeUrl(text)?.protocol ?? ''), 'an http(s) address')
  .nullable()
const count = z.number().int().min(0)
const flag = z.union([z.literal(0), z.literal(1)])
const stamp = z
  .string()
  .max(64)
  .refine((text) => !Number.isNaN(Date.parse(text)), 'a date and time')

/**
 * What a column may hold, by table: values a later command trusts as a file name (digests),
 * an address to fetch, or a closed set. Other columns are checked by their table's own
 * constraints when the row is written.
 */
const COLUMN_RULES: Readonly<Record<string, Readonly<Record<string, z.ZodType>>>> = {
  papers: {
    status: z.enum(READING_STATUSES),
    starred: flag,
    withdrawn: flag,
    pdf_url: webUrl,
    code_url: webUrl,
    project_url: webUrl,
    added_at: stamp,
    modified_at: stamp,
    triaged_at: stamp.nullable(),
  },
  paper_files: { sha256, size: count, origin: z.enum(['download', 'attach']), added_at: stamp },
  pdf_texts: { sha256, state: z.enum(['pending', 'done', 'failed']) },
  pdf_downloads: { state: z.enum(['queued', 'running', 'failed', 'cancelled']), url: webUrl },
  sync_runs: { status: z.enum(SYNC_RUN_STATUSES), started_at: stamp },
  arrival_rules: {
    query: z.string().trim().min(1).max(1000),
    action: z.enum(RULE_ACTIONS),
    created_at: stamp,
  },
}

/**
 * Checks every row of a library document against the column rules before anything is written,
 * naming the table, the row and the column of the first bad value (`parse-error`).
 */
export function validateDocumentFields(doc: LibraryDocument, name: string): void {
  const check = (table: string, row: Row, where: string): void => {
    const rules = COLUMN_RULES[table]
    if (!rules) return
    for (const [column, rule] of Object.entries(rules)) {
      if (!Object.hasOwn(row, column)) continue
      const result = rule.safeParse(row[column])
      if (!result.success) {
        const problem = result.error.issues[0]?.message ?? 'invalid'
        throw new AppError(
          'parse-error',
          `${name}: ${where}: ${table}.${column} ${JSON.stringify(row[column]).slice(0, 80)} is not valid (${problem}); nothing was imported.`,
        )
      }
    }
  }
  doc.papers.forEach((paper, index) => {
    const where = `paper ${paper.id} (entry ${index + 1})`
    check('papers', paper as Row, where)
    for (const [key, { table }] of Object.entries(PAPER_CHILDREN)) {
      for (const row of paper[key as keyof typeof PAPER_CHILDREN]) check(table, row, where)
    }
  })
  for (const [table, rows] of Object.entries(doc.tables)) {
    rows.forEach((row, index) => check(table, row, `row ${index + 1} of ${table}`))
  }
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}
