import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, PDFName, type PDFArray, type PDFDict } from 'pdf-lib'
import type { ApiInput } from '@shared/api/inputs'
import type { LibraryApi } from '@shared/api/library-api'
import type { PaperId } from '@shared/model/ids'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/helpers/temp-dir'
import { useTestCore } from '../../../../test/helpers/test-core'
import { gradientPng, makeTestPdf } from '../../../../test/helpers/test-pdfs'

const PHRASE = 'quasiperiodic lattice renormalization'
const LOST = 'a sentence only the first version prints'

async function paperWithPdf(api: LibraryApi, pageText: Record<number, string[]>) {
  const id = (await api.importText({ text: '2401.00001\n', format: 'ids', sourceName: 'ids' }))
    .paperIds[0] as PaperId
  await attach(api, id, pageText)
  return id
}

async function attach(api: LibraryApi, id: PaperId, pageText: Record<number, string[]>) {
  const pdf = await makeTestPdf({ pages: 5, title: 'Pen test', pageText })
  await api.attachPdf({ id, data: Buffer.from(pdf).toString('base64'), waitForText: true })
}

const highlight = (
  paperId: PaperId,
  page: number,
  quote: string,
  top: number,
): ApiInput<'addAnnotation'> => ({
  paperId,
  kind: 'highlight',
  page,
  rects: [[60, top - 12, 260, top]],
  quote,
  prefix: 'We study ',
  suffix: ' near the edge.',
})

describe('main/core/annotations', { timeout: 60_000 }, () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  it('stores annotations in one transaction each and lists them in page order', async () => {
    let tick = 0
    const { api } = openCore(tempDir(), () => new Date(Date.UTC(2026, 10, 26, 12, 0, tick++)))
    const id = await paperWithPdf(api, { 2: [`We study ${PHRASE} near the edge.`] })
    const low = await api.addAnnotation(highlight(id, 2, 'Line 20 of page 2', 260))
    const high = await api.addAnnotation({ ...highlight(id, 2, PHRASE, 700), color: 'red' })
    const note = await api.addAnnotation({
      paperId: id,
      kind: 'note',
      page: 1,
      rects: [[300, 400, 300, 400]],
      comment: 'Check the proof.',
    })
    const list = await api.listAnnotations({ paperId: id })
    expect(list.annotations.map((a) => a.id)).toEqual([note.id, high.id, low.id])
    expect(list.annotations[1]).toMatchObject({ color: 'red', quote: PHRASE, anchor: 'placed' })
    expect(list.colors.find((c) => c.color === 'red')?.label).toBe('Disagree')

    await api.updateAnnotation({ id: high.id, comment: 'Why periodic?' })
    await api.deleteAnnotation({ id: low.id })
    const summary = await api.annotationSummary({ paperId: id })
    expect(summary.count).toBe(2)
    expect(summary.latest[0]).toMatchObject({ id: high.id, comment: 'Why periodic?' })

    const colors = await api.renameAnnotationColor({ color: 'red', label: 'Doubtful' })
    expect(colors.find((c) => c.color === 'red')?.label).toBe('Doubtful')
    await expect(api.updateAnnotation({ id: 9999, comment: 'x' })).rejects.toThrow(/no annotation/)
    await expect(
      api.addAnnotation({ paperId: id, kind: 'highlight', page: 1, rects: [[0, 0, 1, 1]] }),
    ).rejects.toThrow(/needs the text/)
  })

  it('re-anchors highlights by their text on a new file version and lists the lost ones', async () => {
    const { api } = openCore(tempDir())
    const id = await paperWithPdf(api, { 2: [`We study ${PHRASE} near the edge.`], 4: [LOST] })
    const moved = await api.addAnnotation(highlight(id, 2, PHRASE, 700))
    const lost = await api.addAnnotation(highlight(id, 4, LOST, 700))
    // The new version prints the phrase two pages later and drops the other sentence.
    await attach(api, id, { 4: [`We study ${PHRASE} near the edge.`] })
    const after = await api.listAnnotations({ paperId: id })
    const byId = new Map(after.annotations.map((a) => [a.id, a]))
    expect(byId.get(moved.id)).toMatchObject({ page: 4, anchor: 'placed', rects: [] })
    expect(byId.get(lost.id)).toMatchObject({ page: 4, anchor: 'unanchored', quote: LOST })
    // The reader measures the moved highlight again on its new page.
    const measured = await api.updateAnnotation({ id: moved.id, rects: [[60, 680, 300, 692]] })
    expect(measured.rects).toEqual([[60, 680, 300, 692]])
  })

  it('exports Markdown with quotes, pages, comments, pictures and an annotated PDF copy', async () => {
    const dir = tempDir()
    const { api } = openCore(dir)
    const id = await paperWithPdf(api, { 2: [`We study ${PHRASE} near the edge.`] })
    await api.addAnnotation({
      ...highlight(id, 2, PHRASE, 700),
      comment: 'Key <script>idea</script>',
    })
    const area = await api.addAnnotation({
      paperId: id,
      kind: 'area',
      color: 'blue',
      page: 3,
      rects: [[100, 100, 300, 250]],
      image: Buffer.from(gradientPng(8, 8)).toString('base64'),
    })
    const out = join(dir, 'out')
    const result = await api.exportAnnotations({ ids: [id], to: out, pdf: true })
    const file = result.files[0]
    expect(file?.annotations).toBe(2)
    const markdown = readFileSync(join(out, file?.name ?? ''), 'utf8')
    expect(markdown).toContain(`> ${PHRASE}`)
    expect(markdown).toContain('— p. 2 · Important (yellow)')
    expect(markdown).toContain('Key &lt;script&gt;idea&lt;/script&gt;')
    expect(markdown).toContain('<https://arxiv.org/abs/2401.00001>')
    const picture = `${id}-arxiv-2401-00001-area-${area.id}.png`
    expect(markdown).toContain(`![Area on page 3](${picture})`)
    expect(readFileSync(join(out, picture)).subarray(1, 4).toString()).toBe('PNG')

    const copy = await PDFDocument.load(
      readFileSync(join(out, `${id}-arxiv-2401-00001-annotated.pdf`)),
    )
    const annots = (page: number) =>
      (copy.getPage(page).node.lookup(PDFName.of('Annots')) as PDFArray | undefined)
        ?.asArray()
        .map((ref) => (copy.context.lookup(ref) as PDFDict).get(PDFName.of('Subtype'))?.toString())
    expect(annots(1)).toEqual(['/Highlight'])
    expect(annots(2)).toEqual(['/Square'])

    const inline = await api.exportAnnotations({ ids: [id] })
    expect(inline.files[0]?.markdown).toContain('](data:image/png;base64,')
    expect(existsSync(join(out, 'x'))).toBe(false)
    await expect(api.exportAnnotations({ tag: 'nothing-here' })).rejects.toThrow(/No papers/)
  })

  it('carries annotations and colour names through the JSON library document', async () => {
    const { api } = openCore(tempDir())
    const id = await paperWithPdf(api, { 2: [`We study ${PHRASE} near the edge.`] })
    await api.addAnnotation({ ...highlight(id, 2, PHRASE, 700), comment: 'kept' })
    await api.renameAnnotationColor({ color: 'yellow', label: 'Central' })
    const doc = await api.exportLibrary({})
    const other = openCore(tempDir()).api
    await other.importLibrary({ text: JSON.stringify(doc), sourceName: 'doc.json' })
    const list = await other.listAnnotations({ paperId: id })
    expect(list.annotations).toHaveLength(1)
    expect(list.annotations[0]).toMatchObject({ quote: PHRASE, comment: 'kept', page: 2 })
    expect(list.colors[0]).toEqual({ color: 'yellow', label: 'Central' })
  })
})
