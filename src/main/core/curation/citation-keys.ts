import { AppError } from '@shared/api/errors'
import { DEFAULT_KEY_PATTERN } from '@shared/api/curation-api'
import type { WritableDb } from '../db/open-database'
import { familyName } from './person-names'
import { requirePaper } from '../db/require-paper'

/** Words a readable key skips (`attention` is the short title of "Attention Is All You Need"). */
const STOP_WORDS = new Set(
  'a an and are as at be by do does for from how in into is it its of on or over the to towards under via we what when where which why with without you your'.split(
    ' ',
  ),
)

/** What a key is built from. */
export type KeySubject = {
  authors: ReadonlyArray<string>
  publishedAt: string | null
  title: string | null
  arxivId: string | null
  id: number
}

/** Letters and digits only, accents folded (`Müller` → `muller`), lower case. */
export function keyWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase()
}

function titleWords(title: string | null): string[] {
  return (title ?? '')
    .replace(/\$[^$]*\$/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .map(keyWord)
    .filter((word) => word !== '' && !STOP_WORDS.has(word))
}

/** The key `pattern` gives a paper, before it is made unique; never empty. */
export function keyFromPattern(pattern: string, subject: KeySubject): string {
  const first = subject.authors[0]
  const words = titleWords(subject.title)
  const fields: Record<string, string> = {
    auth: first ? keyWord(familyName(first)) : '',
    year: /^\d{4}/.exec(subject.publishedAt ?? '')?.[0] ?? '',
    shorttitle: words[0] ?? '',
    title3: words
      .slice(0, 3)
      .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
      .join(''),
  }
  const key = pattern
    .replace(/\[(\w+)\]/g, (_, name: string) => fields[name] ?? '')
    .replace(/[^A-Za-z0-9_:.+/-]/g, '')
    .slice(0, 90)
  if (/[A-Za-z0-9]/.test(key)) return key
  // Nothing to read a key from (no authors, year or title words): the identity will do.
  return subject.arxivId
    ? `arxiv${subject.arxivId.replace(/[^A-Za-z0-9]/g, '')}`
    : `paper${subject.id}`
}

/** The library's key pattern. */
export function keyPattern(db: WritableDb): string {
  const stored = db
    .prepare("SELECT value FROM settings WHERE key = 'citation-key-pattern'")
    .pluck()
    .get() as string | undefined
  return stored ?? DEFAULT_KEY_PATTERN
}

/** Stores the pattern new keys follow (existing keys stay: they are cited in manuscripts). */
export function setKeyPattern(db: WritableDb, pattern: string): void {
  db.prepare(
    "INSERT INTO settings (key, value) VALUES ('citation-key-pattern', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(pattern)
}

type KeyRow = {
  id: number
  title: string | null
  published_at: string | null
  arxiv_id: string | null
  authors: string | null
}

/**
 * Gives every paper of `ids` without a key one (`vaswani2017attention`, then `…a`, `…b` on a
 * clash, case ignored), in one transaction; returns how many got one. A stored key never changes.
 */
export function ensureCitationKeys(db: WritableDb, ids: ReadonlyArray<number>): number {
  return db
    .transaction(() => {
      const missing = db
        .prepare(
          `SELECT p.id, p.title, p.published_at, p.arxiv_id,
                  (SELECT name FROM paper_authors a WHERE a.paper_id = p.id ORDER BY position LIMIT 1) AS authors
           FROM papers p WHERE p.citation_key IS NULL AND p.id IN (SELECT value FROM json_each(?))
           ORDER BY p.id`,
        )
        .all(JSON.stringify(ids)) as KeyRow[]
      if (missing.length === 0) return 0
      const pattern = keyPattern(db)
      const taken = new Set(
        (
          db
            .prepare('SELECT citation_key FROM papers WHERE citation_key IS NOT NULL')
            .pluck()
            .all() as string[]
        ).map((k) => k.toLowerCase()),
      )
      const store = db.prepare('UPDATE papers SET citation_key = ? WHERE id = ?')
      for (const row of missing) {
        const base = keyFromPattern(pattern, {
          id: row.id,
          title: row.title,
          publishedAt: row.published_at,
          arxivId: row.arxiv_id,
          authors: row.authors === null ? [] : [row.authors],
        })
        const key = uniqueKey(base, taken)
        taken.add(key.toLowerCase())
        store.run(key, row.id)
      }
      return missing.length
    })
    .immediate()
}

/** `base`, else `base` + a, b, …, z, aa, ab, … : the first one not taken. */
function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base
  for (let n = 0; ; n += 1) {
    const candidate = base + suffix(n)
    if (!taken.has(candidate.toLowerCase())) return candidate
  }
}

function suffix(n: number): string {
  let text = ''
  let rest = n
  do {
    text = String.fromCharCode(97 + (rest % 26)) + text
    rest = Math.floor(rest / 26) - 1
  } while (rest >= 0)
  return text
}

/** Sets a paper's key by hand (null gives it a fresh one from the pattern). Error `invalid-input` when another paper has it. */
export function setCitationKey(db: WritableDb, id: number, key: string | null): string {
  return db
    .transaction(() => {
      requirePaper(db, id)
      if (key === null) {
        db.prepare('UPDATE papers SET citation_key = NULL WHERE id = ?').run(id)
        ensureCitationKeys(db, [id])
      } else {
        const holder = db
          .prepare('SELECT id FROM papers WHERE citation_key = ? COLLATE NOCASE AND id <> ?')
          .pluck()
          .get(key, id) as number | undefined
        if (holder !== undefined) {
          throw new AppError(
            'invalid-input',
            `The citation key "${key}" belongs to paper ${holder}.`,
          )
        }
        db.prepare('UPDATE papers SET citation_key = ? WHERE id = ?').run(key, id)
      }
      return db.prepare('SELECT citation_key FROM papers WHERE id = ?').pluck().get(id) as string
    })
    .immediate()
}
