import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from '@retorquere/bibtex-parser'
import { describe, expect, it } from 'vitest'
import { TRICKY_CSL } from '../helpers/curation-library'
import { fixturePath } from '../helpers/fixtures'
import { useTempDir } from '../helpers/temp-dir'

const bin = fileURLToPath(new URL('../../bin/papershelf.js', import.meta.url))

function papershelf(library: string, args: string[], cwd?: string) {
  const result = spawnSync(process.execPath, [bin, ...args, '--library', library], {
    encoding: 'utf8',
    cwd,
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

// Each run starts the built command afresh (a second or more on a busy machine), and these run many.
describe(
  'the built papershelf command: export, cite, citation keys, duplicates',
  { timeout: 300_000 },
  () => {
    const tempDir = useTempDir()

    it('exports a tag as BibTeX to a file, cites papers and edits their keys', () => {
      const library = tempDir()
      const work = tempDir()
      writeFileSync(join(work, 'tricky.json'), TRICKY_CSL)
      expect(
        papershelf(library, [
          'import',
          fixturePath('zotero/stock-zotero-bibtex_ethankim00-blog.bib'),
        ]).code,
      ).toBe(0)
      expect(
        papershelf(library, ['import', join(work, 'tricky.json'), '--tag', 'llm/decoding']).code,
      ).toBe(0)

      const exported = papershelf(
        library,
        ['export', '--format', 'bibtex', '--tag', 'llm', '--to', 'out/refs.bib'],
        work,
      )
      expect(exported.code).toBe(0)
      expect(exported.stderr).toMatch(/Exported 3 papers to .*refs\.bib/)
      const text = readFileSync(join(work, 'out', 'refs.bib'), 'utf8')
      expect(
        parse(text, { sentenceCase: false })
          .entries.map((e) => e.key)
          .sort(),
      ).toEqual(['consortium1999paper', 'muller2021script', 'vaswani2017attention'])
      // Written under a temporary name and renamed: nothing else is left in the folder.
      expect(readdirSync(join(work, 'out'))).toEqual(['refs.bib'])

      const ris = papershelf(library, ['export', '--format', 'ris', '1706.03762'])
      expect(ris.stdout).toMatch(/^TY {2}- /)
      expect(ris.stdout).toContain('TI  - Attention Is All You Need')

      const cite = papershelf(library, ['cite', '1706.03762', '--style', 'ieee'])
      expect(cite).toMatchObject({ code: 0, stderr: '' })
      expect(cite.stdout).toMatch(/^Vaswani A, Shazeer N\. Attention Is All You Need/)
      expect(papershelf(library, ['cite', '1706.03762', '--style', 'mla']).code).toBe(2)

      expect(papershelf(library, ['citekey', '1706.03762']).stdout.trim()).toBe(
        'vaswani2017attention',
      )
      expect(papershelf(library, ['citekey', '1706.03762', 'transformer17']).stdout).toMatch(
        /cited as transformer17/,
      )
      const taken = papershelf(library, ['citekey', '10.5555/12345678', 'Transformer17'])
      expect(taken.code).toBe(1)
      expect(taken.stderr).toMatch(/belongs to paper/)
      expect(papershelf(library, ['export', '--format', 'bibtex', '1706.03762']).stdout).toMatch(
        /^@misc\{transformer17,/,
      )
      const refused = papershelf(library, ['export', '--format', 'docx'])
      expect(refused.code).toBe(2)
      expect(refused.stderr).toMatch(
        /--format takes one of json, bibtex, biblatex, csl-json, ris, awesome/,
      )
    })

    it('lists duplicates, merges them and splits them again', () => {
      const library = tempDir()
      const work = tempDir()
      writeFileSync(
        join(work, 'two.bib'),
        `@misc{a, title = {Speculative Decoding with Big Little Decoder}, author = {Sehoon Kim and Karttikeya Mangalam}, eprint = {2302.07863}, archivePrefix = {arXiv}, year = {2023}}
@inproceedings{b, title = {Speculative Decoding with Big Little Decoder: Faster Inference}, author = {Kim, Sehoon and Malik, Jitendra}, doi = {10.5555/bild.2023}, booktitle = {NeurIPS}, year = {2023}}
`,
      )
      expect(papershelf(library, ['import', join(work, 'two.bib')]).code).toBe(0)
      const listed = papershelf(library, ['duplicates', '--json'])
      const pairs = JSON.parse(listed.stdout) as Array<{
        reason: string
        papers: Array<{ id: number }>
      }>
      expect(pairs).toHaveLength(1)
      const [first, second] = pairs[0]?.papers.map((p) => p.id) ?? []
      expect(papershelf(library, ['duplicates']).stdout).toMatch(/similar title, shared author/)

      const merged = papershelf(library, ['merge', '10.5555/bild.2023', '2302.07863'])
      expect(merged.code).toBe(0)
      expect(merged.stdout).toMatch(/Merged #\d+ into #\d+ \(undo: papershelf unmerge \d+\)/)
      const shown = JSON.parse(papershelf(library, ['show', '2302.07863', '--json']).stdout) as {
        doi: string
      }
      expect(shown.doi).toBe('10.5555/bild.2023')
      expect(papershelf(library, ['duplicates']).stdout.trim()).toBe('No duplicates found.')
      const mergedAway = String(
        first === undefined || second === undefined ? 0 : Math.min(first, second),
      )
      expect(papershelf(library, ['unmerge', mergedAway]).code).toBe(0)
      expect(JSON.parse(papershelf(library, ['duplicates', '--json']).stdout)).toHaveLength(1)
    })
  },
)
