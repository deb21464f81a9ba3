import { describe, expect, it } from 'vitest'
import { apiInputs } from '../api/inputs'

const BELL = 'to\u0007read'

/** Every method input that takes tags, with a valid input carrying `tag` where tags go. */
const TAKING_TAGS: Array<[string, (tag: string) => unknown]> = [
  ['tagPapers', (tag) => ({ ids: [1], tags: [tag] })],
  ['importText', (tag) => ({ text: '2401.00001', sourceName: 'x', tags: [tag] })],
  ['updatePapers', (tag) => ({ ids: [1], addTags: [tag] })],
  ['createTag', (tag) => ({ name: tag })],
  ['listPaperRows', (tag) => ({ tag })],
  ['searchPaperRows', (tag) => ({ tag, query: 'x' })],
  ['addPdf', (tag) => ({ path: '/tmp/a.pdf', tags: [tag] })],
  ['downloadPdfs', (tag) => ({ tag })],
  ['addSource', (tag) => ({ kind: 'hf-daily', params: {}, tags: [tag] })],
  ['autoTagPreview', (tag) => ({ tag })],
  ['exportPapers', (tag) => ({ scope: { kind: 'tag', tag }, format: 'bibtex' })],
  ['exportAnnotations', (tag) => ({ tag })],
]

describe('shared/model/tag-name: one tag-name schema everywhere', () => {
  it.each(TAKING_TAGS)('%s takes a tag name and refuses control characters', (method, input) => {
    const schema = apiInputs[method as keyof typeof apiInputs]
    expect(schema.safeParse(input('llm/decoding')).success).toBe(true)
    const refused = schema.safeParse(input(BELL))
    expect(refused.success).toBe(false)
    expect(refused.error?.issues.map((i) => i.message)).toContain(
      'a tag name cannot hold control characters',
    )
  })
})
