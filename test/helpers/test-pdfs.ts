import { once } from 'node:events'
import { createDeflate, deflateSync } from 'node:zlib'
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  StandardFonts,
  beginText,
  endText,
  moveText,
  rgb,
  setFontAndSize,
  showText,
  type PDFRef,
} from 'pdf-lib'

/** What a generated test PDF holds. */
export type TestPdfOptions = {
  pages: number
  title?: string
  subject?: string
  /** Extra lines on a page (1-based page number → lines). */
  pageText?: Record<number, ReadonlyArray<string>>
  /** Adds an outline with an entry per `outlineEvery` pages (default 5). */
  outline?: boolean
  outlineEvery?: number
  /** Adds, on page 1, a link to `externalUrl` and a link to page 3. */
  links?: { externalUrl: string }
  /** Draws a coloured picture on page 1 (for dark mode: pictures keep their colours). */
  image?: boolean
  /** Adds a document-open JavaScript action (a reader must never run it). */
  javascript?: string
}

/** A real multi-page PDF made with pdf-lib: text on every page, and optionally outline, links, picture, script. */
export async function makeTestPdf(options: TestPdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  if (options.title) doc.setTitle(options.title)
  if (options.subject) doc.setSubject(options.subject)
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const refs: PDFRef[] = []
  for (let n = 1; n <= options.pages; n += 1) {
    const page = doc.addPage([612, 792])
    refs.push(page.ref)
    page.drawText(`Section ${n}: on page ${n} of ${options.pages}`, {
      x: 60,
      y: 730,
      size: 18,
      font: bold,
    })
    const lines = [
      ...(options.pageText?.[n] ?? []),
      ...Array.from(
        { length: 28 },
        (_, i) =>
          `Line ${i + 1} of page ${n}: the reader keeps this text selectable and searchable.`,
      ),
    ]
    lines.forEach((line, i) =>
      page.drawText(line, { x: 60, y: 700 - i * 22, size: 11, font, color: rgb(0.1, 0.1, 0.1) }),
    )
  }
  const first = doc.getPage(0)
  if (options.image) {
    const png = await doc.embedPng(gradientPng(96, 64))
    first.drawImage(png, { x: 380, y: 60, width: 180, height: 120 })
  }
  if (options.links) {
    const ctx = doc.context
    const external = ctx.register(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [60, 40, 300, 60],
        Border: [0, 0, 0],
        A: { Type: 'Action', S: 'URI', URI: PDFString.of(options.links.externalUrl) },
      }),
    )
    const internal = ctx.register(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [320, 40, 360, 60],
        Border: [0, 0, 0],
        Dest: [refs[Math.min(2, refs.length - 1)], 'XYZ', null, null, null],
      }),
    )
    first.drawText('Project page', { x: 60, y: 45, size: 11, font, color: rgb(0, 0, 0.8) })
    first.drawText('[3]', { x: 322, y: 45, size: 11, font, color: rgb(0, 0, 0.8) })
    first.node.set(PDFName.of('Annots'), ctx.obj([external, internal]))
  }
  if (options.outline) addOutline(doc, refs, options.outlineEvery ?? 5)
  if (options.javascript) {
    doc.catalog.set(
      PDFName.of('OpenAction'),
      doc.context.obj({ S: 'JavaScript', JS: PDFString.of(options.javascript) }),
    )
  }
  return doc.save({ useObjectStreams: true })
}

function addOutline(doc: PDFDocument, refs: ReadonlyArray<PDFRef>, every: number): void {
  const ctx = doc.context
  const root = ctx.nextRef()
  const targets = refs.filter((_, i) => i % every === 0)
  const items = targets.map(() => ctx.nextRef())
  targets.forEach((pageRef, i) => {
    const entry = ctx.obj({
      Title: PDFString.of(`Section ${i * every + 1}`),
      Parent: root,
      Dest: [pageRef, 'XYZ', null, null, null],
    })
    if (i > 0) entry.set(PDFName.of('Prev'), items[i - 1] as PDFRef)
    if (i < items.length - 1) entry.set(PDFName.of('Next'), items[i + 1] as PDFRef)
    ctx.assign(items[i] as PDFRef, entry)
  })
  ctx.assign(
    root,
    ctx.obj({
      Type: 'Outlines',
      First: items[0] ?? null,
      Last: items.at(-1) ?? null,
      Count: items.length,
    }),
  )
  doc.catalog.set(PDFName.of('Outlines'), root)
}

/** A small RGB PNG with a colour gradient, built by hand (no image library needed; also an area picture). */
export function gradientPng(width: number, height: number): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1)
    for (let x = 0; x < width; x += 1) {
      raw[row + 1 + x * 3] = Math.round((x / width) * 255)
      raw[row + 2 + x * 3] = Math.round((y / height) * 200)
      raw[row + 3 + x * 3] = 220 - Math.round((x / width) * 180)
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8
  header[9] = 2
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) {
    crc ^= byte
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

/**
 * A small PDF whose one page draws `decodedBytes` of text commands from one Flate stream: a few
 * hundred KB on disk, hundreds of MB once decoded (the shape of a hostile file).
 */
export function makeTextBombPdf(decodedBytes: number): Promise<Buffer> {
  return makeFlateBombPdf(decodedBytes, 'text')
}

/**
 * A one-page PDF whose content stream inflates to `decodedBytes` of text-drawing commands
 * (`text`: ~1/330 of that on disk) or of zeros (`zeros`: ~1/1000, the most deflate allows).
 */
export async function makeFlateBombPdf(
  decodedBytes: number,
  fill: 'text' | 'zeros',
): Promise<Buffer> {
  const line =
    fill === 'text' ? Buffer.from('BT /F1 9 Tf 20 700 Td (papershelf) Tj ET\n') : Buffer.alloc(1)
  const chunk = Buffer.alloc(line.length * Math.floor(2 ** 20 / line.length))
  if (fill === 'text') for (let at = 0; at < chunk.length; at += line.length) line.copy(chunk, at)
  const deflate = createDeflate({ level: fill === 'text' ? 6 : 9 })
  const parts: Buffer[] = []
  deflate.on('data', (part: Buffer) => parts.push(part))
  for (let written = 0; written < decodedBytes; written += chunk.length) {
    if (!deflate.write(chunk)) await once(deflate, 'drain')
  }
  deflate.end()
  await once(deflate, 'end')
  const stream = Buffer.concat(parts)
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  const out: Buffer[] = [Buffer.from('%PDF-1.7\n')]
  const offsets: number[] = []
  let size = out[0]?.length ?? 0
  const push = (part: Buffer) => {
    out.push(part)
    size += part.length
  }
  objects.forEach((body, index) => {
    offsets.push(size)
    if (body === null) {
      push(
        Buffer.from(
          `${index + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`,
        ),
      )
      push(stream)
      push(Buffer.from('\nendstream\nendobj\n'))
    } else push(Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`))
  })
  const xref = size
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  )
  return Buffer.concat(out)
}

/**
 * A one-page PDF whose fonts are not embedded: a Helvetica line (pdf.js needs its standard font
 * data) and a Japanese line in a CID font named only by Adobe-Japan1 and the `UniJIS-UCS2-H`
 * CMap (pdf.js needs its CMaps to read the text at all).
 */
export async function makeUnembeddedFontsPdf(latin: string, japanese: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([612, 792])
  page.drawText(latin, {
    x: 60,
    y: 700,
    size: 20,
    font: await doc.embedFont(StandardFonts.Helvetica),
  })
  const context = doc.context
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: 'HeiseiMin-W3',
      CIDSystemInfo: {
        Registry: PDFString.of('Adobe'),
        Ordering: PDFString.of('Japan1'),
        Supplement: 2,
      },
      FontDescriptor: context.register(
        context.obj({
          Type: 'FontDescriptor',
          FontName: 'HeiseiMin-W3',
          Flags: 6,
          FontBBox: [-123, -257, 1001, 910],
          ItalicAngle: 0,
          Ascent: 723,
          Descent: -241,
          CapHeight: 709,
          StemV: 69,
        }),
      ),
    }),
  )
  const font = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: 'HeiseiMin-W3-UniJIS-UCS2-H',
      Encoding: 'UniJIS-UCS2-H',
      DescendantFonts: [cidFont],
    }),
  )
  page.node.setFontDictionary(PDFName.of('FJ'), font)
  const hex = [...japanese]
    .map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0'))
    .join('')
  page.pushOperators(
    beginText(),
    setFontAndSize('FJ', 24),
    moveText(60, 640),
    showText(PDFHexString.of(hex)),
    endText(),
  )
  return doc.save()
}

/** Where `makeVectorFigurePdf` draws its chart and its ruled table (PDF points, origin bottom left). */
export const VECTOR_FIGURE = { chart: [80, 300, 330, 480], table: [80, 110, 520, 250] } as const

/**
 * A page of text with a vector chart (axes, coloured bars, a curve drawn through a transform) and
 * a table ruled with thin lines, as papers typeset them: no picture in it at all.
 */
export async function makeVectorFigurePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([612, 792])
  const font = await doc.embedFont(StandardFonts.Helvetica)
  page.drawText('A page with a vector chart', { x: 60, y: 730, size: 18, font })
  for (let i = 0; i < 8; i += 1) {
    page.drawText(`Paragraph line ${i + 1}: the chart below is drawn with paths, not a picture.`, {
      x: 60,
      y: 700 - i * 20,
      size: 11,
      font,
    })
  }
  const [x0, y0, x1, y1] = VECTOR_FIGURE.chart
  const ink = rgb(0.1, 0.1, 0.1)
  page.drawLine({ start: { x: x0, y: y0 }, end: { x: x1, y: y0 }, thickness: 1, color: ink })
  page.drawLine({ start: { x: x0, y: y0 }, end: { x: x0, y: y1 }, thickness: 1, color: ink })
  const bars = [rgb(0.85, 0.2, 0.2), rgb(0.2, 0.45, 0.85), rgb(0.2, 0.7, 0.3), rgb(0.95, 0.7, 0.1)]
  bars.forEach((color, i) =>
    page.drawRectangle({ x: x0 + 20 + i * 55, y: y0, width: 35, height: 40 + i * 35, color }),
  )
  // drawn through a flipped coordinate system, as plotting libraries often do
  page.drawSvgPath('M 0 0 C 60 -150, 120 -20, 240 -170', {
    x: x0 + 5,
    y: y0 + 5,
    borderColor: rgb(0.5, 0.1, 0.6),
    borderWidth: 2,
  })
  const [tx0, ty0, tx1, ty1] = VECTOR_FIGURE.table
  for (const y of [ty1, ty1 - 22, ty0]) {
    page.drawLine({ start: { x: tx0, y }, end: { x: tx1, y }, thickness: 0.8, color: ink })
  }
  for (let row = 0; row < 5; row += 1) {
    page.drawText(
      `Method ${row + 1}      ${(70 + row * 3.1).toFixed(1)}      ${(0.5 + row / 10).toFixed(2)}`,
      {
        x: tx0 + 6,
        y: ty1 - 16 - (row + 1) * 22,
        size: 11,
        font,
      },
    )
  }
  return doc.save()
}
