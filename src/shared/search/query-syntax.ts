// The search box language, shared by the engine (which runs it) and the renderer (which colours
// operators and shows warnings as the user types). Pure: no Node, no DOM.

/** Operators the search box understands, with what each one filters on. */
export const QUERY_OPERATORS = {
  tag: 'papers with this tag (or one below it: `tag:llm` includes `llm/decoding`)',
  author: 'an author whose name has a word starting with this',
  org: 'the organization that posted the paper',
  year: 'published in a year (`year:2024`) or a range (`year:2023..2025`)',
  is: 'unread, reading, read, starred, pdf (a stored PDF), new (added since the last visit) or annotated (has highlights or notes)',
  source: 'imported from the list or file with this name',
  annotation: 'a highlight or comment made in the PDF reader holding these words',
} as const

/** An operator name. */
export type QueryOperator = keyof typeof QUERY_OPERATORS

/** Values `is:` accepts. */
export const IS_VALUES = [
  'unread',
  'reading',
  'read',
  'starred',
  'pdf',
  'new',
  'annotated',
] as const
/** One `is:` value. */
export type IsValue = (typeof IS_VALUES)[number]

/** A filter from an operator; `negated` for a leading `-` (`-tag:read-later`). */
export type QueryFilter =
  | { kind: 'tag' | 'author' | 'org' | 'source' | 'annotation'; value: string; negated: boolean }
  | { kind: 'year'; from: number; to: number; negated: boolean }
  | { kind: 'is'; value: IsValue; negated: boolean }

/** Something in the query the engine did not take as meant, with where it is. */
export type QueryWarning = { message: string; start: number; end: number }

/** A piece of the query text, for colouring it: `[start, end)` in the original string. */
export type QueryToken = {
  kind: 'word' | 'phrase' | 'operator' | 'unknown-operator' | 'invalid-operator'
  start: number
  end: number
  negated: boolean
}

/** A parsed query. Words and phrases are normalised (lower case, without diacritics). */
export type ParsedQuery = {
  /** Free-text words, in order; each may be a prefix of the word meant (as-you-type). */
  words: string[]
  /** Words after a `-`: papers containing them are left out. */
  excludedWords: string[]
  /** `"exact phrase"`s, each as its words. */
  phrases: string[][]
  filters: QueryFilter[]
  warnings: QueryWarning[]
  tokens: QueryToken[]
}

const YEAR_MIN = 1000
const YEAR_MAX = 9999

/** Lower case without diacritics (`Müller` → `muller`), the form words are compared in. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** The words of a text as the index splits them (letters and digits; `gpt-4` is `gpt`, `4`). */
export function splitWords(text: string): string[] {
  return normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? []
}

type RawToken = { text: string; start: number; end: number; quoted: boolean }

/**
 * Splits on whitespace, keeping `"…"` together (also after `key:`); an unclosed quote runs to
 * the end, since the user is still typing it.
 */
function scan(query: string): RawToken[] {
  const tokens: RawToken[] = []
  let i = 0
  while (i < query.length) {
    if (/\s/.test(query[i] ?? '')) {
      i += 1
      continue
    }
    const start = i
    let quoted = false
    while (i < query.length && !/\s/.test(query[i] ?? '')) {
      if (query[i] === '"') {
        quoted = true
        const close = query.indexOf('"', i + 1)
        i = close === -1 ? query.length : close + 1
      } else {
        i += 1
      }
    }
    tokens.push({ text: query.slice(start, i), start, end: i, quoted })
  }
  return tokens
}

const unquote = (text: string): string => text.replace(/^"/, '').replace(/"$/, '')

/** Parses a search box query. Never throws: what it cannot take is in `warnings`. */
export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = {
    words: [],
    excludedWords: [],
    phrases: [],
    filters: [],
    warnings: [],
    tokens: [],
  }
  for (const raw of scan(query)) {
    const negated = raw.text.startsWith('-') && raw.text.length > 1
    const body = negated ? raw.text.slice(1) : raw.text
    const operator = /^([a-z]+):(.*)$/is.exec(body)
    if (operator) {
      parseOperator(
        parsed,
        raw,
        (operator[1] ?? '').toLowerCase(),
        unquote(operator[2] ?? ''),
        negated,
      )
      continue
    }
    if (body.startsWith('"')) {
      const words = splitWords(unquote(body))
      if (words.length === 0) continue
      parsed.tokens.push({ kind: 'phrase', start: raw.start, end: raw.end, negated })
      if (negated) parsed.excludedWords.push(...words)
      else if (words.length === 1) parsed.words.push(...words)
      else parsed.phrases.push(words)
      continue
    }
    const words = splitWords(body)
    if (words.length === 0) continue
    parsed.tokens.push({ kind: 'word', start: raw.start, end: raw.end, negated })
    if (negated) parsed.excludedWords.push(...words)
    else parsed.words.push(...words)
  }
  return parsed
}

function parseOperator(
  parsed: ParsedQuery,
  raw: RawToken,
  name: string,
  value: string,
  negated: boolean,
): void {
  const at = { start: raw.start, end: raw.end }
  const token = (kind: QueryToken['kind']) => parsed.tokens.push({ kind, ...at, negated })
  const invalid = (message: string) => {
    token('invalid-operator')
    parsed.warnings.push({ message, ...at })
  }
  if (!Object.hasOwn(QUERY_OPERATORS, name)) {
    // Searched as text, so `re:invent` or a pasted `arXiv:2401.12345` still finds something.
    token('unknown-operator')
    parsed.warnings.push({
      message: `Unknown operator "${name}:" (known: ${Object.keys(QUERY_OPERATORS).join(', ')}); searched as text.`,
      ...at,
    })
    const words = splitWords(`${name} ${value}`)
    if (negated) parsed.excludedWords.push(...words)
    else parsed.words.push(...words)
    return
  }
  const trimmed = value.trim()
  // `tag:` with nothing after it yet is a query being typed, not a mistake.
  if (trimmed === '') return
  switch (name as QueryOperator) {
    case 'year': {
      const range = /^(\d{4})(?:\.\.(\d{4}))?$/.exec(trimmed)
      const from = Number(range?.[1])
      const to = range?.[2] === undefined ? from : Number(range[2])
      if (!range || from < YEAR_MIN || to > YEAR_MAX || from > to) {
        invalid(`"year:${trimmed}" is not a year or range (year:2024, year:2023..2025).`)
        return
      }
      token('operator')
      parsed.filters.push({ kind: 'year', from, to, negated })
      return
    }
    case 'is': {
      const wanted = trimmed.toLowerCase()
      const known = IS_VALUES.find((v) => v === wanted)
      if (!known) {
        invalid(`"is:${trimmed}" is not one of ${IS_VALUES.map((v) => `is:${v}`).join(', ')}.`)
        return
      }
      token('operator')
      parsed.filters.push({ kind: 'is', value: known, negated })
      return
    }
    default:
      token('operator')
      parsed.filters.push({
        kind: name as 'tag' | 'author' | 'org' | 'source' | 'annotation',
        value: trimmed,
        negated,
      })
  }
}

/** True when the query asks for nothing (no words, phrases or filters). */
export function isEmptyQuery(parsed: ParsedQuery): boolean {
  return parsed.words.length === 0 && parsed.phrases.length === 0 && parsed.filters.length === 0
}
