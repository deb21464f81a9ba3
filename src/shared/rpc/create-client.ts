import { AppError } from '../api/errors'
import { apiInputs, type ApiMethod } from '../api/inputs'
import type { LibraryApi } from '../api/library-api'
import type { Transport } from './protocol'

/** A LibraryApi over any transport: failures come back as rejected AppErrors. */
export function createClient(transport: Transport): LibraryApi {
  const call = async (method: ApiMethod, input: unknown): Promise<unknown> => {
    const result = await transport.call(method, input)
    if (!result.ok) throw new AppError(result.error.code, result.error.message)
    return result.value
  }
  const methods = Object.keys(apiInputs) as ApiMethod[]
  return Object.fromEntries(
    methods.map((method) => [method, (input: unknown) => call(method, input)]),
  ) as LibraryApi
}
