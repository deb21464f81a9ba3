import { AppError } from '@shared/api/errors'
import type { PaperId } from '@shared/model/ids'
import type { ListPlace, UserList } from '@shared/api/library-ui'
import { UsageError } from './cli-io'
import { print, resolvePaper, resolvePapers, type Command, type CommandContext } from './command'

/** A user list named by number or name (names compare without case). */
export async function resolveList(ctx: CommandContext, ref: string): Promise<UserList> {
  const lists = await ctx.api.listLists({})
  const found =
    lists.find((l) => String(l.id) === ref) ??
    lists.find((l) => l.name.toLowerCase() === ref.toLowerCase())
  if (!found) {
    throw new AppError('not-found', `No list is named "${ref}" (see papershelf lists).`)
  }
  return found
}

const plural = (n: number) => `${n} paper${n === 1 ? '' : 's'}`

const listLine = (list: UserList) => `#${list.id}  ${list.name}  (${plural(list.paperCount)})`

/** The place `--before P`, `--after P` or `--to N` names (exactly one). */
async function placeFromFlags(ctx: CommandContext): Promise<ListPlace> {
  const { before, after, to } = ctx.flags
  const given = [before, after, to].filter((value) => value !== undefined).length
  if (given !== 1) throw new UsageError('give one of --before <paper>, --after <paper> or --to <n>')
  if (before !== undefined) return { before: await resolvePaper({ ...ctx, args: [before] }) }
  if (after !== undefined) return { after: await resolvePaper({ ...ctx, args: [after] }) }
  const place = Number(to)
  if (!Number.isInteger(place) || place < 1) {
    throw new UsageError(`--to takes a place in the list from 1, not "${to ?? ''}"`)
  }
  return { to: place }
}

/** The list and papers of `lists add|remove <list> <paper>...`. */
async function listAndPapers(ctx: CommandContext): Promise<{ list: UserList; ids: PaperId[] }> {
  const [, ref, ...papers] = ctx.args
  if (ref === undefined || papers.length === 0) {
    throw new UsageError('name a list and at least one paper')
  }
  const list = await resolveList(ctx, ref)
  return { list, ids: await resolvePapers({ ...ctx, args: papers }) }
}

const run: Command['run'] = async (ctx) => {
  const action = ctx.args[0] ?? 'show'
  switch (action) {
    case 'show': {
      const lists = await ctx.api.listLists({})
      return print(ctx, lists, () =>
        lists.length === 0
          ? 'No lists yet (papershelf lists create <name> makes one).'
          : lists.map(listLine).join('\n'),
      )
    }
    case 'create': {
      const name = ctx.args.slice(1).join(' ').trim()
      if (name === '') throw new UsageError('give the new list a name')
      const list = await ctx.api.createList({ name })
      return print(ctx, list, () => `Created list #${list.id} “${list.name}”.`)
    }
    case 'add': {
      const { list, ids } = await listAndPapers(ctx)
      const { changed } = await ctx.api.addToList({ listId: list.id, ids })
      const already = new Set(ids).size - changed
      return print(
        ctx,
        { changed },
        () =>
          `Added ${plural(changed)} to “${list.name}”${already > 0 ? ` (${plural(already)} already in it)` : ''}.`,
      )
    }
    case 'remove': {
      const { list, ids } = await listAndPapers(ctx)
      const { changed } = await ctx.api.removeFromList({ listId: list.id, ids })
      return print(ctx, { changed }, () => `Removed ${plural(changed)} from “${list.name}”.`)
    }
    case 'move': {
      const [, ref, paper] = ctx.args
      if (ref === undefined || paper === undefined || ctx.args.length > 3) {
        throw new UsageError('name a list and one paper')
      }
      const list = await resolveList(ctx, ref)
      const paperId = await resolvePaper({ ...ctx, args: [paper] })
      const place = await placeFromFlags(ctx)
      const moved = await ctx.api.moveInList({ listId: list.id, paperId, ...place })
      return print(ctx, moved, () =>
        moved.from === moved.to
          ? `#${paperId} stays at place ${moved.to} of “${list.name}”.`
          : `Moved #${paperId} from place ${moved.from} to ${moved.to} of “${list.name}”.`,
      )
    }
    default:
      throw new UsageError(`lists has no "${action}": use create, add, remove or move`)
  }
}

/** `papershelf lists …`: user lists, their papers and their order. */
export const LIST_COMMANDS: Record<string, Command> = {
  lists: {
    usage:
      'lists | lists create <name> | lists add|remove <list> <paper>... | lists move <list> <paper> --before <paper>|--after <paper>|--to <n>',
    summary:
      'user lists with their counts; make one, add or remove papers, move a paper in its order',
    run,
  },
}
