/** A rectangle in PDF user space: `[x0, y0, x1, y1]` with `x0 <= x1` and `y0 <= y1`. */
export type UserRect = [number, number, number, number]

/** The pdf.js operator codes this reads (`OPS` of pdfjs-dist). */
export type FigureOps = {
  save: number
  restore: number
  transform: number
  paintFormXObjectBegin: number
  paintFormXObjectEnd: number
  constructPath: number
  endPath: number
}

/** A page's operator list as pdf.js returns it (`PDFPageProxy.getOperatorList`). */
export type OperatorList = { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> }

type Matrix = [number, number, number, number, number, number]
type Cluster = { rect: UserRect; shapes: number }

/** Paths closer than this (points) belong to one figure: axes, bars and labels' ticks join up. */
const JOIN_GAP = 6
/** A path this wide and tall in both directions is a shape; thinner ones are rules and lines. */
const SHAPE_SIZE = 3
/** A figure is at least this large (points) and holds at least two shapes. */
const MIN_WIDTH = 40
const MIN_HEIGHT = 30
const MIN_SHAPES = 2

/**
 * Where a page draws vector figures (charts, diagrams): the painted paths of its operator list,
 * placed with their transforms and grouped when they touch, keeping the groups large enough and
 * made of real shapes. Table rules, underlines, fraction bars and single frames are only thin
 * lines or one shape, so they stay part of the text; a path covering the page is its background.
 * Dark mode shows these regions uninverted, like pictures.
 */
export function vectorFigureRects(list: OperatorList, ops: FigureOps, page: UserRect): UserRect[] {
  const pageWidth = page[2] - page[0]
  const pageHeight = page[3] - page[1]
  const clusters: Cluster[] = []
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  for (let i = 0; i < list.fnArray.length; i += 1) {
    const fn = list.fnArray[i]
    const args = list.argsArray[i] as unknown[] | null
    if (fn === ops.save || fn === ops.paintFormXObjectBegin) {
      stack.push(ctm)
      const matrix = fn === ops.paintFormXObjectBegin ? args?.[0] : null
      if (isMatrix(matrix)) ctm = multiply(ctm, matrix)
    } else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) {
      ctm = stack.pop() ?? ctm
    } else if (fn === ops.transform && args && isMatrix(args)) {
      ctm = multiply(ctm, args)
    } else if (fn === ops.constructPath && args) {
      // [painting op, path data, [minX, minY, maxX, maxY]]; a clip ends with endPath: not drawn
      const minMax = args[2] as ArrayLike<number> | null | undefined
      if (args[0] === ops.endPath || !minMax || minMax.length < 4) continue
      const rect = transformRect(ctm, [
        minMax[0] ?? NaN,
        minMax[1] ?? NaN,
        minMax[2] ?? NaN,
        minMax[3] ?? NaN,
      ])
      if (!rect.every(Number.isFinite)) continue
      const width = rect[2] - rect[0]
      const height = rect[3] - rect[1]
      if (width >= pageWidth * 0.8 && height >= pageHeight * 0.8) continue
      addToClusters(clusters, {
        rect,
        shapes: width >= SHAPE_SIZE && height >= SHAPE_SIZE ? 1 : 0,
      })
    }
  }
  return clusters
    .filter(
      ({ rect, shapes }) =>
        shapes >= MIN_SHAPES && rect[2] - rect[0] >= MIN_WIDTH && rect[3] - rect[1] >= MIN_HEIGHT,
    )
    .map(({ rect }) => [rect[0] - 1, rect[1] - 1, rect[2] + 1, rect[3] + 1])
}

/** Adds a path to the figure it touches, merging figures it joins. */
function addToClusters(clusters: Cluster[], path: Cluster): void {
  let merged = path
  for (let i = clusters.length - 1; i >= 0; i -= 1) {
    const cluster = clusters[i] as Cluster
    if (near(cluster.rect, merged.rect)) {
      merged = {
        rect: [
          Math.min(cluster.rect[0], merged.rect[0]),
          Math.min(cluster.rect[1], merged.rect[1]),
          Math.max(cluster.rect[2], merged.rect[2]),
          Math.max(cluster.rect[3], merged.rect[3]),
        ],
        shapes: cluster.shapes + merged.shapes,
      }
      clusters.splice(i, 1)
      // the grown rectangle may now reach figures checked before
      i = clusters.length
    }
  }
  clusters.push(merged)
}

function near(a: UserRect, b: UserRect): boolean {
  return (
    a[0] - JOIN_GAP <= b[2] &&
    b[0] - JOIN_GAP <= a[2] &&
    a[1] - JOIN_GAP <= b[3] &&
    b[1] - JOIN_GAP <= a[3]
  )
}

function isMatrix(value: unknown): value is Matrix {
  return (
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    (value as ArrayLike<unknown>).length >= 6 &&
    Array.from(value as ArrayLike<unknown>)
      .slice(0, 6)
      .every((n) => typeof n === 'number')
  )
}

/** `m1 × m2` as pdf.js composes transforms (`cm` applies `m2` inside `m1`). */
function multiply(m1: Matrix, m2: ArrayLike<number>): Matrix {
  const [a, b, c, d, e, f] = [
    m2[0] ?? 1,
    m2[1] ?? 0,
    m2[2] ?? 0,
    m2[3] ?? 1,
    m2[4] ?? 0,
    m2[5] ?? 0,
  ]
  return [
    m1[0] * a + m1[2] * b,
    m1[1] * a + m1[3] * b,
    m1[0] * c + m1[2] * d,
    m1[1] * c + m1[3] * d,
    m1[0] * e + m1[2] * f + m1[4],
    m1[1] * e + m1[3] * f + m1[5],
  ]
}

function transformRect(m: Matrix, [x0, y0, x1, y1]: UserRect): UserRect {
  const xs: number[] = []
  const ys: number[] = []
  for (const [x, y] of [
    [x0, y0],
    [x0, y1],
    [x1, y0],
    [x1, y1],
  ] as const) {
    xs.push(m[0] * x + m[2] * y + m[4])
    ys.push(m[1] * x + m[3] * y + m[5])
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}
