import { describe, expect, it } from 'vitest'
import type { AppEventEnvelope } from '@shared/api/events'
import type { PaperId } from '@shared/model/ids'
import { useTempDir } from '../../../test/helpers/temp-dir'
import { useTestCore } from '../../../test/helpers/test-core'

const IDS = ['2401.00001', '2401.00002', '2401.00003'].join('\n')

describe('core/user-edits: one write path for tags, status, star and note', () => {
  const tempDir = useTempDir()
  const openCore = useTestCore()

  const setUp = async () => {
    const { core, api } = openCore(tempDir())
    const { paperIds } = await api.importText({ text: IDS, format: 'ids', sourceName: 'ids.txt' })
    const changes: Array<{ reason: string; paperIds: ReadonlyArray<PaperId> }> = []
    core.events.subscribe((event: AppEventEnvelope) => {
      if (event.type === 'library.changed') changes.push(event.payload)
    })
    return { api, ids: [...paperIds], changes }
  }

  it('sends one event per edit, named by the field it set, and none for an edit that changes nothing', async () => {
    const { api, ids, changes } = await setUp()
    const [first, second] = ids as [PaperId, PaperId]
    expect(await api.tagPapers({ ids: [first, second], tags: ['llm'] })).toEqual({ changed: 2 })
    expect(await api.setStatus({ ids: [first], status: 'read' })).toEqual({ changed: 1 })
    expect(await api.setStarred({ ids: [second], starred: true })).toEqual({ changed: 1 })
    expect(await api.setNote({ id: first, note: 'worth a second read' })).toEqual({ changed: 1 })
    const both = await api.updatePapers({ ids: [second], status: 'reading', removeTags: ['llm'] })
    expect(both.changed).toBe(2)
    expect(changes.map((change) => change.reason)).toEqual([
      'tags',
      'status',
      'starred',
      'note',
      'edit',
    ])
    expect(changes[0]?.paperIds).toEqual([first, second])

    changes.length = 0
    expect(await api.setStatus({ ids: [first], status: 'read' })).toEqual({ changed: 0 })
    expect(await api.untagPapers({ ids: [second], tags: ['llm'] })).toEqual({ changed: 0 })
    expect(await api.setNote({ id: first, note: 'worth a second read' })).toEqual({ changed: 0 })
    expect(changes).toEqual([])
  })

  it('makes tags and notes searchable in the same write, whichever method made them', async () => {
    const { api, ids } = await setUp()
    const [first, , third] = ids as [PaperId, PaperId, PaperId]
    await api.tagPapers({ ids: [first], tags: ['speculative-decoding'] })
    await api.updatePapers({ ids: [third], addTags: ['speculative-decoding'] })
    await api.setNote({ id: third, note: 'compare with medusa heads' })
    const byTag = await api.searchPaperRows({ query: 'tag:speculative-decoding', limit: 10 })
    expect(byTag.rows.map((row) => row.id).sort()).toEqual([first, third].sort())
    const byNote = await api.searchPaperRows({ query: 'medusa', limit: 10 })
    expect(byNote.rows.map((row) => row.id)).toEqual([third])
  })

  it('undoes a tag added through the single-field method as exactly as a bulk edit', async () => {
    const { api, ids } = await setUp()
    const [first, second] = ids as [PaperId, PaperId]
    await api.tagPapers({ ids: [first], tags: ['vision'] })
    const result = await api.updatePapers({ ids: [first, second], addTags: ['vision'] })
    expect(result.undo).toEqual([{ ids: [second], removeTags: ['vision'] }])
    for (const step of result.undo) await api.updatePapers(step)
    const rows = await api.listPaperRows({ tag: 'vision', limit: 10 })
    expect(rows.rows.map((row) => row.id)).toEqual([first])
  })
})
