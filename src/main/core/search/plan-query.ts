import type { ParsedQuery } from '@shared/search/query-syntax'
import type { Vocabulary } from './vocabulary'

/** One way a query word may appear in a paper. */
export type WordVariant = {
  term: string
  /**
   * `prefix`: the word as typed, matching longer words; `exact`: a short word before the last,
   * matched as a whole; `complete`: a library word it starts; `fuzzy`: a library word 1–2 edits away.
   */
  kind: 'prefix' | 'exact' | 'complete' | 'fuzzy'
  edits: number
}

/** How one query word is searched. */
export type WordPlan = {
  word: string
  variants: WordVariant[]
  /** False for one-letter words and common words like `of` (when others remain): they only add to the score. */
  required: boolean
  /** True when the library's titles, authors or tags hold the word (or a word it starts). */
  known: boolean
  /** How many papers' titles, authors or tags hold one of its variants (how broad it is). */
  docs: number
}

/** A query turned into what the index is asked. */
export type QueryPlan = { words: WordPlan[]; phrases: string[][]; excluded: string[] }

/** Longest prefix for which the index's own prefix search is enough (stems are never shorter). */
const SHORT_PREFIX = 3
const COMPLETIONS = 6
const CORRECTIONS = 3
/** Words nearly every abstract holds: requiring them costs time and finds nothing more. */
const COMMON_WORDS = new Set(
  'a an and are as at be by for from in into is it of on or the to via vs with without we our'.split(
    ' ',
  ),
)

/** Edits a word of this length may hold and still be recognised. */
export function allowedEdits(word: string): number {
  if (/^\d+$/.test(word)) return 0
  return word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0
}

/**
 * Plans each word: its prefix; the library words it starts (the stemmed index cannot complete
 * `inferen` to `inference` by itself); and, when the library holds no word starting with it (or
 * only a rare one next to a common near spelling), the library words 1–2 edits away.
 */
export function planQuery(parsed: ParsedQuery, vocabulary: Vocabulary): QueryPlan {
  const last = parsed.words.length - 1
  const allCommon = parsed.words.every((w) => COMMON_WORDS.has(w) || w.length < 2)
  const words = parsed.words.map((word, index): WordPlan => {
    const typing = index === last
    const whole = vocabulary.docs(word) > 0
    // Only the last word is still being typed: an earlier word the library holds is taken whole
    // (a prefix search of `language` merges every `languag…` word: slow, and no better), and so
    // is a two-letter one (`rl`, `3d`).
    const kind = !typing && (whole || word.length <= 2) ? 'exact' : 'prefix'
    const variants: WordVariant[] = [{ term: word, kind, edits: 0 }]
    const common = COMMON_WORDS.has(word) && !allCommon
    if (word.length < 2 || common) {
      const docs = vocabulary.docs(word)
      return { word, variants, required: word.length >= 2 && !common, known: true, docs }
    }
    const known = vocabulary.hasPrefix(word)
    if (known && word.length > SHORT_PREFIX) {
      for (const term of vocabulary.completions(word, COMPLETIONS)) {
        // Beside a whole word, only real completions (`deep` → `deepspeed`), not its inflections.
        if (term !== word && (kind === 'prefix' || term.length > word.length + 3)) {
          variants.push({ term, kind: 'complete', edits: 0 })
        }
      }
    }
    const edits = allowedEdits(word)
    if (!known) {
      for (const c of vocabulary.corrections(word, edits, CORRECTIONS)) {
        variants.push({ term: c.term, kind: 'fuzzy', edits: c.edits })
      }
    } else if (edits > 0) {
      // A word only a few papers hold is often itself a typo next to a common word.
      const docs = Math.max(vocabulary.docs(word), 1)
      if (docs <= 3) {
        for (const c of vocabulary.corrections(word, 1, 2)) {
          if (c.docs >= 20 * docs) variants.push({ term: c.term, kind: 'fuzzy', edits: c.edits })
        }
      }
    }
    // A short prefix stands for every word it starts: as broad as its common completions.
    const terms = variants.map((v) => v.term)
    if (kind === 'prefix' && word.length <= SHORT_PREFIX) {
      terms.push(...vocabulary.completions(word, COMPLETIONS))
    }
    const docs = terms.reduce((sum, term) => sum + vocabulary.docs(term), 0)
    return { word, variants, required: true, known: known || variants.length > 1, docs }
  })
  return { words, phrases: parsed.phrases, excluded: parsed.excludedWords }
}

const byDocs = (a: WordPlan, b: WordPlan): number => a.docs - b.docs

const quote = (term: string): string => `"${term.replace(/"/g, '""')}"`

function wordExpression(plan: WordPlan): string {
  const parts = plan.variants.map((v) =>
    v.kind === 'prefix' ? `${quote(v.term)}*` : quote(v.term),
  )
  return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' OR ')})`
}

/**
 * One step of a search: FTS5 expressions whose matches are pooled. A step with a `guard` is tried
 * only when the view holds a paper matching the guard, which every match of the step does.
 */
export type MatchStep = { expressions: string[]; guard?: string }

/**
 * The steps to try, in order, until one finds papers. First every word; then only the words the
 * library's short fields know (a typo beyond repair does not sink the query); then every word but
 * one, each word left out in turn (a mistyped number, a word the paper lacks); then any of the
 * rarer half of the words (a long title not in the view: its specific words, not `models`); last
 * any word.
 */
export function matchSteps(plan: QueryPlan): MatchStep[] {
  let words = plan.words.filter((w) => w.required)
  if (words.length === 0 && plan.phrases.length === 0) words = plan.words
  const phrases = plan.phrases.map((phrase) => quote(phrase.join(' ')))
  const and = (list: ReadonlyArray<WordPlan>) =>
    [...list.map(wordExpression), ...phrases].join(' AND ')
  const or = (list: ReadonlyArray<WordPlan>) =>
    [...list.map(wordExpression), ...phrases].join(' OR ')
  const steps: MatchStep[] = [{ expressions: [and(words)] }]
  const known = words.filter((w) => w.known)
  if (known.length < words.length && known.length + phrases.length > 0) {
    steps.push({ expressions: [and(known)] })
  }
  if (known.length >= 3) {
    // Leaving out one word keeps at least one of any two: the two rarest rule the step out cheaply.
    const [first, second] = [...known].sort(byDocs)
    const guard =
      first && second
        ? [`(${wordExpression(first)} OR ${wordExpression(second)})`, ...phrases].join(' AND ')
        : undefined
    steps.push({
      expressions: known.map((_, skip) => and(known.filter((__, i) => i !== skip))),
      ...(guard === undefined ? {} : { guard }),
    })
  }
  const specific = known.length > 0 ? known : words
  if (specific.length >= 4) {
    const rarer = [...specific].sort(byDocs).slice(0, Math.ceil(specific.length / 2))
    steps.push({ expressions: [or(rarer)] })
  }
  if (words.length + phrases.length > 1) steps.push({ expressions: [or(words)] })
  return steps.filter((step) => step.expressions.every((expression) => expression !== ''))
}

/** The FTS5 expression for excluded words, or null. */
export function excludedExpression(plan: QueryPlan): string | null {
  return plan.excluded.length === 0 ? null : plan.excluded.map(quote).join(' OR ')
}
