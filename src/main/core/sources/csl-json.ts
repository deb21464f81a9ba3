import { cslItemSchema, cslItemToDraft } from './csl-item'
import { assertMaxChars } from './input-limits'
import type { PaperDraft, ParsedList } from './paper-draft'
import { ParseError } from './parse-error'
import { scanJsonShape } from './json-shape'
import { assertTextInput } from './text-input'

/** The largest CSL-JSON file read (a 20,000-item library with abstracts is about 30 MB). */
export const MAX_CSL_JSON_CHARS = 48 * 1024 * 1024
/** CSL-JSON is four levels deep (items, names or dates, date parts); real files stay far below this. */
const MAX_DEPTH = 16

/**
 * Parses a CSL-JSON file (Zotero "CSL JSON", Better CSL JSON, citeproc tools): a top-level array
 * of items (or one item), each validated; see `cslItemToDraft` for the mapping. An item that is
 * not an object, or a field of the wrong type, fails the file with the item's number and line.
 */
export function parseCslJson(
  text: string,
  options: { sourceUrl: string; itemsBefore?: number },
): ParsedList {
  const before = options.itemsBefore ?? 0
  assertMaxChars(text, MAX_CSL_JSON_CHARS, 'a CSL-JSON file')
  assertTextInput(text)
  const body = text.replace(/^\uFEFF/, '')
  const { itemLines } = scanJsonShape(body, MAX_DEPTH)
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new ParseError(`this is not valid JSON (${detail})`, jsonErrorLine(body, detail))
  }
  const items = Array.isArray(data) ? data : [data]
  const drafts: PaperDraft[] = []
  const skipped: Array<{ line: number | null; entry: string; reason: string }> = []
  items.forEach((value, index) => {
    const line = Array.isArray(data) ? (itemLines[index] ?? null) : 1
    const parsed = cslItemSchema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const path = issue?.path.length ? ` at '${issue.path.join('.')}'` : ''
      throw new ParseError(
        `CSL-JSON item ${before + index + 1}${path}: ${issue?.message ?? 'invalid'}`,
        line,
      )
    }
    const draft = cslItemToDraft(parsed.data, {
      line,
      rank: drafts.length + 1,
      section: null,
      raw: JSON.stringify(value),
    })
    if (draft) drafts.push(draft)
    else {
      skipped.push({
        line,
        entry: `item ${before + index + 1}${parsed.data.id ? ` (${parsed.data.id})` : ''}`,
        reason: 'neither a title nor an arXiv id or DOI',
      })
    }
  })
  return { drafts, skipped }
}

function jsonErrorLine(text: string, detail: string): number | null {
  const position = /position (\d+)/.exec(detail)?.[1]
  if (position === undefined) return null
  return text.slice(0, Number(position)).split('\n').length
}
