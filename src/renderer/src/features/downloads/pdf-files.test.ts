import { describe, expect, it } from 'vitest'
import { bytesToBase64, formatBytes, isPdfFile } from './pdf-files'

describe('renderer/features/downloads/pdf-files', () => {
  it('recognises PDFs by type or by name, and nothing else', () => {
    expect(isPdfFile({ name: 'paper', type: 'application/pdf' })).toBe(true)
    expect(isPdfFile({ name: 'Paper.PDF', type: '' })).toBe(true)
    expect(isPdfFile({ name: 'notes.txt', type: 'text/plain' })).toBe(false)
    expect(isPdfFile({ name: 'pdf', type: '' })).toBe(false)
  })

  it('encodes bytes as base64 across chunk boundaries', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 7).map((_, index) => (index * 31) % 256)
    const encoded = bytesToBase64(bytes)
    const decoded = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0))
    expect(decoded).toEqual(bytes)
    expect(bytesToBase64(new TextEncoder().encode('%PDF'))).toBe('JVBERg==')
  })

  it('formats byte counts for people', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(3380)).toBe('3.3 KB')
    expect(formatBytes(48 * 1024 * 1024)).toBe('48 MB')
  })
})
