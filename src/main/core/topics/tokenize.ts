// Turns a paper's text into the terms the topic model counts: lower-case words with a light
// plural fold, adjacent-word pairs (bigrams name topics better than words: "language model"),
// and marked terms for authors, organization and source keywords, which no word can collide with.

/** Words too common in any abstract to say anything about its topic. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been being both but by can could did do does done each for from had has have how ' +
    'however if in into is it its itself may might more most much must no nor not of on or our ours over ' +
    'such than that the their them then there these they this those through thus to too under up upon us ' +
    'very via was we were what when where whether which while who whose why will with within without would ' +
    'also among across after before between during further here i ie eg et al yet so only other same some ' +
    'all any one two new show shows shown propose proposed present paper work approach method methods results ' +
    'based using use used study'
  ).split(' '),
)

/** A word, or (no group) a sentence break: a stop mark, a bracket, a comma before a space. */
const WORD_OR_BREAK = /([\p{L}\p{N}][\p{L}\p{N}'-]*)|[.;:!?()[\]{}]|,\s/gu

/** Drops inline LaTeX math and commands (`$\alpha$`, `\emph{…}` keeps its words). */
function withoutLatex(text: string): string {
  return text.replace(/\$[^$]{0,200}\$/g, ' ').replace(/\\[a-zA-Z]+/g, ' ')
}

const APOSTROPHE = 39
const HYPHEN = 45
const S = 115

/** Folds a regular plural to its singular so "networks" and "network" count as one term. */
function foldPlural(word: string): string {
  const n = word.length
  if (n > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (n > 3 && word.charCodeAt(n - 1) === S) {
    const before = word[n - 2]
    // -ss, -us, -is, -ys are not plurals (class, corpus, analysis, …)
    if (before !== 's' && before !== 'u' && before !== 'i' && before !== 'y') {
      return word.slice(0, -1)
    }
  }
  return word
}

/** True when every character is an ASCII digit (a bare number names no topic). */
function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

/**
 * Calls `visit` with every kept word in reading order; `paired` is true when the word before it
 * was kept too (a stop word, a number or a sentence break ends a pair). One regular expression
 * finds both the words and the breaks: this runs on every paper of the library at each training.
 */
export function scanWords(text: string, visit: (word: string, paired: boolean) => void): void {
  let paired = false
  for (const match of withoutLatex(text).toLowerCase().matchAll(WORD_OR_BREAK)) {
    let raw = match[1]
    if (raw === undefined) {
      paired = false
      continue
    }
    let end = raw.length
    while (
      end > 0 &&
      (raw.charCodeAt(end - 1) === APOSTROPHE || raw.charCodeAt(end - 1) === HYPHEN)
    ) {
      end -= 1
    }
    if (end < raw.length) raw = raw.slice(0, end)
    if (raw.length < 2 || STOP_WORDS.has(raw) || isNumber(raw)) {
      paired = false
      continue
    }
    visit(foldPlural(raw), paired)
    paired = true
  }
}

/** Words and the bigrams of words that stood next to each other (a stop word breaks a pair). */
export function wordTerms(text: string): string[] {
  const out: string[] = []
  let previous = ''
  scanWords(text, (word, paired) => {
    out.push(word)
    if (paired) out.push(`${previous} ${word}`)
    previous = word
  })
  return out
}

/** What the model reads of a paper. */
export type TopicText = {
  title: string | null
  abstract: string | null
  authors: ReadonlyArray<string>
  organization: string | null
  /** Labels a source gave the paper (arXiv categories, Hugging Face keywords, list sections). */
  keywords: ReadonlyArray<string>
}

/** Marks that keep non-word terms apart from words; `termLabel` reads them back. */
const AUTHOR = '@a:'
const ORG = '@o:'
const KEYWORD = '@k:'

/** The marked (non-word) terms of a paper: its authors, organization and source keywords. */
export function markedTerms(paper: TopicText): string[] {
  return [
    ...paper.authors.map((name) => AUTHOR + name.toLowerCase().trim()),
    ...(paper.organization ? [ORG + paper.organization.toLowerCase().trim()] : []),
    ...paper.keywords.map((keyword) => KEYWORD + keyword.toLowerCase().trim()),
  ]
}

/** Every term of a paper; the title counts twice (it is the densest statement of the topic). */
export function paperTerms(paper: TopicText): string[] {
  const title = paper.title ? wordTerms(paper.title) : []
  return [
    ...title,
    ...title,
    ...(paper.abstract ? wordTerms(paper.abstract) : []),
    ...markedTerms(paper),
  ]
}

/** A term as a person reads it in a reason: `"language model"`, `author Jane Roe`, `keyword cs.CL`. */
export function termLabel(term: string): string {
  if (term.startsWith(AUTHOR)) return `author ${term.slice(AUTHOR.length)}`
  if (term.startsWith(ORG)) return `organization ${term.slice(ORG.length)}`
  if (term.startsWith(KEYWORD)) return `keyword ${term.slice(KEYWORD.length)}`
  return term
}
