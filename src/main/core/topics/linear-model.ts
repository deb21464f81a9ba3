// One linear classifier per tag: an L2-regularised, squared-hinge linear SVM (what LinearSVC fits),
// solved in its dual by coordinate descent with shrinking (Hsieh et al., 2008). The papers are one
// compressed sparse matrix (typed arrays, read in place), and every tag reuses the same buffers.
// Papers far on the right side of a tag's boundary drop out of its later passes, so a tag costs a
// few passes over the papers near its boundary. The dual variables (one per paper and tag) are
// returned: a later training starts from them (`warm`), so after a few edits a tag settles in a
// pass or two. The weights are stored feature-major (the tags of one feature side by side), so
// scoring a paper for every tag reads each of its features' rows once.
import type { SparseVector } from './tfidf'

/** Every tag's weights and bias. */
export type TagModel = {
  tags: ReadonlyArray<string>
  nFeatures: number
  /** `weights[feature * tags.length + tag]`. */
  weights: Float32Array
  bias: Float32Array
}

/** Papers as rows of one sparse matrix: row `i` is `idx/val[start[i] .. start[i + 1])`. */
export type SparseRows = { start: Int32Array; idx: Int32Array; val: Float32Array }

export type TrainOptions = {
  /** The SVM's C: higher fits the training tags more closely. */
  c: number
  /** Stop when the projected gradients of a tag span less than this. */
  tolerance: number
  /** Passes over a tag's active papers at most. */
  maxPasses: number
  /** Order of the papers in each pass (the same seed, the same model). */
  seed: number
  /**
   * A paper well on the right side (gradient above this) leaves the active set even when no paper
   * violates the boundary (liblinear then keeps every paper, which makes a rare tag, all of whose
   * negatives sit far away, cost every pass over every paper). The last full pass still checks them.
   */
  shrinkFloor: number
}

export const DEFAULT_TRAINING: TrainOptions = {
  c: 1,
  tolerance: 0.1,
  maxPasses: 50,
  seed: 1,
  shrinkFloor: 0,
}

/** A trained model and its dual variables, `dual[tag * papers + paper]`, to start the next training from. */
export type TrainedTags = { model: TagModel; dual: Float32Array }

/** A constant feature that carries the bias (regularised with the weights, as liblinear does). */
const BIAS_FEATURE = 1

/** Packs vectors into one sparse matrix. */
export function toSparseRows(vectors: ReadonlyArray<SparseVector>): SparseRows {
  const start = new Int32Array(vectors.length + 1)
  vectors.forEach((v, i) => {
    start[i + 1] = (start[i] ?? 0) + v.idx.length
  })
  const idx = new Int32Array(start[vectors.length] ?? 0)
  const val = new Float32Array(idx.length)
  vectors.forEach((v, i) => {
    idx.set(v.idx, start[i])
    val.set(v.val, start[i])
  })
  return { start, idx, val }
}

/** A small deterministic shuffle of `order[0..length)` in place. */
function shuffle(order: Int32Array, length: number, seed: number): void {
  let state = seed >>> 0 || 1
  for (let i = length - 1; i > 0; i -= 1) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    const j = (state >>> 0) % (i + 1)
    const swap = order[i] ?? 0
    order[i] = order[j] ?? 0
    order[j] = swap
  }
}

/** Buffers one tag's fit uses, allocated once per training. */
type Workspace = {
  alpha: Float64Array
  active: Int32Array
  w: Float64Array
  squaredNorms: Float64Array
}

/** Sets `w` (and returns the bias) to Σ alpha·y·x, the primal point of a warm start. */
function primalFromDual(rows: SparseRows, y: Int8Array, space: Workspace): number {
  const { alpha, w } = space
  const { start, idx, val } = rows
  w.fill(0)
  let bias = 0
  for (let i = 0; i < alpha.length; i += 1) {
    const a = alpha[i] ?? 0
    if (a === 0) continue
    const ay = a * (y[i] ?? 1)
    bias += ay * BIAS_FEATURE
    const end = start[i + 1] ?? 0
    for (let p = start[i] ?? 0; p < end; p += 1) {
      const f = idx[p] ?? 0
      w[f] = (w[f] ?? 0) + ay * (val[p] ?? 0)
    }
  }
  return bias
}

/** Fits one tag's SVM from the dual point in `space.alpha`; `y[i]` is +1 or -1; returns the bias, the weights land in `space.w`. */
function fitOneTag(
  rows: SparseRows,
  y: Int8Array,
  space: Workspace,
  options: TrainOptions,
): number {
  const { alpha, active, w, squaredNorms } = space
  const { start, idx, val } = rows
  const n = alpha.length
  const diagonal = 1 / (2 * options.c)
  for (let i = 0; i < n; i += 1) active[i] = i
  let activeSize = n
  let bias = primalFromDual(rows, y, space)
  let upperOld = Infinity
  for (let pass = 0; pass < options.maxPasses; pass += 1) {
    shuffle(active, activeSize, options.seed + pass)
    let upper = -Infinity
    let lower = Infinity
    for (let s = 0; s < activeSize; s += 1) {
      const i = active[s] ?? 0
      const yi = y[i] ?? 1
      const from = start[i] ?? 0
      const to = start[i + 1] ?? 0
      let dot = bias * BIAS_FEATURE
      for (let p = from; p < to; p += 1) dot += (val[p] ?? 0) * (w[idx[p] ?? 0] ?? 0)
      const a = alpha[i] ?? 0
      const gradient = yi * dot - 1 + diagonal * a
      let projected = gradient
      if (a === 0) {
        if (gradient > upperOld) {
          // far on the right side and not a support vector: leave it out of later passes
          activeSize -= 1
          active[s] = active[activeSize] ?? 0
          active[activeSize] = i
          s -= 1
          continue
        }
        if (projected > 0) projected = 0
      }
      if (projected > upper) upper = projected
      if (projected < lower) lower = projected
      if (projected !== 0) {
        const next = Math.max(a - gradient / ((squaredNorms[i] ?? 0) + diagonal), 0)
        const delta = (next - a) * yi
        alpha[i] = next
        for (let p = from; p < to; p += 1) {
          const f = idx[p] ?? 0
          w[f] = (w[f] ?? 0) + delta * (val[p] ?? 0)
        }
        bias += delta * BIAS_FEATURE
      }
    }
    if (upper - lower <= options.tolerance) {
      if (activeSize === n) break
      // converged on the active papers: check every paper once more before stopping
      activeSize = n
      upperOld = Infinity
      continue
    }
    upperOld = upper > 0 ? upper : options.shrinkFloor
  }
  return bias
}

/**
 * Trains one classifier per tag; `labels[i]` are the tag indexes paper `i` carries. `warm`, when
 * given, is a dual point to start from (`dual[tag * papers + paper]`, as returned), 0 for unknowns.
 */
export function trainTagModel(
  rows: SparseRows,
  labels: ReadonlyArray<ReadonlyArray<number>>,
  tags: ReadonlyArray<string>,
  nFeatures: number,
  options: TrainOptions = DEFAULT_TRAINING,
  warm?: Float32Array,
): TrainedTags {
  const nTags = tags.length
  const n = rows.start.length - 1
  const weights = new Float32Array(nFeatures * nTags)
  const bias = new Float32Array(nTags)
  const dual = new Float32Array(n * nTags)
  const model = { tags, nFeatures, weights, bias }
  if (n === 0 || nTags === 0) return { model, dual }
  const squaredNorms = new Float64Array(n)
  for (let i = 0; i < n; i += 1) {
    let sum = BIAS_FEATURE * BIAS_FEATURE
    const end = rows.start[i + 1] ?? 0
    for (let p = rows.start[i] ?? 0; p < end; p += 1) sum += (rows.val[p] ?? 0) ** 2
    squaredNorms[i] = sum
  }
  const space: Workspace = {
    alpha: new Float64Array(n),
    active: new Int32Array(n),
    w: new Float64Array(nFeatures),
    squaredNorms,
  }
  const positives = Array.from({ length: nTags }, (): number[] => [])
  labels.forEach((carried, i) => {
    for (const t of carried) positives[t]?.push(i)
  })
  const y = new Int8Array(n)
  for (let t = 0; t < nTags; t += 1) {
    y.fill(-1)
    for (const i of positives[t] ?? []) y[i] = 1
    if (warm?.length === n * nTags) space.alpha.set(warm.subarray(t * n, (t + 1) * n))
    else space.alpha.fill(0)
    bias[t] = fitOneTag(rows, y, space, options)
    dual.set(space.alpha, t * n)
    const w = space.w
    for (let f = 0; f < nFeatures; f += 1) {
      const value = w[f] ?? 0
      if (value !== 0) weights[f * nTags + t] = value
    }
  }
  return { model, dual }
}

/** Every tag's margin for one paper (positive: the classifier says yes). */
export function tagMargins(model: TagModel, x: SparseVector): Float64Array {
  const nTags = model.tags.length
  const margins = Float64Array.from(model.bias)
  for (let k = 0; k < x.idx.length; k += 1) {
    const feature = x.idx[k] ?? 0
    if (feature >= model.nFeatures) continue
    const value = x.val[k] ?? 0
    const row = feature * nTags
    for (let t = 0; t < nTags; t += 1) {
      margins[t] = (margins[t] ?? 0) + value * (model.weights[row + t] ?? 0)
    }
  }
  return margins
}

/** The features that pushed one tag's margin up most, strongest first. */
export function topContributions(
  model: TagModel,
  x: SparseVector,
  tag: number,
  count: number,
): number[] {
  const nTags = model.tags.length
  const parts: Array<[feature: number, weight: number]> = []
  for (let k = 0; k < x.idx.length; k += 1) {
    const feature = x.idx[k] ?? 0
    const weight = (x.val[k] ?? 0) * (model.weights[feature * nTags + tag] ?? 0)
    if (weight > 0) parts.push([feature, weight])
  }
  return parts
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([feature]) => feature)
}

/** A margin as a confidence between 0 and 1 (0.5 at the decision boundary). */
export function confidence(margin: number): number {
  return 1 / (1 + Math.exp(-3 * margin))
}
