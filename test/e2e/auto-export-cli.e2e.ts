import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from '@retorquere/bibtex-parser'
import { describe, expect, it } from 'vitest'
import { papershelf } from '../helpers/papershelf-process'
import { useTempDir } from '../helpers/temp-dir'

const BIB = `@article{a, title={Attention Is All You Need}, author={Vaswani, Ashish}, year={2017}, doi={10.1000/a}}
@article{b, title={Deep Residual Learning}, author={He, Kaiming}, year={2016}, doi={10.1000/b}}
`
const OTHER = `@article{c, title={Batch Normalization}, author={Ioffe, Sergey}, year={2015}, doi={10.1000/c}}
`
const MORE = `@article{d, title={Layer Normalization}, author={Ba, Jimmy Lei}, year={2016}, doi={10.1000/d}}
`

function keys(path: string): string[] {
  const parsed = parse(readFileSync(path, 'utf8'))
  expect(parsed.errors).toEqual([])
  return parsed.entries.map((entry) => entry.key).sort()
}

// Each step starts the built command afresh, with no app or `serve` holding the library.
describe(
  'the built papershelf command: one-shot commands keep auto-exports',
  { timeout: 300_000 },
  () => {
    const tempDir = useTempDir()

    it('rewrites an auto-exported file after tag, untag, edit and import, and only when it changes', async () => {
      const library = tempDir()
      const work = tempDir()
      writeFileSync(join(work, 'refs.bib'), BIB)
      writeFileSync(join(work, 'other.bib'), OTHER)
      writeFileSync(join(work, 'more.bib'), MORE)
      const at = (...args: string[]) => papershelf([...args, '--library', library])
      expect((await at('import', join(work, 'refs.bib'), '--tag', 'llm')).code).toBe(0)
      const target = join(work, 'out', 'llm.bib')
      const added = await at('auto-export', 'add', '--tag', 'llm', '--to', target)
      expect(added.code).toBe(0)
      expect(added.stdout).toMatch(/else by the command that changed them/)
      expect(keys(target)).toEqual(['he2016deep', 'vaswani2017attention'])
      const written = () => statSync(target).ino

      // A change outside the tag: the file's text is the same, so it is not written again.
      const first = written()
      expect((await at('import', join(work, 'other.bib'))).code).toBe(0)
      expect((await at('note', '3', 'read later')).code).toBe(0)
      expect(written()).toBe(first)

      expect(await at('tag', '3', 'llm')).toMatchObject({ code: 0, stderr: '' })
      expect(keys(target)).toEqual(['he2016deep', 'ioffe2015batch', 'vaswani2017attention'])
      expect(written()).not.toBe(first)

      expect((await at('untag', '2', 'llm')).code).toBe(0)
      expect(keys(target)).toEqual(['ioffe2015batch', 'vaswani2017attention'])

      expect((await at('edit', '1', 'title=Attention Is Everything')).code).toBe(0)
      expect(readFileSync(target, 'utf8')).toMatch(/title = \{Attention .*Everything/)

      expect((await at('import', join(work, 'more.bib'), '--tag', 'llm')).code).toBe(0)
      expect(keys(target)).toEqual(['ba2016layer', 'ioffe2015batch', 'vaswani2017attention'])
      // Written under a temporary name and renamed: nothing else is left beside it.
      expect(readdirSync(join(work, 'out'))).toEqual(['llm.bib'])
    })

    it('says which file could not be rewritten, and the command still succeeds', async () => {
      const library = tempDir()
      const work = tempDir()
      writeFileSync(join(work, 'refs.bib'), BIB)
      const at = (...args: string[]) => papershelf([...args, '--library', library])
      expect((await at('import', join(work, 'refs.bib'), '--tag', 'llm')).code).toBe(0)
      const target = join(work, 'out', 'llm.bib')
      expect((await at('auto-export', 'add', '--tag', 'llm', '--to', target)).code).toBe(0)
      // The folder becomes a file: the export cannot be written there.
      rmSync(join(work, 'out'), { recursive: true })
      writeFileSync(join(work, 'out'), 'not a folder')

      const tagged = await at('untag', '2', 'llm')
      expect(tagged.code).toBe(0)
      expect(tagged.stderr).toMatch(/auto-export 1 \(.*llm\.bib\) was not rewritten: /)
      expect((await at('auto-export', 'list')).stdout).toMatch(
        /^1 {2}bibtex of tag llm → .*FAILED: /,
      )

      // Once the folder is back, the next change writes the file again.
      rmSync(join(work, 'out'))
      mkdirSync(join(work, 'out'))
      expect((await at('tag', '2', 'llm')).code).toBe(0)
      expect(keys(target)).toEqual(['he2016deep', 'vaswani2017attention'])
    })
  },
)
