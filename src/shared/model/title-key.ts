import { rememberRecent } from '../util/recent-results'

/**
 * The normalised form of a title used to recognise the same paper across sources: Unicode
 * compatibility forms folded, TeX markup and accents dropped, case folded, punctuation and
 * whitespace collapsed. Null when nothing is left.
 */
export function titleKey(title: string | null | undefined): string | null {
  return title ? recentKey(title) : null
}

// A sync asks for the key of each title several times (matching, merging); a list re-sort asks
// for the same titles again.
const recentKey = rememberRecent(4_096, computeKey)

function computeKey(title: string): string | null {
  const key = title
    .normalize('NFKC')
    // TeX: accent commands (\'e, \"{o}) and control words (\emph, \textbf) vanish, their arguments stay
    .replace(/\\[`'^"~=.]/g, '')
    .replace(/\\[uvHtcdbrk](?=[{\s])/g, '')
    .replace(/\\[a-zA-Z]+\*?/g, ' ')
    .replace(/[{}$]/g, '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return key === '' ? null : key
}
