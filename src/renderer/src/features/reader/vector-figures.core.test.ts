// @vitest-environment node
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { makeVectorFigurePdf, VECTOR_FIGURE } from '../../../../../test/helpers/test-pdfs'
import { vectorFigureRects, type UserRect } from './vector-figures'

describe('renderer/reader vectorFigureRects', () => {
  it('finds the vector chart of a real page, and not its ruled table or its text', async () => {
    const data = await makeVectorFigurePdf()
    const doc = await getDocument({ data, verbosity: 0 }).promise
    try {
      const page = await doc.getPage(1)
      const list = await page.getOperatorList()
      const rects = vectorFigureRects(list, OPS, page.view as UserRect)
      expect(rects).toHaveLength(1)
      const [x0, y0, x1, y1] = rects[0] as UserRect
      const [cx0, cy0, cx1, cy1] = VECTOR_FIGURE.chart
      // the chart's axes, bars and curve, a stroke's width around them
      expect(x0).toBeGreaterThan(cx0 - 4)
      expect(x0).toBeLessThanOrEqual(cx0)
      expect(y0).toBeGreaterThan(cy0 - 4)
      expect(y0).toBeLessThanOrEqual(cy0)
      expect(x1).toBeGreaterThanOrEqual(cx1 - 5)
      expect(x1).toBeLessThan(cx1 + 4)
      expect(y1).toBeGreaterThanOrEqual(cy1 - 5)
      expect(y1).toBeLessThan(cy1 + 4)
    } finally {
      await doc.destroy()
    }
  })
})
