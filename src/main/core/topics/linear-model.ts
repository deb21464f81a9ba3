// One linear classifier per tag: an L2-regularised, squared-hinge linear SVM (what LinearSVC fits),
// solved in its dual by coordinate descent with shrinking (Hsieh et al., 2008): the papers far on
// the right side of a tag's boundary drop out after the first passes, so a tag costs little more
// than one pass over the papers. The weights are then stored feature-major (the tags of one
// feature side by side), so scoring a paper for every tag reads each of its features' rows once.
import type { SparseVector } from './tfidf'

/** Every tag's weights and bias. */
export type TagModel = {
  tags: ReadonlyArray<string>
  nFeatures: number
  /** `weights[feature * tags.length + tag]`. */
  weights: Float32Array
  bias: Float32Array
}

export type TrainOptions = {
  /** The SVM's C: higher fits the training tags more closely. */
  c: number
  /** Stop when the projected gradients of a tag span less than this. */
  tolerance: number
  /** Passes over a tag's active papers at most. */
  maxPasses: number
  /** Order of the papers in each pass (the same seed, the same model). */
  seed: number
}

export const DEFAULT_TRAINING: TrainOptions = { c: 1, tolerance: 0.1, maxPasses: 50, seed: 1 }

/** A constant feature that carries the bias (regularised with the weights, as liblinear does). */
const BIAS_FEATURE = 1

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

/** Fits one tag's SVM; `y[i]` is +1 or -1; returns the bias, the weights land in `w`. */
function fitOneTag(
  vectors: ReadonlyArray<SparseVector>,
  squaredNorms: Float64Array,
  y: Int8Array,
  w: Float64Array,
  options: TrainOptions,
): number {
  const n = vectors.length
  const diagonal = 1 / (2 * options.c)
  const alpha = new Float64Array(n)
  const active = Int32Array.from({ length: n }, (_, i) => i)
  let activeSize = n
  let bias = 0
  let upperOld = Infinity
  w.fill(0)
  for (let pass = 0; pass < options.maxPasses; pass += 1) {
    shuffle(active, activeSize, options.seed + pass)
    let upper = -Infinity
    let lower = Infinity
    for (let s = 0; s < activeSize; s += 1) {
      const i = active[s] ?? 0
      const x = vectors[i]
      if (!x) continue
      const yi = y[i] ?? 1
      let dot = bias * BIAS_FEATURE
      for (let k = 0; k < x.idx.length; k += 1) dot += (x.val[k] ?? 0) * (w[x.idx[k] ?? 0] ?? 0)
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
        projected = Math.min(gradient, 0)
      }
      upper = Math.max(upper, projected)
      lower = Math.min(lower, projected)
      if (Math.abs(projected) > 1e-12) {
        const next = Math.max(a - gradient / ((squaredNorms[i] ?? 0) + diagonal), 0)
        const delta = (next - a) * yi
        alpha[i] = next
        for (let k = 0; k < x.idx.length; k += 1) {
          const f = x.idx[k] ?? 0
          w[f] = (w[f] ?? 0) + delta * (x.val[k] ?? 0)
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
    upperOld = upper <= 0 ? Infinity : upper
  }
  return bias
}

/** Trains one classifier per tag; `labels[i]` are the tag indexes paper `i` carries. */
export function trainTagModel(
  vectors: ReadonlyArray<SparseVector>,
  labels: ReadonlyArray<ReadonlyArray<number>>,
  tags: ReadonlyArray<string>,
  nFeatures: number,
  options: TrainOptions = DEFAULT_TRAINING,
): TagModel {
  const nTags = tags.length
  const weights = new Float32Array(nFeatures * nTags)
  const bias = new Float32Array(nTags)
  const n = vectors.length
  if (n === 0 || nTags === 0) return { tags, nFeatures, weights, bias }
  const squaredNorms = Float64Array.from(vectors, (x) => {
    let sum = BIAS_FEATURE * BIAS_FEATURE
    for (const value of x.val) sum += value * value
    return sum
  })
  const w = new Float64Array(nFeatures)
  const y = new Int8Array(n)
  for (let t = 0; t < nTags; t += 1) {
    y.fill(-1)
    labels.forEach((carried, i) => {
      if (carried.includes(t)) y[i] = 1
    })
    bias[t] = fitOneTag(vectors, squaredNorms, y, w, options)
    for (let f = 0; f < nFeatures; f += 1) {
      const value = w[f] ?? 0
      if (value !== 0) weights[f * nTags + t] = value
    }
  }
  return { tags, nFeatures, weights, bias }
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
    for (let t = 0; t < nTags; t += 1) margins[t] = (margins[t] ?? 0) + value * (model.weights[row + t] ?? 0)
  }
  return margins
}

/** The features that pushed one tag's margin up most, strongest first. */
export function topContributions(model: TagModel, x: SparseVector, tag: number, count: number): number[] {
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
