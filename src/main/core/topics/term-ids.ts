// Terms as integers. Counting and vectorising a library's papers through strings made millions of
// short-lived strings (every bigram) and string-keyed map lookups; here each word and marked term
// gets an id once, a bigram is a pair of word ids in an integer hash table, and a paper's terms
// are one Int32Array. The topics thread keeps the dictionary and each paper's ids between
// trainings (`TermCache`), so a retraining after a few edits reads only the papers that changed.
import { markedTerms, scanWords, type TopicText } from './tokenize'

/** Term ids of one library; a bigram's name is rebuilt from its two words when asked. */
export type TermDictionary = {
  /** The id of a word or a marked term. */
  term(name: string): number
  /** The id of the bigram `left right`. */
  pair(left: number, right: number): number
  name(id: number): string
  readonly size: number
}

export function createTermDictionary(): TermDictionary {
  const ids = new Map<string, number>()
  // per id: the word's name, or the bigram's two word ids
  const names: string[] = []
  const lefts: number[] = []
  const rights: number[] = []
  // open addressing: slot -> bigram id + 1 (0: empty)
  let slots = new Int32Array(1 << 16)
  let pairs = 0
  const slotOf = (left: number, right: number, table: Int32Array) => {
    const mask = table.length - 1
    let slot = (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca77)) & mask
    for (;;) {
      const held = (table[slot] ?? 0) - 1
      if (held < 0 || (lefts[held] === left && rights[held] === right)) return slot
      slot = (slot + 1) & mask
    }
  }
  const add = (name: string, left: number, right: number) => {
    names.push(name)
    lefts.push(left)
    rights.push(right)
    return names.length - 1
  }
  return {
    term(name) {
      let id = ids.get(name)
      if (id === undefined) {
        id = add(name, -1, -1)
        ids.set(name, id)
      }
      return id
    },
    pair(left, right) {
      let slot = slotOf(left, right, slots)
      const held = (slots[slot] ?? 0) - 1
      if (held >= 0) return held
      if ((pairs + 1) * 2 > slots.length) {
        const grown = new Int32Array(slots.length * 2)
        for (const entry of slots) {
          if (entry > 0) grown[slotOf(lefts[entry - 1] ?? 0, rights[entry - 1] ?? 0, grown)] = entry
        }
        slots = grown
        slot = slotOf(left, right, slots)
      }
      const id = add('', left, right)
      slots[slot] = id + 1
      pairs += 1
      return id
    },
    name(id) {
      const left = lefts[id] ?? -1
      return left < 0 ? (names[id] ?? '') : `${names[left] ?? ''} ${names[rights[id] ?? 0] ?? ''}`
    },
    get size() {
      return names.length
    },
  }
}

/** A paper's terms as ids, the same terms as `paperTerms` gives as strings. */
export function paperTermIds(paper: TopicText, dictionary: TermDictionary): Int32Array {
  const out: number[] = []
  const words = (text: string) => {
    let previous = -1
    scanWords(text, (word, paired) => {
      const id = dictionary.term(word)
      out.push(id)
      if (paired) out.push(dictionary.pair(previous, id))
      previous = id
    })
  }
  if (paper.title) {
    words(paper.title)
    // the title counts twice, as in paperTerms
    out.push(...out)
  }
  if (paper.abstract) words(paper.abstract)
  for (const term of markedTerms(paper)) out.push(dictionary.term(term))
  return Int32Array.from(out)
}

/** Same text, same terms: what a cached paper's ids were computed from. */
const sameText = (a: TopicText, b: TopicText) =>
  a.title === b.title &&
  a.abstract === b.abstract &&
  a.organization === b.organization &&
  a.authors.length === b.authors.length &&
  a.authors.every((name, i) => name === b.authors[i]) &&
  a.keywords.length === b.keywords.length &&
  a.keywords.every((keyword, i) => keyword === b.keywords[i])

/** A dictionary and every paper's ids from the last reading, by paper id. */
export type TermCache = {
  readonly dictionary: TermDictionary
  /** Each paper's term ids, computed only for papers new or changed since the last call. */
  read(papers: ReadonlyArray<TopicText & { id: number }>): Int32Array[]
}

type Entry = { text: TopicText; ids: Int32Array }

/**
 * The dictionary never forgets a term, so terms of edited or deleted papers pile up: once it
 * holds twice the terms it had after its first full reading, it starts afresh (one full reading,
 * as the first training does).
 */
export function createTermCache(): TermCache {
  let dictionary = createTermDictionary()
  let known = new Map<number, Entry>()
  let settled = 0
  const readAll = (papers: ReadonlyArray<TopicText & { id: number }>) => {
    const next = new Map<number, Entry>()
    const docs = papers.map((paper) => {
      const cached = known.get(paper.id)
      const entry =
        cached && sameText(cached.text, paper)
          ? cached
          : { text: paper, ids: paperTermIds(paper, dictionary) }
      next.set(paper.id, entry)
      return entry.ids
    })
    known = next
    return docs
  }
  return {
    get dictionary() {
      return dictionary
    },
    read(papers) {
      const docs = readAll(papers)
      if (settled === 0 || dictionary.size <= 2 * settled) {
        settled ||= dictionary.size
        return docs
      }
      dictionary = createTermDictionary()
      known = new Map()
      const fresh = readAll(papers)
      settled = dictionary.size
      return fresh
    },
  }
}

/** For tests: the terms a paper's ids name. */
export const termNames = (ids: Int32Array, dictionary: TermDictionary) =>
  Array.from(ids, (id) => dictionary.name(id))
