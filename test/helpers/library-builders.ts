import { closeSync, openSync, statSync, writeSync } from 'node:fs'
import type { LibraryApi } from '@shared/api/library-api'

/** `count` distinct new-style arXiv ids, one per line, starting at `start`. */
export function arxivIdList(count: number, start = 0): string {
  return Array.from({ length: count }, (_, i) => {
    const n = start + i
    return `${2300 + Math.floor(n / 90_000) * 100 + 1}.${String(10_000 + (n % 90_000)).padStart(5, '0')}`
  }).join('\n')
}

/** Imports `count` papers and gives the first few the user's tags, notes, status and star. */
export async function seedLibrary(api: LibraryApi, count = 40): Promise<void> {
  const report = await api.importText({
    text: arxivIdList(count),
    sourceName: 'seed.txt',
    tags: ['seed'],
  })
  const [a, b, c] = report.paperIds
  if (a === undefined || b === undefined || c === undefined) {
    throw new Error('seed import added too few papers')
  }
  await api.tagPapers({ ids: [a, b], tags: ['to-read', 'llm/decoding'] })
  await api.setNote({ id: a, note: 'read section 3 <b>twice</b>' })
  await api.setStatus({ ids: [b], status: 'reading' })
  await api.setStarred({ ids: [c], starred: true })
}

/**
 * Overwrites bytes in the middle of several database pages (not the header), the way a bad disk
 * or a stray write damages a file.
 */
export function damagePages(file: string, pageSize = 4096): void {
  const size = statSync(file).size
  const pages = Math.floor(size / pageSize)
  if (pages < 3) throw new Error(`${file} is too small to damage (${pages} pages)`)
  const fd = openSync(file, 'r+')
  try {
    const garbage = Buffer.alloc(64, 0xa5)
    for (let page = 1; page < pages; page += 1) {
      writeSync(fd, garbage, 0, garbage.length, page * pageSize)
    }
  } finally {
    closeSync(fd)
  }
}

/** Scribbles over the last pages of a database: damage that opening does not notice. */
export function damageLastPages(file: string, count: number, pageSize = 4096): void {
  const pages = Math.floor(statSync(file).size / pageSize)
  const fd = openSync(file, 'r+')
  try {
    for (let page = pages - count; page < pages; page += 1) {
      writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, page * pageSize)
    }
  } finally {
    closeSync(fd)
  }
}
