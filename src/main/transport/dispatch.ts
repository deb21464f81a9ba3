import { AppError, toAppErrorData } from '@shared/api/errors'
import { apiInputs, isApiMethod } from '@shared/api/inputs'
import type { LibraryService } from '@shared/api/library-api'
import type { RpcResult } from '@shared/rpc/protocol'
import { z } from 'zod'

/** Validates a call from any door, runs it, and wraps the outcome; never throws. */
export async function dispatch(
  service: LibraryService,
  method: unknown,
  input: unknown,
): Promise<RpcResult> {
  try {
    if (!isApiMethod(method)) {
      throw new AppError(
        'unknown-method',
        `There is no API method named ${JSON.stringify(method)}.`,
      )
    }
    const parsed = apiInputs[method].safeParse(input ?? {})
    if (!parsed.success) {
      throw new AppError(
        'invalid-input',
        `Invalid input for ${method}: ${z.prettifyError(parsed.error)}`,
      )
    }
    const run = service[method] as (input: unknown) => unknown
    const value = await run(parsed.data)
    return { ok: true, value }
  } catch (error) {
    return { ok: false, error: toAppErrorData(error) }
  }
}
