import { z } from 'zod'
import type { AppError } from '@shared/api/errors'
import { APP_ERROR_CODES } from '@shared/api/errors'
import type { AppEventEnvelope } from '@shared/api/events'
import { TOKEN_HEADER, type RpcResult, type Transport } from '@shared/rpc/protocol'
import { describeOwner, type OwnerRecord } from './owner-lock'

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(APP_ERROR_CODES), message: z.string() }),
  }),
])

/** An owner whose door listens: its lock carries the address and the secret. */
export type ReachableOwner = OwnerRecord & { origin: string; token: string }

/**
 * The library's API in the owner process, over its loopback door: the same `dispatch` answers,
 * so a command run through the owner validates and fails exactly as one run in-process.
 */
export function ownerTransport(owner: ReachableOwner): Transport {
  const who = describeOwner(owner)
  return {
    call: async (method, input) => {
      let response: Response
      try {
        response = await fetch(`${owner.origin}/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { [TOKEN_HEADER]: owner.token, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        })
      } catch (error) {
        return unreachable(who, error)
      }
      const parsed = resultSchema.safeParse(await response.json().catch(() => null))
      if (!parsed.success) {
        return failure(
          'internal',
          `The library's owner, ${who}, answered ${response.status} with something that is not an API result.`,
        )
      }
      return parsed.data
    },
    subscribe: (listener) => {
      const abort = new AbortController()
      void readEvents(owner, abort.signal, listener).catch(() => undefined)
      return () => abort.abort()
    },
  }
}

/** Follows the owner's `/events` stream (Server-Sent Events) until `signal` aborts. */
async function readEvents(
  owner: ReachableOwner,
  signal: AbortSignal,
  listener: (event: AppEventEnvelope) => void,
): Promise<void> {
  const response = await fetch(`${owner.origin}/events`, {
    headers: { [TOKEN_HEADER]: owner.token },
    signal,
  })
  if (!response.body) return
  const decoder = new TextDecoder()
  let pending = ''
  for await (const chunk of response.body) {
    pending += decoder.decode(chunk, { stream: true })
    const blocks = pending.split('\n\n')
    pending = blocks.pop() ?? ''
    for (const block of blocks) {
      const data = block.split('\n').find((line) => line.startsWith('data: '))
      if (data) listener(JSON.parse(data.slice('data: '.length)) as AppEventEnvelope)
    }
  }
}

function unreachable(who: string, error: unknown): RpcResult {
  const cause =
    error instanceof Error
      ? ((error.cause as Error | undefined)?.message ?? error.message)
      : String(error)
  return failure(
    'network',
    `The library is open in ${who}, which did not answer (${cause}). If it has hung, stop it and run the command again.`,
  )
}

function failure(code: AppError['code'], message: string): RpcResult {
  return { ok: false, error: { code, message } }
}
