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

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu

/** Drops inline LaTeX math and commands (`$\alpha$`, `\emph{…}` keeps its words). */
function withoutLatex(text: string): string {
  return text.replace(/\$[^$]{0,200}\$/g, ' ').replace(/\\[a-zA-Z]+/g, ' ')
}

/** Folds a regular plural to its singular so "networks" and "network" count as one term. */
function foldPlural(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|ys)$/.test(word)) return word.slice(0, -1)
  return word
}

/** Words and the bigrams of words that stood next to each other (a stop word breaks a pair). */
export function wordTerms(text: string): string[] {
  const out: string[] = []
  for (const sentence of withoutLatex(text).split(/[.;:!?()[\]{}]|,\s/)) {
    let previous: string | null = null
    for (const match of sentence.toLowerCase().matchAll(WORD)) {
      const raw = match[0].replace(/['-]+$/, '')
      if (raw.length < 2 || STOP_WORDS.has(raw) || /^\d+$/.test(raw)) {
        previous = null
        continue
      }
      const word = foldPlural(raw)
      out.push(word)
      if (previous !== null) out.push(`${previous} ${word}`)
      previous = word
    }
  }
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

/** Every term of a paper; the title counts twice (it is the densest statement of the topic). */
export function paperTerms(paper: TopicText): string[] {
  const title = paper.title ? wordTerms(paper.title) : []
  return [
    ...title,
    ...title,
    ...(paper.abstract ? wordTerms(paper.abstract) : []),
    ...paper.authors.map((name) => AUTHOR + name.toLowerCase().trim()),
    ...(paper.organization ? [ORG + paper.organization.toLowerCase().trim()] : []),
    ...paper.keywords.map((keyword) => KEYWORD + keyword.toLowerCase().trim()),
  ]
}

/** A term as a person reads it in a reason: `"language model"`, `author Jane Roe`, `keyword cs.CL`. */
export function termLabel(term: string): string {
  if (term.startsWith(AUTHOR)) return `author ${term.slice(AUTHOR.length)}`
  if (term.startsWith(ORG)) return `organization ${term.slice(ORG.length)}`
  if (term.startsWith(KEYWORD)) return `keyword ${term.slice(KEYWORD.length)}`
  return term
}
