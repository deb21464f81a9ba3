// A deterministic generator of realistic research libraries (titles, 1–30 authors, 150–250-word
// abstracts, organizations, tags, notes, reading state) and of the search query set run on them.
// The same `{ count, seed }` always gives the same library, so figures are comparable across runs.
import type { ReadingStatus } from '@shared/model/paper'
import type { DraftAuthor, PaperDraft } from '../src/main/core/sources/paper-draft'
import {
  METHOD_HEADS,
  METHOD_TAILS,
  METHOD_SUFFIXES,
  SUBJECTS,
  TASKS,
  TECHNIQUES,
  ADJECTIVES,
  CLAIMS,
  PROPERTIES,
  BENCHMARKS,
  METRICS,
  FIRST_NAMES,
  LAST_NAMES,
  AFFILIATIONS,
  ORGANIZATIONS,
  TAG_NAMES,
} from './library-vocabulary'

/** What a user has done with one generated paper (applied after import, like a real user would). */
export type GeneratedUserData = {
  tags: string[]
  note: string | null
  status: ReadingStatus
  starred: boolean
  /** The name of the list the paper was imported from. */
  source: string
}

/** A generated library: `drafts[i]` and `user[i]` describe the same paper. */
export type GeneratedLibrary = {
  drafts: PaperDraft[]
  user: GeneratedUserData[]
  /** The list names papers are imported from, in order of first use. */
  sources: string[]
}

/** The kinds of query a search box sees. */
export type BenchQueryKind =
  'exact-title' | 'title-fragment' | 'typo-title' | 'author' | 'operator' | 'prefix'

/** One benchmark query and the paper (index into `drafts`) it is meant to find, if any. */
export type BenchQuery = { kind: BenchQueryKind; query: string; expected: number | null }

/** A small, fast, seedable PRNG (mulberry32): the generator never touches Math.random. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number

const pick = <T>(random: Random, items: ReadonlyArray<T>): T =>
  items[Math.floor(random() * items.length)] as T

const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1))

/** Tags a title word makes likely, the way users tag what a paper is about. */
const TOPIC_TAGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/language model|llm|gpt/i, 'llm'],
  [/diffusion/i, 'diffusion'],
  [/reinforcement|policy|reward/i, 'rl'],
  [/agent/i, 'agents'],
  [/vision|image|video|segmentation|depth/i, 'vision'],
  [/efficient|quantization|cache|sparse|parallel/i, 'efficiency'],
  [/reasoning|theorem|math/i, 'reasoning'],
  [/decoding/i, 'llm/decoding'],
  [/preference|alignment|reward/i, 'llm/alignment'],
  [/speech|voice/i, 'speech'],
  [/robot|manipulation|embodied/i, 'robotics'],
]

const SOURCES = ['hf-daily', 'awesome-llm-papers', 'my-zotero-export', 'arxiv-cs-cl'] as const

/**
 * Famous-looking anchors the search tests and the query set rely on (a typo'd `ulyses deepsped`
 * must find the first; `difusion langauge modle` the second), placed at fixed indexes.
 */
const ANCHOR_TITLES = [
  'DeepSpeed Ulysses: System Optimizations for Enabling Training of Extreme Long Sequence Transformer Models',
  'Large Language Diffusion Models',
  'Fast Inference from Transformers via Speculative Decoding',
  'Attention Is All You Need',
  'Scaling Laws for Neural Language Models',
  'FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness',
] as const

function methodName(random: Random): string {
  return `${pick(random, METHOD_HEADS)}${pick(random, METHOD_TAILS)}${pick(random, METHOD_SUFFIXES)}`
}

function makeTitle(random: Random): string {
  const method = methodName(random)
  switch (between(random, 0, 9)) {
    case 0:
      return `${method}: ${pick(random, ADJECTIVES)} ${pick(random, TASKS)} with ${pick(random, SUBJECTS)}`
    case 1:
      return `${pick(random, ADJECTIVES)} ${pick(random, TASKS)} via ${pick(random, TECHNIQUES)}`
    case 2:
      return `Towards ${pick(random, ADJECTIVES)} ${pick(random, TASKS)} in ${pick(random, SUBJECTS)}`
    case 3:
      return `${pick(random, SUBJECTS)} ${pick(random, CLAIMS)}`
    case 4:
      return `On the ${pick(random, PROPERTIES)} of ${pick(random, TECHNIQUES)} for ${pick(random, SUBJECTS)}`
    case 5:
      return `${method}: ${pick(random, TECHNIQUES)} for ${pick(random, ADJECTIVES)} ${pick(random, TASKS)}`
    case 6:
      return `Scaling ${pick(random, SUBJECTS)} to ${between(random, 2, 512)}${pick(random, ['K Tokens', 'B Parameters', ' Experts', 'M Images'])}`
    case 7:
      return `A Survey on ${pick(random, TASKS)} with ${pick(random, SUBJECTS)}`
    case 8:
      return `What Makes ${pick(random, SUBJECTS)} ${pick(random, ADJECTIVES)} at ${pick(random, TASKS)}?`
    default:
      return `${method}: ${pick(random, ADJECTIVES)} ${pick(random, SUBJECTS)} for ${pick(random, TASKS)} via ${pick(random, TECHNIQUES)}`
  }
}

function makeAuthors(random: Random): DraftAuthor[] {
  // Most papers have a handful of authors; a few are large collaborations (up to 30).
  const count = 1 + Math.floor(29 * random() ** 3.5)
  const names = new Set<string>()
  while (names.size < count) {
    names.add(`${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`)
  }
  return [...names].map((name) => ({
    name,
    affiliation: random() < 0.5 ? pick(random, AFFILIATIONS) : null,
  }))
}

function makeAbstract(random: Random, title: string): string {
  const method = title.includes(':')
    ? (title.split(':')[0] ?? methodName(random))
    : methodName(random)
  const subject = pick(random, SUBJECTS).toLowerCase()
  const task = pick(random, TASKS).toLowerCase()
  const technique = pick(random, TECHNIQUES).toLowerCase()
  const sentences = [
    () =>
      `${pick(random, SUBJECTS)} have shown remarkable progress on ${task}, yet they remain costly to train and hard to evaluate reliably.`,
    () =>
      `Existing approaches rely on ${technique}, which scales poorly with sequence length and often degrades ${pick(random, METRICS)} on out-of-distribution inputs.`,
    () =>
      `In this paper, we introduce ${method}, a ${pick(random, ADJECTIVES).toLowerCase()} framework for ${task} that combines ${technique} with ${pick(random, TECHNIQUES).toLowerCase()}.`,
    () =>
      `Our key insight is that ${subject} already encode most of the structure needed for ${pick(random, TASKS).toLowerCase()}, so a small amount of ${pick(random, TECHNIQUES).toLowerCase()} suffices.`,
    () =>
      `We evaluate ${method} on ${pick(random, BENCHMARKS)}, ${pick(random, BENCHMARKS)} and ${pick(random, BENCHMARKS)}, where it improves ${pick(random, METRICS)} by ${between(random, 2, 40)}% over strong baselines.`,
    () =>
      `Compared with prior work, our method reduces memory use by ${between(random, 2, 9)}x while keeping ${pick(random, METRICS)} within ${between(random, 1, 3)} points of the full model.`,
    () =>
      `We further analyze the ${pick(random, PROPERTIES).toLowerCase()} of the learned representations and find that they transfer to ${pick(random, TASKS).toLowerCase()} without additional training.`,
    () =>
      `Ablation studies show that each component contributes, and that the gains grow with model size from ${between(random, 1, 7)}B to ${between(random, 8, 70)}B parameters.`,
    () =>
      `Theoretical analysis shows that the approach converges under mild assumptions and explains when ${technique} fails.`,
    () => `We release code, data and model checkpoints to support future research on ${subject}.`,
    () =>
      `Human evaluation with ${between(random, 10, 200)} annotators confirms that outputs are preferred in ${between(random, 55, 85)}% of comparisons.`,
  ]
  const target = between(random, 150, 250)
  const words: string[] = []
  let index = 0
  while (words.length < target) {
    const sentence = sentences[index % sentences.length] as () => string
    // Mostly in order (problem, method, results), with some sentences skipped or repeated.
    if (random() < 0.8) words.push(...sentence().split(' '))
    index += random() < 0.85 ? 1 : 2
  }
  const text = words.slice(0, target).join(' ')
  return /[.?!]$/.test(text) ? text : `${text}.`
}

function makeNote(random: Random, title: string): string {
  const lines = [
    `Key idea: ${pick(random, TECHNIQUES).toLowerCase()} applied to ${pick(random, TASKS).toLowerCase()}.`,
    `Compare with ${methodName(random)} on ${pick(random, BENCHMARKS)}.`,
    'TODO: check the appendix for the ablation on data mixture.',
    `Relevant for the ${pick(random, TASKS).toLowerCase()} section of my survey.`,
    `Discussed in reading group; ${pick(random, FIRST_NAMES)} thinks the baseline is weak.`,
    `Cite for "${title.slice(0, 40)}".`,
  ]
  const count = between(random, 1, 3)
  return Array.from({ length: count }, () => pick(random, lines)).join('\n')
}

function makeDate(random: Random): string {
  // Skewed towards recent years, like a reading list.
  const start = Date.UTC(2019, 0, 1)
  const end = Date.UTC(2026, 10, 20)
  const when = new Date(start + (end - start) * random() ** 0.6)
  return when.toISOString().slice(0, 10)
}

function makeUserData(random: Random, title: string, index: number): GeneratedUserData {
  const tags = new Set<string>()
  for (const [pattern, tag] of TOPIC_TAGS) if (pattern.test(title) && random() < 0.6) tags.add(tag)
  const extra = random()
  if (extra < 0.35) tags.add(pick(random, TAG_NAMES))
  if (extra < 0.1) tags.add(pick(random, TAG_NAMES))
  const roll = random()
  const status: ReadingStatus = roll < 0.7 ? 'unread' : roll < 0.85 ? 'reading' : 'read'
  return {
    tags: [...tags],
    note: random() < 0.08 ? makeNote(random, title) : null,
    status,
    starred: random() < 0.05,
    source: SOURCES[index % SOURCES.length] as string,
  }
}

/**
 * Generates `count` papers with unique titles and arXiv ids, deterministically from `seed`.
 * Import the drafts (one list per `user[i].source`), then apply `user` through the API.
 */
export function generateLibrary(options: { count: number; seed?: number }): GeneratedLibrary {
  const random = createRandom(options.seed ?? 1)
  const drafts: PaperDraft[] = []
  const user: GeneratedUserData[] = []
  const titles = new Set<string>()
  const perMonth = new Map<string, number>()
  for (let index = 0; index < options.count; index += 1) {
    let title = ANCHOR_TITLES[index] ?? makeTitle(random)
    for (let tries = 0; titles.has(title.toLowerCase()); tries += 1) {
      title = tries < 5 ? makeTitle(random) : `${methodName(random)}: ${makeTitle(random)}`
    }
    titles.add(title.toLowerCase())
    const publishedAt = makeDate(random)
    const yymm = `${publishedAt.slice(2, 4)}${publishedAt.slice(5, 7)}`
    const sequence = (perMonth.get(yymm) ?? 0) + 1
    perMonth.set(yymm, sequence)
    const authors = makeAuthors(random)
    const organization = random() < 0.3 ? pick(random, ORGANIZATIONS) : null
    drafts.push({
      arxivId: `${yymm}.${String(sequence).padStart(5, '0')}`,
      arxivVersion: between(random, 1, 3),
      title,
      abstract: makeAbstract(random, title),
      authors,
      authorCount: authors.length,
      organization: organization ? { ...organization } : null,
      publishedAt,
      upvotes: random() < 0.4 ? null : Math.floor(Math.exp(random() * 6)) - 1,
      provenance: { line: index + 1, rank: index + 1, section: null, raw: null },
    })
    user.push(makeUserData(random, title, index))
  }
  return { drafts, user, sources: SOURCES.slice(0, Math.min(SOURCES.length, options.count)) }
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sqwz',
  b: 'vghn',
  c: 'xdfv',
  d: 'serfcx',
  e: 'wsdr',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  i: 'ujko',
  j: 'huikmn',
  k: 'jiolm',
  l: 'kop',
  m: 'njk',
  n: 'bhjm',
  o: 'iklp',
  p: 'ol',
  q: 'wa',
  r: 'edft',
  s: 'awedxz',
  t: 'rfgy',
  u: 'yhji',
  v: 'cfgb',
  w: 'qase',
  x: 'zsdc',
  y: 'tghu',
  z: 'asx',
}

/** One random typo: a neighbouring key, a dropped, doubled or swapped letter. */
function typo(random: Random, word: string): string {
  const at = between(random, 1, word.length - 2)
  const letter = word[at] ?? ''
  switch (between(random, 0, 3)) {
    case 0: {
      const near = KEYBOARD_NEIGHBOURS[letter.toLowerCase()]
      return near
        ? word.slice(0, at) + pick(random, [...near]) + word.slice(at + 1)
        : word.slice(0, at) + word.slice(at + 1)
    }
    case 1:
      return word.slice(0, at) + word.slice(at + 1)
    case 2:
      return word.slice(0, at) + letter + word.slice(at)
    default:
      return word.slice(0, at) + (word[at + 1] ?? '') + letter + word.slice(at + 2)
  }
}

/** A title as someone types it from memory: lower case, 1 typo per word of 4+ letters, 2 from 8. */
export function typoTitle(random: Random, title: string): string {
  return words(title)
    .map((word) => {
      if (word.length < 4 || random() < 0.25) return word
      const once = typo(random, word)
      return word.length >= 8 && random() < 0.5 ? typo(random, once) : once
    })
    .join(' ')
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []).flatMap((w) =>
    w.split('-'),
  )
}

const QUERY_MIX: ReadonlyArray<readonly [BenchQueryKind, number]> = [
  ['exact-title', 0.2],
  ['title-fragment', 0.15],
  ['typo-title', 0.25],
  ['author', 0.12],
  ['operator', 0.16],
  ['prefix', 0.12],
]

/**
 * About `count` queries of every kind a search box sees, each with the paper it is meant to find
 * (`null` for pure filters). Typo'd titles take 1–2 edits per word; prefixes are cut mid-word as
 * while typing.
 */
export function generateQueries(
  library: GeneratedLibrary,
  options: { count?: number; seed?: number } = {},
): BenchQuery[] {
  const random = createRandom(options.seed ?? 7)
  const count = options.count ?? 100
  const { drafts } = library
  const queries: BenchQuery[] = []
  const someone = () => between(random, 0, drafts.length - 1)
  const titleOf = (index: number) => drafts[index]?.title ?? ''
  for (const [kind, share] of QUERY_MIX) {
    const n = Math.max(1, Math.round(count * share))
    for (let i = 0; i < n; i += 1) {
      const index = someone()
      const title = titleOf(index)
      const titleWords = words(title)
      switch (kind) {
        case 'exact-title':
          queries.push({ kind, query: title, expected: index })
          break
        case 'title-fragment': {
          const start = between(random, 0, Math.max(0, titleWords.length - 3))
          queries.push({
            kind,
            query: titleWords.slice(start, start + 3).join(' '),
            expected: index,
          })
          break
        }
        case 'typo-title':
          queries.push({ kind, query: typoTitle(random, title), expected: index })
          break
        case 'author': {
          const author = pick(random, drafts[index]?.authors ?? [{ name: 'Zhang' }]).name
          const surname = author.split(' ').at(-1) ?? author
          const word = pick(random, titleWords.filter((w) => w.length > 4).concat(titleWords))
          queries.push({ kind, query: `${surname.toLowerCase()} ${word}`, expected: index })
          break
        }
        case 'operator':
          queries.push(operatorQuery(random, library, index, i))
          break
        case 'prefix': {
          const typed = titleWords
            .filter((w) => w.length >= 4)
            .slice(0, between(random, 2, 3))
            .map((w) => w.slice(0, between(random, 3, Math.min(6, w.length))))
            .join(' ')
          queries.push({ kind, query: typed || titleWords.join(' '), expected: index })
          break
        }
      }
    }
  }
  // The spec's own examples, so they are measured at every size.
  if (drafts.length > 2) {
    queries.push({ kind: 'typo-title', query: 'ulyses deepsped', expected: 0 })
    queries.push({ kind: 'typo-title', query: 'difusion langauge modle', expected: null })
    queries.push({ kind: 'prefix', query: 'spec dec', expected: null })
  }
  return queries
}

function operatorQuery(
  random: Random,
  library: GeneratedLibrary,
  index: number,
  n: number,
): BenchQuery {
  const draft = library.drafts[index] as PaperDraft
  const data = library.user[index] as GeneratedUserData
  const titleWords = words(draft.title ?? '').filter((w) => w.length > 3)
  const word = titleWords.length > 0 ? pick(random, titleWords) : 'model'
  const year = (draft.publishedAt ?? '2024').slice(0, 4)
  const surname = (draft.authors?.[0]?.name ?? 'Zhang').split(' ').at(-1)?.toLowerCase() ?? 'zhang'
  const tag = data.tags[0]
  switch (n % 8) {
    case 0:
      return {
        kind: 'operator',
        query: tag ? `tag:${tag} ${word}` : `${word} year:${year}`,
        expected: null,
      }
    case 1:
      return { kind: 'operator', query: `author:${surname} ${word}`, expected: index }
    case 2:
      return { kind: 'operator', query: `${word} year:${year}`, expected: null }
    case 3:
      return {
        kind: 'operator',
        query: `${word} year:${Number(year) - 1}..${year} -tag:read-later`,
        expected: null,
      }
    case 4:
      return { kind: 'operator', query: `is:${data.status} ${word}`, expected: null }
    case 5:
      return {
        kind: 'operator',
        query: draft.organization
          ? `org:${(draft.organization.handle ?? draft.organization.name).toLowerCase()} ${word}`
          : `is:unread ${word}`,
        expected: null,
      }
    case 6:
      return {
        kind: 'operator',
        query: `"${words(draft.title ?? '')
          .slice(0, 3)
          .join(' ')}"`,
        expected: index,
      }
    default:
      return { kind: 'operator', query: `source:${data.source} ${word}`, expected: null }
  }
}
