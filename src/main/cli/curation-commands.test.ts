import { describe, expect, it } from 'vitest'
import { runCliCaptured as cli } from '../../../test/helpers/run-cli-captured'
import { useTempDir } from '../../../test/helpers/temp-dir'

const BIB = '@article{a, title={A Typo Titel}, author={Doe, Jane}, year={2020}, doi={10.1000/a}}\n'

describe('cli/curation-commands: edit', () => {
  const tempDir = useTempDir()

  it('corrects metadata that a re-import keeps, and --reset puts the source back', async () => {
    const lib = tempDir()
    expect((await cli(lib, ['import', '-', '--format', 'bibtex'], BIB)).code).toBe(0)
    const edited = await cli(lib, [
      'edit',
      '10.1000/a',
      'title=A Typo Title',
      'authors=Jane Doe; Rick Roe',
      'date=2020-06',
    ])
    expect(edited).toMatchObject({ code: 0 })
    expect(edited.stdout).toMatch(/#1 edited \(title, authors, publishedAt\)/)
    await cli(lib, ['import', '-', '--format', 'bibtex'], BIB)
    const shown = JSON.parse((await cli(lib, ['show', '1', '--json'])).stdout) as unknown
    expect(shown).toMatchObject({
      title: 'A Typo Title',
      authors: ['Jane Doe', 'Rick Roe'],
      publishedAt: '2020-06',
    })
    expect((await cli(lib, ['edit', '1', '--reset', 'date'])).code).toBe(0)
    expect(JSON.parse((await cli(lib, ['show', '1', '--json'])).stdout)).toMatchObject({
      title: 'A Typo Title',
      publishedAt: '2020',
    })
    await cli(lib, ['edit', '1', '--reset'])
    expect(JSON.parse((await cli(lib, ['show', '1', '--json'])).stdout)).toMatchObject({
      title: 'A Typo Titel',
      authors: ['Jane Doe'],
    })
    expect((await cli(lib, ['edit', '1', 'color=red'])).code).toBe(2)
    const bad = await cli(lib, ['edit', '1', 'date=2020-13'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/YYYY-MM/)
  })
})
