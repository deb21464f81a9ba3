import { describe, expect, it } from 'vitest'
import { findPaperIds } from './find-paper-ids'
import { pdfCandidates } from './pdf-links'
import { isInsideFolder, pdfFilePath } from './pdf-paths'
import { contentTypeProblem, pdfShapeProblem } from './verify-pdf'

const ARXIV = 'http://arxiv.test'
const HEAD = Buffer.from('%PDF-1.7\n%âãÏÓ\n')
const TAIL = Buffer.from('startxref\n1234\n%%EOF\n')

describe('pdf/verify-pdf', () => {
  it('accepts a header and an end marker', () => {
    expect(pdfShapeProblem(HEAD, TAIL, 5000)).toBeNull()
  })
  it('names what an HTML page starts with', () => {
    expect(pdfShapeProblem(Buffer.from('<!DOCTYPE html><html>'), TAIL, 5000)).toBe(
      'it is not a PDF (it starts with "<!DOCTYPE html><")',
    )
  })
  it('calls a PDF without its end marker incomplete', () => {
    expect(pdfShapeProblem(HEAD, Buffer.from('stream\nxyz'), 5000)).toMatch(/incomplete/)
  })
  it('refuses an empty file', () => {
    expect(pdfShapeProblem(Buffer.alloc(0), Buffer.alloc(0), 0)).toBe('it is empty')
  })
  it('lets generic content types through and refuses HTML', () => {
    expect(contentTypeProblem('application/pdf; qs=0.001')).toBeNull()
    expect(contentTypeProblem('application/octet-stream')).toBeNull()
    expect(contentTypeProblem(null)).toBeNull()
    expect(contentTypeProblem('text/html; charset=utf-8')).toMatch(/web page/)
    expect(contentTypeProblem('application/json')).toMatch(/application\/json/)
  })
})

describe('pdf/pdf-links', () => {
  const paper = { arxivId: '2401.00001', latestVersion: 3, withdrawn: false, pdfUrl: null }
  it('tries the latest arXiv version first, then earlier ones', () => {
    expect(pdfCandidates(paper, ARXIV)).toEqual([
      `${ARXIV}/pdf/2401.00001v3`,
      `${ARXIV}/pdf/2401.00001v2`,
      `${ARXIV}/pdf/2401.00001v1`,
    ])
  })
  it('skips a withdrawn latest version', () => {
    expect(pdfCandidates({ ...paper, withdrawn: true }, ARXIV)[0]).toBe(`${ARXIV}/pdf/2401.00001v2`)
  })
  it('asks for the unversioned PDF when no version is known', () => {
    expect(pdfCandidates({ ...paper, latestVersion: null }, ARXIV)).toEqual([
      `${ARXIV}/pdf/2401.00001`,
    ])
  })
  it('keeps old-style ids with their slash in the path', () => {
    expect(pdfCandidates({ ...paper, arxivId: 'hep-th/9901001', latestVersion: 1 }, ARXIV)).toEqual(
      [`${ARXIV}/pdf/hep-th/9901001v1`],
    )
  })
  it('uses a non-arXiv PDF link, and ignores non-http ones', () => {
    const own = { arxivId: null, latestVersion: null, withdrawn: false }
    expect(pdfCandidates({ ...own, pdfUrl: 'https://proceedings.test/p.pdf' }, ARXIV)).toEqual([
      'https://proceedings.test/p.pdf',
    ])
    expect(pdfCandidates({ ...own, pdfUrl: 'file:///etc/passwd' }, ARXIV)).toEqual([])
    expect(
      pdfCandidates({ ...paper, pdfUrl: 'https://arxiv.org/pdf/2401.00001v3' }, ARXIV),
    ).toHaveLength(3)
  })
})

describe('pdf/pdf-paths', () => {
  it('names stored files only by a SHA-256 digest', () => {
    expect(pdfFilePath('/lib', 'a'.repeat(64))).toBe(`/lib/pdfs/${'a'.repeat(64)}.pdf`)
    expect(() => pdfFilePath('/lib', '../../etc/passwd')).toThrow(/not a SHA-256/)
  })
  it('tells files inside a folder from those outside', () => {
    expect(isInsideFolder('/lib/pdfs', '/lib/pdfs/x.pdf')).toBe(true)
    expect(isInsideFolder('/lib/pdfs', '/lib/pdfs/../library.sqlite')).toBe(false)
    expect(isInsideFolder('/lib/pdfs', '/lib/pdfs')).toBe(false)
    expect(isInsideFolder('/lib/pdfs', '/lib/pdfs-other/x.pdf')).toBe(false)
  })
})

describe('pdf/find-paper-ids', () => {
  it('finds the arXiv stamp of page 1, version included', () => {
    expect(findPaperIds([null, 'arXiv:2405.01234v3 [cs.CL] 2 May 2024\nTitle'])).toEqual({
      arxivId: '2405.01234',
      arxivVersion: 3,
      doi: null,
    })
  })
  it('finds an old-style id and a DOI, trimming punctuation', () => {
    expect(
      findPaperIds(['see arXiv:hep-th/9901001. Published as doi:10.1103/PhysRevD.60.065001).']),
    ).toEqual({
      arxivId: 'hep-th/9901001',
      arxivVersion: null,
      doi: '10.1103/physrevd.60.065001',
    })
  })
  it('reads arXiv’s own DOI as the arXiv id', () => {
    expect(findPaperIds(['https://doi.org/10.48550/arXiv.2401.00001'])).toMatchObject({
      arxivId: '2401.00001',
      doi: null,
    })
  })
  it('finds nothing in plain text', () => {
    expect(findPaperIds(['Lecture notes on lattices, 2024'])).toEqual({
      arxivId: null,
      arxivVersion: null,
      doi: null,
    })
  })
})
