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
  // Most words are plain ASCII: nothing to fold.
  const folded = /^[ -~]*$/.test(text)
    ? text
    : text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/ß/g, 'ss')
  return folded.replace(/[^A-Za-z0-9]/g, '').toLowerCase()
}

/** The first `count` words of a title a key may use (no stop words, no TeX math). */
function titleWords(title: string | null, count: number): string[] {
  const words: string[] = []
  if (!title) return words
  const text = title.includes('$') ? title.replace(/\$[^$]*\$/g, ' ') : title
  // Read word by word: a key needs the first one or three, not the whole title split.
  for (const [part] of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = keyWord(part)
    if (word === '' || STOP_WORDS.has(word)) continue
    words.push(word)
    if (words.length === count) break
  }
  return words
}

type KeyField = 'auth' | 'year' | 'shorttitle' | 'title3'
const FIELD_NAMES: ReadonlySet<string> = new Set(['auth', 'year', 'shorttitle', 'title3'])
/** A pattern cut once into literal text and fields (a first export builds 50k keys with one). */
type CompiledPattern = ReadonlyArray<{ text: string } | { field: KeyField }>

const compiled = new Map<string, CompiledPattern>()

function compilePattern(pattern: string): CompiledPattern {
  const known = compiled.get(pattern)
  if (known) return known
  const parts: Array<{ text: string } | { field: KeyField }> = []
  let last = 0
  for (const match of pattern.matchAll(/\[(\w+)\]/g)) {
    parts.push({ text: pattern.slice(last, match.index).replace(/[^A-Za-z0-9_:.+/-]/g, '') })
    const name = match[1] ?? ''
    if (FIELD_NAMES.has(name)) parts.push({ field: name as KeyField })
    last = match.index + match[0].length
  }
  parts.push({ text: pattern.slice(last).replace(/[^A-Za-z0-9_:.+/-]/g, '') })
  compiled.set(pattern, parts)
  return parts
}

function fieldValue(field: KeyField, subject: KeySubject): string {
  switch (field) {
    case 'auth': {
      const first = subject.authors[0]
      return first ? keyWord(familyName(first)) : ''
    }
    case 'year':
      return /^\d{4}/.exec(subject.publishedAt ?? '')?.[0] ?? ''
    case 'shorttitle':
      return titleWords(subject.title, 1)[0] ?? ''
    case 'title3':
      return titleWords(subject.title, 3)
        .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
        .join('')
  }
}

/** The key `pattern` gives a paper, before it is made unique; never empty. */
export function keyFromPattern(pattern: string, subject: KeySubject): string {
  let key = ''
  for (const part of compilePattern(pattern)) {
    key += 'text' in part ? part.text : fieldValue(part.field, subject)
  }
  key = key.slice(0, 90)
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

/**
 * Gives each paper of `subjects` a key (`vaswani2017attention`, then `…a`, `…b` on a clash, case
 * ignored) in one transaction, oldest paper first, and returns the key of each. A paper that got
 * a key meanwhile (another writer) keeps it. The new keys are one insert of small rows: a first
 * export of 50k papers gives 50k keys.
 */
export function assignCitationKeys(
  db: WritableDb,
  subjects: ReadonlyArray<KeySubject>,
): Map<number, string> {
  if (subjects.length === 0) return new Map()
  return db
    .transaction(() => {
      const pattern = keyPattern(db)
      const taken = new Set(
        (db.prepare('SELECT key FROM citation_keys').pluck().all() as string[]).map((k) =>
          k.toLowerCase(),
        ),
      )
      const keys = new Map<number, string>()
      for (const subject of [...subjects].sort((x, y) => x.id - y.id)) {
        if (keys.has(subject.id)) continue
        const key = uniqueKey(keyFromPattern(pattern, subject), taken)
        taken.add(key.toLowerCase())
        keys.set(subject.id, key)
      }
      const inserted = db
        .prepare(
          `INSERT INTO citation_keys (paper_id, key)
           SELECT value ->> 0, value ->> 1 FROM json_each(?) WHERE true
           ON CONFLICT (paper_id) DO NOTHING`,
        )
        .run(JSON.stringify([...keys])).changes
      if (inserted < keys.size) {
        const stored = db
          .prepare(
            'SELECT paper_id, key FROM citation_keys WHERE paper_id IN (SELECT value FROM json_each(?))',
          )
          .raw()
          .all(JSON.stringify([...keys.keys()])) as Array<[number, string]>
        return new Map(stored)
      }
      return keys
    })
    .immediate()
}

type KeyRow = [
  id: number,
  title: string | null,
  publishedAt: string | null,
  arxivId: string | null,
  firstAuthor: string | null,
]

/** Gives every paper of `ids` without a key one (`assignCitationKeys`); returns how many got one. */
export function ensureCitationKeys(db: WritableDb, ids: ReadonlyArray<number>): number {
  const missing = db
    .prepare(
      `SELECT p.id, p.title, p.published_at, p.arxiv_id,
              (SELECT name FROM paper_authors a WHERE a.paper_id = p.id ORDER BY position LIMIT 1)
       FROM json_each(?) j CROSS JOIN papers p ON p.id = j.value
       WHERE NOT EXISTS (SELECT 1 FROM citation_keys k WHERE k.paper_id = p.id)`,
    )
    .raw()
    .all(JSON.stringify([...new Set(ids)])) as KeyRow[]
  return assignCitationKeys(
    db,
    missing.map(([id, title, publishedAt, arxivId, firstAuthor]) => ({
      id,
      title,
      publishedAt,
      arxivId,
      authors: firstAuthor === null ? [] : [firstAuthor],
    })),
  ).size
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
        db.prepare('DELETE FROM citation_keys WHERE paper_id = ?').run(id)
        ensureCitationKeys(db, [id])
      } else {
        const holder = db
          .prepare('SELECT paper_id FROM citation_keys WHERE key = ? AND paper_id <> ?')
          .pluck()
          .get(key, id) as number | undefined
        if (holder !== undefined) {
          throw new AppError(
            'invalid-input',
            `The citation key "${key}" belongs to paper ${holder}.`,
          )
        }
        db.prepare(
          'INSERT INTO citation_keys (paper_id, key) VALUES (?, ?) ON CONFLICT (paper_id) DO UPDATE SET key = excluded.key',
        ).run(id, key)
      }
      return db
        .prepare('SELECT key FROM citation_keys WHERE paper_id = ?')
        .pluck()
        .get(id) as string
    })
    .immediate()
}
