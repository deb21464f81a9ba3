import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ImportFormat } from '@shared/api/inputs'
import { createWorkerClient, reviveAppError } from '../workers/worker-client'
import { parseImportText, type ParsedImport } from './import-text'
import type { ImportWorkerRequest } from './import-worker'

/** A parse of an import text may take this long (a 48 MB BibTeX file takes minutes). */
const PARSE_TIMEOUT_MS = 15 * 60_000
/**
 * Texts shorter than this are parsed where they arrive: a pasted list or a small file takes a few
 * milliseconds (BibTeX, the slowest, about 15 ms per 32 KB), less than starting the thread.
 */
const INLINE_BELOW_CHARS = 32 * 1024

/** Parses import texts in the import thread. */
export type ImportParser = {
  parse(request: {
    text: string
    format: ImportFormat
    sourceName: string
    now: Date
  }): Promise<ParsedImport>
  close(): Promise<void>
}

/**
 * Parses small texts at once and larger ones in the import thread (started on first use); errors
 * come back as the AppErrors the parsers threw.
 */
export function createImportParser(options: { inlineBelowChars?: number } = {}): ImportParser {
  const inlineBelow = options.inlineBelowChars ?? INLINE_BELOW_CHARS
  const client = createWorkerClient<ImportWorkerRequest>({
    name: 'import-worker',
    sourceDir: dirname(fileURLToPath(import.meta.url)),
    label: 'import thread',
    revive: reviveAppError,
  })
  return {
    parse: async ({ text, format, sourceName, now }) => {
      if (text.length < inlineBelow) return parseImportText(text, format, { now, sourceName })
      return client.request<ParsedImport>(
        { text, format, sourceName, now: now.toISOString() },
        PARSE_TIMEOUT_MS,
        sourceName,
      )
    },
    close: () => client.close(),
  }
}
