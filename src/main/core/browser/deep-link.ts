import { AppError } from '@shared/api/errors'
import type { LibraryApi } from '@shared/api/library-api'
import { paperIdSchema, type PaperId } from '@shared/model/ids'

/** The scheme the desktop app registers. */
export const DEEP_LINK_SCHEME = 'papershelf'

/** What a `papershelf://` link asks for. */
export type DeepLink =
  { kind: 'add'; url: string; tags: string[] } | { kind: 'open'; paperId: PaperId }

/**
 * Reads `papershelf://add?url=<page>&tag=<tag>…` (save the papers of a page, as `papershelf add`)
 * and `papershelf://open?paper=<id>` (show a paper). Any web page can start such a link, so an
 * added page must be a public http(s) address: the app never fetches loopback or private-network
 * addresses for a link.
 */
export function parseDeepLink(text: string): DeepLink {
  let link: URL
  try {
    link = new URL(text)
  } catch {
    throw new AppError('invalid-input', `${text} is not a Papershelf link.`)
  }
  if (link.protocol !== `${DEEP_LINK_SCHEME}:`) {
    throw new AppError('invalid-input', `${text} is not a Papershelf link.`)
  }
  // `papershelf://add?…` puts the action in the host; `papershelf:add?…` in the path.
  const action = (link.host || link.pathname).replace(/^\/+|\/+$/g, '')
  if (action === 'open') {
    const id = paperIdSchema.safeParse(Number(link.searchParams.get('paper')))
    if (!id.success) {
      throw new AppError('invalid-input', 'A papershelf://open link names a paper: ?paper=ID.')
    }
    return { kind: 'open', paperId: id.data }
  }
  if (action === 'add') {
    const url = link.searchParams.get('url') ?? ''
    if (!isPublicWebAddress(url)) {
      throw new AppError(
        'invalid-input',
        `A papershelf://add link takes a public http(s) page address, not "${url}".`,
      )
    }
    const tags = link.searchParams
      .getAll('tag')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '')
    return { kind: 'add', url, tags }
  }
  throw new AppError(
    'invalid-input',
    `Papershelf links are papershelf://add or papershelf://open, not ${text}.`,
  )
}

/** The first `papershelf:` link in a command line (how Windows and Linux hand one to the app). */
export function deepLinkFromArgv(argv: ReadonlyArray<string>): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) ?? null
}

/** Carries out a link through the API: saves the page's papers and shows the first, or shows one. */
export async function followDeepLink(
  api: Pick<LibraryApi, 'savePage' | 'revealPaper'>,
  text: string,
): Promise<ReadonlyArray<PaperId>> {
  const link = parseDeepLink(text)
  if (link.kind === 'open') {
    await api.revealPaper({ id: link.paperId })
    return [link.paperId]
  }
  const { papers } = await api.savePage({ url: link.url, tags: link.tags })
  const first = papers[0]
  if (first) await api.revealPaper({ id: first.paperId })
  return papers.map((paper) => paper.paperId)
}

const PRIVATE_V4 = [
  /^127\./,
  /^10\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^0\./,
]

/** An http(s) address on a public host name (no loopback, link-local or private network). */
function isPublicWebAddress(text: string): boolean {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (url.username !== '' || url.password !== '') return false
  const host = url.hostname.toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost') || host.startsWith('[')) return false
  return !PRIVATE_V4.some((range) => range.test(host))
}
