import { parse } from '@retorquere/bibtex-parser'
import { rememberRecent } from '@shared/util/recent-results'
import { richTextToPlain } from './markup-text'

/** What the BibTeX parser is asked to do: convert TeX, but never re-case titles. */
export const BIBTEX_OPTIONS = {
  sentenceCase: false,
  caseProtection: false,
  english: false,
  // An unknown command is kept as written (`\mathbb`), not reported as an error or dropped.
  unsupported: (_node: unknown, tex: string) => tex,
} as const

/**
 * Turns a TeX fragment (`Barth\'elemy`, `l'\'Ecole`) into Unicode text with the BibTeX parser.
 * Text without a backslash or brace is returned as it is; so is a fragment with unbalanced braces.
 */
export function latexToText(tex: string): string {
  if (!/[\\{}~]/.test(tex) || !bracesBalance(tex)) return tex
  return converted(tex)
}

// Each conversion runs a full TeX parse (about a millisecond); names recur across a feed.
const converted = rememberRecent(10_000, convert)

function convert(tex: string): string {
  // A field name the parser has no special mode for is read as plain literal text.
  const library = parse(`@misc{x, plaintext = {${tex}}}`, BIBTEX_OPTIONS)
  const value = library.entries[0]?.fields.plaintext
  return typeof value === 'string' ? richTextToPlain(value) : tex
}

/** True when every `{` has its `}` (escaped braces aside). */
export function bracesBalance(tex: string): boolean {
  let depth = 0
  for (let i = 0; i < tex.length; i++) {
    const char = tex[i]
    if (char === '\\') i++
    else if (char === '{') depth++
    else if (char === '}' && --depth < 0) return false
  }
  return depth === 0
}
