// Learned tags, "For you" and related papers on real arXiv papers (the fixture corpus; categories
// stand in for the user's tags, the first one is the primary). Papershelf's model and the
// reference (scikit-learn TF-IDF + one LinearSVC per tag, arxiv-sanity-lite's method) run on the
// same splits; without scikit-learn the reference figures of the original study are printed.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  buildTopicIndex,
  suggestForVector,
  type TopicIndex,
  type TopicPaper,
} from '../src/main/core/topics/topic-index'
import {
  buildPostings,
  interestProfile,
  nearestPapers,
  profileScores,
} from '../src/main/core/topics/similarity'
import { measureTrainingStall } from './tags-stall'

const CORPUS =
  process.env.PAPERSHELF_BENCH_CORPUS ??
  fileURLToPath(new URL('../test/fixtures/arxiv-corpus/papers.jsonl', import.meta.url))
const TRAIN_SIZE = 2000
const FOLDS = 5
const RELATED_QUERIES = 500
const PROFILE_KEPT = 15
const PROFILE_DISMISSED = 10
const LARGE_LIBRARY = 12_000

type CorpusPaper = {
  arxivId: string
  title: string
  abstract: string
  authors: string[]
  categories: string[]
}
type TagFigures = {
  recall1: number
  recall3: number
  precision3: number
  trainS: number
  suggestMs: number
}
type Plan = {
  train: number[]
  test: number[]
  folds: Array<{ train: number[]; test: number[] }>
  relatedQueries: number[]
  profiles: Array<{ category: string; kept: number[]; dismissed: number[] }>
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9
const pct = (x: number) => x.toFixed(3)

function loadCorpus(): CorpusPaper[] {
  return readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusPaper)
}

/** A fixed pseudo-random order (the same every run, so both methods see the same split). */
function fixedOrder(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  let state = 20_260_101
  for (let i = n - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
    const j = state % (i + 1)
    ;[order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0]
  }
  return order
}

function makePlan(papers: CorpusPaper[]): Plan {
  const order = fixedOrder(papers.length)
  const train = order.slice(0, TRAIN_SIZE)
  const test = order.slice(TRAIN_SIZE)
  const folds = Array.from({ length: FOLDS }, (_, f) => ({
    train: order.filter((_, k) => k % FOLDS !== f),
    test: order.filter((_, k) => k % FOLDS === f),
  }))
  const primary = (i: number) => papers[i]?.categories[0] ?? ''
  const byCategory = new Map<string, number[]>()
  for (const i of train) byCategory.set(primary(i), [...(byCategory.get(primary(i)) ?? []), i])
  const profiles = [...byCategory]
    .filter(([, members]) => members.length >= PROFILE_KEPT)
    .map(([category, members]) => ({
      category,
      kept: members.slice(0, PROFILE_KEPT),
      dismissed: train.filter((i) => primary(i) !== category).slice(0, PROFILE_DISMISSED),
    }))
  return { train, test, folds, relatedQueries: test.slice(0, RELATED_QUERIES), profiles }
}

const asTopicPaper = (paper: CorpusPaper, id: number, tagged: boolean): TopicPaper => ({
  id,
  title: paper.title,
  abstract: paper.abstract,
  authors: paper.authors,
  organization: null,
  keywords: [],
  tags: tagged ? paper.categories : [],
})

/** The typed arrays an index holds (vectors, weights, dual variables, postings), MB: nearly all of its memory. */
function indexMb(index: TopicIndex): number {
  const arrays = [
    ...index.vectors.flatMap((v) => [v.idx, v.val]),
    index.model.weights,
    index.model.bias,
    index.trained.ids,
    index.trained.dual,
    index.voters.postings.start,
    index.voters.postings.docs,
    index.voters.postings.vals,
    index.vocabulary.idf,
    index.vocabulary.featureOf,
  ]
  return arrays.reduce((sum, a) => sum + a.byteLength, 0) / 1024 / 1024
}

function tagFigures(
  papers: CorpusPaper[],
  train: number[],
  test: number[],
): TagFigures & { index: TopicIndex; cpuS: number } {
  const inTrain = new Set(train)
  const started = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  const index = buildTopicIndex(papers.map((p, i) => asTopicPaper(p, i, inTrain.has(i))))
  const trainS = seconds(started)
  const { user, system } = process.cpuUsage(cpu)
  let r1 = 0
  let r3 = 0
  let p3 = 0
  const suggestStart = process.hrtime.bigint()
  for (const i of test) {
    const vector = index.vectors[i]
    const paper = papers[i]
    if (!vector || !paper) continue
    const names = suggestForVector(index, vector, 3).map((s) => s.tag)
    r1 += names[0] === paper.categories[0] ? 1 : 0
    r3 += names.includes(paper.categories[0] ?? '') ? 1 : 0
    p3 += names.filter((name) => paper.categories.includes(name)).length / 3
  }
  const suggestMs = (seconds(suggestStart) * 1000) / test.length
  const n = test.length
  return {
    recall1: r1 / n,
    recall3: r3 / n,
    precision3: p3 / n,
    trainS,
    suggestMs,
    index,
    cpuS: (user + system) / 1e6,
  }
}

function relatedPrecision(papers: CorpusPaper[], index: TopicIndex, queries: number[]): number {
  const postings = buildPostings(index.vectors, index.vocabulary.terms.length)
  let total = 0
  for (const i of queries) {
    const query = index.vectors[i]
    if (!query) continue
    const best = nearestPapers(postings, index.vectors.length, query, 10, (doc) => doc === i)
    total +=
      best.filter(({ doc }) => papers[doc]?.categories[0] === papers[i]?.categories[0]).length / 10
  }
  return total / queries.length
}

function forYouPrecision(papers: CorpusPaper[], index: TopicIndex, plan: Plan): number {
  let total = 0
  for (const profile of plan.profiles) {
    const weights = interestProfile(
      index.vectors,
      profile.kept,
      profile.dismissed,
      index.vocabulary.terms.length,
    )
    const scores = profileScores(index.vectors, weights)
    const best = [...plan.test].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0)).slice(0, 10)
    total += best.filter((i) => papers[i]?.categories[0] === profile.category).length / 10
  }
  return total / plan.profiles.length
}

function average(figures: TagFigures[]): TagFigures {
  const mean = (key: keyof TagFigures) =>
    figures.reduce((sum, f) => sum + f[key], 0) / figures.length
  return {
    recall1: mean('recall1'),
    recall3: mean('recall3'),
    precision3: mean('precision3'),
    trainS: mean('trainS'),
    suggestMs: mean('suggestMs'),
  }
}

type Reference = { split: TagFigures; folds: TagFigures; relatedP10: number; forYouP10: number }

/** Runs the scikit-learn reference on a corpus file and a plan; null without scikit-learn. */
function runReference<T>(corpus: string, plan: object): T | null {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import sklearn'], { stdio: 'ignore' })
  if (probe.status !== 0) return null
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-tags-bench-'))
  try {
    const planFile = join(dir, 'plan.json')
    writeFileSync(planFile, JSON.stringify(plan))
    const script = fileURLToPath(new URL('tags-reference.py', import.meta.url))
    const out = execFileSync('/usr/bin/python3', [script, corpus, planFile], {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    })
    return JSON.parse(out) as T
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Copy `k` of a paper, lightly changed so that no two papers of the large library are the same
 * text: copy 0 is the paper; later copies drop about one abstract word in eight (which words
 * depends on the copy) and name the copy in the title.
 */
function perturbed(paper: CorpusPaper, k: number): CorpusPaper {
  if (k === 0) return paper
  let state = (k * 2_654_435_761) >>> 0
  const words = paper.abstract.split(' ').filter(() => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
    return state >>> 29 !== 0
  })
  return { ...paper, title: `${paper.title} (${k})`, abstract: words.join(' ') }
}

type LargeFigures = TagFigures & {
  cpuS: number
  indexMb: number
  train: number
  test: number
  reference: TagFigures | null
}

/**
 * A 12k-paper library from a 5,005-paper corpus: fold 0's ~4,000 training papers, each copied
 * about three times with light changes, all tagged; fold 0's ~1,000 test papers, untagged, are
 * what the recall is measured on (no copy of a test paper is in the library).
 */
function largePapers(
  papers: CorpusPaper[],
  plan: Plan,
): { library: CorpusPaper[]; train: number[]; test: number[] } {
  const originals = plan.folds[0]?.train ?? []
  const heldOut = plan.folds[0]?.test ?? []
  const library = [
    ...Array.from({ length: LARGE_LIBRARY }, (_, i) =>
      perturbed(
        papers[originals[i % originals.length] ?? 0] as CorpusPaper,
        Math.floor(i / originals.length),
      ),
    ),
    ...heldOut.map((i) => papers[i] as CorpusPaper),
  ]
  return {
    library,
    train: library.slice(0, LARGE_LIBRARY).map((_, i) => i),
    test: heldOut.map((_, j) => LARGE_LIBRARY + j),
  }
}

function largeLibrary({ library, train, test }: ReturnType<typeof largePapers>): LargeFigures {
  const { index, ...figures } = tagFigures(library, train, test)
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-tags-large-'))
  try {
    const file = join(dir, 'large.jsonl')
    writeFileSync(file, library.map((paper) => JSON.stringify(paper)).join('\n'))
    const reference = runReference<{ split: TagFigures }>(file, { train, test, only: 'split' })
    return {
      ...figures,
      indexMb: indexMb(index),
      train: train.length,
      test: test.length,
      reference: reference?.split ?? null,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const row = (name: string, f: TagFigures) =>
  `  ${name.padEnd(34)} recall@1 ${pct(f.recall1)}  recall@3 ${pct(f.recall3)}  precision@3 ${pct(f.precision3)}  train ${f.trainS.toFixed(2)} s  suggest ${f.suggestMs.toFixed(2)} ms`

export async function run(): Promise<void> {
  const papers = loadCorpus()
  const plan = makePlan(papers)
  console.log(
    `corpus: ${papers.length} papers, ${new Set(papers.map((p) => p.categories[0])).size} primary categories; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
  )

  // through the API, as the app trains (the topics thread reads the library file and trains):
  // first, while this process holds little, so its own collections do not count as the UI's stalls
  const largeSet = largePapers(papers, plan)
  const stall = await measureTrainingStall(
    largeSet.library.slice(0, LARGE_LIBRARY).map((p) => ({
      title: p.title,
      abstract: p.abstract,
      authors: p.authors,
      tags: p.categories,
    })),
  )
  const large = largeLibrary(largeSet)
  const split = tagFigures(papers, plan.train, plan.test)
  const folds = average(plan.folds.map((fold) => tagFigures(papers, fold.train, fold.test)))
  const relatedP10 = relatedPrecision(papers, split.index, plan.relatedQueries)
  const forYouP10 = forYouPrecision(papers, split.index, plan)
  const reference = runReference<Reference>(CORPUS, plan)

  console.log(
    `tags (${TRAIN_SIZE} train / ${plan.test.length} test; ${FOLDS}-fold on all ${papers.length}):`,
  )
  console.log(row(`papershelf, ${TRAIN_SIZE} train`, split))
  if (reference) console.log(row(`scikit-learn, ${TRAIN_SIZE} train`, reference.split))
  console.log(
    row(`papershelf, ${FOLDS}-fold (~${papers.length - papers.length / FOLDS} train)`, folds),
  )
  if (reference) console.log(row(`scikit-learn, ${FOLDS}-fold`, reference.folds))
  if (!reference) {
    console.log(
      '  scikit-learn not installed (apt-get install python3-sklearn): the reference figures of the study',
    )
    console.log(
      '  on a larger sample are recall@3 ≈ 0.73 from 2,000 papers and ≈ 0.82 from 12,000.',
    )
  }
  console.log(
    `  memory of the ${papers.length}-paper index (its typed arrays): ${indexMb(split.index).toFixed(0)} MB`,
  )
  console.log(
    `tags, ${large.train} papers (fold 0's ${plan.folds[0]?.train.length} training papers copied with light changes) / ${large.test} unseen test papers:`,
  )
  console.log(row(`papershelf, ${large.train} train`, large))
  if (large.reference) console.log(row(`scikit-learn, ${large.train} train`, large.reference))
  console.log(
    `  papershelf, one thread: ${large.trainS.toFixed(2)} s wall, ${large.cpuS.toFixed(2)} s CPU; index memory ${large.indexMb.toFixed(0)} MB (typed arrays); this process's peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  )
  // the CPU time says what the machine's load hides in the wall time (this machine is shared)
  console.log(
    `  ${stall.papers} papers in a library, trained by the topics thread through the API: ${stall.trainS.toFixed(2)} s wall (${stall.trainCpuS.toFixed(2)} s CPU, both threads); after 4 edits ${stall.retrainS.toFixed(2)} s (${stall.retrainCpuS.toFixed(2)} s CPU); one paper's suggestions through the API ${stall.suggestMs.toFixed(1)} ms`,
  )
  console.log(
    `  main thread meanwhile: longest event-loop stall ${stall.maxLagMs.toFixed(0)} ms (p99 ${stall.p99LagMs.toFixed(0)} ms); a paper asked through the API every 50 ms: median ${stall.apiMedianMs.toFixed(1)} ms, longest ${stall.apiMaxMs.toFixed(0)} ms (${stall.apiCalls} calls); longest garbage collection ${stall.maxGcMs.toFixed(0)} ms`,
  )
  console.log(
    `  the same, as long without training (this machine's own noise): longest stall ${stall.idleMaxLagMs.toFixed(0)} ms, longest API call ${stall.idleApiMaxMs.toFixed(0)} ms; load average ${os.loadavg()[0]?.toFixed(1)}`,
  )
  console.log(
    `related papers, precision@10 same primary category (${plan.relatedQueries.length} queries): papershelf ${pct(relatedP10)}${reference ? `, scikit-learn cosine ${pct(reference.relatedP10)}` : ''}`,
  )
  console.log(
    `For you, precision@10 of the kept category (${plan.profiles.length} profiles of ${PROFILE_KEPT} kept, ${PROFILE_DISMISSED} dismissed): papershelf ${pct(forYouP10)}${reference ? `, arxiv-sanity SVM ${pct(reference.forYouP10)}` : ''}`,
  )
}
