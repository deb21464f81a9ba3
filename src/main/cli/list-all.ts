import type { ApiInput } from '@shared/api/inputs'
import { MAX_PAGE_SIZE } from '@shared/api/inputs'
import type { CommandContext } from './command'
import { paperJson, paperLine } from './format-paper'

/**
 * `list --all`: every matching paper, fetched and printed a page at a time, so a library of any
 * size is listed without holding it in memory (JSON is written as one array, element by element).
 */
export async function listAll(
  ctx: CommandContext,
  query: Omit<ApiInput<'listPapers'>, 'limit' | 'offset'>,
): Promise<number> {
  const json = ctx.flags.json
  let offset = 0
  let total: number
  if (json) ctx.io.stdout('[')
  for (;;) {
    const page = await ctx.api.listPapers({ ...query, limit: MAX_PAGE_SIZE, offset })
    total = page.total
    const chunk = json
      ? page.papers
          .map(
            (paper, i) => `${offset + i === 0 ? '\n' : ',\n'}${JSON.stringify(paperJson(paper))}`,
          )
          .join('')
      : page.papers.map((paper) => `${paperLine(paper)}\n`).join('')
    if (chunk !== '') ctx.io.stdout(chunk)
    offset += page.papers.length
    if (page.papers.length < MAX_PAGE_SIZE) break
  }
  if (json) ctx.io.stdout(offset === 0 ? ']\n' : '\n]\n')
  else ctx.io.stdout(offset === 0 ? 'No papers match.\n' : `(${offset} of ${total})\n`)
  return 0
}
