import { normalizeText } from '@shared/search/query-syntax'
import type { MatchRange } from '@shared/api/library-api'
import type { WordPlan } from './plan-query'

/** A word of a field: where it is in the original text and its normalised form. */
export type FieldToken = { start: number; end: number; norm: string; stem: string }

const ASCII = /^[ -~\t\n\r]*$/

/** The words of a text with their positions, normalised as queries are. */
export function tokenize(text: string): FieldToken[] {
  const tokens: FieldToken[] = []
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = match[0]
    // Decomposing is only needed for letters with accents; most words are plain ASCII.
    const norm = ASCII.test(word) ? word.toLowerCase() : normalizeText(word)
    if (norm !== '') {
      tokens.push({ start: match.index, end: match.index + word.length, norm, stem: stem(norm) })
    }
  }
  return tokens
}

const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['ies', 'y'],
  ['ing', ''],
  ['ed', ''],
  ['es', ''],
]

/** A light English stem, enough to see `models` ~ `model` and `decoding` ~ `decode`. */
export function stem(word: string): string {
  if (word.length <= 3) return word
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return word.slice(0, -suffix.length) + replacement
    }
  }
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word.endsWith('e') ? word.slice(0, -1) : word
}

/**
 * How well one field word matches a query word, 0–1: the word itself 1, the same stem 0.95, a
 * longer word it starts (as-you-type) 0.6–0.9, a correction 0.75 (one edit) or 0.6 (two).
 */
export function wordQuality(token: FieldToken, plan: WordPlan): number {
  let best = 0
  const first = token.norm.charCodeAt(0)
  for (const variant of plan.variants) {
    // Every kind of match shares the first letter (corrections are whole library words).
    if (variant.term.charCodeAt(0) !== first) continue
    let quality = 0
    if (variant.kind === 'prefix' || variant.kind === 'exact') {
      if (token.norm === variant.term) quality = 1
      else if (token.stem === stem(variant.term)) quality = 0.95
      else if (variant.kind === 'prefix' && token.norm.startsWith(variant.term)) {
        quality =
          variant.term.length < 2 ? 0.3 : 0.6 + (0.3 * variant.term.length) / token.norm.length
      }
    } else if (variant.kind === 'complete') {
      if (token.norm === variant.term || token.stem === stem(variant.term)) {
        quality = 0.6 + (0.3 * plan.word.length) / token.norm.length
      }
    } else if (variant.kind === 'fuzzy') {
      if (token.norm === variant.term || token.stem === stem(variant.term)) {
        quality = variant.edits <= 1 ? 0.75 : 0.6
      }
    }
    if (quality > best) best = quality
  }
  return best
}

const patterns = new Map<string, RegExp | null>()
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** One ASCII expression per query word, shared across searches (compiling is the costly part). */
const byPlan = new WeakMap<WordPlan, RegExp | null>()

function patternOf(plan: WordPlan): RegExp | null {
  const known = byPlan.get(plan)
  if (known !== undefined) return known
  const heads = [...new Set(plan.variants.map((v) => commonStart(v.term, stem(v.term))))]
  const key = heads.join('|')
  let pattern = patterns.get(key)
  if (pattern === undefined) {
    if (patterns.size > 1_000) patterns.clear()
    pattern = heads.every((head) => ASCII.test(head))
      ? new RegExp(`\\b(?:${heads.map(escape).join('|')})[a-z0-9]*`, 'gi')
      : null
    patterns.set(key, pattern)
  }
  byPlan.set(plan, pattern)
  return pattern
}

/**
 * The words of `text` that may match a query word (found with one regular expression, without
 * splitting the whole text), each with its match quality above 0.
 */
export function matchingTokens(
  text: string,
  plan: WordPlan,
): Array<FieldToken & { quality: number }> {
  if (text === '') return []
  const found: Array<FieldToken & { quality: number }> = []
  const pattern = ASCII.test(text) ? patternOf(plan) : null
  if (!pattern) {
    for (const token of tokenize(text)) {
      const quality = wordQuality(token, plan)
      if (quality > 0) found.push({ ...token, quality })
    }
    return found
  }
  pattern.lastIndex = 0
  for (const match of text.matchAll(pattern)) {
    const norm = match[0].toLowerCase()
    const token = { start: match.index, end: match.index + norm.length, norm, stem: stem(norm) }
    const quality = wordQuality(token, plan)
    if (quality > 0) found.push({ ...token, quality })
  }
  return found
}

function commonStart(a: string, b: string): string {
  let n = 0
  while (n < a.length && a[n] === b[n]) n += 1
  return a.slice(0, Math.max(n, 1))
}

/** How many words a text has. */
export function countWords(text: string): number {
  return (
    (ASCII.test(text) ? text.match(/[a-z0-9]+/gi) : text.match(/[\p{L}\p{N}\p{M}]+/gu))?.length ?? 0
  )
}

/** Ranges of a phrase (as consecutive words) in a field's tokens. */
export function phraseRanges(
  tokens: ReadonlyArray<FieldToken>,
  phrase: ReadonlyArray<string>,
): MatchRange[] {
  const ranges: MatchRange[] = []
  for (let i = 0; i + phrase.length <= tokens.length; i += 1) {
    if (phrase.every((word, k) => tokens[i + k]?.stem === stem(word))) {
      ranges.push([tokens[i]?.start ?? 0, tokens[i + phrase.length - 1]?.end ?? 0])
    }
  }
  return ranges
}

/** Sorts ranges and merges overlapping or touching ones. */
export function mergeRanges(ranges: ReadonlyArray<MatchRange>): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: Array<[number, number]> = []
  for (const [start, end] of sorted) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}
