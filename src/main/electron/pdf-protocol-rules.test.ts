import { describe, expect, it } from 'vitest'
import { isServablePdf, paperIdFromPdfUrl } from './pdf-protocol-rules'

describe('electron/pdf-protocol-rules', () => {
  it('reads the paper id of a protocol URL, ignoring the cache-busting query', () => {
    expect(paperIdFromPdfUrl('papershelf-pdf://pdf/42')).toBe(42)
    expect(paperIdFromPdfUrl('papershelf-pdf://pdf/42?v=0123abcd')).toBe(42)
  })

  it.each([
    'papershelf-pdf://pdf/../../etc/passwd',
    'papershelf-pdf://pdf/%2e%2e%2fetc%2fpasswd',
    'papershelf-pdf://pdf/%252e%252e%252f',
    'papershelf-pdf://pdf/42/../43',
    'papershelf-pdf://pdf/0',
    'papershelf-pdf://pdf/-1',
    'papershelf-pdf://pdf/1e3',
    'papershelf-pdf://other/42',
    'papershelf-pdf://user:pw@pdf/42',
    'file:///etc/passwd',
    'https://pdf/42',
    'not a url',
  ])('refuses %s', (url) => {
    expect(paperIdFromPdfUrl(url)).toBeNull()
  })

  it('serves only PDF files inside the library PDF folder', () => {
    expect(isServablePdf('/lib/pdfs', `/lib/pdfs/${'a'.repeat(64)}.pdf`)).toBe(true)
    expect(isServablePdf('/lib/pdfs', '/lib/library.sqlite')).toBe(false)
    expect(isServablePdf('/lib/pdfs', '/lib/pdfs/../x.pdf')).toBe(false)
    expect(isServablePdf('/lib/pdfs', '/lib/pdfs/.partial/x.part')).toBe(false)
    expect(isServablePdf('/lib/pdfs', '/etc/passwd')).toBe(false)
  })
})
