import type { PairingList, SavedPaper } from '@shared/api/browser-api'
import { AppError } from '@shared/api/errors'
import { UsageError } from './cli-io'
import { print, type Command, type CommandContext } from './command'

/** The id of the list `--list NAME` names, if given. */
async function listIdOf(ctx: CommandContext): Promise<number | undefined> {
  const name = ctx.flags.list
  if (name === undefined) return undefined
  const list = (await ctx.api.listLists({})).find(
    (l) => l.name.toLowerCase() === name.toLowerCase(),
  )
  if (!list) {
    throw new AppError(
      'not-found',
      `There is no list named "${name}" (papershelf lists shows them).`,
    )
  }
  return list.id
}

function savedLine(paper: SavedPaper): string {
  const where = [
    paper.status,
    ...(paper.tags.length > 0 ? [`tags: ${paper.tags.join(', ')}`] : []),
    ...(paper.lists.length > 0 ? [`lists: ${paper.lists.join(', ')}`] : []),
    ...(paper.pdfQueued ? ['PDF downloading'] : paper.hasPdf ? ['PDF stored'] : []),
  ].join('; ')
  const what = paper.added ? 'added' : 'already in the library'
  return `#${paper.paperId} ${what}: ${paper.title ?? '(untitled)'} (${where})`
}

function pairingsText(list: PairingList): string {
  const lines = [
    ...list.pending.map(
      (p) => `waiting  ${p.client}: type ${p.code} into the extension (until ${p.expiresAt})`,
    ),
    ...list.paired.map(
      (p) =>
        `${String(p.id).padStart(7)}  ${p.client}, paired ${p.createdAt}${p.lastUsedAt ? `, last used ${p.lastUsedAt}` : ''}`,
    ),
  ]
  return lines.length === 0 ? 'No browser extension is paired.' : lines.join('\n')
}

/** `add <url>…`: saves the papers of web pages (the PDF form of `add` lives with the PDF commands). */
export async function addPages(ctx: CommandContext, urls: ReadonlyArray<string>): Promise<number> {
  const listId = await listIdOf(ctx)
  const saved: SavedPaper[] = []
  for (const url of urls) {
    const page = await ctx.api.savePage({
      url,
      tags: ctx.flags.tag,
      ...(listId === undefined ? {} : { listId }),
    })
    saved.push(...page.papers)
  }
  return print(ctx, saved, () => saved.map(savedLine).join('\n'))
}

/** The extensions paired with the library. */
export const BROWSER_COMMANDS: Record<string, Command> = {
  pairings: {
    usage: 'pairings [--revoke ID]',
    summary: 'browser extensions paired with the library (and codes waiting to be typed)',
    run: async (ctx) => {
      const revoke = ctx.flags.revoke
      if (revoke !== undefined) {
        const id = Number(revoke)
        if (!Number.isInteger(id) || id < 1) {
          throw new UsageError(`--revoke takes a pairing number, not "${revoke}"`)
        }
        const result = await ctx.api.revokePairing({ id })
        return print(ctx, result, () => `Pairing ${id} revoked: that extension must pair again.`)
      }
      const list = await ctx.api.listPairings({})
      return print(ctx, list, () => pairingsText(list))
    },
  },
}
